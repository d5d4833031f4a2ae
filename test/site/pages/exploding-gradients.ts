import type { Page } from "playwright-core";

/**
 * Runs after the generic checks on /exploding-gradients: the default chain explodes and its unclipped
 * training diverges; switched to sigmoid, the gradient vanishes and clipping leaves it alone.
 */
export default async function check(page: Page): Promise<void> {
  const prose = () => page.locator("#observablehq-main").textContent();
  if (!(await prose())?.includes("The gradient explodes towards the input.")) throw new Error("the default chain should explode");
  if (!(await prose())?.includes("Without clipping, the run blew up")) throw new Error("unclipped training should diverge at the defaults");
  await page.locator("select").filter({ hasText: "sigmoid" }).selectOption({ label: "sigmoid" });
  await page.waitForTimeout(500);
  const text = (await prose()) ?? "";
  if (!text.includes("The gradient vanishes towards the input")) throw new Error("a sigmoid chain should show a vanishing gradient");
  if (!text.includes("clipping leaves them alone")) throw new Error("clipping should leave a vanishing gradient alone");
}
