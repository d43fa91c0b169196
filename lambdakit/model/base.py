"""The base of every construct: frozen, strict pydantic models that remember the user's line."""

from __future__ import annotations

import re
from typing import Any, ClassVar, NamedTuple, Self, cast

from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationError
from pydantic_core import PydanticCustomError

from lambdakit.errors import (
    CODES,
    UNKNOWN,
    Diagnostic,
    LambdakitError,
    Origin,
    active_collector,
    capture_origin,
)

ID_PATTERN = re.compile(r"^[A-Z][A-Za-z0-9]*$")
# Children append suffixes (`Role`, `LogGroup`) and SAM appends more (`Alias<name>`, event names);
# 64 keeps every derived id far below CloudFormation's 255.
ID_MAX_CHARS = 64


def check_id(value: str) -> str:
    """Validate a construct id: PascalCase letters and digits, the primary logical id."""
    if not ID_PATTERN.match(value) or len(value) > ID_MAX_CHARS:
        raise PydanticCustomError(
            "LK002",
            "must be PascalCase letters and digits, at most {limit} characters (got {got})",
            {"limit": ID_MAX_CHARS, "got": repr(value), "hint": _id_hint(value)},
        )
    return value


def name_words(value: str) -> list[str] | None:
    """The words of a name written with separators (`orders_service`, `Orders Service`), or
    None when a suggestion built from them would be a guess: a character that is neither an
    ASCII letter, a digit nor a separator would be dropped, a word is a single letter
    (`W-orker`), or the name does not start with a letter."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_.\s-]*", value):
        return None
    words = [word for word in re.split(r"[_.\s-]+", value) if word]
    return None if len(words) > 1 and any(len(word) == 1 for word in words) else words


def _id_hint(value: str) -> str:
    words = name_words(value)
    suggestion = "".join(word[:1].upper() + word[1:] for word in words or [])
    if suggestion and suggestion != value and len(suggestion) <= ID_MAX_CHARS:
        return f'did you mean id="{suggestion}"?'
    if ID_PATTERN.match(value):  # only too long
        return f"shorten it to {ID_MAX_CHARS} characters or fewer"
    return 'ids are PascalCase letters and digits, e.g. id="OrderWorker"'


class Written(NamedTuple):
    """A resource lambdakit writes into the template: its logical id and CloudFormation type.
    Constructs declare theirs; the plan gathers them and compile writes exactly those."""

    logical_id: str
    type: str
    # Resources that must exist before this one (what its `DependsOn` names).
    depends_on: tuple[str, ...] = ()


class Construct(BaseModel):
    """A user-facing construct. Invalid input becomes diagnostics at the user's `file:line`."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", strict=True, arbitrary_types_allowed=True,
        # Build each validator on first use: an app pays only for the constructs it uses.
        defer_build=True,
    )
    kind: ClassVar[str] = "construct"
    _private_defaults: ClassVar[dict[str, Any]] = {}
    # Private attributes holding answers derived from the fields: a copy starts without them,
    # as `model_copy(update=...)` changes fields.
    _caches: ClassVar[tuple[str, ...]] = ()

    _origin: Origin = PrivateAttr(default=UNKNOWN)
    _broken: bool = PrivateAttr(default=False)

    def __init__(self, **data: Any) -> None:
        origin = capture_origin()
        try:
            super().__init__(**data)
        except ValidationError as exc:
            diagnostics = diagnostics_from_validation(
                exc, origin, _subject(type(self), data), list(type(self).model_fields)
            )
            collector = active_collector()
            if collector is None:
                raise LambdakitError(diagnostics) from None
            collector.extend(diagnostics)
            self._become_placeholder(data, exc)
        self._origin = origin

    def _become_placeholder(self, data: dict[str, Any], exc: ValidationError) -> None:
        """Keep loading the app after a bad construct; rules and compile skip placeholders."""
        bad = {str(error["loc"][0]) for error in exc.errors() if error["loc"]}
        good = {k: v for k, v in data.items() if k in type(self).model_fields and k not in bad}
        try:
            stand_in = type(self).model_construct(**good)
        except Exception:  # a validator-less construct cannot fail, but never mask the report
            stand_in = type(self).model_construct()
        for name in type(self).model_fields:
            stand_in.__dict__.setdefault(name, None)
        object.__setattr__(self, "__dict__", stand_in.__dict__)
        object.__setattr__(self, "__pydantic_fields_set__", set(good))
        object.__setattr__(self, "__pydantic_extra__", None)
        object.__setattr__(self, "__pydantic_private__", dict(stand_in.__pydantic_private__ or {}))
        self._broken = True

    @property
    def origin(self) -> Origin:
        return cast(Origin, self._private("_origin"))

    @property
    def broken(self) -> bool:
        """True for a placeholder left by invalid input (its diagnostics are already reported)."""
        return cast(bool, self._private("_broken"))

    def _private(self, name: str) -> Any:
        """A private attribute, read from pydantic's store of them. `self._origin` finds it only
        through `__getattr__`, after the normal lookup fails, and a synth reads origins and
        `broken` thousands of times."""
        return self.__pydantic_private__[name]  # type: ignore[index]  # never None: see above

    def __copy__(self) -> Self:
        return self._without_caches(super().__copy__())

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        return self._without_caches(super().__deepcopy__(memo))

    def _without_caches(self, copied: Self) -> Self:
        private: dict[str, Any] = copied.__pydantic_private__  # type: ignore[assignment]
        for name in self._caches:
            private[name] = None
        return copied

    def label(self) -> str:
        """How diagnostics name this construct."""
        identifier = getattr(self, "id", None)
        return identifier if isinstance(identifier, str) else type(self).__name__

    # Constructs are entities: hashed and compared by identity. pydantic gives every frozen
    # subclass a value hash (which fails on dict fields), so reset it for each subclass.
    __hash__ = object.__hash__

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls.__hash__ = object.__hash__  # type: ignore[method-assign, assignment]
        # pydantic's own post-init resolves each private attribute's default one by one, deep
        # copies included, for every construct; ours are immutable, so one dict copy does.
        defaults = {}
        for name, attribute in cls.__private_attributes__.items():
            if attribute.default_factory is not None or not _immutable(attribute.default):
                raise TypeError(f"{cls.__name__}.{name}: a construct's private attribute "
                                "takes an immutable default")
            defaults[name] = attribute.default
        cls._private_defaults = defaults
        # pydantic wraps a class's own post-init with its private-attribute set-up; replacing
        # it would drop the class's own code, so a construct may not have one.
        own = vars(cls).get("model_post_init")
        own = getattr(own, "__wrapped__", own)
        if own is not None and own is not _init_private and not own.__module__.startswith(
                "pydantic."):
            raise TypeError(f"{cls.__name__}: a construct defines no model_post_init "
                            "(validate in a model_validator instead)")
        cls.model_post_init = _init_private  # type: ignore[method-assign, assignment]

    def __eq__(self, other: object) -> bool:
        return self is other


def _init_private(self: Construct, context: Any, /) -> None:
    """Every private attribute at its default (a construct's `model_post_init`)."""
    object.__setattr__(self, "__pydantic_private__", dict(type(self)._private_defaults))


def _immutable(value: object) -> bool:
    return value is None or isinstance(value, bool | Origin)


def _subject(cls: type[Construct], data: dict[str, Any]) -> str:
    identifier = data.get("id")
    return identifier if isinstance(identifier, str) and identifier else cls.__name__


def diagnostics_from_validation(
    exc: ValidationError, origin: Origin, subject: str, field_names: list[str]
) -> list[Diagnostic]:
    """Translate pydantic's errors into lambdakit diagnostics, one per bad field."""
    by_location: dict[str, list[Any]] = {}
    for error in exc.errors(include_url=False):
        parts = [str(part) for part in error["loc"] if not _is_union_branch(str(part))]
        by_location.setdefault(".".join(parts), []).append(error)
    diagnostics = []
    for location, errors in by_location.items():
        if len(errors) > 1 and all(e["type"] not in CODES for e in errors):
            got = errors[0].get("input")
            prefix = "Input should be "
            wanted = list(dict.fromkeys(e["msg"].removeprefix(prefix) for e in errors))
            accepted = (f"input should be {' or '.join(wanted)}"
                        if all(e["msg"].startswith(prefix) for e in errors)
                        else "no accepted type matches")
            message, hint = f"{location}: {accepted} (got {shown(got)})", ""
            code = "LK001"
        else:
            code = errors[0]["type"] if errors[0]["type"] in CODES else "LK001"
            message, hint = _describe(errors[0], location, field_names)
        diagnostics.append(Diagnostic(code, message, origin, subject, hint))
    return diagnostics


_BRANCH_TAGS = {"str", "int", "bool", "float", "dict", "list", "none", "literal"}


def _is_union_branch(part: str) -> bool:
    """pydantic names the branch of a union it tried (`str`, `is-instance[Ref]`) in the loc."""
    return part in _BRANCH_TAGS or "[" in part


def _describe(error: Any, location: str, field_names: list[str]) -> tuple[str, str]:
    kind = error["type"]
    where = f"{location}: " if location else ""
    if kind == "missing":
        return f"missing required field {location!r}", f"pass {location}=..."
    if kind == "extra_forbidden":
        return f"unknown field {location!r}", _did_you_mean(location, field_names)
    if kind in CODES:  # lambdakit's own validators may pass a hint in the error's context
        return f"{where}{error['msg']}", str((error.get("ctx") or {}).get("hint", ""))
    got = error.get("input")
    return (f"{where}{_lower_first(error['msg'])} (got {shown(got)})",
            _type_hint(kind, location, got))


def _type_hint(kind: str, location: str, got: Any) -> str:
    """Fields are strict: a number in quotes is refused, not converted. Say what to write."""
    if kind == "int_type" and isinstance(got, str) and re.fullmatch(r"-?\d+", got.strip()):
        return f"write {location}={int(got)}, without quotes: values are not converted"
    if kind == "bool_type" and isinstance(got, str) and got.strip().lower() in ("true", "false"):
        return f"write {location}={got.strip().capitalize()}: values are not converted"
    return ""


def _did_you_mean(name: str, field_names: list[str]) -> str:
    import difflib  # only when a field name is wrong

    close = difflib.get_close_matches(name, field_names, n=1)
    return f"did you mean {close[0]!r}?" if close else "check the field names in the docs"


def shown(value: object) -> str:
    """A value as an error message quotes it: a construct by its kind and id, not its repr
    (every field of it, and of what it holds)."""
    if isinstance(value, Construct):
        kind = type(value).__name__
        label = value.label()
        return kind if label == kind else f"{kind} {label!r}"
    text = repr(value)
    return text if len(text) <= 80 else f"{text[:77]}..."


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
