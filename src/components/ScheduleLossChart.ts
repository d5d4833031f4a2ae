// Loss per step with the learning-rate events of a run marked: a rule at every decay (labelled with the new η)
// and where and why the run stopped.
import * as Plot from "@observablehq/plot";
import { plot } from "./plot.js";
import type { Trace } from "../../lib/types.js";
import { formatNumber } from "./format.js";
import { finiteSteps } from "./points.js";
import { seriesColors } from "./series.js";
import { seriesSummary, stopLabels } from "./summaries.js";

export interface ScheduleLossChartOptions extends Omit<Plot.PlotOptions, "marks"> {
  label?: string;
  /** Extra steps to mark with a dashed rule (e.g. warm restarts), with a short label each. */
  marked?: readonly { step: number; text: string }[];
  /** Fit the y axis to the losses from this step on, so small changes late in a run are visible (earlier ones are clipped). */
  zoomAfter?: number;
}

export function ScheduleLossChart(trace: Trace, options: ScheduleLossChartOptions = {}) {
  const { label = "Run", marked = [], zoomAfter = 0, ...plotOptions } = options;
  const color = seriesColors[0];
  const rows = finiteSteps(trace.loss);
  const decays = trace.events.filter((e) => e.kind === "lrDecay").map((e) => ({ step: e.step, text: `η → ${formatNumber(e.value ?? NaN, 2)}` }));
  const last = rows[rows.length - 1];
  const late = rows.filter((r) => r.step >= zoomAfter).map((r) => r.value);
  const zoomed = zoomAfter > 0 && late.length > 1;
  const yDomain = zoomed ? [Math.min(...late), Math.max(...late)] : undefined;
  const stopped = last && trace.stop.reason !== "maxSteps";
  const eventSentence = decays.length
    ? ` The learning rate was cut ${decays.length} time${decays.length > 1 ? "s" : ""}, at steps ${decays.map((d) => d.step).join(", ")}.`
    : "";
  return plot({
    ariaLabel: `Loss per step for ${label}${decays.length ? " with learning-rate cuts marked" : ""}`,
    ariaDescription:
      seriesSummary({ trace, label, color }) + eventSentence + (zoomed ? ` The loss axis fits the losses from step ${zoomAfter} on; earlier, higher losses run off the top.` : ""),
    x: { label: "step", grid: true },
    y: { label: zoomed ? `loss (axis fitted from step ${zoomAfter})` : "loss", grid: true, domain: yDomain, nice: true },
    marks: [
      Plot.ruleX(marked, { x: "step", stroke: "currentColor", strokeOpacity: 0.35, strokeDasharray: "3 3" }),
      Plot.ruleX(decays, { x: "step", stroke: seriesColors[2], strokeOpacity: 0.7 }),
      Plot.text(decays, { x: "step", frameAnchor: "top", text: "text", rotate: -90, textAnchor: "end", dx: -4, dy: 4, fill: seriesColors[2], fontSize: 10 }),
      Plot.line(rows, { x: "step", y: "value", stroke: color, strokeWidth: 1.75, clip: true }),
      stopped
        ? [
            Plot.dot([last], { x: "step", y: "value", r: 5, stroke: color, strokeWidth: 2 }),
            Plot.text([last], { x: "step", y: "value", text: () => `${stopLabels[trace.stop.reason]} (step ${trace.stop.step})`, dy: -14, textAnchor: "end", fill: color, stroke: "white", strokeWidth: 3, paintOrder: "stroke" }),
          ]
        : null,
      Plot.tip(rows, Plot.pointerX({ x: "step", y: "value", title: (r: { step: number; value: number }) => `step ${r.step}: loss ${formatNumber(r.value)}, η ${formatNumber(trace.lr[r.step - 1] ?? trace.lr[0])}` })),
    ],
    ...plotOptions,
  });
}
