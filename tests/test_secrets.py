"""Secrets in environment values are found by their shape, not only by the variable's name;
values that merely look technical (ARNs, URLs, UUIDs, digests) are left alone."""

from __future__ import annotations

import hashlib

import pytest
from helpers import FIXED_DAY
from hypothesis import given
from hypothesis import strategies as st

from lambdakit import App, Function
from lambdakit.plan.secrets import resolved_secret, secret_shape
from lambdakit.rules import check_app

SECRETS = {
    "AKIAIOSFODNN7EXAMPLE": "an AWS access key id",
    "ASIAY34FZKBOKMUTVV7A": "an AWS access key id",
    "ghp_" + "a1B2" * 9: "a GitHub token",
    "gho_" + "Z9y8" * 9: "a GitHub token",
    "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz": "a GitHub token",
    "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx": "a Slack token",
    "xoxp-1234567890-abcdefghij": "a Slack token",
    "sk_live_4eC39HqLyjWDarjtT1zdp7dc": "a Stripe live key",
    "rk_live_51Hx2yZAbCdEfGhIjKlMnOp": "a Stripe live key",
    "AIzaSyA1bcdEFGhijkLMNopqRSTuvwXYZ01234_": "a Google API key",
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEow...\n-----END RSA PRIVATE KEY-----": "a private key",
    "-----BEGIN PRIVATE KEY-----\nMIIE": "a private key",
    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn": "a private key",
    "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
    "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U": "a JSON Web Token",
    "redis://:s3cretpass@cache.internal:6379/0": "a URL with a password",
    "postgres://app:hunter2@db.example.com/orders": "a URL with a password",
    "amqps://user:p%40ss@broker.example.com": "a URL with a password",
}

NOT_SECRETS = [
    "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf",
    "arn:aws:iam::123456789012:role/service-role/Worker",
    "https://api.example.com/v1/orders?user=me@example.com",
    "https://example.com:8443/path",
    "postgres://app@db.example.com:5432/orders",
    "postgres://app:{password}@db.example.com/orders",
    "postgres://app:${DB_PASSWORD}@db.example.com/orders",
    "redis://cache.internal:6379",
    "mailto:ops@example.com",
    "0b5f3d9e-8f1b-4c2e-9d3a-6f7e8a9b0c1d",
    "d41d8cd98f00b204e9800998ecf8427e",
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
    "github.com/ghp_docs",
    "{{resolve:ssm:/app/feature-flags}}",
    "eyJ-not-a-token",
    "-----BEGIN CERTIFICATE-----",
    "AKIA",
]


@pytest.mark.parametrize(("value", "kind"), sorted(SECRETS.items()))
def test_secret_shapes_are_found(value: str, kind: str) -> None:
    assert secret_shape(value) == kind


@pytest.mark.parametrize("value", NOT_SECRETS)
def test_ordinary_values_are_not_secrets(value: str) -> None:
    assert secret_shape(value) is None


hex_digests = st.binary(min_size=1).map(lambda b: hashlib.sha256(b).hexdigest())
hex_ids = st.binary(min_size=4, max_size=20).map(bytes.hex)
uuids = st.uuids().map(str)
names = st.from_regex(r"[a-z][a-z0-9-]{0,30}", fullmatch=True)
accounts = st.from_regex(r"[0-9]{12}", fullmatch=True)
regions = st.sampled_from(["us-east-1", "eu-west-1", "ap-southeast-2"])
arns = st.builds(lambda service, region, account, name:
                 f"arn:aws:{service}:{region}:{account}:{name}",
                 st.sampled_from(["sqs", "sns", "lambda", "secretsmanager", "dynamodb"]),
                 regions, accounts, names)
urls = st.builds(lambda scheme, user, host, port, path: f"{scheme}://{user}{host}{port}/{path}",
                 st.sampled_from(["https", "http", "redis", "postgres", "amqps"]),
                 st.one_of(st.just(""), names.map(lambda u: f"{u}@")),
                 names.map(lambda h: f"{h}.example.com"),
                 st.one_of(st.just(""), st.integers(1, 65535).map(lambda p: f":{p}")),
                 names)


@given(st.one_of(hex_digests, hex_ids, uuids, arns, urls, names))
def test_generated_ordinary_values_are_not_secrets(value: str) -> None:
    assert secret_shape(value) is None
    assert resolved_secret(value) is None


def _codes(environment: dict[str, str]) -> list[str]:
    """The secret codes (LK113, LK114) a check of a function with this environment reports."""
    fn = Function(id="Worker", handler="app.handler", code="src/", runtime="python3.13",
                  environment=environment)
    diagnostics = check_app(App(name="secrets", functions=[fn]), today=FIXED_DAY)
    return [d.code for d in diagnostics if d.code in ("LK113", "LK114")]


@pytest.mark.parametrize("value", sorted(SECRETS))
def test_a_secret_shaped_value_is_refused_under_any_name(value: str) -> None:
    assert _codes({"SETTING": value}) == ["LK113"]


@pytest.mark.parametrize("value", [
    "{{resolve:secretsmanager:prod/db:SecretString:password}}",
    "{{resolve:ssm-secure:/prod/db/password:3}}",
    "postgres://app:{{resolve:secretsmanager:prod/db:SecretString:password}}@db/orders",
])
def test_a_resolved_secret_is_refused(value: str) -> None:
    assert _codes({"DB_URL": value}) == ["LK114"]


@pytest.mark.parametrize("value", NOT_SECRETS)
def test_ordinary_values_pass(value: str) -> None:
    assert _codes({"SETTING": value}) == []
