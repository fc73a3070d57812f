"""Drafting annotations from raw text: ``newsdb extract`` and ``newsdb ingest``.

The extractor, the loader and YAML are imported inside the commands, so that other commands
start without them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from newsdb.cli import App, main, pass_app
from newsdb.cli.options import IsoDate, jobs_option
from newsdb.cli.output import one_line

_DATE = IsoDate()
_MAX_BYTES = 20 * 1024 * 1024


def _max_bytes_option(fn):
    return click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        default=_MAX_BYTES,
        show_default=True,
        help="Refuse a text larger than this many bytes.",
    )(fn)


@main.command()
@click.argument(
    "files",
    nargs=-1,
    required=True,
    metavar="ARTICLE.txt...",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    help="The article folder to write (with --format yaml).",
)
@click.option(
    "--format",
    "format_",
    type=click.Choice(["yaml", "json", "jsonl"]),
    default="yaml",
    show_default=True,
    help="yaml: an article folder to review and load; json: the attributions of one file;"
    " jsonl: one line of attributions per file.",
)
@click.option(
    "--published", type=_DATE, metavar="YYYY-MM-DD", help="The day the article was published."
)
@click.option("--slug", help="The article's slug [default: its first words and sha256].")
@click.option("--force", is_flag=True, help="Write into a folder that is not empty.")
@_max_bytes_option
def extract(
    files: tuple[Path, ...],
    out: Path | None,
    format_: str,
    published: dt.date | None,
    slug: str | None,
    force: bool,
    max_bytes: int,
) -> None:
    """Draft the sourcing annotation of ARTICLE.txt: quotes, claims, sources, times.

    With --out DIR, writes DIR/article.txt (the bytes as given) and DIR/annotations.yaml, a
    draft by rules, each item with its confidence, for you to review; `newsdb load DIR`
    loads it as it is. With --format json or jsonl, prints the attributions found, with
    offsets into the text as Python reads it (open(path, encoding="utf-8").read()).

    \b
    Example:
        newsdb extract story.txt --published 2024-01-19 --out story/
        newsdb load story/
        newsdb extract --format jsonl texts/*.txt > attributions.jsonl
    """
    if format_ == "yaml":
        if out is None:
            raise click.UsageError("give --out DIR for the article folder (or --format json)")
        if len(files) != 1:
            raise click.UsageError("--out drafts one article: give one file")
        _draft_folder(files[0], out, published, slug, force, max_bytes)
        return
    if out is not None or slug is not None:
        raise click.UsageError(f"--out and --slug are for --format yaml, not {format_}")
    if format_ == "json" and len(files) != 1:
        raise click.UsageError("--format json prints one file: give one, or use --format jsonl")
    _print_attributions(files, published, max_bytes, lines=format_ == "jsonl")


def _input_error(error) -> click.ClickException:
    return click.ClickException(f"{error}; nothing written")


def _draft_folder(
    path: Path, out: Path, published: dt.date | None, slug: str | None, force: bool, max_bytes
) -> None:
    from newsdb.annotation import Slug
    from newsdb.extract import RULESET, VERSION
    from newsdb.extract.document import to_yaml
    from newsdb.extract.draft import extract as draft_text
    from newsdb.extract.draft import text_slug, to_annotation
    from newsdb.extract.reading import InputError, decode, read_bytes
    from newsdb.loader import ANNOTATION_FILE, AnnotationError, plan_document

    if out.exists() and any(out.iterdir()) and not force:
        raise click.ClickException(
            f"{out}: not empty; nothing written (give --force to write into it)"
        )
    try:
        raw = read_bytes(path, max_bytes)
        text = decode(path, raw)
    except InputError as error:
        raise _input_error(error) from None
    if slug is not None:
        from pydantic import TypeAdapter, ValidationError

        try:
            TypeAdapter(Slug).validate_python(slug)
        except ValidationError:
            raise click.BadParameter(
                f"{slug!r} is not a slug: lower-case letters, digits and single hyphens",
                param_hint="--slug",
            ) from None
    doc = to_annotation(
        draft_text(text, published), slug=slug or text_slug(text), published=published
    )
    try:
        plan_document(out / ANNOTATION_FILE, doc, raw)  # the draft loads as it is
    except AnnotationError as error:
        from newsdb.cli.output import Refusal

        first, *problems = error.lines()
        raise Refusal([f"the draft does not load, a bug: {first}", *problems]) from None
    out.mkdir(parents=True, exist_ok=True)
    (out / doc.article.text).write_bytes(raw)
    (out / ANNOTATION_FILE).write_text(
        to_yaml(doc, text_name=str(path), folder=str(out), ruleset=f"{RULESET} {VERSION}"),
        encoding="utf-8",
    )
    click.echo(
        f"{out}: drafted {len(doc.quotes)} quote(s), {len(doc.claims)} claim(s),"
        f" {len(doc.actors)} actor(s), {len(doc.times)} time(s); review"
        f" {out / ANNOTATION_FILE}, then: newsdb load {out}",
        err=True,
    )


def _print_attributions(
    files: tuple[Path, ...], published: dt.date | None, max_bytes: int, *, lines: bool
) -> None:
    """Check every file first, then print one object per file (nothing printed on a bad one)."""
    from newsdb.extract.attribution import find_attributions
    from newsdb.extract.reading import InputError, decode, read_bytes

    texts = []
    for path in files:
        try:
            # offsets into the text as stored, which is how Python reads the file with
            # encoding="utf-8-sig": no byte-order mark, LF line ends (newsdb.body)
            texts.append((path, decode(path, read_bytes(path, max_bytes))))
        except InputError as error:
            raise _input_error(error) from None
    for path, text in texts:
        found = {"path": str(path), "attributions": _attributions(find_attributions(text))}
        click.echo(json.dumps(found, ensure_ascii=False, indent=None if lines else 2))


def _span(span) -> dict | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def _attributions(found) -> list[dict]:
    return [
        {
            "kind": att.kind,
            "attribution_mode": str(att.mode),
            "content": _span(att.content),
            "cue": _span(att.cue),
            "source": _span(att.source),
            "speaker": att.speaker,
            "confidence": att.confidence,
        }
        for att in found
    ]


@main.command()
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    metavar="PATH...",
    type=click.Path(exists=True, path_type=Path),
)
@click.option(
    "--published",
    type=_DATE,
    metavar="YYYY-MM-DD",
    help="The day the .txt articles were published (JSONL records give their own).",
)
@_max_bytes_option
@jobs_option("draft and check texts")
@pass_app
def ingest(
    app: App, paths: tuple[Path, ...], published: dt.date | None, max_bytes: int, jobs: int | None
) -> None:
    """Draft and load articles in one step.

    PATH is a .txt file, a folder of them, or a JSONL file of {"text", "headline",
    "published", "outlet", "url"}. Each article is drafted by rules and stored whole or not at all; the same text ingested
    again changes nothing, a text annotated by hand is kept, and an article that cannot be
    read or drafted is reported and skipped; the command then exits 1. Shows a progress bar
    on a terminal, one summary line otherwise.

    \b
    Example:
        newsdb ingest --published 2024-01-19 story.txt
        newsdb ingest texts/ more.jsonl
    """
    from newsdb import bulk
    from newsdb.extract import ingest as ingesting

    app.creates = True
    files = ingesting.sources(paths)
    app.upgrade()
    total = ingesting.count(files)
    progress = bulk.Progress(total=total, clean=one_line)
    plans = ingesting.Plans(app.engine)
    items = ingesting.texts(files, published=published, max_bytes=max_bytes)
    drafted = plans(items, jobs=jobs or bulk.default_jobs(total))
    summary = bulk.load_many(  # at most total: the texts drafted before are not stored again
        app.engine, _counting(drafted, plans, progress), progress=progress, total=total
    )
    summary.unchanged += plans.unchanged  # drafted by these rules before: not drafted again
    progress.finish(summary)
    if plans.kept:
        click.echo(f"{len(plans.kept)} kept as annotated by hand:", err=True)
        for line in plans.kept:
            click.echo(f"  {line}", err=True)
    if summary.failed:
        raise click.ClickException(
            f"{len(summary.failed)} of {summary.articles + len(plans.kept)} article(s) failed and"
            " were not written (the reasons are above); the other"
            f" {summary.articles + len(plans.kept) - len(summary.failed)} are in the database"
        )


def _counting(items, plans, progress):
    """The plans, moving the progress on for each text kept as it is stored."""
    counted = 0

    def catch_up() -> None:
        nonlocal counted
        while counted < len(plans.kept) + plans.unchanged:
            counted += 1
            progress.advance()

    for item in items:
        catch_up()
        yield item
    catch_up()
