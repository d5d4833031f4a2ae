// The claims of the Gradient page, computed by the library as the page computes them.
import { describe, expect, it } from "vitest";
import { directionalDerivative, probeGradient } from "../../lib/analysis/gradient.js";
import { compileExpression } from "../../lib/objectives/expression/index.js";
import { testFunctions } from "../../lib/objectives/testFunctions.js";

const f = compileExpression("x^2*y");
const points = [[1.2, 0.8], [-1.5, 0.3], [0.7, -1.9], [2, 2]];

describe("the gradient of f(x, y) = x²y", () => {
  it("has ∂f/∂x = 2xy and ∂f/∂y = x² at every dragged point", () => {
    for (const [x, y] of points) {
      const p = probeGradient(f, x, y);
      expect(p.dfdx).toBeCloseTo(2 * x * y, 12);
      expect(p.dfdy).toBeCloseTo(x * x, 12);
    }
  });

  it("is a vector of two partials whose length is the steepest rate of climb", () => {
    for (const [x, y] of points) {
      const p = probeGradient(f, x, y);
      expect(p.norm).toBeCloseTo(Math.hypot(2 * x * y, x * x), 12);
      // No direction climbs faster than |∇f| (sampled every degree).
      const rates = Array.from({ length: 360 }, (_, d) => directionalDerivative(p, [Math.cos((d * Math.PI) / 180), Math.sin((d * Math.PI) / 180)]));
      expect(Math.max(...rates)).toBeLessThanOrEqual(p.norm + 1e-12);
      expect(Math.max(...rates)).toBeGreaterThan(p.norm * 0.9998);
    }
  });

  it("vanishes on the y-axis, which is not a minimum", () => {
    const p = probeGradient(f, 0, 1);
    expect(p.norm).toBe(0);
    expect(f.f(0.1, -1)).toBeLessThan(f.f(0, 1));
  });
});

describe("the gradient and the contour lines", () => {
  const surfaces = { "x²y": f, himmelblau: testFunctions.himmelblau, ravine: testFunctions.ravine, rosenbrock: testFunctions.rosenbrock };
  for (const [name, s] of Object.entries(surfaces)) {
    it(`on ${name} it is perpendicular to the contour and points uphill`, () => {
      for (const [x, y] of points) {
        const p = probeGradient(s, x, y);
        const h = 1e-4;
        // Along the tangent f changes only to second order; along the gradient it rises at rate |∇f|.
        const alongTangent = (s.f(x + h * p.tangent[0], y + h * p.tangent[1]) - s.f(x - h * p.tangent[0], y - h * p.tangent[1])) / (2 * h);
        expect(Math.abs(alongTangent)).toBeLessThan(1e-6 * Math.max(1, p.norm));
        expect(s.f(x + h * p.uphill[0], y + h * p.uphill[1])).toBeGreaterThan(p.value);
        expect(s.f(x - h * p.uphill[0], y - h * p.uphill[1])).toBeLessThan(p.value);
      }
    });
  }
});
