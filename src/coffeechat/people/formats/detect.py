"""Which format a file is in, from its content (never its name)."""

import re

from coffeechat.people.formats import coffeechat, google, linkedin, outlook, thunderbird
from coffeechat.people.formats.addressbook import score_for
from coffeechat.people.formats.csvfile import find_header, header_key
from coffeechat.people.formats.records import ImportFormatError

_VCARD = re.compile(r"^\s*BEGIN:VCARD\s*$", re.I | re.M)


def _scores(text: str) -> dict[str, int]:
    scorers = {
        "linkedin": linkedin.score,
        "google": score_for(google.LAYOUT, google.ANCHORS),
        "outlook": score_for(outlook.LAYOUT, outlook.ANCHORS),
        "thunderbird": score_for(thunderbird.LAYOUT, thunderbird.ANCHORS),
        "coffeechat": score_for(coffeechat.LAYOUT, coffeechat.ANCHORS),
    }
    found = {}
    for name, scorer in scorers.items():
        header = find_header(text, scorer)
        if header is not None:
            found[name] = scorer([header_key(c) for c in header[2]])
    return found


def detect_format(text: str) -> str:
    if _VCARD.search(text[:200_000]):
        return "vcard"
    scores = _scores(text)
    if scores:
        return max(scores, key=scores.get)
    if text.lstrip().startswith(("{", "[")):
        raise ImportFormatError("This is a JSON file, not a contacts export. To load a Coffeechat backup, use `coffeechat restore`.")
    raise ImportFormatError(
        "This file does not look like contacts: no LinkedIn, Google, Outlook, Thunderbird or Coffeechat column headings "
        "and no vCard. Export your contacts again and choose CSV or vCard."
    )
