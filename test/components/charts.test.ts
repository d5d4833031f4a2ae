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
    const svg = LossChart([{ trace: parabola(0.1), label: "η = 0.1" }, { trace: parabola(0.3), label: "η = 0.3" }], { width: 480, height: 240 });
    // With a legend Plot returns a <figure>; the chart's name is on its SVG.
    expect(svg.tagName).toBe("FIGURE");
    expect(svg.querySelector("svg[aria-label]")?.getAttribute("aria-label")).toBe("Loss per step for η = 0.1, η = 0.3");
    await expect(tidySvg(svg)).toMatchFileSnapshot(snapshot("loss-two-runs"));
  });

  it("LossChart(run diverging after a few steps, {logScale}) draws the finite part and marks the divergence", async () => {
    const trace = runOptimizer({ objective: "quadratic1d", start: [10], optimizer: { name: "sgd", lr: 1e10 }, steps: 20 });
    expect(trace.stop.reason).toBe("diverged");
    const svg = LossChart({ trace, label: "η = 1e10" }, { logScale: true, width: 480, height: 240 });
    expect(svg.getAttribute("aria-description")).toContain("diverged at step");
    expect(svg.textContent).toContain("diverged (step");
    await expect(tidySvg(svg)).toMatchFileSnapshot(snapshot("loss-diverged-log"));
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
    const svg = DescentCurve(parabola(0.1), { loss: (x) => x * x, slope: (x) => 2 * x, xDomain: [-11, 11], width: 480, height: 260 });
    expect(svg.getAttribute("aria-description")).toContain("the first step goes left");
    await expect(tidySvg(svg)).toMatchFileSnapshot(snapshot("descent-curve-parabola"));
  });
});
