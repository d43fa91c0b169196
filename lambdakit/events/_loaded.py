"""Which event families an app can be using, asked without importing any of them."""

from __future__ import annotations

import sys


def imported(*families: str) -> bool:
    """True once any of these family modules (`"sqs"`, `"rest"`...) has been imported.

    A source, an API or an authorizer exists only after its class does: while its family is not
    imported, the family's checks and compile steps have nothing to find, so they are skipped
    without importing it (or them) at all.
    """
    return any(f"lambdakit.events.{family}" in sys.modules for family in families)
