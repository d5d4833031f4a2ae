// The plotted window as four numbers. A range with min ≥ max, or a blank, gets a message and the
// figures keep the last valid window.
import type { View } from "./state.js";

export type ViewInputElement = HTMLElement & { value: View };

let nextId = 0;

/** The problem with a window, or undefined when it is drawable. */
export function viewError({ x, y }: View): string | undefined {
  for (const [axis, [lo, hi]] of [["x", x], ["y", y]] as const) {
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) return `the ${axis} range needs two numbers`;
    if (!(lo < hi)) return `the ${axis} range must go from a smaller to a larger number`;
  }
  return undefined;
}

export function ViewInput(initial: View): ViewInputElement {
  const root = document.createElement("fieldset");
  root.className = "downhill-view";
  const legend = document.createElement("legend");
  legend.textContent = "Window";
  const message = document.createElement("p");
  message.setAttribute("role", "alert");
  message.className = "downhill-view-message";
  root.append(legend);
  let value: View = structuredClone(initial);
  const inputs: HTMLInputElement[] = [];
  for (const [axis, bound, label] of [["x", 0, "x from"], ["x", 1, "to"], ["y", 0, "y from"], ["y", 1, "to"]] as const) {
    const id = `downhill-view-${++nextId}`;
    const input = Object.assign(document.createElement("input"), { id, type: "number", step: "any", inputMode: "decimal" });
    input.dataset.axis = axis;
    input.dataset.bound = String(bound);
    const labelElement = Object.assign(document.createElement("label"), { htmlFor: id, textContent: label });
    root.append(labelElement, input);
    inputs.push(input);
    input.addEventListener("input", (event) => {
      event.stopPropagation(); // the root fires one event per valid window
      const draft = structuredClone(value);
      for (const i of inputs) draft[i.dataset.axis as "x" | "y"][Number(i.dataset.bound)] = i.value.trim() === "" ? NaN : i.valueAsNumber;
      const error = viewError(draft);
      message.textContent = error ? `${error}; the figures keep the last valid window.` : "";
      if (error) return;
      value = draft;
      root.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }
  root.append(message);
  const show = () => inputs.forEach((i) => (i.value = String(value[i.dataset.axis as "x" | "y"][Number(i.dataset.bound)])));
  show();
  Object.defineProperty(root, "value", {
    get: () => value,
    set: (next: View) => ((value = structuredClone(next)), (message.textContent = ""), show()),
  });
  return root as unknown as ViewInputElement;
}
