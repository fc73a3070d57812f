"""Four of a new article's tallies counted from its plan, as :data:`newsdb.tally.TALLIES`
counts them from its rows, so that a bulk load writes them with the rows instead of counting
them again in SQL.

The actor, mode, network and support tallies read nothing but the article's own rows and its
publication date: what the plan holds. Counting them here, where :func:`newsdb.bulk.read_one`
takes the fingerprint (a worker process with ``--jobs``), takes their recount off the path
of the writer and of PostgreSQL's server. The rows name actors and claims by natural key,
``("actor", slug)`` and ``("claim", key)``, as the plan's rows do; :func:`rows` turns them
into ids once the article's are known. The geography tally reads the shared actors and events
too (country, parent, kind, place), which another article may set: it is placed when the
rows are written (:mod:`newsdb.batch_geography`).

:data:`newsdb.tally.TALLIES` stays the one definition: ``newsdb verify`` and the tests hold
what is counted here to it. Each function below says which of its clauses it follows.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from typing import Any

from newsdb import tally
from newsdb.models import (
    ArticleActorTally,
    ArticleModeTally,
    ArticleNetworkTally,
    Claim,
    ClaimQuote,
    ClaimRelation,
    ClaimSupportTally,
    Mention,
    Quote,
)
from newsdb.vocab import QuoteKind

#: the tallies counted from the plan, by table
MODELS = {
    model.__tablename__: model
    for model in (ArticleActorTally, ArticleModeTally, ArticleNetworkTally, ClaimSupportTally)
}
#: each one's columns as TALLIES gives them, but the article's id (known when it is written)
COLUMNS = {
    table: tuple(c for c in tally.TALLIES[table][0] if c != "article_id") for table in MODELS
}
#: the columns that name another row by natural key
_REFERS = {"actor_id", "speaker_id", "mentioned_id", "claim_id"}
#: the kinds of quote whose words are counted (TALLIES' ``_WORDS``)
_WORDED = (QuoteKind.DIRECT, QuoteKind.PARTIAL)

Tallies = dict[str, list[tuple]]


def of_plan(plan) -> Tallies:
    """The four tallies' rows of ``plan``, by table, in :data:`COLUMNS` order: those
    :func:`newsdb.bulk.read_one` counted already, where it did."""
    if plan.tallies is not None:
        return plan.tallies
    rows, date = plan.rows, iso_date(plan.article["published_date"])
    return {
        "article_actor_tally": _actors(rows, date),
        "article_mode_tally": _modes(rows, date),
        "article_network_tally": _network(rows, date),
        "claim_support_tally": _support(rows, date),
    }


def iso_date(date: dt.date | None) -> str | None:
    """A date as both backends take it (ISO form, as SQLite stores a date): sqlite3 adapts a
    date object in Python, once a row (~0.7 µs), where a string is bound as it is."""
    return None if date is None else date.isoformat()


def rows(plan, article_id: int, ids: dict) -> list[tuple[type, tuple[str, ...], list[tuple]]]:
    """The plan's tallies as rows to write, (model, columns, rows), with the article's id and
    ids for the natural keys (``ids``: :attr:`newsdb.loader.Keys.ids`)."""
    made = []
    for table, found in of_plan(plan).items():
        columns = COLUMNS[table]
        refs = [i for i, column in enumerate(columns) if column in _REFERS]
        out = []
        for row in found:
            row = list(row)
            for i in refs:
                row[i] = ids[row[i]]
            out.append((article_id, *row))
        made.append((MODELS[table], ("article_id", *columns), out))
    return made


def _words(quote: dict[str, Any]) -> int:
    """TALLIES' ``_WORDS``: the spaces of a direct or partial quote, plus one; else none."""
    return quote["text"].count(" ") + 1 if quote["kind"] in _WORDED else 0


def _actors(rows, date) -> list[tuple]:
    """article_actor_tally: per actor, its mentions, the quotes it speaks and their words,
    and the claims whose source it is (a claim with no source counts for no one)."""
    counts: dict[Any, list[int]] = {}
    for mention in rows[Mention]:
        counts.setdefault(mention["actor_id"], [0, 0, 0, 0])[0] += 1
    for quote in rows[Quote]:
        c = counts.setdefault(quote["speaker_id"], [0, 0, 0, 0])
        c[1] += 1
        c[2] += _words(quote)
    for claim in rows[Claim]:
        if claim["source_id"] is not None:
            counts.setdefault(claim["source_id"], [0, 0, 0, 0])[3] += 1
    return [(actor, date, *c) for actor, c in counts.items()]


def _modes(rows, date) -> list[tuple]:
    """article_mode_tally: the claims of each attribution mode."""
    modes = Counter(str(claim["attribution_mode"]) for claim in rows[Claim])
    return [(mode, date, n) for mode, n in modes.items()]


def _network(rows, date) -> list[tuple]:
    """article_network_tally: each mention inside a quote's span of another actor than the
    speaker makes a pair (speaker, actor); per pair, the distinct quotes and the mentions
    (COUNT(*): one a quote and mention that meet)."""
    mentions = sorted((m["span_start"], m["span_end"], m["actor_id"]) for m in rows[Mention])
    starts = [m[0] for m in mentions]
    quotes: dict[tuple, set[str]] = {}
    pairs: Counter = Counter()
    for quote in rows[Quote]:
        q_start, q_end, speaker = quote["span_start"], quote["span_end"], quote["speaker_id"]
        for start, end, actor in mentions[bisect.bisect_left(starts, q_start) :]:
            if start > q_end:  # spans are start < end (span_order): none further is inside
                break
            if end <= q_end and actor != speaker:
                pairs[(speaker, actor)] += 1
                quotes.setdefault((speaker, actor), set()).add(quote["key"])
    return [(s, a, date, len(quotes[(s, a)]), n) for (s, a), n in pairs.items()]


def _support(rows, date) -> list[tuple]:
    """claim_support_tally: for every claim, its distinct sources (its own, the speakers of
    the quotes it rests on, the sources of the claims that corroborate it either way) and the
    distinct claims that conflict with it either way. A reference to a quote or claim the plan
    lacks joins nothing, as in SQL."""
    claims = {claim["key"]: claim for claim in rows[Claim]}
    speakers = {quote["key"]: quote["speaker_id"] for quote in rows[Quote]}
    sources = {key: {c["source_id"]} - {None} for key, c in claims.items()}
    conflicts: dict[str, set[str]] = {key: set() for key in claims}
    for link in rows[ClaimQuote]:
        claim, quote = link["claim_id"][1], link["quote_id"][1]
        if claim in sources and quote in speakers:
            sources[claim].add(speakers[quote])
    for relation in rows[ClaimRelation]:
        one, other = relation["claim_id"][1], relation["other_claim_id"][1]
        if one not in claims or other not in claims:
            continue
        if relation["relation"] == "corroborates":
            sources[one].add(claims[other]["source_id"])
            sources[other].add(claims[one]["source_id"])
        elif relation["relation"] == "conflicts":
            conflicts[one].add(other)
            conflicts[other].add(one)
    return [
        (
            ("claim", key),
            date,
            str(c["attribution_mode"]),  # a str binds faster than a StrEnum member (SQLite)
            len(sources[key] - {None}),
            len(conflicts[key]),
        )
        for key, c in claims.items()
    ]
