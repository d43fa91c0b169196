"""CloudFormation YAML in cfn-flip's dialect, written by libyaml.

cfn-flip's own dumper runs PyYAML's pure-Python representer, serializer and emitter, the slowest
step of a large synth. Here the template becomes YAML events directly (no representer, no node
graph, no ordered copy: `render` has the walk take keys in `order.py`'s order) and libyaml's
emitter writes them, in cfn-flip's dialect:

- one-key `Ref`, `Condition` and `Fn::*` mappings are short-form tags (`!Ref Queue`,
  `!GetAtt Queue.Arn`, `!Sub ...`);
- text with line breaks is double-quoted, or a literal block from ten line breaks on, and text
  with a leading zero (an account id) is single-quoted; the rest is left to the emitter;
- unicode is written as is.

The layout is libyaml's: block style, two-space indentation, a sequence's dashes at its key's
column, lines never folded. Where PyYAML was built without libyaml, `LibyamlEmitter` writes the
same bytes: the template never depends on how PyYAML was installed.
"""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Callable, Iterable
from typing import Any

from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from lambdakit.render.order import TEMPLATE, Place, ordered_keys
from lambdakit.render.pure_emitter import LibyamlEmitter

LIBYAML: Any
try:
    from yaml._yaml import CEmitter as LIBYAML
except ImportError:  # PyYAML built without libyaml
    LIBYAML = None

STR = "tag:yaml.org,2002:str"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"

LITERAL_FROM_BREAKS = 10  # cfn-flip's STR_MAX_LINES_QUOTED
NO_FOLDING = -1  # libyaml's width for "never fold a line"

_MAPPING_START = MappingStartEvent(None, MAP, True, flow_style=False)
_MAPPING_END = MappingEndEvent()
_SEQUENCE_START = SequenceStartEvent(None, SEQ, True, flow_style=False)
_SEQUENCE_END = SequenceEndEvent()
# The tag YAML would read a plain scalar as (`!!str`, `!!int`, `!!null`...): what decides
# whether a scalar needs quotes to stay what it is.
_implicit_tag: Callable[[type[ScalarNode], str, tuple[bool, bool]], str] = Resolver().resolve


def dump_yaml(template: dict[str, Any], emitter_class: Any = None, *,
              reorder: bool = False) -> str:
    """`template` as YAML text, its keys in the order given, or with `reorder` in
    CloudFormation's conventional order (`canonical`'s, without copying the template).
    `emitter_class` is for tests: `LIBYAML` (the default when PyYAML has it) or
    `LibyamlEmitter`."""
    if not isinstance(template, dict):
        raise TypeError("a template is a mapping")
    stream = io.StringIO()
    emitter = (emitter_class or LIBYAML or LibyamlEmitter)(
        stream, allow_unicode=True, width=NO_FOLDING)
    emit = emitter.emit
    emit(StreamStartEvent())
    emit(DocumentStartEvent(explicit=False))
    if reorder:
        _Events(emit, ordered_keys).mapping(template, TEMPLATE)
    else:
        _Events(emit, _as_given).mapping(template)
    emit(DocumentEndEvent(explicit=False))
    emit(StreamEndEvent())
    return stream.getvalue()


def short_form(mapping: dict[Any, Any]) -> tuple[str, Any] | None:
    """(`!Name`, argument) for an intrinsic function written as a tag, as cfn-flip writes it;
    else None, and the mapping keeps the long form.

    The long form stays wherever the short one would not load back as written: arguments other
    than text, lists and mappings (a tagged scalar loads as text), and `Fn::GetAtt` unless it
    is `[logical id without a dot, attribute]`, which cfn-flip reads back from `!GetAtt id.attr`.
    """
    if len(mapping) != 1:
        return None
    ((key, argument),) = mapping.items()
    tag = _short_tag(key)
    if tag is None:
        return None
    if tag == "!GetAtt":
        if not (type(argument) is list and len(argument) == 2
                and all(type(part) is str for part in argument) and "." not in argument[0]):
            return None
        argument = ".".join(argument)
    elif type(argument) not in (str, list, dict):
        return None
    return tag, argument


@functools.lru_cache(maxsize=1024, typed=True)
def _short_tag(key: Any) -> str | None:
    """`!Name` for the key of an intrinsic function (`Ref`, `Condition`, `Fn::Name`), else None.
    Remembered: a template repeats the same few keys in thousands of one-key mappings."""
    if key in ("Ref", "Condition"):
        name = key
    elif type(key) is str and key.startswith("Fn::"):
        name = key[4:]
    else:
        return None
    return f"!{name}" if name.isascii() and name.isalnum() else None


def text_style(text: str) -> str | None:
    """cfn-flip's choice of style for a string; None leaves it to the emitter."""
    if "\n" in text or "\r" in text:  # rare: count the breaks only then
        return "|" if text.count("\n") + text.count("\r") >= LITERAL_FROM_BREAKS else '"'
    return "'" if text[:1] == "0" else None


class _Texts(dict[str, ScalarEvent]):
    """The scalar event of each text, analysed on first use: it depends on the text alone, and
    an emitter never modifies an event."""

    def __missing__(self, text: str) -> ScalarEvent:
        plain = _implicit_tag(ScalarNode, text, (True, False)) == STR
        event = self[text] = ScalarEvent(None, STR, (plain, True), text, style=text_style(text))
        return event


_Plan = tuple[tuple[Any, ScalarEvent, Place | None], ...]


class _Events:
    """Emits the events of one document.

    A mapping's keys are written in the order of its `Place` in the template; outside the known
    places (place None), in the order `keys_anywhere` gives."""

    def __init__(self, emit: Any, keys_anywhere: Callable[[dict[Any, Any]], Iterable[Any]]) -> None:
        self.emit = emit
        self.keys_anywhere = keys_anywhere
        self.texts = _Texts()
        # Plans by (place, keys as given): see `plan`.
        self.plans: dict[tuple[Place | None, tuple[Any, ...]], _Plan] = {}

    def node(self, value: Any, place: Place | None = None) -> None:
        kind = type(value)
        if kind is str:
            self.emit(self.texts[value])
        elif kind is dict:
            # Most mappings have several keys: no short form to look for.
            short = short_form(value) if len(value) == 1 else None
            if short is None:
                self.mapping(value, place)
            else:
                tag, argument = short
                # The argument sits where the mapping's one value sits.
                self.tagged(tag, argument, place and place.child(next(iter(value))))
        elif kind is list:
            self.sequence(value)
        else:
            self.emit(_scalar(value))

    def mapping(self, mapping: dict[Any, Any], place: Place | None = None,
                tag: str | None = None) -> None:
        emit, texts, node, block = self.emit, self.texts, self.node, self.mapping
        emit(_MAPPING_START if tag is None
             else MappingStartEvent(None, tag, False, flow_style=False))
        for key, key_event, child in (self.plans.get((place, tuple(mapping)))
                                      or self.plan(mapping, place)):
            emit(key_event)
            item = mapping[key]
            kind = type(item)
            # The commonest values first, without a call to `node`.
            if kind is str:
                emit(texts[item])
            elif kind is dict and len(item) > 1:  # no short form to look for
                block(item, child)
            else:
                node(item, child)
        emit(_MAPPING_END)

    def plan(self, mapping: dict[Any, Any], place: Place | None) -> _Plan:
        """`mapping`'s keys in writing order, each with its event and the place of its value.

        A plan depends on the place and the keys alone, and most mappings share their keys
        with many others (statements, tags, a function's properties): each is made once."""
        keys = self.keys_anywhere(mapping) if place is None else place.ordered_keys(mapping)
        plan = tuple((key, self.texts[key] if type(key) is str else _scalar(key),
                      place and place.child(key)) for key in keys)
        # Only text keys are kept: 1, 1.0 and True are the same key but not the same text.
        if all(type(key) is str for key in mapping):
            self.plans[place, tuple(mapping)] = plan
        return plan

    def sequence(self, items: list[Any], tag: str | None = None) -> None:
        emit, texts, node = self.emit, self.texts, self.node
        emit(_SEQUENCE_START if tag is None
             else SequenceStartEvent(None, tag, False, flow_style=False))
        for item in items:
            if type(item) is str:
                emit(texts[item])
            else:
                node(item)
        emit(_SEQUENCE_END)

    def tagged(self, tag: str, argument: str | list[Any] | dict[Any, Any],
               place: Place | None) -> None:
        if isinstance(argument, str):
            self.emit(ScalarEvent(None, tag, (False, False), argument,
                                  style=text_style(argument)))
        elif isinstance(argument, list):
            self.sequence(argument, tag)
        else:
            self.mapping(argument, place, tag)


def _as_given(mapping: dict[Any, Any]) -> Iterable[Any]:
    return mapping


def _scalar(value: Any) -> ScalarEvent:
    """Numbers, booleans and null, written as PyYAML's representer writes them."""
    if value is None:
        tag, text = NULL, "null"
    elif type(value) is bool:
        tag, text = BOOL, "true" if value else "false"
    elif type(value) is int:
        tag, text = INT, str(value)
    elif type(value) is float:
        tag, text = FLOAT, _float_text(value)
    else:
        raise TypeError(f"cannot write a {type(value).__name__} in a template: {value!r}")
    return _typed_scalar(tag, text)


@functools.lru_cache(maxsize=1024)
def _typed_scalar(tag: str, text: str) -> ScalarEvent:
    """Resolving the text is most of a scalar's cost, and templates repeat their numbers and
    booleans; an event can be shared by every render, as emitters never modify one."""
    plain = _implicit_tag(ScalarNode, text, (True, False)) == tag
    return ScalarEvent(None, tag, (plain, False), text)


def _float_text(value: float) -> str:
    """`SafeRepresenter.represent_float`."""
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value).lower()
    return text.replace("e", ".0e", 1) if "." not in text and "e" in text else text
