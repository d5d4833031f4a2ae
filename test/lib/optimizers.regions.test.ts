// The Adaptive-methods page shows each optimizer's update rule straight from its source file, between
// `// #region update` and `// #endregion` (cut by src/components/sourceExcerpt.ts): every file must have one, short.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("update regions in lib/optimizers", () => {
  for (const name of ["sgd", "momentum", "adam", "rmsprop", "adagrad", "adadelta"]) {
    it(`${name}.ts marks its update rule in one region of at most 15 lines`, () => {
      const lines = readFileSync(new URL(`../../lib/optimizers/${name}.ts`, import.meta.url), "utf8").split("\n");
      const begins = lines.flatMap((line, i) => (/\/\/\s*#region update\b/.test(line) ? [i] : []));
      expect(begins).toHaveLength(1);
      const end = lines.findIndex((line, i) => i > begins[0] && /\/\/\s*#endregion\b/.test(line));
      expect(end).toBeGreaterThan(begins[0] + 1);
      expect(end - begins[0] - 1).toBeLessThanOrEqual(15);
      expect(lines.slice(begins[0], end).join("\n")).toMatch(/params\[i\] [-*]?= /);
    });
  }
});
