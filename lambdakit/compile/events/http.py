"""The APIs HTTP routes are on: `AWS::Serverless::Api` / `HttpApi`, each with its access log
group and an output of its URL. The routes themselves are the functions' SAM events; SAM builds
the API's definition from them (`DefinitionBody` is left to it)."""

from __future__ import annotations

import json
from typing import Any

from lambdakit.compile.events import resolve
from lambdakit.compile.function import LOG_GROUP_SKIPS
from lambdakit.compile.plain import tag_list
from lambdakit.compile.template import Data, Template
from lambdakit.events import HttpApi, RestApi, Throttling
from lambdakit.events._web import DEFAULT_STAGE
from lambdakit.plan import Plan

# Who called what, how it ended, and how long it took: JSON, one object per request.
REST_ACCESS_LOG = {
    "requestId": "$context.requestId", "extendedRequestId": "$context.extendedRequestId",
    "ip": "$context.identity.sourceIp", "caller": "$context.identity.caller",
    "user": "$context.identity.user", "requestTime": "$context.requestTime",
    "httpMethod": "$context.httpMethod", "resourcePath": "$context.resourcePath",
    "status": "$context.status", "protocol": "$context.protocol",
    "responseLength": "$context.responseLength",
    "integrationLatency": "$context.integrationLatency", "error": "$context.error.message",
}
HTTP_ACCESS_LOG = {
    "requestId": "$context.requestId", "ip": "$context.identity.sourceIp",
    "requestTime": "$context.requestTime", "httpMethod": "$context.httpMethod",
    "routeKey": "$context.routeKey", "status": "$context.status",
    "protocol": "$context.protocol", "responseLength": "$context.responseLength",
    "integrationLatency": "$context.integrationLatency",
    "error": "$context.integrationErrorMessage",
}
CACHE_SKIP = {"id": "CKV_AWS_120", "comment": "no response cache: it would serve one caller's "
                                              "response to another unless every route keys it "
                                              "by identity, and a cache cluster bills hourly"}


def emit_rest_api(template: Template, plan: Plan, api: RestApi) -> None:
    props: dict[str, Any] = {
        "StageName": api.stage_name,
        # OpenAPI 3 keeps SAM from adding a second, unconfigured stage named "Stage".
        "OpenApiVersion": "3.0",
        "EndpointConfiguration": {"Type": api.endpoint},
        "TracingEnabled": not api.without_tracing,
    }
    if api.name:
        props["Name"] = api.name
    if api.description:
        props["Description"] = api.description
    auth: dict[str, Any] = {}
    if api.auth != "none":
        # Routes name their auth one by one; the default also catches anything SAM adds.
        auth["DefaultAuthorizer"] = "AWS_IAM" if api.auth == "iam" else api.auth.name
    authorizers = plan.authorizers(api)
    if authorizers:
        auth["Authorizers"] = {a.name: resolve(a.sam_authorizer()) for a in authorizers}
    if auth:
        props["Auth"] = auth
    if api.throttling is not None:
        props["MethodSettings"] = [{"ResourcePath": "/*", "HttpMethod": "*",
                                    **_throttle(api.throttling)}]
    if not api.without_access_logs:
        props["AccessLogSetting"] = _access_logs(template, plan, api, REST_ACCESS_LOG)
    if plan.app.tags:
        props["Tags"] = dict(sorted(plan.app.tags.items()))
    skips = [CACHE_SKIP]
    if api.without_access_logs:
        skips.append({"id": "CKV_AWS_76", "comment": api.without_access_logs})
    if api.without_tracing:
        skips.append({"id": "CKV_AWS_73", "comment": api.without_tracing})
    template.add_resource(Data(api.id, {"Type": "AWS::Serverless::Api", "Properties": props,
                                        "Metadata": {"checkov": {"skip": skips}}}))
    _url_output(template, api, api.stage_name)


def emit_http_api(template: Template, plan: Plan, api: HttpApi) -> None:
    props: dict[str, Any] = {}
    if api.stage_name != DEFAULT_STAGE:
        props["StageName"] = api.stage_name
    if api.description:
        props["Description"] = api.description
    auth: dict[str, Any] = {}
    if api.auth == "iam" or any(route.effective_auth() == "iam"
                                for _, route in plan.routes(api)):
        auth["EnableIamAuthorizer"] = True
    if api.auth != "none":
        auth["DefaultAuthorizer"] = "AWS_IAM" if api.auth == "iam" else api.auth.name
    authorizers = plan.authorizers(api)
    if authorizers:
        auth["Authorizers"] = {a.name: a.sam_authorizer() for a in authorizers}
    if auth:
        props["Auth"] = auth
    if api.cors is not None:
        props["CorsConfiguration"] = api.cors.properties()
    if api.throttling is not None:
        props["DefaultRouteSettings"] = _throttle(api.throttling)
    if not api.without_access_logs:
        props["AccessLogSettings"] = _access_logs(template, plan, api, HTTP_ACCESS_LOG)
    if plan.app.tags:
        props["Tags"] = dict(sorted(plan.app.tags.items()))
    resource = Data(api.id, {"Type": "AWS::Serverless::HttpApi", "Properties": props})
    if api.without_access_logs:
        resource.data["Metadata"] = {"checkov": {"skip": [{"id": "CKV_AWS_95",
                                                           "comment": api.without_access_logs}]}}
    template.add_resource(resource)
    _url_output(template, api, "" if api.stage_name == DEFAULT_STAGE else api.stage_name)


def _access_logs(template: Template, plan: Plan, api: RestApi | HttpApi,
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
            "Format": _format(fields)}


def _throttle(throttling: Throttling) -> dict[str, Any]:
    return {"ThrottlingRateLimit": throttling.rate, "ThrottlingBurstLimit": throttling.burst}


def _url_output(template: Template, api: RestApi | HttpApi, path: str) -> None:
    [output_id] = api.output_ids()
    template.add_output(Data(output_id, {
        "Description": f"URL of {api.id}'s {api.stage_name} stage",
        "Value": {"Fn::Sub": f"https://${{{api.id}}}.execute-api.${{AWS::Region}}"
                             f".${{AWS::URLSuffix}}/{path}"}}))


def _format(fields: dict[str, str]) -> str:
    return json.dumps(fields, separators=(",", ":"))
