"""The outreach coach: each check, its verdict, and what to do about it, in plain words."""

from dataclasses import asdict, dataclass, field

from coffeechat.findings import Finding
from coffeechat.outreach.coach import patterns as p
from coffeechat.outreach.coach.spelling import misspelled
from coffeechat.outreach.coach.text import (
    PLACEHOLDER,
    main_body,
    parse_email,
    sentences,
    without_placeholders,
    words,
)

CHECK_IDS = ("introduces_self", "names_connection", "explains_why_them", "information_not_job",
             "asks_for_job", "clear_request", "time_bounded", "offers_availability", "brief", "spelling")
BRIEF_WORDS = 150
MAX_MINUTES = 30


@dataclass
class CoachContext:
    sender_name: str = ""
    sender_line: str = ""        # "a final-year nursing student at Dalhousie"
    recipient_name: str = ""
    organization: str = ""
    referrer_name: str = ""
    commonality: str = ""        # "we both studied at McGill"
    minutes: int = 20


@dataclass
class EmailReport:
    word_count: int
    checks: dict[str, bool]
    findings: list[Finding] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)  # "[…]" prompts not yet replaced

    @property
    def passed(self) -> bool:
        """Ready to send: every check fine and no prompt left; spelling is advice only."""
        return not self.placeholders and all(f.ok for f in self.findings if f.id != "spelling")

    def as_json(self) -> dict:
        return {"word_count": self.word_count, "checks": dict(self.checks), "findings": [asdict(f) for f in self.findings]}


def sentence_case(text: str) -> str:
    """First letter up, the rest exactly as written: "we both studied at Dalhousie University" keeps its names."""
    text = text.strip()
    return text[:1].upper() + text[1:]


def minutes_asked(text: str) -> list[int]:
    """Every length of time the email mentions, in minutes (a range counts as its top)."""
    found, low = [], text.lower()
    for unit in p.MINUTES_WORD.finditer(low):
        before = p.NUMBER_BEFORE.search(low, max(0, unit.start() - 40), unit.start())
        if before:
            found.append(max(p.number(n) for n in before.groups() if n))
    parts = [(m.span(), 30) for m in p.HALF_HOUR.finditer(text)] + [(m.span(), 15) for m in p.QUARTER_HOUR.finditer(text)]
    found += [minutes for _, minutes in parts]
    found += [60 for m in p.HOURS.finditer(text) if not any(start <= m.start() < end for (start, end), _ in parts)]
    return found


def asks_for_job(text: str) -> bool:
    """Asks for a job, an opening, a placement, a referral or to pass a CV on — unless it says it is not."""
    candidates = [pattern for pattern in p.ASKS_FOR_JOB if pattern.search(text)]
    if not candidates:
        return False
    for sentence in sentences(text):  # short: plain searches beat gating here
        if not any(c.search_short(sentence) for c in candidates) or p.NEGATED.search_short(sentence):
            continue
        if not p.ABOUT_JOBS.search_short(sentence) or p.AT_THEIR_PLACE.search_short(sentence):
            return True
    return False


def check_email(text: str, context: CoachContext | None = None) -> EmailReport:
    c = context or CoachContext()
    subject, body = parse_email(text)
    core = main_body(body)
    plain = without_placeholders(core)
    whole = f"{subject}\n{plain}" if subject else plain  # the subject line is part of what they read
    durations = minutes_asked(whole)
    word_count = len(words(core))
    typos = misspelled(whole, known_names=[c.sender_name, c.recipient_name, c.organization, c.referrer_name])
    job = asks_for_job(whole)
    verdicts = {
        "introduces_self": p.any_match(p.INTRODUCES_SELF, whole),
        "names_connection": p.any_match(p.NAMES_CONNECTION, whole),
        "explains_why_them": p.any_match(p.EXPLAINS_WHY_THEM, whole),
        "information_not_job": not job and p.any_match(p.INFORMATION_NOT_JOB, whole),
        "asks_for_job": job,
        "clear_request": p.any_match(p.CLEAR_REQUEST, whole),
        "time_bounded": bool(durations) and max(durations) <= MAX_MINUTES,
        "offers_availability": p.offers_times(whole),
        "brief": word_count <= BRIEF_WORDS,
        "spelling": not typos,
    }
    findings = _findings(verdicts, c, word_count, durations, typos)
    placeholders = PLACEHOLDER.findall(f"{subject}\n{body}")
    return EmailReport(word_count=word_count, checks=verdicts, findings=findings, placeholders=placeholders)


def _findings(verdicts: dict, c: CoachContext, word_count: int, durations: list[int], typos: list[str]) -> list[Finding]:
    me = c.sender_name or "Sam Lee"
    line = c.sender_line or "a final-year student exploring careers in your field"
    them = c.organization or "your organisation"
    minutes = min(c.minutes or 20, MAX_MINUTES)
    texts = {
        "introduces_self": (
            "You say who you are and what you do.",
            "The reader does not yet know who you are.",
            f"Open with one line about yourself, e.g. “I'm {me}, {line}.”"),
        "names_connection": (
            "You say how you found them.",
            "You do not say how you found them or who you have in common.",
            (f"Name your link, e.g. “{c.referrer_name} suggested I write to you.”" if c.referrer_name else
             f"Say where you found them, e.g. “{sentence_case(c.commonality)}, and I found you through the alumni directory.”" if c.commonality else
             "Say where you found them, e.g. “I found your profile on LinkedIn while reading about …”.")),
        "explains_why_them": (
            "You explain why them in particular.",
            "Nothing says why you are writing to this person rather than anyone else.",
            "Add one specific sentence about their work or path, e.g. “Your move from teaching into UX research is exactly what I hope to learn about.”"),
        "information_not_job": (
            "You make clear you are after information and advice.",
            "You do not say that you are hoping to learn, not to get a job.",
            f"Say what you hope to learn, e.g. “I'd value your advice on how people build a career at {them}.”"),
        "asks_for_job": (
            "Nothing reads as a request for a job — good.",
            "This reads as a request for a job, a referral or an interview; that is the quickest way to get no answer.",
            "Remove it. Ask about their experience instead, e.g. “How do people usually find their way into your team?” Save job questions for later, if they offer."),
        "clear_request": (
            "You ask clearly for a conversation.",
            "There is no explicit request for a conversation.",
            f"Ask directly, e.g. “Could you spare {minutes} minutes for a call in the next two weeks?”"),
        "time_bounded": (
            f"You ask for {max(durations) if durations else minutes} minutes or less.",
            (f"You ask for {max(durations)} minutes; keep it to {MAX_MINUTES} or less." if durations else
             "You do not say how long you would need them."),
            f"Name a short length, e.g. “{minutes} minutes”."),
        "offers_availability": (
            "You offer concrete times.",
            "You offer no concrete days or times, so replying takes more work.",
            "Offer two or three options, e.g. “Tuesday after 2 pm or Thursday morning”."),
        "brief": (
            f"{word_count} words: short enough to read on a phone.",
            f"{word_count} words between greeting and sign-off; aim for {BRIEF_WORDS} or fewer.",
            "Cut background the reader does not need; keep who you are, why them, the ask and the times."),
        "spelling": (
            "No likely typos.",
            f"Possible typos: {', '.join(typos[:8])}.",
            "Check these words; names and jargon may be fine as they are."),
    }
    findings = []
    for check in CHECK_IDS:
        ok = not verdicts[check] if check == "asks_for_job" else verdicts[check]
        good, bad, fix = texts[check]
        findings.append(Finding(check, ok, good if ok else bad, "" if ok else fix))
    return findings
