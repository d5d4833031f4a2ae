// The playground's whole state, and its round trip through the URL. A link is data, never code: it is
// decoded with JSON.parse, every field is checked (runs by lib's own validateRunSpec), and anything
// unexpected is refused with a message that says what was wrong.
import { validateRunSpec } from "../../lib/index.js";
import { compileExpression } from "../../lib/objectives/expression/index.js";
import type { ClipSpec, OptimizerSpec, RunSpec, ScheduleSpec } from "../../lib/index.js";

/** One optimizer run: everything of a RunSpec but the objective and the start, which all runs share. */
export interface PlaygroundRun {
  optimizer: OptimizerSpec;
  schedule?: ScheduleSpec;
  clip?: ClipSpec;
  steps: number;
}

export interface View {
  x: [number, number];
  y: [number, number];
}

export interface PlaygroundState {
  /** The loss function, in the expression language of lib/objectives/expression. */
  expr: string;
  /** The plotted window. For a function of x alone, y is the range of f shown. */
  view: View;
  /** One number per variable of the expression. */
  start: number[];
  runs: PlaygroundRun[];
}

/** As many runs as there are series colours (./series.ts), so that no two runs share one. */
export const MAX_RUNS = 6;
/** Enough for any figure here, and small enough that a hostile link cannot freeze the page. */
export const MAX_PLAYGROUND_STEPS = 5000;
/** Longer hashes are refused before decoding. */
export const MAX_LINK_LENGTH = 8000;

export const defaultState: PlaygroundState = {
  expr: "(1 - x)^2 + 100*(y - x^2)^2",
  view: { x: [-2, 2], y: [-1, 3] },
  start: [-1.5, 2],
  runs: [
    { optimizer: { name: "sgd", lr: 0.001 }, steps: 1000 },
    { optimizer: { name: "sgd", lr: 0.001, momentum: 0.9 }, steps: 1000 },
    { optimizer: { name: "rmsprop", lr: 0.01 }, steps: 1000 },
    { optimizer: { name: "adam", lr: 0.05 }, steps: 1000 },
  ],
};

/** The full RunSpec of one run, as runOptimizer takes it. */
export function runSpec(state: Pick<PlaygroundState, "expr" | "start">, run: PlaygroundRun): RunSpec {
  return { objective: { expr: state.expr }, start: [...state.start], ...structuredClone(run) };
}

/** The start point fitted to an expression of `dim` variables (a 1-D function keeps x; a 2-D one gains y = 0). */
export function fitStart(start: readonly number[], dim: 1 | 2): number[] {
  return dim === 1 ? [start[0] ?? 0] : [start[0] ?? 0, start[1] ?? 0];
}

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder("utf-8", { fatal: true });

/** base64url of the state's JSON: the fragment of a link, without the "#". */
export function encodeState(state: PlaygroundState): string {
  const bytes = textEncoder.encode(JSON.stringify(state));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export type Decoded = { state: PlaygroundState; error?: undefined } | { state: PlaygroundState; error: string };

/**
 * The state a link's fragment describes. An empty fragment gives the default; a fragment that cannot be
 * read gives the default with `error` saying why.
 */
export function decodeState(fragment: string): Decoded {
  const text = fragment.replace(/^#/, "");
  if (text === "") return { state: structuredClone(defaultState) };
  try {
    return { state: parseState(readJson(text)) };
  } catch (error) {
    return { state: structuredClone(defaultState), error: (error as Error).message };
  }
}

function readJson(text: string): unknown {
  if (text.length > MAX_LINK_LENGTH) throw new Error(`the link is too long (${text.length} characters; at most ${MAX_LINK_LENGTH})`);
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error("the link's state is not base64url text");
  let json: string;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    json = textDecoder.decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    throw new Error("the link's state is not valid base64url-encoded UTF-8");
  }
  try {
    return JSON.parse(json);
  } catch {
    throw new Error("the link's state is not valid JSON");
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isRange = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === "number" && Number.isFinite(n)) && v[0] < v[1];

/** Checks every field of a decoded state and returns a clean copy; throws naming the first bad field. */
export function parseState(input: unknown): PlaygroundState {
  if (!isRecord(input)) throw new Error("the link's state must be an object");
  const unknown = Object.keys(input).filter((key) => !["expr", "view", "start", "runs"].includes(key));
  if (unknown.length) throw new Error(`unknown field "${unknown[0]}" in the link`);
  const { expr, view, start, runs } = input;
  if (typeof expr !== "string") throw new Error("expr must be the loss function as text");
  let dim: 1 | 2;
  try {
    dim = compileExpression(expr).dim;
  } catch (error) {
    throw new Error(`the loss function "${expr.slice(0, 80)}" does not parse: ${(error as Error).message}`);
  }
  if (!isRecord(view) || !isRange(view.x) || !isRange(view.y)) throw new Error("view must be {x: [min, max], y: [min, max]} with min < max");
  if (!Array.isArray(runs) || runs.length < 1 || runs.length > MAX_RUNS) throw new Error(`runs must be a list of 1 to ${MAX_RUNS} runs`);
  if (!Array.isArray(start) || start.length !== dim) throw new Error(`start must have ${dim} number${dim === 1 ? "" : "s"}, one per variable`);
  const cleanRuns = runs.map((run, i) => {
    if (!isRecord(run)) throw new Error(`run ${i + 1} must be an object`);
    const extra = Object.keys(run).filter((key) => !["optimizer", "schedule", "clip", "steps"].includes(key));
    if (extra.length) throw new Error(`run ${i + 1}: unknown field "${extra[0]}"`);
    if (typeof run.steps === "number" && run.steps > MAX_PLAYGROUND_STEPS) {
      throw new Error(`run ${i + 1}: steps must be at most ${MAX_PLAYGROUND_STEPS} here (got ${run.steps})`);
    }
    let spec: RunSpec;
    try {
      spec = validateRunSpec({ objective: { expr }, start, ...run });
    } catch (error) {
      throw new Error(`run ${i + 1}: ${(error as Error).message}`);
    }
    return toRun(spec);
  });
  return {
    expr,
    view: { x: [view.x[0], view.x[1]], y: [view.y[0], view.y[1]] },
    start: [...(start as number[])],
    runs: cleanRuns,
  };
}

function toRun({ optimizer, schedule, clip, steps }: RunSpec): PlaygroundRun {
  return { optimizer, steps, ...(schedule && { schedule }), ...(clip && { clip }) };
}
