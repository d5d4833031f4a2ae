// Build-time: the update lines of each optimizer, read from lib/ itself so the page shows the code that runs.
// Prefers the lines between `// #region update` and `// #endregion`; without markers, the body of `step(`.
import { readFileSync } from "node:fs";

const names = ["sgd", "momentum", "adagrad", "rmsprop", "adam", "adamw"] as const;
// AdamW has no step of its own: adamw.ts builds it from adam.ts's adamFamily with decoupled weight decay.
const fileOf = (name: string) => (name === "adamw" ? "adam" : name);

interface Excerpt {
  file: string;
  /** 1-based line number of the first line shown. */
  startLine: number;
  code: string;
  /** How the lines were found: the region markers, or the step method as a fallback. */
  source: "region" | "step";
}

function excerpt(name: string): Excerpt {
  const file = `lib/optimizers/${fileOf(name)}.ts`;
  const lines = readFileSync(new URL(`../../${file}`, import.meta.url), "utf8").split("\n");
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

process.stdout.write(JSON.stringify(Object.fromEntries(names.map((name) => [name, excerpt(name)])), null, 1));
