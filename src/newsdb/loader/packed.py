"""A plan's rows packed to be sent from a worker process and written: :class:`PackedRows`.

A planned row is a dict, its column names repeated in every row and each reference a tuple
of its own. Sent from a worker (pickled, then unpickled by the writer) and turned into the
tuples the driver writes, that costs the writer, the one process that cannot be spread, more
than it needs: a seed-size article has ~490 rows. Packed, each table's column names are given
once and its values a tuple a column, and a reference named twice is one object (pickled once,
unpickled once): for the seed, 35 KB to send instead of 51 and a third of the time to
unpickle (with fewer objects for the collector), and the writer only swaps the reference
columns for ids and zips the columns into rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from newsdb.loader.tables import FOREIGN


class PackedRows(Mapping):
    """A plan's rows by table (as :attr:`newsdb.loader.Plan.rows`), packed: :meth:`table`
    gives a table's column names and values. Read as a mapping, model -> rows, it gives them
    as dicts again, read-only (a change would be lost: :meth:`newsdb.loader.Plan.unpack`
    first), so that what reads a plan's rows (the slow path that compares and replaces an
    article's rows, a fingerprint) reads them alike packed or not. A table's are made once
    (the slow path reads them three times), and not sent with the rest."""

    def __init__(self, rows: Mapping[type, Sequence[Mapping[str, Any]]]) -> None:
        same: dict = {}  # each reference once
        self.tables = {model: _packed(model, table, same) for model, table in rows.items()}
        self.read: dict[type, tuple[Mapping[str, Any], ...]] = {}

    def __getstate__(self) -> dict:
        return {"tables": self.tables, "read": {}}

    def table(self, model) -> tuple[tuple[str, ...], list[tuple]]:
        """The table's column names and its values, a tuple a column (none without rows)."""
        return self.tables[model]

    def column(self, model, name: str) -> tuple:
        """The values of one column of the table, a row's each."""
        names, columns = self.tables[model]
        return columns[names.index(name)] if names else ()

    def __getitem__(self, model) -> tuple[Mapping[str, Any], ...]:
        if model not in self.read:
            names, columns = self.tables[model]
            rows = (MappingProxyType(dict(zip(names, row))) for row in zip(*columns))
            self.read[model] = tuple(rows)
        return self.read[model]

    def __contains__(self, model) -> bool:  # without making the rows, as Mapping's would
        return model in self.tables

    def __iter__(self) -> Iterator[type]:
        return iter(self.tables)

    def __len__(self) -> int:
        return len(self.tables)


def _packed(model, rows: Sequence[Mapping[str, Any]], same: dict) -> tuple[tuple, list[tuple]]:
    """One table's rows as column names and a tuple a column; a reference equal to one seen
    before is that one (``same``). Every row must name the same columns in the same order,
    as the planner makes them."""
    if not rows:
        return (), []
    names = tuple(rows[0])
    if any(tuple(row) != names for row in rows):
        raise ValueError(f"{model.__tablename__}: rows with different columns cannot be packed")
    columns = list(zip(*(row.values() for row in rows)))
    for i, name in enumerate(names):
        if name in FOREIGN:
            columns[i] = tuple([same.setdefault(v, v) for v in columns[i]])
    return names, columns
