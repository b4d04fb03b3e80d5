"""Spelling advice: likely typos among ordinary words; names, acronyms, addresses and links are left alone.

British, Canadian, Australian and American spellings are all fine (organisation, programme, colour, centre,
travelled, analyse, paediatric, defence, catalogue, judgement …): a word is accepted when the dictionary knows
it or one of its regular spelling variants, or when Coffeechat's own texts use it (app_words.txt).
"""

import re
from functools import lru_cache
from pathlib import Path

_LINKS = re.compile(r"\S+@\S+|\bhttps?://\S+|\bwww\.\S+|\S+\.(com|org|net|edu|io|ca|uk|au|nz|in)\b\S*", re.I)
_DOMAIN_END = re.compile(r"\.(com|org|net|edu|io|ca|uk|au|nz|in)\b", re.I)
_WORD = re.compile(r"\b[^\W\d_]+(?:['’][^\W\d_]+)?\b")
# Everyday words of English outside the US that the dictionary lacks and no regular rule derives.
_EXTRA = {
    "linkedin", "informational", "résumé", "resume", "onboarding", "mentorship", "email", "emails", "online",
    "startup", "startups", "fintech", "webinar", "webinars", "podcast", "podcasts", "alum", "alumna", "alumnae",
    "coworker", "coworkers", "teammate", "teammates", "internship", "internships", "upskilling", "reskilling",
    "maths", "cheque", "cheques", "tyre", "tyres", "kerb", "aluminium", "grey", "whilst", "amongst", "learnt",
    "dreamt", "spelt", "burnt", "mum", "mums", "uni", "arvo", "arvos", "fortnight", "postcode", "programme",
    "programmes", "enquire", "enquiry", "enquiries", "sixth", "gaol", "pyjamas", "plough", "mould", "moult",
    "storey", "storeys", "sceptical", "sceptic", "draught", "manoeuvre", "manoeuvres", "ageing", "acknowledgement",
    "colleagues", "focussed", "focussing", "benefitted", "practise", "practised", "practising", "licence",
    "licences", "defence", "offence", "lustre", "sombre", "meagre", "ochre", "reckons", "cv", "cvs", "jewellery",
}
# Regular differences between British/Canadian/Australian and American spelling: (ending, American ending).
_VARIANTS = [
    (re.compile(r"our(s|ed|ing|ful|fully|ite|ites|able|ably|less|er|ers|ism|ist|ists|hood|hoods)?$"), r"or\1"),
    (re.compile(r"is(e|es|ed|ing|er|ers|ation|ations|ational|able)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing|er|ers)$"), r"yz\1"),
    (re.compile(r"([bcgltv])re(s)?$"), r"\1er\2"),
    (re.compile(r"([bcgltv])r(ed|ing)$"), r"\1er\2"),
    (re.compile(r"l(led|ling|ler|lers|list|lists|lous|lously|lor|lors)$"), r"\1"),
    (re.compile(r"ence(s)?$"), r"ense\1"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"mme(s)?$"), r"m\1"),
    (re.compile(r"dgement(s)?$"), r"dgment\1"),
    (re.compile(r"l(ment|ments|ful|fully)$"), r"ll\1"),
    (re.compile(r"([^l])l$"), r"\1ll"),
    (re.compile(r"ae"), "e"),
    (re.compile(r"oe"), "e"),
    (re.compile(r"eable$"), "able"),
]
WORD_LIST = Path(__file__).with_name("app_words.txt")


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    from spellchecker import SpellChecker  # loaded once: about 0.15 s for its word list

    return frozenset(SpellChecker().word_frequency.dictionary) | _EXTRA


@lru_cache(maxsize=1)
def _app_words() -> frozenset[str]:
    try:
        return frozenset(WORD_LIST.read_text(encoding="utf-8").split())
    except OSError:
        return frozenset()


def variants(word: str) -> set[str]:
    """The American spellings a British, Canadian or Australian spelling may stand for (one rule or two)."""
    found, frontier = set(), {word}
    for _ in range(2):
        frontier = {pattern.sub(repl, w) for w in frontier for pattern, repl in _VARIANTS} - found - {word}
        found |= frontier
    return found


@lru_cache(maxsize=20000)
def dictionary_knows(word: str) -> bool:
    """The dictionary knows the word or a regular spelling variant of it (possessive 's aside)."""
    words = _dictionary()
    word = word.lower().replace("’", "'")
    base = word[:-2] if word.endswith("'s") else word
    return word in words or base in words or any(v in words for v in variants(base))


def known(word: str) -> bool:
    return dictionary_knows(word) or word.replace("’", "'") in _app_words()


def misspelled(text: str, known_names: list[str] = ()) -> list[str]:
    """Lower-case words neither the dictionary nor Coffeechat's own texts know, in order, once each."""
    allowed = {w.lower() for name in known_names if name for w in _WORD.findall(name)}
    result = []
    if "@" in text or "://" in text or "www." in text or _DOMAIN_END.search(text):
        text = _LINKS.sub(" ", text)
    for word in _WORD.findall(text):
        if word.islower() and len(word) > 2 and word not in allowed and word not in result and not known(word):
            result.append(word)
    return result
