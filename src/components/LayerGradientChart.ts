// The gradient norm of every layer of a deep chain on a log scale: a straight slope down towards the input is
// a vanishing gradient, a slope up an exploding one. Zeros (underflow) and infinities cannot sit on a log axis:
// they are left out and the summary counts them. A layered figure (./layers.ts): the axes are drawn once per
// domain and the lines over them on every call, so show it in a FigureSlot on a page with sliders.
import * as Plot from "@observablehq/plot";
import { layeredPlot, type LayeredFigure } from "./layers.js";
import { formatNumber } from "./format.js";
import { decadeDomain } from "./stickyDomain.js";

export interface LayerSeries {
  label: string;
  color: string;
  /** One norm per layer, layer 1 (next to the input) first. */
  norms: readonly number[];
  /** Dashed, so a series lying exactly on another stays visible. */
  dashed?: boolean;
}

export interface LayerGradientChartOptions {
  width?: number;
  height?: number;
  /** The layers axis; by default [1, the number of layers]. */
  xDomain?: readonly [number, number];
  /** The norm axis (log); by default the drawn norms' extent rounded outwards to whole decades. */
  yDomain?: readonly [number, number];
}

/** The positive, finite norms: what a log axis can show. */
export function drawableNorms(series: readonly LayerSeries[]): number[] {
  return series.flatMap((s) => s.norms.filter((v) => v > 0 && Number.isFinite(v)));
}

export function LayerGradientChart(series: readonly LayerSeries[], options: LayerGradientChartOptions = {}): LayeredFigure {
  const { width = 640, height = 320 } = options;
  const rows = series.flatMap(({ label, norms }) => norms.map((value, i) => ({ label, layer: i + 1, value })).filter((r) => r.value > 0 && Number.isFinite(r.value)));
  const layers = Math.max(2, ...series.map((s) => s.norms.length));
  const xDomain = options.xDomain ?? [1, layers];
  const yDomain = options.yDomain ?? decadeDomain(rows.map((r) => r.value));
  const summary = series.map(({ label, norms }) => {
    const hidden = norms.filter((v) => !(v > 0 && Number.isFinite(v))).length;
    return `${label}: layer 1 (input side) ${formatNumber(norms[0])}, layer ${norms.length} (loss side) ${formatNumber(norms[norms.length - 1])}${hidden ? `; ${hidden} layers are 0 or not finite and not drawn` : ""}.`;
  });
  return layeredPlot({
    width,
    height,
    marginLeft: 56, // room for labels like 1e+140
    ariaLabel: `Gradient norms of each layer (log scale): ${series.map((s) => s.label).join(", ")}`,
    ariaDescription: `Gradient norm per layer on a log scale, from the input (layer 1) to the loss. ${summary.join(" ")}`,
    x: { label: "layer (1 = next to the input)", grid: true, domain: [...xDomain] },
    // Plain numbers on the log axis (0.2, 1e+30), not SI prefixes that read as units.
    y: { type: "log", label: "norm (log scale)", grid: true, tickFormat: "~g", domain: [...yDomain] },
    color: { type: "ordinal", domain: series.map((s) => s.label), range: series.map((s) => s.color), legend: true },
    marks: [yDomain[0] <= 1 && yDomain[1] >= 1 ? Plot.ruleY([1], { stroke: "currentColor", strokeOpacity: 0.4 }) : null],
    overlay: [
      series.map((s) => Plot.line(rows.filter((r) => r.label === s.label), { x: "layer", y: "value", stroke: "label", strokeWidth: 2, strokeDasharray: s.dashed ? "6 4" : undefined })),
      Plot.dot(rows, { x: "layer", y: "value", fill: "label", r: 2.5, tip: true, title: (r) => `${r.label}, layer ${r.layer}: ${formatNumber(r.value)}` }),
    ],
  });
}
