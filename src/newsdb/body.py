"""What newsdb stores of an article's text file: its words, not how the file was saved.

A byte-order mark at the start (Windows editors write one, U+FEFF) is dropped, and every
line end is stored as LF: CRLF and a lone CR become ``\\n``. Two files of the same words
saved on Windows and on Linux are one text, every span and paragraph holds words and LF only,
and the words of an annotation, whose YAML reads line ends as LF, are found across a line
break. The stored sha256 is of the stored body (``newsdb verify`` recomputes it); the
annotation may declare that one or the file's own (``sha256sum article.txt``): they are the
same for a file saved with LF and no mark.
"""

from __future__ import annotations

import hashlib

BOM = "\ufeff"


def stored_body(text: str) -> str:
    """``text`` (a whole file, decoded) as newsdb stores it: no leading BOM, LF line ends."""
    return text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")


def sha256(body: str) -> str:
    """The sha256 newsdb stores for a body: of its UTF-8 bytes, in hex."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()
