"""Function URLs: an HTTPS endpoint of the function itself, without an API in front.

IAM auth (SigV4) by default: callers need `lambda:InvokeFunctionUrl` in their own policies, and
no resource-based permission is written. `auth="none"` makes the URL public and needs `public=`
saying why; SAM then writes the two permissions a public URL needs, open to every principal
(that is what public means), limited to invocations through the URL.
"""

from __future__ import annotations

from typing import Any, Literal

from lambdakit.events._samples import SAMPLE_ACCOUNT, SAMPLE_REGION, sample_id, sample_uuid
from lambdakit.events._web import (
    SAMPLE_SOURCE_IP,
    SAMPLE_TIME_EPOCH_MS,
    SAMPLE_TIME_TEXT,
    Cors,
    Openness,
    sample_iam_authorizer,
)
from lambdakit.model import Binding, EventSource, Function

AUTH_TYPES = {"iam": "AWS_IAM", "none": "NONE"}


class FunctionUrl(EventSource):
    """The function's URL. `invoke_mode="RESPONSE_STREAM"` streams the response (up to
    200 MB) instead of buffering it (6 MB)."""

    invocation = "sync"

    auth: Openness = "iam"
    public: str | None = None
    cors: Cors | None = None
    invoke_mode: Literal["BUFFERED", "RESPONSE_STREAM"] = "BUFFERED"

    def default_name(self) -> str:
        return "Url"  # not an event under `Events`: a function has one URL, `<function>Url`

    def public_reason(self) -> str | None:
        return self.public

    def url_id(self, fn: Function) -> str:
        """The `AWS::Lambda::Url` SAM writes for the function."""
        return f"{fn.id}Url"

    def derived_ids(self, fn: Function) -> list[str | None]:
        # The URL, and a public URL's two permissions.
        ids: list[str | None] = [self.url_id(fn)]
        if self.auth == "none":
            ids += [f"{fn.id}UrlPublicPermissions", f"{fn.id}URLInvokeAllowPublicAccess"]
        return ids

    def outputs(self, fn: Function) -> dict[str, tuple[str, Any]]:
        # The URL's address, under the URL's own id.
        url = self.url_id(fn)
        return {url: (f"Function URL of {fn.id}", {"Fn::GetAtt": [url, "FunctionUrl"]})}

    def scanner_skips(self) -> list[dict[str, str]]:
        if self.auth != "none" or not self.public:
            return []
        # CKV_AWS_258 runs on the AWS::Lambda::Url SAM generates, which no skip reaches.
        return [{"id": "CKV_AWS_258", "comment": f"public function URL (AuthType NONE), on "
                                                 f"purpose (public=): {self.public}"}]

    def bind(self, fn: Function) -> Binding:
        config: dict[str, Any] = {"AuthType": AUTH_TYPES[self.auth],
                                  "InvokeMode": self.invoke_mode}
        if self.cors is not None:
            config["Cors"] = self.cors.properties()
        return Binding(function_properties={"FunctionUrlConfig": config})

    def sample_event(self, fn: Function) -> dict[str, Any]:
        """What a `GET /` through the URL delivers (payload format 2.0)."""
        url_id = sample_id(f"url/{fn.id}", 32)
        domain = f"{url_id}.lambda-url.{SAMPLE_REGION}.on.aws"
        context: dict[str, Any] = {
            "accountId": "anonymous" if self.auth == "none" else SAMPLE_ACCOUNT,
            "apiId": url_id, "domainName": domain, "domainPrefix": url_id,
            "http": {"method": "GET", "path": "/", "protocol": "HTTP/1.1",
                     "sourceIp": SAMPLE_SOURCE_IP, "userAgent": "lambdakit-sample"},
            "requestId": sample_uuid(f"{url_id}/request"), "routeKey": "$default",
            "stage": "$default", "time": SAMPLE_TIME_TEXT, "timeEpoch": SAMPLE_TIME_EPOCH_MS,
        }
        if self.auth == "iam":
            context["authorizer"] = sample_iam_authorizer()
        return {
            "version": "2.0", "routeKey": "$default", "rawPath": "/", "rawQueryString": "",
            "headers": {"host": domain, "user-agent": "lambdakit-sample",
                        "accept": "application/json"},
            "requestContext": context, "isBase64Encoded": False,
        }
