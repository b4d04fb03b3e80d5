"""The question coach: per question and per plan, with plain explanations and rewrites."""

import re
from dataclasses import asdict, dataclass, field

from coffeechat.findings import Finding
from coffeechat.questions.bank import CATEGORIES
from coffeechat.questions.coach import rules as r

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


def is_open(text: str) -> bool:
    """Open unless it can be answered with yes, no or one of two options.

    Either/or questions ("Do you prefer X or Y?") count as closed: they hand over the answers.
    """
    question = text.strip()
    if r.OPEN_FRAME.match(question) or r.OPEN_START.match(question):
        return True
    if r.AUXILIARY.match(question):
        return False
    # "In your view, what…": look at the clause after a leading phrase.
    _, _, rest = question.partition(",")
    return bool(rest and r.OPEN_START.match(rest.strip())) or not question.endswith("?") or not r.EITHER_OR.search(question)


def is_googleable(text: str) -> bool:
    question = text.strip()
    if any(p.search(question) for p in r.GOOGLEABLE):
        return True
    return bool(r.DEFINITION.match(question) and not r.NOT_DEFINITION.search(question))


def is_job_ask(text: str) -> bool:
    return any(p.search(text) for p in r.JOB_ASK)


def is_referral_question(text: str) -> bool:
    return bool(r.REFERRAL.search(text))


def is_closing_question(text: str) -> bool:
    return bool(r.CLOSING.search(text))


def classify(text: str) -> str:
    if is_closing_question(text):
        return "other"
    for category in r.CATEGORY_ORDER:
        if any(p.search(text) for p in r.CATEGORY_WORDS[category]):
            return category
    return "other"


def rewrite_closed(text: str) -> str:
    match = re.match(r"^(do|did|does) you (like|enjoy|love) (.+?)\??$", text.strip(), re.I)
    if match:
        subject = re.sub(r"\byour job\b", "your work", match.group(3), flags=re.I)
        return f"What do you enjoy most about {subject}?"
    match = re.match(r"^(do|did) you (think|believe|feel) (that )?(.+?)\??$", text.strip(), re.I)
    if match:
        return f"How do you see it: {match.group(4)}?"
    match = re.match(r"^(is|are|was|were) (it|there|this|that) (.+?)\??$", text.strip(), re.I)
    if match:
        return f"How would you describe {match.group(3)}?"
    return "Start with What, How or “Could you describe…”, e.g. “How did you decide…?” instead of “Did you decide…?”"


def check_question(text: str) -> QuestionReport:
    text = " ".join(text.split())
    open_ended, googleable, job = is_open(text), is_googleable(text), is_job_ask(text)
    findings = [
        Finding("open_ended", open_ended,
                "Open: it invites a story." if open_ended else "Closed: it can be answered with yes, no or one word.",
                "" if open_ended else rewrite_closed(text)),
        Finding("googleable", not googleable,
                "Only they can answer this." if not googleable else "A web search or their website answers this; save the conversation for what only they know.",
                "" if not googleable else "Ask about their view of it, e.g. “What part of the company's work do you find most interesting?”"),
        Finding("asks_for_job", not job,
                "Not a job request." if not job else "This asks for a job, an interview or a referral to a posting; it can sour the conversation.",
                "" if not job else "Ask how things work instead, e.g. “How do people usually hear about openings in your team?”"),
    ]
    return QuestionReport(text, open_ended, googleable, job, classify(text), findings)


def clean_lines(lines: list[str]) -> list[str]:
    """Questions from text lines: blank and "#" comment lines skipped, list markers removed."""
    cleaned = []
    for line in lines:
        line = _LIST_MARKER.sub("", line.strip())
        if line and not line.startswith("#"):
            cleaned.append(line)
    return cleaned


def check_plan(questions: list[str], must_ask: list[bool] | None = None) -> PlanReport:
    count = len(questions)
    covered = sorted({classify(q) for q in questions}, key=CATEGORIES.index)
    missing = [c for c in CATEGORIES if c not in covered and c != "other"]
    referral, closing = any(map(is_referral_question, questions)), any(map(is_closing_question, questions))
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
    findings.append(Finding("closing_question", closing, "Ends with “what should I have asked?”." if closing else "No closing question.",
                            "" if closing else "End with “What should I have asked you that I didn't?”"))
    return PlanReport(count, must, covered, missing, referral, closing, findings)


def coach_questions_json(lines: list[str]) -> dict:
    questions = clean_lines(lines)
    return {"questions": [check_question(q).as_json() for q in questions], "plan": check_plan(questions).as_json()}
