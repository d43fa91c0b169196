"""Diagnostics, their codes and where they point. Standard library only."""

from lambdakit.errors.codes import CODES, Code, Severity
from lambdakit.errors.collect import active_collector, collecting
from lambdakit.errors.diagnostic import (
    Diagnostic,
    LambdakitError,
    format_diagnostics,
    sort_diagnostics,
)
from lambdakit.errors.origin import UNKNOWN, Origin, capture_origin, display_path

__all__ = [
    "CODES",
    "UNKNOWN",
    "Code",
    "Diagnostic",
    "LambdakitError",
    "Origin",
    "Severity",
    "active_collector",
    "capture_origin",
    "collecting",
    "display_path",
    "format_diagnostics",
    "sort_diagnostics",
]
