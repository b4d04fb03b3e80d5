"""The category model: a small linear (logistic) model over the words of a question, shipped as data.

`bench/train_question_model.py` trains it on the tune part of bench/corpus/questions.jsonl and on
the built-in bank, and writes data/category_model.json; nothing is learnt at run time.
"""

import json
from functools import lru_cache
from pathlib import Path

from coffeechat.questions.coach.features import features

MODEL_PATH = Path(__file__).with_name("data") / "category_model.json"


class CategoryModel:
    def __init__(self, data: dict):
        self.classes: list[str] = data["classes"]
        self.bias: list[float] = data["bias"]
        # Sparse weights: feature → ((class index, weight), …)
        self.weights: dict[str, tuple[tuple[int, float], ...]] = {
            name: tuple((int(i), w) for i, w in pairs.items()) for name, pairs in data["weights"].items()}

    def scores(self, text: str) -> list[float]:
        scores = list(self.bias)
        weights = self.weights
        for name in features(text):
            pairs = weights.get(name)
            if pairs:
                for index, weight in pairs:
                    scores[index] += weight
        return scores

    def predict(self, text: str) -> str:
        scores = self.scores(text)
        return self.classes[max(range(len(scores)), key=scores.__getitem__)]

    def reasons(self, text: str, category: str, top: int = 3) -> list[str]:
        """The words that pushed hardest towards `category`, for explanations."""
        index = self.classes.index(category)
        pushes = {}
        for name in features(text):
            for i, weight in self.weights.get(name, ()):
                if i == index and weight > 0:
                    pushes[name] = pushes.get(name, 0) + weight
        return [name for name, _ in sorted(pushes.items(), key=lambda kv: -kv[1])[:top]]


@lru_cache(maxsize=1)
def category_model() -> CategoryModel:
    return CategoryModel(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
