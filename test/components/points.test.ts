import { describe, expect, it } from "vitest";
import { drawablePath, expandBox, finiteSteps } from "../../src/components/points.js";
import { contourLevels, prefersLogLevels, sampleGrid, cachedGrid } from "../../src/components/contourGrid.js";

const box = { x: [-1, 1], y: [-1, 1] } as const;

describe("drawablePath", () => {
  it("drawablePath(path with NaN) stops at the first non-finite point", () => {
    const points = drawablePath([[0, 0], [0.5, 0.5], [NaN, 1], [0.2, 0.2]], box);
    expect(points.map((p) => p.step)).toEqual([0, 1]);
  });
  it("clamps points far outside the box onto its edge and flags them", () => {
    const [inside, outside] = drawablePath([[0.5, 0], [1e300, -1e300]], box);
    expect(inside).toEqual({ x: 0.5, y: 0, step: 0, clamped: false });
    expect(outside).toEqual({ x: 1, y: -1, step: 1, clamped: true });
  });
  it("expandBox grows each side by a fraction of the span", () => {
    expect(expandBox(box, 0.05)).toEqual({ x: [-1.1, 1.1], y: [-1.1, 1.1] });
  });
  it("finiteSteps skips non-finite values and, for a log axis, non-positive ones", () => {
    expect(finiteSteps([1, Infinity, 0, 2], { positive: true, offset: 1 })).toEqual([{ step: 1, value: 1 }, { step: 4, value: 2 }]);
  });
});

describe("contour grids", () => {
  it("sampleGrid puts row 0 at the top of the view and samples cell centres", () => {
    const grid = sampleGrid((x, y) => 10 * y + x, { x: [0, 2], y: [0, 2] }, 2, 2);
    expect(Array.from(grid.values)).toEqual([15.5, 16.5, 5.5, 6.5]);
    expect([grid.min, grid.max]).toEqual([5.5, 16.5]);
  });
  it("replaces non-finite samples by the extremes so contouring sees a finite grid", () => {
    const grid = sampleGrid((x) => (x < 0 ? Infinity : x), { x: [-1, 1], y: [0, 1] }, 4, 1);
    expect(Array.from(grid.values)).toEqual([0.75, 0.75, 0.25, 0.75]);
  });
  it("contourLevels picks about `count` levels strictly inside the range", () => {
    const grid = sampleGrid((x, y) => x * x + y * y, box, 50, 50);
    const { thresholds, log } = contourLevels(grid, { count: 10 });
    expect(log).toBe(false);
    expect(thresholds.length).toBeGreaterThanOrEqual(5);
    expect(thresholds.length).toBeLessThanOrEqual(20);
    thresholds.forEach((t) => expect(t > grid.min && t < grid.max).toBe(true));
  });
  it("prefers log levels for a surface spanning decades (Rosenbrock-like)", () => {
    const grid = sampleGrid((x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, { x: [-2, 2], y: [-1, 3] }, 60, 60);
    expect(prefersLogLevels(grid)).toBe(true);
    const { thresholds } = contourLevels(grid, { count: 20, floor: 0 });
    expect(thresholds[1] / thresholds[0]).toBeCloseTo(thresholds[2] / thresholds[1], 6);
  });
  it("cachedGrid samples each function and view once", () => {
    let calls = 0;
    const f = (x: number, y: number) => (++calls, x + y);
    cachedGrid(f, box, 10, 10);
    cachedGrid(f, { x: [-1, 1], y: [-1, 1] }, 10, 10);
    expect(calls).toBe(100);
  });
});
