// The surface a contour map draws for an objective spec: a named test function (with parameters) or a typed expression.
import type { ObjectiveSpec } from "../lib/types.js";
import { testFunction } from "../lib/objectives/testFunctions.js";
import { compileExpression } from "../lib/objectives/expression/index.js";
import type { Surface } from "./contourGrid.js";

/** The view used for typed expressions, which carry no domain of their own. */
export const expressionDomain = { x: [-3, 3], y: [-3, 3] } as const;

/** Throws (an ExpressionError for a bad expression) when the objective cannot be drawn as a 2-D surface. */
export function optimizerSurface(objective: ObjectiveSpec): Surface & { tex: string; dim: number } {
  if (typeof objective === "string") objective = { name: objective };
  if ("expr" in objective) {
    const compiled = compileExpression(objective.expr);
    return { f: (x, y) => compiled.f(x, y), domain: expressionDomain, label: objective.expr, tex: compiled.tex, dim: compiled.dim };
  }
  if ("name" in objective) {
    const fn = testFunction(objective.name).withParams(objective.params ?? {});
    return { f: fn.f, domain: fn.domain, label: fn.label, minima: fn.minima, tex: fn.tex, dim: fn.dim };
  }
  throw new Error("a dataset objective has no surface to draw here");
}
