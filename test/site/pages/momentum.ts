import type { Page } from "playwright-core";

/**
 * Runs after the generic checks on /momentum: the (η, μ) map completes, the arrows toggle, and a κ move redraws the
 * map far below the slider only once the slider rests (or the map comes near the viewport): FigureSlot's deferral.
 */
export default async function check(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector("main")?.textContent?.includes("Map complete"), null, { timeout: 60_000 });
  const ravine = page.locator("svg[aria-label^='Contour map of Ravine with plain descent']");
  const arrows = async () => ravine.evaluate((svg) => svg.querySelectorAll("g.downhill-arrows path").length);
  if ((await arrows()) === 0) throw new Error("no velocity arrows on the ravine map");
  await page.getByRole("checkbox", { name: "velocity arrows" }).uncheck();
  await page.waitForFunction(() => document.querySelectorAll("svg[aria-label^='Contour map of Ravine with plain descent'] g.downhill-arrows path").length === 0, null, { timeout: 30_000 });

  // The Nesterov map, a couple of screens below the κ slider.
  const nesterov = () => page.evaluate(() => document.querySelector("svg[aria-label^='Contour map of Ravine with heavy ball, Nesterov']")?.getAttribute("aria-description") ?? "");
  const kappa = page.getByRole("slider", { name: "condition number κ" });
  await kappa.evaluate((input) => input.scrollIntoView({ block: "center" }));
  await page.waitForTimeout(300); // the observer reports the map as far away
  const before = await nesterov();
  await kappa.evaluate((input: HTMLInputElement) => {
    input.value = String(Number(input.value) * 0.8);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  if ((await nesterov()) !== before) throw new Error("the Nesterov map, far off screen, was redrawn during the κ move");
  await page.waitForFunction((old) => document.querySelector("svg[aria-label^='Contour map of Ravine with heavy ball, Nesterov']")?.getAttribute("aria-description") !== old, before, { timeout: 5_000 });
}
