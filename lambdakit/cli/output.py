"""Where `synth -o` writes: only over a template of its own, and never half a file."""

from __future__ import annotations

import os
from pathlib import Path

# How every template lambdakit renders begins, in YAML and in JSON (lambdakit.render).
TEMPLATE_STARTS = ("AWSTemplateFormatVersion: '2010-09-09'\n",
                   '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n')


class OutputRefused(Exception):
    """The output path holds something that is not a template lambdakit wrote."""


def check_overwritable(path: Path) -> None:
    """Refuse a regular file that holds anything but a template lambdakit wrote: `-o app.py`
    or `-o src/handler.py` would replace the app's own code with YAML. An empty file is fine
    (`mktemp`), and so is what is not a regular file (`/dev/stdout`, a pipe)."""
    if not path.is_file():
        return
    try:
        with path.open("rb") as stream:
            head = stream.read(max(len(start) for start in TEMPLATE_STARTS))
    except OSError:
        return  # unreadable: the write itself will say why it fails
    if head and not any(head.startswith(start.encode()) for start in TEMPLATE_STARTS):
        raise OutputRefused(f"{path} exists and is not a template lambdakit wrote; "
                            "refusing to overwrite it (remove it, or write elsewhere)")


def write_atomically(path: Path, text: str) -> None:
    """Readers never see half a template: write beside it, then rename over it. A symlink is
    followed (the link stays, its target is replaced), and what is not a regular file
    (`/dev/stdout`, `/dev/null`, a pipe) is written into, never replaced.

    The temporary file is named by the process id (a leftover of a dead process with the same id
    is removed first) and created with the permissions the umask gives any new file, so the
    template gets them too. Raises `OSError` when the place cannot be written (read-only, a
    missing folder under /proc, a full device), leaving nothing behind."""
    path = path.resolve()
    if path.exists() and not path.is_file():
        with path.open("w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
