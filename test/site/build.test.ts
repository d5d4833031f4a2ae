// The build succeeds and dist/ is self-contained: no CDN host, no `npm:` import, no broken local link,
// every course page built, every formula typeset. globalSetup.ts built the site once.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { findBrokenLocalLinks, findExternalReferences, findKatexErrors } from "./scan.js";

const site = inject("site");
const format = (findings: { file: string; match: string }[]) => findings.map(({ file, match }) => `${file}: ${match}`).join("\n");

describe("npm run build", () => {
  it("succeeds", () => {
    expect(site.ok, `observable build failed:\n${site.log}`).toBe(true);
  });

  it("builds the home page and every page of the sidebar", () => {
    const missing = site.pages.filter((path) => !existsSync(join(site.dir, `${path}.html`)));
    expect(missing, `pages missing from the build:\n${site.log}`).toEqual([]);
  });

  it("references no CDN host and no npm: import", () => {
    expect(format(findExternalReferences(site.dir))).toBe("");
  });

  it("has no broken local link in its pages", () => {
    expect(format(findBrokenLocalLinks(site.dir))).toBe("");
  });

  it("typesets every formula", () => {
    expect(format(findKatexErrors(site.dir))).toBe("");
  });
});

describe("the scans themselves", () => {
  it("catch a planted CDN reference, npm: import and broken link", () => {
    const dir = mkdtempSync(join(tmpdir(), "downhill-scan-"));
    try {
      mkdirSync(join(dir, "_import"));
      writeFileSync(join(dir, "_import", "page.js"), `import "npm:d3"; fetch("https://cdn.jsdelivr.net/npm/katex/dist/katex.css");`);
      writeFileSync(join(dir, "style.css"), `@import url("https://fonts.googleapis.com/css2?family=Inter");`);
      writeFileSync(join(dir, "index.html"), `<link rel="modulepreload" href="./_npm/d3@7.9.2/_esm.js"><a href="./missing">x</a><a href="./_import/page.js">ok</a>`);
      expect(findExternalReferences(dir).map((f) => f.match).sort()).toEqual(['"npm:d3', "cdn.jsdelivr.net", "fonts.googleapis.com"]);
      expect(findBrokenLocalLinks(dir).map((f) => f.match)).toEqual(["./_npm/d3@7.9.2/_esm.js", "./missing"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
