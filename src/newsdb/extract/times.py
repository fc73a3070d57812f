"""Time expressions as written, normalised against the publication date where they can be.

Stated (absolute) dates resolve on their own: "in 2019", "in April 2021", "since 2003", "Jan.
16, 2024". Relative ones need the publication date and stay unresolved without it: "this week",
"on Thursday", "Friday", "Dec. 15", "last month", "two years ago"; "Months later" has no anchor
in the text and stays unresolved always. Durations ("for two years", "over the past two years",
"for decades") are flagged ``duration``; with a number and a publication date they get an
approximate start (resolution ``inferred``).

Conventions: a weekday is the latest such day on or before publication, or the first on or
after it where the sentence looks ahead ("will vote on Tuesday", "next Monday"). A month and
day without a year take the year that puts them nearest the publication date, a day after it
counting three times its distance unless the sentence looks ahead: "Dec. 15" in a text of 19
January 2024 is 2023-12-15, "May 28" in one of December 2015 is 2015-05-28, "Nov. 8" in one of
September 2016 is 2016-11-08. A month alone takes the nearest. "This week" runs Monday to
Sunday.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator

from newsdb.extract.gazetteer import MONTHS, WEEKDAYS
from newsdb.extract.names import find_words, lowered, read_back, starts_word
from newsdb.extract.types import Span, TimeDraft
from newsdb.vocab import DatePrecision as P
from newsdb.vocab import DateResolution as R

_YEAR = r"(?:1[6-9]|20)\d\d"
_NUMBER = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a few|several|many|\d{1,3})"
_NUMBERS = {
    w: n
    for n, w in enumerate(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ],
        start=1,
    )
}
_NUMBERS.update({"a": 1, "an": 1, "a couple of": 2})

# Each pattern starts with its rarest words (a month, a weekday, a unit of time) so the regex
# engine can skip ahead; the words before them are read back from a short window.
_MONTH_RE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?![\w-])"
)
_DAY_AFTER_RE = re.compile(
    rf"[ ](?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?:,?[ ](?P<year>{_YEAR})(?!\d))?"
)
_YEAR_AFTER_RE = re.compile(rf",?[ ](?:of[ ])?(?P<year>{_YEAR})(?!\d)")
_DAY_BEFORE_RE = re.compile(r"(?<![\d.,])(?P<day>\d{1,2})(?:st|nd|rd|th)?[ ](?:of[ ])?$")
_YEAR_RE = re.compile(rf"(?P<year>{_YEAR})(?P<decade>s)?(?P<poss>[’']s)?(?!\d|,\d|%|\.\d)")
_WEEKDAY_RE = re.compile(
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\w])"
    r"(?:[ ](?P<part>morning|afternoon|evening|night)\b)?"
)
#: words earlier in the sentence that put a bare weekday ahead: "will vote on Tuesday"
_FUTURE_BEFORE_RE = re.compile(
    r"\b(?:will|’ll|'ll|scheduled|expected|plans? to|set to|slated|upcoming|due to|is due|are due)\b[^.!?\n]*$"
)
_UNIT_WORDS = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "weekend": "weekend",
    "weekends": "weekend",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
}
_AFTER_UNIT_RE = re.compile(r"[ ](?:(?P<ago>ago)|(?P<later>later|earlier|afterwards?))\b")

_LEAD_BEFORE_RE = re.compile(r"\b(?P<lead>[Ss]ince|[Uu]ntil|[Bb]y)[ ]$")
_PART_BEFORE_RE = re.compile(
    r"\b(?:(?P<lead>[Ss]ince|[Uu]ntil|[Bb]y)[ ])?(?P<part>[Ee]arly|[Mm]id|[Ll]ate|[Ll]ast|[Nn]ext|[Tt]his)[ -]$"
)
_IN_BEFORE_RE = re.compile(r"\b[Ii]n[ ]$")
_YEAR_CONTEXT_RE = re.compile(
    r"\b(?P<ctx>in|of|the|from|during|through|around|early|late|mid|since|until|by|before|after)[ -]$",
    re.IGNORECASE,
)
_WEEKDAY_BEFORE_RE = re.compile(r"\b(?P<pre>[Oo]n|[Ll]ast|[Nn]ext|[Tt]his)[ ]$")
_WHICH_BEFORE_RE = re.compile(
    r"\b(?:(?:[Ee]arlier|[Ll]ater)[ ])?(?P<which>[Tt]his|[Ll]ast|[Nn]ext)[ ]$"
)
_NUMBER_BEFORE_RE = re.compile(rf"\b(?P<n>{_NUMBER})[ ]$", re.IGNORECASE)
_DURATION_BEFORE_RE = re.compile(
    rf"(?P<lead>[Ff]or|[Oo]ver|[Ii]n|[Dd]uring|[Ww]ithin|[Tt]hroughout)[ ](?:the[ ])?"
    rf"(?:(?P<q>past|last|next|coming|previous|recent|first)[ ])?(?:(?P<n>{_NUMBER})[ ])?$"
)


_PRECISION = {
    "day": P.DAY,
    "week": P.DAY,
    "month": P.MONTH,
    "year": P.YEAR,
    "decade": P.DECADE,
    "century": P.DECADE,
}


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


def _near_year(month: int, day: int, published: dt.date, ahead: float = 1.0) -> dt.date:
    """The date of month/day nearest ``published``, a day after it counting ``ahead`` times
    (the earlier one where two are as near)."""
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        day_ = min(day, calendar.monthrange(year, month)[1])
        candidate = dt.date(year, month, day_)
        gap = (candidate - published).days
        cost = gap * ahead + 0.5 if gap > 0 else -gap
        if best is None or cost < best[0]:
            best = (cost, candidate)
    return best[1]


def _month_names(text: str, published: dt.date | None) -> Iterator[TimeDraft]:
    """Everything built on a month's name: "Dec. 15", "Jan. 16, 2024", "15 December 2023",
    "April 2021", "early February", "in March", "last May"."""
    for m in _MONTH_RE.finditer(text):
        if not starts_word(text, m.start()):
            continue
        name, end = m.group(), m.end()
        if (
            name.endswith(".") and name[:-1] in MONTHS
        ):  # "June." ends a sentence: the stop is not the month's
            name, end = name[:-1], end - 1
        month = MONTHS.get(name) or MONTHS.get(name + ".")
        if month is None:
            continue
        after = _DAY_AFTER_RE.match(text, end)
        if after:
            yield from _day(
                text, published, m.start(), after.end(), month, int(after["day"]), after["year"]
            )
            continue
        year = _YEAR_AFTER_RE.match(text, end)
        first = read_back(_DAY_BEFORE_RE, text, m.start(), 9)
        if first:
            stop = year.end() if year else end
            yield from _day(
                text,
                published,
                first.start(),
                stop,
                month,
                int(first["day"]),
                year and year["year"],
            )
        elif name in MONTHS and not name.endswith(".") or year:
            yield from _month(text, published, m.start(), end, name, month, year)


def _day(text, published, start, end, month, day, year) -> Iterator[TimeDraft]:
    if not 1 <= day <= 31:
        return
    lead = read_back(_LEAD_BEFORE_RE, text, start, 7)
    span = Span.of(text, lead.start() if lead else start, end)
    if year:
        year = int(year)
        day = min(day, calendar.monthrange(year, month)[1])
        yield TimeDraft(span, 0.95, dt.date(year, month, day), None, P.DAY, R.STATED)
    elif published is None:
        yield TimeDraft(span, 0.8)
    else:
        # a day after publication counts three times its distance unless the sentence looks
        # ahead: "on May 28, was delivered" is last May, "before the April 24 primary" next week
        looks_ahead = read_back(_FUTURE_BEFORE_RE, text, start, 80) is not None
        date = _near_year(month, day, published, 1.0 if looks_ahead else 3.0)
        yield TimeDraft(span, 0.85, date, None, P.DAY, R.RELATIVE)


def _month(text, published, at, end, name, month, year) -> Iterator[TimeDraft]:
    before = read_back(_PART_BEFORE_RE, text, at, 13) or read_back(_LEAD_BEFORE_RE, text, at, 7)
    part = (before["part"] or "").lower() if before and "part" in before.re.groupindex else ""
    if name == "May" and not (year or part):
        return  # "May" alone is more often the verb
    if not (year or before or read_back(_IN_BEFORE_RE, text, at, 3)):
        return
    start = (
        before.start()
        if before and (before["lead"] or part not in ("", "last", "next", "this"))
        else at
    )
    if part in ("last", "next", "this"):
        start = before.start("part")
    span = Span.of(text, start, year.end() if year else end)
    if year:
        first = dt.date(int(year["year"]), month, 1)
        yield TimeDraft(span, 0.9, first, _month_end(first), P.MONTH, R.STATED)
    elif published is None:
        yield TimeDraft(span, 0.75)
    else:
        first = _near_year(month, 1, published).replace(day=1)
        if part == "last" and first >= published.replace(day=1):
            first = first.replace(year=first.year - 1)
        elif part == "next" and first <= published:
            first = first.replace(year=first.year + 1)
        yield TimeDraft(span, 0.75, first, _month_end(first), P.MONTH, R.RELATIVE)


def _month_end(first: dt.date) -> dt.date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _years(text: str, published: dt.date | None) -> Iterator[TimeDraft]:
    """ "in 2019", "since 2003", "the 1990s", "2016’s": a year needs a word that makes it one."""
    for m in _YEAR_RE.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "$£€,."):
            continue
        before = read_back(_YEAR_CONTEXT_RE, text, m.start(), 8)
        ctx = before["ctx"].lower() if before else ""
        if not (ctx or m["poss"]):
            continue  # a bare four-digit number may be a count
        year = int(m["year"])
        start = before.start() if ctx in ("since", "until", "by", "before", "after") else m.start()
        if m["decade"]:
            if year % 10:
                continue
            span = Span.of(text, start, m.end("decade"))
            yield TimeDraft(
                span, 0.85, dt.date(year, 1, 1), dt.date(year + 9, 12, 31), P.DECADE, R.STATED
            )
        else:
            span = Span.of(text, start, m.end("year"))
            yield TimeDraft(span, 0.85, dt.date(year, 1, 1), None, P.YEAR, R.STATED)


def _weekdays(text: str, published: dt.date | None) -> Iterator[TimeDraft]:
    """ "on Thursday", "Friday", "last Monday", "Tuesday night"."""
    for m in _WEEKDAY_RE.finditer(text):
        if not starts_word(text, m.start()):
            continue
        before = read_back(_WEEKDAY_BEFORE_RE, text, m.start(), 6)
        pre = before["pre"].lower() if before else ""
        span = Span.of(text, before.start() if before else m.start(), m.end())
        if published is None:
            yield TimeDraft(span, 0.8)
            continue
        back = (published.weekday() - WEEKDAYS[m["wd"]]) % 7
        if pre == "next":
            date = published + dt.timedelta(days=(7 - back) % 7 or 7)
        elif pre != "last" and read_back(_FUTURE_BEFORE_RE, text, m.start(), 80):
            date = published + dt.timedelta(days=(7 - back) % 7)
        elif pre == "last":
            date = published - dt.timedelta(days=back or 7)
        else:
            date = published - dt.timedelta(days=back)
        yield TimeDraft(span, 0.85, date, None, P.DAY, R.RELATIVE)


_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _day_words(text: str, published: dt.date | None) -> Iterator[TimeDraft]:
    """ "today", "yesterday", "tomorrow", "tonight"."""
    for start, end, word in find_words(text, lowered(text), _DAY_WORDS):
        if text[start] != word[0] and text[start + 1 : end] != word[1:]:
            continue  # "TODAY" in a heading, or mixed case: not the word
        span = Span.of(text, start, end)
        if published is None:
            yield TimeDraft(span, 0.85)
            continue
        shift = _DAY_WORDS[word]
        yield TimeDraft(span, 0.85, published + dt.timedelta(days=shift), None, P.DAY, R.RELATIVE)


def _units(text: str, published: dt.date | None) -> Iterator[TimeDraft]:
    """Expressions built on a unit of time: "this week", "two years ago", "Months later",
    "for two years", "over the past two years"."""
    for start, end, word in find_words(text, lowered(text), _UNIT_WORDS):
        if text[end : end + 1] == "-" or text[end : end + 2] in ("’s", "'s"):
            continue  # "a day-long visit", "a day's work"
        unit = _UNIT_WORDS[word]
        after = _AFTER_UNIT_RE.match(text, end)
        if after:
            number = read_back(_NUMBER_BEFORE_RE, text, start, 14)
            if after["ago"]:
                if number is not None:
                    yield _ago(text, number, after, unit, published)
            else:  # "Months later": anchored to an event, not the publication date
                yield TimeDraft(
                    Span.of(text, number.start() if number else start, after.end()), 0.7
                )
        elif which := read_back(_WHICH_BEFORE_RE, text, start, 16):
            if unit in ("week", "weekend", "month", "year") and word == unit:
                yield _this(text, which, start, end, unit, published)
        elif (lead := read_back(_DURATION_BEFORE_RE, text, start, 45)) and starts_word(
            text, lead.start()
        ):
            draft = _duration(text, lead, end, word, unit, published)
            if draft is not None:
                yield draft


def _ago(text, number, after, unit, published) -> TimeDraft:
    span = Span.of(text, number.start(), after.end())
    n = _count(number["n"])
    if published is None or n is None:
        return TimeDraft(span, 0.8)
    start, precision = _back(published, n, unit)
    return TimeDraft(span, 0.75, start, None, precision, R.RELATIVE)


def _this(text, which, start, end, unit, published) -> TimeDraft:
    span = Span.of(text, which.start(), end)
    if published is None:
        return TimeDraft(span, 0.85)
    shift = {"this": 0, "last": -1, "next": 1}[which["which"].lower()]
    start, end, precision = _period(published, unit, shift)
    return TimeDraft(span, 0.85, start, end, precision, R.RELATIVE)


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


def _back(published: dt.date, n: int, unit: str) -> tuple[dt.date, P]:
    """``published`` moved back n units, at the precision the unit allows."""
    if unit in ("day", "week", "weekend"):
        return published - dt.timedelta(days=n * (1 if unit == "day" else 7)), P.DAY
    if unit == "month":
        index = published.year * 12 + published.month - 1 - n
        return dt.date(index // 12, index % 12 + 1, 1), P.MONTH
    years = n * {"year": 1, "decade": 10, "century": 100}[unit]
    return dt.date(published.year - years, 1, 1), _PRECISION[unit]


def _duration(text, lead, end, written, unit, published) -> TimeDraft | None:
    """ "for two years", "over the past two years", "for decades": how long, not when."""
    n, q, word = _count(lead["n"]), (lead["q"] or ""), lead["lead"].lower()
    plural = written != unit
    if not plural and (n is None or word not in ("for", "over", "within")) and not q:
        return None  # "in the year", "during the day"
    span = Span.of(text, lead.start(), end)
    looks_back = q in ("past", "last", "previous") or (word in ("for", "over") and not q)
    if published is not None and n is not None and looks_back:
        start, precision = _back(published, n, unit)
        return TimeDraft(span, 0.7, start, published, precision, R.INFERRED, duration=True)
    return TimeDraft(span, 0.75, duration=True)


_RULES: tuple[Callable[[str, dt.date | None], Iterator[TimeDraft]], ...] = (
    _month_names,
    _years,
    _weekdays,
    _day_words,
    _units,
)
