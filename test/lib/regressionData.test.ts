import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Objective } from "../../lib/types.js";
import { leastSquares, polynomialFeatures, regressionObjective, standardize, toOriginalUnits } from "../../lib/objectives/regression.js";

const dataDir = new URL("../../data/", import.meta.url);

/** Reads one of data/*.csv into columns, checking it is as clean as data/README.md promises. */
function readCsv(file: string): Record<string, number[]> {
  const text = readFileSync(new URL(file, dataDir), "utf8");
  expect(text).not.toMatch(/["\r]/);
  const [header, ...lines] = text.trimEnd().split("\n");
  const names = header.split(",");
  const columns: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (const line of lines) {
    const cells = line.split(",");
    expect(cells).toHaveLength(names.length);
    cells.forEach((cell, j) => {
      expect(cell).toMatch(/^-?\d+(\.\d+)?$/);
      columns[names[j]].push(Number(cell));
    });
  }
  return columns;
}

function documentedRows(file: string): number {
  const readme = readFileSync(new URL("README.md", dataDir), "utf8");
  const row = readme.match(new RegExp(`^\\| \`${file.replace(".", "\\.")}\` \\| (\\d+) \\|`, "m"));
  if (!row) throw new Error(`data/README.md has no table row for ${file}`);
  return Number(row[1]);
}

/** Plain full-batch gradient descent, enough to show the objective leads to the right minimum. */
function descend(objective: Objective, lr: number, steps: number): Float64Array {
  const params = new Float64Array(objective.dim);
  const grad = new Float64Array(objective.dim);
  for (let step = 0; step < steps; step++) {
    objective.valueAndGrad(params, grad);
    for (let j = 0; j < params.length; j++) params[j] -= lr * grad[j];
  }
  return params;
}

describe("data/*.csv", () => {
  const files: [string, string[]][] = [
    ["cheese-display.csv", ["week", "display", "price", "volume"]],
    ["cars93.csv", ["horsepower", "mpg_city", "mpg_highway", "weight_lb"]],
    ["adelie-sex.csv", ["body_mass_g", "flipper_length_mm", "bill_length_mm", "bill_depth_mm", "male"]],
  ];
  for (const [file, names] of files) {
    it(`${file} has the documented columns and row count, all plain numbers`, () => {
      const columns = readCsv(file);
      expect(Object.keys(columns)).toEqual(names);
      for (const values of Object.values(columns)) expect(values).toHaveLength(documentedRows(file));
    });
  }

  it("adelie-sex.csv has 0/1 labels, 73 of each", () => {
    const { male } = readCsv("adelie-sex.csv");
    expect(male.filter((v) => v === 1)).toHaveLength(73);
    expect(male.filter((v) => v === 0)).toHaveLength(73);
  });
});

describe("the real datasets reproduce R's fits", () => {
  it("cheese: leastSquares(display, volume) matches R's lm, and descent on standardised data reaches it", () => {
    const { display, volume } = readCsv("cheese-display.csv");
    const exact = leastSquares(display, volume);
    expect(exact[0]).toBeCloseTo(10172.14071405, 6);
    expect(exact[1]).toBeCloseTo(1881.64853165, 6);
    const x = standardize(display);
    const y = standardize(volume);
    const fitted = descend(regressionObjective({ dataset: { x: x.values, y: y.values }, model: { kind: "linear" }, loss: "mse" }), 0.1, 300);
    const inOriginalUnits = toOriginalUnits(fitted, x, y);
    expect(inOriginalUnits[0]).toBeCloseTo(exact[0], 6);
    expect(inOriginalUnits[1]).toBeCloseTo(exact[1], 6);
  });

  it("cars93: a quadratic in horsepower matches R's lm and beats a line", () => {
    const { horsepower, mpg_city } = readCsv("cars93.csv");
    const fitDegree = (degree: number) => ({
      objective: regressionObjective({ dataset: { x: horsepower, y: mpg_city }, model: { kind: "polynomial", degree }, loss: "mse" }),
      fit: leastSquares(polynomialFeatures(horsepower, degree), mpg_city),
    });
    const quadratic = fitDegree(2);
    expect(quadratic.fit[0]).toBeCloseTo(-0.266030276858, 9);
    expect(quadratic.fit[1]).toBeCloseTo(0.000576214508878, 12);
    expect(quadratic.fit[2]).toBeCloseTo(47.1447259328, 8);
    const linear = fitDegree(1);
    expect(quadratic.objective.value(quadratic.fit)).toBeLessThan(0.75 * linear.objective.value(linear.fit));
  });

  it("adelie: logistic descent on standardised body mass reaches R's glm", () => {
    const { body_mass_g, male } = readCsv("adelie-sex.csv");
    const x = standardize(body_mass_g);
    const objective = regressionObjective({ dataset: { x: x.values, y: male }, model: { kind: "logistic" }, loss: "crossEntropy" });
    const [w, b] = toOriginalUnits(descend(objective, 1, 3000), x);
    expect(w).toBeCloseTo(0.00781378321664, 9);
    expect(b).toBeCloseTo(-28.74963900438, 5);
  });
});
