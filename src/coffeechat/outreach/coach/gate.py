"""Fast rejection for word patterns: most patterns cannot match most texts, and saying so cheaply is far
faster than letting the regular-expression engine try every position.

From each pattern we take a set of literal strings one of which *every* match must contain (worked out
from the pattern as CPython's own parser reads it, so the test never misses); the pattern runs only when
the text holds all the letter triples of one of them. tests/outreach/test_coach_gate.py checks that every
gated pattern finds exactly what the plain pattern finds.
"""

import re
from functools import lru_cache
from re import _constants as c
from re import _parser as parser

_MIN_GATE = 3  # gates are tested by their letter triples


def _runs(items) -> list[set[str]]:
    """Candidate gates for a sequence: each a set of strings, one of which any match contains."""
    candidates, run = [], ""
    for op, av in items:
        if op is c.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append({run})
            run = ""
        if op is c.SUBPATTERN:
            candidates.extend(_runs(av[3]))
        elif op is c.BRANCH:
            branch_sets = [_best(_runs(branch)) for branch in av[1]]
            if all(branch_sets):
                candidates.append(set().union(*branch_sets))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            candidates.extend(_runs(av[2]))
    if run:
        candidates.append({run})
    return candidates


def _best(candidates: list[set[str]]) -> set[str] | None:
    good = [s for s in candidates if min(len(x) for x in s) >= _MIN_GATE]
    return max(good, key=lambda s: (min(len(x) for x in s), -len(s))) if good else None


def _prefix(items) -> set[str] | None:
    """Literal strings one of which every match *starts* with (after word-boundary tests), or None."""
    items = [(op, av) for op, av in items if op is not c.AT]
    if not items:
        return None
    op, av = items[0]
    if op is c.LITERAL:
        run = ""
        for op2, av2 in items:
            if op2 is not c.LITERAL:
                break
            run += chr(av2)
        return {run}
    if op is c.SUBPATTERN:
        return _prefix(av[3])
    if op is c.BRANCH:
        branches = [_prefix(branch) for branch in av[1]]
        return set().union(*branches) if all(branches) else None
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
        return _prefix(av[2])
    return None


def prefix_for(pattern: re.Pattern) -> frozenset[str] | None:
    """Lower-case strings one of which every match starts with, or None."""
    found = _prefix(parser.parse(pattern.pattern, pattern.flags))
    if not found or min(len(x) for x in found) < _MIN_GATE:
        return None
    return frozenset(x.lower() for x in found)


def gate_for(pattern: re.Pattern) -> frozenset[str] | None:
    """Lower-case strings one of which every match contains, or None when no such set is found."""
    best = _best(_runs(parser.parse(pattern.pattern, pattern.flags)))
    return frozenset(x.lower() for x in best) if best else None


def _grams(text: str) -> frozenset:
    return frozenset(zip(text, text[1:], text[2:], strict=False))


@lru_cache(maxsize=8)  # one email's texts; never a memory of what was checked before
def scan(text: str) -> tuple[str, frozenset]:
    """The lower-cased text and its letter triples.

    A gate may occur in the text only when all its letter triples do: a test that never misses and is far
    cheaper than a substring search for each of several hundred gates.
    """
    low = text.lower()
    return low, _grams(low)


def _lower_literals(source: str) -> str:
    """The pattern with its literal letters lower-cased (escapes like \\S or \\W left as they are)."""
    out, escaped = [], False
    for char in source:
        out.append(char if escaped else char.lower())
        escaped = char == "\\" and not escaped
    return "".join(out)


def _word_start(text: str, at: int) -> bool:
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")


class Gated:
    """A pattern that runs only when a string every match needs may be in the text.

    Case-insensitive patterns run case-sensitively on the lower-cased text, and a leading word boundary is
    checked by hand: both let the regular-expression engine skip ahead to where a match can start, which
    makes them several times faster, with the same matches.
    """

    __slots__ = ("original", "pattern", "gate", "needs", "lower", "word_start")

    def __init__(self, pattern: re.Pattern):
        self.original = pattern
        self.gate = gate_for(pattern)
        self.needs = tuple(_grams(g) for g in sorted(self.gate)) if self.gate else None
        self.lower = bool(pattern.flags & re.I)
        self.word_start = False
        if self.lower:
            source = _lower_literals(pattern.pattern)
            first = parser.parse(pattern.pattern, pattern.flags)[0]
            if source.startswith("\\b") and first == (c.AT, c.AT_BOUNDARY):
                source, self.word_start = source[2:], True
            pattern = re.compile(source, pattern.flags & ~re.I)
        self.pattern = pattern

    def _subject(self, text: str) -> str | None:
        """The text to search, or None when no match is possible."""
        low, triples = scan(text)
        if self.needs is not None and not any(map(triples.issuperset, self.needs)):
            return None
        return low if self.lower else text

    def _search(self, subject: str, at: int = 0):
        found = self.pattern.search(subject, at)
        while found and self.word_start and not _word_start(subject, found.start()):
            found = self.pattern.search(subject, found.start() + 1)
        return found

    def search(self, text: str):
        """As pattern.search(text); on the lower-cased text when the pattern ignores case."""
        subject = self._subject(text)
        return None if subject is None else self._search(subject)

    def search_short(self, text: str):
        """search() without the gate, for short texts such as one sentence."""
        return self._search(text.lower() if self.lower else text)

    def finditer(self, text: str):
        """As pattern.finditer(text): leftmost matches that do not overlap."""
        subject = self._subject(text)
        at = 0
        while subject is not None and at <= len(subject):
            found = self._search(subject, at)
            if not found:
                return
            yield found
            at = found.end() if found.end() > found.start() else found.end() + 1

    def findall(self, text: str) -> list:
        return [m.group(0) if self.pattern.groups == 0 else (m.group(1) if self.pattern.groups == 1 else m.groups())
                for m in self.finditer(text)]

    def sub(self, repl: str, text: str) -> str:
        """As pattern.sub(repl, text) with a plain replacement; lower-cased when the pattern ignores case."""
        subject = self._subject(text)
        if subject is None:
            return text.lower() if self.lower else text
        pieces, at = [], 0
        for found in self.finditer(text):
            pieces += [subject[at:found.start()], repl]
            at = found.end()
        return "".join(pieces) + subject[at:]


def gated(patterns: list[re.Pattern]) -> list[Gated]:
    return [Gated(p) for p in patterns]
