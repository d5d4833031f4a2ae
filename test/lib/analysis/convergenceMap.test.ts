import { describe, expect, it } from "vitest";
import { convergenceMap, convergenceRow, fastestCell, logSpace } from "../../../lib/analysis/convergenceMap.js";

const options = {
  objective: { name: "ravine", params: { kappa: 10 } } as const,
  start: [-3.5, 1.5],
  lrs: logSpace(0.01, 0.4, 12),
  betas: [0, 0.5, 0.9],
  tolerance: 1e-6,
  maxSteps: 300,
};

describe("convergenceMap", () => {
  it("logSpace(0.01, 1, 3) is 0.01, 0.1, 1", () => {
    expect(logSpace(0.01, 1, 3).map((v) => Number(v.toPrecision(12)))).toEqual([0.01, 0.1, 1]);
  });

  it("has one cell per (lr, beta), row by row", () => {
    const cells = convergenceMap(options);
    expect(cells).toHaveLength(36);
    expect(cells.slice(0, 12)).toEqual(convergenceRow(options, 0));
  });

  it("plain descent on ½(x² + 10y²) diverges above η = 2/L = 0.2 and converges below", () => {
    const row = convergenceRow({ ...options, lrs: [0.19, 0.21] }, 0);
    expect(row.map((c) => c.outcome)).toEqual(["converged", "diverged"]);
  });

  it("heavy-ball momentum converges in fewer steps than the best plain descent on a ravine", () => {
    const cells = convergenceMap({ ...options, betas: [0, 0.3, 0.5, 0.7] });
    const plain = fastestCell(cells.filter((c) => c.beta === 0))!;
    const withMomentum = fastestCell(cells.filter((c) => c.beta > 0))!;
    expect(withMomentum.steps!).toBeLessThan(plain.steps!);
  });
});
