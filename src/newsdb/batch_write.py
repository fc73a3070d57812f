"""The rows of a batch's new articles, written one table at a time for the whole batch.

Stored one by one, an article costs a write per table and its quotes' and claims' ids read
back: some twenty round trips on PostgreSQL for a few hundred rows. An article that is new
(neither its slug nor its text is stored) has nothing to compare or replace, so
:func:`newsdb.loader.store` hands its rows here once its shared rows (annotator, actors,
events) are stored: its ids are taken from the tables' sequences up front, its references
turned into ids, and the rows kept until :meth:`NewArticles.flush` writes every table's rows
of the batch at once (one ``COPY`` or ``executemany`` a table, :func:`newsdb.rows.write_rows`).

Each article stays all or nothing: its shared rows are stored in its savepoint as before,
and its own rows are handed over last, whole. A flush the database refuses (a check, a
length, a number too large) is not any one article's fault yet: :mod:`newsdb.bulk` then
undoes the batch and stores it again one article at a time, which names the article.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Connection, bindparam, text

from newsdb import batch_geography, fingerprint, plan_tally
from newsdb.loader import ARTICLE_TABLES, FOREIGN, Keys, Plan, Report
from newsdb.models import Article, ArticleFingerprint, ArticleGeographyTally, Claim, Quote
from newsdb.rows import new_ids, write_rows

#: the tables whose ids other rows of the article refer to: taken up front
_KEYED = (Article, Quote, Claim)
#: what an article's load writes beside its annotation rows: not counted as those
_UNCOUNTED = (Article, ArticleFingerprint, *plan_tally.MODELS.values(), ArticleGeographyTally)
#: whether a table's rows get the article's id (those of a claim's rows do not)
_TAIL = {model: "article_id" in model.__table__.c for model in ARTICLE_TABLES}


class NewArticles:
    """New articles' rows by table, in the order they are to be written, and the ids to give."""

    def __init__(self, connection: Connection, plans: list[Plan]) -> None:
        self.connection = connection
        self.rows: dict[tuple[type, tuple[str, ...]], list[tuple]] = {}
        self.held: set[str] = set()
        #: the articles whose tallies are written with their rows: from their plans
        #: (:mod:`newsdb.plan_tally`), their geography placed as they are written
        self.tallied: set[str] = set()
        self.places = batch_geography.Places()
        self.ids = _Ids(connection, plans)
        self.taken = _stored(connection, plans)  # slugs and digests stored or held

    def is_new(self, plan: Plan) -> bool:
        """Whether nothing stored or held has the article's slug or text (a draft of the same
        text would be adopted, an article of the same slug compared). Once asked, the plan's
        are taken: the caller stores it, held or the slow way."""
        slug, digest = plan.article["slug"], plan.article["sha256"]
        new = slug not in self.taken and digest not in self.taken
        self.taken.update((slug, digest))
        if not new:  # stored the slow way after its rows were held: recounted whole
            self.tallied.discard(slug)
        return new

    def holds_any(self) -> bool:
        """Whether any article's rows wait to be written."""
        return bool(self.held)

    def add(self, plan: Plan, keys: Keys, report: Report) -> None:
        """Take the article's rows (its shared rows are stored and in ``keys``)."""
        packed = plan.pack()  # by the worker that read it, for a plan from bulk.read_one
        article_id = self.ids.take(Article, 1)[0]
        for model in (Quote, Claim):
            found = packed.column(model, "key")
            for key, id_ in zip(found, self.ids.take(model, len(found)), strict=True):
                keys.remember(model.__tablename__, key, id_)
        made = [(Article, (*plan.article, "id"), [(*plan.article.values(), article_id)])]
        ids = {**keys.ids, None: None}  # natural key -> id; no reference, none
        for model in ARTICLE_TABLES:
            made.extend(_rows(model, *packed.table(model), article_id, ids))
        prints = fingerprint.rows_of(article_id, fingerprint.of_plan(plan))  # what verify holds
        made.append((ArticleFingerprint, fingerprint.ROW_COLUMNS, prints))
        made.extend(self._tallies(plan, article_id, keys))
        for model, columns, rows in made:  # all made: only now is anything kept
            self.rows.setdefault((model, columns), []).extend(rows)
            if model not in _UNCOUNTED:
                report.count(model.__tablename__, "inserted", len(rows))
        self.held.add(plan.article["slug"])
        self.tallied.add(plan.article["slug"])
        report.status = "inserted"

    def _tallies(self, plan: Plan, article_id: int, keys: Keys) -> list:
        """The article's tally rows counted from its plan; its geography is placed when it is
        written (:meth:`flush`), by the shared rows as they stand then."""
        self.places.add(plan, article_id, keys.ids)
        return plan_tally.rows(plan, article_id, keys.ids)

    def flush(self) -> None:
        """Write what is held, a table at a time, in the order the references need."""
        tallies = [*plan_tally.MODELS.values(), ArticleGeographyTally]
        order = {
            m: i for i, m in enumerate([Article, *ARTICLE_TABLES, ArticleFingerprint, *tallies])
        }
        if places := self.places.rows(self.connection):  # the shared rows as they stand now
            self.rows[(ArticleGeographyTally, batch_geography.COLUMNS)] = places
        for model, columns in sorted(self.rows, key=lambda mc: order[mc[0]]):
            write_rows(self.connection, model.__table__, columns, self.rows[(model, columns)])
        self.rows.clear()
        self.held.clear()


def _stored(connection: Connection, plans: list[Plan]) -> set[str]:
    """The slugs and digests of ``plans`` that stored articles have, in one query."""
    slugs = [plan.article["slug"] for plan in plans]
    digests = [plan.article["sha256"] for plan in plans]
    query = text(
        "SELECT slug, sha256 FROM article WHERE slug IN :slugs OR sha256 IN :digests"
    ).bindparams(bindparam("slugs", expanding=True), bindparam("digests", expanding=True))
    rows = connection.execute(query, {"slugs": slugs, "digests": digests})
    return {value for row in rows for value in row}


def _rows(
    model, names: tuple[str, ...], columns: list[tuple], article_id: int, ids: dict
) -> Iterator[tuple[type, tuple[str, ...], list[tuple]]]:
    """The packed rows of ``model`` (:meth:`Plan.pack`) as tuples with ids for natural keys,
    the article's id, and for quotes and claims their own ids (taken up front). A few
    hundred rows an article: turned a column at a time, in C loops."""
    if not names:
        return
    columns = [
        list(map(ids.__getitem__, values)) if name in FOREIGN else values
        for name, values in zip(names, columns, strict=True)
    ]
    if _TAIL[model]:
        names = (*names, "article_id")
        columns.append([article_id] * len(columns[0]))
    if model in (Quote, Claim):
        own = model.__tablename__
        columns.append([ids[(own, key)] for key in columns[names.index("key")]])
        names = (*names, "id")
    yield model, names, list(zip(*columns, strict=True))


class _Ids:
    """Ids for rows not yet written: from the sequences on PostgreSQL, first what the batch
    would take were every article new (those it does not take are a gap, as after a
    rollback), then as needed; on
    SQLite, counted on from the largest stored (the batch holds the database's write lock,
    and every row of a flushed table is written before another article is stored the slow
    way, see :mod:`newsdb.bulk`)."""

    def __init__(self, connection: Connection, plans: list[Plan]) -> None:
        self.connection = connection
        self.pg = connection.dialect.name == "postgresql"
        self.free: dict[type, list[int]] = {model: [] for model in _KEYED}
        self.next: dict[type, int] = {}
        #: what the batch's articles would take, were they all new: drawn at once
        self.want = {
            Article: len(plans),
            **{
                model: sum(len(plan.pack().column(model, "key")) for plan in plans)
                for model in (Quote, Claim)
            },
        }

    def take(self, model, n: int) -> list[int]:
        table = model.__tablename__
        if not self.pg:
            if model not in self.next:
                self.next[model] = new_ids(self.connection, table, 1)[0]
            start = self.next[model]
            self.next[model] = start + n
            return list(range(start, start + n))
        free = self.free[model]
        if len(free) < n:
            want, self.want[model] = self.want[model], 0
            free.extend(new_ids(self.connection, table, max(n, want)))
        taken, self.free[model] = free[:n], free[n:]
        return taken

    def forget(self) -> None:
        """Rows were written the slow way: on SQLite the largest stored id may have moved."""
        self.next.clear()
