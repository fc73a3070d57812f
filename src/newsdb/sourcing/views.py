"""The SQL views the helpers read, as SQLAlchemy tables built from the helpers' dataclasses.

Each view (migrations 0002, 0004, 0009) has a column for each field of its helper's row
dataclass, except the fields marked :data:`HELPER_ONLY`, which the helper computes. The tables
live in their own :data:`VIEWS` metadata, apart from ``Base.metadata``, so autogenerate never
sees them.
"""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import Boolean, Column, Date, Float, Integer, MetaData, String, Table

#: The views, kept apart from ``Base.metadata`` so that autogenerate never sees them.
VIEWS = MetaData()

_TYPES = {"int": Integer, "str": String, "float": Float, "bool": Boolean, "dt.date": Date}
#: a dataclass field that the helper adds and the view does not have
HELPER_ONLY = {"view": False}


def view_of(name: str, row_type: type) -> Table:
    """The view ``name``, with a column for each field of ``row_type`` the view holds."""
    columns = []
    for f in fields(row_type):
        if f.metadata.get("view", True):
            base = str(f.type).removesuffix(" | None")
            columns.append(Column(f.name, _TYPES[base]()))
    return Table(name, VIEWS, *columns)


def view_columns(row_type: type) -> list[str]:
    """The names of the fields of ``row_type`` that are columns of its view."""
    return [f.name for f in fields(row_type) if f.metadata.get("view", True)]
