"""A password is never printed: in the user part, in a ``?password=`` parameter, or in a URL
that did not parse (with a scheme or without)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy.engine import make_url

from newsdb.cli import main
from newsdb.db import ENV_VAR, display_url, mask_text, scrub


@pytest.fixture(autouse=True)
def no_database_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)


CASES = {
    "query-password": (
        "postgresql://u@127.0.0.1:1/x?password=hunter22",
        "cannot connect to postgresql+psycopg://u@127.0.0.1:1/x?password=***: ",
    ),
    "query-password-among-others": (
        "postgresql://u@127.0.0.1:1/x?connect_timeout=3&PASSWORD=hunter22&sslmode=prefer",
        "?PASSWORD=***&connect_timeout=3&sslmode=prefer: ",
    ),
    "query-sslpassword": (
        "postgresql://u@127.0.0.1:1/x?sslpassword=hunter22",
        "?sslpassword=***: ",
    ),
    "both": (
        "postgresql://u:hunter22@127.0.0.1:1/x?password=hunter22",
        "u:***@127.0.0.1:1/x?password=***: ",
    ),
    "no-scheme": ("postgres:hunter22@host/db", "not a database URL: 'postgres:***@host/db'"),
    "no-scheme-query": (
        "host/db?user=u&password=hunter22",
        "not a database URL: 'host/db?user=u&password=***'",
    ),
    "bad-port-query": (
        "postgresql://u@h:notaport/x?password=hunter22",
        "not a database URL: 'postgresql://u@h:notaport/x?password=***'",
    ),
}


@pytest.mark.parametrize(("url", "expected"), CASES.values(), ids=CASES.keys())
def test_password_never_printed(url: str, expected: str) -> None:
    result = CliRunner().invoke(main, ["--database", url, "db", "current"])
    assert result.exit_code == 1
    assert expected in result.stderr
    assert "hunter22" not in result.output
    assert "Traceback" not in result.output


def test_password_in_the_query_is_masked_when_naming_the_database() -> None:
    url = "postgresql://u@127.0.0.1:1/x?password=hunter22"
    result = CliRunner().invoke(main, ["--database", url, "db", "current"])
    first = result.stderr.splitlines()[0]
    assert first == "newsdb: database postgresql+psycopg://u@127.0.0.1:1/x?password=***"


def test_a_driver_message_that_repeats_a_password_is_scrubbed() -> None:
    url = make_url("postgresql+psycopg://u:hunter22@h/x?password=other-secret")
    said = 'invalid dsn: "password=other-secret user=u password=hunter22"'
    assert scrub(said, url) == 'invalid dsn: "password=*** user=u password=***"'


def test_what_holds_no_password_is_left_as_it_is() -> None:
    assert display_url(make_url("sqlite:///a/passwords.sqlite")) == "sqlite:///a/passwords.sqlite"
    assert mask_text("nonsense") == "nonsense"
    assert mask_text("sqlite:///x.sqlite?mode=ro") == "sqlite:///x.sqlite?mode=ro"
