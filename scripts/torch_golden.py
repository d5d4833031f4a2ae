"""Golden traces from PyTorch for lib/ (optimizers, test functions, typed expressions, schedules, SWA, clipping); test/lib/*golden*.test.ts replays them.

Regenerate (Debian's torch 1.13, float64): /usr/bin/python3 scripts/torch_golden.py
Each case stores the RunSpec it came from, so the TypeScript test runs runOptimizer(spec) and compares.
Per step, as lib/run.ts: loss and gradient at the current point, clip, optimizer.step(), scheduler.step().
"""
import json
import math
import os

import torch

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "torch")


# The objectives, written by hand to match lib/objectives (test functions) and the expression language.
def rosenbrock(p):
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


def beale(p):
    x, y = p[0], p[1]
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2


def himmelblau(p):
    return (p[0] ** 2 + p[1] - 11) ** 2 + (p[0] + p[1] ** 2 - 7) ** 2


def ravine(p):  # { name: "ravine", params: { kappa: 10 } }
    return 0.5 * (p[0] ** 2 + 10 * p[1] ** 2)


def quadratic1d(p):
    return p[0] ** 2


def elliptic(p):  # { expr: "x^2 + 10*y^2" }
    return p[0] ** 2 + 10 * p[1] ** 2


def wavy(p):  # { expr: "sin(x)*cos(y) + 0.1*(x^2+y^2)" }
    return torch.sin(p[0]) * torch.cos(p[1]) + 0.1 * (p[0] ** 2 + p[1] ** 2)


def matyas(p):
    return 0.26 * (p[0] ** 2 + p[1] ** 2) - 0.48 * p[0] * p[1]


def booth(p):
    return (p[0] + 2 * p[1] - 7) ** 2 + (2 * p[0] + p[1] - 5) ** 2


def rastrigin(p):  # A = 10
    return 20 + p[0] ** 2 - 10 * torch.cos(2 * math.pi * p[0]) + p[1] ** 2 - 10 * torch.cos(2 * math.pi * p[1])


def ackley(p):  # a = 20, b = 0.2, c = 2π
    c = 2 * math.pi
    return (-20 * torch.exp(-0.2 * torch.sqrt(0.5 * (p[0] ** 2 + p[1] ** 2)))
            - torch.exp(0.5 * (torch.cos(c * p[0]) + torch.cos(c * p[1]))) + 20 + math.e)


def goldstein_price(p):
    x, y = p[0], p[1]
    return ((1 + (x + y + 1) ** 2 * (19 - 14 * x + 3 * x ** 2 - 14 * y + 6 * x * y + 3 * y ** 2))
            * (30 + (2 * x - 3 * y) ** 2 * (18 - 32 * x + 12 * x ** 2 + 48 * y - 36 * x * y + 27 * y ** 2)))


def six_hump_camel(p):
    x, y = p[0], p[1]
    return (4 - 2.1 * x ** 2 + x ** 4 / 3) * x ** 2 + x * y + (4 * y ** 2 - 4) * y ** 2


def saddle(p):
    return p[0] ** 2 - p[1] ** 2


def monkey_saddle(p):
    return p[0] ** 3 - 3 * p[0] * p[1] ** 2


def cliff(p):  # height 100, width 0.005
    return (p[0] - 2) ** 2 / 8 + p[1] ** 2 / 2 + 100 * torch.sigmoid((p[0] - 1) / 0.005)


# Typed expressions: together they use every function, both constants, ^ with constant and variable exponents.
EXPRESSIONS = {
    "log(1 + x^2) + sqrt(1 + y^2) + atan(x - y)":
        lambda x, y: torch.log(1 + x ** 2) + torch.sqrt(1 + y ** 2) + torch.atan(x - y),
    "tanh(x)^2 + sigmoid(y - 1)*softplus(x) + exp(-y^2)":
        lambda x, y: torch.tanh(x) ** 2 + torch.sigmoid(y - 1) * torch.nn.functional.softplus(x) + torch.exp(-(y ** 2)),
    "cosh(x/2) + sinh(y/3)^2 - asin(tanh(x)/2) + acos(sin(y)/2)":
        lambda x, y: torch.cosh(x / 2) + torch.sinh(y / 3) ** 2 - torch.asin(torch.tanh(x) / 2) + torch.acos(torch.sin(y) / 2),
    "abs(x - 0.3) + max(y, 0.5*x)^2 + min(x, y)*sign(x) + cos(x)*tan(y/4)":
        lambda x, y: (torch.abs(x - 0.3) + torch.maximum(y, 0.5 * x) ** 2 + torch.minimum(x, y) * torch.sign(x)
                      + torch.cos(x) * torch.tan(y / 4)),
    "(1.5 + sin(x))^y + y^2 - 2^-x^2":
        lambda x, y: (1.5 + torch.sin(x)) ** y + y ** 2 - 2 ** (-(x ** 2)),
    "x^4/4 - x^2 + 0.3*x + pi/e":
        lambda x, y: x ** 4 / 4 - x ** 2 + 0.3 * x + math.pi / math.e,
}


OBJECTIVES = {
    "rosenbrock": ("rosenbrock", rosenbrock),
    "beale": ("beale", beale),
    "himmelblau": ("himmelblau", himmelblau),
    "ravine": ({"name": "ravine", "params": {"kappa": 10}}, ravine),
    "quadratic1d": ("quadratic1d", quadratic1d),
    "elliptic": ({"expr": "x^2 + 10*y^2"}, elliptic),
    "wavy": ({"expr": "sin(x)*cos(y) + 0.1*(x^2+y^2)"}, wavy),
    "matyas": ("matyas", matyas),
    "booth": ("booth", booth),
    "rastrigin": ("rastrigin", rastrigin),
    "ackley": ("ackley", ackley),
    "goldsteinPrice": ("goldsteinPrice", goldstein_price),
    "sixHumpCamel": ("sixHumpCamel", six_hump_camel),
    "saddle": ("saddle", saddle),
    "monkeySaddle": ("monkeySaddle", monkey_saddle),
    "cliff": ("cliff", cliff),
    **{text: ({"expr": text}, (lambda g: lambda p: g(p[0], p[1] if len(p) > 1 else None))(g)) for text, g in EXPRESSIONS.items()},
}

SNAKE = {"weightDecay": "weight_decay", "lrDecay": "lr_decay", "initialAccumulatorValue": "initial_accumulator_value"}
TORCH_OPTIMIZERS = {
    "sgd": torch.optim.SGD,
    "adam": torch.optim.Adam,
    "adamw": torch.optim.AdamW,
    "rmsprop": torch.optim.RMSprop,
    "adagrad": torch.optim.Adagrad,
    "adadelta": torch.optim.Adadelta,
}


def make_optimizer(spec, param):
    options = {SNAKE.get(k, k): (tuple(v) if k == "betas" else v) for k, v in spec.items() if k != "name"}
    if spec["name"] == "momentum":
        # The EMA form equals PyTorch's heavy ball with lr·(1 − β) (see lib/optimizers/momentum.ts).
        beta = spec.get("beta", 0.9)
        return torch.optim.SGD([param], lr=spec["lr"] * (1 - beta), momentum=beta)
    if spec["name"] == "sgd" and "lr" not in options:
        options["lr"] = 1.0  # cyclic and oneCycle overwrite it
    return TORCH_OPTIMIZERS[spec["name"]]([param], **options)


def make_scheduler(spec, optimizer):
    if spec is None:
        return None
    name, o = spec["name"], spec
    S = torch.optim.lr_scheduler
    if name == "step":
        return S.StepLR(optimizer, o["stepSize"], o.get("gamma", 0.1))
    if name == "multiStep":
        return S.MultiStepLR(optimizer, o["milestones"], o.get("gamma", 0.1))
    if name == "exponential":
        return S.ExponentialLR(optimizer, o["gamma"])
    if name == "cosine":
        return S.CosineAnnealingLR(optimizer, o["tMax"], o.get("etaMin", 0))
    if name == "cosineWarmRestarts":
        return S.CosineAnnealingWarmRestarts(optimizer, o["t0"], o.get("tMult", 1), o.get("etaMin", 0))
    if name == "cyclic":
        mode = {"triangular": "triangular", "triangular2": "triangular2", "expRange": "exp_range"}[o.get("mode", "triangular")]
        return S.CyclicLR(optimizer, o["baseLr"], o["maxLr"], o.get("stepSizeUp", 2000), o.get("stepSizeDown"),
                          mode, o.get("gamma", 1.0), cycle_momentum=False)
    if name == "oneCycle":
        return S.OneCycleLR(optimizer, o["maxLr"], o["totalSteps"], pct_start=float(o.get("pctStart", 0.3)),
                            anneal_strategy=o.get("annealStrategy", "cos"), cycle_momentum=False,
                            div_factor=o.get("divFactor", 25.0), final_div_factor=o.get("finalDivFactor", 1e4))
    if name == "linear":
        return S.LinearLR(optimizer, o.get("startFactor", 1 / 3), o.get("endFactor", 1.0), o.get("totalIters", 5))
    if name == "reduceOnPlateau":
        return S.ReduceLROnPlateau(optimizer, factor=o.get("factor", 0.1), patience=o.get("patience", 10),
                                   threshold=o.get("threshold", 1e-4), threshold_mode=o.get("thresholdMode", "rel"),
                                   cooldown=o.get("cooldown", 0), min_lr=o.get("minLr", 0), eps=o.get("eps", 1e-8))
    raise ValueError(name)


def run(title, objective, start, optimizer, steps=80, schedule=None, clip=None):
    objective_spec, f = OBJECTIVES[objective]
    spec = {"objective": objective_spec, "start": start, "optimizer": optimizer, "steps": steps}
    if schedule:
        spec["schedule"] = schedule
    if clip:
        spec["clip"] = clip
    p = torch.tensor(start, requires_grad=True)
    opt = make_optimizer(optimizer, p)
    scheduler = make_scheduler(schedule, opt)
    path, loss, lrs, grad_norm = [p.tolist()], [f(p).item()], [], []
    for _ in range(steps):
        opt.zero_grad()
        f(p).backward()
        grad_norm.append(p.grad.norm().item())
        if clip and "maxNorm" in clip:
            torch.nn.utils.clip_grad_norm_([p], clip["maxNorm"])
        elif clip:
            torch.nn.utils.clip_grad_value_([p], clip["value"])
        lr = opt.param_groups[0]["lr"]
        opt.step()
        with torch.no_grad():
            new_loss = f(p).item()
        if isinstance(scheduler, torch.optim.lr_scheduler.ReduceLROnPlateau):
            scheduler.step(new_loss)
        elif scheduler:
            scheduler.step()
        path.append(p.tolist())
        loss.append(new_loss)
        lrs.append(lr / (1 - optimizer.get("beta", 0.9)) if optimizer["name"] == "momentum" else lr)
    return {"title": title, "spec": spec, "trace": {"path": path, "loss": loss, "lr": lrs, "gradNorm": grad_norm}}


def optimizer_cases():
    R, B, H, Q = ("rosenbrock", [-1.5, 2.0]), ("beale", [1.0, 1.0]), ("himmelblau", [-1.0, -1.0]), ("ravine", [3.0, 1.0])
    E, W = ("elliptic", [2.0, -1.5]), ("wavy", [1.0, 2.0])
    cases = [
        ("sgd({lr}) on Rosenbrock", *R, {"name": "sgd", "lr": 1e-3}),
        ("sgd({lr, momentum}) on Beale", *B, {"name": "sgd", "lr": 0.01, "momentum": 0.9}),
        ("sgd({lr, momentum, dampening}) on Himmelblau", *H, {"name": "sgd", "lr": 0.01, "momentum": 0.8, "dampening": 0.5}),
        ("sgd({lr, momentum, nesterov}) on the ravine", *Q, {"name": "sgd", "lr": 0.05, "momentum": 0.9, "nesterov": True}),
        ("sgd({lr, weightDecay}) on Himmelblau", *H, {"name": "sgd", "lr": 0.01, "weightDecay": 0.1}),
        ("sgd({lr, momentum, nesterov, weightDecay}) on Rosenbrock", *R, {"name": "sgd", "lr": 2e-4, "momentum": 0.9, "nesterov": True, "weightDecay": 0.01}),
        ("momentum({lr, beta}) equals sgd with lr·(1−β) on Rosenbrock", *R, {"name": "momentum", "lr": 0.01, "beta": 0.9}),
        ("momentum({lr}) on Himmelblau", *H, {"name": "momentum", "lr": 0.02}),
        ("adam({lr}) on Rosenbrock", *R, {"name": "adam", "lr": 0.1}),
        ("adam() defaults on Beale", *B, {"name": "adam"}),
        ("adam({lr, betas, eps}) on Beale", *B, {"name": "adam", "lr": 0.05, "betas": [0.8, 0.99], "eps": 1e-3}),
        ("adam({lr, amsgrad}) on Himmelblau", *H, {"name": "adam", "lr": 0.1, "amsgrad": True}),
        ("adam({lr, weightDecay}) on the ravine", *Q, {"name": "adam", "lr": 0.1, "weightDecay": 0.5}),
        ("adamw({lr}) with default weightDecay on Rosenbrock", *R, {"name": "adamw", "lr": 0.1}),
        ("adamw({lr, weightDecay, amsgrad}) on Himmelblau", *H, {"name": "adamw", "lr": 0.1, "weightDecay": 0.3, "amsgrad": True}),
        ("adamw({lr, betas, eps}) on the ravine", *Q, {"name": "adamw", "lr": 0.2, "betas": [0.5, 0.9], "eps": 1e-4}),
        ("rmsprop({lr}) on Rosenbrock", *R, {"name": "rmsprop", "lr": 0.01}),
        ("rmsprop({lr, alpha, eps}) on Beale", *B, {"name": "rmsprop", "lr": 0.01, "alpha": 0.9, "eps": 1e-4}),
        ("rmsprop({lr, centered}) on Himmelblau", *H, {"name": "rmsprop", "lr": 0.05, "centered": True}),
        ("rmsprop({lr, momentum}) on the ravine", *Q, {"name": "rmsprop", "lr": 0.01, "momentum": 0.9}),
        ("rmsprop({lr, centered, momentum, weightDecay}) on Himmelblau", *H, {"name": "rmsprop", "lr": 0.01, "centered": True, "momentum": 0.5, "weightDecay": 0.1}),
        ("adagrad({lr}) on Rosenbrock", *R, {"name": "adagrad", "lr": 0.5}),
        ("adagrad({lr, lrDecay}) on Beale", *B, {"name": "adagrad", "lr": 0.5, "lrDecay": 0.05}),
        ("adagrad({lr, initialAccumulatorValue, eps}) on Himmelblau", *H, {"name": "adagrad", "lr": 1.0, "initialAccumulatorValue": 0.5, "eps": 1e-3}),
        ("adagrad({lr, weightDecay}) on the ravine", *Q, {"name": "adagrad", "lr": 1.0, "weightDecay": 0.2}),
        ("adadelta() defaults on Rosenbrock", *R, {"name": "adadelta"}),
        ("adadelta({lr, rho, eps}) on Himmelblau", *H, {"name": "adadelta", "lr": 5.0, "rho": 0.5, "eps": 1e-3}),
        ("adadelta({weightDecay}) on the ravine", *Q, {"name": "adadelta", "weightDecay": 0.1}),
        ("sgd({lr}) on x^2 + 10*y^2", *E, {"name": "sgd", "lr": 0.05}),
        ("adam({lr}) on x^2 + 10*y^2", *E, {"name": "adam", "lr": 0.1}),
        ("rmsprop({lr, momentum}) on sin(x)*cos(y) + 0.1*(x^2+y^2)", *W, {"name": "rmsprop", "lr": 0.01, "momentum": 0.5}),
        ("adagrad({lr}) on sin(x)*cos(y) + 0.1*(x^2+y^2)", *W, {"name": "adagrad", "lr": 0.3}),
        ("sgd({lr}) on x^2 from 10, the articles' 20 steps", "quadratic1d", [10.0], {"name": "sgd", "lr": 0.1}),
        ("adam({lr}) on x^2 from 10, the articles' 20 steps", "quadratic1d", [10.0], {"name": "adam", "lr": 0.1}),
    ]
    return [run(title, objective, start, optimizer, steps=20 if "articles" in title else 80)
            for title, objective, start, optimizer in cases]


def objective_cases():
    """Named test functions and typed expressions, each under a different optimizer: torch autograd gives the gradient."""
    cases = [
        ("adam({lr}) on Matyas", "matyas", [8.0, -6.0], {"name": "adam", "lr": 0.3}),
        ("sgd({lr, momentum}) on Booth", "booth", [-8.0, 9.0], {"name": "sgd", "lr": 0.01, "momentum": 0.8}),
        ("sgd({lr}) on Rastrigin", "rastrigin", [2.3, -1.6], {"name": "sgd", "lr": 0.002}),
        ("adam({lr}) on Ackley", "ackley", [1.7, -2.4], {"name": "adam", "lr": 0.05}),
        # 40 steps: nearer the minimum the gradient is a difference of terms 10⁷ times larger, so rounding dominates.
        ("adagrad({lr}) on Goldstein-Price, 40 steps", "goldsteinPrice", [0.5, 0.5], {"name": "adagrad", "lr": 0.05}),
        ("rmsprop({lr}) on the six-hump camel", "sixHumpCamel", [1.0, 1.0], {"name": "rmsprop", "lr": 0.02}),
        ("sgd({lr}) escapes the saddle", "saddle", [1.0, 1e-3], {"name": "sgd", "lr": 0.05}),
        ("adam({lr}) on the monkey saddle", "monkeySaddle", [0.5, 0.4], {"name": "adam", "lr": 0.02}),
        ("sgd({lr}) with clip {maxNorm} on the cliff", "cliff", [-2.0, 1.0], {"name": "sgd", "lr": 0.1}, {"maxNorm": 1.0}),
        ("adam({lr}) on log(1 + x^2) + sqrt(1 + y^2) + atan(x - y)", "log(1 + x^2) + sqrt(1 + y^2) + atan(x - y)", [2.0, -1.5], {"name": "adam", "lr": 0.1}),
        ("sgd({lr, momentum}) on tanh(x)^2 + sigmoid(y - 1)*softplus(x) + exp(-y^2)", "tanh(x)^2 + sigmoid(y - 1)*softplus(x) + exp(-y^2)", [1.2, 0.4], {"name": "sgd", "lr": 0.1, "momentum": 0.5}),
        ("rmsprop({lr}) on cosh(x/2) + sinh(y/3)^2 - asin(tanh(x)/2) + acos(sin(y)/2)", "cosh(x/2) + sinh(y/3)^2 - asin(tanh(x)/2) + acos(sin(y)/2)", [1.5, -2.0], {"name": "rmsprop", "lr": 0.02}),
        ("sgd({lr}) on abs(x - 0.3) + max(y, 0.5*x)^2 + min(x, y)*sign(x) + cos(x)*tan(y/4)", "abs(x - 0.3) + max(y, 0.5*x)^2 + min(x, y)*sign(x) + cos(x)*tan(y/4)", [2.0, 1.1], {"name": "sgd", "lr": 0.01}),
        ("adamw({lr}) on (1.5 + sin(x))^y + y^2 - 2^-x^2", "(1.5 + sin(x))^y + y^2 - 2^-x^2", [0.7, 1.3], {"name": "adamw", "lr": 0.05}),
        ("momentum({lr, beta}) on the 1-D x^4/4 - x^2 + 0.3*x + pi/e", "x^4/4 - x^2 + 0.3*x + pi/e", [2.5], {"name": "momentum", "lr": 0.05, "beta": 0.8}),
    ]
    return [run(title, objective, start, optimizer, steps=40 if "40 steps" in title else 80, clip=clip[0] if clip else None)
            for title, objective, start, optimizer, *clip in cases]


def clip_cases():
    return [
        run("sgd({lr}) with clip {maxNorm} on Rosenbrock", "rosenbrock", [-1.5, 2.0], {"name": "sgd", "lr": 0.01}, clip={"maxNorm": 1.0}),
        run("adam({lr}) with clip {maxNorm} on Beale", "beale", [1.0, 1.0], {"name": "adam", "lr": 0.05}, clip={"maxNorm": 0.5}),
        run("sgd({lr, momentum}) with clip {value} on Rosenbrock", "rosenbrock", [-1.5, 2.0], {"name": "sgd", "lr": 0.005, "momentum": 0.5}, clip={"value": 2.0}),
        run("rmsprop({lr}) with clip {value} on Himmelblau", "himmelblau", [-1.0, -1.0], {"name": "rmsprop", "lr": 0.02}, clip={"value": 0.1}),
    ]


SCHEDULES = [
    ({"name": "step", "stepSize": 7}, 0.5, 40),
    ({"name": "step", "stepSize": 3, "gamma": 0.5}, 1.0, 20),
    ({"name": "multiStep", "milestones": [5, 12, 12, 30]}, 0.1, 40),
    ({"name": "exponential", "gamma": 0.95}, 0.2, 200),
    ({"name": "linear"}, 0.05, 10),
    ({"name": "linear", "startFactor": 1.0, "endFactor": 0.1, "totalIters": 30}, 0.3, 50),
    ({"name": "cosine", "tMax": 20}, 0.1, 75),
    ({"name": "cosine", "tMax": 37, "etaMin": 0.001}, 0.1, 200),
    ({"name": "cosineWarmRestarts", "t0": 10}, 0.1, 45),
    ({"name": "cosineWarmRestarts", "t0": 4, "tMult": 2, "etaMin": 0.01}, 0.1, 70),
    ({"name": "cyclic", "baseLr": 0.001, "maxLr": 0.1, "stepSizeUp": 10}, None, 65),
    ({"name": "cyclic", "baseLr": 0.001, "maxLr": 0.1, "stepSizeUp": 5, "stepSizeDown": 8, "mode": "triangular2"}, None, 60),
    ({"name": "cyclic", "baseLr": 0.01, "maxLr": 0.5, "stepSizeUp": 7, "mode": "expRange", "gamma": 0.97}, None, 60),
    ({"name": "oneCycle", "maxLr": 0.1, "totalSteps": 100}, None, 100),
    ({"name": "oneCycle", "maxLr": 1.0, "totalSteps": 37, "pctStart": 0.4, "annealStrategy": "linear", "divFactor": 10, "finalDivFactor": 100}, None, 37),
]


def schedule_cases():
    cases = []
    for schedule, lr, steps in SCHEDULES:
        p = torch.zeros(1, requires_grad=True)
        opt = torch.optim.SGD([p], lr=lr if lr is not None else 1.0)
        scheduler = make_scheduler(schedule, opt)
        lrs = []
        for _ in range(steps):
            lrs.append(opt.param_groups[0]["lr"])
            opt.step()
            scheduler.step()
        cases.append({"schedule": schedule, "lr": lr, "lrs": lrs})
    return cases


def scheduled_run_cases():
    return [
        run("sgd({lr}) with step decay on Rosenbrock", "rosenbrock", [-1.5, 2.0], {"name": "sgd", "lr": 2e-3}, schedule={"name": "step", "stepSize": 20, "gamma": 0.5}),
        run("adam({lr}) with cosine annealing on Beale", "beale", [1.0, 1.0], {"name": "adam", "lr": 0.1}, schedule={"name": "cosine", "tMax": 50}),
        run("sgd({momentum}) with oneCycle on Himmelblau", "himmelblau", [-1.0, -1.0], {"name": "sgd", "momentum": 0.9}, schedule={"name": "oneCycle", "maxLr": 0.01, "totalSteps": 80}),
        run("rmsprop() with cyclic on the ravine", "ravine", [3.0, 1.0], {"name": "rmsprop"}, schedule={"name": "cyclic", "baseLr": 0.001, "maxLr": 0.05, "stepSizeUp": 10, "mode": "triangular2"}),
        run("adamw({lr}) with linear warm-up on Rosenbrock", "rosenbrock", [-1.5, 2.0], {"name": "adamw", "lr": 0.1}, schedule={"name": "linear", "startFactor": 0.1, "totalIters": 20}),
        run("adagrad({lr}) with warm restarts on x^2 + 10*y^2", "elliptic", [2.0, -1.5], {"name": "adagrad", "lr": 0.5}, schedule={"name": "cosineWarmRestarts", "t0": 10, "tMult": 2}),
        run("sgd({lr}) with exponential decay on Beale", "beale", [1.0, 1.0], {"name": "sgd", "lr": 0.02}, schedule={"name": "exponential", "gamma": 0.97}),
        run("sgd({lr}) with multiStep on Himmelblau", "himmelblau", [-1.0, -1.0], {"name": "sgd", "lr": 0.02}, schedule={"name": "multiStep", "milestones": [10, 30], "gamma": 0.3}),
        run("sgd({lr}) with reduceOnPlateau on the ravine", "ravine", [3.0, 1.0], {"name": "sgd", "lr": 0.199},
            steps=150, schedule={"name": "reduceOnPlateau", "factor": 0.5, "patience": 2, "threshold": 0.1}),
        run("adam({lr}) with reduceOnPlateau (abs, cooldown, minLr) on Himmelblau", "himmelblau", [-1.0, -1.0], {"name": "adam", "lr": 0.5},
            steps=150, schedule={"name": "reduceOnPlateau", "factor": 0.3, "patience": 2, "threshold": 1e-3, "thresholdMode": "abs", "cooldown": 2, "minLr": 0.01}),
    ]


def swa_cases():
    """SWA as in torch.optim.swa_utils: from step `start` the lr is the constant SWA lr (SWALR with no annealing),
    and AveragedModel.update_parameters runs after every `frequency`-th step from there."""
    cases = []
    for title, objective, start, optimizer, swa, steps in [
        ("sgd({lr, momentum}) with swa on Rastrigin", "rastrigin", [2.3, -1.6], {"name": "sgd", "lr": 0.004, "momentum": 0.9}, {"start": 30, "lr": 0.01}, 60),
        ("adam({lr}) with swa every 5 steps on Rosenbrock", "rosenbrock", [-1.5, 2.0], {"name": "adam", "lr": 0.1}, {"start": 40, "lr": 0.02, "frequency": 5}, 80),
    ]:
        objective_spec, f = OBJECTIVES[objective]
        p = torch.tensor(start, requires_grad=True)
        opt = make_optimizer(optimizer, p)
        model = torch.nn.Module()
        model.p = torch.nn.Parameter(p.detach().clone())
        averaged = torch.optim.swa_utils.AveragedModel(model)
        path, loss, lrs, grad_norm = [p.tolist()], [f(p).item()], [], []
        for k in range(steps):
            if k >= swa["start"]:
                opt.param_groups[0]["lr"] = swa["lr"]
            opt.zero_grad()
            f(p).backward()
            grad_norm.append(p.grad.norm().item())
            lrs.append(opt.param_groups[0]["lr"])
            opt.step()
            with torch.no_grad():
                loss.append(f(p).item())
                if k >= swa["start"] and (k + 1 - swa["start"]) % swa.get("frequency", 1) == 0:
                    model.p.copy_(p)
                    averaged.update_parameters(model)
            path.append(p.tolist())
        spec = {"objective": objective_spec, "start": start, "optimizer": optimizer, "steps": steps, "swa": swa}
        cases.append({"title": title, "spec": spec, "trace": {"path": path, "loss": loss, "lr": lrs, "gradNorm": grad_norm},
                      "swaAverage": averaged.module.p.tolist(), "swaCount": int(averaged.n_averaged.item())})
    return cases


def write(name, data):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump({"torch": torch.__version__, "cases": data}, f, indent=None, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    write("optimizers.json", optimizer_cases())
    write("objectives.json", objective_cases())
    write("clip.json", clip_cases())
    write("schedules.json", schedule_cases())
    write("scheduled-runs.json", scheduled_run_cases())
    write("swa.json", swa_cases())
