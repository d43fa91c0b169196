"""checkov fails no check on any golden template or example that lambdakit gives no reason for.

Where lambdakit consciously does not meet a scanner rule, it writes the reason into the
resource's Metadata (`checkov: skip: [{id, comment}]`), and checkov reports the check as skipped
with that comment. Every other failed check is a gap: it is listed in `KNOWN_GAPS` below, with
what to do about it, until lambdakit meets the check or writes its reason.

checkov pins its own boto3 and friends, so it lives in a virtualenv of its own: `.ci/run` makes
one and exports `LAMBDAKIT_CHECKOV`, the path of its `checkov`. Without it the tests are skipped,
except on CI (`CI=true`), where they fail: CI must not skip them silently.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cfn_flip
import pytest
from helpers import synth_file

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
GOLDENS = TESTS / "goldens"
EXAMPLES = ROOT / "examples"

# check id → (resource types it may fail on, what to do). Each entry is a gap the team closes by
# meeting the check in lambdakit/compile, or by writing a reason into the resource's Metadata;
# then the entry must go (`test_known_gaps_are_still_gaps` says so).
KNOWN_GAPS: dict[str, tuple[frozenset[str], str]] = {}

# Metadata skips of checks checkov does not run on CloudFormation (it has them for Terraform
# only, as of checkov 3.3.30): harmless, but nothing reads them. Any other skip that checkov
# neither honours nor runs is a typo'd check id.
SKIPS_CHECKOV_DOES_NOT_RUN = {
    "CKV_AWS_144": "S3 cross-region replication: Terraform only (aws_s3_bucket)",
    "CKV_AWS_145": "S3 default encryption with KMS: Terraform only (aws_s3_bucket)",
    # Run on what SAM generates, not on the SAM resource that carries the skip: the transformed
    # scan (test_after_the_transform_...) holds each failure there against it.
    "CKV_AWS_258": "function URL auth: run on AWS::Lambda::Url, which SAM generates from "
                   "FunctionUrlConfig",
}


def _templates() -> list[str]:
    """Names of the scanned templates: every golden file, and every example synthesised."""
    goldens = sorted(p.name for p in GOLDENS.iterdir() if p.suffix in {".yaml", ".json"})
    examples = sorted(f"example-{p.parent.name}.yaml" for p in EXAMPLES.glob("*/app.py"))
    return goldens + examples


@dataclass
class Scan:
    """checkov's results for one template, and the template's Metadata skips."""

    template: dict[str, Any]
    # (check id, "Type.LogicalId") by result: "passed", "failed", "skipped"
    results: dict[str, set[tuple[str, str]]] = field(
        default_factory=lambda: defaultdict(set))
    comments: dict[tuple[str, str], str] = field(default_factory=dict)

    def metadata_skips(self) -> Iterator[tuple[str, str, str]]:
        """(check id, "Type.LogicalId", comment) for each skip written into the template."""
        for logical_id, resource in self.template.get("Resources", {}).items():
            for skip in resource.get("Metadata", {}).get("checkov", {}).get("skip", []):
                yield skip["id"], f"{resource['Type']}.{logical_id}", skip.get("comment", "")


def _checkov() -> str:
    checkov = os.environ.get("LAMBDAKIT_CHECKOV")
    if not checkov:
        message = ("LAMBDAKIT_CHECKOV is not set: install checkov into a virtualenv of its own "
                   "(see .ci/run) and point LAMBDAKIT_CHECKOV at its checkov")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; CI must run these tests, not skip them")
        pytest.skip(message)
    if shutil.which(checkov) is None:
        pytest.fail(f"LAMBDAKIT_CHECKOV={checkov} is not an executable")
    return checkov


def _run_checkov(templates: dict[str, str], directory: Path) -> dict[str, Scan]:
    """One checkov run over a directory holding each template (its text, by file name)."""
    checkov = _checkov()
    found: dict[str, Scan] = {}
    for name, text in templates.items():
        (directory / name).write_text(text, encoding="utf-8")
        found[name] = Scan(cfn_flip.load(text)[0])
    # No network: --skip-download keeps checkov from fetching guidelines from Prisma Cloud.
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    run = subprocess.run(
        [checkov, "-d", str(directory), "--framework", "cloudformation", "-o", "json",
         "--skip-download"],
        capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode in (0, 1), run.stderr  # 1: some check failed
    report = json.loads(run.stdout)
    reports = report if isinstance(report, list) else [report]
    for part in reports:
        assert part["check_type"] == "cloudformation"
        results = part.get("results", {})
        assert results.get("parsing_errors", []) == []
        for kind in ("passed", "failed", "skipped"):
            for check in results.get(f"{kind}_checks", []):
                scan = found[Path(check["file_path"]).name]
                key = (check["check_id"], check["resource"])
                scan.results[kind].add(key)
                if kind == "skipped":
                    scan.comments[key] = check["check_result"].get("suppress_comment", "")
    return found


def _source_text(name: str) -> str:
    if name.startswith("example-"):
        app = EXAMPLES / name.removeprefix("example-").removesuffix(".yaml") / "app.py"
        return synth_file(app).text
    return (GOLDENS / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Scan]:
    """One checkov run over a directory of every golden and every synthesised example."""
    return _run_checkov({name: _source_text(name) for name in _templates()},
                        tmp_path_factory.mktemp("checkov"))


@pytest.fixture(scope="module")
def transformed_scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Scan]:
    """The same templates after the real SAM transform: what CloudFormation deploys, and what
    a scanner of the deployed stack sees. Keyed by the source template's name."""
    _checkov()  # skip (or fail on CI) before paying for the transforms
    from lambdakit.check.sam import sam_transform

    # JSON is YAML: each file keeps its source's name.
    templates = {name: json.dumps(sam_transform(cfn_flip.load(_source_text(name))[0]))
                 for name in _templates()}
    return _run_checkov(templates, tmp_path_factory.mktemp("checkov-transformed"))


@pytest.mark.parametrize("name", _templates())
def test_no_check_fails_without_a_reason(name: str, scans: dict[str, Scan]) -> None:
    scan = scans[name]
    assert scan.results["passed"], f"checkov ran no check on {name}"
    unexplained = sorted(
        f"{check_id} on {resource}" for check_id, resource in scan.results["failed"]
        if resource.split(".")[0] not in KNOWN_GAPS.get(check_id, (frozenset(), ""))[0])
    assert unexplained == [], (
        "meet these checks in lambdakit/compile, or write the reason into the resource's "
        "Metadata (checkov: skip)")


@pytest.mark.parametrize("name", _templates())
def test_checkov_honours_every_metadata_skip(name: str, scans: dict[str, Scan]) -> None:
    """Each reason lambdakit writes is one checkov reads: the check is reported skipped, with
    that comment, never passed or failed; a skip checkov never runs is a wrong check id."""
    scan = scans[name]
    problems = []
    for check_id, resource, comment in scan.metadata_skips():
        key = (check_id, resource)
        if not comment.strip():
            problems.append(f"{check_id} on {resource}: no comment")
        if key in scan.results["skipped"]:
            if scan.comments[key] != comment:
                problems.append(f"{check_id} on {resource}: checkov shows another comment")
        elif key in scan.results["passed"] | scan.results["failed"]:
            problems.append(f"{check_id} on {resource}: checkov ran it despite the skip")
        elif check_id not in SKIPS_CHECKOV_DOES_NOT_RUN:
            problems.append(f"{check_id} on {resource}: checkov has no such check for it")
    assert problems == []


@pytest.mark.parametrize("name", _templates())
def test_after_the_transform_each_failure_is_one_its_source_explains(
        name: str, scans: dict[str, Scan], transformed_scans: dict[str, Scan]) -> None:
    """SAM copies no Metadata onto most of what it generates (a REST API's Stage, a function's
    URL), so a check that lambdakit explains on the SAM resource runs again on the generated
    one, where no skip can reach. Every check that fails after the transform must be one that
    the resource it came from (the one whose logical id its own id extends) skips with a
    reason; anything else is a finding of the deployed stack that nothing explains."""
    source = scans[name]
    skipped = {(check_id, resource.split(".", 1)[1])
               for check_id, resource, _ in source.metadata_skips()}
    ids = sorted(source.template["Resources"], key=len, reverse=True)
    unexplained = []
    for check_id, resource in sorted(transformed_scans[name].results["failed"]):
        logical_id = resource.split(".", 1)[1]
        origin = next((i for i in ids if logical_id.startswith(i)), None)
        if (check_id, origin) not in skipped:
            unexplained.append(f"{check_id} on {resource} (from {origin})")
    assert transformed_scans[name].results["passed"], f"checkov ran no check on {name}"
    assert unexplained == []


def test_known_gaps_are_still_gaps(scans: dict[str, Scan]) -> None:
    """A gap that no longer fails anywhere is closed: remove it from KNOWN_GAPS."""
    failing = {check_id for scan in scans.values() for check_id, _ in scan.results["failed"]}
    assert set(KNOWN_GAPS) - failing == set()


def test_skips_checkov_does_not_run_are_still_written(scans: dict[str, Scan]) -> None:
    written = {check_id for scan in scans.values() for check_id, _, _ in scan.metadata_skips()}
    assert set(SKIPS_CHECKOV_DOES_NOT_RUN) - written == set()
