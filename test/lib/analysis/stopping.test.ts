import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../../lib/index.js";
import { lastImprovement } from "../../../lib/analysis/stopping.js";

describe("lastImprovement", () => {
  it("is the step of the last loss that beat the best so far by more than minDelta", () => {
    expect(lastImprovement([5, 4, 4.5, 3.95, 3.5, 3.6])).toBe(4);
    expect(lastImprovement([5, 4, 4.5, 3.95, 3.5, 3.6], 0.1)).toBe(4);
    expect(lastImprovement([5, 4, 4.5, 3.95, 3.96], 0.1)).toBe(1);
    expect(lastImprovement([1, 2, 3])).toBe(0);
  });

  it("agrees with runOptimizer: early stopping fires `patience` steps after it", () => {
    const run = runOptimizer({ objective: { expr: "x^2 + 0.3*sin(9*x)" }, start: [2], optimizer: { name: "sgd", lr: 0.09 }, steps: 500, earlyStopping: { patience: 7, minDelta: 1e-3 } });
    expect(run.stop.reason).toBe("earlyStopping");
    expect(run.stop.step - lastImprovement(run.loss, 1e-3)).toBe(7);
  });
});
