// Loss per step with the learning-rate events of a run marked: a rule at every decay (labelled with the new η)
// and where and why the run stopped. A layered figure (./layers.ts): the axes are drawn once per domain and the
// run over them on every call, so show it in a FigureSlot on a page with sliders.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { layeredPlot, layerMargins, type LayeredFigure } from "./layers.js";
import { lazyTip, overlayMark } from "./svgMarks.js";
import { keepDomain, shownDomain } from "./stickyDomain.js";
import type { Trace } from "../../lib/types.js";
import { formatNumber } from "./format.js";
import { lossDomain } from "./LossChart.js";
import { finiteSteps } from "./points.js";
import { seriesColors } from "./series.js";
import { seriesSummary, stopLabels } from "./summaries.js";

export interface ScheduleLossChartOptions {
  label?: string;
  /** Extra steps to mark with a dashed rule (e.g. warm restarts), with a short label each. */
  marked?: readonly { step: number; text: string }[];
  /** Fit the y axis to the losses from this step on, so small changes late in a run are visible (earlier ones are clipped). */
  zoomAfter?: number;
  /** The FigureSlot the figure goes to: while the data fits the axes it shows, they are kept (see keepDomain). */
  slot?: Element | null;
  /** The run's length moves with a slider: the step axis is drawn with the curve, not in a new base per length. */
  movingX?: boolean;
  width?: number;
  height?: number;
}

/**
 * The step axis: from 0 to the last step rounded up to a coarse grid (1, 2, 2.5, 4 or 5 times a power of ten: 200
 * stays 200, 88 becomes 100, 140 becomes 200), so that nearby runs share it, and runs that end at different steps
 * (a slider that moves where a run stops) find a handful of axes, each drawn once.
 */
export function stepDomain(lastStep: number): [number, number] {
  const n = Math.max(1, lastStep);
  const power = 10 ** Math.floor(Math.log10(n));
  const top = [1, 2, 2.5, 4, 5, 10].map((m) => m * power).find((v) => v >= n) ?? 10 * power;
  return [0, top];
}

export function ScheduleLossChart(trace: Trace, options: ScheduleLossChartOptions = {}): LayeredFigure {
  const { label = "Run", marked = [], zoomAfter = 0, width = 640, height = 240, slot, movingX = false } = options;
  const color = seriesColors[0];
  const losses = trace.loss;
  const decays = trace.events.filter((e) => e.kind === "lrDecay").map((e) => ({ step: e.step, text: `η → ${formatNumber(e.value ?? NaN, 2)}` }));
  // One pass over the losses for their extent, the extent from zoomAfter on and the last finite one; the rows
  // ({step, value} objects) only for the tooltip, on first hover.
  let [lo, hi, lateLo, lateHi, lateCount, lastIndex] = [Infinity, -Infinity, Infinity, -Infinity, 0, -1];
  for (let i = 0; i < losses.length; ++i) {
    const v = losses[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (i >= zoomAfter) {
      if (v < lateLo) lateLo = v;
      if (v > lateHi) lateHi = v;
      ++lateCount;
    }
    lastIndex = i;
  }
  const last = lastIndex >= 0 ? { step: lastIndex, value: losses[lastIndex] } : undefined;
  const zoomed = zoomAfter > 0 && lateCount > 1;
  // Rounded outwards, and kept while the run fits them, so the axes do not jump as a slider moves.
  if (!last) [lo, hi] = [0, 1];
  const yDomain = zoomed
    ? keepDomain(niceExtent([lateLo, lateHi]), [lateLo, lateHi], shownDomain(slot, "y"))
    : keepDomain(lossDomain(last ? [lo, hi] : [], false), [Math.min(0, lo), Math.max(0, hi)], shownDomain(slot, "y"));
  const lastStep = trace.loss.length - 1;
  const stopped = last && trace.stop.reason !== "maxSteps";
  const eventSentence = decays.length
    ? ` The learning rate was cut ${decays.length} time${decays.length > 1 ? "s" : ""}, at steps ${decays.map((d) => d.step).join(", ")}.`
    : "";
  const x = { label: "step", grid: true, domain: keepDomain(stepDomain(lastStep), [0, lastStep], shownDomain(slot, "x"), { fill: 0.6 }) };
  const y = { label: zoomed ? `loss (axis fitted from step ${zoomAfter})` : "loss", grid: true, domain: yDomain };
  const figure = layeredPlot({
    width,
    height,
    ariaLabel: `Loss per step for ${label}${decays.length ? " with learning-rate cuts marked" : ""}`,
    ariaDescription:
      seriesSummary({ trace, label, color }) + eventSentence + (zoomed ? ` The loss axis fits the losses from step ${zoomAfter} on; earlier, higher losses run off the top.` : ""),
    x,
    y,
    // The loss axis follows the run, which most sliders move: it is drawn with the curve.
    movingY: true,
    movingX,
    overlay: [
      overlayMark((d, g) => {
        const { height, marginTop, marginBottom } = d.dimensions;
        const rule = (step: number, attrs: Record<string, string | number>) => d.el("line", { x1: d.x(step), x2: d.x(step), y1: marginTop, y2: height - marginBottom, ...attrs }, g);
        for (const m of marked) rule(m.step, { stroke: "currentColor", "stroke-opacity": 0.35, "stroke-dasharray": "3 3" });
        for (const c of decays) {
          rule(c.step, { stroke: seriesColors[2], "stroke-opacity": 0.7 });
          // As Plot's text with frameAnchor "top", rotate −90, textAnchor "end", dx −4, dy 4.
          d.el("text", { transform: `translate(${d.x(c.step) - 4},${marginTop + 4}) rotate(-90)`, "text-anchor": "end", dy: "0.71em", fill: seriesColors[2], "font-size": 10 }, g, c.text);
        }
        // A loss that is not finite has no position: the line breaks there, as it skipped it before.
        d.lines([{ xs: stepNumbers(losses.length), ys: losses }], { stroke: color, strokeWidth: 1.75, clip: true }, g);
        if (stopped) {
          const [px, py] = [d.x(last.step), d.y(last.value)];
          d.el("circle", { cx: px, cy: py, r: 5, fill: "none", stroke: color, "stroke-width": 2 }, g);
          const text = `${stopLabels[trace.stop.reason]} (step ${trace.stop.step})`;
          d.el("text", { x: px, y: py - 14, dy: "0.32em", "text-anchor": "end", fill: color, stroke: "white", "stroke-width": 3, "paint-order": "stroke" }, g, text);
        }
      }),
    ],
  });
  lazyTip(figure.overlay, { ...layerMargins, x, y }, () => [
    Plot.tip(finiteSteps(losses), Plot.pointerX({ x: "step", y: "value", title: (r: { step: number; value: number }) => `step ${r.step}: loss ${formatNumber(r.value)}, η ${formatNumber(trace.lr[r.step - 1] ?? trace.lr[0])}` })),
  ]);
  return figure;
}

let steps = new Float64Array(0);

/** 0, 1, …, n − 1: the x of each loss, kept between calls (a run's length changes little from one move to the next). */
function stepNumbers(n: number): Float64Array {
  if (steps.length < n) steps = Float64Array.from({ length: Math.max(n, 2 * steps.length) }, (_, i) => i);
  return steps.subarray(0, n);
}

/** The extent of `values`, rounded outwards to about five ticks (a flat run gets a unit-wide axis). */
function niceExtent(values: readonly number[]): [number, number] {
  const [lo, hi] = d3.extent(values) as [number, number];
  const [a, b] = d3.nice(lo, hi, 5);
  return a === b ? [a - 0.5, b + 0.5] : [a, b];
}
