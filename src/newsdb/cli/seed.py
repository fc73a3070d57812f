"""Loading articles, checking them, and listing what was loaded."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import click

from newsdb.cli import App, main, pass_app
from newsdb.cli.options import jobs_option
from newsdb.cli.output import one_line
from newsdb.limits import MAX_SIZE_MB, MB


def packaged_seeds() -> list[Path]:
    """The article folders shipped in the package, in name order."""
    from newsdb.loader import ANNOTATION_FILE

    root = Path(str(files("newsdb.seeds")))
    return sorted(p for p in root.iterdir() if (p / ANNOTATION_FILE).is_file())


def _load(app: App, paths: list[Path], jobs: int | None = 1, max_size: int | None = None):
    """Bring the schema to head, then read, check and store every article folder in ``paths``
    (or below them), each whole or not at all; exit 1 at the end if any failed.

    One article prints what it changed; many show a progress bar on a terminal and one
    summary line, with a line for each article that failed.
    """
    from newsdb import bulk
    from newsdb.cli.output import Refusal
    from newsdb.workers import started

    app.creates = True
    folders = bulk.Folders(paths)
    first = folders.first(bulk.MANY)  # enough to tell one folder and the workers to start
    one = len(first) == 1
    if one:  # a lone bad folder is refused before the database is opened, let alone created
        item = bulk.read_one(first[0], max_size)
        if isinstance(item, Exception):
            raise Refusal(item.lines())
        items = [item]
    else:
        jobs = jobs or bulk.default_jobs(len(first))
        items = bulk.read_folders(folders, jobs=jobs, max_size=max_size)
    with started(items):  # the workers read while the rest is walked, the database opened
        total = len(folders.all())
        app.upgrade()
        progress = None if one else bulk.Progress(total=total, clean=one_line)
        summary = bulk.load_many(
            app.engine,
            items,
            progress=progress,
            on_report=(lambda report: click.echo(report.summary())) if one else None,
            total=total,
        )
    if progress:
        progress.finish(summary)
    if len(summary.failed) == 1 and one:
        raise Refusal(summary.failed[0].lines())
    if summary.failed:
        raise click.ClickException(
            f"{len(summary.failed)} of {summary.articles} article(s) failed and were not"
            f" written (the reasons are above); the other {summary.articles - len(summary.failed)}"
            " are in the database"
        )
    return summary


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
    summary = _load(app, packaged_seeds())
    if not (summary.inserted or summary.updated):
        click.echo("nothing to do: every seed article is already loaded as annotated", err=True)


@main.command()
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    metavar="PATH...",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@jobs_option("read and check folders")
@click.option(
    "--max-size",
    type=click.IntRange(min=1, max=MAX_SIZE_MB),
    metavar="MB",
    help="Refuse an annotations.yaml or text file larger than this many megabytes"
    " [default: 5 for annotations.yaml, 2 for the text].",
)
@pass_app
def load(app: App, paths: tuple[Path, ...], jobs: int | None, max_size: int | None) -> None:
    """Load annotated article folders, or every article folder below the folders given.

    An article folder holds the text and its annotations.yaml. Each folder is checked whole
    first; a bad one is reported with every problem found in it (file, line, place and
    reason) and nothing of it is written, the others are loaded, and the command exits 1 at
    the end. Articles are
    written many to a transaction, each whole or not at all; run it again after an
    interruption and it finishes the rest (what is stored already is left unchanged).
    Files over 5 MB (annotations.yaml) or 2 MB (the text) are refused unread; --max-size
    raises both.

    \b
    Example:
        newsdb load my-articles/2024-01-20-some-story
        newsdb load --jobs 2 my-articles/
        newsdb load --max-size 20 a-very-long-article/
    """
    _load(app, list(paths), jobs=jobs, max_size=max_size * MB if max_size else None)


@main.command()
@click.option(
    "--refingerprint",
    is_flag=True,
    help="First fingerprint the articles that have none (loaded before schema 0014) from"
    " their rows as they stand.",
)
@pass_app
def verify(app: App, refingerprint: bool) -> None:
    """Check the rows against each article's text, its annotation as loaded, and themselves.

    Every span against the text (and within it), every sha256 and paragraph, direct quotes
    between their quotation marks; each article's rows, table by table, against the
    fingerprint stored when it was loaded, naming the rows gone or changed since; rows that
    point at no row; quote continuations and parents that make a cycle; the tallies against
    a recount. Exits 1 with a list of what is wrong.

    \b
    Example:
        newsdb verify
        newsdb verify --refingerprint
    """
    from sqlalchemy import func, select

    from newsdb.models import Article
    from newsdb.verify import problems

    if refingerprint:
        from newsdb import fingerprint
        from newsdb.db import serialize_writes

        with app.session(writes=True) as session, session.begin():
            serialize_writes(session)
            done = fingerprint.take_as_they_stand(session)
        click.echo(f"fingerprinted {done} article(s) that had none, as their rows stand", err=True)
    with app.session() as session:
        found = problems(session)
        articles = session.scalar(select(func.count()).select_from(Article))
    if found:
        for problem in found:
            click.echo(f"{problem.article}: {problem.table} {problem.row or ''}: {problem.reason}")
        raise click.ClickException(f"{len(found)} problem(s) found")
    click.echo(
        f"ok: {articles} article(s), every span matches its text, every row its annotation as"
        " loaded, every tally its rows"
    )


@main.command()
def schema() -> None:
    """Print the JSON Schema of the annotation format, for editors and validators.

    \b
    Example:
        newsdb schema > annotation.schema.json
    """
    from newsdb.annotation import json_schema

    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
