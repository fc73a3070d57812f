"""Keep where each article's sources are based and its events happen, for geography by country.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 21:50:00

Geography by country over a month of a collection joined every source to its first
affiliation, its organisation and its parent, and every event and party state to the
article's mentions and claims: 128 ms a month and 785 ms a year at 100,000 articles
(bench/README.md), over the targets of 25 and 250. ``article_geography_tally`` keeps one row
per article and side: each source (``side = 'source'``, ``subject_id`` the actor), event the
article mentions or makes a claim about (``'event'``, the event) and state that is a party to
such an event as the article states it (``'party'``, the actor), with the country and place
that ``v_source_geography`` gives it and the article's ``published_date``. Grouping it by
country gives the distinct (article, subject) pairs of ``v_source_geography`` per country.
``v_geography_tally`` shows it with names.

Triggers keep it exact on SQLite and PostgreSQL, whoever writes, by counting an article's
rows again (an article is small):

* when an actor becomes a source of the article or stops being one (``article_actor_tally``,
  kept by 0004's triggers on ``quote`` and ``claim``);
* on any change to the article's affiliations, event mentions, claims' events or parties, and
  on the deletion of one of its claims;
* when an actor's country, parent, kind or name changes, for every article where the actor
  is a source, a party, a source's organisation or a source's parent; when an event's country
  or place changes, for every article that reports it.

PostgreSQL counts everything again after a TRUNCATE of one of those tables. ``subject_id`` has
no foreign key, as it names an actor or an event by ``side``; the triggers remove a deleted
subject's rows through the cascades of the rows that name it, and ``newsdb verify`` checks
the tally against a recount. A later migration that rebuilds one of these tables in SQLite
batch mode loses its triggers and must create them again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("article_id", "side", "subject_id", "published_date", "country", "place")


def _sides(articles: str = "") -> str:
    """The rows of the articles whose id is ``{alias}.article_id {articles}`` (all when empty):
    v_source_geography's sources, events and party states, one row per article and subject.
    No CTE: SQLite allows none inside a trigger."""

    def chosen(alias: str) -> str:
        return f"{alias}.article_id {articles}" if articles else "1 = 1"

    reported = (
        f"SELECT em.article_id, em.event_id FROM event_mention em WHERE {chosen('em')}"
        " UNION SELECT c.article_id, ce.event_id FROM claim c"
        f" JOIN claim_event ce ON ce.claim_id = c.id WHERE {chosen('c')}"
    )
    return f"""
SELECT g.article_id, g.side, g.subject_id, a.published_date, g.country, g.place
FROM (
    SELECT src.article_id, 'source' AS side, src.actor_id AS subject_id,
        COALESCE(s.country, o.country, parent.country) AS country, f.location AS place
    FROM (
        SELECT q.article_id, q.speaker_id AS actor_id FROM quote q WHERE {chosen("q")}
        UNION
        SELECT c.article_id, c.source_id FROM claim c
        WHERE c.source_id IS NOT NULL AND {chosen("c")}
    ) src
    JOIN actor s ON s.id = src.actor_id
    LEFT JOIN affiliation f ON f.id = (
        SELECT f2.id FROM affiliation f2
        WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id
        ORDER BY f2.span_start LIMIT 1
    )
    LEFT JOIN actor o ON o.id = f.organisation_id
    LEFT JOIN actor parent ON parent.id = s.parent_id
    UNION ALL
    SELECT ae.article_id, 'event', e.id, e.country, e.location
    FROM ({reported}) ae
    JOIN event e ON e.id = ae.event_id
    UNION ALL
    SELECT DISTINCT ae.article_id, 'party', x.id, x.country, x.name
    FROM ({reported}) ae
    JOIN event_participant ep ON ep.article_id = ae.article_id AND ep.event_id = ae.event_id
    JOIN actor x ON x.id = ep.actor_id
    WHERE x.kind = 'state'
) g
JOIN article a ON a.id = g.article_id
"""


#: every article's rows (newsdb.tally holds the same recount)
RECOUNT = _sides()


def _count_again(articles: str) -> str:
    """Count again the articles whose id is ``article_id {articles}``."""
    return (
        f"DELETE FROM article_geography_tally WHERE article_id {articles};"
        f" INSERT INTO article_geography_tally ({', '.join(COLUMNS)}) {_sides(articles)};"
    )


def _of_claim(claim: str) -> str:
    return f"= (SELECT article_id FROM claim WHERE id = {claim})"


#: the articles where actor ``{r}`` is a source, a party, a source's organisation or parent
_ACTOR_ARTICLES = (
    "IN (SELECT article_id FROM article_actor_tally WHERE actor_id = {r}.id"
    " UNION SELECT article_id FROM event_participant WHERE actor_id = {r}.id"
    " UNION SELECT article_id FROM affiliation WHERE organisation_id = {r}.id"
    " UNION SELECT t.article_id FROM actor child"
    " JOIN article_actor_tally t ON t.actor_id = child.id WHERE child.parent_id = {r}.id)"
)
#: the articles that mention event ``{r}`` or make a claim about it
_EVENT_ARTICLES = (
    "IN (SELECT article_id FROM event_mention WHERE event_id = {r}.id"
    " UNION SELECT c.article_id FROM claim_event ce JOIN claim c ON c.id = ce.claim_id"
    " WHERE ce.event_id = {r}.id)"
)
_HEARD = "({r}.quotes + {r}.claims > 0)"

#: (table, events, the condition on the row (SQL, with {r} for OLD or NEW), the articles to
#: count again for OLD and for NEW, or None). An UPDATE trigger with ``columns`` fires when
#: one of them is set; with a condition, only when it holds.
TRIGGERS = [
    # an actor becomes a source of the article, or stops being one
    ("article_actor_tally", "INSERT", (), _HEARD.format(r="NEW"), None, "= NEW.article_id"),
    ("article_actor_tally", "DELETE", (), _HEARD.format(r="OLD"), "= OLD.article_id", None),
    (
        "article_actor_tally",
        "UPDATE",
        ("quotes", "claims"),
        f"{_HEARD.format(r='OLD')} <> {_HEARD.format(r='NEW')}",
        None,
        "= NEW.article_id",
    ),
    *(
        (table, event, columns, None, old, new)
        for table, columns in (
            (
                "affiliation",
                ("article_id", "person_id", "organisation_id", "location", "span_start"),
            ),
            ("event_mention", ("article_id", "event_id")),
            ("event_participant", ("article_id", "event_id", "actor_id")),
        )
        for event, old, new in (
            ("INSERT", None, "= NEW.article_id"),
            ("DELETE", "= OLD.article_id", None),
            ("UPDATE", "= OLD.article_id", "= NEW.article_id"),
        )
        for columns in [columns if event == "UPDATE" else ()]
    ),
    ("claim_event", "INSERT", (), None, None, _of_claim("NEW.claim_id")),
    ("claim_event", "DELETE", (), None, _of_claim("OLD.claim_id"), None),
    (
        "claim_event",
        "UPDATE",
        ("claim_id", "event_id"),
        None,
        _of_claim("OLD.claim_id"),
        _of_claim("NEW.claim_id"),
    ),
    # the claim's events go with it, by cascade
    ("claim", "DELETE", (), None, "= OLD.article_id", None),
    ("claim", "UPDATE", ("article_id",), None, "= OLD.article_id", "= NEW.article_id"),
    (
        "actor",
        "UPDATE",
        ("country", "parent_id", "kind", "name"),
        " OR ".join(
            f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in ("country", "parent_id", "kind", "name")
        ),
        None,
        _ACTOR_ARTICLES.format(r="NEW"),
    ),
    (
        "event",
        "UPDATE",
        ("country", "location"),
        "OLD.country IS DISTINCT FROM NEW.country OR OLD.location IS DISTINCT FROM NEW.location",
        None,
        _EVENT_ARTICLES.format(r="NEW"),
    ),
]
#: PostgreSQL counts everything again after a TRUNCATE of one of these
TRUNCATED = (
    "article_actor_tally",
    "affiliation",
    "event_mention",
    "event_participant",
    "claim_event",
    "claim",
)
_DATE_SYNC = (
    "UPDATE article_geography_tally SET published_date = NEW.published_date"
    " WHERE article_id = NEW.id;"
)

#: the tally with the names of its subjects; grouped by country, the helper's counts
VIEW = """
SELECT
    a.slug AS article,
    t.published_date AS published_date,
    t.side AS side,
    COALESCE(x.slug, e.slug) AS subject_slug,
    COALESCE(x.name, e.name) AS subject,
    t.place AS place,
    t.country AS country
FROM article_geography_tally t
JOIN article a ON a.id = t.article_id
LEFT JOIN actor x ON t.side <> 'event' AND x.id = t.subject_id
LEFT JOIN event e ON t.side = 'event' AND e.id = t.subject_id
"""


def _name(table: str, event: str) -> str:
    return f"geography_{table}_{event.lower()}"


def _body(old: str | None, new: str | None) -> str:
    return " ".join(_count_again(articles) for articles in (old, new) if articles)


def _sqlite_condition(condition: str) -> str:
    return condition.replace("IS DISTINCT FROM", "IS NOT")


def _create_triggers_postgresql() -> None:
    for table, event, columns, condition, old, new in TRIGGERS:
        name = _name(table, event)
        op.execute(
            f"""CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {_body(old, new)}
    RETURN NULL;
END $$"""
        )
        on = f"UPDATE OF {', '.join(columns)}" if columns else event
        when = f" WHEN ({condition})" if condition else ""
        op.execute(
            f"CREATE TRIGGER {name} AFTER {on} ON {table}"
            f" FOR EACH ROW{when} EXECUTE FUNCTION {name}()"
        )
    op.execute(
        f"""CREATE FUNCTION geography_recount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM article_geography_tally;
    INSERT INTO article_geography_tally ({", ".join(COLUMNS)}) {RECOUNT};
    RETURN NULL;
END $$"""
    )
    for table in TRUNCATED:
        op.execute(
            f"CREATE TRIGGER geography_{table}_truncate AFTER TRUNCATE ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION geography_recount()"
        )
    op.execute(
        f"""CREATE FUNCTION geography_article_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {_DATE_SYNC}
    RETURN NULL;
END $$"""
    )
    op.execute(
        "CREATE TRIGGER geography_article_date AFTER UPDATE OF published_date ON article"
        " FOR EACH ROW WHEN (OLD.published_date IS DISTINCT FROM NEW.published_date)"
        " EXECUTE FUNCTION geography_article_date()"
    )


def _create_triggers_sqlite() -> None:
    for table, event, columns, condition, old, new in TRIGGERS:
        on = f"UPDATE OF {', '.join(columns)}" if columns else event
        when = f" WHEN {_sqlite_condition(condition)}" if condition else ""
        op.execute(
            f"CREATE TRIGGER {_name(table, event)} AFTER {on} ON {table}{when}"
            f" BEGIN {_body(old, new)} END"
        )
    op.execute(
        "CREATE TRIGGER geography_article_date AFTER UPDATE OF published_date ON article"
        f" WHEN OLD.published_date IS NOT NEW.published_date BEGIN {_DATE_SYNC} END"
    )


def _drop_triggers(dialect: str) -> None:
    if dialect == "postgresql":
        for table in TRUNCATED:
            op.execute(f"DROP TRIGGER IF EXISTS geography_{table}_truncate ON {table}")
        op.execute("DROP FUNCTION IF EXISTS geography_recount()")
        for table, event, *_ in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {_name(table, event)} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {_name(table, event)}()")
        op.execute("DROP TRIGGER IF EXISTS geography_article_date ON article")
        op.execute("DROP FUNCTION IF EXISTS geography_article_date()")
    else:
        for table, event, *_ in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {_name(table, event)}")
        op.execute("DROP TRIGGER IF EXISTS geography_article_date")


def upgrade() -> None:
    op.create_table(
        "article_geography_tally",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=10), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("published_date", sa.Date(), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("place", sa.String(length=500), nullable=True),
        sa.CheckConstraint(
            "side IN ('source', 'event', 'party')",
            name=op.f("ck_article_geography_tally_side_vocab"),
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_geography_tally_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "article_id", "side", "subject_id", name=op.f("pk_article_geography_tally")
        ),
    )
    op.create_index(
        "ix_article_geography_tally_by_date",
        "article_geography_tally",
        ["published_date", "country", "side", "place", "article_id"],
    )
    op.execute(f"INSERT INTO article_geography_tally ({', '.join(COLUMNS)}) {RECOUNT}")
    if op.get_bind().dialect.name == "postgresql":
        _create_triggers_postgresql()
    else:
        _create_triggers_sqlite()
    op.execute(f"CREATE VIEW v_geography_tally AS {VIEW}")


def downgrade() -> None:
    op.execute("DROP VIEW v_geography_tally")
    _drop_triggers(op.get_bind().dialect.name)
    op.drop_table("article_geography_tally")
