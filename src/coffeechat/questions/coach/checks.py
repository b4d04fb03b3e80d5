"""The question coach: per question and per plan, with plain explanations and rewrites."""

import re
from dataclasses import asdict, dataclass, field

from coffeechat.findings import Finding
from coffeechat.questions.bank import CATEGORIES
from coffeechat.questions.coach import rules as r
from coffeechat.questions.coach.model import category_model
from coffeechat.questions.coach.rewrite import rewrite_closed

PLAN_MIN, PLAN_MAX, MUST_MIN, MUST_MAX = 10, 15, 4, 5
_LIST_MARKER = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


@dataclass
class QuestionReport:
    text: str
    open_ended: bool
    googleable: bool
    asks_for_job: bool
    category: str
    findings: list[Finding] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"text": self.text, "open_ended": self.open_ended, "googleable": self.googleable,
                "asks_for_job": self.asks_for_job, "category": self.category,
                "findings": [asdict(f) for f in self.findings]}


@dataclass
class PlanReport:
    count: int
    must_ask_count: int | None
    categories_covered: list[str]
    categories_missing: list[str]
    has_referral_question: bool
    has_closing_question: bool
    findings: list[Finding] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"count": self.count, "must_ask_count": self.must_ask_count, "categories_covered": self.categories_covered,
                "categories_missing": self.categories_missing, "has_referral_question": self.has_referral_question,
                "has_closing_question": self.has_closing_question, "findings": [asdict(f) for f in self.findings]}


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


@dataclass(frozen=True)
class _Text:
    """A question read once: the whole text, its core question, both in lower case, and its words."""

    text: str
    question: str
    lower: str
    question_lower: str
    words: frozenset[str]


def _read(text: str) -> _Text:
    text = " ".join(text.translate(_QUOTES).split())
    question = _core(text)
    lower = text.lower()
    return _Text(text, question, lower, question.lower(), frozenset(r.WORD.findall(lower)))


def _core(text: str) -> str:
    sentences = _SENTENCE_END.split(text)
    asking = [s for s in sentences if s.rstrip().endswith("?")]
    question = (asking or sentences or [""])[-1].strip()
    while (lead := r.LEAD_IN.match(question)) and lead.end() < len(question):
        question = question[lead.end():]
    if not (r.OPEN_START.match(question) or r.AUXILIARY.match(question)):
        # "In your view, what…", "Before we finish, is there…": the clause after a leading phrase.
        for part in question.split(",")[1:]:
            part = part.strip(" —–-")
            if r.OPEN_START.match(part) or r.AUXILIARY.match(part):
                return part
    return question


def core(text: str) -> str:
    """The question itself: the last sentence that asks something, without lead-ins such as "So," or "In your view,"."""
    return _core(" ".join(text.translate(_QUOTES).split()))


def _open(question: str, job: bool) -> bool:
    if r.OPEN_FRAME.match(question) or r.RECOMMEND_SOME.match(question) or r.INVITATION.match(question):
        return True
    if not job and r.THERE_INVITATION.match(question):
        return True
    if r.OPEN_START.match(question):
        return True
    if r.AUXILIARY.match(question):
        return False
    return not question.endswith("?") or not r.EITHER_OR.search(question)


def _googleable(t: _Text) -> bool:
    if r.first_match(r.GOOGLEABLE, t.question_lower, t.words):
        return True
    if r.ROLE_DEFINITION.match(t.question) and not r.PERSONAL.search(t.question):
        return True
    definition = r.DEFINITION.match(t.question)
    return bool(definition and not r.NOT_DEFINITION.search(definition.group(4) or definition.group("term")))


def _job(t: _Text) -> re.Match | None:
    return r.first_match(r.JOB_ASK, t.lower, t.words)


def is_open(text: str) -> bool:
    """Open unless it can be answered with yes, no or one of two options.

    "Can you tell me…", "Could you recommend any…", "Do you have any advice…" and "Is there anyone else
    you think I should talk to?" invite them to talk, so they count as open; requests for an action
    ("Could you pass on my CV?") and either/or questions ("Do you prefer X or Y?") do not.
    """
    t = _read(text)
    return _open(t.question, _job(t) is not None)


def is_googleable(text: str) -> bool:
    """A fact about the organisation, a public statistic or a definition: a web search answers it."""
    return _googleable(_read(text))


def is_job_ask(text: str) -> bool:
    return _job(_read(text)) is not None


def _referral(t: _Text) -> bool:
    return r.REFERRAL.search(t.lower, t.words) is not None


def is_referral_question(text: str) -> bool:
    t = _read(text)
    return _referral(t) and _job(t) is None


def _closing(t: _Text) -> bool:
    return r.CLOSING.search(t.lower, t.words) is not None


def is_closing_question(text: str) -> bool:
    return _closing(_read(text))


def keyword_category(text: str) -> str:
    """The first coach's keyword rules (kept as the baseline the benchmark compares with)."""
    if is_closing_question(text):
        return "other"
    if _referral(_read(text)):
        return "referrals"
    for category in r.CATEGORY_ORDER:
        if any(p.search(text) for p in r.CATEGORY_WORDS.get(category, ())):
            return category
    return "other"


def _rule_category(t: _Text, job: bool) -> str | None:
    if _closing(t):
        return "other"
    if job:
        return "hiring"
    if _referral(t):
        return "referrals"
    if r.KEEP_IN_TOUCH.search(t.lower, t.words) or r.first_match(r.ORGANISATION_FACT, t.question_lower, t.words):
        return "other"
    definition = r.DEFINITION.match(t.question)
    term = definition and (definition.group(4) or (definition.group("term") if definition.group("verb") != "do" else None))
    if term and not r.NOT_DEFINITION.search(term):
        return "other"  # "What is Scrum?": a term, not a part of anyone's work ("What does an actuary do?" is left to the model)
    return None


def rule_category(text: str) -> str | None:
    """Categories that follow from the checks themselves (the closing question, a job ask, a referral
    question, keeping in touch, a fact about the organisation); None leaves the choice to the model."""
    t = _read(text)
    return _rule_category(t, _job(t) is not None)


def classify(text: str) -> str:
    t = _read(text)
    return _rule_category(t, _job(t) is not None) or category_model().predict(t.text)


_TIP = "Start with What, How or “Could you describe…”, e.g. “How did you decide…?” instead of “Did you decide…?”"


def check_question(text: str) -> QuestionReport:
    t = _read(text)
    job_match = _job(t)
    job = job_match is not None
    open_ended = _open(t.question, job)
    googleable = _googleable(t)
    category = _rule_category(t, job) or category_model().predict(t.text)
    rewrite = "" if open_ended or job else rewrite_closed(t.question, referral=category == "referrals")
    findings = [
        Finding("open_ended", open_ended,
                "Open: it invites a story." if open_ended else "Closed: it can be answered with yes, no or one word.",
                "" if open_ended else (rewrite or _TIP)),
        Finding("googleable", not googleable,
                "Only they can answer this." if not googleable else "A web search or their website answers this; save the conversation for what only they know.",
                "" if not googleable else "Ask about their view of it, e.g. “What part of the company's work do you find most interesting?”"),
        Finding("asks_for_job", not job,
                "Not a job request." if not job else f"“{job_match.group(0)}” asks for a job, an interview or a referral to a posting; it can sour the conversation.",
                "" if not job else "Ask how things work instead, e.g. “How do people usually hear about openings in your team?”"),
    ]
    return QuestionReport(" ".join(text.split()), open_ended, googleable, job, category, findings)


_MUST_ASK_MARK = re.compile(r"^!+\s*")


def parse_lines(lines: list[str]) -> list[tuple[str, bool]]:
    """(question, must-ask) from text lines: blank and "#" comment lines skipped, list markers removed,
    and a leading "!" (before or after the list marker) marks a must-ask question."""
    parsed = []
    for line in lines:
        line = line.strip()
        must = bool(_MUST_ASK_MARK.match(line))
        line = _LIST_MARKER.sub("", _MUST_ASK_MARK.sub("", line))
        if not must and _MUST_ASK_MARK.match(line):
            must, line = True, _MUST_ASK_MARK.sub("", line)
        line = line.strip()
        if line and not line.startswith("#"):
            parsed.append((line, must))
    return parsed


def clean_lines(lines: list[str]) -> list[str]:
    """Questions from text lines: blank and "#" comment lines skipped, list markers and "!" marks removed."""
    return [text for text, _ in parse_lines(lines)]


def check_plan(questions: list[str], must_ask: list[bool] | None = None) -> PlanReport:
    count = len(questions)
    covered = sorted({classify(q) for q in questions}, key=CATEGORIES.index)
    missing = [c for c in CATEGORIES if c not in covered and c != "other"]
    referral = any(map(is_referral_question, questions))
    # The closing question has to be the last one: questions added below it would come after "goodbye".
    closing = bool(questions) and is_closing_question(questions[-1])
    closing_elsewhere = not closing and any(map(is_closing_question, questions))
    must = sum(1 for m in must_ask or [] if m) if must_ask is not None else None
    findings = [Finding("count", PLAN_MIN <= count <= PLAN_MAX,
                        f"{count} question{'s' if count != 1 else ''}: " + ("a good number for 20–30 minutes." if PLAN_MIN <= count <= PLAN_MAX
                        else "too few to fill the time well." if count < PLAN_MIN else "more than you will get through."),
                        "" if PLAN_MIN <= count <= PLAN_MAX else f"Aim for {PLAN_MIN}–{PLAN_MAX}; mark the ones you must ask.")]
    if must is not None:
        good = MUST_MIN <= must <= MUST_MAX
        findings.append(Finding("must_ask_count", good, f"{must} must-ask question{'s' if must != 1 else ''}." + ("" if good else " Pick 4 or 5."),
                                "" if good else "Mark the 4–5 questions you would regret not asking if time ran out."))
    findings.append(Finding("categories", len(covered) >= 4,
                            f"Covers {len(covered)} of {len(CATEGORIES)} kinds of question." + (f" Not yet: {', '.join(m.replace('_', ' ') for m in missing[:5])}." if missing else ""),
                            "" if len(covered) >= 4 else "Mix it up: the path, a typical week, rewards and challenges, trends, advice."))
    findings.append(Finding("referral_question", referral, "Asks who else to talk to." if referral else "No question asks who else you should talk to.",
                            "" if referral else "Add “Who else would you suggest I talk to?” — referrals are how your network grows."))
    findings.append(Finding(
        "closing_question", closing,
        "Ends with “what should I have asked?”." if closing
        else "The closing question is not the last one: questions come after it." if closing_elsewhere else "No closing question.",
        "" if closing else "Move it to the end." if closing_elsewhere else "End with “What should I have asked you that I didn't?”"))
    return PlanReport(count, must, covered, missing, referral, closing, findings)


def coach_questions_json(lines: list[str], *, count_must_ask: bool = False) -> dict:
    """The CLI's JSON: each question's report and the plan's.

    Lines starting with "!" are must-asks; `must_ask_count` is a number when any line is marked (or
    when `count_must_ask` is set) and null otherwise, as no one said which ones matter.
    """
    parsed = parse_lines(lines)
    questions = [text for text, _ in parsed]
    marks = [must for _, must in parsed]
    must_ask = marks if count_must_ask or any(marks) else None
    return {"questions": [check_question(q).as_json() for q in questions], "plan": check_plan(questions, must_ask).as_json()}
