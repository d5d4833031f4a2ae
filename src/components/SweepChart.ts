// Final loss against the learning rate, both on log scales, each run coloured by the regime its curve showed.
import * as Plot from "@observablehq/plot";
import { plot } from "./plot.js";
import { regimeNames } from "../lib/analysis/lossCurve.js";
import type { SweepPoint } from "../lib/analysis/sweep.js";
import { clamp } from "./points.js";
import { formatNumber } from "./format.js";
import { regimeColors } from "./RegimeStrip.js";

export interface SweepChartOptions extends Omit<Plot.PlotOptions, "marks"> {
  /** The current learning rate, drawn as a vertical rule. */
  lr?: number;
  /** Theory's boundaries, drawn as dashed rules with their labels. */
  boundaries?: readonly { lr: number; label: string }[];
  /** The y range; losses outside are drawn on its edge (× above, a ring below). */
  lossRange: readonly [number, number];
}

interface Row extends SweepPoint {
  shown: number;
  edge: "above" | "below" | null;
}

export function SweepChart(points: readonly SweepPoint[], { lr, boundaries = [], lossRange, ...plotOptions }: SweepChartOptions) {
  const [lo, hi] = lossRange;
  const rows: Row[] = points.map((p) => {
    const above = p.stop.reason === "diverged" || p.finalLoss > hi;
    return { ...p, shown: above ? hi : clamp(p.finalLoss, lo, hi), edge: above ? "above" : p.finalLoss < lo ? "below" : null };
  });
  const best = points.reduce<SweepPoint | undefined>((b, p) => (p.stop.reason !== "diverged" && (!b || p.finalLoss < b.finalLoss) ? p : b), undefined);
  const name = (r: Row) => regimeNames[r.regime];
  return plot({
    marginLeft: 48,
    ariaLabel: "Final loss against the learning rate",
    ariaDescription:
      `${points.length} runs with η from ${formatNumber(points[0]?.lr ?? NaN)} to ${formatNumber(points[points.length - 1]?.lr ?? NaN)}, both axes on log scales. ` +
      (best ? `The lowest final loss, ${formatNumber(best.finalLoss)}, is at η = ${formatNumber(best.lr)}. ` : "") +
      `${rows.filter((r) => r.edge === "above").length} runs ended above ${formatNumber(hi)} or diverged and sit on the top edge; ` +
      `${rows.filter((r) => r.edge === "below").length} ended below ${formatNumber(lo)} and sit on the bottom edge.`,
    x: { type: "log", label: "learning rate η (log scale)", tickFormat: (v: number) => formatNumber(v), grid: true },
    y: { type: "log", domain: [lo, hi], label: "final loss (log scale)", grid: true, tickFormat: powerOfTen },
    color: { domain: Object.values(regimeNames), range: Object.values(regimeColors), legend: true },
    marks: [
      Plot.ruleX(boundaries, { x: "lr", stroke: "currentColor", strokeDasharray: "4 3", strokeOpacity: 0.7 }),
      Plot.text(boundaries, { x: "lr", y: hi, text: "label", dy: -8, frameAnchor: "top", fill: "currentColor" }),
      Plot.line(rows, { x: "lr", y: "shown", stroke: "currentColor", strokeOpacity: 0.25 }),
      Plot.dot(rows.filter((r) => r.edge === null), { x: "lr", y: "shown", r: 3.5, fill: name, title: describe, tip: true }),
      Plot.dot(rows.filter((r) => r.edge === "below"), { x: "lr", y: "shown", r: 3.5, stroke: name, strokeWidth: 1.5, title: describe }),
      Plot.dot(rows.filter((r) => r.edge === "above"), { x: "lr", y: "shown", r: 4, symbol: "times", stroke: name, strokeWidth: 2, title: describe }),
      lr === undefined ? null : Plot.ruleX([lr], { stroke: "#212529", strokeWidth: 2.5 }),
      lr === undefined ? null : Plot.text([lr], { x: (v: number) => v, text: () => `η = ${formatNumber(lr)}`, frameAnchor: "bottom", dy: -6, dx: 4, textAnchor: "start", stroke: "white", strokeWidth: 3, paintOrder: "stroke", fill: "#212529" }),
    ],
    ...plotOptions,
  });
}

function describe(r: Row): string {
  const end = r.stop.reason === "diverged" ? `diverged at step ${r.stop.step}` : `final loss ${formatNumber(r.finalLoss)}`;
  return `η = ${formatNumber(r.lr)}: ${regimeNames[r.regime]}, ${end}`;
}

/** Log-axis ticks as 1e−10, 0.01, 1, 100, 1e6: short enough for a narrow screen. */
function powerOfTen(v: number): string {
  return v >= 1e4 || v < 1e-3 ? `1e${Math.round(Math.log10(v))}`.replace("-", "−") : formatNumber(v);
}
