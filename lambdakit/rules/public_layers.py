"""Layers AWS publishes whose architecture (and runtime) their name states, so that a function
using one by ARN is checked without the user declaring them.

Covered, each matched by publishing account and exact name shape (a layer of the same name in
another account is not theirs, so it is not assumed to be):

- Powertools for AWS Lambda (Python) v3 (``POWERTOOLS_V3_SOURCE``):
  ``AWSLambdaPowertoolsPythonV3-{python_version}-{x86_64|arm64}``, published by account
  017000801446 in the commercial Regions and 498634801083 in China (cn-north-1). The name
  gives the architecture and the Python runtime (``python313`` is ``python3.13``).
- Powertools for AWS Lambda (Python) v2 (``POWERTOOLS_V2_SOURCE``): ``AWSLambdaPowertoolsPythonV2``
  for x86_64 and ``AWSLambdaPowertoolsPythonV2-Arm64`` for arm64, account 017000801446.

Anything else given by ARN is unknown: a function on arm64 must be told its architectures
(LK407), since Lambda attaches an x86_64-only layer to an arm64 function and the first invoke
fails to load its native code.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lambdakit.model.layer import LAYER_VERSION_ARN_TAIL

POWERTOOLS_V3_SOURCE = "https://docs.aws.amazon.com/powertools/python/latest/#lambda-layer"
POWERTOOLS_V2_SOURCE = "https://docs.aws.amazon.com/powertools/python/2.34.1/#lambda-layer"



class PublicLayer(NamedTuple):
    publisher: str
    accounts: frozenset[str]
    name: re.Pattern[str]  # groups: `architecture`, and `python` (e.g. "313") where it says
    source: str
    architecture: str = ""  # when the name has no `architecture` group


class KnownLayer(NamedTuple):
    publisher: str
    architectures: tuple[str, ...]
    runtimes: tuple[str, ...]  # empty: the name does not say
    source: str


PUBLIC_LAYERS: tuple[PublicLayer, ...] = (
    PublicLayer("Powertools for AWS Lambda (Python) v3",
                frozenset({"017000801446", "498634801083"}),
                re.compile(r"^AWSLambdaPowertoolsPythonV3-python3(?P<python>\d+)-"
                           r"(?P<architecture>x86_64|arm64)$"), POWERTOOLS_V3_SOURCE),
    PublicLayer("Powertools for AWS Lambda (Python) v2", frozenset({"017000801446"}),
                re.compile(r"^AWSLambdaPowertoolsPythonV2$"), POWERTOOLS_V2_SOURCE, "x86_64"),
    PublicLayer("Powertools for AWS Lambda (Python) v2", frozenset({"017000801446"}),
                re.compile(r"^AWSLambdaPowertoolsPythonV2-Arm64$"), POWERTOOLS_V2_SOURCE,
                "arm64"),
)


def known_layer(arn: str) -> KnownLayer | None:
    """What the layer version's ARN says about it, if AWS publishes it under that name."""
    match = LAYER_VERSION_ARN_TAIL.search(arn)
    if match is None:
        return None
    for public in PUBLIC_LAYERS:
        named = public.name.match(match["name"])
        if named is None or match["account"] not in public.accounts:
            continue
        groups = named.groupdict()
        architecture = groups.get("architecture") or public.architecture
        python = groups.get("python")
        return KnownLayer(public.publisher, (architecture,),
                          (f"python3.{python}",) if python else (), public.source)
    return None
