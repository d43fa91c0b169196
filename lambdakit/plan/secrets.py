"""What a secret looks like in a value, whatever the variable holding it is called.

Only shapes that ordinary values never take: a vendor's token prefix of a fixed form, a PEM
private-key block, a JWT, a URL with a password. ARNs, plain URLs, UUIDs and hex digests
match none of them."""

from __future__ import annotations

import re

# (what it is, its shape). Prefixes are the vendors' own: each token kind begins with it.
TOKEN_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an AWS access key id", re.compile(r"(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])")),
    ("a GitHub token",
     re.compile(r"(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})")),
    ("a Slack token", re.compile(r"(?<![A-Za-z0-9])xox[abpr]-[A-Za-z0-9-]{10,}")),
    ("a Stripe live key", re.compile(r"(?<![A-Za-z0-9])[sr]k_live_[A-Za-z0-9]{16,}")),
    ("a Google API key", re.compile(r"(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])")),
    ("a private key", re.compile(r"-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----")),
    # Header and payload are base64url JSON objects, so both begin with `{"` → `eyJ`.
    ("a JSON Web Token",
     re.compile(r"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+")),
)
# `scheme://[user]:password@host`; the user may be empty (`redis://:password@host`).
CREDENTIALS_IN_URL = re.compile(
    r"[A-Za-z][A-Za-z0-9+.-]*://[^/?#\s:@]*:(?P<password>[^/?#\s@]+)@")
# A password slot left to be filled at run time (`{password}`, `${PW}`, `<password>`, `%s`,
# `****`) holds nothing secret yet.
PLACEHOLDER = re.compile(r"\$?\{[^}]*\}|<[^>]*>|%s|\*+")
# CloudFormation dynamic references that resolve to the secret's plain text at deploy time.
RESOLVED_SECRET = re.compile(r"\{\{resolve:(secretsmanager|ssm-secure):")


def secret_shape(value: str) -> str | None:
    """What kind of secret `value` holds, judged by its shape alone; None when it holds none."""
    for kind, shape in TOKEN_SHAPES:
        if shape.search(value):
            return kind
    for match in CREDENTIALS_IN_URL.finditer(value):
        if not PLACEHOLDER.fullmatch(match["password"]):
            return "a URL with a password"
    return None


def resolved_secret(value: str) -> str | None:
    """The service (`secretsmanager`, `ssm-secure`) of a dynamic reference in `value` that
    CloudFormation replaces with the secret's plain text; None when there is none."""
    match = RESOLVED_SECRET.search(value)
    return match[1] if match else None


# Variable names that hold a secret, when their value is a literal.
SECRET_NAME = re.compile(
    r"(^|_)(PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|SECRET_?KEY"
    r"|CREDENTIALS?|AUTH_?KEY|SIGNING_?KEY|CLIENT_?SECRET)(_|$)",
    re.IGNORECASE,
)
# Names that describe where a secret lives, or a setting about it, not the secret itself.
POINTER_NAME = re.compile(
    r"_(ARN|NAME|ID|PATH|PARAM|PARAMETER|TABLE|BUCKET|QUEUE|TOPIC|REGION|ENDPOINT|URL|TTL"
    r"|SECONDS|ENABLED|HEADER)$",
    re.IGNORECASE,
)
# A value that points at a secret rather than holding it.
REFERENCE_VALUE = re.compile(r"^(arn:|\{\{resolve:|/|ssm:|secretsmanager:)")


def holds_secret(name: str, value: str) -> bool:
    """Whether the variable puts a secret into the function's configuration: resolved from a
    dynamic reference, shaped like one, or a literal under a secret's name."""
    return bool(resolved_secret(value) or secret_shape(value) or named_secret(name, value))


def named_secret(name: str, value: str) -> bool:
    if not value or not SECRET_NAME.search(name) or POINTER_NAME.search(name):
        return False
    return not REFERENCE_VALUE.match(value)
