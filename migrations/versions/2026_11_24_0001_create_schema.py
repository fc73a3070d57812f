"""Create the newsdb schema: articles, actors, events, quotes, claims and their links.

Revision ID: 0001
Revises:
Create Date: 2026-11-24 14:08:01.542413

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "actor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("sector", sa.String(length=40), server_default="unknown", nullable=False),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("wikidata_id", sa.String(length=20), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('person', 'organisation', 'state', 'armed_group', 'collective', 'population', 'anonymous')",
            name=op.f("ck_actor_kind_vocab"),
        ),
        sa.CheckConstraint(
            "sector IN ('government', 'military', 'police', 'intelligence', 'judiciary', 'political_party', 'politician', 'armed_group', 'think_tank', 'academia', 'expert', 'international_organisation', 'media', 'civil_society', 'affected_community', 'business', 'religious', 'other', 'unknown')",
            name=op.f("ck_actor_sector_vocab"),
        ),
        sa.CheckConstraint("wikidata_id LIKE 'Q%'", name=op.f("ck_actor_wikidata_id_format")),
        sa.CheckConstraint(
            "length(country) = 2 AND upper(country) = country", name=op.f("ck_actor_country_iso")
        ),
        sa.CheckConstraint("parent_id <> id", name=op.f("ck_actor_parent_not_self")),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["actor.id"], name=op.f("fk_actor_parent_id_actor"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor")),
        sa.UniqueConstraint("slug", name=op.f("uq_actor_slug")),
    )
    with op.batch_alter_table("actor", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actor_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_actor_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "annotator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.CheckConstraint(
            "kind IN ('hand', 'rule', 'model', 'import')", name=op.f("ck_annotator_kind_vocab")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annotator")),
        sa.UniqueConstraint("kind", "name", name=op.f("uq_annotator_kind_name")),
    )
    op.create_table(
        "article",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("headline", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(length=500), nullable=True),
        sa.Column("byline", sa.String(length=500), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published_date", sa.Date(), nullable=True),
        sa.Column("published_precision", sa.String(), nullable=True),
        sa.Column("published_qualifier", sa.String(), nullable=True),
        sa.Column("language", sa.String(length=35), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.CheckConstraint(
            "published_precision IN ('day', 'month', 'year', 'decade', 'unknown')",
            name=op.f("ck_article_published_precision_vocab"),
        ),
        sa.CheckConstraint(
            "published_qualifier IN ('exact', 'on_or_after', 'on_or_before')",
            name=op.f("ck_article_published_qualifier_vocab"),
        ),
        sa.CheckConstraint(
            "(published_date IS NULL) = (published_precision IS NULL)",
            name=op.f("ck_article_published_complete"),
        ),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_article_sha256_length")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article")),
        sa.UniqueConstraint("sha256", name=op.f("uq_article_sha256")),
        sa.UniqueConstraint("slug", name=op.f("uq_article_slug")),
    )
    op.create_table(
        "actor_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
            name=op.f("fk_actor_alias_actor_id_actor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_alias")),
        sa.UniqueConstraint("actor_id", "alias", name=op.f("uq_actor_alias_actor_id_alias")),
    )
    with op.batch_alter_table("actor_alias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actor_alias_alias"), ["alias"], unique=False)

    op.create_table(
        "affiliation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=500), nullable=True),
        sa.Column("descriptor", sa.Text(), nullable=False),
        sa.Column("location", sa.String(length=500), nullable=True),
        sa.Column("location_as_written", sa.String(length=500), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "0 <= span_start AND span_start < span_end", name=op.f("ck_affiliation_span_order")
        ),
        sa.CheckConstraint(
            "length(descriptor) = span_end - span_start", name=op.f("ck_affiliation_span_length")
        ),
        sa.CheckConstraint("person_id <> organisation_id", name=op.f("ck_affiliation_not_self")),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotator.id"],
            name=op.f("fk_affiliation_annotator_id_annotator"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_affiliation_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["actor.id"],
            name=op.f("fk_affiliation_organisation_id_actor"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["actor.id"],
            name=op.f("fk_affiliation_person_id_actor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_affiliation")),
        sa.UniqueConstraint(
            "article_id",
            "person_id",
            "span_start",
            name=op.f("uq_affiliation_article_id_person_id_span_start"),
        ),
    )
    with op.batch_alter_table("affiliation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_affiliation_annotator_id"), ["annotator_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_affiliation_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_affiliation_person_id"), ["person_id"], unique=False)

    op.create_table(
        "article_metadata",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("confidence", sa.String(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "confidence IN ('high', 'medium', 'low')",
            name=op.f("ck_article_metadata_confidence_vocab"),
        ),
        sa.CheckConstraint(
            "field IN ('headline', 'outlet', 'byline', 'url', 'published', 'language')",
            name=op.f("ck_article_metadata_field_vocab"),
        ),
        sa.CheckConstraint(
            "origin IN ('text', 'outside', 'inference', 'unknown')",
            name=op.f("ck_article_metadata_origin_vocab"),
        ),
        sa.CheckConstraint(
            "origin IN ('text', 'unknown') OR source IS NOT NULL",
            name=op.f("ck_article_metadata_outside_has_source"),
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_metadata_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_metadata")),
        sa.UniqueConstraint(
            "article_id", "field", name=op.f("uq_article_metadata_article_id_field")
        ),
    )
    op.create_table(
        "claim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("proposition", sa.Text(), nullable=False),
        sa.Column("attribution_mode", sa.String(length=20), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("cue", sa.String(length=200), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("certainty", sa.String(length=20), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(attribution_mode IN ('named_person', 'institution', 'unnamed_official', 'vague_collective')) = (source_id IS NOT NULL)",
            name=op.f("ck_claim_source_matches_mode"),
        ),
        sa.CheckConstraint(
            "attribution_mode = 'writer' OR cue IS NOT NULL",
            name=op.f("ck_claim_attributed_has_cue"),
        ),
        sa.CheckConstraint(
            "attribution_mode IN ('named_person', 'institution', 'unnamed_official', 'vague_collective', 'passive', 'writer')",
            name=op.f("ck_claim_attribution_mode_vocab"),
        ),
        sa.CheckConstraint(
            "certainty IN ('asserted', 'hedged', 'expected', 'possible')",
            name=op.f("ck_claim_certainty_vocab"),
        ),
        sa.CheckConstraint(
            "(cue IS NULL AND cue_start IS NULL AND cue_end IS NULL) OR (cue IS NOT NULL AND cue_start IS NOT NULL AND cue_end IS NOT NULL)",
            name=op.f("ck_claim_cue_complete"),
        ),
        sa.CheckConstraint(
            "0 <= cue_start AND cue_start < cue_end", name=op.f("ck_claim_cue_order")
        ),
        sa.CheckConstraint(
            "0 <= span_start AND span_start < span_end", name=op.f("ck_claim_span_order")
        ),
        sa.CheckConstraint("length(cue) = cue_end - cue_start", name=op.f("ck_claim_cue_length")),
        sa.CheckConstraint(
            "length(text) = span_end - span_start", name=op.f("ck_claim_span_length")
        ),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotator.id"],
            name=op.f("fk_claim_annotator_id_annotator"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_claim_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["actor.id"], name=op.f("fk_claim_source_id_actor"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim")),
        sa.UniqueConstraint("article_id", "key", name=op.f("uq_claim_article_id_key")),
    )
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_annotator_id"), ["annotator_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_claim_article_id_attribution_mode"),
            ["article_id", "attribution_mode"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_claim_source_id"), ["source_id"], unique=False)

    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("event_type", sa.String(length=40), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("date_as_written", sa.String(length=500), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=20), nullable=False),
        sa.Column("date_resolution", sa.String(length=20), nullable=False),
        sa.Column("date_source", sa.Text(), nullable=True),
        sa.Column("location", sa.String(length=500), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("fatalities", sa.Integer(), nullable=True),
        sa.Column("fatalities_as_written", sa.String(length=500), nullable=True),
        sa.Column("fatalities_reported_by_id", sa.Integer(), nullable=True),
        sa.Column("fatalities_attribution", sa.String(length=20), nullable=True),
        sa.CheckConstraint(
            "(start_date IS NULL) = (date_precision = 'unknown')",
            name=op.f("ck_event_date_precision_known"),
        ),
        sa.CheckConstraint(
            "date_precision IN ('day', 'month', 'year', 'decade', 'unknown')",
            name=op.f("ck_event_date_precision_vocab"),
        ),
        sa.CheckConstraint(
            "date_resolution IN ('stated', 'relative', 'outside', 'inferred', 'unresolved')",
            name=op.f("ck_event_date_resolution_vocab"),
        ),
        sa.CheckConstraint(
            "date_resolution NOT IN ('outside', 'inferred') OR date_source IS NOT NULL",
            name=op.f("ck_event_date_source_given"),
        ),
        sa.CheckConstraint(
            "event_type IN ('airstrike', 'attack', 'armed_clash', 'shelling', 'insurgency', 'statement', 'diplomacy', 'political_removal', 'arrest', 'protest', 'election', 'regime_change', 'revolution', 'funding', 'loan', 'crisis', 'founding', 'other')",
            name=op.f("ck_event_event_type_vocab"),
        ),
        sa.CheckConstraint(
            "fatalities_attribution IN ('named_person', 'institution', 'unnamed_official', 'vague_collective', 'passive', 'writer')",
            name=op.f("ck_event_fatalities_attribution_vocab"),
        ),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_event_date_order")),
        sa.CheckConstraint("fatalities >= 0", name=op.f("ck_event_fatalities_positive")),
        sa.CheckConstraint(
            "length(country) = 2 AND upper(country) = country", name=op.f("ck_event_country_iso")
        ),
        sa.CheckConstraint("parent_id <> id", name=op.f("ck_event_parent_not_self")),
        sa.ForeignKeyConstraint(
            ["fatalities_reported_by_id"],
            ["actor.id"],
            name=op.f("fk_event_fatalities_reported_by_id_actor"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["event.id"], name=op.f("fk_event_parent_id_event"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
        sa.UniqueConstraint("slug", name=op.f("uq_event_slug")),
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_event_type"), ["event_type"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_event_fatalities_reported_by_id"),
            ["fatalities_reported_by_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_event_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_start_date"), ["start_date"], unique=False)

    op.create_table(
        "mention",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "0 <= span_start AND span_start < span_end", name=op.f("ck_mention_span_order")
        ),
        sa.CheckConstraint(
            "length(text) = span_end - span_start", name=op.f("ck_mention_span_length")
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actor.id"], name=op.f("fk_mention_actor_id_actor"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotator.id"],
            name=op.f("fk_mention_annotator_id_annotator"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_mention_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mention")),
        sa.UniqueConstraint(
            "article_id",
            "actor_id",
            "span_start",
            "span_end",
            name=op.f("uq_mention_article_id_actor_id_span_start_span_end"),
        ),
    )
    with op.batch_alter_table("mention", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_mention_actor_id_article_id"), ["actor_id", "article_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_mention_annotator_id"), ["annotator_id"], unique=False)

    op.create_table(
        "paragraph",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "0 <= span_start AND span_start <= span_end", name=op.f("ck_paragraph_span_order")
        ),
        sa.CheckConstraint("number >= 1", name=op.f("ck_paragraph_number_positive")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_paragraph_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_paragraph")),
        sa.UniqueConstraint("article_id", "number", name=op.f("uq_paragraph_article_id_number")),
    )
    op.create_table(
        "quote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("cue", sa.String(length=200), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("continues_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('direct', 'partial', 'indirect')", name=op.f("ck_quote_kind_vocab")
        ),
        sa.CheckConstraint(
            "(cue IS NULL AND cue_start IS NULL AND cue_end IS NULL) OR (cue IS NOT NULL AND cue_start IS NOT NULL AND cue_end IS NOT NULL)",
            name=op.f("ck_quote_cue_complete"),
        ),
        sa.CheckConstraint(
            "0 <= cue_start AND cue_start < cue_end", name=op.f("ck_quote_cue_order")
        ),
        sa.CheckConstraint(
            "0 <= span_start AND span_start < span_end", name=op.f("ck_quote_span_order")
        ),
        sa.CheckConstraint("continues_id <> id", name=op.f("ck_quote_continues_not_self")),
        sa.CheckConstraint("length(cue) = cue_end - cue_start", name=op.f("ck_quote_cue_length")),
        sa.CheckConstraint(
            "length(text) = span_end - span_start", name=op.f("ck_quote_span_length")
        ),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotator.id"],
            name=op.f("fk_quote_annotator_id_annotator"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_quote_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["continues_id"],
            ["quote.id"],
            name=op.f("fk_quote_continues_id_quote"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["actor.id"],
            name=op.f("fk_quote_speaker_id_actor"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quote")),
        sa.UniqueConstraint("article_id", "key", name=op.f("uq_quote_article_id_key")),
    )
    with op.batch_alter_table("quote", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quote_annotator_id"), ["annotator_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quote_continues_id"), ["continues_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_quote_speaker_id_article_id"), ["speaker_id", "article_id"], unique=False
        )

    op.create_table(
        "claim_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("aspect", sa.String(length=100), nullable=False),
        sa.Column("stated_value", sa.String(length=500), nullable=False),
        sa.Column("checked_value", sa.String(length=500), nullable=True),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "verdict IN ('confirmed', 'contradicted', 'partly_confirmed', 'unverifiable')",
            name=op.f("ck_claim_check_verdict_vocab"),
        ),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotator.id"],
            name=op.f("fk_claim_check_annotator_id_annotator"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_check_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_check")),
        sa.UniqueConstraint("claim_id", "aspect", name=op.f("uq_claim_check_claim_id_aspect")),
    )
    with op.batch_alter_table("claim_check", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_claim_check_annotator_id"), ["annotator_id"], unique=False
        )

    op.create_table(
        "claim_event",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_event_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_claim_event_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", "event_id", name=op.f("pk_claim_event")),
    )
    with op.batch_alter_table("claim_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_event_event_id"), ["event_id"], unique=False)

    op.create_table(
        "claim_quote",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_quote_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["quote_id"],
            ["quote.id"],
            name=op.f("fk_claim_quote_quote_id_quote"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", "quote_id", name=op.f("pk_claim_quote")),
    )
    with op.batch_alter_table("claim_quote", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_quote_quote_id"), ["quote_id"], unique=False)

    op.create_table(
        "claim_relation",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("other_claim_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.CheckConstraint(
            "relation IN ('corroborates', 'conflicts')",
            name=op.f("ck_claim_relation_relation_vocab"),
        ),
        sa.CheckConstraint("claim_id <> other_claim_id", name=op.f("ck_claim_relation_not_self")),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_relation_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["other_claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_relation_other_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "claim_id", "other_claim_id", "relation", name=op.f("pk_claim_relation")
        ),
    )
    with op.batch_alter_table("claim_relation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_claim_relation_other_claim_id"), ["other_claim_id"], unique=False
        )

    op.create_table(
        "event_mention",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "0 <= span_start AND span_start < span_end", name=op.f("ck_event_mention_span_order")
        ),
        sa.CheckConstraint(
            "length(text) = span_end - span_start", name=op.f("ck_event_mention_span_length")
        ),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotator.id"],
            name=op.f("fk_event_mention_annotator_id_annotator"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_event_mention_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_mention_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_mention")),
        sa.UniqueConstraint(
            "article_id",
            "event_id",
            "span_start",
            "span_end",
            name=op.f("uq_event_mention_article_id_event_id_span_start_span_end"),
        ),
    )
    with op.batch_alter_table("event_mention", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_mention_annotator_id"), ["annotator_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_event_mention_event_id_article_id"),
            ["event_id", "article_id"],
            unique=False,
        )

    op.create_table(
        "event_participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "role IN ('initiator', 'target', 'victim', 'location', 'subject', 'participant', 'affected', 'lender', 'recipient', 'speaker')",
            name=op.f("ck_event_participant_role_vocab"),
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
            name=op.f("fk_event_participant_actor_id_actor"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotator.id"],
            name=op.f("fk_event_participant_annotator_id_annotator"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_participant_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_participant")),
        sa.UniqueConstraint(
            "event_id", "actor_id", "role", name=op.f("uq_event_participant_event_id_actor_id_role")
        ),
    )
    with op.batch_alter_table("event_participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_participant_actor_id"), ["actor_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_event_participant_annotator_id"), ["annotator_id"], unique=False
        )



def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("event_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_participant_annotator_id"))
        batch_op.drop_index(batch_op.f("ix_event_participant_actor_id"))

    op.drop_table("event_participant")
    with op.batch_alter_table("event_mention", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_mention_event_id_article_id"))
        batch_op.drop_index(batch_op.f("ix_event_mention_annotator_id"))

    op.drop_table("event_mention")
    with op.batch_alter_table("claim_relation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_relation_other_claim_id"))

    op.drop_table("claim_relation")
    with op.batch_alter_table("claim_quote", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_quote_quote_id"))

    op.drop_table("claim_quote")
    with op.batch_alter_table("claim_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_event_event_id"))

    op.drop_table("claim_event")
    with op.batch_alter_table("claim_check", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_check_annotator_id"))

    op.drop_table("claim_check")
    with op.batch_alter_table("quote", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quote_speaker_id_article_id"))
        batch_op.drop_index(batch_op.f("ix_quote_continues_id"))
        batch_op.drop_index(batch_op.f("ix_quote_annotator_id"))

    op.drop_table("quote")
    op.drop_table("paragraph")
    with op.batch_alter_table("mention", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mention_annotator_id"))
        batch_op.drop_index(batch_op.f("ix_mention_actor_id_article_id"))

    op.drop_table("mention")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_start_date"))
        batch_op.drop_index(batch_op.f("ix_event_parent_id"))
        batch_op.drop_index(batch_op.f("ix_event_fatalities_reported_by_id"))
        batch_op.drop_index(batch_op.f("ix_event_event_type"))

    op.drop_table("event")
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_source_id"))
        batch_op.drop_index(batch_op.f("ix_claim_article_id_attribution_mode"))
        batch_op.drop_index(batch_op.f("ix_claim_annotator_id"))

    op.drop_table("claim")
    op.drop_table("article_metadata")
    with op.batch_alter_table("affiliation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_affiliation_person_id"))
        batch_op.drop_index(batch_op.f("ix_affiliation_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_affiliation_annotator_id"))

    op.drop_table("affiliation")
    with op.batch_alter_table("actor_alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_alias_alias"))

    op.drop_table("actor_alias")
    op.drop_table("article")
    op.drop_table("annotator")
    with op.batch_alter_table("actor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_parent_id"))
        batch_op.drop_index(batch_op.f("ix_actor_kind"))

    op.drop_table("actor")
