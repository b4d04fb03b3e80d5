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
        # Stored sparse ({class index: weight}); held dense (one weight a class) so a feature is one vector add.
        size = len(self.classes)
        self.weights: dict[str, tuple[float, ...]] = {}
        for name, pairs in data["weights"].items():
            row = [0.0] * size
            for index, weight in pairs.items():
                row[int(index)] = weight
            self.weights[name] = tuple(row)

    def scores(self, text: str) -> list[float]:
        get = self.weights.get
        rows = [row for row in map(get, features(text)) if row is not None]
        return [sum(column) for column in zip(self.bias, *rows, strict=True)]

    def predict(self, text: str) -> str:
        scores = self.scores(text)
        return self.classes[max(range(len(scores)), key=scores.__getitem__)]

    def reasons(self, text: str, category: str, top: int = 3) -> list[str]:
        """The words that pushed hardest towards `category`, for explanations."""
        index = self.classes.index(category)
        pushes = {}
        for name in features(text):
            weight = self.weights.get(name, (0.0,) * len(self.classes))[index]
            if weight > 0:
                pushes[name] = pushes.get(name, 0) + weight
        return [name for name, _ in sorted(pushes.items(), key=lambda kv: -kv[1])[:top]]


@lru_cache(maxsize=1)
def category_model() -> CategoryModel:
    return CategoryModel(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
