import type { Page } from "playwright-core";

/**
 * Runs after the generic checks on /local-minima: the built-in landscapes' maps come from the build (a slider
 * move shows complete maps without starting a worker), the typed function's maps finish in their Web Workers, and
 * a typed function with a mistake shows the error under the field while the maps keep working.
 */
export default async function check(page: Page): Promise<void> {
  await page.locator(".basin-progress", { hasText: "done" }).waitFor({ timeout: 60_000 });
  const maps = page.locator('svg[aria-label^="Basins of attraction"]');
  if ((await maps.count()) !== 3) throw new Error(`expected three basin maps, found ${await maps.count()}`);

  let workers = 0;
  const countWorker = () => void workers++;
  page.on("worker", countWorker);
  for (const [label, nth] of [["learning rate η", 1], ["noise σ (noisy descent)", 0]] as const) {
    const slider = page.getByLabel(label, { exact: true }).nth(nth);
    const before = await maps.nth(2).getAttribute("aria-description");
    await slider.evaluate((input: HTMLInputElement) => {
      input.value = String(Number(input.value) - 2);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page.waitForFunction((text) => document.querySelectorAll('svg[aria-label^="Basins of attraction"]')[2]?.getAttribute("aria-description") !== text, before, { timeout: 5_000 });
    if (!(await page.locator(".basin-progress").textContent())?.includes("done")) throw new Error(`after moving ${label}, the maps of a built-in landscape should be complete at once`);
  }
  page.off("worker", countWorker);
  if (workers > 0) throw new Error(`a built-in landscape's maps started ${workers} workers; they should come from the build`);

  await page.locator("select").filter({ hasText: "typed expression" }).selectOption({ label: "typed expression (above)" });
  await page.locator(".basin-progress", { hasText: "done" }).waitFor({ timeout: 60_000 });
  const field = page.locator(".downhill-expression input");
  await field.fill("(x^2 - 1)^2 + (y^2 - 1)^2 + 0.3*x +");
  const message = page.locator(".downhill-expression [role=status]");
  if (!(await message.textContent())?.includes("last valid function")) throw new Error(`no error message under the field: ${await message.textContent()}`);
  if ((await page.locator(".observablehq--error").count()) > 0) throw new Error("a typing mistake broke a cell");
  await field.fill("(x^2 - 1)^2 + (y^2 - 1)^2 + 0.3*x + 0.5*y");
  if ((await message.textContent())?.trim()) throw new Error(`a good expression still shows a message: ${await message.textContent()}`);
  await page.locator(".basin-progress", { hasText: "done" }).waitFor({ timeout: 60_000 });
  if ((await maps.count()) !== 3) throw new Error("the maps did not come back after a good expression");
}
