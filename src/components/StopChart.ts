// Loss per step with the stop rules drawn on it: the tolerance ε, the lowest loss reachable, where the run
// stopped and why, and for early stopping the best step and the patience window after it.
// A layered figure (./layers.ts): the axes and the floor are drawn once per domain, the run and its rules over them
// on every call, so show it in a FigureSlot on a page with sliders. The loss axis is rounded outwards to decades and
// the step axis up to a round count, so that nearby slider values share them; with a budget (which a slider moves)
// the step axis ends at the budget and is drawn with the run instead, and the layer below keeps the loss axis only.
import * as Plot from "@observablehq/plot";
import { layeredPlot, layerMargins, stackLayers, type LayeredFigure } from "./layers.js";
import { plot } from "./plot.js";
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
  /** The step budget K_max: the x axis spans it and a rule marks it. */
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

/** A log domain holding the values with a little room, rounded outwards to whole decades. */
export function decadeDomain(values: readonly number[]): [number, number] {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return [0.1, 10];
  const lo = Math.floor(Math.log10(Math.min(...positive) / 1.25));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...positive) * 1.1)));
  return [10 ** lo, 10 ** hi];
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
  const yDomain = decadeDomain([...rows.map((r) => r.value), tolerance ?? NaN, floor ?? NaN]);
  const xEnd = maxSteps !== undefined ? Math.max(1, maxSteps) : roundUpSteps(Math.max(1, xMax ?? 0, last?.step ?? 1));
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
  const overlay = [
    best !== null ? Plot.rectX([{ x1: best, x2: step }], { x1: "x1", x2: "x2", fill: "#fab005", fillOpacity: 0.2 }) : null,
    best !== null ? Plot.text([best], { x: (v: number) => (v + step) / 2, frameAnchor: "top", dy: 6, text: () => `${step - best} steps without improvement`, fontSize: 11, lineWidth: 7 }) : null,
    tolerance !== undefined ? Plot.ruleY([tolerance], { stroke: "#e03131", strokeDasharray: "6 3", strokeWidth: 1.5 }) : null,
    tolerance !== undefined ? Plot.text([tolerance], { y: (v: number) => v, frameAnchor: "right", textAnchor: "end", dx: -4, text: () => `ε = ${formatNumber(tolerance)}`, dy: 10, ...ruleLabel, fill: "#e03131" }) : null,
    maxSteps !== undefined ? Plot.ruleX([maxSteps], { stroke: "currentColor", strokeWidth: 1.5 }) : null,
    maxSteps !== undefined
      ? Plot.text([maxSteps], { x: (v: number) => v, frameAnchor: "top", textAnchor: "end", dx: -4, dy: 4, text: () => `budget: ${maxSteps} epochs`, ...ruleLabel })
      : null,
    Plot.line(rows, { x: "step", y: "value", stroke: color, strokeWidth: 2, tip: true }),
    // A dot per step shows the step lengths of a short run; on a long one the line says it all.
    dotted ? Plot.dot(rows, { x: "step", y: "value", r: 2, fill: color }) : null,
    bestRow ? Plot.dot([bestRow], { x: "step", y: "value", r: 6, stroke: "#2b8a3e", strokeWidth: 2.5 }) : null,
    bestRow ? Plot.text([bestRow], { x: "step", y: "value", text: () => `best, step ${best}`, dy: 16, ...ruleLabel, fill: "#2b8a3e" }) : null,
    last ? Plot.dot([last], { x: "step", y: "value", r: 7, symbol: reason === "diverged" ? "times" : "circle", stroke: "#212529", strokeWidth: 2.5 }) : null,
    last ? Plot.text([last], { x: "step", y: "value", text: () => stopText, dy: -14, textAnchor: last.step > xEnd / 2 ? "end" : "start", fontWeight: "bold", ...ruleLabel }) : null,
  ];
  if (maxSteps === undefined) return layeredPlot({ width, height, ariaLabel, ariaDescription, x, y, baseKey, marks, overlay });

  // The budget slider moves the end of the step axis: that axis is drawn with the run, over a layer with the loss axis.
  const geometry = { ...layerMargins, width, height };
  const key = `${baseKey}|${JSON.stringify({ ...geometry, y })}`;
  const base = budgetBase(key, () => plot({ ...geometry, x: { domain: [0, 1], axis: null }, y, marks }));
  const top = plot({ ...geometry, ariaLabel, ariaDescription, x, y: { ...y, axis: null, grid: false }, marks: overlay });
  return stackLayers(base, top, key, geometry.width);
}

const budgetBases = new Map<string, Element>();

/** The loss-axis layer of a budget chart, drawn once per key and copied for every figure after that. */
function budgetBase(key: string, draw: () => Element): Element {
  let base = budgetBases.get(key);
  if (!base) {
    base = draw();
    base.removeAttribute("aria-label");
    base.removeAttribute("aria-description");
    base.setAttribute("aria-hidden", "true");
    if (budgetBases.size >= 16) budgetBases.delete(budgetBases.keys().next().value!);
    budgetBases.set(key, base);
  }
  return base.cloneNode(true) as Element;
}
