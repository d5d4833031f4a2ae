// The contour map's heavy part, done once per function and view: a grid of f values and its contour levels.
// Moving a slider re-renders only the paths; the grid comes from the cache.
import * as d3 from "d3";
import type { Box } from "./points.js";

/** A function of two variables with a default view, as in lib's test-function registry. */
export interface Surface {
  f(x: number, y: number): number;
  /** The exact gradient, written into out[0] and out[1]; needed only for a gradient-field overlay. */
  grad?(x: number, y: number, out: Float64Array): void;
  readonly domain: Box;
  readonly label?: string;
  readonly minima?: readonly { readonly point: readonly number[]; readonly value: number; readonly global?: boolean }[];
}

/** Row-major samples at cell centres; row 0 is the top of the view (largest y), as Plot's raster expects. */
export interface Grid {
  values: Float64Array;
  columns: number;
  rows: number;
  box: Box;
  min: number;
  max: number;
}

export interface ContourLevels {
  /** The values to contour: f, or f minus `offset` when the levels are log-spaced. */
  values: Float64Array;
  thresholds: number[];
  log: boolean;
  /** Subtracted from f before contouring (0 for linear levels). */
  offset: number;
}

export function sampleGrid(f: (x: number, y: number) => number, box: Box, columns: number, rows: number): Grid {
  const values = new Float64Array(columns * rows);
  const [x0, x1] = box.x;
  const [y0, y1] = box.y;
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < rows; ++j) {
    const y = y1 - ((j + 0.5) / rows) * (y1 - y0);
    for (let i = 0; i < columns; ++i) {
      const v = f(x0 + ((i + 0.5) / columns) * (x1 - x0), y);
      values[j * columns + i] = v;
      if (!Number.isFinite(v)) continue; // overflowed or undefined: not part of the range
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (!(min <= max)) [min, max] = [0, 0]; // no finite value at all
  // Overflowed or undefined samples become the extremes, so d3-contour sees a finite grid.
  for (let k = 0; k < values.length; ++k) {
    const v = values[k];
    if (!Number.isFinite(v)) values[k] = v === -Infinity ? min : max;
  }
  return { values, columns, rows, box, min, max };
}

/**
 * Log-spaced levels suit a surface whose values span decades (Rosenbrock's valley is thousands of times
 * lower than its walls): there, a quarter of the view lies within 2% of the range above the minimum.
 */
export function prefersLogLevels(grid: Grid): boolean {
  const range = grid.max - grid.min;
  if (!(range > 0)) return false;
  const lowerQuartile = d3.quantile(grid.values, 0.25) ?? grid.max;
  return (lowerQuartile - grid.min) / range < 0.02;
}

/**
 * About `count` thresholds strictly inside the grid's range. Log levels are spaced evenly in
 * log10(f − offset), with the offset just below the lowest value (or `floor`, a known minimum, if lower).
 */
export function contourLevels(grid: Grid, { count = 20, log = prefersLogLevels(grid), floor = Infinity } = {}): ContourLevels {
  const { min, max } = grid;
  if (!log) {
    const thresholds = d3.ticks(min, max, count).filter((t) => t > min && t < max);
    return { values: grid.values, thresholds, log, offset: 0 };
  }
  const bottom = Math.min(min, floor);
  const offset = bottom - ((max - bottom) * 1e-6 || 1);
  const values = grid.values.map((v) => v - offset);
  const [lo, hi] = [Math.log10(min - offset), Math.log10(max - offset)];
  const thresholds = d3
    .ticks(lo, hi, count)
    .filter((t) => t > lo && t < hi)
    .map((t) => 10 ** t);
  return { values, thresholds, log, offset };
}

const gridCache = new WeakMap<object, Map<string, Grid>>();
const levelCache = new WeakMap<Grid, Map<string, ContourLevels>>();

function memo<K extends object, V>(cache: WeakMap<K, Map<string, V>>, owner: K, key: string, make: () => V): V {
  let entries = cache.get(owner);
  if (!entries) cache.set(owner, (entries = new Map()));
  let value = entries.get(key);
  if (value === undefined) entries.set(key, (value = make()));
  return value;
}

/** The grid for `f` over `box`, computed once per function, view and resolution. */
export function cachedGrid(f: (x: number, y: number) => number, box: Box, columns: number, rows: number): Grid {
  return memo(gridCache, f, `${box.x},${box.y},${columns},${rows}`, () => sampleGrid(f, box, columns, rows));
}

const logChoiceCache = new WeakMap<Grid, boolean>();

/** prefersLogLevels, once per grid: it takes a quantile of the whole grid. */
function cachedLogChoice(grid: Grid): boolean {
  let log = logChoiceCache.get(grid);
  if (log === undefined) logChoiceCache.set(grid, (log = prefersLogLevels(grid)));
  return log;
}

export function cachedLevels(grid: Grid, options: { count: number; log?: boolean; floor?: number }): ContourLevels {
  const { count, log = cachedLogChoice(grid), floor = Infinity } = options;
  return memo(levelCache, grid, `${count},${log},${floor}`, () => contourLevels(grid, { count, log, floor }));
}
