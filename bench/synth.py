"""A synthetic newsdb collection: every table, every CHECK respected, with a news story's skew.

At scale 1.0: 100,000 articles over three years (2023-2025, more of them lately and fewer at
weekends), 20,000 actors quoted Zipf-wise (a few officials everywhere, a long tail quoted
once), ~10 quote segments an article (1,000,000), ~1.5 claims a quote with the attribution mix
of a news story, and mentions, paragraphs, events, participants, reports, affiliations, checks and
relations in proportion. Every text column that carries a span is the body's own characters
at that span, so ``length(text) = span_end - span_start`` holds by construction.

:func:`generate` yields ``(table, columns, rows)`` in foreign-key order; the loaders write
them with PostgreSQL's COPY or SQLite's executemany. Nothing here imports newsdb's sourcing
code: the data depend only on the schema.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass

from newsdb.vocab import (
    AttributionMode,
    EventType,
    Sector,
)

FIRST_DAY = dt.date(2023, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
DAYS = (LAST_DAY - FIRST_DAY).days + 1

COUNTRIES = (
    "US GB PK IR AF IN CN RU UA IL PS SY IQ SA YE TR EG FR DE QA AE LB JO SD ET SO KE NG ML "
    "BF NE LY TN DZ MA BD MM TH PH ID MY JP KR KP TW AU BR MX CO VE AR CL PE HT CU CA IT ES "
    "PL BE NL SE NO"
).split()

WORDS = (
    "the of and to in a said that for on is was with he it as at by his from had has have "
    "government minister officials military forces attack killed people city province border "
    "security talks statement told reporters according police group rebels army president "
    "country region spokesman ministry foreign week month year after before during against "
    "strike strikes village district civilians wounded injured fighting ceasefire agreement "
    "sources analysts observers expected reported confirmed denied warned called urged "
    "election party opposition leader parliament court judge ruling protest protesters "
    "crisis economy loan fund bank aid humanitarian refugees camp water food hospital "
    "doctors medical school children women men local residents witnesses officials senior "
    "intelligence agency diplomats embassy envoy meeting summit negotiations deal sanctions"
).split()


@dataclass(frozen=True)
class Sizes:
    articles: int
    actors: int
    events: int

    @classmethod
    def at(cls, scale: float) -> Sizes:
        return cls(
            articles=max(200, round(100_000 * scale)),
            actors=max(100, round(20_000 * scale)),
            events=max(60, round(30_000 * scale)),
        )


def _corpus(rng: random.Random, size: int) -> str:
    """A long text of pseudo-news words and sentences, sliced into bodies (ASCII only)."""
    out: list[str] = []
    total = 0
    while total < size:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 28)))
        sentence = sentence[0].upper() + sentence[1:] + ". "
        out.append(sentence)
        total += len(sentence)
    return "".join(out)


class _Zipf:
    """Draws from ``items`` with weight 1 / rank**s, rank by position."""

    def __init__(self, rng: random.Random, items: list[int], s: float = 1.05) -> None:
        self.rng, self.items = rng, items
        acc, cum = 0.0, []
        for rank in range(1, len(items) + 1):
            acc += 1.0 / rank**s
            cum.append(acc)
        self.cum, self.total = cum, acc

    def one(self) -> int:
        return self.items[bisect.bisect(self.cum, self.rng.random() * self.total)]

    def many(self, k: int) -> list[int]:
        return self.rng.choices(self.items, cum_weights=self.cum, k=k)


def _weighted(rng: random.Random, table: dict[str, float]):
    keys, weights = list(table), list(table.values())
    cum = list(itertools.accumulate(weights))
    return lambda: rng.choices(keys, cum_weights=cum, k=1)[0]


# The kinds of actor, and the sectors each kind is drawn from.
ACTOR_KINDS = {
    "person": 0.62,
    "organisation": 0.18,
    "state": 0.01,
    "armed_group": 0.03,
    "collective": 0.05,
    "anonymous": 0.09,
    "population": 0.02,
}
SECTORS_BY_KIND = {
    "person": {
        "politician": 0.22, "government": 0.18, "military": 0.06, "police": 0.04,
        "expert": 0.12, "academia": 0.08, "think_tank": 0.05, "civil_society": 0.07,
        "affected_community": 0.08, "media": 0.04, "business": 0.03, "religious": 0.02,
        "judiciary": 0.01,
    },
    "organisation": {
        "government": 0.2, "international_organisation": 0.12, "think_tank": 0.1,
        "civil_society": 0.14, "media": 0.1, "business": 0.1, "military": 0.06,
        "police": 0.04, "political_party": 0.08, "academia": 0.04, "religious": 0.02,
    },
    "state": {"government": 1.0},
    "armed_group": {"armed_group": 1.0},
    "collective": {"expert": 0.4, "other": 0.3, "unknown": 0.3},
    "anonymous": {"government": 0.45, "military": 0.2, "intelligence": 0.15, "police": 0.1,
                  "unknown": 0.1},
    "population": {"affected_community": 1.0},
}
# How a quote's speaker kind maps to the attribution mode of a claim resting on it.
MODE_OF_KIND = {
    "person": "named_person",
    "anonymous": "unnamed_official",
    "collective": "vague_collective",
    "organisation": "institution",
    "state": "institution",
    "armed_group": "institution",
    "population": "vague_collective",
}
# Claims not resting on a quote: reported speech, agentless and the writer's own voice.
EXTRA_MODES = {
    "writer": 0.36,
    "passive": 0.2,
    "institution": 0.18,
    "named_person": 0.1,
    "unnamed_official": 0.1,
    "vague_collective": 0.06,
}
CUES = {
    "named_person": ("said", "told", "added", "according to"),
    "institution": ("said in a statement", "announced", "according to"),
    "unnamed_official": ("said", "told reporters", "according to"),
    "vague_collective": ("said", "believe", "warned"),
    "passive": ("reportedly", "were reported to", "widely understood"),
}
CERTAINTY = {"asserted": 0.7, "hedged": 0.15, "expected": 0.08, "possible": 0.07}
QUOTE_KINDS = {"direct": 0.5, "partial": 0.3, "indirect": 0.2}
VIOLENT = {"airstrike", "attack", "armed_clash", "shelling", "insurgency"}
ASPECTS = ("date", "fatalities", "location", "attribution")
VERDICTS = {"confirmed": 0.55, "partly_confirmed": 0.2, "contradicted": 0.1, "unverifiable": 0.15}

assert set(MODE_OF_KIND.values()) | set(EXTRA_MODES) <= set(AttributionMode)
assert all(set(v) <= set(Sector) for v in SECTORS_BY_KIND.values())


def _article_days(rng: random.Random, n: int) -> list[dt.date]:
    """Publication days: growing ~60% over three years, weekends at 60% of weekdays."""
    weights = []
    for i in range(DAYS):
        day = FIRST_DAY + dt.timedelta(days=i)
        weights.append((1.0 + 0.6 * i / DAYS) * (0.6 if day.weekday() >= 5 else 1.0))
    cum = list(itertools.accumulate(weights))
    # Not sorted: ids (and so the physical order of quotes and claims) do not follow the
    # publication date, as in an archive loaded out of order. A collection loaded day by day
    # would be kinder to a plain date index; this is the harder case.
    offsets = rng.choices(range(DAYS), cum_weights=cum, k=n)
    return [FIRST_DAY + dt.timedelta(days=o) for o in offsets]


def generate(scale: float = 1.0, seed: int = 20261124) -> Iterator[tuple[str, list[str], list]]:
    """Yield ``(table, columns, rows)`` in an order that satisfies every foreign key."""
    rng = random.Random(seed)
    sizes = Sizes.at(scale)
    corpus = _corpus(rng, 3_000_000)
    corpus_len = len(corpus)

    # -- annotators ------------------------------------------------------------------------
    yield "annotator", ["id", "kind", "name"], [
        (1, "hand", "bench annotator"),
        (2, "rule", "bench rules"),
        (3, "model", "bench model"),
    ]
    annotator = _weighted(rng, {1: 0.5, 2: 0.2, 3: 0.3})

    # -- actors ----------------------------------------------------------------------------
    kind_of = _weighted(rng, ACTOR_KINDS)
    sector_of = {k: _weighted(rng, v) for k, v in SECTORS_BY_KIND.items()}
    country_of = _Zipf(rng, list(range(len(COUNTRIES))), 0.9)
    actors, aliases = [], []
    kinds: dict[int, str] = {}
    orgs: list[int] = []
    for aid in range(1, sizes.actors + 1):
        kind = kind_of()
        kinds[aid] = kind
        parent = None
        if kind == "organisation":
            if orgs and rng.random() < 0.1:
                parent = rng.choice(orgs)
            orgs.append(aid)
        elif kind == "anonymous" and orgs and rng.random() < 0.3:
            parent = rng.choice(orgs)
        country = None if kind == "collective" or rng.random() < 0.1 else COUNTRIES[country_of.one()]
        wikidata = f"Q{rng.randint(1, 99_999_999)}" if kind != "anonymous" and rng.random() < 0.4 else None
        actors.append(
            (aid, f"actor-{aid}", f"{kind.title()} {aid}", kind, sector_of[kind](), country,
             wikidata, parent)
        )
        if rng.random() < 0.5:
            aliases.append((len(aliases) + 1, aid, f"Alias of {aid}"))
    yield "actor", ["id", "slug", "name", "kind", "sector", "country", "wikidata_id",
                    "parent_id"], actors
    yield "actor_alias", ["id", "actor_id", "alias"], aliases
    del actors, aliases

    # Speakers by popularity: every kind but populations speaks, ranks shuffled.
    speakers = [a for a, k in kinds.items() if k != "population"]
    rng.shuffle(speakers)
    speaker_zipf = _Zipf(rng, speakers, 1.05)
    pools = {
        mode: _Zipf(rng, [a for a in speakers if MODE_OF_KIND[kinds[a]] == mode], 1.0)
        for mode in ("named_person", "institution", "unnamed_official", "vague_collective")
    }
    org_zipf = _Zipf(rng, [a for a in speakers if kinds[a] in ("organisation", "state")], 1.0)

    # -- articles --------------------------------------------------------------------------
    days = _article_days(rng, sizes.articles)
    articles, metadata = [], []
    bodies: list[tuple[int, int]] = []  # (offset in corpus, length)
    outlets = [f"Outlet {i}" for i in range(1, 41)]
    outlet_zipf = _Zipf(rng, list(range(40)), 1.0)
    for i, day in enumerate(days):
        aid = i + 1
        length = min(9000, max(900, int(rng.gauss(3200, 1000))))
        offset = rng.randrange(0, corpus_len - length)
        bodies.append((offset, length))
        precision = "day"
        if rng.random() < 0.01:
            published, precision, qualifier = None, None, None
        else:
            published, qualifier = day, "exact"
            if rng.random() < 0.02:
                precision, published = "month", day.replace(day=1)
        slug = f"article-{aid:07d}"
        articles.append(
            (aid, slug, f"Headline {aid}", outlets[outlet_zipf.one()], f"By Writer {aid % 997}",
             f"https://example.com/{slug}", published, precision, qualifier, "en",
             corpus[offset:offset + length], hashlib.sha256(slug.encode()).hexdigest())
        )
        if precision is not None:
            metadata.append((len(metadata) + 1, aid, "published", published.isoformat(), "text",
                             None, "high"))
    yield "article", ["id", "slug", "headline", "outlet", "byline", "url", "published_date",
                      "published_precision", "published_qualifier", "language", "body",
                      "sha256"], articles
    del articles
    yield "article_metadata", ["id", "article_id", "field", "value", "origin", "source",
                               "confidence"], metadata
    del metadata

    # -- events ----------------------------------------------------------------------------
    event_type = _weighted(rng, {e.value: (3.0 if e.value in VIOLENT else 1.0) for e in EventType})
    event_days = sorted(rng.randrange(-60, DAYS) for _ in range(sizes.events))
    events, parts_of = [], {}  # an event's parties, given by each article that reports it
    told_of = {}  # and its date as written and toll, given by each article that reports it
    for i, offset in enumerate(event_days):
        eid = i + 1
        etype = event_type()
        start = FIRST_DAY + dt.timedelta(days=offset)
        r = rng.random()
        if r < 0.05:
            start_date, end_date, precision = None, None, "unknown"
            resolution, source = "unresolved", None
        else:
            precision = "day" if r < 0.85 else "month"
            start_date = start if precision == "day" else start.replace(day=1)
            end_date = start_date + dt.timedelta(days=rng.randint(0, 5)) if rng.random() < 0.2 else None
            resolution = _pick(rng, {"stated": 0.4, "relative": 0.45, "outside": 0.1, "inferred": 0.05})
            source = "wire archive" if resolution in ("outside", "inferred") else None
        fatalities = fat_written = reporter = attribution = None
        if etype in VIOLENT and rng.random() < 0.7:
            fatalities = min(100_000, int(rng.paretovariate(1.2)) - 1)
            fat_written = f"{fatalities} people"
            attribution = _pick(rng, {"institution": 0.4, "unnamed_official": 0.25,
                                      "named_person": 0.1, "passive": 0.15, "writer": 0.1})
            if attribution not in ("passive", "writer"):
                reporter = pools[attribution].one()
        # drawn here as before migration 0006, so the data stays the same; a reporter exactly
        # when the attribution names one (ck_event_report_reporter_matches_attribution)
        told_of[eid] = (None, fatalities, fat_written, reporter, attribution)
        parent = rng.randint(max(1, eid - 500), eid - 1) if eid > 1 and rng.random() < 0.05 else None
        events.append(
            (eid, f"event-{eid}", f"{etype} {eid}", etype, parent, start_date, end_date,
             precision, resolution, source, f"Place {eid % 500}",
             COUNTRIES[country_of.one()])
        )
        parts = parts_of[eid] = []
        for _ in range(rng.randint(1, 4)):
            role = _pick(rng, {"initiator": 0.25, "target": 0.25, "victim": 0.15,
                               "location": 0.1, "participant": 0.15, "speaker": 0.1})
            actor = speaker_zipf.one()
            if (actor, role) not in {(a, r) for a, r, _ in parts}:
                # the annotator drawn here, as before migration 0005, so the data stays the same
                parts.append((actor, role, annotator()))
    yield "event", ["id", "slug", "name", "event_type", "parent_id", "start_date", "end_date",
                    "date_precision", "date_resolution", "date_source", "location",
                    "country"], events
    del events

    # -- per article: paragraphs, quotes, claims, mentions, affiliations, event mentions -----
    paragraphs, quotes, claims, claim_quotes, claim_events = [], [], [], [], []
    mentions, affiliations, event_mentions, checks, relations = [], [], [], [], []
    participants, reports = [], []
    quote_id = claim_id = 0
    last_claim_of_event: dict[int, int] = {}
    quote_kind = _weighted(rng, QUOTE_KINDS)
    certainty = _weighted(rng, CERTAINTY)
    extra_mode = _weighted(rng, EXTRA_MODES)
    verdict = _weighted(rng, VERDICTS)
    n_events = sizes.events
    n_art = sizes.articles
    for i in range(n_art):
        art = i + 1
        offset, length = bodies[i]
        body = corpus[offset:offset + length]
        n_quotes = max(0, round(rng.gauss(10, 5)))
        need = n_quotes * 60 + 200
        if length < need:  # a longer body for a quote-heavy article is not stored; just spans
            n_quotes = max(0, (length - 200) // 60)

        # paragraphs: 6-14, partitioning the body
        n_par = rng.randint(6, 14)
        cuts = sorted(rng.sample(range(1, length), n_par - 1))
        bounds = [0, *cuts, length]
        for number in range(1, n_par + 1):
            paragraphs.append((art, number, bounds[number - 1], bounds[number]))

        # the article's speakers: a handful, Zipf-popular
        cast = list(dict.fromkeys(speaker_zipf.many(rng.randint(1, 6))))
        slot = (length - 100) // max(1, n_quotes)
        previous = None  # (quote id, speaker)
        quote_spans = []
        for j in range(n_quotes):
            speaker = rng.choice(cast)
            start = 50 + j * slot + rng.randint(0, 10)
            q_len = min(rng.randint(40, 240), slot - 40)
            end = start + q_len
            quote_id += 1
            cue = "said" if rng.random() < 0.85 else None
            cue_start = end + 2 if cue else None
            continues = previous[0] if previous and previous[1] == speaker and rng.random() < 0.25 else None
            quotes.append(
                (quote_id, art, f"q{j + 1}", speaker, quote_kind(), body[start:end], start, end,
                 cue, cue_start, cue_start + 4 if cue else None, continues, annotator())
            )
            previous = (quote_id, speaker)
            quote_spans.append((quote_id, speaker, start, end))

        # article events: mostly recent ones, some recalled from long ago
        art_events = []
        if n_events:
            centre = int((days[i] - FIRST_DAY).days + 60) * n_events // (DAYS + 60)
            for _ in range(rng.choice((0, 1, 1, 2, 2, 2, 3, 4))):
                if rng.random() < 0.85:
                    eid = min(n_events, max(1, centre - rng.randint(0, 80)))
                else:
                    eid = rng.randint(1, n_events)
                if eid not in art_events:
                    art_events.append(eid)
        for eid in art_events:
            for actor, role, ann in parts_of[eid]:
                participants.append((len(participants) + 1, art, eid, actor, role, ann))
            s = rng.randrange(0, length - 40)
            e = s + rng.randint(10, 39)
            ann = annotator()
            event_mentions.append((art, eid, s, e, body[s:e], ann))
            # the article's own report, by its mention's annotator (no random number drawn)
            reports.append((len(reports) + 1, art, eid, *told_of[eid], ann))

        # claims: ~70% of quotes carry one, then reported speech, agentless, writer
        key = 0
        art_claims = []
        for qid, speaker, start, end in quote_spans:
            if rng.random() < 0.7:
                claim_id += 1
                key += 1
                mode = MODE_OF_KIND[kinds[speaker]]
                cue = rng.choice(CUES[mode])
                claims.append(_claim(claim_id, art, key, body, start, end, mode, speaker, cue,
                                     certainty(), annotator()))
                claim_quotes.append((claim_id, qid))
                art_claims.append(claim_id)
        n_extra = max(0, round(n_quotes * 1.5 - key + rng.gauss(0, 2))) if n_quotes else \
            max(0, round(rng.gauss(6, 3)))
        for _ in range(n_extra):
            claim_id += 1
            key += 1
            mode = extra_mode()
            if mode in pools:
                own = [a for a in cast if MODE_OF_KIND[kinds[a]] == mode]
                source = rng.choice(own) if own and rng.random() < 0.5 else pools[mode].one()
            else:
                source = None
            s = rng.randrange(0, length - 250)
            e = s + rng.randint(30, 240)
            cue = rng.choice(CUES[mode]) if mode != "writer" else None
            claims.append(_claim(claim_id, art, key, body, s, e, mode, source, cue, certainty(),
                                 annotator()))
            art_claims.append(claim_id)
        for cid in art_claims:
            if art_events and rng.random() < 0.25:
                eid = rng.choice(art_events)
                claim_events.append((cid, eid))
                other = last_claim_of_event.get(eid)
                if other is not None and other != cid and rng.random() < 0.3:
                    relations.append((cid, other, "corroborates" if rng.random() < 0.8 else "conflicts"))
                last_claim_of_event[eid] = cid
            if rng.random() < 0.04:
                for aspect in rng.sample(ASPECTS, rng.choice((1, 1, 1, 2))):
                    checks.append((len(checks) + 1, cid, aspect, "stated", "checked",
                                   verdict(), "archive record", annotator()))

        # mentions: every speaker once or twice, and a few other actors
        seen = set()
        mentioned = cast + speaker_zipf.many(rng.randint(0, 3))
        for actor in mentioned:
            for _ in range(rng.choice((1, 1, 2))):
                s = rng.randrange(0, length - 40)
                e = s + rng.randint(4, 30)
                if (actor, s, e) not in seen:
                    seen.add((actor, s, e))
                    mentions.append((art, actor, s, e, body[s:e], annotator()))
        # affiliations: about half the persons quoted are described by their organisation
        for actor in cast:
            if kinds[actor] == "person" and rng.random() < 0.5:
                s = rng.randrange(0, length - 80)
                e = s + rng.randint(20, 70)
                org = org_zipf.one()
                affiliations.append((art, actor, org, "adviser", body[s:e],
                                     f"Place {org % 300}", f"in Place {org % 300}", s, e,
                                     annotator()))
    del bodies, corpus

    yield "paragraph", ["id", "article_id", "number", "span_start", "span_end"], \
        _numbered(paragraphs)
    del paragraphs
    yield "quote", ["id", "article_id", "key", "speaker_id", "kind", "text", "span_start",
                    "span_end", "cue", "cue_start", "cue_end", "continues_id",
                    "annotator_id"], quotes
    del quotes
    yield "claim", ["id", "article_id", "key", "text", "span_start", "span_end", "proposition",
                    "attribution_mode", "source_id", "cue", "cue_start", "cue_end",
                    "certainty", "annotator_id"], claims
    del claims
    yield "claim_quote", ["claim_id", "quote_id"], claim_quotes
    yield "claim_event", ["claim_id", "event_id"], claim_events
    yield "claim_relation", ["claim_id", "other_claim_id", "relation"], relations
    yield "claim_check", ["id", "claim_id", "aspect", "stated_value", "checked_value", "verdict",
                          "source", "annotator_id"], checks
    yield "mention", ["id", "article_id", "actor_id", "span_start", "span_end", "text",
                      "annotator_id"], _numbered(mentions)
    yield "affiliation", ["id", "article_id", "person_id", "organisation_id", "role",
                          "descriptor", "location", "location_as_written", "span_start",
                          "span_end", "annotator_id"], _numbered(affiliations, dedupe=(0, 1, 7))
    yield "event_mention", ["id", "article_id", "event_id", "span_start", "span_end", "text",
                            "annotator_id"], _numbered(event_mentions)
    # since migration 0005 a part belongs to the article that states it: each article that
    # reports an event names its parties
    yield "event_participant", ["id", "article_id", "event_id", "actor_id", "role",
                                "annotator_id"], participants
    # since migration 0006 the date as written and the toll belong to the article too: each
    # article that reports an event (its event mentions; its claim events are among them)
    # gives the event's date as written (none, as before) and toll
    yield "event_report", ["id", "article_id", "event_id", "date_as_written", "fatalities",
                           "fatalities_as_written", "fatalities_reported_by_id",
                           "fatalities_attribution", "annotator_id"], reports


def _pick(rng: random.Random, table: dict[str, float]) -> str:
    return rng.choices(list(table), weights=list(table.values()), k=1)[0]


def _claim(cid, art, key, body, start, end, mode, source, cue, certainty, annotator):
    text = body[start:end]
    if cue is None:
        cue_start = cue_end = None
    else:
        cue_start = end + 1
        cue_end = cue_start + len(cue)
    return (cid, art, f"c{key}", text, start, end, text[:80], mode, source, cue, cue_start,
            cue_end, certainty, annotator)


def _numbered(rows: list[tuple], dedupe: tuple[int, ...] | None = None) -> list[tuple]:
    """Prefix ids 1..n (dropping rows whose ``dedupe`` columns repeat)."""
    if dedupe is not None:
        seen, kept = set(), []
        for row in rows:
            k = tuple(row[i] for i in dedupe)
            if k not in seen:
                seen.add(k)
                kept.append(row)
        rows = kept
    return [(n, *row) for n, row in enumerate(rows, 1)]


# -- loading ---------------------------------------------------------------------------------

DATE_COLUMNS = {"published_date", "start_date", "end_date"}


def copy_postgresql(connection, table: str, columns: list[str], rows: list[tuple]) -> None:
    """COPY ``rows`` into ``table`` on a psycopg connection (the caller commits)."""
    with (
        connection.cursor() as cursor,
        cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def insert_sqlite(connection, table: str, columns: list[str], rows: list[tuple]) -> None:
    """executemany ``rows`` into ``table`` on a sqlite3 connection, in one transaction."""
    dates = [i for i, c in enumerate(columns) if c in DATE_COLUMNS]
    if dates:
        def iso(row):
            row = list(row)
            for i in dates:
                if row[i] is not None:
                    row[i] = row[i].isoformat()
            return row
        rows = map(iso, rows)
    marks = ", ".join("?" * len(columns))
    connection.execute("BEGIN")
    connection.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
    connection.execute("COMMIT")


def write(engine, scale: float, seed: int = 20261124) -> dict[str, int]:
    """Write the collection at ``scale`` into the empty database at head of ``engine`` (a
    SQLAlchemy engine), then count the tallies again; returns the rows per table. PostgreSQL
    skips its triggers while copying when it may (a superuser). For tests and small
    benchmarks: sourcing_bench.py loads large ones faster."""
    from newsdb import tally

    counts = {}
    raw = engine.raw_connection()
    try:
        if engine.dialect.name == "postgresql":
            with raw.cursor() as cursor:
                try:
                    cursor.execute("SET session_replication_role = replica")
                except Exception:  # noqa: BLE001 - not a superuser: the triggers run
                    raw.rollback()
            for table, columns, rows in generate(scale, seed):
                copy_postgresql(raw.driver_connection, table, columns, rows)
                counts[table] = len(rows)
            with raw.cursor() as cursor:
                cursor.execute("RESET session_replication_role")
            raw.commit()
        else:
            raw.driver_connection.isolation_level = None  # explicit BEGIN/COMMIT
            for table, columns, rows in generate(scale, seed):
                insert_sqlite(raw.driver_connection, table, columns, rows)
                counts[table] = len(rows)
    finally:
        raw.close()
    with engine.begin() as connection:
        tally.rebuild(connection)
    return counts
