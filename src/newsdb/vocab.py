"""Controlled vocabularies.

Each is a ``StrEnum`` stored as a plain string column with a named CHECK constraint, so the
same values hold on SQLite and PostgreSQL and a SQL client cannot write a value the Python
code would refuse. Autogenerate cannot see a change here: write that migration by hand.
"""

from enum import StrEnum


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    STATE = "state"
    ARMED_GROUP = "armed_group"
    #: an unnamed plurality credited with a view: "analysts", "observers"
    COLLECTIVE = "collective"
    #: a people or social group spoken of: "the Baluch people", "young Pakistanis"
    POPULATION = "population"
    #: one unnamed individual: "a senior official"
    ANONYMOUS = "anonymous"


class Sector(StrEnum):
    """What kind of source an actor is."""

    GOVERNMENT = "government"
    MILITARY = "military"
    POLICE = "police"
    INTELLIGENCE = "intelligence"
    JUDICIARY = "judiciary"
    POLITICAL_PARTY = "political_party"
    POLITICIAN = "politician"
    ARMED_GROUP = "armed_group"
    THINK_TANK = "think_tank"
    ACADEMIA = "academia"
    EXPERT = "expert"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    MEDIA = "media"
    CIVIL_SOCIETY = "civil_society"
    AFFECTED_COMMUNITY = "affected_community"
    BUSINESS = "business"
    RELIGIOUS = "religious"
    OTHER = "other"
    UNKNOWN = "unknown"


class QuoteKind(StrEnum):
    #: a whole sentence or more in quotation marks, attributed by a cue
    DIRECT = "direct"
    #: quoted words inside the writer's own sentence
    PARTIAL = "partial"
    #: reported speech without quotation marks
    INDIRECT = "indirect"


class AttributionMode(StrEnum):
    """On whose word a claim rests."""

    NAMED_PERSON = "named_person"
    #: a state, organisation or official statement: "Iran said", "in a statement"
    INSTITUTION = "institution"
    UNNAMED_OFFICIAL = "unnamed_official"
    #: "analysts said", "observers said"
    VAGUE_COLLECTIVE = "vague_collective"
    #: agentless: "were reported to", "widely understood"
    PASSIVE = "passive"
    #: the writer's own voice, no attribution
    WRITER = "writer"


#: Modes whose claim names (or must name) a source actor.
MODES_WITH_SOURCE = (
    AttributionMode.NAMED_PERSON,
    AttributionMode.INSTITUTION,
    AttributionMode.UNNAMED_OFFICIAL,
    AttributionMode.VAGUE_COLLECTIVE,
)


class Certainty(StrEnum):
    ASSERTED = "asserted"
    #: "seemed to", "appeared to", "seemingly", "widely understood"
    HEDGED = "hedged"
    #: "are expected in early February"
    EXPECTED = "expected"
    #: "could inflame"
    POSSIBLE = "possible"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
    UNKNOWN = "unknown"


class DateResolution(StrEnum):
    """How a date as written became a normalised date."""

    #: the text gives it absolutely: "in 1947", "since 2003"
    STATED = "stated"
    #: resolved against the publication date: "Thursday", "Dec. 15"
    RELATIVE = "relative"
    #: taken from a source outside the text, named beside it
    OUTSIDE = "outside"
    #: reasoned from the text, the reasoning named beside it
    INFERRED = "inferred"
    UNRESOLVED = "unresolved"


class EventType(StrEnum):
    AIRSTRIKE = "airstrike"
    ATTACK = "attack"
    ARMED_CLASH = "armed_clash"
    SHELLING = "shelling"
    INSURGENCY = "insurgency"
    STATEMENT = "statement"
    DIPLOMACY = "diplomacy"
    POLITICAL_REMOVAL = "political_removal"
    ARREST = "arrest"
    PROTEST = "protest"
    ELECTION = "election"
    REGIME_CHANGE = "regime_change"
    REVOLUTION = "revolution"
    FUNDING = "funding"
    LOAN = "loan"
    CRISIS = "crisis"
    FOUNDING = "founding"
    OTHER = "other"


class ParticipantRole(StrEnum):
    INITIATOR = "initiator"
    TARGET = "target"
    VICTIM = "victim"
    LOCATION = "location"
    SUBJECT = "subject"
    PARTICIPANT = "participant"
    AFFECTED = "affected"
    LENDER = "lender"
    RECIPIENT = "recipient"
    SPEAKER = "speaker"


class Origin(StrEnum):
    """Where a metadata value came from."""

    TEXT = "text"
    OUTSIDE = "outside"
    INFERENCE = "inference"
    UNKNOWN = "unknown"


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class PublishedQualifier(StrEnum):
    """How the stored publication date relates to the real one."""

    EXACT = "exact"
    ON_OR_AFTER = "on_or_after"
    ON_OR_BEFORE = "on_or_before"


class AnnotatorKind(StrEnum):
    HAND = "hand"
    RULE = "rule"
    MODEL = "model"
    IMPORT = "import"


class Verdict(StrEnum):
    CONFIRMED = "confirmed"
    CONTRADICTED = "contradicted"
    PARTLY_CONFIRMED = "partly_confirmed"
    UNVERIFIABLE = "unverifiable"


class ClaimRelationKind(StrEnum):
    CORROBORATES = "corroborates"
    CONFLICTS = "conflicts"


class MetadataField(StrEnum):
    HEADLINE = "headline"
    OUTLET = "outlet"
    BYLINE = "byline"
    URL = "url"
    PUBLISHED = "published"
    LANGUAGE = "language"


#: How the collection questions can be compared (``--by``): one group per article, outlet, or
#: month or year of publication.
GROUPINGS = ("article", "outlet", "month", "year")
