"""The entity steps of the extractor: actors, appositive affiliations and time expressions.

Each rule is checked on sentences written for it; the seed article is read against its hand
annotation (annotations.yaml), which these tests load rather than repeat.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from newsdb import textref
from newsdb.annotation import AnnotationFile
from newsdb.extract import gazetteer
from newsdb.extract.actors import find_actors
from newsdb.extract.appositives import find_affiliations
from newsdb.extract.times import find_times
from newsdb.extract.types import Attribution, Span
from newsdb.vocab import ActorKind, AttributionMode, DatePrecision, DateResolution

SEED = Path(__file__).parents[1] / "seeds" / "pakistan-iran-off-ramp"
FRIDAY = dt.date(2024, 1, 19)


def actors_by_name(text: str, attributions=()) -> dict[str, object]:
    found = find_actors(text, attributions)
    for actor in found:
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text
    return {a.name: a for a in found}


def mention_texts(actor) -> list[str]:
    return [m.text for m in actor.mentions]


def one_time(text: str, published=FRIDAY):
    found = find_times(text, published)
    assert len(found) == 1, found
    draft = found[0]
    assert text[draft.span.start : draft.span.end] == draft.span.text
    return draft


# --- gazetteer --------------------------------------------------------------------------------


def test_gazetteer_names_countries_by_name_alias_and_adjective():
    assert gazetteer.country("Iranian").iso2 == "IR"
    assert gazetteer.country("Pakistani").name == "Pakistan"
    assert gazetteer.country("U.S.").name == "United States"
    assert gazetteer.country("Pakistanis") is None
    assert "analysts" in gazetteer.COLLECTIVE_NOUNS
    assert "Institute" in gazetteer.ORG_HEADS
    assert "Prime Minister" in gazetteer.PERSON_TITLES


# --- people -----------------------------------------------------------------------------------


def test_a_full_name_is_a_person_and_a_later_surname_a_mention_of_them():
    text = "The plan was drawn up by Michael Kugelman in Washington. Kugelman said it would work."
    people = actors_by_name(text)
    kugelman = people["Michael Kugelman"]
    assert kugelman.kind is ActorKind.PERSON
    assert mention_texts(kugelman) == ["Michael Kugelman", "Kugelman"]
    assert kugelman.mentions[1].start == text.index("Kugelman said")


def test_a_surname_before_the_full_name_is_taken_only_where_one_person_bears_it():
    text = "Kugelman was late. Then Michael Kugelman spoke."
    assert mention_texts(actors_by_name(text)["Michael Kugelman"]) == [
        "Kugelman",
        "Michael Kugelman",
    ]
    text = "Clinton spoke. Hillary Clinton and Bill Clinton left. Clinton waved."
    people = actors_by_name(text)
    assert mention_texts(people["Hillary Clinton"]) == ["Hillary Clinton"]
    assert mention_texts(people["Bill Clinton"]) == ["Bill Clinton", "Clinton"]  # the last named


def test_a_surname_in_capitals_is_a_transcript_speaker():
    text = "The host was Chris Wallace.\nWALLACE: Good evening."
    assert mention_texts(actors_by_name(text)["Chris Wallace"]) == ["Chris Wallace", "WALLACE"]


def test_an_honorific_makes_a_title_word_a_name():
    assert mention_texts(actors_by_name("Then Mr. King spoke.")["King"]) == ["Mr. King"]


def test_an_initial_inside_a_name():
    text = "Donald J. Trump spoke."
    assert mention_texts(actors_by_name(text)["Donald J. Trump"]) == ["Donald J. Trump"]


def test_a_title_belongs_to_the_mention_not_the_name():
    text = "The vote removed former Prime Minister Imran Khan in April. Khan’s party protested."
    khan = actors_by_name(text)["Imran Khan"]
    assert mention_texts(khan) == ["former Prime Minister Imran Khan", "Khan"]


def test_a_titled_surname_joins_the_person_named_in_full_later():
    text = "President Obama spoke first. Barack Obama then left for Hanoi."
    people = actors_by_name(text)
    assert "Obama" not in people
    assert mention_texts(people["Barack Obama"]) == ["President Obama", "Barack Obama"]


def test_sentence_capitals_months_weekdays_and_places_are_not_people():
    text = (
        "Still Pakistan waited. On Friday the talks resumed. In January Congress met. "
        "Terrorist attacks rose in the Middle East and New Hampshire."
    )
    people = [a for a in find_actors(text) if a.kind is ActorKind.PERSON]
    assert people == []


def test_a_speaker_resolved_by_attribution_gets_its_pronoun_source():
    text = "Madiha Afzal spoke first. “It was careful,” she added."
    she = text.index("she")
    attribution = Attribution(
        kind="direct",
        mode=AttributionMode.NAMED_PERSON,
        content=Span.of(text, text.index("It"), text.index(",”")),
        cue=Span.of(text, she + 4, she + 9),
        source=Span.of(text, she, she + 3),
        speaker="Madiha Afzal",
        speaker_kind=ActorKind.PERSON,
        confidence=0.9,
    )
    afzal = actors_by_name(text, [attribution])["Madiha Afzal"]
    assert mention_texts(afzal) == ["Madiha Afzal", "she"]


def test_a_speaker_given_by_surname_is_the_person_of_that_surname():
    text = "Donald Trump arrived. “We will win,” Trump said."
    at = text.rindex("Trump")
    attribution = Attribution(
        kind="direct",
        mode=AttributionMode.NAMED_PERSON,
        content=Span.of(text, text.index("We"), text.index(",”")),
        cue=Span.of(text, at + 6, at + 10),
        source=Span.of(text, at, at + 5),
        speaker="Trump",
        speaker_kind=ActorKind.PERSON,
        confidence=0.9,
    )
    people = actors_by_name(text, [attribution])
    assert "Trump" not in people
    assert mention_texts(people["Donald Trump"]) == ["Donald Trump", "Trump"]


def test_a_speaker_the_rules_missed_takes_the_kind_the_attribution_gives():
    text = "The ministry said the border was calm."
    attribution = Attribution(
        kind="indirect",
        mode=AttributionMode.INSTITUTION,
        content=Span.of(text, text.index("the border"), len(text) - 1),
        cue=Span.of(text, text.index("said"), text.index("said") + 4),
        source=Span.of(text, 0, len("The ministry")),
        speaker="The ministry",
        speaker_kind=ActorKind.ORGANISATION,
        confidence=0.7,
    )
    ministry = actors_by_name(text, [attribution])["The ministry"]
    assert ministry.kind is ActorKind.ORGANISATION
    assert mention_texts(ministry) == ["The ministry"]


# --- organisations, states, armed groups, collectives ----------------------------------------


def test_organisations_built_on_head_words():
    text = (
        "Experts at the Brookings Institution and the United States Institute of Peace "
        "disagreed with the International Monetary Fund."
    )
    found = actors_by_name(text)
    for name in (
        "Brookings Institution",
        "United States Institute of Peace",
        "International Monetary Fund",
    ):
        assert found[name].kind is ActorKind.ORGANISATION
    assert "United States" not in found  # inside an organisation's name it is no state


def test_an_organisation_inside_another_is_part_of_it():
    text = "said the director of the Wilson Center’s South Asia Institute."
    found = actors_by_name(text)
    assert found["South Asia Institute"].part_of == "Wilson Center"
    assert found["Wilson Center"].part_of is None


def test_states_by_name_and_adjective_but_not_by_plural_noun():
    text = "An Iranian strike hit Pakistan. Pakistani officials and young Pakistanis protested in Saudi Arabia."
    found = actors_by_name(text)
    assert found["Iran"].kind is ActorKind.STATE and found["Iran"].country == "IR"
    assert mention_texts(found["Iran"]) == ["Iranian"]
    assert mention_texts(found["Pakistan"]) == ["Pakistan", "Pakistani"]
    assert found["Saudi Arabia"].country == "SA"
    officials = found["Pakistani officials"]
    assert officials.kind is ActorKind.COLLECTIVE and officials.part_of == "Pakistan"


def test_officials_named_by_a_short_state_name():
    officials = actors_by_name("U.S. officials said so.")["U.S. officials"]
    assert (officials.kind, officials.country, officials.part_of) == (
        ActorKind.COLLECTIVE,
        "US",
        "United States",
    )


def test_a_state_organ_in_both_wordings_is_one_organisation():
    text = "the Pakistani military struck back. Later Pakistan’s military denied it."
    military = actors_by_name(text)["Pakistani military"]
    assert military.kind is ActorKind.ORGANISATION and military.country == "PK"
    assert mention_texts(military) == ["the Pakistani military", "Pakistan’s military"]


@pytest.mark.parametrize(
    "text",
    [
        "Iran said it had attacked a militant group, Jaish al-Adl, inside Pakistan.",
        "Iran said it had attacked Jaish al-Adl, a militant group based in Pakistan.",
    ],
)
def test_an_armed_group_where_the_text_calls_it_one(text):
    group = actors_by_name(text)["Jaish al-Adl"]
    assert group.kind is ActorKind.ARMED_GROUP
    assert sorted(mention_texts(group)) == ["Jaish al-Adl", "a militant group"]


def test_collectives_are_one_actor_each_whatever_their_capital():
    text = "Pakistan’s appeal, analysts said, was plain. Observers said so too, as analysts had."
    found = actors_by_name(text)
    assert mention_texts(found["analysts"]) == ["analysts", "analysts"]
    assert found["observers"].kind is ActorKind.COLLECTIVE
    assert mention_texts(found["observers"]) == ["Observers"]


def test_a_campaign_named_after_a_person_is_an_organisation():
    text = "Hillary Clinton spoke. Later the Clinton campaign denied it, as did the Bush administration."
    found = actors_by_name(text)
    assert found["Clinton campaign"].kind is ActorKind.ORGANISATION
    assert mention_texts(found["Hillary Clinton"]) == ["Hillary Clinton"]
    assert mention_texts(found["Bush administration"]) == ["Bush administration"]
    found = actors_by_name("The Republican campaign and the Senate campaign began.")
    assert [a.name for a in found.values() if a.kind is ActorKind.ORGANISATION] == [
        "Republican Party",
        "Senate",
    ]


# --- affiliations -----------------------------------------------------------------------------


def affiliations(text: str):
    found = find_affiliations(text, find_actors(text))
    for draft in found:
        assert text[draft.descriptor.start : draft.descriptor.end] == draft.descriptor.text
    return found


def test_appositive_role_of_an_organisation_inside_another():
    text = "“It is risky,” said Jane Roe, the director of the Wilson Center’s South Asia Institute."
    [draft] = affiliations(text)
    assert (draft.person, draft.role, draft.organisation) == (
        "Jane Roe",
        "director",
        "South Asia Institute",
    )
    assert draft.descriptor.text == "the director of the Wilson Center’s South Asia Institute"


def test_appositive_role_at_an_organisation():
    text = "said John Doe, a senior expert at the United States Institute of Peace. He left."
    [draft] = affiliations(text)
    assert (draft.role, draft.organisation, draft.location) == (
        "senior expert",
        "United States Institute of Peace",
        None,
    )


def test_appositive_with_a_place_after_the_organisation():
    text = "said Mary Major, a fellow at the Brookings Institution in Washington."
    [draft] = affiliations(text)
    assert (draft.role, draft.organisation) == ("fellow", "Brookings Institution")
    assert (draft.location, draft.location_as_written) == ("Washington", "in Washington")


def test_appositive_with_a_based_place_and_no_organisation():
    text = "said Ali Raza Khan, a Washington-based expert on the region."
    [draft] = affiliations(text)
    assert draft.organisation is None
    assert (draft.role, draft.location, draft.location_as_written) == (
        "expert on the region",
        "Washington",
        "Washington-based",
    )
    assert draft.descriptor.text == "a Washington-based expert on the region"


def test_an_organisation_and_role_before_the_name():
    text = "Hillary Clinton spoke. Clinton campaign manager Robby Mook said more."
    [draft] = affiliations(text)
    assert (draft.person, draft.organisation, draft.role) == (
        "Robby Mook",
        "Clinton campaign",
        "manager",
    )
    assert draft.descriptor.text == "Clinton campaign manager"


def test_party_and_state_in_brackets():
    text = "Sen. Tim Kaine (D-Va.) said no."
    [draft] = affiliations(text)
    assert (draft.person, draft.organisation, draft.role) == (
        "Tim Kaine",
        "Democratic Party",
        "senator",
    )
    assert (draft.location, draft.location_as_written, draft.descriptor.text) == (
        "Virginia",
        "Va.",
        "D-Va.",
    )


def test_a_role_named_after_its_organisation():
    text = "said Jane Roe, now a paid CNN commentator."
    [draft] = affiliations(text)
    assert (draft.role, draft.organisation) == ("paid commentator", "CNN")


def test_a_relative_clause_ends_the_appositive_and_a_bare_role_keeps_its_words():
    text = "said Jane Roe, an Austin-based pollster who worked for Ted Cruz in 2012."
    [draft] = affiliations(text)
    assert draft.descriptor.text == "an Austin-based pollster"
    assert (draft.role, draft.location, draft.location_as_written) == (
        "pollster",
        "Austin",
        "Austin-based",
    )


def test_a_role_without_a_known_organisation_stops_where_the_place_is_named():
    [draft] = affiliations("said Jane Roe, a senior analyst at Jefferies.")
    assert (draft.role, draft.organisation) == ("senior analyst", None)
    assert draft.descriptor.text == "a senior analyst at Jefferies"


def test_a_verb_before_a_role_is_not_part_of_it():
    text = "Donald Trump spoke. The board voted to fire campaign manager Corey Lewandowski."
    assert affiliations(text) == []


def test_an_organisation_and_a_title_before_the_name():
    text = "Senate Majority Leader Mitch McConnell (R-Ky.) said no."
    first, second = affiliations(text)
    assert (first.organisation, first.role, first.descriptor.text) == (
        "Senate",
        "Majority Leader",
        "Senate Majority Leader",
    )
    assert (second.organisation, second.role, second.location) == (
        "Republican Party",
        "Majority Leader",
        "Kentucky",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Present were Michael Kugelman, Madiha Afzal and Asfandyar Mir.",
        "They met Michael Kugelman, the subpoena was withdrawn and he left.",
        "said Michael Kugelman, hoping to deprive him of votes.",
        "said Michael Kugelman, who has studied the region.",
        "said Michael Kugelman, adding that it was late.",
    ],
)
def test_lists_and_clauses_are_not_appositives(text):
    assert affiliations(text) == []


# --- time expressions -------------------------------------------------------------------------


def test_this_week_is_monday_to_sunday_of_the_publication_week():
    draft = one_time("Iran and Pakistan traded airstrikes this week.")
    assert draft.span.text == "this week"
    assert (draft.start, draft.end) == (dt.date(2024, 1, 15), dt.date(2024, 1, 21))
    assert (draft.precision, draft.resolution) == (DatePrecision.DAY, DateResolution.RELATIVE)


@pytest.mark.parametrize(
    "text, written, date",
    [
        ("Pakistan on Thursday mirrored the action.", "on Thursday", dt.date(2024, 1, 18)),
        ("a statement of its own Friday.", "Friday", dt.date(2024, 1, 19)),
        ("It happened last Friday.", "last Friday", dt.date(2024, 1, 12)),
        ("They meet next Monday.", "next Monday", dt.date(2024, 1, 22)),
        ("Voters will go to the polls on Tuesday.", "on Tuesday", dt.date(2024, 1, 23)),
        ("The attack was on Dec. 15 and killed 11.", "Dec. 15", dt.date(2023, 12, 15)),
        ("The attack was on January 3.", "January 3", dt.date(2024, 1, 3)),
        ("He spoke yesterday.", "yesterday", dt.date(2024, 1, 18)),
    ],
)
def test_relative_days_resolve_against_the_publication_date(text, written, date):
    draft = one_time(text)
    assert draft.span.text == written
    assert draft.start == date
    assert (draft.precision, draft.resolution) == (DatePrecision.DAY, DateResolution.RELATIVE)
    assert not draft.duration


@pytest.mark.parametrize(
    "text, published, date",
    [
        ("The election is on Nov. 8.", dt.date(2016, 9, 12), dt.date(2016, 11, 8)),
        ("His speech, on May 28, was cheered.", dt.date(2015, 12, 15), dt.date(2015, 5, 28)),
        ("The vote will be held on May 28.", dt.date(2015, 12, 15), dt.date(2016, 5, 28)),
    ],
)
def test_a_month_day_after_publication_is_ahead_only_when_near_or_looked_forward_to(
    text, published, date
):
    assert one_time(text, published).start == date


@pytest.mark.parametrize(
    "text, written, start, precision",
    [
        ("removed in April 2021 by a vote", "April 2021", dt.date(2021, 4, 1), DatePrecision.MONTH),
        ("And in 2019, shelling began.", "2019", dt.date(2019, 1, 1), DatePrecision.YEAR),
        ("one underway since 2003.", "since 2003", dt.date(2003, 1, 1), DatePrecision.YEAR),
        ("Pakistan’s founding in 1947, the first", "1947", dt.date(1947, 1, 1), DatePrecision.YEAR),
        ("After the 1979 Iranian revolution", "1979", dt.date(1979, 1, 1), DatePrecision.YEAR),
        ("as in the 1990s, they", "1990s", dt.date(1990, 1, 1), DatePrecision.DECADE),
        ("on Jan. 16, 2024, Iran struck", "Jan. 16, 2024", dt.date(2024, 1, 16), DatePrecision.DAY),
    ],
)
def test_stated_dates_resolve_without_a_publication_date(text, written, start, precision):
    draft = one_time(text, None)
    assert (draft.span.text, draft.start, draft.precision) == (written, start, precision)
    assert draft.resolution is DateResolution.STATED


@pytest.mark.parametrize(
    "text, written, start, end, precision",
    [
        (
            "It rose last month.",
            "last month",
            dt.date(2023, 12, 1),
            dt.date(2023, 12, 31),
            DatePrecision.MONTH,
        ),
        (
            "elections expected in early February",
            "early February",
            dt.date(2024, 2, 1),
            dt.date(2024, 2, 29),
            DatePrecision.MONTH,
        ),
        ("It began two years ago.", "two years ago", dt.date(2022, 1, 1), None, DatePrecision.YEAR),
    ],
)
def test_relative_periods(text, written, start, end, precision):
    draft = one_time(text)
    assert (draft.span.text, draft.start, draft.end, draft.precision) == (
        written,
        start,
        end,
        precision,
    )
    assert draft.resolution is DateResolution.RELATIVE


@pytest.mark.parametrize(
    "text, written, start",
    [
        ("For two years, the country has been embroiled.", "For two years", dt.date(2022, 1, 1)),
        (
            "has roared back over the past two years, with",
            "over the past two years",
            dt.date(2022, 1, 1),
        ),
        ("For decades, Pakistan has shelled", "For decades", None),
        ("the region for years.", "for years", None),
    ],
)
def test_durations_are_flagged_and_counted_back_where_they_have_a_number(text, written, start):
    draft = one_time(text)
    assert draft.duration and draft.span.text == written
    assert draft.start == start
    if start is not None:
        assert (draft.end, draft.resolution) == (FRIDAY, DateResolution.INFERRED)
    else:
        assert draft.resolution is DateResolution.UNRESOLVED


def test_an_anchorless_later_stays_unresolved_even_with_a_publication_date():
    draft = one_time("Months later, Khan was arrested.")
    assert draft.span.text == "Months later"
    assert (draft.start, draft.resolution) == (None, DateResolution.UNRESOLVED)


@pytest.mark.parametrize("text", ["on Thursday", "Dec. 15", "this week", "last month", "yesterday"])
def test_no_publication_date_no_relative_date(text):
    draft = one_time(f"It happened {text}.", None)
    assert draft.span.text == text
    assert (draft.start, draft.end) == (None, None)
    assert (draft.precision, draft.resolution) == (DatePrecision.UNKNOWN, DateResolution.UNRESOLVED)


@pytest.mark.parametrize(
    "text",
    [
        "Some 2,000 people came.",
        "It cost $2019 in all.",
        "They may agree.",
        "Mondays are slow",
        "Its 1500 troops",
        "They earn 330 pesos for a day's work.",
    ],
)
def test_numbers_and_words_that_are_not_dates(text):
    assert find_times(text, FRIDAY) == []


# --- the seed article against its hand annotation --------------------------------------------


@pytest.fixture(scope="module")
def seed():
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    hand = AnnotationFile.model_validate(
        yaml.safe_load((SEED / "annotations.yaml").read_text(encoding="utf-8"))
    )
    actors = find_actors(text)
    return text, hand, actors, find_affiliations(text, actors), find_times(text, FRIDAY)


NAMED_SOURCES = ("michael-kugelman", "asfandyar-mir", "madiha-afzal", "malik-siraj-akbar")
#: the hand annotation's states and organisations these rules are meant to find
TARGETS = NAMED_SOURCES + (
    "wilson-center",
    "wilson-center-south-asia-institute",
    "united-states-institute-of-peace",
    "brookings-institution",
    "imf",
    "iran",
    "pakistan",
    "india",
    "afghanistan",
    "iraq",
    "syria",
    "saudi-arabia",
    "pakistan-military",
    "iranian-authorities",
    "pakistani-officials",
    "jaish-al-adl",
    "imran-khan",
    "analysts",
    "observers",
)


def aimed_at(mention: str, kind: ActorKind) -> bool:
    """Whether the rules mean to find this hand mention: a name ("Iran", "the Pakistani
    military", "Observers") or a collective noun, not "the country" or "a top Iranian rival"."""
    words = mention.split()
    if kind == ActorKind.COLLECTIVE or mention == "a militant group":
        return True
    if words[0] == "the" and len(words) > 1:
        words = words[1:]
    return words[0][0].isupper() and words[0] not in gazetteer.STOPWORDS


def test_seed_actors_match_the_hand_annotation(seed):
    text, hand, actors, _, _ = seed
    by_slug = {a.slug: a for a in hand.actors}
    drafted = {a.name: a for a in actors}
    for slug in TARGETS:
        want = by_slug[slug]
        got = drafted.get(want.name)
        assert got is not None, want.name
        assert got.kind == want.kind, want.name
        if want.kind is ActorKind.STATE:
            assert got.country == want.country
        if want.part_of:
            assert got.part_of == by_slug[want.part_of].name
        spans = {(m.start, m.end) for m in got.mentions}
        for ref in want.mentions:
            for place in textref.resolve_all(text, ref):
                # a hand mention counts as found where a drafted mention of the actor lies in it
                # ("Taliban" in "the Taliban government"); descriptions and anaphora are left
                if not aimed_at(place.text, want.kind):
                    continue
                assert any(place.start <= s and e <= place.end for s, e in spans), (
                    want.name,
                    place,
                )


def test_seed_actors_are_all_in_the_hand_annotation(seed):
    _, hand, actors, _, _ = seed
    assert {a.name for a in actors} <= {a.name for a in hand.actors}


def test_seed_named_sources_have_their_hand_affiliations(seed):
    text, hand, _, drafted, _ = seed
    names = {a.slug: a.name for a in hand.actors}
    got = {d.person: d for d in drafted}
    for want in hand.affiliations:
        draft = got[names[want.person]]
        place = textref.resolve(text, want.descriptor)
        assert (draft.descriptor.start, draft.descriptor.end) == (place.start, place.end)
        assert draft.organisation == (names[want.organisation] if want.organisation else None)
        assert (draft.role, draft.location, draft.location_as_written) == (
            want.role,
            want.location,
            want.location_as_written,
        )
    assert {d.person for d in drafted} == {names[s] for s in NAMED_SOURCES}


def test_seed_event_dates_written_in_the_text(seed):
    _, hand, _, _, times = seed
    by_span = {d.span.text: d for d in times}
    assert by_span["on Thursday"].start == dt.date(2024, 1, 18)
    assert by_span["Dec. 15"].start == dt.date(2023, 12, 15)
    checked = 0
    for event in hand.events:
        date = event.date
        if date.as_written is None or date.resolution not in (
            DateResolution.STATED,
            DateResolution.RELATIVE,
        ):
            continue
        # the hand annotation may quote more words than the date ("since Pakistan’s founding in 1947")
        drafts = [d for d in times if d.span.text in date.as_written]
        assert any((d.start, d.precision) == (date.start, date.precision) for d in drafts), (
            date.as_written
        )
        checked += 1
    assert checked >= 6
