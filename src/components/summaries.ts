// Text alternatives for the figures, computed from the same data they draw.
import type { StopReason, Trace } from "../../lib/types.js";
import type { Box } from "./points.js";
import type { Series } from "./series.js";
import { formatNumber, formatPoint } from "./format.js";

/** Short labels for the stop markers on charts. */
export const stopLabels: Record<StopReason, string> = {
  maxSteps: "all steps taken",
  tolerance: "below tolerance",
  diverged: "diverged",
  earlyStopping: "early stop",
  minLr: "lr at its floor",
};

export function stopPhrase(stop: Trace["stop"]): string {
  switch (stop.reason) {
    case "maxSteps":
      return `took all ${stop.step} steps`;
    case "diverged":
      return `diverged at step ${stop.step}`;
    case "tolerance":
      return `reached the tolerance at step ${stop.step}`;
    case "earlyStopping":
      return `stopped early at step ${stop.step}: no improvement`;
    case "minLr":
      return `stopped at step ${stop.step}: learning rate at its floor`;
  }
}

/** "GD: 20 steps from 10 to 0.1153, loss 100 → 0.01329; took all 20 steps." */
export function seriesSummary({ trace, label }: Series): string {
  const n = trace.path.length;
  if (n === 0) return `${label}: no finite start (${stopPhrase(trace.stop)}).`;
  const first = trace.path[0];
  const last = trace.path[n - 1];
  const loss = `loss ${formatNumber(trace.loss[0])} → ${formatNumber(trace.loss[n - 1])}`;
  // A network's weights are too many numbers to read out: say how many, and where the path went in 2-D.
  const where = first.length <= 3 ? ` from ${formatPoint(first)} to ${formatPoint(last)}` : ` over ${first.length} parameters`;
  return `${label}: ${n - 1} steps${where}, ${loss}; ${stopPhrase(trace.stop)}.`;
}

export function lossChartSummary(series: readonly Series[], { logScale = false, omitted = 0 } = {}): string {
  const scale = logScale ? "log" : "linear";
  const note = omitted > 0 ? ` ${omitted} non-positive losses are not shown on the log scale.` : "";
  return `Loss per step on a ${scale} scale.${note} ${series.map(seriesSummary).join(" ")}`.trim();
}

export function learningRateSummary(series: readonly Series[]): string {
  const parts = series.map(({ trace, label }) => {
    const lr = trace.lr.filter(Number.isFinite);
    if (lr.length === 0) return `${label}: no steps taken.`;
    const [lo, hi] = [Math.min(...lr), Math.max(...lr)];
    if (lo === hi) return `${label}: constant at ${formatNumber(lo)} for ${lr.length} steps.`;
    return `${label}: from ${formatNumber(lr[0])} to ${formatNumber(lr[lr.length - 1])} over ${lr.length} steps, between ${formatNumber(lo)} and ${formatNumber(hi)}.`;
  });
  return `Learning rate per step. ${parts.join(" ")}`;
}

export interface ContourSummaryInput {
  title: string;
  box: Box;
  levels: number;
  logLevels: boolean;
  minima: readonly { point: readonly number[]; value: number; global?: boolean }[];
  series: readonly Series[];
  /** Labels of series with points drawn at the frame's edge because they lay far outside the view. */
  leftView: readonly string[];
}

export function contourSummary({ title, box, levels, logLevels, minima, series, leftView }: ContourSummaryInput): string {
  const view = `x from ${formatNumber(box.x[0])} to ${formatNumber(box.x[1])} and y from ${formatNumber(box.y[0])} to ${formatNumber(box.y[1])}`;
  const spacing = logLevels ? "log-spaced (the values span several decades)" : "evenly spaced";
  const sentences = [`Contour map of ${title} over ${view}, with ${levels} ${spacing} levels.`];
  if (minima.length > 0) {
    const list = minima.map((m) => `${formatPoint(m.point)} with value ${formatNumber(m.value)}${m.global ? " (global)" : ""}`);
    sentences.push(`Minima at ${list.join("; ")}.`);
  }
  sentences.push(...series.map(seriesSummary));
  if (leftView.length > 0) sentences.push(`${leftView.join(", ")} left the view; points outside are drawn at its edge.`);
  return sentences.join(" ");
}
