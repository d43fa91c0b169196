"""An HTTP API (`AWS::Serverless::HttpApi`): its stage, auth, CORS, throttle and access logs."""

from __future__ import annotations

from typing import Any

from lambdakit.compile.events._web import access_logs, throttle, url_output
from lambdakit.compile.template import Data, Template
from lambdakit.events._web import DEFAULT_STAGE
from lambdakit.events.http_api import HttpApi
from lambdakit.plan import Plan

# Who called what, how it ended, and how long it took: JSON, one object per request.
HTTP_ACCESS_LOG = {
    "requestId": "$context.requestId", "ip": "$context.identity.sourceIp",
    "requestTime": "$context.requestTime", "httpMethod": "$context.httpMethod",
    "routeKey": "$context.routeKey", "status": "$context.status",
    "protocol": "$context.protocol", "responseLength": "$context.responseLength",
    "integrationLatency": "$context.integrationLatency",
    "error": "$context.integrationErrorMessage",
}


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
        props["DefaultRouteSettings"] = throttle(api.throttling)
    if not api.without_access_logs:
        props["AccessLogSettings"] = access_logs(template, plan, api, HTTP_ACCESS_LOG)
    if plan.app.tags:
        props["Tags"] = dict(sorted(plan.app.tags.items()))
    resource = Data(api.id, {"Type": "AWS::Serverless::HttpApi", "Properties": props})
    if api.without_access_logs:
        resource.data["Metadata"] = {"checkov": {"skip": [{"id": "CKV_AWS_95",
                                                           "comment": api.without_access_logs}]}}
    template.add_resource(resource)
    url_output(template, api, "" if api.stage_name == DEFAULT_STAGE else api.stage_name)


# How compile finds what the family writes.
emit_resource = emit_http_api
