"""The schema's descriptions for the clients that read no ``COMMENT ON``: Datasette's metadata.

The words are those PostgreSQL holds as comments: the tables' from the models
(:mod:`newsdb.models.descriptions`), the views' from the migration that creates them
(:data:`VIEWS_DESCRIBED_IN`). :func:`describe` names what a live database holds, so a table or
column that nothing describes shows as ``None`` (a test holds that none does).
"""

from __future__ import annotations

from html import escape
from typing import Any

from sqlalchemy import Engine, inspect

#: the revision whose module describes the views (VIEWS, COMMON, describe_view_column)
VIEWS_DESCRIBED_IN = "0012"

#: the column that names a row where another table points at it (Datasette's label_column)
LABELS = {
    "article": "slug",
    "actor": "name",
    "event": "name",
    "annotator": "name",
    "quote": "key",
    "claim": "key",
}

#: the columns people narrow a table or view by (Datasette's facets)
FACETS = {
    "v_sources": ["article", "source_class", "sector", "country"],
    "v_claims": ["attribution_mode", "certainty", "article"],
    "v_quotes": ["kind", "speaker", "article"],
    "v_attribution_profile": ["mode_label", "article"],
    "v_voice_gaps": ["kind", "sector", "article"],
    "v_spoken_for": ["via", "speaker", "article"],
    "v_source_geography": ["side", "country", "article"],
    "v_geography_tally": ["side", "country"],
    "v_claim_support": ["route", "source_class", "article"],
    "v_corroboration": ["support", "attribution_mode", "article"],
    "v_claim_conflicts": ["article"],
    "v_event_sourcing": ["item", "attribution_mode", "event_type"],
    "v_quote_network": ["speaker", "mentioned_kind", "article"],
    "v_claim_checks": ["verdict", "aspect", "differs"],
    "v_actor_tally": ["source_class", "sector", "heard"],
    "article": ["outlet", "language", "published_precision"],
    "actor": ["kind", "sector", "country"],
    "event": ["event_type", "country", "date_resolution"],
    "quote": ["kind", "article_id", "speaker_id"],
    "claim": ["attribution_mode", "certainty", "article_id"],
    "claim_check": ["verdict", "aspect"],
    "mention": ["article_id", "actor_id"],
    "event_participant": ["role", "article_id"],
    "affiliation": ["organisation_id"],
    "annotator": ["kind"],
}

#: tables a person need not browse: derived counts the views show (and the fingerprints
#: and Alembic's version, named where they are hidden)
HIDDEN_SUFFIX = "_tally"


def _views_module() -> Any:
    from alembic.script import ScriptDirectory

    from newsdb.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    return script.get_revision(VIEWS_DESCRIBED_IN).module


def describe(engine: Engine) -> dict[str, tuple[str | None, dict[str, str | None], bool]]:
    """Every table and view ``engine``'s database holds: (its description, {column: its
    description}, whether it is a view), views first, in the order the migration gives them."""
    from newsdb.models import Base
    from newsdb.models.descriptions import ALEMBIC

    views = _views_module()
    tables = {t.name: (t.comment, {c.name: c.comment for c in t.columns}) for t in Base.metadata.tables.values()}  # fmt: skip
    tables["alembic_version"] = ALEMBIC
    found = inspect(engine)
    live_views = set(found.get_view_names())
    out: dict[str, tuple[str | None, dict[str, str | None], bool]] = {}
    for name in [v for v in views.VIEWS if v in live_views] + sorted(live_views - set(views.VIEWS)):
        doc, columns = views.VIEWS.get(name, (None, {}))
        out[name] = (
            doc,
            {
                c["name"]: columns.get(c["name"]) or views.COMMON.get(c["name"])
                for c in found.get_columns(name)
            },
            True,
        )
    for name in sorted(found.get_table_names()):
        doc, columns = tables.get(name, (None, {}))
        out[name] = (
            doc,
            {c["name"]: columns.get(c["name"]) for c in found.get_columns(name)},
            False,
        )
    return out


def datasette_metadata(engine: Engine, database: str) -> dict[str, Any]:
    """Datasette's metadata for ``engine``'s database served under the name ``database``:
    every table, view and column described, the views listed first on the database's page,
    a label column for the tables others point at, and facets."""
    described = describe(engine)
    listed = "".join(
        f'<li><a href="/{escape(database)}/{name}">{name}</a>: {escape(doc or "")}</li>'
        for name, (doc, _, is_view) in described.items()
        if is_view
    )
    tables: dict[str, Any] = {}
    for name, (doc, columns, is_view) in described.items():
        entry: dict[str, Any] = {"description": doc, "columns": columns}
        if name in LABELS:
            entry["label_column"] = LABELS[name]
        if name in FACETS:
            entry["facets"] = FACETS[name]
        if name in ("alembic_version", "article_fingerprint") or name.endswith(HIDDEN_SUFFIX):
            entry["hidden"] = True
        tables[name] = entry
    return {
        "title": "newsdb: how news articles source what they report",
        "description": "Who is quoted, on whose word claims rest, who goes unheard.",
        "databases": {
            database: {
                "description_html": "<p>Start with the views: each answers one question "
                "over every article (filter on <code>article</code> or "
                "<code>published_date</code>). The tables below hold what they are "
                f"computed from.</p><ul>{listed}</ul>",
                "tables": tables,
            }
        },
    }
