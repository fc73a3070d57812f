"""A draft annotation written as YAML for a person to review: the same format as a hand
annotation, with a comment header saying what it is and how to review and load it."""

from __future__ import annotations

import yaml

from newsdb.annotation import AnnotationFile

HEADER = """\
# A DRAFT annotation of {text}, made by rules, not by a person: review it before you rely on it.
#
# Drafted by newsdb.extract, rule set {ruleset}. Every actor, affiliation, quote, claim and
# time carries `confidence` (0 to 1): how sure the rule that drafted it is. Start with the
# lowest. To review:
#   - check each quote's speaker and words, each claim's mode, source and cue, each time's date;
#   - correct or delete what is wrong, add what is missing (see `newsdb schema` for the format);
#   - when you have checked the whole file, set `annotator:` to `{{kind: hand, name: YOUR NAME}}`
#     and delete the `confidence:` lines, so the rows name you and not the rules.
# Load it (again after each change; it replaces what the draft stored):
#   newsdb load {folder}
#
"""


class _Flow(dict):
    """A mapping YAML writes on one line."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Flow, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data, True)
)


def _is_ref(value: dict) -> bool:
    """A text reference: {text, occurrence, context} or {every}."""
    keys = set(value)
    return ("text" in keys and keys <= {"text", "occurrence", "context"}) or keys == {"every"}


def _shaped(value):
    """Text references on one line, and each item's confidence right after its name."""
    if isinstance(value, list):
        return [_shaped(v) for v in value]
    if not isinstance(value, dict):
        return value
    if _is_ref(value):
        return _Flow(value)
    shaped = {k: _shaped(v) for k, v in value.items()}
    if "confidence" in shaped and len(shaped) > 2:
        first = next(iter(shaped))
        ordered = {first: shaped[first], "confidence": shaped.pop("confidence")}
        ordered.update(shaped)
        return ordered
    return shaped


def to_yaml(doc: AnnotationFile, *, text_name: str, folder: str, ruleset: str) -> str:
    """The YAML of ``doc`` with the review header; ``newsdb load`` reads it back unchanged."""
    data = doc.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data = {"format": 1, **data}
    data["annotator"] = doc.annotator.model_dump(mode="json", exclude_none=True)
    for name in ("actors", "affiliations", "quotes", "claims", "times"):
        data.setdefault(name, [])
    body = yaml.dump(
        _shaped(data),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return HEADER.format(text=text_name, ruleset=ruleset, folder=folder) + body
