import type { Page } from "playwright-core";

const contour = "div[role=group] svg[aria-label^='Contour map']";

/** Waits for `what`, and says which wait it was if it times out. */
async function waitFor(what: string, wait: Promise<unknown>): Promise<void> {
  try {
    await wait;
  } catch (error) {
    throw new Error(`${what}: ${(error as Error).message.split("\n")[0]}`);
  }
}

/** Runs after the generic checks on /comparing-optimizers: drag the start, use the keys, type an expression. */
export default async function check(page: Page): Promise<void> {
  // The race computes its runs a slice per frame; wait until all six racers have run.
  const raced = (when: string) =>
    waitFor(`the race finishing ${when}`, page.waitForFunction(() => document.querySelector("main")?.textContent?.includes("a slice per frame"), null, { timeout: 60_000 }));
  await raced("on load");
  const status = page.locator("div[role=group] [aria-live=polite]");
  const before = await status.textContent();
  const box = (await page.locator(contour).boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.6, { steps: 5 });
  await page.mouse.up();
  await waitFor("the start's status after a drag", page.waitForFunction((text) => document.querySelector("div[role=group] [aria-live=polite]")?.textContent !== text, before, { timeout: 60_000 }));
  const dropped = await status.textContent();

  await page.locator("div[role=group]").focus();
  await page.keyboard.press("ArrowUp");
  await waitFor("the start's status after ArrowUp", page.waitForFunction((text) => document.querySelector("div[role=group] [aria-live=polite]")?.textContent !== text, dropped, { timeout: 60_000 }));
  // The race re-runs from the new start; the picker keeps the focus, so a second key press moves the start again.
  await page.waitForTimeout(500); // the race starts again in the next frames
  await raced("after the first key");
  if (!(await page.evaluate(() => document.activeElement?.getAttribute("role") === "group"))) throw new Error("the start picker lost the keyboard focus when the race re-ran");
  const moved = await status.textContent();
  await page.keyboard.press("ArrowUp");
  await waitFor("the start's status after a second ArrowUp", page.waitForFunction((text) => document.querySelector("div[role=group] [aria-live=polite]")?.textContent !== text, moved, { timeout: 60_000 }));

  await raced("after the keys");
  await page.locator("select").first().selectOption({ label: "a typed expression…" });
  const field = page.locator("input[type=text]");
  await field.waitFor({ timeout: 60_000 });
  await field.fill("x^2 + * y");
  const message = page.locator(".downhill-expression-message");
  await waitFor("the message under a bad expression", page.waitForFunction(() => (document.querySelector(".downhill-expression-message")?.textContent ?? "").includes("column"), null, { timeout: 30_000 }));
  if ((await page.locator(".observablehq--error").count()) > 0) throw new Error("a bad expression produced an error cell");
  if ((await page.locator(contour).count()) !== 1) throw new Error("the race map disappeared after a bad expression");

  await field.fill("x^2 + 4*y^2");
  await waitFor("the map of the typed expression", page.waitForFunction(() => document.querySelector("div[role=group] svg")?.getAttribute("aria-label")?.includes("x^2 + 4*y^2"), null, { timeout: 60_000 }));
  if ((await message.textContent()) !== "") throw new Error("the error message stayed after a good expression");
}
