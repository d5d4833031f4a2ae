import { describe, expect, it } from "vitest";
import { annealEnds, distinctPlaces } from "../../../lib/analysis/annealEnds.js";
import type { Trace } from "../../../lib/types.js";

const traceWithRates = (lr: number[]): Trace => ({
  path: Array.from({ length: lr.length + 1 }, (_, k) => [k, 0]),
  loss: Array.from({ length: lr.length + 1 }, (_, k) => k),
  lr,
  gradNorm: lr.map(() => 1),
  events: [],
  stop: { reason: "maxSteps", step: lr.length, message: "" },
});

describe("annealEnds", () => {
  it("finds the point before each rise that follows a fall", () => {
    const ends = annealEnds(traceWithRates([3, 2, 1, 3, 2, 1, 3, 2]));
    expect(ends.map((e) => e.step)).toEqual([3, 6]);
    expect(ends[0].point).toEqual([3, 0]);
  });

  it("ignores a warm-up's rise and a step decay's drops", () => {
    expect(annealEnds(traceWithRates([1, 2, 3, 3, 3]))).toEqual([]);
    expect(annealEnds(traceWithRates([4, 4, 2, 2, 1, 1]))).toEqual([]);
  });
});

describe("distinctPlaces", () => {
  it("counts points closer than the radius once", () => {
    expect(distinctPlaces([[0, 0], [0.1, 0], [1, 1], [1, 1.05], [-2, 0]], 0.3)).toBe(3);
  });
});
