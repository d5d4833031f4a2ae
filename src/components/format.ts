// Numbers as a reader sees them: four significant digits, a true minus sign, exponents only when needed.

export function formatNumber(v: number, digits = 4): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
  if (v === 0) return "0";
  const abs = Math.abs(v);
  const text =
    abs >= 1e6 || abs < 1e-4
      ? v.toExponential(digits - 1).replace(/\.?0+e/, "e").replace("e+", "e")
      : String(Number(v.toPrecision(digits)));
  return text.replace("-", "−");
}

/** "(1.5, −2)" for a 2-D point, "1.5" for a 1-D one. */
export function formatPoint(p: readonly number[]): string {
  return p.length === 1 ? formatNumber(p[0]) : `(${p.map((v) => formatNumber(v)).join(", ")})`;
}
