"""A multinomial logistic regression over the grams of judge/learned.py, trained by plain
stochastic gradient descent (no numpy in the venv, and none wanted at run time).

Each message is the set of its grams known to the model, the sum of their weights divided by
the square root of how many there are (so a long message is not more certain for its
length), plus a bias per kind. The result is a `learned.Model` with `binary=True`, read and
applied by the same hand-written inference as the naive Bayes.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from followup.judge.learned import Model


def train_logistic(rows: Sequence[tuple[Sequence[str], str]], *, min_docs: int = 2,
                   epochs: int = 25, rate: float = 0.5, l2: float = 1e-4,
                   digits: int = 3, seed: int = 12) -> Model:
    """Softmax regression over the grams seen in at least `min_docs` messages; weights
    below half the last digit kept are dropped (they would round to zero)."""
    seen: dict[str, int] = {}
    for grams, _ in rows:
        for gram in set(grams):
            seen[gram] = seen.get(gram, 0) + 1
    vocabulary = sorted(gram for gram, count in seen.items() if count >= min_docs)
    index = {gram: position for position, gram in enumerate(vocabulary)}
    kinds = tuple(sorted({kind for _, kind in rows}))
    width = len(kinds)
    data = []
    for grams, kind in rows:
        known = sorted({index[gram] for gram in grams if gram in index})
        data.append((known, 1.0 / math.sqrt(len(known)) if known else 0.0,
                     kinds.index(kind)))
    weights = [[0.0] * width for _ in vocabulary]
    bias = [0.0] * width
    order = list(range(len(data)))
    shuffle = random.Random(seed).shuffle
    for epoch in range(epochs):
        shuffle(order)
        step = rate / (1.0 + epoch * 0.2)
        decay = 1.0 - step * l2
        for position in order:
            known, scale, want = data[position]
            scores = list(bias)
            for feature in known:
                row = weights[feature]
                for k in range(width):
                    scores[k] += scale * row[k]
            peak = max(scores)
            exps = [math.exp(score - peak) for score in scores]
            norm = sum(exps)
            gradient = [value / norm for value in exps]
            gradient[want] -= 1.0
            if max(abs(value) for value in gradient) < 0.02:
                continue
            for k in range(width):
                bias[k] -= step * gradient[k]
            update = [step * scale * value for value in gradient]
            for feature in known:
                row = weights[feature]
                for k in range(width):
                    row[k] -= update[k]
        if l2:
            for row in weights:
                for k in range(width):
                    row[k] *= decay ** len(data)
    floor = 0.5 * 10 ** -digits
    table = {gram: tuple(round(value, digits) for value in row)
             for gram, row in zip(vocabulary, weights) if max(map(abs, row)) >= floor}
    return Model(kinds, tuple(round(value, digits) for value in bias), (0.0,) * width, table,
                 binary=True)
