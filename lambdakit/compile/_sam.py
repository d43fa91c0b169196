"""Where troposphere's SAM classes lag the SAM and Lambda specifications, the gaps are patched
here, and only here. (Functions are compiled to plain data: `compile.function`.)"""

from __future__ import annotations

from typing import ClassVar

from troposphere import serverless


class SamApi(serverless.Api):  # type: ignore[misc]
    """`AWS::Serverless::Api`: troposphere's `Auth` types know a fixed set of authorizer names
    and no Lambda authorizer `Identity`; lambdakit builds the block itself, SAM validates it."""

    props: ClassVar = {**serverless.Api.props, "Auth": (dict, False)}


class SamHttpApi(serverless.HttpApi):  # type: ignore[misc]
    """`AWS::Serverless::HttpApi`, with `Auth` as a plain block (as for `SamApi`)."""

    props: ClassVar = {**serverless.HttpApi.props, "Auth": (dict, False),
                       "CorsConfiguration": (dict, False)}
