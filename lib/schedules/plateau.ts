// ReduceLROnPlateau (mode "min"), the one stateful schedule: fed the loss after each step, it cuts the lr by `factor`
// once the loss has not improved for more than `patience` steps, never below minLr.
import type { ScheduleSpec } from "../types.js";

export type PlateauOptions = Omit<Extract<ScheduleSpec, { name: "reduceOnPlateau" }>, "name">;

/** What one observation did: nothing, cut the lr, or wanted to cut it but the lr already sits at minLr. */
export type PlateauOutcome = "none" | "decayed" | "atMinLr";

export interface Plateau {
  /** The lr for the next step. */
  readonly lr: number;
  observe(loss: number): PlateauOutcome;
}

export function reduceOnPlateau(
  { factor = 0.1, patience = 10, threshold = 1e-4, thresholdMode = "rel", cooldown = 0, minLr = 0, eps = 1e-8 }: PlateauOptions,
  lr: number,
): Plateau {
  let best = Infinity;
  let badSteps = 0;
  let cooldownLeft = 0;
  const isBetter = (loss: number) => (thresholdMode === "rel" ? loss < best * (1 - threshold) : loss < best - threshold);
  return {
    get lr() {
      return lr;
    },
    observe(loss) {
      if (isBetter(loss)) {
        best = loss;
        badSteps = 0;
      } else {
        badSteps += 1;
      }
      if (cooldownLeft > 0) {
        cooldownLeft -= 1;
        badSteps = 0; // bad steps during cooldown do not count
      }
      if (badSteps <= patience) return "none";
      cooldownLeft = cooldown;
      badSteps = 0;
      const reduced = Math.max(lr * factor, minLr);
      // PyTorch skips reductions smaller than eps.
      if (lr - reduced <= eps) return "atMinLr";
      lr = reduced;
      return "decayed";
    },
  };
}
