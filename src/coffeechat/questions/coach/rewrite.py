"""Open rewrites of closed questions, offered only for shapes whose rewrite is sure to be English.

Each shape below turns a yes/no question into a What/How question with the same subject; anything
else gets None, and the coach gives a general tip instead of a broken sentence.
"""

import re

I = re.I  # noqa: E741
_ADJECTIVES = frozenset((
    "hard difficult easy tough stressful demanding competitive rewarding fun busy important common necessary useful "
    "helpful popular flexible friendly good bad satisfying fulfilling repetitive boring interesting exciting risky "
    "secure stable lonely creative social physical tiring exhausting intense slow fast different long short varied "
    "well-paid expensive hierarchical formal informal relaxed collaborative supportive valuable realistic possible"
).split())
_GERUND = {"study": "studying", "go": "going", "have": "having", "start": "starting", "work": "working",
           "train": "training", "major": "majoring", "move": "moving", "take": "taking", "do": "doing", "choose": "choosing"}

_LIKE = re.compile(r"^(do|did) you (really |actually )?(like|enjoy|love) (?P<x>.+)$", I)
_FEEL = re.compile(r"^(are|were) you (happy|satisfied|pleased|glad|content) (with|in|about) (?P<x>.+)$", I)
_HOW_ADJ = re.compile(r"^(?P<be>is|was|are|were) (?P<np>it|they|(the|your|this|that|these|those|their) [\w'-]+( [\w'-]+)?) "
                      r"(?P<adj>[\w-]+)$", I)
_INTENSIFIER = re.compile(r" (very|really|too|quite|so|that) (?=[\w-]+$)", I)
_HOW_ADJ_TO = re.compile(r"^(?P<be>is|was) it (very |really |too |quite )?(?P<adj>[\w-]+) to (?P<x>.+)$", I)
_WORTH = re.compile(r"^is it (really )?worth (?P<x>\w+ing\b.*)$", I)
_DID = re.compile(r"^did you (?P<verb>\w+) (?P<x>.+)$", I)
_RECOMMEND = re.compile(r"^would you recommend (?P<x>(?!me\b|us\b)[\w' -]+)$", I)
_SHOULD = re.compile(r"^should i (?P<x>.+)$", I)
_THINK = re.compile(r"^(?P<aux>do|did) you (really )?(think|believe|reckon|feel that) (that )?(?P<x>.+)$", I)
_CAN_I = re.compile(r"^(can|could) i (?P<x>(?!(contact|email|follow|keep|connect|reach|stay|call|mention|use|tell|say))\w.+)$", I)
_TRUE = re.compile(r"^is it true that (?P<x>.+)$", I)
_PREFER = re.compile(r"^(do|would) you prefer (?P<a>[\w' -]+?) or (?P<b>[\w' -]+)$", I)
_KEEP_IN_TOUCH = re.compile(r"^(may|can|could) i (contact|email|follow up with|get back to|reach out to|keep|connect with|stay in touch)|"
                            r"^would (it be (ok|okay|all right|alright|fine)|you mind) if i (followed|kept|contacted|emailed|stayed|got)", I)
_USE_NAME = re.compile(r"^(may|can|could) i (mention|use|tell|say)|^(would it be (ok|okay|all right|alright) to say|do you mind if i mention)", I)


def _own(text: str) -> str:
    return re.sub(r"\byour job\b", "your work", text, flags=re.I)


def rewrite_closed(question: str, *, referral: bool = False) -> str | None:
    """An open question with the same subject, or None when no rewrite is sure to read well."""
    q = question.strip().rstrip("?!. ").strip()
    if _KEEP_IN_TOUCH.match(q):
        return "What would be the best way to keep in touch with you?"
    if referral and _USE_NAME.match(q):
        return "How would you like me to mention you when I contact the people you suggest?"
    if " or " in q.lower() and not _PREFER.match(q) and not _SHOULD.match(q):
        return None
    if m := _LIKE.match(q):
        aux = m.group(1).lower()
        return f"What {aux} you enjoy most about {_own(m.group('x'))}?"
    if m := _FEEL.match(q):
        return f"How do you feel about {m.group('x')} now?"
    if (m := _HOW_ADJ_TO.match(q)) and m.group("adj").lower() in _ADJECTIVES:
        return f"How {m.group('adj').lower()} {m.group('be').lower()} it to {m.group('x')}?"
    if m := _WORTH.match(q):
        return f"How much is {m.group('x')} worth, in your experience?"
    if (m := _HOW_ADJ.match(_INTENSIFIER.sub(" ", q))) and m.group("adj").lower() in _ADJECTIVES:
        np = m.group("np")
        np = np if np in ("it", "they") else np[0].lower() + np[1:]
        return f"How {m.group('adj').lower()} {m.group('be').lower()} {np}, and why?"
    if m := _TRUE.match(q):
        return f"In your experience, how accurate is the idea that {m.group('x')}?"
    if m := _THINK.match(q):
        return f"To what extent {m.group('aux').lower()} you think {m.group('x')}?"
    if (m := _DID.match(q)) and m.group("verb").lower() in _GERUND:
        return f"How did {_GERUND[m.group('verb').lower()]} {m.group('x')} shape your career?"
    if (m := _RECOMMEND.match(q)) and " to " not in m.group("x") and len(m.group("x").split()) <= 5:
        return f"What would you tell someone considering {m.group('x')}?"
    if m := _SHOULD.match(q):
        return f"What would you weigh in deciding whether to {m.group('x')}?"
    if m := _PREFER.match(q):
        return f"What do you see as the trade-offs between {m.group('a')} and {m.group('b')}?"
    if m := _CAN_I.match(q):
        return f"How could I {m.group('x')}?"
    return None
