"""Drafts: which annotators' rows a later annotation may take over, and a draft's article
adopted by the annotation of its text.
"""

from __future__ import annotations

from sqlalchemy import select, union, update
from sqlalchemy.orm import Session

from newsdb.loader.plan import Plan
from newsdb.models import (
    Affiliation,
    Annotator,
    Article,
    Claim,
    EventMention,
    EventParticipant,
    EventReport,
    Mention,
    Quote,
    TimeExpression,
)

#: the article's rows that name the annotator who made them
_PROVENANCE = [
    Mention,
    Affiliation,
    Quote,
    Claim,
    EventReport,
    EventMention,
    EventParticipant,
    TimeExpression,
]
#: annotators whose rows a later annotation of the same text may take over: drafts
DRAFTING = ("rule", "model")


def annotators_of(session: Session, article_id: int) -> set[tuple[str, str]]:
    """The (kind, name) of every annotator with rows in the article."""
    annotators = union(
        *(select(m.annotator_id).where(m.article_id == article_id) for m in _PROVENANCE)
    )
    rows = session.execute(
        select(Annotator.kind, Annotator.name).where(Annotator.id.in_(annotators))
    )
    return {tuple(row) for row in rows}


def drafted_only(session: Session, article_id: int) -> bool:
    """Whether every annotation row of the article was drafted (by rules or a model)."""
    return all(kind in DRAFTING for kind, _ in annotators_of(session, article_id))


def _adopt_draft(session: Session, plan: Plan) -> None:
    """An annotation of a text that a draft stored under another slug takes that article
    over: the article gets this annotation's slug, and its rows are then replaced as usual.
    A text annotated by hand keeps its slug: a draft of it is refused, and so is a second
    slug for it by hand, naming the stored one (the database refused it, in its words)."""
    slug, digest = plan.article["slug"], plan.article["sha256"]
    if session.scalar(select(Article.id).where(Article.slug == slug)) is not None:
        return
    other = session.scalar(select(Article.id).where(Article.sha256 == digest))
    if other is None:
        return
    if drafted_only(session, other):
        session.execute(update(Article).where(Article.id == other).values(slug=slug))
        return
    stored = session.scalar(select(Article.slug).where(Article.id == other))
    if plan.doc.annotator.kind in DRAFTING:
        raise plan.fail(
            f"this text is stored as {stored!r}, annotated by hand: a draft does not replace it",
            "article",
            "slug",
        )
    raise plan.fail(
        f"this text is stored already as {stored!r}: give the annotation that slug, or"
        f" `newsdb delete {stored}` first",
        "article",
        "slug",
    )
