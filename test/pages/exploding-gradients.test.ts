// The claims the Exploding and vanishing gradients page makes (001 §爆炸和消失, with its mistakes corrected),
// computed by lib/ as the page computes them.
import { describe, expect, it } from "vitest";
import { runOptimizer, clipByGlobalNorm, l2Norm } from "../../lib/index.js";
import { chainObjective, layerGradientNorms, layerNorms, perLayerFactor } from "../../lib/analysis/deepChain.js";
import { testFunctions } from "../../lib/objectives/testFunctions.js";
import type { ChainSpec } from "../../lib/analysis/deepChain.js";
import type { RunSpec } from "../../lib/types.js";
import { coarseLogDomain } from "../../src/components/coarseDomain.js";
import { stickyDomain } from "../../src/components/stickyDomain.js";

const chain = (spec: Partial<ChainSpec>): ChainSpec => ({ depth: 20, width: 8, activation: "linear", weightScale: 1.5, seed: 1, ...spec });

describe("a deep chain", () => {
  it("a linear chain's signal grows by about the weight scale per layer: > 1 explodes, < 1 vanishes", () => {
    for (const s of [0.5, 1.5, 2, 3]) {
      const factor = perLayerFactor(layerGradientNorms(chain({ weightScale: s, depth: 40 })));
      expect(factor).toBeGreaterThan(s * 0.75);
      expect(factor).toBeLessThan(s * 1.25);
    }
  });
  it("sigmoid at scale 1 with 30 layers: the signal shrinks by 4 or more per layer", () => {
    expect(perLayerFactor(layerGradientNorms(chain({ activation: "sigmoid", weightScale: 1, depth: 30 })))).toBeLessThanOrEqual(0.25);
  });
  it("tanh with large weights saturates and vanishes too", () => {
    expect(perLayerFactor(layerGradientNorms(chain({ activation: "tanh", weightScale: 4, depth: 30 })))).toBeLessThan(0.95);
  });
});

describe("symptoms and clipping", () => {
  const train = (clip?: RunSpec["clip"]) => {
    const objective = chainObjective(chain({}));
    return runOptimizer({ objective: { expr: "0" }, start: Array.from(objective.initial), optimizer: { name: "sgd", lr: 0.01 }, steps: 60, clip }, objective);
  };
  it("at the page's defaults, unclipped training turns the loss into NaN within a few steps", () => {
    const trace = train();
    expect(trace.stop.reason).toBe("diverged");
    expect(trace.stop.step).toBeLessThan(5);
  });
  it("clipped to norm 5 (001's threshold), the same training takes all its steps and lowers the loss", () => {
    const trace = train({ maxNorm: 5 });
    expect(trace.stop.reason).toBe("maxSteps");
    expect(trace.loss.at(-1)!).toBeLessThan(trace.loss[0] / 100);
  });
  it("clipping by norm scales every layer by one factor: the ratio between layers is unchanged", () => {
    const objective = chainObjective(chain({}));
    const grad = new Float64Array(objective.dim);
    objective.valueAndGrad(objective.initial, grad);
    const before = layerNorms(chain({}), grad);
    clipByGlobalNorm(grad, 5);
    expect(l2Norm(grad)).toBeCloseTo(5, 4);
    const after = layerNorms(chain({}), grad);
    after.forEach((a, i) => expect(a / before[i]).toBeCloseTo(after[0] / before[0], 10));
  });
  it("clipping leaves a vanishing gradient untouched", () => {
    const spec = chain({ activation: "sigmoid", weightScale: 1, depth: 30 });
    const objective = chainObjective(spec);
    const grad = new Float64Array(objective.dim);
    objective.valueAndGrad(objective.initial, grad);
    const before = Float64Array.from(grad);
    clipByGlobalNorm(grad, 5);
    expect(Array.from(grad)).toEqual(Array.from(before));
    expect(layerNorms(spec, grad)[0]).toBeLessThan(1e-15);
  });
});

describe("the cliff", () => {
  const spec: RunSpec = { objective: "cliff", start: [-2.5, 1.5], optimizer: { name: "sgd", lr: 0.3 }, steps: 150 };
  const longestJump = (path: number[][]) => Math.max(...path.slice(1).map((p, i) => Math.hypot(p[0] - path[i][0], p[1] - path[i][1])));
  it("the wall's slope is height/(4·width) = 5000", () => {
    const { height, width } = testFunctions.cliff.params;
    expect(height / (4 * width)).toBe(5000);
  });
  it("unclipped, one step at the wall throws the point hundreds of units away", () => {
    expect(longestJump(runOptimizer(spec).path)).toBeGreaterThan(100);
  });
  it("clipped by norm 5 or by value 5, no step is longer than ηc (by norm) or ηc√2 (by value)", () => {
    expect(longestJump(runOptimizer({ ...spec, clip: { maxNorm: 5 } }).path)).toBeLessThanOrEqual(0.3 * 5 + 1e-9);
    expect(longestJump(runOptimizer({ ...spec, clip: { value: 5 } }).path)).toBeLessThanOrEqual(0.3 * 5 * Math.SQRT2 + 1e-9);
  });
});

describe("the charts' axes", () => {
  it("a log axis in whole decades keeps its domain while the norms fit and fill it, and jumps when they do not", () => {
    expect(coarseLogDomain([0.3, 2e6])).toEqual([0.1, 1e7]);
    const axis = stickyDomain({ log: true });
    const first = axis([0.1, 1e7]);
    expect(first[0]).toBeLessThanOrEqual(0.1);
    expect(first[1]).toBeGreaterThanOrEqual(1e7);
    expect(Number.isInteger(Math.log10(first[0])) && Number.isInteger(Math.log10(first[1]))).toBe(true);
    expect(axis([1, 1e6])).toBe(first); // fits and fills most of it: the same axes
    expect(axis([1e-10, 1e20])).not.toBe(first); // does not fit
    const wide = axis([1e-10, 1e20]);
    expect(axis([1, 10])).not.toBe(wide); // fits, but fills too little of it
  });
});
