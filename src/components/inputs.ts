// Labelled inputs for the pages: each is a form with a `value` that fires `input`, usable with Framework's view().
// Plain elements rather than @observablehq/inputs because a learning rate needs a log-scale slider.
import { formatNumber } from "./format.js";

let nextId = 0;
const uid = (kind: string) => `downhill-${kind}-${++nextId}`;

type ValueForm<T> = HTMLFormElement & { value: T };

/** A form holding a labelled control; `value` reads and writes the state kept by `get` and `set`. */
function labelledForm<T>(labelText: string, control: HTMLElement, get: () => T, set: (v: T) => void, after?: HTMLElement): ValueForm<T> {
  const form = document.createElement("form");
  form.className = "downhill-input";
  form.style.cssText = "display:flex;align-items:center;gap:0.5rem;flex-wrap:wrap;margin:0.25rem 0;max-width:640px;";
  const label = document.createElement("label");
  label.htmlFor = control.id;
  label.textContent = labelText;
  label.style.cssText = "min-width:9rem;";
  form.append(label, control);
  if (after) form.append(after);
  form.addEventListener("submit", (event) => event.preventDefault());
  Object.defineProperty(form, "value", { get, set, enumerable: true });
  return form as ValueForm<T>;
}

export interface SliderOptions {
  label: string;
  min: number;
  max: number;
  /** The increment; on a log slider, in powers of ten (default 0.01 of a decade). */
  step?: number;
  value?: number;
  /** Move along a log scale: the thumb sets log10 of the value, the value is 10^position. */
  log?: boolean;
  format?: (value: number) => string;
}

/** The value a log slider's position stands for: 10^position, to three significant digits. */
export function fromLogPosition(position: number): number {
  return Number((10 ** position).toPrecision(3));
}

/** A range input with its label and the current value shown beside it. */
export function Slider({ label, min, max, step, value = min, log = false, format = (v) => formatNumber(v) }: SliderOptions): ValueForm<number> {
  if (log && !(min > 0)) throw new Error(`a log slider needs min > 0 (got ${min})`);
  const input = document.createElement("input");
  input.type = "range";
  input.id = uid("slider");
  input.style.cssText = "flex:1;min-width:8rem;";
  const toPosition = log ? Math.log10 : (v: number) => v;
  input.min = String(toPosition(min));
  input.max = String(toPosition(max));
  input.step = String(step ?? (log ? 0.01 : "any"));
  const output = document.createElement("output");
  output.htmlFor.add(input.id);
  output.style.cssText = "min-width:4.5rem;font-variant-numeric:tabular-nums;";
  let current = value;
  const show = () => {
    input.value = String(toPosition(current));
    output.textContent = format(current);
    input.setAttribute("aria-valuetext", format(current));
  };
  input.addEventListener("input", () => {
    current = log ? fromLogPosition(input.valueAsNumber) : input.valueAsNumber;
    output.textContent = format(current);
    input.setAttribute("aria-valuetext", format(current));
  });
  show();
  return labelledForm(label, input, () => current, (v) => ((current = v), show()), output);
}

export interface SelectOptions<T> {
  label: string;
  options: readonly T[];
  value?: T;
  format?: (option: T) => string;
}

/** A drop-down whose value is one of `options` (any values, shown through `format`). */
export function Select<T>({ label, options, value = options[0], format = String }: SelectOptions<T>): ValueForm<T> {
  const select = document.createElement("select");
  select.id = uid("select");
  options.forEach((option, i) => select.append(new Option(format(option), String(i))));
  const get = () => options[select.selectedIndex];
  const set = (v: T) => void (select.selectedIndex = options.indexOf(v));
  set(value);
  return labelledForm(label, select, get, set);
}

/** A checkbox whose value is a boolean. */
export function Toggle({ label, value = false }: { label: string; value?: boolean }): ValueForm<boolean> {
  const input = document.createElement("input");
  input.type = "checkbox";
  input.id = uid("toggle");
  input.checked = value;
  return labelledForm(label, input, () => input.checked, (v) => void (input.checked = v));
}

/**
 * Inputs bound to a spec: `SpecControls(spec, {"optimizer.lr": Slider(…), steps: Slider(…)})` shows the
 * controls and its `value` is a copy of `spec` with each dotted path set from its control, e.g. a RunSpec
 * ready for runOptimizer. The controls' `input` events bubble through it, so view() sees every change.
 */
export function SpecControls<S extends object>(spec: S, controls: Record<string, HTMLElement & { value: unknown }>): HTMLDivElement & { value: S } {
  const root = document.createElement("div") as HTMLDivElement & { value: S };
  root.className = "downhill-spec-controls";
  root.append(...Object.values(controls));
  const get = (): S => {
    const copy = structuredClone(spec) as Record<string, unknown>;
    for (const [path, control] of Object.entries(controls)) {
      const keys = path.split(".");
      let target = copy;
      for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
      target[keys[keys.length - 1]] = control.value;
    }
    return copy as S;
  };
  Object.defineProperty(root, "value", { get, enumerable: true });
  return root;
}
