"""Insert (or replace) one code's section in docs/errors.md, built from its error-golden case.

    python scripts/add_error_doc.py LK310 \
        --what "What makes lambdakit report it." \
        --example "One line saying what the example app does." \
        --fix "How to fix it." [--aws https://docs.aws.amazon.com/...]
    python scripts/add_error_doc.py --refresh LK310 LK311   # the example and report only

The section's heading, severity, example app and printed report come from the code registry and
`tests/errors/<code>/` (run the error goldens with --update-goldens first), so they cannot drift
from what lambdakit prints; tests/test_error_docs.py checks them. The index line is kept too.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from lambdakit.errors import CODES

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "errors.md"
ANCHOR = re.compile(r'^<a id="(lk\d{3})"></a>$')
INDEX_LINE = re.compile(r"^- \[(LK\d{3})\]\(#lk\d{3}\) — ")


def section(code: str, what: str, example: str, fix: str, aws: str | None) -> str:
    info = CODES[code]
    case = ROOT / "tests" / "errors" / code.lower()
    app = (case / "app.py").read_text(encoding="utf-8").rstrip("\n")
    report = (case / "expected.txt").read_text(encoding="utf-8").replace(
        f"tests/errors/{code.lower()}/", "").rstrip("\n")
    parts = [
        f'<a id="{code.lower()}"></a>', f"## {code} — {info.title}", "",
        f"**Severity:** {info.severity.value}", "",
        f"**What triggers it.** {what}", "",
        f"**Example.** {example}", "", "```python", app, "```", "", "prints:", "",
        "```text", report, "```", "", f"**How to fix it.** {fix}", "",
    ]
    if aws:
        parts += [f"**AWS documentation:** <{aws}>", ""]
    return "\n".join(parts)


def insert(text: str, code: str, new_section: str) -> str:
    lines = text.split("\n")
    info = CODES[code]
    index_entry = f"- [{code}](#{code.lower()}) — {info.title} ({info.severity.value})"
    # The index: replace or insert in code order.
    index = [i for i, line in enumerate(lines) if INDEX_LINE.match(line)]
    existing = [i for i in index if lines[i].startswith(f"- [{code}]")]
    if existing:
        lines[existing[0]] = index_entry
    else:
        after = [i for i in index if INDEX_LINE.match(lines[i])[1] < code]  # type: ignore[index]
        lines.insert((after[-1] + 1) if after else index[0], index_entry)
    # The section: sections run from one anchor to the next.
    anchors = [(i, m[1]) for i, line in enumerate(lines) if (m := ANCHOR.match(line))]
    starts = {name: i for i, name in anchors}
    if code.lower() in starts:
        start = starts[code.lower()]
        following = [i for i, _ in anchors if i > start]
        end = following[0] if following else len(lines)
        lines[start:end] = new_section.split("\n")
    else:
        later = [i for i, name in anchors if name > code.lower()]
        at = later[0] if later else len(lines)
        lines[at:at] = new_section.split("\n")
    return "\n".join(lines)


def refresh(text: str, code: str) -> str:
    """Replace the section's example app and printed report with the case's current ones."""
    case = ROOT / "tests" / "errors" / code.lower()
    app = (case / "app.py").read_text(encoding="utf-8").rstrip("\n")
    report = (case / "expected.txt").read_text(encoding="utf-8").replace(
        f"tests/errors/{code.lower()}/", "").rstrip("\n")
    start = text.index(f'<a id="{code.lower()}"></a>')
    end = text.find('\n<a id="lk', start + 1)
    end = len(text) if end < 0 else end
    section = text[start:end]
    section = re.sub(r"```python\n.*?\n```", lambda _: f"```python\n{app}\n```", section,
                     count=1, flags=re.S)
    section = re.sub(r"```text\n.*?\n```", lambda _: f"```text\n{report}\n```", section,
                     count=1, flags=re.S)
    return text[:start] + section + text[end:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("code", nargs="+")
    parser.add_argument("--refresh", action="store_true")
    parser.add_argument("--what")
    parser.add_argument("--example")
    parser.add_argument("--fix")
    parser.add_argument("--aws")
    args = parser.parse_args()
    if args.refresh:
        text = DOCS.read_text(encoding="utf-8")
        for code in args.code:
            text = refresh(text, code.upper())
        DOCS.write_text(text, encoding="utf-8")
        return
    if not (args.what and args.example and args.fix) or len(args.code) != 1:
        parser.error("one code, with --what, --example and --fix (or --refresh)")
    code = args.code[0].upper()
    DOCS.write_text(insert(DOCS.read_text(encoding="utf-8"), code,
                           section(code, args.what, args.example, args.fix, args.aws)),
                    encoding="utf-8")


if __name__ == "__main__":
    main()
