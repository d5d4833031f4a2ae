import type { Page } from "playwright-core";

const contourDescription = (page: Page) => page.locator("svg[aria-label^='Contour map of MSE']").first().getAttribute("aria-description");

/** Runs after the generic checks on /batch-size: re-sampling changes the stochastic path, and a batch of 128 is cut to N. */
export default async function check(page: Page): Promise<void> {
  await page.locator("svg[aria-label^='Contour map of MSE']").first().waitFor({ timeout: 30_000 });
  const before = await contourDescription(page);
  await page.getByRole("button", { name: /Re-sample/ }).click();
  await page.waitForFunction((text) => document.querySelector("svg[aria-label^='Contour map of MSE']")?.getAttribute("aria-description") !== text, before, { timeout: 10_000 });
  const after = (await contourDescription(page)) ?? "";
  // The batch run has nothing random in it: its sentence is the same after re-sampling.
  const batchSentence = (text: string) => /(?<!-)batch \(B = \d+\):[^;]*;/.exec(text)?.[0];
  if (!batchSentence(after)) throw new Error(`no full-batch run in the contour summary: ${after}`);
  if (batchSentence(after) !== batchSentence(before ?? "")) throw new Error("re-sampling changed the full-batch path");

  await page.getByRole("button", { name: /^128/ }).click();
  await page.locator("p.note", { hasText: "cut to" }).waitFor({ timeout: 10_000 });
}
