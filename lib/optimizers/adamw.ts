// AdamW (Loshchilov & Hutter): Adam with weight decay applied to the parameters, θ *= 1 − lr·λ, not to the gradient.
import type { Optimizer, OptimizerSpec } from "../types.js";
import { adamFamily } from "./adam.js";

export type AdamWOptions = Omit<Extract<OptimizerSpec, { name: "adamw" }>, "name" | "lr">;

export function adamw(options: AdamWOptions = {}): Optimizer {
  return adamFamily("adamw", options, true);
}
