// Loss of batch, stochastic and mini-batch runs, either per iteration (the loss on each step's own batch,
// what a training log prints) or per epoch (the loss on all the data after each full pass).
import * as Plot from "@observablehq/plot";
import { plot } from "./plot.js";
import type { Trace } from "../lib/index.js";
import { lossPerEpoch } from "../lib/analysis/batchSampling.js";
import { formatNumber } from "./format.js";

export interface BatchRun {
  label: string;
  color: string;
  trace: Trace;
  updatesPerEpoch: number;
}

export interface BatchLossChartOptions extends Omit<Plot.PlotOptions, "marks"> {
  per: "iteration" | "epoch";
}

/** Loss on the batch each step used; a full-batch run has no batchLoss, its batch is all the data. */
function iterationRows({ label, trace }: BatchRun) {
  const values = trace.batchLoss ?? trace.loss.slice(0, trace.lr.length);
  return values.map((loss, k) => ({ label, x: k + 1, loss })).filter((r) => Number.isFinite(r.loss) && r.loss > 0);
}

function epochRows({ label, trace, updatesPerEpoch }: BatchRun) {
  return lossPerEpoch(trace, updatesPerEpoch).map((r) => ({ label, x: r.epoch, loss: r.loss }));
}

export function BatchLossChart(runs: readonly BatchRun[], { per, ...plotOptions }: BatchLossChartOptions) {
  const byIteration = per === "iteration";
  const rows = runs.flatMap(byIteration ? iterationRows : epochRows);
  const describe = (run: BatchRun) => {
    const r = (byIteration ? iterationRows : epochRows)(run);
    if (r.length === 0) return `${run.label}: no steps.`;
    const values = r.map((d) => d.loss);
    return byIteration
      ? `${run.label}: ${r.length} iterations, batch loss between ${formatNumber(Math.min(...values))} and ${formatNumber(Math.max(...values))}.`
      : `${run.label}: loss ${formatNumber(values[0])} at the start, ${formatNumber(values[values.length - 1])} after epoch ${r[r.length - 1].x}.`;
  };
  return plot({
    marginLeft: byIteration ? 52 : 40, // room for tick labels like 0.0001
    ariaLabel: byIteration ? "Loss per iteration, on each step's own batch" : "Loss on all the data after each epoch",
    ariaDescription: `${byIteration ? "Loss per iteration on a log–log scale." : "Loss per epoch."} ${runs.map(describe).join(" ")}`,
    x: byIteration ? { type: "log", label: "iteration (log scale)", grid: true } : { label: "epoch", grid: true, tickFormat: "d" },
    y: byIteration ? { type: "log", label: "batch loss (log scale)", grid: true, tickFormat: (v: number) => formatNumber(v) } : { label: "loss on all data", grid: true, zero: true },
    color: { type: "ordinal", domain: runs.map((r) => r.label), range: runs.map((r) => r.color), legend: true },
    marks: [
      Plot.line(rows, { x: "x", y: "loss", stroke: "label", strokeWidth: byIteration ? 1 : 2, strokeOpacity: byIteration ? 0.8 : 1 }),
      byIteration ? null : Plot.dot(rows, { x: "x", y: "loss", fill: "label", r: 2.5 }),
      Plot.tip(rows, Plot.pointer({ x: "x", y: "loss", title: (d) => `${d.label}\n${byIteration ? "iteration" : "epoch"} ${d.x}\nloss ${formatNumber(d.loss)}` })),
    ],
    ...plotOptions,
  });
}
