// The claims of the Gradient descent page, computed by the library as the page computes them.
import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../lib/index.js";
import { gradientAt } from "../../lib/analysis/gradient.js";
import { compileExpression } from "../../lib/objectives/expression/index.js";
import { testFunctions } from "../../lib/objectives/testFunctions.js";

const descend = (lr: number, start = 10, steps = 20) =>
  runOptimizer({ objective: "quadratic1d", start: [start], optimizer: { name: "sgd", lr }, steps });

describe("gradient descent on y = x²", () => {
  it("runOptimizer(sgd, lr 0.1, 20 steps) from 10 ends at 10·0.8²⁰ ≈ 0.1153", () => {
    const x = descend(0.1).path[20][0];
    expect(x).toBeCloseTo(10 * 0.8 ** 20, 12);
    expect(x.toPrecision(4)).toBe("0.1153");
  });

  it("the page's typed loss x^2 gives the same run as the registry's parabola", () => {
    const typed = runOptimizer({ objective: { expr: "x^2" }, start: [10], optimizer: { name: "sgd", lr: 0.1 }, steps: 20 });
    expect(typed.path.map((p) => p[0])).toEqual(descend(0.1).path.map((p) => p[0]));
  });

  it("every step multiplies x by 1 − 2η", () => {
    for (const lr of [0.05, 0.1, 0.4, 0.7]) {
      const path = descend(lr).path.map((p) => p[0]);
      path.slice(1).forEach((x, k) => expect(x).toBeCloseTo(path[k] * (1 - 2 * lr), 10));
    }
  });

  it("the slope is negative left of the minimum and positive right of it, so each step heads for 0", () => {
    const parabola = compileExpression("x^2");
    for (const x0 of [-7, -0.5, 0.5, 7]) {
      const slope = gradientAt(parabola, x0, 0)[0];
      expect(Math.sign(slope)).toBe(Math.sign(x0));
      const next = descend(0.1, x0, 1).path[1][0];
      expect(Math.sign(next - x0)).toBe(-Math.sign(x0));
    }
  });

  it("steps shrink near the minimum with a constant η, because the gradient does", () => {
    const trace = descend(0.1);
    const moves = trace.path.slice(1).map((p, k) => Math.abs(p[0] - trace.path[k][0]));
    moves.slice(1).forEach((m, k) => expect(m).toBeLessThan(moves[k]));
    trace.gradNorm.slice(1).forEach((g, k) => expect(g).toBeLessThan(trace.gradNorm[k]));
    expect(new Set(trace.lr)).toEqual(new Set([0.1]));
  });
});

describe("gradient descent in two dimensions", () => {
  it("the path is a list of parameter points (x, y), the loss a separate height read at each", () => {
    const trace = runOptimizer({ objective: "himmelblau", start: [0, 0], optimizer: { name: "sgd", lr: 0.01 }, steps: 60 });
    expect(trace.path.every((p) => p.length === 2)).toBe(true);
    trace.path.forEach((p, k) => expect(trace.loss[k]).toBeCloseTo(testFunctions.himmelblau.f(p[0], p[1]), 10));
    // From the origin, the page's default start, the walk ends in the valley at (3, 2).
    const end = trace.path[trace.path.length - 1];
    expect(end[0]).toBeCloseTo(3, 3);
    expect(end[1]).toBeCloseTo(2, 3);
  });
});
