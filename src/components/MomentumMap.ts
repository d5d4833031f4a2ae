// Steps to converge over (η, β) as a heat map: a cell per grid point, blank where the run diverged.
import * as Plot from "@observablehq/plot";
import { plot } from "./plot.js";
import type { ConvergenceCell } from "../lib/analysis/convergenceMap.js";
import { formatNumber } from "./format.js";

export interface MomentumMapOptions extends Omit<Plot.PlotOptions, "marks"> {
  /** The grid's axes, so a partly computed map keeps its frame. */
  lrs: readonly number[];
  betas: readonly number[];
  maxSteps: number;
  /** Points to ring, e.g. the fastest cell and the reader's current (η, β). */
  highlight?: readonly { lr: number; beta: number; label: string }[];
}

export function MomentumMap(cells: readonly ConvergenceCell[], options: MomentumMapOptions) {
  const { lrs, betas, maxSteps, highlight = [], ...plotOptions } = options;
  const label = (c: ConvergenceCell) =>
    `η = ${formatNumber(c.lr, 3)}, β = ${formatNumber(c.beta, 3)}: ` +
    (c.outcome === "converged" ? `${c.steps} steps` : c.outcome === "diverged" ? "diverges" : `not within ${maxSteps} steps`);
  const converged = cells.filter((c) => c.outcome === "converged");
  return plot({
    ariaLabel: "Steps to converge over learning rate and momentum",
    ariaDescription:
      `Heat map of ${cells.length} of ${lrs.length * betas.length} runs: ${converged.length} converged, ` +
      `${cells.filter((c) => c.outcome === "diverged").length} diverged, ${cells.filter((c) => c.outcome === "tooSlow").length} too slow.`,
    x: { type: "band", domain: lrs, label: "learning rate η (log-spaced)", tickFormat: (v: number) => formatNumber(v, 2), ticks: lrs.filter((_, i) => i % 6 === 0) },
    y: { type: "band", domain: [...betas].reverse(), label: "momentum coefficient (μ)", tickFormat: (v: number) => formatNumber(v, 2), ticks: betas.filter((_, i) => i % 4 === 0) },
    color: { type: "log", scheme: "viridis", label: "steps to converge", legend: true, domain: [1, maxSteps] },
    marks: [
      Plot.cell(cells, { x: "lr", y: "beta", fill: (c: ConvergenceCell) => (c.outcome === "converged" ? Math.max(1, c.steps!) : null), inset: 0, title: label }),
      Plot.cell(cells.filter((c) => c.outcome === "tooSlow"), { x: "lr", y: "beta", fill: "#ddd", inset: 0, title: label }),
      Plot.cell(highlight, { x: "lr", y: "beta", stroke: "red", strokeWidth: 2, title: "label" }),
    ],
    ...plotOptions,
  });
}
