import { describe, expect, it } from "vitest";
import { mseConditioning } from "../../../lib/analysis/regressionConditioning.js";
import { standardize } from "../../../lib/objectives/standardize.js";
import { runOptimizer } from "../../../lib/run.js";

const x = [0, 0.1, 0.15, 0.3, 0.5, 0.9];
const y = [1, 2, 2.2, 4, 6, 10];

describe("mseConditioning(x)", () => {
  it("is perfectly round (condition 1, max stable η = 1) on standardised x", () => {
    const c = mseConditioning(standardize(x).values);
    expect(c.condition).toBeCloseTo(1, 12);
    expect(c.maxStableLr).toBeCloseTo(1, 12);
  });

  it("predicts the η at which plain descent starts to diverge", () => {
    const c = mseConditioning(x);
    const run = (lr: number) =>
      runOptimizer({ objective: { dataset: { x, y }, model: { kind: "linear" }, loss: "mse" }, start: [0, 0], optimizer: { name: "sgd", lr }, steps: 400 });
    const below = run(0.98 * c.maxStableLr);
    const above = run(1.02 * c.maxStableLr);
    expect(below.loss.at(-1)!).toBeLessThan(below.loss[0]);
    expect(above.loss.at(-1)!).toBeGreaterThan(above.loss[0]);
  });

  it("contraction(η) is the slowest direction's shrink per step", () => {
    const c = mseConditioning(x);
    const [big, small] = c.eigenvalues;
    expect(c.contraction(0.1)).toBeCloseTo(Math.max(Math.abs(1 - 0.1 * big), Math.abs(1 - 0.1 * small)), 12);
    expect(c.condition).toBeGreaterThan(5);
  });
});
