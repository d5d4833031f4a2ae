import { describe, expect, it } from "vitest";
import { leastAbsoluteDeviations } from "../../../lib/analysis/leastAbsoluteDeviations.js";
import { regressionObjective } from "../../../lib/objectives/regression.js";
import { runOptimizer } from "../../../lib/run.js";

const x = [0, 1, 2, 3, 4, 5, 6];
const y = [1.1, 2.9, 5.2, 7.1, 8.8, 11.2, 40]; // a line 2x + 1, with the last point far off

describe("leastAbsoluteDeviations(x, y)", () => {
  it("is not beaten by any nearby line (the MAE is convex; check a ring of neighbours)", () => {
    const [w, b] = leastAbsoluteDeviations(x, y);
    const mae = regressionObjective({ dataset: { x, y }, model: { kind: "linear" }, loss: "mae" });
    const best = mae.value([w, b]);
    for (let k = 0; k < 32; k++) {
      const a = (2 * Math.PI * k) / 32;
      expect(mae.value([w + 0.01 * Math.cos(a), b + 0.01 * Math.sin(a)])).toBeGreaterThanOrEqual(best - 1e-12);
    }
  });

  it("ignores how far the outlier is, unlike least squares", () => {
    const near = leastAbsoluteDeviations(x, y);
    const far = leastAbsoluteDeviations(x, [...y.slice(0, -1), 4000]);
    expect(far[0]).toBeCloseTo(near[0], 12);
    expect(far[1]).toBeCloseTo(near[1], 12);
    expect(near[0]).toBeCloseTo(2, 0);
  });

  it("agrees with subgradient descent on the MAE (lr decaying as 1/t)", () => {
    const [w, b] = leastAbsoluteDeviations(x, y);
    const trace = runOptimizer({
      objective: { dataset: { x, y }, model: { kind: "linear" }, loss: "mae" },
      start: [0, 0],
      optimizer: { name: "sgd", lr: 1 },
      schedule: { name: "linear", startFactor: 1, endFactor: 0.001, totalIters: 20000 },
      steps: 20000,
    });
    const mae = regressionObjective({ dataset: { x, y }, model: { kind: "linear" }, loss: "mae" });
    expect(trace.loss.at(-1)!).toBeCloseTo(mae.value([w, b]), 2);
  });

  it("says what is wrong with its input", () => {
    expect(() => leastAbsoluteDeviations([1, 2], [1])).toThrow(/one number per sample/);
    expect(() => leastAbsoluteDeviations([[1, 2]] as unknown as number[], [1])).toThrow(/one feature/);
  });
});
