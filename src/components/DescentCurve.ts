// One-dimensional descent: the loss curve, the iterates as dots on it, each step as an arrow, and the
// tangent at the start whose slope's sign decides which way the first step goes.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { hashNumbers, layeredPlot, type LayeredFigure } from "./layers.js";
import type { Trace } from "../../lib/types.js";
import { clamp } from "./points.js";
import { formatNumber } from "./format.js";
import { seriesColors } from "./series.js";
import { seriesSummary } from "./summaries.js";
import { overlayMark, type Draw } from "./svgMarks.js";

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

export function DescentCurve(trace: Trace, options: DescentCurveOptions): LayeredFigure {
  const { loss, slope, xDomain, label = "Gradient descent", width = 640, height = 400 } = options;
  const color = seriesColors[0];
  const points = iterates(trace);
  const [x0, x1] = xDomain ?? paddedExtent(points.map((p) => p.x));
  const curve = samples(x0, x1, 400).map((x) => ({ x, loss: loss(x) })).filter((p) => Number.isFinite(p.loss));
  const lossExtent = [Math.min(...curve.map((p) => p.loss)), Math.max(...curve.map((p) => p.loss))];
  // Iterates past the view sit on its edge, so a diverging run is still drawn (the summary says so).
  const shown = points.map((p) => ({ ...p, x: clamp(p.x, x0, x1), loss: clamp(p.loss, lossExtent[0], lossExtent[1]) }));
  const steps = shown.slice(1).map((p, i) => ({ from: shown[i], to: p }));
  const first = points[0];
  const s = first && slope ? slope(first.x) : NaN;
  const leftView = points.some((p) => p.x < x0 || p.x > x1);
  const slopeSentence = Number.isFinite(s)
    ? ` The slope at the start is ${formatNumber(s)}, so the first step goes ${s > 0 ? "left" : s < 0 ? "right" : "nowhere"}.`
    : "";
  const [y0, y1] = d3.nice(Math.min(0, lossExtent[0]), lossExtent[1], 5);
  return layeredPlot({
    width,
    height,
    ariaLabel: `${label} on the loss curve`,
    ariaDescription:
      `The loss curve for x from ${formatNumber(x0)} to ${formatNumber(x1)} with the iterates on it. ` +
      seriesSummary({ trace, label, color }) +
      (leftView ? " Some iterates lie outside the view and are drawn at its edge." : "") +
      slopeSentence,
    x: { domain: [x0, x1], label: "x (the parameter)" },
    y: { label: "loss", grid: true, domain: [y0, y1] },
    // The curve depends only on the loss and the view: it stays while the iterates move.
    baseKey: `descent curve ${hashNumbers(curve.map((p) => p.loss))}`,
    marks: [
      Plot.ruleY([0], { strokeOpacity: 0.3 }),
      Plot.line(curve, { x: "x", y: "loss", stroke: "currentColor", strokeOpacity: 0.6, strokeWidth: 1.5 }),
    ],
    // Drawn by hand (./svgMarks.ts), so that a move of the slider redraws it without Plot.
    overlay: [
      overlayMark((draw, g) => {
        if (Number.isFinite(s)) tangent(draw, g, first, s, (x1 - x0) * 0.12);
        stepArrows(draw, g, steps, color);
        const { x, y, el } = draw;
        const dots = el("g", { fill: color, stroke: "white", "stroke-width": 1 }, g);
        for (const p of shown) {
          const [cx, cy] = [x(p.x), y(p.loss)];
          if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
          const dot = el("circle", { cx, cy, r: 3.5 }, dots);
          el("title", {}, dot, `step ${p.step}: x = ${formatNumber(points[p.step].x)}, loss ${formatNumber(points[p.step].loss)}`);
        }
      }),
    ],
  });
}

/** An arrow per step, from one iterate to the next: one path, its head 7 px long, stopping 3 px short (as Plot.arrow). */
function stepArrows({ x, y, el }: Draw, g: SVGGElement, steps: readonly { from: Iterate; to: Iterate }[], color: string) {
  const [headLength, inset, wing] = [7, 3, Math.PI / 6];
  let d = "";
  for (const { from, to } of steps) {
    const [ax, ay, bx, by] = [x(from.x), y(from.loss), x(to.x), y(to.loss)];
    const length = Math.hypot(bx - ax, by - ay);
    if (![ax, ay, bx, by].every(Number.isFinite) || length <= inset) continue;
    const angle = Math.atan2(by - ay, bx - ax);
    const [ex, ey] = [bx - inset * Math.cos(angle), by - inset * Math.sin(angle)];
    const head = Math.min(headLength, (length - inset) / 3 + 2);
    const wingPoint = (side: number) => `${ex - head * Math.cos(angle + side * wing)},${ey - head * Math.sin(angle + side * wing)}`;
    d += `M${ax},${ay}L${ex},${ey}M${wingPoint(1)}L${ex},${ey}L${wingPoint(-1)}`;
  }
  if (d) el("path", { d, fill: "none", stroke: color, "stroke-width": 1.5, "stroke-linecap": "round", "stroke-linejoin": "round" }, g);
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

function samples(a: number, b: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => a + ((b - a) * i) / n);
}
