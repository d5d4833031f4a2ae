// Axes that stay put while a slider moves. A chart whose domain follows its data exactly gets new axes on almost
// every move (and with them a new base layer, ./layers.ts: a few milliseconds to draw and to lay out). A sticky
// domain keeps the one it has while the data fits in it and still fills a good part of it, and otherwise jumps
// to the data's extent with some room to spare, so that the next moves fit too.

export interface StickyOptions {
  /** A log axis: the domain is kept in whole decades and compared in decades. */
  log?: boolean;
  /** The data must fill at least this share of the domain's span to keep it (default 0.4). */
  fill?: number;
  /** Room added on each side when the domain jumps, as a share of the data's span (default 0.25). */
  pad?: number;
  /** Never wider than this (e.g. the slider's range of layers). */
  limit?: readonly [number, number];
  /** The smallest span, in units (or decades on a log axis). Default 1. */
  minSpan?: number;
}

/** A domain that remembers its last value: call it with the extent the data needs now. */
export function stickyDomain({ log = false, fill = 0.4, pad = 0.25, limit, minSpan = 1 }: StickyOptions = {}) {
  let current: [number, number] | undefined;
  const to = log ? Math.log10 : (v: number) => v;
  const from = log ? (v: number) => 10 ** v : (v: number) => v;
  return (needed: readonly [number, number]): [number, number] => {
    let [lo, hi] = [to(needed[0]), to(needed[1])];
    if (!(Number.isFinite(lo) && Number.isFinite(hi))) return current ?? [from(0), from(1)];
    if (hi - lo < minSpan) [lo, hi] = [(lo + hi - minSpan) / 2, (lo + hi + minSpan) / 2];
    if (current) {
      const [a, b] = [to(current[0]), to(current[1])];
      if (a <= lo && hi <= b && hi - lo >= fill * (b - a)) return current;
    }
    const room = pad * (hi - lo);
    let [a, b] = [lo - room, hi + room];
    if (log) [a, b] = [Math.floor(a), Math.ceil(b)];
    if (limit) [a, b] = [Math.max(to(limit[0]), a), Math.min(to(limit[1]), b)];
    // Rounded outwards (decades are whole already), so the ticks fall on round numbers.
    if (!log) {
      const step = 10 ** Math.floor(Math.log10(Math.max(b - a, 1e-12)) - 0.5);
      [a, b] = [Math.floor(a / step) * step, Math.ceil(b / step) * step];
      if (limit) [a, b] = [Math.max(limit[0], a), Math.min(limit[1], b)];
    }
    current = [from(a), from(b)];
    return current;
  };
}
