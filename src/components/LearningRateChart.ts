// The learning rate each step used, one line per run.
import * as Plot from "@observablehq/plot";
import { plot } from "./plot.js";
import { finiteSteps } from "./points.js";
import { seriesColorScale, toSeries, type TraceInput } from "./series.js";
import { learningRateSummary } from "./summaries.js";

export interface LearningRateChartOptions extends Omit<Plot.PlotOptions, "marks"> {
  logScale?: boolean;
}

export function LearningRateChart(traces: TraceInput | readonly TraceInput[], options: LearningRateChartOptions = {}) {
  const { logScale = false, ...plotOptions } = options;
  const series = toSeries(traces);
  // lr[k] is the rate of the (k + 1)-th step, the one from path[k] to path[k + 1].
  const rows = series.flatMap(({ trace, label }) => finiteSteps(trace.lr, { positive: logScale, offset: 1 }).map((r) => ({ label, ...r })));
  return plot({
    ariaLabel: `Learning rate per step${series.length ? ` for ${series.map((s) => s.label).join(", ")}` : ""}`,
    ariaDescription: learningRateSummary(series),
    x: { label: "step", grid: true },
    y: logScale ? { type: "log", label: "learning rate η (log scale)", grid: true } : { label: "learning rate η", grid: true, zero: true },
    color: seriesColorScale(series),
    marks: [Plot.line(rows, { x: "step", y: "value", stroke: "label", z: "label", strokeWidth: 2, curve: "step-after", tip: true })],
    ...plotOptions,
  });
}
