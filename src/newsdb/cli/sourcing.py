"""Sourcing commands: who is quoted, on whose word claims rest, who goes unheard.

Each command reads one helper of :mod:`newsdb.sourcing` (and so one SQL view) and shares the
options --article, --outlet, --since, --until and --format (:mod:`newsdb.cli.options`).
"""

from __future__ import annotations

import click

from newsdb.cli import lazy, main
from newsdb.cli.options import BY, TOP, compared, scoped, show
from newsdb.cli.output import echo
from newsdb.vocab import AttributionMode

# imported when a command first uses them, so that the others start without SQLAlchemy
listings = lazy("newsdb.listings")
sourcing = lazy("newsdb.sourcing")


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{share:.0%}"


@main.command()
@scoped
def quotes(session, scope, article: str | None, fmt: str) -> None:
    """List quote segments: who said what, with which cue, where in the text.

    `span_start` and `span_end` are character offsets into the article's body; `paragraph`
    counts from 1.

    \b
    Example:
        newsdb quotes --article pakistan-iran-off-ramp --format json
    """
    rows = sourcing.quotes(session, article, **scope)
    show(rows, fmt, ["paragraph", "speaker", "kind", "cue", "text"])


@main.command()
@scoped
def events(session, scope, article: str | None, fmt: str) -> None:
    """List events with their dates as written and as resolved, and reported fatalities.

    One row for each article that reports an event, with that article's words for its date
    and death toll. With --article, --since or --until: the events those articles report.

    \b
    Example:
        newsdb events --format json
    """
    rows = listings.events(session, article, **scope)
    show(
        rows,
        fmt,
        [
            "article",
            "slug",
            "event_type",
            "date_as_written",
            "date",
            "end_date",
            "date_resolution",
            "fatalities",
        ],
    )


@main.command()
@click.option("--totals", is_flag=True, help="One row per source across all the articles chosen.")
@TOP
@BY
@scoped
def sources(
    session, scope, article: str | None, fmt: str, totals: bool, top: int | None, by: str | None
) -> None:
    """List the sources, per article or (with --totals) across the articles chosen.

    A source is anyone quoted or credited with a claim. For each: named person,
    institution, collective or unnamed individual; its sector, affiliation (with the organisation it is part of),
    role and where it is based; how many quote segments, words
    quoted and claims; the paragraph where it first appears. One row per article and
    source; with --totals, one row per source with the number of articles that hear it;
    with --by, the totals of each article, outlet, month or year side by side (--top N: the
    first N of each).

    \b
    Example:
        newsdb sources --article pakistan-iran-off-ramp
        newsdb sources --since 2024-01-01 --until 2024-01-31 --format json
        newsdb sources --totals --top 20 --since 2024-01-01 --until 2024-12-31
        newsdb sources --by outlet --top 5
    """
    if totals or by:
        heard = sourcing.source_totals(session, article, limit=top, by=by, **scope)
        columns = ["name", "source_class", "sector", "country", "articles", "quotes"]
        compared(heard, fmt, [*columns, "words_quoted", "claims"], by)
        return
    rows = sourcing.sources(session, article, **scope)
    show(
        rows,
        fmt,
        [
            "first_paragraph",
            "name",
            "source_class",
            "sector",
            "affiliation",
            "role",
            "location",
            "quotes",
            "words_quoted",
            "claims",
        ],
    )


@main.command()
@click.option(
    "--mode",
    type=click.Choice([m.value for m in AttributionMode]),
    help="Only claims of this attribution mode.",
)
@scoped
def claims(session, scope, article: str | None, fmt: str, mode: str | None) -> None:
    """List claims with their attribution mode, source and cue.

    \b
    Example:
        newsdb claims --article pakistan-iran-off-ramp --mode passive
        newsdb claims --format json
    """
    rows = sourcing.claims(session, article, mode=mode, **scope)
    show(rows, fmt, ["paragraph", "attribution_mode", "source", "cue", "text"])


@main.command()
@click.option("--summary", is_flag=True, help="Only the totals: how many claims name a source.")
@BY
@scoped
def profile(session, scope, article: str | None, fmt: str, summary: bool, by: str | None) -> None:
    """Count claims by attribution mode, with shares and the named share.

    Modes: named person; institution or official statement; unnamed official; vague
    collective; passive or agentless; the writer's own voice. Over several articles the
    counts are summed; with --by, counted for each article, outlet, month or year.

    \b
    Example:
        newsdb profile --article pakistan-iran-off-ramp
        newsdb profile --summary --format json
        newsdb profile --by month --since 2024-01-01 --until 2024-12-31
    """
    if by:
        rows = sourcing.profile(session, article, by=by, **scope)
        compared(rows, fmt, ["mode_label", "claims", "share"], by)
        return
    totals = sourcing.profile_summary(session, article, **scope)
    if summary:
        show([totals], fmt)
        return
    rows = sourcing.profile(session, article, **scope)
    show(rows, fmt, ["mode_label", "claims", "share"])
    if fmt == "table":
        echo(
            f"\n{totals.named_claims} of {totals.claims} claims name who said them"
            f" ({_percent(totals.named_share)}); {totals.sourced_claims} have any source"
            f" ({_percent(totals.sourced_share)})."
        )


@main.command()
@click.option(
    "--totals",
    is_flag=True,
    help="One row per actor mentioned and not heard, across all the articles chosen.",
)
@TOP
@BY
@scoped
def gaps(
    session, scope, article: str | None, fmt: str, totals: bool, top: int | None, by: str | None
) -> None:
    """List voice gaps, per article or (with --totals) across the articles chosen.

    An actor is in the story when it is mentioned or is party to an event the article
    reports; it is a gap when it is never quoted nor credited with a claim. spoken_for_by
    counts the others whose quotes or claims mention it (--format json or csv names them,
    with where they are based, in speakers). With --totals, one row per actor that is
    mentioned in articles that do not hear it: in how many, and how many others hear it;
    with --by, those totals for each article, outlet, month or year.

    \b
    Example:
        newsdb gaps --article pakistan-iran-off-ramp
        newsdb gaps --format csv > gaps.csv
        newsdb gaps --totals --top 20 --since 2024-01-01 --until 2024-12-31
        newsdb gaps --by year --top 10
    """
    if totals or by:
        unheard = sourcing.unheard_totals(session, article, limit=top, by=by, **scope)
        # the kind, not the source class: these actors are not heard (a state is a state)
        columns = ["name", "kind", "country", "articles", "mentions", "heard_in"]
        compared(unheard, fmt, columns, by)
        return
    rows = sourcing.voice_gaps(session, article, **scope)
    show(
        rows,
        fmt,
        [
            "name",
            "kind",
            "mentions",
            "event_roles",
            "quotes_about",
            "claims_about",
            "spoken_for_by",
        ],
    )


@main.command()
@click.option("--detail", is_flag=True, help="One row per source, event and party state.")
@click.option("--places", is_flag=True, help="Count per place as well as per country.")
@BY
@scoped
def geography(
    session, scope, article: str | None, fmt: str, detail: bool, places: bool, by: str | None
) -> None:
    """Set where sources are based against where events happen and who takes part.

    By default one row per country: distinct sources based there, events there, and party
    states of it; with --by, for each article, outlet, month or year. With --detail, every
    source, event and party state with its place.

    \b
    Example:
        newsdb geography --article pakistan-iran-off-ramp
        newsdb geography --detail --format json
        newsdb geography --by outlet
    """
    if detail:
        rows = sourcing.geography(session, article, **scope)
        show(rows, fmt, ["side", "country", "place", "subject", "detail", "event_slug"])
        return
    counted = sourcing.geography_by_country(session, article, places=places, by=by, **scope)
    columns = ["country", "place", "sources", "events", "party_states"]
    compared(counted, fmt, columns if places else [c for c in columns if c != "place"], by)


@main.command()
@click.option(
    "--support",
    type=click.Choice(["none", "single", "multiple"]),
    help="Only claims resting on no source, a single one, or several.",
)
@click.option("--conflicts", "show_conflicts", is_flag=True, help="List conflicting claims.")
@click.option(
    "--totals",
    is_flag=True,
    help="Claims per attribution mode and support, across the articles chosen.",
)
@BY
@scoped
def corroboration(
    session,
    scope,
    article: str | None,
    fmt: str,
    support: str | None,
    show_conflicts: bool,
    totals: bool,
    by: str | None,
) -> None:
    """Count the distinct sources behind each claim; list conflicting claims.

    A claim's sources are its own, the speakers of the quotes it rests on, and the sources
    of claims that corroborate it (either way). With --totals, one row per attribution mode
    and support: how many claims rest on no source, one or several, and how many of those
    a conflicting claim contradicts; with --by, those totals for each article, outlet, month
    or year.

    \b
    Example:
        newsdb corroboration --article pakistan-iran-off-ramp --support none
        newsdb corroboration --conflicts
        newsdb corroboration --totals --since 2024-01-01 --until 2024-12-31
        newsdb corroboration --by outlet --support single
    """
    if totals or by:
        counted = sourcing.support_totals(session, article, by=by, **scope)
        if support is not None:
            counted = [row for row in counted if row.support == support]
        compared(counted, fmt, ["label", "support", "claims", "conflicted"], by)
        return
    if show_conflicts:
        rows = sourcing.conflicts(session, article, **scope)
        show(rows, fmt, ["claim_key", "claim_source", "other_claim_key", "other_source"])
        return
    rows = sourcing.corroboration(session, article, support=support, **scope)
    show(
        rows,
        fmt,
        ["claim_key", "attribution_mode", "sources", "support", "supported_by", "text"],
    )


@main.command("event-sourcing")
@click.option("--event", metavar="SLUG", help="Only this event.")
@click.option(
    "--totals", is_flag=True, help="The death tolls across the articles chosen, per attribution."
)
@scoped
def event_sourcing(
    session, scope, article: str | None, fmt: str, event: str | None, totals: bool
) -> None:
    """Show the claims and quotes about each event and whom they come from.

    A 'fatalities' row says on whose word the article's death toll rests. With --totals,
    one row per attribution mode: how many tolls the articles chosen give on that footing,
    about how many events, in how many articles.

    \b
    Example:
        newsdb event-sourcing --article pakistan-iran-off-ramp
        newsdb event-sourcing --event some-event-slug --format json
        newsdb event-sourcing --totals --since 2024-01-01 --until 2024-12-31
    """
    if totals:
        tolls = sourcing.toll_totals(session, article, **scope)
        show(tolls, fmt, ["attribution_mode", "label", "tolls", "events", "articles"])
        return
    rows = sourcing.event_sourcing(session, article, event=event, **scope)
    show(
        rows,
        fmt,
        ["event_slug", "item", "item_key", "attribution_mode", "source", "cue", "text"],
    )


@main.command()
@click.option(
    "--totals", is_flag=True, help="One row per speaker and actor across the articles chosen."
)
@TOP
@scoped
def network(session, scope, article: str | None, fmt: str, totals: bool, top: int | None) -> None:
    """Show who speaks about whom: speakers and the actors inside their quotes.

    One row per article, speaker and actor; with --totals, one row per speaker and actor
    with the number of articles where the speaker's quotes mention the actor.

    \b
    Example:
        newsdb network --article pakistan-iran-off-ramp
        newsdb network --format csv > edges.csv
        newsdb network --totals --top 20 --since 2024-01-01 --until 2024-12-31
    """
    if totals:
        edges = sourcing.network_totals(session, article, limit=top, **scope)
        show(edges, fmt, ["speaker", "mentioned", "mentioned_kind", "articles", "quotes"])
        return
    rows = sourcing.quote_network(session, article, **scope)
    show(rows, fmt, ["speaker", "mentioned", "mentioned_kind", "quotes", "mentions"])


@main.command()
@click.option("--all", "show_all", is_flag=True, help="Also the claims the record confirms.")
@click.option(
    "--totals",
    is_flag=True,
    help="Checks across the articles chosen, per aspect and verdict (every verdict).",
)
@scoped
def checks(session, scope, article: str | None, fmt: str, show_all: bool, totals: bool) -> None:
    """List claims whose stated value differs from the checked record.

    With --totals, one row per aspect and verdict: how many claims were checked on it, in
    how many articles, the verdicts that differ from the record first.

    \b
    Example:
        newsdb checks --article pakistan-iran-off-ramp
        newsdb checks --all --format json
        newsdb checks --totals --since 2024-01-01 --until 2024-12-31
    """
    if totals:
        counted = sourcing.check_totals(session, article, **scope)
        show(counted, fmt, ["aspect", "verdict", "differs", "checks", "articles"])
        return
    rows = sourcing.claim_checks(session, article, differing_only=not show_all, **scope)
    show(
        rows,
        fmt,
        ["claim_key", "aspect", "stated_value", "checked_value", "verdict", "source"],
    )
