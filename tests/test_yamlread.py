"""The fast YAML reader gives what PyYAML gives, or leaves the file to PyYAML (newsdb.yamlread).

Objects are compared by their repr, so a 1 is not a True nor a 1.0, and key order counts.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdb import yamlread
from newsdb.annotation import AnnotationFile
from newsdb.extract.document import to_yaml

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(ROOT.glob("seeds/*/annotations.yaml")) + sorted(
    (ROOT / "tests" / "data").glob("**/*.yaml")
)
needs_ryaml = pytest.mark.skipif(yamlread.ryaml is None, reason="ryaml is not installed")


def outcome(read, source: str) -> str:
    """What reading gives, as text: the object's repr, or the error's kind, text and mark."""
    try:
        return repr(read(source))
    except yaml.YAMLError as error:
        return f"{type(error).__name__}: {error}"


def same(source: str) -> None:
    assert outcome(yamlread.load, source) == outcome(yamlread.pyyaml_load, source)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_project_files_read_alike(path: Path) -> None:
    same(path.read_text(encoding="utf-8"))


@needs_ryaml
def test_the_seed_takes_the_fast_road() -> None:
    """Else the other tests here would prove nothing of the fast reader."""
    source = FILES[0].read_text(encoding="utf-8")
    data = yamlread.fast(source)
    assert data is not yamlread.DOUBT
    assert repr(data) == repr(yamlread.pyyaml_load(source))


@needs_ryaml
def test_a_drafted_file_reads_alike() -> None:
    """What `newsdb extract` writes (PyYAML's dumper, folded lines, flow mappings)."""
    doc = AnnotationFile.model_validate(yamlread.pyyaml_load(FILES[0].read_text("utf-8")))
    source = to_yaml(doc, text_name="article.txt", folder="x", ruleset="test 1")
    assert yamlread.fast(source) is not yamlread.DOUBT
    same(source)


#: plain scalars that YAML 1.1 (PyYAML) and 1.2 (ryaml) read differently, or alike but near
#: enough to be worth holding, and the shapes the annotation format uses
PLAIN = """
yes no on Off y True TRUE tRue ~ Null NULL = << inf .inf -.Inf .nan NaN
012 0o12 0O12 0x1F 0X1F 0b101 0B101 1_000 1:20 190:20:30 0:0 1__0 _1 0_7 08
-012 00 0. 01.5 1e3 1.5e3 1.5e+3 1e+3 1.0E-3 .5 +.5 -.5 1. +12 -0 -1_000.5_0
99999999999999999999 18446744073709551615 9223372036854775808 -9223372036854775809
2024-01-19 2024-01 10:30 3.14159265358979323846
"""
EDGES = [
    *PLAIN.split(),
    "'2024-01-19 10:00:00'",
    '"yes"',
    '"1979"',
    '"-12"',
    '"0.25"',
    '"1."',
    '"true"',
    '"~"',
    '"012"',
    "'012'",
    '""',
    "''",
    '"\\x41\\u00e9\\N\\_\\t\\0"',
    "'it''s'",
    "“curly” ‘quotes’ — and a dash",
    '"“quoted” in quotes"',
    "!!str 12",
    "!foo x",
    "&a x",
    "[1, 2,]",
    "{a: 1, a: 2}",
    "b: c",
    "'x",
]


@pytest.mark.parametrize("value", EDGES)
def test_edge_values_read_alike(value: str) -> None:
    same(f"a: {value}\n")
    same(f"- {value}\n- x\n")
    same(f"{value}: x\n")


@pytest.mark.parametrize(
    "source",
    [
        "a: |\n  line1\n  line2\n",
        "a: >-\n  folded\n  text\n\n  para\n",
        'a: "multi\n  line\n\n  quoted"\n',
        "a: plain\n  continued\n  line\n",
        "a:\t1\n",
        "\ufeffa: 1\n",
        "a: 1\na: 2\n",
        "<<: {a: 1}\nb: 2\n",
        "a: &x [1]\nb: *x\n",
        "? [1, 2]\n: x\n",
        "--- a\n--- b\n",
        "--- a\n",
        "%YAML 1.1\n--- a\n",
        "a: [" * 200 + "]" * 200,
        "a:\n  - b\n - c\n",
        "a: 'x\n",
        "a: 1 # comment\n# a: 2\n",
        "- \x85\n",
        "",
    ],
)
def test_documents_read_alike(source: str) -> None:
    same(source)


TOKENS = st.sampled_from(EDGES + ["word", "two words", "Michael Kugelman", "12", "-3", "0.25"])


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c", "1", "yes"]), TOKENS), max_size=6))
def test_mixed_documents_read_alike(pairs: list[tuple[str, str]]) -> None:
    same("".join(f"{key}: {value}\n" for key, value in pairs))
    same("".join(f"- {value}\n" for _, value in pairs))


#: pieces of text that make and break the words yamlread._DOUBT finds
DOUBT_PIECES = st.sampled_from(
    [*"ax105.eEo_-+ \n\t,[{!:]}#\"'", "\u2003", "\x85", "word ", "1.5", "e3", "0o7", ".5", "37e4"]
)


@settings(max_examples=3000, derandomize=True, database=None, deadline=None)
@given(st.lists(DOUBT_PIECES, max_size=120).map("".join))
def test_the_doubt_is_found_as_by_searching_after_every_space(source: str) -> None:
    """The search that starts from hints (yamlread._doubtful) finds what _DOUBT's own does."""
    assert yamlread._doubtful(source) == (yamlread._DOUBT.search("\n" + source) is not None)


#: the words of _DOUBT that ryaml reads as what a file may hold written otherwise
TAGS_AND_OCTALS = re.compile(r"[\s\[{,](?:[-+]?0o[0-7_]+(?=[\s,\]}#:]|$)|!)")


@settings(max_examples=3000, derandomize=True, database=None, deadline=None)
@given(st.lists(DOUBT_PIECES, max_size=120).map("".join))
def test_tags_and_octals_are_found_as_by_searching_after_every_space(source: str) -> None:
    """What a file without a float is searched for (yamlread._tagged)."""
    assert yamlread._tagged(source) == (TAGS_AND_OCTALS.search("\n" + source) is not None)


#: the other words _DOUBT finds: exponents and fractions, which ryaml reads as floats
NUMBERS = st.from_regex(r"[-+]?(?:[0-9.][0-9_.]*[eE][-+]?[0-9]+|\.[0-9][0-9_.]*)", fullmatch=True)


@settings(max_examples=1000, derandomize=True, database=None, deadline=None)
@given(NUMBERS, st.sampled_from(["a: {}\n", "- {}\n", "{}: x\n", "a: [x, {}]\n", "{{{}: x}}\n"]))
def test_numbers_are_read_alike_where_the_file_has_no_other_float(word: str, shape: str) -> None:
    """Only a file with a float is searched for them (yamlread.fast): ryaml reads each as a
    float, or as PyYAML does."""
    same(shape.format(word))
    same(shape.format(word) + "b: 1\nc: yes word\n")


def test_a_float_has_the_text_searched() -> None:
    assert yamlread.fast("a: 1e3\n") is yamlread.DOUBT
    assert yamlread.fast("a: 0.5\nb: 'x 1e3 y'\n") is yamlread.DOUBT  # as any file with a float
    assert yamlread.fast("a: 'x 1e3 y'\n") == {"a": "x 1e3 y"}  # no float: a word in quotes is one


def test_a_text_of_many_hints_is_searched_whole() -> None:
    source = "x: " + "1.5 " * 100 + "\ny: .5\n"
    assert yamlread._doubtful(source) and not yamlread._doubtful(source.replace(".5\n", "5\n"))


def _same_by_every_item(data) -> bool:
    """What yamlread._same_as_pyyaml answers, item by item: every string (keys too) that
    PyYAML may read as other than a string is one it reads as ryaml does."""
    doubtful, stack = [], [data]
    while stack:
        item = stack.pop()
        if type(item) is dict:
            stack.extend(item.keys())
            stack.extend(item.values())
        elif type(item) is list:
            stack.extend(item)
        elif type(item) is str and (not item or item[0] in yamlread._FIRST):
            doubtful.append(item)
    return all(map(yamlread._as_pyyaml, doubtful))


WORDS = st.one_of(st.sampled_from(PLAIN.split()), st.text(max_size=6))


@settings(max_examples=500, derandomize=True, database=None, deadline=None)
@given(WORDS, WORDS)
def test_a_string_with_a_space_is_read_alike(before: str, after: str) -> None:
    """What lets yamlread._doubtful_strings pass over a sentence that starts as a number or a
    bool does: no word that PyYAML reads as other than a string holds a space."""
    assert yamlread._as_pyyaml(f"{before} {after}")


SCALARS = st.one_of(
    st.sampled_from([*PLAIN.split(), "", "word", "two words", "yes\n", "on_or_after"]),
    st.text(max_size=8),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
)
KEYS = st.one_of(st.sampled_from(["a", "yes", "1_000", "n", ""]), st.integers(), st.none())


@settings(max_examples=500, derandomize=True, database=None, deadline=None)
@given(
    st.recursive(
        SCALARS,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
        max_leaves=20,
    )
)
def test_the_strings_are_held_as_item_by_item(data) -> None:
    assert yamlread._same_as_pyyaml(data) == _same_by_every_item(data)
