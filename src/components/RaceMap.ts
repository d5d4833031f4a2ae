// The race's map (and any map of a few runs redrawn by a slider): LayeredContour's contour base (drawn once per surface and width), under the racers' paths drawn
// straight into an SVG in the base's pixel coordinates. The race redraws the paths whenever the budget, the start
// or a racer changes, so they are drawn with as few elements as possible: per racer a cased line, its steps as dots
// in one path (no element and no title per step), a start ring, and an × where it diverged.
import { LayeredContour } from "./LayeredContour.js";
import { stackLayers, type LayeredFigure } from "./layers.js";
import { appendDots, appendLines, element } from "./svgMarks.js";
import { drawablePath, expandBox, type Box } from "./points.js";
import { toSeries, type TraceInput } from "./series.js";
import { seriesSummary } from "./summaries.js";
import type { Surface } from "./contourGrid.js";

/** Runs of up to this many points show one dot per step (ContourPlot's paths stop at 100; pages may pass their own). */
const MAX_DOTTED_STEPS = 150;

type Scale = { apply(v: number): number; invert(v: number): number };
type Template = { figure: LayeredFigure; x: Scale; y: Scale; width: number; height: number; label: string; description: string };

const templates = new WeakMap<Surface, Map<number, Template>>();

/** The contour figure without runs, for this surface and width: its base, scales, name and summary, made once. */
function template(surface: Surface, width: number): Template {
  let byWidth = templates.get(surface);
  if (!byWidth) templates.set(surface, (byWidth = new Map()));
  let t = byWidth.get(width);
  if (!t) {
    const figure = LayeredContour(surface, { width });
    const overlay = figure.overlay;
    t = {
      figure,
      x: figure.scale("x") as unknown as Scale,
      y: figure.scale("y") as unknown as Scale,
      width: Number(overlay.getAttribute("width")),
      height: Number(overlay.getAttribute("height")),
      label: overlay.getAttribute("aria-label") ?? "Contour map",
      description: overlay.getAttribute("aria-description") ?? "",
    };
    byWidth.set(width, t);
  }
  return t;
}

export interface RaceMapOptions {
  width: number;
  trajectories: readonly TraceInput[];
  /** Runs up to this many steps get a dot per step (default 150). */
  dottedSteps?: number;
}

export function RaceMap(surface: Surface, { width, trajectories, dottedSteps = MAX_DOTTED_STEPS }: RaceMapOptions): LayeredFigure {
  const t = template(surface, width);
  const box: Box = surface.domain;
  const drawBox = expandBox(box, 0.05);
  const series = toSeries(trajectories);
  const paths = series.map((s) => ({ series: s, points: drawablePath(s.trace.path, drawBox) }));
  const leftView = paths.filter((p) => p.points.some((q) => q.clamped)).map((p) => p.series.label);

  const svg = element(document, "svg", { width: t.width, height: t.height, viewBox: `0 0 ${t.width} ${t.height}` }) as SVGSVGElement;
  svg.setAttribute("aria-label", `${t.label}${series.length ? ` with ${series.map((s) => s.label).join(", ")}` : ""}`);
  const sentences = [t.description, ...series.map(seriesSummary)];
  if (leftView.length > 0) sentences.push(`${leftView.join(", ")} left the view; points outside are drawn at its edge.`);
  svg.setAttribute("aria-description", sentences.join(" "));
  svg.setAttribute("font-family", "system-ui, sans-serif");
  const toX = (v: number) => t.x.apply(v);
  const toY = (v: number) => t.y.apply(v);
  // A nested <svg> over the map's box, viewing the same coordinates, clips the runs to it.
  const [x0, x1, y0, y1] = [toX(box.x[0]), toX(box.x[1]), toY(box.y[1]), toY(box.y[0])];
  const frame = element(document, "svg", { x: x0, y: y0, width: x1 - x0, height: y1 - y0, viewBox: `${x0} ${y0} ${x1 - x0} ${y1 - y0}` });
  svg.append(frame);

  for (const { series: s, points } of paths) {
    if (points.length === 0) continue;
    const [xs, ys] = [points.map((p) => p.x), points.map((p) => p.y)];
    appendLines(document, frame, [{ xs, ys }], toX, toY, { stroke: s.color, strokeWidth: 2, casing: { stroke: "white", strokeWidth: 4, strokeOpacity: 0.8 } });
    // One dot per step, over the line.
    if (points.length <= dottedSteps) appendDots(document, frame, xs, ys, toX, toY, { fill: s.color });
    const [first, last] = [points[0], points[points.length - 1]];
    frame.append(element(document, "circle", { cx: toX(first.x), cy: toY(first.y), r: 5, fill: "white", stroke: s.color, "stroke-width": 2.5 }));
    if (s.trace.stop.reason === "diverged") {
      const [lx, ly] = [toX(last.x), toY(last.y)];
      frame.append(element(document, "path", { d: `M${lx - 5},${ly - 5}L${lx + 5},${ly + 5}M${lx - 5},${ly + 5}L${lx + 5},${ly - 5}`, stroke: s.color, "stroke-width": 3 }));
      const text = element(document, "text", { x: lx, y: ly - 14, "text-anchor": "middle", "font-size": 10, fill: s.color, stroke: "white", "stroke-width": 3, "paint-order": "stroke" });
      text.textContent = `${s.label} diverged`;
      frame.append(text);
    }
  }
  // The scales of the contour figure: the same geometry.
  const overlay = Object.assign(svg, { scale: t.figure.scale }) as unknown as LayeredFigure["overlay"];
  // Copied only if the figure goes on the page with its base (a FigureSlot showing the same base takes the overlay).
  const base = () => {
    const copy = t.figure.base.cloneNode(true) as SVGElement;
    // The contours on a compositing layer of their own: redrawn paths above them then repaint only their own
    // layer, not the thousands of contour segments under them.
    copy.style.willChange = "transform";
    return copy;
  };
  const figure = stackLayers(base, overlay, t.figure.baseKey, width);
  // Above the base, which its layer would otherwise paint over (the overlay comes first in the stack).
  overlay.style.zIndex = "1";
  return figure;
}

