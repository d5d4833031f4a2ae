import type { Page } from "playwright-core";

/** Runs after the generic checks on /adaptive-methods: the library's code is shown, and bias correction toggles. */
export default async function check(page: Page): Promise<void> {
  const code = await page.locator(".adaptive-source pre code").allTextContents();
  if (code.length !== 4 || !code[2].includes("expAvgSq")) throw new Error(`expected four excerpts of lib/ with Adam's expAvgSq, got ${code.length}`);
  await page.locator("svg[aria-label=\"Adam's moments with bias correction\"]").waitFor();
  await page.getByRole("checkbox", { name: "bias correction" }).uncheck();
  await page.locator("svg[aria-label=\"Adam's moments without bias correction\"]").waitFor({ timeout: 10_000 });
}
