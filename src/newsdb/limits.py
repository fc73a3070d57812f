"""The limits newsdb holds values to, declared once: the annotation format
(:mod:`newsdb.annotation`), the loader, the models' CHECK constraints and migration 0013 all
read them here, so SQLite and PostgreSQL refuse the same values, and refuse them in the same
words before the database is reached.

Lengths count characters (what PostgreSQL's ``varchar(n)`` and both databases' ``length()``
count). A *line* is one line of printable text: a name, a slug, a role, a place. A *text* may
run over lines (a note, a proposition, the body) and keeps tab, line feed, vertical tab, form
feed and carriage return. Neither holds NUL (PostgreSQL cannot store it in text at all) nor
any other control character: C0 (U+0001-U+001F), DEL and C1 (U+007F-U+009F), which a
terminal acts on (ESC starts an escape sequence, BEL rings) and no news text needs.
"""

from __future__ import annotations

import re

#: the largest integer both databases hold in an INTEGER column (PostgreSQL's int4)
INT_MAX = 2**31 - 1

SLUG = 200  #: an actor's, event's or article's slug
KEY = 100  #: a quote's or claim's id, a check's aspect
NAME = 500  #: a name, an alias, a role, a place, a date or toll as written, a checked value
#: BCP 47 language tags: RFC 5646 (4.4.1) asks implementations to take at least 35 characters
LANGUAGE = 35
CUE = 200  #: the words that attribute a quote or claim ("said", "according to")
WIKIDATA = 20  #: Q and digits
FILE_NAME = 255  #: the article's text file, a name in its folder (most file systems' limit)
HEADLINE = 1_000
URL = 2_000  #: the longest URL browsers and servers commonly take
TEXT = 10_000  #: a note, a proposition, a source, a metadata value
#: the body, in characters: a hard ceiling, far above the file cap below, so raising the cap
#: with --max-size still loads; both databases hold far more, but a body this long is no article
BODY = 50_000_000

MB = 1024 * 1024
#: Files over these sizes are refused before they are read (``newsdb load --max-size MB``
#: raises both). The longest news articles run to some 100 KB of text and their annotation
#: to a few hundred KB; a loader that placed every quoted reference of a 20 MB body ran for
#: minutes and gigabytes (issue 13), so the defaults stay some twenty times above real
#: articles and far below what hurts.
MAX_ANNOTATION_BYTES = 5 * MB
MAX_TEXT_BYTES = 2 * MB
#: what --max-size may raise the caps to (the body's ceiling above, in bytes of UTF-8 at most)
MAX_SIZE_MB = BODY // MB

#: the control characters each kind of value may not hold besides NUL, as code point ranges;
#: a text keeps \t, \n, \v, \f and \r (U+0009-U+000D)
RANGES = {
    "line": ((0x01, 0x1F), (0x7F, 0x9F)),
    "text": ((0x01, 0x08), (0x0E, 0x1F), (0x7F, 0x9F)),
}
_FORBIDDEN = {
    kind: re.compile("[\x00" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in ranges) + "]")
    for kind, ranges in RANGES.items()
}


def first_control(value: str, kind: str = "line") -> int | None:
    """The index of the first character a ``kind`` of value ("line" or "text") may not hold."""
    found = _FORBIDDEN[kind].search(value)
    return None if found is None else found.start()


def control_character(value: str, kind: str = "line") -> str | None:
    """Why ``value`` may not be stored as a ``kind`` ("line" or "text"), or None if it may."""
    at = first_control(value, kind)
    if at is None:
        return None
    char = value[at]
    what = "a NUL" if char == "\0" else "a line break" if char in "\n\r" else "a control character"
    return f"{what} (U+{ord(char):04X}) at character {at + 1}"


#: The columns the database holds to these limits (migration 0013), table by table: each
#: column's longest length (None: what its span in the body allows) and the kind of value it
#: is ("line", "text", or None for words of the body, which the body's own check covers).
COLUMNS: dict[str, dict[str, tuple[int | None, str | None]]] = {
    "annotator": {"name": (NAME, "line"), "note": (TEXT, "text")},
    "article": {
        "slug": (SLUG, "line"),
        "headline": (HEADLINE, "line"),
        "outlet": (NAME, "line"),
        "byline": (NAME, "line"),
        "url": (URL, "line"),
        "language": (LANGUAGE, "line"),
        "body": (BODY, "text"),
    },
    "article_metadata": {"value": (TEXT, "text"), "source": (TEXT, "text"), "note": (TEXT, "text")},
    "actor": {
        "slug": (SLUG, "line"),
        "name": (NAME, "line"),
        "wikidata_id": (WIKIDATA, "line"),
        "note": (TEXT, "text"),
    },
    "actor_alias": {"alias": (NAME, "line")},
    "affiliation": {
        "role": (NAME, "line"),
        "location": (NAME, "line"),
        "location_as_written": (NAME, "line"),
    },
    "event": {
        "slug": (SLUG, "line"),
        "name": (NAME, "line"),
        "location": (NAME, "line"),
        "date_source": (TEXT, "text"),
    },
    "event_report": {"date_as_written": (NAME, "line"), "fatalities_as_written": (NAME, "line")},
    "quote": {"key": (KEY, "line"), "cue": (CUE, None)},
    "claim": {"key": (KEY, "line"), "proposition": (TEXT, "text"), "cue": (CUE, None)},
    "claim_check": {
        "aspect": (KEY, "line"),
        "stated_value": (NAME, "line"),
        "checked_value": (NAME, "line"),
        "source": (TEXT, "text"),
        "note": (TEXT, "text"),
    },
}
#: integer columns held to 0..INT_MAX as well as the database's own type
INTEGERS: dict[str, tuple[str, ...]] = {"event_report": ("fatalities",)}
