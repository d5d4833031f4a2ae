// Plot-style snapshot tidying: numbers rounded to 3 decimals, generated class names and clip ids made stable.
export function tidySvg(figure: Element): string {
  // A layered figure makes its base layer when it is put on a page (or its base is read): make it now.
  for (const stand of figure.querySelectorAll("downhill-layer-copy")) (stand as Element & { materialize(): Element }).materialize();
  return figure.outerHTML
    .replace(/plot-[0-9a-f]{6}/g, "plot")
    .replace(/plot-clip-\d+/g, "plot-clip")
    .replace(/-?\d*\.\d+(?:e[-+]?\d+)?/g, (m) => String(Number(Number(m).toFixed(3))))
    .replace(/></g, ">\n<");
}
