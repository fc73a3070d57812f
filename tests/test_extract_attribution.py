"""The attribution rules of newsdb.extract, each on small sentences written for it, then the
seed article against its hand annotation, then the PolNeAR scorer (skipped without the corpus).

None of these needs a database: the same assertions hold whichever backend the suite runs.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from newsdb.extract.attribution import find_attributions
from newsdb.extract.types import Attribution
from newsdb.vocab import ActorKind, AttributionMode

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "pakistan-iran-off-ramp"
POLNEAR = REPO.parent / "shared" / "polnear"


def credited(text: str) -> list[Attribution]:
    """The attributions that credit someone or something (writer sentences left out)."""
    found = find_attributions(text)
    for a in found:  # every span is exact, whatever the rule that made it
        for span in (a.content, a.cue, a.source, a.claim):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return [a for a in found if a.kind != "writer"]


def one(text: str, content: str) -> Attribution:
    hits = [a for a in credited(text) if a.content.text == content]
    assert len(hits) == 1, [(a.kind, a.content.text) for a in credited(text)]
    return hits[0]


# -- quotation-mark segments ----------------------------------------------------------------
def test_direct_quote_in_curly_marks_with_inverted_cue_and_appositive():
    text = "“Prices will fall,” said Anna Berg, an economist at the central bank."
    a = one(text, "Prices will fall,")
    assert (a.kind, a.cue.text, a.source.text, a.speaker) == (
        "direct",
        "said",
        "Anna Berg",
        "Anna Berg",
    )
    assert a.mode is AttributionMode.NAMED_PERSON and a.speaker_kind is ActorKind.PERSON


def test_partial_quote_in_straight_marks():
    text = 'The minister said the plan was "dead on arrival" and left the room.'
    a = one(text, "dead on arrival")
    assert a.kind == "partial" and a.speaker == "The minister"


def test_quote_over_several_paragraphs_takes_the_cue_at_its_end():
    text = (
        "The mayor spoke on Monday.\n\n"
        "“The first part of the plan is housing.\n\n"
        "“The second part is transit,” said Jane Doe, the mayor of Springfield.\n"
    )
    first = one(text, "The first part of the plan is housing.")
    second = one(text, "The second part is transit,")
    assert first.speaker == second.speaker == "Jane Doe"
    found = credited(text)
    assert found[found.index(second)].continues == find_attributions(text).index(first)


def test_unclosed_mark_costs_only_its_own_quote():
    text = (
        "Residents were angry. “We were never asked, she said. The council met on Tuesday.\n\n"
        "Later, the council said the budget was final."
    )
    quote = [a for a in credited(text) if a.kind == "direct"]
    assert [q.content.text for q in quote] == ["We were never asked,"]
    later = one(text, "the budget was final")
    assert later.source.text == "the council"
    writer = [a.content.text for a in find_attributions(text) if a.kind == "writer"]
    assert "The council met on Tuesday" in writer


def test_odd_marks_do_not_swallow_the_rest():
    text = 'He called it "a "historic" day. The rest holds, the governor said.'
    rest = one(text, "The rest holds")
    assert rest.cue.text == "said" and rest.source.text == "the governor"


def test_a_second_quote_without_cue_continues_the_first():
    text = "“We lost,” said Tom Reed, the coach. “Next year will be different.”"
    found = find_attributions(text)
    second = one(text, "Next year will be different.")
    assert second.speaker == "Tom Reed"
    assert found[second.continues].content.text == "We lost,"


def test_she_added_is_the_last_person_and_continues_her_quote():
    text = "“Prices will fall,” said Anna Berg. The bank agreed. “But not this year,” she added."
    found = find_attributions(text)
    added = one(text, "But not this year,")
    assert (added.cue.text, added.source.text, added.speaker) == ("added", "she", "Anna Berg")
    assert found[added.continues].content.text == "Prices will fall,"


def test_speaker_named_in_the_sentence_before():
    text = "Senator Maria Lopez visited the plant on Friday.\n\n“This is a disgrace.”"
    a = one(text, "This is a disgrace.")
    assert a.speaker == "Maria Lopez" and a.cue is None
    assert a.mode is AttributionMode.NAMED_PERSON


def test_colon_intro_said_the_mayor():
    text = "Mayor Jane Doe opened the session. Said the mayor: “We will rebuild.”"
    a = one(text, "We will rebuild.")
    assert (a.kind, a.cue.text, a.source.text, a.speaker) == (
        "direct",
        "Said",
        "the mayor",
        "Jane Doe",
    )


def test_trailing_dash_commissioner():
    text = "“We will appeal the ruling.” —Commissioner Alan Park"
    a = one(text, "We will appeal the ruling.")
    assert a.source.text == "Commissioner Alan Park" and a.speaker == "Alan Park"


# -- reported speech ------------------------------------------------------------------------
def test_according_to_after_the_content():
    text = "The bridge will close in May, according to the transport ministry."
    a = one(text, "The bridge will close in May")
    assert (a.kind, a.cue.text, a.source.text) == (
        "indirect",
        "according to",
        "the transport ministry",
    )
    assert a.mode is AttributionMode.INSTITUTION


def test_according_to_before_the_content():
    text = "According to Ed Lamb, the deal is close."
    a = one(text, "the deal is close")
    assert a.cue.text == "According to" and a.speaker == "Ed Lamb"


def test_said_that_and_told():
    text = "Ed Lamb told reporters on Sunday that the deal was close."
    a = one(text, "that the deal was close")
    assert a.cue.text == "told" and a.source.text == "Ed Lamb"


def test_cue_after_the_content_and_has_learned():
    text = "The senator will resign next week, The Post has learned."
    a = one(text, "The senator will resign next week")
    assert a.cue.text == "has learned" and a.source.text == "The Post"
    assert a.mode is AttributionMode.INSTITUTION


def test_surname_alone_is_the_person_named_in_full_before():
    text = "Anna Berg runs the bank's research unit. Later, Berg said the forecast was too high."
    a = one(text, "the forecast was too high")
    assert a.source.text == "Berg" and a.speaker == "Anna Berg"


def test_pronoun_is_the_last_person_credited():
    text = "Anna Berg said rates would rise. She warned that prices were too high."
    a = one(text, "that prices were too high")
    assert (a.source.text, a.speaker, a.cue.text) == ("She", "Anna Berg", "warned")


def test_they_after_a_pair_credits_both():
    text = "Iran and Chile struck what they said were camps, and talks broke down."
    both = [a for a in credited(text) if a.cue and a.cue.text == "said"]
    assert sorted(a.speaker for a in both) == ["Chile", "Iran"]
    assert all(a.speaker_kind is ActorKind.STATE for a in both)


def test_name_and_colon_in_a_headline():
    text = "Marco Rubio: I Am Not Interested In Being Vice President.\n\nHe spoke on Friday."
    a = one(text, "I Am Not Interested In Being Vice President")
    assert (a.cue.text, a.source.text, a.speaker) == (":", "Marco Rubio", "Marco Rubio")


def test_a_report_named_by_a_noun():
    text = "Reporters checked Ed Lamb’s claim that the mill had closed in May."
    a = one(text, "that the mill had closed in May")
    assert (a.cue.text, a.source.text, a.speaker) == ("claim", "Ed Lamb", "Ed Lamb")


def test_sources_with_appositive_party_tag_or_prepositional_phrase():
    text = (
        "Karen Holt, the director of the food bank, said demand had doubled. "
        "Rep. Paul Ryan (R-WI) said the bill would pass. "
        "Sources close to the campaign say the deal is done."
    )
    assert one(text, "demand had doubled").speaker == "Karen Holt"
    assert one(text, "the bill would pass").source.text == "Rep. Paul Ryan (R-WI)"
    assert one(text, "the deal is done").source.text == "Sources close to the campaign"


def test_reported_content_ends_before_a_second_report():
    text = "Ed Lamb said the mill would close, adding that jobs would go."
    first = one(text, "the mill would close")
    assert first.cue.text == "said"


# -- modes ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "content", "mode", "speaker", "kind"),
    [
        (
            "Iran said it had closed the border.",
            "it had closed the border",
            AttributionMode.INSTITUTION,
            "Iran",
            ActorKind.STATE,
        ),
        (
            "The ministry said in a statement that the border was shut.",
            "that the border was shut",
            AttributionMode.INSTITUTION,
            "The ministry",
            ActorKind.ORGANISATION,
        ),
        (
            "A senior official who spoke on condition of anonymity said the repairs were botched.",
            "the repairs were botched",
            AttributionMode.UNNAMED_OFFICIAL,
            "A senior official",
            ActorKind.ANONYMOUS,
        ),
        (
            "In the end, analysts said, the vote was close.",
            "In the end, analysts said, the vote was close",
            AttributionMode.VAGUE_COLLECTIVE,
            "analysts",
            ActorKind.COLLECTIVE,
        ),
        (
            "Observers said the vote was rigged.",
            "the vote was rigged",
            AttributionMode.VAGUE_COLLECTIVE,
            "observers",
            ActorKind.COLLECTIVE,
        ),
        (
            "Ed Lamb believes the deal is dead.",
            "the deal is dead",
            AttributionMode.NAMED_PERSON,
            "Ed Lamb",
            ActorKind.PERSON,
        ),
    ],
)
def test_mode_of_a_source(text, content, mode, speaker, kind):
    a = one(text, content)
    assert (a.mode, a.speaker, a.speaker_kind) == (mode, speaker, kind)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The rebels were reported to have seized the town.", "were reported to"),
        ("The plan was widely understood to be a bluff.", "was widely understood to"),
        ("The move was seen as a provocation.", "was seen as"),
    ],
)
def test_passive_cue_credits_nobody(text, cue):
    (a,) = credited(text)
    assert (a.mode, a.cue.text, a.source, a.speaker) == (AttributionMode.PASSIVE, cue, None, None)


def test_every_sentence_left_is_the_writers_own():
    text = "The sun rose over the hills. Farmers went out, officials said. Birds sang."
    found = find_attributions(text)
    writer = [a for a in found if a.kind == "writer"]
    assert [a.content.text for a in writer] == ["The sun rose over the hills", "Birds sang"]
    assert all(
        a.mode is AttributionMode.WRITER and a.cue is None and a.source is None for a in writer
    )


# -- the seed article against its hand annotation -------------------------------------------
@pytest.fixture(scope="module")
def seed():
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    doc = yaml.safe_load((SEED / "annotations.yaml").read_text(encoding="utf-8"))
    names = {actor["slug"]: actor["name"] for actor in doc["actors"]}
    return text, doc, names, find_attributions(text)


def _locate(text: str, ref, near: int = 0) -> tuple[int, int]:
    """A TextRef of the annotation (a string, or text with context) as offsets; a bare string
    that occurs more than once is taken nearest to ``near``."""
    if isinstance(ref, dict):
        ctx = text.index(ref["context"])
        start = text.index(ref["text"], ctx)
        return start, start + len(ref["text"])
    starts, i = [], text.find(ref)
    while i != -1:
        starts.append(i)
        i = text.find(ref, i + 1)
    start = min(starts, key=lambda s: abs(s - near))
    return start, start + len(ref)


def test_seed_quote_segments_match_the_hand_annotation(seed):
    text, doc, names, found = seed
    quotes = [a for a in found if a.kind in ("direct", "partial")]
    by_id = {}
    for q in doc["quotes"]:
        start, end = _locate(text, q["text"])
        hits = [a for a in quotes if (a.content.start, a.content.end) == (start, end)]
        assert len(hits) == 1, q["id"]
        a = hits[0]
        assert (a.kind, a.speaker) == (q["kind"], names[q["speaker"]]), q["id"]
        by_id[q["id"]] = a
        if "continues" in q:
            assert found[a.continues] is by_id[q["continues"]], q["id"]
    assert len(by_id) == len(quotes) == 11


_ATTRIBUTED = {"vague_collective", "unnamed_official", "institution", "passive"}


def test_seed_attributions_other_than_named_people_are_found(seed):
    text, doc, names, found = seed
    claims = [c for c in doc["claims"] if c["mode"] in _ATTRIBUTED]
    assert len(claims) == 16
    for c in claims:
        start, end = _locate(text, c["text"])
        cue = _locate(text, c["cue"], start)
        want = names[c["source"]] if c.get("source") else None
        hits = [
            a
            for a in found
            if a.mode.value == c["mode"]
            and a.cue is not None
            and a.cue.start < cue[1]
            and cue[0] < a.cue.end
            and (a.claim or a.content).start < end
            and start < (a.claim or a.content).end
            and a.speaker == want
        ]
        assert hits, c["id"]


# -- the PolNeAR scorer ---------------------------------------------------------------------
def _bench():
    path = REPO / "bench" / "extract_polnear.py"
    spec = importlib.util.spec_from_file_location("extract_polnear", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_benchmark_says_so_when_the_corpus_is_absent(tmp_path, capsys):
    assert _bench().main(["--polnear", str(tmp_path)]) == 2
    assert "no PolNeAR dev split at" in capsys.readouterr().err


def test_scorer_on_one_dev_article():
    if not (POLNEAR / "dev" / "text").is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR} (lay ../shared/polnear beside the repository)")
    bench = _bench()
    name, text, gold = bench.articles(POLNEAR, "dev")[0]
    assert gold, name
    perfect = bench.score(gold, gold)
    assert perfect.content == perfect.cue == perfect.source == perfect.e2e == len(gold)
    assert bench.prf(perfect.e2e, perfect.pred, perfect.gold) == (1.0, 1.0, 1.0)
    empty = bench.score([], gold)
    assert empty.content == 0 and bench.prf(empty.content, empty.pred, empty.gold)[2] == 0.0
    # a prediction whose cue misses agrees on content only
    wrong_cue = [bench.Rel(g.content, ((0, 0),) if g.cue else ((0, 1),), g.source) for g in gold]
    half = bench.score(wrong_cue, gold)
    assert half.content == len(gold) and half.e2e < len(gold)
    # every attribution the rules find lies on the text exactly
    for rel in bench.newsdb_rules(text):
        assert all(0 <= a < b <= len(text) for a, b in rel.content)
