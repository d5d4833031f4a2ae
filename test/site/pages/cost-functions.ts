import type { Page } from "playwright-core";

const readout = (page: Page) => page.locator("main p", { hasText: "MSE line moved by up to" }).first().textContent();

/** Runs after the generic checks on /cost-functions: the extra week moves by keyboard and by pointer, and the fits follow. */
export default async function check(page: Page): Promise<void> {
  const week = page.getByRole("application", { name: /The extra week/ });
  await week.waitFor({ timeout: 30_000 });
  const before = await readout(page);
  const labelBefore = await week.getAttribute("aria-label");
  await week.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowLeft");
  await page.waitForFunction((text) => [...document.querySelectorAll("main p")].some((p) => p.textContent?.includes("MSE line moved by up to") && p.textContent !== text), before, { timeout: 10_000 });
  if ((await week.getAttribute("aria-label")) === labelBefore) throw new Error("arrow keys did not move the extra week");

  // A tap near the lower right of the plot puts the week there.
  const box = await week.locator("svg").first().boundingBox();
  if (!box) throw new Error("the draggable figure has no SVG");
  const afterKeys = await week.getAttribute("aria-label");
  await page.mouse.move(box.x + box.width * 0.85, box.y + box.height * 0.8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.75, { steps: 3 });
  await page.mouse.up();
  const afterPointer = await week.getAttribute("aria-label");
  if (afterPointer === afterKeys) throw new Error("dragging did not move the extra week");
  const match = /share on display ([\d.]+)/.exec(afterPointer ?? "");
  if (!match || Number(match[1]) < 0.6) throw new Error(`the week should have moved to the right, got: ${afterPointer}`);

  // Play walks the step scrubber: the sentence under the linked figures follows it.
  const stepText = () => page.locator("main p", { hasText: "At step" }).first().textContent();
  const stepBefore = await stepText();
  await page.getByRole("button", { name: /Play the descent/ }).click();
  await page.waitForFunction((text) => [...document.querySelectorAll("main p")].some((p) => p.textContent?.startsWith("At step") && p.textContent !== text), stepBefore, { timeout: 15_000 });
}
