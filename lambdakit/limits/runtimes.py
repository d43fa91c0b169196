"""Lambda runtimes with their deprecation and block dates, as AWS publishes them.

Dates are copied exactly from the "Supported runtimes" and "Deprecated runtimes" tables
of the Lambda runtimes page (``SOURCE``). AWS calls them forecasts "provided for planning
purposes and subject to change": re-check the page when a date is near. The text used was
AWS's own Markdown export of that page (docs.aws.amazon.com serves ``<page>.md``), in the
edition that already lists the Amazon Linux 2023 Java 8/11/17 runtimes (launched
2026-07-31), has ``provided.al2`` in the deprecated table (deprecated 2026-07-31), and
announces Node.js 26 and Python 3.15 for November 2026.

Not confirmed against AWS, so not applied: notes by third parties dated October 2026 say a
later edition lists ``nodejs26.x`` and ``python3.15`` as public preview with no dates, gives
the AL2023 Java 8/11/17 runtimes a deprecation date of Jun 30, 2029, and (one note only)
moves the block dates of several deprecated runtimes to Jul 29, 2027 / Aug 31, 2027.

Reading the dates (page section "Runtime use after deprecation"):

* ``deprecated`` - no more security patches or support; the console stops creating and
  updating such functions, the AWS CLI, AWS SAM and CloudFormation still can.
* ``block_create`` - CreateFunction is refused from this date.
* ``block_update`` - updating the code or configuration of existing functions is refused
  from this date (moving them to a supported runtime is still allowed).
* ``None`` - the page says "Not scheduled" or "N/A".

Invocations are never blocked. AWS: "For new regions, Lambda will not support runtimes
that are set to be deprecated within the next 6 months."

Architectures: the page says "All supported Lambda runtimes support both x86_64 and
arm64." Runtimes on the first Amazon Linux (``os=AL1``) are x86_64 only
(``ARCHITECTURES_AL1_SOURCE``: "Runtimes that use the Amazon Linux operating system, such
as Go 1.x, do not support the arm64 architecture"); ``nodejs10.x`` was retired before
Lambda offered arm64 and was never listed with it. For the container-only ``dotnet5.0``
and ``dotnet7`` no AWS page read states the architectures; both are recorded.

SnapStart (``SNAPSTART_SOURCE``): "Java 11 and later", "Python 3.12 and later", ".NET 8
and later", for managed runtimes and their base images; other managed runtimes and the
OS-only (``provided``) runtimes are not supported. So ``java8.al2`` and ``java8.al2023``
are False and ``java11.al2023``/``java17.al2023`` True. SnapStart also refuses provisioned
concurrency, EFS, S3 Files and ephemeral storage above 512 MB.

Families are those of the brief plus ``"go"`` for the retired ``go1.x``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

SOURCE = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html"
SNAPSTART_SOURCE = "https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html"
# 2022 edition of the Go page (AWS's former docs repo awsdocs/aws-lambda-developer-guide).
ARCHITECTURES_AL1_SOURCE = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-golang.html"

BOTH: tuple[str, ...] = ("x86_64", "arm64")
X86_ONLY: tuple[str, ...] = ("x86_64",)

AL1 = "Amazon Linux"
AL2 = "Amazon Linux 2"
AL2023 = "Amazon Linux 2023"

# Listed under "New runtime releases" with target "November 2026", not yet in either table
# of the page edition used, and already in the Lambda API's `Runtime` enum (botocore's model).
# Add them to RUNTIMES once the page gives their rows; until then they are newer than the table
# (`newer_than_table`): a warning, not an error. tests/test_runtime_sources.py holds RUNTIMES
# against botocore's enum and cfn-lint's lifecycle data, so neither drifts silently.
UPCOMING_RUNTIMES: tuple[str, ...] = ("nodejs26.x", "python3.15")
# The enum's value that names no runtime of the runtimes page: never in RUNTIMES.
NOT_RUNTIMES: tuple[str, ...] = ("custom",)

# How each family names its releases today (older names, like nodejs4.3 or dotnetcore3.1, are
# all in the table): a name of this shape that the table lacks may be a release newer than it.
FAMILY_NAMES: dict[str, re.Pattern[str]] = {
    "dotnet": re.compile(r"^dotnet\d+$"),
    "java": re.compile(r"^java\d+(\.al\d+)?$"),
    "nodejs": re.compile(r"^nodejs\d+\.x$"),
    "provided": re.compile(r"^provided\.al\d+$"),
    "python": re.compile(r"^python\d+\.\d+$"),
    "ruby": re.compile(r"^ruby\d+\.\d+$"),
}


class Runtime(NamedTuple):
    name: str                       # "python3.12"
    family: str                     # "python", "nodejs", "java", "dotnet", "ruby", "provided", "go"
    architectures: tuple[str, ...]  # ("x86_64", "arm64")
    deprecated: dt.date | None      # AWS "Deprecation date"
    block_create: dt.date | None    # "Block function create"
    block_update: dt.date | None    # "Block function update"
    snapstart: bool = False         # SnapStart supported (java11+, python3.12+, dotnet8+)
    os: str = ""                    # "Operating system" column of the page
    container_only: bool = False    # only a container base image; not valid for .zip functions


RUNTIMES: dict[str, Runtime] = {
    "dotnet10": Runtime(
        "dotnet10", "dotnet", BOTH,
        dt.date(2028, 11, 14), dt.date(2028, 12, 14), dt.date(2029, 1, 15),
        snapstart=True, os=AL2023,
    ),
    "dotnet5.0": Runtime(
        "dotnet5.0", "dotnet", BOTH,
        dt.date(2022, 5, 10), None, None,
        os=AL2, container_only=True,
    ),  # container only; page: N/A; arm64 unverified
    "dotnet6": Runtime(
        "dotnet6", "dotnet", BOTH,
        dt.date(2024, 12, 20), dt.date(2027, 2, 1), dt.date(2027, 3, 3),
        os=AL2,
    ),
    "dotnet7": Runtime(
        "dotnet7", "dotnet", BOTH,
        dt.date(2024, 5, 14), None, None,
        os=AL2, container_only=True,
    ),  # container only; page: N/A; arm64 unverified
    "dotnet8": Runtime(
        "dotnet8", "dotnet", BOTH,
        dt.date(2026, 11, 10), dt.date(2027, 2, 1), dt.date(2027, 3, 3),
        snapstart=True, os=AL2023,
    ),
    "dotnet9": Runtime(
        "dotnet9", "dotnet", BOTH,
        dt.date(2026, 11, 10), None, None,
        snapstart=True, os=AL2023, container_only=True,
    ),  # container only; page: Not scheduled
    "dotnetcore1.0": Runtime(
        "dotnetcore1.0", "dotnet", X86_ONLY,
        dt.date(2019, 6, 27), dt.date(2019, 6, 30), dt.date(2019, 7, 30),
        os=AL1,
    ),
    "dotnetcore2.0": Runtime(
        "dotnetcore2.0", "dotnet", X86_ONLY,
        dt.date(2019, 5, 30), dt.date(2019, 4, 30), dt.date(2019, 5, 30),
        os=AL1,
    ),
    "dotnetcore2.1": Runtime(
        "dotnetcore2.1", "dotnet", X86_ONLY,
        dt.date(2022, 1, 5), dt.date(2022, 1, 5), dt.date(2022, 4, 13),
        os=AL1,
    ),
    "dotnetcore3.1": Runtime(
        "dotnetcore3.1", "dotnet", BOTH,
        dt.date(2023, 4, 3), dt.date(2023, 4, 3), dt.date(2023, 5, 3),
        os=AL2,
    ),
    "go1.x": Runtime(
        "go1.x", "go", X86_ONLY,
        dt.date(2024, 1, 8), dt.date(2024, 2, 8), dt.date(2027, 3, 3),
        os=AL1,
    ),
    "java11": Runtime(
        "java11", "java", BOTH,
        dt.date(2027, 6, 30), dt.date(2027, 7, 31), dt.date(2027, 8, 31),
        snapstart=True, os=AL2,
    ),
    "java11.al2023": Runtime(
        "java11.al2023", "java", BOTH,
        None, None, None,
        snapstart=True, os=AL2023,
    ),  # page: Not scheduled
    "java17": Runtime(
        "java17", "java", BOTH,
        dt.date(2027, 6, 30), dt.date(2027, 7, 31), dt.date(2027, 8, 31),
        snapstart=True, os=AL2,
    ),
    "java17.al2023": Runtime(
        "java17.al2023", "java", BOTH,
        None, None, None,
        snapstart=True, os=AL2023,
    ),  # page: Not scheduled
    "java21": Runtime(
        "java21", "java", BOTH,
        dt.date(2029, 6, 30), dt.date(2029, 7, 31), dt.date(2029, 8, 31),
        snapstart=True, os=AL2023,
    ),
    "java25": Runtime(
        "java25", "java", BOTH,
        dt.date(2029, 6, 30), dt.date(2029, 7, 31), dt.date(2029, 8, 31),
        snapstart=True, os=AL2023,
    ),
    "java8": Runtime(
        "java8", "java", X86_ONLY,
        dt.date(2024, 1, 8), dt.date(2024, 2, 8), dt.date(2027, 3, 3),
        os=AL1,
    ),
    "java8.al2": Runtime(
        "java8.al2", "java", BOTH,
        dt.date(2027, 6, 30), dt.date(2027, 7, 31), dt.date(2027, 8, 31),
        os=AL2,
    ),
    "java8.al2023": Runtime(
        "java8.al2023", "java", BOTH,
        None, None, None,
        os=AL2023,
    ),  # page: Not scheduled
    "nodejs": Runtime(
        "nodejs", "nodejs", X86_ONLY,
        dt.date(2016, 8, 30), dt.date(2016, 9, 30), dt.date(2016, 10, 31),
        os=AL1,
    ),  # Node.js 0.10
    "nodejs10.x": Runtime(
        "nodejs10.x", "nodejs", X86_ONLY,
        dt.date(2021, 7, 30), dt.date(2021, 7, 30), dt.date(2022, 2, 14),
        os=AL2,
    ),  # retired before arm64 launched
    "nodejs12.x": Runtime(
        "nodejs12.x", "nodejs", BOTH,
        dt.date(2023, 3, 31), dt.date(2023, 3, 31), dt.date(2023, 4, 30),
        os=AL2,
    ),
    "nodejs14.x": Runtime(
        "nodejs14.x", "nodejs", BOTH,
        dt.date(2023, 12, 4), dt.date(2024, 1, 9), dt.date(2027, 3, 3),
        os=AL2,
    ),
    "nodejs16.x": Runtime(
        "nodejs16.x", "nodejs", BOTH,
        dt.date(2024, 6, 12), dt.date(2027, 2, 1), dt.date(2027, 3, 3),
        os=AL2,
    ),
    "nodejs18.x": Runtime(
        "nodejs18.x", "nodejs", BOTH,
        dt.date(2025, 9, 1), dt.date(2027, 2, 1), dt.date(2027, 3, 3),
        os=AL2,
    ),
    "nodejs20.x": Runtime(
        "nodejs20.x", "nodejs", BOTH,
        dt.date(2026, 4, 30), dt.date(2027, 2, 1), dt.date(2027, 3, 3),
        os=AL2023,
    ),
    "nodejs22.x": Runtime(
        "nodejs22.x", "nodejs", BOTH,
        dt.date(2027, 4, 30), dt.date(2027, 6, 1), dt.date(2027, 7, 1),
        os=AL2023,
    ),
    "nodejs24.x": Runtime(
        "nodejs24.x", "nodejs", BOTH,
        dt.date(2028, 4, 30), dt.date(2028, 6, 1), dt.date(2028, 7, 1),
        os=AL2023,
    ),
    "nodejs4.3": Runtime(
        "nodejs4.3", "nodejs", X86_ONLY,
        dt.date(2020, 3, 5), dt.date(2020, 2, 3), dt.date(2020, 3, 5),
        os=AL1,
    ),
    "nodejs4.3-edge": Runtime(
        "nodejs4.3-edge", "nodejs", X86_ONLY,
        dt.date(2020, 3, 5), dt.date(2019, 3, 31), dt.date(2019, 4, 30),
        os=AL1,
    ),
    "nodejs6.10": Runtime(
        "nodejs6.10", "nodejs", X86_ONLY,
        dt.date(2019, 8, 12), dt.date(2019, 7, 12), dt.date(2019, 8, 12),
        os=AL1,
    ),
    "nodejs8.10": Runtime(
        "nodejs8.10", "nodejs", X86_ONLY,
        dt.date(2020, 3, 6), dt.date(2020, 2, 4), dt.date(2020, 3, 6),
        os=AL1,
    ),
    "provided": Runtime(
        "provided", "provided", X86_ONLY,
        dt.date(2024, 1, 8), dt.date(2024, 2, 8), dt.date(2027, 3, 3),
        os=AL1,
    ),
    "provided.al2": Runtime(
        "provided.al2", "provided", BOTH,
        dt.date(2026, 7, 31), dt.date(2027, 2, 1), dt.date(2027, 3, 3),
        os=AL2,
    ),
    "provided.al2023": Runtime(
        "provided.al2023", "provided", BOTH,
        dt.date(2029, 6, 30), dt.date(2029, 7, 31), dt.date(2029, 8, 31),
        os=AL2023,
    ),
    "python2.7": Runtime(
        "python2.7", "python", X86_ONLY,
        dt.date(2021, 7, 15), dt.date(2021, 7, 15), dt.date(2022, 5, 30),
        os=AL1,
    ),
    "python3.10": Runtime(
        "python3.10", "python", BOTH,
        dt.date(2026, 10, 31), dt.date(2027, 2, 1), dt.date(2027, 3, 3),
        os=AL2,
    ),
    "python3.11": Runtime(
        "python3.11", "python", BOTH,
        dt.date(2027, 6, 30), dt.date(2027, 7, 31), dt.date(2027, 8, 31),
        os=AL2,
    ),
    "python3.12": Runtime(
        "python3.12", "python", BOTH,
        dt.date(2028, 10, 31), dt.date(2028, 11, 30), dt.date(2029, 1, 10),
        snapstart=True, os=AL2023,
    ),
    "python3.13": Runtime(
        "python3.13", "python", BOTH,
        dt.date(2029, 6, 30), dt.date(2029, 7, 31), dt.date(2029, 8, 31),
        snapstart=True, os=AL2023,
    ),
    "python3.14": Runtime(
        "python3.14", "python", BOTH,
        dt.date(2029, 6, 30), dt.date(2029, 7, 31), dt.date(2029, 8, 31),
        snapstart=True, os=AL2023,
    ),
    "python3.6": Runtime(
        "python3.6", "python", X86_ONLY,
        dt.date(2022, 7, 18), dt.date(2022, 7, 18), dt.date(2022, 8, 29),
        os=AL1,
    ),
    "python3.7": Runtime(
        "python3.7", "python", X86_ONLY,
        dt.date(2023, 12, 4), dt.date(2024, 1, 9), dt.date(2027, 3, 3),
        os=AL1,
    ),
    "python3.8": Runtime(
        "python3.8", "python", BOTH,
        dt.date(2024, 10, 14), dt.date(2027, 2, 1), dt.date(2027, 3, 3),
        os=AL2,
    ),
    "python3.9": Runtime(
        "python3.9", "python", BOTH,
        dt.date(2025, 12, 15), dt.date(2027, 2, 1), dt.date(2027, 3, 3),
        os=AL2,
    ),
    "ruby2.5": Runtime(
        "ruby2.5", "ruby", X86_ONLY,
        dt.date(2021, 7, 30), dt.date(2021, 7, 30), dt.date(2022, 3, 31),
        os=AL1,
    ),
    "ruby2.7": Runtime(
        "ruby2.7", "ruby", BOTH,
        dt.date(2023, 12, 7), dt.date(2024, 1, 9), dt.date(2027, 3, 3),
        os=AL2,
    ),
    "ruby3.2": Runtime(
        "ruby3.2", "ruby", BOTH,
        dt.date(2026, 3, 31), dt.date(2027, 2, 1), dt.date(2027, 3, 3),
        os=AL2,
    ),
    "ruby3.3": Runtime(
        "ruby3.3", "ruby", BOTH,
        dt.date(2027, 3, 31), dt.date(2027, 4, 30), dt.date(2027, 5, 31),
        os=AL2023,
    ),
    "ruby3.4": Runtime(
        "ruby3.4", "ruby", BOTH,
        dt.date(2028, 3, 31), dt.date(2028, 4, 30), dt.date(2028, 5, 31),
        os=AL2023,
    ),
    "ruby4.0": Runtime(
        "ruby4.0", "ruby", BOTH,
        dt.date(2029, 3, 31), dt.date(2029, 4, 30), dt.date(2029, 5, 31),
        os=AL2023,
    ),
}


def version_key(name: str) -> tuple[int, ...]:
    """`python3.14` → (3, 14): releases of one family in order."""
    return tuple(int(part) for part in re.findall(r"\d+", name))


def newer_than_table(name: str) -> Runtime | None:
    """The newest runtime of the table's family that `name` is a later release of, if it is
    one (`python3.15` → python3.14): AWS released it after the table was last updated. A name
    of no family, or not later than the family's newest (`python3.1`), is a mistake: None."""
    if name in RUNTIMES:
        return None
    family = next((f for f, pattern in FAMILY_NAMES.items() if pattern.match(name)), None)
    if family is None:
        return None
    newest = max((r for r in RUNTIMES.values() if r.family == family),
                 key=lambda r: version_key(r.name))
    return newest if version_key(name) > version_key(newest.name) else None
