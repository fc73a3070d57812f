"""Each attribution's mode (:class:`newsdb.vocab.AttributionMode`): on whose word it rests."""

from __future__ import annotations

import re

from newsdb.extract.speakers import Speaker
from newsdb.extract.words import OFFICIAL
from newsdb.vocab import ActorKind, AttributionMode

_ANONYMITY = re.compile(
    r"anonymity|not authorized|not authorised|declined to be named|"
    r"asked not to be (?:named|identified)|familiar with",
    re.IGNORECASE,
)
_STATEMENT = re.compile(r"statement", re.IGNORECASE)


def mode_of(speaker: Speaker | None, source_phrase: str, cue: str) -> AttributionMode:
    """The mode of one attribution from its resolved speaker, source words and cue words."""
    if speaker is None:
        return AttributionMode.PASSIVE
    head = speaker.name.lower().split()[-1] if speaker.name else ""
    if _ANONYMITY.search(source_phrase) or head in OFFICIAL:
        return AttributionMode.UNNAMED_OFFICIAL
    if speaker.kind in (ActorKind.STATE, ActorKind.ORGANISATION):
        return AttributionMode.INSTITUTION
    if speaker.kind is ActorKind.PERSON:
        if speaker.named:
            return AttributionMode.NAMED_PERSON
        return AttributionMode.UNNAMED_OFFICIAL
    if speaker.kind is ActorKind.ANONYMOUS:
        return AttributionMode.UNNAMED_OFFICIAL
    if _STATEMENT.search(cue):
        return AttributionMode.INSTITUTION
    return AttributionMode.VAGUE_COLLECTIVE
