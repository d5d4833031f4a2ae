// Builds the site once for every test in test/site/ and hands the result to them via inject("site").
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { buildSite, type SiteBuild } from "./build.js";

declare module "vitest" {
  export interface ProvidedContext {
    site: SiteBuild;
  }
}

export default function setup(project: TestProject): () => void {
  const site = buildSite();
  project.provide("site", site);
  return () => rmSync(site.dir, { recursive: true, force: true });
}
