// The named test functions: one table with each formula, its exact gradient, a good default view and its
// known minima. `f(x, y)` plugs straight into Plot's contour mark; `expr` is the same formula in the
// expression language, which gives every function an exact Hessian for classifying critical points.
import type { Objective, TestFunctionName } from "../types.js";
import { compileExpression, type Hessian } from "./expression/index.js";
import { closestName } from "./expression/suggest.js";

/** A known critical point: a minimum (global or local) or a saddle. `point` has one number per dimension. */
export interface CriticalPoint {
  point: readonly number[];
  value: number;
  global?: boolean;
}

export interface TestFunction {
  readonly name: TestFunctionName;
  /** Human name, e.g. "Six-hump camel". */
  readonly label: string;
  /** One line for a caption. */
  readonly description: string;
  /** The formula in TeX, with parameters as symbols. */
  readonly tex: string;
  /** The formula in the expression language, with this function's parameter values. */
  readonly expr: string;
  /** 2, or 1 for functions of x alone (then y is ignored and gradients have one entry). */
  readonly dim: 1 | 2;
  /** Parameter values this function was built with (the defaults in `testFunctions`). */
  readonly params: Readonly<Record<string, number>>;
  /** A good default view. For dim 1, `y` is the range of f over `x` (the plot's vertical axis). */
  readonly domain: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  readonly minima: readonly CriticalPoint[];
  readonly saddles?: readonly CriticalPoint[];
  /** Quadratics only: the gradient's Lipschitz constant L (largest |eigenvalue| of the Hessian), for η = 1/L and 2/L. */
  readonly lipschitz?: number;
  f(x: number, y: number): number;
  /** Writes the exact gradient into out[0] (and out[1] when dim is 2). */
  grad(x: number, y: number, out: Float64Array): void;
  /** Exact Hessian [[fxx, fxy], [fxy, fyy]] (from `expr`; y-entries are 0 when dim is 1). */
  hessian(x: number, y: number): Hessian;
  /** The same function with some parameters changed; throws on unknown or invalid parameters. */
  withParams(params: Record<string, number>): TestFunction;
}

type Params = Record<string, number>;
type Limit = "positive" | "nonnegative";

/** What varies with the parameters. */
interface Formula {
  f(x: number, y: number): number;
  grad(x: number, y: number, out: Float64Array): void;
  expr: string;
  minima: CriticalPoint[];
  saddles?: CriticalPoint[];
  lipschitz?: number;
}

interface Definition {
  label: string;
  description: string;
  tex: string;
  dim: 1 | 2;
  domain: { x: [number, number]; y: [number, number] };
  params: Params;
  limits?: Record<string, Limit>;
  formula(p: Params): Formula;
}

/** A number as expression-language text (negative numbers parenthesised so they can follow an operator). */
const num = (v: number): string => (v < 0 ? `(${v})` : String(v));

const sigmoid = (u: number): number => 1 / (1 + Math.exp(-u));

const TAU = 2 * Math.PI;

const definitions: Record<TestFunctionName, Definition> = {
  rosenbrock: {
    label: "Rosenbrock",
    description: "A curved, flat-bottomed banana valley: easy to reach, slow to follow to the minimum at (a, a²).",
    tex: "(a - x)^2 + b\\,(y - x^2)^2",
    dim: 2,
    domain: { x: [-2, 2], y: [-1, 3] },
    params: { a: 1, b: 100 },
    limits: { b: "positive" },
    formula: ({ a, b }) => ({
      f: (x, y) => (a - x) ** 2 + b * (y - x * x) ** 2,
      grad(x, y, out) {
        const r = y - x * x;
        out[0] = -2 * (a - x) - 4 * b * x * r;
        out[1] = 2 * b * r;
      },
      expr: `(${num(a)} - x)^2 + ${num(b)}*(y - x^2)^2`,
      minima: [{ point: [a, a * a], value: 0, global: true }],
    }),
  },
  beale: {
    label: "Beale",
    description: "Flat plateaus and sharp ridges around one minimum at (3, 0.5).",
    tex: "(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2",
    dim: 2,
    domain: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
    params: {},
    formula: () => ({
      f(x, y) {
        const y2 = y * y;
        return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y2) ** 2 + (2.625 - x + x * y2 * y) ** 2;
      },
      grad(x, y, out) {
        const y2 = y * y, y3 = y2 * y;
        const t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y2, t3 = 2.625 - x + x * y3;
        out[0] = 2 * (t1 * (y - 1) + t2 * (y2 - 1) + t3 * (y3 - 1));
        out[1] = 2 * x * (t1 + 2 * t2 * y + 3 * t3 * y2);
      },
      expr: "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
      minima: [{ point: [3, 0.5], value: 0, global: true }],
    }),
  },
  himmelblau: {
    label: "Himmelblau",
    description: "Four equally deep minima: where you start decides where you end.",
    tex: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
    dim: 2,
    domain: { x: [-5, 5], y: [-5, 5] },
    params: {},
    formula: () => ({
      f: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
      grad(x, y, out) {
        const a = x * x + y - 11, b = x + y * y - 7;
        out[0] = 4 * x * a + 2 * b;
        out[1] = 2 * a + 4 * y * b;
      },
      expr: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
      // Three of the four minima are irrational; these are Newton's iterates to full precision.
      minima: [
        { point: [3, 2], value: 0, global: true },
        { point: [-2.805118086952745, 3.131312518250573], value: 0, global: true },
        { point: [-3.779310253377747, -3.2831859912861696], value: 0, global: true },
        { point: [3.5844283403304917, -1.8481265269644036], value: 0, global: true },
      ],
    }),
  },
  booth: {
    label: "Booth",
    description: "A tilted quadratic bowl with its minimum at (1, 3).",
    tex: "(x + 2y - 7)^2 + (2x + y - 5)^2",
    dim: 2,
    domain: { x: [-10, 10], y: [-10, 10] },
    params: {},
    formula: () => ({
      f: (x, y) => (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2,
      grad(x, y, out) {
        const p = x + 2 * y - 7, q = 2 * x + y - 5;
        out[0] = 2 * p + 4 * q;
        out[1] = 4 * p + 2 * q;
      },
      expr: "(x + 2*y - 7)^2 + (2*x + y - 5)^2",
      minima: [{ point: [1, 3], value: 0, global: true }],
      lipschitz: 18, // Hessian [[10, 8], [8, 10]] has eigenvalues 18 and 2
    }),
  },
  matyas: {
    label: "Matyas",
    description: "A nearly flat, diagonal trough around the minimum at the origin.",
    tex: "0.26\\,(x^2 + y^2) - 0.48\\,xy",
    dim: 2,
    domain: { x: [-10, 10], y: [-10, 10] },
    params: {},
    formula: () => ({
      f: (x, y) => 0.26 * (x * x + y * y) - 0.48 * x * y,
      grad(x, y, out) {
        out[0] = 0.52 * x - 0.48 * y;
        out[1] = 0.52 * y - 0.48 * x;
      },
      expr: "0.26*(x^2 + y^2) - 0.48*x*y",
      minima: [{ point: [0, 0], value: 0, global: true }],
      lipschitz: 1, // Hessian [[0.52, -0.48], [-0.48, 0.52]] has eigenvalues 1 and 0.04
    }),
  },
  rastrigin: {
    label: "Rastrigin",
    description: "A bowl covered in a regular grid of local minima; the global one is at the origin.",
    tex: "2A + x^2 - A\\cos(2\\pi x) + y^2 - A\\cos(2\\pi y)",
    dim: 2,
    domain: { x: [-5.12, 5.12], y: [-5.12, 5.12] },
    params: { A: 10 },
    limits: { A: "nonnegative" },
    formula: ({ A }) => ({
      f: (x, y) => 2 * A + x * x - A * Math.cos(TAU * x) + y * y - A * Math.cos(TAU * y),
      grad(x, y, out) {
        out[0] = 2 * x + TAU * A * Math.sin(TAU * x);
        out[1] = 2 * y + TAU * A * Math.sin(TAU * y);
      },
      expr: `2*${num(A)} + x^2 - ${num(A)}*cos(2*pi*x) + y^2 - ${num(A)}*cos(2*pi*y)`,
      minima: [{ point: [0, 0], value: 0, global: true }],
    }),
  },
  ackley: {
    label: "Ackley",
    description: "A nearly flat, bumpy plain around one deep funnel at the origin (where f has a kink).",
    tex: "-a\\,e^{-b\\sqrt{(x^2 + y^2)/2}} - e^{(\\cos cx + \\cos cy)/2} + a + e",
    dim: 2,
    domain: { x: [-5, 5], y: [-5, 5] },
    params: { a: 20, b: 0.2, c: TAU },
    formula: ({ a, b, c }) => ({
      f: (x, y) =>
        -a * Math.exp(-b * Math.sqrt(0.5 * (x * x + y * y))) -
        Math.exp(0.5 * (Math.cos(c * x) + Math.cos(c * y))) +
        a +
        Math.E,
      grad(x, y, out) {
        const r = Math.sqrt(0.5 * (x * x + y * y));
        // The cone's tip at r = 0 has no gradient; we take the subgradient 0 there.
        const radial = r === 0 ? 0 : (a * b * Math.exp(-b * r) * 0.5) / r;
        const wave = 0.5 * c * Math.exp(0.5 * (Math.cos(c * x) + Math.cos(c * y)));
        out[0] = radial * x + wave * Math.sin(c * x);
        out[1] = radial * y + wave * Math.sin(c * y);
      },
      expr:
        `-${num(a)}*exp(-${num(b)}*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(${num(c)}*x) + cos(${num(c)}*y)))` +
        ` + ${num(a)} + e`,
      minima: [{ point: [0, 0], value: 0, global: true }],
    }),
  },
  goldsteinPrice: {
    label: "Goldstein–Price",
    description: "Values spanning six orders of magnitude, a global minimum of 3 at (0, −1) and three local minima.",
    tex:
      "\\left[1 + (x + y + 1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)\\right]" +
      "\\left[30 + (2x - 3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2)\\right]",
    dim: 2,
    domain: { x: [-2, 2], y: [-2, 2] },
    params: {},
    formula: () => ({
      f(x, y) {
        const s = x + y + 1, t = 2 * x - 3 * y;
        const p = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
        const q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
        return (1 + s * s * p) * (30 + t * t * q);
      },
      grad(x, y, out) {
        const s = x + y + 1, t = 2 * x - 3 * y;
        const p = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
        const q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
        const left = 1 + s * s * p, right = 30 + t * t * q;
        const dLeft = 2 * s * p + s * s * (6 * x + 6 * y - 14); // same for x and y: p's partials are equal
        const dRightDx = 4 * t * q + t * t * (24 * x - 36 * y - 32);
        const dRightDy = -6 * t * q + t * t * (54 * y - 36 * x + 48);
        out[0] = dLeft * right + left * dRightDx;
        out[1] = dLeft * right + left * dRightDy;
      },
      expr:
        "(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))" +
        "*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))",
      minima: [
        { point: [0, -1], value: 3, global: true },
        { point: [-0.6, -0.4], value: 30, global: false },
        { point: [1.8, 0.2], value: 84, global: false },
        { point: [1.2, 0.8], value: 840, global: false },
      ],
    }),
  },
  sixHumpCamel: {
    label: "Six-hump camel",
    description: "Six minima — two global, four local — in a saddle-shaped landscape.",
    tex: "\\left(4 - 2.1x^2 + \\tfrac{x^4}{3}\\right)x^2 + xy + (4y^2 - 4)\\,y^2",
    dim: 2,
    domain: { x: [-3, 3], y: [-2, 2] },
    params: {},
    formula: () => ({
      f(x, y) {
        const x2 = x * x, y2 = y * y;
        return (4 - 2.1 * x2 + (x2 * x2) / 3) * x2 + x * y + (4 * y2 - 4) * y2;
      },
      grad(x, y, out) {
        const x2 = x * x;
        out[0] = 8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y;
        out[1] = x - 8 * y + 16 * y * y * y;
      },
      expr: "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (4*y^2 - 4)*y^2",
      // Newton's iterates to full precision; the function is odd-symmetric, so minima come in pairs.
      minima: [
        { point: [0.08984201310031807, -0.7126564030207396], value: -1.0316284534898776, global: true },
        { point: [-0.08984201310031807, 0.7126564030207396], value: -1.0316284534898776, global: true },
        { point: [1.703606714969981, -0.7960835686726251], value: -0.21546382438371459, global: false },
        { point: [-1.703606714969981, 0.7960835686726251], value: -0.21546382438371459, global: false },
        { point: [1.6071047529201976, 0.5686514548841313], value: 2.1042503103112575, global: false },
        { point: [-1.6071047529201976, -0.5686514548841313], value: 2.1042503103112575, global: false },
      ],
    }),
  },
  saddle: {
    label: "Saddle",
    description: "Up along x, down along y: the gradient vanishes at the origin, which is not a minimum.",
    tex: "x^2 - y^2",
    dim: 2,
    domain: { x: [-2, 2], y: [-2, 2] },
    params: {},
    formula: () => ({
      f: (x, y) => x * x - y * y,
      grad(x, y, out) {
        out[0] = 2 * x;
        out[1] = -2 * y;
      },
      expr: "x^2 - y^2",
      minima: [],
      saddles: [{ point: [0, 0], value: 0 }],
      lipschitz: 2,
    }),
  },
  monkeySaddle: {
    label: "Monkey saddle",
    description: "Three valleys meet at a flat saddle whose Hessian is zero: second-order tests cannot classify it.",
    tex: "x^3 - 3xy^2",
    dim: 2,
    domain: { x: [-2, 2], y: [-2, 2] },
    params: {},
    formula: () => ({
      f: (x, y) => x * x * x - 3 * x * y * y,
      grad(x, y, out) {
        out[0] = 3 * x * x - 3 * y * y;
        out[1] = -6 * x * y;
      },
      expr: "x^3 - 3*x*y^2",
      minima: [],
      saddles: [{ point: [0, 0], value: 0 }],
    }),
  },
  ravine: {
    label: "Ravine",
    description: "An elongated bowl ½(x² + κy²): κ is the condition number, steep across and shallow along.",
    tex: "\\tfrac{1}{2}\\left(x^2 + \\kappa\\, y^2\\right)",
    dim: 2,
    domain: { x: [-4, 4], y: [-2, 2] },
    params: { kappa: 10 },
    limits: { kappa: "positive" },
    formula: ({ kappa }) => ({
      f: (x, y) => 0.5 * (x * x + kappa * y * y),
      grad(x, y, out) {
        out[0] = x;
        out[1] = kappa * y;
      },
      expr: `0.5*(x^2 + ${num(kappa)}*y^2)`,
      minima: [{ point: [0, 0], value: 0, global: true }],
      lipschitz: Math.max(1, kappa), // Hessian diag(1, κ)
    }),
  },
  cliff: {
    label: "Cliff",
    description:
      "A gentle valley ending at the foot of a narrow wall, where the gradient reaches height/(4·width) = 5,000: " +
      "an unclipped step there is thrown far away.",
    tex: "\\tfrac{1}{8}(x - 2)^2 + \\tfrac{1}{2}y^2 + h\\,\\sigma\\!\\left(\\frac{x - 1}{w}\\right)",
    dim: 2,
    domain: { x: [-3, 3], y: [-2, 2] },
    // The wall is a logistic step of height h and width w at x = 1 (after Pascanu et al. 2013's RNN cliffs);
    // its steepest slope is h/(4w). The bowl's centre lies beyond the wall, so the valley floor runs into it.
    params: { height: 100, width: 0.005 },
    limits: { height: "positive", width: "positive" },
    formula: ({ height, width }) => {
      const f = (x: number, y: number) => (x - 2) ** 2 / 8 + (y * y) / 2 + height * sigmoid((x - 1) / width);
      const dfdx = (x: number) => {
        const s = sigmoid((x - 1) / width);
        return (x - 2) / 4 + (height / width) * s * (1 - s);
      };
      const foot = bisect(dfdx, -1 - 50 * width, 1);
      return {
        f,
        grad(x, y, out) {
          out[0] = dfdx(x);
          out[1] = y;
        },
        expr: `(x - 2)^2/8 + y^2/2 + ${num(height)}*sigmoid((x - 1)/${num(width)})`,
        minima: [
          { point: [foot, 0], value: f(foot, 0), global: true },
          { point: [2, 0], value: f(2, 0), global: false }, // on the plateau above the wall
        ],
      };
    },
  },
  quadratic1d: {
    label: "Parabola",
    description: "y = x², the one-dimensional example: the gradient 2x shrinks as you approach the minimum.",
    tex: "x^2",
    dim: 1,
    domain: { x: [-2, 2], y: [0, 4] },
    params: {},
    formula: () => ({
      f: (x) => x * x,
      grad(x, _y, out) {
        out[0] = 2 * x;
      },
      expr: "x^2",
      minima: [{ point: [0], value: 0, global: true }],
      lipschitz: 2,
    }),
  },
};

/** The root of an increasing function `g` in [lo, hi], where g(lo) < 0 < g(hi), to machine precision. */
function bisect(g: (x: number) => number, lo: number, hi: number): number {
  for (let i = 0; i < 200 && lo < hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (g(mid) < 0) lo = mid;
    else hi = mid;
  }
  return Math.abs(g(lo)) < Math.abs(g(hi)) ? lo : hi;
}

export const testFunctionNames = Object.keys(definitions) as TestFunctionName[];

function checkedParams(name: TestFunctionName, params: Record<string, number> | undefined): Params {
  const definition = definitions[name];
  const known = Object.keys(definition.params);
  const merged: Params = { ...definition.params };
  for (const [key, value] of Object.entries(params ?? {})) {
    if (!(key in definition.params)) {
      const hint = closestName(key, known);
      const list = known.length ? `its parameters are ${known.join(", ")}` : "it takes no parameters";
      throw new Error(`${name} has no parameter "${key}" — ${hint ? `did you mean "${hint}"?` : list}`);
    }
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new Error(`${name} parameter ${key} must be a finite number (got ${String(value)})`);
    }
    const limit = definition.limits?.[key];
    if ((limit === "positive" && !(value > 0)) || (limit === "nonnegative" && !(value >= 0))) {
      throw new Error(`${name} parameter ${key} must be ${limit} (got ${value})`);
    }
    merged[key] = value;
  }
  return merged;
}

function build(name: TestFunctionName, params: Params): TestFunction {
  const definition = definitions[name];
  const formula = definition.formula(params);
  let compiled: ReturnType<typeof compileExpression> | undefined; // compiled on first use of hessian
  return {
    name,
    label: definition.label,
    description: definition.description,
    tex: definition.tex,
    dim: definition.dim,
    domain: definition.domain,
    params,
    ...formula,
    hessian(x, y) {
      compiled ??= compileExpression(formula.expr);
      return compiled.hessian(x, y);
    },
    withParams: (changes) => build(name, checkedParams(name, { ...params, ...changes })),
  };
}

/** Every test function, with its default parameters. */
export const testFunctions = Object.fromEntries(
  testFunctionNames.map((name) => [name, build(name, { ...definitions[name].params })]),
) as Record<TestFunctionName, TestFunction>;

/** The test function called `name` (with default parameters). Throws with a "did you mean" for unknown names. */
export function testFunction(name: string): TestFunction {
  if (Object.hasOwn(definitions, name)) return testFunctions[name as TestFunctionName];
  const hint = closestName(String(name), testFunctionNames);
  throw new Error(
    `unknown test function "${String(name)}" — ${hint ? `did you mean "${hint}"?` : `choose one of ${testFunctionNames.join(", ")}`}`,
  );
}

/** A test function as an Objective over 1 or 2 parameters. */
export function testFunctionObjective(name: string, params?: Record<string, number>): Objective {
  const base = testFunction(name);
  const { dim, f, grad } = params ? base.withParams(params) : base;
  return {
    dim,
    valueAndGrad(point, gradient) {
      const x = point[0], y = dim === 2 ? point[1] : 0;
      grad(x, y, gradient);
      return f(x, y);
    },
    value: (point) => f(point[0], dim === 2 ? point[1] : 0),
  };
}
