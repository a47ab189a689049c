"""Handlers of relative expressions, durations and sets: "last week", "three days ago",
"the next day", "the past two years", "six months", "every Tuesday", "recently".

"N days later/earlier" and "the next day" count from the last date mentioned; "ago", "next
week", "this year" from the reference. "N days before/after <event>" is a duration and a
signal (the event's date is not known), as TimeML annotates it.
"""

from __future__ import annotations

import datetime as dt

import attrs
import regex

from ..patterns import compile_re, in_place
from . import calendar as cal
from .amounts import (
    MOD_PREFIX,
    MOD_WORDS,
    TIME_UNITS,
    UNIT_LETTER,
    UNIT_RE,
    duration_value,
    norm,
    parse_amount,
    unit_of,
)
from .core import (
    PREPOSITION_BEFORE,
    WORDS,
    Cand,
    Ctx,
    Prior,
    Reading,
    capitalised,
    current_quarter,
    edge_mod,
    followed_by_word,
    future_in_past,
    future_in_past_day,
    month_day_year,
    month_in,
    prior_for,
    shift_by,
    shift_period,
    shift_quarter,
    weekday_date,
    weekday_in,
)
from .named import h_season
from .quarters import game_period

_QUANTITY_BEFORE = compile_re(
    r"(?:\d[\d,.]*(?:[ \t\u00a0]?%|bn|mn|tn|m|k|million|billion|trillion)?"
    r"|\b(?:million|billion|trillion|thousand|percent|cent|yen"
    r"|yuan|times|once|twice|thrice|each|apiece"
    # plurals without -s: "33,000 people a year", "50 men a day"
    r"|people|men|women|children|cattle|sheep|fish|feet|aircraft|spacecraft|livestock|personnel"
    r"|(?!(?:was|has|is|this|its|his|as|us|plus|thus|less|perhaps|unless|always|besides|across"
    r"|takes|lasts|needs|gets|spends|does|goes|remains|means|seems|lies|yes|whereas|towards"
    r"|afterwards|nevertheless|sometimes|years|months|weeks|days)\b)[\p{Ll}]+s))\s+$"
)
# "300 tonnes of water an hour", "40 million litres of fuel a day": an amount of a thing, then
# the unit it is counted per
_QUANTITY_OF_BEFORE = compile_re(
    r"(?:\d[\d,.]*|\b(?:million|billion|trillion|thousand|hundred|dozen))"
    r"(?:[ \t\u00a0]+(?!(?:years|months|weeks|days|hours|minutes)\b)\p{Ll}{2,}s)?[ \t\u00a0]+of"
    r"(?:[ \t\u00a0]+(?!(?:for|in|within|over|during|after|before|by|than|about|around|nearly"
    r"|almost|just|only|under|up|to|at|on|from|into|until|till|least|more|less|and|or|but)\b)"
    r"\p{Ll}+){1,2}[ \t\u00a0]+$"
)
# "Trillions of dollars of trade a year", "hundreds of people a day": a vague amount in the
# plural, then one noun (not "thousands of shoppers waited an hour")
_PLURAL_AMOUNT_OF_BEFORE = compile_re(
    r"\b(?:[Mm]illions|[Bb]illions|[Tt]rillions|[Tt]housands|[Hh]undreds|[Dd]ozens)[ \t\u00a0]+of"
    r"[ \t\u00a0]+\p{Ll}+(?:[ \t\u00a0]+of[ \t\u00a0]+\p{Ll}+)?[ \t\u00a0]+$"
)


# "officials this week detailed the plan": a verb in "-ed" before its object, a past
_PAST_VERB_AFTER = compile_re(
    r"[ \t\u00a0]+\p{Ll}{2,}ed[ \t\u00a0]+(?:the|a|an|its|their|his|her|our|that|this)(?![\p{L}])"
)
# "the mayor said the next morning would be cold": the subject of a reported plan or
# forecast, the day after the saying
_MODAL_AFTER = compile_re(r"(?:['’]s[ \t]+\p{L}+[ \t]+)?[ \t]*(?:would|could|might|will)\b")
_OF_THE_UNIT = compile_re(r"\bof the (year|month|week|quarter|decade|century)$")


# "rookie of the year", "player of the week": an award's title
# "the year" opening a relative clause: a subject (a pronoun, "the" and a noun, a capitalised
# name and its verb) after it, or "when"/"that"
_CLAUSE_AFTER = compile_re(
    r"[ \t\u00a0]+(?:(?:he|she|they|we|i|you|when|that|the[ \t\u00a0]+\p{L}+)(?![\p{L}'’])"
    r"|\p{Lu}\p{Ll}+\.?(?:[ \t\u00a0]+\p{Lu}[\p{L}.]*){0,2}(?:['’]s)?[ \t\u00a0]+\p{Ll})"
)
_YEAR_APPOSITION = compile_re(r"(?<!\d)((?:1[5-9]|20)\d\d),[ \t\u00a0]+$")
_AWARD_BEFORE = compile_re(r"(?<![\p{L}])(\p{L}+)[ \t\u00a0]+of[ \t\u00a0]+$")
_AWARD_NOUNS = frozenset(
    """player rookie coach manager person man woman athlete car album song record book film
    movie employee teacher entrepreneur businessman businesswoman team pitcher goal word
    company brand bank banker investor executive""".split()  # noqa: SIM905
)
_WEEK_ENDED = compile_re(
    r"[ \t\u00a0]+(?:ended|ending|to|through)[ \t\u00a0]+(\p{Lu}\p{Ll}{2,8}\.?)[ \t\u00a0]+"
    r"([12]\d|3[01]|0?[1-9])(?![\d\p{L}])"
)
_WEEK_ENDED_WEEKDAY = compile_re(
    r"(?i)[ \t\u00a0]+(?:ended|ending|to|through)[ \t\u00a0]+(?:on[ \t\u00a0]+)?"
    r"((?:mon|tues|wednes|thurs|fri|satur|sun)day)(?![\p{L}'’])"
)
_MID_MONTH_WEEK = compile_re(r"mid[-‐]?(month|week|decade)")
_BEFORE_LAST = compile_re(r"the (week|year) before last")
_WEEK_FINE = frozenset(["day", "week", "weekend"])
# "will report full-year results": the results of a year told when published
_RESULTS_AFTER = compile_re(r"(?i)[ \t\u00a0]+(?:results|earnings|figures|accounts)(?![\p{L}])")
_REPORT_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:report(?:s|ed|ing)?|publish(?:es|ed|ing)?|announc(?:e|es|ed|ing)"
    r"|releas(?:e|es|ed|ing)|unveil(?:s|ed|ing)?|post(?:s|ed|ing)?|present(?:s|ed|ing)?)"
    r"(?:[ \t\u00a0]+(?:its|their|the|his|her))?[ \t\u00a0]+$"
)
# "raised its full-year outlook": a forecast, for the year under way
_FORECAST_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+(?:outlook|forecasts?|guidance|targets?|goals?|projections?)(?![\p{L}])"
)
_AN_BEFORE = compile_re(r"\ban?[ \t\u00a0]+$", regex.IGNORECASE)
_POSSESSIVE_AFTER = compile_re(r"[ \t]?['’]s(?![\p{L}])")  # "this quarter's", "quarter 's"
_SINCE_BEFORE = compile_re(r"(?i)(?<![\p{L}])since[ \t\u00a0]+(?:the[ \t\u00a0]+)?$")


_HALF_BEFORE = compile_re(r"(?i)(?<![\p{L}])half[ \t\u00a0]+$")
# the words of a league near "last season" that a game's cues may miss ("Kestrel finished third
# last season", "who won the title last season", "relegated at the end of last season")
_LEAGUE_CUE = compile_re(
    r"(?i)(?<![\p{L}])(?:league|title|champions(?:hip)?|relegat(?:ed|ion)|promoted|promotion"
    r"|coach|manager|squad|scorers?|play-?offs?|fixtures?|goals?|tournament|standings"
    r"|match(?:es)?)(?![\p{L}])"
)
_LEAGUE_REACH = 120


def h_relunit(m: Cand, ctx: Ctx) -> Reading | None:
    raw = m.group()
    low = norm(raw).replace(" calendar year", " year")  # "by the end of the calendar year"
    after = ctx.text[m.end() : m.end() + 12].lower()
    mod = edge_mod(low)
    last_word = raw.split()[-1]
    if (
        last_word[:1].isupper()
        and not last_word.isupper()
        and raw[:1].isupper()
        and m.start() > 0
        and ctx.text[m.start() - 1] in "\"“'‘"
    ):
        return None  # "This Week", a programme's title
    if low.endswith(" season"):
        # "last season", "this season": a league's season, told in sports only (not "the
        # busy season" of hotels); TimeML's value cannot write a span of two years, so the
        # season is past, present or future, as "recently" and "now" are
        if not game_period(ctx.text, m.start(), m.end()) and not _LEAGUE_CUE.search(
            ctx.text, max(0, m.start() - _LEAGUE_REACH), m.end() + _LEAGUE_REACH
        ):
            return None
        value = _SEASON_REF.get(low.split()[-2], "PRESENT_REF")
        return Reading("DATE", value, None)
    if low.endswith("the new year"):
        # "will continue into the new year": the year about to begin, or just begun in
        # January and February
        if ctx.ref is None:
            return Reading("DATE", None, None, mod=mod)
        return Reading("DATE", cal.year(ctx.ref.year + (ctx.ref.month > 2)), mod=mod)
    before_last = _BEFORE_LAST.fullmatch(low)
    if before_last is not None:  # "the week before last": two back from the reference
        if ctx.ref is None:
            return Reading("DATE", None, None)
        unit = before_last.group(1)
        if unit == "week":
            return Reading("DATE", cal.week(ctx.ref - dt.timedelta(days=14)))
        return Reading("DATE", cal.year(ctx.ref.year - 2))
    if low == "the full year":
        low = "the year"
    if (
        _WEEK_EDGE.fullmatch(low)
        and ctx.previous is not None
        and ctx.previous.unit in _WEEK_FINE
        and ctx.tense == "past"
    ):
        # "On 4 April 2016 a fire swept through. By the end of the week …": an edge of the
        # week of the day just named, as "the week" is
        return Reading("DATE", cal.week(ctx.previous.first), "previous", mod=mod)
    if low in ("the week", "the year"):
        if low == "the year" and (
            after.lstrip().startswith(("ended", "ending", "to date"))
            or _TO_MONTH.match(ctx.text, m.end(), m.end() + 28)
        ):
            return Reading("DURATION", "P1Y", None)  # "in the year to September": 12 months
        award = _AWARD_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
        if award is not None and award.group(1).lower() in _AWARD_NOUNS:
            return None  # "rookie of the year", "car of the week": a title, not a time
        if _HALF_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
            return None  # "dark half the year", "idle half the week": a share of any year
        if low == "the year" and _CLAUSE_AFTER.match(ctx.text, m.end(), m.end() + 40):
            # "misstated the year Mr. Hale bought it", "in 2010, the year he retired": the year
            # of an event the clause tells, not the reference's; a year just before names it
            named = _YEAR_APPOSITION.search(ctx.text, max(0, m.start() - 8), m.start())
            if named is None:
                return None
            return Reading("DATE", named.group(1), None)
        if ctx.ref is None:
            return Reading("DATE", None, None)
        same = _year_of_sentence(m, ctx) if low == "the year" else None
        if same is not None:
            # "a loss in the fourth quarter of 2008 … in the last three months of the year":
            # the year its sentence has named
            return Reading("DATE", cal.year(same), "previous")
        # the week of the last day or week named; a coarser date ("by year's end", "in 2008")
        # says nothing of which week: then the reference's
        prior = ctx.previous if ctx.previous and ctx.previous.unit in _WEEK_FINE else None
        if low == "the week":
            ended = _WEEK_ENDED.match(ctx.text, m.end(), m.end() + 40)
            mo = month_in(ended.group(1), ctx.lex) if ended is not None else None
            if ended is not None and mo is not None:
                # "jobless claims fell in the week ended March 2": the week of that day
                day = month_day_year(mo[0], int(ended.group(2)), attrs.evolve(ctx, tense="past"))
                if day is not None:
                    return Reading("DATE", cal.week(day))
            ended_wd = _WEEK_ENDED_WEEKDAY.match(ctx.text, m.end(), m.end() + 24)
            if ended_wd is not None:
                # "in the week through Friday": the week of that (past) Friday
                wd = weekday_in(ended_wd.group(1), ctx.lex)
                day = weekday_date(attrs.evolve(ctx, tense="past"), wd) if wd else None
                if day is not None:
                    return Reading("DATE", cal.week(day))
            base = prior.first if prior is not None else ctx.ref
            return Reading("DATE", cal.week(base), "previous" if prior else "ref")
        if (
            ctx.ref.month <= 3
            and _FOR_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
            and ctx.tense == "past"
        ):
            # "Revenue for the year rose 4 percent", "costs rose during the year" in February:
            # the year just reported
            return Reading("DATE", cal.year(ctx.ref.year - 1))
        return Reading("DATE", cal.year(ctx.ref.year))
    if low.replace("-", " ").endswith("year to date"):  # "year-to-date": so far this year
        return Reading("DATE", cal.year(ctx.ref.year) if ctx.ref else None)
    mid_unit = _MID_MONTH_WEEK.fullmatch(low.removeprefix("the "))
    if mid_unit is not None:  # "by mid-month", "midweek": the reference's month or week
        if ctx.ref is None:
            return Reading("DATE", None, None, mod="MID")
        if mid_unit.group(1) == "decade":  # "by mid-decade": the reference's decade
            return Reading("DATE", f"{ctx.ref.year // 10:03d}", mod="MID")
        if mid_unit.group(1) == "month":
            return Reading("DATE", cal.month(ctx.ref.year, ctx.ref.month), mod="MID")
        return Reading("DATE", cal.week(ctx.ref), mod="MID")
    if any(
        k in low
        for k in (
            "year-end",
            "year end",
            "year's end",
            "end of the year",
            "end of year",
            "end-of-year",
            "midyear",
            "mid-year",
            "mid year",
            "full-year",
            "full‐year",
        )
    ):
        if ctx.ref is None:
            return Reading("DATE", None, None)
        y = ctx.ref.year
        told = _year_told_before(m, ctx) if "full" not in low else None
        if told is not None:
            # "A poll in May 2015 put him at 5 percent. By the end of the year, he had
            # climbed to 35 percent" ("by midyear"): the year the story has just named, told
            # in the past
            return Reading("DATE", cal.year(told), "previous", mod="MID" if "mid" in low else "END")
        if ctx.ref.month <= 3 and ctx.tense == "past":
            y -= 1
        elif ctx.ref.month == 12 and ctx.ref.day > 20 and ctx.tense == "future":
            y += 1
        elif (
            "end" in low
            and _SINCE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
            and (ctx.ref.month, ctx.ref.day) != (12, 31)
        ):
            y -= 1  # "the index is up 9% since year-end": the last one passed
        if low.startswith("full"):  # "full-year profit rose": the year reported
            if _AN_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start()):
                return Reading("DURATION", "P1Y", None)  # "a full-year contract": a length
            if (
                ctx.ref.month <= 3
                and _RESULTS_AFTER.match(ctx.text, m.end(), m.end() + 16)
                and _REPORT_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
            ):
                # "will publish full-year results on March 10" in February: the results
                # of the year just ended, whatever the tense
                return Reading("DATE", cal.year(ctx.ref.year - 1))
            if _FORECAST_AFTER.match(ctx.text, m.end(), m.end() + 16):
                # "raised its full-year outlook" in March: this year's, told in the past too
                return Reading("DATE", cal.year(ctx.ref.year))
            return Reading("DATE", cal.year(y))
        return Reading("DATE", cal.year(y), mod="MID" if "mid" in low else "END")
    if "turn of the century" in low:
        if ctx.ref is None:
            return Reading("DATE", None, None)
        return Reading("DATE", cal.century(ctx.ref.year + 50), mod="START", ranged=False)
    if _OF_THE_UNIT.search(low):
        unit = low.rsplit(" ", 1)[-1]
        modifier = "this"
    else:
        words = low.replace("-", " ").split()
        unit = words[-1]
        modifier = next(
            (w for w in ("last", "next", "coming", "past", "current", "this") if w in words),
            "this",
        )
        if "this past" in low:
            modifier = "last"
        elif "this coming" in low:
            modifier = "next"
        elif modifier == "current":
            modifier = "this"
    if (
        low == "weekend"
        and _SCHEDULE_NOUN_AFTER.match(ctx.text, m.end(), m.end() + 24)
        and not _AN_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start())
    ):
        # "cut weekend service", "Weekend closures are planned for June": the weekends a
        # timetable runs on, as "on weekends" (not "weekend rallies", events of one weekend,
        # nor "a weekend service" at a church)
        return Reading("SET", "XXXX-WXX-WE", None)
    if low == "weekend" and _weekends_of_period(m, ctx):
        # "Weekend protests are planned for June": events of the weekends of a month
        return Reading("SET", "XXXX-WXX-WE", None)
    if unit == "weekend" or low == "the weekend" or low == "weekend":
        return _weekend(ctx, modifier if low not in ("the weekend", "weekend") else "")
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(modifier, 0)
    seasons = ctx.lex.temporal["season"]
    if unit in seasons:
        return h_season(m, ctx)
    if ctx.ref is None:
        return Reading("DATE", None, None, mod=mod)
    ref = ctx.ref
    said = None
    if step == 1 and unit in ("week", "month"):
        # "said on Friday it would strike next week" in a Monday story: the week after the
        # day of the saying, as "said Friday talks would resume Tuesday" (and "said in
        # February it would strike next month": March)
        said = (
            future_in_past_day(ctx, m.start()) if unit == "week" else future_in_past(ctx, m.start())
        )
    if said is not None:
        return Reading(
            "DATE",
            cal.week(said + dt.timedelta(weeks=1))
            if unit == "week"
            else cal.month(*cal.shift_months(said.year, said.month, 1)),
            "previous-day" if unit == "week" else "previous",
            mod=mod,
        )
    if unit == "week":
        if (
            low == "this week"
            and ref.isoweekday() == 7
            and ctx.tense != "past"
            and not _PAST_VERB_AFTER.match(ctx.text, m.end(), m.end() + 40)
        ):
            # "will extend to this week's convention", "He's not available this week" in a
            # Sunday story: the week that opens the next day, as the news week runs from
            # Sunday (told in the past, the one ending that Sunday: "campaigned there this
            # week", "officials this week detailed the plan")
            step = 1
        return Reading("DATE", cal.week(ref + dt.timedelta(weeks=step)), mod=mod)
    if step == 0 and mod is not None and unit in ("month", "year") and "this" not in low.split():
        # "In 2012 the council voted in the middle of the year", "In March 2019, the mill
        # closed at the end of the month": an edge of the year or month just named, told in
        # the past, as "the end of the year" is
        month = _told_month(m, ctx) if unit == "month" else None
        year = _year_told_before(m, ctx) if unit == "year" else None
        if month is not None:
            return Reading("DATE", cal.month(month.year, month.month), "previous", mod=mod)
        if year is not None:
            return Reading("DATE", cal.year(year), "previous", mod=mod)
    if unit == "month":
        return Reading("DATE", cal.month(*cal.shift_months(ref.year, ref.month, step)), mod=mod)
    if unit == "year":
        return Reading("DATE", cal.year(ref.year + step), mod=mod)
    if unit == "quarter":
        current = cal.quarter(*current_quarter(ref))
        if (
            modifier == "this"
            and step == 0
            and ctx.quarter is not None
            and ctx.quarter < current
            and _POSSESSIVE_AFTER.match(ctx.text, m.end(), m.end() + 4)
        ):
            # "a loss for the third quarter ... This quarter's loss includes charges": the
            # quarter just reported, not the one under way
            return Reading("DATE", ctx.quarter, "previous", mod=mod)
        return Reading("DATE", shift_quarter(current, step), mod=mod)
    if unit == "decade":
        return Reading("DATE", cal.decade(ref.year + 10 * step), mod=mod)
    if unit == "century":
        return Reading("DATE", cal.century(ref.year + 100 * step), mod=mod)
    if unit == "millennium":
        return Reading("DATE", None, None)
    return None


_WEEK_EDGE = compile_re(r"the (?:end|beginning|start|middle) of the week")
_SENTENCE_BREAK = compile_re(r"[.!?][\"”’']?\s")
_OF_BEFORE = compile_re(r"(?i)(?<![\p{L}])of[ \t\u00a0]+$")


def _over_before(prior: Prior | None, day: dt.date) -> bool:
    """The date ``prior`` names ended before ``day``."""
    span = cal.value_range(prior.value) if prior is not None else None
    return span is not None and span[1] < day


def _day_gone(m: Cand, ctx: Ctx) -> Prior | None:
    """The last day named not after the reference, in the sentence of ``m`` or the one before
    ("spoke on Tuesday, before the vote next Friday. A day earlier, …": Tuesday), else None."""
    past = ctx.past_day
    if (
        past is None
        or not 0 <= past.end <= m.start()
        or len(_SENTENCE_BREAK.findall(ctx.text, past.end, m.start())) > 1
    ):
        return None
    return past


def _earlier_year(m: Cand, ctx: Ctx, units: tuple[str, ...], breaks: int, reach: int) -> int | None:
    """The year of the date of one of ``units`` named last, within ``reach`` characters and
    ``breaks`` sentence breaks before ``m``, when ``m`` is told in the past; else None."""
    prev = ctx.previous
    if (
        prev is None
        or ctx.ref is None
        or prev.unit not in units
        or prev.end < 0
        or prev.end > m.start()
        or m.start() - prev.end > reach
        or len(_SENTENCE_BREAK.findall(ctx.text, prev.end, m.start())) > breaks
        or ctx.tense != "past"  # (read last: the costly test)
    ):
        return None
    return prev.first.year


def _year_of_sentence(m: Cand, ctx: Ctx) -> int | None:
    """ "of the year" in a past clause after a quarter, half, month or year of another year
    named earlier in the same sentence: that year. (A plan is of the reference's year: "near
    zero since December 2008, is expected to act at its final meeting of the year".)"""
    if not _OF_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start()):
        return None
    year = _earlier_year(m, ctx, ("quarter", "half", "month", "year"), 0, 200)
    return year if ctx.ref is not None and year != ctx.ref.year else None


def _year_told_before(m: Cand, ctx: Ctx) -> int | None:
    """The year of a month, quarter or half of an earlier year than the reference's named in
    the sentence of ``m`` or the one before, when ``m`` is told in the past; else None."""
    if _SINCE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None
    year = _earlier_year(m, ctx, ("quarter", "half", "month", "day", "year"), 1, 300)
    return year if ctx.ref is not None and year is not None and year < ctx.ref.year else None


def _told_month(m: Cand, ctx: Ctx) -> dt.date | None:
    """The first day of the month of a month or day before the reference's month named in
    the sentence of ``m`` or the one before, when ``m`` is told in the past; else None."""
    if _earlier_year(m, ctx, ("month", "day"), 1, 300) is None or ctx.previous is None:
        return None
    first = ctx.previous.first.replace(day=1)
    return first if ctx.ref is not None and first < ctx.ref.replace(day=1) else None


_TO_MONTH = compile_re(
    r"[ \t\u00a0]+(?:to|through)[ \t\u00a0]+(?:the[ \t\u00a0]+end[ \t\u00a0]+of[ \t\u00a0]+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[\p{L}.]*(?![\p{L}])"
)
_FOR_BEFORE = compile_re(r"(?i)(?<![\p{L}])(?:for|during|in|over|throughout)[ \t\u00a0]+$")


# the nouns of a timetable that "weekend" qualifies as a recurrence
_SCHEDULE_NOUN_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+(?:services?|closures|schedules?|timetables?|hours|shifts|editions"
    r"|fares|sailings|departures|opening[ \t\u00a0]+hours)(?![\p{L}'’-])"
)


# a season in lower case ("for the summer"; "the Summer Olympics" is a name)
_SEASON_NAMED = compile_re(
    r"(?<![\p{L}])(?:[Tt]he|[Tt]his|[Nn]ext|[Ii]n)[ \t\u00a0]+(?:autumn|fall|spring|summer|winter)"
    r"(?![\p{L}])"
)
_DAY_NUMBER_AFTER = compile_re(r"[ \t\u00a0]*\d")
# a plural noun (not a word of another kind ending in "s": "all weekend across the state")
_PLURAL_NOUN_AFTER = compile_re(
    r"[ \t\u00a0]+(?!(?:across|always|afterwards|besides|perhaps|sometimes|towards|unless"
    r"|whereas|does)(?![\p{L}]))\p{Ll}{3,}s(?![\p{L}'’-])"
)
_REST_REACH = 200  # characters of the sentence after "weekend" searched for a month
_ALL_BEFORE = compile_re(r"(?i)(?<![\p{L}])(?:an?|all)[ \t\u00a0]+$")


def _weekends_of_period(m: Cand, ctx: Ctx) -> bool:
    """ "weekend" with no determiner (nor "all") before a plural noun, with a month (not a day
    of it) or a season named after it in its sentence ("Weekend protests are planned for
    June", "… for the summer"; not "Weekend rallies drew thousands", the last weekend's, nor
    "…, police said on May 13")."""
    if not _PLURAL_NOUN_AFTER.match(ctx.text, m.end(), m.end() + 24) or _ALL_BEFORE.search(
        ctx.text, max(0, m.start() - 5), m.start()
    ):
        return False
    rest = ctx.text[m.end() : m.end() + _REST_REACH]
    stop = _SENTENCE_BREAK.search(rest)
    rest = rest[: stop.start()] if stop is not None else rest
    if _SEASON_NAMED.search(rest):
        return True
    months = ctx.lex.temporal["month"]
    return any(
        capitalised(w.group())
        and (w.group().lower() in months or w.group().lower().rstrip(".") in months)
        and not _DAY_NUMBER_AFTER.match(rest, w.end())
        for w in WORDS.finditer(rest)
    )


def _weekend(ctx: Ctx, modifier: str) -> Reading:
    if ctx.ref is None:
        return Reading("DATE", None, None)
    ref = ctx.ref
    wd = ref.isoweekday()
    if modifier == "":
        # (on a Saturday or a Sunday, the weekend is this one, whatever the tense)
        modifier = "this" if wd >= 6 else "next" if ctx.tense in ("future", "present") else "last"
    if modifier == "this":
        # "leaders met in Corran this weekend" on a Monday: the weekend just gone
        base = ref - dt.timedelta(days=wd) if wd < 6 and ctx.tense == "past" else ref
        return Reading("DATE", cal.week(base, weekend=True))
    if modifier in ("last", "past"):
        back = wd if wd < 6 else wd + 1
        if wd == 7:
            back = 7
        return Reading("DATE", cal.week(ref - dt.timedelta(days=back), weekend=True))
    fwd = 6 - wd if wd < 6 else 13 - wd
    return Reading("DATE", cal.week(ref + dt.timedelta(days=fwd), weekend=True))


def _unit_span(m: Cand) -> tuple[int, int] | None:
    """The end offset of the unit word in a match (to cut off "later", "before")."""
    units = list(UNIT_RE.finditer(m.group()))
    u = units[-1] if units else None
    if u is None:
        return None
    half = _AND_A_HALF.match(m.group(), u.end())  # "a minute and a half later"
    return m.start(), m.start() + (half.end() if half else u.end())


_UNIT_ADJ_END = compile_re(
    r"(?:more|additional|further|extra|straight|consecutive|full|long|trading|business|working|calendar|fiscal|school|hot|cold|short|crucial|difficult|single)$",
    regex.IGNORECASE,
)
# "a year and a half", "two-and-a-half years"; not "a year and a half-hour film"
_AND_A_HALF = compile_re(r"[\s‐-]+and[\s‐-]+a[\s‐-]+half(?![-‐]?\p{L})")


def _amount_and_unit(phrase: str, ctx: Ctx) -> tuple[float | None, str, str | None, bool] | None:
    units = list(UNIT_RE.finditer(phrase))
    if not units:
        return None
    u = units[-1]
    amount = phrase[: u.start()].strip(" -‐\t")
    amount = _UNIT_ADJ_END.sub("", amount).strip(" -‐")
    if amount.lower() == "another" or amount.lower().endswith(" another"):
        amount = amount[: -len("another")] + "a"  # "(at least) another year": one more
    if not amount or (amount.lower() == "the" and u.group(1).lower().endswith("s")):
        n, mod, vague = None, None, True  # "over the years": an unspecified amount
    else:
        n, mod, vague = parse_amount(amount, ctx.lex)
    if n is None and not vague:
        return None
    if n is not None and _AND_A_HALF.match(phrase[u.end() :]):
        n += 0.5
    tail = _OR_MORE.match(phrase, u.end())
    if tail is not None and mod is None:
        # "a week or so": about a week; "27 weeks or more", "six months or longer": at least
        mod = "APPROX" if tail.group(1).lower() == "so" else "EQUAL_OR_MORE"
    return n, unit_of(u.group(1)), mod, vague


_OR_SO = compile_re(r"(?i)[ \t\u00a0]+or[ \t\u00a0]+so(?![\p{L}])")
_OR_MORE = compile_re(r"(?i)[ \t\u00a0]+or[ \t\u00a0]+(so|more|longer)$")


_THAN_AFTER = compile_re(r"[ \t\u00a0]+than(?![\p{L}])", regex.IGNORECASE)
_FROM_NOW = compile_re(r"\s+from\s+(?:now|today)$", regex.IGNORECASE)


_DEEP_PAST = compile_re(
    r"(?i)\b(?:million|billion|millions[ \t\u00a0]+of|billions[ \t\u00a0]+of)[ \t\u00a0]+years[ \t\u00a0]+ago$"
)


# "sold 5% fewer cars than a year earlier": a comparison of quantities, not a mod of the time
_COMPARED_LEAD = compile_re(r"(?i)(?:more|fewer|less)[ \t\u00a0]+than[ \t\u00a0]+")
_QUANTITY_END = compile_re(
    r"(?i)(?:\d(?:[ \t\u00a0]?%)?|\bper[ \t\u00a0]?cent|\bpoints?)[ \t\u00a0]*$"
)


def h_ago(m: Cand, ctx: Ctx) -> Reading | None:
    quarter = (
        _QUARTER_OF_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start())
        if _A_CENTURY.match(m.group())
        else None
    )
    reading = _ago(m, ctx, quarter_of=quarter is not None)
    if quarter is not None and reading is not None:
        # "a quarter of a century ago", "a quarter of a century after the flood": 25 years
        reading = attrs.evolve(reading, start=quarter.start())
    return reading


_A_CENTURY = compile_re(r"(?i)(?:a|one)[ \t\u00a0]+century(?![\p{L}])")


def _ago(m: Cand, ctx: Ctx, quarter_of: bool = False) -> Reading | None:
    raw = m.group()
    lead = _COMPARED_LEAD.match(raw)
    if lead is not None and _QUANTITY_END.search(ctx.text, max(0, m.start() - 12), m.start()):
        inner = h_ago(Cand(m.start() + lead.end(), raw[lead.end() :]), ctx)
        return attrs.evolve(inner, start=m.start() + lead.end()) if inner is not None else None
    low = norm(raw)
    if _DEEP_PAST.search(raw):
        # "roughly 3.5 billion years ago": before any calendar year a value can write
        lead = MOD_PREFIX.match(low)
        mod = MOD_WORDS.get(" ".join(lead.group().split())) if lead else None
        return Reading("DATE", "PAST_REF", None, mod=mod)
    direction = low.split()[-1]
    tail = _FROM_NOW.search(raw)
    if tail is not None:
        direction = "from now"
    span = _unit_span(Cand(m.start(), raw[: tail.start()]) if tail is not None else m)
    parsed = _amount_and_unit(raw[: span[1] - m.start()] if span else raw, ctx)
    if parsed is None or span is None:
        return None
    n, unit, mod, vague = parsed
    if quarter_of:
        n, unit = 25, "year"
    if mod is None and _OR_SO.match(raw, span[1] - m.start()):
        mod = "APPROX"  # "a week or so ago"
    if _is_age(ctx, m.end()):
        return None
    event_follows = direction in ("before", "after") and followed_by_word(ctx, m.end())
    if direction in ("earlier", "later") and _THAN_AFTER.match(ctx.text, m.end(), m.end() + 6):
        event_follows = True  # "a week later than planned": a length compared, not a date
    if direction == "on" and followed_by_word(ctx, m.end()):
        # "five hours on the ground": a duration (or a rate, "seats a week on the route")
        reading = h_duration(Cand(m.start(), m.group()[: span[1] - m.start()]), ctx)
        return attrs.evolve(reading, end=span[1]) if reading is not None else None
    if event_follows or unit in TIME_UNITS or (vague and direction not in ("ago", "back")):
        # "three days after the vote": a duration and a signal; the event's date is unknown.
        return Reading("DURATION", duration_value(n, unit), None, end=span[1], mod=mod)
    backward = direction in ("ago", "earlier", "before", "back")
    prior = None
    if direction in ("ago", "back", "from now", "hence"):
        base, anchor = ctx.ref, "ref"
    else:  # earlier, later, before, after, on: from the last date mentioned
        prior, anchor = prior_for(ctx, unit)
        base = prior.first if prior else ctx.ref
        if prior is None and ctx.previous is not None:
            # "In 2005 the firm was sold. Six months later …": counted from a date too coarse
            # to count in these units, not from the publication date
            return Reading("DATE", None, None, mod=mod)
        if prior is None and direction == "later" and ctx.tense == "past":
            # "Three days later, police arrested a suspect" with no date before it: later than
            # an event the text does not date, and told in the past, so not that long after
            # the publication date
            return Reading("DATE", None, None, mod=mod)
        if (
            backward
            and prior is not None
            and ctx.ref is not None
            and prior.first > ctx.ref
            and ctx.tense == "past"
        ):
            # "Japan votes on Oct. 27. The yen traded at 149.6, up from 150.2 a day earlier":
            # a past clause counts from no date still ahead, but from a day gone named just
            # before, else from the reference
            gone = _day_gone(m, ctx) if anchor == "previous-day" else None
            if gone is not None:
                prior, anchor, base = gone, "past-day", gone.first
            else:
                prior, anchor, base = None, "ref", ctx.ref
    if vague or n is None or n != int(n) or unit == "millennium":
        return Reading("DATE", "PAST_REF" if backward else "FUTURE_REF", None, mod=mod)
    k = int(n) * (-1 if backward else 1)
    if unit == "year" and k == -1 and direction == "earlier" and prior and prior.compared:
        # "down from a year ago ... higher than a year earlier": the same comparison again
        return Reading("DATE", prior.value, "previous", mod=mod)
    if unit == "year" and k == -1 and direction in ("ago", "earlier") and ctx.period and not mod:
        # (figures are compared with a year back exactly: "more than a year ago" is a time)
        return Reading("DATE", shift_period(ctx.period, -1), "previous", mod=mod)
    if base is None:
        return Reading("DATE", None, None, mod=mod)
    if (
        prior is not None
        and unit in ("decade", "century")
        and prior.unit not in ("decade", "century")
    ):
        # "opened in 1974 and was expanded a decade later": ten years after that year (1984),
        # not the 1980s
        k, unit = k * (10 if unit == "decade" else 100), "year"
    value = shift_by(base, k, unit)
    if value is not None and value.startswith("-"):
        return Reading("DATE", "PAST_REF", None, mod=mod)  # "about 10,000 years ago"
    if (
        prior is not None
        and not backward
        and ctx.ref is not None
        and prior.first <= ctx.ref
        and (span_of := cal.value_range(value)) is not None
        and span_of[0] > ctx.ref
        and ctx.tense != "future"  # (read last: the costly test)
    ):
        # "Last year, the firm was sold. A decade later, it remains": counted from another
        # date than the last one named, as told it cannot pass the reference
        return Reading("DATE", None, None, mod=mod)
    same = _THIS_UNIT_AFTER.match(ctx.text, m.end(), m.end() + 16) if unit == "year" else None
    if same is not None and direction == "ago" and value is not None:
        # "55 years ago this week", "a year ago today": the reference's week, month or day
        # that many years back, one expression ("that week" after it is the week back)
        y = base.year + k
        back = dt.date(y, base.month, min(base.day, cal.last_of_month(y, base.month).day))
        word = (same.group(1) or "day").lower()
        if word == "week":
            value = cal.week(back)
        elif word == "month":
            value = cal.month(back.year, back.month)
        else:
            value = cal.day(back)
        return Reading("DATE", value, anchor, mod=mod, end=same.end())
    return Reading("DATE", value, anchor, mod=mod)


_THIS_UNIT_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+(?:this[ \t\u00a0]+(week|month)|(today))(?![\p{L}])"
)


_UNIT_BEFORE_AFTER = compile_re(r"\bthe (day|night|week|month|year) (before|after)$")


_YEAR_BACK = compile_re(r" (?:a year (?:ago|earlier|before)|last year|the year before)$")
_OF_YEAR = compile_re(r"^the same (?:day|week|month|season) (?:of|in) (\d{4})$")


def h_relday(m: Cand, ctx: Ctx) -> Reading | None:
    reading = _relday_of(m, ctx)
    tail = _OR_SO.match(ctx.text, m.end()) if reading is not None else None
    if reading is not None and tail is not None and reading.end is None:
        # "in the next month or so", "left the following week or so": about that, one
        # mention, as "a week or so" and "the next two months or so" are
        reading = attrs.evolve(reading, end=tail.end(), mod=reading.mod or "APPROX")
    return reading


def _relday_of(m: Cand, ctx: Ctx) -> Reading | None:
    low = norm(m.group())
    back = _YEAR_BACK.search(low)
    of_year = _OF_YEAR.match(low)
    if of_year is not None:
        # "in the same month of 2008": what "the same month" names, in that year
        reading = _relday(m, ctx, low[: low.rindex(" ", 0, of_year.start(1) - 1)])
        if reading is None or reading.value is None or not reading.value[:4].isdigit():
            return reading
        return attrs.evolve(
            reading, value=shift_period(reading.value, int(of_year[1]) - int(reading.value[:4]))
        )
    if low in ("the year before", "the year earlier") and ctx.period:
        # "lost $2 billion in the fourth quarter, compared with a profit the year before":
        # the period reported, a year back, as "a year earlier"
        return Reading("DATE", shift_period(ctx.period, -1), "previous")
    if back is None:
        return _relday(m, ctx, low)
    # "the same month last year": what "the same month" names, a year earlier
    reading = _relday(m, ctx, low[: back.start()])
    if reading is None or reading.value is None or not reading.value[:4].isdigit():
        return reading
    return attrs.evolve(reading, value=shift_period(reading.value, -1))


_APPOSITION_COMMA = compile_re(r"[ \t\u00a0]*,[ \t\u00a0]*")
# an apposition ends the clause's words: "on Friday, the previous trading day." (not "on
# Monday, the next day she left")
_APPOSITION_END = compile_re(r"[ \t\u00a0]*(?:[,.;:)!?]|$)")


_OWNER_BEFORE = compile_re(r"(?<![\p{L}])(\p{L}+)[ \t\u00a0]?['’]s[ \t\u00a0]+$")
_NOT_OWNERS = frozenset(["it", "that", "this", "there", "here", "what", "today"])


def _relday(m: Cand, ctx: Ctx, low: str) -> Reading | None:
    words = low.split()
    ordinals = ctx.lex.temporal["ordinal"]
    if (
        words[-1] in ("day", "week", "month", "year")
        and ordinals.get(words[1 if words[0] == "the" else 0], "").isdigit()
    ):
        # "it is the eighth day of the strike", "the siege is in its fourth month": the
        # reference day (week, month, year) itself; not a possessive's ("Orr's third year
        # in office" may be one gone)
        owner = _OWNER_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
        if owner is not None and owner.group(1).lower() not in _NOT_OWNERS:
            return None
        if ctx.ref is None:
            return Reading("DATE", None, None)
        unit, ref = words[-1], ctx.ref
        value = (
            cal.day(ref)
            if unit == "day"
            else cal.week(ref)
            if unit == "week"
            else cal.month(ref.year, ref.month)
            if unit == "month"
            else cal.year(ref.year)
        )
        return Reading("DATE", value)
    unit = next(
        (
            w
            for w in reversed(words)
            if w
            in (
                "day",
                "morning",
                "afternoon",
                "evening",
                "night",
                "week",
                "weekend",
                "month",
                "year",
                "season",
            )
        ),
        "day",
    )
    if _UNIT_BEFORE_AFTER.search(low) and followed_by_word(ctx, m.end()):
        prev = ctx.previous
        if (
            unit == "day"
            and prev is not None
            and prev.unit == "day"
            and prev.end >= 0
            and _APPOSITION_COMMA.fullmatch(ctx.text, prev.end, m.start())
        ):
            # "fell on June 14, the day after the announcement": the day just named ("after"
            # is a signal, outside the expression, as TimeBank marks it)
            end = m.start() + m.group().lower().index("day") + 3
            return Reading("DATE", prev.value, "previous", end=end)
        return None  # "the day before the vote": a signal, the event's date is unknown
    prev = ctx.previous
    if (
        unit == "day"
        and words[0] == "the"
        and prev is not None
        and prev.unit == "day"
        and prev.end >= 0
        and _APPOSITION_COMMA.fullmatch(ctx.text, prev.end, m.start())
        and _APPOSITION_END.match(ctx.text, m.end())
    ):
        # "closed at 4,210 on Friday, the previous trading day.": the day just named
        return Reading("DATE", prev.value, "previous")
    step = 0
    if any(w in words for w in ("next", "following", "after", "later")) and not low.startswith(
        ("later that", "later the")
    ):
        step = 1
    if any(
        w in words for w in ("previous", "prior", "preceding", "before", "earlier")
    ) and not low.startswith(("earlier that", "earlier the")):
        step = -1
    before = ctx.text[max(0, m.start() - 20) : m.start()]
    if (
        step == 1
        and "next" in words
        and unit in ("week", "month", "year")
        and PREPOSITION_BEFORE.search(before)
    ):
        return Reading("DURATION", duration_value(1, unit), None)
    mod = "START" if low.startswith("earlier") else "END" if low.startswith("later") else None
    prior, anchor = prior_for(
        ctx,
        "day"
        if unit in ("day", "morning", "afternoon", "evening", "night", "week", "weekend")
        else unit,
    )
    if (
        unit == "week"
        and ctx.previous is not None
        and ctx.previous.unit == "week"
        and ctx.previous.first is not None
        and (
            "same" in words
            or (
                ("that" in words or step != 0)
                and (ctx.previous_day is None or ctx.previous.end > ctx.previous_day.end)
            )
        )
    ):
        # "rose 30% this week compared with the same week last year", "55 years ago this
        # week. That week, …", "fell last week from 225,000 the week before": the week just
        # named, not the week of a day named before it
        prior, anchor = ctx.previous, "previous"
    if (
        step == -1
        and anchor == "previous-day"
        and prior is not None
        and ctx.ref is not None
        and prior.first > ctx.ref
        and ctx.tense == "past"
    ):
        # "spoke on Tuesday, before the vote next Friday. The day before, …": as "a day
        # earlier", from a day gone named just before, else from the reference
        gone = _day_gone(m, ctx)
        prior, anchor = (gone, "past-day") if gone is not None else (None, "ref")
    if prior is None:
        if ctx.ref is None:
            return Reading("DATE", None, None)
        if ctx.tense == "past" and (
            (step == 1 and (ctx.previous is not None or not _MODAL_AFTER.match(ctx.text, m.end())))
            or (
                words[0] == "that"
                and ctx.previous is not None
                and _over_before(ctx.previous, ctx.ref)
            )
        ):
            # "The strike began in March 2006. The next day, talks collapsed.": the day is
            # not known; it is not the day after the reference, even with no date named
            # before ("The following week, the board resigned."), nor is "That week" after
            # "In 2020" the reference's
            return Reading(
                "TIME" if unit in ctx.lex.temporal["part_of_day"] else "DATE", None, None
            )
        base = ctx.ref
    else:
        base = prior.first
    pods = ctx.lex.temporal["part_of_day"]
    if unit in pods:
        return Reading(
            "TIME", f"{cal.day(base + dt.timedelta(days=step))}T{pods[unit]}", anchor, mod=mod
        )
    if unit == "season":
        return None
    if step != 0 and ("trading" in words or "business" in words):
        # "the previous trading day" after a Monday is the Friday before
        day = base + dt.timedelta(days=step)
        while day.isoweekday() > 5:
            day += dt.timedelta(days=step)
        return Reading("DATE", cal.day(day), anchor, mod=mod)
    unit_for_shift = "day" if unit == "day" else unit
    return Reading("DATE", shift_by(base, step, unit_for_shift), anchor, mod=mod)


_PLURAL_END = compile_re(r"s$")


# "of 2007", "of the year", "of March", "of March 2008" after "the first/last day"
_DAY_OF_AFTER = compile_re(
    r"[ \t\u00a0]+of[ \t\u00a0]+(?:((?:1[5-9]|20)\d\d)(?![\p{L}\p{N}])|the[ \t\u00a0]+(year|month)"
    r"(?![\p{L}])|(\p{Lu}\p{Ll}{2,8}\.?)(?:[ \t\u00a0]+((?:1[5-9]|20)\d\d)(?![\p{L}\p{N}]))?(?![\p{L}]))"
)


def _day_of_period(m: Cand, ctx: Ctx, words: list[str]) -> Reading | None:
    """ "the last trading day of 2007", "the first day of March": the day that opens or
    closes the period named after "of" (a trading or business day is a weekday, and not New
    Year's Day); a period without its year is the one the clause's tense points to. None
    when no period follows."""
    after = _DAY_OF_AFTER.match(ctx.text, m.end(), m.end() + 40)
    if after is None:
        return None
    year_word, unit_word, month_word, month_year = after.groups()
    unit = (unit_word or "").lower()
    ref = ctx.ref
    month = 0
    if month_word is not None:
        found = month_in(month_word, ctx.lex)
        if found is None:
            return None
        month = found[0]
    fixed = year_word is not None or month_year is not None
    if not fixed and ref is None:
        return None
    trading = any(w in ("trading", "business", "working") for w in words)
    opening = words[1] == "first"
    ref_year, ref_month = (ref.year, ref.month) if ref is not None else (0, 1)

    def day(shift: int) -> dt.date:
        if year_word is not None or unit == "year":
            y = int(year_word) if year_word is not None else ref_year + shift
            first, last = cal.make_date(y, 1, 1), cal.make_date(y, 12, 31)
        else:
            if unit == "month":
                y, mo = divmod(ref_year * 12 + ref_month - 1 + shift, 12)
                mo += 1
            else:
                y = int(month_year) if month_year else ref_year + shift
                mo = month
            first, last = cal.make_date(y, mo, 1), cal.last_of_month(y, mo)
        d = first if opening else last
        step = dt.timedelta(days=1 if opening else -1)
        while trading and (d.isoweekday() > 5 or (d.month, d.day) == (1, 1)):
            d += step
        return d

    end = after.end()
    if (
        month_word is not None
        and month_year is None
        and month_word.endswith(".")
        and month_word.lower() not in ctx.lex.temporal["month"]
    ):
        end -= 1  # "the last day of January.": the sentence's stop, not an abbreviation's
    d = day(0)
    if fixed:
        return Reading("DATE", cal.day(d), "absolute", end=end)
    tense = ctx.tense
    if ref is None:
        return None
    if tense == "past" and d > ref:  # "it was the final day of the year" in January
        d = day(-1)
    elif tense in ("future", "present") and d < ref and unit != "month":
        d = day(1)  # "the offer ends on the last day of March" in May
    return Reading("DATE", cal.day(d), end=end)


_AND_UNITS_AFTER = compile_re(r"[ \t\u00a0]+and[ \t\u00a0]+(?:days|weeks|months|years)(?![\p{L}])")


_POINT_BEFORE = compile_re(r"(?i)(?<![\p{L}])(?:on|until|till|by)[ \t\u00a0]+$")
_LENGTH_BEFORE = compile_re(r"(?i)(?<![\p{L}])(?:for|over|throughout|during)[ \t\u00a0]+$")


def h_span(m: Cand, ctx: Ctx) -> Reading | None:
    raw = m.group()
    low = norm(raw)
    words = low.split()
    parsed = _amount_and_unit(_strip_span_head(raw), ctx)
    if parsed is None:
        return None
    n, unit, mod, vague = parsed
    if unit == "day" and n is None and words[0] == "the" and words[1] in ("first", "last", "final"):
        day_of = _day_of_period(m, ctx, words)
        if day_of is not None:  # "the last trading day of 2007": a day
            return day_of
    if (
        n is None
        and words[0] == "the"
        and words[1] == "last"
        and len(words) == 3
        and words[2] in ("day", "night", "week")
        and (
            _POINT_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())
            or (
                _OF_AFTER.match(ctx.text, m.end())
                and not _LENGTH_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
            )
        )
    ):
        # "until the last day", "in the last week of the race": a day or week of a span the
        # text does not date, no length ("for the last week of the quarter" is one)
        return Reading("DATE", None, None)
    plural = bool(_PLURAL_END.search(UNIT_RE.findall(raw)[-1])) if UNIT_RE.findall(raw) else False
    head = next(
        (
            w
            for w in words
            if w
            in (
                "past",
                "last",
                "next",
                "coming",
                "previous",
                "first",
                "final",
                "following",
                "remaining",
                "preceding",
                "initial",
                "ensuing",
                "recent",
                "latest",
                "upcoming",
            )
        ),
        "",
    )
    if head == "recent" and n is None:
        both = _AND_UNITS_AFTER.match(ctx.text, m.end(), m.end() + 16) if plural else None
        if both is not None:
            # "in recent weeks and months": one vague past, as TimeBank marks it
            return Reading("DATE", "PAST_REF", None, end=both.end())
        if plural and unit in ("week", "month"):
            # "in recent weeks", "recent months": TimeBank marks a length (PXW, PXM); "recent
            # years", "recent days" the past
            return Reading("DURATION", duration_value(None, unit), None)
        return Reading("DATE", "PAST_REF", None)
    if (
        head in ("past", "previous")
        and words[0] == head
        and n is None
        and plural
        and not _has_amount(raw)
        and unit in ("year", "decade", "century")
        and not _span_over(ctx, m.start())
    ):
        # "in past years", "than in previous years"; "over past decades" stays a length
        return Reading("DATE", "PAST_REF", None)
    if unit == "weekend" and plural:
        # "the next two weekends", "the past few weekends": a length, as "the next two weeks"
        return Reading("DURATION", duration_value(None if vague else n, unit), None, mod=mod)
    if unit == "weekend":
        return _weekend(ctx, "last" if head in ("past", "last", "previous") else "next")
    if (
        not _has_amount(raw)
        and not plural
        and head in ("past", "last")
        and words[0] == "the"
        and unit in _CALENDAR_UNIT_DIGITS
        and not _OF_AFTER.match(ctx.text, m.end(), m.end() + 4)  # "the last year of the war"
        and not _AND_A_HALF.search(raw)  # "the past year and a half": a length
    ):
        # "the past year", "the last decade": TimeBank marks the calendar unit before the
        # reference (a DATE), as for "last year"; "the past two years" stays a duration.
        if unit != "year" and _span_over(ctx, m.start()):
            # "over the past decade": the ten years up to now, not the calendar decade before
            return Reading("DURATION", duration_value(1, unit), None, mod=mod)
        return Reading(
            "DATE", _previous_calendar_unit(unit, ctx.ref), "ref" if ctx.ref else None, mod=mod
        )
    if not _has_amount(raw):
        if not plural:
            if head in (
                "first",
                "final",
                "initial",
                "latest",
                "following",
                "previous",
                "preceding",
            ):
                return None
            n, vague = (1.5 if _AND_A_HALF.search(raw) else 1), False  # "the past year and a half"
        else:
            n, vague = None, True
    if unit == "quarter" and _fraction(low, ctx.text[m.end() : m.end() + 24]):
        return None
    return Reading("DURATION", duration_value(None if vague else n, unit), None, mod=mod)


# "over the past decade", "for most of the past decade", "during much of the last century"
_SPAN_OVER_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:over|for|throughout|during)[ \t\u00a0]+"
    r"(?:(?:most|much|all|part|some)[ \t\u00a0]+of[ \t\u00a0]+)?$"
)
_SPAN_OVER_REACH = 32  # characters back to "over" (with "most of" between)


def _span_over(ctx: Ctx, start: int) -> bool:
    """A span word ("over", "for most of") right before ``start``: a length, not a date."""
    return _SPAN_OVER_BEFORE.search(ctx.text, max(0, start - _SPAN_OVER_REACH), start) is not None


# digits of the year a calendar unit's TIMEX3 value keeps: 2021, 201 (the 2010s), 20
_CALENDAR_UNIT_DIGITS = {"year": 4, "decade": 3, "century": 2}


def _previous_calendar_unit(unit: str, ref: dt.date | None) -> str | None:
    """The value of the year, decade or century before the one ``ref`` is in."""
    if ref is None:
        return None
    size = 10 ** (4 - _CALENDAR_UNIT_DIGITS[unit])
    return str(ref.year // size - 1)


_SPAN_HEAD = compile_re(
    r"^(?:.*?\b)?(?:the\s+)?(?:past|last|next|coming|previous|first|final|following|remaining|preceding|initial|ensuing|recent|latest|upcoming)\s+",
    regex.IGNORECASE,
)


def _strip_span_head(raw: str) -> str:
    return _SPAN_HEAD.sub("", raw, count=1)


# the words a unit may carry ("the first trading day"): no amount
_UNIT_ADJECTIVE_LEAD = compile_re(
    r"(?i)(?:(?:straight|consecutive|full|trading|business|working|school)[ \t\u00a0]+)+"
)


def _has_amount(raw: str) -> bool:
    rest = _strip_span_head(raw).strip()
    lead = _UNIT_ADJECTIVE_LEAD.match(rest)
    if lead is not None:
        rest = rest[lead.end() :]
    return UNIT_RE.match(rest) is None


# "a daily" or "the weekly" closed by punctuation: the noun for a newspaper or magazine, also
# after words that describe a paper ("a free daily.", "the leading business weekly,")
_PAPER_NOUN = compile_re(
    r"(?i)(?<![\p{L}])(?:a|an|the)(?:[ \t\u00a0]+(?:free|national|local|leading|largest|biggest"
    r"|business|financial|regional|state[-‐](?:run|owned)|independent|popular|influential"
    r"|conservative|liberal|tabloid|morning|evening|[\p{L}-]{1,20}[-‐]language)){0,3}[ \t\u00a0]+$"
)
_PAPER_END = compile_re(r"[ \t\u00a0]?[,.;:)]")
# "the Paris daily Le Monde", "the German weekly Der Spiegel": a paper named after it, its
# country or city capitalised before it
_PAPER_ORIGIN = compile_re(
    r"(?<![\p{L}])(?i:a|an|the)(?:[ \t\u00a0]+[\p{L}'’-]{1,20}){0,2}[ \t\u00a0]+\p{Lu}[\p{L}'’.-]{0,20}"
    r"(?:[ \t\u00a0]+[\p{L}'’-]{1,20}){0,2}[ \t\u00a0]+$"
)
_NAME_AFTER = compile_re(r"[ \t\u00a0]+\p{Lu}")


_PERCENT_BEFORE = compile_re(
    r"(?i)(?:\d[ \t\u00a0]?%|(?<![\p{L}])(?:percent|per[ \t\u00a0]cent|points?))[ \t\u00a0]+$"
)


def h_set(m: Cand, ctx: Ctx) -> Reading | None:
    raw = m.group()
    low = norm(raw)
    t = ctx.lex.temporal
    if low.endswith("quarter") and _QUARTER_OF_PLACE.match(ctx.text, m.end()):
        return None  # "from every quarter of the city": a part of a place, not three months
    if low in t["frequency"]:
        if (
            " " not in low  # a paper is "a daily", never "every year"
            and (
                _PAPER_NOUN.search(ctx.text, max(0, m.start() - 72), m.start())
                or _PAPER_ORIGIN.search(ctx.text, max(0, m.start() - 120), m.start())
            )
            and _PAPER_END.match(ctx.text, m.end(), m.end() + 2)
        ):
            return None  # "the paper, a daily, sold...": a newspaper, not a recurrence
        if _NAME_AFTER.match(ctx.text, m.end(), m.end() + 3) and _PAPER_ORIGIN.search(
            ctx.text, max(0, m.start() - 120), m.start()
        ):
            return None  # "told the Paris daily Le Monde": a newspaper, not a recurrence
        if low == "quarterly" and _adjective(ctx, m.end()):
            return None  # "the quarterly dividend": a kind of dividend, not a recurrence
        if _PERCENT_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start()):
            return None  # "to rise 8.5% annually": a rate of growth, as "$40 a year"
        return Reading("SET", t["frequency"][low], None)
    words = low.split()
    last = words[-1]
    if last in t["frequency"]:  # "twice daily"
        return Reading("SET", t["frequency"][last], None)
    if last in t["season"]:
        return Reading("SET", f"XXXX-{t['season'][last]}", None)
    mo = month_in(raw, ctx.lex)
    if mo is not None:
        return Reading("SET", f"XXXX-{mo[0]:02d}", None)
    if last in t["part_of_day"]:
        return Reading("SET", f"XXXX-XX-XXT{t['part_of_day'][last]}", None)
    unit = unit_of(last)
    if unit not in UNIT_LETTER:
        return None
    if unit == "weekend":  # "every weekend": the weekends of the calendar
        return Reading("SET", "XXXX-WXX-WE", None)
    step = 2 if "other" in words else 1
    if words[0] not in ("every", "each"):  # "twice a week", "seven days a week"
        step = 1
    elif len(words) > 2 and words[1] != "other":  # "every four years"
        n, _, vague = parse_amount(" ".join(words[1:-1]), ctx.lex)
        if vague and unit_of(last) is not None and last.endswith("s"):
            letter = "Q" if unit == "quarter" else UNIT_LETTER[unit]
            return Reading("SET", f"P{'T' if unit in TIME_UNITS else ''}X{letter}", None)
        if n is None or vague or n != int(n):
            return None
        step = int(n)
    letter = UNIT_LETTER[unit]
    if unit == "quarter":
        return Reading("SET", f"P{step}Q", None)
    return Reading("SET", f"P{'T' if unit in TIME_UNITS else ''}{step}{letter}", None)


def h_wd_set(m: Cand, ctx: Ctx) -> Reading | None:
    if norm(m.group()) == "weekends":  # "open on weekends"
        return Reading("SET", "XXXX-WXX-WE", None)
    if norm(m.group()) == "weekdays":  # "closed on weekdays": Monday to Friday of each week
        return Reading("SET", "XXXX-WXX-WD", None)
    wd = weekday_in(m.group(), ctx.lex)
    if wd is None:
        return None
    low = norm(m.group())
    pods = ctx.lex.temporal["part_of_day"]
    pod = next((pods[w.rstrip("s")] for w in low.split()[1:] if w.rstrip("s") in pods), None)
    value = f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")
    return Reading("SET", value, None)


_LOWER_WORD_AFTER = compile_re(r"[ \t\u00a0]+[\p{Ll}]")
_FUNCTION_WORD_AFTER = compile_re(
    r"[ \t\u00a0]+(?:and|or|but|to|in|on|at|for|from|since|until|by|as|with|through|basis)\b"
)


def _adjective(ctx: Ctx, pos: int) -> bool:
    return _LOWER_WORD_AFTER.match(
        ctx.text[pos : pos + 3]
    ) is not None and not _FUNCTION_WORD_AFTER.match(ctx.text[pos : pos + 10])


# ("60-year-old", "60 year old", a tokenizer's "60 - year - old", "two-year-olds")
_OLD_AFTER = compile_re(r"(?:[ \t]?[-‐][ \t]?|[ \t]+)olds?\b|[ \t]+of[ \t]+age\b", regex.IGNORECASE)


def _is_age(ctx: Ctx, pos: int) -> bool:
    return _OLD_AFTER.match(ctx.text[pos : pos + 12]) is not None


_A_UNIT_LONG = compile_re(r"an?\s+\w+(?:[-‐]| [-‐] )long$", regex.IGNORECASE)
_LONG_END = compile_re(r"(?:[-‐ ]| [-‐] )long$")
_DURATION_CUE_BEFORE = compile_re(
    r"\b(?:for|in|over|within|after|than|of|took|take|takes|spent|lasted|last)\s+$",
    regex.IGNORECASE,
)
_OF_LOWER_AFTER = compile_re(r"\s+of\s+\p{Ll}")
# "Weeks later", "in the days since", "months ago": a bare unit before a signal. Not "days
# before/after <event>": TimeBank marks those as the event's date, which is not known here.
_SIGNAL_AFTER = compile_re(r"[ \t\u00a0]+(later|earlier|since|ago)\b", regex.IGNORECASE)
_SEASON_REF = {"last": "PAST_REF", "next": "FUTURE_REF", "coming": "FUTURE_REF"}
_ON_BEFORE = compile_re(r"(?i)(?<![\p{L}])on[ \t\u00a0]+$")
# "went on a day longer": a length after all
_LONGER_AFTER = compile_re(r"(?i)[ \t\u00a0]+(?:longer|more|beyond|past|too|early|late)")
# words a unit may carry that describe the day rather than count it ("one cold night")
_DESCRIBING = frozenset(("hot", "cold", "crucial", "difficult"))
_ONE_DAY_CUE_BEFORE = compile_re(
    r"\b(?:for|in|within|after|than|of|took|take|spent|lasted|last|a|only|just)\s+$",
    regex.IGNORECASE,
)


_COMPOUND_AFTER = compile_re(
    r"[ \t]?[-‐][ \t]?(?:to|on|by|over|for|after)[ \t]?[-‐][ \t]?\p{L}", regex.IGNORECASE
)
# "for some time", "will take some time": a length, unspecified, as "a while"
_SOME_TIME_CUE = compile_re(r"(?i)(?<![\p{L}])(?:for|takes?|took|taken|taking)[ \t\u00a0]+$")


def h_duration(m: Cand, ctx: Ctx) -> Reading | None:
    raw = m.group()
    low = norm(raw)
    if _is_age(ctx, m.end()):
        return None
    if low in ("a while", "some time"):
        if low == "some time" and not _SOME_TIME_CUE.search(
            ctx.text, max(0, m.start() - 8), m.start()
        ):
            return None  # "some time next year", "at some time": a date the text does not give
        return Reading("DURATION", "PXX", None)
    if low == "the hour":  # "within the hour"
        return Reading("DURATION", "PT1H", None)
    if _A_UNIT_LONG.match(raw):  # "a week-long strike"
        reading = h_duration(m.tail(raw.index(" ") + 1), ctx)
        return attrs.evolve(reading, start=m.start() + raw.index(" ") + 1) if reading else None
    if _COMPOUND_AFTER.match(ctx.text, m.end(), m.end() + 12):
        return None  # "a day-to-day basis", "a year-on-year rise": a compound, no length
    parsed = _amount_and_unit(_LONG_END.sub("", raw), ctx)
    if parsed is None:
        return None
    n, unit, mod, vague = parsed
    if unit == "weekend":
        return None
    first = low.split()[0]
    if first in ("a", "an") and unit == "second":
        return None  # "a second time"
    noun = _NOUN_AFTER.match(ctx.text, m.end()) if first in ("a", "an") else None
    if (
        noun is not None
        and unit in ("day", "night")
        and low.split()[-1] == unit
        and noun.group(1).lower() not in ctx.lex.function_words
    ):
        return None  # "a night police reporter", "a day job": a modifier, not a time
    if (
        first in ("a", "an")
        and unit in ("day", "night")
        and _ON_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())
        and not _LONGER_AFTER.match(ctx.text, m.end(), m.end() + 12)
    ):
        return None  # "on a cold night", "on a day of protests": when, not how long
    if (
        first == "one"
        and unit in ("day", "night")
        and low.split()[1] in _DESCRIBING
        and not _ONE_DAY_CUE_BEFORE.search(ctx.text[max(0, m.start() - 12) : m.start()])
    ):
        return None  # "One cold night, thieves broke in": when, not how long
    if (
        first in ("a", "an", "one")
        and low.split()[-1] == unit
        and (
            _QUANTITY_BEFORE.search(ctx.text[max(0, m.start() - 24) : m.start()])
            or (
                (
                    _QUANTITY_OF_BEFORE.search(ctx.text[max(0, m.start() - 48) : m.start()])
                    or _PLURAL_AMOUNT_OF_BEFORE.search(ctx.text, max(0, m.start() - 48), m.start())
                )
                and not _OF_AFTER.match(ctx.text, m.end())
            )
        )
    ):
        return None  # "$1.76 a year", "four flights a week": a rate, not a duration
    if (
        low.endswith("long")
        and n is None
        and not _has_amount_words(low)
        and not low.split("-")[0].endswith("s")
    ):
        n, vague = 1, False  # "day-long"
    if unit == "quarter" and _fraction(low, ctx.text[m.end() : m.end() + 24]):
        return None  # "three-quarters of its food": a fraction
    if (
        unit == "quarter"
        and low.endswith(("a quarter", "one quarter"))
        and _CHANGE_BY_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())
    ):
        return None  # "shares fell by a quarter", "have fallen nearly a quarter": a share
    if vague and not _has_amount_words(low) and not low.endswith("long") and not _RANGE.search(low):
        before = ctx.text[max(0, m.start() - 12) : m.start()]
        after = ctx.text[m.end() : m.end() + 8]
        signal = _SIGNAL_AFTER.match(after) if first != "the" else None
        if (
            unit == "minute"
            and signal is None
            and (_THE_JUST_BEFORE.search(before) or raw == "Minutes")
            and _RECORD_OF_AFTER.match(ctx.text, m.end(), m.end() + 16) is not None
        ):
            return None  # "the minutes of the Fed's September meeting": a record of it
        if signal is not None and signal.group(1).lower() == "ago":
            # "just months ago": TimeBank marks the whole phrase, a duration
            value = duration_value(None, unit)
            return Reading("DURATION", value, None, end=m.end() + signal.end())
        if (
            signal is None
            and not _DURATION_CUE_BEFORE.search(before)
            and not _OF_LOWER_AFTER.match(after)
        ):
            return None  # a bare "years" outside "for years", "in years", "years of talks"
        if signal is None and _EARLY_BEFORE.search(before):
            return None  # "in the early hours of the morning", "the early days": a phase
        if unit == "year" and _MODEL_BEFORE.search(before):
            return None  # "the 2022 and 2023 model years of the sedan": its versions
    if (
        low in ("one day", "one night")
        and not _ONE_DAY_CUE_BEFORE.search(ctx.text[max(0, m.start() - 12) : m.start()])
        and ctx.tense == "future"
    ):  # "he will one day lead": some day, not a day long
        return Reading("DATE", "FUTURE_REF", None)
    if unit == "century" and n == 1 and low in ("a century", "one century"):
        quarter = _QUARTER_OF_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start())
        if quarter is not None:  # "for a quarter of a century": 25 years
            return Reading("DURATION", "P25Y", None, start=quarter.start(), mod=mod)
    return Reading("DURATION", duration_value(None if vague else n, unit), None, mod=mod)


_QUARTER_OF_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])an?[ \t\u00a0]+quarter[ \t\u00a0]+of[ \t\u00a0]+$"
)
# "the minutes of the meeting", "the minutes from its May meeting": a record, not a length
_THE_JUST_BEFORE = compile_re(r"(?i)(?<![\p{L}])the[ \t\u00a0]+$")
_RECORD_OF_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+(?:of|from)[ \t\u00a0]+(?:the|its|their|a|an|this|that|last)(?![\p{L}])"
)
_MODEL_BEFORE = compile_re(r"(?i)(?<![\p{L}])model[ \t\u00a0]+$")
_EARLY_BEFORE = compile_re(r"(?i)\b(?:the|its|their)[ \t\u00a0]+(?:early|small|wee)[ \t\u00a0]+$")


# a lower-case word after "a day"/"a night" that is no temporal word ("a night [police]
# reporter"); the lexicon's function words are ruled out where it is used
_NOUN_AFTER = compile_re(
    r"[ \t]+(?!(?:ago|earlier|later|ahead|long|old|or|of|without|behind|until|off|away|back"
    r"|more|less|late|early|longer|shorter|sooner|too)\b)(\p{Ll}{3,})\b",
    regex.V1,
)

# "of" and no year after "every quarter": "every quarter of the city", "of society"; matched
# in place, not to the end of a text without "of" (see in_place)
_QUARTER_OF_PLACE = compile_re(
    in_place(
        r"[ \t\u00a0]+of[ \t\u00a0]+(?!(?:the[ \t\u00a0]+|this[ \t\u00a0]+|that[ \t\u00a0]+)?"
        r"(?:year|fiscal|financial|calendar|\d|last|next))"
    ),
    regex.IGNORECASE,
)
# matched after a date to the end of the text, in place: not through a text without "of" (see
# in_place)
_OF_AFTER = compile_re(in_place(r"\s+of\b"), regex.IGNORECASE)
_OF_DETERMINER_AFTER = compile_re(
    r"\s+of\s+(?:the|its|their|his|her|all|a|an|our|this|that)\b", regex.IGNORECASE
)


# "a quarter-century", "a quarter-of-a-million": a quarter joined to what it divides
_JOINED_AFTER = compile_re(r"[-‐]\p{L}")
# "between a quarter and a third", "a quarter to a half": a fraction beside another
_FRACTION_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+(?:and|or|to)[ \t\u00a0]+(?:(?:a|one|two)[ \t\u00a0-])?(?:third|thirds|half|fifth"
    r"|fifths)(?![\p{L}])"
)
# "a quarter point", "a half percentage point": a share of a point of interest or a score
_POINT_AFTER = compile_re(r"[ \t\u00a0]+(?:percentage[ \t\u00a0]+)?points?\b", regex.IGNORECASE)


def _fraction(low: str, after: str) -> bool:
    """ "a quarter of the market", "three-quarters of its food", "a quarter point": a share,
    not a time; so is a fraction written with a hyphen ("about three-quarters support the
    ban", "one-quarter to one-third of its workers"), one set beside another ("between a
    quarter and a third"), and a quarter joined to a noun ("a quarter-century", which is left
    out as "a half-century" is, "a quarter-of-a-million people")."""
    if _POINT_AFTER.match(after) or _JOINED_AFTER.match(after) or _FRACTION_AFTER.match(after):
        return True
    if low.endswith("-quarters") or low.endswith(("one-quarter", "a-quarter")):
        return True
    if not _OF_AFTER.match(after):
        return False
    if "-" in low or low.split()[-2:-1] in (["a"], ["one"]):
        return True  # "a quarter of", "more than a quarter of revenue"
    return _OF_DETERMINER_AFTER.match(after) is not None


# a verb of change and "by" ("fell by", "were cut by", "has grown by"), or a verb of a
# figure's motion without it ("have fallen nearly a quarter"): a share follows
_CHANGE_BY_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:(?:fell|fallen|falls|fall|rose|risen|rises|rise|dropped|drops|declined"
    r"|declines|climbed|slid|slumped|plunged|tumbled|jumped|soared|surged|grew|grown|grows"
    r"|shrank|shrunk|shrinks|sank|sunk)(?:[ \t\u00a0]+by)?"
    r"|(?:increased|increases|decreased|decreases|reduced|reduces|cut|cuts|slashed|raised|raises"
    r"|lowered|boosted|gained|lost|down|up|higher|lower)[ \t\u00a0]+by)"
    r"(?:[ \t\u00a0]+(?:nearly|almost|about|around|roughly|some|more[ \t\u00a0]+than"
    r"|less[ \t\u00a0]+than|close[ \t\u00a0]+to))?[ \t\u00a0]+$"
)
_AMOUNT_WORDS = compile_re(r"(?:an?\s+)?(?:several|many|few|some)[\s-]")


_RANGE = compile_re(r"[\p{L}\d][ \t\u00a0]+to[ \t\u00a0]+[\p{L}\d]")  # "six to nine months"


def _has_amount_words(low: str) -> bool:
    return bool(_AMOUNT_WORDS.match(low))


# "current" is a time only before a noun it dates ("current market conditions"), not in the
# names of accounts and flows or as a noun ("swept away by the current")
_CURRENT_NOUN_AFTER = compile_re(
    r"[ \t\u00a0]+(?!(?:account|accounts|affairs|assets|liabilities|ratio|flow|flows|events|density"
    r"|and|or|to|of|in|on|at|for|from|with|by|was|is|were|are|that|which|near|off|through"
    r"|across|along|into|toward|towards|past|under|over|as|than|carried|swept|pulled)\b)\p{Ll}"
)
# "a strong current", "alternating current": the noun for a flow, whatever follows it
_CURRENT_FLOW_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:strong|swift|powerful|fast|rip|ocean|tidal|electric|electrical|alternating"
    r"|direct|cold|warm)[ \t\u00a0]+$"
)


# "the past five sessions", "the past few seasons": a count of things that are no time unit
# follows; "the past" is no reference to the past there
_AS_AFTER = compile_re(r"[ \t\u00a0]+as(?![\p{L}])", regex.IGNORECASE)
_COUNT_WORD_AFTER = compile_re(r"[ \t\u00a0]+(\d|\p{Ll}+)")


# "the firm said at the time, ...": the phrase ends its clause (a past time then, PAST_REF)
_CLAUSE_END_AFTER = compile_re(r"[ \t\u00a0]*(?:[,.;:!?)\"”’—–]|$)")


# "soon" dates a plan ("will soon announce"), not "as soon as", "soon after the vote" or a
# past "soon became" (TimeBank leaves those)
_AS_SOON_BEFORE = compile_re(r"(?i)(?<![\p{L}])(?:as|so|how|too)[ \t\u00a0]+$")
_SOON_SIGNAL_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+(?:after|afterwards?|before|thereafter|enough|as|than)(?![\p{L}])"
)


# a capitalised word right before, inside the sentence ("of Justice Now"), not its first word
_CAPITALISED_BEFORE = compile_re(
    r"(?<![.!?:\"“”'‘’(\n][ \t\u00a0]{0,3})(?<=[\p{Ll},][ \t\u00a0]+)\p{Lu}\p{Ll}+[ \t\u00a0]+$"
)
# a headline or title line in title case: "Right Now" says nothing there
_TITLE_CASE_LINE = compile_re(r"(?:^|\n)(?:\p{Lu}\p{L}*[ \t\u00a0]+){2,}$")


def h_vague(m: Cand, ctx: Ctx) -> Reading | None:
    low = norm(m.group())
    value = ctx.lex.temporal["vague"].get(low)
    if value is None:
        return None
    if (
        m.group() == "Now"
        and _CAPITALISED_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
        and not _TITLE_CASE_LINE.search(ctx.text, max(0, m.start() - 80), m.start())
    ):
        return None  # "Ana Ruiz of Justice Now", "Peace Now": a name
    if low == "soon" and (
        _AS_SOON_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start())
        or _SOON_SIGNAL_AFTER.match(ctx.text, m.end(), m.end() + 14)
        or ctx.tense != "future"
    ):
        return None  # "as soon as", "soon after the vote", "soon became": no time of its own
    if low == "recently" and _AS_AFTER.match(ctx.text, m.end(), m.end() + 4):
        before = ctx.text[max(0, m.start() - 4) : m.start()].lower()
        if before.endswith(("as ", "as\u00a0")):
            return None  # "as recently as 2007": a modifier of the date that follows
    if low == "the past":
        count = _COUNT_WORD_AFTER.match(ctx.text, m.end(), m.end() + 24)
        if count is not None and (
            count.group(1).isdigit()
            or (
                count.group(1) in ctx.lex.temporal["number"]
                and count.group(1) not in ("a", "an", "some", "many")  # "in the past a man"
            )
        ):
            return None
    if low.endswith("current") and (
        not _CURRENT_NOUN_AFTER.match(ctx.text, m.end(), m.end() + 16)
        or _CURRENT_FLOW_BEFORE.search(ctx.text, max(0, m.start() - 14), m.start())
    ):
        return None
    if low in ("at the time", "at that time") and not _CLAUSE_END_AFTER.match(
        ctx.text, m.end(), m.end() + 4
    ):
        return None  # "at the time of the crash", "at the time he was captured": a signal
    if low.startswith("at "):
        # "at the moment", "at present": the preposition is a signal, outside the expression
        raw = m.group()
        return Reading("DATE", value, None, start=m.start() + len(raw) - len(raw[2:].lstrip()))
    return Reading("DATE", value, None)
