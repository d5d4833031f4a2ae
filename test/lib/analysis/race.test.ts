import { describe, expect, it } from "vitest";
import { evidence, race, raceThreshold, standardRacers } from "../../../lib/analysis/race.js";
import { lrCandidates, tuneLr } from "../../../lib/analysis/tuning.js";
import { runOptimizer } from "../../../lib/index.js";

describe("tuneLr", () => {
  it("candidates run from 0.001 to 10, three per decade", () => {
    expect(lrCandidates).toEqual([0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10]);
  });

  it("tuneLr picks the η that ends lowest and never one that diverges", () => {
    const { lr, tried } = tuneLr({ objective: "quadratic1d", start: [10], steps: 20 }, { name: "sgd" });
    // On x², η = 0.5 lands on the minimum in one step; η ≥ 1 diverges or oscillates forever.
    expect(lr).toBe(0.5);
    expect(tried.find((t) => t.lr === 5)!.finalLoss).toBeGreaterThan(1e30);
  });
});

describe("race", () => {
  it("runs every racer for the same budget with its own lr", () => {
    const entries = race({ objective: "booth", start: [-8, 8], steps: 50 }, standardRacers);
    expect(entries.map((e) => e.label)).toEqual(["GD", "Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam"]);
    for (const e of entries) {
      expect(e.tuned).toBe(true);
      expect(e.trace.lr.every((lr) => lr === e.lr)).toBe(true);
      expect(e.trace.path.length).toBeLessThanOrEqual(51);
    }
  });

  it("keeps a racer's own lr", () => {
    const [entry] = race({ objective: "booth", start: [0, 0], steps: 5 }, [{ label: "GD", optimizer: { name: "sgd", lr: 0.01 } }]);
    expect(entry).toMatchObject({ lr: 0.01, tuned: false });
  });

  it("evidence counts steps to the threshold and reports the final loss", () => {
    const trace = runOptimizer({ objective: "quadratic1d", start: [10], optimizer: { name: "sgd", lr: 0.1 }, steps: 20 });
    // loss 100·0.64ᵏ ≤ 1 first at k = 11.
    expect(evidence(trace, 1)).toEqual({ stepsToThreshold: 11, finalLoss: trace.loss[20], diverged: false });
    expect(evidence(trace, 1e-9).stepsToThreshold).toBeNull();
  });

  it("raceThreshold sits above the known minimum, or the best loss reached", () => {
    const entries = race({ objective: "quadratic1d", start: [10], steps: 20 }, [{ label: "GD", optimizer: { name: "sgd", lr: 0.1 } }]);
    expect(raceThreshold(entries, 1e-3, 0)).toBe(1e-3);
    expect(raceThreshold(entries, 1e-3)).toBeCloseTo(entries[0].trace.loss[20] + 1e-3, 12);
  });
});
