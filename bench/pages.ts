// npx tsx bench/pages.ts [--page playground,momentum] [--reps 5] [--dist DIR] [--full-range] [--json] [--budget 170] [--timeout 5000]
// How long a page takes to redraw after a control moves, in Debian's Chromium (or CHROMIUM_PATH).
// Builds the site into its own directory (DOWNHILL_OUTPUT, default $TMPDIR/downhill-bench-dist; --dist DIR
// reuses a build), serves it on 127.0.0.1 and, on every page, moves each slider (and the playground's
// run-card learning rates) `--reps` times to nearby values, after one unmeasured warm-up move. Each control is
// first scrolled to the middle of the 1280 × 900 viewport, where a reader dragging it would have it.
//
// Per move, measured in the page (performance.now(), MutationObserver on the main column, animation frames):
//   renderMs    the redraw as a reader dragging the slider sees it: the input handler, then from the start of
//               the next frame until that frame (or a later one) has rendered the last DOM change. Framework
//               recomputes cells in an animation frame, and a real drag's input events are dispatched at the
//               start of a frame, so a redraw that fits this budget lands in the frame of the drag.
//               The target: median ≤ 16 ms.
//   mutationMs  last DOM change − dispatch of `input` (it includes the wait for the next frame, ≤ 16.7 ms here)
//   paintMs     the end of the frame that rendered the last change − dispatch
//   floor       per page, the same measure for one hidden text node changed in the next frame: what the
//               machine allows at the moment (a few ms; more when the machine is loaded)
//   long tasks  PerformanceObserver 'longtask' entries (> 50 ms) that started during the move
// The move is over when two animation frames in a row brought no DOM change and no long task (or after
// --timeout ms): a page that draws progressively (the optimizer race) is timed until its last drawing.
// A page that fails to load, or a control that fails, is reported and the run goes on. Times are wall
// times: on a loaded machine they are inflated (the load average is printed).
import { tmpdir, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { buildSite } from "../test/site/build.js";
import { findChromium, launchChromium, openGuardedContext, waitForSettled } from "../test/site/browser.js";
import { serveSite } from "../test/site/server.js";

const { values: options } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    page: { type: "string", multiple: true, default: [] },
    reps: { type: "string", default: "5" },
    dist: { type: "string" },
    "full-range": { type: "boolean", default: false },
    timeout: { type: "string", default: "5000" },
    budget: { type: "string", default: "170" }
  }
});
const reps = Math.max(1, Number(options.reps));
const moveTimeout = Number(options.timeout);
const started = performance.now();
/**
 * The whole run should take about this many seconds: each page gets an equal share of the time left, and a control
 * whose share is spent stops after one measured move; past 1.5 times it, the remaining pages are skipped.
 */
const budgetSeconds = Number(options.budget);
const targetMs = 16;

// stdout carries only the result (one JSON object with --json); progress goes to stderr.
const print = (text: string) => process.stdout.write(text + "\n");
const progress = (text: string) => process.stderr.write(text + "\n");

interface Stats {
  median: number | null;
  p90: number | null;
}

interface Move {
  value: string;
  changed: boolean;
  settled: boolean;
  handlerMs: number;
  firstMutationMs: number | null;
  mutationMs: number | null;
  paintMs: number | null;
  renderMs: number | null;
  frames: number;
  longTasks: { count: number; totalMs: number; maxMs: number };
}

interface ControlResult {
  label: string;
  kind: string;
  moves: Move[];
  renderMs: Stats;
  mutationMs: Stats;
  paintMs: Stats;
  longTasks: { count: number; maxMs: number };
  /** Moves after which nothing in the main column changed, and moves still changing at the timeout. */
  unchanged: number;
  unsettled: number;
  meetsTarget: boolean | null;
  error?: string;
}

interface PageResult {
  page: string;
  url: string;
  loadMs?: number;
  /** Median render time of a one-node change made in the next frame: the floor on this machine at the time. */
  floorMs?: number | null;
  controls: ControlResult[];
  error?: string;
  skipped?: string;
}

/** Nearest-rank percentile of the finite values; null when there are none. */
function percentile(xs: (number | null)[], p: number): number | null {
  const s = xs.filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  if (p === 50) {
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  }
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

const stats = (xs: (number | null)[]): Stats => ({ median: percentile(xs, 50), p90: percentile(xs, 90) });

// The in-page half, as a string so that no transpiler helper leaks into the browser. It installs
// window.__downhillBench with list() (once the page has settled), measure(index, k, fullRange, timeout) and restore(index, timeout).
const instrument = String.raw`(() => {
  if (window.__downhillBench) return;
  const main = document.querySelector("#observablehq-main") || document.body;
  const mutations = { first: -1, last: -1 };
  new MutationObserver(() => {
    const now = performance.now();
    if (mutations.first < 0) mutations.first = now;
    mutations.last = now;
  }).observe(main, { subtree: true, childList: true, attributes: true, characterData: true });
  let longTasks = [];
  let longTaskObserver = null;
  let lastLongTaskEnd = -1;
  const noteLongTasks = (entries) => {
    longTasks.push(...entries);
    for (const entry of entries) lastLongTaskEnd = Math.max(lastLongTaskEnd, entry.startTime + entry.duration);
  };
  try {
    longTaskObserver = new PerformanceObserver((list) => noteLongTasks(list.getEntries()));
    longTaskObserver.observe({ type: "longtask", buffered: true });
  } catch (error) {}
  // Changes whenever the main column changed or a long task ran: a page computing in a frame without
  // drawing yet (a progressive race computes one racer, then draws it a frame later) is not quiet.
  const activity = () => {
    if (longTaskObserver) noteLongTasks(longTaskObserver.takeRecords());
    return mutations.last + "/" + lastLongTaskEnd;
  };

  // Resolves in the next animation frame's callbacks, with the frame's start time (the same for every
  // callback of the frame, so it does not matter whether the runtime's callback runs before ours).
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  // Resolves in a task posted now: posted from a frame callback, it runs once that frame has been rendered.
  const task = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  });
  // Waits until two frames in a row brought no DOM change, or until the timeout.
  async function quiet(timeout) {
    const deadline = performance.now() + timeout;
    let seen = activity(), quietFrames = 0;
    while (quietFrames < 2 && performance.now() < deadline) {
      await frame();
      const now = activity();
      if (now === seen) quietFrames++;
      else (seen = now), (quietFrames = 0);
    }
  }

  const isLearningRate = (input) => input.closest(".downhill-run") !== null && /learning rate/i.test(labelText(input));
  const controls = () => [
    ...main.querySelectorAll("input[type=range]"),
    ...Array.from(main.querySelectorAll("input[type=number]")).filter(isLearningRate)
  ];
  function labelText(input) {
    const label = input.labels && input.labels[0];
    const form = input.closest("form, .downhill-run-field, label");
    const text = (label && label.textContent) || input.getAttribute("aria-label") ||
      (form && form.querySelector("label") && form.querySelector("label").textContent) || input.name || "";
    return text.trim().replace(/\s+/g, " ");
  }
  const originals = new WeakMap();
  const installed = performance.now();
  // Waits until neither the main column changed nor a long task ran for quietMs, or until the timeout: the
  // page has finished its first computation (some pages build their controls only after a long one).
  async function settle(quietMs, timeout) {
    const deadline = performance.now() + timeout;
    for (;;) {
      await frame();
      activity();
      const lastActive = Math.max(installed, mutations.last, lastLongTaskEnd);
      if (performance.now() - lastActive > quietMs || performance.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  // The k-th value to try: near the original (a reader dragging from the default) or spread over the range.
  function candidates(input, k, fullRange) {
    const original = Number(originals.get(input));
    if (input.type === "number") {
      const base = original > 0 ? original : 0.01;
      return [2, 0.5, 1.5, 0.75, 3, 0.3, 1.25, 0.8].map((f) => String(base * f)).slice(k % 8).concat(String(base * 1.1));
    }
    const min = Number(input.min || 0), max = Number(input.max || 100);
    const offsets = fullRange ? [0.2, 0.8, 0.4, 0.6, 0.1, 0.9, 0.3, 0.7] : [0.2, -0.2, 0.1, -0.1, 0.15, -0.15, 0.05, -0.05];
    const fractions = offsets.slice(k % 8).concat(offsets, [0, 1, 0.5]);
    return fractions.map((f) => String(fullRange ? min + f * (max - min) : Math.min(max, Math.max(min, original + f * (max - min)))));
  }

  // Runs change() in a fresh task right after a frame has been rendered, as an input event would arrive,
  // and times the DOM changes that follow until two frames in a row are quiet (or the timeout).
  async function timeChange(change, timeout) {
    await frame();
    await task();
    activity();
    longTasks = [];
    mutations.first = mutations.last = -1;
    const t0 = performance.now();
    change();
    const t1 = performance.now();
    let next = frame(); // the start of the frame in which Framework's runtime recomputes the cells
    const frames = [];
    let seen = activity(), quietFrames = 0, settled = false;
    for (;;) {
      const start = await next;
      const rendered = await task();
      frames.push({ start, rendered });
      const now = activity();
      if (now === seen) quietFrames++;
      else (seen = now), (quietFrames = 0);
      if (mutations.last >= 0 && quietFrames >= 2) { settled = true; break; }
      if (mutations.last < 0 && frames.length >= 10 && rendered - t0 > 300) { settled = true; break; }
      if (rendered - t0 > timeout) break;
      next = frame();
    }
    const end = performance.now();
    activity();
    const tasks = longTasks.filter((entry) => entry.startTime >= t0 - 1 && entry.startTime <= end);
    const last = mutations.last;
    const paintFrame = last < 0 ? undefined : frames.find((f) => f.rendered > last);
    const painted = paintFrame ? paintFrame.rendered : null;
    return {
      changed: last >= 0,
      settled,
      handlerMs: t1 - t0,
      firstMutationMs: mutations.first < 0 ? null : mutations.first - t0,
      mutationMs: last < 0 ? null : last - t0,
      paintMs: painted === null ? null : painted - t0,
      renderMs: painted === null ? null : t1 - t0 + (painted - Math.max(t1, frames[0].start)),
      frames: frames.length,
      longTasks: {
        count: tasks.length,
        totalMs: tasks.reduce((sum, entry) => sum + entry.duration, 0),
        maxMs: tasks.reduce((max, entry) => Math.max(max, entry.duration), 0)
      }
    };
  }

  window.__downhillBench = {
    async list() {
      await settle(500, 15000);
      // A page may build its controls after a long first computation (the playground, on a loaded machine).
      for (const end = performance.now() + 15000; controls().length === 0 && performance.now() < end; )
        await new Promise((resolve) => setTimeout(resolve, 100));
      return controls().map((input) => {
        if (!originals.has(input)) originals.set(input, input.value);
        return { label: labelText(input) || "(unlabelled)", kind: input.type, min: input.min, max: input.max, value: input.value };
      });
    },
    async measure(index, k, fullRange, timeout) {
      const input = controls()[index];
      if (!input) throw new Error("control " + index + " is gone");
      // A reader moves a slider she can see: it is scrolled to the middle of the viewport, as it would be.
      input.scrollIntoView({ block: "center" });
      await quiet(2000);
      const current = input.value;
      let value = null;
      for (const candidate of candidates(input, k, fullRange)) {
        input.value = candidate; // the browser snaps a range to its step
        if (input.value !== current) { value = input.value; break; }
      }
      input.value = current;
      if (value === null) throw new Error("no value other than " + current);
      const move = await timeChange(() => {
        input.value = value;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }, timeout);
      return { value, ...move };
    },
    // The floor on this machine now: one text node changed in the next frame, as the runtime would.
    async baseline() {
      await quiet(2000);
      const probe = main.appendChild(document.createElement("span"));
      probe.hidden = true;
      const move = await timeChange(() => requestAnimationFrame(() => (probe.textContent = String(performance.now()))), 2000);
      probe.remove();
      await quiet(500);
      return move.renderMs;
    },
    async restore(index, timeout) {
      const input = controls()[index];
      if (!input || !originals.has(input) || input.value === originals.get(input)) return;
      input.value = originals.get(input);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await quiet(timeout);
    }
  };
})()`;

/** page.evaluate with a deadline: a page stuck in a loop fails this control, not the run. */
async function evaluate<T>(page: Page, expression: string, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer after ${ms} ms`)), ms)));
  try {
    return await Promise.race([page.evaluate(expression) as Promise<T>, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Moves one control `reps` times after a warm-up move; past `deadline` (performance.now()), stops after one measured move. */
async function measureControl(page: Page, index: number, label: string, kind: string, deadline: number): Promise<ControlResult> {
  const moves: Move[] = [];
  let error: string | undefined;
  try {
    for (let k = 0; k <= reps && (k < 2 || performance.now() < deadline); ++k) {
      const move = await evaluate<Move>(page, `window.__downhillBench.measure(${index}, ${k}, ${options["full-range"]}, ${moveTimeout})`, moveTimeout + 10_000);
      if (k > 0) moves.push(move); // the first move warms up the page's code
    }
    await evaluate(page, `window.__downhillBench.restore(${index}, ${moveTimeout})`, moveTimeout + 10_000);
  } catch (e) {
    error = String((e as Error).message ?? e).split("\n")[0];
  }
  const renderMs = stats(moves.map((m) => m.renderMs));
  return {
    label,
    kind,
    moves,
    renderMs,
    mutationMs: stats(moves.map((m) => m.mutationMs)),
    paintMs: stats(moves.map((m) => m.paintMs)),
    longTasks: { count: moves.reduce((n, m) => n + m.longTasks.count, 0), maxMs: moves.reduce((x, m) => Math.max(x, m.longTasks.maxMs), 0) },
    unchanged: moves.filter((m) => !m.changed).length,
    unsettled: moves.filter((m) => !m.settled).length,
    meetsTarget: renderMs.median === null ? null : renderMs.median <= targetMs,
    ...(error ? { error } : {})
  };
}

/** Benchmarks one page; its controls share the time until `deadline` (performance.now()). */
async function benchPage(page: Page, name: string, url: string, deadline: number): Promise<PageResult> {
  const result: PageResult = { page: name, url, controls: [] };
  try {
    const t0 = performance.now();
    const response = await page.goto(url, { waitUntil: "load", timeout: 30_000 });
    if (response && !response.ok()) throw new Error(`HTTP ${response.status()} for ${url}`);
    await waitForSettled(page);
    result.loadMs = performance.now() - t0;
    await evaluate(page, instrument, 10_000);
    const controls = await evaluate<{ label: string; kind: string; min: string; max: string; value: string }[]>(page, "window.__downhillBench.list()", 25_000);
    const floors: (number | null)[] = [];
    for (let i = 0; i < 3; ++i) floors.push(await evaluate<number | null>(page, "window.__downhillBench.baseline()", 15_000));
    result.floorMs = percentile(floors, 50);
    const seen = new Map<string, number>();
    for (const [index, control] of controls.entries()) {
      const share = (deadline - performance.now()) / (controls.length - index);
      const count = (seen.get(control.label) ?? 0) + 1;
      seen.set(control.label, count);
      const label = count > 1 ? `${control.label} (#${count})` : control.label;
      progress(`  ${label}`);
      result.controls.push(await measureControl(page, index, label, control.kind, performance.now() + share));
    }
  } catch (e) {
    result.error = String((e as Error).message ?? e).split("\n")[0];
  }
  return result;
}

const { pages: configPages } = await import("../observablehq.config.js");
const allPages = ["index", ...configPages.map((p) => p.path.slice(1))];
const wanted = options.page.flatMap((p) => p.split(",")).map((p) => p.replace(/^\//, "")).filter(Boolean);
const unknown = wanted.filter((p) => !allPages.includes(p));
if (unknown.length) {
  progress(`unknown page(s): ${unknown.join(", ")}; the pages are: ${allPages.join(", ")}`);
  process.exit(2);
}
const pageNames = wanted.length ? allPages.filter((p) => wanted.includes(p)) : allPages;

const executablePath = findChromium();
if (!executablePath) {
  progress("no Chromium: install Debian's chromium or set CHROMIUM_PATH");
  process.exit(2);
}

let dir = options.dist;
if (!dir) {
  dir = process.env.DOWNHILL_OUTPUT || join(tmpdir(), "downhill-bench-dist");
  progress(`building the site into ${dir} …`);
  const build = buildSite({ pages: pageNames, dir, base: "/" });
  if (!build.ok) {
    progress(build.log.split("\n").slice(-30).join("\n"));
    progress("the build failed");
    process.exit(1);
  }
  progress(`built in ${build.seconds.toFixed(0)} s`);
}

const server = await serveSite(dir, "/");
const browser = await launchChromium(executablePath);
const results: PageResult[] = [];
try {
  const { context } = await openGuardedContext(browser, { width: 1280 });
  for (const [i, name] of pageNames.entries()) {
    const url = `${server.url}${name === "index" ? "" : name}`;
    if ((performance.now() - started) / 1000 > 1.5 * budgetSeconds) {
      results.push({ page: name, url, controls: [], skipped: `time budget of ${budgetSeconds} s overrun by half` });
      continue;
    }
    progress(`${name}`);
    const page = await context.newPage();
    // Each page gets an equal share of the time left, so a slow page costs its own samples, not the next pages.
    const share = (started + budgetSeconds * 1000 - performance.now()) / (pageNames.length - i);
    results.push(await benchPage(page, name, url, performance.now() + share));
    await page.close({ runBeforeUnload: false }).catch(() => undefined);
  }
} finally {
  await browser.close().catch(() => undefined);
  await server.close();
}

const medians = results.flatMap((p) => p.controls.map((c) => c.renderMs.median)).filter((m): m is number => m !== null);
const worstMedianMs = medians.length ? Math.max(...medians) : null;
const load = loadavg().map((x) => Number(x.toFixed(2)));

if (options.json) {
  print(JSON.stringify({ pages: results, worstMedianMs, targetMs, reps, loadAverage: load, seconds: Math.round((performance.now() - started) / 1000) }));
} else {
  const ms = (x: number | null) => (x === null ? "–" : x.toFixed(1)).padStart(7);
  const lines = [
    `${"page".padEnd(22)} ${"control".padEnd(40)} ${"n".padStart(2)} ${"median".padStart(7)} ${"p90".padStart(7)} ${"≤16ms".padEnd(5)} ${"mutate".padStart(7)} ${"paint".padStart(7)} long tasks (n, max ms)`
  ];
  for (const p of results) {
    if (p.error || p.skipped) lines.push(`${p.page.padEnd(22)} ${p.error ? `FAILED: ${p.error}` : `skipped: ${p.skipped}`}`);
    else if (p.controls.length === 0) lines.push(`${p.page.padEnd(22)} (no sliders)`);
    if (p.controls.length) lines.push(`${p.page.padEnd(22)} ${"(floor: one text node changed)".padEnd(40)}    ${ms(p.floorMs ?? null)}`);
    for (const c of p.controls) {
      const notes = [c.unchanged ? `${c.unchanged} moves changed nothing` : "", c.unsettled ? `${c.unsettled} still changing at ${moveTimeout} ms` : "", c.error ? `error: ${c.error}` : ""].filter(Boolean);
      const verdict = c.meetsTarget === null ? "–" : c.meetsTarget ? "yes" : "NO";
      const long = c.longTasks.count ? `${c.longTasks.count}, ${c.longTasks.maxMs.toFixed(0)}` : "0";
      lines.push(
        `${p.page.padEnd(22)} ${c.label.slice(0, 40).padEnd(40)} ${String(c.moves.length).padStart(2)} ${ms(c.renderMs.median)} ${ms(c.renderMs.p90)} ${verdict.padEnd(5)} ${ms(c.mutationMs.median)} ${ms(c.paintMs.median)} ${long}${notes.length ? `  (${notes.join("; ")})` : ""}`
      );
    }
  }
  lines.push(
    "",
    "floor: the same measure for a one-node change made in the next frame, the least any control can score here",
    `median/p90: input handler + next frame until the last DOM change is rendered (ms, over n moves after a warm-up move); mutate: last DOM change − dispatch; paint: end of that frame − dispatch`,
    `worst median: ${worstMedianMs === null ? "–" : worstMedianMs.toFixed(1)} ms (target ≤ ${targetMs} ms); load average ${load.join(", ")}; ${Math.round((performance.now() - started) / 1000)} s`
  );
  print(lines.join("\n"));
}
