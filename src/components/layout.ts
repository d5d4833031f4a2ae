// Widths of figures set side by side, computed from Framework's `width` (the main column's) in the cell that draws
// them. Framework's resize() would measure each figure instead, but it draws in a ResizeObserver callback, which
// costs a second style-and-layout pass in the frame of every slider move.

/** The width of a column of Framework's `grid grid-cols-2`: two columns with a 1rem gap from 640 px up, one below. */
export function halfWidth(width: number): number {
  return width >= 640 ? Math.floor((width - 16) / 2) : width;
}

/**
 * The width of each of `count` items in a row that wraps them into columns at least `min` px wide, `gap` apart
 * (CSS `repeat(auto-fit, minmax(min, 1fr))`, or flex items with `flex: 1 1 min`), at most `max`.
 */
export function columnWidth(width: number, { count, min, gap = 16, max = Infinity }: { count: number; min: number; gap?: number; max?: number }): number {
  const columns = Math.max(1, Math.min(count, Math.floor((width + gap) / (min + gap))));
  return Math.floor(Math.min(max, (width - gap * (columns - 1)) / columns));
}
