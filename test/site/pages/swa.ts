import type { Page } from "playwright-core";

/** Runs after the generic checks on /swa: the comparison table, a raised η too small to leave the pit, then the test shift. */
export default async function check(page: Page): Promise<void> {
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
