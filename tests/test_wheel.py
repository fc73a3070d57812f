"""The wheel, installed in a fresh virtual environment, works away from the repository.

It must carry the migrations (Alembic's env.py and every version) and the seed data, and its
``newsdb`` must create ./newsdb.sqlite at head in whatever directory it is run from.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from newsdb import migrate

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
#: What the wheel is built from; build/, *.egg-info and caches are left behind, so a stale
#: build/lib in the working tree cannot slip deleted files into the wheel.
SOURCES = ["pyproject.toml", "README.md", "src", "migrations", "seeds"]
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build", "dist")


def sh(*args: str | Path, cwd: Path | None = None, timeout: int = 180) -> str:
    environment = {
        k: v for k, v in os.environ.items() if k not in ("NEWSDB_DATABASE_URL", "PYTHONPATH")
    }
    result = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=environment,
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def package_files(folder: Path) -> set[str]:
    """The files of a source folder, as paths relative to it."""
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=IGNORE)
        elif path.exists():
            shutil.copy2(path, source / name)
    dist = tmp_path_factory.mktemp("dist")
    sh(sys.executable, "-m", "build", "--wheel", "--outdir", dist, source)
    (built,) = dist.glob("newsdb-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel and its dependencies (pip's cache reused)."""
    venv = tmp_path_factory.mktemp("venv")
    sh(sys.executable, "-m", "venv", venv)
    sh(venv / "bin" / "python", "-m", "pip", "install", "--quiet", wheel, timeout=300)
    return venv


def test_wheel_carries_migrations_and_seeds(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "newsdb/migrations/env.py" in names
    assert "newsdb/migrations/script.py.mako" in names
    versions = {
        f"newsdb/migrations/versions/{path.name}"
        for path in (REPO / "migrations" / "versions").glob("*.py")
    }
    assert versions, "no migration versions in the repository?"
    assert versions <= names, sorted(versions - names)

    seeds = {f"newsdb/seeds/{name}" for name in package_files(REPO / "seeds")}
    if seeds:
        # Every seed file must ship, or `newsdb seed` breaks for anyone who installed the wheel.
        assert seeds <= names, f"seed files missing from the wheel: {sorted(seeds - names)}"


def test_installed_newsdb_creates_database_in_current_directory(venv: Path, tmp_path: Path) -> None:
    newsdb = venv / "bin" / "newsdb"
    # The installed package, not the repository's source tree.
    where = sh(venv / "bin" / "python", "-c", "import newsdb; print(newsdb.__file__)", cwd=tmp_path)
    assert str(venv) in where and str(REPO) not in where

    output = sh(newsdb, "db", "upgrade", cwd=tmp_path)
    assert "newsdb: database sqlite:///newsdb.sqlite" in output
    database = tmp_path / "newsdb.sqlite"
    assert database.is_file()
    with sqlite3.connect(database) as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    assert revision == migrate.head_revision()

    assert f"{revision} (head)" in sh(newsdb, "db", "current", cwd=tmp_path)
    assert "matches the models" in sh(newsdb, "db", "check", cwd=tmp_path)


def test_installed_newsdb_seeds_and_verifies(venv: Path, tmp_path: Path) -> None:
    """README's main job, on the installed wheel: the packaged seed loads and verifies."""
    newsdb = venv / "bin" / "newsdb"
    assert "pakistan-iran-off-ramp: inserted" in sh(newsdb, "seed", cwd=tmp_path)
    assert "pakistan-iran-off-ramp: unchanged" in sh(newsdb, "seed", cwd=tmp_path)
    assert "every row its annotation as loaded, every tally its rows" in sh(
        newsdb, "verify", cwd=tmp_path
    )
