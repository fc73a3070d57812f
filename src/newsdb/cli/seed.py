"""Loading articles, checking them, and listing what was loaded."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import click

from newsdb import migrate
from newsdb.cli import App, main, pass_app

if TYPE_CHECKING:
    from newsdb.loader import Report


def packaged_seeds() -> list[Path]:
    """The article folders shipped in the package, in name order."""
    from newsdb.loader import ANNOTATION_FILE

    root = Path(str(files("newsdb.seeds")))
    return sorted(p for p in root.iterdir() if (p / ANNOTATION_FILE).is_file())


def _load(app: App, folders: list[Path]) -> list[Report]:
    """Check every folder, bring the schema to head, then store each in its own transaction."""
    from sqlalchemy import exc
    from sqlalchemy.orm import Session

    from newsdb.loader import AnnotationError, read_folder, store

    app.creates = True
    plans = []
    for folder in folders:
        try:
            plans.append(read_folder(folder))
        except AnnotationError as error:
            raise click.ClickException(str(error)) from None
    migrate.upgrade(app.engine)
    reports = []
    for plan in plans:
        try:
            with Session(app.engine) as session, session.begin():
                report = store(session, plan)
        except AnnotationError as error:  # at odds with what is stored: a shared actor, event
            raise click.ClickException(f"{error}; nothing written") from None
        except exc.IntegrityError as error:
            reason = str(error.orig).strip().splitlines()[0]
            raise click.ClickException(
                f"{plan.path}: refused by the database, nothing written: {reason}"
            ) from None
        click.echo(report.summary())
        reports.append(report)
    return reports


@main.command()
@pass_app
def seed(app: App) -> None:
    """Create or upgrade the schema, then load every packaged seed article.

    Each article is loaded in one transaction. Loading again changes nothing and says so.

    \b
    Example:
        newsdb seed
        newsdb --database postgresql://postgres@127.0.0.1/newsdb seed
    """
    reports = _load(app, packaged_seeds())
    if not any(r.changed for r in reports):
        click.echo("nothing to do: every seed article is already loaded as annotated", err=True)


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@pass_app
def load(app: App, folder: Path) -> None:
    """Load your own annotated article FOLDER (the text and annotations.yaml).

    The folder is checked whole first; on any problem nothing is written.

    \b
    Example:
        newsdb load my-articles/2024-01-20-some-story
    """
    _load(app, [folder])


@main.command()
@pass_app
def verify(app: App) -> None:
    """Check every span against its text, every sha256, and the tallies against a recount.

    Exits 1 with a list of what is wrong.

    \b
    Example:
        newsdb verify
    """
    from sqlalchemy import func, select

    from newsdb.models import Article
    from newsdb.verify import problems

    with app.session() as session:
        found = problems(session)
        articles = session.scalar(select(func.count()).select_from(Article))
    if found:
        for problem in found:
            click.echo(f"{problem.article}: {problem.table} {problem.row or ''}: {problem.reason}")
        raise click.ClickException(f"{len(found)} problem(s) found")
    click.echo(f"ok: {articles} article(s), every span matches its text, every tally its rows")


@main.command()
def schema() -> None:
    """Print the JSON Schema of the annotation format, for editors and validators.

    \b
    Example:
        newsdb schema > annotation.schema.json
    """
    from newsdb.annotation import json_schema

    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
