"""What the APIs HTTP routes are on share (`rest.py`, `http_api.py`): an access log group, a
throttle, an output of the URL. The routes themselves are the functions' SAM events; SAM builds
each API's definition from them (`DefinitionBody` is left to it)."""

from __future__ import annotations

import json
from typing import Any

from lambdakit.compile.function import LOG_GROUP_SKIPS
from lambdakit.compile.plain import tag_list
from lambdakit.compile.template import Data, Template
from lambdakit.events import HttpApi, RestApi, Throttling
from lambdakit.plan import Plan


def access_logs(template: Template, plan: Plan, api: RestApi | HttpApi,
                 fields: dict[str, str]) -> dict[str, Any]:
    """The API's own log group, and the stage's setting that writes to it."""
    properties: dict[str, Any] = {
        "RetentionInDays": api.access_log_retention_days,
        "LogGroupName": {"Fn::Sub": f"/aws/apigateway/${{AWS::StackName}}/{api.id}"}}
    if plan.app.tags:
        properties["Tags"] = tag_list(plan.app.tags)
    template.add_resource(Data(api.access_log_group_id, {
        "Type": "AWS::Logs::LogGroup", "Properties": properties,
        "Metadata": {"checkov": {"skip": LOG_GROUP_SKIPS}}}))
    return {"DestinationArn": {"Fn::GetAtt": [api.access_log_group_id, "Arn"]},
            "Format": log_format(fields)}


def throttle(throttling: Throttling) -> dict[str, Any]:
    return {"ThrottlingRateLimit": throttling.rate, "ThrottlingBurstLimit": throttling.burst}


def url_output(template: Template, api: RestApi | HttpApi, path: str) -> None:
    [output_id] = api.output_ids()
    template.add_output(Data(output_id, {
        "Description": f"URL of {api.id}'s {api.stage_name} stage",
        "Value": {"Fn::Sub": f"https://${{{api.id}}}.execute-api.${{AWS::Region}}"
                             f".${{AWS::URLSuffix}}/{path}"}}))


def log_format(fields: dict[str, str]) -> str:
    return json.dumps(fields, separators=(",", ":"))
