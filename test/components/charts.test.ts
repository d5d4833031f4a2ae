// @vitest-environment jsdom
// Snapshots of the line charts, as Plot tests its own: the tidied SVG is compared with a committed file.
import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../lib/index.js";
import { LossChart } from "../../src/components/LossChart.js";
import { LearningRateChart } from "../../src/components/LearningRateChart.js";
import { DescentCurve } from "../../src/components/DescentCurve.js";
import { tidySvg } from "./tidy.js";

const parabola = (lr: number, steps = 20) => runOptimizer({ objective: "quadratic1d", start: [10], optimizer: { name: "sgd", lr }, steps });
const snapshot = (name: string) => `./__snapshots__/${name}.svg`;

describe("LossChart", () => {
  it("LossChart(two runs) draws a line per run with a legend", async () => {
    const figure = LossChart([{ trace: parabola(0.1), label: "η = 0.1" }, { trace: parabola(0.3), label: "η = 0.3" }], { width: 480, height: 240 });
    // The legend sits above the layers; the chart's name is on the overlay, the one SVG not hidden.
    expect(figure.legend?.textContent).toContain("η = 0.3");
    expect(figure.querySelector("svg[aria-label]")).toBe(figure.overlay);
    expect(figure.overlay.getAttribute("aria-label")).toBe("Loss per step for η = 0.1, η = 0.3");
    expect(figure.base.getAttribute("aria-hidden")).toBe("true");
    await expect(tidySvg(figure)).toMatchFileSnapshot(snapshot("loss-two-runs"));
  });

  it("LossChart(run diverging after a few steps, {logScale}) draws the finite part and marks the divergence", async () => {
    const trace = runOptimizer({ objective: "quadratic1d", start: [10], optimizer: { name: "sgd", lr: 1e10 }, steps: 20 });
    expect(trace.stop.reason).toBe("diverged");
    const figure = LossChart({ trace, label: "η = 1e10" }, { logScale: true, width: 480, height: 240 });
    expect(figure.overlay.getAttribute("aria-description")).toContain("diverged at step");
    expect(figure.overlay.textContent).toContain("diverged (step");
    // The log axis spans whole decades around the finite losses.
    const [lo, hi] = figure.scale("y")!.domain as number[];
    expect(Math.log10(lo) % 1).toBe(0);
    expect(Math.log10(hi) % 1).toBe(0);
    await expect(tidySvg(figure)).toMatchFileSnapshot(snapshot("loss-diverged-log"));
  });
});

describe("LearningRateChart", () => {
  it("LearningRateChart(step decay) draws η per step as a staircase", async () => {
    const trace = runOptimizer({ objective: "quadratic1d", start: [10], optimizer: { name: "sgd", lr: 0.1 }, schedule: { name: "step", stepSize: 5, gamma: 0.5 }, steps: 20 });
    const svg = LearningRateChart({ trace, label: "step decay" }, { width: 480, height: 200 });
    expect(svg.getAttribute("aria-description")).toContain("from 0.1 to 0.0125");
    await expect(tidySvg(svg)).toMatchFileSnapshot(snapshot("learning-rate-step"));
  });
});

describe("DescentCurve", () => {
  it("DescentCurve(y = x² from 10, η 0.1) draws the iterates and the start's tangent", async () => {
    const figure = DescentCurve(parabola(0.1), { loss: (x) => x * x, slope: (x) => 2 * x, xDomain: [-11, 11], width: 480, height: 260 });
    expect(figure.overlay.getAttribute("aria-description")).toContain("the first step goes left");
    await expect(tidySvg(figure)).toMatchFileSnapshot(snapshot("descent-curve-parabola"));
  });

  it("keeps its base (axes and curve) for another run on the same curve, and only that", () => {
    const options = { loss: (x: number) => x * x, xDomain: [-11, 11] as const, width: 480, height: 260 };
    const a = DescentCurve(parabola(0.1), options);
    expect(DescentCurve(parabola(0.3), options).baseKey).toBe(a.baseKey);
    expect(DescentCurve(parabola(0.1), { ...options, loss: (x) => 2 * x * x }).baseKey).not.toBe(a.baseKey);
    expect(DescentCurve(parabola(0.1), { ...options, width: 400 }).baseKey).not.toBe(a.baseKey);
  });
});
