// The claims the Local minima page makes (004 §挑战之一, §重新审视局部极小值), computed by lib/ as the page computes them.
import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../lib/index.js";
import { basinMap } from "../../lib/analysis/basins.js";
import { curvatureRange } from "../../lib/analysis/convexity.js";
import { flatSharpLandscape } from "../../lib/analysis/flatSharp.js";
import { compileExpression } from "../../lib/objectives/expression/index.js";
import { testFunctions } from "../../lib/objectives/testFunctions.js";
import { basinEtas, basinMethods, basinNoises, basinSpec, encodeCells, storedMap } from "../../src/components/basinSettings.js";

const doubleWell = "(x^2 - 1)^2 + 0.3*x";
const end = (start: number, lr = 0.05, steps = 60) =>
  runOptimizer({ objective: { expr: doubleWell }, start: [start], optimizer: { name: "sgd", lr }, steps }).path.at(-1)![0];

describe("one valley or several", () => {
  it("x² is convex on the view; the double well is not, and has two minima with the left one lower", () => {
    const curvature = (text: string) => curvatureRange((x) => compileExpression(text).hessian(x, 0)[0][0], [-2, 2]);
    expect(curvature("x^2").convex).toBe(true);
    expect(curvature(doubleWell).convex).toBe(false);
    const f = compileExpression(doubleWell);
    const [left, right] = [end(-2, 0.02, 3000), end(2, 0.02, 3000)];
    expect(left).toBeLessThan(0);
    expect(right).toBeGreaterThan(0);
    expect(f.f(left)).toBeLessThan(f.f(right) - 0.5);
  });
  it("descent started right of the hump ends in the local minimum and never finds the lower one", () => {
    expect(end(1.5)).toBeGreaterThan(0.9);
    expect(end(1.5, 0.05, 5000)).toBeGreaterThan(0.9); // more steps do not help: the gradient is zero there
    expect(end(-1.5)).toBeLessThan(-0.9);
  });
});

describe("basins of attraction", () => {
  const camel = testFunctions.sixHumpCamel;
  const box = { x: [...camel.domain.x] as [number, number], y: [...camel.domain.y] as [number, number] };
  const map = (optimizer: { name: "sgd"; lr: number; momentum?: number }, gradientNoise = 0) =>
    basinMap({ objective: "sixHumpCamel", optimizer, steps: 300, gradientNoise, seed: 1, box, resolution: 40, minima: camel.minima });
  const shallowShare = (m: ReturnType<typeof map>) => (m.basins[4].count + m.basins[5].count) / 1600;

  it("plain descent on Himmelblau reaches all four minima, each from a quarter of the starts or so", () => {
    const h = testFunctions.himmelblau;
    const m = basinMap({ objective: "himmelblau", optimizer: { name: "sgd", lr: 0.01 }, steps: 300, box: { x: [-5, 5], y: [-5, 5] }, resolution: 40, minima: h.minima });
    for (const b of m.basins) expect(b.count / 1600).toBeGreaterThan(0.2);
  });
  it("on the six-hump camel, momentum and noise both take starts away from the shallowest valleys", () => {
    const gd = map({ name: "sgd", lr: 0.01 });
    expect(gd.unsettled).toBe(0);
    expect(shallowShare(map({ name: "sgd", lr: 0.01, momentum: 0.9 }))).toBeLessThan(shallowShare(gd));
    expect(shallowShare(map({ name: "sgd", lr: 0.01 }, 3))).toBeLessThan(shallowShare(gd));
  });
});

describe("the maps computed at build time", () => {
  const camel = testFunctions.sixHumpCamel;
  const landscape = { objective: "sixHumpCamel" as const, box: camel.domain, minima: camel.minima };
  it("the sliders offer the page's defaults (η 0.01, σ 3) and span the same ranges as before, 0.001–0.03 and 0.1–5", () => {
    expect(basinEtas).toContain(0.01);
    expect(basinNoises).toContain(3);
    expect([basinEtas[0], basinEtas.at(-1)]).toEqual([0.001, 0.03]);
    expect([basinNoises[0], basinNoises.at(-1)]).toEqual([0.1, 5]);
  });
  it("a stored map, decoded, is the map lib/ computes: every cell, count and unsettled run", () => {
    const spec = basinSpec(landscape, basinMethods[2], 0.01, 3);
    expect(spec).toMatchObject({ optimizer: { name: "sgd", lr: 0.01 }, steps: 300, gradientNoise: 3, seed: 1, resolution: 40 });
    const map = basinMap(spec);
    const stored = { box: { x: [...camel.domain.x] as [number, number], y: [...camel.domain.y] as [number, number] }, basins: map.basins.map((b) => ({ point: b.point, value: b.value })), gd: [], momentum: [], noisy: [] };
    const decoded = storedMap(stored, encodeCells(map.cells), 40);
    expect(Array.from(decoded.cells)).toEqual(Array.from(map.cells));
    expect(decoded.basins.map((b) => b.count)).toEqual(map.basins.map((b) => b.count));
    expect(decoded.unsettled).toBe(map.unsettled);
    expect(map.unsettled).toBeGreaterThan(0); // the unsettled letter is exercised too
  });
});

describe("flat and sharp minima", () => {
  it("the sharp minimum is lower on the training loss but its test gap is larger, for shifts either way", () => {
    for (const shift of [-0.5, -0.2, 0.1, 0.3, 0.5]) {
      const [sharp, flat] = flatSharpLandscape({ shift }).minima;
      expect(sharp.train).toBeLessThan(flat.train);
      expect(sharp.gap).toBeGreaterThan(flat.gap);
      // For a small shift s the gap is about ½ f'' s².
      if (Math.abs(shift) <= 0.1) expect(sharp.gap).toBeCloseTo(0.5 * sharp.curvature * shift * shift, 1);
    }
  });
  it("at the default shift 0.3 the flat minimum wins on the test set", () => {
    const [sharp, flat] = flatSharpLandscape({ shift: 0.3 }).minima;
    expect(flat.test).toBeLessThan(sharp.test);
  });
});

describe("the typed function", () => {
  it("points at the offending column, asks for both variables, and accepts the page's default", async () => {
    const { expressionProblem } = await import("../../src/components/ExpressionField.js");
    const needsXY = "use both x and y: the map needs a function of two variables";
    expect(expressionProblem("(x^2 - 1)^2 + (y^2 - 1)^2 + 0.3*x + 0.2*y", needsXY)).toBeUndefined();
    expect(expressionProblem("x +* y", needsXY)).toMatchObject({ column: 4 });
    expect(expressionProblem("x^2", needsXY)?.message).toMatch(/both x and y/);
    expect(expressionProblem("", needsXY)?.message).toMatch(/empty/);
  });
});
