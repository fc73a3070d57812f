"""Tally triggers count only the rows a change adds or removes, not the whole article again.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 01:00:00

0008's triggers counted an article's whole quote network again (every quote by every
mention) on each quote or mention inserted, so loading an article cost the cube of its size:
an article of 2,011 quotes took 636 s (issue 15). Some of 0009's did the same for less: a
claim deleted placed its whole article again, and a party state was looked for among every
event of the article, on each event mention, claim's event and part written.

Network (``article_network_tally``). A quote written, removed or moved changes only its own
pairs: the mentions inside it, found by a new index on ``mention (article_id, span_start)``.
A mention changes only the pairs of the quotes around it, and a quote's count for an actor
only when the mention is the actor's first or last inside that quote. Each change becomes a
difference per (article, speaker, actor), ``dq`` quotes and ``dm`` mentions, added to the
tally (rows created at their first pair, deleted at their last). SQLite runs it per row;
PostgreSQL per statement over its transition tables (row triggers there fire after the whole
statement, when the rows of one statement can no longer tell which mention came first), and
still counts everything again after a TRUNCATE (0008's trigger, kept).

Geography (``article_geography_tally``). A claim about to be deleted first deletes the rows
that say which events it is about, so that their triggers, which place one event again, still
find the claim's article; an event and a party state are placed by looking only at that
event and that state (is it reported by the article; has the state a part in an event the
article reports), not at every event of the article.

0004's and 0007's triggers already count only what a change touches. ``newsdb verify`` and
the tests hold every tally to a recount; downgrade restores 0008's and 0009's triggers.
"""

from collections.abc import Sequence
from types import ModuleType

from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NETWORK = "article_network_tally"
_KEY = ("article_id", "speaker_id", "mentioned_id")
_PLACED = {
    "quote": ("article_id", "speaker_id", "span_start", "span_end"),
    "mention": ("article_id", "actor_id", "span_start", "span_end"),
}


def _module(revision_id: str) -> ModuleType:
    return op.get_context().script.get_revision(revision_id).module


# -- the network: differences --------------------------------------------------------------
# Each builder gives a SELECT of (article_id, speaker_id, mentioned_id, dq, dm) for the rows
# of ``rows``, a relation with the changed table's columns: a transition table, or on SQLite
# the NEW or OLD row as a one-row SELECT.


def _quote_pairs(rows: str, sign: str) -> str:
    """The pairs of quotes ``rows`` with the mentions inside them, added (+) or removed (-)."""
    return f"""
    SELECT q.article_id, q.speaker_id, m.actor_id AS mentioned_id,
        {sign}COUNT(DISTINCT q.id) AS dq, {sign}COUNT(*) AS dm
    FROM {rows} q
    JOIN mention m ON m.article_id = q.article_id
        AND q.span_start <= m.span_start AND m.span_end <= q.span_end
        AND m.actor_id <> q.speaker_id
    GROUP BY q.article_id, q.speaker_id, m.actor_id"""


def _around(rows: str) -> str:
    """Each quote around mentions ``rows`` and the actor, with the pairs they make."""
    return f"""(
        SELECT q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id,
            COUNT(*) AS pairs
        FROM {rows} r
        JOIN quote q ON q.article_id = r.article_id
            AND q.span_start <= r.span_start AND r.span_end <= q.span_end
            AND q.speaker_id <> r.actor_id
        GROUP BY q.id, q.article_id, q.speaker_id, q.span_start, q.span_end, r.actor_id
    ) p"""


def _inside(extra: str = "") -> str:
    """The actor's mentions inside quote ``p`` now (less ``extra``'s)."""
    return (
        "FROM mention o WHERE o.article_id = p.article_id AND o.actor_id = p.actor_id"
        f" AND p.span_start <= o.span_start AND o.span_end <= p.span_end{extra}"
    )


def _mentions_added(rows: str) -> str:
    """A quote counts once more for an actor when all its mentions of the actor are new."""
    return f"""
    SELECT p.article_id, p.speaker_id, p.actor_id AS mentioned_id,
        SUM(CASE WHEN p.pairs = (SELECT COUNT(*) {_inside()}) THEN 1 ELSE 0 END) AS dq,
        SUM(p.pairs) AS dm
    FROM {_around(rows)}
    GROUP BY p.article_id, p.speaker_id, p.actor_id"""


def _mentions_removed(rows: str, moved: str | None = None) -> str:
    """A quote counts once less for an actor when none of its mentions of the actor remain
    (less ``moved``, the same rows at their new place, on an update)."""
    extra = f" AND o.id NOT IN (SELECT x.id FROM {moved} x)" if moved else ""
    return f"""
    SELECT p.article_id, p.speaker_id, p.actor_id AS mentioned_id,
        -SUM(CASE WHEN EXISTS (SELECT 1 {_inside(extra)}) THEN 0 ELSE 1 END) AS dq,
        -SUM(p.pairs) AS dm
    FROM {_around(rows)}
    GROUP BY p.article_id, p.speaker_id, p.actor_id"""


# -- the network: applying a difference ----------------------------------------------------

_SAME = " AND ".join(f"{NETWORK}.{c} = d.{c}" for c in _KEY)
_SAME_T = " AND ".join(f"t.{c} = d.{c}" for c in _KEY)
_ADDED = (
    f"UPDATE {NETWORK} SET quotes = {NETWORK}.quotes + d.dq,"
    f" mentions = {NETWORK}.mentions + d.dm FROM ({{delta}}) d WHERE {_SAME};"
)


def _add(delta: str) -> str:
    """Add a difference of counts that only grow: to the rows there, then the new rows."""
    return (
        _ADDED.format(delta=delta)
        + f" INSERT INTO {NETWORK} ({', '.join(_KEY)}, published_date, quotes, mentions)"
        f" SELECT d.article_id, d.speaker_id, d.mentioned_id, a.published_date, d.dq, d.dm"
        f" FROM ({delta}) d JOIN article a ON a.id = d.article_id"
        f" WHERE NOT EXISTS (SELECT 1 FROM {NETWORK} t WHERE {_SAME_T});"
    )


def _remove(delta: str) -> str:
    """Take away a difference of counts that only shrink: rows left with no quote go."""
    return (
        f"DELETE FROM {NETWORK} WHERE ({', '.join(_KEY)}) IN ("
        f"SELECT d.article_id, d.speaker_id, d.mentioned_id FROM ({delta}) d"
        f" JOIN {NETWORK} t ON {_SAME_T} WHERE t.quotes + d.dq = 0); " + _ADDED.format(delta=delta)
    )


def _network_bodies(new: str, old: str, moved: tuple[str, str] | None) -> dict[str, str]:
    """table -> event -> the statements, for rows ``new`` and ``old``; ``moved``: on
    PostgreSQL, the (old, new) rows of an UPDATE whose placed columns changed."""
    old_moved, new_moved = moved or (old, new)
    return {
        "quote": {
            "insert": _add(_quote_pairs(new, "")),
            "delete": _remove(_quote_pairs(old, "-")),
            "update": _remove(_quote_pairs(old_moved, "-"))
            + " "
            + _add(_quote_pairs(new_moved, "")),
        },
        "mention": {
            "insert": _add(_mentions_added(new)),
            "delete": _remove(_mentions_removed(old)),
            "update": _remove(_mentions_removed(old_moved, new_moved))
            + " "
            + _add(_mentions_added(new_moved)),
        },
    }


def _sqlite_row(table: str, r: str) -> str:
    columns = ("id", *_PLACED[table])
    return f"(SELECT {', '.join(f'{r}.{c} AS {c}' for c in columns)})"


def _moved(table: str, rows: str, others: str) -> str:
    """The rows of an UPDATE's ``rows`` whose placed columns changed (compared by id)."""
    same = " AND ".join(f"o.{c} = r.{c}" for c in _PLACED[table])
    return (
        f"(SELECT * FROM {rows} r WHERE NOT EXISTS"
        f" (SELECT 1 FROM {others} o WHERE o.id = r.id AND {same}))"
    )


def _create_network_sqlite() -> None:
    for table, columns in _PLACED.items():
        bodies = _network_bodies(_sqlite_row(table, "NEW"), _sqlite_row(table, "OLD"), None)[table]
        for event, body in bodies.items():
            on = f"UPDATE OF {', '.join(columns)}" if event == "update" else event.upper()
            op.execute(
                f"CREATE TRIGGER network_{table}_{event} AFTER {on} ON {table} BEGIN {body} END"
            )


def _create_network_postgresql() -> None:
    transitions = {
        "insert": "REFERENCING NEW TABLE AS new_rows",
        "delete": "REFERENCING OLD TABLE AS old_rows",
        "update": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }
    for table in _PLACED:
        moved = (_moved(table, "old_rows", "new_rows"), _moved(table, "new_rows", "old_rows"))
        bodies = _network_bodies("new_rows", "old_rows", moved)[table]
        for event, body in bodies.items():
            name = f"network_{table}_{event}"
            op.execute(
                f"""CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {body}
    RETURN NULL;
END $$"""
            )
            # transition tables cannot go with UPDATE OF columns: _moved picks the rows
            op.execute(
                f"CREATE TRIGGER {name} AFTER {event.upper()} ON {table} {transitions[event]}"
                f" FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
            )


def _drop_network(dialect: str) -> None:
    for table in _PLACED:
        for event in ("insert", "delete", "update"):
            name = f"network_{table}_{event}"
            if dialect == "postgresql":
                op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
                op.execute(f"DROP FUNCTION IF EXISTS {name}()")
            else:
                op.execute(f"DROP TRIGGER IF EXISTS {name}")


def _drop_network_0008(dialect: str) -> None:
    """0008's row triggers on mention and quote (its TRUNCATE and date triggers stay)."""
    if dialect == "postgresql":
        for table in _PLACED:
            op.execute(f"DROP TRIGGER IF EXISTS network_{table} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS network_{table}()")
    else:
        _drop_network(dialect)  # the same names


# -- geography -----------------------------------------------------------------------------


def _reported(article: str, event: str) -> str:
    """Whether the article mentions the event or makes a claim about it."""
    return (
        "(EXISTS (SELECT 1 FROM event_mention em"
        f" WHERE em.article_id = {article} AND em.event_id = {event})"
        " OR EXISTS (SELECT 1 FROM claim_event ce JOIN claim c ON c.id = ce.claim_id"
        f" WHERE ce.event_id = {event} AND c.article_id = {article}))"
    )


def _party(g: ModuleType, article: str, actor: str) -> str:
    """Place again the states ``actor`` selects: a party of the article when the state has a
    part in an event the article reports."""
    rows = (
        "SELECT a.id, 'party', x.id, a.published_date, x.country, x.name"
        f" FROM article a JOIN actor x ON x.id {actor}"
        f" WHERE a.id {article} AND x.kind = 'state' AND EXISTS (SELECT 1 FROM event_participant"
        f" ep WHERE ep.article_id = a.id AND ep.actor_id = x.id"
        f" AND {_reported('a.id', 'ep.event_id')})"
    )
    return g._replace(rows, article, "party", actor)


def _event(g: ModuleType, article: str, event: str) -> str:
    """Place again the event, when the article reports it, and the states taking part in it."""
    rows = (
        "SELECT a.id, 'event', e.id, a.published_date, e.country, e.location"
        f" FROM article a JOIN event e ON e.id {event}"
        f" WHERE a.id {article} AND {_reported('a.id', 'e.id')}"
    )
    states = (
        "IN (SELECT actor_id FROM event_participant"
        f" WHERE article_id {article} AND event_id {event})"
    )
    return g._replace(rows, article, "event", event) + _party(g, article, states)


def _geography_triggers(g: ModuleType) -> list[tuple]:
    """0009's triggers that this migration replaces: (table, event, columns, condition, body,
    timing)."""

    def both(count, *columns: str) -> str:
        return " ".join(count(g, *(f"= {r}.{c}" for c in columns)) for r in ("OLD", "NEW"))

    claim_of = g._of_claim
    return [
        ("event_mention", "INSERT", (), _event(g, "= NEW.article_id", "= NEW.event_id")),
        ("event_mention", "DELETE", (), _event(g, "= OLD.article_id", "= OLD.event_id")),
        (
            "event_mention",
            "UPDATE",
            ("article_id", "event_id"),
            both(_event, "article_id", "event_id"),
        ),
        ("claim_event", "INSERT", (), _event(g, claim_of("NEW.claim_id"), "= NEW.event_id")),
        ("claim_event", "DELETE", (), _event(g, claim_of("OLD.claim_id"), "= OLD.event_id")),
        (
            "claim_event",
            "UPDATE",
            ("claim_id", "event_id"),
            _event(g, claim_of("OLD.claim_id"), "= OLD.event_id")
            + _event(g, claim_of("NEW.claim_id"), "= NEW.event_id"),
        ),
        ("event_participant", "INSERT", (), _party(g, "= NEW.article_id", "= NEW.actor_id")),
        ("event_participant", "DELETE", (), _party(g, "= OLD.article_id", "= OLD.actor_id")),
        (
            "event_participant",
            "UPDATE",
            ("article_id", "event_id", "actor_id"),
            both(_party, "article_id", "actor_id"),
        ),
    ]


_PARTS = ("event_mention", "claim_event", "event_participant")
#: before a claim goes, the rows naming its events go, while it still names its article
_CLAIM_DELETE = "DELETE FROM claim_event WHERE claim_id = OLD.id;"
_REPLACED = [
    *((table, event) for table in _PARTS for event in ("INSERT", "DELETE", "UPDATE")),
    ("claim", "DELETE"),
]


def _create_row_trigger(
    dialect: str, name: str, timing: str, on: str, table: str, condition, body: str
) -> None:
    """One row trigger, as 0009 writes them."""
    if dialect == "postgresql":
        back = "OLD" if timing == "BEFORE" else "NULL"
        op.execute(
            f"""CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {body}
    RETURN {back};
END $$"""
        )
        when = f" WHEN ({condition})" if condition else ""
        op.execute(
            f"CREATE TRIGGER {name} {timing} {on} ON {table}"
            f" FOR EACH ROW{when} EXECUTE FUNCTION {name}()"
        )
    else:
        when = f" WHEN {condition.replace('IS DISTINCT FROM', 'IS NOT')}" if condition else ""
        op.execute(f"CREATE TRIGGER {name} {timing} {on} ON {table}{when} BEGIN {body} END")


def _drop_row_trigger(dialect: str, name: str, table: str) -> None:
    if dialect == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    else:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")


def _geography(dialect: str, triggers: list[tuple], claim_delete: tuple[str, str]) -> None:
    """Replace the triggers of ``_REPLACED`` with ``triggers`` and the claim's delete trigger
    with ``claim_delete`` (its timing and body)."""
    g = _module("0009")
    for table, event in _REPLACED:
        _drop_row_trigger(dialect, g._name(table, event), table)
    for table, event, columns, condition, body in triggers:
        on = f"UPDATE OF {', '.join(columns)}" if columns else event
        _create_row_trigger(dialect, g._name(table, event), "AFTER", on, table, condition, body)
    timing, body = claim_delete
    _create_row_trigger(dialect, g._name("claim", "DELETE"), timing, "DELETE", "claim", None, body)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_index(
        "ix_mention_article_id_span_start",
        "mention",
        ["article_id", "span_start", "span_end", "actor_id", "id"],
    )
    _drop_network_0008(dialect)
    if dialect == "postgresql":
        _create_network_postgresql()
    else:
        _create_network_sqlite()
    g = _module("0009")
    triggers = [(t, e, c, None, b) for t, e, c, b in _geography_triggers(g)]
    _geography(dialect, triggers, ("BEFORE", _CLAIM_DELETE))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    g = _module("0009")
    old = {(t, e): (t, e, c, w, b) for t, e, c, w, b in g.TRIGGERS}
    triggers = [old[key] for key in _REPLACED if key != ("claim", "DELETE")]
    _geography(dialect, triggers, ("AFTER", old[("claim", "DELETE")][4]))
    _drop_network(dialect)
    network = _module("0008")
    network._drop_triggers(dialect)
    if dialect == "postgresql":
        network._create_triggers_postgresql()
    else:
        network._create_triggers_sqlite()
    op.drop_index("ix_mention_article_id_span_start", table_name="mention")
