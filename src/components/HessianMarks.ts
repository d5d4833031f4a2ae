// The Hessian at a point drawn on a contour map: one double-headed segment per eigenvector, long in proportion
// to |λ|, blue where the surface curves up (λ > 0) and red where it curves down (λ < 0).
import * as Plot from "@observablehq/plot";
import type { CurvatureReport } from "../../lib/analysis/hessian.js";
import type { Box } from "./points.js";
import { formatNumber } from "./format.js";

export const curvatureColors = { up: "#1864ab", down: "#c92a2a", flat: "#495057" } as const;

export function hessianMarks(point: readonly [number, number], report: CurvatureReport, box: Box): Plot.Markish[] {
  const span = Math.min(box.x[1] - box.x[0], box.y[1] - box.y[0]);
  const biggest = Math.max(Math.abs(report.eigenvalues[0]), Math.abs(report.eigenvalues[1]), 1e-12);
  const axes = report.eigenvalues.map((lambda, i) => {
    const half = (span / 6) * Math.max(0.15, Math.abs(lambda) / biggest);
    const [vx, vy] = report.eigenvectors[i];
    const color = lambda > 1e-9 ? curvatureColors.up : lambda < -1e-9 ? curvatureColors.down : curvatureColors.flat;
    return { x1: point[0] - half * vx, y1: point[1] - half * vy, x2: point[0] + half * vx, y2: point[1] + half * vy, color, text: `λ = ${formatNumber(lambda, 3)}` };
  });
  // Constant colours per mark: a colour channel would share the contour fill's color scale.
  return axes.map((axis) => [
    Plot.link([axis], { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "white", strokeWidth: 6, strokeOpacity: 0.8, clip: "frame" }),
    Plot.link([axis], { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: axis.color, strokeWidth: 3, markerStart: "arrow", markerEnd: "arrow", clip: "frame" }),
    Plot.text([axis], { x: "x2", y: "y2", text: "text", fill: axis.color, stroke: "white", strokeWidth: 3, paintOrder: "stroke", dx: 6, textAnchor: "start", clip: "frame" }),
  ]);
}
