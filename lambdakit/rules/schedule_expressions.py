"""Schedule expressions, as EventBridge Scheduler and Application Auto Scaling read them:
`rate(5 minutes)`, `cron(0 8 ? * MON-FRI *)` (six fields: minutes hours day-of-month month
day-of-week year) and `at(2026-12-31T23:00:00)`; and the IANA time zones they are read in."""

from __future__ import annotations

import datetime as dt
import functools
import re

RATE = re.compile(r"^rate\((\d+) ([a-z]+)\)$")
RATE_UNITS = {"minute": "minutes", "hour": "hours", "day": "days"}
CRON = re.compile(r"^cron\((.*)\)$")
AT = re.compile(r"^at\((.*)\)$")
AT_FORMAT = "%Y-%m-%dT%H:%M:%S"

MONTHS = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
DAYS = "SUN|MON|TUE|WED|THU|FRI|SAT"
# Each cron field: its name, its range, the words it accepts, and its extra characters.
CRON_FIELDS = (
    ("minutes", 0, 59, "", ""),
    ("hours", 0, 23, "", ""),
    ("day-of-month", 1, 31, "", "?LW"),
    ("month", 1, 12, MONTHS, ""),
    ("day-of-week", 1, 7, DAYS, "?L#"),
    ("year", 1970, 2199, "", ""),
)


def is_time_zone(name: str) -> bool:
    """Whether `name` is an IANA time zone (`UTC`, `Europe/Berlin`)."""
    return name in _time_zones()


@functools.cache
def _time_zones() -> frozenset[str]:
    """The names in the tzdata package (a dependency), not in the machine's own database, which
    Windows and slim container images lack: a synth gives the same answer on every machine."""
    from importlib.resources import files

    return frozenset(files("tzdata").joinpath("zones").read_text(encoding="utf-8").split())


def expression_problem(expression: str, *, unit_agrees: bool = True) -> str:
    """What is wrong with a schedule expression; "" when it is well formed. `unit_agrees`: a
    rate of 1 takes the singular unit and any other the plural, as EventBridge Scheduler
    requires (Application Auto Scaling documents both forms for any value)."""
    if rate := RATE.match(expression):
        return _rate_problem(int(rate[1]), rate[2], unit_agrees)
    if cron := CRON.match(expression):
        return _cron_problem(cron[1])
    if at := AT.match(expression):
        try:
            dt.datetime.strptime(at[1], AT_FORMAT)
        except ValueError:
            return "at() takes a date and time as yyyy-mm-ddThh:mm:ss"
        return ""
    return "not a rate(), cron() or at() expression"


def _rate_problem(value: int, unit: str, unit_agrees: bool) -> str:
    if value < 1:
        return "a rate's value must be a positive whole number"
    plural = RATE_UNITS.get(unit)
    singular = next((one for one, many in RATE_UNITS.items() if many == unit), None)
    if plural is None and singular is None:
        return f"unit {unit!r} is not minute(s), hour(s) or day(s)"
    if not unit_agrees:
        return ""
    if value == 1 and singular is not None:
        return f"a value of 1 takes the singular unit: rate(1 {singular})"
    if value > 1 and plural is not None:
        return f"a value above 1 takes the plural unit: rate({value} {plural})"
    return ""


def _cron_problem(body: str) -> str:
    fields = body.split()
    if len(fields) != len(CRON_FIELDS):
        return (f"cron() takes 6 fields (minutes hours day-of-month month day-of-week year), "
                f"got {len(fields)}")
    for text, (name, low, high, words, extra) in zip(fields, CRON_FIELDS, strict=True):
        problem = _cron_field_problem(text, low, high, words, extra)
        if problem:
            return f"{name} field {text!r}: {problem}"
    day_of_month, day_of_week = fields[2], fields[4]
    if (day_of_month == "?") == (day_of_week == "?"):
        return "exactly one of day-of-month and day-of-week must be '?'"
    return ""


def _cron_field_problem(text: str, low: int, high: int, words: str, extra: str) -> str:
    if text in ("*", "?") and text in "*" + extra:
        return ""
    atom = rf"(?:\d+|{words})" if words else r"\d+"
    part = rf"(?:\*|{atom}(?:-{atom})?)(?:/\d+)?"
    special = ""
    if "L" in extra:
        special += r"|L|\d+L" if "W" in extra else r"|L|[1-7]L"
    if "W" in extra:
        special += r"|LW|\d+W"
    if "#" in extra:
        special += rf"|[1-7]#[1-5]|(?:{DAYS})#[1-5]"
    if not re.fullmatch(rf"(?:{part}{special})(?:,(?:{part}{special}))*", text):
        return "not a value, range, list, increment or wildcard this field accepts"
    for number in re.findall(r"(?<![/#\d])\d+", text):
        if not low <= int(number) <= high:
            return f"{number} is outside {low}–{high}"
    return ""
