import type { Page } from "playwright-core";
import { checkDraggablePoint } from "./gradient-descent.js";

/** Runs after the generic checks on the home page: clicking the map restarts the walk from there. */
export default async function check(page: Page): Promise<void> {
  await checkDraggablePoint(page);
  const links = await page.locator("main ol a").count();
  if (links !== 15) throw new Error(`the course path lists ${links} pages, expected 15`);
}
