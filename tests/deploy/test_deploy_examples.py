"""Every example deploys and is destroyed again, through the CLI, against moto's server."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from lambdakit.cli import cli
from lambdakit.deploy import Aws

# moto skips the types it does not model (AWS::S3::BucketPolicy): nothing here reads them.
pytestmark = pytest.mark.filterwarnings("ignore:Tried to parse .* not supported by moto")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.iterdir()
                                           if (p / "app.py").is_file()))
def test_the_example_deploys_and_is_destroyed(aws: Aws, project: Path, example: str) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["bootstrap"]).exit_code == 0
    app = str(EXAMPLES / example / "app.py")
    deployed = runner.invoke(cli, ["deploy", app, "--yes"])
    assert deployed.exit_code == 0, deployed.output
    stack = deployed.output.split("Deploying stack ")[1].split()[0]
    assert aws.cloudformation.describe_stacks(StackName=stack)["Stacks"][0][
        "StackStatus"] == "CREATE_COMPLETE"
    assert "No changes" in runner.invoke(cli, ["deploy", app, "--yes"]).output
    assert runner.invoke(cli, ["diff", app]).exit_code == 0
    destroyed = runner.invoke(cli, ["destroy", app, "--yes"])
    assert destroyed.exit_code == 0, destroyed.output
