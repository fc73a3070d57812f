"""What an article's annotation put in the database, as a fingerprint per table (migration 0014).

The loader stores, for each article and each table its annotation fills, a SHA-256 of the
article's rows of that table in a canonical form, their number, and a short digest of each
row (:class:`newsdb.models.ArticleFingerprint`); ``newsdb verify`` computes the same from the
rows as they stand and names the tables, and the rows, that are not as loaded.

The canonical form is backend-independent: each row is the JSON list of the values of
:data:`COLUMNS`, a date in ISO form, and every reference by its natural key instead of its
id, which differs between loads and backends: ``["actor", slug]``, ``["event", slug]``,
``["quote", key]``, ``["claim", key]``, ``["annotator", [kind, name]]``. The rows are sorted,
so their order does not count. The loader fingerprints the plan it stores (what the
annotation said); verify fingerprints the database; the two agree on every backend for as
long as no row has been changed otherwise.

Paragraphs are left out (they are the body's, and verify recounts them from it), and so are
the shared actors and events themselves (another article's load may complete them); the
article's rows name them by slug.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from json import encoder as _json_encoder
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, delete, select
from sqlalchemy.orm import Session

from newsdb.models import Actor, Annotator, Article, ArticleFingerprint, Base, Claim, Event, Quote
from newsdb.rows import write_rows

try:  # the "fast" extra: a plan's rows in canonical form in a quarter of json's time
    import orjson
except ImportError:  # pragma: no cover - json gives the same bytes
    orjson = None

#: orjson's options: dates (datetimes too) through :func:`_date`, as json writes them, and a
#: dataclass refused, as json refuses it (and then refuses it itself)
_ORJSON = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS if orjson else 0

#: table -> the columns fingerprinted, in order: what the annotation determines. A column
#: added to one of these tables is left out until it is named here (tests hold every column
#: to be named here or in LEFT_OUT), so that old fingerprints stay valid.
COLUMNS: dict[str, tuple[str, ...]] = {
    "article": ("slug", "headline", "outlet", "byline", "url", "published_date",
                "published_precision", "published_qualifier", "language", "sha256"),
    "article_metadata": ("field", "value", "origin", "source", "confidence", "note"),
    "mention": ("actor_id", "span_start", "span_end", "text", "confidence", "annotator_id"),
    "event_report": ("event_id", "date_as_written", "fatalities", "fatalities_as_written",
                     "fatalities_reported_by_id", "fatalities_attribution", "annotator_id"),
    "event_mention": ("event_id", "span_start", "span_end", "text", "annotator_id"),
    "event_participant": ("event_id", "actor_id", "role", "annotator_id"),
    "affiliation": ("person_id", "organisation_id", "role", "descriptor", "location",
                    "location_as_written", "span_start", "span_end", "confidence",
                    "annotator_id"),
    "quote": ("key", "speaker_id", "kind", "text", "span_start", "span_end", "cue",
              "cue_start", "cue_end", "continues_id", "confidence", "annotator_id"),
    "claim": ("key", "text", "span_start", "span_end", "proposition", "attribution_mode",
              "source_id", "cue", "cue_start", "cue_end", "certainty", "confidence",
              "annotator_id"),
    "claim_event": ("claim_id", "event_id"),
    "claim_quote": ("claim_id", "quote_id"),
    "claim_relation": ("claim_id", "other_claim_id", "relation"),
    "claim_check": ("claim_id", "aspect", "stated_value", "checked_value", "verdict", "source",
                    "note", "annotator_id"),
    "time_expression": ("span_start", "span_end", "as_written", "start_date", "end_date",
                        "precision", "resolution", "duration", "confidence", "annotator_id"),
}  # fmt: skip
#: the columns of those tables that are not fingerprinted: ids, times, and the body (whose
#: sha256 is)
LEFT_OUT = {"id", "article_id", "created_at", "body"}
#: the tables whose rows belong to an article through their claim
BY_CLAIM = ("claim_event", "claim_quote", "claim_relation", "claim_check")
#: reference columns and what they refer to
REFERS = {
    "actor_id": "actor",
    "person_id": "actor",
    "organisation_id": "actor",
    "speaker_id": "actor",
    "source_id": "actor",
    "fatalities_reported_by_id": "actor",
    "event_id": "event",
    "quote_id": "quote",
    "continues_id": "quote",
    "claim_id": "claim",
    "other_claim_id": "claim",
    "annotator_id": "annotator",
}
#: hex digits of a row's digest: enough to tell the rows of one article apart (even: whole
#: bytes of the SHA-256)
ROW_DIGEST = 12


@dataclass
class Table:
    """The fingerprint of one article's rows of one table."""

    sha256: str
    row_count: int
    digests: list[str]
    #: digest -> the row in canonical form, for rows computed from the database
    rows: dict[str, str] = field(default_factory=dict)
    columns: Sequence[str] = ()

    def shown(self, digest: str) -> str:
        """The row of ``digest`` in words: (column=value, ...)."""
        if digest not in self.rows:
            return digest
        parts = []
        for column, value in zip(self.columns, json.loads(self.rows[digest]), strict=True):
            if value is None:
                continue
            if isinstance(value, list):  # a reference: kind, key (an annotator's: kind, name)
                value = " ".join(" ".join(v) if isinstance(v, list) else str(v) for v in value[1:])
            text = str(value)
            parts.append(f"{column}={text[:40] + '...' if len(text) > 40 else text}")
        return "(" + ", ".join(parts) + ")"


def _date(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot fingerprint {type(value).__name__}")


def dumped(values: Sequence[Any]) -> str:
    """The canonical form as :func:`json.dumps` gives it (what :func:`canonical` is held to)."""
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"), default=_date)


#: json.dumps's encoder as dumps uses it (json's C encoder, with those options), made once:
#: dumps makes one per call, which cost as much as the encoding (a seed-size article has ~470
#: rows); None where json's C part is not built in
_ENCODE = _json_encoder.c_make_encoder and _json_encoder.c_make_encoder(
    None, _date, _json_encoder.encode_basestring, None, ":", ",", False, False, True
)


def canonical(values: Sequence[Any]) -> str:
    """One row's values, in :data:`COLUMNS` order, in the canonical form: JSON, with tuples as
    lists, dates in ISO form and a vocabulary member as its value (a ``str``)."""
    return "".join(_ENCODE(values, 0)) if _ENCODE else dumped(values)


#: table -> a row's values in :data:`COLUMNS` order, as one tuple taken in C (every table
#: fingerprints two columns or more: itemgetter of one would give the value, not a tuple)
_VALUES = {name: itemgetter(*columns) for name, columns in COLUMNS.items()}


def canonical_rows(name: str, rows: Iterable[dict[str, Any]]) -> list[str]:
    """The canonical form of each of a plan's rows (dicts by column) of table ``name``: what
    :func:`canonical` gives for each, without a Python call and a list per row (a seed-size
    article has ~470 rows: its fingerprint took 1.7 ms of CPU with those, 1.0 without)."""
    return _json_rows(list(map(_VALUES[name], rows)))


def _json_rows(values: list[tuple]) -> list[str]:
    if _ENCODE:  # each row's: "".join(_ENCODE(row, 0))
        return list(map("".join, map(_ENCODE, values, repeat(0))))
    return [dumped(row) for row in values]


def _is_float(name: str, column: str) -> bool:
    try:
        return Base.metadata.tables[name].c[column].type.python_type is float
    except NotImplementedError:  # a type that names no Python type holds no float either
        return False


#: table -> where its columns of floats are in :data:`COLUMNS` order (the confidence of a
#: drafted row): orjson writes 1e-05 as 0.00001 where json writes it as Python does
_FLOATS = {
    name: [i for i, c in enumerate(columns) if _is_float(name, c)]
    for name, columns in COLUMNS.items()
}


def canonical_bytes(name: str, rows: Iterable[dict[str, Any]]) -> list[bytes]:
    """:func:`canonical_rows` as UTF-8, by orjson where it is installed and gives json's bytes:
    compact, UTF-8 unescaped, the same escapes (tests/test_fingerprint_bytes.py compares every
    character), integers alike within 64 bits and floats alike from 1e-4 to 1e16 and 0; for a
    table with another float, or a value orjson refuses (an integer past 64 bits, a lone
    surrogate), json's. A seed-size article's ~470 rows: 0.55 ms of CPU with json (and
    encoding), 0.13 with orjson; its fingerprint ~1.1 -> ~0.6 ms, bulk.ready ~1.5 -> ~0.95."""
    values = list(map(_VALUES[name], rows))
    if orjson is not None and _floats_alike(values, _FLOATS[name]):
        try:
            return list(map(orjson.dumps, values, repeat(_date), repeat(_ORJSON)))
        except TypeError:  # orjson.JSONEncodeError: json gives the bytes, or the error
            pass
    return list(map(str.encode, _json_rows(values)))


def _floats_alike(values: list[tuple], floats: list[int]) -> bool:
    """Whether orjson writes the columns ``floats`` of the rows ``values`` as json does: a
    hand annotation's are None (one look at their types), a draft's floats are looked at.
    The other columns hold no float: the planner's rows hold what the tables' types say."""
    for i in floats:
        column = list(map(itemgetter(i), values))
        floats_in = any(issubclass(t, float) for t in set(map(type, column)))
        if floats_in and not all(map(_float_alike, column)):
            return False
    return True


def _float_alike(value: Any) -> bool:
    if not isinstance(value, float):
        return True  # None, or an int: written alike
    return value == 0 or 1e-4 <= abs(value) < 1e16  # False for NaN and the infinities


def table_of(rows: Iterable[str], columns: Sequence[str] = ()) -> Table:
    """The fingerprint of rows in canonical form (``columns`` to show them in words)."""
    return _table(sorted(map(str.encode, rows)), columns)


def _table(ordered: list[bytes], columns: Sequence[str] = ()) -> Table:
    """The fingerprint of rows in canonical form as UTF-8, sorted: UTF-8 sorts as the code
    points do, as the rows themselves would sort."""
    sha = hashlib.sha256(b"\n".join(ordered)).hexdigest()
    # a row's digest: hexdigest()[:ROW_DIGEST], as the hex of the first bytes alone
    sha256, size = hashlib.sha256, ROW_DIGEST // 2
    digest = [sha256(r).digest()[:size].hex() for r in ordered]
    shown = dict(zip(digest, map(bytes.decode, ordered), strict=True)) if columns else {}
    return Table(sha, len(ordered), sorted(digest), shown, columns)


def of_plan(plan) -> dict[str, Table]:
    """The fingerprint of what a plan (:class:`newsdb.loader.Plan`) stores, table by table:
    the one :func:`newsdb.bulk.read_one` took already (in a worker process, with ``--jobs``),
    where it did."""
    if plan.fingerprints is not None:
        return plan.fingerprints
    rows_by_table = {model.__tablename__: rows for model, rows in plan.rows.items()}
    rows_by_table["article"] = [plan.article]
    return {name: _table(sorted(canonical_bytes(name, rows_by_table[name]))) for name in COLUMNS}


def save(session: Session, article_id: int, plan) -> None:
    """Store the fingerprint of ``plan`` as the article's, replacing what it had."""
    connection = session.connection()
    table = ArticleFingerprint.__table__
    connection.execute(delete(table).where(table.c.article_id == article_id))
    _write(connection, article_id, of_plan(plan))


#: the columns of :class:`ArticleFingerprint` that :func:`rows_of` fills
ROW_COLUMNS = ("article_id", "table_name", "sha256", "row_count", "row_digests")


def rows_of(article_id: int, tables: dict[str, Table]) -> list[tuple]:
    """The ``article_fingerprint`` rows of an article's fingerprint, as :data:`ROW_COLUMNS`."""
    return [
        (article_id, name, t.sha256, t.row_count, " ".join(t.digests)) for name, t in tables.items()
    ]


def _write(connection: Connection, article_id: int, tables: dict[str, Table]) -> None:
    write_rows(connection, ArticleFingerprint.__table__, ROW_COLUMNS, rows_of(article_id, tables))


def stored(connection: Connection, ids: Sequence[int]) -> dict[int, dict[str, Table]]:
    """The fingerprints stored for the articles ``ids``, by article and table."""
    table = ArticleFingerprint.__table__
    out: dict[int, dict[str, Table]] = defaultdict(dict)
    query = select(table).where(table.c.article_id.in_(ids))
    for row in connection.execute(query):
        digests = row.row_digests.split()
        out[row.article_id][row.table_name] = Table(row.sha256, row.row_count, digests)
    return out


class Names:
    """Natural keys of the rows the fingerprinted rows refer to, read once per check."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.keys: dict[str, dict[int, Any]] = {
            "actor": dict(connection.execute(select(Actor.id, Actor.slug)).all()),
            "event": dict(connection.execute(select(Event.id, Event.slug)).all()),
            "annotator": {
                id_: [kind, name]
                for id_, kind, name in connection.execute(
                    select(Annotator.id, Annotator.kind, Annotator.name)
                )
            },
        }
        self.articles = dict(connection.execute(select(Article.id, Article.slug)).all())
        self.owned: dict[str, dict[int, tuple[int, str]]] = {"quote": {}, "claim": {}}

    def learn(self, ids: Sequence[int]) -> None:
        """The quotes and claims of the articles ``ids`` (those of others are looked up)."""
        for kind, model in (("quote", Quote), ("claim", Claim)):
            query = select(model.id, model.article_id, model.key).where(model.article_id.in_(ids))
            self.owned[kind] = {id_: (a, key) for id_, a, key in self.connection.execute(query)}

    def ref(self, kind: str, id_: int | None, article_id: int) -> list | None:
        if id_ is None:
            return None
        if kind in self.keys:
            return [kind, self.keys[kind].get(id_)]  # None: it points at no row
        owner = self.owned[kind].get(id_)
        if owner is None:
            model = Quote if kind == "quote" else Claim
            query = select(model.article_id, model.key).where(model.id == id_)
            owner = self.connection.execute(query).first()
        if owner is None:
            return [kind, None]
        if owner[0] != article_id:  # another article's: not what any annotation gives
            return [kind, owner[1], self.articles.get(owner[0])]
        return [kind, owner[1]]


def of_database(
    connection: Connection, ids: Sequence[int], names: Names
) -> dict[int, dict[str, Table]]:
    """The fingerprints of the articles ``ids`` as their rows stand: one query per table."""
    tables = Base.metadata.tables
    names.learn(ids)
    rows: dict[int, dict[str, list[str]]] = {a: defaultdict(list) for a in ids}
    for name, columns in COLUMNS.items():
        t = tables[name]
        if name == "article":
            query = select(t.c.id, *(t.c[c] for c in columns)).where(t.c.id.in_(ids))
        elif name in BY_CLAIM:
            claim = tables["claim"]
            query = (
                select(claim.c.article_id, *(t.c[c] for c in columns))
                .join(claim, claim.c.id == t.c.claim_id)
                .where(claim.c.article_id.in_(ids))
            )
        else:
            query = select(t.c.article_id, *(t.c[c] for c in columns)).where(
                t.c.article_id.in_(ids)
            )
        for article_id, *values in connection.execute(query):
            natural = [
                names.ref(REFERS[c], v, article_id) if c in REFERS else v
                for c, v in zip(columns, values, strict=True)
            ]
            rows[article_id][name].append(canonical(natural))
    return {
        a: {name: table_of(by_table[name], columns) for name, columns in COLUMNS.items()}
        for a, by_table in rows.items()
    }


def changes(loaded: Table, now: Table, table: str) -> str:
    """What differs between the rows as loaded and as they stand, in words."""
    gone = (Counter(loaded.digests) - Counter(now.digests)).total()
    new = Counter(now.digests) - Counter(loaded.digests)
    counts = f"{loaded.row_count} row(s) when loaded, {now.row_count} now"
    if not gone and not new:
        return f"not as loaded ({counts}): the stored sha256 is not that of the rows it lists"
    if gone == new.total():
        words = [f"{gone} row(s) changed since loading ({counts})"]
    else:
        words = [f"not as loaded ({counts}): {gone} gone or changed, {new.total()} new or changed"]
    if new:
        shown = [now.shown(d) for d in sorted(new)[:3]]
        words.append("now " + "; ".join(shown) + (" ..." if new.total() > 3 else ""))
    if table == "claim_quote" and gone:
        words.append("claims no longer rest on every quote their annotation gave them")
    return "; ".join(words)


def missing(connection: Connection) -> list[int]:
    """The articles with no fingerprint: loaded before migration 0014."""
    fingerprinted = select(ArticleFingerprint.article_id)
    query = select(Article.id).where(Article.id.not_in(fingerprinted)).order_by(Article.id)
    return list(connection.execute(query).scalars())


def take_as_they_stand(session: Session) -> int:
    """Fingerprint the articles that have none from their rows as they stand (articles loaded
    before 0014; loading an article again does the same from its annotation); return how many."""
    connection = session.connection()
    ids = missing(connection)
    names = Names(connection)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for article_id, tables in of_database(connection, chunk, names).items():
            _write(connection, article_id, tables)
    return len(ids)
