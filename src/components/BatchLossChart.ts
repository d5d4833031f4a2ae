// Loss of batch, stochastic and mini-batch runs, either per iteration (the loss on each step's own batch,
// what a training log prints) or per epoch (the loss on all the data after each full pass).
// A layered figure (./layers.ts): the axes are drawn once per domain and the lines over them on every call, so show
// it in a FigureSlot. The domains are rounded outwards (./coarseDomain.ts) so that a slider's next value usually
// keeps them; axes for other run lengths (another number of epochs) can be drawn ahead, in idle time (./warmBases.ts).
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { layeredPlot, layerMargins, type LayeredFigure, type LayeredPlotOptions } from "./layers.js";
import type { Trace } from "../lib/index.js";
import { lossPerEpoch } from "../lib/analysis/batchSampling.js";
import { lossDomain } from "./LossChart.js";
import { ceilOneTwoFive, coarseLogDomain } from "./coarseDomain.js";
import { formatNumber } from "./format.js";
import { columnDots, columnLines, lazyTip } from "./svgMarks.js";
import { warmBase } from "./warmBases.js";

export interface BatchRun {
  label: string;
  color: string;
  trace: Trace;
  updatesPerEpoch: number;
}

export interface BatchLossChartOptions {
  per: "iteration" | "epoch";
  width: number;
  height: number;
  /**
   * Other run lengths (iterations or epochs, as `per`) whose axes to draw in idle time, with this figure's y domain:
   * a slider that changes the length then swaps in axes already drawn.
   */
  warmLengths?: readonly number[];
  /** A colour legend above the chart (default true); a page showing one legend for several charts turns it off. */
  legend?: boolean;
}

/** One run's points as columns: x (iteration or epoch) and loss. */
interface Columns {
  x: Float64Array;
  y: Float64Array;
}

/** Loss on the batch each step used (finite and positive: a log axis); a full-batch run's batch is all the data. */
function iterationColumns({ trace }: BatchRun): Columns {
  const values = trace.batchLoss ?? trace.loss.slice(0, trace.lr.length);
  const x: number[] = [];
  const y: number[] = [];
  values.forEach((loss, k) => {
    if (Number.isFinite(loss) && loss > 0) x.push(k + 1), y.push(loss);
  });
  return { x: Float64Array.from(x), y: Float64Array.from(y) };
}

function epochColumns({ trace, updatesPerEpoch }: BatchRun): Columns {
  const rows = lossPerEpoch(trace, updatesPerEpoch);
  return { x: Float64Array.from(rows, (r) => r.epoch), y: Float64Array.from(rows, (r) => r.loss) };
}

/**
 * The x domain for runs `length` iterations or epochs long, rounded up so that the next number of epochs usually
 * keeps the axes: to 1, 2 or 5 times a power of ten on the log axis of iterations, to a multiple of 5 epochs.
 */
function xDomain(per: BatchLossChartOptions["per"], length: number): [number, number] {
  return per === "iteration" ? [1, Math.max(10, ceilOneTwoFive(length))] : [0, Math.max(5, Math.ceil(length / 5) * 5)];
}

/** Everything but the runs: the axes, in the base layer. */
function axesOptions(per: BatchLossChartOptions["per"], width: number, height: number, x: [number, number], y: [number, number]) {
  const byIteration = per === "iteration";
  // Whole epochs only, about one tick per 80 px as Plot would choose.
  const epochTicks = d3.ticks(x[0], x[1], Math.max(2, Math.round(width / 80))).filter(Number.isInteger);
  return {
    width,
    height,
    marginLeft: byIteration ? 52 : 40, // room for tick labels like 0.0001
    x: byIteration ? { type: "log" as const, label: "iteration (log scale)", grid: true, domain: x } : { label: "epoch", grid: true, domain: x, ticks: epochTicks, tickFormat: "d" },
    y: byIteration
      ? { type: "log" as const, label: "batch loss (log scale)", grid: true, domain: y, tickFormat: (v: number) => formatNumber(v) }
      : { label: "loss on all data", grid: true, domain: y },
  } satisfies Partial<LayeredPlotOptions>;
}

/**
 * The overlay's marks: one line (and, per epoch, dots) per run in the run's own colour, from columns of numbers
 * (./svgMarks.ts: a tenth of the cost of Plot.line a point).
 */
function runMarks(runs: readonly BatchRun[], columns: Columns[], byIteration: boolean): Plot.RenderFunction[] {
  const lines = columnLines(
    runs.map(({ color }, i) => ({ ...columns[i], stroke: color })),
    { strokeWidth: byIteration ? 1 : 2, strokeOpacity: byIteration ? 0.8 : 1 },
  );
  if (byIteration) return [lines];
  return [lines, columnDots(runs.map(({ color }, i) => ({ ...columns[i], fill: color })), { r: 2.5 })];
}

/**
 * Per epoch, one tip for all runs, whose text is made only for the point under the pointer. Per iteration none: the
 * hundreds of noisy points would cost a millisecond a move to make pointable, for values the summary and the
 * per-epoch chart give better.
 */
function epochTip(runs: readonly BatchRun[], columns: Columns[]): Plot.Markish {
  const X = Float64Array.from(columns.flatMap((c) => Array.from(c.x)));
  const Y = Float64Array.from(columns.flatMap((c) => Array.from(c.y)));
  const labels = runs.flatMap(({ label }, i) => Array.from(columns[i].x, () => label));
  return Plot.tip({ length: X.length }, Plot.pointer({ x: X, y: Y, channels: { run: labels, epoch: X, loss: Y }, format: { x: false, y: false, loss: (v: number) => formatNumber(v) } }));
}

/** Smallest and largest of a column; [Infinity, -Infinity] when it is empty. */
function extent(values: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

export function BatchLossChart(runs: readonly BatchRun[], { per, width, height, warmLengths = [], legend = true }: BatchLossChartOptions): LayeredFigure {
  const byIteration = per === "iteration";
  const columns = runs.map(byIteration ? iterationColumns : epochColumns);
  const length = Math.max(0, ...columns.map((c) => c.x[c.x.length - 1] ?? 0));
  const losses = columns.map((c) => extent(c.y));
  const lows = losses.map(([lo]) => lo).filter(Number.isFinite);
  const highs = losses.map(([, hi]) => hi).filter(Number.isFinite);
  const y = byIteration ? coarseLogDomain([...lows, ...highs], { lowerStep: 4, upperStep: 3 }) : lossDomain([...lows, ...highs], false);
  const describe = (run: BatchRun, i: number) => {
    const { x, y: loss } = columns[i];
    if (x.length === 0) return `${run.label}: no steps.`;
    return byIteration
      ? `${run.label}: ${x.length} iterations, batch loss between ${formatNumber(losses[i][0])} and ${formatNumber(losses[i][1])}.`
      : `${run.label}: loss ${formatNumber(loss[0])} at the start, ${formatNumber(loss[loss.length - 1])} after epoch ${x[x.length - 1]}.`;
  };
  const axes = axesOptions(per, width, height, xDomain(per, length), y);
  const figure = layeredPlot({
    ...axes,
    ariaLabel: byIteration ? "Loss per iteration, on each step's own batch" : "Loss on all the data after each epoch",
    ariaDescription: `${byIteration ? "Loss per iteration on a log–log scale." : "Loss per epoch."} ${runs.map(describe).join(" ")}`,
    color: { type: "ordinal", domain: runs.map((r) => r.label), range: runs.map((r) => r.color), legend },
    overlay: runMarks(runs, columns, byIteration),
  });
  // Per epoch, one tip for all runs, made when the pointer first comes over the chart.
  if (!byIteration) lazyTip(figure.overlay, { ...layerMargins, ...axes }, () => [epochTip(runs, columns)]);
  for (const other of warmLengths) warmBase(`batch ${per} ${width} ${height} ${xDomain(per, other)} ${y}`, () => axesOptions(per, width, height, xDomain(per, other), y));
  return figure;
}
