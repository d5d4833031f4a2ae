import type { Page } from "playwright-core";

/** Runs after the generic checks on /saddle-points: the Hessian probe classifies the clicked point, a maximum too. */
export default async function check(page: Page): Promise<void> {
  const probe = page.locator(".downhill-point-input").first();
  const verdict = () => page.locator("p", { hasText: "the gradient has length" }).first().textContent();
  if (!(await verdict())?.includes("saddle")) throw new Error(`the probe should start at the saddle of x² − y², got: ${await verdict()}`);
  // Click near the top-right corner of the map: not a critical point, and not (0, 0) any more.
  await probe.scrollIntoViewIfNeeded();
  const box = await probe.boundingBox();
  if (!box) throw new Error("the probe map has no size");
  await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.25);
  await page.waitForTimeout(300);
  const moved = (await verdict()) ?? "";
  if (!moved.includes("not a critical point")) throw new Error(`a click away from the origin should not be a critical point, got: ${moved}`);
  // Home brings the point back to the saddle.
  await probe.focus();
  await page.keyboard.press("Home");
  await page.waitForTimeout(300);
  if (!(await verdict())?.includes("critical point, and the Hessian test says: saddle")) throw new Error(`Home should return to the saddle, got: ${await verdict()}`);
  // Himmelblau's function has a maximum in the middle: at the origin the curvature is a maximum's.
  await page.getByLabel("surface to probe").selectOption({ label: "Himmelblau (minima, saddles and a maximum)" });
  await page.waitForFunction(() => /would make one a\s*maximum/.test(document.querySelector("main")?.textContent ?? ""), null, { timeout: 10_000 });
}
