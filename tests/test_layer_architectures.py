"""Layers given by ARN and the function's architecture: an arm64 function must be told what a
layer by ARN is built for (LK407), and layers AWS publishes under names that state it are
checked without being told (LK408, LK401)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXED_DAY

from lambdakit import App, Function, Layer
from lambdakit.rules import check_app
from lambdakit.rules.public_layers import known_layer

CODE = str(Path(__file__).resolve().parent / "goldens" / "_code")
GRAPHICSMAGICK = "arn:aws:lambda:${AWS::Region}:175033217214:layer:graphicsmagick:2"
POWERTOOLS_V3 = "arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-{}:27"


def _headlines(*layers: Layer, architecture: str = "arm64",
               runtime: str = "python3.13") -> list[str]:
    fn = Function(id="Worker", handler="svc.handler.handle", code=CODE, runtime=runtime,
                  architecture=architecture, layers=list(layers))  # type: ignore[arg-type]
    return [d.headline().split(" ", 1)[1] for d in check_app(App(name="l", functions=[fn]),
                                                              FIXED_DAY)]


def test_a_layer_by_arn_on_arm64_must_state_its_architectures() -> None:
    assert _headlines(Layer.existing(arn=GRAPHICSMAGICK)) == [
        "error LK407 Worker: layer Graphicsmagick is given by ARN without its architectures, "
        "and the function runs on arm64"]
    # Declared, it is checked as any declaration is; on x86_64 nothing needs declaring.
    assert _headlines(Layer.existing(arn=GRAPHICSMAGICK, compatible_architectures=["arm64"])) \
        == []
    assert _headlines(Layer.existing(arn=GRAPHICSMAGICK,
                                     compatible_architectures=["x86_64"]))[0].startswith(
        "warning LK402 Worker: layer Graphicsmagick declares architectures x86_64, not arm64")
    assert _headlines(Layer.existing(arn=GRAPHICSMAGICK), architecture="x86_64") == []


def test_a_layer_the_app_builds_is_not_asked_for() -> None:
    assert _headlines(Layer(id="Deps", code=CODE)) == []


@pytest.mark.parametrize(("arn", "architectures", "runtimes"), [
    (POWERTOOLS_V3.format("python313-arm64"), ("arm64",), ("python3.13",)),
    (POWERTOOLS_V3.format("python312-x86_64"), ("x86_64",), ("python3.12",)),
    ("arn:aws-cn:lambda:cn-north-1:498634801083:layer:"
     "AWSLambdaPowertoolsPythonV3-python311-arm64:27", ("arm64",), ("python3.11",)),
    ("arn:aws:lambda:us-east-1:017000801446:layer:AWSLambdaPowertoolsPythonV2:79",
     ("x86_64",), ()),
    ("arn:aws:lambda:us-east-1:017000801446:layer:AWSLambdaPowertoolsPythonV2-Arm64:79",
     ("arm64",), ()),
])
def test_published_layers_are_known_by_account_and_name(
        arn: str, architectures: tuple[str, ...], runtimes: tuple[str, ...]) -> None:
    known = known_layer(arn)
    assert known is not None
    assert (known.architectures, known.runtimes) == (architectures, runtimes)


@pytest.mark.parametrize("arn", [
    # The same name in another account is not AWS's layer.
    "arn:aws:lambda:eu-west-1:123456789012:layer:AWSLambdaPowertoolsPythonV3-python313-arm64:1",
    "arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python313:27",
    GRAPHICSMAGICK,
])
def test_other_layers_are_unknown(arn: str) -> None:
    assert known_layer(arn) is None


def test_a_known_layer_needs_no_declaration_and_is_checked() -> None:
    arm = Layer.existing(arn=POWERTOOLS_V3.format("python313-arm64"))
    assert _headlines(arm) == []
    x86 = Layer.existing(arn=POWERTOOLS_V3.format("python313-x86_64"))
    [mismatch] = _headlines(x86)
    assert mismatch == ("error LK408 Worker: layer AWSLambdaPowertoolsPythonV3Python313X8664 is "
                        "Powertools for AWS Lambda (Python) v3's build for x86_64, not arm64")
    assert _headlines(x86, architecture="x86_64") == []
    [runtime] = _headlines(arm, runtime="python3.12")
    assert runtime.startswith("warning LK401 Worker: layer AWSLambdaPowertoolsPythonV3Python313"
                              "Arm64 is Powertools for AWS Lambda (Python) v3's build for "
                              "python3.13, not python3.12")


def test_a_declaration_that_contradicts_the_published_name_is_an_error() -> None:
    wrong = Layer.existing(arn=POWERTOOLS_V3.format("python313-x86_64"),
                           compatible_architectures=["arm64"])
    [headline] = _headlines(wrong)
    assert headline.startswith("error LK408 AWSLambdaPowertoolsPythonV3Python313X8664: "
                               "compatible_architectures says arm64, but Powertools for AWS "
                               "Lambda (Python) v3 publishes this layer for x86_64")


def test_the_id_comes_from_the_layer_name_whatever_the_region_and_account_are_written_as() -> None:
    assert Layer.existing(arn=GRAPHICSMAGICK).id == "Graphicsmagick"
    assert Layer.existing(
        arn="arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:layer:shared-deps:7").id == \
        "SharedDeps"
