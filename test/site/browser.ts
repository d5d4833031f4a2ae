// Chromium via playwright-core, and the generic checks the browser test runs on every page.
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium, or the one named by CHROMIUM_PATH; null when neither exists. */
export function findChromium(): string | null {
  const path = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  return existsSync(path) ? path : null;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
  });
}

/** What a page did that it should not: console errors, uncaught errors, requests to other hosts. */
export interface Problems {
  consoleErrors: string[];
  pageErrors: string[];
  externalRequests: string[];
}

/**
 * A browser context that lets requests reach only 127.0.0.1 (any other is recorded and aborted) and
 * records console errors and page errors of every page opened in it.
 */
export async function openGuardedContext(browser: Browser, options: { width: number; colorScheme?: "light" | "dark" }): Promise<{ context: BrowserContext; problems: Problems }> {
  const context = await browser.newContext({ viewport: { width: options.width, height: 900 }, colorScheme: options.colorScheme ?? "light" });
  const problems: Problems = { consoleErrors: [], pageErrors: [], externalRequests: [] };
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    problems.externalRequests.push(url.href);
    return route.abort("blockedbyclient");
  });
  await context.addInitScript(recordMutations);
  context.on("page", (page) => watchPage(page, problems));
  return { context, problems };
}

function watchPage(page: Page, problems: Problems): void {
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.pageErrors.push(String(error.stack ?? error)));
}

/**
 * Waits until no inline cell is pending (Framework shows <observablehq-loading> meanwhile; it fails
 * after `timeout`), then until the page has been quiet — no DOM change for 250 ms — for at most `quietTimeout`
 * (a page may animate forever; block cells show nothing while pending, so quiet is the best signal).
 */
export async function waitForSettled(page: Page, timeout = 30_000, quietTimeout = 2_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector("observablehq-loading") === null, undefined, { timeout, polling: 50 });
  await page
    .waitForFunction(() => performance.now() - ((window as { lastMutation?: number }).lastMutation ?? 0) > 250, undefined, { timeout: quietTimeout, polling: 50 })
    .catch(() => undefined);
}

/** Records the time of the last DOM change in window.lastMutation, for waitForSettled. */
export const recordMutations = `addEventListener("DOMContentLoaded", () => {
  window.lastMutation = performance.now();
  new MutationObserver(() => (window.lastMutation = performance.now())).observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
});`;

/** The cells in error: Framework marks them .observablehq--error. */
export function errorCells(page: Page): Promise<string[]> {
  return page.$$eval(".observablehq--error", (cells) => cells.map((cell) => (cell.textContent ?? "").trim().slice(0, 300)));
}

/** Charts in the main column: Plot figures (an svg with an accessible name), any svg in a figure or in a named element. */
export const chartSelector = ["svg[aria-label]", "figure svg", "[aria-label] svg", '[role="img"] svg'].map((s) => `#observablehq-main ${s}`).join(", ");

/** A hash of everything drawn in the main column (SVG markup, canvas pixels), to see whether moving a control changed a chart. */
export function drawingSnapshot(page: Page): Promise<number> {
  return page.$eval("#observablehq-main", (main) => {
    let hash = 0x811c9dc5;
    const add = (text: string) => {
      for (let i = 0; i < text.length; ++i) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    };
    for (const svg of Array.from(main.querySelectorAll("svg"))) add(svg.outerHTML);
    for (const canvas of Array.from(main.querySelectorAll("canvas"))) {
      try {
        add(canvas.toDataURL());
      } catch {
        add(`${canvas.width}x${canvas.height}`);
      }
    }
    return hash >>> 0;
  });
}

/**
 * Problems with the typeset math: KaTeX's stylesheet not applied (its MathML copy would show as a
 * second, plain-text copy of every formula), formulas typeset twice (nested .katex), KaTeX errors,
 * and TeX commands left as raw text in the prose.
 */
export function mathProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const main = document.querySelector("#observablehq-main") ?? document.body;
    for (const mathml of Array.from(main.querySelectorAll(".katex-mathml"))) {
      const style = getComputedStyle(mathml);
      const hidden = style.position === "absolute" && (style.clip.startsWith("rect(1px") || style.clipPath !== "none");
      if (!hidden) {
        problems.push(`KaTeX stylesheet not applied: MathML of “${mathml.textContent?.trim().slice(0, 60)}” is visible`);
        break;
      }
    }
    for (const nested of Array.from(main.querySelectorAll(".katex .katex"))) problems.push(`formula typeset twice: ${nested.textContent?.slice(0, 60)}`);
    for (const error of Array.from(main.querySelectorAll(".katex-error"))) problems.push(`KaTeX error: ${error.getAttribute("title") ?? error.textContent}`);
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(".katex, pre, code, script, style, textarea, input, .observablehq--inspect, [contenteditable]")) continue;
      const text = node.textContent ?? "";
      const raw = /\$\$|\\(?:frac|nabla|partial|theta|eta|sum|mathbf|sqrt|alpha|beta|left|right|cdot)\b/.exec(text);
      if (raw) problems.push(`raw TeX in the page text: “${text.slice(Math.max(0, raw.index - 40), raw.index + 40)}”`);
    }
    return problems;
  });
}

export interface SliderResult {
  label: string;
  changed: boolean;
}

/**
 * Moves every range input (sets a new value and dispatches `input`, as a reader dragging it would)
 * and reports whether anything drawn on the page changed; puts each slider back afterwards.
 */
export async function moveEverySlider(page: Page, timeout = 5_000): Promise<SliderResult[]> {
  const sliders = await page.$$("#observablehq-main input[type=range]");
  const results: SliderResult[] = [];
  for (const slider of sliders) {
    const label = await slider.evaluate((input) => {
      const element = input as HTMLInputElement;
      const form = element.closest("form, label, div");
      const text = element.labels?.[0]?.textContent ?? form?.querySelector("label")?.textContent ?? element.name ?? "";
      return `${text.trim() || "(unlabelled)"} [${element.min}..${element.max}, value ${element.value}]`;
    });
    const before = await drawingSnapshot(page);
    const original = await slider.evaluate((input) => {
      const element = input as HTMLInputElement;
      const original = element.value;
      const min = Number(element.min || 0);
      const max = Number(element.max || 100);
      // Try a few positions until the browser (which snaps to `step`) accepts a different value.
      for (const fraction of [0.73, 0.27, 1, 0, 0.5]) {
        element.value = String(min + fraction * (max - min));
        if (element.value !== original) break;
      }
      element.dispatchEvent(new Event("input", { bubbles: true }));
      return original;
    });
    let changed = false;
    const deadline = Date.now() + timeout;
    while (!changed && Date.now() < deadline) {
      await page.waitForTimeout(50);
      changed = (await drawingSnapshot(page)) !== before;
    }
    results.push({ label, changed });
    await slider.evaluate((input, value) => {
      const element = input as HTMLInputElement;
      element.value = value;
      element.dispatchEvent(new Event("input", { bubbles: true }));
    }, original);
    await waitForSettled(page, timeout, 1_000).catch(() => undefined);
  }
  return results;
}

/** How far the page overflows a narrow viewport sideways (0 when it fits). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}
