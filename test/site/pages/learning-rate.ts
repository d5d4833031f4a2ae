import type { Page } from "playwright-core";

/** Sets a log-scale slider (its thumb holds log10 of the value) and fires `input`, as a drag would. */
async function setLogSlider(page: Page, label: string, value: number): Promise<void> {
  await page.getByLabel(label, { exact: true }).evaluate((input: HTMLInputElement, v) => {
    input.value = String(Math.log10(v));
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

/**
 * Runs after the generic checks on /learning-rate: the loss curve names its own regime as η crosses 1/L = 0.5
 * and 2/L = 1, a diverging run still draws, and the sweep marks the current η; moving η moves the marks of the sweep
 * and the regime strip in place, without drawing either figure again.
 */
export default async function check(page: Page): Promise<void> {
  for (const [eta, regime] of [[0.001, "decreasing slowly"], [0.1, "converging"], [0.75, "oscillating"], [3, "diverging"]] as const) {
    await setLogSlider(page, "learning rate η", eta);
    // The thumb snaps to 0.01 of a decade, so the label shows the snapped η (e.g. 0.759 for 0.75).
    await page.waitForFunction(
      (r) => [...document.querySelectorAll("svg[aria-label^='Loss per step for η = ']")].some((s) => s.getAttribute("aria-label")!.endsWith(`: ${r}`) && !s.getAttribute("aria-label")!.includes(",")),
      regime,
      { timeout: 10_000 },
    );
    if ((await page.locator(".observablehq--error").count()) > 0) throw new Error(`an error cell appeared at η = ${eta}`);
  }
  const sweep = page.locator("svg[aria-label='Final loss against the learning rate']");
  const shown = (await page.getByLabel("learning rate η", { exact: true }).evaluate((input) => input.getAttribute("aria-valuetext"))) ?? "";
  if (!(await sweep.textContent())?.includes(`η = ${shown}`)) throw new Error(`the sweep does not mark the current η = ${shown}`);
  const strip = await page.locator("svg[aria-label='Regimes of the learning rate']").getAttribute("aria-description");
  if (!strip?.includes("is in the diverging regime")) throw new Error(`the regime strip does not place η = ${shown} in the diverging regime: ${strip}`);

  // The sweep's and the strip's figures stay in place while η moves: only their rules move (mark(lr), not a redraw).
  const figures = "svg[aria-label='Final loss against the learning rate'], svg[aria-label='Regimes of the learning rate']";
  await page.evaluate((selector) => ((window as unknown as { markedFigures: Element[] }).markedFigures = [...document.querySelectorAll(selector)]), figures);
  await setLogSlider(page, "learning rate η", 0.2);
  const moved = (await page.getByLabel("learning rate η", { exact: true }).evaluate((input) => input.getAttribute("aria-valuetext"))) ?? "";
  await page.waitForFunction((text) => document.querySelector("svg[aria-label='Final loss against the learning rate']")?.textContent?.includes(text), `η = ${moved}`, { timeout: 10_000 });
  const kept = await page.evaluate((selector) => {
    const before = (window as unknown as { markedFigures: Element[] }).markedFigures;
    const now = [...document.querySelectorAll(selector)];
    return before.length === 2 && now.length === 2 && now.every((figure, i) => figure === before[i]);
  }, figures);
  if (!kept) throw new Error("moving η drew the sweep or the regime strip again instead of moving their marks");
  const described = await page.locator("svg[aria-label='Regimes of the learning rate']").getAttribute("aria-description");
  if (!described?.includes(`The current η = ${moved} is in the converging regime`)) throw new Error(`the regime strip does not describe η = ${moved}: ${described}`);
}
