"""Loading an annotated article folder into the database.

An article folder holds the body text and one annotation file (see :mod:`newsdb.annotation`).
:func:`read_folder` validates the whole folder and places every quoted reference in the text,
refusing it with every problem found, each with its line, its place in the document and the
reason (:mod:`newsdb.annotation_errors`). :func:`store` then writes it in the caller's
transaction: actors and events are upserted by slug, and the article's own annotation rows
are compared with what is stored and replaced only when they differ, so loading the same
folder twice changes nothing.

Where each step lives (modules of this package):

reading         ``read``: the folder, its YAML under the size cap and in UTF-8, validated with
                every problem found, then the text beside it (:func:`read_folder`)
planning        ``plan``: :class:`Plan` and :func:`plan_document`, which runs one step per
                annotation section over the ``planner``'s shared state, in order:
                ``plan_article``   the article, its paragraphs and metadata
                ``plan_actors``    actors, their mentions and aliases, affiliations
                ``plan_events``    events, what the article reports of them, participants
                ``plan_quotes``    quotes between their marks, continued segments
                ``plan_claims``    claims, their events, quotes, relations and checks
                ``plan_drafted``   what drafts add: confidences, time expressions
storing         ``storing``: :func:`store` (annotator, shared rows, article, its rows) and
                :func:`load_folder`, helped by:
                ``drafts``         a draft's article adopted by the annotation of its text
                ``store_shared``   actors and events upserted by slug, merged where other
                                   articles share them; actors' aliases
                ``store_rows``     the article's own rows compared, replaced, inserted
shared          ``tables`` (ARTICLE_TABLES, FOREIGN), ``keys`` (Keys, Settled), ``report``
                (Report), ``packed`` (a plan's rows packed to send from a worker and write)

Everything other modules use is imported from here, ``newsdb.loader``.
"""

from newsdb.annotation_errors import AnnotationError, clip
from newsdb.loader.drafts import DRAFTING, annotators_of, drafted_only
from newsdb.loader.keys import Keys, Settled
from newsdb.loader.plan import Plan, plan_document
from newsdb.loader.plan_quotes import between_marks
from newsdb.loader.read import ANNOTATION_FILE, read_capped, read_folder, read_text_and_plan
from newsdb.loader.report import Report
from newsdb.loader.storing import load_folder, store
from newsdb.loader.tables import ARTICLE_TABLES, FOREIGN

__all__ = [
    "ANNOTATION_FILE",
    "ARTICLE_TABLES",
    "DRAFTING",
    "FOREIGN",
    "AnnotationError",
    "Keys",
    "Plan",
    "Report",
    "Settled",
    "annotators_of",
    "between_marks",
    "clip",
    "drafted_only",
    "load_folder",
    "plan_document",
    "read_capped",
    "read_folder",
    "read_text_and_plan",
    "store",
]
