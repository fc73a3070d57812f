"""``newsdb datasette-metadata``: the schema's descriptions, as Datasette reads them."""

from __future__ import annotations

import json
from pathlib import Path

import click

from newsdb.cli import App, main, pass_app
from newsdb.cli.output import echo


def _served_as(app: App) -> str:
    """The name Datasette serves the database under: the file's name without its suffix."""
    name = app.url.database or "newsdb"
    return Path(name).stem if app.url.get_backend_name() == "sqlite" else name


@main.command("datasette-metadata")
@click.option(
    "--name",
    metavar="NAME",
    help="The database's name in Datasette. [default: the SQLite file's name, without .sqlite]",
)
@click.option(
    "--output",
    "-o",
    metavar="FILE",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the metadata to FILE instead of stdout.",
)
@pass_app
def datasette_metadata(app: App, name: str | None, output: str | None) -> None:
    """Print Datasette's metadata for the database: every table, view and column described.

    The views come first on the database's page; tables others point at show a label (an
    article by its slug, an actor by its name); tables and views offer facets. The words are
    those PostgreSQL holds as COMMENT ON.

    \b
    Example:
        newsdb datasette-metadata > metadata.json
        datasette newsdb.sqlite --metadata metadata.json
    """
    from newsdb.descriptions import datasette_metadata as build

    app.session().close()  # a schema at head, or one line saying what to run
    text = json.dumps(build(app.engine, name or _served_as(app)), indent=2, ensure_ascii=False)
    if output is None:
        echo(text)
    else:
        Path(output).write_text(text + "\n", encoding="utf-8")
