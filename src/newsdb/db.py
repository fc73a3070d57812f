"""Where the database is, and how to connect to it.

The URL comes from, in order: the ``--database`` option, the ``NEWSDB_DATABASE_URL``
environment variable, then a SQLite file ``newsdb.sqlite`` in the current directory.
``postgresql://`` and ``postgres://`` URLs are taken as psycopg 3.

SQLAlchemy is imported by the functions that use it, so that the ``newsdb`` command, which
imports this module, starts without it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL

ENV_VAR = "NEWSDB_DATABASE_URL"
DEFAULT_FILE = "newsdb.sqlite"
#: a password given as a query parameter (libpq takes ``?password=`` and ``?sslpassword=``)
_QUERY_SECRET = re.compile(r"([?&;](?:ssl)?password=)[^&;#]*", re.IGNORECASE)


class DatabaseError(Exception):
    """A database that cannot be named or reached; the message is one line for people."""


def resolve_url(option: str | None = None) -> URL:
    """The URL to use: the option, else the environment, else ./newsdb.sqlite."""
    raw = option or os.environ.get(ENV_VAR) or f"sqlite:///{DEFAULT_FILE}"
    return normalize_url(raw)


def normalize_url(raw: str | URL) -> URL:
    """Parse a URL, taking ``postgres://`` and ``postgresql://`` as psycopg 3."""
    from sqlalchemy import exc
    from sqlalchemy.engine import URL, make_url

    if isinstance(raw, URL):
        url = raw
    else:
        try:
            url = make_url(raw)
        except (exc.ArgumentError, ValueError):  # ValueError: a port that is not a number
            raise DatabaseError(f"not a database URL: {mask_text(raw)!r}") from None
        if url.host and "@" in url.host:  # a raw '@' in the password: the rest looks like a host
            raise DatabaseError(
                f"not a database URL: {mask_text(raw)!r}: write an '@' in the user name or"
                " password as %40"
            )
    backend = url.get_backend_name()
    if url.drivername in ("postgres", "postgresql"):
        url = url.set(drivername="postgresql+psycopg")
    elif backend not in ("postgresql", "sqlite"):
        raise DatabaseError(
            f"unsupported database {url.drivername!r} in {display_url(url)}:"
            " use sqlite:///FILE or postgresql://USER@HOST/DB"
        )
    elif backend == "postgresql" and url.get_driver_name() != "psycopg":
        raise DatabaseError(
            f"newsdb talks to PostgreSQL through psycopg 3: use postgresql:// or"
            f" postgresql+psycopg://, not {url.drivername}://"
        )
    return url


def display_url(url: URL) -> str:
    """The URL as it may be printed: never with its password, in the user part or the query."""
    return _QUERY_SECRET.sub(r"\1***", url.render_as_string(hide_password=True))


def mask_text(raw: str) -> str:
    """Hide a password in something that did not even parse as a URL: after the user name
    (with a scheme or without, ``user:secret@host/db``) and in a ``password=`` parameter."""
    scheme, sep, rest = raw.partition("://")
    if not sep:
        scheme, rest = "", raw
    creds, at, place = rest.rpartition("@")
    if at and ":" in creds:
        creds = creds.split(":", 1)[0] + ":***"
    return _QUERY_SECRET.sub(r"\1***", f"{scheme}{sep}{creds}{at}{place}")


def _secrets(url: URL) -> list[str]:
    """The passwords in ``url``, longest first, to strike from a driver's message."""
    found = [url.password or ""]
    for key, value in url.query.items():
        if key.lower() in ("password", "sslpassword"):
            found += [value] if isinstance(value, str) else list(value)
    return sorted((str(s) for s in found if s and len(str(s)) >= 3), key=len, reverse=True)


def scrub(message: str, url: URL) -> str:
    """``message`` with every password of ``url`` in it replaced by ``***``."""
    for secret in _secrets(url):
        message = message.replace(secret, "***")
    return message


def _sqlite_foreign_keys(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: URL | str, **kwargs) -> Engine:
    """An engine for ``url``: SQLite gets foreign keys switched on and a busy timeout."""
    from sqlalchemy import create_engine, event

    url = normalize_url(url)
    if url.get_backend_name() == "sqlite":
        kwargs.setdefault("connect_args", {"timeout": 30})
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_foreign_keys)
        return engine
    # Automatic server-side prepared statements switch to a generic plan after a few runs,
    # which doubled the time of long-range sourcing queries: plan each query afresh. JIT
    # compilation costs more than it saves on the sourcing queries (bench/README.md: a month
    # of sources 1,083 -> 590 ms, a year of corroboration 18.9 -> 9.9 s without it).
    kwargs.setdefault(
        "connect_args",
        {"prepare_threshold": None, "connect_timeout": 10, "options": "-c jit=off"},
    )
    return create_engine(url, **kwargs)


def check_connection(engine: Engine, *, create: bool = True) -> None:
    """Connect once, turning the driver's failure into one line that names the database.

    With ``create=False`` a SQLite file that does not exist yet is an error, not a new file.
    """
    from sqlalchemy import exc

    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(url.database).expanduser().resolve()
        if not path.parent.is_dir():
            raise DatabaseError(f"cannot open {display_url(url)}: no folder {path.parent}")
        if not create and not path.exists():
            raise DatabaseError(
                f"no database at {path}: create it with `newsdb seed` or `newsdb db upgrade`"
            )
    try:
        with engine.connect():
            pass
    except exc.DBAPIError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise DatabaseError(f"cannot connect to {display_url(url)}: {scrub(reason, url)}") from None


#: pg_advisory_xact_lock key held while an article is stored or removed: concurrent loads run
#: one after the other, so two `newsdb seed` runs at once end with the data of one.
LOAD_LOCK = 72_0002


def serialize_writes(session) -> None:
    """Hold the database for this load or removal until the caller's commit.

    PostgreSQL takes an advisory lock; SQLite begins the transaction with ``BEGIN IMMEDIATE``
    (the driver would only begin it at the first write, after the reads that decide what to
    write), which waits for another writer up to the busy timeout (30 s, :func:`make_engine`).
    """
    from sqlalchemy import text

    connection = session.connection()
    if connection.dialect.name == "postgresql":
        if session.info.get("newsdb.locked") is session.get_transaction():
            return  # held already, until this transaction ends
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOAD_LOCK})
        session.info["newsdb.locked"] = session.get_transaction()
    elif not connection.connection.driver_connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
