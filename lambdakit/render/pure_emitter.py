"""PyYAML's pure-Python emitter, corrected to write what libyaml writes.

lambdakit writes YAML with libyaml (`yaml._yaml.CEmitter`) when PyYAML was built with it, and
with this emitter when it was not: the template must not depend on how PyYAML was installed.
The two emitters share their design, but choose styles and simple keys differently. The methods
below follow libyaml 0.2.5's `emitter.c` (named in each docstring); the writers themselves already
agree. `tests/test_render.py` compares both emitters on every golden and on generated data.

Why not PyYAML's own dumpers (issue 16 asked): `yaml.CSafeDumper` with a text and a mapping
representer (cfn-flip's quoting and short forms) writes every golden and example template byte
for byte, but several times slower than `render`, since its representer builds a node graph in
Python that `cfn_yaml` skips; and its fallback without libyaml, `yaml.SafeDumper`, writes none of
them alike (PyYAML's emitter quotes every tagged scalar, `!Ref 'Queue'`), so dropping this module
would make the template depend on how PyYAML was installed. The figures, and the command that
measures them (`benchmarks/render_bench.py`), are in docs/performance.md.
"""

from __future__ import annotations

import sys
from typing import Any

from yaml.emitter import Emitter, ScalarAnalysis
from yaml.events import MappingStartEvent, ScalarEvent, SequenceStartEvent, StreamEndEvent

# libyaml's character classes (yaml_private.h). Unlike PyYAML's, a carriage return is a line
# break, and NEL and characters beyond the BMP are not printable: they are only ever escaped.
_BREAKS = "\r\n\x85\u2028\u2029"
_BLANKS = "\0 \t" + _BREAKS
_LEADING_INDICATORS = "#,[]{}&*!|>'\"%@`"
_SIMPLE_KEY_MAX_BYTES = 128
_BOTH_INDICATORS = {"flow indicator", "block indicator"}
# What rules out a style, in `_findings`' words.
_NOT_PLAIN = {"leading space", "leading break", "trailing space", "trailing break", "break",
              "break space", "space break", "special"}
_NOT_SINGLE_QUOTED = {"break space", "space break", "special"}
_NOT_BLOCK = {"trailing space", "space break", "special"}
_EMPTY = ScalarAnalysis(scalar="", empty=True, multiline=False, allow_flow_plain=False,
                        allow_block_plain=True, allow_single_quoted=True,
                        allow_double_quoted=True, allow_block=False)
_CORE_PREFIX = "tag:yaml.org,2002:"


def _printable(ch: str) -> bool:
    return (ch == "\n" or " " <= ch <= "~" or "\xa0" <= ch <= "\ud7ff"
            or ("\ue000" <= ch <= "\ufffd" and ch != "\ufeff"))


class LibyamlEmitter(Emitter):
    """An `Emitter` whose output equals libyaml's for the same events (block style, unicode
    allowed, no canonical form, no anchors: what lambdakit emits)."""

    def __init__(self, stream: Any, *, allow_unicode: bool, width: int) -> None:
        super().__init__(stream, allow_unicode=allow_unicode)
        # libyaml's widths: a negative one never folds a line, a too small one means 80.
        self.best_width = (sys.maxsize if width < 0
                           else width if width > 2 * self.best_indent else 80)
        self._kept_trailing_breaks = False

    def determine_block_hints(self, text: str) -> str:
        hints: str = super().determine_block_hints(text)
        self._kept_trailing_breaks = hints.endswith("+")
        return hints

    def expect_document_start(self, first: bool = False) -> None:
        """libyaml ends the stream with `...` when its last block scalar keeps trailing line
        breaks (`|+`), even if other scalars follow it; PyYAML only when nothing follows."""
        if isinstance(self.event, StreamEndEvent):
            self.open_ended = self._kept_trailing_breaks
        super().expect_document_start(first)

    def analyze_scalar(self, scalar: str) -> ScalarAnalysis:
        """`yaml_emitter_analyze_scalar`."""
        if not scalar:
            return _EMPTY
        scalar.encode("utf-8")  # libyaml is given UTF-8: a lone surrogate fails there too
        found = _findings(scalar)
        plain = not found & _NOT_PLAIN
        return ScalarAnalysis(scalar=scalar, empty=False, multiline="break" in found,
                              allow_flow_plain=plain and "flow indicator" not in found,
                              allow_block_plain=plain and "block indicator" not in found,
                              allow_single_quoted=not found & _NOT_SINGLE_QUOTED,
                              allow_double_quoted=True, allow_block=not found & _NOT_BLOCK)

    def check_simple_key(self) -> bool:
        """`yaml_emitter_check_simple_key`: at most 128 bytes of UTF-8, counting the tag only
        when it is written; an empty scalar may be a simple key."""
        event = self.event
        if isinstance(event, ScalarEvent):
            if self.analysis is None:
                self.analysis = self.analyze_scalar(event.value)
            if self.analysis.multiline:
                return False
            length = len(event.value.encode("utf-8"))
            if not (event.implicit[0] or event.implicit[1]):
                length += _tag_length(event.tag)
        elif isinstance(event, SequenceStartEvent | MappingStartEvent):
            if not (self.check_empty_sequence() or self.check_empty_mapping()):
                return False
            length = 0 if event.implicit else _tag_length(event.tag)
        else:
            return False
        return length <= _SIMPLE_KEY_MAX_BYTES

    def choose_scalar_style(self) -> str:
        """`yaml_emitter_select_scalar_style`: unlike PyYAML, a tagged scalar may be plain."""
        event = self.event
        assert isinstance(event, ScalarEvent)
        if self.analysis is None:
            self.analysis = self.analyze_scalar(event.value)
        analysis = self.analysis
        tagged = not (event.implicit[0] or event.implicit[1])
        style = event.style or ""
        if self.simple_key_context and analysis.multiline:
            style = '"'
        if style == "":
            plain_allowed = (analysis.allow_flow_plain if self.flow_level
                             else analysis.allow_block_plain)
            if (not plain_allowed
                    or (analysis.empty and (self.flow_level or self.simple_key_context))
                    or (not tagged and not event.implicit[0])):
                style = "'"
        if style == "'" and not analysis.allow_single_quoted:
            style = '"'
        if style in ("|", ">") and (not analysis.allow_block or self.flow_level
                                    or self.simple_key_context):
            style = '"'
        return style


def _findings(scalar: str) -> set[str]:
    """What libyaml notes while it reads a non-empty scalar: indicators, line breaks, special
    characters and where spaces and breaks stand."""
    found: set[str] = set()
    if scalar.startswith(("---", "...")):
        found |= _BOTH_INDICATORS
    last = len(scalar) - 1
    preceded_by_whitespace, previous = True, ""
    for index, ch in enumerate(scalar):
        followed_by_whitespace = index == last or scalar[index + 1] in _BLANKS
        if index == 0:
            if ch in _LEADING_INDICATORS or (ch == "-" and followed_by_whitespace):
                found |= _BOTH_INDICATORS
            elif ch in "?:":
                found |= _BOTH_INDICATORS if followed_by_whitespace else {"flow indicator"}
        elif ch in ",?[]{}":
            found.add("flow indicator")
        elif ch == ":":
            found |= _BOTH_INDICATORS if followed_by_whitespace else {"flow indicator"}
        elif ch == "#" and preceded_by_whitespace:
            found |= _BOTH_INDICATORS
        if not _printable(ch):
            found.add("special")
        if ch == " " or ch in _BREAKS:
            kind = "space" if ch == " " else "break"
            found.add(kind)
            if index == 0:
                found.add(f"leading {kind}")
            if index == last:
                found.add(f"trailing {kind}")
            if previous and previous != kind:
                found.add(f"{previous} {kind}")
            previous = kind
        else:
            previous = ""
        preceded_by_whitespace = ch in _BLANKS
    return found


def _tag_length(tag: Any) -> int:
    """The bytes libyaml counts for a written tag: its handle and its unescaped suffix."""
    if tag.startswith(_CORE_PREFIX) and len(tag) > len(_CORE_PREFIX):
        return len("!!") + len(tag[len(_CORE_PREFIX):].encode("utf-8"))
    return len(tag.encode("utf-8"))

