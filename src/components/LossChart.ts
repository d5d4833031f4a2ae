// Loss per step, one line per run, with where and why each run stopped. A layered figure (./layers.ts): the axes are
// drawn once per domain, and the lines over them on every call as one hand-drawn mark (a path per run, and one of dots
// per step on short runs: a fraction of what Plot's line, dots and tip cost), so show it in a FigureSlot on a page with
// sliders. The tooltip names the losses at the step under the pointer.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { formatNumber } from "./format.js";
import { coarseLogDomain, widenLogDomain } from "./coarseDomain.js";
import { layeredPlot, type LayeredFigure } from "./layers.js";
import { finiteSteps } from "./points.js";
import { seriesColorScale, toSeries, type Series, type TraceInput } from "./series.js";
import { lossChartSummary, stopLabels } from "./summaries.js";
import { appendDots, appendLines, clipToFrame, element, hoverTitle } from "./svgMarks.js";

export interface LossChartOptions {
  /** A log y axis; losses ≤ 0 are then left out (and the summary says how many). */
  logScale?: boolean;
  width?: number;
  height?: number;
  marginLeft?: number;
  /** Options of the y scale; without a domain, one that holds every run, rounded outwards (to decades on a log axis). */
  y?: Plot.ScaleOptions;
  /**
   * On a log axis without a y domain: round the bottom of the domain down to a multiple of this many decades (and a
   * top beyond 10³, where runs diverge, up to a multiple of ten decades), so that the runs of nearby slider values
   * share the axis and it does not jump as the slider moves. Default 1: every decade.
   */
  decades?: number;
  /** Clip the lines to the frame (with a y domain narrower than the losses). */
  clip?: boolean;
  /** The x range in steps; by default 0 to the longest run's last step. Fixed, it keeps the axes while runs grow. */
  xDomain?: readonly [number, number];
  /** The run's length moves with a slider: the step axis is drawn with the curve, not in a new base per length. */
  movingX?: boolean;
  /**
   * The loss axis moves with most moves of a slider: it is drawn with the lines (layeredPlot's movingY). By default,
   * on a log axis whose domain the chart picks from the losses; a page that keeps its own domain (stickyDomain) has
   * axes that stay, and a base that stays with them.
   */
  movingY?: boolean;
}

type Row = { step: number; value: number };

/**
 * The y domain: rounded outwards so that nearby runs (the next position of a slider) share it, and with it the
 * axes already drawn.
 */
export function lossDomain(values: readonly number[], logScale: boolean): [number, number] {
  if (logScale) return coarseLogDomain(values);
  if (values.length === 0) return [0, 1];
  const [lo, hi] = d3.extent(values) as [number, number];
  const [n0, n1] = d3.nice(Math.min(0, lo), Math.max(0, hi), 5);
  return n0 === n1 ? [n0, n0 + 1] : [n0, n1];
}

/**
 * A Plot render function drawing every run: a 2-px line (with a dot per step on runs of 60 steps or fewer, all in
 * one path), and where a run stopped early an × (diverged) or a ring, labelled beside it and reaching
 * into the chart. Over them, a transparent rectangle whose tooltip names each run's loss at the step under the pointer.
 */
function linesLayer(series: readonly Series[], rowsBySeries: readonly Row[][], longest: number, clip: boolean) {
  return (_index: unknown, scales: Record<string, unknown>, _values: unknown, dimensions: Plot.Dimensions, context: { document: Document }) => {
    const doc = context.document;
    const sx = scales.x as ((v: number) => number) & { invert(p: number): number };
    const sy = scales.y as (v: number) => number;
    const g = element(doc, "g", {});
    // Without clipping the lines may run into the margins, as Plot's would.
    const lines = clip ? clipToFrame(doc, dimensions) : element(doc, "g", {});
    lines.setAttribute("aria-hidden", "true");
    const dotted = longest <= 60;
    series.forEach(({ color }, i) => {
      const rows = rowsBySeries[i];
      if (rows.length === 0) return;
      const [xs, ys] = [rows.map((r) => r.step), rows.map((r) => r.value)];
      appendLines(doc, lines, [{ xs, ys }], sx, sy, { stroke: color, strokeWidth: 2 });
      if (dotted) appendDots(doc, lines, xs, ys, sx, sy, { fill: color, r: 2 });
    });
    g.append(lines);
    series.forEach(({ trace, color }, i) => {
      const last = rowsBySeries[i].at(-1);
      if (!last || trace.stop.reason === "maxSteps") return;
      const diverged = trace.stop.reason === "diverged";
      const [x, y] = [sx(last.step), sy(last.value)];
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      const marks = element(doc, "g", { "aria-hidden": "true", fill: "none", stroke: color });
      if (diverged) {
        const r = 7 / Math.SQRT2 + 1;
        marks.append(element(doc, "path", { d: `M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`, "stroke-width": 3 }));
      } else {
        marks.append(element(doc, "circle", { cx: x, cy: y, r: 5, "stroke-width": 2 }));
      }
      // Beside the mark and reaching into the chart, away from the nearer edge.
      const start = last.step < longest / 2;
      const text = element(doc, "text", { x: x + (start ? 12 : -12), y, dy: "0.32em", "text-anchor": start ? "start" : "end", fill: color, stroke: "white", "stroke-width": 3, "paint-order": "stroke" });
      text.textContent = `${stopLabels[trace.stop.reason]} (step ${trace.stop.step})`;
      marks.append(text);
      g.append(marks);
    });
    const hover = hoverTitle(doc, dimensions, (px) => {
      const step = Math.round(sx.invert(px));
      const parts = series.flatMap(({ label }, i) => {
        const row = rowsBySeries[i].find((r) => r.step === step);
        return row ? [`${label}: ${formatNumber(row.value)}`] : [];
      });
      return parts.length ? `step ${step}\n${parts.join("\n")}` : "";
    });
    g.append(hover);
    return g as unknown as SVGElement;
  };
}

export function LossChart(traces: TraceInput | readonly TraceInput[], options: LossChartOptions = {}): LayeredFigure {
  const { logScale = false, width = 640, height = 240, marginLeft = logScale ? 56 : 40, y = {}, clip = false, xDomain, decades = 1, movingX = false } = options;
  const { movingY = logScale && y.domain === undefined } = options;
  const series = toSeries(traces);
  const rowsBySeries = series.map(({ trace }) => finiteSteps(trace.loss, { positive: logScale }));
  const omitted = logScale ? series.reduce((n, s) => n + s.trace.loss.filter((v) => Number.isFinite(v) && v <= 0).length, 0) : 0;
  const longest = Math.max(0, ...series.map((s) => s.trace.loss.length));
  return layeredPlot({
    width,
    height,
    marginLeft, // room for labels like 1e+140
    ariaLabel: `Loss per step${series.length ? ` for ${series.map((s) => s.label).join(", ")}` : ""}`,
    ariaDescription: lossChartSummary(series, { logScale, omitted }),
    x: { label: "step", grid: true, domain: xDomain ? [...xDomain] : [0, Math.max(1, longest - 1)] },
    // Plain numbers on the log axis (0.2, 1e+30), not SI prefixes ("200m", "100E") that read as units.
    y: {
      ...(logScale ? { type: "log", label: "loss (log scale)", grid: true, tickFormat: "~g" } : { label: "loss", grid: true }),
      ...y,
      domain: y.domain
        ? Array.from(y.domain)
        : widenLogDomain(lossDomain(rowsBySeries.flat().map((r) => r.value), logScale), logScale ? decades : 1),
    },
    baseKey: logScale ? "loss chart log" : "loss chart linear",
    movingY,
    movingX,
    marks: [logScale ? null : Plot.ruleY([0], { strokeOpacity: 0.3 })],
    color: seriesColorScale(series),
    overlay: [linesLayer(series, rowsBySeries, longest, clip) as unknown as Plot.Markish],
  });
}
