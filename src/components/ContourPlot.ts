// A contour map of f(x, y) with optimization paths drawn in the parameter plane and the known minima marked.
import * as Plot from "@observablehq/plot";
import { minFigureWidth, plot } from "./plot.js";
import { cachedGrid, cachedLevels, type Surface } from "./contourGrid.js";
import { drawablePath, expandBox, type Box, type DrawPoint } from "./points.js";
import { toSeries, type Series, type TraceInput } from "./series.js";
import { contourSummary } from "./summaries.js";
import { gradientFieldMarks } from "./GradientField.js";
import { columnDots, columnLines } from "./svgMarks.js";
import type { Differentiable } from "../lib/analysis/gradient.js";

const MAX_DOTTED_STEPS = 100;

export interface ContourPlotOptions extends Omit<Plot.PlotOptions, "marks"> {
  /** The view; defaults to the surface's own domain. */
  domain?: Box;
  /** Runs to draw, each a Trace or {trace, label, color}. */
  trajectories?: TraceInput | readonly TraceInput[];
  /** About how many contour levels to draw. */
  levels?: number;
  /** Log-spaced levels and fill; by default chosen from the data (true for Rosenbrock, Beale, …). */
  logLevels?: boolean;
  showMinima?: boolean;
  /** A start point to mark with a ring (for a map drawn before any run). */
  start?: readonly number[];
  /** Draw `start` as a large handle that invites dragging (used by DraggableContour). */
  handle?: boolean;
  /** Grid cells per side used to compute the contours. */
  resolution?: number;
  /** Overlay arrows of ∇f on a grid (needs `surface.grad`); a number sets the arrows per row (default 15). */
  gradientField?: boolean | number;
  /** Extra Plot marks drawn on top, in data coordinates (e.g. gradientProbeMarks). */
  marks?: Plot.Markish[];
  /**
   * Draw one layer only, for figures that stack two SVGs of identical geometry: "base" (contours, field,
   * minima, axes — slow, drawn once) or "overlay" (runs, start, extra marks — cheap, redrawn per move).
   */
  layer?: "base" | "overlay";
  /** A sentence appended to the text summary, for what `marks` show (e.g. the gradient at a point). */
  summaryNote?: string;
}

/** Plot's default margins with axes, fixed so a base and an overlay layer line up exactly. */
const layerMargins = { marginTop: 20, marginRight: 20, marginBottom: 30, marginLeft: 40 };

export function ContourPlot(surface: Surface, options: ContourPlotOptions = {}) {
  const {
    domain = surface.domain,
    trajectories,
    levels = 20,
    logLevels,
    showMinima = true,
    start,
    resolution = 120,
    gradientField = false,
    marks = [],
    handle = false,
    layer,
    summaryNote,
    ...plotOptions
  } = options;
  const base = layer !== "overlay";
  const overlay = layer !== "base";
  const box: Box = { x: [domain.x[0], domain.x[1]], y: [domain.y[0], domain.y[1]] };
  const minima = showMinima ? (surface.minima ?? []) : [];
  const globalMin = Math.min(...(surface.minima ?? []).map((m) => m.value));
  const grid = cachedGrid(surface.f, box, resolution, resolution);
  const contours = cachedLevels(grid, { count: levels, log: logLevels, floor: globalMin });
  const series = toSeries(trajectories);
  // A run far outside the view is drawn heading off the frame, never at coordinates like 1e300.
  const drawBox = expandBox(box, 0.05);
  const paths = series.map((s) => ({ series: s, points: drawablePath(s.trace.path, drawBox) }));
  const title = surface.label ?? "f(x, y)";
  // Stacked layers get an explicit height (equal units on both axes), as Plot's aspectRatio differs with and without axes.
  const layerWidth = Math.max(minFigureWidth, plotOptions.width ?? 640);
  const layerHeight = Math.round(((layerWidth - 60) * (box.y[1] - box.y[0])) / (box.x[1] - box.x[0]) + 50);
  return plot({
    ...(layer ? { ...layerMargins, height: layerHeight } : { aspectRatio: 1 }),
    ...(layer === "overlay" ? { axis: null } : {}),
    ariaLabel: `Contour map of ${title}${series.length ? ` with ${series.map((s) => s.label).join(", ")}` : ""}`,
    ariaDescription: contourSummary({
      title,
      box,
      levels: contours.thresholds.length,
      logLevels: contours.log,
      minima,
      series,
      leftView: paths.filter((p) => p.points.some((q) => q.clamped)).map((p) => p.series.label),
    }) + (gradientField && surface.grad ? " Arrows show the gradient on a grid; each points uphill, across the contour lines." : "") + (summaryNote ? ` ${summaryNote}` : ""),
    x: { domain: box.x, label: "x" },
    y: { domain: box.y, label: "y" },
    color: contours.log ? { type: "log", scheme: "ylgnbu", reverse: true } : { type: "linear", scheme: "ylgnbu", reverse: true },
    marks: [
      !base ? null : Plot.contour(contours.values, {
        width: grid.columns,
        height: grid.rows,
        x1: box.x[0],
        x2: box.x[1],
        y1: box.y[1],
        y2: box.y[0],
        interpolate: "none", // the grid is already dense and regular: no nearest-sample search per pixel
        // The lowest band (below the first level) is filled too, rather than left blank.
        thresholds: [Math.min(grid.min - contours.offset, contours.thresholds[0] ?? Infinity), ...contours.thresholds],
        fill: Plot.identity, // the contour's own threshold value, through the color scale ("value" would read a field of the data)
        stroke: "white",
        strokeOpacity: 0.4,
        strokeWidth: 0.5,
      }),
      base ? Plot.frame({ stroke: "currentColor", strokeOpacity: 0.3 }) : null,
      base && gradientField && surface.grad
        ? gradientFieldMarks(surface as Differentiable, box, { columns: gradientField === true ? 15 : gradientField })
        : null,
      base ? minimaMarks(minima) : null,
      overlay && start && start.every(Number.isFinite) ? startMarks(start, handle) : null,
      overlay ? paths.map(({ series, points }) => pathMarks(series, points)) : null,
      overlay ? marks : null,
    ],
    ...plotOptions,
  });
}

function startMarks(start: readonly number[], handle: boolean): Plot.Markish[] {
  const at = { x: () => start[0], y: () => start[1], clip: "frame" } as const;
  if (!handle) return [Plot.dot([start], { ...at, r: 6, stroke: "white", strokeWidth: 2 })];
  // A dark outline round a white ring reads on both ends of the colour scheme.
  return [
    Plot.dot([start], { ...at, r: 10, fill: "white", fillOpacity: 0.35, stroke: "#212529", strokeWidth: 4.5 }),
    Plot.dot([start], { ...at, r: 10, stroke: "white", strokeWidth: 2 }),
  ];
}

function minimaMarks(minima: NonNullable<Surface["minima"]>): Plot.Markish[] {
  const text = (m: (typeof minima)[number]) => `${m.global ? "global" : "local"} minimum, value ${m.value}`;
  const options = { x: (m: (typeof minima)[number]) => m.point[0], y: (m: (typeof minima)[number]) => m.point[1], symbol: "star", r: 6, stroke: "black", title: text };
  return [
    Plot.dot(minima.filter((m) => m.global), { ...options, fill: "white" }),
    Plot.dot(minima.filter((m) => !m.global), { ...options, fill: "none" }),
  ];
}

/**
 * The path as a white-cased line (a dot per step on a short run), the start as a ring, and an × where a run diverged.
 * Line and dots are written straight into SVG paths (./svgMarks.ts): Plot.line costs several times more on long,
 * noisy runs, and Plot.dot makes an element, styled and laid out anew, per step.
 */
export function pathMarks({ trace, label, color }: Series, points: DrawPoint[]): Plot.Markish[] {
  if (points.length === 0) return [];
  const last = points[points.length - 1];
  const xy = { x: "x", y: "y", clip: "frame" } as const;
  const x = points.map((p) => p.x);
  const y = points.map((p) => p.y);
  return [
    columnLines([{ x, y, stroke: color }], {
      strokeWidth: 2,
      casing: { stroke: "white", strokeWidth: 4, strokeOpacity: 0.8 },
      clip: true,
    }),
    // One dot per step shows the step lengths of a short run; on a long one they would merge into the line. No title
    // per dot (as in ContourPlot): a slider redraws them all on every move.
    points.length <= MAX_DOTTED_STEPS ? columnDots([{ x, y, fill: color }], { r: 2.5, clip: true }) : null,
    Plot.dot([points[0]], { ...xy, r: 5, fill: "white", stroke: color, strokeWidth: 2.5 }),
    trace.stop.reason === "diverged"
      ? [
          Plot.dot([last], { ...xy, symbol: "times", r: 7, stroke: color, strokeWidth: 3 }),
          Plot.text([last], { ...xy, text: () => `${label} diverged`, dy: -14, fill: color, stroke: "white", strokeWidth: 3, paintOrder: "stroke" }),
        ]
      : null,
  ];
}
