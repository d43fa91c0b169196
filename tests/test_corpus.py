"""The corpus examples: real SAM templates from AWS samples, re-expressed with lambdakit.

Every case of the corpus (`shared/corpus/`, beside the repository) has an app under
`examples/<case>/`. For each one:

* it synthesises with no warning, the SAM transform and cfn-lint report nothing, and every
  `*` resource in a role carries its reason;
* its functions have the corpus's settings (runtime, handler, memory, timeout, architecture,
  physical name, environment) except for the differences listed here, each explained in the
  example's app.py;
* it holds the corpus's resources, except those that wait for a lambdakit feature;
* each function's role holds, besides logging to its own log group and X-Ray, exactly `now`,
  and `now` is within spec.md's least-privilege view (`spec`, written as lambdakit's
  catalogue words it, with the catalogue's companion actions listed apart, each with why, and
  the access a secure default needs to close one of spec.md's gaps, each with the gap).

Permissions are compared after the real SAM transform, as (action, resource) pairs. A resource
is written as the logical id whose ARN it is (`Orders`), that id plus a path (`Orders/*`,
`Fn:*`), or the ARN pattern itself (`arn:${AWS::Partition}:...`).

The corpus is read from `$LAMBDAKIT_CORPUS` (default `../shared/corpus`, relative to the
repository, where CI lays `shared/` beside its clone); where it is absent, the comparisons with its
templates are skipped on a developer's machine and fail on CI (`CI=true`), so that a corpus CI
cannot find is never a silently green run.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from helpers import (
    second_opinion_findings,
    synth_file,
    wildcard_statements_without_reason,
)

from lambdakit.check.sam import sam_transform
from lambdakit.synthesis import Synthesis

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CORPUS = Path(os.environ.get("LAMBDAKIT_CORPUS", ROOT.parent / "shared" / "corpus"))
EXECUTION_SIDS = {"WriteOwnLogs", "XRayTracing"}
PARTITION = "arn:${AWS::Partition}"

Pair = tuple[str, str]  # (action, resource)


@dataclass(frozen=True)
class Fn:
    """What one function's role may hold beyond logging and tracing."""

    now: frozenset[Pair] = frozenset()
    # spec.md's least-privilege view. Pairs not in `now` wait for a feature (or, where said,
    # the example needs less than the spec).
    spec: frozenset[Pair] = frozenset()
    # Actions the catalogue pairs with a spec action; each with the reason it comes along.
    companions: dict[Pair, str] = field(default_factory=dict)
    # Access a secure default adds to close a gap spec.md lists; each with the gap.
    gaps_closed: dict[Pair, str] = field(default_factory=dict)
    # Settings that differ from the corpus on purpose (see the example's app.py).
    settings: dict[str, Any] = field(default_factory=dict)
    env_added: frozenset[str] = frozenset()
    env_missing: frozenset[str] = frozenset()   # corpus variables waiting for a feature


@dataclass(frozen=True)
class Case:
    functions: dict[str, Fn]
    resources: frozenset[str]                  # emitted now, besides the functions' own
    corpus_ids: dict[str, str] = field(default_factory=dict)  # corpus id -> example id


def pairs(actions: list[str] | str, *resources: str) -> frozenset[Pair]:
    names = [actions] if isinstance(actions, str) else actions
    return frozenset((a, r) for a in names for r in resources)


def _table_arn(ref: str) -> str:
    return f"{PARTITION}:dynamodb:${{AWS::Region}}:${{AWS::AccountId}}:table/{ref}"


NODE24 = {"Runtime": "nodejs24.x"}  # nodejs8.10 has been blocked since 2020-02-04
KINESIS_READ = ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords",
                "kinesis:GetShardIterator", "kinesis:ListShards"]
HOOK_INVOKE = pairs("lambda:InvokeFunction", "MyFirstFunction", "MyFirstFunction:*",
                    "MySecondFunction", "MySecondFunction:*")
# The statements name the app's buckets and tables as constructs, so their ARNs are exact.
HOOK_NOW = HOOK_INVOKE | pairs(
    "s3:GetEncryptionConfiguration", "EncryptedBucket", "UnencryptedBucket",
) | pairs(
    "dynamodb:DescribeTable", "EncryptedTable", "UnencryptedTable",
) | pairs("cloudwatch:PutMetricData", "*") | pairs("config:GetComplianceDetailsByResource", "*")

# As in the corpus: the deployment groups of this stack's CodeDeploy application.
HOOK_REPORT = pairs("codedeploy:PutLifecycleEventHookExecutionStatus",
                    f"{PARTITION}:codedeploy:${{AWS::Region}}:${{AWS::AccountId}}:deploymentgroup"
                    ":${ServerlessDeploymentApplication}/*")

MAIN_DESTINATIONS = pairs("lambda:InvokeFunction", "OnSuccessLambdaFunction",
                          "OnSuccessLambdaFunction:*") | pairs("sqs:SendMessage",
                                                              "OnFailureSqsQueue")

CASES: dict[str, Case] = {
    "canary-linear-pretraffic": Case(
        functions={
            "MyFirstFunction": Fn(settings=NODE24),
            "MySecondFunction": Fn(settings=NODE24),
            "PreTrafficHook": Fn(
                now=HOOK_NOW | HOOK_REPORT,
                # spec.md grants the exact new version's ARN, which changes on every deploy; the
                # catalogue's `Fn:*` (every version and alias) stands for it.
                spec=HOOK_NOW | HOOK_REPORT
                | pairs("cloudformation:ListStackResources", "AWS::StackId"),
                # No `CodeDeployHook_` name: CodeDeploy's own role invokes exactly this hook.
                settings={**NODE24, "FunctionName": None},
                env_added=frozenset({"Namespace", "SecondFunction", "EncryptedBucket",
                                     "UnencryptedBucket", "EncryptedTable", "UnencryptedTable"}),
                env_missing=frozenset({"StackId"}),
            ),
        },
        # The corpus's implicit REST API is the explicit PublicApi, with its access log group;
        # CodeDeploy's role and rollback alarm are per function (SAM's one role is shared).
        resources=frozenset({"EncryptedBucket", "EncryptedBucketPolicy", "UnencryptedBucket",
                             "UnencryptedBucketPolicy", "EncryptedTable", "UnencryptedTable",
                             "PublicApi", "PublicApiAccessLogs",
                             "MyFirstFunctionDeploymentRole", "MyFirstFunctionDeploymentAlarm",
                             "MySecondFunctionDeploymentRole",
                             "MySecondFunctionDeploymentAlarm"}),
        corpus_ids={"myFirstFunction": "MyFirstFunction", "mySecondFunction": "MySecondFunction",
                    "preTrafficHook": "PreTrafficHook", "encryptedBucket": "EncryptedBucket",
                    "unencryptedBucket": "UnencryptedBucket", "encryptedTable": "EncryptedTable",
                    "unencryptedTable": "UnencryptedTable"},
    ),
    "destinations-lambda-sqs": Case(
        functions={
            # Both pairs come from the destination config (on_success=, on_failure=).
            "MainLambdaFunction": Fn(
                now=MAIN_DESTINATIONS, spec=MAIN_DESTINATIONS),
            "OnSuccessLambdaFunction": Fn(
                now=pairs("sqs:SendMessage", "OnFailureSqsQueue"),
                gaps_closed={("sqs:SendMessage", "OnFailureSqsQueue"):
                             "'invoked asynchronously with no failure handling': its "
                             "on_failure= delivers to the queue"}),
        },
        resources=frozenset({"OnFailureSqsQueue", "OnFailureSqsQueueDeadLetter",
                             "OnFailureSqsQueuePolicy"}),
    ),
    "function-url-iam": Case(functions={"FURLFunction": Fn()}, resources=frozenset()),
    "kinesis-bisect-onfailure": Case(
        functions={
            "KinesisDataStreamProcessor": Fn(
                # The stream read comes with the Kinesis event, SendMessage both with the
                # function's own grant and with the event's on-failure destination.
                now=pairs("sqs:SendMessage", "AnomalyDataQueue")
                | pairs(KINESIS_READ, "DataActivityKinesisStream"),
                spec=pairs("sqs:SendMessage", "AnomalyDataQueue")
                | pairs(KINESIS_READ, "DataActivityKinesisStream"),
                settings={"Handler": "kinesis_consumer_fn.lambda_handler", "CodeUri": "src"},
                env_added=frozenset({"ANOMALY_QUEUE_URL"}),
            ),
        },
        resources=frozenset({"DataActivityKinesisStream", "AnomalyDataQueue",
                             "AnomalyDataQueueDeadLetter", "AnomalyDataQueuePolicy"}),
    ),
    "layer-shared-role": Case(
        functions={"PyMySQLLayerLambdaFunction": Fn(), "PyMySQLNoLayerLambdaFunction": Fn()},
        resources=frozenset({"PyMySQLLayer"}),
    ),
    "rest-api-dynamodb": Case(
        functions={
            "LambdaFunction": Fn(
                # spec.md: PutItem on the table only (DynamoDBTable, named WeatherData).
                now=pairs("dynamodb:PutItem", "DynamoDBTable"),
                spec=pairs("dynamodb:PutItem", "DynamoDBTable"),
                # The corpus's resource-level Description is ignored by SAM; here it applies.
                settings={"Description": "Lambda function inserts data into DynamoDB table"},
                env_added=frozenset({"TABLE_NAME"}),
            ),
        },
        # The corpus's implicit REST API is the explicit WeatherApi, with its access log group.
        resources=frozenset({"DynamoDBTable", "WeatherApi", "WeatherApiAccessLogs"}),
    ),
    "s3-resize-external-layer": Case(
        functions={
            "ResizerFunction": Fn(
                now=pairs(["s3:GetObject"], "SourceBucket/*")
                | pairs("s3:ListBucket", "SourceBucket")
                | pairs(["s3:AbortMultipartUpload", "s3:PutObject"], "DestinationBucket/*")
                | pairs("sqs:SendMessage", "FailedResizes"),
                gaps_closed={("sqs:SendMessage", "FailedResizes"):
                             "'no DLQ / on-failure destination for the asynchronous S3 "
                             "invocation': its on_failure= delivers to the queue"},
                spec=pairs("s3:GetObject", "SourceBucket/*")
                | pairs("s3:PutObject", "DestinationBucket/*"),
                companions={
                    ("s3:ListBucket", "SourceBucket"):
                        "read(): without it a missing key reads as 403 instead of 404",
                    ("s3:AbortMultipartUpload", "DestinationBucket/*"):
                        "write(): lets the SDK clean up a failed multipart upload",
                },
            ),
        },
        # The read grant on the source bucket, attached once the bucket (which waits for the
        # function, to name it in its notification) exists; S3's invoke permission, naming
        # the bucket.
        resources=frozenset({"SourceBucket", "SourceBucketPolicy", "DestinationBucket",
                             "DestinationBucketPolicy", "ResizerFunctionTriggerPolicy",
                             "ResizerFunctionFileUploadPermission",
                             "FailedResizes", "FailedResizesDeadLetter",
                             "FailedResizesPolicy"}),
    ),
    "sqs-partial-batch-dlq": Case(
        functions={
            # The poller's access comes with the SQS event; the corpus's DLQ SendMessage is
            # unnecessary (spec.md) and not in the view.
            "ProcessorFunction": Fn(
                now=pairs(["sqs:ChangeMessageVisibility", "sqs:DeleteMessage",
                           "sqs:GetQueueAttributes", "sqs:ReceiveMessage"], "ProcessingQueue"),
                spec=pairs(["sqs:DeleteMessage", "sqs:GetQueueAttributes",
                            "sqs:ReceiveMessage"], "ProcessingQueue"),
                companions={("sqs:ChangeMessageVisibility", "ProcessingQueue"):
                            "consume(): lets the consumer extend a message's visibility"},
            ),
        },
        resources=frozenset({"ProcessingQueue", "ProcessingDLQ", "ProcessingQueuePolicy",
                             "ProcessingDLQPolicy"}),
    ),
}

CASE_NAMES = sorted(CASES)


@functools.cache
def synthesis(case: str) -> Synthesis:
    return synth_file(EXAMPLES / case / "app.py")


@functools.cache
def transformed(case: str) -> dict[str, Any]:
    return sam_transform(synthesis(case).template)


def resource_key(value: Any) -> str:
    """A policy resource as the test's vocabulary writes it."""
    if isinstance(value, str):
        return value
    if "Ref" in value:
        return str(value["Ref"])
    if "Fn::GetAtt" in value:
        logical_id, attribute = value["Fn::GetAtt"]
        return logical_id if attribute == "Arn" else f"{logical_id}.{attribute}"
    text = value["Fn::Sub"]
    assert isinstance(text, str), f"unexpected resource {value!r}"
    of_construct = re.fullmatch(r"\$\{(\w+)\.Arn\}(.*)", text)  # ${Orders.Arn}/index/*
    return f"{of_construct[1]}{of_construct[2]}" if of_construct else text


def role_pairs(template: dict[str, Any], role_id: str) -> tuple[set[Pair], dict[str, Any]]:
    """(action, resource) pairs beyond logging and tracing, and the execution statements."""
    role = template["Resources"][role_id]
    found: set[Pair] = set()
    execution: dict[str, Any] = {}
    # The role's own inline policies, and those attached to it as resources of their own (access
    # to a resource created after the function, such as the bucket that notifies it).
    attached = [resource["Properties"] for resource in template["Resources"].values()
                if resource["Type"] == "AWS::IAM::Policy"
                and {"Ref": role_id} in resource["Properties"]["Roles"]]
    for policy in [*role["Properties"]["Policies"], *attached]:
        for statement in policy["PolicyDocument"]["Statement"]:
            assert statement["Effect"] == "Allow"
            if statement.get("Sid") in EXECUTION_SIDS:
                execution[statement["Sid"]] = statement
                continue
            actions = statement["Action"]
            resources = statement["Resource"]
            for action in actions if isinstance(actions, list) else [actions]:
                for resource in resources if isinstance(resources, list) else [resources]:
                    found.add((action, resource_key(resource)))
    return found, execution


def corpus_dir(path: Path = CORPUS) -> Path:
    """The corpus; skip the test without it, except on CI, where that is a failure."""
    if not path.is_dir():
        message = f"the corpus is not at {path} (set LAMBDAKIT_CORPUS)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def test_a_missing_corpus_fails_on_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    missing = tmp_path / "no-corpus"
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="the corpus is not at"):
        corpus_dir(missing)
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        corpus_dir(missing)
    assert corpus_dir(tmp_path) == tmp_path


def test_the_corpus_is_found_beside_the_repository() -> None:
    """The default needs no machine's absolute path: CI clones the repo beside `shared/`."""
    if "LAMBDAKIT_CORPUS" not in os.environ:
        assert ROOT.parent / "shared" / "corpus" == CORPUS
    corpus_dir()


def test_every_corpus_case_has_an_example() -> None:
    assert sorted(p.parent.name for p in EXAMPLES.glob("*/app.py")
                  if p.parent.name != "quickstart") == CASE_NAMES
    assert sorted(p.name for p in corpus_dir().iterdir() if p.is_dir()) == CASE_NAMES


@pytest.mark.parametrize("case", CASE_NAMES)
def test_synthesises_clean(case: str) -> None:
    result = synthesis(case)
    assert result.warnings == []
    assert second_opinion_findings(result.template, result.origins) == []
    assert wildcard_statements_without_reason(result.template) == []


@pytest.mark.parametrize("case", CASE_NAMES)
def test_holds_the_corpus_resources(case: str) -> None:
    expected = CASES[case]
    resources = synthesis(case).template["Resources"]
    own = {f"{fn}{suffix}" for fn in expected.functions for suffix in ("", "Role", "LogGroup")}
    assert set(resources) - own == expected.resources
    assert own <= set(resources)
    # One role per function, no other role (the corpus's shared roles are not reproduced)
    # but CodeDeploy's for each gradually deployed function.
    roles = {lid for lid, r in transformed(case)["Resources"].items()
             if r["Type"] == "AWS::IAM::Role"}
    assert roles == {f"{fn}Role" for fn in expected.functions} | {
        r for r in expected.resources if r.endswith("DeploymentRole")}


@pytest.mark.parametrize("case", CASE_NAMES)
def test_iam_is_within_the_least_privilege_view(case: str) -> None:
    template = transformed(case)
    for fn, expected in CASES[case].functions.items():
        held, execution = role_pairs(template, f"{fn}Role")
        assert held == expected.now, fn
        allowed = expected.spec | set(expected.companions) | set(expected.gaps_closed)
        assert held <= allowed, f"{fn} holds more than spec.md: {sorted(held - allowed)}"
        # Logging only to the function's own log group; X-Ray on '*' (no resource type).
        assert execution["WriteOwnLogs"]["Resource"] == [{"Fn::GetAtt": [f"{fn}LogGroup",
                                                                        "Arn"]}]
        assert execution["XRayTracing"]["Resource"] == ["*"]
        assert not template["Resources"][f"{fn}Role"]["Properties"].get("ManagedPolicyArns")


# --- the corpus's own templates, where present: same functions, same settings --------------

SAM_DEFAULTS = {"MemorySize": 128, "Timeout": 3, "Architectures": ["x86_64"]}
COMPARED = ("Runtime", "Handler", "MemorySize", "Timeout", "Architectures", "FunctionName",
            "Description", "CodeUri", "Tags")


def corpus_functions(case: str) -> dict[str, dict[str, Any]]:
    from cfn_tools import load_yaml

    template = load_yaml((corpus_dir() / case / "template.yaml").read_text())
    globals_ = dict(template.get("Globals", {}).get("Function", {}))
    found = {}
    for logical_id, resource in template["Resources"].items():
        if resource["Type"] == "AWS::Serverless::Function":
            found[logical_id] = {**SAM_DEFAULTS, **globals_, **resource["Properties"]}
    return found


@pytest.mark.parametrize("case", CASE_NAMES)
def test_functions_match_the_corpus(case: str) -> None:
    expected = CASES[case]
    resources = synthesis(case).template["Resources"]
    corpus = corpus_functions(case)
    ids = {expected.corpus_ids.get(lid, lid): lid for lid in corpus}
    assert set(ids) == set(expected.functions)
    for fn, corpus_id in ids.items():
        mine = resources[fn]["Properties"]
        theirs = {k: corpus[corpus_id].get(k) for k in COMPARED}
        theirs["CodeUri"] = str(theirs["CodeUri"]).rstrip("/")
        theirs.update(expected.functions[fn].settings)
        ours = {k: mine.get(k) for k in theirs}
        ours["CodeUri"] = Path(mine["CodeUri"]).name
        assert ours == theirs, fn
        corpus_env = set(corpus[corpus_id].get("Environment", {}).get("Variables", {}))
        own_env = set(mine.get("Environment", {}).get("Variables", {}))
        spec = expected.functions[fn]
        assert own_env == (corpus_env - spec.env_missing) | spec.env_added, fn


@pytest.mark.parametrize("case", CASE_NAMES)
def test_routes_and_urls_match_the_corpus(case: str) -> None:
    """Every API route and function URL of the corpus is in the example: same method and path
    (on an explicit API: lambdakit never uses SAM's implicit one), same URL auth type."""
    expected = CASES[case]
    resources = synthesis(case).template["Resources"]
    for corpus_id, corpus_fn in corpus_functions(case).items():
        mine = resources[expected.corpus_ids.get(corpus_id, corpus_id)]["Properties"]
        routes = {(e["Type"], e["Properties"]["Method"].upper(), e["Properties"]["Path"])
                  for e in corpus_fn.get("Events", {}).values()
                  if e["Type"] in ("Api", "HttpApi")}
        own = {(e["Type"], e["Properties"]["Method"], e["Properties"]["Path"])
               for e in mine.get("Events", {}).values() if e["Type"] in ("Api", "HttpApi")}
        assert own == routes, corpus_id
        assert all("RestApiId" in e["Properties"] or "ApiId" in e["Properties"]
                   for e in mine.get("Events", {}).values() if e["Type"] in ("Api", "HttpApi"))
        url = corpus_fn.get("FunctionUrlConfig")
        assert (mine.get("FunctionUrlConfig", {}).get("AuthType")
                == (url or {}).get("AuthType")), corpus_id
