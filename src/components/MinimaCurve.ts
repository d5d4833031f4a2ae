// A function of one variable with descent runs drawn on it: each step a dot at (x_k, f(x_k)), the start ringed,
// the minima starred. For the difference between one valley and several.
import * as Plot from "@observablehq/plot";
import { plot } from "./plot.js";
import { toSeries, type TraceInput } from "./series.js";
import { seriesSummary } from "./summaries.js";
import { formatNumber } from "./format.js";

export interface MinimaCurveOptions extends Omit<Plot.PlotOptions, "marks"> {
  domain: readonly [number, number];
  trajectories?: readonly TraceInput[];
  minima?: readonly { x: number; value: number; global?: boolean }[];
  title?: string;
}

export function MinimaCurve(f: (x: number) => number, { domain, trajectories = [], minima = [], title = "f", ...plotOptions }: MinimaCurveOptions) {
  const curve = Array.from({ length: 241 }, (_, i) => {
    const x = domain[0] + (i / 240) * (domain[1] - domain[0]);
    return { x, y: f(x) };
  });
  const series = toSeries(trajectories);
  const inView = (x: number) => x >= domain[0] && x <= domain[1];
  return plot({
    ariaLabel: `${title} with ${series.map((s) => s.label).join(", ") || "no runs"}`,
    ariaDescription: [
      `The curve ${title} for x from ${formatNumber(domain[0])} to ${formatNumber(domain[1])}.`,
      ...minima.map((m) => `${m.global ? "Global" : "Local"} minimum at x = ${formatNumber(m.x)}, value ${formatNumber(m.value)}.`),
      ...series.map(seriesSummary),
    ].join(" "),
    x: { domain, label: "x" },
    y: { label: title, grid: true },
    marks: [
      Plot.line(curve, { x: "x", y: "y", stroke: "currentColor", strokeWidth: 1.5 }),
      Plot.dot(minima, { x: "x", y: "value", symbol: "star", r: 7, stroke: "black", fill: (m) => (m.global ? "white" : "none"), title: (m) => `${m.global ? "global" : "local"} minimum, value ${formatNumber(m.value)}` }),
      series.map(({ trace, color, label }) => {
        const points = trace.path.map((p, step) => ({ x: p[0], y: trace.loss[step], step })).filter((p) => inView(p.x));
        return [
          Plot.line(points, { x: "x", y: "y", stroke: color, strokeOpacity: 0.5 }),
          Plot.dot(points, { x: "x", y: "y", fill: color, r: 3, title: (p) => `${label}, step ${p.step}` }),
          Plot.dot(points.slice(0, 1), { x: "x", y: "y", r: 6, stroke: color, strokeWidth: 2.5, fill: "white" }),
        ];
      }),
    ],
    ...plotOptions,
  });
}
