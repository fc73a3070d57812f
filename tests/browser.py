"""Opening a page in Debian's headless ``chromium``, as a person's browser would.

No browser is downloaded: ``.ci/run`` installs Debian's package when it is missing. Where
chromium is absent the browser tests skip, except under CI (the ``CI`` variable set), where
a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]


def chromium() -> str:
    """The chromium binary; skip (fail under CI) when there is none."""
    found = shutil.which("chromium") or (
        "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None
    )
    if found:
        return found
    message = "chromium is not installed (apt-get install chromium): the browser test needs it"
    if os.environ.get("CI"):
        pytest.fail(f"CI is set and {message}")
    pytest.skip(message)


def open_page(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run chromium on ``page`` with ``extra`` flags (``--dump-dom``, ``--screenshot=``)."""
    return subprocess.run(
        [chromium(), *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def script_errors(log: str) -> list[str]:
    """The lines of chromium's log that report an error thrown by the page's script."""
    return [
        line
        for line in log.splitlines()
        if "Uncaught" in line or ("CONSOLE" in line and "error" in line.lower())
    ]


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


class Elements(HTMLParser):
    """Every element of a document with its attributes and its text (generated content, like
    the mode letters drawn by CSS, is not text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self._open: list[int] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}, []))
        if tag not in VOID:
            self._open.append(len(self.elements) - 1)

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}, []))

    def handle_endtag(self, tag):
        while self._open:
            if self.elements[self._open.pop()][0] == tag:
                break

    def handle_data(self, data):
        for i in self._open:
            self.elements[i][2].append(data)

    def having(self, attribute: str) -> list[tuple[str, dict[str, str], str]]:
        """The elements with ``attribute``, each as (tag, attributes, text)."""
        return [(t, a, "".join(text)) for t, a, text in self.elements if attribute in a]


def parse(document: str) -> Elements:
    parser = Elements()
    parser.feed(document)
    parser.close()
    return parser
