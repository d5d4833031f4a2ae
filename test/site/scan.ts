// Static checks over a built site: references to CDNs or `npm:` imports, and local links that point
// at nothing. Plain functions over a directory, so a test can plant a bad file and watch them fail.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** Hosts a page must never load from: the site has to work with no network but its own. */
export const cdnPattern =
  /\b(?:cdn\.jsdelivr\.net|jsdelivr\.(?:net|com)|unpkg\.com|esm\.sh|esm\.run|skypack\.dev|jspm\.io|cdnjs\.cloudflare\.com|fonts\.googleapis\.com|fonts\.gstatic\.com|googleapis\.com|gstatic\.com|api\.observablehq\.com|cdn\.[a-z0-9-]+\.[a-z]{2,})\b/gi;

/** An `npm:` specifier in an import, a preload, or a string: Framework would fetch it from a CDN. */
export const npmImportPattern = /["'`]npm:[^"'`\s]*/g;

const textExtensions = /\.(?:html|js|mjs|css|json|svg|txt|md)$/;

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

export interface Finding {
  file: string;
  match: string;
}

/** Every CDN host or `npm:` specifier mentioned in a text file under `dir`. */
export function findExternalReferences(dir: string): Finding[] {
  const findings: Finding[] = [];
  for (const file of listFiles(dir).filter((f) => textExtensions.test(f))) {
    const text = readFileSync(file, "utf8");
    for (const pattern of [cdnPattern, npmImportPattern]) {
      for (const [match] of text.matchAll(pattern)) findings.push({ file: relative(dir, file), match });
    }
  }
  return findings;
}

/**
 * Relative href/src targets in the HTML pages that do not exist in `dir`. A page that used an
 * `npm:` import or an implicit global (Plot, d3, Inputs…) preloads `./_npm/…`, which the offline
 * build could not download: it shows up here as a missing file.
 */
export function findBrokenLocalLinks(dir: string): Finding[] {
  const findings: Finding[] = [];
  for (const file of listFiles(dir).filter((f) => f.endsWith(".html"))) {
    const html = readFileSync(file, "utf8");
    for (const [, target] of html.matchAll(/(?:href|src)="(\.{1,2}\/[^"#?]*)[^"]*"/g)) {
      const path = resolve(dirname(file), decodeURI(target));
      const candidates = [path, `${path}.html`, join(path, "index.html")];
      if (!candidates.some((candidate) => existsSync(candidate) && (candidate !== path || !path.endsWith("/")))) {
        findings.push({ file: relative(dir, file), match: target });
      }
    }
  }
  return findings;
}

/** Formulas KaTeX could not typeset at build time (src/math.ts renders them as .katex-error). */
export function findKatexErrors(dir: string): Finding[] {
  const findings: Finding[] = [];
  for (const file of listFiles(dir).filter((f) => f.endsWith(".html"))) {
    const html = readFileSync(file, "utf8");
    for (const [match] of html.matchAll(/<span class="katex-error"[^>]*>/g)) findings.push({ file: relative(dir, file), match });
  }
  return findings;
}
