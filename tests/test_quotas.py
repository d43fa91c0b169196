"""The quota and runtime tables are data with a source: every number cites AWS documentation.
The numbers themselves are held against botocore's models and cfn-lint's schemas in
test_limits_sources.py, where those carry them."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from lambdakit.limits import quotas as q
from lambdakit.limits import runtimes as r
from lambdakit.rules.function_limits import TAG_TEXT, _tag_char

AWS_DOCS = "https://docs.aws.amazon.com/"


def _quotas() -> dict[str, q.Quota]:
    return {name: value for name, value in vars(q).items() if isinstance(value, q.Quota)}


def test_every_quota_cites_aws_documentation() -> None:
    quotas = _quotas()
    assert len(quotas) > 30
    assert {name: quota.source for name, quota in quotas.items()
            if not quota.source.startswith(AWS_DOCS)} == {}
    assert all(quota.unit for quota in quotas.values())


def test_runtime_table_is_consistent() -> None:
    assert r.SOURCE.startswith(AWS_DOCS)
    assert list(r.RUNTIMES) == sorted(r.RUNTIMES)
    for name, runtime in r.RUNTIMES.items():
        assert runtime.name == name
        assert set(runtime.architectures) <= {"x86_64", "arm64"} and runtime.architectures
        dates = [d for d in (runtime.deprecated, runtime.block_create, runtime.block_update) if d]
        assert all(isinstance(d, dt.date) for d in dates)
        if runtime.block_create and runtime.block_update:
            assert runtime.block_create <= runtime.block_update, name


@example("c0 team:a/b=c+d-e@f_g.h")
@example("line\nbreak")
@example("é½²٣ß")
@example("tab\t")
@given(st.text(max_size=20))
def test_tag_text_takes_the_characters_aws_allows(text: str) -> None:
    """The one-match check agrees with the per-character rule it stands in for (letters and
    digits of any script, spaces, and AWS's punctuation)."""
    assert (TAG_TEXT.fullmatch(text) is not None) == all(_tag_char(c) for c in text)
