// Gradients drawn on a contour map: a field of small arrows (all pointing uphill) and, at one point,
// the gradient arrow with the tangent of the contour line through that point.
import * as Plot from "@observablehq/plot";
import { gradientField, type Differentiable, type FieldArrow, type GradientProbe } from "../lib/analysis/gradient.js";
import type { Box } from "./points.js";

const fieldCache = new WeakMap<object, Map<string, FieldArrow[]>>();

/** The field over `box`, computed once per function, view and grid size. */
export function cachedField(fn: Differentiable, box: Box, columns: number): FieldArrow[] {
  let entries = fieldCache.get(fn);
  if (!entries) fieldCache.set(fn, (entries = new Map()));
  const key = `${box.x},${box.y},${columns}`;
  let field = entries.get(key);
  if (!field) entries.set(key, (field = gradientField(fn, box, columns, Math.max(2, Math.round((columns * (box.y[1] - box.y[0])) / (box.x[1] - box.x[0]))))));
  return field;
}

/**
 * Arrows at grid points, each turned to point along ∇f (uphill); length grows with |∇f| on a log scale,
 * because gradients on one map often span several decades. Assumes x and y share units per pixel
 * (ContourPlot's aspectRatio 1), so the drawn direction is the true one.
 */
export function gradientFieldMarks(fn: Differentiable, box: Box, { columns = 15, color = "currentColor" } = {}): Plot.Markish[] {
  const field = cachedField(fn, box, columns).filter((a) => a.norm > 0);
  return [
    Plot.vector(field, {
      x: "x",
      y: "y",
      // Plot's rotate is clockwise from straight up, in degrees.
      rotate: (a: FieldArrow) => (Math.atan2(a.dfdx, a.dfdy) * 180) / Math.PI,
      length: (a: FieldArrow) => Math.log1p(a.norm),
      stroke: color,
      strokeOpacity: 0.55,
      strokeWidth: 1.2,
      anchor: "middle",
    }),
  ];
}

/**
 * How many data units one unit of |∇f| is drawn as, so that a typical gradient on this view (the median
 * over the field) is drawn a sixth of the view's width long. Fixed per function and view, so a longer
 * arrow really means a steeper slope.
 */
export function arrowScale(fn: Differentiable, box: Box): number {
  const norms = cachedField(fn, box, 15)
    .map((a) => a.norm)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  const median = norms.length ? norms[Math.floor(norms.length / 2)] : 1;
  return (box.x[1] - box.x[0]) / 6 / median;
}

export interface GradientProbeMarksOptions {
  /** Data units per unit of |∇f| for the arrow (see arrowScale). */
  scale: number;
  box: Box;
  color?: string;
}

/**
 * How long the gradient arrow is drawn, in data units: `scale` × |∇f|, but at most a quarter of the view's
 * shorter side (then `capped`, and a caption should say the arrow is shortened).
 */
export function probeArrowLength(probe: GradientProbe, { scale, box }: Pick<GradientProbeMarksOptions, "scale" | "box">): { length: number; capped: boolean } {
  const limit = Math.min(box.x[1] - box.x[0], box.y[1] - box.y[0]) / 4;
  const length = scale * probe.norm;
  return length > limit ? { length: limit, capped: true } : { length, capped: false };
}

/**
 * The point, its gradient arrow (see probeArrowLength), and a dashed segment of the contour's tangent.
 * Takes a probe from lib's probeGradient.
 */
export function gradientProbeMarks(probe: GradientProbe, { scale, box, color = "#c2255c" }: GradientProbeMarksOptions): Plot.Markish[] {
  const half = Math.min(box.x[1] - box.x[0], box.y[1] - box.y[0]) * 0.2;
  const tangent = [-1, 1].map((side) => ({ x: probe.x + side * half * probe.tangent[0], y: probe.y + side * half * probe.tangent[1] }));
  const { length } = probeArrowLength(probe, { scale, box });
  const tip = { x: probe.x + length * probe.uphill[0], y: probe.y + length * probe.uphill[1] };
  const halo = { stroke: "white", strokeWidth: 3, paintOrder: "stroke" } as const;
  return [
    probe.norm > 0 ? Plot.line(tangent, { x: "x", y: "y", stroke: "currentColor", strokeWidth: 2, strokeDasharray: "5 4", clip: "frame" }) : null,
    probe.norm > 0
      ? Plot.arrow([probe], { x1: "x", y1: "y", x2: () => tip.x, y2: () => tip.y, stroke: color, strokeWidth: 3, headLength: 12, clip: "frame" })
      : null,
    probe.norm > 0 ? Plot.text([tip], { x: "x", y: "y", text: () => "∇f", dy: -12, fill: color, fontWeight: "bold", fontSize: 14, ...halo }) : null,
  ];
}
