"""The tables that hold one article's rows, and the columns of a plan's rows that name
another row.
"""

from __future__ import annotations

from newsdb import fingerprint
from newsdb.models import (
    Affiliation,
    ArticleMetadata,
    Claim,
    ClaimCheck,
    ClaimEvent,
    ClaimQuote,
    ClaimRelation,
    EventMention,
    EventParticipant,
    EventReport,
    Mention,
    Paragraph,
    Quote,
    TimeExpression,
)

#: The rows that belong to one article, in the order they are inserted.
ARTICLE_TABLES: list[type] = [
    Paragraph,
    ArticleMetadata,
    Mention,
    EventReport,
    EventMention,
    EventParticipant,
    Affiliation,
    Quote,
    Claim,
    ClaimEvent,
    ClaimQuote,
    ClaimRelation,
    ClaimCheck,
    TimeExpression,
]
_BY_CLAIM = {ClaimEvent, ClaimQuote, ClaimRelation, ClaimCheck}


#: the columns of a plan's rows that refer to another row, and the kind of row they name (a
#: parent, an actor's or an event's, may be either kind: its reference says which)
FOREIGN = {**fingerprint.REFERS, "parent_id": None}
