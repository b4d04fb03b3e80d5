"""Spelling advice: likely typos among ordinary words; names, acronyms, addresses and links are left alone."""

import re
from functools import lru_cache

_LINKS = re.compile(r"\S+@\S+|\bhttps?://\S+|\bwww\.\S+|\S+\.(com|org|net|edu|io|ca|uk)\b\S*", re.I)
_WORD = re.compile(r"\b[^\W\d_]+(?:['’][^\W\d_]+)?\b")
_EXTRA = {
    "linkedin", "informational", "résumé", "resume", "onboarding", "mentorship", "email", "emails", "online",
    "startup", "startups", "fintech", "webinar", "webinars", "podcast", "podcasts", "alum", "alumna", "alumnae",
    "coworker", "coworkers", "teammate", "teammates", "internship", "internships", "upskilling", "reskilling",
}


@lru_cache(maxsize=1)
def _checker():
    from spellchecker import SpellChecker  # loaded once: about 0.15 s for its word list

    checker = SpellChecker()
    checker.word_frequency.load_words(_EXTRA)
    return checker


def misspelled(text: str, known: list[str] = ()) -> list[str]:
    """Lower-case words the dictionary does not know, in order, once each."""
    allowed = {w.lower() for name in known if name for w in _WORD.findall(name)}
    candidates = [w for w in _WORD.findall(_LINKS.sub(" ", text)) if w.islower() and len(w) > 2 and w not in allowed]
    unknown = _checker().unknown(w.replace("’", "'") for w in candidates)
    result = []
    for word in candidates:
        if word.replace("’", "'") in unknown and word not in result:
            result.append(word)
    return result
