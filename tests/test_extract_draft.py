"""Drafts become the same validated annotation document a person writes, and load by the one
road every annotation takes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from newsdb import textref
from newsdb.extract import RULESET, VERSION
from newsdb.extract.draft import extract, text_slug, to_annotation
from newsdb.extract.refs import ref
from newsdb.extract.types import (
    ActorDraft,
    AffiliationDraft,
    Attribution,
    Draft,
    Span,
    TimeDraft,
)
from newsdb.loader import AnnotationError, load_folder, plan_document, store
from newsdb.models import Affiliation, Annotator, Article, Claim, Mention, Quote, TimeExpression
from newsdb.verify import problems
from newsdb.vocab import ActorKind, AttributionMode, DatePrecision, DateResolution

ROOT = Path(__file__).parents[1]
SEED = ROOT / "seeds" / "pakistan-iran-off-ramp"
MINI = Path(__file__).parent / "data" / "mini"

BODY = (
    "Officials said the bridge fell on Monday. “It was a disaster,” said Jane Doe, an engineer"
    " at Acme Corp. “We warned them,” she added.\n"
    "Analysts said more will fall. The bridge was reported to be old. The bridge opened in 1990."
)


def at(body: str, words: str, occurrence: int = 1) -> Span:
    start = -1
    for _ in range(occurrence):
        start = body.index(words, start + 1)
    return Span.of(body, start, start + len(words))


def hand_made_draft() -> Draft:
    """A draft built by hand, as the steps would return it, with words that repeat."""
    b = BODY
    said = [at(b, "said", n) for n in (1, 2, 3)]
    attributions = [
        Attribution("indirect", AttributionMode.UNNAMED_OFFICIAL, at(b, "the bridge fell on Monday"),
                    said[0], at(b, "Officials"), "officials", ActorKind.COLLECTIVE, 0.7),
        Attribution("direct", AttributionMode.NAMED_PERSON, at(b, "It was a disaster,"), said[1],
                    at(b, "Jane Doe"), "Jane Doe", ActorKind.PERSON, 0.9),
        Attribution("direct", AttributionMode.NAMED_PERSON, at(b, "We warned them,"),
                    at(b, "added"), at(b, "she"), "Jane Doe", ActorKind.PERSON, 0.8, continues=1),
        Attribution("indirect", AttributionMode.VAGUE_COLLECTIVE, at(b, "more will fall"), said[2],
                    at(b, "Analysts"), "analysts", ActorKind.COLLECTIVE, 0.7),
        Attribution("indirect", AttributionMode.PASSIVE, at(b, "The bridge was reported to be old."),
                    at(b, "was reported to"), None, None, None, 0.6),
        Attribution("writer", AttributionMode.WRITER, at(b, "The bridge opened in 1990."), None,
                    None, None, None, 0.5),
    ]  # fmt: skip
    actors = [
        ActorDraft("Jane Doe", ActorKind.PERSON, [at(b, "Jane Doe")], 0.9),
        ActorDraft("Acme Corp", ActorKind.ORGANISATION, [at(b, "Acme Corp")], 0.8),
        ActorDraft("officials", ActorKind.COLLECTIVE, [at(b, "Officials")], 0.6),
    ]
    affiliations = [
        AffiliationDraft(
            "Jane Doe", at(b, "an engineer at Acme Corp"), 0.85, "Acme Corp", "engineer"
        )
    ]
    times = [
        TimeDraft(at(b, "on Monday"), 0.8, dt.date(2024, 3, 4), None, DatePrecision.DAY,
                  DateResolution.RELATIVE),
        TimeDraft(at(b, "1990"), 0.9, dt.date(1990, 1, 1), dt.date(1990, 12, 31),
                  DatePrecision.YEAR, DateResolution.STATED),
    ]  # fmt: skip
    return Draft(BODY, dt.date(2024, 3, 5), attributions, actors, affiliations, times)


def annotation(draft: Draft | None = None, slug: str = "drafted-bridge"):
    draft = draft or hand_made_draft()
    return to_annotation(draft, slug=slug, published=dt.date(2024, 3, 5), headline="Bridge falls")


def test_the_document_says_who_drafted_it():
    doc = annotation()
    assert doc.annotator.kind == "rule"
    assert doc.annotator.name == f"{RULESET} {VERSION}"
    assert doc.article.headline.value == "Bridge falls"
    assert doc.article.published.value == dt.date(2024, 3, 5)
    items = [*doc.actors, *doc.affiliations, *doc.quotes, *doc.claims, *doc.times]
    assert all(item.confidence is not None and 0 <= item.confidence <= 1 for item in items)


def test_every_span_of_the_draft_is_placed_where_the_steps_found_it():
    draft = hand_made_draft()
    plan = plan_document(Path("x/annotations.yaml"), annotation(draft), BODY.encode())
    quotes = {(r["span_start"], r["span_end"]) for r in plan.rows[Quote]}
    cues = {(r["cue_start"], r["cue_end"]) for r in plan.rows[Quote]}
    assert quotes == {(a.content.start, a.content.end) for a in draft.attributions[1:3]}
    assert cues == {(a.cue.start, a.cue.end) for a in draft.attributions[1:3]}
    claims = sorted(
        (r["span_start"], r["cue_start"], r["attribution_mode"]) for r in plan.rows[Claim]
    )
    assert claims == sorted(
        (a.content.start, a.cue.start if a.cue else None, a.mode) for a in draft.attributions
    )
    times = {(r["span_start"], r["span_end"], r["start_date"]) for r in plan.rows[TimeExpression]}
    assert times == {(t.span.start, t.span.end, t.start) for t in draft.times}


def test_quotes_claims_and_sources_are_linked():
    doc = annotation()
    slugs = {a.name: a.slug for a in doc.actors}
    assert set(slugs) == {"Jane Doe", "Acme Corp", "officials", "analysts"}
    first, second = doc.quotes
    assert (first.speaker, second.speaker) == (slugs["Jane Doe"], slugs["Jane Doe"])
    assert second.continues == first.id
    by_mode = {c.mode: c for c in doc.claims}
    assert by_mode["unnamed_official"].source == slugs["officials"]
    assert by_mode["vague_collective"].source == slugs["analysts"]
    assert by_mode["passive"].source is None and by_mode["writer"].cue is None
    assert [c.quotes for c in doc.claims if c.quotes] == [[first.id], [second.id]]
    jane = next(a for a in doc.actors if a.name == "Jane Doe")
    placed = {textref.resolve(BODY, m).text for m in jane.mentions}
    assert placed == {"Jane Doe", "she"}  # "she added" names her too
    (aff,) = doc.affiliations
    assert (aff.person, aff.organisation, aff.role) == (
        slugs["Jane Doe"],
        slugs["Acme Corp"],
        "engineer",
    )


def test_slugs_are_unique_and_stable():
    draft = hand_made_draft()
    draft.actors.append(ActorDraft("Jane  Doe", ActorKind.PERSON, [], 0.3))
    slugs = [a.slug for a in annotation(draft).actors]
    assert len(slugs) == len(set(slugs)) and "jane-doe-2" in slugs
    assert slugs == [a.slug for a in annotation(draft).actors]
    assert text_slug(BODY) == text_slug(BODY) and text_slug(BODY).startswith("officials-said-the")
    assert text_slug(BODY) != text_slug(BODY + " ")


def test_what_cannot_be_stated_is_lowered_not_refused():
    """A quote not between marks is no quote; a source-naming mode without a source, and an
    attributed one without its cue, become what the draft can state."""
    draft = hand_made_draft()
    b = BODY
    draft.attributions += [
        Attribution("direct", AttributionMode.NAMED_PERSON, at(b, "more will fall"), None, None,
                    "Jane Doe", ActorKind.PERSON, 0.8),
        Attribution("indirect", AttributionMode.INSTITUTION, at(b, "The bridge", 2),
                    at(b, "was reported to"), None, None, None, 0.8),
    ]  # fmt: skip
    doc = annotation(draft)
    assert len(doc.quotes) == 2
    modes = [c.mode for c in doc.claims[-2:]]
    assert modes == ["writer", "passive"]
    assert all(c.confidence == 0.4 for c in doc.claims[-2:])
    plan_document(Path("x/annotations.yaml"), doc, b.encode())


def test_refs_place_every_word_of_the_seed_back():
    body = (SEED / "article.txt").read_text(encoding="utf-8")
    words = [m.span() for m in re.finditer(r"\w+(?: \w+)?", body)]
    for start, end in words:
        found = textref.resolve(body, ref(body, start, end))
        assert (found.start, found.end) == (start, end)


def _load(engine, doc, raw: bytes):
    plan = plan_document(Path("x/annotations.yaml"), doc, raw)
    with Session(engine) as session, session.begin():
        return store(session, plan)


def test_a_draft_loads_and_verifies(engine):
    report = _load(engine, annotation(), BODY.encode())
    assert report.status == "inserted"
    assert _load(engine, annotation(), BODY.encode()).changed is False
    with Session(engine) as session:
        assert problems(session) == []
        kinds = set(session.scalars(select(Annotator.kind)))
        assert kinds == {"rule"}
        confidences = {
            model.__tablename__: sorted(session.scalars(select(model.confidence)))
            for model in (Mention, Affiliation, Quote, Claim, TimeExpression)
        }
        assert confidences["quote"] == [0.8, 0.9]
        assert confidences["affiliation"] == [0.85]
        assert 0.9 in confidences["mention"] and None not in confidences["mention"]
        times = session.execute(
            select(
                TimeExpression.as_written, TimeExpression.start_date, TimeExpression.precision
            ).order_by(TimeExpression.span_start)
        ).all()
        assert [tuple(t) for t in times] == [
            ("on Monday", dt.date(2024, 3, 4), "day"),
            ("1990", dt.date(1990, 1, 1), "year"),
        ]


def test_the_database_holds_confidence_to_0_1(engine):
    _load(engine, annotation(), BODY.encode())
    for table in ("quote", "claim", "mention", "affiliation", "time_expression"):
        with engine.connect() as connection, pytest.raises(IntegrityError):
            connection.execute(text(f"UPDATE {table} SET confidence = 1.5"))
    with engine.connect() as connection, pytest.raises(IntegrityError):
        connection.execute(text("UPDATE time_expression SET precision = 'unknown'"))


def test_the_seed_drafted_loads_and_verifies(engine):
    raw = (SEED / "article.txt").read_bytes()
    body = raw.decode("utf-8")
    draft = extract(body, dt.date(2024, 1, 19))
    doc = to_annotation(draft, slug=text_slug(body), published=dt.date(2024, 1, 19))
    assert len(doc.quotes) >= 8 and len(doc.claims) >= 30
    _load(engine, doc, raw)
    with Session(engine) as session:
        assert problems(session) == []
        assert session.scalar(select(func.count()).select_from(Quote)) == len(doc.quotes)


def _drafted_mini(engine, slug: str = "mini-drafted"):
    raw = (MINI / "article.txt").read_bytes()
    body = raw.decode("utf-8")
    return _load(engine, to_annotation(extract(body), slug=slug, published=None), raw)


def test_a_hand_annotation_replaces_the_draft(engine):
    _drafted_mini(engine)
    with Session(engine) as session, session.begin():
        load_folder(session, MINI)
    with Session(engine) as session:
        assert list(session.scalars(select(Article.slug))) == ["mini-bridge"]
        for model in (Quote, Claim, Mention, TimeExpression):
            kinds = set(
                session.scalars(
                    select(Annotator.kind).join(model, model.annotator_id == Annotator.id)
                )
            )
            assert kinds <= {"hand"}, model.__tablename__
        assert session.scalar(select(func.count()).select_from(Quote)) == 2
        assert session.scalar(select(func.count()).select_from(TimeExpression)) == 0
        assert problems(session) == []


def test_a_draft_never_takes_over_a_hand_annotation(engine):
    with Session(engine) as session, session.begin():
        load_folder(session, MINI)
    with pytest.raises(AnnotationError, match="stored as 'mini-bridge', annotated by hand"):
        _drafted_mini(engine)
    with Session(engine) as session:
        assert list(session.scalars(select(Article.slug))) == ["mini-bridge"]


def test_verify_checks_the_time_expressions(engine):
    _load(engine, annotation(), BODY.encode())
    with engine.begin() as connection:  # the same length, one character later
        connection.execute(
            text(
                "UPDATE time_expression SET span_start = span_start + 1, span_end = span_end + 1"
                " WHERE as_written = :words"
            ),
            {"words": "on Monday"},
        )
    with Session(engine) as session:
        problem, as_loaded = problems(session)
        assert problem.table == as_loaded.table == "time_expression"
        assert "as_written 'on Monday' but the text at" in problem.reason
        assert as_loaded.check == "annotation" and "1 row(s) changed" in as_loaded.reason


def test_a_source_nobody_was_resolved_for_is_an_actor_by_its_words():
    draft = hand_made_draft()
    b = BODY
    draft.attributions += [
        Attribution("indirect", AttributionMode.UNNAMED_OFFICIAL, at(b, "more will fall"),
                    at(b, "said", 3), at(b, "Analysts"), None, None, 0.8),
        Attribution("indirect", AttributionMode.UNNAMED_OFFICIAL, at(b, "to be old"),
                    at(b, "was reported to"), at(b, "The bridge", 2), None, None, 0.8),
        Attribution("indirect", AttributionMode.NAMED_PERSON, at(b, "It was a disaster,"),
                    at(b, "added"), at(b, "she"), None, None, 0.8),
    ]  # fmt: skip
    doc = annotation(draft)
    assert [c.source for c in doc.claims[-3:-1]] == ["analysts", "the-bridge"]
    bridge = next(a for a in doc.actors if a.slug == "the-bridge")
    assert (bridge.name, bridge.kind, bridge.confidence) == ("The bridge", "anonymous", 0.4)
    assert doc.claims[-1].mode == "passive"  # "she", with nobody found for her
    plan_document(Path("x/annotations.yaml"), doc, b.encode())


@pytest.mark.parametrize(
    ("body", "words"),
    [
        pytest.param('He said: "It is over," and left.', "It is over,", id="straight marks"),
        pytest.param("“The first paragraph\n“and the last.”", "The first paragraph", id="runs on"),
        pytest.param("“Runs on, CRLF\r\n“and ends.”", "Runs on, CRLF", id="runs-on-crlf"),
    ],
)
def test_quotes_may_be_in_straight_marks_or_run_over_paragraphs(body, words):
    from newsdb.loader import between_marks

    start = body.index(words)
    assert between_marks(body, start, start + len(words))
    assert not between_marks(body, start + 1, start + len(words))
    assert not between_marks(body, start, start + len(words) - 1)
