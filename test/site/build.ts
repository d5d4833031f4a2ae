// Builds the course with Framework's CLI into a directory of its own, published under a sub-path
// (GitHub Pages style), so the tests prove `DOWNHILL_BASE` works and never race `npm run build`.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The sub-path the test site is built for and served under. */
export const testBase = "/downhill/";

export interface SiteBuild {
  ok: boolean;
  /** The home page ("/index") and the sidebar's pages, as the config listed them for this build. */
  pages: string[];
  dir: string;
  base: string;
  log: string;
  seconds: number;
}

export function buildSite({ pages, dir = join(tmpdir(), `downhill-site-${process.pid}`), base = testBase }: { pages: string[]; dir?: string; base?: string }): SiteBuild {
  rmSync(dir, { recursive: true, force: true });
  const start = performance.now();
  const result = spawnSync(process.execPath, ["node_modules/@observablehq/framework/dist/bin/observable.js", "build"], {
    env: { ...process.env, DOWNHILL_BASE: base, DOWNHILL_OUTPUT: dir, NO_COLOR: "1" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024
  });
  const log = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`;
  return { ok: result.status === 0, pages, dir, base, log, seconds: (performance.now() - start) / 1000 };
}
