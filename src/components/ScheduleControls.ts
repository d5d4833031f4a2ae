// One slider per parameter of a schedule from the catalog; the element's value is {key: number}, and it
// fires `input` whenever a slider moves, so Framework's view() re-runs what depends on it.
import type { ScheduleEntry } from "../lib/analysis/scheduleCatalog.js";
import { Slider } from "./inputs.js";

export function ScheduleControls(entry: ScheduleEntry): HTMLElement & { value: Record<string, number> } {
  const root = document.createElement("div");
  root.className = "schedule-controls";
  const sliders = entry.params.map((p) => ({
    key: p.key,
    slider: Slider({ label: p.label, min: p.min, max: p.max, value: p.value, step: p.step, log: p.log }),
  }));
  if (sliders.length === 0) {
    const note = document.createElement("p");
    note.textContent = "A constant schedule has no parameters: η stays at the base learning rate.";
    root.append(note);
  }
  root.append(...sliders.map((s) => s.slider));
  Object.defineProperty(root, "value", {
    get: () => Object.fromEntries(sliders.map(({ key, slider }) => [key, slider.value])),
    enumerable: true,
  });
  return root as unknown as HTMLElement & { value: Record<string, number> };
}
