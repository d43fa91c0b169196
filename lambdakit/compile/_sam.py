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
        # A new version on any property change, not only CodeUri's (SAM 1.53).
        "AutoPublishAliasAllProperties": (bool, False),
    }
