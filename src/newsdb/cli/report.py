"""``newsdb report``: the sourcing report as one self-contained HTML file."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import click

from newsdb.cli import App, lazy, main, pass_app
from newsdb.cli.options import IsoDate

# imported when the command first uses it, so that the others start without SQLAlchemy
listings = lazy("newsdb.listings")


@main.command()
@click.option(
    "--article",
    "articles",
    metavar="SLUG",
    multiple=True,
    help="Only this article; repeat for several. [default: every article]",
)
@click.option(
    "--since", type=IsoDate(), metavar="YYYY-MM-DD", help="Only articles published on or after."
)
@click.option(
    "--until", type=IsoDate(), metavar="YYYY-MM-DD", help="Only articles published on or before."
)
@click.option(
    "--by",
    type=click.Choice(["month", "outlet"]),
    default="month",
    show_default=True,
    help="Over several articles: the attribution modes per month or per outlet.",
)
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE.html",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the page (replaced if it exists).",
)
@pass_app
def report(
    app: App,
    articles: tuple[str, ...],
    since: dt.date | None,
    until: dt.date | None,
    by: str,
    output: Path,
) -> None:
    """Write the sourcing report: each article with its voices marked, the collection in charts.

    One HTML file that needs no network: open it in any browser, print it. Each article's
    text has its quotes in their speaker's colour and its claims marked by attribution
    mode, with a panel of sources, the voice gaps, a timeline of the events and the claim
    checks; over several articles, the collection's charts come first.

    \b
    Example:
        newsdb report --article pakistan-iran-off-ramp -o seed.html
        newsdb report --since 2024-01-01 --until 2024-12-31 --by outlet -o 2024.html
    """
    from newsdb.report import page
    from newsdb.report.scope import Scope

    folder = output.parent
    if not folder.is_dir():
        raise click.ClickException(f"cannot write {output}: no folder {folder}")
    scope = Scope(articles, since, until)
    try:
        with app.session() as session:
            html = page.render(session, scope, by)
    except (listings.UnknownArticle, listings.BadRange) as error:
        raise click.ClickException(str(error)) from None
    data = html.encode("utf-8")
    # written whole or not at all: a temporary file beside the target, then renamed over it
    try:
        fd, temporary = tempfile.mkstemp(prefix=".newsdb-report-", suffix=".html", dir=folder)
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.chmod(temporary, 0o666 & ~_umask())  # as open() would make it (mkstemp: 0600)
        os.replace(temporary, output)
    except OSError as error:
        if "temporary" in locals() and os.path.exists(temporary):
            os.unlink(temporary)
        raise click.ClickException(f"cannot write {output}: {error.strerror or error}") from None
    click.echo(f"wrote {output}: {len(data) / 1024:.0f} KiB, {scope.describe()}", err=True)


def _umask() -> int:
    """The process's umask (read by setting it, so set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
