// validateRunSpec: specs arrive as plain JSON, so every mistake must come back as an error naming the field and the fix.
import { describe, expect, it } from "vitest";
import { ExpressionError, runOptimizer, validateRunSpec, type RunSpec } from "../../lib/index.js";
import { lineFit, quadratic } from "./run.fixtures.js";

const valid = { objective: "rosenbrock", start: [-1.5, 2], optimizer: { name: "adam", lr: 0.1 }, steps: 100 };
const withChange = (change: Record<string, unknown>) => () => validateRunSpec({ ...valid, ...change });

describe("validateRunSpec", () => {
  it("accepts a valid spec and returns a clean copy", () => {
    const clean = validateRunSpec(valid);
    expect(clean).toEqual(valid);
    expect(clean.start).not.toBe(valid.start);
  });

  it.each([
    [{ optimizer: { name: "sgd", lr: -0.1 } }, "optimizer.lr must be a positive number (got -0.1)"],
    [{ optimizer: { name: "sgd", lr: NaN } }, "optimizer.lr must be a positive number (got NaN)"],
    [{ optimizer: { name: "sgd", lr: "0.1" } }, 'optimizer.lr must be a positive number (got "0.1")'],
    [{ optimizer: { name: "sgd" } }, "optimizer.lr is required: a positive number"],
    [{ optimizer: { name: "adma", lr: 0.1 } }, 'did you mean "adam"?'],
    [{ optimizer: { name: "adam", betas: [0.9, 1] } }, "optimizer.betas must be two numbers in [0, 1)"],
    [{ optimizer: { name: "adam", weight_decay: 0.1 } }, 'optimizer has no field "weight_decay" — did you mean "weightDecay"?'],
    [{ optimizer: { name: "sgd", lr: 0.1, nesterov: true } }, "optimizer.nesterov needs momentum > 0 and dampening 0"],
    [{ optimizer: { name: "sgd", lr: 0.1, maximize: true } }, "optimizer.maximize must be false"],
    [{ optimizer: [{ name: "sgd" }] }, "optimizer must be an object"],
    [{ steps: 0 }, "steps must be an integer from 1 to 1,000,000 (got 0)"],
    [{ steps: 2.5 }, "steps must be an integer from 1 to 1,000,000 (got 2.5)"],
    [{ steps: "100" }, 'steps must be an integer from 1 to 1,000,000 (got "100")'],
    [{ steps: 1_000_001 }, "steps must be an integer from 1 to 1,000,000"],
    [{ start: [1, "2"] }, 'start[1] must be a finite number (got "2")'],
    [{ start: 3 }, "start must be an array of numbers"],
    [{ schedule: { name: "cosin", tMax: 10 } }, 'did you mean "cosine"?'],
    [{ schedule: { name: "cosine" } }, "schedule.tMax is required"],
    [{ schedule: { name: "step", stepSize: 0 } }, "schedule.stepSize must be a positive integer (got 0)"],
    [{ schedule: { name: "oneCycle", maxLr: 0.1, totalSteps: 50 } }, "schedule.totalSteps (50) must be at least steps (100)"],
    [{ clip: { maxNorm: 1, value: 1 } }, "clip must have exactly one of maxNorm"],
    [{ clip: { maxNorm: -1 } }, "clip.maxNorm must be a positive number (got -1)"],
    [{ swa: { start: 10 } }, "swa.lr is required"],
    [{ stpes: 10 }, 'spec has no field "stpes" — did you mean "steps"?'],
    [{ seed: -1 }, "seed must be an integer from 0"],
  ])("rejects %j", (change, message) => {
    expect(withChange(change)).toThrow(message);
  });

  it("rejects a malformed expression with an ExpressionError naming the field, the column and the fix", () => {
    const run = () => runOptimizer({ ...valid, objective: { expr: "x + sinn(y)" } } as RunSpec);
    expect(run).toThrow(ExpressionError);
    expect(run).toThrow('objective.expr: unknown function "sinn" — did you mean "sin"?');
    try {
      run();
    } catch (error) {
      expect((error as ExpressionError).column).toBe(5);
    }
  });

  it("rejects a start that does not fit a typed expression's dimension (1-D when only x appears)", () => {
    expect(() => runOptimizer({ ...valid, objective: { expr: "x^2" } } as RunSpec)).toThrow("start must have 1 number, one per parameter of the objective (got 2)");
  });

  it("rejects a spec that is not an object, and a missing objective", () => {
    expect(() => validateRunSpec("rosenbrock")).toThrow("spec must be an object");
    expect(() => validateRunSpec({ ...valid, objective: undefined })).toThrow("objective is required");
  });

  it("ignores prototype-pollution keys and leaves Object.prototype alone", () => {
    const spec = JSON.parse('{"objective":{"name":"rosenbrock","__proto__":{"polluted":1}},"start":[0,0],"steps":5,"__proto__":{"steps":-1},"optimizer":{"name":"sgd","lr":0.1,"constructor":{"x":1}}}');
    const clean = validateRunSpec(spec);
    expect(clean.steps).toBe(5);
    expect(Object.keys(clean.objective as object)).toEqual(["name"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("under cyclic and oneCycle the optimizer's lr is not needed (they set it)", () => {
    expect(() => withChange({ optimizer: { name: "sgd" }, schedule: { name: "cyclic", baseLr: 0.01, maxLr: 0.1 } })()).not.toThrow();
  });

  it("checks the start and batchSize against the objective", () => {
    const spec = { ...valid, objective: { expr: "inline" }, optimizer: { name: "sgd" as const, lr: 0.1 } };
    expect(() => runOptimizer({ ...spec, start: [1] }, quadratic([1, 2]))).toThrow("start must have 2 numbers, one per parameter of the objective (got 1)");
    expect(() => runOptimizer({ ...spec, batchSize: 2 }, quadratic([1, 2]))).toThrow("batchSize applies only to dataset objectives");
    expect(() => runOptimizer({ ...spec, batchSize: 2 }, lineFit([1, 2, 3], [1, 2, 3]))).not.toThrow();
  });
});
