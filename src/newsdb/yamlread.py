"""Reading an annotation file's YAML: fast where that gives the same objects, PyYAML otherwise.

PyYAML parses with libyaml's C parser but builds every node, mark and object in Python: a
seed-size file (68 KB) takes ~15 ms, more than writing its rows. ``ryaml`` (serde-yaml, whose
scanner is a port of libyaml's) builds the objects in Rust in ~4 ms, and is used when it is
installed (``pip install 'newsdb[fast]'``). It reads YAML 1.2's scalars, PyYAML 1.1's: the two
give different objects for a few plain scalars (``yes``, ``on``, ``012``, ``1_000``, ``1:20``,
``1e3``, ``0o12``, ``+.5``, ``<<``, ``=``) and for tags, so the fast result is used only when
neither can be in the file; any doubt, and any error, and the file is read by PyYAML, so what
a file means and how a problem in it is reported (with its line) never depend on what is
installed. ``tests/test_yamlread.py`` holds the two to the same objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import yaml

try:
    import ryaml
except ImportError:  # the optional fast reader is not installed
    ryaml = None

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's C parser when built in


class YamlLoader(_BaseLoader):
    """Safe YAML in which dates stay strings, so pydantic checks them and says where, and a key
    given twice in one mapping is refused (YAML keeps the last: a second ``claims:`` would
    drop the first's claims without a word; ryaml refuses it, and so comes here)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set[tuple[str, str]] = set()
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode):
                if (key.tag, key.value) in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key {key.value!r} is given twice", key.start_mark
                    )
                seen.add((key.tag, key.value))
        return super().construct_mapping(node, deep=deep)


YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

#: what in the text may make a YAML 1.2 reader give a number where PyYAML gives a string, as
#: a whole word: an octal 0o12, an exponent (PyYAML wants a dot and a signed one: 1e3), a
#: signed fraction without a leading digit (+.5); or a tag (!x), which ryaml keeps as a
#: mapping where PyYAML refuses it. Words in quotes may match too: that file is then only read
#: the slow way (a tag or an octal; an exponent or a fraction where the file has a float, see
#: :func:`fast`). (A word starts after a space, a line's end or a flow mark.)
_DOUBT = re.compile(
    r"[\s\[{,](?:[-+]?(?:0o[0-7_]+|[0-9.][0-9_.]*[eE][-+]?[0-9]+|\.[0-9][0-9_.]*)"
    r"(?=[\s,\]}#:]|$)|!)"
)
#: what each word _DOUBT finds holds, and few other places do: the ! of a tag, the 0o of an
#: octal, an exponent's e and digit, a fraction's dot and digit. Searching for these takes a
#: fifth of the time of trying _DOUBT after every space of a seed-size file.
_HINT = re.compile(r"[!0-9_.](?:(?<=!)|(?<=0)o|[eE][-+]?[0-9]|(?<=\.)[0-9])")
#: the hints of a tag or an octal, the words _DOUBT finds that ryaml reads as what a file may
#: hold written otherwise (a mapping, an int); an exponent or a fraction it reads as a float
_TAG_HINT = re.compile(r"!|0o")
_OCTAL = re.compile("0o")  # searched for alone: ~0.03 ms a seed-size file, where !|0o takes 0.17
#: the characters of a word _DOUBT finds, after its first (a space or a flow mark)
_WORD = frozenset("-+0123456789_.eEo")
#: hints looked at one by one before the text is left to _DOUBT itself
_HINTS_CHECKED = 64


def _doubtful(source: str) -> bool:
    """Whether _DOUBT finds a word in ``source`` (whose start counts as a line's end)."""
    text = "\n" + source
    return _found(text, (hint.start() for hint in _HINT.finditer(text)))


def _tagged(source: str) -> bool:
    """Whether _DOUBT finds a tag or an octal in ``source``: all of it that a file without a
    float needs (see :func:`fast`), at a seventh of the cost, as their hints are rare and
    quick to look for (~0.03 ms a seed-size file), where _HINT's search tries the digits, dots
    and underscores of every file (0.22 ms)."""
    if "!" not in source and _OCTAL.search(source) is None:
        return False
    text = "\n" + source
    return _found(text, (hint.start() for hint in _TAG_HINT.finditer(text)))


def _found(text: str, hints: Iterable[int]) -> bool:
    """Whether _DOUBT finds a word in ``text`` that holds one of ``hints`` (in order): each
    hint is inside any word it finds, and the word starts where the letters of words before
    the hint stop, so only there is _DOUBT tried."""
    last = -1
    for count, at in enumerate(hints):
        if count == _HINTS_CHECKED:
            return _DOUBT.search(text) is not None
        start = at
        while start - 1 > last and text[start - 1] in _WORD:
            start -= 1
        # back at the last hint: the same word, tried then (or a ! inside one, no word's start)
        if start - 1 != last and _DOUBT.match(text, start - 1):
            return True
        last = at
    return False


def load(source: str) -> Any:
    """The document in ``source``, as PyYAML's safe loader (dates kept as strings) gives it;
    a malformed file raises PyYAML's error, with its mark."""
    data = fast(source)
    return pyyaml_load(source) if data is DOUBT else data


#: what :func:`fast` gives when it leaves the file to PyYAML
DOUBT = object()


def fast(source: str) -> Any:
    """The document by ryaml, where it is installed and gives what PyYAML would; else DOUBT.

    Of the words _DOUBT finds, ryaml reads an exponent or a fraction as a float (tests hold
    it): so the whole text is searched only when the document holds a float, and a file
    without one (as hand annotations are: a float is a drafted item's confidence) is searched
    for tags and octals only, ~0.17 ms an article less."""
    if ryaml is None:
        return DOUBT
    try:
        data = ryaml.loads(source)
    except Exception:  # noqa: BLE001 - whatever it refuses, PyYAML says why, or reads it
        return DOUBT
    strings, floats = _doubtful_strings(data)
    if (_doubtful if floats else _tagged)(source):
        return DOUBT
    return data if _alike(strings) else DOUBT


def pyyaml_load(source: str) -> Any:
    """The document by PyYAML alone (what :func:`load` is held to)."""
    return yaml.load(source, Loader=YamlLoader)


_RESOLVERS = YamlLoader.yaml_implicit_resolvers
_STR = "tag:yaml.org,2002:str"


#: strings that both readers take for a number, bool or null when plain: a string like these
#: from ryaml was quoted, and PyYAML gives the same string
_ALIKE = re.compile(
    r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|true|True|TRUE|false|False|FALSE|~|null|Null|NULL|"
)


def _as_pyyaml(value: str) -> bool:
    """Whether PyYAML gives ``value`` as this string where ryaml does: not a word that PyYAML
    1.1 reads written plain as a bool, number, null or merge key and YAML 1.2 as a string."""
    if _ALIKE.fullmatch(value):
        return True
    for first in (value[:1], None):  # as PyYAML's resolver looks them up
        for tag, regexp in _RESOLVERS.get(first, ()):
            if tag != _STR and regexp.match(value):
                return False
    return True


#: the first letters of words that PyYAML may read as other than a string
_FIRST = frozenset(
    first
    for first, resolvers in _RESOLVERS.items()
    if first and any(tag != _STR for tag, _ in resolvers)
)


#: strings found to be read alike, kept (short ones, so many at most) so that what every
#: file repeats, its keys, kinds and slugs, is looked up once
_SEEN_ALIKE: set[str] = set()
_SEEN_MAX, _SEEN_LENGTH = 10_000, 64


def _same_as_pyyaml(data: Any) -> bool:
    """Whether every string of ``data`` (keys too) is one PyYAML would give the same way; the
    numbers that differ are caught in the text (see _DOUBT)."""
    return _alike(_doubtful_strings(data)[0])


def _alike(doubtful: set[str]) -> bool:
    """Whether PyYAML gives each of the ``doubtful`` strings as ryaml does."""
    doubtful = doubtful - _SEEN_ALIKE
    if not all(map(_as_pyyaml, doubtful)):
        return False
    if len(_SEEN_ALIKE) > _SEEN_MAX:
        _SEEN_ALIKE.clear()
    _SEEN_ALIKE.update(item for item in doubtful if len(item) <= _SEEN_LENGTH)
    return True


def _doubtful_strings(data: Any) -> tuple[set[str], bool]:
    """The strings of ``data`` that PyYAML may read as other than a string (those that start as
    such words do, or are empty), each once, keys of its mappings too; and whether it holds a
    float (see :func:`fast`).

    A string with a space is none of them: no resolver's word holds one, so the sentences
    that start as they do ("On Friday ...", "2 officers ...": 150 of the seed's 190 such
    strings) are not looked up one by one, ~0.04 ms an article (~0.09 ms when none of them
    was seen before, as in a collection of different stories)."""
    keys, found, stack, floats = set(), [], [[data]], False
    pop, push, keep = stack.pop, stack.append, found.append
    while stack:
        item = pop()
        if type(item) is dict:
            keys.update(item)  # few, and their hashes known: looked at below
            item = item.values()
        for value in item:
            kind = type(value)
            if kind is str:
                if not value or value[0] in _FIRST and " " not in value:
                    keep(value)
            elif kind is dict or kind is list:
                push(value)
            elif kind is float:
                floats = True
    floats = floats or any(type(key) is float for key in keys)
    keys = {
        key for key in keys if type(key) is str and (not key or key[0] in _FIRST and " " not in key)
    }
    return keys.union(found), floats
