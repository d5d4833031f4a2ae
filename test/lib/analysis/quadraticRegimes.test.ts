import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../../lib/index.js";
import { quadraticRegimes, stepFactor } from "../../../lib/analysis/quadraticRegimes.js";

const run = (curvature: number, lr: number, steps = 30) =>
  runOptimizer({ objective: { expr: `${curvature / 2}*x^2` }, start: [1], optimizer: { name: "sgd", lr }, steps });

describe("quadraticRegimes", () => {
  it("puts the boundaries at 1/L and 2/L", () => {
    expect(quadraticRegimes(4)).toEqual({ oscillationFrom: 0.25, divergenceFrom: 0.5 });
  });

  it("rejects a curvature that is not positive", () => {
    expect(() => quadraticRegimes(0)).toThrow("curvature must be a positive number (got 0)");
  });

  for (const L of [0.5, 2, 10]) {
    const { oscillationFrom, divergenceFrom } = quadraticRegimes(L);
    it(`L = ${L}: below 1/L the iterate keeps its sign, above it flips every step`, () => {
      const below = run(L, 0.9 * oscillationFrom).path.map((p) => Math.sign(p[0]));
      const above = run(L, 1.1 * oscillationFrom).path.map((p) => Math.sign(p[0]));
      expect(new Set(below)).toEqual(new Set([1]));
      above.forEach((s, k) => expect(s).toBe(k % 2 === 0 ? 1 : -1));
    });

    it(`L = ${L}: below 2/L the distance shrinks every step, above it grows`, () => {
      const dist = (lr: number) => run(L, lr).path.map((p) => Math.abs(p[0]));
      const shrinking = dist(0.99 * divergenceFrom);
      const growing = dist(1.01 * divergenceFrom);
      shrinking.slice(1).forEach((d, k) => expect(d).toBeLessThan(shrinking[k]));
      growing.slice(1).forEach((d, k) => expect(d).toBeGreaterThan(growing[k]));
    });
  }

  it("one step multiplies x by 1 − ηL, exactly as the library's descent does", () => {
    const trace = run(3, 0.2, 1);
    expect(trace.path[1][0]).toBeCloseTo(stepFactor(0.2, 3), 15);
  });
});
