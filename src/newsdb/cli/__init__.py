"""The ``newsdb`` command line.

Results go to stdout (a table for people, ``--format json|csv`` for programs); what the
command is doing goes to stderr. Expected failures exit 1 with one line (an annotation file's
problems follow it, one indented line each); bad usage exits 2.
An unexpected error is one line too, asking to report it; ``--debug`` shows its traceback.

Importing this package imports click and little else, so that ``newsdb --help`` and every
command start at once: SQLAlchemy is imported when a command first opens the database, and a
command module imports what only it needs (alembic, pydantic, yaml, the loader) inside its
command function, or through :func:`lazy` (``tests/test_startup.py`` holds this).
"""

from __future__ import annotations

import gc
import importlib.util
import sys
from functools import cached_property
from types import ModuleType
from typing import TYPE_CHECKING

import click

from newsdb import __version__, migrate
from newsdb.cli.output import Refusal, one_line, printable
from newsdb.db import (
    ENV_VAR,
    DatabaseError,
    check_connection,
    display_url,
    make_engine,
    resolve_url,
    scrub,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL
    from sqlalchemy.orm import Session


def lazy(name: str) -> ModuleType:
    """Module ``name``, imported at the first use of one of its attributes (the recipe of
    :class:`importlib.util.LazyLoader`): a command module names what its commands use at the
    top, and a command that does not run costs nothing."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


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
        click.echo(f"newsdb: database {printable(display_url(self.url))}", err=True)
        check_connection(engine, create=self.creates)
        return engine

    @cached_property
    def head(self) -> str | None:
        """The revision this version of newsdb migrates to (reading the scripts takes time)."""
        return migrate.head_revision()

    def revision(self) -> str | None:
        """The database's schema revision; one this version of newsdb does not know (a newer
        newsdb's) is refused, since no migration here can read or change it."""
        revision = migrate.current_revision(self.engine)
        if revision not in (None, self.head) and not migrate.knows(revision):
            raise DatabaseError(
                f"{display_url(self.url)} is at schema {revision!r}, which newsdb {__version__}"
                f" (head {self.head}) does not know: a newer newsdb made it; upgrade newsdb, or"
                " use a database of its own"
            )
        return revision

    def upgrade(self) -> None:
        """Bring the schema to head, as `newsdb seed`, `newsdb load` and `newsdb ingest` do
        first. A database at head, the usual case, is left alone: the ``SELECT`` of its
        revision says so, where importing Alembic and building its migration context cost
        0.15-0.25 s of CPU, a fifth of a load's start (``tests/test_startup.py`` holds this).
        A schema an older newsdb made is changed, and so the command says so on stderr first
        (a new database's is only created)."""
        revision = self.revision()
        if revision == self.head:
            return
        if revision is not None:
            click.echo(f"newsdb: migrating the schema from {revision} to {self.head}", err=True)
        migrate.create_or_upgrade(self.engine)

    def session(self, *, writes: bool = False) -> Session:
        """A session on a database whose schema is at head (the query commands need it).

        A reading session's statements share one snapshot: a load committed while a command
        runs is seen by all of them or by none. PostgreSQL reads in REPEATABLE READ, READ ONLY;
        SQLite in one read transaction begun before the first statement (the driver begins none
        for a SELECT, so each statement read the file afresh). A command that changes the data
        (``writes``) gets an ordinary session.
        """
        from sqlalchemy import event
        from sqlalchemy.orm import Session

        revision, head = self.revision(), self.head
        if revision is None:
            raise DatabaseError(
                f"{display_url(self.url)} holds no newsdb schema: run `newsdb seed` to create"
                " it and load the seed article, or `newsdb db upgrade`"
            )
        if revision != head:
            raise DatabaseError(
                f"{display_url(self.url)} is at schema {revision}, not {head}: run `newsdb db upgrade`"
            )
        engine = self.engine
        if engine.dialect.name == "postgresql" and not writes:
            engine = engine.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        session = Session(engine)
        if engine.dialect.name == "sqlite" and not writes:
            event.listen(session, "after_begin", _sqlite_read_snapshot)
        return session

    def close(self) -> None:
        """Close the engine's connections, if a command opened any."""
        if "engine" in self.__dict__:
            self.__dict__.pop("engine").dispose()


def _sqlite_read_snapshot(_session, _transaction, connection) -> None:
    """Begin a read transaction on SQLite and start it with a first read: every later
    statement of the session reads the database as it was then. In WAL mode a writer commits
    meanwhile and is not seen; in the default rollback journal a writer waits for the command
    to end (up to the busy timeout, 30 s) before it commits."""
    if not connection.connection.driver_connection.in_transaction:
        connection.exec_driver_sql("BEGIN")
        connection.exec_driver_sql("SELECT 1 FROM sqlite_master LIMIT 1").all()


class OneLineUsageError(click.UsageError):
    """Bad usage as one line, naming the help to read, and exit 2 (click prints three)."""

    def __init__(self, error: click.UsageError, ctx: click.Context | None = None) -> None:
        super().__init__(one_line(error.format_message().rstrip(".")), error.ctx or ctx)

    def show(self, file=None) -> None:
        where = f" (see '{self.ctx.command_path} --help')" if self.ctx else ""
        click.echo(f"Error: {self.message}{where}", file=file, err=True)


def _check_arguments(args: list[str]) -> None:
    """Refuse an argument that is not valid UTF-8 (Python hands its bytes on as surrogates,
    which no database takes)."""
    for arg in args:
        if isinstance(arg, str) and any("\udc80" <= char <= "\udcff" for char in arg):
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            raise click.UsageError(f"the argument '{shown}' is not valid UTF-8")


def _failure(error: Exception, ctx: click.Context) -> click.ClickException | None:
    """What to show for an error a command let through, or None to let it go on."""
    if isinstance(error, OneLineUsageError | click.exceptions.Exit | click.Abort):
        return None
    if isinstance(error, click.UsageError):
        return OneLineUsageError(error, ctx)
    if isinstance(error, Refusal):
        error.message = error.as_printed()
        return error
    if isinstance(error, click.ClickException):
        error.message = one_line(error.message)
        return error
    if isinstance(error, DatabaseError):
        return click.ClickException(one_line(str(error)))
    if _driver_error(error):
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        url = ctx.obj.url if isinstance(ctx.obj, App) and "url" in ctx.obj.__dict__ else None
        reason = scrub(reason, url) if url is not None else reason
        return click.ClickException(one_line(f"database error: {reason}"))
    if ctx.params.get("debug"):
        return None
    if isinstance(error, OSError) and error.strerror:  # a file the user named, a full disk
        where = f"{error.filename}: " if error.filename else ""
        return click.ClickException(one_line(f"{where}{error.strerror}"))
    if type(error).__name__ == "ArgumentError" and "sqlalchemy" in type(error).__module__:
        # a URL SQLAlchemy cannot take: sqlite://file (two slashes), an unknown dialect
        url = ctx.obj.url if isinstance(ctx.obj, App) and "url" in ctx.obj.__dict__ else None
        reason = str(error).strip().splitlines()[0]
        reason = scrub(reason, url) if url is not None else reason
        hint = "; a SQLite file is sqlite:///FILE (three slashes)" if "SQLite" in reason else ""
        return click.ClickException(one_line(f"not a database URL: {reason}{hint}"))
    lines = str(error).strip().splitlines()
    return click.ClickException(
        one_line(
            f"unexpected {type(error).__name__}{': ' + lines[0] if lines else ''}."
            " This is a bug in newsdb: please report it with the traceback that"
            " `newsdb --debug ...` prints"
        )
    )


def _driver_error(error: Exception) -> bool:
    """Whether ``error`` is the database refusing a statement (a missing table, a lock, a
    value it cannot hold...)."""
    if "sqlalchemy" not in sys.modules:  # nothing opened the database
        return False
    from sqlalchemy import exc

    return isinstance(error, exc.OperationalError | exc.ProgrammingError | exc.DataError)


class Group(click.Group):
    """Turns a database that cannot be named or reached into one line and exit 1, bad usage
    into one line and exit 2, and any other error into one line and exit 1 (the traceback
    with --debug)."""

    def make_context(self, info_name, args, parent=None, **extra) -> click.Context:
        try:
            _check_arguments(args)
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as error:
            raise OneLineUsageError(error) from None

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except Exception as error:
            failure = _failure(error, ctx)
            if failure is None:
                raise
            raise failure from None


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
@click.option("--debug", is_flag=True, help="On an unexpected error, show its traceback.")
@click.pass_context
def main(ctx: click.Context, database: str | None, debug: bool) -> None:
    """newsdb: how news articles source what they report.

    \b
    Load the packaged seed article into ./newsdb.sqlite, then ask who is quoted:
        newsdb seed
        newsdb quotes
    """
    if ctx.invoked_subcommand is None:  # bare `newsdb`: what it can do, and no error
        click.echo(ctx.get_help())
        ctx.exit(0)
    ctx.obj = App(database)  # --debug is read from ctx.params when an error comes up
    ctx.call_on_close(ctx.obj.close)


pass_app = click.make_pass_decorator(App)


#: the garbage collector's first threshold in the command (Python's is 700): importing
#: SQLAlchemy, pydantic and the models makes ~300,000 objects, none of them garbage, and looking
#: through them every 700 took 0.05 of the 0.43 s a load or seed spends importing
COLLECT_EVERY = 50_000


def run() -> None:
    """The ``newsdb`` command (and ``python -m newsdb``): :func:`main`, with cyclic garbage
    looked for every :data:`COLLECT_EVERY` objects, and out without the interpreter's last
    look, which over what a load of 1,000 articles leaves took 0.12 s, frozen 0.02; the
    command has closed its database by then (``App.close``), and what is freed at exit is
    freed all the same."""
    gc.set_threshold(COLLECT_EVERY, *gc.get_threshold()[1:])
    try:
        main(prog_name="newsdb")
    finally:
        gc.freeze()


# Register the subcommands.
from newsdb.cli import articles as _articles  # noqa: E402,F401
from newsdb.cli import datasette as _datasette  # noqa: E402,F401
from newsdb.cli import db as _db  # noqa: E402,F401
from newsdb.cli import extract as _extract  # noqa: E402,F401
from newsdb.cli import grants as _grants  # noqa: E402,F401
from newsdb.cli import new as _new  # noqa: E402,F401
from newsdb.cli import report as _report  # noqa: E402,F401
from newsdb.cli import seed as _seed  # noqa: E402,F401
from newsdb.cli import sourcing as _sourcing  # noqa: E402,F401
