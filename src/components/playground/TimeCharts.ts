// Loss, learning rate and gradient norm per step for every run, with one legend; the time cursor only moves a rule
// across them. Each chart is a layered figure (../layers.ts) in a FigureSlot: its axes are drawn once per domain
// (rounded outwards, so that a nearby learning rate keeps them), and the lines over them are redrawn when the runs
// change, as plain SVG paths in the axes' coordinates (a Plot figure per chart would cost more than the rest of
// the redraw). Series are thinned to the chart's width.
import * as d3 from "d3";
import { legend } from "../plot.js";
import { FigureSlot, layeredPlot, stackLayers, type FigureSlotElement, type LayeredFigure } from "../layers.js";
import type { Trace } from "../../lib/index.js";
import { coarseLogDomain } from "../coarseDomain.js";
import { keepDomain } from "../stickyDomain.js";
import { seriesColorScale, type Series } from "../series.js";
import { learningRateSummary, seriesSummary } from "../summaries.js";
import { thinSteps, type StepValue } from "./thin.js";

export interface TimeChartsElement extends HTMLDivElement {
  /** Draws these runs (the axes stay while their domains do). */
  show(series: readonly Series[]): void;
  /** Moves the time cursor to step t. */
  setCursor(t: number): void;
}

interface Panel {
  label: string;
  axis: string;
  log: boolean;
  /** The per-step values (the lr and gradient norm of step k belong to path[k]). */
  values: (trace: Trace) => readonly number[];
  /** The summary of the chart: a first sentence, then one per run (kept with the run). */
  description: { head: string; run?: (s: Series) => string };
}

/** The smallest 1, 2 or 5 × 10ᵏ at or above v (v > 0). */
function roundUp(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * p).find((r) => r >= v * (1 - 1e-12))!;
}

/** A y domain holding every value, rounded outwards (whole decades on a log axis) so that nearby runs share it. */
export function panelDomain(rows: readonly StepValue[], log: boolean): [number, number] {
  const values = rows.map((r) => r.value);
  if (log) return coarseLogDomain(values);
  if (values.length === 0) return [0, 1];
  const [lo, hi] = d3.extent(values) as [number, number];
  const top = hi > 0 ? roundUp(hi) : 1;
  const bottom = lo < 0 ? -roundUp(-lo) : 0;
  return [bottom, top];
}

/** At most about `count` whole decades over a log domain: a domain spanning hundreds of decades gets a few ticks, not hundreds. */
function decadeTicks([lo, hi]: [number, number], count: number): number[] {
  const [a, b] = [Math.round(Math.log10(lo)), Math.round(Math.log10(hi))];
  const every = Math.max(1, Math.ceil((b - a) / count));
  return d3.range(a, b + 1, every).map((k) => 10 ** k);
}

/** What one run's lines cost to draw, kept while the run stays: its thinned values per chart, and its lines' `d` per axes. */
interface RunCache {
  rows: StepValue[][];
  /** Its sentence in each chart's summary, by label. */
  sentences: Map<string, string[]>;
  d: Map<string, string>;
}

/** The runs' lines as one SVG over `axes` (same size and scales), clipped to its frame. */
function linesLayer(axes: LayeredFigure, axesKey: string, series: readonly Series[], caches: readonly RunCache[], panel: number, width: number, height: number) {
  const x = axes.scale("x")!;
  const y = axes.scale("y")!;
  const [x0, x1] = x.range as [number, number];
  const [y0, y1] = y.range as [number, number];
  const svg = d3.create("svg").attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`).attr("fill", "none");
  const clipId = `downhill-time-clip-${++nextClipId}`;
  // A line along the frame's edge (a constant η at the top of its axis) is drawn whole, not halved.
  const pad = 1;
  svg.append("clipPath").attr("id", clipId).append("rect").attr("x", Math.min(x0, x1) - pad).attr("y", Math.min(y0, y1) - pad).attr("width", Math.abs(x1 - x0) + 2 * pad).attr("height", Math.abs(y1 - y0) + 2 * pad);
  const line = d3.line<StepValue>((r) => x.apply!(r.step) as number, (r) => y.apply!(r.value) as number);
  const g = svg.append("g").attr("clip-path", `url(#${clipId})`).attr("stroke-width", 1.5).attr("stroke-linejoin", "round").attr("stroke-linecap", "round");
  series.forEach(({ color }, i) => {
    const cache = caches[i];
    let d = cache.d.get(axesKey);
    if (d === undefined) cache.d.set(axesKey, (d = line(cache.rows[panel]) ?? ""));
    g.append("path").attr("stroke", color).attr("d", d);
  });
  const node = svg.node()!;
  return Object.assign(node, { scale: axes.scale }) as unknown as LayeredFigure["overlay"];
}

let nextClipId = 0;

export function TimeCharts({ width: available, logScale }: { width: number; logScale: boolean }): TimeChartsElement {
  const width = Math.max(240, available); // 0 before the first layout
  const columns = width >= 900 ? 3 : 1;
  const chartWidth = columns === 3 ? Math.floor((width - 32) / 3) : width;
  const height = 200;
  const panels: Panel[] = [
    // lossChartSummary and learningRateSummary, sentence by sentence.
    { label: "Loss per step", axis: logScale ? "loss (log scale)" : "loss", log: logScale, values: (t) => t.loss, description: { head: `Loss per step on a ${logScale ? "log" : "linear"} scale.`, run: seriesSummary } },
    { label: "Learning rate per step", axis: "learning rate η", log: false, values: (t) => t.lr, description: { head: "Learning rate per step.", run: (s) => learningRateSummary([s]).slice("Learning rate per step. ".length) } },
    { label: "Gradient norm per step", axis: "‖∇f‖ (log scale)", log: true, values: (t) => t.gradNorm, description: { head: "Where the gradient's norm sinks toward zero, descent crawls." } },
  ];

  const root = document.createElement("div") as unknown as TimeChartsElement;
  root.className = "downhill-time-charts";
  const key = document.createElement("div");
  const grid = document.createElement("div");
  grid.style.cssText = `display:grid;grid-template-columns:repeat(${columns}, 1fr);gap:16px;`;
  const slots: FigureSlotElement[] = panels.map(() => FigureSlot());
  grid.append(...slots);
  root.append(key, grid);

  const cursors = panels.map(() => {
    const line = document.createElementNS("http://www.w3.org/2000/svg", "line");
    line.setAttribute("stroke", "currentColor");
    line.setAttribute("stroke-dasharray", "3,3");
    line.setAttribute("aria-hidden", "true");
    return line;
  });
  let figures: LayeredFigure[] = [];
  /** The axes of each chart by their key: an empty layered figure whose base and scales the lines are drawn on. */
  const axes = new Map<string, LayeredFigure>();
  const runCaches = new WeakMap<Trace, RunCache>();
  /** The y domain each chart shows. */
  const domains: ([number, number] | undefined)[] = panels.map(() => undefined);
  let cursor = 0;
  let legendKey = "";

  const placeCursors = () => {
    figures.forEach((figure, i) => {
      const x = figure.scale("x")!;
      const [y0, y1] = figure.scale("y")!.range as [number, number];
      const px = String(x.apply!(cursor));
      const line = cursors[i];
      line.setAttribute("x1", px);
      line.setAttribute("x2", px);
      line.setAttribute("y1", String(y0));
      line.setAttribute("y2", String(y1));
    });
  };

  root.show = (series) => {
    const color = { ...seriesColorScale(series), legend: false };
    const lastStep = Math.max(1, ...series.map((s) => s.trace.path.length - 1));
    const buckets = Math.ceil(chartWidth / 4);
    const caches = series.map(({ trace }) => {
      let cache = runCaches.get(trace);
      if (!cache) {
        cache = { rows: panels.map((panel) => thinSteps(panel.values(trace), buckets, { positive: panel.log })), sentences: new Map(), d: new Map() };
        runCaches.set(trace, cache);
      }
      return cache;
    });
    const sentences = series.map((s, k) => {
      const byLabel = caches[k].sentences;
      let cached = byLabel.get(s.label);
      if (!cached) byLabel.set(s.label, (cached = panels.map((panel) => panel.description.run?.(s) ?? "")));
      return cached;
    });
    figures = panels.map((panel, i) => {
      const fresh = panelDomain(caches.flatMap((c) => c.rows[i]), panel.log);
      const domain = keepDomain(fresh, fresh, domains[i], { log: panel.log });
      domains[i] = domain;
      const axesKey = JSON.stringify([i, lastStep, domain]);
      let template = axes.get(axesKey);
      if (!template) {
        if (axes.size >= 32) axes.delete(axes.keys().next().value!);
        template = layeredPlot({
          width: chartWidth,
          height,
          marginLeft: panel.log ? 52 : 48,
          x: { label: "step", grid: true, domain: [0, lastStep] },
          y: panel.log
            ? { type: "log", label: panel.axis, grid: true, domain, ticks: decadeTicks(domain, 5), tickFormat: "~g" }
            : { label: panel.axis, grid: true, domain },
          overlay: [],
        });
        axes.set(axesKey, template);
      }
      const overlay = linesLayer(template, axesKey, series, caches, i, chartWidth, height);
      overlay.setAttribute("aria-label", `${panel.label} for ${series.map((s) => s.label).join(", ")}`);
      overlay.setAttribute("aria-description", [panel.description.head, ...sentences.map((r) => r[i])].join(" ").trim());
      // The axes are copied only if they go on the page (a slot showing them already takes the overlay only).
      const axesFigure = template;
      const figure = stackLayers(() => axesFigure.base.cloneNode(true) as Element, overlay, template.baseKey, chartWidth);
      slots[i].show(() => figure);
      // The overlay shown: the figure's own, or the one the slot moved into the figure already there.
      figure.overlay.append(cursors[i]);
      return figure;
    });
    placeCursors();
    // One legend for the three charts, redrawn only when the runs' names or colours change.
    const nextKey = JSON.stringify([color.domain, color.range]);
    if (nextKey !== legendKey) {
      legendKey = nextKey;
      key.replaceChildren(legend({ color: { ...color, legend: true } }) as HTMLElement);
    }
  };
  root.setCursor = (t) => {
    cursor = t;
    placeCursors();
  };
  return root;
}
