// Loss per step, one line per run, with where and why each run stopped. A layered figure (./layers.ts): the axes are
// drawn once per domain and the lines over them on every call, so show it in a FigureSlot on a page with sliders.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { layeredPlot, type LayeredFigure } from "./layers.js";
import { finiteSteps } from "./points.js";
import { seriesColorScale, toSeries, type Series, type TraceInput } from "./series.js";
import { lossChartSummary, stopLabels } from "./summaries.js";

export interface LossChartOptions {
  /** A log y axis; losses ≤ 0 are then left out (and the summary says how many). */
  logScale?: boolean;
  width?: number;
  height?: number;
  marginLeft?: number;
  /** Options of the y scale; without a domain, one that holds every run, rounded outwards (to decades on a log axis). */
  y?: Plot.ScaleOptions;
  /** Clip the lines to the frame (with a y domain narrower than the losses). */
  clip?: boolean;
  /** The x range in steps; by default 0 to the longest run's last step. Fixed, it keeps the axes while runs grow. */
  xDomain?: readonly [number, number];
}

interface Row {
  label: string;
  step: number;
  value: number;
}

/**
 * The y domain: rounded outwards so that nearby runs (the next position of a slider) share it, and with it the
 * axes already drawn.
 */
export function lossDomain(values: readonly number[], logScale: boolean): [number, number] {
  if (values.length === 0) return logScale ? [0.1, 10] : [0, 1];
  const [lo, hi] = d3.extent(values) as [number, number];
  if (logScale) {
    const a = Math.floor(Math.log10(lo));
    const b = Math.max(a + 1, Math.ceil(Math.log10(hi)));
    return [10 ** a, 10 ** b];
  }
  const [n0, n1] = d3.nice(Math.min(0, lo), Math.max(0, hi), 5);
  return n0 === n1 ? [n0, n0 + 1] : [n0, n1];
}

export function LossChart(traces: TraceInput | readonly TraceInput[], options: LossChartOptions = {}): LayeredFigure {
  const { logScale = false, width = 640, height = 240, marginLeft = logScale ? 56 : 40, y = {}, clip = false, xDomain } = options;
  const series = toSeries(traces);
  const rowsBySeries = series.map(({ trace, label }) => finiteSteps(trace.loss, { positive: logScale }).map((r) => ({ label, ...r })));
  const rows = rowsBySeries.flat();
  const omitted = logScale ? series.reduce((n, s) => n + s.trace.loss.filter((v) => Number.isFinite(v) && v <= 0).length, 0) : 0;
  const longest = Math.max(0, ...series.map((s) => s.trace.loss.length));
  const dotted = longest <= 60;
  const color = seriesColorScale(series);
  return layeredPlot({
    width,
    height,
    marginLeft, // room for labels like 1e+140
    ariaLabel: `Loss per step${series.length ? ` for ${series.map((s) => s.label).join(", ")}` : ""}`,
    ariaDescription: lossChartSummary(series, { logScale, omitted }),
    x: { label: "step", grid: true, domain: xDomain ? [...xDomain] : [0, Math.max(1, longest - 1)] },
    // Plain numbers on the log axis (0.2, 1e+30), not SI prefixes ("200m", "100E") that read as units.
    y: {
      ...(logScale ? { type: "log", label: "loss (log scale)", grid: true, tickFormat: "~g" } : { label: "loss", grid: true }),
      ...y,
      domain: y.domain ? Array.from(y.domain) : lossDomain(rows.map((r) => r.value), logScale),
    },
    color,
    marks: [logScale ? null : Plot.ruleY([0], { strokeOpacity: 0.3 })],
    overlay: [
      Plot.line(rows, { x: "step", y: "value", stroke: "label", z: "label", strokeWidth: 2, tip: true, clip }),
      dotted ? Plot.dot(rows, { x: "step", y: "value", fill: "label", r: 2, clip }) : null,
      series.map((s, i) => stopMarks(s, rowsBySeries[i], longest)),
    ],
  });
}

/** An × where a run diverged, a ring where it stopped early, each labelled; nothing after a full run. */
function stopMarks({ trace, color }: Series, rows: Row[], longest: number): Plot.Markish[] {
  const last = rows[rows.length - 1];
  if (!last || trace.stop.reason === "maxSteps") return [];
  const diverged = trace.stop.reason === "diverged";
  const text = `${stopLabels[trace.stop.reason]} (step ${trace.stop.step})`;
  return [
    Plot.dot([last], { x: "step", y: "value", r: diverged ? 7 : 5, symbol: diverged ? "times" : "circle", stroke: color, strokeWidth: diverged ? 3 : 2 }),
    // Beside the mark and reaching into the chart, away from the nearer edge: a divergence is usually drawn at
    // the very top, where a label above it would run into the axis title, and an early one at the left edge.
    Plot.text([last], {
      x: "step",
      y: "value",
      text: () => text,
      ...(last.step < longest / 2 ? { dx: 12, textAnchor: "start" as const } : { dx: -12, textAnchor: "end" as const }),
      fill: color,
      stroke: "white",
      strokeWidth: 3,
      paintOrder: "stroke",
    }),
  ];
}
