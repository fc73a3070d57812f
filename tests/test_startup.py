"""Commands start without what they do not use (issue 15): a read command imports neither
alembic, pydantic, yaml nor the loader, and the schema's head is known without reading the
migration scripts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy.orm import Session

from newsdb import migrate
from newsdb.db import make_engine
from newsdb.loader import load_folder

SEED = Path(__file__).resolve().parent.parent / "seeds" / "pakistan-iran-off-ramp"
#: modules a read command must not import (each costs tens of milliseconds at start)
HEAVY = ("alembic", "pydantic", "yaml", "newsdb.loader", "newsdb.annotation")

#: runs the newsdb command in a fresh interpreter, then prints the modules it imported
_RUN = """
import json, sys
from newsdb.cli import main
try:
    main(sys.argv[1:], prog_name="newsdb")
except SystemExit as done:
    code = done.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _run(*args: str, cwd: Path) -> tuple[int, str, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], done.stdout, set(report["modules"])


def test_head_revision_is_the_scripts_head() -> None:
    assert migrate.head_revision() == migrate.scripts_head(), (
        f"the migration scripts' head is {migrate.scripts_head()}: set newsdb.migrate."
        f"HEAD_REVISION to it (it says {migrate.HEAD_REVISION})"
    )


def test_a_read_command_imports_no_migration_nor_annotation_code(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'newsdb.sqlite'}")
    migrate.upgrade(engine)
    with Session(engine) as session, session.begin():
        load_folder(session, SEED)
    engine.dispose()
    code, out, modules = _run("sources", "--format", "json", cwd=tmp_path)
    assert code == 0
    assert "Michael Kugelman" in {row["name"] for row in json.loads(out)}
    assert "sqlalchemy" in modules  # it did read the database
    assert [m for m in HEAVY if m in modules] == []


def test_the_command_starts_without_sqlalchemy(tmp_path: Path) -> None:
    """``import newsdb.cli`` is click and little else (0.1 s against 1.1 s of CPU): a command
    module imports what its commands use inside them, or through ``newsdb.cli.lazy``."""
    code, out, modules = _run("--help", cwd=tmp_path)
    assert code == 0 and "sources" in out
    assert [m for m in (*HEAVY, "sqlalchemy") if m in modules] == []


def test_the_schema_commands_still_migrate(tmp_path: Path) -> None:
    code, out, modules = _run("db", "upgrade", cwd=tmp_path)
    assert code == 0
    assert out.strip() == f"schema at {migrate.HEAD_REVISION} (head)"
    assert "alembic" in modules
    code, out, _ = _run("db", "current", cwd=tmp_path)
    assert (code, out.strip()) == (0, f"{migrate.HEAD_REVISION} (head)")


def test_a_load_into_a_database_at_head_migrates_nothing(tmp_path: Path) -> None:
    """Alembic's import and migration context cost ~0.3 s of a load's start: a database at
    head is known to be by one SELECT, a new file is made from the migrations' outcome kept as
    SQL (``newsdb.sqlite_head``), and one behind head is still migrated."""
    code, out, modules = _run("load", str(SEED), cwd=tmp_path)
    assert code == 0 and "alembic" not in modules  # a new file: made from sqlite_head.sql
    assert "pakistan-iran-off-ramp: inserted" in out
    code, out, modules = _run("load", str(SEED), cwd=tmp_path)
    assert code == 0 and "pakistan-iran-off-ramp: unchanged" in out
    assert "alembic" not in modules
    engine = make_engine(f"sqlite:///{tmp_path / 'newsdb.sqlite'}")
    migrate.downgrade(engine, "0014")
    engine.dispose()
    code, out, modules = _run("load", str(SEED), cwd=tmp_path)
    assert code == 0 and "alembic" in modules
    code, out, _ = _run("db", "current", cwd=tmp_path)
    assert (code, out.strip()) == (0, f"{migrate.HEAD_REVISION} (head)")


def test_the_command_collects_seldom_and_leaves_without_a_last_collection() -> None:
    """``newsdb`` (the script, ``python -m newsdb``) looks for garbage in cycles every 50,000
    objects, not 700, and freezes what is left before the interpreter's exit looks through it:
    0.05 s of its imports, 0.12 s after a load of 1,000."""
    code = (
        "import gc, sys\nfrom newsdb.cli import run\nsys.argv = ['newsdb', '--version']\n"
        "try:\n    run()\nexcept SystemExit as done:\n"
        "    print(done.code, gc.get_threshold()[0], gc.get_freeze_count() > 1000)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split()[-3:] == ["0", "50000", "True"]
    assert "newsdb.cli:run" in (Path(__file__).parents[1] / "pyproject.toml").read_text()
