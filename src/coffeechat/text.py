"""Text helpers shared by search, matching and rendering."""

import re
import unicodedata

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_markdown = MarkdownIt("commonmark", {"linkify": False, "html": False}).enable("table")
_ALLOWED_TAGS = {
    "a", "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td",
}


def storable(text: str) -> str:
    """Free text as every database stores it: without NUL characters, which PostgreSQL refuses and which never
    mean anything in a note (pasted from another program, or sent by a script)."""
    return text.replace("\x00", "")


def fold(text: str | None) -> str:
    """Lower-case without accents, for search and matching: 'Béland' -> 'beland'."""
    if not text:
        return ""
    if text.isascii():  # the common case, and ten times faster than decomposing
        return " ".join(text.casefold().split())
    stripped = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", text))
    if not stripped.isascii():   # other scripts' marks (Greek, Hebrew, Devanagari…): one by one
        stripped = "".join(ch for ch in stripped if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


# The combining marks accented Latin letters decompose into (U+0300–U+036F, all but the grapheme
# joiner): removed in one pass, so names like "Béland" need no loop over their characters.
_LATIN_MARKS = re.compile("[" + "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]")


def render_markdown(source: str | None) -> SafeString:
    """Markdown to HTML that is safe to show: no scripts, no styles, no event handlers."""
    if not source:
        return mark_safe("")
    html = _markdown.render(source)
    cleaned = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 has sanitised it
