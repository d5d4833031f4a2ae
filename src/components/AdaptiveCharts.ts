// Time series of adaptive optimizers: the per-coordinate learning rate, and Adam's moments with or without bias correction.
import * as Plot from "@observablehq/plot";
import { plot } from "./plot.js";
import type { AdamMomentRow } from "../lib/analysis/adamMoments.js";
import type { Trace } from "../lib/types.js";
import { formatNumber } from "./format.js";
import { seriesColors } from "./series.js";

export interface EffectiveLrRun {
  label: string;
  trace: Trace;
  /** The run's colour on the page's other charts. */
  color?: string;
}

/** Each run's effective learning rate per coordinate (state.effectiveLr), one line per run and coordinate. */
export function AdaptiveLrChart(runs: readonly EffectiveLrRun[], options: Omit<Plot.PlotOptions, "marks"> & { reference?: number } = {}) {
  const { reference, ...plotOptions } = options;
  const rows = runs.flatMap(({ label, trace }) =>
    (trace.state?.effectiveLr ?? []).flatMap((lrs, k) => lrs.map((value, c) => ({ label, coordinate: c === 0 ? "x" : "y", step: k + 1, value }))),
  ).filter((r) => Number.isFinite(r.value) && r.value > 0);
  const last = (label: string, coordinate: string) => rows.filter((r) => r.label === label && r.coordinate === coordinate).at(-1)?.value;
  return plot({
    ariaLabel: "Effective learning rate per coordinate and step",
    ariaDescription: runs
      .map(({ label }) => `${label}: after the last step, ${formatNumber(last(label, "x") ?? NaN)} along x and ${formatNumber(last(label, "y") ?? NaN)} along y.`)
      .join(" "),
    x: { label: "step", grid: true },
    y: { type: "log", label: "effective learning rate (log scale)", grid: true },
    color: { legend: true, domain: runs.map((r) => r.label), range: runs.map((r, i) => r.color ?? seriesColors[i % seriesColors.length]) },
    marks: [
      reference !== undefined ? Plot.ruleY([reference], { stroke: "currentColor", strokeDasharray: "4,3" }) : null,
      // Solid along x, dashed along y.
      Plot.line(rows.filter((r) => r.coordinate === "x"), { x: "step", y: "value", stroke: "label", strokeWidth: 2, tip: true }),
      Plot.line(rows.filter((r) => r.coordinate === "y"), { x: "step", y: "value", stroke: "label", strokeWidth: 2, strokeDasharray: "6,3", tip: true }),
    ],
    ...plotOptions,
  });
}

/** Adam's moments for one coordinate, raw or bias-corrected ("moments"), or the step they give divided by η ("step"). */
export function AdaptiveMomentsChart(
  rows: readonly AdamMomentRow[],
  options: Omit<Plot.PlotOptions, "marks"> & { corrected: boolean; lr: number; panel: "moments" | "step" },
) {
  const { corrected, lr, panel, ...plotOptions } = options;
  const stepOf = (r: AdamMomentRow) => (corrected ? r.correctedStep : r.uncorrectedStep) / lr;
  const series =
    panel === "moments"
      ? rows.flatMap((r) => [
          { t: r.t, quantity: corrected ? "m̂ (corrected mean)" : "m (raw mean)", value: corrected ? r.mHat : r.m },
          { t: r.t, quantity: corrected ? "√v̂ (corrected RMS)" : "√v (raw RMS)", value: Math.sqrt(corrected ? r.vHat : r.v) },
        ])
      : rows.map((r) => ({ t: r.t, quantity: corrected ? "η·m̂/(√v̂+ε) ÷ η" : "η·m/(√v+ε) ÷ η", value: stepOf(r) }));
  const [first, last] = [rows[0], rows.at(-1)];
  const describe = (r: AdamMomentRow) =>
    panel === "moments"
      ? `${corrected ? "m̂" : "m"} = ${formatNumber(corrected ? r.mHat : r.m)}, ${corrected ? "√v̂" : "√v"} = ${formatNumber(Math.sqrt(corrected ? r.vHat : r.v))}`
      : `step ÷ η = ${formatNumber(stepOf(r))}`;
  return plot({
    ariaLabel: panel === "moments" ? `Adam's moments ${corrected ? "with" : "without"} bias correction` : `Adam's step divided by η ${corrected ? "with" : "without"} bias correction`,
    ariaDescription: first && last ? `At step 1, ${describe(first)}; at step ${last.t}, ${describe(last)}.` : "No steps.",
    x: { label: "step t", grid: true },
    y: { label: panel === "moments" ? "value" : "step ÷ η", grid: true, zero: true },
    color: { legend: true },
    marks: [
      panel === "step" ? Plot.ruleY([1], { strokeDasharray: "4,3" }) : null,
      Plot.line(series, { x: "t", y: "value", stroke: "quantity", strokeWidth: 2, tip: true }),
      rows.length <= 60 ? Plot.dot(series, { x: "t", y: "value", fill: "quantity", r: 2 }) : null,
    ],
    ...plotOptions,
  });
}
