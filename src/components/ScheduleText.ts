// Small text elements the schedule and SWA pages compute: a code block and an error message
// (built here because Framework's `html` global would be fetched from a CDN).

export type CodeLineElement = HTMLPreElement & {
  /** Replaces the code shown, in place (a slider that changes one number rewrites one text node, not the block). */
  show(text: string): void;
};

/** A <pre><code> block holding `text`; a line too long for the column scrolls rather than wraps, as code should. */
export function CodeLine(text = ""): CodeLineElement {
  const pre = document.createElement("pre") as CodeLineElement;
  pre.className = "code-line";
  pre.style.cssText = "white-space:pre;overflow-x:auto;max-width:640px;";
  const code = document.createElement("code");
  code.textContent = text;
  pre.append(code);
  pre.show = (next: string) => {
    if (code.textContent !== next) code.textContent = next;
  };
  return pre;
}

/** A message announced to screen readers, e.g. why a figure could not be drawn. */
export function Alert(text: string): HTMLElement {
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.style.color = "#c92a2a";
  p.textContent = text;
  return p;
}
