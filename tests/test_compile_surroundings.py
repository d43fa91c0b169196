"""`relative_posix` writes a function's `CodeUri` as `os.path.relpath` would, whether or not
the code lives under the template's directory."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from lambdakit.compile.surroundings import relative_posix

parts = st.lists(st.sampled_from(["src", "app", "src2", "..", ".", "a b"]), max_size=5)
paths = st.tuples(st.booleans(), parts).map(
    lambda absolute_parts: Path(("/" if absolute_parts[0] else ""), *absolute_parts[1]))


@given(paths, paths, st.booleans())
def test_as_relpath_writes_it(path: Path, base_dir: Path, under: bool) -> None:
    if under:
        path = base_dir / path.relative_to(path.anchor)
    assert relative_posix(path, base_dir) == Path(os.path.relpath(path, base_dir)).as_posix()


def test_code_under_the_template_directory() -> None:
    assert relative_posix(Path("/app/src/orders"), Path("/app")) == "src/orders"
    assert relative_posix(Path("/app/src/a/../../lib"), Path("/app/src")) == "../lib"
    assert relative_posix(Path("/app/../src"), Path("/app/..")) == "src"
    assert relative_posix(Path("/apple/src"), Path("/app")) == "../apple/src"
