"""Words of a question as features for the category model: folded, stemmed, grouped by theme.

British, Canadian and US spellings fold to one form (organisation/organization, programme/program,
labour/labor), words are cut to a crude stem (hiring → hir, salaries → salary), and words that
belong to a theme of the conversation (pay, the daily routine, what is hard…) also count as that
theme, so a synonym the model never saw still points the right way.
"""

import re

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SPELLING = {
    "programme": "program", "programmes": "programs", "labour": "labor", "colour": "color",
    "favourite": "favorite", "centre": "center", "centres": "centers", "behaviour": "behavior",
    "behaviours": "behaviors", "travelling": "traveling", "licence": "license", "cheque": "check",
    "defence": "defense", "paediatrics": "pediatrics", "enrol": "enroll", "fulfil": "fulfill",
    "judgement": "judgment", "honour": "honor", "neighbour": "neighbor", "meet-ups": "meetups",
    "résumé": "resume", "résumés": "resumes", "uni": "university", "grad": "graduate", "cv": "resume",
}
_ISE = re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)$")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ness", "ers", "er", "ed", "es", "ly", "s")

# Themes: a word in one of these lists also counts as the feature "@theme".
THEMES = {
    "pay": "salary salaries pay paid payscale paycheque paycheck underpaid well-paid earn earns earning earnings earners "
           "income wage wages bonus bonuses benefits pension pensions compensation money raise raises commission equity "
           "perks overtime package rate rates tipping allowance vacation financial financially stipend remuneration "
           "ceiling negotiate negotiating negotiation",
    "routine": "day days daily workday workdays week weekly monday weekends typical typically normally usually routine "
               "schedule shift shifts morning hours task tasks duties responsibility responsibilities workload tools "
               "software spend spent meetings project projects assignments to-do shadow shadowed involve involves hands-on",
    "enjoy": "enjoy enjoyed enjoyable love loved favorite rewarding satisfying satisfaction satisfied fulfilling fulfilled "
             "proud proudest pride meaningful worthwhile matter mattered purpose passion passionate motivated motivating "
             "motivation inspire inspires inspiring joy exciting excites energy highlight highlights gratifying fun happy",
    "hard": "hard hardest difficult difficulty challenge challenges challenging frustrating frustrates frustration "
            "frustrations stress stressful pressure pressures tough toughest struggle struggled struggling downside "
            "downsides drawback drawbacks pitfalls cons least worst obstacle obstacles setback setbacks burn burnt burnout "
            "tedious drain risks conflict dilemmas demanding rejection cope quitting undervalued repetitive problems toll "
            "stuck resilient resilience steep nervous anxious adjust dislike hate annoying sacrifice sacrifices trade-offs "
            "worry",
    "future": "future trend trends changing changed evolve evolving outlook decade growing growth emerging upcoming coming "
              "disrupting disruption technology technologies ai automation artificial innovation innovations direction "
              "rise debates pandemic impact affecting effect disappear forecast predict reshape reshaping dying decline "
              "declining expanding will",
    "advice": "advice advise tip tips suggest suggestions recommend recommendations wish mistake mistakes prepare "
              "preparation differently steps gaps improve volunteer shoes feedback profile",
    "hiring": "hire hired hires hiring hirers recruit recruiter recruiters recruiting recruitment interview interviews "
              "interviewed candidate candidates applicant applicants application applications apply applying resume "
              "portfolio entry-level qualifications qualifying requirements require employer employers opening openings "
              "vacancy vacancies promotion promotions promoted progression advancement placement internship internships "
              "intern interns scheme qualities assessed assessment sponsor visa visas shortlist screen",
    "culture": "culture atmosphere environment workplace values mission management manager managers boss leadership style "
               "colleagues teamwork together thrive fit balance flexible flexibility remote hybrid dress diverse diversity "
               "inclusive inclusion belonging hierarchical bureaucracy politics autonomy feedback socialise socialize "
               "turnover respect collaborative supportive supported treat treated morale pace friendly",
    "reading": "book books read reading podcast podcasts journal journals blog blogs website websites newsletter "
               "newsletters association associations conference conferences event events course courses certification "
               "certifications magazine magazines resources sources groups community communities forums channels videos "
               "documentaries films workshops meetups societies clubs subscribe textbook textbooks reports articles "
               "article authors library webinar webinars seminar seminars bootcamp bootcamps academy listen watch",
    "people": "anyone anybody someone somebody colleague colleagues contacts contact introduce introducing mention name "
              "network alumni talk speak meet chat reach",
    "path": "path route background journey degree major majored studied study studying graduated university college "
            "school diploma training trained qualified before previous originally started start became become ended "
            "decide decided choose chose switch transition jump left land break led drew brought came grew always "
            "attracted sparked prompted influenced interested",
}

# Two-word phrases that carry a theme their words alone do not ("best part", "worst part", "end up").
THEME_PAIRS = {
    "enjoy": "best part|best thing|best things|best moment|best bit|like most|like best|like about|love about|most enjoy|"
             "feel good|worth it|look forward|proud of|most rewarding|most satisfying|most fun",
    "hard": "worst part|worst thing|least enjoy|least favorite|least favourite|keeps you up|go wrong|goes wrong|hard part|"
            "put up|burn out|burned out|wear you|most difficult|most challenging|most frustrating",
    "routine": "typical day|typical week|day to|to day|average day|normal day|working day|your time|time on|spend most",
    "future": "next decade|coming years|few years|next five|ten years|years time|going forward|long term|is heading|will change",
    "advice": "if you|you were|my shoes|my position|like me|starting out|do differently|over again|younger self|should i|"
              "would you suggest|you suggest|you advise",
    "path": "how did|did you|got into|get into|end up|ended up|first job|get started|got started|your background|you become",
    "culture": "work life|people here|fit in|get along|work together|your team|the team",
    "hiring": "get hired|break into|the door|stand out|look for|cover letter|job search|entry level|get in",
    "reading": "keep up|stay informed|keep current|up to|to date|sign up",
    "people": "talk to|speak with|speak to|reach out|in touch|talk with|chat with",
}

def stem(word: str) -> str:
    word = _SPELLING.get(word, word)
    word = _ISE.sub(lambda m: "iz" + m.group(1), word)
    if len(word) > 4:
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)]
    return word


_THEME_OF: dict[str, list[str]] = {}
for _theme, _words in THEMES.items():
    for _w in _words.split():
        if "@" + _theme not in _THEME_OF.setdefault(stem(_w), []):
            _THEME_OF[stem(_w)].append("@" + _theme)
for _theme, _pairs in THEME_PAIRS.items():
    for _pair in _pairs.split("|"):
        _key = "_".join(stem(w) for w in _pair.split())
        if "@" + _theme not in _THEME_OF.setdefault(_key, []):
            _THEME_OF[_key].append("@" + _theme)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'").replace("‘", "'"))


_STEMS: dict[str, str] = {}


def features(text: str) -> list[str]:
    """Stems, neighbouring pairs of stems, and the themes the words belong to."""
    known = _STEMS
    stems = []
    for w in words(text):
        s = known.get(w)
        if s is None:
            s = stem(w)
            if len(known) < 50_000:
                known[w] = s
        stems.append(s)
    found = stems + [a + "_" + b for a, b in zip(stems, stems[1:], strict=False)]
    theme_of = _THEME_OF
    for s in found[:]:
        if s in theme_of:
            found.extend(theme_of[s])
    return found
