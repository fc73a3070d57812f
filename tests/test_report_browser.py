"""The seed article's report as a person sees it: opened in headless chromium.

The page must load without script errors; the rendered DOM must hold the 11 quote segments
of the seed's annotation with their speakers, and every attribution mode the legend names
must mark some claim of the text. A screenshot is written for people to look at (and, with
NEWSDB_UPDATE_SCREENSHOT=1, over docs/report-seed.png).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from browser import open_page, parse, script_errors
from click.testing import CliRunner
from conftest import BACKENDS

from newsdb.cli import main

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[1]
SEED = ROOT / "seeds" / "pakistan-iran-off-ramp"
ANNOTATION = yaml.safe_load((SEED / "annotations.yaml").read_text(encoding="utf-8"))
SLUG = ANNOTATION["article"]["slug"]


@pytest.fixture(scope="module", params=BACKENDS)
def page(request, tmp_path_factory) -> Iterator[Path]:
    """The seed article's report, written by `newsdb report` from a database on each backend."""
    folder = tmp_path_factory.mktemp("report")
    databases = None
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'newsdb.sqlite'}"
    else:
        databases = request.getfixturevalue("pg_databases")
        url = databases.create()
    runner = CliRunner()
    try:
        seeded = runner.invoke(main, ["--database", url, "seed"])
        assert seeded.exit_code == 0, seeded.output
        out = folder / "seed.html"
        args = ["--database", url, "report", "--article", SLUG, "-o", str(out)]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
        yield out
    finally:
        if databases is not None:
            databases.drop(url)


@pytest.fixture(scope="module")
def opened(page, tmp_path_factory) -> subprocess.CompletedProcess:
    """The page opened in chromium, its rendered DOM on stdout and its log on stderr."""
    return open_page(page, tmp_path_factory.mktemp("profile"), "--dump-dom")


def test_the_seed_report_loads_without_script_errors(opened):
    assert opened.returncode == 0, opened.stderr[-2000:]
    assert script_errors(opened.stderr) == []
    dom = parse(opened.stdout)
    html = next(a for t, a, _ in dom.elements if t == "html")
    assert html.get("data-script") == "ran", "the page's script did not run to its end"
    errors = [text for _, a, text in dom.having("id") if a["id"] == "script-errors"]
    assert errors == [""]


def test_the_quotes_and_their_speakers_are_in_the_rendered_page(opened):
    dom = parse(opened.stdout)
    pieces = defaultdict(list)
    for _, attrs, text in dom.having("data-quote"):
        pieces[attrs["data-quote"]].append((attrs["data-speaker"], text))
    names = {a["slug"]: a["name"] for a in ANNOTATION["actors"]}
    expected = {q["id"]: (names[q["speaker"]], q["text"]) for q in ANNOTATION["quotes"]}
    assert len(expected) == 11
    assert set(pieces) == set(expected)
    for key, (speaker, words) in expected.items():
        assert {s for s, _ in pieces[key]} == {speaker}, key
        # a quote crossed by a claim is written in pieces: together they are its words
        assert "".join(t for _, t in pieces[key]) == words, key


def test_every_mode_in_the_legend_marks_a_claim_in_the_text(opened):
    dom = parse(opened.stdout)
    legend = {a["data-mode"] for t, a, _ in dom.having("data-mode") if t == "li"}
    assert len(legend) == 6
    in_text = {a["data-mode"] for _, a, _ in dom.having("data-claim")}
    assert legend <= in_text
    # and each claim tells its source and cue on hover and focus (its title, shown by CSS)
    marks = [a for _, a, _ in dom.having("data-claim") if "tabindex" in a]
    assert len({a["data-claim"] for a in marks}) == len(ANNOTATION["claims"])
    kugelman = next(a for a in marks if a["data-claim"] == "c-kugelman-cannot-afford")
    assert "Michael Kugelman" in kugelman["title"] and "Wilson Center" in kugelman["title"]
    assert 'Cue "said"' in kugelman["title"]


def test_a_screenshot_is_written(page, tmp_path):
    shot = tmp_path / "report-seed.png"
    opened = open_page(
        page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2400"
    )
    assert opened.returncode == 0, opened.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000
    if os.environ.get("NEWSDB_UPDATE_SCREENSHOT"):
        shutil.copyfile(shot, ROOT / "docs" / "report-seed.png")
