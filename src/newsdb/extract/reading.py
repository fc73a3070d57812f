"""Reading the texts to draft from: UTF-8 text under a size cap, or one clear reason why not."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from newsdb import limits
from newsdb.body import stored_body

#: the largest text drafted unless asked for more (``--max-bytes``)
MAX_BYTES = 20 * 1024 * 1024
#: control characters allowed in text
_TEXT_CONTROLS = set("\n\r\t\f\v")
NUL = b"\0"


class InputError(Exception):
    """A text that cannot be drafted from; ``str()`` is one line naming it and the reason."""

    def __init__(self, where: str | Path, reason: str):
        self.where, self.reason = str(where), reason
        super().__init__(f"{where}: {reason}")


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, refused when it is missing, unreadable or over ``max_bytes``."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                path,
                f"{size:,} bytes, over the cap of {max_bytes:,} (raise it with --max-bytes)",
            )
        return path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror or error}") from None


def decode(where: str | Path, raw: bytes) -> str:
    """``raw`` as the body newsdb stores (:mod:`newsdb.body`): refused when empty, binary or
    not UTF-8."""
    if not raw.strip():
        raise InputError(where, "empty: there is no text to draft from")
    if b"\0" in raw:
        raise InputError(where, f"binary, not text: a NUL byte at offset {raw.index(NUL)}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            where,
            f"not UTF-8: byte 0x{raw[error.start]:02x} at offset {error.start} ({error.reason});"
            " convert it first, e.g. iconv -f latin1 -t utf-8",
        ) from None
    text = stored_body(text)  # no BOM, LF line ends: the body the loader stores
    check_text(where, text)
    return text


def check_text(where: str | Path, text: str, max_bytes: int | None = None) -> None:
    """Refuse a text that is empty, over the cap, mostly control characters (binary), or that
    holds one a body may not (:func:`newsdb.limits.first_control`)."""
    if not text.strip():
        raise InputError(where, "empty: there is no text to draft from")
    if "\0" in text:
        raise InputError(where, f"binary, not text: a NUL character at offset {text.index(chr(0))}")
    if max_bytes is not None and len(text.encode("utf-8")) > max_bytes:
        raise InputError(where, f"over the cap of {max_bytes:,} bytes (raise it with --max-bytes)")
    sample = text[:10_000]
    controls = sum(
        1 for c in sample if c not in _TEXT_CONTROLS and unicodedata.category(c) in ("Cc", "Cs")
    )
    if controls > max(3, len(sample) // 100):  # a few in a short text: named below
        raise InputError(where, f"binary, not text: {controls} control characters in its start")
    at = limits.first_control(text, "text")
    if at is not None:  # one, as mojibake leaves (U+0083): a body holds no such character
        line = text.count("\n", 0, at) + 1
        raise InputError(
            where,
            f"{limits.control_character(text, 'text')} (line {line}): an article's text is"
            " printable text; remove or replace it first",
        )
