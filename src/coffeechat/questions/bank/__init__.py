"""The built-in question bank and plan presets."""

from dataclasses import dataclass

from coffeechat.questions.bank.presets import PRESETS_DATA
from coffeechat.questions.bank.questions import QUESTIONS

CATEGORIES = ("background", "day_to_day", "rewards", "challenges", "compensation", "trends",
              "advice", "hiring", "culture", "resources", "referrals", "other")
SCOPES = ("industry", "company", "role", "path")


@dataclass(frozen=True)
class BankQuestion:
    key: str
    text: str
    category: str
    scope: str


@dataclass(frozen=True)
class Preset:
    key: str
    name: str
    description: str
    question_keys: tuple[str, ...]
    must_ask: tuple[str, ...]


BANK = tuple(BankQuestion(*row) for row in QUESTIONS)
PRESETS = tuple(Preset(*row) for row in PRESETS_DATA)
_BY_KEY = {q.key: q for q in BANK}


def by_key(key: str) -> BankQuestion:
    return _BY_KEY[key]


def questions_in(category: str) -> list[BankQuestion]:
    return [q for q in BANK if q.category == category]
