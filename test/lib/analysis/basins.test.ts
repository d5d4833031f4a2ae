import { describe, expect, it } from "vitest";
import { basinAt, basinMap, basinMapper } from "../../../lib/analysis/basins.js";
import { testFunctions } from "../../../lib/objectives/testFunctions.js";

const himmelblau = testFunctions.himmelblau;
const box = { x: [-5, 5] as [number, number], y: [-5, 5] as [number, number] };

describe("basinMap", () => {
  it("colours every Himmelblau start by one of its four minima under plain descent", () => {
    const map = basinMap({ objective: "himmelblau", optimizer: { name: "sgd", lr: 0.01 }, steps: 300, box, resolution: 12, minima: himmelblau.minima });
    expect(map.unsettled).toBe(0);
    expect(map.basins.map((b) => b.known)).toEqual([0, 1, 2, 3]);
    expect(map.basins.every((b) => b.count > 0)).toBe(true);
    expect(map.basins.reduce((s, b) => s + b.count, 0)).toBe(144);
    // A start next to a minimum ends in it.
    expect(basinAt(map, 3.2, 2.2)).toBe(0);
    expect(basinAt(map, -3.6, -3.1)).toBe(2);
    expect(basinAt(map, 9, 9)).toBe(-1);
  });

  it("groups the ends of a typed expression without known minima", () => {
    const map = basinMap({ objective: { expr: "(x^2 - 1)^2 + 0.3*x + y^2" }, optimizer: { name: "sgd", lr: 0.05 }, steps: 300, box: { x: [-2, 2], y: [-1, 1] }, resolution: 10 });
    expect(map.basins).toHaveLength(2);
    const [left, right] = [...map.basins].sort((a, b) => a.point[0] - b.point[0]);
    expect(left.value).toBeLessThan(right.value); // the tilt makes the left well the global one
  });

  it("fills row by row: the mapper's rows match the whole map", () => {
    const spec = { objective: "sixHumpCamel" as const, optimizer: { name: "sgd" as const, lr: 0.01 }, steps: 200, box: { x: [-3, 3] as [number, number], y: [-2, 2] as [number, number] }, resolution: 8, minima: testFunctions.sixHumpCamel.minima };
    const mapper = basinMapper(spec);
    for (let j = 0; j < mapper.rows; ++j) mapper.row(j);
    expect(Array.from(mapper.result().cells)).toEqual(Array.from(basinMap(spec).cells));
  });

  it("refuses a one-dimensional function", () => {
    expect(() => basinMap({ objective: "quadratic1d", optimizer: { name: "sgd", lr: 0.1 }, steps: 10, box, resolution: 2 })).toThrow(/x and y/);
  });
});
