"""Search over people by a real full-text index, behind one function (`matching`).

SQLite: an FTS5 table over Person.search_text, kept by triggers (every write, bulk ones included).
PostgreSQL: a stored column of the words of search_text (to_tsvector('simple', …)) with a GIN index.
Both are made by migrations (people 0007 and 0009). Both match word prefixes ("bel" finds
"Béland"); search_text and the query are folded the same way (text.fold), so case and accents never
count.
An organisation's name matches its people (the user's own organisations only). On PostgreSQL the
matching people are read among the owner's only: read site-wide, a common prefix made every search
read and hash that word's matches across every account (~130 ms at 2,000 accounts × 300 people, ~8 ms scoped).
"""

import re

from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from coffeechat.people.models import Organization
from coffeechat.text import fold

FTS_TABLE = "people_person_fts"
_WORD = re.compile(r"[^\W_]+")

def words(query: str) -> list[str]:
    """The words of a query as the index sees them: folded, split at anything not a letter or digit."""
    return _WORD.findall(fold(query))[:12]


def _people_with_word(word: str, owner) -> RawSQL:
    if connection.vendor == "postgresql":
        return RawSQL("SELECT id FROM people_person WHERE owner_id = %s AND search_vector @@ to_tsquery('simple'::regconfig, %s)",
                      [owner.pk, f"{word}:*"])
    return RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [f'"{word}"*'])


def matching(queryset: QuerySet, query: str, owner) -> QuerySet:
    """The people of `queryset` in which every word of `query` starts a word of theirs or of their organisation's name."""
    for word in words(query):
        # The plain substring test first (native on every database) spares the regular expression most rows.
        organizations = Organization.objects.filter(owner=owner, search_text__contains=word).filter(
            search_text__regex=rf"(^|[\W_]){word}").values("pk")
        queryset = queryset.filter(Q(pk__in=_people_with_word(word, owner)) | Q(organization_id__in=organizations))
    return queryset
