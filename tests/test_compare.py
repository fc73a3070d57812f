"""Comparison: the collection questions ``--by article|outlet|month|year``, ``--outlet``
beside ``--article``, the same as parameters of the helpers, and plain GROUP BYs over the
views for SQL clients."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from click.testing import CliRunner
from conftest import mini_again
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from newsdb import sourcing
from newsdb.cli import main
from newsdb.loader import load_folder

OUTLET = "The Test Times"
HELPERS = ["profile", "source_totals", "unheard_totals", "geography_by_country", "support_totals"]


def _elsewhere(doc: dict) -> None:
    """mini-again: another outlet, a month later."""
    doc["article"]["outlet"] = {"value": OUTLET, "origin": "outside", "source": "the tests"}
    doc["article"]["published"]["value"] = dt.date(2024, 4, 2)


@pytest.fixture
def session(mini: Engine, tmp_path):
    with Session(mini) as session:
        with session.begin():
            load_folder(session, mini_again(tmp_path, _elsewhere))
        yield session


def _plain(rows) -> list[tuple]:
    return [dataclasses.astuple(dataclasses.replace(r, group=None)) for r in rows]


def _groups(rows) -> dict:
    out: dict = {}
    for row in rows:
        out.setdefault(row.group, []).append(row)
    return out


#: each group of each comparison, and the same rows asked for directly
GROUPS = {
    "article": {"mini-bridge": {"article": "mini-bridge"}, "mini-again": {"article": "mini-again"}},
    "outlet": {OUTLET: {"outlet": OUTLET}, None: {"article": "mini-bridge"}},
    "month": {
        "2024-03": {"since": dt.date(2024, 3, 1), "until": dt.date(2024, 3, 31)},
        "2024-04": {"since": dt.date(2024, 4, 1), "until": dt.date(2024, 4, 30)},
    },
    "year": {"2024": {}},
}


@pytest.mark.parametrize("by", sourcing.BY)
def test_each_group_is_the_question_asked_of_it_alone(session, by) -> None:
    for helper in HELPERS:
        ask = getattr(sourcing, helper)
        compared = _groups(ask(session, by=by))
        assert set(compared) == set(GROUPS[by]), helper
        for group, scope in GROUPS[by].items():
            alone = ask(session, **scope)
            assert alone and _plain(compared[group]) == _plain(alone), (helper, by, group)
        assert list(compared) == sorted(compared, key=lambda g: (g is None, g or ""))


def test_top_keeps_the_first_of_each_group(session) -> None:
    top = _groups(sourcing.source_totals(session, by="article", limit=1))
    for article, rows in top.items():
        assert _plain(rows) == _plain(sourcing.source_totals(session, article, limit=1))


def test_outlet_narrows_every_question(session) -> None:
    assert {q.article for q in sourcing.quotes(session, outlet=OUTLET)} == {"mini-again"}
    assert {c.article for c in sourcing.claims(session, outlet=OUTLET)} == {"mini-again"}
    with pytest.raises(sourcing.UnknownArticle, match="no article from outlet 'Nope'"):
        sourcing.profile(session, outlet="Nope")


#: README's GROUP BY for SQL clients: the profile per outlet and per month, from the view
BY_OUTLET = """
SELECT a.outlet AS outlet, v.attribution_mode, SUM(v.claims) AS claims
FROM v_attribution_profile v JOIN article a ON a.slug = v.article
GROUP BY a.outlet, v.attribution_mode
"""
BY_MONTH = """
SELECT substr(CAST(published_date AS VARCHAR(10)), 1, 7) AS month, attribution_mode,
    SUM(claims) AS claims
FROM v_attribution_profile
GROUP BY substr(CAST(published_date AS VARCHAR(10)), 1, 7), attribution_mode
"""


@pytest.mark.parametrize(("by", "sql"), [("outlet", BY_OUTLET), ("month", BY_MONTH)])
def test_a_sql_client_groups_the_view_the_same(session, by, sql) -> None:
    grouped = {(g, m): int(n) for g, m, n in session.execute(text(sql))}
    helper = {(r.group, r.attribution_mode): r.claims for r in sourcing.profile(session, by=by)}
    assert grouped == helper


def _cli(session, *args: str):
    url = session.get_bind().url.render_as_string(hide_password=False)
    return CliRunner().invoke(main, ["--database", url, *args])


def test_by_on_the_command_line(session) -> None:
    for command in (["profile"], ["sources"], ["gaps"], ["geography"], ["corroboration"]):
        result = _cli(session, *command, "--by", "month", "--format", "json")
        assert result.exit_code == 0, (command, result.output)
        rows = json.loads(result.stdout)
        assert {r["month"] for r in rows} == {"2024-03", "2024-04"}, command
        assert all(next(iter(r)) == "month" and "group" not in r for r in rows)
        table = _cli(session, *command, "--by", "outlet").stdout.splitlines()
        assert table[0].split()[0] == "outlet"
        # mini-bridge has no outlet: its group is named in a table, empty in JSON
        assert any(line.startswith("(no outlet)") for line in table), command
        rows = json.loads(_cli(session, *command, "--by", "outlet", "--format", "json").stdout)
        assert None in {r["outlet"] for r in rows}, command
    plain = json.loads(_cli(session, "sources", "--totals", "--format", "json").stdout)
    assert "group" not in plain[0]


def test_outlet_and_bad_combinations_on_the_command_line(session) -> None:
    result = _cli(session, "quotes", "--outlet", OUTLET, "--format", "json")
    assert {q["article"] for q in json.loads(result.stdout)} == {"mini-again"}
    result = _cli(session, "events", "--outlet", OUTLET, "--format", "json")
    assert {e["article"] for e in json.loads(result.stdout)} == {"mini-again"}
    result = _cli(session, "articles", "--outlet", OUTLET, "--format", "json")
    assert [a["slug"] for a in json.loads(result.stdout)] == ["mini-again"]
    result = _cli(session, "profile", "--outlet", "Nope")
    assert result.exit_code == 1 and "no article from outlet 'Nope'" in result.output
    for args in (
        ["geography", "--detail"],
        ["profile", "--summary"],
        ["corroboration", "--conflicts"],
    ):
        result = _cli(session, *args, "--by", "year")
        assert result.exit_code == 2 and "do not go together" in result.output, args
