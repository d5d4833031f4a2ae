import type { Locator, Page } from "playwright-core";

type Point = [number, number];

/**
 * Drags the point of the first draggable map with the mouse, then moves it with the keyboard, and checks
 * that its value and its figure (the overlay's text summary) follow each time. Shared by the pages with
 * a draggable point (Home, Gradient, Gradient descent).
 */
export async function checkDraggablePoint(page: Page, map: Locator = page.locator(".downhill-point-input").first()): Promise<void> {
  await map.scrollIntoViewIfNeeded();
  const value = () => map.evaluate((el) => [...(el as unknown as { value: Point }).value] as Point);
  const summary = () => map.evaluate((el) => [...el.querySelectorAll("svg[aria-description]")].map((s) => s.getAttribute("aria-description")).join(" | "));
  const name = await map.getAttribute("aria-label");
  if (!name) throw new Error("the draggable map has no accessible name");
  if ((await map.getAttribute("tabindex")) !== "0") throw new Error("the draggable map is not focusable");

  // Mouse: press a third of the way in from the top left, drag towards the centre in several moves.
  const box = await map.boundingBox();
  if (!box) throw new Error("the draggable map is not visible");
  const [before, textBefore] = [await value(), await summary()];
  const from = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.3 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(from.x + i * box.width * 0.04, from.y + i * box.height * 0.03);
  await page.mouse.up();
  await page.waitForTimeout(100);
  const dragged = await value();
  if (dragged[0] === before[0] && dragged[1] === before[1]) throw new Error(`dragging did not move the point (still ${before})`);
  if (!(dragged[0] > before[0] - 1e9 && dragged[1] < Infinity)) throw new Error(`dragging gave a bad value ${dragged}`);
  if ((await summary()) === textBefore) throw new Error("dragging moved the point but the figure did not follow");

  // Keyboard: arrows move the point right and up.
  await map.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowUp");
  const keyed = await value();
  if (!(keyed[0] > dragged[0] && keyed[1] > dragged[1])) throw new Error(`arrow keys did not move the point right and up: ${dragged} → ${keyed}`);
}

/** Runs after the generic checks on /gradient-descent: the 2-D start drags, and the caption follows it. */
export default async function check(page: Page): Promise<void> {
  const caption = page.locator("p.caption", { hasText: "steps end at (" });
  const before = await caption.textContent();
  await checkDraggablePoint(page);
  await page.waitForFunction((text) => [...document.querySelectorAll("p.caption")].every((p) => p.textContent !== text), before, { timeout: 5_000 });
}
