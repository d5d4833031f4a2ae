// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import * as Plot from "@observablehq/plot";
import { probeGradient } from "../../lib/analysis/gradient.js";
import { testFunctions } from "../../lib/objectives/testFunctions.js";
import { arrowScale, cachedField, gradientFieldMarks, gradientProbeMarks, probeArrowLength } from "../../src/components/GradientField.js";

const ravine = testFunctions.ravine;
const box = ravine.domain;

describe("gradient arrows", () => {
  it("arrowScale draws the median gradient of the view a sixth of its width long", () => {
    const norms = cachedField(ravine, box, 15).map((a) => a.norm).sort((a, b) => a - b);
    expect(arrowScale(ravine, box) * norms[Math.floor(norms.length / 2)]).toBeCloseTo(8 / 6, 12);
  });

  it("cachedField computes each field once per function and view", () => {
    expect(cachedField(ravine, box, 15)).toBe(cachedField(ravine, { x: [-4, 4], y: [-2, 2] }, 15));
  });

  it("probeArrowLength caps the arrow at a quarter of the view's shorter side and says so", () => {
    const steep = probeGradient(ravine, 0, 1.9);
    expect(probeArrowLength(steep, { scale: 1, box })).toEqual({ length: 1, capped: true });
    const gentle = probeGradient(ravine, 0.5, 0);
    expect(probeArrowLength(gentle, { scale: 1, box })).toEqual({ length: 0.5, capped: false });
  });

  it("gradientProbeMarks draws the tangent, the arrow and its label; nothing but the point at a critical point", () => {
    const draw = (x: number, y: number) =>
      Plot.plot({ x: { domain: box.x }, y: { domain: box.y }, marks: gradientProbeMarks(probeGradient(ravine, x, y), { scale: 0.2, box }) });
    const svg = draw(1, 0.5);
    expect(svg.querySelectorAll("g[aria-label=arrow] path")).toHaveLength(1);
    expect(svg.querySelectorAll("g[aria-label=line] path")).toHaveLength(1);
    expect(svg.textContent).toContain("∇f");
    expect(draw(0, 0).querySelectorAll("g[aria-label=arrow]")).toHaveLength(0);
  });

  it("gradientFieldMarks turns each arrow along ∇f (clockwise from up) and drops zero gradients", () => {
    const svg = Plot.plot({ x: { domain: box.x }, y: { domain: box.y }, marks: gradientFieldMarks(ravine, box, { columns: 4 }) });
    expect(svg.querySelectorAll("g[aria-label=vector] path").length).toBe(cachedField(ravine, box, 4).length);
  });
});
