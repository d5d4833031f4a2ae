// Equivalences between optimizers (as optax checks them) and what init/inspect expose.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { adam, adamw, createOptimizer, momentum, rmsprop, runOptimizer, sgd, type Optimizer, type RunSpec } from "../../lib/index.js";
import { expectClose } from "../fixtures/torch/replay.js";
import { quadratic } from "./run.fixtures.js";

/** Runs `optimizer` on a fixed sequence of gradients from `start`; `lr(t)` is the lr of step t (1-based). */
function drive(optimizer: Optimizer, start: number[], grads: number[][], lr: (t: number) => number): number[] {
  const params = Float64Array.from(start);
  const state = optimizer.init(start.length);
  grads.forEach((g, t) => optimizer.step(params, Float64Array.from(g), lr(t + 1), state));
  return Array.from(params);
}

const sequencesOf = (coordinate: fc.Arbitrary<number>) => fc.array(fc.array(coordinate, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 30 });
const gradientSequences = sequencesOf(fc.double({ min: -10, max: 10, noNaN: true }));
// With eps = 0 a zero gradient would divide 0 by 0.
const nonZeroGradientSequences = sequencesOf(fc.oneof(fc.double({ min: 1e-3, max: 10, noNaN: true }), fc.double({ min: -10, max: -1e-3, noNaN: true })));

describe("equivalences", () => {
  it("sgd({momentum: 0}) is plain sgd", () => {
    fc.assert(
      fc.property(gradientSequences, (grads) => {
        expect(drive(sgd({ momentum: 0 }), [1, 2, 3], grads, () => 0.1)).toEqual(drive(sgd(), [1, 2, 3], grads, () => 0.1));
      }),
    );
  });

  it("momentum({beta}) with lr η is sgd({momentum: beta}) with lr η(1−β)", () => {
    fc.assert(
      fc.property(gradientSequences, fc.double({ min: 0, max: 0.99, noNaN: true }), (grads, beta) => {
        const ema = drive(momentum({ beta }), [1, 2, 3], grads, () => 0.1);
        const heavyBall = drive(sgd({ momentum: beta }), [1, 2, 3], grads, () => 0.1 * (1 - beta));
        expectClose(ema, heavyBall, "params");
      }),
    );
  });

  it("momentum({beta}) is not sgd({momentum: beta, dampening: beta}): PyTorch's first buffer is the undamped gradient", () => {
    const grads = [[1, 1, 1]];
    expect(drive(momentum({ beta: 0.9 }), [0, 0, 0], grads, () => 1)).not.toEqual(drive(sgd({ momentum: 0.9, dampening: 0.9 }), [0, 0, 0], grads, () => 1));
  });

  it("the momentum equivalence holds through runOptimizer on Rosenbrock, schedule included", () => {
    const spec = (optimizer: RunSpec["optimizer"]): RunSpec => ({
      objective: "rosenbrock",
      start: [-1.5, 2],
      optimizer,
      schedule: { name: "step", stepSize: 10, gamma: 0.5 },
      steps: 50,
    });
    const ema = runOptimizer(spec({ name: "momentum", lr: 0.01, beta: 0.8 }));
    const heavyBall = runOptimizer(spec({ name: "sgd", lr: 0.01 * (1 - 0.8), momentum: 0.8 }));
    expectClose(ema.path.flat(), heavyBall.path.flat(), "path");
  });

  it("adam({betas: [0, α], eps: 0}) is rmsprop({alpha: α, eps: 0}) with lr·√(1−αᵗ) at step t", () => {
    fc.assert(
      fc.property(nonZeroGradientSequences, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (grads, alpha) => {
        const a = drive(adam({ betas: [0, alpha], eps: 0 }), [1, 2, 3], grads, () => 0.01);
        const r = drive(rmsprop({ alpha, eps: 0 }), [1, 2, 3], grads, (t) => 0.01 * Math.sqrt(1 - alpha ** t));
        expectClose(a, r, "params");
      }),
    );
  });

  it("adamw({weightDecay: 0}) is adam()", () => {
    fc.assert(
      fc.property(gradientSequences, fc.boolean(), (grads, amsgrad) => {
        expect(drive(adamw({ weightDecay: 0, amsgrad }), [1, 2, 3], grads, () => 0.01)).toEqual(drive(adam({ amsgrad }), [1, 2, 3], grads, () => 0.01));
      }),
    );
  });

  it("adamw decays the parameters, adam the gradient: they differ once weightDecay > 0", () => {
    const grads = [[1, 1, 1], [0.5, -1, 2]];
    expect(drive(adamw({ weightDecay: 0.1 }), [1, 2, 3], grads, () => 0.1)).not.toEqual(drive(adam({ weightDecay: 0.1 }), [1, 2, 3], grads, () => 0.1));
  });
});

describe("state and inspect", () => {
  it("init gives PyTorch's buffer names in camelCase, only those the options need", () => {
    const names = (spec: Parameters<typeof createOptimizer>[0]) => Object.keys(createOptimizer(spec).init(2).buffers).sort();
    expect(names({ name: "sgd", lr: 1 })).toEqual([]);
    expect(names({ name: "sgd", lr: 1, momentum: 0.9 })).toEqual(["momentumBuffer"]);
    expect(names({ name: "adam", amsgrad: true })).toEqual(["expAvg", "expAvgSq", "maxExpAvgSq"]);
    expect(names({ name: "rmsprop", centered: true, momentum: 0.5 })).toEqual(["gradAvg", "momentumBuffer", "squareAvg"]);
    expect(names({ name: "adagrad", initialAccumulatorValue: 0.1 })).toEqual(["sum"]);
    expect(names({ name: "adadelta" })).toEqual(["accDelta", "squareAvg"]);
    expect(createOptimizer({ name: "adagrad", initialAccumulatorValue: 0.1 }).init(2).buffers.sum).toEqual(new Float64Array([0.1, 0.1]));
  });

  it("adam's inspect gives the bias-corrected moments and lr/(√v̂ + eps)", () => {
    const optimizer = adam({ betas: [0.9, 0.999] });
    const state = optimizer.init(1);
    optimizer.step(new Float64Array([0]), new Float64Array([2]), 0.1, state);
    const { mHat, vHat, effectiveLr } = optimizer.inspect!(state, 0.1);
    expect(mHat[0]).toBeCloseTo(2, 12); // after one step the bias-corrected moments are g and g²
    expect(vHat[0]).toBeCloseTo(4, 12);
    expect(effectiveLr[0]).toBeCloseTo(0.1 / (2 + 1e-8), 12);
  });

  it("runOptimizer({recordState}) records every buffer and inspected quantity after each step", () => {
    const trace = runOptimizer({ objective: quadraticSpecFree(), start: [1, 1], optimizer: { name: "rmsprop", lr: 0.01, momentum: 0.5 }, steps: 7, recordState: true }, quadratic([1, 4]));
    expect(Object.keys(trace.state!).sort()).toEqual(["effectiveLr", "momentumBuffer", "squareAvg"]);
    for (const series of Object.values(trace.state!)) expect(series).toHaveLength(7);
  });
});

/** runOptimizer with an explicit objective ignores spec.objective; any valid-looking value will do. */
function quadraticSpecFree(): RunSpec["objective"] {
  return { expr: "inline" };
}
