"""What the planning steps share (:class:`_Planner`): the document, its text, the rows made
so far and the problems found so far; and the small helpers that shape a reference or a cue.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import yaml

from newsdb import limits, textref
from newsdb.annotation import AnnotationFile
from newsdb.annotation_errors import Problem, line_of, shown
from newsdb.loader.tables import ARTICLE_TABLES

_SECTIONS = ("actors", "affiliations", "events", "quotes", "claims", "times")


class _Planner:
    """What the planning steps share: the document, its text, the rows made so far, the
    problems found so far, and how to place words in the text or note a problem."""

    def __init__(
        self, path: Path, root: yaml.Node | None, doc: AnnotationFile, body: str, data: Any
    ):
        self.path, self.root, self.doc, self.body = path, root, doc, body
        self.text = textref.Text(body)  # where words are placed, remembered
        self.data = data if isinstance(data, dict) else {}
        self.problems: list[Problem] = []
        #: whether every item passed validation (else there is no plan to make, only problems)
        self.whole = all(item is not None for s in _SECTIONS for item in getattr(doc, s))
        self.annotator = ("annotator", (doc.annotator.kind, doc.annotator.name))
        self.rows: dict[type, list[dict[str, Any]]] = {table: [] for table in ARTICLE_TABLES}
        self.actors = self.unique("actors", "slug", "actor slug")
        self.events = self.unique("events", "slug", "event slug")
        self.quotes = self.unique("quotes", "id", "quote id")
        self.claims = self.unique("claims", "id", "claim id")

    def fail(self, reason: str, *where) -> None:
        """Note a problem at ``where``; the caller goes on with what it can still check."""
        self.problems.append(Problem(reason, where, line_of(self.root, where)))

    def each(self, section: str):
        """(position, item) of the section's items that passed validation."""
        return ((i, item) for i, item in enumerate(getattr(self.doc, section)) if item is not None)

    def given(self, section: str, i: int, attr: str) -> Any:
        """What the file gives for ``attr`` of an item, as read (for one that failed)."""
        item = getattr(self.doc, section)[i]
        if item is not None:
            return getattr(item, attr)
        items = self.data.get(section)
        raw = items[i] if isinstance(items, list) and i < len(items) else None
        return raw.get(attr) if isinstance(raw, dict) else None

    def unique(self, section: str, attr: str, what: str) -> dict:
        """The position of each item by ``attr``; a key given twice is refused. An item that
        failed validation still declares its key, so that naming it is no further problem."""
        seen: dict = {}
        for i, item in enumerate(getattr(self.doc, section)):
            key = getattr(item, attr) if item is not None else self.given(section, i, attr)
            if not isinstance(key, str):
                continue
            if key in seen:
                self.fail(
                    f"duplicate {what} {shown(key)} (first at {section}[{seen[key]}])",
                    section,
                    i,
                    attr,
                )
                continue
            seen[key] = i
        return seen

    def known(self, value, declared: dict, what: str, *where) -> bool:
        """Whether ``value`` is absent or declared; a reference to an actor, event, quote or
        claim the file does not declare is a problem (with the nearest declared key)."""
        if value is None or value in declared:
            return True
        near = difflib.get_close_matches(value, list(declared), n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        self.fail(f"unknown {what} {shown(value)}{hint}: declare it under {what}s", *where)
        return False

    def acyclic(self, section: str, attr: str) -> None:
        """Refuse parents that lead back where they start (a part of b, b part of a), as
        ``newsdb verify`` would once stored: each cycle once, at its first item in the file. An
        item that names itself is refused where it is planned."""
        position, parent = {}, {}
        for i, item in self.each(section):
            position[item.slug], parent[item.slug] = i, getattr(item, attr)
        seen: set[str] = set()
        for slug in parent:
            path, at = [], slug
            while at is not None and at not in seen and at not in path:
                path.append(at)
                at = parent.get(at)
            seen.update(path)
            if at not in path or path[-1] == at:  # no cycle, or one item naming itself
                continue
            loop = path[path.index(at) :]
            first = loop.index(min(loop, key=position.__getitem__))
            loop = loop[first:] + loop[:first]
            chain = " -> ".join(map(shown, [*loop, loop[0]]))
            self.fail(f"makes a cycle: {chain}", section, position[loop[0]], attr)

    def cue(self, ref, *where) -> textref.Found | None:
        """Where the words that attribute a quote or claim are: no longer than a cue may be;
        None (and a problem) if nowhere or longer."""
        found = self.place(ref, *where)
        if found is not None and len(found.text) > limits.CUE:
            self.fail(
                f"the cue is {len(found.text):,} characters, over the limit of {limits.CUE}:"
                " a cue is the few words that attribute it ('said', 'according to')",
                *where,
            )
            return None
        return found

    def place(self, ref, *where) -> textref.Found | None:
        """Where the words ``ref`` names are in the text; None (and a problem) if nowhere."""
        try:
            return self.text.resolve(ref)
        except textref.TextRefError as error:
            self.fail(str(error), *where)
            return None

    def mentions(self, model, column: str, ref_to, refs, section: str, i: int) -> None:
        """Rows of ``model`` for every place the references name; a place named twice once."""
        spans, rows, resolve_all = set(), self.rows[model], self.text.resolve_all
        for j, ref in enumerate(refs):
            try:
                found = resolve_all(ref)
            except textref.TextRefError as error:
                self.fail(str(error), section, i, "mentions", j)
                continue
            for start, end, text in found:
                if (start, end) in spans:
                    continue  # overlapping references name one place twice
                spans.add((start, end))
                rows.append(
                    {
                        column: ref_to,
                        "span_start": start,
                        "span_end": end,
                        "text": text,
                        "annotator_id": self.annotator,
                    }
                )


def _ref(kind: str, key: str | None):
    return (kind, key) if key is not None else None


def _cue(found: textref.Found | None) -> dict[str, Any]:
    if found is None:
        return {"cue": None, "cue_start": None, "cue_end": None}
    return {"cue": found.text, "cue_start": found.start, "cue_end": found.end}
