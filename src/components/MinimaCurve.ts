// A function of one variable with descent runs drawn on it: each step a dot at (x_k, f(x_k)), the start ringed,
// the minima starred. For the difference between one valley and several. A layered figure (./layers.ts): the
// curve and its minima are drawn once per function and view, the runs over them on every call, so show it in a
// FigureSlot on a page with sliders.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { hashNumbers, layeredPlot, type LayeredFigure } from "./layers.js";
import { toSeries, type TraceInput } from "./series.js";
import { seriesSummary } from "./summaries.js";
import { formatNumber } from "./format.js";

export interface MinimaCurveOptions {
  width?: number;
  height?: number;
  domain: readonly [number, number];
  trajectories?: readonly TraceInput[];
  minima?: readonly { x: number; value: number; global?: boolean }[];
  title?: string;
}

export function MinimaCurve(f: (x: number) => number, { domain, trajectories = [], minima = [], title = "f", width = 640, height = 300 }: MinimaCurveOptions): LayeredFigure {
  const curve = Array.from({ length: 241 }, (_, i) => {
    const x = domain[0] + (i / 240) * (domain[1] - domain[0]);
    return { x, y: f(x) };
  });
  const finite = curve.filter((p) => Number.isFinite(p.y));
  const [y0, y1] = d3.nice(d3.min(finite, (p) => p.y) ?? 0, d3.max(finite, (p) => p.y) ?? 1, 5);
  const yDomain = y0 === y1 ? [y0, y0 + 1] : [y0, y1];
  const series = toSeries(trajectories);
  // Runs that leave the view are cut at its edge (the summary gives their end).
  const inView = (x: number, y: number) => x >= domain[0] && x <= domain[1] && y >= yDomain[0] && y <= yDomain[1];
  return layeredPlot({
    width,
    height,
    ariaLabel: `${title} with ${series.map((s) => s.label).join(", ") || "no runs"}`,
    ariaDescription: [
      `The curve ${title} for x from ${formatNumber(domain[0])} to ${formatNumber(domain[1])}.`,
      ...minima.map((m) => `${m.global ? "Global" : "Local"} minimum at x = ${formatNumber(m.x)}, value ${formatNumber(m.value)}.`),
      ...series.map(seriesSummary),
    ].join(" "),
    x: { domain: [...domain], label: "x" },
    y: { label: title, grid: true, domain: yDomain },
    // The curve and its minima depend on the function and the view only: they stay while the runs move.
    baseKey: `minima curve ${hashNumbers([...curve.map((p) => p.y), ...minima.flatMap((m) => [m.x, m.value, m.global ? 1 : 0])])} ${title}`,
    marks: [
      Plot.line(curve, { x: "x", y: "y", stroke: "currentColor", strokeWidth: 1.5 }),
      Plot.dot(minima.filter((m) => m.global), { x: "x", y: "value", symbol: "star", r: 7, stroke: "black", fill: "white" }),
      Plot.dot(minima.filter((m) => !m.global), { x: "x", y: "value", symbol: "star", r: 7, stroke: "black", fill: "none" }),
    ],
    overlay: [
      // The minima's names on hover (the base layer under the overlay does not take the pointer).
      Plot.dot(minima, { x: "x", y: "value", r: 8, fill: "transparent", title: (m) => `${m.global ? "global" : "local"} minimum, value ${formatNumber(m.value)}` }),
      series.map(({ trace, color }) => {
        const points = trace.path.map((p, step) => ({ x: p[0], y: trace.loss[step], step })).filter((p) => inView(p.x, p.y));
        return [
          Plot.line(points, { x: "x", y: "y", stroke: color, strokeOpacity: 0.5 }),
          Plot.dot(points, { x: "x", y: "y", fill: color, r: 3 }),
          Plot.dot(points.slice(0, 1), { x: "x", y: "y", r: 6, stroke: color, strokeWidth: 2.5, fill: "white" }),
        ];
      }),
    ],
  });
}
