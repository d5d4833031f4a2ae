// The update lines of an optimizer, cut from its source file: the lines between `// #region update` and
// `// #endregion`, or, without markers, the body of `step(`. The page reads lib/'s files as attachments and
// cuts them in the browser, so what it shows is always the code that runs (a build-time loader would keep
// serving its cached copy after lib/ changed).

/** One optimizer's update lines. */
export interface SourceExcerpt {
  file: string;
  /** 1-based line number of the first line shown. */
  startLine: number;
  code: string;
  /** How the lines were found: the region markers, or the step method as a fallback. */
  source: "region" | "step";
}

export function updateExcerpt(text: string, file: string): SourceExcerpt {
  const lines = text.split("\n");
  const begin = lines.findIndex((l) => /\/\/\s*#region update\b/.test(l));
  const end = begin < 0 ? -1 : lines.findIndex((l, i) => i > begin && /\/\/\s*#endregion\b/.test(l));
  if (begin >= 0 && end > begin) return { file, startLine: begin + 2, code: dedent(lines.slice(begin + 1, end)), source: "region" };
  return { file, ...stepBody(lines), source: "step" };
}

/** The lines inside `step(…) {`…`}`, found by brace counting from the method's opening line. */
function stepBody(lines: string[]): { startLine: number; code: string } {
  const open = lines.findIndex((l) => /^\s*step\(/.test(l));
  if (open < 0) return { startLine: 1, code: "// (no step method found)" };
  let depth = 0;
  for (let i = open; i < lines.length; ++i) {
    for (const ch of lines[i]) depth += ch === "{" ? 1 : ch === "}" ? -1 : 0;
    if (depth === 0 && i > open) return { startLine: open + 2, code: dedent(lines.slice(open + 1, i)) };
  }
  return { startLine: open + 2, code: dedent(lines.slice(open + 1)) };
}

function dedent(lines: string[]): string {
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}
