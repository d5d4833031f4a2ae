import { describe, expect, it } from "vitest";
import { countingObjective, epochPlan, gradientSpread, gradientsUsed, lossPerEpoch } from "../../../lib/analysis/batchSampling.js";
import { leastSquares, regressionObjective } from "../../../lib/objectives/regression.js";
import { runOptimizer } from "../../../lib/run.js";

const x = Array.from({ length: 10 }, (_, i) => i / 9 - 0.5);
const y = x.map((v, i) => 2 * v + 1 + (i % 3) * 0.1);
const dataset = { x, y };

describe("epochPlan(N, B)", () => {
  it("counts ⌈N/B⌉ updates with a smaller last batch, and clamps B to N", () => {
    expect(epochPlan(61, 16)).toEqual({ batchSize: 16, clamped: false, updatesPerEpoch: 4, lastBatch: 13 });
    expect(epochPlan(61, 1)).toMatchObject({ updatesPerEpoch: 61, lastBatch: 1 });
    expect(epochPlan(61, 128)).toEqual({ batchSize: 61, clamped: true, updatesPerEpoch: 1, lastBatch: 61 });
    expect(() => epochPlan(61, 0)).toThrow(/positive integer/);
  });
});

describe("countingObjective", () => {
  it("sees every sample exactly once per epoch, in a seeded order", () => {
    const { objective, count } = countingObjective(regressionObjective({ dataset, model: { kind: "linear" }, loss: "mse" }));
    runOptimizer({ objective: { dataset, model: { kind: "linear" }, loss: "mse" }, start: [0, 0], optimizer: { name: "sgd", lr: 0.1 }, steps: 12, batchSize: 3, seed: 7 }, objective);
    expect(count.calls).toBe(12);
    expect(count.sampleGradients).toBe(30); // 4 updates per epoch (3+3+3+1), 3 epochs
    for (let e = 0; e < 3; e++) expect([...count.visits.slice(10 * e, 10 * e + 10)].sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    expect(count.visits.slice(0, 10)).not.toEqual(count.visits.slice(10, 20));
    expect(count.sizes.slice(0, 4)).toEqual([3, 3, 3, 1]);
  });

  it("gradientsUsed leaves out the full-batch run's evaluation of its end point", () => {
    const { objective, count } = countingObjective(regressionObjective({ dataset, model: { kind: "linear" }, loss: "mse" }));
    runOptimizer({ objective: { dataset, model: { kind: "linear" }, loss: "mse" }, start: [0, 0], optimizer: { name: "sgd", lr: 0.1 }, steps: 5 }, objective);
    expect(count.calls).toBe(6);
    expect(gradientsUsed(count, 5)).toBe(50);
  });
});

describe("lossPerEpoch and gradientSpread", () => {
  it("picks the loss at epoch ends", () => {
    const trace = runOptimizer({ objective: { dataset, model: { kind: "linear" }, loss: "mse" }, start: [0, 0], optimizer: { name: "sgd", lr: 0.1 }, steps: 8, batchSize: 5 });
    expect(lossPerEpoch(trace, 2).map((r) => r.loss)).toEqual([trace.loss[0], trace.loss[2], trace.loss[4], trace.loss[6], trace.loss[8]]);
  });

  it("at the least-squares fit the full gradient vanishes but single-sample gradients do not", () => {
    const objective = regressionObjective({ dataset, model: { kind: "linear" }, loss: "mse" });
    const spread = gradientSpread(objective, leastSquares(x, y));
    expect(spread.full).toBeLessThan(1e-12);
    expect(spread.meanSample).toBeGreaterThan(0.05);
  });
});
