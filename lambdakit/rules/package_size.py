"""How big a function's code and layers are, measured from the directories at synth.

Lambda's limits (`quotas.PACKAGE_*`): the function's code and all its layers, unzipped, at most
250 MB together; one zip uploaded directly through the Lambda API at most 50 MB. `sam deploy`
and `sam package` upload through S3, where the 50 MB limit does not apply, so exceeding it is a
warning, not an error.

Unzipped sizes are the sizes of the files (as `os.walk` finds them, `__pycache__` left out, as
`sam build` leaves it out). Zipped sizes are measured, not guessed, and only when they can
matter: a zip is never larger than its files plus each entry's headers plus deflate's worst-case
growth, so when that bound fits, nothing is compressed; otherwise every file is deflated in
memory at zlib level 6 (zipfile's and `sam package`'s default) and the compressed sizes plus
headers are summed. Directory entries are not counted (a few dozen bytes each).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import zlib
from pathlib import Path
from typing import Literal, NamedTuple

MB = 1024 * 1024  # Lambda's MB (the quotas page: "MB (rather than MiB) to refer to 1,024 KB")
SKIPPED_DIRS = frozenset({"__pycache__"})
# A zip entry's local header (30 bytes) and central-directory record (46 bytes) each hold the
# name; the end-of-central-directory record is 22 bytes.
LOCAL_HEADER = 30
CENTRAL_RECORD = 46
END_RECORD = 22
CHUNK = 1024 * 1024
# Folders that only hold packages: the contributor named is the package below them.
CONTAINER_DIRS = frozenset({"python", "nodejs", "node_modules", "ruby", "gems", "java", "lib",
                            "site-packages", "bin"})
PYTHON_VERSION_DIR = re.compile(r"^python\d+(\.\d+)?$")
# The errors `Path.is_file()` and `Path.is_dir()` answer False to.
_ABSENT = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})
PackageKind = Literal["directory", "archive"]


class Tree(NamedTuple):
    """The files of one code directory (or the entries of one zip file)."""

    label: str                            # the path as the user wrote it, for messages
    path: Path
    files: tuple[tuple[str, int], ...]    # (path relative to the root, posix; bytes), sorted
    zipped_bytes: int | None = None       # known already when the code is a zip file

    @property
    def unzipped_bytes(self) -> int:
        return sum(size for _, size in self.files)

    def contributors(self) -> dict[str, int]:
        """Bytes per package or top-level entry (`python/numpy`, `handler.py`)."""
        found: dict[str, int] = {}
        for name, size in self.files:
            key = f"{self.label.rstrip('/')}/{_contributor(name)}"
            found[key] = found.get(key, 0) + size
        return found

    def zipped_upper_bound(self) -> int:
        """The largest a zip of these files can be, whatever the content."""
        total = END_RECORD
        for name, size in self.files:
            name_bytes = len(name.encode())
            total += LOCAL_HEADER + CENTRAL_RECORD + 2 * name_bytes + _deflate_bound(size)
        return total

    def zipped_size(self, limit: int) -> int:
        """The zip's size: the upper bound when that is within `limit` (nothing to measure),
        otherwise the size measured by deflating every file."""
        if self.zipped_bytes is not None:
            return self.zipped_bytes
        bound = self.zipped_upper_bound()
        if bound <= limit:
            return bound
        total = END_RECORD
        for name, _ in self.files:
            total += (LOCAL_HEADER + CENTRAL_RECORD + 2 * len(name.encode())
                      + _deflated_size(self.path / name))
        return total


def package_kind(path: Path, archives: tuple[str, ...]) -> PackageKind | None:
    """Whether `path` (links followed) is a directory, a file ending in one of `archives`, or
    neither (missing, another file): one stat, where `is_dir()` and `is_file()` take one each."""
    try:
        mode = os.stat(path).st_mode
    except ValueError:  # a NUL character in the path, as `is_dir()` takes it: nothing there
        return None
    except OSError as error:
        if error.errno in _ABSENT:
            return None
        raise
    if stat.S_ISDIR(mode):
        return "directory"
    return "archive" if stat.S_ISREG(mode) and path.suffix in archives else None


def measure(label: str, path: Path, kind: PackageKind) -> Tree:
    """The files under `path`: a directory, or a .zip/.jar file (`kind`, known to the caller)."""
    if kind == "archive":
        import zipfile  # only for an archive; most code is a directory

        with zipfile.ZipFile(path) as archive:
            entries = tuple(sorted((info.filename, info.file_size)
                                   for info in archive.infolist() if not info.is_dir()))
        return Tree(label, path, entries, path.stat().st_size)
    files: list[tuple[str, int]] = []
    _collect_files(str(path), "", files)
    return Tree(label, path, tuple(sorted(files)))


def _collect_files(directory: str, prefix: str, files: list[tuple[str, int]]) -> None:
    """Append (name below the root, bytes) of every regular file under `directory`, as
    `os.walk` finds them: links to directories are not followed, an unreadable directory is
    skipped. os.scandir on strings: its entries know their type, so only files are stat'ed."""
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        if _is_dir(entry):
            if entry.name not in SKIPPED_DIRS and not entry.is_symlink():
                _collect_files(entry.path, f"{prefix}{entry.name}/", files)
            continue
        info = _file_stat(entry)
        if info is not None:
            files.append((prefix + entry.name, info.st_size))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """Whether the entry is a directory, links followed (False when that cannot be known)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _file_stat(entry: os.DirEntry[str]) -> os.stat_result | None:
    """The file's stat (links followed); None for anything but a regular file, and for what
    `Path.is_file()` also takes as absent (a broken or looping link)."""
    try:
        info = entry.stat()
    except OSError as error:
        if error.errno in _ABSENT:
            return None
        raise
    return info if stat.S_ISREG(info.st_mode) else None


def megabytes(size: int) -> str:
    """Lambda's units: MB from 1 MB up, KB (rounded up) below."""
    if size >= MB:
        return f"{size / MB:.1f} MB"
    return f"{-(-size // 1024)} KB"


def _contributor(name: str) -> str:
    parts = name.split("/")
    for depth, part in enumerate(parts[:-1]):
        if part not in CONTAINER_DIRS and not PYTHON_VERSION_DIR.match(part):
            return "/".join(parts[:depth + 1])
    return name  # a module directly in a container folder (`python/six.py`)


def _deflate_bound(size: int) -> int:
    """zlib's compressBound(): the most deflate can turn `size` bytes into (incompressible data
    goes into stored blocks, a few bytes of framing each)."""
    return size + (size >> 12) + (size >> 14) + (size >> 25) + 13


def _deflated_size(path: Path) -> int:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    size = 0
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            size += len(compressor.compress(chunk))
    return size + len(compressor.flush())
