// η against step for the chosen schedule, drawn bold over every other schedule drawn faint.
import * as Plot from "@observablehq/plot";
import { plot } from "./plot.js";
import { formatNumber } from "./format.js";
import { seriesColors } from "./series.js";

export interface RateCurve {
  label: string;
  /** η at each step; non-finite entries are left out. */
  rates: readonly number[];
}

export interface ScheduleRateChartOptions extends Omit<Plot.PlotOptions, "marks"> {
  /** The label of the curve to draw bold. */
  chosen: string;
  logScale?: boolean;
}

export function ScheduleRateChart(curves: readonly RateCurve[], options: ScheduleRateChartOptions) {
  const { chosen, logScale = false, ...plotOptions } = options;
  const rows = (c: RateCurve) => c.rates.flatMap((lr, step) => (Number.isFinite(lr) && (!logScale || lr > 0) ? [{ label: c.label, step, lr }] : []));
  const others = curves.filter((c) => c.label !== chosen).flatMap(rows);
  const main = curves.find((c) => c.label === chosen);
  const mainRows = main ? rows(main) : [];
  const lrs = mainRows.map((r) => r.lr);
  return plot({
    ariaLabel: `Learning rate per step for ${chosen}, other schedules faint behind it`,
    ariaDescription: main
      ? `${chosen}: η starts at ${formatNumber(lrs[0])}, ends at ${formatNumber(lrs[lrs.length - 1])}, ranges from ${formatNumber(Math.min(...lrs))} to ${formatNumber(Math.max(...lrs))} over ${lrs.length} steps. ` +
        `${curves.length - 1} other schedules are drawn faintly for comparison.`
      : "No schedule chosen.",
    x: { label: "step", grid: true },
    y: logScale ? { type: "log", label: "learning rate η (log scale)", grid: true } : { label: "learning rate η", grid: true, zero: true },
    marks: [
      Plot.line(others, { x: "step", y: "lr", z: "label", stroke: "currentColor", strokeOpacity: 0.15, strokeWidth: 1, title: "label" }),
      Plot.line(mainRows, { x: "step", y: "lr", stroke: seriesColors[0], strokeWidth: 2.5 }),
      Plot.tip(mainRows, Plot.pointerX({ x: "step", y: "lr", title: (r: { step: number; lr: number }) => `step ${r.step}: η = ${formatNumber(r.lr)}` })),
    ],
    ...plotOptions,
  });
}
