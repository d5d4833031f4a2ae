// The gradient norm per step on a log scale, with the line below which a gradient-norm stopping rule would
// call the run converged: near a saddle the norm dives under it and, for a noisy or nudged run, climbs back out.
import * as Plot from "@observablehq/plot";
import { plot } from "./plot.js";
import { finiteSteps } from "./points.js";
import { seriesColorScale, toSeries, type TraceInput } from "./series.js";
import { formatNumber } from "./format.js";

export interface SaddleGradNormChartOptions extends Omit<Plot.PlotOptions, "marks"> {
  /** The stopping rule's threshold on ‖∇f‖, drawn as a dashed line. */
  threshold: number;
}

export function SaddleGradNormChart(traces: readonly TraceInput[], { threshold, ...plotOptions }: SaddleGradNormChartOptions) {
  const series = toSeries(traces);
  const rows = series.flatMap(({ trace, label }) => finiteSteps(trace.gradNorm, { positive: true }).map((r) => ({ label, ...r })));
  const summary = series.map(({ trace, label }) => {
    const norms = trace.gradNorm.filter((g) => g > 0 && Number.isFinite(g));
    if (norms.length === 0) return `${label}: no steps.`;
    const low = Math.min(...norms);
    return `${label}: from ${formatNumber(norms[0])} down to ${formatNumber(low)} at step ${trace.gradNorm.indexOf(low)}, ending at ${formatNumber(norms[norms.length - 1])}.`;
  });
  return plot({
    ariaLabel: `Gradient norm per step (log scale) for ${series.map((s) => s.label).join(", ")}`,
    ariaDescription: `Gradient norm per step on a log scale; the dashed line at ${formatNumber(threshold)} is where a stopping rule would declare convergence. ${summary.join(" ")}`,
    x: { label: "step", grid: true },
    y: { type: "log", label: "‖∇f‖ (log scale)", grid: true },
    color: seriesColorScale(series),
    marks: [
      Plot.ruleY([threshold], { stroke: "currentColor", strokeDasharray: "4 3", strokeOpacity: 0.7 }),
      Plot.text([threshold], { y: (d: number) => d, frameAnchor: "left", dy: -7, dx: 4, text: () => `"converged" below ${formatNumber(threshold)}`, fill: "currentColor", fontSize: 11 }),
      Plot.line(rows, { x: "step", y: "value", stroke: "label", z: "label", strokeWidth: 2, tip: true }),
    ],
    ...plotOptions,
  });
}
