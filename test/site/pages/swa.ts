import type { Page } from "playwright-core";

/** Runs after the generic checks on /swa: the comparison table, then a raised η too small to leave the pit. */
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
}
