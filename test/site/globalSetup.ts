// Builds the site once for every test in test/site/ and hands the result to them via inject("site").
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { buildSite, type SiteBuild } from "./build.js";

declare module "vitest" {
  export interface ProvidedContext {
    site: SiteBuild;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  // The pages the build will see, read just before it (pages appear in the sidebar when their file does).
  const { pages } = await import("../../observablehq.config.js");
  const site = buildSite({ pages: ["/index", ...pages.map((page) => page.path)] });
  project.provide("site", site);
  return () => rmSync(site.dir, { recursive: true, force: true });
}
