import { describe, expect, it } from "vitest";
import { classifyHessian, symmetricEigen } from "../../../lib/analysis/hessian.js";
import { testFunctions } from "../../../lib/objectives/testFunctions.js";
import type { Hessian } from "../../../lib/objectives/expression/index.js";

describe("symmetricEigen", () => {
  it("returns eigenpairs: H v = λ v for random symmetric matrices", () => {
    for (const h of [[[2, 1], [1, 3]], [[0, 5], [5, 0]], [[-1, 0.3], [0.3, -4]], [[7, 0], [0, 7]]] as Hessian[]) {
      const { eigenvalues, eigenvectors } = symmetricEigen(h);
      expect(eigenvalues[0]).toBeLessThanOrEqual(eigenvalues[1]);
      eigenvectors.forEach((v, i) => {
        expect(Math.hypot(...v)).toBeCloseTo(1, 12);
        expect(h[0][0] * v[0] + h[0][1] * v[1]).toBeCloseTo(eigenvalues[i] * v[0], 12);
        expect(h[1][0] * v[0] + h[1][1] * v[1]).toBeCloseTo(eigenvalues[i] * v[1], 12);
      });
    }
  });
});

describe("classifyHessian", () => {
  it("calls the origin of x² − y² a saddle with eigenvalues −2 and 2", () => {
    const report = classifyHessian(testFunctions.saddle.hessian(0, 0));
    expect(report.kind).toBe("saddle");
    expect(report.eigenvalues).toEqual([-2, 2]);
  });
  it("cannot classify the monkey saddle: its Hessian is zero at the origin", () => {
    expect(classifyHessian(testFunctions.monkeySaddle.hessian(0, 0)).kind).toBe("degenerate");
  });
  it("finds every listed minimum of Himmelblau and the six-hump camel a minimum", () => {
    for (const fn of [testFunctions.himmelblau, testFunctions.sixHumpCamel]) {
      for (const m of fn.minima) expect(classifyHessian(fn.hessian(m.point[0], m.point[1])).kind).toBe("minimum");
    }
  });
  it("calls a negative-definite Hessian a maximum", () => {
    expect(classifyHessian([[-1, 0], [0, -3]]).kind).toBe("maximum");
  });
});
