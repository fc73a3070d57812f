"""The ``newsdb`` command line.

Results go to stdout (a table for people, ``--format json|csv`` for programs); what the
command is doing goes to stderr. Expected failures exit 1 with one line; bad usage exits 2.
"""

from __future__ import annotations

from functools import cached_property

import click
from sqlalchemy import Engine, exc
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from newsdb import __version__, migrate
from newsdb.db import (
    ENV_VAR,
    DatabaseError,
    check_connection,
    display_url,
    make_engine,
    resolve_url,
)


class App:
    """What every command shares: the database it works on, connected on first use."""

    def __init__(self, database: str | None) -> None:
        self.database = database
        #: whether a command may create the SQLite file; only the ones that build a schema do
        self.creates = False

    @cached_property
    def url(self) -> URL:
        return resolve_url(self.database)

    @cached_property
    def engine(self) -> Engine:
        engine = make_engine(self.url)
        click.echo(f"newsdb: database {display_url(self.url)}", err=True)
        check_connection(engine, create=self.creates)
        return engine

    def session(self) -> Session:
        """A session on a database whose schema is at head (the query commands need it)."""
        revision, head = migrate.current_revision(self.engine), migrate.head_revision()
        if revision is None:
            raise DatabaseError(
                f"{display_url(self.url)} holds no newsdb schema: run `newsdb seed` to create"
                " it and load the seed article, or `newsdb db upgrade`"
            )
        if revision != head:
            raise DatabaseError(
                f"{display_url(self.url)} is at schema {revision}, not {head}: run `newsdb db upgrade`"
            )
        return Session(self.engine)

    def close(self) -> None:
        """Close the engine's connections, if a command opened any."""
        if "engine" in self.__dict__:
            self.__dict__.pop("engine").dispose()


class OneLineUsageError(click.UsageError):
    """Bad usage as one line, naming the help to read, and exit 2 (click prints three)."""

    def __init__(self, error: click.UsageError, ctx: click.Context | None = None) -> None:
        super().__init__(error.format_message().rstrip("."), error.ctx or ctx)

    def show(self, file=None) -> None:
        where = f" (see '{self.ctx.command_path} --help')" if self.ctx else ""
        click.echo(f"Error: {self.message}{where}", file=file, err=True)


class Group(click.Group):
    """Turns a database that cannot be named or reached into one line and exit 1, and bad
    usage into one line and exit 2."""

    def make_context(self, info_name, args, parent=None, **extra) -> click.Context:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as error:
            raise OneLineUsageError(error) from None

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OneLineUsageError:
            raise
        except click.UsageError as error:
            raise OneLineUsageError(error, ctx) from None
        except DatabaseError as error:
            raise click.ClickException(str(error)) from None
        except (exc.OperationalError, exc.ProgrammingError) as error:
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise click.ClickException(f"database error: {reason}") from None


@click.group(
    name="newsdb",
    cls=Group,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "--version", prog_name="newsdb")
@click.option(
    "--database",
    "-d",
    metavar="URL",
    envvar=ENV_VAR,
    show_envvar=True,
    help="Database URL: sqlite:///FILE or postgresql://USER@HOST/DB."
    " [default: sqlite:///newsdb.sqlite in the current directory]",
)
@click.pass_context
def main(ctx: click.Context, database: str | None) -> None:
    """newsdb: how news articles source what they report.

    \b
    Load the packaged seed article into ./newsdb.sqlite, then ask who is quoted:
        newsdb seed
        newsdb quotes
    """
    if ctx.invoked_subcommand is None:  # bare `newsdb`: what it can do, and no error
        click.echo(ctx.get_help())
        ctx.exit(0)
    ctx.obj = App(database)
    ctx.call_on_close(ctx.obj.close)


pass_app = click.make_pass_decorator(App)


# Register the subcommands.
from newsdb.cli import articles as _articles  # noqa: E402,F401
from newsdb.cli import datasette as _datasette  # noqa: E402,F401
from newsdb.cli import db as _db  # noqa: E402,F401
from newsdb.cli import new as _new  # noqa: E402,F401
from newsdb.cli import seed as _seed  # noqa: E402,F401
from newsdb.cli import sourcing as _sourcing  # noqa: F401
