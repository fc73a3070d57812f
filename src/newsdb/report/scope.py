"""Which articles a report covers: some by slug, those in a range of publication dates, or all.

The helpers of :mod:`newsdb.sourcing` take one article or a range; a report of several
articles by slug calls each helper once per slug, a report of a range calls it once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from newsdb.listings import article_id, check_range
from newsdb.models import Article


@dataclass(frozen=True)
class Scope:
    """The articles chosen: ``articles`` by slug (all if empty), published between ``since``
    and ``until`` (both inclusive; with either, undated articles are left out)."""

    articles: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None

    def check(self, session: Session) -> None:
        """Raise ``BadRange`` or ``UnknownArticle`` before anything is read or written."""
        check_range(self.since, self.until)
        for slug in self.articles:
            article_id(session, slug)

    def calls(self) -> Iterator[dict[str, Any]]:
        """The keyword arguments of each helper call that together cover the articles."""
        if not self.articles:
            yield {"article": None, "since": self.since, "until": self.until}
            return
        for slug in dict.fromkeys(self.articles):  # each slug once, in the order given
            yield {"article": slug, "since": self.since, "until": self.until}

    def rows(self, helper: Callable[..., list], session: Session, **options: Any) -> list:
        """Every row ``helper`` gives over the articles chosen."""
        return [row for call in self.calls() for row in helper(session, **call, **options)]

    def chosen(self) -> Select:
        """``SELECT article.id`` of the articles chosen, every value bound."""
        query = select(Article.id)
        if self.articles:
            query = query.where(Article.slug.in_(self.articles))
        if self.since is not None:
            query = query.where(Article.published_date >= self.since)
        if self.until is not None:
            query = query.where(Article.published_date <= self.until)
        return query

    def describe(self) -> str:
        """The scope in words, for the page's heading."""
        parts = []
        if self.articles:
            parts.append(", ".join(self.articles))
        if self.since or self.until:
            parts.append(f"published {self.since or '…'} to {self.until or '…'}")
        return "; ".join(parts) or "every article"
