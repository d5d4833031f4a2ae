import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";

/** Runs after the generic checks on /adaptive-methods: the library's code is shown, and bias correction toggles. */
export default async function check(page: Page): Promise<void> {
  // The excerpts are the library's own lines: Adam's is exactly its `#region update` in lib/optimizers/adam.ts.
  // They are read from the library as the page loads: wait for the fourth (a loaded machine takes a while).
  const excerpts = page.locator(".adaptive-source pre code");
  await excerpts.nth(3).waitFor({ timeout: 20_000 }).catch(() => undefined);
  const code = await excerpts.allTextContents();
  const source = readFileSync(fileURLToPath(new URL("../../../lib/optimizers/adam.ts", import.meta.url)), "utf8");
  const region = source.split("// #region update")[1]?.split("// #endregion")[0] ?? "";
  const words = (text: string) => text.replace(/\s+/g, " ").trim();
  if (code.length !== 4) throw new Error(`expected four excerpts of lib/ (AdaGrad, RMSProp, Adam, AdamW), got ${code.length}`);
  if (!region.includes("Math.sqrt") || words(code[2]) !== words(region)) throw new Error(`the Adam excerpt is not lib/optimizers/adam.ts's update region:\n${code[2]}`);
  await page.locator("svg[aria-label=\"Adam's moments with bias correction\"]").waitFor();
  await page.getByRole("checkbox", { name: "bias correction" }).uncheck();
  await page.locator("svg[aria-label=\"Adam's moments without bias correction\"]").waitFor({ timeout: 10_000 });
}
