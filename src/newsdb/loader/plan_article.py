"""Planning step: the article, its paragraphs and where its metadata came from."""

from __future__ import annotations

from typing import Any

from newsdb import paragraphs
from newsdb.loader.planner import _Planner
from newsdb.models import ArticleMetadata, Paragraph
from newsdb.vocab import MetadataField


def _article_rows(p: _Planner, digest: str) -> dict[str, Any]:
    """The article, its paragraphs and where its metadata came from."""
    header, body = p.doc.article, p.body
    published = header.published
    article = {
        "slug": header.slug,
        "headline": header.headline.value,
        "outlet": header.outlet.value,
        "byline": header.byline.value,
        "url": header.url.value,
        "published_date": published.value,
        "published_precision": published.precision,
        "published_qualifier": published.qualifier if published.value else None,
        "language": header.language.value,
        "body": body,
        "sha256": digest,
    }
    p.rows[Paragraph] = paragraphs.rows(body)
    for name in MetadataField:
        meta = getattr(header, name.value)
        value = (
            meta.value.isoformat() if name is MetadataField.PUBLISHED and meta.value else meta.value
        )
        p.rows[ArticleMetadata].append(
            {
                "field": name.value,
                "value": value,
                "origin": meta.origin,
                "source": meta.source,
                "confidence": meta.confidence,
                "note": meta.note,
            }
        )
    return article
