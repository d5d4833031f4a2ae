// The gradient norm of every layer of a deep chain on a log scale: a straight slope down towards the input is
// a vanishing gradient, a slope up an exploding one. Zeros (underflow) and infinities cannot sit on a log axis:
// they are left out and the summary counts them.
import * as Plot from "@observablehq/plot";
import { plot } from "./plot.js";
import { formatNumber } from "./format.js";

export interface LayerSeries {
  label: string;
  color: string;
  /** One norm per layer, layer 1 (next to the input) first. */
  norms: readonly number[];
  /** Dashed, so a series lying exactly on another stays visible. */
  dashed?: boolean;
}

export function LayerGradientChart(series: readonly LayerSeries[], plotOptions: Omit<Plot.PlotOptions, "marks"> = {}) {
  const rows = series.flatMap(({ label, norms }) => norms.map((value, i) => ({ label, layer: i + 1, value })).filter((r) => r.value > 0 && Number.isFinite(r.value)));
  const summary = series.map(({ label, norms }) => {
    const hidden = norms.filter((v) => !(v > 0 && Number.isFinite(v))).length;
    return `${label}: layer 1 (input side) ${formatNumber(norms[0])}, layer ${norms.length} (loss side) ${formatNumber(norms[norms.length - 1])}${hidden ? `; ${hidden} layers are 0 or not finite and not drawn` : ""}.`;
  });
  return plot({
    ariaLabel: `Gradient norms of each layer (log scale): ${series.map((s) => s.label).join(", ")}`,
    ariaDescription: `Gradient norm per layer on a log scale, from the input (layer 1) to the loss. ${summary.join(" ")}`,
    x: { label: "layer (1 = next to the input)", grid: true },
    y: { type: "log", label: "norm (log scale)", grid: true },
    color: { type: "ordinal", domain: series.map((s) => s.label), range: series.map((s) => s.color), legend: true },
    marks: [
      Plot.ruleY([1], { stroke: "currentColor", strokeOpacity: 0.4 }),
      series.map((s) => Plot.line(rows.filter((r) => r.label === s.label), { x: "layer", y: "value", stroke: "label", strokeWidth: 2, strokeDasharray: s.dashed ? "6 4" : undefined })),
      Plot.dot(rows, { x: "layer", y: "value", fill: "label", r: 2.5, tip: true, title: (r) => `${r.label}, layer ${r.layer}: ${formatNumber(r.value)}` }),
    ],
    ...plotOptions,
  });
}
