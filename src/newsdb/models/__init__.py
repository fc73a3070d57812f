"""The newsdb schema. Importing this package registers every table on ``Base.metadata``."""

from newsdb.models.actor import Actor, ActorAlias, Affiliation, Mention
from newsdb.models.annotator import Annotator
from newsdb.models.article import Article, ArticleFingerprint, ArticleMetadata, Paragraph
from newsdb.models.base import Base
from newsdb.models.claim import Claim, ClaimCheck, ClaimEvent, ClaimQuote, ClaimRelation
from newsdb.models.descriptions import describe
from newsdb.models.event import Event, EventMention, EventParticipant, EventReport
from newsdb.models.quote import Quote
from newsdb.models.tally import (
    ArticleActorTally,
    ArticleGeographyTally,
    ArticleModeTally,
    ArticleNetworkTally,
    ClaimSupportTally,
)
from newsdb.models.time import TimeExpression

describe(Base.metadata)

#: the tables whose rows belong to one article (by its id, or by one of its claims'), in the
#: order the loader inserts them; removal and the loader both read it
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

__all__ = [
    "ARTICLE_TABLES",
    "Actor",
    "ActorAlias",
    "Affiliation",
    "Annotator",
    "Article",
    "ArticleActorTally",
    "ArticleFingerprint",
    "ArticleGeographyTally",
    "ArticleMetadata",
    "ArticleModeTally",
    "ArticleNetworkTally",
    "Base",
    "Claim",
    "ClaimCheck",
    "ClaimEvent",
    "ClaimQuote",
    "ClaimRelation",
    "ClaimSupportTally",
    "Event",
    "EventMention",
    "EventParticipant",
    "EventReport",
    "Mention",
    "Paragraph",
    "Quote",
    "TimeExpression",
]
