import type { Page } from "playwright-core";

/**
 * Runs after the generic checks on /when-to-stop: a tolerance below the reachable floor leaves only the budget,
 * early stopping marks its best step, and the curve-reading examples get their computed verdicts.
 */
export default async function check(page: Page): Promise<void> {
  await page.getByLabel("tolerance ε", { exact: true }).evaluate((input: HTMLInputElement) => {
    input.value = String(Math.log10(0.2)); // below the least-squares loss 0.2767
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitForFunction(() => document.querySelector("main")?.textContent?.includes("so ε can never fire"), null, { timeout: 10_000 });
  const budget = await page.locator("svg[aria-label^='Loss per step of descent with η']").getAttribute("aria-description");
  if (!budget?.includes("took all 100 steps")) throw new Error(`with ε below the floor the run should use its whole budget: ${budget}`);

  const patience = await page.locator("svg[aria-label^='Loss per step of descent in batches of']").getAttribute("aria-description");
  if (!/The best loss was at step \d+; the run stopped 10 steps later/.test(patience ?? "")) throw new Error(`early stopping is not marked: ${patience}`);

  const example = page.getByLabel("example", { exact: true });
  for (const [label, verdict] of [["Curve A", "decreasing slowly"], ["Curve B", "converging"], ["Curve C", "diverging"]]) {
    await example.selectOption({ label });
    await page.waitForFunction(
      ([l, v]) => [...document.querySelectorAll("p")].some((p) => p.textContent?.startsWith(v) && p.textContent.includes(`${l} used`)),
      [label, verdict],
      { timeout: 10_000 },
    );
  }
  if ((await page.locator(".observablehq--error").count()) > 0) throw new Error("an error cell appeared");
}
