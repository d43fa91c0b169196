"""Reproducible artifacts: the same code directory gives the same zip bytes and the same key.

Entries are sorted, dated 1980-01-01 (the earliest date a zip can hold) and given fixed modes
(0644, or 0755 for directories and files their owner may execute), so neither the checkout's
mtimes nor the umask reach the bytes. Bytecode caches never ship. Keys are the sha256 of the
bytes, so an object that S3 already holds is never uploaded twice, and a new key means new code.
"""

from __future__ import annotations

import copy
import hashlib
import io
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lambdakit.deploy.aws import DeployError

FIXED_DATE = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o644
EXECUTABLE_MODE = 0o755
DIRECTORY_MODE = 0o755
SKIPPED_DIRECTORIES = frozenset({"__pycache__"})
SKIPPED_SUFFIXES = (".pyc", ".pyo")
ARTIFACT_PREFIX = "artifacts/"
TEMPLATE_PREFIX = "templates/"
# Local paths `sam package` would upload, by resource type.
PACKAGED_PROPERTIES: dict[str, str] = {
    "AWS::Serverless::Function": "CodeUri",
    "AWS::Serverless::LayerVersion": "ContentUri",
}
_UNIX = 3  # zip "version made by" host: the external attributes hold Unix modes


@dataclass(frozen=True)
class Artifact:
    """One zip to upload: where it came from, its bytes and its content-addressed key."""

    source: Path
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def key(self) -> str:
        return f"{ARTIFACT_PREFIX}{self.sha256}.zip"


@dataclass(frozen=True)
class Packaged:
    """A template whose local code paths point at uploaded artifacts."""

    template: dict[str, Any]
    artifacts: dict[str, Artifact]  # logical id -> its artifact


def zip_directory(directory: Path) -> bytes:
    """The directory's files as a zip whose bytes depend only on names, contents and the
    owner's execute bit."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, relative in _entries(directory):
            if path.is_dir():
                info = _info(relative + "/", DIRECTORY_MODE | stat.S_IFDIR)
                archive.writestr(info, b"")
            else:
                mode = EXECUTABLE_MODE if path.stat().st_mode & stat.S_IXUSR else FILE_MODE
                archive.writestr(_info(relative, mode | stat.S_IFREG), path.read_bytes(),
                                 compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()


def artifact_for(source: Path) -> Artifact:
    """A directory is zipped; a ready `.zip` is shipped as it is."""
    if source.is_dir():
        return Artifact(source, zip_directory(source))
    if source.is_file() and source.suffix == ".zip":
        return Artifact(source, source.read_bytes())
    raise DeployError(f"code location {source} is neither a directory nor a .zip file",
                      hint="point code= at the directory that holds the handler")


def package(template: dict[str, Any], base_dir: Path, bucket: str) -> Packaged:
    """The template with every local code path replaced by `s3://bucket/key`; each directory
    is zipped once however many functions share it. The template is not changed in place."""
    packaged = copy.deepcopy(template)
    by_source: dict[Path, Artifact] = {}
    artifacts: dict[str, Artifact] = {}
    for logical_id, resource in sorted(packaged.get("Resources", {}).items()):
        key = PACKAGED_PROPERTIES.get(resource.get("Type", ""))
        properties = resource.get("Properties", {})
        location = properties.get(key) if key else None
        if not isinstance(location, str) or location.startswith("s3://"):
            continue
        source = (base_dir / location).resolve()
        if source not in by_source:
            by_source[source] = artifact_for(source)
        artifact = by_source[source]
        artifacts[logical_id] = artifact
        properties[key] = f"s3://{bucket}/{artifact.key}"
    return Packaged(packaged, artifacts)


def upload_missing(s3: Any, bucket: str, artifacts: list[Artifact]) -> list[Artifact]:
    """Upload the artifacts S3 does not hold yet; return those uploaded."""
    uploaded = []
    for artifact in sorted({a.key: a for a in artifacts}.values(), key=lambda a: a.key):
        if not object_exists(s3, bucket, artifact.key):
            s3.put_object(Bucket=bucket, Key=artifact.key, Body=artifact.data,
                          ContentType="application/zip", ChecksumAlgorithm="SHA256")
            uploaded.append(artifact)
    return uploaded


def object_exists(s3: Any, bucket: str, key: str) -> bool:
    """Whether S3 holds the key. Without s3:ListBucket, S3 answers a missing key with 403
    instead of 404: that counts as missing, and the upload (same key, same bytes) is harmless."""
    from botocore.exceptions import ClientError

    try:
        s3.head_object(Bucket=bucket, Key=key)
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in {"403", "404", "NoSuchKey",
                                                          "NotFound"}:
            return False
        raise
    return True


def template_key(body: str) -> str:
    return f"{TEMPLATE_PREFIX}{hashlib.sha256(body.encode('utf-8')).hexdigest()}.json"


def _entries(directory: Path) -> list[tuple[Path, str]]:
    """(path, zip name) for every directory and file below `directory`, sorted by name."""
    found: list[tuple[Path, str]] = []
    for root, dirs, files in os.walk(directory, followlinks=True):  # ship what a link points at
        dirs[:] = [d for d in dirs if d not in SKIPPED_DIRECTORIES]
        here = Path(root)
        for name in [*dirs, *(f for f in files if not f.endswith(SKIPPED_SUFFIXES))]:
            path = here / name
            found.append((path, path.relative_to(directory).as_posix()))
    return sorted(found, key=lambda entry: entry[1])


def _info(name: str, mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.create_system = _UNIX
    info.external_attr = mode << 16
    return info
