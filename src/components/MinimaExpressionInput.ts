// A text field for a loss f(x, y) in the expression language. Its value is the last text that compiled to a
// function of both x and y, so a typo never blanks the figures; the error shows under the field with a caret
// at the offending column. Nothing typed is run as code: the expression language parses and differentiates it.
import { compileExpression, ExpressionError } from "../lib/objectives/expression/index.js";

export type MinimaExpressionElement = HTMLElement & { value: string };

let nextId = 0;

/** Where the error is and what it says, or undefined when `text` is a usable f(x, y). */
export function expressionProblem(text: string): { message: string; column: number; length: number } | undefined {
  try {
    const compiled = compileExpression(text);
    if (compiled.dim !== 2) return { message: "use both x and y: the map needs a function of two variables", column: 1, length: Math.max(1, text.length) };
    return undefined;
  } catch (error) {
    if (error instanceof ExpressionError) return { message: error.message, column: error.column, length: Math.max(1, error.length) };
    return { message: error instanceof Error ? error.message : String(error), column: 1, length: Math.max(1, text.length) };
  }
}

export function MinimaExpressionInput(initial: string, { label = "f(x, y) =" } = {}): MinimaExpressionElement {
  const id = `downhill-minima-expression-${++nextId}`;
  const root = document.createElement("div") as unknown as MinimaExpressionElement;
  root.className = "minima-expression";
  root.style.cssText = "margin:0.5rem 0;max-width:640px;";
  const labelElement = document.createElement("label");
  labelElement.htmlFor = id;
  labelElement.textContent = label;
  labelElement.style.cssText = "display:block;font-size:0.9em;";
  const input = document.createElement("input");
  input.id = id;
  input.type = "text";
  input.spellcheck = false;
  input.autocomplete = "off";
  input.value = initial;
  input.setAttribute("aria-describedby", `${id}-message`);
  input.style.cssText = "width:100%;box-sizing:border-box;font:14px var(--monospace, monospace);padding:4px 6px;";
  // The caret line uses the same monospace font and padding as the field, so its ^ sits under the column.
  const caret = document.createElement("pre");
  caret.setAttribute("aria-hidden", "true");
  caret.style.cssText = "margin:0;padding:0 7px;font:14px var(--monospace, monospace);color:#c92a2a;background:none;min-height:0;overflow:hidden;";
  const message = document.createElement("p");
  message.id = `${id}-message`;
  message.setAttribute("role", "status");
  message.style.cssText = "margin:0;color:#c92a2a;font-size:0.9em;min-height:1.2em;";
  root.append(labelElement, input, caret, message);

  let value = initial;
  const check = () => {
    const problem = expressionProblem(input.value);
    input.setAttribute("aria-invalid", String(Boolean(problem)));
    caret.textContent = problem ? " ".repeat(Math.max(0, problem.column - 1)) + "^".repeat(Math.min(problem.length, 80)) : "";
    message.textContent = problem ? `${problem.message} — the figures keep the last good function.` : "";
    return !problem;
  };
  // The field's own input events stop here: the element fires one only when its value changes.
  input.addEventListener("input", (event) => {
    event.stopPropagation();
    if (check() && input.value !== value) {
      value = input.value;
      root.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
  check();
  Object.defineProperty(root, "value", { get: () => value, set: (v: string) => ((input.value = v), check() && (value = v)), enumerable: true });
  return root;
}
