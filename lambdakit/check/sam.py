"""The real SAM transform (aws-sam-translator), offline: no AWS call, a fixed region.

lambdakit attaches no managed policies, so the managed-policy map is empty and IAM is never asked.
"""

from __future__ import annotations

import copy
import functools
import logging
import re
from typing import Any

DEFAULT_REGION = "us-east-1"
PACKAGE_BUCKET = "lambdakit-validate"
PACKAGED_PROPERTIES = {
    "AWS::Serverless::Function": ("CodeUri",),
    "AWS::Serverless::LayerVersion": ("ContentUri",),
}


class SamTransformError(Exception):
    def __init__(self, causes: list[tuple[str, str]]) -> None:
        self.causes = causes  # (logical id or "", message)
        super().__init__("; ".join(message for _, message in causes))


def sam_transform(template: dict[str, Any], region: str = DEFAULT_REGION) -> dict[str, Any]:
    """The CloudFormation template SAM would deploy, or `SamTransformError` with its reasons."""
    from samtranslator.model.exceptions import InvalidDocumentException
    from samtranslator.parser.parser import Parser
    from samtranslator.translator.arn_generator import ArnGenerator
    from samtranslator.translator.translator import Translator

    logging.getLogger("samtranslator").setLevel(logging.ERROR)
    ArnGenerator.BOTO_SESSION_REGION_NAME = region
    translator = Translator(None, Parser(), boto_session=_session(region))
    try:
        result = translator.translate(as_packaged(template), parameter_values={},
                                      get_managed_policy_map=dict)
    except InvalidDocumentException as exc:
        causes = [(_logical_id(cause), str(cause.message)) for cause in exc.causes]
        raise SamTransformError(causes) from None
    return dict(result)


def as_packaged(template: dict[str, Any]) -> dict[str, Any]:
    """What `sam package` hands CloudFormation: local code paths replaced by S3 locations."""
    packaged = copy.deepcopy(template)
    for logical_id, resource in packaged.get("Resources", {}).items():
        properties = resource.get("Properties", {})
        for key in PACKAGED_PROPERTIES.get(resource.get("Type", ""), ()):
            value = properties.get(key)
            if isinstance(value, str) and not value.startswith("s3://"):
                properties[key] = f"s3://{PACKAGE_BUCKET}/{logical_id}.zip"
    return packaged


def _logical_id(cause: Any) -> str:
    found = getattr(cause, "logical_id", None) or getattr(cause, "_logical_id", None)
    if found:
        return str(found)
    match = re.search(r"Resource with id \[(\w+)\]", str(getattr(cause, "message", cause)))
    return match.group(1) if match else ""


@functools.cache
def _session(region: str) -> Any:
    """One boto3 session per region: building one is slow, and it makes no call."""
    import boto3

    return boto3.session.Session(region_name=region)
