// Turns an ObjectiveSpec into an Objective: a named test function, a typed expression or a dataset loss.
import type { Objective, ObjectiveSpec } from "../types.js";
import { testFunctionObjective } from "./testFunctions.js";
import { ExpressionError, expressionObjective } from "./expression/index.js";
import { regressionObjective } from "./regression.js";

export function resolveObjective(spec: ObjectiveSpec): Objective {
  if (typeof spec === "string") return testFunctionObjective(spec);
  if (spec === null || typeof spec !== "object") throw new Error("objective must be a test function name, { expr }, or { dataset, model, loss }");
  if ("expr" in spec) return withField("objective.expr", () => expressionObjective(spec.expr));
  if ("dataset" in spec) return regressionObjective(spec);
  if ("name" in spec) return testFunctionObjective(spec.name, spec.params);
  throw new Error("objective must be a test function name, { expr }, or { dataset, model, loss }");
}

/** A typed expression's error, naming the spec field it came from; the column still points into the expression. */
function withField<T>(field: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof ExpressionError) throw new ExpressionError(`${field}: ${error.message}`, error.column, error.length);
    throw error;
  }
}
