"""The sourcing report: one self-contained HTML file, for people to look at.

:func:`newsdb.report.page.render` writes the page: the collection in charts (attribution
modes over time or by outlet, the most heard sources, those spoken of and not heard, where
sources are against where events happen) and each article with its voices marked. It reads
the same helpers as the command line (:mod:`newsdb.sourcing`, :mod:`newsdb.listings`); the
collection from their totals. Every string from the database is escaped with
:func:`html.escape`. The modules, one idea each:

==============  ==========================================================================
scope           which articles a report covers, and the helper calls that choose them
marks           spans that nest or cross, written as well-formed HTML
article         one article's section: the text with its marks, sources, gaps, checks
timeline        an article's events on a time axis, uncertain dates as ranges
collection      the collection's section, from the totals
svg             small inline SVG charts
modes           how each attribution mode and each speaker is drawn
style           the style sheet (screen and print) and the optional script
page            the whole page: head, legend, sections
==============  ==========================================================================
"""
