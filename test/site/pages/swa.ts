import type { Page } from "playwright-core";

/**
 * Runs after the generic checks on /swa: the seed count following a slider when it is let go, the comparison table,
 * a raised η too small to leave the pit, then the test shift.
 */
export default async function check(page: Page): Promise<void> {
  // Mid-drag (input events only) the count is dimmed and kept; let go (change) and it is counted at the new settings.
  const wins = page.locator(".swa-wins");
  const count = async () => Number((await wins.innerText()).match(/in (\d+) of 20/)?.[1]);
  const counted = () => page.waitForFunction(() => !document.querySelector(".swa-wins")?.classList.contains("swa-pending") && /in \d+ of 20/.test(document.querySelector(".swa-wins")?.textContent ?? ""));
  await counted();
  const atDefaults = await count();
  const cycles = page.getByLabel("cycles");
  await cycles.evaluate((input: HTMLInputElement) => {
    input.value = "1";
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.waitForFunction(() => document.querySelector(".swa-wins")?.classList.contains("swa-pending"));
  if ((await count()) !== atDefaults) throw new Error("mid-drag, the count should keep its last value");
  await cycles.evaluate((input: HTMLInputElement) => input.dispatchEvent(new Event("change", { bubbles: true })));
  await counted();
  // One cycle caches a single point after the pit: its "average" is that last point, so the average never wins.
  if ((await count()) !== 0) throw new Error(`with one cycle the average is the last point and should win in 0 of 20 (got ${await count()})`);
  await cycles.evaluate((input: HTMLInputElement) => {
    input.value = "10";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await counted();
  if ((await count()) !== atDefaults) throw new Error(`back at the defaults the count should be ${atDefaults} again (got ${await count()})`);

  const averageSharpness = async () => Number((await page.locator("table.swa-table tr").nth(3).locator("td").nth(3).innerText()).replace("−", "-"));
  if ((await page.locator("table.swa-table tr").count()) !== 4) throw new Error("the comparison table should have a header and three rows");
  if (!((await averageSharpness()) < 1)) throw new Error(`at the defaults the average should sit in the flat bowl (sharpness ${await averageSharpness()})`);
  const raised = page.getByLabel("raised η");
  await raised.focus();
  await page.keyboard.press("Home");
  await page.waitForFunction(() => {
    const cell = document.querySelectorAll("table.swa-table tr")[3]?.querySelectorAll("td")[3];
    return cell && Number(cell.textContent) > 20;
  });
  if (!(await page.getByText("never left the pit for good").isVisible())) throw new Error("the text should say the run stayed in the pit");
  if ((await page.locator(".observablehq--error").count()) > 0) throw new Error("an error cell appeared");
  // The test map is the training contours moved by (δ, δ): a larger shift moves them further right and up, in place.
  const shifts = () => page.evaluate(() => [...document.querySelectorAll(".swa-maps g.swa-shifted")].map((g) => g.getAttribute("transform")));
  const before = await shifts();
  const contours = await page.evaluateHandle(() => document.querySelectorAll(".swa-maps g.swa-shifted")[1]);
  const shift = page.getByLabel("test shift δ");
  await shift.focus();
  await page.keyboard.press("End");
  await page.waitForFunction((old) => document.querySelectorAll(".swa-maps g.swa-shifted")[1]?.getAttribute("transform") !== old, before[1]);
  const after = await shifts();
  const move = (t: string | null) => (t?.match(/-?[\d.]+/g) ?? []).map(Number);
  const [[x0, y0], [x1, y1]] = [move(before[1]), move(after[1])];
  if (after[0] !== "translate(0,0)" || !(x1 > x0 && x0 > 0 && y1 < y0 && y0 < 0)) throw new Error(`the test map's contours should move right and up with δ: ${before} → ${after}`);
  if (!(await contours.evaluate((g) => g?.isConnected))) throw new Error("moving δ should move the test map's contours, not draw new ones");
}
