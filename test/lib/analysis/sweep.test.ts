import { describe, expect, it } from "vitest";
import { resolveObjective } from "../../../lib/index.js";
import { logSpace } from "../../../lib/analysis/convergenceMap.js";
import { regimeSpans, sweepLearningRate } from "../../../lib/analysis/sweep.js";

const objective = { expr: "x^2" };
const spec = (lr: number) => ({ objective, start: [10], optimizer: { name: "sgd" as const, lr }, steps: 50 });

describe("sweepLearningRate", () => {
  const points = sweepLearningRate(spec, logSpace(1e-3, 3, 61));

  it("gives one point per η, in order, with the last finite loss", () => {
    expect(points).toHaveLength(61);
    expect(points[0].lr).toBe(1e-3);
    expect(points.every((p) => Number.isFinite(p.finalLoss))).toBe(true);
  });

  it("is the same with a prebuilt objective", () => {
    const lrs = [0.01, 0.3, 2];
    expect(sweepLearningRate(spec, lrs, resolveObjective(objective))).toEqual(sweepLearningRate(spec, lrs));
  });

  it("on x², the four regimes come in order: slow, converging, oscillating, diverging", () => {
    expect(regimeSpans(points).map((s) => s.regime)).toEqual(["slow", "converging", "oscillating", "diverging"]);
  });

  it("places the oscillating and diverging spans at 1/L = 0.5 and 2/L = 1 (within the grid's spacing)", () => {
    const spans = regimeSpans(points);
    const ratio = (3 / 1e-3) ** (1 / 60);
    const [oscillating, diverging] = [spans[2], spans[3]];
    expect(oscillating.from / 0.5).toBeGreaterThan(1 / ratio);
    expect(oscillating.from / 0.5).toBeLessThan(ratio);
    expect(diverging.from / 1).toBeGreaterThan(1 / ratio);
    expect(diverging.from / 1).toBeLessThan(ratio);
  });
});

describe("regimeSpans", () => {
  it("merges neighbours and meets at the geometric mean", () => {
    const point = (lr: number, regime: "slow" | "converging") => ({ lr, regime, finalLoss: 0, stop: { reason: "maxSteps" as const, step: 1, message: "" } });
    expect(regimeSpans([point(1, "slow"), point(2, "slow"), point(8, "converging"), point(16, "converging")])).toEqual([
      { regime: "slow", from: 1, to: 4 },
      { regime: "converging", from: 4, to: 16 },
    ]);
  });
});
