import { describe, expect, it } from "vitest";
import { directionalDerivative, gradientAt, gradientField, probeGradient } from "../../../lib/analysis/gradient.js";
import { testFunctions } from "../../../lib/objectives/testFunctions.js";

const bowl = testFunctions.ravine; // ½(x² + 10y²), ∇ = (x, 10y)

describe("probeGradient", () => {
  it("probeGradient(ravine, 2, 1) reads the partials, the length and the directions", () => {
    const p = probeGradient(bowl, 2, 1);
    expect([p.dfdx, p.dfdy]).toEqual([2, 10]);
    expect(p.norm).toBeCloseTo(Math.hypot(2, 10), 12);
    expect(p.uphill[0] * p.tangent[0] + p.uphill[1] * p.tangent[1]).toBeCloseTo(0, 12);
    expect(Math.hypot(...p.tangent)).toBeCloseTo(1, 12);
    expect(p.value).toBe(bowl.f(2, 1));
  });

  it("at a critical point the directions are zero vectors, not NaN", () => {
    const p = probeGradient(bowl, 0, 0);
    expect(p.norm).toBe(0);
    expect(p.uphill).toEqual([0, 0]);
    expect(p.tangent.map(Math.abs)).toEqual([0, 0]);
  });

  it("directionalDerivative is the dot product: |∇f| along uphill, 0 along the tangent", () => {
    const p = probeGradient(testFunctions.himmelblau, 0.5, -1);
    expect(directionalDerivative(p, p.uphill)).toBeCloseTo(p.norm, 10);
    expect(directionalDerivative(p, p.tangent)).toBeCloseTo(0, 10);
  });
});

describe("gradientField", () => {
  it("gradientField(ravine, box, 4, 2) samples cell centres row by row", () => {
    const field = gradientField(bowl, { x: [-4, 4], y: [-2, 2] }, 4, 2);
    expect(field).toHaveLength(8);
    expect(field.map((a) => [a.x, a.y]).slice(0, 4)).toEqual([[-3, -1], [-1, -1], [1, -1], [3, -1]]);
    expect(gradientAt(bowl, 3, -1)).toEqual([field[3].dfdx, field[3].dfdy]);
  });

  it("leaves out points where the gradient is not finite", () => {
    const spike = { f: (x: number) => 1 / x, grad: (x: number, _y: number, out: Float64Array) => void ((out[0] = -1 / (x * x)), (out[1] = 0)) };
    const field = gradientField(spike, { x: [-1, 1], y: [0, 1] }, 3, 1); // the middle column sits at x = 0
    expect(field).toHaveLength(2);
    expect(field.map((a) => a.x)).toEqual([expect.closeTo(-2 / 3, 12), expect.closeTo(2 / 3, 12)]);
  });
});
