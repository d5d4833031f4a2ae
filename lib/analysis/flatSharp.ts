// Flat and sharp minima: a one-dimensional training loss with a narrow, slightly deeper well and a wide one,
// and a "test loss" that is the same curve shifted sideways (the test set's surface differs a little from the
// training set's). The gap between the two at each minimum measures how badly that minimum generalises.
import { compileExpression, type CompiledExpression } from "../objectives/expression/index.js";

export interface FlatSharpOptions {
  /** How far the test loss is shifted along x. */
  shift: number;
  /** Width (standard deviation) of the sharp well; the flat well's is 1. */
  sharpWidth?: number;
}

export interface MinimumGap {
  kind: "sharp" | "flat";
  /** Where descent on the training loss settles. */
  x: number;
  train: number;
  test: number;
  /** test − train at the minimum. */
  gap: number;
  /** f''(x) of the training loss there: large for a sharp minimum. */
  curvature: number;
}

export interface FlatSharpLandscape {
  /** The training loss in the expression language. */
  train: string;
  /** The test loss: the training loss shifted by `shift`. */
  test: string;
  minima: [MinimumGap, MinimumGap];
}

/** Centres of the two wells: the sharp one on the left, the flat one on the right. */
export const WELLS = { sharp: -2, flat: 2 } as const;

/** The training loss with its argument written as `arg` (x for training, (x − shift) for testing). */
function lossText(arg: string, sharpWidth: number): string {
  const twoSigmaSq = 2 * sharpWidth * sharpWidth;
  return `0.02*${arg}^2 - 1.2*exp(-(${arg} + 2)^2/${twoSigmaSq}) - exp(-(${arg} - 2)^2/2)`;
}

export function flatSharpLandscape({ shift, sharpWidth = 0.25 }: FlatSharpOptions): FlatSharpLandscape {
  if (!Number.isFinite(shift)) throw new Error(`shift must be a finite number (got ${shift})`);
  if (!(sharpWidth > 0 && sharpWidth <= 1)) throw new Error(`sharpWidth must be in (0, 1] (got ${sharpWidth})`);
  const train = lossText("x", sharpWidth);
  const test = lossText(`(x - ${shift < 0 ? `(${shift})` : shift})`, sharpWidth);
  const trainFn = compileExpression(train);
  const testFn = compileExpression(test);
  const minimum = (kind: MinimumGap["kind"]): MinimumGap => {
    const x = newtonMinimum(trainFn, WELLS[kind]);
    const [trainLoss, testLoss] = [trainFn.f(x), testFn.f(x)];
    return { kind, x, train: trainLoss, test: testLoss, gap: testLoss - trainLoss, curvature: trainFn.hessian(x, 0)[0][0] };
  };
  return { train, test, minima: [minimum("sharp"), minimum("flat")] };
}

/** Newton's method on f' from `start`, inside a well where f'' > 0: a handful of exact steps (the Hessian is exact). */
function newtonMinimum(f: CompiledExpression, start: number): number {
  const grad = new Float64Array(1);
  let x = start;
  for (let i = 0; i < 50; ++i) {
    f.grad(x, 0, grad);
    const step = grad[0] / f.hessian(x, 0)[0][0];
    x -= step;
    if (Math.abs(step) < 1e-14 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}
