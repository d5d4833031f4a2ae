// Basins of attraction: start a run from every cell of a grid and colour the cell by the minimum the run ends in.
// Row by row, so a Web Worker can report progress between rows; plain numbers in and out, so it crosses postMessage.
import type { ObjectiveSpec, Objective, OptimizerSpec } from "../types.js";
import { resolveObjective } from "../objectives/index.js";
import { runOptimizer } from "../run.js";

export interface BasinSpec {
  objective: ObjectiveSpec;
  optimizer: OptimizerSpec;
  steps: number;
  /** Standard deviation of the seeded gradient noise (0 for plain runs). */
  gradientNoise?: number;
  seed?: number;
  box: { x: [number, number]; y: [number, number] };
  /** Cells per side. */
  resolution: number;
  /**
   * Known minima: ends near one of them take its index, and an end near none counts as unsettled.
   * Without them, ends are grouped as they come: an end near no earlier basin starts a new one.
   */
  minima?: readonly { point: readonly number[] }[];
  /** How close (as a fraction of the box's larger side) an end must be to a basin to belong to it. Default 0.04. */
  radius?: number;
}

/** One basin: where its runs end, and f there. */
export interface Basin {
  point: number[];
  value: number;
  /** The index in spec.minima, when the basin is a known minimum. */
  known?: number;
  /** How many cells end here. */
  count: number;
}

export interface BasinMap {
  columns: number;
  rows: number;
  box: BasinSpec["box"];
  /** Row-major, row 0 at the top (largest y): the basin index of each cell, or −1 for an unsettled run. */
  cells: Int32Array;
  basins: Basin[];
  /** Cells whose run diverged, left the view or ended near no known minimum. */
  unsettled: number;
}

/** Noisy runs jitter around their minimum: the end is the mean of the last few points, not the last one. */
const TAIL = 20;

/** A map filled one row at a time: `row(j)` runs the cells of row j; `result()` is the map so far. */
export function basinMapper(spec: BasinSpec) {
  const objective: Objective = resolveObjective(spec.objective);
  if (objective.dim !== 2) throw new Error("a basin map needs a function of x and y");
  const { box, resolution: n } = spec;
  const span = Math.max(box.x[1] - box.x[0], box.y[1] - box.y[0]);
  const radius = (spec.radius ?? 0.04) * span;
  const map: BasinMap = { columns: n, rows: n, box, cells: new Int32Array(n * n).fill(-1), basins: [], unsettled: 0 };
  (spec.minima ?? []).forEach((m, known) => {
    map.basins.push({ point: [...m.point], value: objective.value(m.point), known, count: 0 });
  });

  const inView = ([x, y]: number[]) => x >= box.x[0] - radius && x <= box.x[1] + radius && y >= box.y[0] - radius && y <= box.y[1] + radius;

  function basinOf(end: number[]): number {
    let best = -1;
    let bestDistance = radius;
    map.basins.forEach((b, i) => {
      const d = Math.hypot(end[0] - b.point[0], end[1] - b.point[1]);
      if (d <= bestDistance) [best, bestDistance] = [i, d];
    });
    if (best >= 0 || spec.minima) return best;
    map.basins.push({ point: end, value: objective.value(end), count: 0 });
    return map.basins.length - 1;
  }

  function row(j: number): void {
    const y = box.y[1] - ((j + 0.5) / n) * (box.y[1] - box.y[0]);
    for (let i = 0; i < n; ++i) {
      const x = box.x[0] + ((i + 0.5) / n) * (box.x[1] - box.x[0]);
      const trace = runOptimizer(
        { objective: spec.objective, start: [x, y], optimizer: spec.optimizer, steps: spec.steps, gradientNoise: spec.gradientNoise, seed: (spec.seed ?? 0) + j * n + i },
        objective,
      );
      const end = tailMean(trace.path);
      const index = trace.stop.reason === "diverged" || !inView(end) ? -1 : basinOf(end);
      map.cells[j * n + i] = index;
      if (index < 0) map.unsettled++;
      else map.basins[index].count++;
    }
  }

  return { rows: n, row, result: (): BasinMap => map };
}

/** The whole map at once (tests, Node). */
export function basinMap(spec: BasinSpec): BasinMap {
  const mapper = basinMapper(spec);
  for (let j = 0; j < mapper.rows; ++j) mapper.row(j);
  return mapper.result();
}

function tailMean(path: number[][]): number[] {
  const tail = path.slice(-TAIL);
  return [0, 1].map((k) => tail.reduce((s, p) => s + p[k], 0) / tail.length);
}

/** The basin a start point at (x, y) falls in, read off a finished map (−1 outside it or for unsettled runs). */
export function basinAt(map: BasinMap, x: number, y: number): number {
  const { box, columns, rows } = map;
  const i = Math.floor(((x - box.x[0]) / (box.x[1] - box.x[0])) * columns);
  const j = Math.floor(((box.y[1] - y) / (box.y[1] - box.y[0])) * rows);
  return i < 0 || j < 0 || i >= columns || j >= rows ? -1 : map.cells[j * columns + i];
}
