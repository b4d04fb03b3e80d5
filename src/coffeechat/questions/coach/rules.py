"""What makes a question closed, searchable, a job ask, a referral or the closing question.

Each pattern is matched against the question itself: the last sentence that asks something, with
a leading phrase such as "In your view," or "Before we finish," set aside (see checks.core).
"""

import re

I = re.I  # noqa: E741

# Discourse openers that do not change what kind of question follows.
LEAD_IN = re.compile(r"^(?:so|and|also|finally|lastly|last(?:ly)? of all|okay|ok|well|oh|one (?:more|last) (?:thing|question)|"
                     r"just (?:out of )?curious|out of curiosity|and finally|i'?m curious|i was wondering)\b[,:;.!]?\s*", I)
AUXILIARY = re.compile(r"^(any chance|do|does|did|is|are|was|were|have|has|had|can|could|would|will|should|may|might|shall|am|"
                       r"isn't|aren't|don't|doesn't|didn't|won't|wouldn't|couldn't|haven't|hasn't)\b", I)
# Polite frames that ask them to talk, even though they start like a yes/no question.
OPEN_FRAME = re.compile(
    r"^(can|could|would|will|might)\s+you\s+(please\s+|perhaps\s+|possibly\s+|also\s+|maybe\s+|briefly\s+)?(be able to\s+)?"
    r"(tell|walk|talk|take|describe|explain|share|give|say|paint|help me understand|outline|expand|elaborate|"
    r"think of|point|name|list|speak to|sum up|summari[sz]e|reflect|comment|"
    r"mind (telling|sharing|explaining|describing|walking|talking|giving|saying))\b", I)
# "Could you recommend any…", "Would you suggest someone…": asking for names, not for a verdict.
RECOMMEND_SOME = re.compile(
    r"^(can|could|would|will)\s+you\s+(please\s+)?(be able to\s+)?(recommend|suggest)\s+(any|anyone|anybody|someone|somebody|some|a few|"
    r"a couple|other|others|two|three|one or two|people|a good|good|what|who|which|where|how|books?|resources)\b", I)
# "Do you have any advice…", "Do you know anyone who…": invitations to share, not yes/no questions.
INVITATION = re.compile(
    r"^(do|would) you (happen to )?(have|know) (any|some)\s+(advice|tips?|suggestions?|recommendations?|thoughts|ideas|"
    r"words of wisdom|pointers|contacts|colleagues|resources|books)\b|"
    r"^(do|would) you (happen to )?know (anyone|anybody|someone|somebody|people|other people)\b", I)
# "Is there anyone else you think I should talk to?", "Is there anything I've missed?"
THERE_INVITATION = re.compile(
    r"^(is|are) there (anyone|anybody|someone|somebody|people|other people)\b|"
    r"^(is|are) there (any|anything|something|other|others|particular|a (question|person|book|course|group|way))\b"
    r".*\b(you|i|i'?ve|i'?d|you'?d|who|that you|we)\b\s*(\w+\s+){0,3}?"
    r"(think|suggest|recommend|should|could|would|might|'?d|missed|didn'?t|did not|forgot|haven'?t|have not|like|find|"
    r"listen|read|use|follow|add|share|tell|want|wish|reach|meet|ask|talk|speak|contact|know|advise|see)\b", I)
OPEN_START = re.compile(r"^(what|what's|whats|how|how's|why|which|where|when|who|who's|whom|whose|tell me|describe|walk me|"
                        r"talk me|share|explain|in what|to what extent|looking back|if you|if i|given|based on|for someone|"
                        r"thinking about|anything else|any other|please (tell|describe|share|explain|walk))\b", I)
EITHER_OR = re.compile(r"\bor\b(?! (not|otherwise|so|two|three))", I)

class Gated:
    """A lower-case pattern tried only when the text has one of its trigger words: a set test costs far
    less than a regular-expression search, and most questions have none of the words."""

    __slots__ = ("pattern", "triggers")

    def __init__(self, triggers: str, pattern: str):
        self.triggers = frozenset(triggers.split())
        self.pattern = re.compile(pattern)

    def search(self, lower: str, words: frozenset[str] | set[str]) -> re.Match | None:
        return None if self.triggers.isdisjoint(words) else self.pattern.search(lower)


WORD = re.compile(r"\w+")


class RuleSet:
    """Gated patterns indexed by trigger word: only the rules whose words occur are tried, in order."""

    def __init__(self, rules: list[Gated]):
        self.rules = list(rules)
        self.by_word: dict[str, tuple[int, ...]] = {}
        for index, rule in enumerate(self.rules):
            for word in rule.triggers:
                self.by_word[word] = (*self.by_word.get(word, ()), index)

    def __getitem__(self, key):
        return self.rules[key]

    def first(self, lower: str, words: frozenset[str]) -> re.Match | None:
        get = self.by_word.get
        candidates = {i for word in words for i in get(word, ())}
        for index in sorted(candidates):
            if match := self.rules[index].pattern.search(lower):
                return match
        return None


def first_match(rules: RuleSet, lower: str, words: frozenset[str]) -> re.Match | None:
    return rules.first(lower, words)


_ORG = r"(company|organi[sz]ation|firm|agency|business|employer|start-?up|charity|bank|practice|group|studio|lab|council|ministry|hospital|school|university)"
_ORG_OF = rf"((your|the|this) ({_ORG}'?s?|team'?s?) |your |the )"
GOOGLEABLE = [
    Gated("do make sell produce offer", rf"\bwhat (does|do) (your|the|this) {_ORG} (do|make|sell|produce|offer)\??$"),
    Gated("products services brands", rf"\bwhat (products|services|brands) (does|do) (your|the|this) ({_ORG}|[A-Z][\w&-]*)\b"),
    Gated("products services brands", r"\bwhat (products|services|brands) (does|do) [\w&-]+ (sell|make|offer|produce)\b"),
    Gated("headquarters head office hq offices based located", rf"\bwhere (is|are) {_ORG_OF}?(headquarters|head office|hq|main office|offices|head office located|based|located)\b"),
    Gated("offices", r"\bwhere are (your|the) [\w' ]{0,30}offices located\b"),
    Gated("founded established set launched public listed incorporated opened open", r"\b(when|what year) (was|were|did|is) [\w' ]{0,40}\b(founded|established|set up|launched|go public|went public|"
               r"listed|incorporated|open(ed)? (its|their))\b"),
    Gated("founded started owns runs set", r"\bwho (founded|started|owns|runs|set up) (the|your|this) "),
    Gated("open start begin launch", rf"\b(when|what year) did (the|your|this) {_ORG} (open|start|begin|launch)\??$"),
    Gated("head", rf"\bwho (is|was) (the )?head of (the|your|this) {_ORG}\b"),
    Gated("ceo chief founder founders president chair chairman chairwoman owner owners board", r"\bwho (is|are|was) (the|your) [\w' ]{0,30}\b(ceo|chief executive|founders?|president|chair|chairman|chairwoman|owners?|board)\b"),
    Gated("revenue stock share market annual turnover funding ticker", r"\b(revenue|stock price|share price|market cap\w*|annual sales|turnover figures?|funding rounds?|ticker)\b"),
    Gated("values mission vision website web address slogan motto", rf"^(what|what's) (is |are )?(your|the) ({_ORG}'?s? )?(core values|mission statement|mission|vision statement|"
               r"website|web address|address|slogan|motto)\??$"),
    Gated("public publicly private privately listed profitable unionised unionized", rf"\bis (your|the|this) {_ORG} (public|publicly (listed|traded)|private(ly owned)?|listed|profitable|unionised|unionized)\b"),
    Gated("many", rf"\bhow many (people|employees|staff|offices|locations|stores|branches|countries|clients|customers|sites) "
               rf"(does|do|are|work|is) (at |for |in )?(the|your|this) ({_ORG}|team)\b"),
    Gated("many", rf"\bhow many (people|employees|staff) work (at|for|in) (your|the|this) {_ORG}\b"),
    Gated("big large", rf"^how (big|large) is (your|the|this) {_ORG}\??$"),
    Gated("many", rf"\bhow many (countries|offices|locations|sites|branches) does (your|the|this) {_ORG} (work|operate|have)\b"),
    Gated("average median mean", r"\b(average|median|mean) (salary|salaries|pay|wage|wages|earnings|income)\b|\bearn on average\b|\bon average earn\b"),
]
DEFINITION = re.compile(r"^(what (is|are)|what's) (an? |the )?([\w'.-]+( [\w'.-]+){0,3}?)( mean)?\??$|"
                        r"^what (does|do) (an? |the )?(?P<term>[\w'.-]+( [\w'.-]+){0,3}?) (?P<verb>mean|stand for|do)\??$", I)
ROLE_DEFINITION = re.compile(r"^what (is|are) the (main |usual |typical |key )?(role|duties|responsibilities|job) of (an? )?[\w' -]{2,40}\??$", I)
NOT_DEFINITION = re.compile(r"\b(you|your|yours|i|me|my|like|best|hardest|worst|biggest|most|least|main|first|next|typical|it|"
                            r"this|that|here|there|else|going|happening|changing|new|wrong|right|involved|needed|expected|of|for|in|to|with|about|at)\b", I)
PERSONAL = re.compile(r"\b(you|your|you'?ve|you'?d|you'?re|i|me|my|i'?m|i'?ve|we|our)\b", I)

_JOB = r"(jobs?|positions?|roles?|openings?|vacanc(y|ies)|internships?|postings?|placements?|work experience|spots?|places?|contracts?)"
JOB_ASK = [
    Gated("hiring recruiting taking", rf"\b(are|is) (you|your \w+|your \w+ \w+|the {_ORG}|they|you guys) (currently |still |actually )?(hiring|recruiting|taking on)\b"),
    Gated("hiring recruiting", r"\bwhen (you'?re|you are|your \w+ is|your \w+ will be|will your \w+ be|will you be|are you) (\w+ )?(hiring|recruiting)\b"),
    Gated("job jobs position positions role roles opening openings vacancy vacancies internship internships posting postings placement placements experience spot spots place places contract contracts", rf"\b(any|open|available) (\w+ )?{_JOB} (available|open|going|coming up|for me)\b"),
    Gated("job jobs position positions role roles opening openings vacancy vacancies internship internships posting postings placement placements experience spot spots place places contract contracts", rf"\b(do|does) (you|your \w+|the {_ORG}|your {_ORG}) have (any )?(open |available |current )?{_JOB}\b"),
    Gated("job jobs position positions role roles opening openings vacancy vacancies internship internships posting postings placement placements experience spot spots place places contract contracts", rf"\b(is|are) there (any )?(open |available |current )?{_JOB}( available| open)?\??$"),
    Gated("job jobs position positions role roles opening openings vacancy vacancies internship internships posting postings placement placements experience spot spots place places contract contracts", rf"\b(is|are) there (any |an |a )?(open )?{_JOB} (\w+ ){{0,3}}(i could|i can|for me|available|open)\b"),
    Gated("job jobs position positions role roles opening openings vacancy vacancies internship internships posting postings placement placements experience spot spots place places contract contracts", rf"\bapply (for|to) (a|an|the) {_JOB} (with|at|on|in) (you|your)\b"),
    Gated("job jobs position positions role roles opening openings vacancy vacancies internship internships posting postings placement placements experience spot spots place places contract contracts", rf"\b(any|some) {_JOB} (in|on|at|with) your\b"),
    Gated("job role position place spot opening", r"\b(a|any) (job|role|position|place|spot|opening) for me\b"),
    Gated("resume résumé cv c application portfolio name details", r"\b(pass|forward|send|give|share|hand|show|put) (along |on )?(you )?my (resume|résumé|cv|c\.v\.|application|portfolio|name|details)\b"),
    Gated("resume résumé cv application", r"\b(send|give|email|forward) you my (resume|résumé|cv|application)\b"),
    Gated("resume résumé cv application name", r"\bmy (resume|résumé|cv|application|name) (on |along )?(to|in front of) (your|the|someone|whoever|hr|them|him|her)\b"),
    Gated("resume résumé cv application name", r"\bmy (resume|résumé|cv|application|name)\b.{0,20}\bin front of (you|your|the|someone|whoever)\b"),
    Gated("refer recommend put nominate suggest", r"\b(refer|recommend|put|nominate|suggest) me (forward )?(for|to)\b|\bput me forward\b"),
    Gated("interview job position role internship placement foot", r"\b(get|land|secure|arrange|find) me (an? |the )?(interview|job|position|role|internship|placement|foot in the door)\b"),
    Gated("help", r"\bhelp me (get|land|find|secure) (an? |the )?(job|internship|position|role|placement|interview)\b"),
    Gated("interview", r"\b(get|land|secure) (an? )?interview (with|at) (you|your)\b"),
    Gated("hire hiring hired", r"\bhir(e|ing) (me|someone (like me|with my))\b|\b(get|be) hired by (you|your)\b"),
    Gated("looking", rf"\b(are|is) (you|your \w+|the {_ORG}) (currently |still )?looking for (anyone|someone|people|staff|new)\b"),
    Gated("work intern apply volunteer", r"\b(can|could|may) i (work|intern|apply|volunteer) (for|with|at|to|on) (you|your)\b"),
    Gated("consider keep take", r"\b(consider|keep) me (for|in mind)\b|\btake me on\b"),
    Gated("word reference referee", r"\bput in a (good )?word\b|\b(be|act as) (a |my )?(reference|referee) for me\b"),
    Gated("apply", r"\b(how (do|can|should|could|would) i|so (that )?i can|when i|can i|could i) apply\b(?! (my|what|these|this|it|them|that|those))"),
    Gated("touch introduce connect", r"\b(put me in touch|introduce me|connect me) .{0,40}\b(hiring manager|recruit\w*|\bhr\b|human resources|open (role|position|job)|"
               r"vacanc\w+)"),
    Gated("chance possibility", rf"\b(chance|possibility) (of|for) (a |an |getting )?(\w+ ){{0,2}}{_JOB}\b"),
    Gated("let", rf"\blet me know (if|when|whether) .{{0,40}}\b(hiring|recruiting|{_JOB}|anything|something) "
               r"(opens?|comes? up|becomes available|is going)\b|\blet me know (if|when) (you'?re|you are|your \w+ is) (hiring|recruiting)\b"),
    Gated("case opens comes", r"\bin case (there'?s|there is) (a fit|an opening|something)\b|\bif (anything|something|a \w+) (opens|comes) up\b"),
    Gated("know", r"\bknow of (any|anything|something)\b.{0,30}\b(going|jobs?|roles?|positions?|openings?|vacanc\w+|for me)\b"),
    Gated("going", r"\b(anything|something) going (at|in|on|with) (your|you)\b"),
    Gated("internship placement job role position", r"\b(internship|placement|job|role|position) there\b"),
]

REFERRAL = Gated(
    "else other others whom who suggest recommend introduce introducing names name mention use sent suggested referred worth "
    "people anyone anybody someone somebody colleague colleagues contact contacts alumni professor professors know talk speak "
    "chat best point willing similar quick reach",
    r"\b(who else|anyone else|anybody else|(?<!to )someone else|other people (i|you|who|that|to|worth|in|at)|others (i|who)|whom (should|would|could)|who (should|would|could) i|"
    r"(suggest|recommend) (that )?i (talk|speak|contact|reach|meet|get in touch)|introduc(e|ing) me|names? of|"
    r"mention (you|your name|our conversation)|use your name|you (sent|suggested|referred) me|"
    r"whom? i should (meet|talk|contact)|who (could|can|might) tell me|worth meeting|people you (suggest|mentioned|recommend)|"
    r"people you'?ve mentioned|who (would|might) (be|you) (good|worth|suggest)|(anyone|anybody|someone|somebody|people|colleagues?|contacts?|alumni|"
    r"professors?) (\w+ ){0,5}(i could|i should|i might|i'?d learn|to (talk|speak|contact|meet|chat)|(who|that) (might|could|would) be (willing|happy))|"
    r"(?<!n't )(?<!not )(?<!to )(know|recommend|suggest) (anyone|anybody|someone|somebody|two or three people|a few (other )?people)|"
    r"(talk|speak|chat) (to|with) (if|next)|who'?s the best person|who do you know|point me to (someone|anyone)|"
    r"willing to (chat|talk|speak|meet)|have a (similar|quick) (conversation|chat)|reach out to, and|people (to talk|i should))\b")
CLOSING = Gated(
    "asked ask asking missed add share know question questions haven covered forgotten forgot else tell useful",
    r"\b(should i have asked|should have asked|(haven't|have not|didn't|did not|forgot to) ask(ed)?|question (should|would) i ask|"
    r"question should i have|question i didn'?t ask|anything (else )?i should (know|have asked|ask|be asking)|"
    r"what else should i (know|ask)|anything (else )?(i'?ve|i have) missed|i should be asking|should i be asking|"
    r"anything else (you'?d|you would) (add|like to (share|add))|anything else you think i should know|"
    r"questions? (you'?d|you would) like to ask me|(like|want) to (ask|know about) me|"
    r"(haven'?t|have not|didn'?t|did not) (i|we) (ask|asked|cover|covered|talk about|talked about|discuss|discussed)|"
    r"have (i|we) not (asked|covered|talked about|discussed)|forg(ot|otten) to ask|"
    r"anything else (you'?d|you would) like (me to know|to tell me|to share|to add)|"
    r"what else (would|should|might) (be )?(useful|important|helpful)? ?(for me )?to know)\b")

KEEP_IN_TOUCH = Gated(
    "touch contact email call reach follow followed following kept keep connect thank posted updated",
    r"\b(keep|stay) in touch\b|\b(contact|email|call|reach) you (again|later|in future|in the future)\b|\bfollow(ed|ing)? up with you\b|"
    r"\bkept you (updated|posted|informed)\b|\bkeep you (updated|posted|informed)\b|\bconnect with you on\b|\bthank you for your time\b|"
    r"\b(best way|how) (for me |should i |would you like me |do i )?to (follow up|stay in (touch|contact)|reach you|keep you (posted|updated))\b|"
    r"\bstay in contact\b|\breach you (if|when|again|later)\b")
# Facts about the organisation (not definitions or statistics about a field): no category of the conversation fits.
ORGANISATION_FACT = RuleSet(GOOGLEABLE[:-1])  # all but the statistics about a field (the last one)
GOOGLEABLE = RuleSet(GOOGLEABLE)
JOB_ASK = RuleSet(JOB_ASK)



# The keyword rules of the first coach: kept as the baseline that bench/train_question_model.py compares with.
CATEGORY_WORDS = {
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
