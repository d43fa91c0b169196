"""`Layer`: a Lambda layer built from a directory of the app, or a published one by ARN.

A layer is code, not data a function is granted access to: attaching it implies no IAM
permission (Lambda reads a layer of the same account, or one shared with it, on the
function's behalf). It is a `Resource` so that ownership (`Layer.existing(arn=...)`), physical
names, logical-id clashes and `delete_with_stack` work as they do for every other resource.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath
from typing import Any, Literal

from lambdakit.limits.naming import NAME_RULES
from lambdakit.model.resources.base import Resource, pascal_id

Architecture = Literal["arm64", "x86_64"]
# The end of a layer version's ARN, `...:ACCOUNT:layer:NAME:VERSION`: read from the end, since
# the Region may be written `${AWS::Region}`, which holds colons.
LAYER_VERSION_ARN_TAIL = re.compile(
    r":(?P<account>\d{12}|\$\{AWS::AccountId\}):layer:(?P<name>[A-Za-z0-9_-]+):\d+$")


class Layer(Resource):
    """`Layer(id=..., code="layers/deps", compatible_runtimes=["python3.13"])` or
    `Layer.existing(arn="arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION")`.

    An owned layer is retained when a new version replaces it (functions deployed elsewhere may
    still name the old version); `delete_with_stack="why"` deletes old versions instead.
    """

    kind = "layer"
    resource_type = "AWS::Serverless::LayerVersion"
    service = "lambda"
    stateful = True
    name_rule = NAME_RULES["layer"]
    env_max_bytes = 140

    # The directory whose contents Lambda extracts to /opt (`python/...`, `nodejs/...`),
    # relative to the file that declares the layer.
    code: str | PurePath | None = None
    # Empty: not declared, so not checked. An existing layer may declare them too.
    compatible_runtimes: list[str] = []
    compatible_architectures: list[Architecture] = []
    description: str | None = None
    license_info: str | None = None
    # `sam build` builds the directory with this runtime's workflow (e.g. installs
    # requirements.txt); unset, the directory is packaged as it is.
    build_method: str | None = None

    @classmethod
    def existing(cls, *, arn: str | None = None, name: str | None = None,
                 id: str | None = None, **settings: Any) -> Layer:
        """A published layer version (another stack's, another account's), by its ARN with the
        version number. `compatible_runtimes`/`compatible_architectures` may be declared to
        have them checked. The default id is the layer's name (`...:layer:graphicsmagick:2` →
        `Graphicsmagick`): a function takes one version of a layer at most."""
        named = LAYER_VERSION_ARN_TAIL.search(arn or "")
        if id is None and named is not None:
            id = pascal_id(named["name"])
        return super().existing(arn=arn, name=name, id=id, **settings)

    def content_path(self) -> Path | None:
        """The content directory, relative paths resolved against the declaring file."""
        if self.code is None:
            return None
        path = Path(self.code)
        return path if path.is_absolute() else (self.origin.directory / path).resolve()
