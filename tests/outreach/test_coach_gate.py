"""The speed-ups behind the outreach coach's patterns must never change what a pattern finds."""

import json
import re
from pathlib import Path

import pytest

from coffeechat.outreach.coach import patterns
from coffeechat.outreach.coach.gate import Gated, gate_for, scan
from coffeechat.outreach.coach.text import sentences

CORPUS = Path(__file__).resolve().parents[2] / "bench" / "corpus" / "emails.jsonl"
ODD = ["", "Hi", "ARE YOU HIRING?", "Mr. X said you'd help", "x20 minutes; 20-25 mins", "İstanbul ıı Straße — ŒUVRE",
       "referral\nfor the role", "I'm Zoë, a nurse", "Sun. 3/14 at 9.30am", "fellow\talum", "yours truly, refer me"]


def _texts():
    texts = list(ODD)
    if CORPUS.exists():
        for line in CORPUS.read_text(encoding="utf-8").splitlines()[::4]:
            text = json.loads(line)["text"]
            texts += [text, *sentences(text)[:6]]
    return texts


def _gated():
    for name, value in vars(patterns).items():
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(item, Gated):
                yield f"{name}[{index}]", item


@pytest.mark.parametrize(("name", "gated"), list(_gated()), ids=[n for n, _ in _gated()])
def test_a_gated_pattern_finds_what_the_plain_pattern_finds(name, gated):
    for text in _texts():
        plain = gated.original.search(text)
        fast = gated.search(text)
        assert bool(plain) == bool(fast), (name, text[:80])
        if plain:
            assert (fast.start(), fast.end()) == plain.span() or len(text.lower()) != len(text), (name, text[:80])
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in gated.original.finditer(text)] or \
            len(text.lower()) != len(text), (name, text[:80])


def test_a_gate_is_a_string_every_match_contains():
    pattern = re.compile(r"\b(?:refer|recommend) me (?:for|to) (?:a|the) (?:job|role)\b", re.I)
    gate = gate_for(pattern)
    assert gate and all(any(g in m.lower() for g in gate) for m in ["Refer me for a job", "recommend me to the role"])
    assert gate_for(re.compile(r"\w+|x")) is None  # nothing every match needs
    low, present = scan("Could you REFER me?")
    assert low == "could you refer me?" and isinstance(present, frozenset)
