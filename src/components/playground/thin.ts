// Fewer points, same picture: a chart a few hundred pixels wide cannot show more than a few points per
// pixel, and drawing thousands per run is what would make the playground miss its frame.
import type { DrawPoint } from "../points.js";

export interface StepValue {
  step: number;
  value: number;
}

/**
 * The finite values of a per-step series, at most about 4·buckets of them: in each bucket of steps its
 * first, lowest, highest and last value (the M4 rule), so spikes and oscillations survive thinning.
 */
export function thinSteps(values: readonly number[], buckets: number, { positive = false, offset = 0 } = {}): StepValue[] {
  const keep = (v: number) => Number.isFinite(v) && (!positive || v > 0);
  const rows: StepValue[] = [];
  const size = Math.max(1, Math.ceil(values.length / buckets));
  for (let start = 0; start < values.length; start += size) {
    const end = Math.min(values.length, start + size);
    let first = -1, last = -1, lo = -1, hi = -1;
    for (let i = start; i < end; ++i) {
      const v = values[i];
      if (!keep(v)) continue;
      if (first < 0) first = lo = hi = i;
      last = i;
      if (v < values[lo]) lo = i;
      if (v > values[hi]) hi = i;
    }
    if (first < 0) continue;
    for (const i of [...new Set([first, lo, hi, last])].sort((a, b) => a - b)) rows.push({ step: i + offset, value: values[i] });
  }
  return rows;
}

/** The path without points that sit within `tolerance` (in data units, per axis) of the last point kept; the ends stay. */
export function thinPath(points: readonly DrawPoint[], tolerance: { x: number; y: number }): DrawPoint[] {
  if (points.length <= 2) return [...points];
  const kept = [points[0]];
  for (let i = 1; i < points.length - 1; ++i) {
    const p = points[i], q = kept[kept.length - 1];
    if (Math.abs(p.x - q.x) >= tolerance.x || Math.abs(p.y - q.y) >= tolerance.y) kept.push(p);
  }
  kept.push(points[points.length - 1]);
  return kept;
}
