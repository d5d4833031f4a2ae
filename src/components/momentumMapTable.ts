// The momentum page's (η, μ) map, computed ahead of time for every value the κ slider can take: the data loader
// src/data/momentum-map.json.ts runs lib's convergenceMap once per κ at build time and packs the cells here, and
// the page unpacks the row for the current κ instead of running 600 optimizations per move. The grid and the
// runs are defined once, here, for both.
import { logSpace, type ConvergenceCell, type ConvergenceMapOptions } from "../lib/analysis/convergenceMap.js";
import type { ObjectiveSpec } from "../lib/types.js";
import { fromLogPosition } from "./inputs.js";

/** The momentum coefficients of the map's rows: 0, 0.05, …, 0.95. */
export const mapBetas: readonly number[] = Array.from({ length: 20 }, (_, i) => Math.round(i * 5) / 100);

/** The map's learning rates for a ravine of condition number κ: 30 log-spaced from 0.02/κ to 4/κ. */
export const mapLrs = (kappa: number): number[] => logSpace(0.02 / kappa, 4 / kappa, 30);

export const mapTolerance = 1e-6;
export const mapMaxSteps = 300;

/** The options of lib's convergenceMap for this objective and start (the page's ✏️ cell) at condition number κ. */
export function mapOptions(objective: ObjectiveSpec, start: number[], kappa: number): ConvergenceMapOptions {
  return { objective, start, lrs: mapLrs(kappa), betas: mapBetas, tolerance: mapTolerance, maxSteps: mapMaxSteps };
}

/** Every value of the page's κ slider (log, 1 to 100 in steps of 0.01 decade) and its initial value, 25. */
export const sliderKappas: readonly number[] = [...new Set([...Array.from({ length: 201 }, (_, k) => fromLogPosition(k / 100)), 25])];

/** What the table was computed for: a table for anything else is not used. */
export interface MapTableSpec {
  objective: "ravine";
  start: number[];
  betas: readonly number[];
  lrsPerKappa: [number, number, number];
  tolerance: number;
  maxSteps: number;
}

export interface MapTable {
  spec: MapTableSpec;
  /** κ → the cells, row by row (β ascending, η ascending), two base-36 digits each: steps, 0 diverged, maxSteps + 1 too slow. */
  cells: Record<string, string>;
}

export const tableSpec = (start: number[]): MapTableSpec => ({
  objective: "ravine",
  start,
  betas: mapBetas,
  lrsPerKappa: [0.02, 4, 30],
  tolerance: mapTolerance,
  maxSteps: mapMaxSteps,
});

export function packCells(cells: readonly ConvergenceCell[], maxSteps = mapMaxSteps): string {
  const code = (c: ConvergenceCell) => (c.outcome === "converged" ? c.steps! : c.outcome === "diverged" ? 0 : maxSteps + 1);
  return cells.map((c) => code(c).toString(36).padStart(2, "0")).join("");
}

export function unpackCells(packed: string, lrs: readonly number[], betas: readonly number[], maxSteps = mapMaxSteps): ConvergenceCell[] {
  const cells: ConvergenceCell[] = [];
  let k = 0;
  for (const beta of betas) {
    for (const lr of lrs) {
      const code = parseInt(packed.slice(2 * k, 2 * k + 2), 36);
      k++;
      cells.push(
        code === 0
          ? { lr, beta, steps: null, outcome: "diverged" }
          : code > maxSteps
            ? { lr, beta, steps: null, outcome: "tooSlow" }
            : { lr, beta, steps: code, outcome: "converged" },
      );
    }
  }
  return cells;
}

const unpacked = new WeakMap<MapTable, Map<string, ConvergenceCell[] | undefined>>();

/**
 * The map for this objective and start at κ from the table, or undefined when the table does not hold it (another
 * objective typed into the ✏️ cell, another start, a κ between the slider's values): the page then computes it.
 * Unpacked once per table, start and κ.
 */
export function tableMap(table: MapTable | undefined, objective: ObjectiveSpec, start: readonly number[], kappa: number): ConvergenceCell[] | undefined {
  if (!table || typeof objective !== "object" || !("name" in objective) || objective.name !== "ravine") return undefined;
  if (Object.keys(objective.params ?? {}).some((p) => p !== "kappa") || objective.params?.kappa !== kappa) return undefined;
  let byKey = unpacked.get(table);
  if (!byKey) unpacked.set(table, (byKey = new Map()));
  const key = `${start.join(",")} ${kappa}`;
  if (!byKey.has(key)) {
    const packed = JSON.stringify(table.spec) === JSON.stringify(tableSpec([...start])) ? table.cells[String(kappa)] : undefined;
    byKey.set(key, packed === undefined ? undefined : unpackCells(packed, mapLrs(kappa), mapBetas));
  }
  return byKey.get(key);
}

/**
 * Unpacks the table's maps for every κ of the slider in idle time (a few at a time), so that a move of the slider
 * finds its map ready. Returns a function that stops it.
 */
export function warmTable(table: MapTable, start: readonly number[]): () => void {
  const kappas = Object.keys(table.cells).map(Number);
  let next = 0;
  let handle = 0;
  const idle = typeof requestIdleCallback === "function" ? requestIdleCallback : (f: IdleRequestCallback) => setTimeout(() => f({ didTimeout: false, timeRemaining: () => 5 }), 50) as unknown as number;
  const cancel = typeof cancelIdleCallback === "function" ? cancelIdleCallback : (h: number) => clearTimeout(h);
  const work = (deadline: IdleDeadline) => {
    while (next < kappas.length && deadline.timeRemaining() > 2) {
      const kappa = kappas[next++];
      tableMap(table, { name: "ravine", params: { kappa } }, start, kappa);
    }
    if (next < kappas.length) handle = idle(work);
  };
  handle = idle(work);
  return () => cancel(handle);
}
