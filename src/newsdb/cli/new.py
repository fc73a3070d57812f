"""``newsdb new``: start annotating an article from its text."""

from __future__ import annotations

import getpass
from pathlib import Path

import click

from newsdb.cli import main


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--text",
    "text_file",
    required=True,
    metavar="ARTICLE.txt",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The article's text, exactly as published (UTF-8); copied into FOLDER.",
)
@click.option(
    "--published",
    metavar="DATE",
    help="The publication date: YYYY-MM-DD, YYYY-MM or YYYY.",
)
@click.option("--annotator", metavar="NAME", help="Your name. [default: your login name]")
def new(folder: Path, text_file: Path, published: str | None, annotator: str | None) -> None:
    """Write a new article folder to annotate, which loads as it is.

    FOLDER gets the text and an annotations.yaml with the sha256 filled in, the header's
    fields with their allowed values as comments, and one commented example of each
    section. FOLDER must not exist or be empty.

    \b
    Example:
        newsdb new my-story --text ~/Downloads/story.txt --published 2024-01-20
        newsdb load my-story
    """
    from newsdb.scaffold import ScaffoldError, published_value, write

    if published is not None:
        try:
            published_value(published)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--published") from None
    try:
        path = write(folder, text_file, published, annotator or getpass.getuser())
    except ScaffoldError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"wrote {path} and {folder / 'article.txt'}: annotate, then `newsdb load {folder}`")
