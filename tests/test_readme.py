"""Every command has help with an example and is in the README; the README's set-up is CI's."""

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from newsdb.cli import main

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


COMMANDS = list(_commands(main))


@pytest.mark.parametrize(
    ("path", "command"), COMMANDS, ids=lambda p: " ".join(p) if isinstance(p, tuple) else ""
)
def test_command_has_help_with_an_example(path, command):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    summary = (command.help or "").strip().splitlines()[0]
    assert summary and summary.endswith("."), (
        f"{' '.join(path)}: help starts with a one-line summary"
    )
    assert "Example" in result.output, f"{' '.join(path)}: help shows an example"


@pytest.mark.parametrize(
    ("path", "command"), COMMANDS, ids=lambda p: " ".join(p) if isinstance(p, tuple) else ""
)
def test_command_is_in_the_readme(path, command):
    assert f"newsdb {' '.join(path)}" in README


def test_the_two_set_up_commands_come_first_and_ci_runs_them():
    blocks = [
        line.strip() for line in README.splitlines() if line.startswith("    python3 -m venv")
    ]
    assert blocks[:2] == [
        "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/newsdb seed",
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/pytest",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e '.[test]'" in ci and ".venv/bin/pytest" in ci
