"""Rules added for PolNeAR's error classes, each on sentences written for it: impressions
nobody is named for ("seemed to"), evidence that shows, and who "Protesters" and "the group"
are. No database: the same assertions hold whichever backend the suite runs."""

from __future__ import annotations

from newsdb.extract.attribution import find_attributions
from newsdb.extract.draft import extract
from newsdb.extract.seeming import seeming
from newsdb.extract.types import Attribution
from newsdb.vocab import ActorKind, AttributionMode


def credited(text: str) -> list[Attribution]:
    found = [a for a in find_attributions(text) if a.kind != "writer"]
    for a in found:
        for span in (a.content, a.cue, a.source):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return found


def test_seemed_to_is_an_impression_with_no_source():
    text = "After the vote, the mayor seemed to soften her stance on the bridge."
    (a,) = credited(text)
    assert a.cue.text == "seemed"
    assert a.source is None and a.mode is AttributionMode.PASSIVE
    assert a.content.text == "the mayor seemed to soften her stance on the bridge"


def test_it_appears_that_keeps_only_the_clause_after_that():
    text = "It appears that the ferry will run again by June."
    (a,) = credited(text)
    assert (a.cue.text, a.content.text) == ("appears", "the ferry will run again by June")


def test_appearing_somewhere_is_no_impression():
    for text in (
        "The senator appeared on a radio show in Leeds on Tuesday.",
        "Two farmers appeared in court over the fence dispute.",
        "The governor appeared, smiled and left the stage early.",
    ):
        assert seeming(text, 0, len(text)) == []
        assert credited(text) == []


def test_impression_inside_a_quote_is_left_to_the_quote():
    text = "“The plan seems to work for everyone here,” the mayor said."
    assert [a.cue.text for a in credited(text)] == ["said"]


def test_polls_show_without_that():
    text = "Early polls show the newcomer leading the incumbent in three districts."
    (a,) = credited(text)
    assert (a.cue.text, a.source.text) == ("show", "Early polls")
    assert a.content.text == "the newcomer leading the incumbent in three districts"


def test_a_show_is_not_a_cue():
    text = "The show ran for six seasons on a cable channel."
    assert credited(text) == []


def test_protesters_are_a_collective_not_a_named_person():
    text = "Protesters said the depot had been closed without notice."
    (a,) = credited(text)
    assert (a.speaker_kind, a.mode) == (ActorKind.COLLECTIVE, AttributionMode.VAGUE_COLLECTIVE)
    actors = extract(text).actors
    assert [(x.name, x.kind) for x in actors] == [("protesters", ActorKind.COLLECTIVE)]


def test_the_group_is_the_body_named_before():
    text = (
        "The Sierra Club said the pipeline was unsafe. "
        "The group said it would sue the county in March."
    )
    first, second = credited(text)
    assert second.source.text == "The group"
    assert second.speaker == first.speaker and second.speaker_kind is ActorKind.ORGANISATION
    assert len(extract(text).actors) == 1


def test_the_group_with_no_body_before_is_people_not_an_institution():
    text = "A few dozen neighbours met at the hall. The group said the hall should stay open."
    (a,) = credited(text)
    assert (a.speaker, a.speaker_kind) == ("the group", ActorKind.COLLECTIVE)
    assert a.mode is AttributionMode.VAGUE_COLLECTIVE


def test_a_share_of_people_is_the_source():
    cases = {
        "About 9 percent said they had no preference between the two.": "About 9 percent",
        "In the county, six in 10 voters say the road should be widened.": "six in 10 voters",
        "Two-thirds of the nurses believe the ward will close in spring.": (
            "Two-thirds of the nurses"
        ),
    }
    for text, source in cases.items():
        (a,) = credited(text)
        assert a.source.text == source, text
        assert a.speaker_kind is ActorKind.COLLECTIVE


def test_a_quantity_that_is_no_share_of_people_is_no_source():
    text = "The council spent 9 percent more, and the mayor said the budget was sound."
    (a,) = credited(text)
    assert (a.source.text, a.speaker) == ("the mayor", "the mayor")


def test_who_said_credits_the_phrase_before_it():
    text = "Mary Lamb, who said the bridge was unsafe, left the meeting early."
    (a,) = credited(text)
    assert (a.source.text, a.cue.text, a.content.text) == ("who", "said", "the bridge was unsafe")
    assert (a.speaker, a.speaker_kind) == ("Mary Lamb", ActorKind.PERSON)
    assert [x.name for x in extract(text).actors] == ["Mary Lamb"]


def test_who_before_a_deed_is_no_report():
    text = "Mary Lamb, who built the bridge, left the meeting early."
    assert credited(text) == []


def test_a_question_nobody_is_named_as_asking():
    text = "Asked whether she would run again, the mayor smiled."
    (a,) = credited(text)
    assert (a.cue.text, a.content.text) == ("Asked", "whether she would run again")
    assert a.source is None and a.mode is AttributionMode.PASSIVE


def test_asked_about_and_was_asked():
    text = "When asked about the closed ferry, the clerk shrugged. She was asked why it shut."
    found = {a.cue.text: a.content.text for a in credited(text)}
    assert found == {"When asked about": "the closed ferry", "was asked": "why it shut"}


def test_asked_someone_to_act_is_no_question():
    from newsdb.extract.questions import questions

    text = "The council asked the mayor to leave the hall."
    assert questions(text, 0, len(text)) == []
