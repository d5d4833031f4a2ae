// Loss per step with the stop rules drawn on it: the tolerance ε, the lowest loss reachable, where the run
// stopped and why, and for early stopping the best step and the patience window after it.
// A layered figure (./layers.ts): the axes and the floor are drawn once per domain, the run and its rules over them
// on every call (by hand, ./svgMarks.ts), so show it in a FigureSlot on a page with sliders. The loss axis is rounded
// outwards to decades and the step axis up to a round count (or the budget), so that nearby slider values share them.
import * as Plot from "@observablehq/plot";
import { coarseLogDomain } from "./coarseDomain.js";
import { layeredPlot, layerMargins, type LayeredFigure } from "./layers.js";
import { lazyTip, overlayMark } from "./svgMarks.js";
import { warmBase } from "./warmBases.js";
import type { Trace } from "../lib/types.js";
import { lastImprovement } from "../lib/analysis/stopping.js";
import { finiteSteps } from "./points.js";
import { formatNumber } from "./format.js";
import { seriesSummary, stopLabels } from "./summaries.js";

export interface StopChartOptions {
  width?: number;
  height?: number;
  /** The tolerance ε of the run, drawn as a horizontal rule. */
  tolerance?: number;
  /** The lowest loss the model can reach (e.g. the least-squares fit), drawn as a dotted rule. */
  floor?: number;
  /** The step budget K_max: the x axis reaches it (rounded up to a round count) and a rule marks it. */
  maxSteps?: number;
  /**
   * The most steps the x axis should hold (the longest run the page's sliders allow): with it the axis stays put
   * while they move. By default the run's own length, or the budget.
   */
  xMax?: number;
  /** The run's earlyStopping.minDelta, to find the best step the way the run did. */
  minDelta?: number;
  label?: string;
  lineColor?: string;
}

/** Round step counts an x axis ends at: a budget or a run's length is rounded up to the next one. */
const stepLadder = [10, 15, 20, 30, 40, 50, 60, 80, 100, 150, 200, 300, 400, 500];

export function roundUpSteps(n: number): number {
  const rung = stepLadder.find((s) => s >= n);
  return rung ?? Math.ceil(n / 500) * 500;
}

const ruleLabel = { fontSize: 11, fill: "currentColor", stroke: "white", strokeWidth: 3, paintOrder: "stroke" } as const;

export function StopChart(trace: Trace, options: StopChartOptions = {}): LayeredFigure {
  const { tolerance, floor, maxSteps, xMax, minDelta = 0, label = "Gradient descent", lineColor: color = "#1864ab", width = 640, height = 300 } = options;
  const rows = finiteSteps(trace.loss, { positive: true });
  const last = rows[rows.length - 1];
  const { reason, step } = trace.stop;
  const early = reason === "earlyStopping";
  const best = early ? lastImprovement(trace.loss, minDelta) : null;
  const bestRow = rows.find((r) => r.step === best);
  // Whole decades with a little room, so the ε rule and the last point are not on the frame.
  const yDomain = coarseLogDomain([...rows.map((r) => r.value), tolerance ?? NaN, floor ?? NaN], { room: [1.25, 1.1] });
  // Rounded up to a round count, the budget's too (its rule marks it): nearby budgets share the axes.
  const xEnd = roundUpSteps(Math.max(1, maxSteps ?? xMax ?? 0, last?.step ?? 1));
  const stopText = `${stopLabels[reason]} at step ${step}`;
  const dotted = rows.length <= 80;
  const ariaLabel = `Loss per step of ${label}, with where it stopped`;
  const ariaDescription =
    `${seriesSummary({ trace, label, color })}` +
    (maxSteps !== undefined ? ` The budget is ${maxSteps} steps.` : "") +
    (tolerance !== undefined ? ` The tolerance ε is ${formatNumber(tolerance)}.` : "") +
    (floor !== undefined ? ` The lowest loss this model can reach is ${formatNumber(floor)}.` : "") +
    (best !== null ? ` The best loss was at step ${best}; the run stopped ${step - best} steps later.` : "");
  const x = { label: "epoch (step)", grid: true, domain: [0, xEnd] };
  const y = { type: "log", label: "loss (log scale)", grid: true, domain: yDomain, tickFormat: (v: number) => formatNumber(v) } as const;
  // The floor depends on the data only: it stays with the axes while the sliders move.
  const baseKey = `stop chart floor ${floor ?? "none"}`;
  const marks = [
    floor !== undefined ? Plot.ruleY([floor], { stroke: "currentColor", strokeDasharray: "2 3" }) : null,
    floor !== undefined ? Plot.text([floor], { y: (v: number) => v, frameAnchor: "left", textAnchor: "start", text: () => `lowest possible ${formatNumber(floor)}`, dx: 4, dy: 10, ...ruleLabel }) : null,
  ];
  // The run and its rules, drawn by hand (./svgMarks.ts): the overlay then skips Plot on every move.
  const overlay = overlayMark(({ x: sx, y: sy, el, lines, dots, symbol, dimensions }, g) => {
    const { marginTop, marginLeft, width: w, marginRight, height: h, marginBottom } = dimensions;
    const [left, right, top] = [marginLeft, w - marginRight, marginTop];
    const label = (text: string, attrs: Record<string, string | number>, fill = "currentColor") =>
      el("text", { "font-size": 11, fill, stroke: "white", "stroke-width": 3, "paint-order": "stroke", ...attrs }, g, text);
    if (best !== null) {
      el("rect", { x: sx(best), y: top, width: Math.max(0, sx(step) - sx(best)), height: h - marginTop - marginBottom, fill: "#fab005", "fill-opacity": 0.2 }, g);
      el("text", { x: sx((best + step) / 2), y: top + 6, dy: "0.71em", "font-size": 11 }, g, `${step - best} steps without improvement`);
    }
    if (tolerance !== undefined && Number.isFinite(sy(tolerance))) {
      el("line", { x1: left, x2: right, y1: sy(tolerance), y2: sy(tolerance), stroke: "#e03131", "stroke-dasharray": "6 3", "stroke-width": 1.5 }, g);
      label(`ε = ${formatNumber(tolerance)}`, { x: right - 4, y: sy(tolerance) + 10, dy: "0.32em", "text-anchor": "end" }, "#e03131");
    }
    if (maxSteps !== undefined) {
      el("line", { x1: sx(maxSteps), x2: sx(maxSteps), y1: top, y2: h - marginBottom, stroke: "currentColor", "stroke-width": 1.5 }, g);
      label(`budget: ${maxSteps} epochs`, { x: sx(maxSteps) - 4, y: top + 4, dy: "0.71em", "text-anchor": "end" });
    }
    const xs = rows.map((r) => r.step);
    const ys = rows.map((r) => r.value);
    lines([{ xs, ys }], { stroke: color, strokeWidth: 2 }, g);
    // A dot per step shows the step lengths of a short run; on a long one the line says it all.
    if (dotted) dots(xs, ys, { fill: color, r: 2 }, g);
    if (bestRow) {
      const [bx, by] = [sx(bestRow.step), sy(bestRow.value)];
      el("circle", { cx: bx, cy: by, r: 6, fill: "none", stroke: "#2b8a3e", "stroke-width": 2.5 }, g);
      label(`best, step ${best}`, { x: bx, y: by + 16, dy: "0.32em", "text-anchor": "middle" }, "#2b8a3e");
    }
    if (last) {
      const [lx, ly] = [sx(last.step), sy(last.value)];
      if (reason === "diverged") el("path", { d: symbol("times", 7), transform: `translate(${lx},${ly})`, fill: "none", stroke: "#212529", "stroke-width": 2.5 }, g);
      else el("circle", { cx: lx, cy: ly, r: 7, fill: "none", stroke: "#212529", "stroke-width": 2.5 }, g);
      label(stopText, { x: lx, y: ly - 14, dy: "0.32em", "text-anchor": last.step > xEnd / 2 ? "end" : "start", "font-weight": "bold" });
    }
  });
  const figure = layeredPlot({ width, height, ariaLabel, ariaDescription, x, y, baseKey, marks, overlay: [overlay] });
  // A budget slider reaches the other round counts next: their axes are drawn ahead, in idle time.
  if (maxSteps !== undefined) {
    const key = `stop chart ${width} ${height} ${yDomain} ${baseKey}`;
    for (const end of stepLadder) {
      if (end !== xEnd) warmBase(`${key} ${end}`, () => ({ width, height, x: { ...x, domain: [0, end] }, y, baseKey, marks }));
    }
  }
  lazyTip(figure.overlay, { ...layerMargins, x, y }, () => [Plot.tip(rows, Plot.pointerX({ x: "step", y: "value", title: (r: { step: number; value: number }) => `step ${r.step}: loss ${formatNumber(r.value)}` }))]);
  return figure;
}
