"""The source articles' own numbers: seed 003's Python for gradient descent, momentum, RMSProp and Adam on y = x²,
transcribed line for line (numpy, the articles' settings: start 10, learning rate 0.1, 20 iterations) and run.

Regenerate: /usr/bin/python3 scripts/articles_golden.py  →  test/fixtures/articles/seed003.json
test/lib/articles.test.ts asserts that lib/ reproduces every point of every path.
Where the articles' formulas differ from PyTorch's, test/lib/articles.test.ts says how (and which lib/ spec matches).
Not transcribed: 003's SGD and mini-batch code, which multiply the gradient by unseeded np.random noise.
"""
import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "articles", "seed003.json")


def loss(x):
    return x ** 2


def gradient(x):
    return 2 * x


def batch_gradient_descent(start, learning_rate, iterations):
    x = start
    path = [x]
    for i in range(iterations):
        grad = gradient(x)
        x = x - learning_rate * grad
        path.append(x)
    return path


def momentum_gradient_descent(start, learning_rate, iterations, beta=0.9):
    x = start
    v = 0
    path = [x]
    for i in range(iterations):
        grad = gradient(x)
        v = beta * v + (1 - beta) * grad
        x = x - learning_rate * v
        path.append(x)
    return path


def rmsprop_gradient_descent(start, learning_rate, iterations, beta=0.9, epsilon=1e-8):
    x = start
    s = 0
    path = [x]
    for i in range(iterations):
        grad = gradient(x)
        s = beta * s + (1 - beta) * grad**2
        x = x - learning_rate * grad / (np.sqrt(s) + epsilon)
        path.append(x)
    return path


def adam_gradient_descent(start, learning_rate, iterations, beta1=0.9, beta2=0.999, epsilon=1e-8):
    x = start
    m = 0
    v = 0
    path = [x]
    for t in range(1, iterations + 1):
        grad = gradient(x)
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad**2
        m_hat = m / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        x = x - learning_rate * m_hat / (np.sqrt(v_hat) + epsilon)
        path.append(x)
    return path


start = 10
learning_rate = 0.1
iterations = 20
paths = {
    "gradientDescent": batch_gradient_descent(start, learning_rate, iterations),
    "momentum": momentum_gradient_descent(start, learning_rate, iterations),
    "rmsprop": rmsprop_gradient_descent(start, learning_rate, iterations),
    "adam": adam_gradient_descent(start, learning_rate, iterations),
}
settings = {"start": start, "learningRate": learning_rate, "iterations": iterations,
            "momentum": {"beta": 0.9}, "rmsprop": {"beta": 0.9, "epsilon": 1e-8},
            "adam": {"beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}}
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"source": "seed 003, its Python listings", "settings": settings,
               "paths": {name: [float(x) for x in path] for name, path in paths.items()}}, f, indent=1)
    f.write("\n")
