"""A REST API (`AWS::Serverless::Api`): its one stage, auth, throttle, tracing and access logs."""

from __future__ import annotations

from typing import Any

from lambdakit.compile.events import resolve
from lambdakit.compile.events._web import access_logs, throttle, url_output
from lambdakit.compile.template import Data, Template
from lambdakit.events.rest import RestApi
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
                                    **throttle(api.throttling)}]
    if not api.without_access_logs:
        props["AccessLogSetting"] = access_logs(template, plan, api, REST_ACCESS_LOG)
    if plan.app.tags:
        props["Tags"] = dict(sorted(plan.app.tags.items()))
    skips = [CACHE_SKIP]
    if api.without_access_logs:
        skips.append({"id": "CKV_AWS_76", "comment": api.without_access_logs})
    if api.without_tracing:
        skips.append({"id": "CKV_AWS_73", "comment": api.without_tracing})
    template.add_resource(Data(api.id, {"Type": "AWS::Serverless::Api", "Properties": props,
                                        "Metadata": {"checkov": {"skip": skips}}}))
    url_output(template, api, api.stage_name)


# How compile finds what the family writes.
emit_resource = emit_rest_api
