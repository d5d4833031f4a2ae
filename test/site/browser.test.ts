// Every page of the built course in Chromium: no error cells, no console or page errors, no request
// to another host, a chart, math typeset once, every slider changes a drawing, then the page's own
// checks from test/site/pages/<page>.ts. Screenshots at 1280 and 390 px go to test/screenshots/.
import { mkdirSync, readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  chartSelector,
  errorCells,
  findChromium,
  horizontalOverflow,
  launchChromium,
  mathProblems,
  moveEverySlider,
  openGuardedContext,
  waitForSettled
} from "./browser.js";
import { serveSite, type StaticServer } from "./server.js";

type PageCheck = (page: Page) => Promise<void>;

const site = inject("site");
const chromiumPath = findChromium();
const ci = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false" && process.env.CI !== "0";
const screenshots = fileURLToPath(new URL("../screenshots/", import.meta.url));
const pageChecksDir = new URL("./pages/", import.meta.url);

/** The home page and every page of the sidebar, by name (the home page is "index"). */
/** SITE_PAGES=momentum,playground limits the run to those pages (use "index" for the home page). */
const only = process.env.SITE_PAGES?.split(",").map((name) => name.trim());
const routes = site.pages
  .map((page) => (page === "/index" ? { name: "index", path: "" } : { name: page.slice(1), path: page.slice(1) }))
  .filter((route) => !only || only.includes(route.name));

if (!chromiumPath && !ci) {
  console.warn(
    `\n${"!".repeat(78)}\n!! SKIPPING THE BROWSER TEST: no Chromium at ${process.env.CHROMIUM_PATH || "/usr/bin/chromium"}.\n` +
      `!! Install it (apt-get install -y chromium) or set CHROMIUM_PATH. With CI=true this is a failure.\n${"!".repeat(78)}\n`
  );
}

function pageCheckFiles(): string[] {
  try {
    return readdirSync(pageChecksDir).filter((file) => /\.ts$/.test(file) && !file.endsWith(".d.ts"));
  } catch {
    return [];
  }
}

async function loadPageCheck(name: string): Promise<PageCheck | null> {
  const file = pageCheckFiles().find((f) => f === `${name}.ts`);
  if (!file) return null;
  const module = (await import(pathToFileURL(fileURLToPath(new URL(file, pageChecksDir))).href)) as { default?: PageCheck };
  if (typeof module.default !== "function") throw new Error(`test/site/pages/${file} has no default export check(page)`);
  return module.default;
}

/** Generic checks of this many pages run at once (the machines that run this have two cores). */
const concurrency = Number(process.env.SITE_CONCURRENCY ?? 2);

describe.skipIf(!chromiumPath && !ci)("the built course in Chromium", () => {
  let browser: Browser;
  let server: StaticServer;
  /** The generic checks' failures per page, computed `concurrency` pages at a time from beforeAll on. */
  const generic = new Map<string, Promise<string[]>>();

  beforeAll(async () => {
    if (!chromiumPath) throw new Error(`CI is set and there is no Chromium at ${process.env.CHROMIUM_PATH || "/usr/bin/chromium"}`);
    if (!site.ok) throw new Error(`the build failed, see build.test.ts:\n${site.log}`);
    mkdirSync(screenshots, { recursive: true });
    server = await serveSite(site.dir, site.base);
    browser = await launchChromium(chromiumPath);
    const queue = routes.map((route) => {
      let resolve!: (failures: string[]) => void;
      generic.set(route.name, new Promise((r) => (resolve = r)));
      return { route, resolve };
    });
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        job.resolve(await genericChecks(job.route).catch((error: unknown) => [`the checks crashed: ${String(error)}`]));
      }
    };
    for (let i = 0; i < concurrency; ++i) void worker();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("has a page for every page-specific check in test/site/pages/", () => {
    const names = new Set(site.pages.map((page) => page.slice(1)));
    const orphans = pageCheckFiles().filter((file) => !names.has(file.replace(/\.ts$/, "")));
    if (orphans.length) console.warn(`page checks with no page in the sidebar (yet): ${orphans.join(", ")}`);
  });

  // The generic checks run concurrently; a page's own checks run inside its test, one page at a
  // time, since they may use vitest's expect (expect.poll needs a current test).
  for (const route of routes) {
    it(
      `/${route.path} works`,
      async () => {
        const failures = [...(await generic.get(route.name)!), ...(await pageSpecificChecks(route))];
        expect(failures, `/${route.path}`).toEqual([]);
      },
      600_000
    );
  }

  /** Opens a page in a guarded context, runs `body`, and adds what the page did wrong meanwhile. */
  async function withPage(path: string, body: (page: Page, failures: string[]) => Promise<void>): Promise<string[]> {
    const failures: string[] = [];
    const { context, problems } = await openGuardedContext(browser, { width: 1280 });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}${path}`, { waitUntil: "load" });
      await settle(page, failures, "loading");
      await body(page, failures);
    } finally {
      await context.close();
    }
    failures.push(...problems.consoleErrors.map((message) => `console error: ${message}`));
    failures.push(...problems.pageErrors.map((message) => `page error: ${message}`));
    failures.push(...problems.externalRequests.map((url) => `request to another host: ${url}`));
    return failures;
  }

  function settle(page: Page, failures: string[], when: string): Promise<void> {
    return waitForSettled(page).catch(() => {
      failures.push(`inline cells still loading 30 s after ${when}`);
    });
  }

  /**
   * The whole page as one image. Figures off screen are not rendered until they come near the viewport
   * (content-visibility: auto, in style.css), and a full-page capture does not scroll: they are rendered for it.
   */
  async function fullPageScreenshot(page: Page, path: string): Promise<void> {
    const style = await page.addStyleTag({ content: ".downhill-figure-slot { content-visibility: visible !important; }" });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path, fullPage: true });
    await style.evaluate((node) => (node as Element).remove());
  }

  function genericChecks({ name, path }: { name: string; path: string }): Promise<string[]> {
    return withPage(path, async (page, failures) => {
      for (const cell of await errorCells(page)) failures.push(`error cell: ${cell}`);
      // A chart computed in a worker may arrive after the page is quiet: give it 15 s.
      const chart = await page.locator(chartSelector).first().waitFor({ state: "attached", timeout: 15_000 }).then(() => true, () => false);
      if (!chart) failures.push(`no chart (looked for ${chartSelector})`);
      failures.push(...(await mathProblems(page)));
      await fullPageScreenshot(page, `${screenshots}${name}-1280.png`);

      for (const slider of await moveEverySlider(page)) {
        if (!slider.changed) failures.push(`moving the slider ${slider.label} changed no chart`);
      }

      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(200); // resize() re-renders on the next frame after a ResizeObserver callback
      await settle(page, failures, "narrowing the window to 390 px");
      for (const cell of await errorCells(page)) failures.push(`error cell at 390 px: ${cell}`);
      await fullPageScreenshot(page, `${screenshots}${name}-390.png`);
      const overflow = await horizontalOverflow(page);
      if (overflow > 1) console.warn(`/${path}: at 390 px the page is ${overflow} px wider than the window`);

      if (name === "index") {
        // One look at the dark theme, on the home page.
        await page.emulateMedia({ colorScheme: "dark" });
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.waitForTimeout(200);
        await settle(page, failures, "switching to the dark theme");
        await page.screenshot({ path: `${screenshots}${name}-1280-dark.png` });
      }
    });
  }

  async function pageSpecificChecks({ name, path }: { name: string; path: string }): Promise<string[]> {
    const check = await loadPageCheck(name);
    if (!check) return [];
    return withPage(path, async (page, failures) => {
      try {
        await check(page);
      } catch (error) {
        failures.push(`test/site/pages/${name}.ts: ${error instanceof Error ? error.message : String(error)}`);
      }
      for (const cell of await errorCells(page)) failures.push(`error cell after the page's own checks: ${cell}`);
    });
  }
});
