// The gradient norm of every layer of a deep chain on a log scale: a straight slope down towards the input is
// a vanishing gradient, a slope up an exploding one. Zeros (underflow) and infinities cannot sit on a log axis:
// they are left out and the summary counts them. A layered figure (./layers.ts), so show it in a FigureSlot on a
// page with sliders: its axes, new on most moves, are drawn with the lines. The lines and dots are one hand-drawn
// mark (./svgMarks.ts): a path per series and a dot per layer, with the tooltip built only when the pointer first
// comes over the chart, so that a slider's redraw costs a few DOM calls instead of four Plot marks.
import * as Plot from "@observablehq/plot";
import { layeredPlot, layerMargins, type LayeredFigure } from "./layers.js";
import { lazyTip, overlayMark } from "./svgMarks.js";
import { formatNumber } from "./format.js";
import { coarseLogDomain } from "./coarseDomain.js";

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
  /** The norm axis (log); by default the drawn norms' extent rounded outwards to whole decades. */
  yDomain?: readonly [number, number];
}

/** The positive, finite norms: what a log axis can show. */
export function drawableNorms(series: readonly LayerSeries[]): number[] {
  return series.flatMap((s) => s.norms.filter((v) => v > 0 && Number.isFinite(v)));
}

export function LayerGradientChart(series: readonly LayerSeries[], options: LayerGradientChartOptions = {}): LayeredFigure {
  const { width = 640, height = 320 } = options;
  // The drawable points as rows, for the tooltip only (built when the pointer first comes over the chart).
  const rows = () => series.flatMap(({ label, norms }) => norms.map((value, i) => ({ label, layer: i + 1, value })).filter((r) => r.value > 0 && Number.isFinite(r.value)));
  const layers = Math.max(2, ...series.map((s) => s.norms.length));
  const yDomain = options.yDomain ?? coarseLogDomain(drawableNorms(series));
  const summary = series.map(({ label, norms }) => {
    const hidden = norms.filter((v) => !(v > 0 && Number.isFinite(v))).length;
    return `${label}: layer 1 (input side) ${formatNumber(norms[0])}, layer ${norms.length} (loss side) ${formatNumber(norms[norms.length - 1])}${hidden ? `; ${hidden} layers are 0 or not finite and not drawn` : ""}.`;
  });
  const marginLeft = 56; // room for labels like 1e+140
  const x = { label: "layer (1 = next to the input)", grid: true, domain: [1, layers] };
  // Plain numbers on the log axis (0.2, 1e+30), not SI prefixes that read as units.
  const y = { type: "log" as const, label: "norm (log scale)", grid: true, tickFormat: "~g", domain: [...yDomain] };
  const color = { type: "ordinal" as const, domain: series.map((s) => s.label), range: series.map((s) => s.color) };
  const drawn = series.map((s) => ({ ...s, xs: s.norms.map((_, i) => i + 1), ys: s.norms.map((v) => (v > 0 && Number.isFinite(v) ? v : NaN)) }));
  const figure = layeredPlot({
    width,
    height,
    marginLeft,
    ariaLabel: `Gradient norms of each layer (log scale): ${series.map((s) => s.label).join(", ")}`,
    ariaDescription: `Gradient norm per layer on a log scale, from the input (layer 1) to the loss. ${summary.join(" ")}`,
    x,
    y,
    color: { ...color, legend: true },
    // The norm axis changes with almost every move of depth or weight scale, the layers axis with many moves of
    // depth: both are drawn with the lines.
    movingY: true,
    movingX: true,
    overlay: [
      overlayMark((d, g) => {
        // A rule at norm 1, where a layer neither grows nor shrinks the gradient.
        const { marginLeft: left, marginRight: right, width: w } = d.dimensions;
        if (yDomain[0] <= 1 && yDomain[1] >= 1) d.el("path", { d: `M${left},${d.y(1)}H${w - right}`, stroke: "currentColor", "stroke-opacity": 0.4 }, g);
        // Lines first, then every series' dots over all the lines (as Plot's line marks under its dot mark).
        for (const s of drawn) d.lines([{ xs: s.xs, ys: s.ys, title: s.label }], { stroke: s.color, strokeWidth: 2, strokeDasharray: s.dashed ? "6 4" : undefined }, g);
        for (const s of drawn) d.dots(s.xs, s.ys, { fill: s.color }, g);
      }),
    ],
  });
  lazyTip(figure.overlay, { ...layerMargins, marginLeft, x, y, color: { ...color, legend: false } }, () => [
    Plot.tip(rows(), Plot.pointer({ x: "layer", y: "value", stroke: "label", title: (r) => `${r.label}, layer ${r.layer}: ${formatNumber(r.value)}` })),
  ]);
  return figure;
}
