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
    overlay: [
      Number.isFinite(s) ? tangentMarks(first, s, (x1 - x0) * 0.12) : null,
      Plot.arrow(steps, { x1: (d) => d.from.x, y1: (d) => d.from.loss, x2: (d) => d.to.x, y2: (d) => d.to.loss, stroke: color, strokeWidth: 1.5, headLength: 7, insetEnd: 3 }),
      Plot.dot(shown, { x: "x", y: "loss", r: 3.5, fill: color, stroke: "white", strokeWidth: 1, tip: true, title: (p: Iterate) => `step ${p.step}: x = ${formatNumber(points[p.step].x)}, loss ${formatNumber(points[p.step].loss)}` }),
    ],
  });
}

/** A dashed tangent at the start, labelled with its slope. */
function tangentMarks(at: Iterate, slope: number, halfWidth: number): Plot.Markish[] {
  const segment = [-1, 1].map((side) => ({ x: at.x + side * halfWidth, loss: at.loss + side * halfWidth * slope }));
  return [
    Plot.line(segment, { x: "x", y: "loss", stroke: "currentColor", strokeDasharray: "4 3", clip: "frame" }),
    Plot.text([at], { x: "x", y: "loss", text: () => `slope ${formatNumber(slope)}`, dx: slope > 0 ? -10 : 10, dy: -6, textAnchor: slope > 0 ? "end" : "start", lineAnchor: "bottom", fill: "currentColor", stroke: "white", strokeWidth: 3, paintOrder: "stroke" }),
  ];
}

function samples(a: number, b: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => a + ((b - a) * i) / n);
}
