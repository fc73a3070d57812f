"""What one load did, table by table."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Report:
    """What one load did: per table, how many rows were inserted, updated, deleted, unchanged."""

    article: str
    status: str = "unchanged"  # inserted, updated or unchanged
    counts: dict[str, Counter] = field(default_factory=dict)

    def count(self, table: str, what: str, n: int = 1) -> None:
        """Add ``n`` rows of ``table`` to those ``what`` (inserted, ...); called some eighty
        times an article, so a table's counter is made once, not at each call."""
        if n:
            counts = self.counts.get(table)
            if counts is None:
                counts = self.counts[table] = Counter()
            counts[what] += n

    @property
    def changed(self) -> bool:
        return self.status != "unchanged" or any(
            c["inserted"] or c["updated"] or c["deleted"] for c in self.counts.values()
        )

    def summary(self) -> str:
        """The status on one line, then one line per kind of change: 'inserted: 11 quote, ...'."""
        lines = [f"{self.article}: {self.status}"]
        for action in ("inserted", "updated", "deleted", "unchanged"):
            done = [f"{c[action]} {table}" for table, c in self.counts.items() if c[action]]
            if done:
                lines.append(f"  {action}: {', '.join(done)}")
        return "\n".join(lines)
