// The learning rate each step used, one line per run: LearningRateChart as one SVG, LearningRateFigure as a layered
// figure (./layers.ts) whose axes are drawn once per domain, for a FigureSlot on a page with sliders.
import * as Plot from "@observablehq/plot";
import { plot } from "./plot.js";
import { layeredPlot, layerMargins, type LayeredFigure } from "./layers.js";
import { lazyTip, overlayMark } from "./svgMarks.js";
import { keepDomain, shownDomain } from "./stickyDomain.js";
import { finiteSteps } from "./points.js";
import { rateDomain } from "./ScheduleRateChart.js";
import { stepDomain } from "./ScheduleLossChart.js";
import { seriesColorScale, toSeries, type TraceInput } from "./series.js";
import { learningRateSummary } from "./summaries.js";

export interface LearningRateChartOptions extends Omit<Plot.PlotOptions, "marks"> {
  logScale?: boolean;
}

function rateSeries(traces: TraceInput | readonly TraceInput[], logScale: boolean) {
  const series = toSeries(traces);
  // lr[k] is the rate of the (k + 1)-th step, the one from path[k] to path[k + 1].
  const rows = series.flatMap(({ trace, label }) => finiteSteps(trace.lr, { positive: logScale, offset: 1 }).map((r) => ({ label, ...r })));
  return {
    series,
    rows,
    ariaLabel: `Learning rate per step${series.length ? ` for ${series.map((s) => s.label).join(", ")}` : ""}`,
    ariaDescription: learningRateSummary(series),
    y: logScale ? { type: "log" as const, label: "learning rate η (log scale)", grid: true } : { label: "learning rate η", grid: true, zero: true },
  };
}

export function LearningRateChart(traces: TraceInput | readonly TraceInput[], options: LearningRateChartOptions = {}) {
  const { logScale = false, ...plotOptions } = options;
  const { series, rows, ariaLabel, ariaDescription, y } = rateSeries(traces, logScale);
  return plot({
    ariaLabel,
    ariaDescription,
    x: { label: "step", grid: true },
    y,
    color: seriesColorScale(series),
    marks: [Plot.line(rows, { x: "step", y: "value", stroke: "label", z: "label", strokeWidth: 2, curve: "step-after", tip: true })],
    ...plotOptions,
  });
}

export interface LearningRateFigureOptions {
  logScale?: boolean;
  /** The FigureSlot the figure goes to: while the data fits the axes it shows, they are kept (see keepDomain). */
  slot?: Element | null;
  /** The run's length moves with a slider: the step axis is drawn with the curve, not in a new base per length. */
  movingX?: boolean;
  width?: number;
  height?: number;
}

/** The same chart as a layered figure, with domains rounded outwards (whole decades on a log axis). */
export function LearningRateFigure(traces: TraceInput | readonly TraceInput[], options: LearningRateFigureOptions = {}): LayeredFigure {
  const { logScale = false, width = 640, height = 200, slot, movingX = false } = options;
  const { series, rows, ariaLabel, ariaDescription, y } = rateSeries(traces, logScale);
  const lastStep = Math.max(1, ...series.map((s) => s.trace.lr.length));
  const x = { label: "step", grid: true, domain: keepDomain(stepDomain(lastStep), [0, lastStep], shownDomain(slot, "x"), { fill: 0.6 }) };
  const color = seriesColorScale(series);
  // Plain numbers on a log axis (0.001), not SI prefixes ("1m") that read as units.
  const rates = rows.map((r) => r.value);
  const extent: [number, number] = rates.length ? [logScale ? Math.min(...rates) : 0, Math.max(...rates)] : [1, 1];
  const domain = keepDomain(rateDomain(rates, logScale), extent, shownDomain(slot, "y"), { log: logScale });
  const yScale = { ...y, ...(logScale ? { tickFormat: "~g" } : {}), domain };
  // Room for labels like 0.0001 on a log axis.
  const marginLeft = logScale ? 56 : layerMargins.marginLeft;
  const figure = layeredPlot({
    width,
    height,
    marginLeft,
    ariaLabel,
    ariaDescription,
    x,
    y: yScale,
    // The η axis follows the largest rate, which several sliders move: it is drawn with the lines.
    movingY: true,
    movingX,
    // A legend above the layers once there are several runs.
    color,
    overlay: [
      overlayMark((d, g) =>
        d.lines(
          series.map(({ trace, color, label }) => ({ xs: trace.lr.map((_, k) => k + 1), ys: trace.lr.map((v) => (Number.isFinite(v) && (!logScale || v > 0) ? v : NaN)), stroke: color, title: label })),
          { strokeWidth: 2, curve: "step-after" },
          g,
        ),
      ),
    ],
  });
  lazyTip(figure.overlay, { ...layerMargins, marginLeft, x, y: yScale, color: { ...color, legend: false } }, () => [
    Plot.tip(rows, Plot.pointerX({ x: "step", y: "value", stroke: "label" })),
  ]);
  return figure;
}
