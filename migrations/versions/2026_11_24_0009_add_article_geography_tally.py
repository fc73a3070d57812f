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


# Each builder below gives one side's rows, narrowed by SQL suffixes: ``article`` ("= NEW.x",
# "IN (...)") on the article's id, ``subject`` on the actor's or the event's. None: all.
# No CTE: SQLite allows none inside a trigger.


def _where(*conditions: str | None) -> str:
    chosen = [c for c in conditions if c]
    return f" WHERE {' AND '.join(chosen)}" if chosen else ""


def _on(column: str, suffix: str | None) -> str | None:
    return f"{column} {suffix}" if suffix else None


def _sources(article: str | None = None, actor: str | None = None) -> str:
    """Each actor quoted or credited with a claim, placed by itself, else by the organisation
    of its first affiliation in the article, else by its parent; its place, the
    affiliation's."""
    quoted = _where(_on("q.article_id", article), _on("q.speaker_id", actor))
    credited = _where(
        "c.source_id IS NOT NULL", _on("c.article_id", article), _on("c.source_id", actor)
    )
    return f"""
    SELECT src.article_id, 'source' AS side, src.actor_id AS subject_id,
        COALESCE(s.country, o.country, parent.country) AS country, f.location AS place
    FROM (
        SELECT q.article_id, q.speaker_id AS actor_id FROM quote q{quoted}
        UNION
        SELECT c.article_id, c.source_id FROM claim c{credited}
    ) src
    JOIN actor s ON s.id = src.actor_id
    LEFT JOIN affiliation f ON f.id = (
        SELECT f2.id FROM affiliation f2
        WHERE f2.article_id = src.article_id AND f2.person_id = src.actor_id
        ORDER BY f2.span_start LIMIT 1
    )
    LEFT JOIN actor o ON o.id = f.organisation_id
    LEFT JOIN actor parent ON parent.id = s.parent_id"""


def _reported(article: str | None = None, event: str | None = None) -> str:
    """The (article, event) pairs where the article mentions the event or makes a claim
    about it."""
    mentioned = _where(_on("em.article_id", article), _on("em.event_id", event))
    claimed = _where(_on("c.article_id", article), _on("ce.event_id", event))
    return (
        f"SELECT em.article_id, em.event_id FROM event_mention em{mentioned}"
        " UNION SELECT c.article_id, ce.event_id FROM claim c"
        f" JOIN claim_event ce ON ce.claim_id = c.id{claimed}"
    )


def _events(article: str | None = None, event: str | None = None) -> str:
    return f"""
    SELECT ae.article_id, 'event' AS side, e.id AS subject_id, e.country, e.location AS place
    FROM ({_reported(article, event)}) ae
    JOIN event e ON e.id = ae.event_id"""


def _parties(article: str | None = None, actor: str | None = None) -> str:
    """Each state taking part, as the article states it, in an event the article reports."""
    return f"""
    SELECT DISTINCT ae.article_id, 'party' AS side, x.id AS subject_id, x.country,
        x.name AS place
    FROM ({_reported(article)}) ae
    JOIN event_participant ep ON ep.article_id = ae.article_id AND ep.event_id = ae.event_id
    JOIN actor x ON x.id = ep.actor_id{_where("x.kind = 'state'", _on("x.id", actor))}"""


def _dated(*sides: str) -> str:
    return (
        "SELECT g.article_id, g.side, g.subject_id, a.published_date, g.country, g.place"
        f" FROM ({' UNION ALL '.join(sides)}) g JOIN article a ON a.id = g.article_id"
    )


#: every article's rows (newsdb.tally holds the same recount)
RECOUNT = _dated(_sources(), _events(), _parties())


def _replace(rows: str, article: str, side: str | None = None, subject: str | None = None) -> str:
    """Delete the tally rows that ``rows`` count again, and insert these."""
    chosen = _where(
        _on("article_id", article), f"side = '{side}'" if side else None, _on("subject_id", subject)
    )
    return (
        f"DELETE FROM article_geography_tally{chosen};"
        f" INSERT INTO article_geography_tally ({', '.join(COLUMNS)}) {rows};"
    )


def _article(article: str) -> str:
    return _replace(_dated(_sources(article), _events(article), _parties(article)), article)


def _source(article: str, actor: str) -> str:
    return _replace(_dated(_sources(article, actor)), article, "source", actor)


def _party(article: str, actor: str) -> str:
    return _replace(_dated(_parties(article, actor)), article, "party", actor)


def _event(article: str, event: str) -> str:
    """The event's row, and those of the states taking part in it in the article."""
    states = (
        "IN (SELECT actor_id FROM event_participant"
        f" WHERE article_id {article} AND event_id {event})"
    )
    return _replace(_dated(_events(article, event)), article, "event", event) + _party(
        article, states
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


def _both(count, *columns: str) -> str:
    """``count`` for the OLD row, then for the NEW one."""
    return " ".join(count(*(f"= {r}.{c}" for c in columns)) for r in ("OLD", "NEW"))


#: (table, event, the columns an UPDATE trigger watches, the condition on the row, the SQL it
#: runs). Each counts again only the rows the change can move: a source, an event and its
#: party states, a party state; the whole article, or every article that names an actor or
#: an event, for the rarer changes.
TRIGGERS = [
    # an actor becomes a source of the article, or stops being one
    (
        "article_actor_tally",
        "INSERT",
        (),
        _HEARD.format(r="NEW"),
        _source("= NEW.article_id", "= NEW.actor_id"),
    ),
    (
        "article_actor_tally",
        "DELETE",
        (),
        _HEARD.format(r="OLD"),
        _source("= OLD.article_id", "= OLD.actor_id"),
    ),
    (
        "article_actor_tally",
        "UPDATE",
        ("quotes", "claims"),
        f"{_HEARD.format(r='OLD')} <> {_HEARD.format(r='NEW')}",
        _source("= NEW.article_id", "= NEW.actor_id"),
    ),
    # a person's first affiliation places the person as a source
    ("affiliation", "INSERT", (), None, _source("= NEW.article_id", "= NEW.person_id")),
    ("affiliation", "DELETE", (), None, _source("= OLD.article_id", "= OLD.person_id")),
    (
        "affiliation",
        "UPDATE",
        ("article_id", "person_id", "organisation_id", "location", "span_start"),
        None,
        _both(_source, "article_id", "person_id"),
    ),
    ("event_mention", "INSERT", (), None, _event("= NEW.article_id", "= NEW.event_id")),
    ("event_mention", "DELETE", (), None, _event("= OLD.article_id", "= OLD.event_id")),
    (
        "event_mention",
        "UPDATE",
        ("article_id", "event_id"),
        None,
        _both(_event, "article_id", "event_id"),
    ),
    ("claim_event", "INSERT", (), None, _event(_of_claim("NEW.claim_id"), "= NEW.event_id")),
    ("claim_event", "DELETE", (), None, _event(_of_claim("OLD.claim_id"), "= OLD.event_id")),
    (
        "claim_event",
        "UPDATE",
        ("claim_id", "event_id"),
        None,
        _event(_of_claim("OLD.claim_id"), "= OLD.event_id")
        + _event(_of_claim("NEW.claim_id"), "= NEW.event_id"),
    ),
    # a deleted claim's events go by cascade, when the claim is no longer there to name its
    # article
    ("claim", "DELETE", (), None, _article("= OLD.article_id")),
    ("claim", "UPDATE", ("article_id",), None, _both(_article, "article_id")),
    ("event_participant", "INSERT", (), None, _party("= NEW.article_id", "= NEW.actor_id")),
    ("event_participant", "DELETE", (), None, _party("= OLD.article_id", "= OLD.actor_id")),
    (
        "event_participant",
        "UPDATE",
        ("article_id", "event_id", "actor_id"),
        None,
        _both(_party, "article_id", "actor_id"),
    ),
    (
        "actor",
        "UPDATE",
        ("country", "parent_id", "kind", "name"),
        " OR ".join(
            f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in ("country", "parent_id", "kind", "name")
        ),
        _article(_ACTOR_ARTICLES.format(r="NEW")),
    ),
    (
        "event",
        "UPDATE",
        ("country", "location"),
        "OLD.country IS DISTINCT FROM NEW.country OR OLD.location IS DISTINCT FROM NEW.location",
        _article(_EVENT_ARTICLES.format(r="NEW")),
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

#: the tally with the names of its subjects; grouped by country, the helper's counts. LEFT
#: JOINs on primary keys, exact through the NOT NULL foreign key, as in 0004's v_actor_tally:
#: a query that asks for no name lets both backends drop the joins
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
LEFT JOIN article a ON a.id = t.article_id
LEFT JOIN actor x ON t.side <> 'event' AND x.id = t.subject_id
LEFT JOIN event e ON t.side = 'event' AND e.id = t.subject_id
"""


def _name(table: str, event: str) -> str:
    return f"geography_{table}_{event.lower()}"


def _sqlite_condition(condition: str) -> str:
    return condition.replace("IS DISTINCT FROM", "IS NOT")


def _create_triggers_postgresql() -> None:
    for table, event, columns, condition, body in TRIGGERS:
        name = _name(table, event)
        op.execute(
            f"""CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {body}
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
    for table, event, columns, condition, body in TRIGGERS:
        on = f"UPDATE OF {', '.join(columns)}" if columns else event
        when = f" WHEN {_sqlite_condition(condition)}" if condition else ""
        op.execute(
            f"CREATE TRIGGER {_name(table, event)} AFTER {on} ON {table}{when} BEGIN {body} END"
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
