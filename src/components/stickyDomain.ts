// Axes that stay put while a slider moves. A chart whose domain follows its data exactly gets new axes on almost
// every move: a new base layer (./layers.ts, a few milliseconds to draw and to lay out), or moving tick labels. A
// sticky domain keeps the one it has while the data fits in it and still fills a good part of it; otherwise it jumps
// to the data's extent rounded outwards to a coarse grid (decades in 1s, 2s, 5s, 10s, …), so that the next moves fit
// too and a page that returns to an earlier domain finds its axes already drawn.

export interface StickyOptions {
  /** A log axis: the domain is kept in whole decades and compared in decades. */
  log?: boolean;
  /** The data must fill at least this share of the domain's span to keep it (default 0.4). */
  fill?: number;
  /** The smallest span, in units (or decades on a log axis). Default 1. */
  minSpan?: number;
}

const niceSteps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

/** A domain that remembers its last value: call it with the extent the data needs now. */
export function stickyDomain({ log = false, fill = 0.4, minSpan = 1 }: StickyOptions = {}) {
  // The domain shown, in the axis's units (decades on a log axis) and as returned.
  let kept: { ends: [number, number]; domain: [number, number] } | undefined;
  const to = log ? Math.log10 : (v: number) => v;
  const from = log ? (v: number) => 10 ** v : (v: number) => v;
  return (needed: readonly [number, number]): [number, number] => {
    let [lo, hi] = [to(needed[0]), to(needed[1])];
    if (!(Number.isFinite(lo) && Number.isFinite(hi))) return kept?.domain ?? [from(0), from(1)];
    if (hi - lo < minSpan) [lo, hi] = [(lo + hi - minSpan) / 2, (lo + hi + minSpan) / 2];
    if (kept && fits(lo, hi, kept.ends, fill)) return kept.domain;
    // Ends rounded to a grid of about a third of the span, a 1-2-5 number (in decades on a log axis).
    const grid = niceSteps.find((s) => s >= (hi - lo) / 3) ?? niceSteps[niceSteps.length - 1];
    let [a, b] = [Math.floor(lo / grid) * grid, Math.ceil(hi / grid) * grid];
    if (b - a < minSpan) b = a + grid;
    kept = { ends: [a, b], domain: [from(a), from(b)] };
    return kept.domain;
  };
}

/** Whether the extent [lo, hi] lies inside `ends` and spans at least `fill` of them (in the axis's own units). */
function fits(lo: number, hi: number, [a, b]: readonly [number, number], fill: number): boolean {
  return b > a && lo >= a && hi <= b && hi - lo >= fill * (b - a);
}

/**
 * The domain of the figure shown in `slot` on this axis, if it shows a figure with that scale (a layered figure,
 * ./layers.ts, or a Plot figure): what keepDomain compares a new extent with.
 */
export function shownDomain(slot: Element | null | undefined, axis: "x" | "y"): readonly number[] | undefined {
  const shown = slot?.firstElementChild as (Element & { scale?: (name: string) => { domain?: unknown[] } | undefined }) | null | undefined;
  if (typeof shown?.scale !== "function") return undefined;
  const domain = Array.from(shown.scale(axis)?.domain ?? []);
  return domain.length === 2 && domain.every((v) => typeof v === "number") ? (domain as number[]) : undefined;
}

/**
 * The domain shown before (`previous`), while the data's extent lies inside it and spans at least `fill` of it (in
 * decades on a log axis); otherwise `fresh`. A slider that moves the data a little then keeps the axes drawn (a new
 * domain means new axes: a new base layer, or an axis drawn with the overlay, laid out and painted again), and the
 * axes do not jump as one drags.
 */
export function keepDomain(
  fresh: [number, number],
  extent: readonly [number, number],
  previous: readonly number[] | undefined,
  { fill = 0.5, log = false }: { fill?: number; log?: boolean } = {},
): [number, number] {
  if (!previous || previous.length !== 2) return fresh;
  const f = log ? Math.log10 : (v: number) => v;
  const [lo, hi] = [f(extent[0]), f(extent[1])];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return fresh;
  return fits(lo, hi, [f(previous[0]), f(previous[1])], fill) ? (previous as [number, number]) : fresh;
}
