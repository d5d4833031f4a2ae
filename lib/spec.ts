// Validation of run specs that arrive as plain JSON (from URLs): each error names the field and how to fix it.
import type { ClipSpec, OptimizerSpec, RunSpec, ScheduleSpec } from "./types.js";

export const MAX_STEPS = 1_000_000;

type Json = Record<string, unknown>;
type Check = (value: unknown) => boolean;

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const positive: Check = (v) => isNumber(v) && v > 0;
const nonNegative: Check = (v) => isNumber(v) && v >= 0;
const unit: Check = (v) => isNumber(v) && v >= 0 && v < 1; // [0, 1)
const closedUnit: Check = (v) => isNumber(v) && v >= 0 && v <= 1;
const positiveInteger: Check = (v) => Number.isInteger(v) && (v as number) >= 1;
const nonNegativeInteger: Check = (v) => Number.isInteger(v) && (v as number) >= 0;
const boolean: Check = (v) => typeof v === "boolean";
const oneOf = (...values: string[]): Check => (v) => values.includes(v as string);

/** A rule for one field: the check, and the phrase completing "<field> must be …". */
type Rule = [check: Check, expected: string];

const POSITIVE: Rule = [positive, "a positive number"];
const NON_NEGATIVE: Rule = [nonNegative, "a number ≥ 0"];
const UNIT: Rule = [unit, "a number in [0, 1)"];
const CLOSED_UNIT: Rule = [closedUnit, "a number in [0, 1]"];
const POSITIVE_INTEGER: Rule = [positiveInteger, "a positive integer"];
const NON_NEGATIVE_INTEGER: Rule = [nonNegativeInteger, "an integer ≥ 0"];
const BOOLEAN: Rule = [boolean, "true or false"];
const BETAS: Rule = [(v) => Array.isArray(v) && v.length === 2 && v.every(unit), "two numbers in [0, 1), like [0.9, 0.999]"];

/** The fields of each optimizer besides name and lr. */
const optimizerRules: Record<OptimizerSpec["name"], Record<string, Rule>> = {
  sgd: { momentum: NON_NEGATIVE, dampening: CLOSED_UNIT, nesterov: BOOLEAN, weightDecay: NON_NEGATIVE, maximize: [(v) => v === false, "false (negate the objective to maximise)"] },
  momentum: { beta: UNIT },
  adam: { betas: BETAS, eps: NON_NEGATIVE, weightDecay: NON_NEGATIVE, amsgrad: BOOLEAN },
  adamw: { betas: BETAS, eps: NON_NEGATIVE, weightDecay: NON_NEGATIVE, amsgrad: BOOLEAN },
  rmsprop: { alpha: CLOSED_UNIT, eps: NON_NEGATIVE, momentum: NON_NEGATIVE, centered: BOOLEAN, weightDecay: NON_NEGATIVE },
  adagrad: { lrDecay: NON_NEGATIVE, initialAccumulatorValue: NON_NEGATIVE, eps: NON_NEGATIVE, weightDecay: NON_NEGATIVE },
  adadelta: { rho: CLOSED_UNIT, eps: NON_NEGATIVE, weightDecay: NON_NEGATIVE },
};

/** The fields of each schedule besides name; required ones are listed in scheduleRequired. */
const scheduleRules: Record<ScheduleSpec["name"], Record<string, Rule>> = {
  constant: {},
  step: { stepSize: POSITIVE_INTEGER, gamma: POSITIVE },
  multiStep: { milestones: [(v) => Array.isArray(v) && v.every(positiveInteger), "an array of positive integers (steps)"], gamma: POSITIVE },
  exponential: { gamma: POSITIVE },
  cosine: { tMax: POSITIVE, etaMin: NON_NEGATIVE },
  cosineWarmRestarts: { t0: POSITIVE_INTEGER, tMult: POSITIVE_INTEGER, etaMin: NON_NEGATIVE },
  cyclic: {
    baseLr: POSITIVE,
    maxLr: POSITIVE,
    stepSizeUp: POSITIVE,
    stepSizeDown: POSITIVE,
    mode: [oneOf("triangular", "triangular2", "expRange"), `"triangular", "triangular2" or "expRange"`],
    gamma: POSITIVE,
  },
  oneCycle: {
    maxLr: POSITIVE,
    totalSteps: POSITIVE_INTEGER,
    pctStart: CLOSED_UNIT,
    annealStrategy: [oneOf("cos", "linear"), `"cos" or "linear"`],
    divFactor: POSITIVE,
    finalDivFactor: POSITIVE,
  },
  linear: { startFactor: [(v) => isNumber(v) && v > 0 && v <= 1, "a number in (0, 1]"], endFactor: CLOSED_UNIT, totalIters: POSITIVE_INTEGER },
  reduceOnPlateau: {
    factor: [(v) => isNumber(v) && v > 0 && v < 1, "a number in (0, 1)"],
    patience: NON_NEGATIVE_INTEGER,
    threshold: NON_NEGATIVE,
    thresholdMode: [oneOf("rel", "abs"), `"rel" or "abs"`],
    cooldown: NON_NEGATIVE_INTEGER,
    minLr: NON_NEGATIVE,
    eps: NON_NEGATIVE,
    stopAtMinLr: BOOLEAN,
  },
};

const scheduleRequired: Partial<Record<ScheduleSpec["name"], string[]>> = {
  step: ["stepSize"],
  multiStep: ["milestones"],
  exponential: ["gamma"],
  cosine: ["tMax"],
  cosineWarmRestarts: ["t0"],
  cyclic: ["baseLr", "maxLr"],
  oneCycle: ["maxLr", "totalSteps"],
};

/** Schedules that set the lr themselves: the optimizer's lr is ignored under them, as in PyTorch. */
export const schedulesSettingLr = new Set<string>(["cyclic", "oneCycle"]);

const runRules: Record<string, Rule> = {
  steps: [(v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_STEPS, "an integer from 1 to 1,000,000"],
  tolerance: POSITIVE,
  batchSize: POSITIVE_INTEGER,
  seed: [(v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 2 ** 32, "an integer from 0 to 2³² − 1"],
  gradientNoise: NON_NEGATIVE,
  recordState: BOOLEAN,
};

/** Checks a spec that may come from anywhere and returns a clean copy holding only the known fields. */
export function validateRunSpec(input: unknown): RunSpec {
  const spec = object(input, "spec");
  known(spec, "spec", ["objective", "start", "optimizer", "schedule", "clip", "swa", "earlyStopping", ...Object.keys(runRules)]);
  if (spec.objective === undefined) throw new Error('objective is required: a test function name like "rosenbrock", { expr }, or { dataset, model, loss }');
  const start = spec.start;
  if (!Array.isArray(start) || start.length === 0) throw new Error(`start must be an array of numbers, one per parameter (got ${show(start)})`);
  start.forEach((x, i) => {
    if (!isNumber(x)) throw new Error(`start[${i}] must be a finite number (got ${show(x)})`);
  });
  const clean: Json = { objective: cleanObjective(spec.objective), start: [...start] };
  if (spec.steps === undefined) throw new Error("steps is required: an integer from 1 to 1,000,000");
  copyFields(spec, clean, "", runRules);
  const schedule = spec.schedule === undefined ? undefined : validateSchedule(spec.schedule, clean.steps as number);
  clean.optimizer = validateOptimizer(spec.optimizer, schedule !== undefined && schedulesSettingLr.has(schedule.name));
  if (schedule !== undefined) clean.schedule = schedule;
  if (spec.clip !== undefined) clean.clip = validateClip(spec.clip);
  if (spec.earlyStopping !== undefined) {
    const early = object(spec.earlyStopping, "earlyStopping");
    clean.earlyStopping = fields(early, "earlyStopping", { patience: POSITIVE_INTEGER, minDelta: NON_NEGATIVE }, ["patience"]);
  }
  if (spec.swa !== undefined) {
    const swa = object(spec.swa, "swa");
    clean.swa = fields(swa, "swa", { start: NON_NEGATIVE_INTEGER, lr: POSITIVE, frequency: POSITIVE_INTEGER }, ["start", "lr"]);
  }
  return clean as unknown as RunSpec;
}

/** Checks the start point against the objective's dimension and the batch size against its samples. */
export function checkAgainstObjective(spec: RunSpec, dim: number, sampleCount: number | undefined): void {
  if (spec.start.length !== dim) {
    throw new Error(`start must have ${dim} number${dim === 1 ? "" : "s"}, one per parameter of the objective (got ${spec.start.length})`);
  }
  if (spec.batchSize !== undefined && sampleCount === undefined) {
    throw new Error("batchSize applies only to dataset objectives ({ dataset, model, loss }); remove it");
  }
}

function validateOptimizer(input: unknown, lrIgnored: boolean): OptimizerSpec {
  const optimizer = object(input, "optimizer");
  const name = optimizer.name;
  if (typeof name !== "string" || !Object.hasOwn(optimizerRules, name)) {
    throw new Error(`optimizer.name must be one of ${Object.keys(optimizerRules).join(", ")} (got ${show(name)})${suggest(name, Object.keys(optimizerRules))}`);
  }
  const rules = optimizerRules[name as OptimizerSpec["name"]];
  const lrRequired = (name === "sgd" || name === "momentum") && !lrIgnored;
  const clean = fields(optimizer, "optimizer", { name: [() => true, ""], lr: POSITIVE, ...rules }, lrRequired ? ["lr"] : []);
  if (clean.nesterov === true && (!((clean.momentum as number) > 0) || ((clean.dampening as number | undefined) ?? 0) !== 0)) {
    throw new Error("optimizer.nesterov needs momentum > 0 and dampening 0, as in PyTorch");
  }
  return clean as unknown as OptimizerSpec;
}

function validateSchedule(input: unknown, steps: number): ScheduleSpec {
  const schedule = object(input, "schedule");
  const name = schedule.name;
  if (typeof name !== "string" || !Object.hasOwn(scheduleRules, name)) {
    throw new Error(`schedule.name must be one of ${Object.keys(scheduleRules).join(", ")} (got ${show(name)})${suggest(name, Object.keys(scheduleRules))}`);
  }
  const key = name as ScheduleSpec["name"];
  const clean = fields(schedule, "schedule", { name: [() => true, ""], ...scheduleRules[key] }, scheduleRequired[key] ?? []);
  if (key === "oneCycle") {
    const { totalSteps, pctStart = 0.3 } = clean as { totalSteps: number; pctStart?: number };
    if (steps > totalSteps) {
      throw new Error(`schedule.totalSteps (${totalSteps}) must be at least steps (${steps}): oneCycle is defined for totalSteps steps only (PyTorch raises past it)`);
    }
    if (pctStart * totalSteps === 1) throw new Error("schedule.pctStart × totalSteps must not be exactly 1 (the warm-up would last zero steps)");
  }
  return clean as unknown as ScheduleSpec;
}

function validateClip(input: unknown): ClipSpec {
  const clip = object(input, "clip");
  const hasNorm = Object.hasOwn(clip, "maxNorm");
  if (hasNorm === Object.hasOwn(clip, "value")) throw new Error("clip must have exactly one of maxNorm (clip by global L2 norm) or value (clip each coordinate)");
  return fields(clip, "clip", hasNorm ? { maxNorm: POSITIVE } : { value: POSITIVE }, [hasNorm ? "maxNorm" : "value"]) as unknown as ClipSpec;
}

/** Objectives are checked by resolveObjective; here only the shape, copying own keys and dropping prototype keys. */
function cleanObjective(objective: unknown): unknown {
  if (typeof objective === "string") return objective;
  return stripPrototypeKeys(object(objective, "objective"));
}

function stripPrototypeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripPrototypeKeys);
  if (value === null || typeof value !== "object") return value;
  const clean: Json = {};
  for (const [key, v] of Object.entries(value)) if (!isPrototypeKey(key)) clean[key] = stripPrototypeKeys(v);
  return clean;
}

function fields(input: Json, path: string, rules: Record<string, Rule>, required: string[]): Json {
  known(input, path, Object.keys(rules));
  for (const key of required) {
    if (input[key] === undefined) throw new Error(`${path}.${key} is required: ${rules[key][1]}`);
  }
  const clean: Json = {};
  copyFields(input, clean, `${path}.`, rules);
  return clean;
}

function copyFields(input: Json, clean: Json, prefix: string, rules: Record<string, Rule>): void {
  for (const [key, [check, expected]] of Object.entries(rules)) {
    const value = input[key];
    if (value === undefined) continue;
    if (!check(value)) throw new Error(`${prefix}${key} must be ${expected} (got ${show(value)})`);
    clean[key] = Array.isArray(value) ? [...value] : value;
  }
}

function object(value: unknown, path: string): Json {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error(`${path} must be an object (got ${show(value)})`);
  return value as Json;
}

/** Rejects unknown fields (most are typos) with the closest known one; prototype keys are ignored. */
function known(input: Json, path: string, keys: string[]): void {
  for (const key of Object.keys(input)) {
    if (!keys.includes(key) && !isPrototypeKey(key)) {
      throw new Error(`${path} has no field ${show(key)}${suggest(key, keys)}; known fields: ${keys.join(", ")}`);
    }
  }
}

function isPrototypeKey(key: string): boolean {
  return key === "__proto__" || key === "constructor" || key === "prototype";
}

function show(value: unknown): string {
  if (typeof value === "number" || value === undefined) return String(value);
  if (typeof value === "function") return "a function";
  return JSON.stringify(value) ?? String(value);
}

/** " — did you mean X?" for the closest name within a few edits, else "". */
export function suggest(name: unknown, names: string[]): string {
  if (typeof name !== "string") return "";
  let best = "";
  let bestDistance = Infinity;
  for (const candidate of names) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, name.length / 3) ? ` — did you mean ${show(best)}?` : "";
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; ++i) {
    const next = [i];
    for (let j = 1; j <= b.length; ++j) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}
