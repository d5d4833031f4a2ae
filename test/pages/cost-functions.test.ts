// The claims of the Cost functions and regression page (seed 002 §4–9), computed by lib/ on the page's real data.
import { readFileSync } from "node:fs";
import { autoType, csvParse } from "d3";
import { describe, expect, it } from "vitest";
import { leastAbsoluteDeviations } from "../../lib/analysis/leastAbsoluteDeviations.js";
import { fitPolynomial, largestGap } from "../../lib/analysis/polynomialFit.js";
import { mseConditioning } from "../../lib/analysis/regressionConditioning.js";
import { leastSquares, predict, regressionObjective, standardize, toOriginalUnits } from "../../lib/objectives/regression.js";
import { runOptimizer } from "../../lib/run.js";

const rows = (file: string) => csvParse(readFileSync(new URL(`../../data/${file}`, import.meta.url), "utf8"), autoType) as unknown as Record<string, number>[];
const cheese = rows("cheese-display.csv");
const x = cheese.map((d) => d.display);
const y = cheese.map((d) => d.volume / 1000);
const cars = rows("cars93.csv");
const hp = cars.map((d) => d.horsepower);
const mpg = cars.map((d) => d.mpg_city);
const line = (p: number[]) => (v: number) => predict({ kind: "linear" }, p, v);

describe("the data", () => {
  it("is the store whose display–sales correlation is 0.85, as the page says", () => {
    expect(x).toHaveLength(61);
    expect(leastSquares(standardize(x).values, standardize(y).values)[0]).toBeCloseTo(0.85, 2);
  });
});

describe("MAE and MSE under the reader's extra week", () => {
  it("the default extra week (display 0.5, 15 thousand units) moves the MSE line several times as far as the MAE line", () => {
    const shift = (fit: (xs: number[], ys: number[]) => number[]) =>
      largestGap(line(fit([...x, 0.5], [...y, 15])), line(fit(x, y)), [0, 1]);
    const mse = shift(leastSquares);
    const mae = shift(leastAbsoluteDeviations);
    expect(mse).toBeGreaterThan(3 * mae);
    expect(mse).toBeGreaterThan(0.4);
  });

  it("the extra week makes up over twice the share of the squared-error total than of the absolute-error total", () => {
    const [xs, ys] = [[...x, 0.5], [...y, 15]];
    const share = (p: number[], penalty: (r: number) => number) => {
      const all = xs.map((v, i) => penalty(ys[i] - line(p)(v)));
      return all.at(-1)! / all.reduce((a, b) => a + b, 0);
    };
    expect(share(leastSquares(xs, ys), (r) => r * r)).toBeGreaterThan(2 * share(leastAbsoluteDeviations(xs, ys), Math.abs));
  });

  it("moving the outlier further keeps moving the MSE line; the MAE line stays where it was", () => {
    const fitAt = (fit: (xs: number[], ys: number[]) => number[], h: number) => fit([...x, 0.08], [...y, h]);
    expect(fitAt(leastSquares, 16)[1]).toBeGreaterThan(fitAt(leastSquares, 12)[1] + 0.05);
    expect(fitAt(leastAbsoluteDeviations, 16)).toEqual(fitAt(leastAbsoluteDeviations, 12));
  });
});

describe("linear regression by descent", () => {
  it("descent on standardised display reaches R's lm line, volume ≈ 1881.65 + 10172.14 · display", () => {
    const scale = standardize(x);
    const trace = runOptimizer({ objective: { dataset: { x: scale.values, y }, model: { kind: "linear" }, loss: "mse" }, start: [0, 0], optimizer: { name: "sgd", lr: 0.3 }, steps: 60 });
    const [w, b] = toOriginalUnits(trace.path.at(-1)!, scale);
    expect(w * 1000).toBeCloseTo(10172.14071405, 3);
    expect(b * 1000).toBeCloseTo(1881.64853165, 3);
  });

  it("the loss falls at every step at the page's default η", () => {
    const trace = runOptimizer({ objective: { dataset: { x, y }, model: { kind: "linear" }, loss: "mse" }, start: [0, 0], optimizer: { name: "sgd", lr: 0.3 }, steps: 60 });
    for (let k = 1; k < trace.loss.length; k++) expect(trace.loss[k]).toBeLessThanOrEqual(trace.loss[k - 1]);
  });
});

describe("descent on MAE instead of MSE", () => {
  it("reaches the exact MAE line's neighbourhood, but its gradient never shrinks, unlike the MSE's", () => {
    const z = standardize(x).values;
    const run = (loss: "mse" | "mae") => runOptimizer({ objective: { dataset: { x: z, y }, model: { kind: "linear" }, loss }, start: [0, 0], optimizer: { name: "sgd", lr: 0.3 }, steps: 200 });
    const [mse, mae] = [run("mse"), run("mae")];
    expect(mse.gradNorm.at(-1)!).toBeLessThan(1e-6);
    expect(Math.min(...mae.gradNorm.slice(-20))).toBeGreaterThan(0.01);
    const best = regressionObjective({ dataset: { x: z, y }, model: { kind: "linear" }, loss: "mae" }).value(leastAbsoluteDeviations(z, y));
    expect(mae.loss.at(-1)!).toBeLessThan(1.02 * best);
  });
});

describe("standardising the feature", () => {
  it("makes the MSE bowl round (condition 15 → 1) and descent at η = 0.3 several times faster", () => {
    const raw = mseConditioning(x);
    const std = mseConditioning(standardize(x).values);
    expect(raw.condition).toBeCloseTo(14.85, 1);
    expect(std.condition).toBeCloseTo(1, 10);
    const steps = (xs: number[]) => {
      const o = regressionObjective({ dataset: { x: xs, y }, model: { kind: "linear" }, loss: "mse" });
      return runOptimizer({ objective: { dataset: { x: xs, y }, model: { kind: "linear" }, loss: "mse" }, start: [0, 0], optimizer: { name: "sgd", lr: 0.3 }, steps: 5000, tolerance: 1.01 * o.value(leastSquares(xs, y)) }).stop;
    };
    const [rawStop, stdStop] = [steps(x), steps(standardize(x).values)];
    expect(rawStop.reason).toBe("tolerance");
    expect(stdStop.reason).toBe("tolerance");
    expect(rawStop.step).toBeGreaterThan(5 * stdStop.step);
  });

  it("display in percent would shrink the largest stable η by orders of magnitude", () => {
    expect(mseConditioning(x.map((v) => 100 * v)).maxStableLr).toBeLessThan(1e-3);
    expect(mseConditioning(x).maxStableLr).toBeGreaterThan(0.9);
  });
});

describe("polynomial regression on Cars93", () => {
  it("a curve fits better than a line (R² 0.452 linear, 0.618 quadratic, as R's lm)", () => {
    const mean = mpg.reduce((a, b) => a + b, 0) / mpg.length;
    const total = mpg.reduce((s, v) => s + (v - mean) ** 2, 0);
    const r2 = (d: number) => 1 - hp.reduce((s, h, i) => s + (mpg[i] - fitPolynomial(hp, mpg, d)(h)) ** 2, 0) / total;
    expect(r2(1)).toBeCloseTo(0.452, 3);
    expect(r2(2)).toBeCloseTo(0.618, 3);
    expect(r2(8)).toBeGreaterThan(r2(2));
  });

  it("is more sensitive to one outlier at high degree: the default extra car moves degree 8 more than a line", () => {
    const range: [number, number] = [Math.min(...hp), Math.max(...hp)];
    const shift = (d: number) => largestGap(fitPolynomial([...hp, 290], [...mpg, 44], d), fitPolynomial(hp, mpg, d), range);
    expect(shift(8)).toBeGreaterThan(2 * shift(1));
  });
});
