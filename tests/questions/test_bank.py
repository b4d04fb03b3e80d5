from collections import Counter

import pytest

from coffeechat.questions.bank import BANK, CATEGORIES, PRESETS, SCOPES, by_key, questions_in
from coffeechat.questions.coach import check_plan, check_question


def test_the_bank_covers_every_category_and_scope():
    assert len(BANK) >= 60
    counts = Counter(q.category for q in BANK)
    assert all(counts[c] >= (3 if c == "other" else 5) for c in CATEGORIES)
    assert {q.scope for q in BANK} == set(SCOPES)
    assert len({q.key for q in BANK}) == len(BANK)
    assert questions_in("referrals") and by_key("referrals-who-else").category == "referrals"


@pytest.mark.parametrize("question", BANK, ids=[q.key for q in BANK])
def test_every_bank_question_passes_the_coach_and_sits_in_its_category(question):
    report = check_question(question.text)
    assert report.open_ended and not report.googleable and not report.asks_for_job
    assert report.category == question.category


@pytest.mark.parametrize("preset", PRESETS, ids=[p.key for p in PRESETS])
def test_every_preset_is_a_good_plan(preset):
    assert set(preset.must_ask) <= set(preset.question_keys)
    texts = [by_key(k).text for k in preset.question_keys]
    report = check_plan(texts, [k in preset.must_ask for k in preset.question_keys])
    assert all(f.ok for f in report.findings), [f for f in report.findings if not f.ok]


def test_the_three_presets_named_in_the_product():
    assert [p.name for p in PRESETS] == ["First conversation in a new field", "Company deep-dive",
                                         "Trends, Insights, Advice, Resources, Assignments"]
