// A text field for a loss function in the expression language (lib/objectives/expression). Its value is the
// last text that compiled, so a typo never blanks the figures; a mistake is shown under the field with a caret
// at its column. Nothing typed is ever run as code: the library parses and differentiates it.
import { compileExpression, ExpressionError } from "../lib/objectives/expression/index.js";

export type ExpressionFieldElement = HTMLElement & { value: string };

export interface ExpressionFieldOptions {
  label: string;
  value: string;
  /** When set, a function of x alone is refused with this message (a contour map needs x and y). */
  requireXY?: string;
}

let nextId = 0;

/** What is wrong with `text` and where, or undefined when it is a usable loss. */
export function expressionProblem(text: string, requireXY?: string): { message: string; column: number; length: number } | undefined {
  try {
    const { dim } = compileExpression(text);
    return requireXY && dim !== 2 ? { message: requireXY, column: 1, length: Math.max(1, text.length) } : undefined;
  } catch (error) {
    if (error instanceof ExpressionError) return { message: error.message, column: error.column, length: Math.max(1, error.length) };
    return { message: error instanceof Error ? error.message : String(error), column: 1, length: Math.max(1, text.length) };
  }
}

export function ExpressionField({ label, value: initial, requireXY }: ExpressionFieldOptions): ExpressionFieldElement {
  const id = `downhill-expression-${++nextId}`;
  const root = document.createElement("div") as unknown as ExpressionFieldElement;
  root.className = "downhill-expression";
  root.style.cssText = "margin:0.5rem 0;max-width:640px;";
  const labelElement = Object.assign(document.createElement("label"), { htmlFor: id, textContent: label });
  labelElement.style.cssText = "display:block;";
  const input = Object.assign(document.createElement("input"), { id, type: "text", spellcheck: false, autocomplete: "off", value: initial });
  input.setAttribute("autocapitalize", "off");
  input.setAttribute("aria-describedby", `${id}-message`);
  input.style.cssText = "width:100%;box-sizing:border-box;font:15px var(--monospace, monospace);padding:4px 6px;";
  // The caret line has the field's font and padding, so its ^ sits under the offending column.
  const caret = document.createElement("pre");
  caret.className = "downhill-expression-caret";
  caret.setAttribute("aria-hidden", "true");
  caret.style.cssText = "margin:0;padding:0 7px;font:15px var(--monospace, monospace);color:var(--theme-red, #c92a2a);background:none;min-height:0;overflow:hidden;border:0;";
  const message = Object.assign(document.createElement("p"), { id: `${id}-message`, className: "downhill-expression-message" });
  message.setAttribute("role", "status");
  message.style.cssText = "margin:0;color:var(--theme-red, #c92a2a);font-size:0.9em;min-height:1.2em;";
  root.append(labelElement, input, caret, message);

  let value = initial;
  const check = () => {
    const problem = expressionProblem(input.value, requireXY);
    input.toggleAttribute("aria-invalid", Boolean(problem));
    caret.textContent = problem ? " ".repeat(Math.max(0, problem.column - 1)) + "^".repeat(Math.min(problem.length, 80)) : "";
    message.textContent = problem ? `${problem.message} — the figures keep the last valid function.` : "";
    return !problem;
  };
  // The text box's own input events stop here: the field fires one only when its value changes.
  input.addEventListener("input", (event) => {
    event.stopPropagation();
    if (check() && input.value !== value) {
      value = input.value;
      root.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
  check();
  Object.defineProperty(root, "value", {
    get: () => value,
    set: (text: string) => {
      input.value = text;
      if (check()) value = text;
    },
    enumerable: true,
  });
  return root;
}
