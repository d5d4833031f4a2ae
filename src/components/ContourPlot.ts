// A contour map of f(x, y) with optimization paths drawn in the parameter plane and the known minima marked.
import * as Plot from "@observablehq/plot";
import { minFigureWidth, plot } from "./plot.js";
import { overlayPlot, renderFunctions } from "./layers.js";
import { cachedGrid, cachedLevels, type Surface } from "./contourGrid.js";
import { drawablePath, expandBox, type Box, type DrawPoint } from "./points.js";
import { toSeries, type Series, type TraceInput } from "./series.js";
import { contourSummary } from "./summaries.js";
import { gradientFieldMarks } from "./GradientField.js";
import { columnDots, columnLines, overlayMark } from "./svgMarks.js";
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
  const ariaLabel = `Contour map of ${title}${series.length ? ` with ${series.map((s) => s.label).join(", ")}` : ""}`;
  const ariaDescription =
    contourSummary({
      title,
      box,
      levels: contours.thresholds.length,
      logLevels: contours.log,
      minima,
      series,
      leftView: paths.filter((p) => p.points.some((q) => q.clamped)).map((p) => p.series.label),
    }) +
    (gradientField && surface.grad ? " Arrows show the gradient on a grid; each points uphill, across the contour lines." : "") +
    (summaryNote ? ` ${summaryNote}` : "");
  const overlayMarks: Plot.Markish[] = [
    overlay && start && start.every(Number.isFinite) ? startMarks(start, handle) : null,
    overlay ? paths.map(({ series, points }) => pathMarks(series, points)) : null,
    overlay ? marks : null,
  ];
  // An overlay of render functions alone is drawn without Plot (./layers.ts overlayPlot), on the same scales.
  const simple = Object.keys(plotOptions).every((k) => ["width", "x", "y", "ariaLabel", "ariaDescription"].includes(k));
  const functions = layer === "overlay" && simple ? renderFunctions(overlayMarks) : undefined;
  if (functions) {
    const { x = { domain: box.x }, y = { domain: box.y } } = plotOptions;
    return overlayPlot(
      {
        ...layerMargins,
        width: layerWidth,
        height: layerHeight,
        x: { ...x, axis: null },
        y: { ...y, axis: null },
        ariaLabel: plotOptions.ariaLabel ?? ariaLabel,
        ariaDescription: plotOptions.ariaDescription ?? ariaDescription,
      },
      functions,
    );
  }
  return plot({
    ...(layer ? { ...layerMargins, height: layerHeight } : { aspectRatio: 1 }),
    ...(layer === "overlay" ? { axis: null } : {}),
    ariaLabel,
    ariaDescription,
    x: { domain: box.x, label: "x" },
    y: { domain: box.y, label: "y" },
    color: contours.log ? { type: "log", scheme: "ylgnbu", reverse: true } : { type: "linear", scheme: "ylgnbu", reverse: true },
    marks: [
      // The lowest band (below the first level) is filled too, rather than left blank.
      !base ? null : contourBands(contours.values, grid, box, [Math.min(grid.min - contours.offset, contours.thresholds[0] ?? Infinity), ...contours.thresholds]),
      base ? Plot.frame({ stroke: "currentColor", strokeOpacity: 0.3 }) : null,
      base && gradientField && surface.grad
        ? gradientFieldMarks(surface as Differentiable, box, { columns: gradientField === true ? 15 : gradientField })
        : null,
      base ? minimaMarks(minima) : null,
      ...overlayMarks,
    ],
    ...plotOptions,
  });
}

/**
 * Filled contour bands of a grid of values sampled over `box` (columns × rows, top row first), each band in its
 * threshold's colour on the figure's colour scale, with thin white lines between them.
 */
export function contourBands(
  values: ArrayLike<number>,
  { columns, rows }: { columns: number; rows: number },
  box: Box,
  thresholds: number[],
  render?: Plot.RenderFunction,
): Plot.Markish {
  return Plot.contour(values, {
    width: columns,
    height: rows,
    x1: box.x[0],
    x2: box.x[1],
    y1: box.y[1],
    y2: box.y[0],
    interpolate: "none", // the grid is already dense and regular: no nearest-sample search per pixel
    thresholds,
    fill: Plot.identity, // the contour's own threshold value, through the color scale ("value" would read a field of the data)
    stroke: "white",
    strokeOpacity: 0.4,
    strokeWidth: 0.5,
    render,
  });
}

/** The start as a ring, or as a large handle that invites dragging; clipped to the frame. */
function startMarks(start: readonly number[], handle: boolean): Plot.RenderFunction {
  return overlayMark(({ x, y, el, clipped }, g) => {
    const [cx, cy] = [x(start[0]), y(start[1])];
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) return;
    const frame = clipped(g);
    if (!handle) {
      el("circle", { cx, cy, r: 6, fill: "none", stroke: "white", "stroke-width": 2 }, frame);
      return;
    }
    // A dark outline round a white ring reads on both ends of the colour scheme.
    el("circle", { cx, cy, r: 10, fill: "white", "fill-opacity": 0.35, stroke: "#212529", "stroke-width": 4.5 }, frame);
    el("circle", { cx, cy, r: 10, fill: "none", stroke: "white", "stroke-width": 2 }, frame);
  });
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
export function pathMarks({ trace, label, color }: Series, points: DrawPoint[]): Plot.RenderFunction[] {
  if (points.length === 0) return [];
  const last = points[points.length - 1];
  const x = points.map((p) => p.x);
  const y = points.map((p) => p.y);
  return [
    columnLines([{ x, y, stroke: color }], {
      strokeWidth: 2,
      casing: { stroke: "white", strokeWidth: 4, strokeOpacity: 0.8 },
      clip: true,
    }),
    // One dot per step shows the step lengths of a short run; on a long one they would merge into the line. No title
    // per dot: a slider redraws them all on every move.
    ...(points.length <= MAX_DOTTED_STEPS ? [columnDots([{ x, y, fill: color }], { r: 2.5, clip: true })] : []),
    // A ring at the start, and an × and a label where the run diverged.
    overlayMark(({ x: sx, y: sy, el, symbol, clipped }, g) => {
      const frame = clipped(g);
      el("circle", { cx: sx(points[0].x), cy: sy(points[0].y), r: 5, fill: "white", stroke: color, "stroke-width": 2.5 }, frame);
      if (trace.stop.reason !== "diverged") return;
      const [lx, ly] = [sx(last.x), sy(last.y)];
      el("path", { d: symbol("times", 7), transform: `translate(${lx},${ly})`, fill: "none", stroke: color, "stroke-width": 3 }, frame);
      el("text", { x: lx, y: ly - 14, dy: "0.32em", fill: color, stroke: "white", "stroke-width": 3, "paint-order": "stroke" }, frame, `${label} diverged`);
    }),
  ];
}
