import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../../lib/index.js";
import { adamMoments } from "../../../lib/analysis/adamMoments.js";

describe("adamMoments", () => {
  const trace = runOptimizer({ objective: "booth", start: [-6, 7], optimizer: { name: "adam", lr: 0.1 }, steps: 30, recordState: true });

  it("the corrected step is the displacement Adam took, coordinate by coordinate", () => {
    for (const coordinate of [0, 1]) {
      adamMoments(trace, coordinate).forEach((row, k) => {
        expect(trace.path[k][coordinate] - trace.path[k + 1][coordinate]).toBeCloseTo(row.correctedStep, 12);
      });
    }
  });

  it("m̂ and v̂ match the optimizer's own inspect()", () => {
    const rows = adamMoments(trace, 1);
    rows.forEach((row, k) => {
      expect(row.mHat).toBeCloseTo(trace.state!.mHat[k][1], 12);
      expect(row.vHat).toBeCloseTo(trace.state!.vHat[k][1], 12);
    });
  });

  it("without correction the first step is (1−β₁)/√(1−β₂) ≈ 3.16 times larger than η", () => {
    const [first] = adamMoments(trace, 0);
    expect(Math.abs(first.correctedStep)).toBeCloseTo(0.1, 6);
    expect(Math.abs(first.uncorrectedStep) / Math.abs(first.correctedStep)).toBeCloseTo(0.1 / Math.sqrt(0.001), 6);
  });

  it("needs a recorded run", () => {
    expect(() => adamMoments({ ...trace, state: undefined }, 0)).toThrow(/recordState/);
  });
});
