"""Jinja filters that derive a project's names from its name (a cookiecutter local extension).

Any words give names lambdakit accepts: `Café API` → `cafe-api` (the folder and the app's stack
name), `cafe_api` (the package), `CafeAPI` (the function's id). What cannot be derived (no
letter first, too long) is refused by hooks/pre_gen_project.py before anything is written.
"""

import keyword
import re
import sys
import unicodedata
from pathlib import Path

from cookiecutter.utils import simple_filter

# Names the generated project imports besides its package: a package of the same name in
# src/ would shadow them (`logging` the standard library's, `lambdakit` the one test_infra uses).
TAKEN = {"lambdakit", "pytest", "boto3", "botocore", "tests", "test", "src", "infra"}


def words(name):
    """The ASCII words of `name`: accents folded (`é` → `e`), everything else a separator."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.findall(r"[A-Za-z0-9]+", folded)


@simple_filter
def lk_slug(name):
    # A name without words still needs a folder for the hook to run in (and refuse it).
    return "-".join(word.lower() for word in words(name)) or "unnamed"


@simple_filter
def lk_package(slug):
    package = slug.replace("-", "_")
    if keyword.iskeyword(package) or package in sys.stdlib_module_names or package in TAKEN:
        package += "_app"
    return package


@simple_filter
def lk_pascal(name):
    return "".join(word[:1].upper() + word[1:] for word in words(name))


@simple_filter
def lk_here(_):
    """This module's folder, absolute (`_repo_dir` is as given: maybe relative), so the
    pre-generation hook can import `words` from it."""
    return str(Path(__file__).resolve().parent)


@simple_filter
def lk_checkout(_):
    """The lambdakit checkout this blueprint is rendered from: the generated README installs
    lambdakit from it (lambdakit is not on a package index yet)."""
    root = Path(__file__).resolve().parents[2]
    return str(root) if (root / "lambdakit" / "__init__.py").is_file() else "path/to/lambdakit"
