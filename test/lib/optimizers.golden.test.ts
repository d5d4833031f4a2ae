// Every optimizer option, every test function, typed expressions and both clippings against PyTorch 1.13's traces (scripts/torch_golden.py).
import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../lib/index.js";
import { expectTraceMatches, fixture, type RunCase } from "../fixtures/torch/replay.js";

describe("optimizers match torch.optim", () => {
  for (const { title, spec, trace } of fixture<RunCase>("optimizers.json")) {
    it(`${title} matches PyTorch`, () => expectTraceMatches(runOptimizer(spec), trace));
  }
});

describe("named test functions and typed expressions match torch autograd", () => {
  for (const { title, spec, trace } of fixture<RunCase>("objectives.json")) {
    it(`${title} matches PyTorch`, () => expectTraceMatches(runOptimizer(spec), trace));
  }
});

describe("clipping matches torch.nn.utils", () => {
  for (const { title, spec, trace } of fixture<RunCase>("clip.json")) {
    it(`${title} matches PyTorch`, () => expectTraceMatches(runOptimizer(spec), trace));
  }
});

describe("the articles' numbers", () => {
  const articles = (name: "sgd" | "adam") => runOptimizer({ objective: "quadratic1d", start: [10], optimizer: { name, lr: 0.1 }, steps: 20 });
  it("sgd({lr: 0.1}) on x² from 10 ends at 10·0.8²⁰ ≈ 0.1153 after 20 steps", () => {
    expect(articles("sgd").path[20][0]).toBeCloseTo(10 * 0.8 ** 20, 12);
  });
  it("adam({lr: 0.1}) on x² from 10 is still near 8.03 after 20 steps", () => {
    expect(articles("adam").path[20][0]).toBeCloseTo(8.0267, 4);
  });
});
