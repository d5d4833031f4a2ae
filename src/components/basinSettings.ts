// The basin maps of the Local minima page: the built-in landscapes, the three walkers, the learning rates and noise
// levels the sliders offer, and a compact text form of a finished map. Shared by the page and by the data loader
// src/data/basin-maps.json.ts, which computes every map of the built-in landscapes at build time: the page then
// shows a map the moment a slider moves, and starts Web Workers only for a typed expression.
import type { BasinMap, BasinSpec } from "../../lib/analysis/basins.js";
import type { OptimizerSpec } from "../../lib/types.js";

/** Cells per side of every map. */
export const basinResolution = 40;
/** Steps of every run. */
export const basinSteps = 300;
/** Seed of the noisy runs. */
export const basinSeed = 1;

/** The learning rates the map's slider offers: about 1.5 times apart, from 0.001 to 0.03. */
export const basinEtas = [0.001, 0.0015, 0.002, 0.003, 0.005, 0.007, 0.01, 0.015, 0.02, 0.03] as const;
/** The noise levels σ the noise slider offers, from 0.1 to 5. */
export const basinNoises = [0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 5] as const;

export interface BasinMethod {
  key: "gd" | "momentum" | "noisy";
  label: string;
  optimizer: (lr: number) => OptimizerSpec;
  noisy: boolean;
}

/** The three walkers compared on every map. */
export const basinMethods: readonly BasinMethod[] = [
  { key: "gd", label: "gradient descent", optimizer: (lr) => ({ name: "sgd", lr }), noisy: false },
  { key: "momentum", label: "momentum 0.9", optimizer: (lr) => ({ name: "sgd", lr, momentum: 0.9 }), noisy: false },
  { key: "noisy", label: "noisy descent", optimizer: (lr) => ({ name: "sgd", lr }), noisy: true },
];

export interface BasinLandscape {
  objective: BasinSpec["objective"];
  box: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  minima?: BasinSpec["minima"];
}

/** The spec of one map: a method at a learning rate (and a noise level, for the noisy one). */
export function basinSpec({ objective, box, minima }: BasinLandscape, method: BasinMethod, lr: number, noise = 0): BasinSpec {
  return {
    objective,
    optimizer: method.optimizer(lr),
    steps: basinSteps,
    gradientNoise: method.noisy ? noise : 0,
    seed: basinSeed,
    box: { x: [...box.x], y: [...box.y] },
    resolution: basinResolution,
    minima: minima?.map((m) => ({ point: [...m.point] })),
  };
}

/** Runs of equal cells, row-major: a letter per basin (a = 0, …; z = unsettled), then the run's length if > 1. */
export function encodeCells(cells: ArrayLike<number>): string {
  let out = "";
  for (let k = 0; k < cells.length; ) {
    let end = k + 1;
    while (end < cells.length && cells[end] === cells[k]) ++end;
    out += (cells[k] < 0 ? "z" : String.fromCharCode(97 + cells[k])) + (end - k > 1 ? end - k : "");
    k = end;
  }
  return out;
}

export function decodeCells(text: string, length: number): Int32Array {
  const cells = new Int32Array(length);
  let k = 0;
  for (const [, letter, count] of text.matchAll(/([a-z])(\d*)/g)) {
    const value = letter === "z" ? -1 : letter.charCodeAt(0) - 97;
    const n = count ? Number(count) : 1;
    cells.fill(value, k, k + n);
    k += n;
  }
  if (k !== length) throw new Error(`a stored basin map has ${k} cells, not ${length}`);
  return cells;
}

/** What the data loader stores for one built-in landscape. */
export interface StoredLandscape {
  box: BasinSpec["box"];
  /** The known minima with f there, in the order of the landscape's list. */
  basins: { point: number[]; value: number }[];
  /** One encoded map per learning rate (basinEtas), for the plain and the momentum walker. */
  gd: string[];
  momentum: string[];
  /** One per learning rate and noise level: noisy[i][j] is basinEtas[i] with basinNoises[j]. */
  noisy: string[][];
}

export interface StoredMaps {
  resolution: number;
  steps: number;
  etas: number[];
  noises: number[];
  landscapes: Record<string, StoredLandscape>;
}

/** A stored map, as the worker would have posted it once complete. */
export function storedMap(stored: StoredLandscape, text: string, resolution: number): BasinMap {
  const cells = decodeCells(text, resolution * resolution);
  const basins = stored.basins.map((b, known) => ({ point: [...b.point], value: b.value, known, count: 0 }));
  let unsettled = 0;
  for (const c of cells) {
    if (c < 0) unsettled++;
    else basins[c].count++;
  }
  return { columns: resolution, rows: resolution, box: { x: [...stored.box.x], y: [...stored.box.y] }, cells, basins, unsettled };
}
