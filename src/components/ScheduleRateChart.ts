// η against step for the chosen schedule, drawn bold over every other schedule drawn faint. A layered figure
// (./layers.ts): the axes are drawn once per domain, the curves over them on every call, so show it in a FigureSlot.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { layeredPlot, layerMargins, type LayeredFigure } from "./layers.js";
import { lazyTip, overlayMark } from "./svgMarks.js";
import { coarseLogDomain } from "./coarseDomain.js";
import { keepDomain, shownDomain } from "./stickyDomain.js";
import { formatNumber } from "./format.js";
import { seriesColors } from "./series.js";

export interface RateCurve {
  label: string;
  /** η at each step; non-finite entries are left out. */
  rates: readonly number[];
}

export interface ScheduleRateChartOptions {
  /** The label of the curve to draw bold. */
  chosen: string;
  logScale?: boolean;
  /** The FigureSlot the figure goes to: while the data fits the axes it shows, they are kept (see keepDomain). */
  slot?: Element | null;
  width?: number;
  height?: number;
}

/**
 * The η axis: from 0 (or whole decades on a log axis) to the largest rate of any curve, rounded outwards so that
 * nearby settings share it, and with it the axes already drawn.
 */
export function rateDomain(rates: readonly number[], logScale: boolean): [number, number] {
  const finite = rates.filter((r) => Number.isFinite(r) && (!logScale || r > 0));
  if (finite.length === 0) return logScale ? [1e-4, 1] : [0, 1];
  if (logScale) return coarseLogDomain(finite);
  const top = d3.nice(0, d3.max(finite)!, 5)[1];
  return [0, top > 0 ? top : 1];
}

export function ScheduleRateChart(curves: readonly RateCurve[], options: ScheduleRateChartOptions): LayeredFigure {
  const { chosen, logScale = false, width = 640, height = 260, slot } = options;
  const keep = (lr: number) => Number.isFinite(lr) && (!logScale || lr > 0);
  const main = curves.find((c) => c.label === chosen);
  const lrs = main ? main.rates.filter(keep) : [];
  const longest = Math.max(1, ...curves.map((c) => c.rates.length));
  const steps = Array.from({ length: longest }, (_, i) => i);
  // The faint curves are the same objects while only the chosen schedule's sliders move: their paths are kept. A rate
  // that is not finite, or not positive on a log axis, has no position, and the path breaks there.
  const line = (c: RateCurve) => ({ xs: steps, ys: c.rates, title: c.label, memo: c });
  const x = { label: "step", grid: true, domain: [0, Math.max(1, longest - 1)] };
  let [lo, hi] = [Infinity, -Infinity];
  for (const c of curves) for (const lr of c.rates) if (keep(lr)) [lo, hi] = [Math.min(lo, lr), Math.max(hi, lr)];
  const extent: [number, number] = hi >= lo ? [logScale ? lo : 0, hi] : [1, 1];
  const y = {
    ...(logScale ? { type: "log" as const, label: "learning rate η (log scale)", grid: true } : { label: "learning rate η", grid: true }),
    domain: keepDomain(rateDomain(hi >= lo ? [lo, hi] : [], logScale), extent, shownDomain(slot, "y"), { log: logScale }),
  };
  const figure = layeredPlot({
    width,
    height,
    ariaLabel: `Learning rate per step for ${chosen}, other schedules faint behind it`,
    ariaDescription: main
      ? `${chosen}: η starts at ${formatNumber(lrs[0])}, ends at ${formatNumber(lrs[lrs.length - 1])}, ranges from ${formatNumber(Math.min(...lrs))} to ${formatNumber(Math.max(...lrs))} over ${lrs.length} steps. ` +
        `${curves.length - 1} other schedules are drawn faintly for comparison.`
      : "No schedule chosen.",
    x,
    y,
    baseKey: "schedule rates",
    // The η axis follows the base rate η₀: it is drawn with the curves.
    movingY: true,
    // The faint curves move with η₀, so they are drawn with the bold one: the axes stay while any slider moves.
    overlay: [
      overlayMark((d, g) => {
        const view = JSON.stringify([width, height, x.domain, y.domain, logScale]);
        d.lines(curves.filter((c) => c.label !== chosen).map(line), { strokeOpacity: 0.15, strokeWidth: 1, view }, g);
        if (main) d.lines([line(main)], { stroke: seriesColors[0], strokeWidth: 2.5 }, g);
      }),
    ],
  });
  lazyTip(figure.overlay, { ...layerMargins, x, y }, () => [
    Plot.tip(main ? main.rates.flatMap((lr, step) => (keep(lr) ? [{ step, lr }] : [])) : [], Plot.pointerX({ x: "step", y: "lr", title: (r: { step: number; lr: number }) => `step ${r.step}: η = ${formatNumber(r.lr)}` })),
  ]);
  return figure;
}
