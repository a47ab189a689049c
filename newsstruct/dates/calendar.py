"""Calendar arithmetic on TIMEX3 values: pure functions of dates and strings.

A value names a calendar unit ("2022-03-16", "2022-W11", "2022-W10-WE", "2022-03", "2022-Q1",
"2022-H2", "2022-SU", "2022", "199" for the 1990s, "19" for the 1900s); :func:`value_range`
gives the first and last day it covers. Seasons are the meteorological ones of the northern
hemisphere (spring = March to May, winter = December to February of the next year).
"""

from __future__ import annotations

import datetime as dt
import functools
import math

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


class OffCalendar(ValueError):
    """A day before year 1 or after 9999, off the calendar of :mod:`datetime`, that a text's
    year or the arithmetic from its date reaches ("the second Saturday of March 0000", the
    spring before a text dated in year 1): that mention has no reading. Any other
    ``ValueError`` of a date rule is a bug, and surfaces as one."""


def make_date(y: int, m: int, d: int) -> dt.date:
    """``dt.date(y, m, d)``, for a year that may fall off the calendar (:class:`OffCalendar`)."""
    if not dt.MINYEAR <= y <= dt.MAXYEAR:
        raise OffCalendar(f"year {y} is off the calendar")
    return dt.date(y, m, d)


def last_of_month(y: int, m: int) -> dt.date:
    if m == 12:
        return make_date(y, 12, 31)
    return make_date(y, m + 1, 1) - dt.timedelta(days=1)


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


def orthodox_easter(y: int) -> dt.date:
    """Easter Sunday of the Orthodox churches in year ``y``: the Julian computus, its Julian
    date moved to the Gregorian calendar (13 days from 1900 to 2099)."""
    a, b, c = y % 4, y % 7, y % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    julian = dt.date(y, (d + e + 114) // 31, (d + e + 114) % 31 + 1)
    return julian + dt.timedelta(days=y // 100 - y // 400 - 2)


# The Hebrew calendar, in its fixed arithmetic form: a mean lunation (molad) of 29 days 12 hours
# 793 parts (1,080 parts an hour), 7 leap years of 13 months in 19, and the four postponements
# (dehiyyot) of 1 Tishrei. Times count from the start of a Sunday (6 p.m. Saturday) before the
# first molad of Tishrei, "BaHaRaD" (Monday, 5 hours, 204 parts); _HEBREW_DAY0 is the ordinal of
# that Sunday in the proleptic Gregorian calendar.
_PARTS_DAY = 24 * 1080
_LUNATION = 29 * _PARTS_DAY + 12 * 1080 + 793
_BAHARAD = _PARTS_DAY + 5 * 1080 + 204
_HEBREW_DAY0 = -1373428


def _hebrew_leap(hy: int) -> bool:
    return (7 * hy + 1) % 19 < 7


@functools.lru_cache(maxsize=256)
def _rosh_hashanah(hy: int) -> int:
    """The day number (from _HEBREW_DAY0) of 1 Tishrei of Hebrew year ``hy``."""
    cycles, rest = divmod(hy - 1, 19)
    months = 235 * cycles + 12 * rest + (7 * rest + 1) // 19
    day, parts = divmod(_BAHARAD + months * _LUNATION, _PARTS_DAY)
    if (
        parts >= 18 * 1080  # molad zaken: a molad at or after noon
        or (day % 7 == 2 and parts >= 9 * 1080 + 204 and not _hebrew_leap(hy))  # GaTaRaD
        or (day % 7 == 1 and parts >= 15 * 1080 + 589 and _hebrew_leap(hy - 1))  # BeTUTaKPaT
    ):
        day += 1
    if day % 7 in (0, 3, 5):  # lo ADU rosh: never on a Sunday, Wednesday or Friday
        day += 1
    return day


def hebrew_date(hy: int, mo: int, d: int) -> dt.date:
    """The Gregorian day whose daytime is day ``d`` of month ``mo`` of Hebrew year ``hy``
    (months numbered from Nisan = 1 to Adar = 12, Tishrei = 7; Adar is Adar II in a leap year).
    The Hebrew day begins at sundown the evening before."""
    start = _rosh_hashanah(hy)
    length = _rosh_hashanah(hy + 1) - start
    heshvan = 30 if length % 10 == 5 else 29  # a complete year (355, 385 days)
    kislev = 29 if length % 10 == 3 else 30  # a deficient year (353, 383 days)
    order = [7, 8, 9, 10, 11, 0, 12, 1, 2, 3, 4, 5, 6]  # 0: Adar I, in a leap year only
    lengths = {7: 30, 8: heshvan, 9: kislev, 10: 29, 11: 30, 0: 30, 12: 29}
    lengths.update({1: 30, 2: 29, 3: 30, 4: 29, 5: 30, 6: 29})
    if not _hebrew_leap(hy):
        order.remove(0)
    offset = sum(lengths[m] for m in order[: order.index(mo)])
    return dt.date.fromordinal(_HEBREW_DAY0 + start + offset + d - 1)


def new_moon(k: int) -> dt.datetime:
    """The moment (UTC, naive) of new moon number ``k`` counted from that of 6 January 2000: the
    mean lunation and its main periodic terms (those of a minute or more), good to a few
    minutes from 1900 to 2100."""
    t = k / 1236.85
    jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t * t
    e = 1 - 0.002516 * t
    ms, mm, f, om = (
        math.radians(x)
        for x in (
            2.5534 + 29.10535670 * k,
            201.5643 + 385.81693528 * k + 0.0107582 * t * t,
            160.7108 + 390.67050284 * k - 0.0016118 * t * t,
            124.7746 - 1.56375588 * k,
        )
    )
    jde += (
        -0.40720 * math.sin(mm)
        + 0.17241 * e * math.sin(ms)
        + 0.01608 * math.sin(2 * mm)
        + 0.01039 * math.sin(2 * f)
        + 0.00739 * e * math.sin(mm - ms)
        - 0.00514 * e * math.sin(mm + ms)
        + 0.00208 * e * e * math.sin(2 * ms)
        - 0.00111 * math.sin(mm - 2 * f)
        - 0.00057 * math.sin(mm + 2 * f)
        + 0.00056 * e * math.sin(2 * mm + ms)
        - 0.00042 * math.sin(3 * mm)
        + 0.00042 * e * math.sin(ms + 2 * f)
        + 0.00038 * e * math.sin(ms - 2 * f)
        - 0.00024 * e * math.sin(2 * mm - ms)
        - 0.00017 * math.sin(om)
    )
    return _J2000 + dt.timedelta(days=jde - 2451545.0)


_J2000 = dt.datetime(2000, 1, 1, 12)  # Julian day 2451545.0
# The new moon of 6 January 2000 (k = 0) began Ramadan 1420 AH: lunation k is Islamic month
# (k + _HIJRI_K0) % 12 + 1 of year (k + _HIJRI_K0) // 12 + 1.
_HIJRI_K0 = 17037


def _new_moons(y: int) -> range:
    """The numbers of the new moons from the December before year ``y`` to the January after."""
    k = math.floor((y - 2000) * 12.3685)
    return range(k - 2, k + 15)


def islamic_date(y: int, mo: int, d: int) -> dt.date | None:
    """The first Gregorian day of year ``y`` that is day ``d`` of Islamic month ``mo``
    (1 = Muharram, 9 = Ramadan, 10 = Shawwal, 12 = Dhu al-Hijjah). A month begins on the day
    after the first evening at Mecca (UTC+3, sunset taken as 6.30 p.m.) that follows the new
    moon, as Saudi Arabia's calendar does; where the crescent must be seen it may begin a day
    later."""
    for k in _new_moons(y):
        if (k + _HIJRI_K0) % 12 + 1 != mo:
            continue
        mecca = new_moon(k) + dt.timedelta(hours=3)
        evening = mecca.date() + dt.timedelta(days=mecca.hour * 60 + mecca.minute >= 18 * 60 + 30)
        day = evening + dt.timedelta(days=d)
        if day.year == y:
            return day
    return None


def lunar_new_year(y: int, utc_offset: int = 8) -> dt.date:
    """The first day of the Chinese lunisolar year that begins in year ``y``, at a UTC offset
    (8: China; Vietnam's Tet is at 7): the day of the second new moon after the December
    solstice, taken as the first new moon on or after 21 January."""
    for k in _new_moons(y):
        day = (new_moon(k) + dt.timedelta(hours=utc_offset)).date()
        if day >= dt.date(y, 1, 21):
            return day
    raise ValueError(y)


def diwali(y: int) -> dt.date:
    """Diwali (Lakshmi Puja) of year ``y``: the day of the last evening (6 p.m. in India, UTC+5:30)
    before the first new moon after the Sun enters sidereal Libra (taken as noon of 17 October
    in India). In a year whose new moon comes just after an evening (2024) regions keep the
    day before or this one."""
    for k in _new_moons(y):
        india = new_moon(k) + dt.timedelta(hours=5, minutes=30)
        if india >= dt.datetime(y, 10, 17, 12):
            return india.date() - dt.timedelta(days=india.hour < 18)
    raise ValueError(y)


@functools.lru_cache(maxsize=1024)  # each mention of a holiday asks for the years around it
def holiday(rule: str, y: int) -> dt.date | None:
    """The day a holiday rule of the lexicon gives in year ``y``.

    A rule may end in "+n", n days after the day it names ("11-W4-4+1": Black Friday). "E+n"
    counts from Easter Sunday, "OE+n" from Orthodox Easter; "H:MM-DD" and "I:MM-DD" are days of
    the Hebrew and Islamic months (:func:`hebrew_date`, :func:`islamic_date`); "C:01-DD" and
    "V:01-DD" days of the first month of the Chinese and Vietnamese year; "DIWALI" is Diwali.

    >>> holiday("11-W4-4", 2021), holiday("05-WL-1", 2022), holiday("E-2", 2022)
    (datetime.date(2021, 11, 25), datetime.date(2022, 5, 30), datetime.date(2022, 4, 15))
    >>> holiday("11-W4-4+1", 2021), holiday("OE+0", 2023), holiday("H:07-10", 2023)
    (datetime.date(2021, 11, 26), datetime.date(2023, 4, 16), datetime.date(2023, 9, 25))
    """
    try:
        if rule.startswith("E"):
            return easter(y) + dt.timedelta(days=int(rule[1:]))
        if rule.startswith("OE"):
            return orthodox_easter(y) + dt.timedelta(days=int(rule[2:]))
        if rule == "DIWALI":
            return diwali(y)
        if ":" in rule:
            system, _, md = rule.partition(":")
            mo, d = (int(x) for x in md.split("-"))
            if system == "H":  # the Hebrew year that has this day in Gregorian year y
                return next(
                    (h for hy in (y + 3760, y + 3761) if (h := hebrew_date(hy, mo, d)).year == y),
                    None,
                )
            if system == "I":
                return islamic_date(y, mo, d)
            if system in ("C", "V") and mo == 1:
                offset = 8 if system == "C" else 7
                return lunar_new_year(y, offset) + dt.timedelta(days=d - 1)
            return None
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
