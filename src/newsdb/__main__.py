"""`python -m newsdb` runs the newsdb command."""

from newsdb.cli import main

main(prog_name="newsdb")
