"""Packaging: the same code gives the same bytes and key, whatever the clock, the umask or
the order the file system lists things in; only content changes the key."""

from __future__ import annotations

import io
import os
import random
import stat
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lambdakit.deploy.aws import DeployError
from lambdakit.deploy.package import (
    ARTIFACT_PREFIX,
    artifact_for,
    package,
    zip_directory,
)


def _write_code(root: Path, umask: int, mtime: int, reverse: bool = False) -> Path:
    """A code tree written under `umask` with every mtime set to `mtime`; `reverse` creates
    the files in the opposite order (a different directory listing order on most file
    systems)."""
    files = {"handler.py": "def handle(e, c):\n    return e\n",
             "pkg/__init__.py": "",
             "pkg/util.py": "X = 1\n",
             "bin/run": "#!/bin/sh\necho hi\n"}
    previous = os.umask(umask)
    try:
        for name in sorted(files, reverse=reverse):
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(files[name])
        (root / "bin" / "run").chmod(0o777 & ~umask)
        cache = root / "pkg" / "__pycache__"
        cache.mkdir()
        (cache / "util.cpython-311.pyc").write_bytes(os.urandom(16))
        (root / "stale.pyc").write_bytes(os.urandom(16))
    finally:
        os.umask(previous)
    for path in [root, *root.rglob("*")]:
        os.utime(path, (mtime, mtime))
    return root


def test_zips_are_byte_identical_across_runs_clocks_umasks_and_listing_order(
        tmp_path: Path) -> None:
    first = _write_code(tmp_path / "a", umask=0o022, mtime=1_600_000_000)
    second = _write_code(tmp_path / "b", umask=0o077, mtime=1_700_000_000, reverse=True)
    assert zip_directory(first) == zip_directory(first)
    assert zip_directory(first) == zip_directory(second)
    assert artifact_for(first).key == artifact_for(second).key


def test_entries_are_sorted_dated_1980_with_fixed_modes_and_no_bytecode(tmp_path: Path) -> None:
    code = _write_code(tmp_path / "code", umask=0o077, mtime=1_700_000_000)
    with zipfile.ZipFile(io.BytesIO(zip_directory(code))) as archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        assert names == sorted(names)
        assert names == ["bin/", "bin/run", "handler.py", "pkg/", "pkg/__init__.py",
                         "pkg/util.py"]
        modes = {info.filename: info.external_attr >> 16 for info in infos}
        assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.read("handler.py") == (code / "handler.py").read_bytes()
    assert modes["handler.py"] == stat.S_IFREG | 0o644
    assert modes["bin/run"] == stat.S_IFREG | 0o755
    assert modes["pkg/"] == stat.S_IFDIR | 0o755


def test_the_key_changes_exactly_when_the_content_changes(tmp_path: Path) -> None:
    code = _write_code(tmp_path / "code", umask=0o022, mtime=1_600_000_000)
    before = artifact_for(code)
    os.utime(code / "handler.py", (1_800_000_000, 1_800_000_000))
    (code / "pkg" / "__pycache__" / "other.pyc").write_bytes(b"cache")
    assert artifact_for(code).key == before.key
    (code / "handler.py").write_text("def handle(e, c):\n    return None\n")
    changed = artifact_for(code)
    assert changed.key != before.key
    assert changed.key == f"{ARTIFACT_PREFIX}{changed.sha256}.zip"
    (code / "handler.py").chmod(0o755)  # executable now: Lambda sees a different file
    assert artifact_for(code).key != changed.key


def test_package_rewrites_local_paths_once_per_directory_and_keeps_the_input(
        tmp_path: Path) -> None:
    code = _write_code(tmp_path / "src", umask=0o022, mtime=1_600_000_000)
    (tmp_path / "layer").mkdir()
    (tmp_path / "layer" / "lib.py").write_text("Y = 2\n")
    template = {"Resources": {
        "A": {"Type": "AWS::Serverless::Function", "Properties": {"CodeUri": "src"}},
        "B": {"Type": "AWS::Serverless::Function", "Properties": {"CodeUri": "src/"}},
        "L": {"Type": "AWS::Serverless::LayerVersion", "Properties": {"ContentUri": "layer"}},
        "Done": {"Type": "AWS::Serverless::Function",
                 "Properties": {"CodeUri": "s3://elsewhere/code.zip"}},
        "T": {"Type": "AWS::DynamoDB::Table", "Properties": {}},
    }}
    packaged = package(template, tmp_path, "bkt")
    props = {lid: r["Properties"] for lid, r in packaged.template["Resources"].items()}
    key = artifact_for(code).key
    assert props["A"]["CodeUri"] == props["B"]["CodeUri"] == f"s3://bkt/{key}"
    assert props["L"]["ContentUri"] == f"s3://bkt/{artifact_for(tmp_path / 'layer').key}"
    assert props["Done"]["CodeUri"] == "s3://elsewhere/code.zip"
    assert sorted(packaged.artifacts) == ["A", "B", "L"]
    assert packaged.artifacts["A"] is packaged.artifacts["B"]
    assert template["Resources"]["A"]["Properties"]["CodeUri"] == "src"


def test_a_ready_zip_ships_as_it_is_and_a_missing_path_is_named(tmp_path: Path) -> None:
    ready = tmp_path / "code.zip"
    ready.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    assert artifact_for(ready).data == ready.read_bytes()
    with pytest.raises(DeployError, match="nowhere"):
        artifact_for(tmp_path / "nowhere")


_NAMES = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_-.", min_size=1,
                 max_size=8).filter(lambda name: name not in {".", ".."}
                                    and not name.endswith((".pyc", ".pyo")))
_TREES = st.dictionaries(st.lists(_NAMES, min_size=1, max_size=3).map("/".join),
                         st.binary(max_size=64), min_size=1, max_size=8)


def _plant(root: Path, files: dict[str, bytes], order: list[str]) -> bool:
    """Write `files` in `order`; False when two paths clash (a file where a directory goes)."""
    try:
        for name in order:
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(files[name])
    except (FileExistsError, NotADirectoryError, IsADirectoryError):
        return False
    return True


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=_TREES, seed=st.randoms(use_true_random=False))
def test_any_tree_zips_to_the_same_bytes_in_any_order_and_unzips_to_itself(
        tmp_path: Path, files: dict[str, bytes], seed: random.Random) -> None:
    shuffled = sorted(files)
    seed.shuffle(shuffled)
    with tempfile.TemporaryDirectory(dir=tmp_path) as first, \
            tempfile.TemporaryDirectory(dir=tmp_path) as second:
        assume(_plant(Path(first), files, sorted(files)))
        assert _plant(Path(second), files, shuffled)
        data = zip_directory(Path(first))
        assert data == zip_directory(Path(second))
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = {info.filename: archive.read(info) for info in archive.infolist()
                        if not info.is_dir()}
    assert unpacked == files
