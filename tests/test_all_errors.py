"""`newsdb load` reports every problem of a file in one run (issue 11, item 5): problems of
validation and of checking against the text together, each with its line and place; none
that only follows from another; at most 50 listed; nothing written; quoted words cut between
words. And over many folders, each bad article with its problems."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from conftest import MINI, error_lines
from test_loader import row_counts

from newsdb.cli import main
from newsdb.loader import AnnotationError, read_folder


def load(url: str, *folders: Path) -> Result:
    return CliRunner().invoke(main, ["--database", url, "load", *map(str, folders)])


def edited(tmp_path: Path, edit, name: str = "article", slug: str | None = None) -> Path:
    """The mini article in a folder of its own, its annotation changed by ``edit`` (and, given
    ``slug``, made an article of its own, with its own text)."""
    folder = tmp_path / name
    shutil.copytree(MINI, folder)
    path = folder / "annotations.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    if slug:
        body = (folder / "article.txt").read_bytes() + f" {slug}.".encode()
        (folder / "article.txt").write_bytes(body)
        doc["article"].update(slug=slug, sha256=hashlib.sha256(body).hexdigest())
    edit(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def line_with(folder: Path, words: str, after: int = 0) -> int:
    """The number of the first line of the annotation after line ``after`` holding ``words``."""
    lines = (folder / "annotations.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if n > after and words in line)


def several(doc: dict) -> None:
    """Seven independent problems, of validation and of checking against the text."""
    doc["article"]["headline"] = "Bridge falls"  # validation: the header's shape
    doc["article"]["sha256"] = "abc"  # validation (the text's own is then not compared)
    doc["actors"][2]["kind"] = "crowd"  # validation: a vocabulary value
    doc["events"][0]["date"]["start"] = "2024-02-30"  # validation: no such day
    doc["quotes"][0]["text"] = "It was a catastrophe,"  # the text: not in it
    doc["claims"][2]["source"] = "pundits"  # the text: an undeclared actor
    doc["claims"][0]["events"] = ["bridge-repair"]  # the text: an undeclared event


def test_every_problem_of_a_file_in_one_run(engine, database_url, tmp_path):
    folder = edited(tmp_path, several)
    before = row_counts(engine)
    result = load(database_url, folder)
    assert result.exit_code == 1 and "Traceback" not in result.output
    first, *problems = error_lines(result.stderr)
    assert first == f"Error: {folder / 'annotations.yaml'}: 7 problems, nothing loaded:"
    expected = [
        (line_with(folder, "sha256: abc"), "article.sha256: 'abc' is not a sha256"),
        (line_with(folder, "headline: Bridge"), "article.headline: headline is a mapping"),
        (line_with(folder, "kind: crowd"), "actors[2].kind: 'crowd' is not one of 'person'"),
        (line_with(folder, "2024-02-30"), "events[0].date.start: '2024-02-30' is not a date"),
        (line_with(folder, "It was a catastrophe"), "quotes[0].text: 'It was a catastrophe,' is"),
        (
            line_with(folder, "- bridge-repair"),
            "claims[0].events[0]: unknown event 'bridge-repair'",
        ),
        (line_with(folder, "source: pundits"), "claims[2].source: unknown actor 'pundits'"),
    ]
    assert [problem.split(": ", 1)[0] for problem in problems] == [
        f"  line {line}, {words.split(':')[0]}" for line, words in expected
    ]
    for problem, (line, words) in zip(problems, expected, strict=True):
        assert problem.startswith(f"  line {line}, {words}"), problem
    assert row_counts(engine) == before


def test_a_problem_that_follows_from_another_is_not_reported(tmp_path):
    """A claim resting on a quote not in the text, a quote by an actor whose kind is wrong,
    the events a claim that failed names: each only the problem it follows from."""

    def doc_edit(doc: dict) -> None:
        doc["quotes"][0]["text"] = "It was a catastrophe,"  # claims[1] rests on it
        doc["actors"][0]["kind"] = "persn"  # the speaker of both quotes
        doc["claims"][0]["mode"] = "unheard_of"  # the one claim naming bridge-collapse...
        doc["claims"][1]["events"] = []  # ...now that this one names it no more
        doc["events"][0]["mentions"] = []

    with pytest.raises(AnnotationError) as raised:
        read_folder(edited(tmp_path, doc_edit))
    places = [".".join(map(str, p.where)) for p in raised.value.problems]
    assert sorted(places) == ["actors.0.kind", "claims.0.mode", "quotes.0.text"], places


def test_a_problem_found_twice_is_reported_once_per_place(tmp_path):
    def doc_edit(doc: dict) -> None:
        doc["quotes"][1]["id"] = "doe-1"  # a duplicate: doe-2 continues... doe-1, itself
        doc["quotes"][1]["continues"] = "doe-1"

    with pytest.raises(AnnotationError) as raised:
        read_folder(edited(tmp_path, doc_edit))
    reasons = [str(p) for p in raised.value.problems]
    assert len(reasons) == len(set(reasons))
    assert any("duplicate quote id 'doe-1'" in r for r in reasons), reasons


def test_a_garbage_file_lists_fifty_problems_and_counts_the_rest(database_url, tmp_path):
    def garbage(doc: dict) -> None:
        doc["quotes"] = [
            {"id": f"q-{i}", "speaker": "jane-doe", "kind": "partial", "text": f"word{i}"}
            for i in range(70)
        ]
        doc["claims"][1]["quotes"] = []  # it rested on doe-1

    folder = edited(tmp_path, garbage)
    result = load(database_url, folder)
    assert result.exit_code == 1
    first, *problems = error_lines(result.stderr)
    assert first.endswith(": 70 problems, nothing loaded:")
    assert len(problems) == 51 and problems[-1] == "  ... and 20 more"
    assert problems[0].startswith(f"  line {line_with(folder, 'word0')}, quotes[0].text: 'word0'")


def test_many_folders_report_each_bad_article_with_its_problems(engine, database_url, tmp_path):
    good = edited(tmp_path, lambda doc: None, "good", slug="good-one")
    bad = edited(tmp_path, several, "bad", slug="bad-one")
    result = load(database_url, good, bad)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    at = lines.index(f"failed: {bad / 'annotations.yaml'}: 7 problems, nothing loaded:")
    assert [line.split(",")[0] for line in lines[at + 1 : at + 8]] == [
        f"  line {line_with(bad, words)}"
        for words in (
            "sha256: abc",
            "headline: Bridge",
            "kind: crowd",
            "2024-02-30",
            "It was a catastrophe",
            "- bridge-repair",
            "source: pundits",
        )
    ]
    assert (
        lines[-1] == "Error: 1 of 2 article(s) failed and were not written (the reasons are above);"
        " the other 1 are in the database"
    )
    assert row_counts(engine)["article"] == 1


def test_quoted_words_are_cut_between_words_in_every_message(tmp_path):
    long = "It was a disaster, said Jane Doe, a engineer at Acme Corp and more words still"

    def doc_edit(doc: dict) -> None:
        doc["quotes"][0]["text"] = long  # not between marks, and not in the text
        doc["quotes"][1]["cue"] = {"text": "she", "context": long}
        doc["events"][0]["date"]["as_written"] = long
        doc["affiliations"][0]["location_as_written"] = long
        doc["actors"][0]["kind"] = long

    with pytest.raises(AnnotationError) as raised:
        read_folder(edited(tmp_path, doc_edit))
    assert len(raised.value.problems) == 5, raised.value
    for problem in raised.value.problems:
        for quoted in re.findall(r"'([^']*)'", problem.reason):
            if quoted.endswith("…"):
                cut = quoted.removesuffix("…")
                assert long.startswith(cut) and long[len(cut)] == " ", problem
        assert long not in problem.reason, problem


def test_a_segment_continuing_a_quote_that_failed_is_no_further_problem(tmp_path):
    def doc_edit(doc: dict) -> None:
        doc["quotes"][0]["text"] = None  # doe-2 continues it

    with pytest.raises(AnnotationError) as raised:
        read_folder(edited(tmp_path, doc_edit))
    assert [p.where for p in raised.value.problems] == [("quotes", 0, "text")]
    assert "None is not words of the article: write the words, or {text: ...," in str(raised.value)


def test_words_typed_with_other_marks_are_shown_as_the_text_has_them(tmp_path):
    def doc_edit(doc: dict) -> None:
        doc["claims"][1]["text"] = "it was a Disaster"  # the text: "It was a disaster"
        doc["quotes"][0]["cue"] = {"text": "said", "context": '," said Jane Doe'}  # curly there

    with pytest.raises(AnnotationError) as raised:
        read_folder(edited(tmp_path, doc_edit))
    reasons = {p.where: p.reason for p in raised.value.problems}
    assert reasons == {
        ("quotes", 0, "cue"): """'," said Jane Doe' is not in the article: it has ',” said"""
        """ Jane Doe', copy the words as they stand""",
        ("claims", 1, "text"): "'it was a Disaster' is not in the article: it has"
        " 'It was a disaster', copy the words as they stand",
    }


def test_a_long_first_word_is_kept_whole_and_a_huge_value_says_its_size():
    from newsdb.annotation_errors import clip, shown

    assert clip("Constantinople-" * 4 + " fell") == "Constantinople-" * 4 + "…"
    assert clip("x" * 1000) == "x" * 80 + "…"  # no word: cut, and said to be
    assert shown("x" * 1000).endswith("…' (1,000 characters)")
    assert (
        shown("It was a disaster, said Jane Doe, a engineer")
        == "'It was a disaster, said Jane Doe, a…'"
    )
