import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { DatasetSpec, LossName, ModelSpec } from "../../lib/types.js";
import {
  leastSquares,
  polynomialFeatures,
  predict,
  regressionObjective,
  residuals,
  standardize,
  toOriginalUnits,
  unstandardize,
} from "../../lib/objectives/regression.js";

// Small fixed datasets: a noisy line, two features, a curve, and 0/1 labels that overlap.
const line: DatasetSpec = { x: [-2, -1, -0.5, 0, 0.7, 1.3, 2, 2.4], y: [-2.9, -1.2, 0.1, 0.8, 2.6, 3.1, 5.2, 5.4] };
const twoFeatures: DatasetSpec = {
  x: [[1, 2], [2, 0.5], [-1, 1], [0.3, -2], [1.5, 1.5], [-0.7, -0.4]],
  y: [3.2, 1.9, 0.4, -2.1, 3.4, -0.9],
};
const curve: DatasetSpec = { x: [-1.4, -1, -0.6, -0.2, 0.1, 0.5, 0.9, 1.3], y: [2.1, 0.9, 0.3, 0.1, -0.1, 0.4, 1.0, 1.9] };
const labels: DatasetSpec = { x: [[-2, 1], [-1, 0], [-0.5, 2], [0, -1], [0.4, 0.3], [1, -0.5], [1.5, 1], [2.2, -1]], y: [0, 0, 1, 0, 1, 0, 1, 1] };

const cases: { name: string; dataset: DatasetSpec; model: ModelSpec; loss: LossName }[] = [
  { name: "linear mse", dataset: line, model: { kind: "linear" }, loss: "mse" },
  { name: "linear mae", dataset: line, model: { kind: "linear" }, loss: "mae" },
  { name: "linear mse, two features", dataset: twoFeatures, model: { kind: "linear" }, loss: "mse" },
  { name: "linear mae, two features", dataset: twoFeatures, model: { kind: "linear" }, loss: "mae" },
  { name: "polynomial mse", dataset: curve, model: { kind: "polynomial", degree: 3 }, loss: "mse" },
  { name: "polynomial mae", dataset: curve, model: { kind: "polynomial", degree: 3 }, loss: "mae" },
  { name: "logistic crossEntropy", dataset: labels, model: { kind: "logistic" }, loss: "crossEntropy" },
];

/** Central differences of the (batch) loss, coordinate by coordinate. */
function numericGradient(f: (p: Float64Array) => number, params: Float64Array, h = 1e-6): Float64Array {
  const g = new Float64Array(params.length);
  for (let j = 0; j < params.length; j++) {
    const p = Float64Array.from(params);
    p[j] += h;
    const up = f(p);
    p[j] -= 2 * h;
    g[j] = (up - f(p)) / (2 * h);
  }
  return g;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number) {
  expect(actual.length).toBe(expected.length);
  for (let j = 0; j < actual.length; j++) expect(Math.abs(actual[j] - expected[j])).toBeLessThanOrEqual(tol * (1 + Math.abs(expected[j])));
}

// MAE has a kink where a residual is 0: finite differences across it are meaningless.
function awayFromKinks(c: (typeof cases)[number], params: Float64Array, batch: number[]): boolean {
  if (c.loss !== "mae") return true;
  const r = residuals(c, params);
  return batch.every((i) => Math.abs(r[i]) > 1e-3);
}

describe("regressionObjective gradients", () => {
  for (const c of cases) {
    it(`${c.name}: valueAndGrad matches central differences on random params and random batches`, () => {
      const objective = regressionObjective(c);
      const n = objective.sampleCount!;
      const grad = new Float64Array(objective.dim);
      fc.assert(
        fc.property(
          fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: objective.dim, maxLength: objective.dim }),
          fc.option(fc.array(fc.nat({ max: n - 1 }), { minLength: 1, maxLength: 2 * n }), { nil: undefined }),
          (p, batch) => {
            const params = Float64Array.from(p);
            fc.pre(awayFromKinks(c, params, batch ?? [...Array(n).keys()]));
            objective.valueAndGrad(params, grad, batch);
            const numeric = numericGradient((q) => objective.valueAndGrad(q, new Float64Array(objective.dim), batch), params);
            expectClose(grad, numeric, 1e-5);
          },
        ),
        { seed: 42, numRuns: 150 },
      );
    });
  }

  it("valueAndGrad with every index as the batch equals the full loss and gradient", () => {
    for (const c of cases) {
      const objective = regressionObjective(c);
      const params = Float64Array.from({ length: objective.dim }, (_, j) => 0.3 * j - 0.4);
      const full = new Float64Array(objective.dim);
      const batched = new Float64Array(objective.dim);
      const all = [...Array(objective.sampleCount).keys()];
      const value = objective.valueAndGrad(params, full);
      expect(objective.valueAndGrad(params, batched, all)).toBe(value);
      expect([...batched]).toEqual([...full]);
      expect(objective.value(params)).toBe(value);
      expect(objective.valueAndGrad(params, batched, all.reverse())).toBeCloseTo(value, 12);
    }
  });

  it("a batch is the mean over its samples, repeats counted", () => {
    const objective = regressionObjective({ dataset: line, model: { kind: "linear" }, loss: "mse" });
    const params = Float64Array.of(1.5, 0.5);
    const g = new Float64Array(2);
    const one = (i: number) => objective.valueAndGrad(params, g, [i]);
    expect(objective.valueAndGrad(params, g, [2, 5, 5])).toBeCloseTo((one(2) + 2 * one(5)) / 3, 12);
  });
});

describe("losses match PyTorch", () => {
  it("mse is MSELoss: mean r² with no ½, so ∂/∂b = 2·mean(r)", () => {
    const objective = regressionObjective({ dataset: { x: [0, 1], y: [1, 3] }, model: { kind: "linear" }, loss: "mse" });
    const grad = new Float64Array(2);
    // ŷ = 0 everywhere: residuals −1 and −3.
    expect(objective.valueAndGrad(Float64Array.of(0, 0), grad)).toBe((1 + 9) / 2);
    expect([...grad]).toEqual([(2 * -3 * 1) / 2, (2 * -1 + 2 * -3) / 2]);
  });

  it("mae is L1Loss: subgradient sign(0) = 0 where a residual vanishes", () => {
    const objective = regressionObjective({ dataset: { x: [0, 1], y: [0, 5] }, model: { kind: "linear" }, loss: "mae" });
    const grad = new Float64Array(2);
    expect(objective.valueAndGrad(Float64Array.of(0, 0), grad)).toBe(2.5);
    expect([...grad]).toEqual([-0.5, -0.5]); // sample 0 has r = 0 and adds nothing
  });

  it("crossEntropy is BCEWithLogitsLoss on hand-computed logits, and stays finite at |z| = 1000", () => {
    // Logits z = w·x + b with w = 1, b = 0 are the inputs themselves.
    const objective = regressionObjective({ dataset: { x: [2, -1, 0], y: [1, 1, 0] }, model: { kind: "logistic" }, loss: "crossEntropy" });
    const expected = (Math.log(1 + Math.exp(-2)) + Math.log(1 + Math.E) + Math.log(2)) / 3;
    expect(objective.value([1, 0])).toBeCloseTo(expected, 14);
    expect(objective.value([1, 0])).toBeCloseTo(0.7111123, 7); // (0.126928 + 1.313262 + 0.693147) / 3
    const extreme = regressionObjective({ dataset: { x: [1000, -1000], y: [0, 0] }, model: { kind: "logistic" }, loss: "crossEntropy" });
    const grad = new Float64Array(2);
    expect(extreme.valueAndGrad(Float64Array.of(1, 0), grad)).toBe(500); // (1000 + 0) / 2
    expect([...grad]).toEqual([500, 0.5]); // σ(1000) − 0 = 1, σ(−1000) − 0 = 0
  });
});

describe("leastSquares", () => {
  it("recovers an exact line and an exact plane", () => {
    expectClose(leastSquares([0, 1, 2, 3], [1, 3, 5, 7]), [2, 1], 1e-12);
    const x = [[1, 0], [0, 1], [1, 1], [2, 3], [-1, 2]];
    expectClose(leastSquares(x, x.map(([a, b]) => 3 * a - 2 * b + 0.5)), [3, -2, 0.5], 1e-12);
  });

  it("has zero MSE gradient at its answer (the normal equations hold)", () => {
    for (const dataset of [line, twoFeatures]) {
      const objective = regressionObjective({ dataset, model: { kind: "linear" }, loss: "mse" });
      const grad = new Float64Array(objective.dim);
      objective.valueAndGrad(Float64Array.from(leastSquares(dataset.x, dataset.y)), grad);
      expectClose(grad, new Array(objective.dim).fill(0), 1e-12);
    }
  });

  it("is where gradient descent on linear MSE converges", () => {
    const objective = regressionObjective({ dataset: twoFeatures, model: { kind: "linear" }, loss: "mse" });
    const params = new Float64Array(objective.dim);
    const grad = new Float64Array(objective.dim);
    for (let step = 0; step < 2000; step++) {
      objective.valueAndGrad(params, grad);
      for (let j = 0; j < params.length; j++) params[j] -= 0.1 * grad[j];
    }
    expectClose(params, leastSquares(twoFeatures.x, twoFeatures.y), 1e-9);
  });

  it("fits a polynomial through polynomialFeatures in the params order [c1..cd, c0]", () => {
    const xs = [-2, -1, 0, 1, 2, 3];
    const coefficients = leastSquares(polynomialFeatures(xs, 2), xs.map((v) => 4 - v + 0.5 * v * v));
    expectClose(coefficients, [-1, 0.5, 4], 1e-12);
    expect(predict({ kind: "polynomial", degree: 2 }, coefficients, 3)).toBeCloseTo(4 - 3 + 4.5, 12);
  });

  it("names collinear features instead of returning nonsense", () => {
    expect(() => leastSquares([[1, 2], [2, 4], [3, 6]], [1, 2, 3])).toThrow(/collinear/);
  });
});

describe("standardize", () => {
  it("gives mean 0 and std 1, and unstandardize undoes it", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 40 }), (values) => {
        fc.pre(Math.max(...values) - Math.min(...values) > 1e-3);
        const s = standardize(values);
        const mean = s.values.reduce((a, b) => a + b, 0) / values.length;
        const variance = s.values.reduce((a, z) => a + (z - mean) ** 2, 0) / values.length;
        expect(Math.abs(mean)).toBeLessThan(1e-9);
        expect(variance).toBeCloseTo(1, 9);
        expectClose(unstandardize(s.values, s), values, 1e-9);
      }),
      { seed: 7 },
    );
  });

  it("toOriginalUnits turns a fit on standardised x and y into the fit on raw data", () => {
    const xs = line.x as number[];
    const sx = standardize(xs);
    const sy = standardize(line.y);
    const onStandardised = leastSquares(sx.values, sy.values);
    expectClose(toOriginalUnits(onStandardised, sx, sy), leastSquares(xs, line.y), 1e-12);
    const cols = [0, 1].map((j) => standardize((twoFeatures.x as number[][]).map((row) => row[j])));
    const rows = cols[0].values.map((v, i) => [v, cols[1].values[i]]);
    expectClose(toOriginalUnits(leastSquares(rows, twoFeatures.y), cols), leastSquares(twoFeatures.x, twoFeatures.y), 1e-12);
  });

  it("refuses a constant column", () => {
    expect(() => standardize([3, 3, 3])).toThrow(/all equal/);
  });
});

describe("predict and residuals", () => {
  it("residuals are y − predict, one per sample", () => {
    for (const c of cases) {
      const params = Array.from({ length: regressionObjective(c).dim }, (_, j) => 0.2 * j + 0.1);
      const r = residuals(c, params);
      c.dataset.x.forEach((x, i) => expect(r[i]).toBeCloseTo(c.dataset.y[i] - predict(c.model, params, x), 12));
    }
  });

  it("logistic predict is a probability", () => {
    expect(predict({ kind: "logistic" }, [2, -1], 0.5)).toBe(0.5);
    expect(predict({ kind: "logistic" }, [1, 0], -800)).toBe(0);
  });
});

describe("MAE and MSE under an outlier", () => {
  it("one far point raises MSE far more than MAE, and its pull on the MSE gradient grows with its distance", () => {
    const xs = line.x as number[];
    const fit = leastSquares(xs, line.y);
    const withOutlier = (distance: number): DatasetSpec => ({ x: [...xs, 1], y: [...line.y, predict({ kind: "linear" }, fit, 1) + distance] });
    const objective = (loss: LossName, dataset: DatasetSpec) => regressionObjective({ dataset, model: { kind: "linear" }, loss });
    const mseRatio = objective("mse", withOutlier(10)).value(fit) / objective("mse", line).value(fit);
    const maeRatio = objective("mae", withOutlier(10)).value(fit) / objective("mae", line).value(fit);
    expect(mseRatio).toBeGreaterThan(5 * maeRatio);
    // At the old fit only the outlier has a residual: its MSE pull is 2·distance/n, its MAE pull at most 1/n per sample.
    const biasPull = (loss: LossName, distance: number) => {
      const grad = new Float64Array(2);
      objective(loss, withOutlier(distance)).valueAndGrad(Float64Array.from(fit), grad);
      return -grad[1];
    };
    expect(biasPull("mse", 10)).toBeCloseTo((2 * 10) / 9, 9);
    expect(biasPull("mse", 100)).toBeCloseTo(10 * biasPull("mse", 10), 9);
    expect(biasPull("mae", 100)).toBe(biasPull("mae", 10));
    expect(Math.abs(biasPull("mae", 100))).toBeLessThanOrEqual(1);
  });
});

describe("validation errors say what to fix", () => {
  const linear: ModelSpec = { kind: "linear" };
  const cases: [string, () => unknown, RegExp][] = [
    ["y too short", () => regressionObjective({ dataset: { x: [1, 2, 3], y: [1, 2] }, model: linear, loss: "mse" }), /dataset\.y must have one number per sample \(got 2 for 3 samples\)/],
    ["NaN in x", () => regressionObjective({ dataset: { x: [1, NaN], y: [1, 2] }, model: linear, loss: "mse" }), /dataset\.x\[1\] must be a finite number \(got NaN\)/],
    ["NaN in y", () => regressionObjective({ dataset: { x: [1, 2], y: [1, NaN] }, model: linear, loss: "mse" }), /dataset\.y\[1\] must be a finite number/],
    ["ragged rows", () => regressionObjective({ dataset: { x: [[1, 2], [3]], y: [1, 2] }, model: linear, loss: "mse" }), /dataset\.x\[1\] has 1 features but dataset\.x\[0\] has 2/],
    ["empty x", () => regressionObjective({ dataset: { x: [], y: [] }, model: linear, loss: "mse" }), /dataset\.x must be a non-empty array/],
    ["degree 2.5", () => regressionObjective({ dataset: line, model: { kind: "polynomial", degree: 2.5 }, loss: "mse" }), /model\.degree must be an integer from 1 to 12 \(got 2\.5\)/],
    ["degree 13", () => regressionObjective({ dataset: line, model: { kind: "polynomial", degree: 13 }, loss: "mse" }), /from 1 to 12 \(got 13\)/],
    ["polynomial on two features", () => regressionObjective({ dataset: twoFeatures, model: { kind: "polynomial", degree: 2 }, loss: "mse" }), /one feature per sample/],
    ["logistic on real targets", () => regressionObjective({ dataset: line, model: { kind: "logistic" }, loss: "crossEntropy" }), /targets 0 or 1 \(dataset\.y\[0\] is -2\.9\); threshold/],
    ["crossEntropy with linear", () => regressionObjective({ dataset: line, model: linear, loss: "crossEntropy" }), /loss "crossEntropy" does not fit model "linear": .*use model logistic.*; use "mse" or "mae"/],
    ["mse with logistic", () => regressionObjective({ dataset: labels, model: { kind: "logistic" }, loss: "mse" }), /loss "mse" does not fit model "logistic".*use "crossEntropy"/],
    ["unknown loss", () => regressionObjective({ dataset: line, model: linear, loss: "huber" as LossName }), /loss must be "mse", "mae" or "crossEntropy" \(got "huber"\)/],
    ["unknown model", () => regressionObjective({ dataset: line, model: { kind: "ridge" } as unknown as ModelSpec, loss: "mse" }), /model\.kind must be "linear", "polynomial" or "logistic" \(got "ridge"\)/],
    ["wrong params length", () => regressionObjective({ dataset: line, model: linear, loss: "mse" }).value([1, 2, 3]), /params must have 2 numbers, weights then bias \(got 3\)/],
    ["batch index out of range", () => regressionObjective({ dataset: line, model: linear, loss: "mse" }).valueAndGrad(new Float64Array(2), new Float64Array(2), [0, 8]), /batch\[1\] must be a sample index from 0 to 7 \(got 8\)/],
    ["empty batch", () => regressionObjective({ dataset: line, model: linear, loss: "mse" }).valueAndGrad(new Float64Array(2), new Float64Array(2), []), /at least one sample index/],
  ];
  for (const [name, call, message] of cases) it(`rejects ${name}`, () => expect(call).toThrow(message));
});
