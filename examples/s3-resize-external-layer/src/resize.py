"""Business logic: which objects to resize, where the result goes, and the gm command line."""

from pathlib import PurePosixPath
from urllib.parse import unquote_plus

GM = "/opt/bin/gm"  # GraphicsMagick, from the layer
SUFFIX = ".jpeg"


def uploads(event: dict) -> list[tuple[str, str]]:
    """(bucket, key) of every uploaded `.jpeg` in an S3 notification."""
    found = []
    for record in event.get("Records", []):
        key = unquote_plus(record["s3"]["object"]["key"])
        if key.endswith(SUFFIX):
            found.append((record["s3"]["bucket"]["name"], key))
    return found


def resized_key(key: str) -> str:
    path = PurePosixPath(key)
    return str(path.with_name(f"resized-{path.name}"))


def resize_command(source: str, target: str, percent: int = 50) -> list[str]:
    return [GM, "convert", source, "-resize", f"{percent}%", target]
