// How good a point of a 2-D landscape is: its training loss, its loss on a "test" landscape that is the
// training one shifted (the test data's loss surface is never quite the training one), and how sharp the
// landscape is there (the largest eigenvalue of the Hessian).
import { compileExpression, type CompiledExpression } from "../objectives/expression/index.js";
import { swaRecipe, type SwaRecipeOptions } from "./swaRecipe.js";

export interface PointReport {
  point: number[];
  train: number;
  test: number;
  /** Largest Hessian eigenvalue: how fast the loss rises in the steepest-curving direction. */
  sharpness: number;
}

export interface SwaLandscape {
  compiled: CompiledExpression;
  /** The test loss: the training loss moved by `shift`, f(x − δx, y − δy). */
  testLoss(x: number, y: number): number;
  report(point: readonly number[]): PointReport;
}

/** Throws an ExpressionError (with its column) for a bad expression, or an Error when it is not a function of x and y. */
export function swaLandscape(expr: string, shift: readonly [number, number]): SwaLandscape {
  const compiled = compileExpression(expr);
  if (compiled.dim !== 2) throw new Error("the landscape needs both x and y");
  const [dx, dy] = shift;
  const testLoss = (x: number, y: number) => compiled.f(x - dx, y - dy);
  const report = (point: readonly number[]): PointReport => {
    const [x, y] = point;
    const [[a, b], [, c]] = compiled.hessian(x, y);
    return { point: [x, y], train: compiled.f(x, y), test: testLoss(x, y), sharpness: (a + c) / 2 + Math.hypot((a - c) / 2, b) };
  };
  return { compiled, testLoss, report };
}

/** Whether, with this noise seed, the average's test loss is below the last cached point's. */
export function averageWins(options: Omit<SwaRecipeOptions, "seed">, landscape: SwaLandscape, seed: number): boolean {
  const { cached, average } = swaRecipe({ ...options, seed });
  return landscape.report(average).test < landscape.report(cached[cached.length - 1]).test;
}

/** Over seeds 0 … seeds − 1, how often the average's test loss is below the last cached point's. */
export function averageWinsOverSeeds(options: Omit<SwaRecipeOptions, "seed">, landscape: SwaLandscape, seeds: number): number {
  let wins = 0;
  for (let seed = 0; seed < seeds; ++seed) if (averageWins(options, landscape, seed)) ++wins;
  return wins;
}
