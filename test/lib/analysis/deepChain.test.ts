import { describe, expect, it } from "vitest";
import { chainObjective, layerGradientNorms, perLayerFactor } from "../../../lib/analysis/deepChain.js";

describe("chainObjective", () => {
  it("backpropagates the exact gradient (central differences agree)", () => {
    for (const activation of ["tanh", "sigmoid", "linear"] as const) {
      const chain = chainObjective({ depth: 4, width: 3, activation, weightScale: 1.3, seed: 7 });
      const w = Float64Array.from(chain.initial);
      const grad = new Float64Array(chain.dim);
      chain.valueAndGrad(w, grad);
      for (const k of [0, 5, 17, chain.dim - 1]) {
        const h = 1e-6;
        const plus = Float64Array.from(w), minus = Float64Array.from(w);
        plus[k] += h;
        minus[k] -= h;
        expect(grad[k]).toBeCloseTo((chain.value(plus) - chain.value(minus)) / (2 * h), 6);
      }
    }
  });

  it("layer norms are the norms of each layer's block of the full gradient", () => {
    const chain = chainObjective({ depth: 5, width: 4, activation: "tanh", weightScale: 1, seed: 3 });
    const grad = new Float64Array(chain.dim);
    chain.valueAndGrad(chain.initial, grad);
    chain.layerGradients(chain.initial).forEach(({ layer, gradNorm }) => {
      const block = grad.subarray((layer - 1) * 16, layer * 16);
      expect(gradNorm).toBeCloseTo(Math.hypot(...block), 12);
    });
  });

  it("is seeded: the same spec gives the same weights", () => {
    const spec = { depth: 3, width: 2, activation: "sigmoid" as const, weightScale: 1, seed: 11 };
    expect(Array.from(chainObjective(spec).initial)).toEqual(Array.from(chainObjective(spec).initial));
  });

  it("rejects a bad depth, width or scale with a readable message", () => {
    expect(() => chainObjective({ depth: 0, width: 2, activation: "tanh", weightScale: 1 })).toThrow(/depth must be a positive integer/);
    expect(() => chainObjective({ depth: 2, width: 2, activation: "tanh", weightScale: -1 })).toThrow(/weightScale/);
  });
});

describe("layerGradientNorms", () => {
  it("a sigmoid chain's error signal shrinks by at least 4× per layer at scale 1 (σ′ ≤ 1/4)", () => {
    const g = layerGradientNorms({ depth: 30, width: 8, activation: "sigmoid", weightScale: 1, seed: 1 });
    expect(perLayerFactor(g)).toBeLessThan(0.25);
    expect(g[0].gradNorm / g[29].gradNorm).toBeLessThan(1e-15);
  });
  it("a linear chain with weights scaled by 2 explodes: the signal roughly doubles per layer", () => {
    const g = layerGradientNorms({ depth: 30, width: 8, activation: "linear", weightScale: 2, seed: 1 });
    expect(perLayerFactor(g)).toBeGreaterThan(1.5);
    expect(g[0].gradNorm).toBeGreaterThan(1e12);
  });
});
