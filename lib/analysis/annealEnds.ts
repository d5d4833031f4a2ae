// Where a run stood each time its learning rate stopped falling and rose again (the end of an anneal, just
// before a warm restart or a new cycle), and how many different places those were.
import type { Trace } from "../types.js";

export interface AnnealEnd {
  /** Index into the trace's path: the point reached with the lowest η of that anneal. */
  step: number;
  point: number[];
  loss: number;
}

/** The points at each trough of η: η fell into step k − 1 and rises at step k. */
export function annealEnds(trace: Trace): AnnealEnd[] {
  const { lr, path, loss } = trace;
  const ends: AnnealEnd[] = [];
  for (let k = 2; k < lr.length; ++k) {
    if (lr[k - 1] < lr[k - 2] && lr[k] > lr[k - 1]) ends.push({ step: k, point: path[k], loss: loss[k] });
  }
  return ends;
}

/** How many groups the points form when points closer than `radius` count as the same place. */
export function distinctPlaces(points: readonly (readonly number[])[], radius: number): number {
  const places: (readonly number[])[] = [];
  for (const p of points) {
    if (!places.some((q) => Math.hypot(...p.map((v, i) => v - q[i])) < radius)) places.push(p);
  }
  return places.length;
}
