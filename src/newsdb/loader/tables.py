"""The tables that hold one article's rows, and the columns of a plan's rows that name
another row.
"""

from __future__ import annotations

from newsdb import fingerprint
from newsdb.models import ARTICLE_TABLES

__all__ = ["ARTICLE_TABLES", "FOREIGN"]

#: the tables whose rows belong to the article through one of its claims
_BY_CLAIM = {m for m in ARTICLE_TABLES if "article_id" not in m.__table__.c}


#: the columns of a plan's rows that refer to another row, and the kind of row they name (a
#: parent, an actor's or an event's, may be either kind: its reference says which)
FOREIGN = {**fingerprint.REFERS, "parent_id": None}
