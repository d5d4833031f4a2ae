// How Downhill typesets math: KaTeX from node_modules, never a CDN, with one set of options for
// formulas written in Markdown (rendered once, at build time, by `markdownItMath` below) and for
// formulas that cells build at run time (`tex`). The stylesheet and fonts come from
// `src/assets/katex.css.ts`, linked from every page's <head> by observablehq.config.ts.
import katex from "katex";
import type { KatexOptions } from "katex";
import type { MarkdownIt, StateBlock, StateInline } from "markdown-it";

/** KaTeX options shared by build-time and run-time typesetting. */
export const katexOptions: Readonly<KatexOptions> = {
  output: "htmlAndMathml", // HTML for sighted readers (needs the CSS), MathML for screen readers
  throwOnError: false, // a bad formula renders as a red .katex-error; the build test fails on it
  strict: "warn"
};

/** Typesets `source` into a new element, e.g. `tex("\\nabla f(x, y)", {displayMode: true})`. */
export function tex(source: string, { displayMode = false }: { displayMode?: boolean } = {}): HTMLElement {
  const element = document.createElement(displayMode ? "div" : "span");
  if (displayMode) element.className = "katex-block";
  katex.render(source, element, { ...katexOptions, displayMode });
  return element;
}

/** The HTML for `source`, as `tex` would make it. */
export function texToString(source: string, { displayMode = false }: { displayMode?: boolean } = {}): string {
  const html = katex.renderToString(source, { ...katexOptions, displayMode });
  return displayMode ? `<div class="katex-block">${html}</div>` : html;
}

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;
const BRACE_LEFT = 0x7b;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * Inline `$…$` (Pandoc's rule: no space just inside the dollars, no digit just after the closing
 * one, so "$5 and $10" stays text) and `$$…$$` (display). Never touches Framework's `${…}`: an
 * opening dollar followed by `{` is not math, and a span that would close on `${` is abandoned.
 */
function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, posMax } = state;
  const start = state.pos;
  if (src.charCodeAt(start) !== DOLLAR) return false;
  const display = src.charCodeAt(start + 1) === DOLLAR;
  const open = start + (display ? 2 : 1);
  if (open >= posMax) return false;
  const first = src.charCodeAt(open);
  if (first === BRACE_LEFT || isSpace(first) || first === DOLLAR) return false;
  for (let pos = open; pos < posMax; ++pos) {
    const code = src.charCodeAt(pos);
    if (code === BACKSLASH) {
      ++pos; // \$ and \\ inside math belong to TeX
      continue;
    }
    if (code !== DOLLAR) continue;
    if (src.charCodeAt(pos + 1) === BRACE_LEFT) return false; // `${` starts a Framework expression
    if (display) {
      if (src.charCodeAt(pos + 1) !== DOLLAR) continue;
    } else if (isSpace(src.charCodeAt(pos - 1)) || isDigit(src.charCodeAt(pos + 1))) {
      continue;
    }
    if (!silent) {
      const token = state.push("math_inline", "math", 0);
      token.markup = display ? "$$" : "$";
      token.content = src.slice(open, pos);
    }
    state.pos = pos + (display ? 2 : 1);
    return true;
  }
  return false;
}

/** A paragraph of display math: a line starting with `$$`, up to the line ending with `$$`. */
function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false; // an indented code block
  const lineText = (line: number) => state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
  const firstLine = lineText(startLine);
  if (!firstLine.startsWith("$$") || firstLine.charCodeAt(2) === BRACE_LEFT) return false;
  const rest = firstLine.slice(2).trimEnd();
  let content: string;
  let lastLine = startLine;
  if (rest.endsWith("$$")) {
    content = rest.slice(0, -2);
  } else {
    const lines = [rest];
    for (;;) {
      if (++lastLine >= endLine) return false;
      const text = lineText(lastLine).trimEnd();
      if (text.endsWith("$$")) {
        lines.push(text.slice(0, -2));
        break;
      }
      lines.push(text);
    }
    content = lines.join("\n");
  }
  if (!content.trim()) return false;
  if (silent) return true;
  const token = state.push("math_block", "math", 0);
  token.block = true;
  token.markup = "$$";
  token.content = content;
  token.map = [startLine, lastLine + 1];
  state.line = lastLine + 1;
  return true;
}

/**
 * The markdown-it plugin behind `markdownIt` in observablehq.config.ts: typesets `$…$`, `$$…$$`
 * and ```tex fences to static HTML at build time, so pages need no KaTeX script at all.
 */
export function markdownItMath(md: MarkdownIt): MarkdownIt {
  md.inline.ruler.before("escape", "math_inline", mathInline);
  md.block.ruler.before("fence", "math_block", mathBlock, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.renderer.rules.math_inline = (tokens, idx) => {
    const token = tokens[idx];
    return texToString(token.content, { displayMode: token.markup === "$$" });
  };
  md.renderer.rules.math_block = (tokens, idx) => texToString(tokens[idx].content, { displayMode: true }) + "\n";
  const fence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (token.info.trim().split(/\s+/)[0] !== "tex") return fence ? fence(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    // Framework would typeset a ```tex fence in the browser with KaTeX from a CDN; we do it here.
    if (token.content.includes("${")) {
      return `<div class="katex-block"><span class="katex-error">A \`\`\`tex block cannot interpolate \${…}; use tex() from src/math.ts in a js cell.</span></div>\n`;
    }
    return texToString(token.content, { displayMode: true }) + "\n";
  };
  return md;
}
