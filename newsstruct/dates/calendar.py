"""Calendar arithmetic on TIMEX3 values: pure functions of dates and strings.

A value names a calendar unit ("2022-03-16", "2022-W11", "2022-W10-WE", "2022-03", "2022-Q1",
"2022-H2", "2022-SU", "2022", "199" for the 1990s, "19" for the 1900s); :func:`value_range`
gives the first and last day it covers. Seasons are the meteorological ones of the northern
hemisphere (spring = March to May, winter = December to February of the next year).
"""

from __future__ import annotations

import datetime as dt
import functools

from ..patterns import compile_re

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_VALUE = compile_re(
    r"(?P<y>\d{4})(?:-(?:W(?P<w>\d{2})(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)"
    r"|(?P<m>\d{2})(?:-(?P<d>\d{2}))?))?(?:T.*)?"
    r"|(?P<dec>\d{3})|(?P<cen>\d{2})"
)


def day(d: dt.date) -> str:
    return d.isoformat()


def week(d: dt.date, weekend: bool = False) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}-WE" if weekend else f"{y}-W{w:02d}"


def month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def quarter(y: int, q: int) -> str:
    return f"{y:04d}-Q{q}"


def year(y: int) -> str:
    return f"{y:04d}"


def decade(y: int) -> str:
    return f"{y // 10:03d}"


def century(y: int) -> str:
    return f"{y // 100:02d}"


def last_of_month(y: int, m: int) -> dt.date:
    return dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)


@functools.lru_cache(maxsize=4096)  # a pure function of a short string: values recur
def value_range(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX3 date value covers, or None (durations, *_REF, XXXX).

    >>> value_range("2022-W10-WE")
    (datetime.date(2022, 3, 12), datetime.date(2022, 3, 13))
    >>> value_range("2022-Q1")
    (datetime.date(2022, 1, 1), datetime.date(2022, 3, 31))
    """
    if not value:
        return None
    m = _VALUE.fullmatch(value)
    if m is None:
        return None
    try:
        if m.group("dec"):
            y = int(m.group("dec")) * 10
            return dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31)
        if m.group("cen"):
            y = int(m.group("cen")) * 100
            return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)
        y = int(m.group("y"))
        if m.group("d"):
            d = dt.date(y, int(m.group("m")), int(m.group("d")))
            return d, d
        if m.group("m"):
            mo = int(m.group("m"))
            return dt.date(y, mo, 1), last_of_month(y, mo)
        if m.group("w"):
            monday = dt.date.fromisocalendar(y, int(m.group("w")), 1)
            if m.group("we"):
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m.group("q"):
            q = int(m.group("q"))
            return dt.date(y, 3 * q - 2, 1), last_of_month(y, 3 * q)
        if m.group("h"):
            h = int(m.group("h"))
            return dt.date(y, 6 * h - 5, 1), last_of_month(y, 6 * h)
        if m.group("s"):
            first, last = _SEASON_MONTHS[m.group("s")]
            end_year = y + 1 if last < first else y
            return dt.date(y, first, 1), last_of_month(end_year, last)
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except (ValueError, OverflowError):
        return None


@functools.lru_cache(maxsize=4096)
def granularity(value: str | None) -> str | None:
    """The unit a value names: "day", "week", "weekend", "month", "quarter", "half",
    "season", "year", "decade", "century", or None."""
    if not value:
        return None
    m = _VALUE.fullmatch(value)
    if m is None:
        return None
    for group, name in (
        ("d", "day"),
        ("m", "month"),
        ("we", "weekend"),
        ("w", "week"),
        ("q", "quarter"),
        ("h", "half"),
        ("s", "season"),
        ("dec", "decade"),
        ("cen", "century"),
    ):
        if m.group(group):
            return name
    return "year"


def shift_months(y: int, m: int, months: int) -> tuple[int, int]:
    total = y * 12 + m - 1 + months
    return total // 12, total % 12 + 1


def easter(y: int) -> dt.date:
    """Easter Sunday of year ``y`` (Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    r = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * r) // 451
    mo = (h + r - 7 * m + 114) // 31
    return dt.date(y, mo, (h + r - 7 * m + 114) % 31 + 1)


def holiday(rule: str, y: int) -> dt.date | None:
    """The day a holiday rule of the lexicon gives in year ``y``.

    A rule may end in "+n", n days after the day it names ("11-W4-4+1": Black Friday).

    >>> holiday("11-W4-4", 2021), holiday("05-WL-1", 2022), holiday("E-2", 2022)
    (datetime.date(2021, 11, 25), datetime.date(2022, 5, 30), datetime.date(2022, 4, 15))
    >>> holiday("11-W4-4+1", 2021)
    datetime.date(2021, 11, 26)
    """
    try:
        if rule.startswith("E"):
            return easter(y) + dt.timedelta(days=int(rule[1:]))
        if "+" in rule:
            base, _, days = rule.partition("+")
            day = holiday(base, y)
            return day + dt.timedelta(days=int(days)) if day is not None else None
        parts = rule.split("-")
        mo = int(parts[0])
        if len(parts) == 2 and parts[1] == "EL":  # the Tuesday after the first Monday
            first = dt.date(y, mo, 1)
            monday = first + dt.timedelta(days=(7 - first.weekday()) % 7)
            return monday + dt.timedelta(days=1)
        if len(parts) == 2:
            return dt.date(y, mo, int(parts[1]))
        which, wd = parts[1][1:], int(parts[2])
        if which == "L":
            last = last_of_month(y, mo)
            return last - dt.timedelta(days=(last.isoweekday() - wd) % 7)
        first = dt.date(y, mo, 1)
        return first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (int(which) - 1))
    except (ValueError, OverflowError, IndexError):
        return None
