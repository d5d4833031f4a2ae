// Seeded randomness through d3-random: one LCG per run feeds the sample order and the gradient noise.
import { randomLcg, randomNormal } from "d3-random";

/** A uniform source on [0, 1), as d3-random's generators take. */
export type RandomSource = () => number;

export function seededSource(seed: number): RandomSource {
  return randomLcg(seed);
}

/** Gaussian samples N(0, sd²) drawn from `source`. */
export function gaussian(source: RandomSource, sd: number): () => number {
  return randomNormal.source(source)(0, sd);
}

/** Fisher–Yates shuffle of `order` in place. */
export function shuffle(order: Int32Array, source: RandomSource): void {
  for (let i = order.length - 1; i > 0; --i) {
    const j = Math.floor(source() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}
