// One-dimensional descent: the loss curve, the iterates as dots on it, each step as an arrow, and (given the slope)
// the tangent at the start whose slope's sign decides which way the first step goes. A layered figure (./layers.ts):
// the curve is sampled and drawn once per loss and view; the moving part is drawn by hand (./svgMarks.ts
// overlayMark): the arrows as one path, the dots as markers on one path (in step order, as Plot's dots), and the
// tooltip built only when the pointer first comes over the figure.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { hashNumbers, layeredPlot, layerMargins, type LayeredFigure } from "./layers.js";
import type { Trace } from "../../lib/types.js";
import { clamp } from "./points.js";
import { formatNumber } from "./format.js";
import { seriesColors } from "./series.js";
import { seriesSummary } from "./summaries.js";
import { lazyTip, overlayMark, type Draw } from "./svgMarks.js";

export interface DescentCurveOptions {
  width?: number;
  height?: number;
  /** The loss as a function of the single parameter x. */
  loss: (x: number) => number;
  /** Its derivative; when given, the tangent at the start is drawn with its slope. */
  slope?: (x: number) => number;
  /** The x range to draw; by default the iterates' extent, padded. */
  xDomain?: readonly [number, number];
  label?: string;
}

export interface Iterate {
  step: number;
  x: number;
  loss: number;
}

/** Finite iterates of a 1-D trace, in order, up to the first non-finite one. */
export function iterates(trace: Trace): Iterate[] {
  const out: Iterate[] = [];
  for (let step = 0; step < trace.path.length; ++step) {
    const x = trace.path[step][0];
    const loss = trace.loss[step];
    if (!Number.isFinite(x) || !Number.isFinite(loss)) break;
    out.push({ step, x, loss });
  }
  return out;
}

export function paddedExtent(xs: readonly number[], fraction = 0.15): [number, number] {
  if (xs.length === 0) return [-1, 1];
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  const pad = Math.max(hi - lo, 1) * fraction;
  return [lo - pad, hi + pad];
}

/** The sampled curve and its y domain, per loss function and view: the same for every run drawn over it. */
const curves = new WeakMap<(x: number) => number, Map<string, { curve: { x: number; loss: number }[]; lossExtent: [number, number]; key: string }>>();

function sampledCurve(loss: (x: number) => number, x0: number, x1: number) {
  let byView = curves.get(loss);
  if (!byView) curves.set(loss, (byView = new Map()));
  const view = `${x0} ${x1}`;
  let entry = byView.get(view);
  if (!entry) {
    const curve = d3.range(401).map((i) => x0 + ((x1 - x0) * i) / 400).map((x) => ({ x, loss: loss(x) })).filter((p) => Number.isFinite(p.loss));
    const lossExtent: [number, number] = [d3.min(curve, (p) => p.loss) ?? 0, d3.max(curve, (p) => p.loss) ?? 1];
    entry = { curve, lossExtent, key: `descent curve ${hashNumbers(curve.map((p) => p.loss))}` };
    if (byView.size >= 16) byView.delete(byView.keys().next().value!); // a view follows the run: keep the recent ones
    byView.set(view, entry);
  }
  return entry;
}

let markers = 0;

export function DescentCurve(trace: Trace, options: DescentCurveOptions): LayeredFigure {
  const { loss, slope, xDomain, label = "Gradient descent", width = 640, height = 400 } = options;
  const color = seriesColors[0];
  const points = iterates(trace);
  const [x0, x1] = xDomain ?? paddedExtent(points.map((p) => p.x));
  const { curve, lossExtent, key } = sampledCurve(loss, x0, x1);
  // Iterates past the view sit on its edge, so a diverging run is still drawn (the summary says so).
  const shown: Iterate[] = points.map((p) => ({ ...p, x: clamp(p.x, x0, x1), loss: clamp(p.loss, lossExtent[0], lossExtent[1]) }));
  const leftView = points.some((p) => p.x < x0 || p.x > x1);
  const first = points[0];
  const s = first && slope ? slope(first.x) : NaN;
  const slopeSentence = Number.isFinite(s)
    ? ` The slope at the start is ${formatNumber(s)}, so the first step goes ${s > 0 ? "left" : s < 0 ? "right" : "nowhere"}.`
    : "";
  const [y0, y1] = d3.nice(Math.min(0, lossExtent[0]), lossExtent[1], 5);
  const x = { domain: [x0, x1], label: "x (the parameter)" };
  const y = { label: "loss", grid: true, domain: [y0, y1] };
  const figure = layeredPlot({
    width,
    height,
    ariaLabel: `${label} on the loss curve`,
    ariaDescription:
      `The loss curve for x from ${formatNumber(x0)} to ${formatNumber(x1)} with the iterates on it. ` +
      seriesSummary({ trace, label, color }) +
      (leftView ? " Some iterates lie outside the view and are drawn at its edge." : "") +
      slopeSentence,
    x,
    y,
    // The curve depends only on the loss and the view: it stays while the iterates move.
    baseKey: key,
    marks: [
      Plot.ruleY([0], { strokeOpacity: 0.3 }),
      Plot.line(curve, { x: "x", y: "loss", stroke: "currentColor", strokeOpacity: 0.6, strokeWidth: 1.5 }),
    ],
    overlay: [
      overlayMark((d, g) => {
        if (Number.isFinite(s)) tangent(d, g, first, s, (x1 - x0) * 0.12);
        const px = shown.map((p) => d.x(p.x));
        const py = shown.map((p) => d.y(p.loss));
        // Each step as an arrow, as Plot.arrow draws it (head 7 px long, 60° wide, stopping 3 px short of the dot).
        let arrows = "";
        for (let i = 1; i < shown.length; ++i) {
          const [ax, ay, bx, by] = [px[i - 1], py[i - 1], px[i], py[i]];
          const length = Math.hypot(bx - ax, by - ay);
          if (!(length > 3)) continue;
          const angle = Math.atan2(by - ay, bx - ax);
          const [ex, ey] = [bx - 3 * Math.cos(angle), by - 3 * Math.sin(angle)];
          const head = Math.min(7, (length - 3) / 2);
          const [l, r] = [angle + Math.PI - Math.PI / 6, angle + Math.PI + Math.PI / 6];
          const f = (v: number) => v.toFixed(1);
          arrows += `M${f(ax)},${f(ay)}L${f(ex)},${f(ey)}M${f(ex + head * Math.cos(l))},${f(ey + head * Math.sin(l))}L${f(ex)},${f(ey)}L${f(ex + head * Math.cos(r))},${f(ey + head * Math.sin(r))}`;
        }
        if (arrows) d.el("path", { d: arrows, fill: "none", stroke: color, "stroke-width": 1.5, "stroke-linecap": "round", "stroke-linejoin": "round" }, g);
        if (shown.length === 0) return;
        // One dot per iterate with a white outline, as markers at the vertices of one invisible path: drawn in step
        // order, each over the last, as Plot's dots (one path of arcs, appendDots, would stroke every outline over every
        // fill, and converging iterates overlap). A run here has a few dozen steps.
        const id = `downhill-descent-dot-${++markers}`;
        const defs = d.el("defs", {}, g);
        const marker = d.el("marker", { id, viewBox: "-5 -5 10 10", markerWidth: 10, markerHeight: 10, markerUnits: "userSpaceOnUse", orient: "0", overflow: "visible" }, defs);
        d.el("circle", { r: 3.5, fill: color, stroke: "white", "stroke-width": 1 }, marker);
        const vertices = px.map((v, i) => `${v.toFixed(1)},${py[i].toFixed(1)}`).join("L");
        d.el("path", { d: `M${vertices}`, fill: "none", stroke: "none", "marker-start": `url(#${id})`, "marker-mid": `url(#${id})`, "marker-end": `url(#${id})` }, g);
      }),
    ],
  });
  lazyTip(figure.overlay, { ...layerMargins, x, y }, () => [
    Plot.tip(shown, Plot.pointer({ x: "x", y: "loss", title: (p: Iterate) => `step ${p.step}: x = ${formatNumber(points[p.step].x)}, loss ${formatNumber(points[p.step].loss)}` })),
  ]);
  return figure;
}

/** A dashed tangent at the start, labelled with its slope. */
function tangent({ x, y, el, lines }: Draw, g: SVGGElement, at: Iterate, slope: number, halfWidth: number) {
  const xs = [at.x - halfWidth, at.x + halfWidth];
  lines([{ xs, ys: xs.map((v) => at.loss + (v - at.x) * slope) }], { stroke: "currentColor", strokeWidth: 1, strokeDasharray: "4 3", clip: true }, g);
  const [lx, ly] = [x(at.x), y(at.loss)];
  if (!Number.isFinite(lx) || !Number.isFinite(ly)) return;
  el(
    "text",
    { x: lx + (slope > 0 ? -10 : 10), y: ly - 6, "text-anchor": slope > 0 ? "end" : "start", fill: "currentColor", stroke: "white", "stroke-width": 3, "paint-order": "stroke" },
    g,
    `slope ${formatNumber(slope)}`,
  );
}
