"""From a candidate to a TIMEX3 reading: one handler per kind of the grammar.

A handler gets the match and a :class:`Ctx` (the reference date, the clause's tense, what the
discourse mentioned last) and returns a :class:`Reading`, or None when the candidate is not a
temporal expression after all ("may" the verb, "52 years old", "$1.76 a year").

News conventions applied here:

* Weekdays, bare months, month-days without a year, holidays and seasons follow the tense of
  their clause: past -> the most recent one (the reference day included for a weekday),
  future or a present of schedules ("opens Friday") -> the next one; without a tense word the
  nearest one.
* "a year ago" / "a year earlier" next to a quarter or a month just mentioned means that
  period a year before ("profit rose in the third quarter from a year earlier" -> 2021-Q3).
* "the next day", "two days later", "that year", "the previous Friday" count from the last
  date mentioned; "three weeks ago", "next month" from the reference date.
* "N days before/after <event>" is a duration ("N days") and a signal; the event's date is
  not known.
"""

from __future__ import annotations

from .core import Handler
from .days import h_deictic, h_pod_day, h_time, h_weekday
from .named import (
    h_decade,
    h_holiday,
    h_iso,
    h_month,
    h_month_day,
    h_month_year,
    h_season,
    h_week_of,
    h_year,
)
from .quarters import h_fiscal, h_fiscal_ref, h_quarter, h_quarter_ref
from .relative import h_ago, h_duration, h_relday, h_relunit, h_set, h_span, h_vague, h_wd_set

HANDLERS: dict[str, Handler] = {
    "time": h_time,
    "pod_day": h_pod_day,
    "wd_set": h_wd_set,
    "holiday": h_holiday,
    "mdy": h_month_day,
    "dmy": h_month_day,
    "iso": h_iso,
    "month_year": h_month_year,
    "week_of": h_week_of,
    "quarter": h_quarter,
    "quarter_ref": h_quarter_ref,
    "fiscal": h_fiscal,
    "fiscal_ref": h_fiscal_ref,
    "decade": h_decade,
    "season": h_season,
    "relunit": h_relunit,
    "ago": h_ago,
    "relday": h_relday,
    "span": h_span,
    "weekday": h_weekday,
    "deictic": h_deictic,
    "set": h_set,
    "month": h_month,
    "duration": h_duration,
    "year": h_year,
    "year_named": h_year,
    "vague": h_vague,
}
