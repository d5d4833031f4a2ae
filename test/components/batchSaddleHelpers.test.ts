// @vitest-environment jsdom
// Helpers of the batch-size and saddle-points charts: coarse axis domains and path data written from columns.
import { describe, expect, it } from "vitest";
import { ceilOneTwoFive, coarseLogDomain } from "../../src/components/coarseDomain.js";
import { columnDots, pathData } from "../../src/components/svgMarks.js";

describe("coarseLogDomain", () => {
  it("rounds to whole decades on multiples of the steps, holding every positive finite value", () => {
    expect(coarseLogDomain([2e-7, 5, 140], { lowerStep: 4, upperStep: 3 })).toEqual([1e-8, 1e3]);
    expect(coarseLogDomain([7e-6, 0, -1, NaN, 950], { lowerStep: 4, upperStep: 3 })).toEqual([1e-8, 1e3]);
    expect(coarseLogDomain([1000, 0.001])).toEqual([0.001, 1000]);
    expect(coarseLogDomain([], { fallback: [1, 10] })).toEqual([1, 10]);
  });

  it("keeps the same domain for nearby values, so the axes are kept", () => {
    const a = coarseLogDomain([3e-4, 3.8], { lowerStep: 4, upperStep: 2 });
    const b = coarseLogDomain([1.4e-4, 3.6], { lowerStep: 4, upperStep: 2 });
    expect(a).toEqual(b);
  });
});

describe("ceilOneTwoFive", () => {
  it("gives the next 1, 2 or 5 times a power of ten", () => {
    expect([1, 61, 183, 610, 1000, 1220].map(ceilOneTwoFive)).toEqual([1, 100, 200, 1000, 1000, 2000]);
  });
});

describe("pathData", () => {
  const id = (v: number) => v;
  it("draws a line through the points, in whole tenths of a pixel", () => {
    expect(pathData([0, 10, 20], [0, 5.04, 10], id, id)).toBe("M0,0L100,50L200,100");
  });

  it("draws a step-after curve with horizontal and vertical moves", () => {
    expect(pathData([0, 1, 2], [0, 0, 3], id, id, "step-after")).toBe("M0,0H10H20V30");
  });

  it("breaks where a value is not finite, and leaves out points within half a pixel of the last one drawn", () => {
    expect(pathData([0, 1, NaN, 3, 4], [0, 1, 2, 3, 4], id, id)).toBe("M0,0L10,10M30,30L40,40");
    expect(pathData([0, 0.1, 0.2, 0.3, 5], [0, 0, 0, 0, 0], id, id)).toBe("M0,0L50,0");
    expect(pathData([0, 0.1, 0.2], [0, 0, 0], id, id)).toBe("M0,0L2,0");
    // A point just before a break ends its piece of the line, and stays.
    expect(pathData([0, 0.1, NaN, 3], [0, 0, 0, 0], id, id)).toBe("M0,0L1,0M30,0");
  });
});

describe("columnDots", () => {
  it("draws one filled path per series, a circle of two arcs at each point on the scales", () => {
    const mark = columnDots([{ x: [10, NaN, 30], y: [20, 0, 40], fill: "red" }], { r: 2 });
    const dimensions = { width: 100, height: 100, marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 0 };
    const g = mark.call(null as never, [], { x: (v: number) => v, y: (v: number) => v } as never, {} as never, dimensions as never, { document } as never);
    const paths = g!.querySelectorAll("path");
    expect(paths.length).toBe(1);
    expect(paths[0].getAttribute("fill")).toBe("red");
    expect(paths[0].getAttribute("d")).toBe("M80,200a20,20 0 1,0 40,0a20,20 0 1,0 -40,0M280,400a20,20 0 1,0 40,0a20,20 0 1,0 -40,0");
    expect(paths[0].getAttribute("transform")).toBe("scale(0.1)");
  });
});
