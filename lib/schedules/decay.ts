// Step-wise and smooth decays of the base lr: PyTorch's StepLR, MultiStepLR, ExponentialLR and LinearLR in closed form.
import type { Schedule, ScheduleSpec } from "../types.js";

type Options<N extends ScheduleSpec["name"]> = Omit<Extract<ScheduleSpec, { name: N }>, "name">;

/** lr · γ^⌊k / stepSize⌋ (StepLR). */
export function stepDecay({ stepSize, gamma = 0.1 }: Options<"step">, lr: number): Schedule {
  return (k) => lr * gamma ** Math.floor(k / stepSize);
}

/** lr · γ^(number of milestones ≤ k), a repeated milestone counting twice (MultiStepLR). */
export function multiStep({ milestones, gamma = 0.1 }: Options<"multiStep">, lr: number): Schedule {
  const sorted = [...milestones].sort((a, b) => a - b);
  return (k) => {
    let passed = 0;
    while (passed < sorted.length && sorted[passed] <= k) ++passed;
    return lr * gamma ** passed;
  };
}

/** lr · γ^k (ExponentialLR). */
export function exponential({ gamma }: Options<"exponential">, lr: number): Schedule {
  return (k) => lr * gamma ** k;
}

/** lr · (startFactor + (endFactor − startFactor) · min(k, totalIters) / totalIters) (LinearLR). */
export function linear({ startFactor = 1 / 3, endFactor = 1, totalIters = 5 }: Options<"linear">, lr: number): Schedule {
  return (k) => lr * (startFactor + ((endFactor - startFactor) * Math.min(totalIters, k)) / totalIters);
}

/** The base lr at every step. */
export function constant(_options: Options<"constant">, lr: number): Schedule {
  return () => lr;
}
