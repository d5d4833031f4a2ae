import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../../lib/index.js";
import type { Trace } from "../../../lib/types.js";
import { classifyLossCurve, stepReversals } from "../../../lib/analysis/lossCurve.js";

const parabola = (lr: number, steps = 50) => runOptimizer({ objective: { expr: "x^2" }, start: [10], optimizer: { name: "sgd", lr }, steps });

/** A hand-made trace: only loss, path and stop matter to the classifier. */
function trace(loss: number[], path = loss.map((_, i) => [-i]), stop: Trace["stop"] = { reason: "maxSteps", step: loss.length - 1, message: "" }): Trace {
  return { loss, path, lr: [], gradNorm: [], events: [], stop };
}

describe("classifyLossCurve", () => {
  it("reads descent on x² with η = 0.01, 0.1, 0.75, 1.5 as slow, converging, oscillating, diverging", () => {
    expect([0.01, 0.1, 0.75, 1.5].map((lr) => classifyLossCurve(parabola(lr)).regime)).toEqual(["slow", "converging", "oscillating", "diverging"]);
  });

  it("calls a run that overflowed diverging and names the step", () => {
    const reading = classifyLossCurve(trace([1, 10], undefined, { reason: "diverged", step: 2, message: "" }));
    expect(reading).toEqual({ regime: "diverging", evidence: "the loss left the finite numbers: diverged at step 2" });
  });

  it("calls a loss that ends above its start diverging even while finite", () => {
    expect(classifyLossCurve(trace([1, 0.5, 2])).regime).toBe("diverging");
  });

  it("looks at the steps, not the loss, for oscillation: a loss that falls steadily can still oscillate", () => {
    const flipping = trace([4, 2, 1, 0.5, 0.25], [[2], [-1.4], [1], [-0.7], [0.5]]);
    expect(classifyLossCurve(flipping).regime).toBe("oscillating");
    expect(classifyLossCurve(trace([4, 2, 1, 0.5, 0.25], [[2], [1.4], [1], [0.7], [0.5]])).regime).not.toBe("oscillating");
  });

  it("a curve that has flattened is converging; one still falling at the end is slow", () => {
    expect(classifyLossCurve(trace([10, 1, 0.1, 0.01, 0.001, 0.001, 0.001, 0.001, 0.001])).regime).toBe("converging");
    expect(classifyLossCurve(trace([10, 9, 8, 7, 6, 5, 4, 3, 2])).regime).toBe("slow");
  });

  it("reaching exactly zero is converging (η = 1/L lands on the minimum in one step)", () => {
    expect(classifyLossCurve(parabola(0.5)).regime).toBe("converging");
  });
});

describe("stepReversals", () => {
  it("finds the coordinate that bounces in a 2-D path and skips zero steps", () => {
    const path = [[0, 1], [1, -1], [2, 1], [2, 1], [3, -1]];
    expect(stepReversals(path)).toEqual({ coordinate: "y", reversed: 2, pairs: 2 });
  });
});
