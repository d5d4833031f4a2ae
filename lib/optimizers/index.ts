// The optimizers by name, and the one place a spec becomes an Optimizer.
import type { Optimizer, OptimizerName, OptimizerSpec } from "../types.js";
import { sgd } from "./sgd.js";
import { momentum } from "./momentum.js";
import { adam } from "./adam.js";
import { adamw } from "./adamw.js";
import { rmsprop } from "./rmsprop.js";
import { adagrad } from "./adagrad.js";
import { adadelta } from "./adadelta.js";

export { sgd, momentum, adam, adamw, rmsprop, adagrad, adadelta };

export const optimizers = { sgd, momentum, adam, adamw, rmsprop, adagrad, adadelta } as const;

/** PyTorch's default lr for each optimizer (sgd and momentum have none: lr is required). */
export const defaultLr: Record<OptimizerName, number | undefined> = {
  sgd: undefined,
  momentum: undefined,
  adam: 1e-3,
  adamw: 1e-3,
  rmsprop: 1e-2,
  adagrad: 1e-2,
  adadelta: 1.0,
};

export function createOptimizer(spec: OptimizerSpec): Optimizer {
  const { name, ...options } = spec;
  return (optimizers[name] as (options: object) => Optimizer)(options);
}
