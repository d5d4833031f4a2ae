// What the charts draw: traces with a label and a colour, normalised from whatever the page passes.
import type { ScaleOptions } from "@observablehq/plot";
import type { Trace } from "../../lib/types.js";

export interface Series {
  trace: Trace;
  label: string;
  color: string;
}

/** A trace, or a trace with a label and an optional colour. */
export type TraceInput = Trace | { trace: Trace; label?: string; color?: string };

/** Colours that stay readable on the contour map's blue-to-yellow fill and on white. */
export const seriesColors = ["#e8590c", "#c2255c", "#5f3dc4", "#2b8a3e", "#1864ab", "#495057"] as const;

function isTrace(input: TraceInput): input is Trace {
  return "path" in input;
}

/** Labels default to "Run 1", "Run 2", …; colours to the palette in order. */
export function toSeries(input: TraceInput | readonly TraceInput[] | undefined): Series[] {
  const inputs: readonly TraceInput[] = input === undefined ? [] : Array.isArray(input) ? input : [input as TraceInput];
  return inputs.map((item, i) => {
    const trace = isTrace(item) ? item : item.trace;
    const label = (!isTrace(item) && item.label) || `Run ${i + 1}`;
    const color = (!isTrace(item) && item.color) || seriesColors[i % seriesColors.length];
    return { trace, label, color };
  });
}

/** Labels in the given order with their own colours; a legend once there is more than one run. */
export function seriesColorScale(series: readonly Series[]): ScaleOptions {
  return { type: "ordinal", domain: series.map((s) => s.label), range: series.map((s) => s.color), legend: series.length > 1 };
}
