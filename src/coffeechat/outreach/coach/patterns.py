"""What each outreach check looks for. Patterns run on the email's main body, placeholders removed."""

import re

I = re.I  # noqa: E741 - a short flag name keeps the patterns readable

INTRODUCES_SELF = [
    re.compile(r"\bmy name is\b", I),
    re.compile(r"\b(i am|i'm|i’m)\s+(a|an|the)\s+\w+", I),
    re.compile(r"\b(i am|i'm|i’m)\s+(currently|now|finishing|completing|studying|working|graduating|in (my|the) (first|second|third|fourth|final|last) year|about to graduate|a recent)\b", I),
    re.compile(r"\b(?i:i am|i'm|i’m)\s+[A-ZÀ-Ý][\w’'-]+(\s+[A-ZÀ-Ý][\w’'-]+)?\s*(,|\band\b|\bfrom\b|\bat\b)"),
    re.compile(r"\bi (recently )?(graduated|finished|completed|study|studied|work as|work at|teach|spent \w+ years)\b", I),
    re.compile(r"\bas an? (\w+ ){0,3}(student|graduate|engineer|teacher|nurse|analyst|developer|designer|career changer|professional)\b", I),
]

NAMES_CONNECTION = [
    re.compile(r"\b(suggested|recommended|encouraged me|advised me)\b.{0,40}\b(reach out|contact|write|get in touch|speak|talk|connect)", I),
    re.compile(r"\b(gave|passed|shared|forwarded) (me )?(along )?your (name|email|contact|details)", I),
    re.compile(r"\b(referred me|put me in touch|introduced (me|us)|mentioned (you|your name))\b", I),
    re.compile(r"\bmutual (friend|contact|connection|colleague)\b", I),
    re.compile(r"\bwe (both|each) (studied|attended|graduated|worked|went|belong)\b", I),
    re.compile(r"\bfellow (alum|alumna|alumnus|alumni|graduate|member|student|[A-Z]\w+ (alum|alumna|alumnus|graduate))", I),
    re.compile(r"\balumni (network|directory|database|association|group|list|portal)\b", I),
    re.compile(r"\b(found|came across|saw|noticed|read|discovered) your (profile|name|article|post|talk|interview|bio|page|work|paper|blog)\b.{0,60}\b(on|through|via|in|at)\b", I),
    re.compile(r"\b(on|through|via) linkedin\b", I),
    re.compile(r"\b(heard|attended|saw|watched|listened to|enjoyed) your (talk|presentation|panel|keynote|session|podcast|webinar|interview|lecture|workshop)", I),
    re.compile(r"\bwe (met|spoke|chatted) (at|during|last|briefly|after)\b", I),
    re.compile(r"\b(through|in|via|from) (the |our )?[\w ]{0,40}(association|society|directory|member list|membership|network|guild|chapter)\b", I),
    re.compile(r"\b[A-Z]\w+ (told me about|speaks highly of|said you)\b", 0),
]

EXPLAINS_WHY_THEM = [
    re.compile(r"\byour (work|article|post|talk|research|project|projects|career|path|move|transition|switch|experience|role|book|paper|podcast|team's work|background|journey|story|time|years)\b.{0,40}\b(on|in|at|from|into|as|with|about|building|leading|at)\b", I),
    re.compile(r"\b(because|since) you('ve| have| are|'re| were| led| built| moved| made| work| wrote| started| spent)?\b", I),
    re.compile(r"\byou (moved|switched|transitioned|went|made the (move|jump|switch)|led|lead|built|wrote|started|founded|manage|spent|have spent|have worked|work on|worked on|designed|launched)\b", I),
    re.compile(r"\b(i was|i am|i'm) (struck|impressed|inspired|fascinated|intrigued) by\b", I),
    re.compile(r"\bi (enjoyed|loved|admired|appreciated|was moved by|keep thinking about) (your|how you|the way you)\b", I),
    re.compile(r"\bexactly what i (hope|want|would like) to (learn|understand|do)\b", I),
]

INFORMATION_NOT_JOB = [
    re.compile(r"\blearn(ing)? (about|more|from|how|what|whether|a little)\b", I),
    re.compile(r"\b(your|some|any) (advice|insights?|perspective|thoughts|guidance|suggestions)\b", I),
    re.compile(r"\bhear(ing)? (about|more about|how|what|your)\b", I),
    re.compile(r"\b(understand|understanding) (better|more|how|what|whether)\b", I),
    re.compile(r"\bnot (asking|looking|seeking|hoping) (for|about) (a |any )?(job|position|role|referral|opening)s?\b", I),
    re.compile(r"\binformational (interview|conversation|chat|call)\b", I),
    re.compile(r"\b(ask|asking) (you )?(a few|some|two or three|a couple of) questions\b", I),
    re.compile(r"\b(curious|exploring|explore) (about|how|what|whether|the|careers?|paths?)\b", I),
]

_JOB = r"(job|jobs|position|positions|role|roles|opening|openings|vacanc(y|ies)|internships?|posting|postings|opportunit(y|ies))"
ASKS_FOR_JOB = [
    re.compile(r"\b(are|is) (you|your (team|company|firm|department|group|organi[sz]ation)|\w+) (currently )?hiring\b", I),
    re.compile(rf"\b(any|open|available|upcoming|current) {_JOB}\b", I),
    re.compile(rf"\b{_JOB} (available|open|coming up)\b", I),
    re.compile(r"\b(pass|forward|send|share|hand|give|circulate) (along |on )?my (resume|résumé|cv|c\.v\.|application|portfolio)\b", I),
    re.compile(r"\b(pass|forward|send|share|get) (it|this|them) (along |on )?to (hr|the hiring manager|recruit(ing|ers?)|your recruiter)", I),
    re.compile(rf"\b(refer|recommend|put me forward|nominate) (me )?(for|to) (a |an |the |your |this |that )?(\w+ ){{0,3}}{_JOB}", I),
    re.compile(rf"\b(referral|recommendation) (for|to) (a |an |the |your |this )?(\w+ ){{0,3}}{_JOB}", I),
    re.compile(r"\bput in a (good )?word\b", I),
    re.compile(r"\b(consider|keep) me (for|in mind for)\b", I),
    re.compile(rf"\b(help|helping) me (get|land|find|secure) (a |an |the )?(\w+ ){{0,2}}({_JOB}|interview)", I),
    re.compile(rf"\b(looking|searching|hoping) for (a |an )?(new )?(\w+ ){{0,2}}{_JOB}\b", I),
    re.compile(rf"\b(apply|applying|applied) (for|to) (the |a |an |your |this )?(\w+ ){{0,3}}{_JOB}", I),
    re.compile(r"\b(get|land|secure|arrange) (me )?an? interview\b", I),
    re.compile(r"\bhire me\b", I),
]
NEGATION = re.compile(
    r"\b(not|n't|never|no)\b.{0,25}\b(asking|looking|seeking|request|requesting|hoping|ask|after|about)\b|\bno(t)? (a )?(job|position) (request|ask)\b", I,
)

_CONVERSATION = r"(call|chat|conversation|coffee|meeting|talk|minutes|hour|phone|video|zoom|meet|speak|time)"
CLEAR_REQUEST = [
    re.compile(rf"\b(would|could|can|might|may|will)\s+(you|we|i)\b.{{0,80}}\b{_CONVERSATION}", I),
    re.compile(r"\b(would|are) you (be )?(open|willing|available|free|up for)\b", I),
    re.compile(rf"\bi('d| would) (be (so |very |truly |really )?grateful|appreciate|love|welcome|value)\b.{{0,80}}\b{_CONVERSATION}", I),
    re.compile(r"\b(is there|would there be) (a|any) (time|chance|moment)\b", I),
    re.compile(rf"\b(let me know|tell me) (if|whether|when)\b.{{0,80}}\b{_CONVERSATION}", I),
    re.compile(r"\b(spare|find|set aside|make)\b.{0,20}\b(minutes|time|a moment)\b", I),
    re.compile(r"\b(may|can|could) i (buy|treat|take) you\b", I),
    re.compile(rf"\b(would|could|might|is)\b.{{0,60}}\b{_CONVERSATION}\b.{{0,40}}\b(be possible|work for you|suit you|be convenient)\b", I),
]

_NUMBER_WORDS = {"five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "forty": 40,
                 "forty-five": 45, "sixty": 60, "ninety": 90}
_NUM = r"(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
DURATION_RANGE = re.compile(rf"\b{_NUM}\s*(?:-|–|to|or)\s*{_NUM}[\s-]*(?:min|mins|minutes?)\b", I)
DURATION = re.compile(rf"\b{_NUM}[\s-]*(?:min|mins|minutes?)\b", I)
HALF_HOUR = re.compile(r"\b(half an hour|half-hour|half hour)\b", I)
QUARTER_HOUR = re.compile(r"\b(a )?quarter[\s-](of an )?hour\b", I)
HOURS = re.compile(r"\b(an|one|two|1|2|3|a couple of|an? \w+) hours?\b|\b(\d+(\.\d+)?|one and a half) hours\b", I)

WEEKDAY = re.compile(r"\b(mon|tues?|wed(nes)?|thu(rs?)?|fri|sat(ur)?|sun)(day)?s?\b\.?", I)
MONTH = r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)"
DATE = re.compile(rf"\b{MONTH}\.? \d{{1,2}}(st|nd|rd|th)?\b|\b\d{{1,2}}(st|nd|rd|th)? (of )?{MONTH}\b|\b\d{{1,2}}/\d{{1,2}}\b", I)
CLOCK = re.compile(r"\b\d{1,2}(:\d{2})?\s?(am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b|\b(noon|midday)\b", I)


def number(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS[token.lower()]


def any_match(patterns, text: str) -> bool:
    return any(p.search(text) for p in patterns)
