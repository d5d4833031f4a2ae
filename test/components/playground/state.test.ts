import { describe, expect, it } from "vitest";
import { runOptimizer } from "../../../lib/index.js";
import { runsToCsv, runsToJson } from "../../../src/components/playground/exporters.js";
import { defaultOptimizer, defaultSchedule, runError, withDefaults } from "../../../src/components/playground/RunsEditor.js";
import { decodeState, defaultState, encodeState, fitStart, parseState, runSpec, type PlaygroundState } from "../../../src/components/playground/state.js";

const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");

describe("encodeState / decodeState", () => {
  it("round-trips a state exactly, including non-ASCII text", () => {
    const state: PlaygroundState = {
      expr: "sin(x) * cos(y) + 0.1*(x^2 + y^2)",
      view: { x: [-3, 3], y: [-2.5, 2.5] },
      start: [1.25, -0.5],
      runs: [
        { optimizer: { name: "sgd", lr: 0.1, momentum: 0.9, nesterov: true }, steps: 200, clip: { maxNorm: 5 } },
        { optimizer: { name: "adam", lr: 0.05, betas: [0.8, 0.99] }, steps: 300, schedule: { name: "cosineWarmRestarts", t0: 50, tMult: 2 } },
      ],
    };
    const fragment = encodeState(state);
    expect(fragment).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeState(`#${fragment}`)).toEqual({ state });
  });

  it("an empty fragment gives the default without a message", () => {
    expect(decodeState("")).toEqual({ state: defaultState });
    expect(decodeState("#")).toEqual({ state: defaultState });
  });

  it.each([
    ["not base64url", "<script>alert(1)</script>", "not base64url"],
    ["not JSON", base64url("{expr: x}"), "not valid JSON"],
    ["too long", "A".repeat(9000), "too long"],
    ["an array", base64url("[1,2]"), "must be an object"],
    ["code as the loss", base64url(JSON.stringify({ ...defaultState, expr: "alert(document.cookie)" })), "does not parse"],
    ["an extra field", base64url(JSON.stringify({ ...defaultState, __proto__x: 1 })), 'unknown field "__proto__x"'],
    ["a prototype key", base64url('{"__proto__":{"polluted":1},"expr":"x^2"}'), 'unknown field "__proto__"'],
    ["an empty window", base64url(JSON.stringify({ ...defaultState, view: { x: [1, 1], y: [0, 1] } })), "view must be"],
    ["a start of the wrong size", base64url(JSON.stringify({ ...defaultState, start: [1] })), "start must have 2 numbers"],
    ["no runs", base64url(JSON.stringify({ ...defaultState, runs: [] })), "runs must be a list of 1 to 6"],
    ["a negative lr", base64url(JSON.stringify({ ...defaultState, runs: [{ optimizer: { name: "adam", lr: -1 }, steps: 5 }] })), "run 1: optimizer.lr must be"],
    ["too many steps", base64url(JSON.stringify({ ...defaultState, runs: [{ optimizer: { name: "adam" }, steps: 1e6 }] })), "at most 5000"],
    ["an unknown optimizer", base64url(JSON.stringify({ ...defaultState, runs: [{ optimizer: { name: "lion" }, steps: 5 }] })), "run 1:"],
  ])("a link with %s falls back to the default and says why", (_, fragment, reason) => {
    const decoded = decodeState(`#${fragment}`);
    expect(decoded.state).toEqual(defaultState);
    expect(decoded.error).toContain(reason);
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("parseState", () => {
  it("keeps only the known fields of each run (validateRunSpec's clean copy)", () => {
    const state = parseState({ ...defaultState, runs: [{ optimizer: { name: "sgd", lr: 0.1 }, steps: 10 }] });
    expect(state.runs).toEqual([{ optimizer: { name: "sgd", lr: 0.1 }, steps: 10 }]);
  });

  it("accepts a function of x alone with a one-number start", () => {
    expect(parseState({ ...defaultState, expr: "x^4 - x", start: [2] }).start).toEqual([2]);
  });
});

describe("runSpec and fitStart", () => {
  it("runSpec is what runOptimizer takes: the default runs all finish", () => {
    for (const run of defaultState.runs) {
      const trace = runOptimizer(runSpec(defaultState, run));
      expect(trace.path).toHaveLength(run.steps + 1);
    }
  });

  it("fitStart keeps x for a 1-D function and adds y = 0 for a 2-D one", () => {
    expect(fitStart([1, 2], 1)).toEqual([1]);
    expect(fitStart([1], 2)).toEqual([1, 0]);
    expect(fitStart([1, 2], 2)).toEqual([1, 2]);
  });
});

describe("runs editor model", () => {
  it("every optimizer's and schedule's defaults pass validateRunSpec", () => {
    for (const name of ["sgd", "momentum", "adam", "adamw", "rmsprop", "adagrad", "adadelta"] as const) {
      expect(runError({ optimizer: defaultOptimizer(name), steps: 100 })).toBeUndefined();
    }
    for (const name of ["step", "multiStep", "exponential", "cosine", "cosineWarmRestarts", "cyclic", "oneCycle", "linear", "reduceOnPlateau"] as const) {
      expect(runError({ optimizer: defaultOptimizer("sgd"), schedule: defaultSchedule(name, 100), steps: 100 }), name).toBeUndefined();
    }
  });

  it("withDefaults fills PyTorch's defaults, so the run computes the same path", () => {
    const run = { optimizer: { name: "adam" as const, lr: 0.05 }, steps: 50 };
    const filled = withDefaults(run);
    expect(filled.optimizer).toEqual({ name: "adam", lr: 0.05, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false });
    expect(runOptimizer(runSpec(defaultState, filled)).path).toEqual(runOptimizer(runSpec(defaultState, run)).path);
  });

  it("runError names the field, and NaN from an emptied field is refused", () => {
    expect(runError({ optimizer: { name: "sgd", lr: NaN }, steps: 10 })).toMatch(/lr/);
    expect(runError({ optimizer: { name: "sgd", lr: 0.1 }, steps: 0 })).toMatch(/steps/);
  });
});

describe("exports", () => {
  const spec = runSpec({ expr: "x^2 + y^2", start: [1, 1] }, { optimizer: { name: "sgd", lr: 0.1 }, steps: 3 });
  const runs = [{ label: "Run 1", spec, trace: runOptimizer(spec) }];

  it("runsToCsv has one row per point, with the step's lr and gradient norm", () => {
    const rows = runsToCsv(runs).trim().split("\n");
    expect(rows[0]).toBe("run,optimizer,step,x,y,loss,lr,gradNorm");
    expect(rows).toHaveLength(1 + 4);
    expect(rows[1]).toBe(`"Run 1","sgd",0,1,1,2,0.1,${Math.SQRT2 * 2}`);
    expect(rows[4]).toMatch(/^"Run 1","sgd",3,0\.512,0\.512,0\.524288\d*,,$/);
  });

  it("runsToJson keeps the spec (replayable) and writes non-finite numbers as text", () => {
    const diverging = runSpec({ expr: "x^2 + y^2", start: [1, 1] }, { optimizer: { name: "sgd", lr: 1e6 }, steps: 100 });
    const [exported] = JSON.parse(runsToJson([{ label: "Run 1", spec: diverging, trace: runOptimizer(diverging) }]));
    expect(exported.spec).toEqual(diverging);
    expect(runOptimizer(exported.spec).stop.reason).toBe("diverged");
    expect(JSON.stringify(exported.trace)).not.toContain("null");
  });
});
