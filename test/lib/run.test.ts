// runOptimizer's loop: stop criteria, divergence, SWA, mini-batches and seeded randomness.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { runOptimizer, type Objective, type RunSpec, type Trace } from "../../lib/index.js";
import { lineFit, quadratic } from "./run.fixtures.js";

const inline: RunSpec["objective"] = { expr: "inline" }; // ignored when runOptimizer gets an objective
const run = (objective: Objective, spec: Partial<RunSpec>): Trace =>
  runOptimizer({ objective: inline, start: [3, 1], optimizer: { name: "sgd", lr: 0.1 }, steps: 100, ...spec }, objective);

const allFinite = (trace: Trace) =>
  [trace.path.flat(), trace.loss, trace.lr, trace.gradNorm, trace.batchLoss ?? []].every((xs) => xs.every(Number.isFinite));

describe("stop criteria", () => {
  it("runs all steps by default: steps + 1 points, one lr and one gradNorm per step", () => {
    const trace = run(quadratic([1, 2]), { steps: 12 });
    expect(trace.stop).toMatchObject({ reason: "maxSteps", step: 12 });
    expect([trace.path.length, trace.loss.length, trace.lr.length, trace.gradNorm.length]).toEqual([13, 13, 12, 12]);
    expect(trace.gradNorm[0]).toBeCloseTo(Math.hypot(3, 2), 12);
  });

  it("stops once the loss falls below the tolerance", () => {
    const trace = run(quadratic([1, 2]), { tolerance: 1e-3 });
    expect(trace.stop.reason).toBe("tolerance");
    expect(trace.loss.at(-1)).toBeLessThan(1e-3);
    expect(trace.loss.at(-2)).toBeGreaterThanOrEqual(1e-3);
  });

  it("stops with reason diverged at the first non-finite value and keeps only finite numbers", () => {
    const trace = run(quadratic([1, 2]), { optimizer: { name: "sgd", lr: 1e150 }, steps: 50 });
    expect(trace.stop.reason).toBe("diverged");
    expect(trace.stop.message).toMatch(/finite/);
    expect(allFinite(trace)).toBe(true);
    expect(trace.path.length).toBe(trace.lr.length + 1);
    expect(trace.stop.step).toBe(trace.lr.length);
  });

  it("stops with reason diverged, path empty, when the start itself has no finite loss", () => {
    const nowhere: Objective = { dim: 2, value: () => NaN, valueAndGrad: () => NaN };
    const trace = run(nowhere, {});
    expect(trace.stop).toMatchObject({ reason: "diverged", step: 0 });
    expect(trace.path).toEqual([]);
  });

  it("early stopping: stops after `patience` steps without an improvement larger than minDelta", () => {
    const trace = run(quadratic([1, 2]), { earlyStopping: { patience: 3, minDelta: 1e-3 }, steps: 1000 });
    expect(trace.stop.reason).toBe("earlyStopping");
    const best = Math.min(...trace.loss.slice(0, -3));
    expect(trace.loss.slice(-3).every((l) => l >= best - 1e-3)).toBe(true);
  });

  it("reduceOnPlateau({stopAtMinLr}) decays the lr to minLr, records each decay, then stops", () => {
    // lr 2/L exactly: the stiff coordinate bounces forever, so the loss plateaus until the lr is cut.
    const trace = run(quadratic([1e-6, 1]), {
      optimizer: { name: "sgd", lr: 2 },
      schedule: { name: "reduceOnPlateau", factor: 0.5, patience: 2, minLr: 0.5, stopAtMinLr: true },
      steps: 10_000,
    });
    expect(trace.events.filter((e) => e.kind === "lrDecay").map((e) => e.value)).toEqual([1, 0.5]);
    expect(trace.stop.reason).toBe("minLr");
    expect(trace.lr.at(-1)).toBe(0.5);
  });
});

describe("stochastic weight averaging", () => {
  it("from `start` uses the constant swa lr and averages every `frequency`-th point", () => {
    const trace = run(quadratic([1, 2]), { steps: 20, swa: { start: 10, lr: 0.05, frequency: 3 } });
    expect(trace.lr.slice(0, 10).every((lr) => lr === 0.1)).toBe(true);
    expect(trace.lr.slice(10).every((lr) => lr === 0.05)).toBe(true);
    const averaged = [13, 16, 19].map((k) => trace.path[k]);
    expect(trace.swa!.averaged).toEqual(averaged);
    expect(trace.swa!.average[0]).toBeCloseTo((averaged[0][0] + averaged[1][0] + averaged[2][0]) / 3, 14);
    expect(trace.events.filter((e) => e.kind.startsWith("swa")).map((e) => [e.kind, e.step])).toEqual([
      ["swaStart", 10],
      ["swaAverage", 13],
      ["swaAverage", 16],
      ["swaAverage", 19],
    ]);
  });
});

describe("mini-batches and seeds", () => {
  const xs = [0, 1, 2, 3, 4, 5, 6];
  const ys = xs.map((x) => 2 * x - 1 + 0.3 * Math.sin(5 * x));

  it("visits every sample once per epoch in a seeded order; the last batch may be smaller", () => {
    const f = lineFit(xs, ys);
    const trace = run(f, { start: [0, 0], optimizer: { name: "sgd", lr: 0.01 }, batchSize: 3, steps: 9, seed: 7 });
    expect(f.batches.map((b) => b.length)).toEqual([3, 3, 1, 3, 3, 1, 3, 3, 1]);
    for (let epoch = 0; epoch < 3; ++epoch) expect(f.batches.slice(3 * epoch, 3 * epoch + 3).flat().sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(f.batches.slice(0, 3).flat()).not.toEqual(f.batches.slice(3, 6).flat()); // reshuffled each epoch
    expect(trace.epoch).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect(trace.batchLoss).toHaveLength(9);
  });

  it("batchSize = N is exactly full-batch descent", () => {
    const full = run(lineFit(xs, ys), { start: [0, 0], optimizer: { name: "adam", lr: 0.1 }, steps: 50 });
    const batched = run(lineFit(xs, ys), { start: [0, 0], optimizer: { name: "adam", lr: 0.1 }, steps: 50, batchSize: xs.length, seed: 3 });
    expect(batched.path).toEqual(full.path);
    expect(run(lineFit(xs, ys), { start: [0, 0], optimizer: { name: "adam", lr: 0.1 }, steps: 50, batchSize: 6 }).path).not.toEqual(full.path);
  });

  it("the same seed gives the same path; another seed another path (mini-batches and gradient noise)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 6 }), (seed, batchSize) => {
        const spec = { start: [0, 0], optimizer: { name: "sgd", lr: 0.01 } as const, steps: 30, batchSize, gradientNoise: 0.5, seed };
        const a = run(lineFit(xs, ys), spec);
        expect(run(lineFit(xs, ys), spec).path).toEqual(a.path);
        expect(run(lineFit(xs, ys), { ...spec, seed: seed + 1 }).path).not.toEqual(a.path);
      }),
      { numRuns: 30 },
    );
  });
});

describe("properties", () => {
  it("gradient descent on a convex quadratic with lr < 2/L never increases the loss", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 5, maxLength: 5 }),
        (eigenvalues, fraction, start) => {
          const lr = (fraction * 2) / Math.max(...eigenvalues);
          const trace = run(quadratic(eigenvalues), { start: start.slice(0, eigenvalues.length), optimizer: { name: "sgd", lr }, steps: 50 });
          for (let k = 1; k < trace.loss.length; ++k) expect(trace.loss[k]).toBeLessThanOrEqual(trace.loss[k - 1]);
        },
      ),
    );
  });
});
