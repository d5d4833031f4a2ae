// The loss-function editor: a text field in the expression language, presets for every named test
// function, and errors shown under the field at the offending column. Its value is the last expression
// that compiled, so a typo never blanks the figures.
import { compileExpression, ExpressionError, type CompiledExpression } from "../../lib/objectives/expression/index.js";
import { testFunctionNames, testFunctions } from "../../lib/objectives/testFunctions.js";
import type { View } from "./state.js";

export interface LossFunction {
  text: string;
  compiled: CompiledExpression;
  /** Set when the reader picked a preset: its default view, which the page then adopts. */
  presetView?: View;
}

export type ExpressionFieldElement = HTMLElement & { value: LossFunction };

let nextId = 0;

/** Where to point under the field: the caret line and the message, or nothing for a good expression. */
export function describeError(text: string, error: unknown): { message: string; column: number; length: number } {
  if (error instanceof ExpressionError) return { message: error.message, column: error.column, length: Math.max(1, error.length) };
  return { message: error instanceof Error ? error.message : String(error), column: 1, length: Math.max(1, text.length) };
}

export function ExpressionField(initial: string): ExpressionFieldElement {
  const id = `downhill-expression-${++nextId}`;
  const root = document.createElement("div");
  root.className = "downhill-expression";
  root.innerHTML = `
    <label for="${id}">Loss function f(x, y)</label>
    <div class="downhill-expression-row">
      <input id="${id}" type="text" spellcheck="false" autocomplete="off" autocapitalize="off"
        aria-describedby="${id}-message">
      <select aria-label="Load a preset test function"><option value="">Presets…</option></select>
    </div>
    <pre class="downhill-expression-caret" aria-hidden="true"></pre>
    <p id="${id}-message" class="downhill-expression-message" role="status" aria-live="polite"></p>`;
  const input = root.querySelector("input")!;
  const presets = root.querySelector("select")!;
  const caret = root.querySelector("pre")!;
  const message = root.querySelector("p")!;
  for (const name of testFunctionNames) presets.append(new Option(testFunctions[name].label, name));

  let value: LossFunction = { text: initial, compiled: compileExpression(initial) };
  input.value = initial;

  const showOk = (compiled: CompiledExpression) => {
    root.classList.remove("invalid");
    input.removeAttribute("aria-invalid");
    caret.textContent = "";
    message.textContent = compiled.dim === 1 ? "A function of x alone: the figure shows its curve." : "";
  };
  const showError = (text: string, error: unknown) => {
    const { message: reason, column, length } = describeError(text, error);
    root.classList.add("invalid");
    input.setAttribute("aria-invalid", "true");
    caret.textContent = " ".repeat(Math.max(0, column - 1)) + "^".repeat(Math.min(length, Math.max(1, text.length - column + 1)));
    message.textContent = `${reason}. The figures still show the last valid function.`;
  };

  /** Compiles `text`; on success it becomes the value and an input event is fired. */
  const accept = (text: string, presetView?: View) => {
    try {
      const compiled = compileExpression(text);
      value = { text, compiled, ...(presetView && { presetView }) };
      showOk(compiled);
      root.dispatchEvent(new Event("input", { bubbles: true }));
    } catch (error) {
      showError(text, error);
    }
  };

  input.addEventListener("input", (event) => {
    event.stopPropagation(); // the root fires its own input event, and only for an expression that compiles
    accept(input.value);
  });
  presets.addEventListener("change", () => {
    const preset = testFunctions[presets.value as keyof typeof testFunctions];
    presets.value = "";
    if (!preset) return;
    input.value = preset.expr;
    accept(preset.expr, { x: [...preset.domain.x], y: [...preset.domain.y] });
  });
  showOk(value.compiled);

  Object.defineProperty(root, "value", {
    get: () => value,
    set: (text: string | LossFunction) => {
      const next = typeof text === "string" ? text : text.text;
      input.value = next;
      accept(next);
    },
  });
  return root as unknown as ExpressionFieldElement;
}
