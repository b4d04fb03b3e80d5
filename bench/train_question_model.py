"""Train the question coach's category model and compare it with rules, on the held-out questions.

    python bench/train_question_model.py [--write] [--folds 5]

Trains a multinomial logistic model (pure Python, seeded, so the result is reproducible) on the
TUNE part of bench/corpus/questions.jsonl plus the built-in question bank, chooses its
regularisation by cross-validation on the tune part only, then prints held-out agreement for:
keyword rules alone, naive Bayes, the logistic model, and rules + model (the shipped coach).
With --write it saves the model to src/coffeechat/questions/coach/data/category_model.json.
"""

import argparse
import json
import math
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from coffeechat.questions.bank import BANK, CATEGORIES  # noqa: E402
from coffeechat.questions.coach import features as feature_module  # noqa: E402
from coffeechat.questions.coach.model import MODEL_PATH, CategoryModel  # noqa: E402

CORPUS = ROOT / "bench" / "corpus" / "questions.jsonl"


def load() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    tune = [(r["text"], r["labels"]["category"]) for r in rows if r["split"] == "tune"]
    heldout = [(r["text"], r["labels"]["category"]) for r in rows if r["split"] == "heldout"]
    return tune, heldout


def train_logistic(examples, featurise, l2: float, epochs: int = 40, seed: int = 15) -> dict:
    """Softmax regression by stochastic gradient descent with L2 (weight decay on the features seen)."""
    classes = list(CATEGORIES)
    index = {c: i for i, c in enumerate(classes)}
    data = [(featurise(text), index[label]) for text, label in examples]
    k = len(classes)
    weights: dict[str, list[float]] = defaultdict(lambda: [0.0] * k)
    bias = [0.0] * k
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(data)
        rate = 0.5 / (1 + epoch * 0.2)
        for feats, y in data:
            scores = list(bias)
            for f in feats:
                w = weights[f]
                for j in range(k):
                    scores[j] += w[j]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            grads = [e / total - (1.0 if j == y else 0.0) for j, e in enumerate(exps)]
            for j in range(k):
                bias[j] -= rate * grads[j] * 0.1
            for f in feats:
                w = weights[f]
                for j in range(k):
                    w[j] -= rate * (grads[j] + l2 * w[j])
    sparse = {}
    for f, w in weights.items():
        pairs = {str(j): round(v, 4) for j, v in enumerate(w) if abs(v) >= 0.02}
        if pairs:
            sparse[f] = pairs
    return {"classes": classes, "bias": [round(b, 4) for b in bias], "weights": sparse}


def train_naive_bayes(examples, featurise) -> dict:
    """Multinomial naive Bayes written as the same linear model (log-probabilities as weights)."""
    classes = list(CATEGORIES)
    counts = {c: Counter() for c in classes}
    priors = Counter(label for _, label in examples)
    for text, label in examples:
        counts[label].update(featurise(text))
    vocabulary = set().union(*counts.values())
    bias = [math.log((priors[c] + 1) / (len(examples) + len(classes))) for c in classes]
    weights = {}
    for f in vocabulary:
        row = {}
        for j, c in enumerate(classes):
            total = sum(counts[c].values()) + len(vocabulary)
            row[str(j)] = math.log((counts[c][f] + 1) / total)
        weights[f] = row
    return {"classes": classes, "bias": bias, "weights": weights}


def accuracy(predict, examples) -> float:
    return sum(1 for text, label in examples if predict(text) == label) / len(examples)


def cross_validate(examples, featurise, l2: float, folds: int) -> float:
    """Agreement of the shipped pipeline (rules first, then the model) over `folds` folds of the examples."""
    from coffeechat.questions.coach import checks

    rng = random.Random(7)
    shuffled = examples[:]
    rng.shuffle(shuffled)
    scores = []
    for fold in range(folds):
        test = shuffled[fold::folds]
        train = [e for i, e in enumerate(shuffled) if i % folds != fold and checks.rule_category(e[0]) is None]
        model = CategoryModel(train_logistic(train, featurise, l2))
        scores.append(accuracy(lambda text, m=model: checks.rule_category(text) or m.predict(text), test))
    return sum(scores) / len(scores)


def words_only(text: str) -> list[str]:
    return [f for f in feature_module.features(text) if not f.startswith("@")]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help="save the chosen model as the coach's data file")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    tune, heldout = load()
    bank = [(q.text, q.category) for q in BANK]
    from coffeechat.questions.coach import checks

    # The model decides only what the rules leave open, so it learns from those questions alone.
    training = [(text, label) for text, label in tune + bank if checks.rule_category(text) is None]
    print(f"training on the {len(training)} of {len(tune)} tune + {len(bank)} bank questions that the rules leave open; "
          f"{len(heldout)} held out")

    best = None
    for l2 in (0.0, 0.001, 0.003, 0.01, 0.03):
        score = cross_validate(tune, feature_module.features, l2, args.folds)
        print(f"  cross-validated on tune, l2={l2}: {score:.3f}")
        if best is None or score > best[0]:
            best = (score, l2)
    l2 = best[1]

    logistic = train_logistic(training, feature_module.features, l2)
    variants = {
        "keyword rules only (the previous coach)": checks.keyword_category,
        "naive Bayes, words": CategoryModel(train_naive_bayes(training, words_only)).predict,
        "naive Bayes, words + themes": CategoryModel(train_naive_bayes(training, feature_module.features)).predict,
        "logistic, words": CategoryModel(train_logistic(training, words_only, l2)).predict,
        "logistic, words + themes": CategoryModel(logistic).predict,
    }
    shipped = CategoryModel(logistic)
    variants["rules first, then logistic words + themes"] = lambda text: checks.rule_category(text) or shipped.predict(text)
    print(f"held-out category agreement (n={len(heldout)}):")
    for name, predict in variants.items():
        print(f"  {name:<45} {accuracy(predict, heldout):.3f}")
    if args.write:
        MODEL_PATH.parent.mkdir(exist_ok=True)
        MODEL_PATH.write_text(json.dumps(logistic, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH.relative_to(ROOT)} ({len(logistic['weights'])} features, l2={l2})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
