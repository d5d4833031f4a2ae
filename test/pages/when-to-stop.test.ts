// The seed claims the When to stop page reproduces (000 §结束标准 and §是否正常工作, 004 §重新审视学习率), asserted through lib/.
import { readFileSync } from "node:fs";
import { autoType, csvParse } from "d3";
import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../lib/index.js";
import { leastSquares, regressionObjective, standardize } from "../../lib/objectives/regression.js";
import { classifyLossCurve } from "../../lib/analysis/lossCurve.js";
import { lastImprovement } from "../../lib/analysis/stopping.js";
import type { RunSpec } from "../../lib/types.js";

// The page's loss: MSE of a line on the cheese data, both columns standardised, from the same start.
const cheese = csvParse(readFileSync(new URL("../../data/cheese-display.csv", import.meta.url), "utf8"), autoType) as unknown as Record<string, number>[];
const x = standardize(cheese.map((d) => d.display)).values;
const y = standardize(cheese.map((d) => d.volume)).values;
const objective = { dataset: { x, y }, model: { kind: "linear" as const }, loss: "mse" as const };
const start = [-1.5, 1.5];
const floor = regressionObjective(objective).value(leastSquares(x, y));
const descend = (lr: number, extra: Partial<RunSpec> = {}) => runOptimizer({ objective, start, optimizer: { name: "sgd", lr }, steps: 100, ...extra });

describe("When to stop page", () => {
  it("the lowest loss a line reaches on the cheese data is 1 − R² ≈ 0.277 (R reports R² = 0.723)", () => {
    expect(floor).toBeCloseTo(0.2767, 4);
  });

  it("000: a run stops at the first step whose loss is below ε", () => {
    const run = descend(0.03, { tolerance: 0.5 });
    expect(run.stop.reason).toBe("tolerance");
    expect(run.loss.at(-1)).toBeLessThan(0.5);
    expect(run.loss.slice(0, -1).every((v) => v >= 0.5)).toBe(true);
    expect(run.stop.step).toBe(run.loss.length - 1);
  });

  it("000: or once it has run the maximum number of epochs, whichever comes first", () => {
    const run = descend(0.005, { tolerance: 0.5, steps: 40 });
    expect(run.stop).toMatchObject({ reason: "maxSteps", step: 40 });
    expect(run.loss.at(-1)).toBeGreaterThan(0.5);
  });

  it("a tolerance below the lowest reachable loss never fires: only the budget ends the run", () => {
    const run = descend(0.1, { tolerance: 0.9 * floor, steps: 300 });
    expect(run.stop.reason).toBe("maxSteps");
    expect(run.loss.at(-1)! - floor).toBeLessThan(1e-9);
  });

  it("004: convergence as no improvement for 10 (or 20) iterations: the run stops exactly patience steps after its best loss", () => {
    for (const patience of [10, 20]) {
      const run = descend(0.1, { batchSize: 8, seed: 1, steps: 500, earlyStopping: { patience, minDelta: 1e-4 } });
      expect(run.stop.reason).toBe("earlyStopping");
      expect(run.stop.step - lastImprovement(run.loss, 1e-4)).toBe(patience);
      expect(run.loss[lastImprovement(run.loss, 1e-4)]).toBeLessThan(1.1 * floor); // and by then it is near the floor
    }
  });

  it("with noisy mini-batches, a patience of 1 stops on the first unlucky batch, well before a patience of 20", () => {
    const stopAt = (patience: number) => descend(0.1, { batchSize: 2, seed: 1, steps: 500, earlyStopping: { patience, minDelta: 1e-4 } }).stop.step;
    expect(stopAt(1)).toBeLessThan(stopAt(20));
  });

  it("000 §是否正常工作: the curve tells slow (η = 0.003), working (0.05) and too large (1.08) apart", () => {
    const regime = (lr: number) => classifyLossCurve(descend(lr, { steps: 60 })).regime;
    expect([regime(0.003), regime(0.05), regime(1.08)]).toEqual(["slow", "converging", "diverging"]);
  });

  it("a loss that falls every step can still hide steps that overshoot the minimum (η = 0.8 on this round bowl)", () => {
    const run = descend(0.8, { steps: 60 });
    expect(classifyLossCurve(run).regime).toBe("oscillating");
    run.loss.slice(1).forEach((v, k) => expect(v).toBeLessThanOrEqual(run.loss[k] + 1e-12)); // up to rounding at the floor
  });
});
