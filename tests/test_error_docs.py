"""docs/errors.md has one section per registered code, titled as the registry titles it.

Every diagnostic ends with `see: docs/errors.md#lk104`; each section carries that anchor on the
line before its heading, `## LK104 — timeout out of range`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lambdakit.errors import CODES

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "errors.md"
CASES = ROOT / "tests" / "errors"
ANCHOR = re.compile(r'^<a id="(?P<id>[^"]+)"></a>$')
HEADING = re.compile(r"^## (?P<code>LK\d{3}) — (?P<title>.+)$")


def _sections() -> dict[str, tuple[str, str]]:
    """code → (heading title, section text), from each anchor and the heading under it."""
    lines = DOCS.read_text(encoding="utf-8").splitlines()
    sections: dict[str, tuple[str, str]] = {}
    starts = [i for i, line in enumerate(lines) if ANCHOR.match(line)]
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        anchor = ANCHOR.match(lines[start])
        heading = HEADING.match(lines[start + 1]) if start + 1 < len(lines) else None
        assert anchor and heading, f"anchor without a code heading under it: {lines[start]}"
        code = heading["code"]
        assert anchor["id"] == code.lower(), f"anchor {anchor['id']!r} above {code}"
        assert code not in sections, f"two sections for {code}"
        sections[code] = (heading["title"], "\n".join(lines[start:end]))
    return sections


def test_every_code_has_exactly_one_section() -> None:
    assert set(_sections()) == set(CODES)


def test_no_code_heading_without_its_anchor() -> None:
    headings = [m["code"] for line in DOCS.read_text(encoding="utf-8").splitlines()
                if (m := HEADING.match(line))]
    assert sorted(headings) == sorted(_sections())


def test_titles_match_the_registry() -> None:
    titles = {code: title for code, (title, _) in _sections().items()}
    assert titles == {code: info.title for code, info in CODES.items()}


def test_sections_state_the_registry_severity() -> None:
    for code, (_, text) in _sections().items():
        assert f"**Severity:** {CODES[code].severity.value}" in text, code


def test_diagnostics_link_to_the_sections() -> None:
    for code, info in CODES.items():
        assert info.anchor == f"docs/errors.md#{code.lower()}"


@pytest.mark.parametrize("code", [c for c in CODES if not c.startswith("LK9")])
def test_sections_show_the_golden_diagnostic(code: str) -> None:
    """The example output in the docs is the error golden's, as run from the case's directory.
    (LK9xx text is SAM's and cfn-lint's, and changes with their versions: not compared.)"""
    case = code.lower()
    golden = (CASES / case / "expected.txt").read_text(encoding="utf-8")
    _, text = _sections()[code]
    assert golden.replace(f"tests/errors/{case}/", "").rstrip("\n") in text
