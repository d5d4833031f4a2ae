// The schedules page's contour map: one run over the surface, with numbered rings where each anneal ended. A layered
// figure, as LayeredContour makes (ContourPlot's contours in the base, drawn once), whose overlay draws the run by hand
// (./svgMarks.ts): ContourPlot's run marks are several Plot marks and clip to the frame with a clip path, which costs
// the browser more to lay out than the rest of the overlay.
import type { Trace } from "../../lib/types.js";
import { overlayMark } from "./svgMarks.js";
import { ContourPlot } from "./ContourPlot.js";
import { isLayeredFigure, layerMargins, overlayPlot, stackLayers, type FigureSlotElement, type LayeredFigure } from "./layers.js";
import { drawablePath, expandBox } from "./points.js";
import { seriesColors } from "./series.js";
import { contourSummary, seriesSummary } from "./summaries.js";
import { cachedGrid, cachedLevels, type Surface } from "./contourGrid.js";
import { minFigureWidth } from "./plot.js";

export interface ScheduleMapOptions {
  label: string;
  width: number;
  /** Rings to number, e.g. where each anneal ended. */
  rings?: readonly { point: readonly number[] }[];
}

let surfaces = 0;
const surfaceIds = new WeakMap<object, number>();
const bases = new Map<string, Element>();

/** The contours, drawn once per surface and width (tens of milliseconds) and copied when a figure needs them. */
function contourBase(surface: Surface, width: number): { key: string; template: Element } {
  let id = surfaceIds.get(surface);
  if (id === undefined) surfaceIds.set(surface, (id = ++surfaces));
  const key = `schedule map ${id} ${width}`;
  let template = bases.get(key);
  if (!template) {
    template = ContourPlot(surface, { width, layer: "base" });
    // The overlay's name and text summary describe the contours too.
    template.removeAttribute("aria-label");
    template.removeAttribute("aria-description");
    template.setAttribute("aria-hidden", "true");
    if (bases.size >= 8) bases.delete(bases.keys().next().value!);
    bases.set(key, template);
  }
  return { key, template };
}

/** The map as a layered figure (contours under the run). */
export function ScheduleMap(surface: Surface, trace: Trace, options: ScheduleMapOptions): LayeredFigure {
  return buildMap(surface, trace, options, () => true);
}

/**
 * Shows the map in a FigureSlot; when the slot already shows these contours, the new figure does not even copy them
 * (the copy of a contour map costs more than its whole overlay).
 */
export function showScheduleMap(slot: FigureSlotElement, surface: Surface, trace: Trace, options: ScheduleMapOptions): void {
  slot.show(() => {
    const shown = slot.firstElementChild;
    return buildMap(surface, trace, options, (key) => !(isLayeredFigure(shown) && shown.baseKey === key));
  });
}

function buildMap(surface: Surface, trace: Trace, options: ScheduleMapOptions, needsBase: (key: string) => boolean): LayeredFigure {
  const { label, width, rings = [] } = options;
  const color = seriesColors[0];
  const box = surface.domain;
  // A run far outside the view is drawn heading off the frame (clipped), never at coordinates like 1e300.
  const points = drawablePath(trace.path, expandBox(box, 0.05));
  const line = [{ xs: points.map((p) => p.x), ys: points.map((p) => p.y) }];
  const inView = (p: { x: number; y: number }) => p.x >= box.x[0] && p.x <= box.x[1] && p.y >= box.y[0] && p.y <= box.y[1];
  const ringMarks = rings.map((e, i) => ({ x: e.point[0], y: e.point[1], n: String(i + 1) })).filter(inView);
  const first = points[0];
  const last = points[points.length - 1];
  const diverged = trace.stop.reason === "diverged" && last && inView(last);
  const leftView = points.some((p) => p.clamped);
  const base = contourBase(surface, width);
  // The overlay as ContourPlot's overlay layer has it (same geometry, no axes, the same text summary), drawn directly:
  // only the run's sentence differs from one call to the next.
  const minima = surface.minima ?? [];
  const grid = cachedGrid(surface.f, box, 120, 120);
  const levels = cachedLevels(grid, { count: 20, floor: Math.min(...minima.map((m) => m.value)) });
  const w = Math.max(minFigureWidth, width);
  // Plot's scales and an empty figure are made once per geometry (overlayPlot); only the mark draws on each call.
  const overlay = overlayPlot({
    ...layerMargins,
    width: w,
    height: Math.round(((w - 60) * (box.y[1] - box.y[0])) / (box.x[1] - box.x[0]) + 50),
    axis: null,
    x: { domain: [...box.x] },
    y: { domain: [...box.y] },
    ariaLabel: `Contour map of ${surface.label ?? "f(x, y)"} with ${label}`,
    ariaDescription:
      contourSummary({ title: surface.label ?? "f(x, y)", box, levels: levels.thresholds.length, logLevels: levels.log, minima, series: [], leftView: [] }) +
      ` ${seriesSummary({ trace, label, color })}` +
      (leftView ? ` ${label} left the view; points outside are drawn at its edge.` : ""),
  }, [
    overlayMark((d, g) => {
      d.lines(line, { stroke: color, strokeWidth: 2, casing: { stroke: "white", strokeWidth: 4, strokeOpacity: 0.8 }, clip: true }, g);
      if (first && inView(first)) d.el("circle", { cx: d.x(first.x), cy: d.y(first.y), r: 5, fill: "white", stroke: color, "stroke-width": 2.5 }, g);
      if (diverged) {
        const [cx, cy] = [d.x(last.x), d.y(last.y)];
        d.el("path", { d: d.symbol("times", 7), transform: `translate(${cx},${cy})`, fill: "none", stroke: color, "stroke-width": 3 }, g);
        d.el("text", { x: cx, y: cy - 14, dy: "0.32em", fill: color, stroke: "white", "stroke-width": 3, "paint-order": "stroke" }, g, `${label} diverged`);
      }
      for (const p of ringMarks) {
        const [cx, cy] = [d.x(p.x), d.y(p.y)];
        d.el("circle", { cx, cy, r: 9, fill: "white", "fill-opacity": 0.8, stroke: "black", "stroke-width": 2 }, g);
        d.el("text", { x: cx, y: cy, dy: "0.32em", "font-weight": "bold" }, g, p.n);
      }
    }),
  ]);
  // A figure whose base the slot will not use gets an empty stand-in.
  const element = needsBase(base.key) ? (base.template.cloneNode(true) as Element) : document.createElementNS("http://www.w3.org/2000/svg", "svg");
  return stackLayers(element, overlay, base.key, width);
}
