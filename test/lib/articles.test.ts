// The source articles' own numbers (seed 003's Python on y = x² from 10, η = 0.1, 20 iterations), reproduced by lib/.
// The fixture is the articles' code itself, transcribed and run by scripts/articles_golden.py.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runOptimizer, type OptimizerSpec } from "../../lib/index.js";

const seed003: { paths: Record<"gradientDescent" | "momentum" | "rmsprop" | "adam", number[]> } = JSON.parse(
  readFileSync(new URL("../fixtures/articles/seed003.json", import.meta.url), "utf8"),
);

const pathOf = (optimizer: OptimizerSpec) =>
  runOptimizer({ objective: "quadratic1d", start: [10], optimizer, steps: 20 }).path.map(([x]) => x);

/** Every point of `actual` equals the articles' path to `relative` (plus 1e-14 absolute near 0). */
function expectPath(actual: number[], expected: number[], relative: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((x, k) => expect(Math.abs(x - expected[k]), `point ${k}: ${x} vs ${expected[k]}`).toBeLessThanOrEqual(relative * Math.abs(expected[k]) + 1e-14));
}

describe("seed 003's listings, reproduced", () => {
  it("gradient descent: sgd({lr: 0.1}) takes the same 20 steps and ends at 10·0.8²⁰ ≈ 0.1153", () => {
    const path = pathOf({ name: "sgd", lr: 0.1 });
    expectPath(path, seed003.paths.gradientDescent, 0);
    expect(path[20]).toBeCloseTo(10 * 0.8 ** 20, 14);
    expect(path[20]).toBeCloseTo(0.1153, 4);
  });

  // The articles' momentum is an exponential moving average, v := βv + (1−β)g, θ := θ − ηv: our `momentum`
  // optimizer. PyTorch's SGD(momentum=β) instead keeps v := βv + g (no 1−β) and steps θ −= ηv, so the same η
  // takes steps 1/(1−β) = 10× larger; with η(1−β) it retraces the articles' path.
  it("momentum({lr: 0.1, beta: 0.9}) is the articles' momentum; torch's SGD needs lr·(1−β) to match it", () => {
    expectPath(pathOf({ name: "momentum", lr: 0.1, beta: 0.9 }), seed003.paths.momentum, 0);
    expectPath(pathOf({ name: "sgd", lr: 0.1 * (1 - 0.9), momentum: 0.9 }), seed003.paths.momentum, 1e-12);
    expect(pathOf({ name: "sgd", lr: 0.1, momentum: 0.9 })[20]).not.toBeCloseTo(seed003.paths.momentum[20], 1);
  });

  // The articles' RMSProp code adds ε after the square root, as PyTorch does (its typeset formula puts ε under
  // the root), and uses β = 0.9 where PyTorch's default alpha is 0.99: so it is rmsprop({alpha: 0.9, eps: 1e-8}).
  it("RMSProp: rmsprop({lr: 0.1, alpha: 0.9, eps: 1e-8}) reproduces the articles' path", () => {
    expectPath(pathOf({ name: "rmsprop", lr: 0.1, alpha: 0.9, eps: 1e-8 }), seed003.paths.rmsprop, 1e-14);
    expect(pathOf({ name: "rmsprop", lr: 0.1 })[20]).not.toBeCloseTo(seed003.paths.rmsprop[20], 2); // torch's default alpha
  });

  // The articles' Adam divides m̂ by √v̂ + ε; PyTorch computes the same quantity as lr/(1−β₁ᵗ)·m/(√v/√(1−β₂ᵗ) + ε),
  // which differs only in rounding.
  it("Adam: adam({lr: 0.1}) with PyTorch's defaults (the articles' settings) reproduces the articles' path", () => {
    expectPath(pathOf({ name: "adam", lr: 0.1, betas: [0.9, 0.999], eps: 1e-8 }), seed003.paths.adam, 1e-13);
  });

  it("GD reaches 0.1153 while Adam is still near 8.03: Adam's step is about η whatever the gradient's size", () => {
    expect(pathOf({ name: "sgd", lr: 0.1 })[20]).toBeCloseTo(0.1153, 4);
    const adam = pathOf({ name: "adam", lr: 0.1 });
    expect(adam[20]).toBeCloseTo(8.03, 2);
    for (let k = 1; k <= 20; ++k) expect(Math.abs(adam[k] - adam[k - 1])).toBeCloseTo(0.1, 2);
  });
});
