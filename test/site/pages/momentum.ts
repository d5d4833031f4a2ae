import type { Page } from "playwright-core";

/** Runs after the generic checks on /momentum: the (η, μ) map completes, and the arrows toggle. */
export default async function check(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector("main")?.textContent?.includes("Map complete"), null, { timeout: 60_000 });
  const ravine = page.locator("svg[aria-label^='Contour map of Ravine with plain descent']");
  const arrows = async () => ravine.evaluate((svg) => svg.querySelectorAll("g.downhill-arrows path").length);
  if ((await arrows()) === 0) throw new Error("no velocity arrows on the ravine map");
  await page.getByRole("checkbox", { name: "velocity arrows" }).uncheck();
  await page.waitForFunction(() => document.querySelectorAll("svg[aria-label^='Contour map of Ravine with plain descent'] g.downhill-arrows path").length === 0, null, { timeout: 30_000 });
}
