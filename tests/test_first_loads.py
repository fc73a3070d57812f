"""Two first loads at once on a new database run one after the other, schema migration included.

Once the schema is at head loads serialise on ``BEGIN IMMEDIATE``; before this test the
migration that creates the schema began a plain transaction, and one of two `newsdb seed` or
`newsdb load` runs on a new file failed at once with "database is locked" (9 of 10 pairs).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from newsdb.db import ENV_VAR, make_engine
from newsdb.models import Article, Quote

MINI = Path(__file__).parent / "data" / "mini"
PAIRS = 10


def _start(url: str, args: list[str]) -> subprocess.Popen:
    env = {key: value for key, value in os.environ.items() if key != ENV_VAR}
    return subprocess.Popen(
        [sys.executable, "-m", "newsdb", "--database", url, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


#: (backend, round): SQLite is the one that failed; PostgreSQL (an advisory lock) a few times
ROUNDS = [("sqlite", n) for n in range(PAIRS)] + [
    pytest.param("postgresql", n, marks=pytest.mark.postgres) for n in range(4)
]


@pytest.mark.slow
@pytest.mark.parametrize(("backend", "round_"), ROUNDS)
def test_two_first_loads_on_a_new_database_serialise(backend: str, database_url: str, round_: int):
    # half the rounds seed the packaged article, half load the mini one: both first migrate
    args = ["seed"] if round_ % 2 else ["load", str(MINI)]
    slug = "pakistan-iran-off-ramp" if round_ % 2 else "mini-bridge"
    url = database_url  # a new SQLite file, or a new PostgreSQL database
    runs = [_start(url, args) for _ in range(2)]
    outputs = [run.communicate(timeout=90)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    joined = "\n".join(outputs)
    assert joined.count(f"{slug}: inserted") == 1, joined
    assert joined.count(f"{slug}: unchanged") == 1, joined
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            assert session.scalar(select(func.count()).select_from(Article)) == 1
            assert session.scalar(select(func.count()).select_from(Quote)) > 0
    finally:
        engine.dispose()
