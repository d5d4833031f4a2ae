import type { Page } from "playwright-core";
import { checkDraggablePoint } from "./gradient-descent.js";

/** Runs after the generic checks on /gradient: the point drags and the partials follow; the field toggles. */
export default async function check(page: Page): Promise<void> {
  const caption = page.locator("p.caption", { hasText: "∂f/∂x" });
  const before = await caption.textContent();
  await checkDraggablePoint(page);
  await page.waitForFunction((text) => document.querySelector("p.caption")?.textContent !== text, before, { timeout: 5_000 });
  const arrows = () => page.locator(".downhill-point-input g[aria-label=vector] path").count();
  if ((await arrows()) === 0) throw new Error("no gradient-field arrows with the field on");
  await page.getByRole("checkbox", { name: "gradient field" }).uncheck();
  await page.waitForFunction(() => document.querySelectorAll(".downhill-point-input g[aria-label=vector] path").length === 0, null, { timeout: 5_000 });
}
