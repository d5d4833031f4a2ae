import { describe, expect, it } from "vitest";
import { flatSharpLandscape } from "../../../lib/analysis/flatSharp.js";
import { compileExpression } from "../../../lib/objectives/expression/index.js";

describe("flatSharpLandscape", () => {
  it("finds a sharp, deeper minimum and a flat, shallower one on the training loss", () => {
    const [sharp, flat] = flatSharpLandscape({ shift: 0.3 }).minima;
    expect(sharp.train).toBeLessThan(flat.train);
    expect(sharp.curvature).toBeGreaterThan(10 * flat.curvature);
    const grad = new Float64Array(1);
    const train = compileExpression(flatSharpLandscape({ shift: 0.3 }).train);
    for (const m of [sharp, flat]) {
      train.grad(m.x, 0, grad);
      expect(Math.abs(grad[0])).toBeLessThan(1e-8);
    }
  });
  it("with no shift the test loss is the training loss: both gaps are zero", () => {
    for (const m of flatSharpLandscape({ shift: 0 }).minima) expect(m.gap).toBeCloseTo(0, 12);
  });
  it("rejects a non-finite shift", () => {
    expect(() => flatSharpLandscape({ shift: NaN })).toThrow(/shift must be a finite number/);
  });
});
