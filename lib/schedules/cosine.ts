// Cosine annealing (CosineAnnealingLR, which keeps following the cosine back up past tMax) and SGDR's warm restarts.
import type { Schedule, ScheduleSpec } from "../types.js";

type Options<N extends ScheduleSpec["name"]> = Omit<Extract<ScheduleSpec, { name: N }>, "name">;

/** etaMin + (lr − etaMin)(1 + cos(πk / tMax)) / 2 for every k, as PyTorch's recursive form works out to. */
export function cosine({ tMax, etaMin = 0 }: Options<"cosine">, lr: number): Schedule {
  return (k) => etaMin + ((lr - etaMin) * (1 + Math.cos((Math.PI * k) / tMax))) / 2;
}

/** Cosine from lr to etaMin over t0 steps, restarting at lr; each period tMult times the previous (CosineAnnealingWarmRestarts). */
export function cosineWarmRestarts({ t0, tMult = 1, etaMin = 0 }: Options<"cosineWarmRestarts">, lr: number): Schedule {
  return (k) => {
    let tCur = tMult === 1 ? k % t0 : k;
    let tI = t0;
    while (tCur >= tI) {
      tCur -= tI;
      tI *= tMult;
    }
    return etaMin + ((lr - etaMin) * (1 + Math.cos((Math.PI * tCur) / tI))) / 2;
  };
}
