// A text field for a loss f(x, y): its value is the last expression that compiled; errors show beside it.
import { compileExpression } from "../lib/objectives/expression/index.js";

export interface ExpressionFieldElement extends HTMLFormElement {
  value: string;
}

export function OptimizerExpressionField({ label, value }: { label: string; value: string }): ExpressionFieldElement {
  const form = document.createElement("form") as ExpressionFieldElement;
  form.className = "downhill-input";
  form.style.cssText = "display:flex;flex-wrap:wrap;align-items:center;gap:0.5rem;margin:0.25rem 0;max-width:640px;";
  const input = document.createElement("input");
  input.type = "text";
  input.id = `race-expression-${Math.random().toString(36).slice(2)}`;
  input.value = value;
  input.spellcheck = false;
  input.style.cssText = "flex:1;min-width:12rem;font-family:var(--monospace);";
  const labelEl = document.createElement("label");
  labelEl.htmlFor = input.id;
  labelEl.textContent = label;
  labelEl.style.cssText = "min-width:9rem;";
  const message = document.createElement("output");
  message.setAttribute("aria-live", "polite");
  message.style.cssText = "flex-basis:100%;font-size:13px;font-family:var(--monospace);color:var(--theme-red, #c92a2a);white-space:pre-wrap;";
  input.setAttribute("aria-describedby", (message.id = `${input.id}-message`));
  let good = value;
  input.addEventListener("input", (event) => {
    event.stopPropagation();
    const text = input.value;
    try {
      const compiled = compileExpression(text);
      if (compiled.dim !== 2) throw new Error("the race is drawn on a map: use both x and y");
      good = text;
      message.textContent = "";
      input.removeAttribute("aria-invalid");
      form.dispatchEvent(new Event("input", { bubbles: true }));
    } catch (error) {
      const column = (error as { column?: number }).column;
      const where = column ? `\n${text}\n${" ".repeat(Math.max(0, column - 1))}^ column ${column}` : "";
      message.textContent = `${(error as Error).message}${where} — the figures keep the last good expression.`;
      input.setAttribute("aria-invalid", "true");
    }
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.append(labelEl, input, message);
  Object.defineProperty(form, "value", { get: () => good, set: (v: string) => ((good = v), (input.value = v)) });
  return form;
}
