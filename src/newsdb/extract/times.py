"""Time expressions as written, normalised against the publication date where they can be.

Stated (absolute) dates resolve on their own: "in 2019", "in April 2021", "since 2003", "Jan.
16, 2024". Relative ones need the publication date and stay unresolved without it: "this week",
"on Thursday", "Friday", "Dec. 15", "last month", "two years ago"; "Months later" has no anchor
in the text and stays unresolved always. Durations ("for two years", "over the past two years",
"for decades") are flagged ``duration``; with a number and a publication date they get an
approximate start (resolution ``inferred``).

Conventions: a weekday is the latest such day on or before publication ("next Monday" the
first after it); a month and day without a year take the year that puts them nearest the
publication date, a day after it counting double (news mostly reports what has happened), so
"Dec. 15" in a text of 19 January 2024 is 2023-12-15; "this week" runs Monday to Sunday.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator

from newsdb.extract.gazetteer import MONTHS, WEEKDAYS
from newsdb.extract.types import Span, TimeDraft
from newsdb.vocab import DatePrecision as P
from newsdb.vocab import DateResolution as R

_MONTH_FULL = "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True) if m != "May")
_MONTH_DAY = r"January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_YEAR = r"(?:1[6-9]|20)\d\d"
_NUMBER = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a few|several|many|\d{1,3})"
_NUMBERS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), start=1)}
_NUMBERS.update({"a": 1, "an": 1, "a couple of": 2})
_UNIT = r"(?:day|week|month|year|decade|centur(?:y|ie))s?"
_LEAD = r"(?:(?P<lead>[Ss]ince|[Uu]ntil|[Bb]y)[ ])?"

_DAY_RE = re.compile(
    rf"\b{_LEAD}(?:(?P<mon>{_MONTH_DAY})[ ](?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?[ ](?:of[ ])?(?P<mon2>{_MONTH_DAY}))(?:,?[ ](?P<year>{_YEAR}))?(?!\d)"
)
_MONTH_RE = re.compile(
    rf"\b{_LEAD}(?:(?P<part>[Ee]arly|[Mm]id|[Ll]ate|[Ll]ast|[Nn]ext|[Tt]his)[ -])?(?P<mon>{_MONTH_FULL}|May)"
    rf"(?:,?[ ](?:of[ ])?(?P<year>{_YEAR}))?(?![\w-])"
)
_YEAR_RE = re.compile(rf"(?<![\d$£€,.])(?P<year>{_YEAR})(?P<decade>s)?(?P<poss>[’']s)?(?!\d|,\d|%|\.\d)")
_YEAR_CONTEXT_RE = re.compile(
    r"\b(?P<ctx>in|of|the|from|during|through|around|early|late|mid|since|until|by|before|after)[ -]$",
    re.IGNORECASE,
)
_WEEKDAY_RE = re.compile(
    r"\b(?:(?P<pre>[Oo]n|[Ll]ast|[Nn]ext|[Tt]his)[ ])?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:[ ](?P<part>morning|afternoon|evening|night))?\b"
)
_RELATIVE_RE = re.compile(
    r"\b(?P<word>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight"
    r"|(?:(?:[Ee]arlier|[Ll]ater)[ ])?(?P<which>[Tt]his|[Ll]ast|[Nn]ext)[ ](?P<unit>week|weekend|month|year))\b"
)
_AGO_RE = re.compile(rf"\b(?P<unit>{_UNIT})[ ]ago\b", re.IGNORECASE)
_LATER_RE = re.compile(rf"\b(?P<unit>{_UNIT})[ ](?:later|earlier|afterward|afterwards)\b", re.IGNORECASE)
_NUMBER_BEFORE_RE = re.compile(rf"\b(?P<n>{_NUMBER})[ ]$", re.IGNORECASE)
_DURATION_RE = re.compile(
    rf"\b(?P<lead>[Ff]or|[Oo]ver|[Ii]n|[Dd]uring|[Ww]ithin|[Tt]hroughout)[ ](?:the[ ])?"
    rf"(?:(?P<q>past|last|next|coming|previous|recent|first)[ ])?(?:(?P<n>{_NUMBER})[ ])?"
    rf"(?P<unit>days|weeks|months|years|decades|centuries|day|week|month|year|decade)\b"
)

_PRECISION = {"day": P.DAY, "week": P.DAY, "month": P.MONTH, "year": P.YEAR, "decade": P.DECADE, "century": P.DECADE}


def find_times(text: str, published: dt.date | None) -> list[TimeDraft]:
    """Every time expression in ``text``, in order, none overlapping another."""
    found: list[TimeDraft] = []
    for rule in _RULES:
        found.extend(rule(text, published))
    found.sort(key=lambda d: (d.span.start, -(d.span.end - d.span.start)))
    kept: list[TimeDraft] = []
    for draft in found:
        if not kept or draft.span.start >= kept[-1].span.end:
            kept.append(draft)
    return kept


def _unresolved(text: str, start: int, end: int, confidence: float, duration: bool = False) -> TimeDraft:
    return TimeDraft(Span.of(text, start, end), confidence, duration=duration)


def _near_year(month: int, day: int, published: dt.date) -> dt.date:
    """The date of month/day nearest ``published``, a future one counting double."""
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        day_ = min(day, calendar.monthrange(year, month)[1])
        candidate = dt.date(year, month, day_)
        gap = (candidate - published).days
        cost = gap * 2 if gap > 0 else -gap
        if best is None or cost < best[0]:
            best = (cost, candidate)
    return best[1]


def _days(text: str, published: dt.date | None) -> Iterator[TimeDraft]:
    for m in _DAY_RE.finditer(text):
        month = MONTHS.get(m["mon"] or m["mon2"]) or MONTHS.get((m["mon"] or m["mon2"]) + ".")
        day = int(m["day"] or m["day2"])
        if month is None or not 1 <= day <= 31:
            continue
        start = m.start() if m["lead"] else m.start("mon" if m["mon"] else "day2")
        if m["year"]:
            year = int(m["year"])
            day = min(day, calendar.monthrange(year, month)[1])
            yield TimeDraft(Span.of(text, start, m.end()), 0.95, dt.date(year, month, day), None, P.DAY, R.STATED)
        elif published is None:
            yield _unresolved(text, start, m.end(), 0.8)
        else:
            date = _near_year(month, day, published)
            yield TimeDraft(Span.of(text, start, m.end()), 0.85, date, None, P.DAY, R.RELATIVE)


def _months(text: str, published: dt.date | None) -> Iterator[TimeDraft]:
    for m in _MONTH_RE.finditer(text):
        month = MONTHS[m["mon"]]
        part = (m["part"] or "").lower()
        if m["mon"] == "May" and not (m["year"] or part):
            continue  # "May" alone is more often the verb
        in_before = text[max(0, m.start() - 3): m.start()].lower() == "in "
        if not (m["year"] or part or m["lead"] or in_before):
            continue
        start = m.start()
        if m["year"]:
            year = int(m["year"])
            first = dt.date(year, month, 1)
            yield TimeDraft(Span.of(text, start, m.end()), 0.9, first, _month_end(first), P.MONTH, R.STATED)
        elif published is None:
            yield _unresolved(text, start, m.end(), 0.75)
        else:
            first = _near_year(month, 1, published).replace(day=1)
            if part == "last" and first >= published.replace(day=1):
                first = first.replace(year=first.year - 1)
            elif part == "next" and first <= published:
                first = first.replace(year=first.year + 1)
            yield TimeDraft(Span.of(text, start, m.end()), 0.75, first, _month_end(first), P.MONTH, R.RELATIVE)


def _month_end(first: dt.date) -> dt.date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _years(text: str, published: dt.date | None) -> Iterator[TimeDraft]:
    for m in _YEAR_RE.finditer(text):
        before = _YEAR_CONTEXT_RE.search(text, max(0, m.start() - 8), m.start())
        ctx = before["ctx"].lower() if before else ""
        if not (ctx or m["poss"]):
            continue  # a bare four-digit number may be a count
        year = int(m["year"])
        start = before.start() if ctx in ("since", "until", "by", "before", "after") else m.start("year")
        end = m.end("decade") if m["decade"] else m.end("year")
        if m["decade"]:
            if year % 10:
                continue
            yield TimeDraft(Span.of(text, start, end), 0.85, dt.date(year, 1, 1), dt.date(year + 9, 12, 31), P.DECADE, R.STATED)
        else:
            yield TimeDraft(Span.of(text, start, end), 0.85, dt.date(year, 1, 1), None, P.YEAR, R.STATED)


def _weekdays(text: str, published: dt.date | None) -> Iterator[TimeDraft]:
    for m in _WEEKDAY_RE.finditer(text):
        pre = (m["pre"] or "").lower()
        span = Span.of(text, m.start(), m.end())
        if published is None:
            yield _unresolved(text, m.start(), m.end(), 0.8)
            continue
        back = (published.weekday() - WEEKDAYS[m["wd"]]) % 7
        if pre == "next":
            date = published + dt.timedelta(days=(7 - back) % 7 or 7)
        elif pre == "last":
            date = published - dt.timedelta(days=back or 7)
        else:
            date = published - dt.timedelta(days=back)
        yield TimeDraft(span, 0.85, date, None, P.DAY, R.RELATIVE)


def _relatives(text: str, published: dt.date | None) -> Iterator[TimeDraft]:
    for m in _RELATIVE_RE.finditer(text):
        if published is None:
            yield _unresolved(text, m.start(), m.end(), 0.85)
            continue
        word = m["word"].lower()
        if m["unit"]:
            shift = {"this": 0, "last": -1, "next": 1}[m["which"].lower()]
            start, end, precision = _period(published, m["unit"], shift)
        else:
            shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
            start = published + dt.timedelta(days=shift)
            end, precision = None, P.DAY
        yield TimeDraft(Span.of(text, m.start(), m.end()), 0.85, start, end, precision, R.RELATIVE)


def _period(published: dt.date, unit: str, shift: int) -> tuple[dt.date, dt.date, P]:
    """The week, weekend, month or year containing ``published``, moved by ``shift`` of them."""
    if unit in ("week", "weekend"):
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
        if unit == "weekend":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), P.DAY
        return monday, monday + dt.timedelta(days=6), P.DAY
    if unit == "month":
        index = published.year * 12 + published.month - 1 + shift
        first = dt.date(index // 12, index % 12 + 1, 1)
        return first, _month_end(first), P.MONTH
    year = published.year + shift
    return dt.date(year, 1, 1), dt.date(year, 12, 31), P.YEAR


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBERS.get(word)


def _unit(word: str) -> str:
    word = word.lower()
    return "century" if word.startswith("centur") else word.rstrip("s")


def _back(published: dt.date, n: int, unit: str) -> tuple[dt.date, P]:
    """``published`` moved back n units, at the precision the unit allows."""
    if unit in ("day", "week"):
        return published - dt.timedelta(days=n * (7 if unit == "week" else 1)), P.DAY
    if unit == "month":
        index = published.year * 12 + published.month - 1 - n
        return dt.date(index // 12, index % 12 + 1, 1), P.MONTH
    years = n * {"year": 1, "decade": 10, "century": 100}[unit]
    return dt.date(published.year - years, 1, 1), _PRECISION[unit]


def _agos(text: str, published: dt.date | None) -> Iterator[TimeDraft]:
    for m in _AGO_RE.finditer(text):
        number = _NUMBER_BEFORE_RE.search(text, max(0, m.start() - 14), m.start())
        if number is None:
            continue  # "years ago" with no count names no time
        n = _count(number["n"])
        if published is None or n is None:
            yield _unresolved(text, number.start(), m.end(), 0.8)
            continue
        start, precision = _back(published, n, _unit(m["unit"]))
        yield TimeDraft(Span.of(text, number.start(), m.end()), 0.75, start, None, precision, R.RELATIVE)


def _laters(text: str, published: dt.date | None) -> Iterator[TimeDraft]:
    """ "Months later", "two days earlier": anchored to an event, not the publication date."""
    for m in _LATER_RE.finditer(text):
        number = _NUMBER_BEFORE_RE.search(text, max(0, m.start() - 14), m.start())
        yield _unresolved(text, number.start() if number else m.start(), m.end(), 0.7)


def _durations(text: str, published: dt.date | None) -> Iterator[TimeDraft]:
    for m in _DURATION_RE.finditer(text):
        n, q, lead = _count(m["n"]), (m["q"] or ""), m["lead"].lower()
        unit = _unit(m["unit"])
        plural = m["unit"].endswith("s")
        if not plural and n is None and lead not in ("for", "over", "within"):
            continue  # "in the year", "during the day"
        if not plural and n is None and not q:
            continue
        span = Span.of(text, m.start(), m.end())
        looks_back = q in ("past", "last", "previous") or (lead in ("for", "over") and not q)
        if published is not None and n is not None and looks_back:
            start, precision = _back(published, n, unit)
            yield TimeDraft(span, 0.7, start, published, precision, R.INFERRED, duration=True)
        else:
            yield TimeDraft(span, 0.75, duration=True)


_RULES: tuple[Callable[[str, dt.date | None], Iterator[TimeDraft]], ...] = (
    _days, _months, _years, _weekdays, _relatives, _agos, _laters, _durations,
)
