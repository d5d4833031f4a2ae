// The contour map of the ravine ½(x² + κy²), drawn exactly: its level sets are ellipses, so each band is one
// <ellipse> (no grid, no marching squares), cheap enough to draw anew for every κ. A layered figure (./layers.ts)
// whose base is the axes, the same for every κ, so show it in a FigureSlot: every slider swaps only the overlay (the
// map and the runs). Any other objective falls back to LayeredContour.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import type { ObjectiveSpec } from "../lib/types.js";
import type { Surface } from "./contourGrid.js";
import { LayeredContour } from "./LayeredContour.js";
import { layerMargins, overlayPlot, stackLayers, type LayeredFigure } from "./layers.js";
import { minFigureWidth, plot } from "./plot.js";
import { drawablePath, expandBox, type Box, type DrawPoint } from "./points.js";
import { toSeries, type Series, type TraceInput } from "./series.js";
import { contourSummary } from "./summaries.js";
import { appendDots, appendLines, clipToFrame, element, frameOf } from "./svgMarks.js";

export interface RavineContourOptions {
  width?: number;
  /** Runs to draw, each a Trace or {trace, label, color}. */
  trajectories?: TraceInput | readonly TraceInput[];
  /** About how many contour levels to draw (as ContourPlot's `levels`). */
  levels?: number;
}

/** κ when `objective` is the ravine (a named test function, not a typed expression), else undefined. */
export function ravineKappa(objective: ObjectiveSpec): number | undefined {
  if (typeof objective !== "object" || !("name" in objective) || objective.name !== "ravine") return undefined;
  const kappa = objective.params?.kappa;
  return typeof kappa === "number" && kappa > 0 && Number.isFinite(kappa) ? kappa : undefined;
}

/**
 * The levels ContourPlot would choose for ½(x² + κy²) over `box`: about `count` evenly spaced values strictly
 * between the minimum (0, inside the view) and the largest value in the view (at a corner).
 */
export function ravineLevels(kappa: number, box: Box, count = 20): number[] {
  const f = (x: number, y: number) => 0.5 * (x * x + kappa * y * y);
  const max = Math.max(...box.x.flatMap((x) => box.y.map((y) => f(x, y))));
  const min = box.x[0] <= 0 && box.x[1] >= 0 && box.y[0] <= 0 && box.y[1] >= 0 ? 0 : Math.min(...box.x.flatMap((x) => box.y.map((y) => f(x, y))));
  return d3.ticks(min, max, count).filter((t) => t > min && t < max);
}

const starPath = d3.symbol(d3.symbolStar, Math.PI * 36)()!; // r = 6, as Plot's dot with symbol "star"

type Minimum = NonNullable<Surface["minima"]>[number];

/** At most this many steps get a dot each; a longer run is a plain line. */
const maxDottedSteps = 150;

interface Geometry {
  width: number;
  height: number;
  box: Box;
}

/** Plot's linear scales of a layer of this geometry, from data to pixels. */
function pixels({ width, height, box }: Geometry) {
  const { marginTop, marginRight, marginBottom, marginLeft } = layerMargins;
  return {
    x: (v: number) => marginLeft + ((v - box.x[0]) / (box.x[1] - box.x[0])) * (width - marginLeft - marginRight),
    y: (v: number) => marginTop + ((box.y[1] - v) / (box.y[1] - box.y[0])) * (height - marginTop - marginBottom),
  };
}

const axesCache = new Map<string, Element>();
const bandCache = new Map<string, Element>();

/** The base layer: the axes, drawn by Plot once per geometry and copied after that; the same for every κ. */
function baseLayer(geometry: Geometry): { element: () => Element; key: string } {
  const { width, height, box } = geometry;
  const key = `ravine axes ${JSON.stringify(geometry)}`;
  let axes = axesCache.get(key);
  if (!axes) {
    axes = plot({ ...layerMargins, width, height, x: { domain: [...box.x], label: "x" }, y: { domain: [...box.y], label: "y" }, marks: [] });
    axes.setAttribute("aria-hidden", "true");
    axesCache.set(key, axes);
  }
  const template = axes;
  return { element: () => template.cloneNode(true) as Element, key };
}

/**
 * The map itself, under the runs in the overlay: inside the frame, the bands of ½(x² + κy²) painted from the outside in — the
 * frame takes the colour of the highest level, each ellipse {f < t} the colour of the level below t (as Plot.contour
 * fills {f ≥ t} with t's colour), on ContourPlot's reversed YlGnBu scale from 0 (dark) to the highest level (pale)
 * — then the frame and the minima (stars), as ContourPlot draws them. A couple of dozen elements in all (a contour
 * grid would need thousands of path vertices), made once per κ and geometry and copied for every figure. In the
 * overlay rather than the base: a new κ then changes only the overlay, and the axes (text to lay out) stay.
 */
function bandLayer(doc: Document, kappa: number, thresholds: readonly number[], minima: readonly Minimum[], geometry: Geometry): Element {
  const key = `${kappa} ${thresholds.join(",")} ${minima.map((m) => `${m.point} ${m.global}`).join(";")} ${JSON.stringify(geometry)}`;
  let layer = bandCache.get(key);
  if (!layer) {
    const dimensions = { ...layerMargins, width: geometry.width, height: geometry.height };
    const inner = frameOf(dimensions);
    const { x, y } = pixels(geometry);
    const top = thresholds.at(-1) ?? 1;
    const color = (t: number) => d3.interpolateYlGnBu(1 - t / top);
    layer = element(doc, "g", { "aria-hidden": "true" });
    const frame = clipToFrame(doc, dimensions);
    const bands = element(doc, "g", { stroke: "white", "stroke-opacity": 0.4, "stroke-width": 0.5 });
    bands.append(element(doc, "rect", { ...inner, fill: color(top), stroke: "none" }));
    const [cx, cy, ux, uy] = [x(0), y(0), Math.abs(x(1) - x(0)), Math.abs(y(1) - y(0))]; // ux, uy: pixels per unit
    for (let i = thresholds.length - 1; i >= 0; --i) {
      // {½(x² + κy²) < t}: semi-axes √(2t) along x and √(2t/κ) along y.
      const t = thresholds[i];
      bands.append(element(doc, "ellipse", { cx, cy, rx: Math.sqrt(2 * t) * ux, ry: Math.sqrt((2 * t) / kappa) * uy, fill: color(i > 0 ? thresholds[i - 1] : 0) }));
    }
    frame.append(bands);
    layer.append(frame);
    layer.append(element(doc, "rect", { ...inner, fill: "none", stroke: "currentColor", "stroke-opacity": 0.3 }));
    for (const m of minima) {
      layer.append(element(doc, "path", { d: starPath, transform: `translate(${x(m.point[0])},${y(m.point[1])})`, fill: m.global ? "white" : "none", stroke: "black", "stroke-width": 1.5 }));
    }
    if (bandCache.size >= 32) bandCache.delete(bandCache.keys().next().value!);
    bandCache.set(key, layer);
  }
  return layer.cloneNode(true) as Element;
}

/**
 * A Plot render function for the overlay: each run as ContourPlot draws it — a line over a white casing, a dot per
 * step (all in one path: one element per run instead of one per step), a ring at the start, and an × with a label
 * where it diverged — drawn by hand in a nested <svg> that clips it to the frame (the same marks through Plot
 * cost several times more per move).
 */
function runLayer(paths: readonly { series: Series; points: DrawPoint[] }[]) {
  return (_index: unknown, scales: Record<string, unknown>, _values: unknown, dimensions: Plot.Dimensions, context: { document: Document }) => {
    const doc = context.document;
    const layer = element(doc, "g", {});
    const svg = clipToFrame(doc, dimensions);
    svg.setAttribute("aria-hidden", "true");
    layer.append(svg);
    const [sx, sy] = [scales.x as (v: number) => number, scales.y as (v: number) => number];
    for (const { series, points } of paths) {
      if (points.length === 0) continue;
      const run = element(doc, "g", { fill: "none" });
      const [xs, ys] = [points.map((p) => p.x), points.map((p) => p.y)];
      appendLines(doc, run, [{ xs, ys }], sx, sy, { stroke: series.color, strokeWidth: 2, casing: { stroke: "white", strokeWidth: 4, strokeOpacity: 0.8 } });
      if (points.length <= maxDottedSteps) appendDots(doc, run, xs, ys, sx, sy, { fill: series.color });
      const [first, last] = [points[0], points[points.length - 1]];
      run.append(element(doc, "circle", { cx: sx(first.x), cy: sy(first.y), r: 5, fill: "white", stroke: series.color, "stroke-width": 2.5 }));
      if (series.trace.stop.reason === "diverged") {
        const [lx, ly] = [sx(last.x), sy(last.y)];
        run.append(element(doc, "path", { d: `M${lx - 5},${ly - 5}L${lx + 5},${ly + 5}M${lx - 5},${ly + 5}L${lx + 5},${ly - 5}`, stroke: series.color, "stroke-width": 3 }));
        const text = element(doc, "text", { x: lx, y: ly - 14, dy: "0.32em", "text-anchor": "middle", fill: series.color, stroke: "white", "stroke-width": 3, "paint-order": "stroke" });
        text.textContent = `${series.label} diverged`;
        run.append(text);
      }
      svg.append(run);
    }
    return layer;
  };
}

/**
 * The ravine's contour map with runs: the axes in the base layer, the same for every κ; the exact ellipses and the
 * runs in the overlay. `surface` gives the view, the minima and the fallback for other objectives.
 */
export function RavineContour(objective: ObjectiveSpec, surface: Surface, options: RavineContourOptions = {}): LayeredFigure {
  const kappa = ravineKappa(objective);
  if (kappa === undefined) return LayeredContour(surface, options);
  const { width = 640, trajectories, levels = 20 } = options;
  const box: Box = { x: [surface.domain.x[0], surface.domain.x[1]], y: [surface.domain.y[0], surface.domain.y[1]] };
  const thresholds = ravineLevels(kappa, box, levels);
  const minima = surface.minima ?? [];
  const series = toSeries(trajectories);
  // A run far outside the view is drawn heading off the frame, never at coordinates like 1e300.
  const drawBox = expandBox(box, 0.05);
  const paths = series.map((s) => ({ series: s, points: drawablePath(s.trace.path, drawBox) }));
  const title = surface.label ?? "f(x, y)";
  // ContourPlot's layered geometry: equal units on both axes.
  const layerWidth = Math.max(minFigureWidth, width);
  const height = Math.round(((layerWidth - 60) * (box.y[1] - box.y[0])) / (box.x[1] - box.x[0]) + 50);
  const geometry = { width: layerWidth, height, box };
  const base = baseLayer(geometry);
  const bands = (_index: unknown, _scales: unknown, _values: unknown, _dimensions: unknown, context: { document: Document }) => bandLayer(context.document, kappa, thresholds, minima, geometry);
  const overlay = overlayPlot(
    {
      ...layerMargins,
      width: layerWidth,
      height,
      x: { domain: [...box.x], axis: null },
      y: { domain: [...box.y], axis: null },
      ariaLabel: `Contour map of ${title}${series.length ? ` with ${series.map((s) => s.label).join(", ")}` : ""}`,
      ariaDescription: contourSummary({
        title,
        box,
        levels: thresholds.length,
        logLevels: false,
        minima,
        series,
        leftView: paths.filter((p) => p.points.some((q) => q.clamped)).map((p) => p.series.label),
      }),
    },
    [bands as unknown as Plot.RenderFunction, runLayer(paths) as unknown as Plot.RenderFunction],
  );
  return stackLayers(base.element, overlay, base.key, layerWidth);
}
