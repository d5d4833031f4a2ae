// Numbers in a page's prose that follow a slider, as text nodes displayed once and rewritten in place. An inline
// `${value}` cell reruns on every move and replaces its node, one cell per number; with these, the cell that computes
// the values sets them all, and only the nodes whose text changed are touched.

export type LiveTexts<K extends string> = Record<K, Text>;

/** One empty text node per name: show each with an inline `${texts.name}` (from a cell that runs once). */
export function liveTexts<K extends string>(...names: K[]): LiveTexts<K> {
  return Object.fromEntries(names.map((name) => [name, document.createTextNode("")])) as LiveTexts<K>;
}

/** Sets the nodes' text, touching only those whose text changes. */
export function setTexts<K extends string>(texts: LiveTexts<K>, values: Record<K, string | number>): void {
  for (const name of Object.keys(values) as K[]) {
    const text = String(values[name]);
    if (texts[name].data !== text) texts[name].data = text;
  }
}
