"""Every public field of every construct is documented where the construct is.

A construct's documentation is each section of `docs/*.md` whose heading names it (with its
subsections); a construct no heading names (`Logging`, `Cors`, `Canary`, ...) is documented in
the sections whose text names it. A field counts as documented when a code span there names it:
a table row's `memory`, or `batch_size=10` in an example. Fields a construct inherits are
looked up in its bases' sections too (`Resource`'s in "What every resource takes").
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import lambdakit
import lambdakit.events
from lambdakit.model import Construct, Resource
from lambdakit.model.event_source import EventSource

DOCS = Path(__file__).resolve().parent.parent / "docs"
HEADING = re.compile(r"^(#+) (.+)$", re.MULTILINE)
CODE_SPAN = re.compile(r"`([^`\n]+)`")
# Bases that are documented under a heading that does not name them.
BASE_SECTIONS = {Resource: "What every resource takes", EventSource: "Event sources"}
# Set through `Kind.existing(arn=..., name=...)`, documented in resources.md's "Owned and
# existing", not as fields.
EXISTING_FIELDS = {"existing_arn", "existing_name"}


@dataclass(frozen=True)
class Section:
    file: str
    heading: str
    body: str      # up to the next heading of the same or a higher level
    own_text: str  # up to the next heading of any level


def _sections() -> list[Section]:
    found = []
    for path in sorted(DOCS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        marks = list(HEADING.finditer(text))
        for index, mark in enumerate(marks):
            level = len(mark.group(1))
            later = marks[index + 1:]
            end = next((m.start() for m in later if len(m.group(1)) <= level), len(text))
            own_end = later[0].start() if later else len(text)
            found.append(Section(path.name, mark.group(2), text[mark.end():end],
                                 text[mark.end():own_end]))
    return found


SECTIONS = _sections()


def _constructs() -> dict[str, type[Construct]]:
    exported = [getattr(module, name) for module in (lambdakit, lambdakit.events)
                for name in module.__all__]
    classes = {c.__name__: c for c in exported
               if inspect.isclass(c) and issubclass(c, Construct)}
    # Bases (EventSource, StreamSource, ...) are documented through the kinds that extend them.
    return {name: c for name, c in classes.items()
            if not any(other is not c and issubclass(other, c) for other in classes.values())}


CONSTRUCTS = _constructs()


def _names(cls: type, text: str) -> bool:
    """Whether a code span names the class: `Cors`, `Cors(...)`, `cors=Cors(...)`."""
    word = re.compile(rf"(?<![\w.]){cls.__name__}(?:$|[(.])")
    return any(word.search(span) for span in CODE_SPAN.findall(text))


def documentation_of(cls: type[Construct]) -> list[Section]:
    """The sections that document `cls` and the bases it inherits fields from."""
    found: list[Section] = []
    for base in cls.__mro__:
        if not (isinstance(base, type) and issubclass(base, Construct)) or base is Construct:
            continue
        titled = [s for s in SECTIONS
                  if _names(base, s.heading) or s.heading == BASE_SECTIONS.get(base)]
        found += titled or [s for s in SECTIONS if _names(base, s.own_text)]
    return found


def undocumented_fields(cls: type[Construct], sections: list[Section]) -> list[str]:
    spans = [span for section in sections for span in CODE_SPAN.findall(section.body)]
    return [field for field in cls.model_fields
            if field not in EXISTING_FIELDS
            and not any(re.search(rf"(?<![\w.]){field}\b", span) for span in spans)]


@pytest.mark.parametrize("name", sorted(CONSTRUCTS))
def test_every_public_field_is_documented(name: str) -> None:
    cls = CONSTRUCTS[name]
    sections = documentation_of(cls)
    assert sections, f"no section of docs/ names `{name}`"
    assert undocumented_fields(cls, sections) == []


def test_a_missing_field_is_found() -> None:
    """The App table once lacked `resources`: the check must see such a gap."""
    app_table = [s for s in SECTIONS if s.file == "guide.md" and s.heading == "`App`"]
    without = [Section(s.file, s.heading, s.body.replace("`resources`", "`other`"), s.own_text)
               for s in app_table]
    assert app_table
    assert undocumented_fields(lambdakit.App, without) == ["resources"]
