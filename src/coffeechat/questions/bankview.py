"""The bank as one user sees it: the built-in questions with their edits, plus their own."""

from dataclasses import dataclass

from coffeechat.questions.bank import BANK
from coffeechat.questions.models import UserQuestion


@dataclass(frozen=True)
class Entry:
    ref: str          # "b:<key>" for built-in, "u:<pk>" for the user's own
    text: str
    category: str
    scope: str
    bank_key: str
    own: bool


def bank_for(user, category: str = "") -> list[Entry]:
    mine = list(UserQuestion.objects.for_user(user))
    edits = {q.bank_key: q for q in mine if q.bank_key}
    entries = []
    for question in BANK:
        edit = edits.get(question.key)
        if edit is not None and edit.hidden:
            continue
        text = edit.text if edit else question.text
        entries.append(Entry(f"b:{question.key}", text, edit.category if edit else question.category,
                             question.scope, question.key, own=False))
    entries += [Entry(f"u:{q.pk}", q.text, q.category, q.scope, "", own=True) for q in mine if not q.bank_key]
    if category:
        entries = [e for e in entries if e.category == category]
    return entries


def entry(user, ref: str) -> Entry | None:
    return next((e for e in bank_for(user) if e.ref == ref), None)
