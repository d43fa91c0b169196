"""Container-image functions: the image URI (the fields that do not apply to images are refused
when the `Function` is built, `lambdakit.model.package`)."""

from __future__ import annotations

import re

from lambdakit.limits import quotas as q
from lambdakit.model import Function
from lambdakit.rules.context import RuleContext

# A private Amazon ECR repository (Lambda takes no other registry), by tag or by digest. The
# account and region may be left to CloudFormation.
ECR_IMAGE = re.compile(
    r"^(?:\d{12}|\$\{AWS::AccountId\})\.dkr\.ecr\.(?:[a-z0-9-]+|\$\{AWS::Region\})"
    r"\.amazonaws\.com(?:\.cn)?/[a-z0-9]+(?:[._/-][a-z0-9]+)*"
    r"(?P<reference>:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$")


def check_image(ctx: RuleContext, fn: Function) -> None:
    uri = fn.image_uri
    if uri is None:
        return
    match = ECR_IMAGE.match(uri)
    if match is None:
        ctx.report("LK421", fn, f"image_uri {uri!r} is not an image in Amazon ECR",
                   "Lambda runs images from a private ECR repository of the function's region: "
                   "ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY:TAG or ...@sha256:DIGEST; "
                   f"push the image there first; see {q.LAMBDA_IMAGES}")
    elif match["reference"].startswith(":"):
        ctx.report("LK422", fn, f"image_uri names the tag {match['reference'][1:]!r}, which can "
                                "move: a deploy with the same URI does not update the function",
                   "name the image by digest (...@sha256:...), or give each build its own tag; "
                   "acknowledge LK422 if every deploy changes the tag")
