"""A plan's rows in canonical form as bytes (fingerprint.canonical_bytes), written by orjson
where it is installed: byte for byte what json writes, or json's own, so that a fingerprint
taken when loading is what verify takes from the database and what was stored before."""

from __future__ import annotations

import enum
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdb import fingerprint
from newsdb.loader import read_folder

SEED = Path(__file__).resolve().parents[1] / "seeds" / "pakistan-iran-off-ramp"
orjson = pytest.importorskip("orjson")


class Mode(enum.StrEnum):
    SAID = "said"


#: what a row's columns hold but floats: any text (lone surrogates too), integers past 64 bits,
#: dates, vocabulary members, references
_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=12)
_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    _TEXT,
    st.integers(),
    st.integers(-(2**70), 2**70),
    st.dates(),
    st.just(Mode.SAID),
    st.tuples(st.just("actor"), _TEXT),
    st.tuples(st.just("annotator"), st.tuples(_TEXT, _TEXT)),
)
#: a float column's: any float, those orjson writes otherwise (1e-05, 1e+16, nan) too
_FLOAT = st.one_of(st.none(), st.floats(), st.floats(0, 1), st.floats(-1e-4, 1e-4))


def _rows(draw_values: list[tuple]) -> list[dict]:
    columns = fingerprint.COLUMNS["mention"]
    return [dict(zip(columns, values, strict=True)) for values in draw_values]


def _as_json(name: str, rows: list[dict]):
    """canonical() of each row, as UTF-8, or the error json gives."""
    try:
        return [fingerprint.canonical(fingerprint._VALUES[name](r)).encode() for r in rows]
    except (TypeError, ValueError) as error:  # UnicodeEncodeError is a ValueError
        return type(error)


def _as_bytes(name: str, rows: list[dict]):
    try:
        return fingerprint.canonical_bytes(name, rows)
    except (TypeError, ValueError) as error:
        return type(error)


# mention: actor_id, span_start, span_end, text, confidence (a float), annotator_id
_ROW = st.tuples(_VALUE, _VALUE, _VALUE, _VALUE, _FLOAT, _VALUE)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ROW, max_size=6))
def test_canonical_bytes_are_what_json_writes(values: list[tuple]) -> None:
    rows = _rows(values)
    assert _as_bytes("mention", rows) == _as_json("mention", rows)


@pytest.mark.parametrize("confidence", [1e-05, 9.999e-05, -1e-07, float("nan"), float("inf")])
def test_a_float_orjson_writes_otherwise_is_written_by_json(confidence: float) -> None:
    assert orjson.dumps(confidence) != fingerprint.canonical(confidence).encode()
    rows = _rows([(("actor", "a"), 1, 2, "x", confidence, None)])
    assert fingerprint.canonical_bytes("mention", rows) == _as_json("mention", rows)


def test_every_character_is_escaped_as_json_escapes_it() -> None:
    """Every character but the surrogates (which orjson refuses: json's then, as above)."""
    text = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    assert orjson.dumps(text) == fingerprint.canonical(text).encode()  # not json's after all
    rows = [{"field": text, "value": None, "origin": "text", "source": None}]
    rows[0].update(confidence=None, note=None)
    assert fingerprint.canonical_bytes("article_metadata", rows) == _as_json(
        "article_metadata", rows
    )


def test_the_seed_is_fingerprinted_alike_with_orjson_and_without(monkeypatch) -> None:
    plan = read_folder(SEED)
    with_orjson = fingerprint.of_plan(plan)
    monkeypatch.setattr(fingerprint, "orjson", None)
    plan.fingerprints = None
    assert fingerprint.of_plan(plan) == with_orjson
    assert sum(table.row_count for table in with_orjson.values()) > 400
