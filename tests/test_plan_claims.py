"""A claim's relations and checks are planned from whichever it gives: the planner passes
over a claim that gives none (most do), and plans the rows, and refuses what is wrong, of one
that gives only checks, only conflicts or only corroborations."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import MINI

from newsdb.loader import AnnotationError, read_folder
from newsdb.models import ClaimCheck, ClaimRelation

_CHECK = {"aspect": "toll", "stated": "three", "verdict": "confirmed", "source": "the coroner"}


def _read(tmp_path: Path, edit) -> object:
    folder = tmp_path / "article"
    shutil.copytree(MINI, folder)
    path = folder / "annotations.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit({c["id"]: c for c in doc["claims"]})
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return read_folder(folder)


def _relations(plan) -> set[tuple]:
    return {
        (r["claim_id"][1], r["other_claim_id"][1], r["relation"]) for r in plan.rows[ClaimRelation]
    }


def test_claims_with_none_plan_none(tmp_path: Path) -> None:
    def edit(claims):
        claims["more-will-fall"].pop("conflicts")

    plan = _read(tmp_path, edit)
    assert plan.rows[ClaimRelation] == [] and plan.rows[ClaimCheck] == []


def test_each_kind_alone_is_planned(tmp_path: Path) -> None:
    def edit(claims):
        claims["bridge-fell"]["checks"] = [_CHECK]
        claims["disaster"]["corroborates"] = ["bridge-fell", "bridge-fell"]  # one row

    plan = _read(tmp_path, edit)
    assert _relations(plan) == {
        ("disaster", "bridge-fell", "corroborates"),
        ("more-will-fall", "disaster", "conflicts"),
    }
    (check,) = plan.rows[ClaimCheck]
    assert (check["claim_id"], check["aspect"], check["verdict"]) == (
        ("claim", "bridge-fell"),
        "toll",
        "confirmed",
    )


def test_what_is_wrong_in_them_is_still_refused(tmp_path: Path) -> None:
    def edit(claims):
        claims["bridge-fell"]["checks"] = [_CHECK, _CHECK]
        claims["disaster"]["conflicts"] = ["disaster"]

    with pytest.raises(AnnotationError) as error:
        _read(tmp_path, edit)
    reasons = {p.reason for p in error.value.problems}
    assert reasons == {
        "the claim is checked twice for 'toll'",
        "a claim cannot be said to conflict itself",
    }
