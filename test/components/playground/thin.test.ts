import { describe, expect, it } from "vitest";
import { thinPath, thinSteps } from "../../../src/components/playground/thin.js";

describe("thinSteps", () => {
  it("keeps every value of a short series", () => {
    expect(thinSteps([3, 1, 2], 10)).toEqual([{ step: 0, value: 3 }, { step: 1, value: 1 }, { step: 2, value: 2 }]);
  });

  it("keeps each bucket's first, lowest, highest and last value, so a spike survives", () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i === 537 ? 100 : i === 538 ? -5 : 1));
    const rows = thinSteps(values, 50);
    expect(rows.length).toBeLessThanOrEqual(4 * 50);
    expect(rows).toContainEqual({ step: 537, value: 100 });
    expect(rows).toContainEqual({ step: 538, value: -5 });
    expect(rows[0]).toEqual({ step: 0, value: 1 });
    expect(rows.at(-1)).toEqual({ step: 999, value: 1 });
    expect(rows.map((r) => r.step)).toEqual([...rows.map((r) => r.step)].sort((a, b) => a - b));
  });

  it("drops non-finite values, and non-positive ones for a log axis", () => {
    expect(thinSteps([1, NaN, Infinity, 0, -1, 2], 100, { positive: true })).toEqual([{ step: 0, value: 1 }, { step: 5, value: 2 }]);
  });
});

describe("thinPath", () => {
  const point = (x: number, y: number, step: number) => ({ x, y, step, clamped: false });

  it("drops points within the tolerance of the last one kept, keeping both ends", () => {
    const path = [point(0, 0, 0), point(0.001, 0, 1), point(0.002, 0, 2), point(1, 1, 3), point(1.0001, 1, 4)];
    expect(thinPath(path, { x: 0.01, y: 0.01 }).map((p) => p.step)).toEqual([0, 3, 4]);
  });
});
