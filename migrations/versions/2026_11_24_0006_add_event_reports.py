"""Keep what each article says of an event with that article: its date and death toll as written.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 18:45:00

``event`` held the date as written and the death toll (the count, the words, who reported it
and how it was attributed) once for every article. Events are shared by slug, so loading a
second article that reports the same event replaced the first article's words with its own,
and ``v_event_sourcing`` showed each article the toll of whichever article was loaded last,
even an article that gives no toll at all. The same kind of loss as the parties fixed in 0005.

The new table ``event_report`` holds, per (article, event), what the article says:
``date_as_written``, ``fatalities``, ``fatalities_as_written``, ``fatalities_reported_by_id``
and ``fatalities_attribution``. The loader writes one row for each event of an article's
annotation and replaces them with the article's other rows. ``event`` keeps what is the event's
own: its name, type, parent, resolved date, place and country. A CHECK now holds the toll's
reporter to its attribution, as ``claim`` holds a source to its mode: a toll on someone's word
names them, and a passive or the writer's own names no one.

Existing values are copied to the articles that report the event (by an event mention or a
claim about it). When one article reports the event, it gets them all; when several do, the
database cannot tell which one the values came from, and each gets the date as written, or the
toll, only if its text contains those words. Values of an event no article reports, and those
no text contains, are dropped; there are none in the seed. Loading an article again gives it
exactly its own account. ``v_event_sourcing`` is 0002's text reading the toll from the
article's report.

On downgrade the columns come back to ``event`` with, for each event, the values of its latest
report that has them. When the articles that report an event give different accounts, which
the way down and up again would not give back to each, the downgrade refuses and changes
nothing (issue 13: it kept the latest, and the upgrade gave it where the text contained it).

SQLite rebuilds ``event`` in batch mode. The old table is dropped, and with foreign keys on
that first deletes every row referring to an event, so it must run with foreign keys off, as
``newsdb.migrate`` and ``migrations/env.py`` run every migration; this one refuses otherwise.
Every view that reads ``event`` is dropped first and created again at the end, from the
definition it had (see 0002's docstring).
"""

import re
from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WITH_SOURCE = "'named_person', 'institution', 'unnamed_official', 'vague_collective'"
_MODES = f"{_WITH_SOURCE}, 'passive', 'writer'"

#: the columns that move, and the toll's among them
MOVED = (
    "date_as_written",
    "fatalities",
    "fatalities_as_written",
    "fatalities_reported_by_id",
    "fatalities_attribution",
)
_TOLL = MOVED[1:]

#: 0002's v_event_sourcing, and what 0006 changes in it: (before, after, how many times)
_EVENT_SOURCING = (
    ("e.fatalities", "er.fatalities", 9),
    (
        "JOIN event e ON e.id = ae.event_id",
        (
            "JOIN event e ON e.id = ae.event_id\n        LEFT JOIN event_report er"
            " ON er.article_id = ae.article_id AND er.event_id = ae.event_id"
        ),
        2,
    ),
)

#: (event, article, annotator) for every article that reports the event
_REPORTING = """
    SELECT event_id, article_id, MIN(annotator_id) AS annotator_id FROM (
        SELECT em.event_id, em.article_id, em.annotator_id FROM event_mention em
        UNION ALL
        SELECT ce.event_id, c.article_id, c.annotator_id
        FROM claim_event ce JOIN claim c ON c.id = ce.claim_id
    ) reporting
    GROUP BY event_id, article_id
"""


def _slugs(table: str, ids) -> dict[int, str]:
    rows = sa.table(table, sa.column("id"), sa.column("slug"))
    query = sa.select(rows.c.id, rows.c.slug).where(rows.c.id.in_(sorted(ids)))
    return dict(op.get_bind().execute(query).all())


def _latest(reports: list[tuple], has) -> tuple:
    """The values of the latest report (highest id) for which ``has`` holds, as the downgrade
    puts them on the event."""
    chosen = [r for r in sorted(reports) if has(r)]
    return chosen[-1] if chosen else (None,) * (2 + len(MOVED))


def _round_trip(reports: list[tuple], reporters: set[int], bodies: dict[int, str]) -> dict:
    """What the way down and up again gives each article that reports one event: the date
    and toll the downgrade keeps (the latest report's), each given back by the upgrade to
    every reporter when there is one, else to those whose text contains the words."""
    date = _latest(reports, lambda r: r[2] is not None)[2]
    toll = _latest(reports, lambda r: any(v is not None for v in r[3:]))[3:]
    alone = len(reporters) == 1
    return {
        article: (
            date if alone or (date is not None and date in bodies[article]) else None,
            toll if alone or (toll[1] is not None and toll[1] in bodies[article]) else (None,) * 4,
        )
        for article in reporters
    }


def _refuse_a_merge() -> None:
    """Refuse the downgrade, changing nothing, when two articles give one event accounts
    (date as written, death toll) that could not be told apart again: before 0006 an event
    held one of each, and the upgrade gives it back only where it can place it."""
    bind = op.get_bind()
    reports, reporters = defaultdict(list), defaultdict(set)
    columns = ", ".join(MOVED)
    for row in bind.exec_driver_sql(
        f"SELECT id, article_id, {columns}, event_id FROM event_report"
    ):
        reports[row[-1]].append(tuple(row[:-1]))
    for event, article in bind.exec_driver_sql(
        f"SELECT event_id, article_id FROM ({_REPORTING}) r"
    ):
        reporters[event].add(article)
    shared = {
        e
        for e in reports.keys() | reporters.keys()
        if len(reporters[e] | {r[1] for r in reports[e]}) > 1
    }
    if not shared:
        return
    articles = {e: reporters[e] | {r[1] for r in reports[e]} for e in shared}
    body = sa.table("article", sa.column("id"), sa.column("body"))
    wanted = set().union(*articles.values())
    bodies = dict(
        bind.execute(sa.select(body.c.id, body.c.body).where(body.c.id.in_(sorted(wanted)))).all()
    )
    merged = {
        e
        for e in shared
        if _round_trip(reports[e], reporters[e], bodies)
        != {r[1]: (r[2], r[3:]) for r in reports[e]}
    }
    if not merged:
        return
    from newsdb.migrate import refuse_merge

    events = _slugs("event", merged)
    titles = _slugs("article", wanted)
    refuse_merge(
        "0006",
        "one date as written and one death toll",
        {events[e]: sorted(titles[a] for a in articles[e]) for e in merged},
    )


def _views_of_0002() -> dict[str, str]:
    return op.get_context().script.get_revision("0002").module.VIEWS


def _event_sourcing() -> str:
    body = _views_of_0002()["v_event_sourcing"]
    for before, after, times in _EVENT_SOURCING:
        assert body.count(before) == times, f"0002's v_event_sourcing: {before!r} moved"
        body = body.replace(before, after)
    return body


def _views_reading_event() -> dict[str, str]:
    """The views to drop around the change of ``event``, each with the statement that creates
    it now: on SQLite every view that reads ``event`` (batch mode renames a new table into its
    place), on PostgreSQL the one that reads the columns that move."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return {"v_event_sourcing": None}
    rows = bind.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'view'")
    return {name: sql for name, sql in rows if re.search(r"\bevent\b", sql.split(" AS ", 1)[1])}


def _check_foreign_keys_off() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and bind.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError(
            "migration 0006 rebuilds table event, and with foreign keys on SQLite would first"
            " delete every row that refers to an event: run it with `newsdb db upgrade`, or"
            " through newsdb.migrate, which switch foreign keys off while migrating"
        )


def _contains(text: str, words: str) -> str:
    if op.get_bind().dialect.name == "sqlite":
        return f"instr({text}, {words}) > 0"
    return f"strpos({text}, {words}) > 0"


def _check_tolls() -> None:
    """Refuse, naming the events, a toll whose reporter does not match its attribution."""
    bad = (
        op.get_bind()
        .exec_driver_sql(
            "SELECT slug FROM event"
            f" WHERE CASE WHEN fatalities_attribution IN ({_WITH_SOURCE})"
            " THEN fatalities_reported_by_id IS NULL"
            " ELSE fatalities_reported_by_id IS NOT NULL END"
            " ORDER BY slug"
        )
        .scalars()
        .all()
    )
    if bad:
        raise RuntimeError(
            f"event {', '.join(bad)}: a death toll attributed to someone names who reported"
            " it, and one that is passive, the writer's own or unattributed names no one;"
            " correct the annotation and load it again before upgrading"
        )


def upgrade() -> None:
    _check_foreign_keys_off()
    _check_tolls()
    op.create_table(
        "event_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("date_as_written", sa.String(length=500), nullable=True),
        sa.Column("fatalities", sa.Integer(), nullable=True),
        sa.Column("fatalities_as_written", sa.String(length=500), nullable=True),
        sa.Column("fatalities_reported_by_id", sa.Integer(), nullable=True),
        sa.Column("fatalities_attribution", sa.String(length=20), nullable=True),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.CheckConstraint(
            f"fatalities_attribution IN ({_MODES})",
            name=op.f("ck_event_report_fatalities_attribution_vocab"),
        ),
        sa.CheckConstraint("fatalities >= 0", name=op.f("ck_event_report_fatalities_positive")),
        sa.CheckConstraint(
            f"CASE WHEN fatalities_attribution IN ({_WITH_SOURCE})"
            " THEN fatalities_reported_by_id IS NOT NULL"
            " ELSE fatalities_reported_by_id IS NULL END",
            name=op.f("ck_event_report_reporter_matches_attribution"),
        ),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotator.id"],
            name=op.f("fk_event_report_annotator_id_annotator"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_event_report_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_report_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["fatalities_reported_by_id"],
            ["actor.id"],
            name=op.f("fk_event_report_fatalities_reported_by_id_actor"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_report")),
        sa.UniqueConstraint(
            "article_id", "event_id", name=op.f("uq_event_report_article_id_event_id")
        ),
    )
    op.create_index(op.f("ix_event_report_annotator_id"), "event_report", ["annotator_id"])
    op.create_index(
        op.f("ix_event_report_event_id_article_id"), "event_report", ["event_id", "article_id"]
    )
    op.create_index(
        op.f("ix_event_report_fatalities_reported_by_id"),
        "event_report",
        ["fatalities_reported_by_id"],
    )

    # one report per article that reports the event; the words go where they can be placed
    date_here = f"(n.reporters = 1 OR {_contains('a.body', 'e.date_as_written')})"
    toll_here = f"(n.reporters = 1 OR {_contains('a.body', 'e.fatalities_as_written')})"
    toll = ", ".join(f"CASE WHEN {toll_here} THEN e.{c} END" for c in _TOLL)
    op.execute(
        "INSERT INTO event_report (article_id, event_id, annotator_id, " + ", ".join(MOVED) + ")"
        f" SELECT r.article_id, r.event_id, r.annotator_id,"
        f" CASE WHEN {date_here} THEN e.date_as_written END, {toll}"
        f" FROM ({_REPORTING}) r"
        " JOIN event e ON e.id = r.event_id"
        " JOIN article a ON a.id = r.article_id"
        " JOIN (SELECT event_id, COUNT(*) AS reporters"
        f" FROM ({_REPORTING}) each_report GROUP BY event_id) n ON n.event_id = r.event_id"
    )

    views = _views_reading_event()
    for name in views:
        op.execute(f"DROP VIEW {name}")
    with op.batch_alter_table("event") as batch:
        batch.drop_index(op.f("ix_event_fatalities_reported_by_id"))
        batch.drop_constraint(op.f("fk_event_fatalities_reported_by_id_actor"), type_="foreignkey")
        batch.drop_constraint(op.f("ck_event_fatalities_attribution_vocab"), type_="check")
        batch.drop_constraint(op.f("ck_event_fatalities_positive"), type_="check")
        for column in MOVED:
            batch.drop_column(column)
    for name, sql in views.items():
        if name == "v_event_sourcing":
            sql = f"CREATE VIEW v_event_sourcing AS {_event_sourcing()}"
        op.execute(sql)


def downgrade() -> None:
    _check_foreign_keys_off()
    _refuse_a_merge()
    views = _views_reading_event()
    for name in views:
        op.execute(f"DROP VIEW {name}")
    with op.batch_alter_table("event") as batch:
        batch.add_column(sa.Column("date_as_written", sa.String(length=500), nullable=True))
        batch.add_column(sa.Column("fatalities", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("fatalities_as_written", sa.String(length=500), nullable=True))
        batch.add_column(sa.Column("fatalities_reported_by_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("fatalities_attribution", sa.String(length=20), nullable=True))
        batch.create_check_constraint(
            op.f("ck_event_fatalities_attribution_vocab"), f"fatalities_attribution IN ({_MODES})"
        )
        batch.create_check_constraint(op.f("ck_event_fatalities_positive"), "fatalities >= 0")
        batch.create_foreign_key(
            op.f("fk_event_fatalities_reported_by_id_actor"),
            "actor",
            ["fatalities_reported_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index(
            op.f("ix_event_fatalities_reported_by_id"), ["fatalities_reported_by_id"]
        )
    # each event takes the values of its latest report that has them
    has_toll = " OR ".join(f"r.{c} IS NOT NULL" for c in _TOLL)
    latest = (
        "(SELECT r.{column} FROM event_report r WHERE r.event_id = event.id AND ({has})"
        " ORDER BY r.id DESC LIMIT 1)"
    )
    values = [
        f"date_as_written = {latest.format(column='date_as_written', has='r.date_as_written IS NOT NULL')}"
    ]
    values += [f"{c} = {latest.format(column=c, has=has_toll)}" for c in _TOLL]
    op.execute("UPDATE event SET " + ", ".join(values))
    op.drop_table("event_report")
    old = _views_of_0002()
    for name, sql in views.items():
        if name == "v_event_sourcing":
            sql = f"CREATE VIEW v_event_sourcing AS {old['v_event_sourcing']}"
        op.execute(sql)
