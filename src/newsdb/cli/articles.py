"""``newsdb articles`` lists what is loaded; ``newsdb delete`` removes an article."""

from __future__ import annotations

import click

from newsdb.cli import App, lazy, main, pass_app
from newsdb.cli.output import emit, format_option

listings = lazy("newsdb.listings")  # imported when a command first uses it


@main.command()
@click.option("--article", metavar="SLUG", help="Only this article.")
@click.option("--outlet", metavar="NAME", help="Only the articles of this outlet.")
@format_option
@pass_app
def articles(app: App, article: str | None, outlet: str | None, fmt: str) -> None:
    """List the articles loaded.

    For each: slug, headline, publication date, outlet, how many paragraphs, quote segments
    and claims it has, and the kind of its annotator (hand, rule, model, import).

    \b
    Example:
        newsdb articles
        newsdb articles --format csv --output articles.csv
    """
    try:
        with app.session() as session:
            rows = listings.articles(session, article, outlet=outlet)
    except listings.UnknownArticle as error:
        raise click.ClickException(str(error)) from None
    emit(rows, fmt)


@main.command()
@click.argument("slug")
@click.option("--yes", "-y", is_flag=True, help="Do not ask first.")
@pass_app
def delete(app: App, slug: str, yes: bool) -> None:
    """Remove the article SLUG and everything that belongs to it alone.

    Its paragraphs, mentions, quotes, claims and what it says of each event go with it, and
    the tallies count them out. Actors and events that other articles refer to stay; those
    no other article refers to go too. Says what will go and asks first (--yes does not).

    \b
    Example:
        newsdb delete mini-bridge
        newsdb delete mini-bridge --yes
    """
    from newsdb.removal import plan, remove_article

    try:
        with app.session(writes=True) as session:
            if not yes:
                with session.begin():
                    removal = plan(session, slug)[1]
                click.echo(removal.summary(), err=True)
                if not click.confirm(f"remove {slug} and all of the above?", err=True):
                    raise click.ClickException(f"nothing removed: {slug} is as it was")
            with session.begin():
                removal = remove_article(session, slug)
    except listings.UnknownArticle as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"removed {removal.summary()}")
