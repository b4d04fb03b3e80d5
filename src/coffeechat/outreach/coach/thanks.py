"""The thank-you coach: is the note after an informational interview ready to send?

Same shape as the email coach's report (word count, checks, findings with a plain message and a fix).
"""

import math
import re
from difflib import SequenceMatcher

from coffeechat.outreach.coach.checks import BRIEF_WORDS, EmailReport, Finding
from coffeechat.outreach.coach.text import (
    PLACEHOLDER,
    SIGN_OFF,
    main_body,
    parse_email,
    sentences,
    without_placeholders,
    words,
)

THANKS_IDS = ("thanks", "specific_takeaway", "mentions_referrals", "no_prompts", "no_private_notes", "brief")
COPIED_LINE_WORDS = 6      # a note line this long or longer …
COPIED_SHARE = 0.8         # … with this share of its words, in order, close together in the note, counts as copied

I = re.I  # noqa: E741

THANKS = re.compile(r"\b(?:thank(?:s|ing|ful)?|thankyou|grateful|gratitude|appreciated?|cheers for|ta for|merci|"
                    r"obrigad[ao]|danke|gracias|much obliged)\b", I)

_THEIR_WORDS = r"(?:advice|suggestion|tip|idea|point|recommendation|encouragement|comment|story|pointer|warning|nudge|words)"
TAKEAWAY = [
    # "your advice to shadow in the ED", "your tip about casual relief teaching"
    re.compile(rf"\byour (?:\w+ ){{0,2}}{_THEIR_WORDS}s? (?:to|about|of|that|on|for|regarding)\b", I),
    # "as you suggested", "on your recommendation", "following your advice", "like you said"
    re.compile(r"\b(?:as|like) you (?:\w+ )?(?:suggested|recommended|said|advised|put it|mentioned|proposed|described)\b|"
               r"\b(?:on|following|after|per|taking) your (?:\w+ )?(?:advice|recommendation|suggestion|tip|lead)\b|"
               r"\byou(?:'d| had)? (?:\w+ )?(?:suggested|recommended|pointed out|advised|explained)\b", I),
    # "the best advice I've had", "the advice about …", "what you said about …"
    re.compile(rf"\bthe best (?:\w+ )?{_THEIR_WORDS}\b|\bthe (?:\w+ )?{_THEIR_WORDS}s? (?:to|about|on|of|that|regarding)\b|"
               rf"\bwhat you (?:said|told me|mentioned|explained) (?:about|on|regarding)\b", I),
    # "… sounds like the right next step", "I would never have known", "I loved hearing about …", "I'll look into …"
    re.compile(r"\bsounds? (?:like )?(?:the right|ideal|perfect|just|exactly|about right|like a (?:great|good))\b|"
               r"\bwould never have (?:known|thought|guessed|found)\b|\b(?:i )?now (?:know|understand|realise|realize|see)\b|"
               r"\b(?:loved|enjoyed|liked|appreciated) (?:hearing|learning|your story) (?:about|how|that|what|why)\b|"
               r"\bi(?:'ll|’ll| will| plan to| intend to| want to| mean to) (?:\w+ )?(?:sign up|look into|apply|enrol|enroll|"
               r"join|read|try|start|register|book|learn|take|follow|use|practise|practice|wait|keep practising|"
               r"focus|build|revise|rework|update|add)\b|\b(?:made a note|noted for later|in my diary)\b", I),
    # "such a good idea", "the Smithsonian summer programme tip was exactly what I needed"
    re.compile(rf"\b(?:such a|a really|a) (?:good|great|brilliant|clever|useful|helpful) (?:idea|tip|suggestion|point)\b|"
               rf"\b{_THEIR_WORDS}s? (?:was|were|is) (?:\w+ )?(?:exactly|just|so|really|very|spot|gold|brilliant|great|"
               rf"helpful|useful|the best)\b", I),
    # something they made the writer do: "I've ordered …", "I joined …", "I've signed up for …"
    re.compile(r"\bi(?:'ve|’ve| have|'ll|’ll| will| am|'m|’m)? (?:\w+ )?(?:ordered|bought|joined|enrolled|signed up|"
               r"registered|booked|applied|started|begun|looked up|picked up|downloaded|subscribed|"
               r"put my name|taken your|going to (?:learn|start|apply|ask|sign|join|read|look|try|"
               r"register|enrol|enroll|book)|starting|applying|reading)\b", I),
    # something they said that changed the writer's view
    re.compile(r"\b(?:had no idea|hadn'?t realised|hadn'?t realized|never (?:knew|realised|realized|thought|heard)|"
               r"(?:surprised|reassured|relieved|reassuring|surprising|useful|helpful|good|eye-opening|interesting|"
               r"fascinating|encouraging|great|striking) to (?:hear|learn|know|see)|"
               r"(?:surprised|struck) me|stayed with me|stuck with me|changed how|made me (?:realise|realize|rethink)|"
               r"my (?:main|biggest|key) takeaway|what stood out|knowing (?:that|how|what)|took a (?:weight|load) off|"
               r"put my mind at (?:ease|rest)|eased my mind|gave me (?:the )?confidence|opened my eyes|"
               r"the (?:fact|idea|point|reminder|insight) that|(?:learned|learnt|realised|realized|discovered|"
               r"found out) (?:that|how|why)|the way you (?:described|explained|put|framed)|"
               r"to my (?:reading |to-do |todo )?list)\b", I),
]

_CONTACTED = re.compile(
    r"\b(?:contact(?:ed|ing)?|reach(?:ed|ing)? out|wr(?:ite|ote|itten|iting)|e-?mail(?:ed|ing)?|messag(?:e|ed|ing)|"
    r"call(?:ed|ing)?|rang|ring|phon(?:e|ed)|(?:get|got|be|been|getting) in touch|sent|send(?:ing)?|note to|"
    r"repl(?:y|ied)|heard back|agreed|meet(?:ing)?|follow(?:ed|ing)? up|text(?:ed|ing)?|dm(?:'d|ed)?|connect(?:ed|ing)?|introduc\w+|speak(?:ing)? (?:to|with)|"
    r"spoke (?:to|with)|talk(?:ed|ing)? (?:to|with)|a call|a chat|coffee with)\b", I)
_THEM_GENERIC = re.compile(
    r"\b(?:both of them|all of them|each of them|(?:the )?(?:people|person|contacts?|names?|colleagues?|friends?) "
    r"(?:you|that you) (?:\w+ )?(?:suggested|mentioned|recommended|gave|named|passed)|your (?:contacts?|introductions?)|"
    r"the introductions?)\b", I)
_TITLES = {"dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame"}
_TOKEN = re.compile(r"[\w']+")
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s*")


def _name_parts(referrals) -> set[str]:
    parts = set()
    for name in referrals:
        for token in re.findall(r"[^\W\d_][\w'’-]*", name or ""):
            if token.lower().rstrip(".") not in _TITLES and len(token) > 1:
                parts.add(token.lower())
    return parts


# Words too common to show that the note picks up something particular from the conversation.
_COMMON = frozenset("""about above after again against because before being below between could doing during
every first from further having here into itself just more most other ought over really same should some such than
that their theirs them then there these they this those through under until very were what when where which while
whom would your yours yourself years great thing things think thinks thought people person work works working
worked said says told suggested suggests recommends recommended recommend advised advice mentioned loves hates
likes start started started always never still maybe quite much many lots little good better best well also time
times year week weeks month months today yesterday tomorrow later first second third""".split())


def shares_notes(text: str, notes: str, referrals) -> bool:
    """The note picks up at least two particular words from the conversation's notes (a name counts as two)."""
    skip = _name_parts(referrals)
    distinctive: dict[str, int] = {}
    for raw in notes.split("\n"):
        for position, token in enumerate(re.findall(r"[^\W\d_][\w'’-]*", _BULLET.sub("", raw))):
            low = token.lower()
            if len(low) < 5 or low in _COMMON or low in skip:
                continue
            distinctive[low] = max(distinctive.get(low, 1), 2 if token[0].isupper() and position else 1)
    seen = {t.lower() for t in re.findall(r"[^\W\d_][\w'’-]*", text)}
    return sum(weight for word, weight in distinctive.items() if word in seen) >= 2


_CLAUSE = re.compile(r",?\s+and (?=i\b|i'|i’|i've|i'll|we\b)|;\s*|\s+[—–]\s+", re.I)


def names_takeaway(text: str, notes: str, referrals) -> bool:
    """A concrete thing they said or suggested, outside the sentences about the people they suggested."""
    parts = _name_parts(referrals)
    clauses = [c for s in sentences(text) for c in _CLAUSE.split(s) if c.strip()]
    own = [c for c in clauses if not (parts & _tokens(c)) and not _THEM_GENERIC.search(c)]
    return any(p.search(s) for s in own for p in TAKEAWAY) or shares_notes("\n".join(own), notes, referrals)


def _tokens(sentence: str) -> set[str]:
    found = [t.lower() for t in re.findall(r"[^\W\d_][\w'’-]*", sentence)]
    return set(found) | {t.removesuffix("'s").removesuffix("’s") for t in found}


def mentions_referrals(text: str, referrals) -> bool:
    """Some sentence says a referral was or will be contacted (by name, or 'both of the people you suggested')."""
    parts = _name_parts(referrals)
    for sentence in sentences(text):
        named = bool(parts & _tokens(sentence)) or bool(_THEM_GENERIC.search(sentence))
        if named and _CONTACTED.search(sentence):
            return True
    return False


def copied_note_lines(text: str, notes: str) -> list[str]:
    """Note lines of six words or more that reappear in the text nearly word for word."""
    body = [t.lower() for t in _TOKEN.findall(text)]
    starts: dict[str, list[int]] = {}
    for index, token in enumerate(body):
        starts.setdefault(token, []).append(index)
    copied = []
    for raw in notes.replace("\r", "\n").split("\n"):
        line = _BULLET.sub("", raw).strip()
        note = [t.lower() for t in _TOKEN.findall(line)]
        if len(note) < COPIED_LINE_WORDS:
            continue
        need = math.ceil(COPIED_SHARE * len(note))
        candidates = sorted({i for token in note[: len(note) - need + 1] for i in starts.get(token, ())})
        for start in candidates:
            window = body[start:start + len(note) + 3]
            matched = sum(block.size for block in SequenceMatcher(None, note, window, autojunk=False).get_matching_blocks())
            if matched >= need:
                copied.append(line)
                break
    return copied


def check_thanks(text: str, notes: str = "", referrals=()) -> EmailReport:
    """Check a thank-you note; `notes` are the private live-mode notes, `referrals` the names they gave."""
    notes = notes or ""
    referrals = [referrals] if isinstance(referrals, str) else referrals
    referrals = [r for r in (referrals or ()) if r and r.strip()]
    _subject, body = parse_email(text)
    core = main_body(body)
    plain = without_placeholders(core)
    sign_off = [line for line in [x for x in body.split("\n") if x.strip()][-4:] if SIGN_OFF.match(line.strip())]
    word_count = len(words(core))
    copied = copied_note_lines(text, notes) if notes else []
    placeholders = PLACEHOLDER.findall(text)
    verdicts = {
        "thanks": bool(THANKS.search(plain) or any(THANKS.search(line) for line in sign_off)),
        "specific_takeaway": names_takeaway(plain, notes, referrals),
        "mentions_referrals": not referrals or mentions_referrals(plain, referrals),
        "no_prompts": not placeholders,
        "no_private_notes": not copied,
        "brief": word_count <= BRIEF_WORDS,
    }
    findings = [_finding(check, verdicts[check], word_count, referrals, copied, placeholders) for check in THANKS_IDS]
    return EmailReport(word_count=word_count, checks=verdicts, findings=findings, placeholders=placeholders)


def _finding(check, ok, word_count, referrals, copied, placeholders) -> Finding:
    first = referrals[0] if referrals else ""
    texts = {
        "thanks": (
            "You thank them for their time.",
            "The note never actually says thank you.",
            "Open with it, e.g. “Thank you for taking the time to talk with me on Tuesday.”"),
        "specific_takeaway": (
            "You name something concrete they said or suggested.",
            "Nothing shows what you took from the conversation; a general “it was helpful” could go to anyone.",
            "Name one thing they said and what you will do with it, e.g. “Your tip about volunteering at a charity "
            "press office first was exactly what I needed — I've written to two this week.”"),
        "mentions_referrals": (
            ("You tell them you have followed up, or will follow up, with the people they suggested." if referrals else
             "No referrals were given, so there is nothing to report on."),
            f"They gave you {len(referrals)} name{'s' if len(referrals) != 1 else ''} ({', '.join(referrals[:3])}), "
            "but the note does not say you will contact them.",
            f"Close the loop, e.g. “I've written to {first} and will let you know how it goes.”"),
        "no_prompts": (
            "No [bracketed prompt] is left.",
            f"Replace what is still in brackets: {', '.join(placeholders[:3])}.",
            "Write your own words in place of each [bracketed prompt]."),
        "no_private_notes": (
            "Nothing is copied from your private notes.",
            "A line of your private notes appears almost word for word: “" + (copied[0][:80] if copied else "") + "”.",
            "Say it in your own words for them, or leave it out; your notes were written for you, not for them."),
        "brief": (
            f"{word_count} words: short and easy to read.",
            f"{word_count} words between greeting and sign-off; aim for {BRIEF_WORDS} or fewer.",
            "Keep the thanks, the one thing you took away, the people you will contact and a line on staying in touch."),
    }
    good, bad, fix = texts[check]
    return Finding(check, ok, good if ok else bad, "" if ok else fix)
