"""`python -m newsdb` runs the newsdb command."""

from newsdb.cli import run

run()
