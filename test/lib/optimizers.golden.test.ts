// Every optimizer option, every test function, typed expressions and both clippings against PyTorch 1.13's traces (scripts/torch_golden.py).
import { describe, it } from "vitest";
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
