"""A :class:`newsdb.textref.Text`, which remembers the words it placed, places every
reference as :func:`newsdb.textref.resolve` and :func:`~newsdb.textref.resolve_all` do: the
same places, the same errors, however often the same words come again."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdb import textref
from newsdb.annotation import EveryOccurrence, Span

#: few letters, so that words occur more than once, overlap and sit inside each other
_WORDS = st.text(alphabet="ab -", min_size=1, max_size=4)
_REF = st.one_of(
    _WORDS,
    st.builds(
        Span.model_construct,
        text=_WORDS,
        occurrence=st.none() | st.integers(1, 3),
        context=st.none() | st.text(alphabet="ab -", min_size=1, max_size=8),
    ),
    st.builds(EveryOccurrence.model_construct, every=_WORDS),
)


def _placed(place, ref):
    try:
        return place(ref)
    except textref.TextRefError as error:
        return f"error: {error}"


@settings(max_examples=300, derandomize=True, database=None)
@given(body=st.text(alphabet="ab -\n", max_size=30), refs=st.lists(_REF, max_size=12))
def test_text_places_as_resolve_all_does(body: str, refs: list) -> None:
    text = textref.Text(body)
    for ref in refs + refs:  # each again: the second time from what it remembers
        want = _placed(lambda r: textref.resolve_all(body, r), ref)
        assert _placed(text.resolve_all, ref) == want
        if not isinstance(ref, EveryOccurrence):
            assert _placed(text.resolve, ref) == _placed(lambda r: textref.resolve(body, r), ref)


def test_words_not_placed_are_refused_each_time() -> None:
    text = textref.Text("the cat saw the dog")
    assert text.resolve("cat") == textref.Found(4, 7, "cat")
    assert text.resolve(Span.model_construct(text="saw", context="cat saw")) == (8, 11, "saw")
    for _ in range(2):
        with pytest.raises(textref.TextRefError, match="occurs 2 times in the article"):
            text.resolve("the")
        with pytest.raises(textref.TextRefError, match="is not in the article"):
            text.resolve("bird")
    assert text.resolve("cat") == (4, 7, "cat")
    assert type(text.resolve("cat")) is textref.Found  # made from a tuple, a Found all the same
    assert type(text.resolve_all("dog")[0]) is textref.Found
