// The playground's runs: one card per run with its optimizer, hyperparameters, schedule, clipping and
// step budget. Every field is checked by lib's validateRunSpec as it is typed; a bad value gets its
// message inside the card and the run keeps its last valid settings, so the figures never go blank.
import { defaultLr, validateRunSpec } from "../../lib/index.js";
import type { OptimizerName, ScheduleName } from "../../lib/index.js";
import { seriesColors } from "../series.js";
import { MAX_PLAYGROUND_STEPS, MAX_RUNS, type PlaygroundRun } from "./state.js";

type FieldKind = "number" | "boolean" | "list" | readonly string[];

/** One control: `key` is a path into the spec ("betas.1" is the second beta). */
export interface Field {
  key: string;
  label: string;
  kind: FieldKind;
  initial: number | boolean | string | number[] | ((steps: number) => number);
}

const num = (key: string, label: string, initial: Field["initial"]): Field => ({ key, label, kind: "number", initial });
const bool = (key: string, label: string): Field => ({ key, label, kind: "boolean", initial: false });

/** PyTorch's hyperparameters for each optimizer, with its defaults. */
export const optimizerFields: Record<OptimizerName, Field[]> = {
  sgd: [num("momentum", "momentum", 0), num("dampening", "dampening", 0), bool("nesterov", "Nesterov"), num("weightDecay", "weight decay", 0)],
  momentum: [num("beta", "β", 0.9)],
  adam: [num("betas.0", "β₁", 0.9), num("betas.1", "β₂", 0.999), num("eps", "ε", 1e-8), num("weightDecay", "weight decay", 0), bool("amsgrad", "AMSGrad")],
  adamw: [num("betas.0", "β₁", 0.9), num("betas.1", "β₂", 0.999), num("eps", "ε", 1e-8), num("weightDecay", "weight decay", 0.01), bool("amsgrad", "AMSGrad")],
  rmsprop: [num("alpha", "α", 0.99), num("eps", "ε", 1e-8), num("momentum", "momentum", 0), bool("centered", "centered")],
  adagrad: [num("lrDecay", "lr decay", 0), num("initialAccumulatorValue", "initial accumulator", 0), num("eps", "ε", 1e-10)],
  adadelta: [num("rho", "ρ", 0.9), num("eps", "ε", 1e-6)],
};

export const optimizerLabels: Record<OptimizerName, string> = {
  sgd: "SGD (PyTorch)",
  momentum: "Momentum (EMA form)",
  adam: "Adam",
  adamw: "AdamW",
  rmsprop: "RMSProp",
  adagrad: "AdaGrad",
  adadelta: "AdaDelta",
};

type PlaygroundSchedule = Exclude<ScheduleName, "constant">;

/** The schedules' parameters; ones that scale with the run default to its step budget. */
export const scheduleFields: Record<PlaygroundSchedule, Field[]> = {
  step: [num("stepSize", "step size", (steps) => Math.max(1, Math.round(steps / 4))), num("gamma", "γ", 0.5)],
  multiStep: [{ key: "milestones", label: "milestones", kind: "list", initial: (steps) => Math.max(1, Math.round(steps / 2)) }, num("gamma", "γ", 0.1)],
  exponential: [num("gamma", "γ", 0.995)],
  cosine: [num("tMax", "T_max", (steps) => steps), num("etaMin", "η_min", 0)],
  cosineWarmRestarts: [num("t0", "T₀", (steps) => Math.max(1, Math.round(steps / 7))), num("tMult", "T_mult", 2), num("etaMin", "η_min", 0)],
  cyclic: [
    num("baseLr", "base lr", 0.001),
    num("maxLr", "max lr", 0.01),
    num("stepSizeUp", "step size up", (steps) => Math.max(1, Math.round(steps / 8))),
    { key: "mode", label: "mode", kind: ["triangular", "triangular2", "expRange"], initial: "triangular" },
  ],
  oneCycle: [num("maxLr", "max lr", 0.01), num("totalSteps", "total steps", (steps) => steps), num("pctStart", "warm-up fraction", 0.3)],
  linear: [num("startFactor", "start factor", 1 / 3), num("endFactor", "end factor", 1), num("totalIters", "iterations", (steps) => Math.max(1, Math.round(steps / 10)))],
  reduceOnPlateau: [num("factor", "factor", 0.1), num("patience", "patience", 10), num("minLr", "min lr", 0)],
};

export const scheduleLabels: Record<PlaygroundSchedule, string> = {
  step: "step decay",
  multiStep: "multi-step decay",
  exponential: "exponential decay",
  cosine: "cosine annealing",
  cosineWarmRestarts: "cosine with warm restarts",
  cyclic: "cyclical",
  oneCycle: "one-cycle",
  linear: "linear warm-up",
  reduceOnPlateau: "reduce on plateau",
};

function getPath(object: Record<string, unknown>, key: string): unknown {
  return key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], object);
}

function setPath(object: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split(".");
  let target: Record<string, unknown> = object;
  for (const [i, part] of parts.slice(0, -1).entries()) {
    target[part] ??= /^\d+$/.test(parts[i + 1]) ? [] : {};
    target = target[part] as Record<string, unknown>;
  }
  target[parts[parts.length - 1]] = value;
}

const initialValue = (field: Field, steps: number) => (typeof field.initial === "function" ? field.initial(steps) : field.initial);

/** A fresh spec for `name`, every field at its default. */
export function defaultOptimizer(name: OptimizerName): PlaygroundRun["optimizer"] {
  const spec: Record<string, unknown> = { name, lr: defaultLr[name] ?? 0.01 };
  for (const field of optimizerFields[name]) setPath(spec, field.key, initialValue(field, 0));
  return spec as PlaygroundRun["optimizer"];
}

export function defaultSchedule(name: PlaygroundSchedule, steps: number): NonNullable<PlaygroundRun["schedule"]> {
  const spec: Record<string, unknown> = { name };
  for (const field of scheduleFields[name]) {
    const value = initialValue(field, steps);
    setPath(spec, field.key, field.kind === "list" ? [value] : value);
  }
  return spec as NonNullable<PlaygroundRun["schedule"]>;
}

/** The run with every field the card shows filled in (PyTorch's defaults, so its behaviour is unchanged). */
export function withDefaults(run: PlaygroundRun): PlaygroundRun {
  const filled = structuredClone(run) as unknown as { optimizer: Record<string, unknown>; schedule?: Record<string, unknown> };
  const fill = (target: Record<string, unknown>, fields: Field[]) => {
    for (const field of fields) {
      if (getPath(target, field.key) !== undefined) continue;
      const value = initialValue(field, run.steps);
      setPath(target, field.key, field.kind === "list" ? [value] : value);
    }
  };
  fill(filled.optimizer, optimizerFields[run.optimizer.name]);
  if (filled.schedule?.name === "constant") delete filled.schedule; // the same as no schedule
  if (filled.schedule) fill(filled.schedule, scheduleFields[filled.schedule.name as PlaygroundSchedule]);
  return filled as unknown as PlaygroundRun;
}

/** The message validateRunSpec gives for this run, or undefined when it is valid. */
export function runError(run: PlaygroundRun): string | undefined {
  if (!(run.steps <= MAX_PLAYGROUND_STEPS)) return `steps must be an integer from 1 to ${MAX_PLAYGROUND_STEPS} here`;
  try {
    validateRunSpec({ objective: "rosenbrock", start: [0, 0], ...run });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export type RunsEditorElement = HTMLElement & { value: PlaygroundRun[] };

let nextId = 0;

export function RunsEditor(initial: readonly PlaygroundRun[]): RunsEditorElement {
  const root = document.createElement("div");
  root.className = "downhill-runs";
  const list = document.createElement("div");
  list.className = "downhill-runs-list";
  const add = document.createElement("button");
  add.type = "button";
  add.textContent = "+ Add a run";
  root.append(list, add);

  /** The last valid settings of each card, in order. */
  let cards: { element: HTMLElement; run: () => PlaygroundRun }[] = [];
  const emit = () => root.dispatchEvent(new Event("input", { bubbles: true }));
  const refresh = () => {
    add.disabled = cards.length >= MAX_RUNS;
    // Say why the button is off: one colour per run, and as many runs as there are colours.
    add.textContent = add.disabled ? `${MAX_RUNS} runs, one per colour: remove one to add another` : "+ Add a run";
    cards.forEach(({ element }, i) => {
      element.style.setProperty("--run-color", seriesColors[i % seriesColors.length]);
      element.querySelector("h3")!.textContent = `Run ${i + 1}`;
      (element.querySelector("button.remove") as HTMLButtonElement).disabled = cards.length === 1;
    });
  };
  const addCard = (run: PlaygroundRun) => {
    const card = RunCard(run, emit, () => {
      cards = cards.filter((c) => c !== card);
      card.element.remove();
      refresh();
      emit();
    });
    cards.push(card);
    list.append(card.element);
  };
  initial.forEach(addCard);
  refresh();
  add.addEventListener("click", () => {
    const last = cards[cards.length - 1]?.run();
    addCard({ optimizer: defaultOptimizer("adam"), steps: last?.steps ?? 500 });
    refresh();
    emit();
  });
  Object.defineProperty(root, "value", { get: () => cards.map((card) => card.run()) });
  return root as unknown as RunsEditorElement;
}

/** One run's card; `run()` is its last valid settings. */
function RunCard(initial: PlaygroundRun, changed: () => void, remove: () => void) {
  const element = document.createElement("fieldset");
  element.className = "downhill-run";
  element.innerHTML = `<legend><h3></h3></legend><div class="downhill-run-fields"></div>
    <p class="downhill-run-error" role="alert"></p><button type="button" class="remove">Remove this run</button>`;
  const fieldsBox = element.querySelector(".downhill-run-fields") as HTMLElement;
  const errorBox = element.querySelector(".downhill-run-error") as HTMLElement;
  element.querySelector("button.remove")!.addEventListener("click", remove);

  let valid = withDefaults(initial);
  let draft = structuredClone(valid) as unknown as Record<string, unknown>;

  const commit = () => {
    const error = runError(draft as unknown as PlaygroundRun);
    errorBox.textContent = error ? `${error}. This run keeps its last valid settings.` : "";
    element.classList.toggle("invalid", error !== undefined);
    if (error) return;
    valid = structuredClone(draft) as unknown as PlaygroundRun;
    changed();
  };

  const render = () => {
    fieldsBox.replaceChildren();
    const optimizer = draft.optimizer as Record<string, unknown>;
    const schedule = draft.schedule as Record<string, unknown> | undefined;
    const clip = draft.clip as Record<string, unknown> | undefined;
    fieldsBox.append(
      choice("optimizer", Object.keys(optimizerLabels), optimizer.name as string, (name) => {
        draft.optimizer = defaultOptimizer(name as OptimizerName);
        render();
        commit();
      }, (name) => optimizerLabels[name as OptimizerName]),
      control({ key: "lr", label: "learning rate η", kind: "number", initial: 0.01 }, optimizer),
      ...optimizerFields[optimizer.name as OptimizerName].map((field) => control(field, optimizer)),
      control({ key: "steps", label: "steps", kind: "number", initial: 500 }, draft),
      choice("schedule", ["none", ...Object.keys(scheduleLabels)], (schedule?.name as string) ?? "none", (name) => {
        if (name === "none") delete draft.schedule;
        else draft.schedule = defaultSchedule(name as PlaygroundSchedule, draft.steps as number);
        render();
        commit();
      }, (name) => (name === "none" ? "constant η" : scheduleLabels[name as PlaygroundSchedule])),
      ...(schedule ? scheduleFields[schedule.name as PlaygroundSchedule].map((field) => control(field, schedule)) : []),
      choice("clipping", ["none", "maxNorm", "value"], clip ? Object.keys(clip)[0] : "none", (kind) => {
        if (kind === "none") delete draft.clip;
        else draft.clip = { [kind]: 5 };
        render();
        commit();
      }, (kind) => ({ none: "no clipping", maxNorm: "clip by norm", value: "clip by value" })[kind] ?? kind),
      ...(clip ? [control({ key: Object.keys(clip)[0], label: "threshold", kind: "number", initial: 5 }, clip)] : []),
    );
  };

  /** A labelled input bound to `target[field.key]`. */
  function control(field: Field, target: Record<string, unknown>): HTMLElement {
    const id = `downhill-run-field-${++nextId}`;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = field.label;
    const wrap = document.createElement("div");
    wrap.className = "downhill-run-field";
    const current = getPath(target, field.key);
    let input: HTMLInputElement | HTMLSelectElement;
    if (field.kind === "boolean") {
      input = Object.assign(document.createElement("input"), { type: "checkbox", checked: current === true });
      input.addEventListener("change", () => (setPath(target, field.key, (input as HTMLInputElement).checked), commit()));
    } else if (Array.isArray(field.kind)) {
      input = document.createElement("select");
      for (const option of field.kind) input.append(new Option(option, option));
      input.value = String(current);
      input.addEventListener("change", () => (setPath(target, field.key, input.value), commit()));
    } else {
      const list = field.kind === "list";
      input = Object.assign(document.createElement("input"), { type: list ? "text" : "number", step: "any", inputMode: list ? "text" : "decimal" });
      input.value = list ? (current as number[]).join(", ") : String(current);
      input.addEventListener("input", () => {
        const text = input.value.trim();
        // Empty or malformed text becomes NaN, which validateRunSpec names in its message.
        const parse = (t: string) => (t === "" ? NaN : Number(t));
        setPath(target, field.key, list ? text.split(/\s*,\s*/).map(parse) : parse(text));
        commit();
      });
    }
    input.id = id;
    input.addEventListener("input", quiet);
    wrap.append(label, input);
    return wrap;
  }

  render();
  return { element, run: () => valid };
}

/** Keeps a field's own input event inside the card: the editor fires one event per valid change. */
const quiet = (event: Event) => event.stopPropagation();

function choice(name: string, options: string[], value: string, onChange: (value: string) => void, format: (value: string) => string): HTMLElement {
  const id = `downhill-run-field-${++nextId}`;
  const wrap = document.createElement("div");
  wrap.className = "downhill-run-field";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = name;
  const select = document.createElement("select");
  select.id = id;
  for (const option of options) select.append(new Option(format(option), option));
  select.value = value;
  select.addEventListener("change", () => onChange(select.value));
  select.addEventListener("input", quiet);
  wrap.append(label, select);
  return wrap;
}
