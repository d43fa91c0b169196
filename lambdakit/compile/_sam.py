"""Where troposphere's SAM classes lag the SAM and Lambda specifications, the gaps are patched
here, and only here."""

from __future__ import annotations

from typing import ClassVar

from troposphere import awslambda, serverless


class LoggingConfig(awslambda.LoggingConfig):  # type: ignore[misc]
    """Lambda's `LoggingConfig`; troposphere 4.11 lacks `LogFormat`."""

    props: ClassVar = {**awslambda.LoggingConfig.props, "LogFormat": (str, False)}


class SamFunction(serverless.Function):  # type: ignore[misc]
    """`AWS::Serverless::Function` with the pass-through properties troposphere lacks."""

    props: ClassVar = {
        **serverless.Function.props,
        "LoggingConfig": (LoggingConfig, False),
        "RecursiveLoop": (str, False),  # passed through by SAM to AWS::Lambda::Function
        # troposphere's lacks InvokeMode (response streaming).
        "FunctionUrlConfig": (dict, False),
        # troposphere 4.11 refuses the S3Bucket destination type SAM and Lambda accept.
        "EventInvokeConfig": (dict, False),
        # A new version on any property change, not only CodeUri's (SAM 1.53).
        "AutoPublishAliasAllProperties": (bool, False),
        # The function's tags on what SAM generates for it too (SAM 1.87).
        "PropagateTags": (bool, False),
    }


class SamApi(serverless.Api):  # type: ignore[misc]
    """`AWS::Serverless::Api`: troposphere's `Auth` types know a fixed set of authorizer names
    and no Lambda authorizer `Identity`; lambdakit builds the block itself, SAM validates it."""

    props: ClassVar = {**serverless.Api.props, "Auth": (dict, False)}


class SamHttpApi(serverless.HttpApi):  # type: ignore[misc]
    """`AWS::Serverless::HttpApi`, with `Auth` as a plain block (as for `SamApi`)."""

    props: ClassVar = {**serverless.HttpApi.props, "Auth": (dict, False),
                       "CorsConfiguration": (dict, False)}
