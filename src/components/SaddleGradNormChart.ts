// The gradient norm per step on a log scale, with the line below which a gradient-norm stopping rule would
// call the run converged: near a saddle the norm dives under it and, for a noisy or nudged run, climbs back out.
// A layered figure (./layers.ts): the axes and the threshold are drawn once per domain and the runs over them on
// every call, so show it in a FigureSlot. The y domain is rounded outwards to every fourth decade below and every
// second above (./coarseDomain.ts), so that a slider's next value usually keeps the axes.
import * as Plot from "@observablehq/plot";
import { layeredPlot, layerMargins, type LayeredFigure } from "./layers.js";
import { warmBase, type BaseOptions } from "./warmBases.js";
import { finiteSteps } from "./points.js";
import { seriesColorScale, toSeries, type Series, type TraceInput } from "./series.js";
import { coarseLogDomain } from "./coarseDomain.js";
import { formatNumber } from "./format.js";
import { columnLines, lazyTip } from "./svgMarks.js";

export interface SaddleGradNormChartOptions {
  /** The stopping rule's threshold on ‖∇f‖, drawn as a dashed line. */
  threshold: number;
  /** The x axis runs from step 0 to this; by default the longest run's last step. */
  steps?: number;
  width: number;
  height: number;
  /** A colour legend above the chart (default true); a page showing one legend for several figures turns it off. */
  legend?: boolean;
}

export function SaddleGradNormChart(traces: readonly TraceInput[], { threshold, steps, width, height, legend = true }: SaddleGradNormChartOptions): LayeredFigure {
  const series = toSeries(traces);
  const rowsBySeries = series.map(({ trace, label }) => finiteSteps(trace.gradNorm, { positive: true }).map((r) => ({ label, ...r })));
  const rows = rowsBySeries.flat();
  const summary = series.map(({ trace, label }) => {
    const norms = trace.gradNorm.filter((g) => g > 0 && Number.isFinite(g));
    if (norms.length === 0) return `${label}: no steps.`;
    const low = Math.min(...norms);
    return `${label}: from ${formatNumber(norms[0])} down to ${formatNumber(low)} at step ${trace.gradNorm.indexOf(low)}, ending at ${formatNumber(norms[norms.length - 1])}.`;
  });
  const lastStep = steps ?? Math.max(1, ...series.map((s) => s.trace.gradNorm.length - 1));
  // The threshold is always in view, a decade of room around it at least.
  const y = coarseLogDomain([...rows.map((r) => r.value), threshold / 10, threshold * 10], { lowerStep: 4, upperStep: 2 });
  const { marks, baseKey, ...geometry } = axesOptions(width, height, lastStep, y, threshold);
  const figure = layeredPlot({
    ...geometry,
    marks,
    baseKey,
    ariaLabel: `Gradient norm per step (log scale) for ${series.map((s) => s.label).join(", ")}`,
    ariaDescription: `Gradient norm per step on a log scale; the dashed line at ${formatNumber(threshold)} is where a stopping rule would declare convergence. ${summary.join(" ")}`,
    color: { ...seriesColorScale(series), legend: legend && series.length > 1 },
    overlay: [runLines(series, rowsBySeries)],
  });
  lazyTip(figure.overlay, { ...layerMargins, ...geometry }, () => [runTip(rowsBySeries)]);
  // The next domains a slider is likely to need, four decades lower or higher, two more or fewer at the top.
  const [a, b] = y.map((v) => Math.round(Math.log10(v)));
  for (const [c, d] of [[a - 4, b], [a + 4, b], [a, b + 2], [a, b - 2]]) {
    const next: [number, number] = [10 ** c, 10 ** d]; // as coarseLogDomain writes them
    if (c < d && next[0] <= threshold / 10 && next[1] >= threshold * 10) warmBase(`saddle ${width} ${height} ${lastStep} ${c} ${d} ${threshold}`, () => axesOptions(width, height, lastStep, next, threshold));
  }
  return figure;
}

/** Everything but the runs: axes and the stopping rule's line, in the base layer. */
function axesOptions(width: number, height: number, lastStep: number, y: [number, number], threshold: number): BaseOptions {
  return {
    width,
    height,
    marginLeft: 56, // room for labels like 0.0001 and 1e-12
    x: { label: "step", grid: true, domain: [0, lastStep] },
    // Plain numbers (0.001, 1e-8), not SI prefixes ("1m", "10n") that read as units.
    y: { type: "log", label: "‖∇f‖ (log scale)", grid: true, domain: y, tickFormat: "~g" },
    marks: thresholdMarks(threshold),
    baseKey: `threshold ${threshold}`,
  };
}

const thresholdMarkCache = new Map<number, Plot.Markish[]>();

/** The stopping rule's dashed line and its label, made once per threshold (they are drawn once per base anyway). */
function thresholdMarks(threshold: number): Plot.Markish[] {
  let marks = thresholdMarkCache.get(threshold);
  if (!marks) {
    marks = [
      Plot.ruleY([threshold], { stroke: "currentColor", strokeDasharray: "4 3", strokeOpacity: 0.7 }),
      Plot.text([threshold], { y: (d: number) => d, frameAnchor: "left", dy: -7, dx: 4, text: () => `"converged" below ${formatNumber(threshold)}`, fill: "currentColor", fontSize: 11 }),
    ];
    thresholdMarkCache.set(threshold, marks);
  }
  return marks;
}

/** One line per run in its own colour, from columns of numbers (./svgMarks.ts: a tenth of the cost of Plot.line a point). */
function runLines(series: readonly Series[], rowsBySeries: { label: string; step: number; value: number }[][]): Plot.RenderFunction {
  return columnLines(
    series.map(({ color }, i) => ({ x: rowsBySeries[i].map((r) => r.step), y: rowsBySeries[i].map((r) => r.value), stroke: color })),
    { strokeWidth: 2 },
  );
}

/** One tip for all runs, made when the pointer first comes over the chart (./svgMarks.ts lazyTip). */
function runTip(rowsBySeries: { label: string; step: number; value: number }[][]): Plot.Markish {
  const all = rowsBySeries.flat();
  const X = Float64Array.from(all, (r) => r.step);
  const Y = Float64Array.from(all, (r) => r.value);
  return Plot.tip({ length: X.length }, Plot.pointer({ x: X, y: Y, channels: { run: all.map((r) => r.label), step: X, "‖∇f‖": Y }, format: { x: false, y: false, "‖∇f‖": (v: number) => formatNumber(v) } }));
}
