"""How each attribution mode and each speaker is drawn, so that no mark rests on colour alone.

A claim is underlined in its mode's line style (solid, double, dashed, dotted, wavy) and
tagged with the mode's letter (the writer's own voice, most of most texts, is only tagged);
charts fill each mode with its colour and a pattern. A speaker's quotes take the speaker's colour and number (S1, S2...).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdb.sourcing import MODE_LABELS, MODES


@dataclass(frozen=True)
class ModeStyle:
    mode: str
    label: str
    letter: str
    line: str  # the CSS text-decoration-style of the mark
    colour: str
    pattern: str  # the SVG pattern's drawing, on a 6x6 tile


_STYLES = {
    "named_person": ("N", "solid", "#1b6ca8", ""),
    "institution": (
        "I",
        "double",
        "#6a3d9a",
        '<path d="M0,3H6" stroke="#fff" stroke-width="1.2"/>',
    ),
    "unnamed_official": (
        "U",
        "dashed",
        "#b15928",
        '<path d="M0,6L6,0" stroke="#fff" stroke-width="1.2"/>',
    ),
    "vague_collective": ("V", "dotted", "#c2185b", '<circle cx="3" cy="3" r="1.2" fill="#fff"/>'),
    "passive": ("P", "wavy", "#2e7d32", '<path d="M0,0L6,6" stroke="#fff" stroke-width="1.2"/>'),
    "writer": ("W", "none", "#616161", '<path d="M3,0V6" stroke="#fff" stroke-width="1.2"/>'),
}

STYLES = tuple(ModeStyle(m, MODE_LABELS[m], *_STYLES[m]) for m in MODES)
BY_MODE = {s.mode: s for s in STYLES}

#: light backgrounds for quotes, each readable under black text; repeated past the tenth speaker
SPEAKER_COLOURS = (
    "#ffe08a",
    "#a8dadc",
    "#f4b6c2",
    "#c5e1a5",
    "#d1c4e9",
    "#ffcc80",
    "#b3e5fc",
    "#e6ee9c",
    "#f8bbd0",
    "#cfd8dc",
)


def speaker_colour(number: int) -> str:
    """The colour of speaker ``number`` (from 1)."""
    return SPEAKER_COLOURS[(number - 1) % len(SPEAKER_COLOURS)]


#: the fills of the other charts' series: a colour and a pattern each
SERIES = {
    "solid": ("#1b6ca8", ""),
    "hatched": ("#e08214", '<path d="M0,6L6,0" stroke="#fff" stroke-width="1.5"/>'),
    "dotted": ("#7b3294", '<circle cx="3" cy="3" r="1.4" fill="#fff"/>'),
}


def svg_patterns() -> str:
    """``<defs>`` with a fill pattern for each mode (``url(#fill-named_person)``...) and
    each other series (``url(#fill-hatched)``...)."""
    fills = [(s.mode, s.colour, s.pattern) for s in STYLES]
    fills += [(name, colour, drawing) for name, (colour, drawing) in SERIES.items()]
    tiles = "".join(
        f'<pattern id="fill-{name}" width="6" height="6" patternUnits="userSpaceOnUse">'
        f'<rect width="6" height="6" fill="{colour}"/>{drawing}</pattern>'
        for name, colour, drawing in fills
    )
    return f"<defs>{tiles}</defs>"


def mode_css() -> str:
    """The CSS of each mode's mark, legend sample and letter."""
    rules = []
    for s in STYLES:
        if s.line == "none":  # the writer's own voice: the most common, tagged only
            deco = "text-decoration: none;"
        else:
            deco = f"text-decoration: underline {s.line} {s.colour} 2px;"
        rules.append(
            f".claim.m-{s.mode}, .sample.m-{s.mode} {{ {deco} }}\n"
            f".claim.m-{s.mode}:not([data-piece])::before {{ content: '{s.letter}';"
            f" background: {s.colour}; }}\n"
            f".chip.m-{s.mode} {{ background: {s.colour}; }}"
        )
    return "\n".join(rules)
