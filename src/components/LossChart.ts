// Loss per step, one line per run, with where and why each run stopped.
import * as Plot from "@observablehq/plot";
import { plot } from "./plot.js";
import { finiteSteps } from "./points.js";
import { seriesColorScale, toSeries, type Series, type TraceInput } from "./series.js";
import { lossChartSummary, stopLabels } from "./summaries.js";

export interface LossChartOptions extends Omit<Plot.PlotOptions, "marks"> {
  /** A log y axis; losses ≤ 0 are then left out (and the summary says how many). */
  logScale?: boolean;
}

interface Row {
  label: string;
  step: number;
  value: number;
}

export function LossChart(traces: TraceInput | readonly TraceInput[], options: LossChartOptions = {}) {
  const { logScale = false, ...plotOptions } = options;
  const series = toSeries(traces);
  const rowsBySeries = series.map(({ trace, label }) => finiteSteps(trace.loss, { positive: logScale }).map((r) => ({ label, ...r })));
  const rows = rowsBySeries.flat();
  const omitted = logScale ? series.reduce((n, s) => n + s.trace.loss.filter((v) => Number.isFinite(v) && v <= 0).length, 0) : 0;
  const longest = Math.max(0, ...series.map((s) => s.trace.loss.length));
  const dotted = longest <= 60;
  return plot({
    marginLeft: logScale ? 56 : undefined, // room for labels like 1e+140
    ariaLabel: `Loss per step${series.length ? ` for ${series.map((s) => s.label).join(", ")}` : ""}`,
    ariaDescription: lossChartSummary(series, { logScale, omitted }),
    x: { label: "step", grid: true },
    // Plain numbers on the log axis (0.2, 1e+30), not SI prefixes ("200m", "100E") that read as units.
    y: logScale ? { type: "log", label: "loss (log scale)", grid: true, tickFormat: "~g" } : { label: "loss", grid: true },
    color: seriesColorScale(series),
    marks: [
      logScale ? null : Plot.ruleY([0], { strokeOpacity: 0.3 }),
      Plot.line(rows, { x: "step", y: "value", stroke: "label", z: "label", strokeWidth: 2, tip: true }),
      dotted ? Plot.dot(rows, { x: "step", y: "value", fill: "label", r: 2 }) : null,
      series.map((s, i) => stopMarks(s, rowsBySeries[i], longest)),
    ],
    ...plotOptions,
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
