// The public surface of the library: run a spec, or use the pieces (objectives, expressions, optimizers, schedules,
// clipping, regression) directly.
export type * from "./types.js";
export { runOptimizer } from "./run.js";
export { validateRunSpec, MAX_STEPS } from "./spec.js";
export { resolveObjective } from "./objectives/index.js";
export { optimizers, createOptimizer, defaultLr, sgd, momentum, adam, adamw, rmsprop, adagrad, adadelta } from "./optimizers/index.js";
export type { SgdOptions } from "./optimizers/sgd.js";
export type { MomentumOptions } from "./optimizers/momentum.js";
export type { AdamOptions } from "./optimizers/adam.js";
export type { AdamWOptions } from "./optimizers/adamw.js";
export type { RmspropOptions } from "./optimizers/rmsprop.js";
export type { AdagradOptions } from "./optimizers/adagrad.js";
export type { AdadeltaOptions } from "./optimizers/adadelta.js";
export {
  schedules,
  createSchedule,
  constant,
  stepDecay,
  multiStep,
  exponential,
  linear,
  cosine,
  cosineWarmRestarts,
  cyclic,
  oneCycle,
  reduceOnPlateau,
} from "./schedules/index.js";
export type { Plateau, PlateauOptions, PlateauOutcome, StatelessScheduleSpec } from "./schedules/index.js";
export { clipByGlobalNorm, clipByValue, l2Norm } from "./clip.js";
export { seededSource, gaussian, shuffle } from "./random.js";
export type { RandomSource } from "./random.js";
export { testFunction, testFunctionNames, testFunctions, testFunctionObjective } from "./objectives/testFunctions.js";
export type { CriticalPoint, TestFunction } from "./objectives/testFunctions.js";
export {
  compileExpression,
  parseExpression,
  expressionObjective,
  ExpressionError,
  expressionToTex,
  formatExpression,
  FUNCTIONS,
  MAX_LENGTH as MAX_EXPRESSION_LENGTH,
} from "./objectives/expression/index.js";
export type { CompiledExpression, ExpressionNode, FunctionName, Hessian, ParsedExpression, Variable } from "./objectives/expression/index.js";
export {
  regressionObjective,
  predict,
  residuals,
  sigmoid,
  softplus,
  leastSquares,
  standardize,
  unstandardize,
  toOriginalUnits,
  polynomialFeatures,
  MAX_DEGREE,
} from "./objectives/regression.js";
export type { RegressionSpec, Scale } from "./objectives/regression.js";
