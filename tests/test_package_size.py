"""Package sizes measured from directories (`lambdakit.rules.package_size`), compared with what
zipfile (the library `sam build`/`sam package` zip with) really produces."""

from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

import pytest

from lambdakit.errors import Origin
from lambdakit.model import Function
from lambdakit.rules.package_size import measure, package_kind


def _fill(root: Path) -> None:
    rng = random.Random(7)
    (root / "python" / "lib").mkdir(parents=True)
    (root / "python" / "lib" / "noise.bin").write_bytes(rng.randbytes(300_000))
    (root / "python" / "lib" / "text.py").write_text("x = 1\n" * 20_000)
    (root / "python" / "lib" / "empty.py").write_bytes(b"")
    (root / "handler.py").write_text("def handle(event, context):\n    return event\n")
    (root / "__pycache__").mkdir()
    (root / "__pycache__" / "handler.cpython-313.pyc").write_bytes(b"\0" * 1000)


def _real_zip(root: Path, names: list[str]) -> int:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.write(root / name, name)
    return len(buffer.getvalue())


def test_sizes_leave_out_pycache(tmp_path: Path) -> None:
    _fill(tmp_path)
    tree = measure("deps", tmp_path, "directory")
    names = [name for name, _ in tree.files]
    assert names == ["handler.py", "python/lib/empty.py", "python/lib/noise.bin",
                     "python/lib/text.py"]
    assert tree.unzipped_bytes == sum((tmp_path / n).stat().st_size for n in names)
    assert tree.contributors() == {"deps/handler.py": 45, "deps/python/lib/empty.py": 0,
                                   "deps/python/lib/noise.bin": 300_000,
                                   "deps/python/lib/text.py": 120_000}


def test_links_count_as_what_they_point_at(tmp_path: Path) -> None:
    """A link to a file counts as that file; a broken or looping link, a link to a directory
    (os.walk does not follow it) and a pipe count as nothing."""
    (tmp_path / "handler.py").write_text("x = 1\n")
    (tmp_path / "alias.py").symlink_to("handler.py")
    (tmp_path / "broken.py").symlink_to("nowhere.py")
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "data.txt").write_text("data")
    (tmp_path / "code").mkdir()
    (tmp_path / "code" / "shared").symlink_to(tmp_path / "elsewhere")
    os.mkfifo(tmp_path / "pipe")
    tree = measure("code", tmp_path / "code", "directory")
    assert tree.files == ()
    tree = measure("all", tmp_path, "directory")
    assert tree.files == (("alias.py", 6), ("elsewhere/data.txt", 4), ("handler.py", 6))


def test_measured_zip_size_is_zipfiles(tmp_path: Path) -> None:
    _fill(tmp_path)
    tree = measure("deps", tmp_path, "directory")
    actual = _real_zip(tmp_path, [name for name, _ in tree.files])
    # A limit of 0 forces the measurement; zipfile deflates at zlib's default level (6).
    assert tree.zipped_size(limit=0) == actual


@pytest.mark.parametrize("seed", range(12))
def test_upper_bound_is_never_below_the_zip(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    for n in range(rng.randint(1, 6)):
        data = rng.randbytes(rng.randint(0, 200_000)) if rng.random() < 0.5 \
            else bytes(rng.randint(0, 200_000))
        (tmp_path / f"f{n}.bin").write_bytes(data)
    tree = measure("code", tmp_path, "directory")
    actual = _real_zip(tmp_path, [name for name, _ in tree.files])
    assert tree.zipped_upper_bound() >= actual
    # Within the limit, the bound itself is returned: no file is read.
    assert tree.zipped_size(limit=tree.zipped_upper_bound()) == tree.zipped_upper_bound()


def test_a_zip_file_is_read_from_its_directory(tmp_path: Path) -> None:
    _fill(tmp_path / "src")
    archive = tmp_path / "code.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.write(tmp_path / "src" / "handler.py", "handler.py")
        out.writestr("lib/", "")
    tree = measure("code.zip", archive, "archive")
    assert tree.files == (("handler.py", 45),)
    assert tree.zipped_size(limit=0) == archive.stat().st_size


def test_package_kind_takes_one_look(tmp_path: Path) -> None:
    """A directory (or a link to one), a file with an archive suffix; anything else is
    nothing, as `is_dir()`/`is_file()` would say (a broken link, a NUL in the name)."""
    (tmp_path / "src").mkdir()
    (tmp_path / "code.zip").write_bytes(b"PK")
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "linked").symlink_to(tmp_path / "src")
    (tmp_path / "broken.zip").symlink_to(tmp_path / "nowhere.zip")
    archives = (".zip", ".jar")
    assert package_kind(tmp_path / "src", archives) == "directory"
    assert package_kind(tmp_path / "linked", archives) == "directory"
    assert package_kind(tmp_path / "code.zip", archives) == "archive"
    assert package_kind(tmp_path / "code.zip", (".jar",)) is None
    assert package_kind(tmp_path / "notes.txt", archives) is None
    assert package_kind(tmp_path / "broken.zip", archives) is None
    assert package_kind(tmp_path / "missing", archives) is None
    assert package_kind(tmp_path / "code.zip" / "inside", archives) is None  # ENOTDIR
    assert package_kind(tmp_path / "a\0b", archives) is None


def test_nested_directories_are_measured_with_their_prefix(tmp_path: Path) -> None:
    (tmp_path / "a" / "b" / "__pycache__").mkdir(parents=True)
    (tmp_path / "a" / "b" / "__pycache__" / "m.pyc").write_bytes(b"\0" * 9)
    (tmp_path / "a" / "b" / "m.py").write_text("abc")
    (tmp_path / "a" / "n.py").write_text("ab")
    assert measure("code", tmp_path, "directory").files == (("a/b/m.py", 3), ("a/n.py", 2))


def test_relative_code_resolves_links_from_the_declaring_file(tmp_path: Path) -> None:
    (tmp_path / "real" / "fn").mkdir(parents=True)
    (tmp_path / "app" / "src").mkdir(parents=True)
    (tmp_path / "app" / "src" / "shared").symlink_to(tmp_path / "real")
    fn = Function(id="Worker", handler="app.handle", code="src/./shared/fn/",
                  runtime="python3.13")
    fn._origin = Origin(str(tmp_path / "app" / "app.py"), 3)
    assert fn.code_path() == (tmp_path / "real" / "fn").resolve()
    written = tmp_path / "app" / "src" / "shared" / "fn"
    absolute = Function(id="Absolute", handler="app.handle", code=str(written),
                        runtime="python3.13")
    assert absolute.code_path() == written  # as written: links kept
