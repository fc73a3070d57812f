"""Loading an annotated article folder into the database.

An article folder holds the body text and one annotation file (see :mod:`newsdb.annotation`).
:func:`read_folder` validates the whole folder and places every quoted reference in the text,
refusing it with every problem found, each with its line, its place in the document and the
reason (:mod:`newsdb.annotation_errors`). :func:`store` then writes it in the caller's
transaction: actors and events are upserted by slug, and the article's own annotation rows
are compared with what is stored and replaced only when they differ, so loading the same
folder twice changes nothing.

Step by step, module by module:

======================  =====================================================================
reading                 :mod:`~newsdb.loader.read`: the folder, the YAML under its size cap,
                        UTF-8, validation with every problem, then the text beside it
planning                :mod:`~newsdb.loader.plan`: :class:`Plan` and :func:`plan_document`,
                        which runs the steps below over a :class:`~newsdb.loader.planner._Planner`
- the article           :mod:`~newsdb.loader.plan_article`: header, paragraphs, metadata
- actors                :mod:`~newsdb.loader.plan_actors`: actors, mentions, affiliations
- events                :mod:`~newsdb.loader.plan_events`: events, reports, participants
- quotes                :mod:`~newsdb.loader.plan_quotes`: quotes, marks, continuations
- claims                :mod:`~newsdb.loader.plan_claims`: claims, relations, checks
- drafted rows          :mod:`~newsdb.loader.plan_drafted`: confidences, time expressions
storing                 :mod:`~newsdb.loader.store`: :func:`store` and :func:`load_folder`
- drafts adopted        :mod:`~newsdb.loader.drafts`: a draft's article taken over
- shared rows           :mod:`~newsdb.loader.store_shared`: annotator's actors and events
                        upserted and merged, aliases
- the article's rows    :mod:`~newsdb.loader.store_rows`: compared, replaced, inserted
what they share         :mod:`~newsdb.loader.tables` (ARTICLE_TABLES, FOREIGN),
                        :mod:`~newsdb.loader.keys` (Keys, Settled),
                        :mod:`~newsdb.loader.report` (Report)
======================  =====================================================================

Everything other modules use is imported from here, ``newsdb.loader``.
"""

from newsdb.annotation_errors import AnnotationError, clip
from newsdb.loader.drafts import DRAFTING, annotators_of, drafted_only
from newsdb.loader.keys import Keys, Settled
from newsdb.loader.plan import Plan, plan_document
from newsdb.loader.plan_quotes import between_marks
from newsdb.loader.read import ANNOTATION_FILE, read_capped, read_folder, read_text_and_plan
from newsdb.loader.report import Report
from newsdb.loader.store import load_folder, store
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
