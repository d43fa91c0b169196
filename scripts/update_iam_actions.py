"""Write lambdakit/iam/action_reach.json from the IAM database parliament ships (the AWS service
authorization reference as data): per service prefix, the actions that have no resource type
(IAM authorizes them only on `*`) and those of the "Permissions management" access level.

    .venv/bin/python scripts/update_iam_actions.py

tests/test_resources_trust.py checks the file against the installed database, so a newer
parliament that changes either list fails the tests until this is run again.
"""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import json
from pathlib import Path
from typing import Any

TARGET = Path(__file__).resolve().parent.parent / "lambdakit" / "iam" / "action_reach.json"


def action_reach() -> dict[str, Any]:
    text = (importlib.resources.files("parliament") / "iam_definition.json").read_text("utf-8")
    unscoped: dict[str, set[str]] = {}
    managing: dict[str, set[str]] = {}
    for service in json.loads(text):
        for privilege in service["privileges"]:
            name, prefix = privilege["privilege"], service["prefix"]
            if {t["resource_type"].rstrip("*") for t in privilege["resource_types"]} <= {""}:
                unscoped.setdefault(prefix, set()).add(name)
            if privilege["access_level"] == "Permissions management":
                managing.setdefault(prefix, set()).add(name)
    return {
        "source": f"parliament {importlib.metadata.version('parliament')} iam_definition.json",
        "unscoped": {prefix: sorted(names) for prefix, names in sorted(unscoped.items())},
        "permissions_management": {prefix: sorted(names)
                                   for prefix, names in sorted(managing.items())},
    }


def main() -> None:
    TARGET.write_text(json.dumps(action_reach(), indent=0, separators=(",", ":")) + "\n",
                      encoding="utf-8")


if __name__ == "__main__":
    main()
