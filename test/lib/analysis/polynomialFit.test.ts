import { describe, expect, it } from "vitest";
import { fitPolynomial, largestGap } from "../../../lib/analysis/polynomialFit.js";

describe("fitPolynomial(x, y, degree)", () => {
  it("recovers a cubic exactly, whatever the units of x", () => {
    const x = Array.from({ length: 20 }, (_, i) => 100 + 10 * i);
    const cubic = (v: number) => 3 - 0.02 * v + 1e-4 * v * v - 2e-7 * v ** 3;
    const fit = fitPolynomial(x, x.map(cubic), 3);
    for (const v of [100, 177, 290]) expect(fit(v)).toBeCloseTo(cubic(v), 8);
  });

  it("largestGap is 0 for one function and finds the worst point otherwise", () => {
    const f = (v: number) => v;
    expect(largestGap(f, f, [0, 1])).toBe(0);
    expect(largestGap(f, (v) => v * v, [0, 2])).toBeCloseTo(2, 12);
  });
});
