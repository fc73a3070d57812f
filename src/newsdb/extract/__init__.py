"""Drafting an article's sourcing annotation from its raw text (``newsdb extract``).

A rule set, no model and nothing downloaded: each step is a small module that reads the text
and returns spans (:mod:`newsdb.extract.types`). :mod:`newsdb.extract.draft` turns what the
steps found into the same :class:`~newsdb.annotation.AnnotationFile` a person writes by hand,
so a draft reaches the database by the one road every annotation takes.
"""

#: The annotator every draft names; its version changes whenever the rules do.
RULESET = "newsdb-rules"
VERSION = "2"
