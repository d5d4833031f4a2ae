// The loss of a two-parameter regression (w, b) as a Surface for ContourPlot, viewed in a square box around
// the start and the best fit so that a round bowl looks round.
import type { Objective } from "../lib/index.js";
import type { Surface } from "./contourGrid.js";

export function regressionSurface(objective: Objective, best: readonly number[], start: readonly number[], label: string): Surface {
  const centre = [(best[0] + start[0]) / 2, (best[1] + start[1]) / 2];
  const half = Math.max(Math.abs(best[0] - start[0]), Math.abs(best[1] - start[1]), 0.5) * 0.8;
  const point = new Float64Array(2);
  return {
    f(w, b) {
      point[0] = w;
      point[1] = b;
      return objective.value(point);
    },
    domain: { x: [centre[0] - half, centre[0] + half], y: [centre[1] - half, centre[1] + half] },
    label,
    minima: [{ point: best, value: objective.value(best), global: true }],
  };
}
