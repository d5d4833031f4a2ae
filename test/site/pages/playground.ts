// What a reader does on the Playground: type good, bad and overflowing loss functions, open a shared
// link and a hostile one, export the runs. Runs after the generic checks, on /playground.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { decodeState, encodeState, defaultState, type PlaygroundState } from "../../../src/components/playground/state.js";

const field = (page: Page) => page.getByLabel("Loss function f(x, y)");
const status = (page: Page) => page.locator(".downhill-run-status").innerText();
const mapLabel = (page: Page) => page.locator(".downhill-map").getAttribute("aria-label");

/** Opens the playground afresh at `fragment` (a hash change alone would not reload the page). */
async function open(page: Page, base: string, fragment: string) {
  await page.goto("about:blank");
  await page.goto(`${base}#${fragment}`);
  await page.locator(".downhill-map svg").first().waitFor();
}

export default async function check(page: Page): Promise<void> {
  const base = page.url().replace(/#.*$/, "");
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => (dialogs.push(dialog.message()), dialog.dismiss()));

  // A valid expression redraws the map and the runs, and lands in the address.
  const before = await status(page);
  await field(page).fill("x^2 + 3*y^2");
  await expect.poll(() => status(page)).not.toBe(before);
  expect(await mapLabel(page)).toContain("x^2 + 3*y^2");
  expect(await page.locator(".downhill-expression-message").innerText()).toBe("");
  await expect.poll(() => decodeState(new URL(page.url()).hash).state.expr).toBe("x^2 + 3*y^2");

  // An invalid one is pointed at, column and all, while the last good figure stays.
  const good = await status(page);
  await field(page).fill("x^2 + )");
  await expect.poll(() => page.locator(".downhill-expression-message").innerText()).toContain('unexpected ")" at column 7');
  expect(await page.locator(".downhill-expression-caret").innerText()).toBe("      ^");
  expect(await status(page)).toBe(good);
  expect(await mapLabel(page)).toContain("x^2 + 3*y^2");
  await field(page).fill("sinn(x) + y^2");
  await expect.poll(() => page.locator(".downhill-expression-message").innerText()).toContain('did you mean "sin"');

  // An overflowing one: the page keeps working and reports what happened with numbers, not NaN errors.
  await field(page).fill("exp(exp(x)) + y^2");
  await expect.poll(() => mapLabel(page)).toContain("exp(exp(x))");
  expect(await page.locator(".observablehq--error").count()).toBe(0);
  expect(await page.locator(".downhill-time-charts svg").count()).toBeGreaterThanOrEqual(3);

  // A test function from the list: its formula, its window, and runs on it.
  await page.getByLabel("Test function").selectOption({ label: "Himmelblau" });
  await expect.poll(() => field(page).inputValue()).toBe("(x^2 + y - 11)^2 + (x + y^2 - 7)^2");
  await expect.poll(() => mapLabel(page)).toContain("(x^2 + y - 11)^2");
  expect(await page.getByLabel("x from").inputValue()).toBe("-5");

  // A shared link reproduces its runs exactly.
  const shared: PlaygroundState = {
    expr: "x^4 - 2*x^2 + y^2",
    view: { x: [-2, 2], y: [-1.5, 1.5] },
    start: [0.1, 1],
    runs: [
      { optimizer: { name: "sgd", lr: 0.05, momentum: 0.5 }, steps: 80 },
      { optimizer: { name: "adam", lr: 0.1 }, steps: 60, schedule: { name: "cosine", tMax: 60 } },
    ],
  };
  await open(page, base, encodeState(shared));
  expect(await field(page).inputValue()).toBe(shared.expr);
  expect(await page.locator(".downhill-run").count()).toBe(2);
  expect(await page.locator(".downhill-notice").count()).toBe(0);
  const sharedStatus = await status(page);
  expect(sharedStatus).toContain("Run 1: SGD");
  expect(sharedStatus).toContain("took all 80 steps");
  expect(sharedStatus).toContain("took all 60 steps");

  // Exports: the CSV has one row per point of every run.
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Runs as CSV" }).click()]);
  const text = await (await csv.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(text.split("\n")[0]).toBe("run,optimizer,step,x,y,loss,lr,gradNorm");
  expect(text.trim().split("\n")).toHaveLength(1 + 81 + 61);

  // Hostile or broken links: a message, the default playground, and nothing run.
  const hostile = [
    encodeState({ ...defaultState, expr: "alert(document.cookie)" }),
    Buffer.from('{"expr":"x^2","view":{"x":[-1,1],"y":[-1,1]},"start":[0],"runs":[],"__proto__":{"polluted":1}}').toString("base64url"),
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    encodeState({ ...defaultState, runs: [{ optimizer: { name: "adam", lr: -1 }, steps: 10 }] }),
    "x".repeat(9000),
  ];
  for (const fragment of hostile) {
    await open(page, base, fragment);
    await expect.poll(() => page.locator(".downhill-notice").innerText()).toContain("could not be read");
    expect(await field(page).inputValue()).toBe(defaultState.expr);
    expect(await page.locator(".downhill-run").count()).toBe(defaultState.runs.length);
  }
  expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();
  expect(dialogs).toEqual([]);
}
