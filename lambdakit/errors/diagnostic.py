"""Compiler-style diagnostics and the one exception that carries them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lambdakit.errors.codes import CODES, Severity
from lambdakit.errors.origin import UNKNOWN, Origin, display_path


@dataclass(frozen=True)
class Diagnostic:
    """One finding: `app.py:12: error LK104 OrderWorker: timeout must be ≤ 900 s (got 1200)`."""

    code: str
    message: str
    origin: Origin = UNKNOWN
    subject: str = ""
    hint: str = ""

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise KeyError(f"unregistered diagnostic code {self.code}")

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def headline(self) -> str:
        subject = f"{self.subject}: " if self.subject else ""
        return f"{self.origin.display()}: {self.severity.value} {self.code} {subject}{self.message}"

    def format(self) -> str:
        lines = [self.headline()]
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        lines.append(f"  see: {CODES[self.code].anchor}")
        return "\n".join(lines)

    def sort_key(self) -> tuple[str, int, str, str, str]:
        # The path alone, not `display()`: "app.py:12" sorts before "app.py:3" as text.
        return (display_path(self.origin.file), self.origin.line, self.code, self.subject,
                self.message)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sorted by place then code, duplicates removed: the order users read them in."""
    return sorted(set(diagnostics), key=Diagnostic.sort_key)


def format_diagnostics(diagnostics: Iterable[Diagnostic]) -> str:
    ordered = sort_diagnostics(diagnostics)
    errors = sum(d.is_error for d in ordered)
    warnings = len(ordered) - errors
    body = "\n".join(d.format() for d in ordered)
    return f"{body}\n{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


class LambdakitError(Exception):
    """Raised with every diagnostic of a run; `str()` is the full compiler-style report."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = sort_diagnostics(diagnostics)
        super().__init__(format_diagnostics(self.diagnostics))
