// @vitest-environment jsdom
// The playground's figures stay on the page while the runs change: the time charts keep their axes while the
// domains do, the map redraws its paths from kept elements, and the timeline follows the runs' length.
import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../../lib/index.js";
import { TimeCharts, panelDomain } from "../../../src/components/playground/TimeCharts.js";
import { keepDomain } from "../../../src/components/stickyDomain.js";
import { Timeline } from "../../../src/components/playground/Timeline.js";
import { thinPath } from "../../../src/components/playground/thin.js";
import { drawablePath } from "../../../src/components/points.js";
import { learningRateSummary, lossChartSummary } from "../../../src/components/summaries.js";

const run = (lr: number, steps = 300) => runOptimizer({ objective: { expr: "(1 - x)^2 + 100*(y - x^2)^2" }, start: [-1.5, 2], steps, optimizer: { name: "adam", lr } });
const series = (lrs: number[]) => lrs.map((lr, i) => ({ trace: run(lr), label: `Run ${i + 1}`, color: ["red", "blue", "green"][i] }));

describe("panelDomain", () => {
  it("rounds a log domain to whole decades and a linear one up to 1, 2 or 5 × 10ᵏ from 0", () => {
    expect(panelDomain([{ step: 0, value: 0.003 }, { step: 1, value: 42 }], true)).toEqual([0.001, 100]);
    expect(panelDomain([{ step: 0, value: 0.001 }, { step: 1, value: 0.05 }], false)).toEqual([0, 0.05]);
    expect(panelDomain([{ step: 0, value: 0.001 }, { step: 1, value: 0.06 }], false)).toEqual([0, 0.1]);
    expect(panelDomain([{ step: 0, value: 0.001 }, { step: 1, value: 0.11 }], false)).toEqual([0, 0.2]);
  });
});

describe("the time charts' axes (keepDomain)", () => {
  const keep = (shown: [number, number] | undefined, next: [number, number], log: boolean) => keepDomain(next, next, shown, { log });
  it("keeps the domain shown while it holds the new one and is not much looser", () => {
    expect(keep(undefined, [0.01, 10], true)).toEqual([0.01, 10]);
    expect(keep([0.001, 10], [0.01, 10], true)).toEqual([0.001, 10]);
    expect(keep([1e-6, 10], [0.01, 10], true)).toEqual([0.01, 10]);
    expect(keep([0.01, 10], [0.001, 10], true)).toEqual([0.001, 10]);
    expect(keep([0, 0.1], [0, 0.05], false)).toEqual([0, 0.1]);
    expect(keep([0, 0.1], [0, 0.02], false)).toEqual([0, 0.02]);
    expect(keep([0, 0.1], [0, 0.2], false)).toEqual([0, 0.2]);
  });
});

describe("TimeCharts", () => {
  it("draws three charts with one legend, a line per run, and keeps the axes for runs within the same domains", () => {
    const charts = TimeCharts({ width: 960, logScale: true });
    document.body.append(charts); // layered figures copy their axes when they go on the page
    const first = series([0.05, 0.01]);
    charts.show(first);
    const svgs = () => [...charts.querySelectorAll("svg")];
    const overlays = () => svgs().filter((s) => s.getAttribute("aria-label"));
    expect(overlays().map((s) => s.getAttribute("aria-label"))).toEqual([
      "Loss per step for Run 1, Run 2",
      "Learning rate per step for Run 1, Run 2",
      "Gradient norm per step for Run 1, Run 2",
    ]);
    for (const overlay of overlays()) expect(overlay.querySelectorAll("path")).toHaveLength(2);
    expect(overlays()[0].getAttribute("aria-description")).toBe(lossChartSummary(first, { logScale: true }));
    expect(overlays()[1].getAttribute("aria-description")).toBe(learningRateSummary(first));
    const bases = svgs().filter((s) => s.getAttribute("aria-hidden") === "true");
    expect(bases).toHaveLength(3);
    charts.setCursor(100);
    expect(overlays().every((s) => s.querySelector("line"))).toBe(true);
    // A nearby learning rate for the second run: the lr chart's domain is still [0, 0.05], its axes stay.
    charts.show(series([0.05, 0.02]));
    const after = svgs().filter((s) => s.getAttribute("aria-hidden") === "true");
    expect(after[1]).toBe(bases[1]);
    expect(overlays().every((s) => s.querySelector("line"))).toBe(true);
  });
});

describe("Timeline", () => {
  it("follows a new length: a cursor at the end stays at the end, one past it is clamped, one before it stays", () => {
    const timeline = Timeline(0);
    let events = 0;
    timeline.addEventListener("input", () => events++);
    timeline.setMax(1000);
    expect([timeline.value, events]).toEqual([1000, 1]);
    timeline.setMax(1000);
    expect(events).toBe(1);
    timeline.value = 400;
    timeline.setMax(300);
    expect([timeline.value, events]).toEqual([300, 2]);
    timeline.value = 100;
    timeline.setMax(500);
    expect([timeline.value, events]).toEqual([100, 2]);
    expect(timeline.querySelector("output")!.textContent).toBe("100 / 500");
  });
});

describe("thinPath", () => {
  it("of a run up to t is the steps it keeps of the whole run before t, then t (what the map's prefixes rely on)", () => {
    const points = drawablePath(run(0.05).path, { x: [-2.2, 2.2], y: [-1.2, 3.2] });
    const tolerance = { x: 0.004, y: 0.004 };
    const whole = thinPath(points, tolerance).map((p) => p.step);
    for (const t of [1, 2, 10, 57, 150, 299, 300]) {
      const prefix = thinPath(points.slice(0, t + 1), tolerance).map((p) => p.step);
      expect(prefix).toEqual([...whole.filter((s) => s < t), t]);
    }
  });
});
