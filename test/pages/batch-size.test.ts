// The claims of the Batch, stochastic, mini-batch page (000 §种类, 002 §一, 003 §1–3, 004), computed by lib/ on the real data.
import { readFileSync } from "node:fs";
import { autoType, csvParse } from "d3";
import { describe, expect, it } from "vitest";
import { countingObjective, epochPlan, gradientSpread, gradientsUsed, lossPerEpoch } from "../../lib/analysis/batchSampling.js";
import { leastSquares, regressionObjective, standardize } from "../../lib/objectives/regression.js";
import { runOptimizer } from "../../lib/run.js";
import type { RunSpec } from "../../lib/types.js";

const cheese = csvParse(readFileSync(new URL("../../data/cheese-display.csv", import.meta.url), "utf8"), autoType) as unknown as Record<string, number>[];
const dataset = { x: standardize(cheese.map((d) => d.display)).values, y: cheese.map((d) => d.volume / 1000) };
const N = 61;
const spec = (batchSize: number, epochs: number, seed = 1, lr = 0.03): RunSpec => ({
  objective: { dataset, model: { kind: "linear" }, loss: "mse" },
  start: [0, 0],
  optimizer: { name: "sgd", lr },
  steps: epochs * epochPlan(N, batchSize).updatesPerEpoch,
  batchSize,
  seed,
});
const counted = (batchSize: number, epochs: number, seed = 1) => {
  const c = countingObjective(regressionObjective({ dataset, model: { kind: "linear" }, loss: "mse" }));
  const trace = runOptimizer(spec(batchSize, epochs, seed), c.objective);
  return { trace, count: c.count };
};

describe("epochs and iterations", () => {
  it("every epoch costs N per-sample gradients, whatever the batch size; only the number of steps changes", () => {
    for (const B of [1, 16, 32, N]) {
      const { trace, count } = counted(B, 10);
      expect(gradientsUsed(count, trace.lr.length)).toBe(10 * N);
      expect(trace.lr.length).toBe(10 * Math.ceil(N / B));
    }
  });

  it("each epoch visits every sample exactly once, in a new seeded order", () => {
    const { count } = counted(16, 3);
    const epochs = [0, 1, 2].map((e) => count.visits.slice(e * N, (e + 1) * N));
    for (const visits of epochs) expect([...visits].sort((a, b) => a - b)).toEqual([...Array(N).keys()]);
    expect(epochs[0]).not.toEqual(epochs[1]);
  });

  it("a batch of 128 on 61 samples is cut to 61: plain batch descent", () => {
    expect(epochPlan(N, 128)).toMatchObject({ batchSize: N, clamped: true, updatesPerEpoch: 1 });
  });
});

describe("smooth and noisy (000's comparison figure)", () => {
  it("batch descent's loss falls at every step; SGD's per-step batch loss jumps up and down", () => {
    const batch = runOptimizer(spec(N, 10));
    for (let k = 1; k < batch.loss.length; k++) expect(batch.loss[k]).toBeLessThan(batch.loss[k - 1]);
    const sgd = runOptimizer(spec(1, 10));
    const ups = sgd.batchLoss!.filter((v, k) => k > 0 && v > sgd.batchLoss![k - 1]).length;
    expect(ups).toBeGreaterThan(sgd.batchLoss!.length / 4);
  });

  it("per epoch, SGD and mini-batches end lower than batch descent for the same passes over the data", () => {
    const final = (B: number) => lossPerEpoch(runOptimizer(spec(B, 10)), epochPlan(N, B).updatesPerEpoch).at(-1)!.loss;
    expect(final(1)).toBeLessThan(final(N));
    expect(final(16)).toBeLessThan(final(N));
  });

  it("re-sampling (a new seed) changes the stochastic path, never the batch path", () => {
    expect(runOptimizer(spec(1, 2, 1)).path).not.toEqual(runOptimizer(spec(1, 2, 2)).path);
    expect(runOptimizer(spec(1, 2, 1)).path).toEqual(runOptimizer(spec(1, 2, 1)).path);
    expect(runOptimizer(spec(N, 2, 1)).path).toEqual(runOptimizer(spec(N, 2, 2)).path);
  });
});

describe("the cloud around the minimum", () => {
  it("widens with η and narrows with the batch size", () => {
    const best = leastSquares(dataset.x, dataset.y);
    const spreadOf = (B: number, lr: number) => {
      const trace = runOptimizer({ ...spec(B, 30, 3, lr), start: best });
      const tail = trace.path.slice(-Math.ceil(N / B) * 10);
      return tail.reduce((s, [w, b]) => s + Math.hypot(w - best[0], b - best[1]), 0) / tail.length;
    };
    expect(spreadOf(1, 0.1)).toBeGreaterThan(2 * spreadOf(1, 0.01));
    expect(spreadOf(16, 0.03)).toBeLessThan(spreadOf(1, 0.03) / 2);
  });
});

describe("why 003's multiplicative noise is not SGD", () => {
  it("at the best fit the full gradient is zero (003's noise would vanish) but single-sample gradients are not", () => {
    const objective = regressionObjective({ dataset, model: { kind: "linear" }, loss: "mse" });
    const spread = gradientSpread(objective, leastSquares(dataset.x, dataset.y));
    expect(spread.full).toBeLessThan(1e-10);
    expect(spread.meanSample).toBeGreaterThan(1);
  });

  it("SGD started at the minimum moves away from it; 003's scaled gradient would stay put", () => {
    const best = leastSquares(dataset.x, dataset.y);
    const trace = runOptimizer({ ...spec(1, 1), start: best });
    const farthest = Math.max(...trace.path.map(([w, b]) => Math.hypot(w - best[0], b - best[1])));
    expect(farthest).toBeGreaterThan(0.1);
    expect(Math.max(...trace.loss)).toBeGreaterThan(1.01 * trace.loss[0]);
  });
});
