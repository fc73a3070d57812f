"""Scope event participants to the article whose annotation states them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 17:30:00

``event_participant`` belonged to the event alone, unique on (event, actor, role), so two
articles reporting the same event shared one list of parties: loading the second article
replaced the first one's parties with its own (the loader set the event's list to the one
in the file it was loading), and each article's voice gaps and geography counted parties its
own text never names. A participant now carries ``article_id``, unique on (article, event,
actor, role), like every other annotation row, and the loader stores and replaces it with
the rest of the article's rows.

Existing parts are copied to every article that reports their event (by an event mention or
a claim about it), which is what the sourcing views counted before; a part of an event that
no article reports was never counted and is dropped. Loading an article again gives it
exactly the parts its own annotation states. ``v_voice_gaps`` and ``v_source_geography`` are
redefined to take only the parts of the article itself (0002's text with that one condition
added). On downgrade the copies of a part are merged back into one, when every article that
reports the event names the same parts; when they differ the downgrade refuses and changes
nothing (issue 13: it merged them, and the upgrade gave the merged list to every article).

SQLite rebuilds ``event_participant`` in batch mode, twice, so the two views that read it
are dropped first and created again at the end (see 0002's docstring).
"""

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: the views that read event_participant: 0002's text, and the condition 0005 adds
SCOPED = {
    "v_voice_gaps": (
        "JOIN event_participant ep ON ep.event_id = ae.event_id",
        "JOIN event_participant ep ON ep.event_id = ae.event_id AND ep.article_id = ae.article_id",
    ),
    "v_source_geography": (
        "JOIN event_participant ep ON ep.event_id = e.id",
        "JOIN event_participant ep ON ep.event_id = e.id AND ep.article_id = ae.article_id",
    ),
}

#: (event, article) for every article that reports the event
_REPORTING = """
    SELECT em.event_id, em.article_id FROM event_mention em
    UNION
    SELECT ce.event_id, c.article_id FROM claim_event ce JOIN claim c ON c.id = ce.claim_id
"""


def _slugs(table: str, ids) -> dict[int, str]:
    rows = sa.table(table, sa.column("id"), sa.column("slug"))
    query = sa.select(rows.c.id, rows.c.slug).where(rows.c.id.in_(sorted(ids)))
    return dict(op.get_bind().execute(query).all())


def _refuse_a_merge() -> None:
    """Refuse the downgrade, changing nothing, when two articles give one event parts that
    could not be told apart again: before 0005 an event had one list of parts, and the upgrade
    gives that list to every article that reports the event. Only when those articles all
    name the same parts does the way down and up again give each article its own."""
    bind = op.get_bind()
    held = {
        tuple(r)
        for r in bind.exec_driver_sql(
            "SELECT article_id, event_id, actor_id, role FROM event_participant"
        )
    }
    reporting = {
        tuple(r) for r in bind.exec_driver_sql(f"SELECT event_id, article_id FROM ({_REPORTING}) r")
    }
    parts, articles = defaultdict(set), defaultdict(set)
    for article, event, actor, role in held:
        parts[event].add((actor, role))
        articles[event].add(article)
    for event, article in reporting:
        articles[event].add(article)
    restored = {(article, event, *part) for event, article in reporting for part in parts[event]}
    merged = {event for _, event, *_ in held ^ restored if len(articles[event]) > 1}
    if not merged:
        return
    from newsdb.migrate import refuse_merge

    events = _slugs("event", merged)
    titles = _slugs("article", set().union(*(articles[e] for e in merged)))
    refuse_merge(
        "0005",
        "one list of parties",
        {events[e]: sorted(titles[a] for a in articles[e]) for e in merged},
    )


def _views_of_0002() -> dict[str, str]:
    return op.get_context().script.get_revision("0002").module.VIEWS


def _scoped_views() -> dict[str, str]:
    views = {}
    for name, (before, after) in SCOPED.items():
        body = _views_of_0002()[name]
        assert body.count(before) == 1, f"{name}: 0002's join is not where 0005 expects it"
        views[name] = body.replace(before, after)
    return views


def upgrade() -> None:
    for name in SCOPED:
        op.execute(f"DROP VIEW {name}")
    with op.batch_alter_table("event_participant") as batch:
        batch.add_column(sa.Column("article_id", sa.Integer(), nullable=True))
        batch.drop_constraint("uq_event_participant_event_id_actor_id_role", type_="unique")
    # one copy of each part for each article that reports its event, then the originals go
    op.execute(
        "INSERT INTO event_participant"
        " (article_id, event_id, actor_id, role, annotator_id, created_at)"
        " SELECT r.article_id, p.event_id, p.actor_id, p.role, p.annotator_id, p.created_at"
        f" FROM event_participant p JOIN ({_REPORTING}) r ON r.event_id = p.event_id"
        " WHERE p.article_id IS NULL"
    )
    op.execute("DELETE FROM event_participant WHERE article_id IS NULL")
    with op.batch_alter_table("event_participant") as batch:
        batch.alter_column("article_id", existing_type=sa.Integer(), nullable=False)
        batch.create_foreign_key(
            op.f("fk_event_participant_article_id_article"),
            "article",
            ["article_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_unique_constraint(
            op.f("uq_event_participant_article_id_event_id_actor_id_role"),
            ["article_id", "event_id", "actor_id", "role"],
        )
        batch.create_index(
            op.f("ix_event_participant_event_id_article_id"), ["event_id", "article_id"]
        )
    for name, body in _scoped_views().items():
        op.execute(f"CREATE VIEW {name} AS {body}")


def downgrade() -> None:
    _refuse_a_merge()
    for name in SCOPED:
        op.execute(f"DROP VIEW {name}")
    with op.batch_alter_table("event_participant") as batch:
        batch.drop_index(op.f("ix_event_participant_event_id_article_id"))
        batch.drop_constraint(
            op.f("uq_event_participant_article_id_event_id_actor_id_role"), type_="unique"
        )
        batch.drop_constraint(op.f("fk_event_participant_article_id_article"), type_="foreignkey")
    # the copies of a part across articles become one again: the first stored
    op.execute(
        "DELETE FROM event_participant WHERE id NOT IN ("
        " SELECT MIN(id) FROM event_participant GROUP BY event_id, actor_id, role)"
    )
    with op.batch_alter_table("event_participant") as batch:
        batch.drop_column("article_id")
        batch.create_unique_constraint(
            op.f("uq_event_participant_event_id_actor_id_role"), ["event_id", "actor_id", "role"]
        )
    old = _views_of_0002()
    for name in SCOPED:
        op.execute(f"CREATE VIEW {name} AS {old[name]}")
