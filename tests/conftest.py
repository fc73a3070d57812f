"""Test databases: SQLite always; PostgreSQL when NEWSDB_TEST_DATABASE_URL names a server.

Each PostgreSQL test gets a database of its own, created from the server named by the URL
and dropped afterwards, so runs never share state and the named database is never written.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from sqlalchemy import Engine, text

from newsdb import migrate
from newsdb.db import make_engine, normalize_url

PG_ENV = "NEWSDB_TEST_DATABASE_URL"
MINI = Path(__file__).parent / "data" / "mini"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def error_lines(stderr: str) -> list[str]:
    """The error of a refused command: exactly one line starting "Error: ", and, when it
    says how many problems a file has, one indented line per problem after it (at most 50,
    then one saying how many more). A line naming the database is left out."""
    lines = [line for line in stderr.splitlines() if not line.startswith("newsdb: ")]
    assert lines and lines[0].startswith("Error: "), stderr
    rest = lines[1:]
    assert all(line.startswith("  ") and line.strip() for line in rest), stderr
    counted = re.search(r": (\d+) problems, nothing loaded:$", lines[0])
    if not counted:
        assert not rest, stderr
        return lines
    n = int(counted.group(1))
    assert n > 1 and len(rest) == min(n, 51), stderr
    assert n <= 50 or rest[-1] == f"  ... and {n - 50} more", stderr
    return lines


def _pg_admin_url():
    raw = os.environ.get(PG_ENV)
    if not raw:
        pytest.skip(f"PostgreSQL tests need {PG_ENV}")
    return normalize_url(raw)


class PostgresDatabases:
    """Creates and drops throwaway databases on the test server."""

    def __init__(self) -> None:
        self.admin_url = _pg_admin_url()
        self.admin = make_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        self.prefix = f"newsdb_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.count = 0

    def create(self) -> str:
        self.count += 1
        name = f"{self.prefix}_{self.count}"
        with self.admin.connect() as connection:
            # An identifier cannot be a bound parameter; this one is built above from digits.
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        name = normalize_url(url).database
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PostgresDatabases]:
    databases = PostgresDatabases()
    yield databases
    databases.admin.dispose()


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def database_url(backend, tmp_path, request) -> Iterator[str]:
    """The URL of a new, empty database on ``backend``."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'newsdb.sqlite'}"
        return
    databases = request.getfixturevalue("pg_databases")
    url = databases.create()
    yield url
    databases.drop(url)


@pytest.fixture
def empty_engine(database_url) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def engine(empty_engine) -> Engine:
    """A database on ``backend`` with the schema at head and no data."""
    migrate.upgrade(empty_engine)
    return empty_engine


@pytest.fixture
def mini(engine) -> Engine:
    """A database on ``backend`` at head holding the two-paragraph test article."""
    from sqlalchemy.orm import Session

    from newsdb.loader import load_folder

    with Session(engine) as session, session.begin():
        load_folder(session, MINI)
    return engine


# pytest-alembic runs its built-in tests on every backend through these two fixtures.
@pytest.fixture
def alembic_config():
    from pytest_alembic.config import Config

    return Config(alembic_config=migrate.alembic_config())


@pytest.fixture
def alembic_engine(empty_engine) -> Engine:
    return empty_engine


def mini_again(
    tmp_path: Path, edit: Callable[[dict], None], more: bytes = b"\nMore later."
) -> Path:
    """A copy of the mini article as another article, 'mini-again': its text with ``more``
    added (every article's text is its own) and its annotation changed by ``edit``."""
    folder = tmp_path / "mini-again"
    shutil.copytree(MINI, folder)
    body = (folder / "article.txt").read_bytes() + more
    (folder / "article.txt").write_bytes(body)
    path = folder / "annotations.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["article"]["slug"] = "mini-again"
    doc["article"]["sha256"] = hashlib.sha256(body).hexdigest()
    edit(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder
