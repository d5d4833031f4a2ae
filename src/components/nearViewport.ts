// Work for what is off screen, put off until it is needed. A slider drives every figure and number of a page, and
// those two screens further down cost its drag as much as those in view: an element off screen (by more than a
// quarter of the viewport's height) has its work done when it comes near the viewport, or when no new work has
// been asked for in a while (the slider is at rest), so that the page is up to date a moment after the drag ends.

/** How long after the last request an element off screen has its work done anyway: a slider at rest. */
export const restMs = 400;

/** Whether each observed element is near the viewport, as the observer last reported it (absent: not known yet). */
const near = new WeakMap<Element, boolean>();
/** The work waiting for each element, by channel (one piece of work per channel: the last asked for). */
const waiting = new WeakMap<Element, Map<unknown, { run: () => void; timer: ReturnType<typeof setTimeout> }>>();
const observed = new WeakSet<Element>();
let observer: IntersectionObserver | undefined;

/** Starts watching how far `element` is from the viewport (whenNear and nearValue do it on their first call). */
export function observeNear(element: Element): void {
  if (typeof IntersectionObserver === "undefined" || observed.has(element)) return; // without one, every element counts as near
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        if (!target.isConnected) {
          // Off the page (not yet put there, or removed): its distance is unknown again, and work for it runs at once.
          observer!.unobserve(target);
          observed.delete(target);
          near.delete(target);
        } else near.set(target, isIntersecting);
        if (near.get(target) !== false) for (const channel of [...(waiting.get(target)?.keys() ?? [])]) flush(target, channel);
      }
    },
    { rootMargin: "25% 0px" },
  );
  observed.add(element);
  observer.observe(element);
}

function flush(element: Element, channel: unknown): void {
  const queue = waiting.get(element);
  const work = queue?.get(channel);
  if (!work) return;
  queue!.delete(channel);
  clearTimeout(work.timer);
  // An error in one piece of work (a figure that fails to draw) is reported, and the others still run.
  try {
    work.run();
  } catch (error) {
    reportError(error);
  }
}

/**
 * Runs `work` now if `element` is near the viewport (or not yet known to be far from it); otherwise when it comes
 * near, or `restMs` after the last call for this element and channel. A later call on the same channel replaces work
 * still waiting there: only the last one runs.
 */
export function whenNear(element: Element, work: () => void, channel: unknown = element): void {
  observeNear(element);
  let queue = waiting.get(element);
  if (!queue) waiting.set(element, (queue = new Map()));
  const previous = queue.get(channel);
  if (previous) clearTimeout(previous.timer);
  if (near.get(element) !== false) {
    queue.delete(channel);
    work();
    return;
  }
  queue.set(channel, { run: work, timer: setTimeout(() => flush(element, channel), restMs) });
}

const valueChannel = Symbol("nearValue");

/** Each nearValue still waiting, by element and channel: how to settle it. */
const unsettled = new WeakMap<Element, Map<unknown, () => void>>();

/**
 * `value`, once `element` is near the viewport or the slider rests (see whenNear): for a cell whose results are
 * shown only next to `element`, so that it does not recompute while they are off screen. In a Framework cell:
 *
 *     const trainedChain = nearValue(trainFigure, chain);
 *
 * `channel` tells apart several such cells waiting for one element. A call settles the value the previous call left
 * waiting: the runtime computes a cell's next value only after its last one, so a value never settled would hold the
 * cell (and every cell after it) for good.
 */
export function nearValue<T>(element: Element, value: T, channel: unknown = valueChannel): T | Promise<T> {
  let byChannel = unsettled.get(element);
  if (!byChannel) unsettled.set(element, (byChannel = new Map()));
  const previous = byChannel.get(channel);
  byChannel.delete(channel);
  previous?.();
  if (near.get(element) !== false) {
    whenNear(element, () => {}, channel); // observes it, and drops the settle of a value just settled
    return value;
  }
  return new Promise((resolve) => {
    const settle = () => {
      if (byChannel.get(channel) === settle) byChannel.delete(channel);
      resolve(value);
    };
    byChannel.set(channel, settle);
    whenNear(element, settle, channel);
  });
}
