"""What makes a question closed, searchable, a job ask, and which category it belongs to."""

import re

I = re.I  # noqa: E741

AUXILIARY = re.compile(r"^(do|does|did|is|are|was|were|have|has|had|can|could|would|will|should|may|might|shall|am|isn't|aren't|don't|doesn't|didn't)\b", I)
# Polite frames that invite a story, even though they start like a yes/no question.
OPEN_FRAME = re.compile(
    r"^(can|could|would|will|might)\s+you\s+(please\s+)?(tell|walk|talk|take|describe|explain|share|give|say|paint|help me understand|"
    r"mind (telling|sharing|explaining|describing|walking))\b", I)
OPEN_START = re.compile(r"^(what|how|why|which|where|when|who|whom|whose|tell me|describe|walk me|talk me|share|explain|"
                        r"in what|to what extent|looking back|if you|given|based on|for someone|thinking about)\b", I)
EITHER_OR = re.compile(r"\bor\b(?! (not|otherwise))", I)

GOOGLEABLE = [
    re.compile(r"\bhow many (people|employees|staff|offices|locations|customers|clients|stores|countries|branches)\b", I),
    re.compile(r"\bwhat (does|do) (your|the|this) (company|organi[sz]ation|firm|agency|business|employer|startup|department) (do|make|sell)\b", I),
    re.compile(r"\bwhere (is|are) (your|the) (company'?s? |organi[sz]ation'?s? )?(headquarters|head office|hq|main office|offices)\b", I),
    re.compile(r"\bwhen (was|were|did) .{0,40}\b(founded|established|started|created|launched|go public)\b", I),
    re.compile(r"\bwho (is|are) (your|the) (ceo|founders?|president|owners?|chair|board)\b", I),
    re.compile(r"\bwhat (products|services|brands) (do|does)\b", I),
    re.compile(r"\b(revenue|stock price|share price|market cap|annual sales|turnover|funding rounds?)\b", I),
    re.compile(r"\bwhat (is|are) (your|the) (company'?s? |organi[sz]ation'?s? )?(mission statement|website|address|ticker|slogan)\b", I),
    re.compile(r"\bis (your|the) (company|organi[sz]ation|firm) (public|private|listed|profitable)\b", I),
]
DEFINITION = re.compile(r"^what (is|are|does) (a |an |the )?([\w'-]+( [\w'-]+){0,3})( mean| stand for)?\??$", I)
NOT_DEFINITION = re.compile(r"\b(you|your|like|best|hardest|worst|biggest|most|least|main|first|next|typical|it)\b", I)

_JOB = r"(job|jobs|position|positions|role|roles|opening|openings|vacanc(y|ies)|internships?|posting|postings)"
JOB_ASK = [
    re.compile(r"\b(are|is) (you|your (team|company|firm|department|group|organi[sz]ation|lab)) (currently )?hiring\b", I),
    re.compile(rf"\b(any|open|available) {_JOB}\b", I),
    re.compile(rf"\b(is|are) there (any )?{_JOB}\b", I),
    re.compile(r"\b(pass|forward|send|give|share|hand) (along |on )?my (resume|résumé|cv|application|portfolio)\b", I),
    re.compile(r"\b(refer|recommend|put me forward) (me )?(for|to)\b", I),
    re.compile(r"\b(get|land|secure|arrange) me (an? )?(interview|job|position|role|internship)\b", I),
    re.compile(r"\bhire me\b", I),
    re.compile(r"\bcan i (work|intern|apply) (for|with|at|to) (you|your)\b", I),
    re.compile(r"\b(consider|keep) me (for|in mind)\b", I),
    re.compile(r"\bput in a (good )?word\b", I),
    re.compile(rf"\bhow (do|can|should) i apply (for|to) (your|this|the|a|an) {_JOB}\b", I),
]

REFERRAL = re.compile(
    r"\b(who else|anyone else|someone else|other people|others (i|who)|whom (should|would|could)|who (should|would|could) i|"
    r"(suggest|recommend) (that )?i (talk|speak|contact|reach|meet)|introduc(e|ing) me|names? of|mention (you|your name)|"
    r"whom? i should (meet|talk|contact)|who (could|can|might) tell me|worth meeting|people you suggest|"
    r"who (would|might) (be|you) (good|worth|suggest))\b", I)
CLOSING = re.compile(
    r"\b(should i have asked|should have asked|(haven't|have not|didn't|did not|forgot to) ask(ed)?|question (should|would) i ask|"
    r"anything (else )?i should (know|have asked|ask)|what else should i (know|ask))\b", I)

CATEGORY_WORDS = {
    "referrals": [REFERRAL],
    "compensation": [re.compile(r"\b(salary|salaries|pay|paid|compensation|earn|earnings|income|benefits|bonus|equity|raise|wage|offer)\b", I)],
    "hiring": [re.compile(r"\b(hir(e|ed|es|ing)|recruit\w*|interview(s|ing)?|openings?|candidates?|applicants?|apply|application|resume|résumé|cv|job search|entry[- ]level|get in|find their way|break into)\b", I)],
    "day_to_day": [re.compile(r"\b(typical (day|week)|day[- ]to[- ]day|daily|every day|a day in|spend (most of )?your time|time split|schedule|routine|tasks?|tools?|walk me through|projects?|work with most|meetings)\b", I)],
    "rewards": [re.compile(r"\b(enjoy|enjoyable|favou?rite|rewarding|satisf\w+|best part|love about|proud\w*|motivat\w+|fulfil\w*|good (day|one)|keeps you|effect of your work|impact)\b", I)],
    "challenges": [re.compile(r"\b(challeng\w+|hardest|difficult\w*|frustrat\w+|struggl\w+|downsides?|least|stress\w*|tough\w*|obstacles?|setbacks?|pressure|why do people leave|change one thing)\b", I)],
    "trends": [re.compile(r"\b(trends?|future|changing|changed|next (five|ten|few) years|in five years|emerging|technology|outlook|grow(ing|th)|shift\w*|heading|worries|disrupt\w*|in demand|adapting|changes)\b", I)],
    "advice": [re.compile(r"\b(advice|advise|recommend|should i|would you do differently|starting out|wish (you|someone)|tips?|suggest|prepare|mistakes|gaps|try this|if you were)\b", I)],
    "culture": [re.compile(r"\b(culture|values?|team like|colleagues|work[- ]life|balance|environment|management style|thrive|fit in|decisions? (are|is) made|are decisions made|atmosphere|keep learning)\b", I)],
    "resources": [re.compile(r"\b(read|books?|journals?|podcasts?|associations?|courses?|conferences?|events?|newsletters?|websites?|resources|qualifications?|certifications?|groups worth|keep (your )?(own )?knowledge)\b", I)],
    "background": [re.compile(r"\b(how did you (get|start|become|end up|choose|decide|find|take|land|move)|your (path|background|education|degree|first job|career)|what led you|before (this|joining)|first step|studied|drew you|looking back|decisions shaped|surprised you|other paths|did you consider|why did you choose)\b", I)],
}
CATEGORY_ORDER = ("referrals", "compensation", "hiring", "trends", "culture", "resources", "challenges",
                  "rewards", "day_to_day", "advice", "background")
