"""Refuse answers the project cannot be built from, with a clear message, before anything is
written (cookiecutter removes the project's folder when this hook fails)."""

import keyword
import re
import sys

sys.path.insert(0, {{ '' | lk_here | tojson }})
from lambdakit_names import words  # noqa: E402  # the derivation the names came from

MAX_NAME_CHARS = 64  # the function's id is derived from the name, and ids hold at most 64
ANSWERS = {
    "project_name": {{ cookiecutter.project_name | tojson }},
    "project_slug": {{ cookiecutter.project_slug | tojson }},
    "package": {{ cookiecutter.package | tojson }},
    "function_id": {{ cookiecutter.function_id | tojson }},
    "memory": {{ cookiecutter.memory | tojson }},
    "timeout": {{ cookiecutter.timeout | tojson }},
    "team": {{ cookiecutter.team | tojson }},
}


def problems(answers):
    name = answers["project_name"]
    if not name.strip():
        yield "project_name is empty: give the project a name, e.g. 'Orders Service'"
        return
    if len(name) > MAX_NAME_CHARS:
        yield (f"project_name is {len(name)} characters long; at most {MAX_NAME_CHARS} "
               "(the function's id is derived from it)")
    first = (words(name) or [""])[0]
    if not first[:1].isalpha():
        yield (f"project_name {name!r} must start with a letter (accents are folded: 'É' is "
               "'E'): it names the app's stack, its package and its function")
        return
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9-]{0,127}", answers["project_slug"]):
        yield (f"project_slug {answers['project_slug']!r}: letters, digits and hyphens, "
               "starting with a letter (it becomes the stack name)")
    package = answers["package"]
    if (not re.fullmatch(r"[a-z_][a-z0-9_]*", package) or keyword.iskeyword(package)
            or package in sys.stdlib_module_names):
        yield (f"package {package!r}: a lower-case Python identifier that is neither a keyword "
               "nor a module of the standard library")
    if not re.fullmatch(r"[A-Z][A-Za-z0-9]{0,63}", answers["function_id"]):
        yield (f"function_id {answers['function_id']!r}: PascalCase letters and digits, at most "
               "64 characters")
    for field in ("memory", "timeout"):
        if not re.fullmatch(r"[1-9][0-9]*", answers[field]):
            yield f"{field} {answers[field]!r}: a whole number"
    if not re.fullmatch(r"[\w .:/=+@-]{0,256}", answers["team"]):
        yield (f"team {answers['team']!r}: letters, digits, spaces and _ . : / = + - @ "
               "(it becomes a tag value)")


found = list(problems(ANSWERS))
for problem in found:
    print(f"error: {problem}", file=sys.stderr)
if found:
    print("nothing was generated", file=sys.stderr)
    sys.exit(1)
