// Loss per step with the stop rules drawn on it: the tolerance ε, the lowest loss reachable, where the run
// stopped and why, and for early stopping the best step and the patience window after it.
import * as Plot from "@observablehq/plot";
import { plot } from "./plot.js";
import type { Trace } from "../lib/types.js";
import { lastImprovement } from "../lib/analysis/stopping.js";
import { finiteSteps } from "./points.js";
import { formatNumber } from "./format.js";
import { seriesSummary, stopLabels } from "./summaries.js";

export interface StopChartOptions extends Omit<Plot.PlotOptions, "marks"> {
  /** The tolerance ε of the run, drawn as a horizontal rule. */
  tolerance?: number;
  /** The lowest loss the model can reach (e.g. the least-squares fit), drawn as a dotted rule. */
  floor?: number;
  /** The step budget K_max: the x axis spans it and a rule marks it. */
  maxSteps?: number;
  /** The run's earlyStopping.minDelta, to find the best step the way the run did. */
  minDelta?: number;
  label?: string;
  lineColor?: string;
}

export function StopChart(trace: Trace, { tolerance, floor, maxSteps, minDelta = 0, label = "Gradient descent", lineColor: color = "#1864ab", ...plotOptions }: StopChartOptions = {}) {
  const rows = finiteSteps(trace.loss, { positive: true });
  const last = rows[rows.length - 1];
  const { reason, step } = trace.stop;
  const early = reason === "earlyStopping";
  const best = early ? lastImprovement(trace.loss, minDelta) : null;
  const bestRow = rows.find((r) => r.step === best);
  const values = [...rows.map((r) => r.value), tolerance ?? NaN, floor ?? NaN].filter((v) => v > 0);
  const yDomain = [Math.min(...values) / 1.5, Math.max(...values) * 1.5];
  const xMax = Math.max(1, maxSteps ?? last?.step ?? 1);
  const stopText = `${stopLabels[reason]} at step ${step}`;
  const ruleLabel = { fontSize: 11, fill: "currentColor", stroke: "white", strokeWidth: 3, paintOrder: "stroke" } as const;
  return plot({
    ariaLabel: `Loss per step of ${label}, with where it stopped`,
    ariaDescription:
      `${seriesSummary({ trace, label, color })}` +
      (maxSteps !== undefined ? ` The budget is ${maxSteps} steps.` : "") +
      (tolerance !== undefined ? ` The tolerance ε is ${formatNumber(tolerance)}.` : "") +
      (floor !== undefined ? ` The lowest loss this model can reach is ${formatNumber(floor)}.` : "") +
      (best !== null ? ` The best loss was at step ${best}; the run stopped ${step - best} steps later.` : ""),
    x: { label: "epoch (step)", grid: true, domain: [0, xMax] },
    y: { type: "log", label: "loss (log scale)", grid: true, domain: yDomain, tickFormat: (v: number) => formatNumber(v) },
    marks: [
      best !== null ? Plot.rectX([{ x1: best, x2: step }], { x1: "x1", x2: "x2", fill: "#fab005", fillOpacity: 0.2 }) : null,
      best !== null ? Plot.text([best], { x: (v: number) => (v + step) / 2, frameAnchor: "top", dy: 6, text: () => `${step - best} steps without improvement`, fontSize: 11, lineWidth: 7 }) : null,
      floor !== undefined ? Plot.ruleY([floor], { stroke: "currentColor", strokeDasharray: "2 3" }) : null,
      floor !== undefined ? Plot.text([floor], { y: (v: number) => v, frameAnchor: "left", textAnchor: "start", text: () => `lowest possible ${formatNumber(floor)}`, dx: 4, dy: 10, ...ruleLabel }) : null,
      tolerance !== undefined ? Plot.ruleY([tolerance], { stroke: "#e03131", strokeDasharray: "6 3", strokeWidth: 1.5 }) : null,
      tolerance !== undefined ? Plot.text([tolerance], { y: (v: number) => v, frameAnchor: "right", textAnchor: "end", dx: -4, text: () => `ε = ${formatNumber(tolerance)}`, dy: 10, ...ruleLabel, fill: "#e03131" }) : null,
      maxSteps !== undefined ? Plot.ruleX([maxSteps], { stroke: "currentColor", strokeWidth: 1.5 }) : null,
      maxSteps !== undefined ? Plot.text([maxSteps], { x: (v: number) => v, frameAnchor: "top", textAnchor: "end", dx: -4, dy: 4, text: () => `budget: ${maxSteps} epochs`, ...ruleLabel }) : null,
      Plot.line(rows, { x: "step", y: "value", stroke: color, strokeWidth: 2 }),
      Plot.dot(rows, { x: "step", y: "value", r: rows.length <= 120 ? 2 : 0, fill: color, tip: true, title: (r: { step: number; value: number }) => `step ${r.step}: loss ${formatNumber(r.value)}` }),
      bestRow ? Plot.dot([bestRow], { x: "step", y: "value", r: 6, stroke: "#2b8a3e", strokeWidth: 2.5 }) : null,
      bestRow ? Plot.text([bestRow], { x: "step", y: "value", text: () => `best, step ${best}`, dy: 16, ...ruleLabel, fill: "#2b8a3e" }) : null,
      last
        ? Plot.dot([last], { x: "step", y: "value", r: 7, symbol: reason === "diverged" ? "times" : "circle", stroke: "#212529", strokeWidth: 2.5 })
        : null,
      last ? Plot.text([last], { x: "step", y: "value", text: () => stopText, dy: -14, textAnchor: last.step > xMax / 2 ? "end" : "start", fontWeight: "bold", ...ruleLabel }) : null,
    ],
    ...plotOptions,
  });
}
