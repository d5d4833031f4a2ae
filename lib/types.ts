// The shared vocabulary of the library: what an objective, an optimizer, a run spec and a trace are.
// Everything here is plain data or plain functions, usable from Node, the browser and a Web Worker.

/** A differentiable loss over a parameter vector. */
export interface Objective {
  /** Number of parameters the objective takes. */
  readonly dim: number;
  /**
   * Loss at `params`; writes the exact gradient into `grad` (same length as params).
   * With `batch` (sample indices, dataset objectives only), the mean loss over those samples.
   * Must not allocate: it runs once per optimizer step.
   */
  valueAndGrad(params: Float64Array, grad: Float64Array, batch?: ArrayLike<number>): number;
  /** Loss at `params` over the whole objective (all samples). */
  value(params: ArrayLike<number>): number;
  /** Number of samples, for dataset objectives (stochastic and mini-batch runs). */
  readonly sampleCount?: number;
}

/** Optimizer state, held by the caller as in optax: typed arrays plus the step count. */
export interface OptimizerState {
  /** Number of steps taken so far. */
  step: number;
  /** Per-coordinate buffers with PyTorch's names in camelCase (momentumBuffer, expAvg, expAvgSq, …). */
  buffers: Record<string, Float64Array>;
}

/** An optimizer with its hyperparameters bound: a pair of functions, init and step. */
export interface Optimizer {
  readonly name: string;
  init(dim: number): OptimizerState;
  /** Updates `params` in place from `grad` with learning rate `lr`; advances `state`. Allocates nothing. */
  step(params: Float64Array, grad: Float64Array, lr: number, state: OptimizerState): void;
  /**
   * Quantities a page may draw that are derived from the state (bias-corrected moments,
   * per-coordinate effective step size, …). Called only when a run records its state.
   */
  inspect?(state: OptimizerState, lr: number): Record<string, Float64Array>;
}

/** A learning-rate schedule as a function of the number of optimizer steps already taken. */
export type Schedule = (step: number) => number;

export type TestFunctionName =
  | "rosenbrock"
  | "beale"
  | "himmelblau"
  | "booth"
  | "matyas"
  | "rastrigin"
  | "ackley"
  | "goldsteinPrice"
  | "sixHumpCamel"
  | "saddle"
  | "monkeySaddle"
  | "ravine"
  | "cliff"
  | "quadratic1d";

export interface DatasetSpec {
  /** Inputs: one number per sample (one feature) or one row of features per sample. */
  x: number[] | number[][];
  /** Targets: a real number per sample (regression) or 0/1 (logistic). */
  y: number[];
}

export type ModelSpec =
  | { kind: "linear" } // params [w1..wd, b]
  | { kind: "polynomial"; degree: number } // one feature; params [c1..cdegree, c0]
  | { kind: "logistic" }; // params [w1..wd, b]

export type LossName = "mse" | "mae" | "crossEntropy";

export type ObjectiveSpec =
  | TestFunctionName
  | { name: TestFunctionName; params?: Record<string, number> }
  | { expr: string }
  | { dataset: DatasetSpec; model: ModelSpec; loss: LossName };

export type OptimizerSpec =
  | { name: "sgd"; lr: number; momentum?: number; dampening?: number; nesterov?: boolean; weightDecay?: number; maximize?: boolean }
  | { name: "momentum"; lr: number; beta?: number }
  | { name: "adam"; lr?: number; betas?: [number, number]; eps?: number; weightDecay?: number; amsgrad?: boolean }
  | { name: "adamw"; lr?: number; betas?: [number, number]; eps?: number; weightDecay?: number; amsgrad?: boolean }
  | { name: "rmsprop"; lr?: number; alpha?: number; eps?: number; momentum?: number; centered?: boolean; weightDecay?: number }
  | { name: "adagrad"; lr?: number; lrDecay?: number; initialAccumulatorValue?: number; eps?: number; weightDecay?: number }
  | { name: "adadelta"; lr?: number; rho?: number; eps?: number; weightDecay?: number };

export type OptimizerName = OptimizerSpec["name"];

export type ScheduleSpec =
  | { name: "constant" }
  | { name: "step"; stepSize: number; gamma?: number }
  | { name: "multiStep"; milestones: number[]; gamma?: number }
  | { name: "exponential"; gamma: number }
  | { name: "cosine"; tMax: number; etaMin?: number }
  | { name: "cosineWarmRestarts"; t0: number; tMult?: number; etaMin?: number }
  | {
      name: "cyclic";
      baseLr: number;
      maxLr: number;
      stepSizeUp?: number;
      stepSizeDown?: number;
      mode?: "triangular" | "triangular2" | "expRange";
      gamma?: number;
    }
  | {
      name: "oneCycle";
      maxLr: number;
      totalSteps: number;
      pctStart?: number;
      annealStrategy?: "cos" | "linear";
      divFactor?: number;
      finalDivFactor?: number;
    }
  | { name: "linear"; startFactor?: number; endFactor?: number; totalIters?: number }
  | {
      name: "reduceOnPlateau";
      factor?: number;
      patience?: number;
      threshold?: number;
      thresholdMode?: "rel" | "abs";
      cooldown?: number;
      minLr?: number;
      /** Reductions of the lr smaller than eps are skipped (PyTorch's eps, default 1e-8). */
      eps?: number;
      /** Stop the run once the learning rate has reached minLr and would decay again (the articles' floor). */
      stopAtMinLr?: boolean;
    };

export type ScheduleName = ScheduleSpec["name"];

export type ClipSpec = { maxNorm: number } | { value: number };

export interface RunSpec {
  objective: ObjectiveSpec;
  /** Start point: one number per parameter of the objective. */
  start: number[];
  optimizer: OptimizerSpec;
  schedule?: ScheduleSpec;
  clip?: ClipSpec;
  /** Maximum number of optimizer steps (at most 1,000,000). */
  steps: number;
  /** Stop once the loss falls below this tolerance ε. */
  tolerance?: number;
  /** Stop once the loss has not improved by more than minDelta for `patience` steps. */
  earlyStopping?: { patience: number; minDelta?: number };
  /** Dataset objectives: samples per step (1 = SGD, N = full batch). Default: full batch. */
  batchSize?: number;
  /** Seed of every random choice in the run (sample order, gradient noise). Default 0. */
  seed?: number;
  /** Standard deviation of Gaussian noise added to every gradient coordinate (seeded). */
  gradientNoise?: number;
  /** Stochastic weight averaging: from step `start`, the lr becomes `lr` and every `frequency` steps the point is averaged. */
  swa?: { start: number; lr: number; frequency?: number };
  /** Record the optimizer's internal state after every step (costs one copy per buffer per step). */
  recordState?: boolean;
}

export type StopReason = "maxSteps" | "tolerance" | "diverged" | "earlyStopping" | "minLr";

export interface TraceEvent {
  step: number;
  kind: "lrDecay" | "swaStart" | "swaAverage" | "epoch";
  value?: number;
}

export interface Trace {
  /** Points visited: path[0] is the start; one more point than steps taken. */
  path: number[][];
  /** Loss of the whole objective at each point of `path`. */
  loss: number[];
  /** Learning rate used at each step taken. */
  lr: number[];
  /** L2 norm of the gradient at each step taken, before clipping and noise. */
  gradNorm: number[];
  /** Stochastic runs: loss on the mini-batch used at each step. */
  batchLoss?: number[];
  /** Stochastic runs: epoch (0-based) of each step. */
  epoch?: number[];
  /** With recordState: per-step copies of the optimizer's buffers and inspected quantities. */
  state?: Record<string, number[][]>;
  events: TraceEvent[];
  /** With swa: the running average and the points that went into it. */
  swa?: { average: number[]; averaged: number[][] };
  stop: { reason: StopReason; step: number; message: string };
}
