import type { Page } from "playwright-core";

/** Runs after the generic checks on /schedules: choose schedules, read the PyTorch line, turn on early stopping. */
export default async function check(page: Page): Promise<void> {
  const code = () => page.locator("pre.code-line").first().innerText();
  if (!(await code()).includes("opt, T_0=40, T_mult=1, eta_min=0)")) throw new Error(`default PyTorch line is wrong: ${await code()}`);
  const select = page.getByLabel("schedule", { exact: true });
  for (const [label, torch] of [["One-cycle", "OneCycleLR"], ["Cyclical, triangular2", "mode='triangular2'"], ["Reduce on plateau", "ReduceLROnPlateau"]]) {
    await select.selectOption({ label });
    await page.waitForFunction((l) => !!document.querySelector(`svg[aria-label="Learning rate per step for ${l}, other schedules faint behind it"]`), label);
    if (!(await code()).includes(torch)) throw new Error(`after choosing ${label} the PyTorch line lacks ${torch}: ${await code()}`);
    if ((await page.locator(".observablehq--error").count()) > 0) throw new Error(`an error cell appeared after choosing ${label}`);
  }
  await page.getByLabel("also stop early after 40 stagnant steps").check();
  await page.waitForFunction(() =>
    [...document.querySelectorAll("svg[aria-label]")].some((s) => /stopped early/.test(s.getAttribute("aria-description") ?? "")),
  );
}
