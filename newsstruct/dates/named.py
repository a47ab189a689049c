"""Handlers of expressions that name a calendar unit: clock times, days, months, quarters,
seasons, years, decades, holidays, weekdays.

Without a year, the year is chosen by the tense of the clause (see :func:`.core.pick`).
``dateparser.parse`` reads only the numeric dates the grammar found ("3/17/2022"), with
settings built for that call.
"""

from __future__ import annotations

import datetime as dt
import functools

import attrs
import regex

from ..patterns import compile_re, in_place
from . import calendar as cal
from .amounts import YEAR4, norm, spelled_year, year_from_two_digits, year_in
from .core import (
    APPROX,
    DAYNUM,
    EDGE_WORD,
    MONTH_DAY_SLACK,
    Cand,
    Ctx,
    Reading,
    capitalised,
    current_quarter,
    edge_mod,
    ends_period,
    future_in_past,
    future_in_past_day,
    month_day_year,
    month_in,
    pick,
    prior_for,
    rel_year,
    shift_period,
    shift_quarter,
    weekday_date,
    weekday_in,
    year_named_before,
)
from .propername import person_named

# the second end of a range of clock times, after a bare first end ("between 2 and 4 p.m.")
_RANGE_END = compile_re(
    r"(?:\s+(?:and|to|until|till)\s+|\s*[-–]\s*)(\d{1,2})(?:[:.]\d\d)?\s*([ap])\.?\s*m",
    regex.IGNORECASE,
)
_DAY_WORD_AFTER = compile_re(r"\.?[ \t]*,?[ \t]*(?:on[ \t]+)?(\p{L}+)")
_BARE_CLOCK = compile_re(r"\d{1,2}(?:[:.]\d\d)?")


def h_time(m: Cand, ctx: Ctx) -> Reading | None:
    approx = APPROX.match(m.group())
    raw = m.group()[approx.end() :] if approx else m.group()
    end = _RANGE_END.match(ctx.text, m.end(), m.end() + 16) if _BARE_CLOCK.fullmatch(raw) else None
    if end is not None:
        half = end.group(2).lower()
        first, second = int(raw.split(":")[0].split(".")[0]), int(end.group(1))
        if first != 12 and second != 12 and first > second:  # "11 to 1 p.m.": 11 a.m.
            half = "a" if half == "p" else "p"
        raw = f"{raw} {half}m"
        day = _DAY_WORD_AFTER.match(ctx.text, end.end(), end.end() + 24)
        if day is not None and (
            weekday_in(day.group(1), ctx.lex) is not None or _DEICTIC_WORD.fullmatch(day.group(1))
        ):
            raw = f"{raw} {day.group(1)}"  # "between 2 and 4 p.m. Friday": Friday's 2 p.m.
    elif _NO_HALF.fullmatch(raw):
        pod = _POD_AFTER.match(ctx.text, m.end(), m.end() + 24)
        if pod is not None:  # "by 6 o'clock this afternoon": 6 p.m.
            raw = f"{raw} {pod.group(1) or 'night'}"
    reading = _time(raw, ctx, m.start(), m.end())
    if reading is not None and approx is not None:
        reading = attrs.evolve(reading, mod="APPROX")
    return reading


# A clock time without a.m./p.m. or a part of the day in it ("6 o'clock", "9:30", "3 o'clock
# Monday"), and the part of the day right after it that tells its half ("this afternoon",
# "in the evening", "tonight")
_NO_HALF = compile_re(
    r"(?i)(?:(?![ap]\.?[ \t\u00a0]*m(?![\p{L}])|morning|afternoon|evening|night|noon|midnight|midday)"
    r"[^\n])*"
)
_POD_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+(?:(?:(?:in|on)[ \t\u00a0]+)?(?:the|this|that|tomorrow|yesterday)[ \t\u00a0]+)?"
    r"(?:(morning|afternoon|evening|night)|tonight)(?![\p{L}])"
)


_MORNING_ENDS = 6  # hours before this after a night named are that night's small hours

_CLOCK_END = compile_re(
    r"(?:[ap]\.?\s*m\b\.?|noon|midnight|midday|o['’]clock|morning|afternoon|evening|night"
    r"|\d:\d\d|\d{4})",
    regex.IGNORECASE,
)


_CLOCK_DIGITS = compile_re(r"(\d{1,2})(?:(?:[:.]|[ \t]?:[ \t]?)?(\d{2}))?\s*(a\.?\s*m|p\.?\s*m)?")
_ASCII_WORD = compile_re(r"[A-Za-z]+")
_DEICTIC_WORD = compile_re(r"\b(yesterday|today|tomorrow|tonight)\b", regex.IGNORECASE)


def _time(raw: str, ctx: Ctx, start: int, end: int) -> Reading | None:
    low = norm(raw)
    numbers = ctx.lex.temporal["number"]
    if low.startswith("noon") or low.startswith("midday"):
        hh, mm = 12, 0
    elif low.startswith("midnight"):
        hh, mm = 24, 0
    else:
        t = _CLOCK_DIGITS.match(low)
        if t is not None:
            hh, mm = int(t.group(1)), int(t.group(2) or 0)
            half = t.group(3)
        else:
            w = low.split()[0]
            if w not in numbers:
                return None
            hh, mm, half = int(float(numbers[w])), 0, None
        if half is None:
            if "morning" in low:
                half = "a"
            elif "afternoon" in low or "evening" in low or "night" in low:
                half = "p"
        if half is not None:
            if not 1 <= hh <= 12:
                return None
            hh = hh % 12 + (12 if half.startswith("p") else 0)
        elif hh > 24:
            return None
    clock = f"T{hh:02d}:{mm:02d}"
    tz_value = None
    zones = ctx.lex.temporal["timezone"]
    for w in _ASCII_WORD.findall(raw):
        if w.isupper() and w.lower() in zones:
            tz_value = zones[w.lower()]
            break
    if tz_value is None and " time" in low:  # "4:02 p.m. New York time"
        padded = f" {low.replace('(', ' ').replace(')', ' ')} "
        tz_value = next((z for name, z in zones.items() if f" {name} " in padded), None)
    day: dt.date | None = ctx.sentence_day or ctx.ref
    anchor = "ref"
    clock_end = _CLOCK_END.search(raw)
    tail = raw[clock_end.end() :] if clock_end else ""
    mo = month_in(tail, ctx.lex)
    wd = weekday_in(tail, ctx.lex)
    deictic = _DEICTIC_WORD.search(tail)
    if mo is not None:
        dm = DAYNUM.search(tail, tail.find(mo[1]) + len(mo[1]))
        yr = YEAR4.search(tail)
        if dm is None:
            return None
        if yr is not None:
            try:
                day, anchor = dt.date(int(yr.group(1)), mo[0], int(dm.group(1))), "absolute"
            except ValueError:
                return None
        elif ctx.ref is not None:
            day = month_day_year(mo[0], int(dm.group(1)), ctx)
            if wd is not None:  # "5 p.m. Friday, March 6": the year whose March 6 is a Friday
                for y in (ctx.ref.year, ctx.ref.year - 1, ctx.ref.year + 1):
                    try:
                        cand = dt.date(y, mo[0], int(dm.group(1)))
                    except ValueError:
                        continue
                    if cand.isoweekday() == wd:
                        day = cand
                        break
        else:
            return Reading(
                "TIME", f"XXXX-{mo[0]:02d}-{int(dm.group(1)):02d}{clock}", None, timezone=tz_value
            )
    elif wd is not None:
        last = _LAST_WORD.search(raw)
        if (
            last is not None
            and ctx.tense in ("present", None)
            and _schedule_span(ctx, start + last.start(), end)
        ):
            # "8 p.m. ET Monday through Friday": the hour of each of a schedule's days
            return Reading("SET", f"XXXX-WXX-{wd}{clock}", None, timezone=tz_value, dated=False)
        day = weekday_date(ctx, wd)
        if day is None:
            return Reading("TIME", f"XXXX-WXX-{wd}{clock}", None, timezone=tz_value)
    elif deictic is not None:
        if ctx.ref is None:
            return Reading("TIME", None, None, timezone=tz_value)
        offset = int(ctx.lex.temporal["deictic_day"][deictic.group(1).lower()])
        day = ctx.ref + dt.timedelta(days=offset)
    elif ctx.tense in ("present", None) and _hours_of_schedule(ctx, start, end):
        # "8 a.m. to 8 p.m. ET Monday through Friday": the hour of each of a schedule's days
        return Reading("SET", f"XXXX-XX-XX{clock}", None, timezone=tz_value, dated=False)
    elif ctx.sentence_day is not None:
        anchor = "sentence"
    elif _habitual(ctx.text, start, end):
        # "usually published at 9 a.m.", "opens at 8 a.m. on weekdays": the hour of every day
        # the habit holds, no day of its own (as "every morning" is XXXX-XX-XXTMO)
        return Reading("SET", f"XXXX-XX-XX{clock}", None, timezone=tz_value, dated=False)
    elif ctx.tense == "past" and ctx.previous_day is not None and _past_day(ctx):
        # "He was shot at 10 p.m." after the story named the day: that day's evening
        day, anchor = ctx.previous_day.first, "previous-day"
    elif (ahead := _day_ahead(ctx, start)) is not None:
        day, anchor = ahead, "previous-day"
    night = ctx.previous_day
    if (
        day is not None
        and hh < _MORNING_ENDS
        and anchor in ("sentence", "previous-day")
        and night is not None
        and night.value.endswith("TNI")
        and day == night.first
    ):
        # "broken into overnight … found him at 3:40 a.m.", "Thursday night … at 2 a.m.": the
        # small hours of a night are the next day's
        day += dt.timedelta(days=1)
    if day is None:
        return Reading("TIME", f"XXXX-XX-XX{clock}", None, timezone=tz_value, dated=False)
    dated = mo is not None or wd is not None or deictic is not None
    return Reading("TIME", f"{day.isoformat()}{clock}", anchor, timezone=tz_value, dated=dated)


# A clock time of a habit: after an adverb of habit in its clause ("is usually published at
# 9 a.m."; not "generally", a hedge on one day: "stocks generally rose by noon"), or next to a
# recurrence ("at 8 a.m. on weekdays", "daily at noon", "every day at 9 a.m.", "Mondays from
# 7 a.m.")
_HABIT_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:usually|normally|typically|routinely|regularly|customarily|always"
    r"|often)(?![\p{L}])[^,;:.!?()\"“”]{0,40}$"
)
_RECURRENCE = (
    r"(?:weekdays|weekends|(?:mon|tues|wednes|thurs|fri|satur|sun)days|daily|nightly"
    r"|(?:every|each)[ \t\u00a0]+(?:day|morning|evening|night|week(?:day|end)?"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day))"
)
_RECURRENCE_AFTER = compile_re(
    rf"(?i)[ \t\u00a0]*(?:,[ \t\u00a0]*)?(?:on[ \t\u00a0]+)?{_RECURRENCE}(?![\p{{L}}])"
)
_RECURRENCE_BEFORE = compile_re(
    rf"(?i)(?<![\p{{L}}]){_RECURRENCE}[ \t\u00a0]+(?:at|from|between|until|till|before|after|by)"
    # the second clock time of a range ("weekdays between 7 a.m. and 9 a.m.")
    r"[ \t\u00a0]+(?:\d{1,2}(?:[:.]\d\d)?(?:[ \t\u00a0]?[ap]\.?m\.?)?[ \t\u00a0]*(?:and|to|until|till|-|–)"
    r"[ \t\u00a0]*)?$"
)


# the first clock time of a range before the recurrence ("from 10 a.m. to 9 p.m. daily")
_RANGE_THEN_RECURRENCE = compile_re(
    r"(?i)[ \t\u00a0]*(?:to|until|till|and|-|–)[ \t\u00a0]*"
    r"(?:\d{1,2}(?:[:.]\d\d)?(?:[ \t\u00a0]?[ap]\.?m\.?)?|noon|midnight)"
    rf"[ \t\u00a0]*(?:,[ \t\u00a0]*)?(?:on[ \t\u00a0]+)?{_RECURRENCE}(?![\p{{L}}])"
)


# "8 a.m. to 8 p.m. ET Monday through Friday": the first clock time of a schedule's hours
_RANGE_THEN_SPAN = compile_re(
    r"(?i)[ \t\u00a0]*(?:to|until|till|-|–)[ \t\u00a0]*"
    r"(?:\d{1,2}(?:[:.]\d\d)?(?:[ \t\u00a0]?[ap]\.?m\.?)?|noon|midnight)"
    r"(?:[ \t\u00a0]+(?-i:\p{Lu}{1,3}T))?[ \t\u00a0]*(?:,[ \t\u00a0]*)?(?:on[ \t\u00a0]+)?"
    r"(?=(?-i:\p{Lu}\p{Ll}{2,5}day))"
)
_LAST_WORD = compile_re(r"\p{L}+$")
_WORD = compile_re(r"\p{L}+")


def _hours_of_schedule(ctx: Ctx, start: int, end: int) -> bool:
    span = _RANGE_THEN_SPAN.match(ctx.text, end, end + 40)
    if span is None:
        return False
    day = _WORD.match(ctx.text, span.end())
    return day is not None and _schedule_span(ctx, span.end(), day.end())


def _habitual(text: str, start: int, end: int) -> bool:
    return bool(
        _HABIT_BEFORE.search(text, max(0, start - 60), start)
        or _RECURRENCE_AFTER.match(text, end, end + 30)
        or _RANGE_THEN_RECURRENCE.match(text, end, end + 50)
        or _RECURRENCE_BEFORE.search(text, max(0, start - 40), start)
    )


# "Its shares are up 2% at 11 a.m.": a state of the reference day, not a schedule
_STATE_BEFORE = compile_re(r"(?i)(?<![\p{L}])(?:is|are|['’]s|['’]re|remains?|stays?)(?![\p{L}])")


def _day_ahead(ctx: Ctx, start: int) -> dt.date | None:
    """ "Voters will choose a president on Sunday. Polls open at 7 a.m.": a time told ahead
    (a future clause, or a present one that tells no state) after a day ahead is that day's."""
    prior = ctx.previous_day
    if ctx.ref is None or prior is None or prior.unit != "day" or prior.first <= ctx.ref:
        return None
    if ctx.tense == "future" or (
        ctx.tense == "present" and not _STATE_BEFORE.search(_clause_before(ctx.text, start))
    ):
        return prior.first
    return None


def _past_day(ctx: Ctx) -> bool:
    """The last day the story named can hold a past event: not after the reference day (the
    shares "were down at 1015 GMT" on the day of the report, not at the meeting it announced)."""
    return ctx.ref is None or ctx.previous_day is None or ctx.previous_day.first <= ctx.ref


_LOWER_WEEKDAY = compile_re(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")


# the parts of the day that name a moment of the light ("at dawn"), as TIMEX3 parts of day
_TWILIGHT = {
    "dawn": "MO",
    "daybreak": "MO",
    "sunrise": "MO",
    "dusk": "EV",
    "sunset": "EV",
    "sundown": "EV",
    "nightfall": "NI",
}


def _story_part_of_day(pod: str, ctx: Ctx) -> Reading:
    """ "in the morning", "at dawn": of the day the sentence names, else (in a past clause)
    the last day the story named, else the reference day."""
    if ctx.sentence_day is not None:
        return Reading("TIME", f"{ctx.sentence_day.isoformat()}T{pod}", "sentence")
    if ctx.tense == "past" and ctx.previous_day is not None and _past_day(ctx):
        return Reading("TIME", f"{ctx.previous_day.first.isoformat()}T{pod}", "previous-day")
    if ctx.ref is None:
        return Reading("TIME", f"XXXX-XX-XXT{pod}", None)
    return Reading("TIME", f"{ctx.ref.isoformat()}T{pod}")


# "by the end of the day", "closed higher at the end of the day": the day's end, not the
# idiom ("at the end of the day, voters want jobs")
_DAY_END_BEFORE = compile_re(
    r"(?i)(?:(?<![\p{L}])(?:by|until|till|before|toward|towards|near|through|throughout|from|since)"
    r"|(?<![\p{L}])(?:closed|ended|finished|traded|stood|higher|lower|flat|unchanged|percent|points|cents)"
    r"[ \t\u00a0]+at)[ \t\u00a0]+$"
)


def _story_day(ctx: Ctx, mod: str | None) -> Reading:
    """ "later in the day", "by the end of the day": the day the sentence names, else (in a
    past clause) the last day the story named, else the reference day."""
    if ctx.sentence_day is not None:
        return Reading("DATE", cal.day(ctx.sentence_day), "sentence", mod=mod)
    if ctx.tense == "past" and ctx.previous_day is not None and _past_day(ctx):
        return Reading("DATE", cal.day(ctx.previous_day.first), "previous-day", mod=mod)
    if ctx.ref is None:
        return Reading("DATE", None, None, mod=mod)
    return Reading("DATE", cal.day(ctx.ref), mod=mod)


def h_pod_day(m: Cand, ctx: Ctx) -> Reading | None:
    low = norm(m.group())
    if low in _TWILIGHT:
        return _story_part_of_day(_TWILIGHT[low], ctx)
    if low == "the day":  # "earlier in the day"
        return _story_day(ctx, None)
    if low.startswith("the end of"):
        if _DAY_END_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start()) is None:
            return None
        return _story_day(ctx, "END")
    if low.startswith("the "):
        pod = ctx.lex.temporal["part_of_day"].get(low.split()[-1])
        return _story_part_of_day(pod, ctx) if pod is not None else None
    pods = ctx.lex.temporal["part_of_day"]
    pod_word = next((w for w in reversed(low.replace("-", " - ").split()) if w in pods), None)
    if low.endswith("tonight") or low == "tonight":
        pod_word = "tonight"
    for word in ("mid-afternoon", "midafternoon"):
        if word in low:
            pod_word = word
    pod = pods.get(pod_word or "", "")
    if pod.startswith("T"):
        return None
    mod = "START" if low.startswith("early") else "END" if low.startswith("late") else None
    wd = weekday_in(m.group(), ctx.lex)
    if wd is None and _LOWER_WEEKDAY.search(low):
        return None  # a lower-case weekday
    if ctx.ref is None:
        if wd is not None:
            return Reading("TIME", f"XXXX-WXX-{wd}T{pod}", None, mod=mod)
        return Reading("TIME", None, None, mod=mod)
    # "a free concert on the Thursday evening" (not "into the night Saturday")
    first_wd = wd is not None and weekday_in(m.group().split()[0], ctx.lex) == wd
    the_day = _the_weekday(ctx, m.start(), m.end(), wd) if first_wd and wd is not None else None
    if the_day is not None:
        return Reading("TIME", f"{the_day.isoformat()}T{pod}", "previous-day", mod=mod)
    if first_wd and wd is not None and _indefinite(ctx, m.start(), m.end()):
        return Reading("TIME", f"XXXX-WXX-{wd}T{pod}", None, mod=mod)  # "on a Tuesday morning"
    if wd is not None:
        day = weekday_date(ctx, wd)
    elif low == "last night":
        day = ctx.ref - dt.timedelta(days=1)
    elif low == "overnight":
        # the night that ended on the reference day, or the one ahead in a future clause
        day = ctx.ref - dt.timedelta(days=0 if ctx.tense == "future" else 1)
    else:
        deictic = ctx.lex.temporal["deictic_day"]
        deictic_word = next((w for w in low.split() if w in deictic), None)
        if deictic_word is None and ctx.sentence_day is not None:  # "by mid-afternoon"
            return Reading("TIME", f"{ctx.sentence_day.isoformat()}T{pod}", "sentence", mod=mod)
        day = ctx.ref + dt.timedelta(days=int(deictic[deictic_word or "today"]))
    assert day is not None
    return Reading("TIME", f"{day.isoformat()}T{pod}", mod=mod)


_YEAR_STEP = {"last": -1, "this": 0, "next": 1}


def h_holiday(m: Cand, ctx: Ctx) -> Reading | None:
    raw = m.group()
    low = norm(raw)
    holidays = ctx.lex.temporal["holiday"]
    words = low.replace(",", " ").split()
    modifier = ""
    for pre in (
        "this past",
        "this coming",
        "the day after",
        "the day before",
        "last",
        "next",
        "this",
    ):
        if low.startswith(pre + " "):
            modifier = pre
            words = low[len(pre) + 1 :].replace(",", " ").split()
            break
    words = [w for w in words if not YEAR4.fullmatch(w)]
    step = None  # "Thanksgiving last year", "Christmas this year": the year named
    if len(words) > 2 and words[-1] == "year" and words[-2] in _YEAR_STEP:
        step = _YEAR_STEP[words[-2]]
        words = words[:-2]
    if words and words[-1] == "of":
        words.pop()  # "Christmas of 2012"
    name = " ".join(words)
    rule = holidays.get(name) or holidays.get(name.removesuffix(" day"))
    if rule is None and name.endswith(" eve"):  # "Thanksgiving Eve": the day before
        rule = holidays.get(name.removesuffix(" eve"))
    if rule is None:
        return None
    name_start = raw.lower().find(words[0]) if words else 0
    if not capitalised(raw[name_start:]) and not raw[name_start:].lower().startswith("the "):
        return None
    eve = name.endswith(" eve") and not holidays.get(name)
    shift = {"the day after": 1, "the day before": -1}.get(modifier, 0) - (1 if eve else 0)
    yr = YEAR4.search(raw)
    if yr is not None:
        d = cal.holiday(rule, int(yr.group(1)))
        if d is None:
            return None
        return Reading("DATE", cal.day(d + dt.timedelta(days=shift)), "absolute")
    if ctx.ref is None:
        return Reading("DATE", None, None)
    if step is not None:
        d = cal.holiday(rule, ctx.ref.year + step)
        return None if d is None else Reading("DATE", cal.day(d + dt.timedelta(days=shift)))
    cands = [
        d for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1) if (d := cal.holiday(rule, y))
    ]
    if not cands:
        return None
    told = year_named_before(ctx, m.start()) if not modifier or modifier.startswith("the") else None
    if told is not None and (d := cal.holiday(rule, told)) is not None:
        # "Last year, rain delayed flights on the day before Thanksgiving": that year's
        return Reading("DATE", cal.day(d + dt.timedelta(days=shift)), "previous")
    if modifier in ("last", "this past"):
        chosen = max((c for c in cands if c < ctx.ref), default=cands[0])
    elif modifier in ("next", "this coming"):
        chosen = min((c for c in cands if c > ctx.ref), default=cands[-1])
    elif modifier == "this":
        chosen = next((c for c in cands if c.year == ctx.ref.year), cands[0])
    else:
        # a week's slack in a past clause, not a deadline's ("sales on Thanksgiving fell",
        # weeks before this year's, is last year's; "as Easter week began" days before it)
        tense = ctx.tense
        if tense == "past" and name in _VOTE_DAYS:
            asked = _REQUEST_TO_BEFORE.search(ctx.text, max(0, m.start() - 90), m.start())
            if asked is not None:
                tense = None  # "urged people to vote for him on Election Day": the act asked for
        if tense is None and name in _VOTE_DAYS:
            # a day of voting, with no tense word: this year's when it is still ahead and last
            # year's is more than a couple of months gone ("working backward from Election
            # Day" in April: a campaign looks to the coming vote); a feast day with no tense
            # word stays the nearest ("the abuse in Cologne on New Year's Eve" in March)
            ahead = next((c for c in cands if c.year == ctx.ref.year and c >= ctx.ref), None)
            gone = max((c for c in cands if c < ctx.ref), default=None)
            if ahead is not None and (gone is None or (ctx.ref - gone).days > MONTH_DAY_SLACK):
                tense = "future"
        chosen = pick(cands, ctx.ref, tense, slack=7 if tense == "past" else MONTH_DAY_SLACK)
    weekend = _WEEKEND_AFTER.match(ctx.text, m.end(), m.end() + 12) if not shift else None
    if weekend is not None:
        # "the Fourth of July weekend", "over Memorial Day weekend": the holiday's weekend,
        # the one before a Monday or Tuesday, else the one after (Wednesday: before)
        back = {1: 2, 2: 3, 3: 4, 6: 0, 7: 1}.get(chosen.isoweekday())
        sat = chosen - dt.timedelta(days=back) if back is not None else None
        if sat is None:
            sat = chosen + dt.timedelta(days=6 - chosen.isoweekday())
        return Reading("DATE", cal.week(sat, weekend=True), end=weekend.end())
    return Reading("DATE", cal.day(chosen + dt.timedelta(days=shift)))


# A request with its infinitive before a day ("urged people to vote for him on"): the act asked
# for is still to come when the request was made.
_REQUEST_TO_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:urg|ask|encourag|remind|implor)(?:e|es|ed|ing|s)?[ \t\u00a0]+"
    r"(?:[\p{L}'’]+[ \t\u00a0]+){1,3}to[ \t\u00a0]+(?:[\p{L}'’]+[ \t\u00a0]+){1,5}$"
)
# Days of a vote, which news looks ahead to all year.
_VOTE_DAYS = frozenset(["election day", "super tuesday"])
_WEEKEND_AFTER = compile_re(r"(?i)[ \t\u00a0]+weekend(?![\p{L}'’-])")


def h_month_day(m: Cand, ctx: Ctx) -> Reading | None:
    reading = _month_day(m, ctx)
    if reading is not None and APPROX.match(m.group()):
        reading = attrs.evolve(reading, mod="APPROX")
    return reading


def _month_day(m: Cand, ctx: Ctx) -> Reading | None:
    raw = m.group()
    mo = month_in(raw, ctx.lex)
    if mo is None:
        return _bare_day(m, ctx)
    after_month = raw[raw.find(mo[1]) + len(mo[1]) :]
    before_month = raw[: raw.find(mo[1])]
    dm = DAYNUM.search(after_month) or DAYNUM.search(before_month)
    ordinals = ctx.lex.temporal["ordinal"]
    word_day = next(
        (int(ordinals[w]) for w in norm(after_month).split() if ordinals.get(w, "").isdigit()), None
    )
    if dm is None and word_day is None:
        return None
    d = int(dm.group(1)) if dm is not None else word_day
    assert d is not None
    yr = YEAR4.search(raw)
    wd = weekday_in(before_month, ctx.lex)
    start = m.start()
    if raw.lower().startswith("the ") and (dm is None or dm.string is after_month):
        start = m.start() + 4  # "the March 2 vote": the article is not part of the date
    if yr is not None:
        try:
            day = dt.date(int(yr.group(1)), mo[0], d)
        except ValueError:
            return None
        return Reading("DATE", cal.day(day), "absolute", start=start)
    event = _event_day(mo[0], d, m.start(), m.end(), ctx)
    if event is not None:  # "the Sept. 11 attacks": the day of the event, not this year's
        # an event named, not the story's time: no anchor for "thirteen years earlier"
        return Reading("DATE", cal.day(event), "absolute", start=start, dated=False)
    rel = rel_year(raw, ctx.ref)
    if rel is not None:
        try:
            return Reading("DATE", cal.day(dt.date(rel, mo[0], d)), start=start)
        except ValueError:
            return None
    if ctx.ref is None:
        if not (1 <= d <= 31):
            return None
        return Reading("DATE", f"XXXX-{mo[0]:02d}-{d:02d}", None, start=start)
    if wd is not None:  # "Tuesday, March 15": the year whose March 15 is a Tuesday
        for y in (ctx.ref.year, ctx.ref.year - 1, ctx.ref.year + 1):
            try:
                cand = dt.date(y, mo[0], d)
            except ValueError:
                continue
            if cand.isoweekday() == wd:
                return Reading("DATE", cal.day(cand), start=start)
    if _SINCE_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()) or (
        _ON_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start())
        and ctx.tense == "past"
        and _verb_just_before(ctx, m.start(), m.end())
        and not _PLANNED_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start())
        and not _PLAN_WORD_BEFORE.search(_clause_before(ctx.text, m.start()))
    ):
        # "the summit met on April 2" in March: a past verb right before tells a day gone,
        # not a deadline ahead ("extended the offer to Nov. 20"); "up 22% since Jan. 1" in
        # December is this year's, whatever the verb, as "since September" is
        cands = []
        for y in (ctx.ref.year - 1, ctx.ref.year):
            try:
                cands.append(dt.date(y, mo[0], d))
            except ValueError:
                continue
        gone = [c for c in cands if c <= ctx.ref]
        if gone:
            return Reading("DATE", cal.day(max(gone)), start=start)
    told = year_named_before(ctx, m.start())
    if told is not None and ends_period(ctx, m.start()) is None:
        # "In 2008, the store opened on March 3": the year the sentence named
        try:
            return Reading("DATE", cal.day(dt.date(told, mo[0], d)), "previous", start=start)
        except ValueError:
            return None
    if ctx.tense == "past" and _past_plan(ctx, m.start()) and ends_period(ctx, m.start()) is None:
        # "the tour had been due to end on October 7" in July: a plan told in the past names
        # a day on either side, the nearest (as a month); not "its record high set on Aug. 6"
        ctx = attrs.evolve(ctx, tense=None)
    found = month_day_year(mo[0], d, ctx, start)
    if found is None:
        return None
    return Reading("DATE", cal.day(found), start=start)


_MONTH_VALUE = compile_re(r"(\d{4})-(\d\d)(?:-\d\d)?")
_NEXT_WORD = compile_re(r"[ \t\u00a0]+(\p{L}+)")
_NOUN_OF_BEFORE = compile_re(r"(?<![\p{L}])(\p{L}+)[ \t\u00a0]+of[ \t\u00a0]+$")


def _event(value: str, ctx: Ctx) -> dt.date | None:
    """The day of an event of the lexicon, when the text can speak of it (it is not after the
    reference date)."""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None
    return day if ctx.ref is None or day <= ctx.ref else None


def _event_day(month: int, day: int, start: int, end: int, ctx: Ctx) -> dt.date | None:
    """ "the Sept. 11 attacks", "the attacks of September 11": a month-day without a year
    next to a noun of events (``event_noun``, before it or before "of" it) is the day of the
    event of the lexicon on that month-day, if any."""
    t = ctx.lex.temporal
    events = t.get("event")
    if not events:
        return None
    nouns = t.get("event_noun", {})
    nxt = _NEXT_WORD.match(ctx.text, end, end + 40)
    before = _NOUN_OF_BEFORE.search(ctx.text, max(0, start - 40), start)
    if (nxt is None or nxt.group(1).lower() not in nouns) and (
        before is None or before.group(1).lower() not in nouns
    ):
        return None
    for value in events.values():
        found = _event(value, ctx)
        if found is not None and (found.month, found.day) == (month, day):
            return found
    return None


def _bare_day(m: Cand, ctx: Ctx) -> Reading | None:
    """ "on the 14th": that day of the month the story last named, else of the month around
    the reference date the tense points to."""
    dm = DAYNUM.search(m.group())
    if dm is None:
        return None
    d = int(dm.group(1))
    prev = _MONTH_VALUE.fullmatch(ctx.previous.value) if ctx.previous is not None else None
    if prev is not None:
        try:
            day = dt.date(int(prev.group(1)), int(prev.group(2)), d)
        except ValueError:
            return None
        return Reading("DATE", cal.day(day), "previous")
    if ctx.ref is None:
        return Reading("DATE", None, None)
    cands = []
    for k in (-1, 0, 1):
        y, mo = divmod(ctx.ref.year * 12 + ctx.ref.month - 1 + k, 12)
        try:
            cands.append(dt.date(y, mo + 1, d))
        except ValueError:
            continue
    if not cands:
        return None
    return Reading("DATE", cal.day(pick(cands, ctx.ref, ctx.tense)))


@functools.lru_cache(maxsize=1024)
def _dateparser_parse(candidate: str, order: str) -> dt.date | None:
    """dateparser on one candidate our grammar found, with settings built for this call."""
    import dateparser

    settings = {"DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True}
    try:
        parsed = dateparser.parse(candidate, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    return parsed.date() if parsed is not None else None


_ON_BEFORE = compile_re(r"(?i)(?<![\p{L}])on[ \t\u00a0]+$")
# a noun of speech or writing before "on": "remarks on 9/11" is about the event
_TOPIC_ON_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:remarks?|comments?|speech(?:es)?|views?|statements?|reports?|books?"
    r"|films?|questions?|testimony|lectures?|essays?|articles?|stance|position)"
    r"[ \t\u00a0]+on[ \t\u00a0]+$"
)
_ISO = compile_re(r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?")


def h_iso(m: Cand, ctx: Ctx) -> Reading | None:
    raw = m.group()
    event = ctx.lex.temporal.get("event", {}).get(raw.lower())
    if event is not None:  # "9/11": the day of the event
        found = _event(event, ctx)
        if found is None:
            return None
        # "since 9/11", "9/11 families": the event named, not the story's time, so no anchor
        # for a later "thirteen years earlier"; "on 9/11" is a day the story speaks of
        on = (
            _ON_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start()) is not None
            # "her remarks on 9/11": "on" of a topic, the event named
            and _TOPIC_ON_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start()) is None
        )
        return Reading("DATE", cal.day(found), "absolute", dated=on)
    iso = _ISO.fullmatch(raw)
    if iso:
        try:
            d = dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
        if iso.group(4):
            return Reading("TIME", f"{d.isoformat()}T{iso.group(4)}:{iso.group(5)}", "absolute")
        return Reading("DATE", cal.day(d), "absolute")
    raw = raw.replace(" ", "").replace("\t", "").replace("\u00a0", "")  # "10 / 15 / 2008"
    parsed = _dateparser_parse(raw, "MDY")
    if parsed is None:
        return None
    year_part = raw.rsplit("/", 1)[-1]
    if len(year_part) == 2:
        y = year_from_two_digits(int(year_part), ctx.ref)
        try:
            parsed = parsed.replace(year=y)
        except ValueError:
            return None
    return Reading("DATE", cal.day(parsed), "absolute")


def h_month_year(m: Cand, ctx: Ctx) -> Reading | None:
    raw = m.group()
    mo = month_in(raw, ctx.lex)
    if mo is None:
        return None
    after = raw[raw.find(mo[1]) + len(mo[1]) :]
    y = year_in(after, ctx.ref, ctx.lex)
    anchor = "absolute"
    if y is None:
        y = rel_year(after, ctx.ref)
        anchor = "ref"
    if y is None:
        return Reading("DATE", f"XXXX-{mo[0]:02d}", None) if ctx.ref is None else None
    return Reading("DATE", cal.month(y, mo[0]), anchor, mod=edge_mod(raw))


_OF = compile_re(r"\bof\s", regex.IGNORECASE)  # "the week of March 3": the date after it


def h_week_of(m: Cand, ctx: Ctx) -> Reading | None:
    raw = m.group()
    inner = _OF.search(raw)
    if inner is None:
        return None
    found = h_month_day(m.tail(inner.end()), ctx)
    if found is None or found.value is None or not found.value[:4].isdigit():
        return None
    d = dt.date.fromisoformat(found.value)
    return Reading("DATE", cal.week(d), found.anchor)


_ORDINAL_Q = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}


def _quarter_year(q: int, ctx: Ctx, m: Cand | None = None) -> int | None:
    if ctx.ref is None:
        return None
    y, cur = current_quarter(ctx.ref)
    if m is not None and ctx.tense != "past" and _by(m, ctx):
        return y + 1 if q < cur else y  # a deadline: the next one not yet over
    if q <= cur:
        # ... and a quarter that ended two or more quarters ago, in a future clause or a
        # forecast, is next year's: "expects revenue of $9 billion for its first quarter" in
        # October
        if (
            cur - q >= 2
            and (
                ctx.tense == "future"
                or (ctx.tense != "past" and m is not None and _guidance(m, ctx))
            )
            and not _reported_soon(m, ctx, results_before=True)
        ):
            return y + 1
        return y
    # Results are reported after the quarter, so a quarter not yet begun is last year's
    # ("fourth-quarter results" in February), whatever the tense; but one that ended two or
    # more quarters ago was reported long since, so a future clause means this year's: "will
    # report third-quarter results" in May, and so does a forecast told in the past ("for the
    # second quarter, it forecast revenue of $11 billion" in January).
    if (
        cur + 4 - q >= 2
        and (ctx.tense == "future" or (m is not None and _guidance(m, ctx)))
        and not _reported_soon(m, ctx)
    ):
        return y
    return y - 1


_BY_BEFORE = compile_re(r"(?i)(?<![\p{L}])by[ \t\u00a0]+$")


def _by(m: Cand, ctx: Ctx) -> bool:
    """Whether the quarter at ``m`` is a deadline, after "by" ("we see a recovery by the fourth
    quarter" in March: this year's; told in the past, "had recovered by the fourth quarter",
    it is not one)."""
    return (
        m.group()[:4].lower() == "the "  # not "hurt by fourth-quarter charges"
        and not _POSSESSIVE.match(ctx.text, m.end())
        and _BY_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()) is not None
    )


# "will announce third-quarter results on February 6" in January: results due within weeks are
# of a quarter already ended (a fiscal one), not of this year's quarter to come
_REPORT_DATE_AFTER = compile_re(
    r"(?i)[-‐ \t\u00a0]+(?:results|earnings|figures)[ \t\u00a0]+(?:on|in|next|this|later)"
    r"[ \t\u00a0]+(?:(?:early|mid|late)[-‐ \t\u00a0]+)?(\p{L}+)"
)
# "will report results for its second quarter on Nov. 6": the results named before the quarter
_RESULTS_FOR_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:results|earnings|figures)[ \t\u00a0]+for[ \t\u00a0]+"
    r"(?:(?:its|their|the)[ \t\u00a0]+)?$"
)
_DATE_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+(?:on|in|next|this|later)[ \t\u00a0]+(?:(?:early|mid|late)[-‐ \t\u00a0]+)?(\p{L}+)"
)
_SOON_WORDS = frozenset(["week", "month", "monday", "tuesday", "wednesday", "thursday", "friday"])


def _reported_soon(m: Cand | None, ctx: Ctx, results_before: bool = False) -> bool:
    """Whether the results of the quarter at ``m`` are due within three months;
    ``results_before``: the results may also be named before the quarter (of a quarter
    already begun: "will report results for its fiscal second quarter on Nov. 6")."""
    if m is None or ctx.ref is None:
        return False
    after = _REPORT_DATE_AFTER.match(ctx.text, m.end(), m.end() + 48)
    if (
        after is None
        and results_before
        and _RESULTS_FOR_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
    ):
        after = _DATE_AFTER.match(ctx.text, m.end(), m.end() + 32)
    if after is None:
        return False
    word = after.group(1).lower()
    if word in _SOON_WORDS:
        return True
    mo = month_in(after.group(1), ctx.lex)
    return mo is not None and (mo[0] - ctx.ref.month) % 12 <= 2


# a company's forecast for a quarter or a year: "forecast revenue", "expects a loss"
_GUIDANCE = compile_re(
    r"(?i)(?<![\p{L}])(?:forecast(?:s|ed|ing)?|project(?:s|ed|ing)|predict(?:s|ed|ing)?"
    r"|expect(?:s|ed|ing)?|anticipat(?:es|ed|ing)|guidance|outlook)(?![\p{L}])"
)
_CLAUSE_BREAK = compile_re(r"[.;!?]\s")


def _guidance(m: Cand, ctx: Ctx) -> bool:
    """A forecast cue in the clause around ``m`` (within a few words either side)."""
    before = ctx.text[max(0, m.start() - 80) : m.start()]
    cuts = [c.end() for c in _CLAUSE_BREAK.finditer(before)]
    if cuts:
        before = before[cuts[-1] :]
    after = ctx.text[m.end() : m.end() + 60]
    stop = _CLAUSE_BREAK.search(after)
    if stop is not None:
        after = after[: stop.start()]
    return bool(_GUIDANCE.search(before) or _GUIDANCE.search(after))


_QUARTER_CODE = compile_re(
    r"(?:the\s+)?q([1-4])(?:\s*(\d{4}|'\d\d))?$|(\d{4})\s+q([1-4])$|h([12])\s*(\d{4})$"
)
_YEAR_AGO = compile_re(r"\byear-(?:ago|earlier)\b")
_NQ_CODE = compile_re(r"([1-4])([qh])\s?((?:\d{4}|['’]?\d\d))?$")


# "for the third quarter in a row", "the third straight quarter": a count of quarters, which
# TimeBank leaves out as it does "the third consecutive month"
_IN_A_ROW_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+(?:in[ \t\u00a0]+a[ \t\u00a0]+row|running)(?![\p{L}])"
)
_IN_A_ROW_BEFORE = compile_re(r"(?i)(?<![\p{L}])(?:straight|consecutive|successive)[ \t\u00a0]+$")
# "sales fell for a second quarter": a count of quarters, not the calendar's second one
# ("posted a second-quarter loss", "expects a second quarter loss" are the calendar's)
_A_BEFORE = compile_re(r"(?i)(?<![\p{L}])a[ \t\u00a0]+$")
# A game's quarters and halves: "scored 12 points in the fourth quarter", "equalised midway
# through the second half". A bare period ("the second half", no year, no "of") in a line
# that tells a game (a score, "half-time", "overtime", "scored", "innings") is not the
# calendar's.
_BARE_PERIOD = compile_re(r"(?:the )?(?:first|second|third|fourth|final|last) (?:quarter|half)")
_GAME_CUE = compile_re(
    r"(?i)(?<![\p{L}\d.,$])(?:\d{1,3}[-–]\d{1,3}(?![\d%]|[-‐.,]\d|[ \t\u00a0-]*(?:vote|"
    r"decision|ruling|majority|split|stock|share|reverse|ratio|margin|percent|per|pct|times|"
    r"year|month|week|day|hour|mile|inch|foot|feet|ton|pound)s?(?![\p{L}]))"
    r"|half[-‐]?time|overtime|touchdowns?|innings?|equali[sz](?:ed|er|ing|es)|scor(?:ed|ing)"
    r"|rebounds|quarterback|free[-‐ \t\u00a0]throws?|field[-‐ \t\u00a0]goals?|kick[-‐]?off"
    r"|buzzer|super[ \t\u00a0]+bowl|running[ \t\u00a0]+backs?|wide[ \t\u00a0]+receivers?"
    r"|linebackers?|goalkeepers?|goalies?|point[ \t\u00a0]+guards?|power[ \t\u00a0]+play"
    r"|midfielders?|strikers?|hat[-‐ \t\u00a0]?tricks?|(?:red|yellow)[ \t\u00a0]+cards?"
    r"|(?:stoppage|injury)[ \t\u00a0]+time|(?:free|penalty|corner)[ \t\u00a0]+kicks?"
    r"|limped[ \t\u00a0]+off)(?![\p{L}\d])"
)
_GAME_REACH = 200


def _game_period(text: str, start: int, end: int) -> bool:
    """Whether the line around ``start:end`` tells a game (within ``_GAME_REACH`` each side)."""
    lo = max(text.rfind("\n", max(0, start - _GAME_REACH), start) + 1, start - _GAME_REACH, 0)
    hi = text.find("\n", end, end + _GAME_REACH)
    hi = min(len(text), end + _GAME_REACH) if hi < 0 else hi
    return _GAME_CUE.search(text, lo, hi) is not None


_NOUN_AFTER_Q = compile_re(
    r"[ \t\u00a0]+(?!(?:of|in|and|or|to|as|at|on|when|after|before|since|that|which|but|with|for|from|by|while|amid)\b)\p{Ll}"
)


def _quarter_code(code: regex.Match[str], raw: str, ctx: Ctx) -> Reading | None:
    """The analysts' codes: "3Q08" (a quarter), "2H 2008" (a half)."""
    if "Q" not in raw and "H" not in raw:
        return None  # the codes are written in capitals
    n, unit, ytxt = int(code.group(1)), code.group(2), code.group(3)
    anchor: str | None = "absolute"
    if ytxt:
        digits = ytxt.lstrip("'’")
        y = int(digits) if len(digits) == 4 else year_from_two_digits(int(digits), ctx.ref)
    elif ctx.ref is None:
        return Reading("DATE", f"XXXX-{unit.upper()}{n}", None)
    else:
        anchor = "ref"
        if unit == "q":
            y = _quarter_year(n, ctx) or ctx.ref.year
        else:
            y = ctx.ref.year if n == 1 or ctx.ref.month > 6 else ctx.ref.year - 1
    value = cal.quarter(y, n) if unit == "q" else f"{y:04d}-H{n}"
    return Reading("DATE", value, anchor)


_OF_WEEK_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+of[ \t\u00a0]+(?:the|this|next|last|that)[ \t\u00a0]+week(?![\p{L}])"
)
_OF_MONTH_AFTER = compile_re(r"[ \t\u00a0]+of[ \t\u00a0]+(\p{Lu}\p{Ll}{2,8}\.?)(?![\p{L}])")
_THE_BEFORE = compile_re(r"(?<![\p{L}])[Tt]he[ \t\u00a0]+$")
_QUARTER_MONTHS = compile_re(r"(jan|apr|jul|oct)[\p{L}.]*(?:[-–]|[ \t\u00a0]+to[ \t\u00a0])")
_QUARTER_END_MONTH = compile_re(r"(mar|jun|sep|dec)[\p{L}.]*\s+quarter$")
_QUARTER_OF_MONTH = {"jan": 1, "apr": 2, "jul": 3, "oct": 4, "mar": 1, "jun": 2, "sep": 3, "dec": 4}


# "the second quarter ended Oct. 31": a quarter and the day it closed
_QUARTER_ENDED_DAY = compile_re(
    r"[ \t\u00a0]+(?:(?:that|which)[ \t\u00a0]+)?ended[ \t\u00a0]+(?:on[ \t\u00a0]+)?"
    r"(\p{Lu}\p{Ll}{2,8}\.?)[ \t\u00a0]+(\d{1,2})(?![\d\p{L}])(?![ \t\u00a0]*,?[ \t\u00a0]*\d)"
)


def h_quarter(m: Cand, ctx: Ctx) -> Reading | None:
    reading = _quarter(m, ctx)
    if reading is None or reading.anchor != "ref" or reading.value is None or ctx.ref is None:
        return reading
    ended = _QUARTER_ENDED_DAY.match(ctx.text, m.end(), m.end() + 40)
    mo = month_in(ended.group(1), ctx.lex) if ended is not None else None
    if ended is None or mo is None or "-Q" not in reading.value:
        return reading
    # "the comparable year-ago quarter, the second quarter ended Oct. 31" in a story of Oct.
    # 27: the quarter is the one that closed on the last such day passed, a year before
    month_day = (mo[0], int(ended.group(2)))
    if not 1 <= month_day[1] <= 31:
        return reading
    year = ctx.ref.year if month_day <= (ctx.ref.month, ctx.ref.day) else ctx.ref.year - 1
    return attrs.evolve(reading, value=f"{year}{reading.value[4:]}")


# "the first quarter of the century", "the last quarter of the 20th century": a quarter of a
# longer span, no calendar quarter
_OF_LONG_SPAN_AFTER = compile_re(
    r"(?i)\s+of\s+(?:the|this|that|a|last|next)\s+(?:[\p{L}\d]+\s+)?(?:century|decade|millennium)\b"
)


def _quarter(m: Cand, ctx: Ctx) -> Reading | None:
    raw = m.group()
    low = norm(raw)
    if _IN_A_ROW_AFTER.match(ctx.text, m.end(), m.end() + 16):
        return None
    if _OF_LONG_SPAN_AFTER.match(ctx.text, m.end(), m.end() + 40):
        return None
    if _BARE_PERIOD.fullmatch(low) and _game_period(ctx.text, m.start(), m.end()):
        return None  # a game's period
    if (
        low in ("second quarter", "third quarter", "fourth quarter")
        and _A_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start()) is not None
        and _NOUN_AFTER_Q.match(ctx.text, m.end()) is None
    ):
        return None  # "for a second quarter", "a third quarter of losses"
    # "the April-June quarter" (the calendar quarter those months make) and "the December
    # quarter" (the calendar quarter ending that month)
    months = _QUARTER_MONTHS.match(low) or _QUARTER_END_MONTH.match(low)
    if months is not None:
        mq = _QUARTER_OF_MONTH[months.group(1)]
        qy = _quarter_year(mq, ctx, m)
        the = _THE_BEFORE.search(ctx.text, max(0, m.start() - 5), m.start())
        return Reading(
            "DATE",
            cal.quarter(qy, mq) if qy else f"XXXX-Q{mq}",
            "ref" if qy else None,
            start=the.start() if the is not None else None,
        )
    code = _NQ_CODE.match(low)
    if code is not None:  # "3Q08", "2H 2008", "1Q"
        return _quarter_code(code, raw, ctx)
    qm = _QUARTER_CODE.match(low)
    if qm:
        if qm.group(5):
            return Reading("DATE", f"{qm.group(6)}-H{qm.group(5)}", "absolute")
        qn = int(qm.group(1) or qm.group(4))
        ytxt = qm.group(2) or qm.group(3)
        if ytxt:
            qyear = int(ytxt) if len(ytxt) == 4 else year_from_two_digits(int(ytxt[1:]), ctx.ref)
            return Reading("DATE", cal.quarter(qyear, qn), "absolute")
        if not raw.strip().upper().startswith(("Q", "THE Q")):
            return None
        qy = _quarter_year(qn, ctx, m)
        return Reading("DATE", cal.quarter(qy, qn) if qy else f"XXXX-Q{qn}", "ref" if qy else None)
    if "half" in low or "two quarters" in low:
        month_of = _OF_MONTH_AFTER.match(ctx.text, m.end(), m.end() + 16)
        if month_of is not None and month_in(month_of.group(1), ctx.lex) is not None:
            return None  # "the second half of July": half a month; the month is the mention
        if _OF_WEEK_AFTER.match(ctx.text, m.end(), m.end() + 24):
            return None  # "the first half of next week": half a week; the week is the mention
        h = 1 if low.removeprefix("the ").startswith("first") else 2  # second, last, latter
        hy = year_in(low, ctx.ref, ctx.lex) or rel_year(low, ctx.ref)
        h_anchor = "absolute" if YEAR4.search(low) else "ref"
        prev = ctx.previous
        if (
            hy is None
            and h == 2
            and prev is not None
            and prev.value.endswith("-H1")
            # "first-half profit doubled" (last year's) … "expects second-half deliveries
            # to slow": a forecast is of this year's second half, not of that year's
            and not (
                ctx.ref is not None
                and prev.first.year < ctx.ref.year
                and (ctx.tense == "future" or _guidance(m, ctx))
            )
        ):
            # "the first half of 2009 will be hard … a recovery in the second half": that
            # year's second half
            return Reading("DATE", f"{prev.value[:4]}-H2", "previous")
        if hy is None:
            if ctx.ref is None:
                return Reading("DATE", f"XXXX-H{h}", None)
            # "first-half profit doubled" told in March: a first half told as past has
            # ended, so it is last year's; "in the first half of the year" may be the one
            # running
            told_past = ctx.tense == "past" and not low.endswith("of the year")
            hy = (
                ctx.ref.year
                if (
                    (h == 1 and not (told_past and ctx.ref.month <= 6))
                    or ctx.ref.month > 6
                    or ctx.tense == "future"
                    or _guidance(m, ctx)
                    # "losses in the second half of the year" told in March: this year's,
                    # unless the clause tells it as past
                    or (low.endswith("of the year") and ctx.tense != "past")
                )
                else ctx.ref.year - 1
            )
        return Reading("DATE", f"{hy:04d}-H{h}", h_anchor)
    words = low.replace("-", " ").split()
    if words[-2:] == ["last", "quarter"] and ctx.ref is not None:
        # "reported last quarter", "in the last quarter" (no year after it): the quarter
        # before the reference's, as "last month" is; "the last quarter of 2008" is the fourth
        return Reading("DATE", shift_quarter(cal.quarter(*current_quarter(ctx.ref)), -1), "ref")
    q = next((_ORDINAL_Q[w] for w in words if w in _ORDINAL_Q), None)
    if q is None:
        return None
    if "quarters" in words and not low.endswith("quarters"):
        return None
    y: int | None = None
    anchor: str | None = "absolute"
    if _YEAR_AGO.search(low):
        base = ctx.quarter or (cal.quarter(*current_quarter(ctx.ref)) if ctx.ref else None)
        if base is None:
            return Reading("DATE", f"XXXX-Q{q}", None)
        return Reading(
            "DATE", cal.quarter(int(base[:4]) - 1, q), "previous" if ctx.quarter else "ref"
        )
    yr = YEAR4.search(low)
    if yr is not None:
        y = int(yr.group(1))
    else:
        y = rel_year(low, ctx.ref)
        if "last year's" in low:
            y = ctx.ref.year - 1 if ctx.ref else None
        elif "next year's" in low:
            y = ctx.ref.year + 1 if ctx.ref else None
        elif "this year's" in low:
            y = ctx.ref.year if ctx.ref else None
        anchor = "ref"
        if y is None and (told := year_named_before(ctx, m.start())) is not None:
            y, anchor = told, "previous"  # "In 2007, sales fell in the fourth quarter"
        if y is None:
            y = _quarter_year(q, ctx, m)
    if y is None:
        return Reading("DATE", f"XXXX-Q{q}", None)
    return Reading("DATE", cal.quarter(y, q), anchor)


# "its best quarter since 2007", "the worst quarter on record": a quarter ranked among
# others, as a count of quarters is, not a date
_RANKED_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:best|worst|strongest|weakest|biggest|largest|busiest|slowest|"
    r"highest|lowest|most[ \t\u00a0]+profitable)[ \t\u00a0]+$"
)


_HOLIDAY_QUARTER_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:the[ \t\u00a0]+)?holiday(?:[-‐ \t\u00a0](?:season|shopping))?[ \t\u00a0]+$"
)


def h_quarter_ref(m: Cand, ctx: Ctx) -> Reading | None:
    low = norm(m.group())
    if (
        _IN_A_ROW_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start())
        or _IN_A_ROW_AFTER.match(ctx.text, m.end(), m.end() + 16)
        or _RANKED_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
    ):
        return None
    holiday = (
        _HOLIDAY_QUARTER_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
        if low == "quarter"
        else None
    )
    if holiday is not None:  # "the holiday quarter": the year's last, its shopping season
        hy = _quarter_year(4, ctx, m)
        value = cal.quarter(hy, 4) if hy else "XXXX-Q4"
        return Reading("DATE", value, "ref" if hy else None, start=holiday.start())
    year_ago = any(
        k in low
        for k in ("year-ago", "year-earlier", "prior-year", "year ago", "year earlier", "last year")
    )
    previous = any(k in low.split() for k in ("previous", "prior", "preceding"))
    is_period = "period" in low or low.startswith("year-")
    yr = YEAR4.search(low)
    base: str | None
    if "current" in low:
        base = cal.quarter(*current_quarter(ctx.ref)) if ctx.ref else None
    elif is_period:
        base = ctx.period or ctx.quarter
    else:
        base = ctx.quarter
    ended = None
    if ctx.quarter is None and not (
        year_ago or previous or yr is not None or "current" in low or is_period
    ):  # a quarter named before ("the fiscal first quarter") numbers the company's quarters
        ended = _quarter_ending(m, ctx)
    if ended is not None:
        return Reading("DATE", ended, "ref")
    fallback = False
    same = is_period and any(k in low.split() for k in ("same", "corresponding", "comparable"))
    if base is None and ctx.ref is not None and not low.startswith("year-") and not same:
        # no quarter named before: the last one reported, the one before the reference's
        # ("the same period" is then not known: it may be a holiday's or a season's)
        y, q = current_quarter(ctx.ref)
        base, fallback = shift_quarter(cal.quarter(y, q), -1), True
    if low.startswith("year-"):
        if base is not None:
            return Reading("DATE", shift_period(base, -1), "previous")
        if ctx.ref is None:
            return Reading("DATE", None, None)
        return Reading("DATE", cal.year(ctx.ref.year - 1))
    if base is None:
        if yr is not None:
            # "198 recalls so far this year, compared with 211 in the same period of 2024":
            # no period reported, but the year is given
            return Reading("DATE", cal.year(int(yr.group(1))), "absolute")
        return Reading("DATE", None, None)
    if yr is not None:
        base = f"{yr.group(1)}{base[4:]}"
    elif year_ago:
        base = shift_period(base, -1)
    elif previous and "-Q" in base and not fallback:
        # "the previous quarter" with no quarter named before is already the one before the
        # reference's, not the one before that
        base = shift_quarter(base, -1)
    return Reading("DATE", base, "previous" if ctx.quarter or ctx.period else "ref")


# "the quarter ended Sept. 30", "the quarter to June", "the quarter ended in March": the
# calendar quarter ending that month
_QUARTER_END_AFTER = compile_re(
    r"[ \t\u00a0]+(?:(?:that|which)[ \t\u00a0]+)?(?:ended|ending|ends|to|through)[ \t\u00a0]+"
    r"(?:in[ \t\u00a0]+)?(\p{Lu}\p{Ll}{2,8}\.?)(?![\p{L}])"
)


def _quarter_ending(m: Cand, ctx: Ctx) -> str | None:
    """The calendar quarter a quarter-end month after "the quarter ended/to" closes: the latest
    one that has begun ("the quarter ended Sept. 30" in October, "the quarter to June" in
    May). A fiscal quarter ending in another month is the calendar quarter holding two of its
    three months: "the quarter ended July 31" (May to July) is the second."""
    after = _QUARTER_END_AFTER.match(ctx.text, m.end(), m.end() + 40)
    if after is None or ctx.ref is None:
        return None
    mo = month_in(after.group(1), ctx.lex)
    if mo is None:
        return None
    # the quarter that has begun (its first month on or before the reference) and holds the
    # middle month of the three ending with this one
    y = ctx.ref.year if (mo[0] - 2, 1) <= (ctx.ref.month, ctx.ref.day) else ctx.ref.year - 1
    middle = y * 12 + mo[0] - 2  # months since year 0, counted from 0: the middle month
    return cal.quarter(middle // 12, middle % 12 // 3 + 1)


_TWO_DIGIT_END = compile_re(r"(\d\d)(?:[-/]\d\d)?$")


def h_fiscal(m: Cand, ctx: Ctx) -> Reading | None:
    low = norm(m.group())
    yr = YEAR4.search(low)
    if yr is not None:
        y = int(yr.group(1))
    else:
        two = _TWO_DIGIT_END.search(low)
        if two is None:
            return None
        y = year_from_two_digits(int(two.group(1)), ctx.ref)
    return Reading("DATE", cal.year(y), "absolute", ranged=False)


def h_fiscal_ref(m: Cand, ctx: Ctx) -> Reading | None:
    low = norm(m.group())
    after = ctx.text[m.end() : m.end() + 12].lower()
    if after.lstrip().startswith(("ended", "ending", "that ended", "which ended")):
        return Reading("DURATION", "P1Y", None)
    yr = YEAR4.search(low)
    if yr is not None:  # "the 2024 fiscal year"
        return Reading("DATE", cal.year(int(yr.group(1))), "absolute", ranged=False)
    if ctx.ref is None:
        return Reading("DATE", None, None)
    step = (
        -1
        if any(w in low.split() for w in ("latest", "last", "previous", "prior"))
        else 1
        if any(w in low.split() for w in ("next", "coming", "new"))
        else 0
    )
    return Reading("DATE", cal.year(ctx.ref.year + step), ranged=False)


_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip


_CENTURY_NUMBER = compile_re(r"(\d{1,2})(?:st|nd|rd|th)")
_DECADE_FULL = compile_re(r"(\d{3})0['’]?s")
_DECADE_TWO = compile_re(r"(\d)0['’]?s")


_APOSTROPHE = compile_re(r"['’‘]")
_TEMPERATURE_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:temperatures?|highs?|lows?|degrees|readings|thermometers?|heat"
    r"|mercury|fahrenheit|celsius)(?:[ \t\u00a0]+[\p{L}-]+){0,3}[ \t\u00a0]+$"
)


def h_decade(m: Cand, ctx: Ctx) -> Reading | None:
    low = norm(m.group())
    mod = edge_mod(low.removeprefix("the "))
    if low.startswith(("the last half", "the second half", "the latter half")):
        mod = "END"
    elif low.startswith("the first half"):
        mod = "START"
    if "century" in low:
        c = _CENTURY_NUMBER.search(low)
        n = int(c.group(1)) if c else next((v for w, v in _ORDINAL_WORDS.items() if w in low), None)
        if n is None:
            return None
        return Reading("DATE", f"{n - 1:02d}", "absolute", mod=mod)
    full = _DECADE_FULL.search(low)
    if full:
        value = full.group(1)
        if value.endswith("0") and value < "200":
            value = value[:2]  # "the 1800s", "the early 1900s": the century, as English means
        return Reading("DATE", value, "absolute", mod=mod)
    two = _DECADE_TWO.search(low)
    if (
        two is not None
        and not _APOSTROPHE.search(low)
        and _TEMPERATURE_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())
    ):
        return None  # "highs in the mid-90s": degrees, not a decade
    word = next((v for w, v in _DECADE_WORDS.items() if w in low), None)
    digit = int(two.group(1)) if two else word
    if digit is None:
        return None
    if ctx.ref is None:
        return Reading("DATE", f"19{digit}" if digit >= 2 else None, None, mod=mod)
    century = ctx.ref.year // 100
    if digit * 10 > ctx.ref.year % 100:
        century -= 1
    return Reading("DATE", f"{century:02d}{digit}", mod=mod)


def _season_instances(code: str, ref: dt.date) -> list[tuple[dt.date, dt.date, int]]:
    out = []
    for y in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1):
        r = cal.value_range(f"{y:04d}-{code}")
        if r:
            out.append((r[0], r[1], y))
    return out


_LOWER_WORD = compile_re(r"[a-z]+")
_WORD_BEFORE = compile_re(r"\p{L}[ \t\u00a0]+$")
_STOP_AFTER = compile_re(r"[ \t\u00a0]*[,.;:!?)]")


_SEASON_PREP_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:in|during|by|until|till|through|throughout|over|for|before|after|since"
    r"|from|into|to|and|or|of)[ \t\u00a0]+$"
)


def h_season(m: Cand, ctx: Ctx) -> Reading | None:
    raw = m.group()
    low = norm(raw)
    seasons = ctx.lex.temporal["season"]
    word = next((w for w in _LOWER_WORD.findall(low) if w in seasons), None)
    if word is None:
        return None
    following = ctx.text[m.end() : m.end() + 4].lower()
    if low in ("fall", "the fall") and following.startswith((" of", " in")):
        return None  # "the fall of Rome", "the fall in prices"
    if low in ("spring", "the spring") and following.startswith((" of", " in")):
        return None  # "the spring of water"
    if low == "the fall" and not _SEASON_PREP_BEFORE.search(
        ctx.text, max(0, m.start() - 12), m.start()
    ):
        return None  # "traders blamed the fall on fears": a drop, not autumn ("in the fall")
    code = seasons[word]
    mod = edge_mod(low.removeprefix("the "))
    y = year_in(low[low.find(word) :], ctx.ref, ctx.lex)
    if y is not None:
        return Reading("DATE", f"{y:04d}-{code}", "absolute", mod=mod)
    rel = rel_year(low, ctx.ref)
    if rel is not None:
        return Reading("DATE", f"{rel:04d}-{code}", mod=mod)
    if low.startswith("that "):  # "That spring, she found work": of the last date named
        prior = ctx.previous
        if prior is None or (
            _WORD_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
            and not _SEASON_PREP_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
            and not _STOP_AFTER.match(ctx.text, m.end())
        ):
            return None  # "the storms that summer brings": a pronoun and a subject
        y = prior.first.year
        if prior.unit in ("day", "week", "weekend", "month"):  # "in January 1952. That winter"
            y = next(
                (i[2] for i in _season_instances(code, prior.first) if i[0] <= prior.first <= i[1]),
                y,
            )
        return Reading("DATE", f"{y:04d}-{code}", "previous", mod=mod)
    if ctx.ref is None:
        return Reading("DATE", f"XXXX-{code}", None, mod=mod)
    ref = ctx.ref
    inst = _season_instances(code, ref)
    words = low.split()
    if "last" in words or "this past" in low or "past" in words:
        ended = (
            [i for i in inst if i[1] < ref] if "last" in words else [i for i in inst if i[0] <= ref]
        )
        y = max(ended)[2]
    elif "next" in words or "coming" in words:
        y = min(i for i in inst if i[0] > ref)[2]
    elif "this" in words or ctx.tense is None:
        current = next((i[2] for i in inst if i[0] <= ref <= i[1]), None)
        if current is None and "this" in words and ctx.tense == "past":
            # "fell this winter" in March: the one just ended, when it is nearer than the
            # coming one ("delegates won at the convention this summer" in March is ahead)
            gone = max(i for i in inst if i[1] < ref)
            coming = min(i for i in inst if i[0] > ref)
            nearer = (ref - gone[1]).days <= (coming[0] - ref).days
            current = gone[2] if nearer else coming[2]
        if current is None and "this" not in words:
            # no tense word: this year's, unless it has ended and the coming one is nearer
            # ("would not cut rates 'before the spring'" in December is the coming one)
            gone = max(i for i in inst if i[1] < ref)
            coming = min(i for i in inst if i[0] > ref)
            if gone[2] == ref.year and (coming[0] - ref).days < (ref - gone[1]).days:
                current = coming[2]
        y = current or (ref.year if code != "WI" or ref.month >= 3 else ref.year - 1)
    elif ctx.tense == "past":
        y = max(i for i in inst if i[0] <= ref)[2]
    else:
        said = future_in_past(ctx, m.start())
        if said is not None:  # "warned in August that it would cut jobs by spring"
            y = min(i for i in _season_instances(code, said) if i[0] > said)[2]
            return Reading("DATE", f"{y:04d}-{code}", "previous", mod=mod)
        y = min(i for i in inst if i[1] >= ref)[2]
    return Reading("DATE", f"{y:04d}-{code}", mod=mod)


_POSSESSIVE = compile_re(r"[ \t]?['’]s\b")  # "Friday's", a tokenizer's "Friday 's"
# "on Monday last week", "from Monday to Friday last week": the week named after one weekday
# or a pair of them
_WEEK_AFTER = compile_re(
    r"(?i)(?:[ \t\u00a0]*(?:to|and|or|through|until|till|[-–])[ \t\u00a0]*(?-i:\p{Lu}\p{Ll}{2,5}day))?"
    r"[ \t\u00a0]+(?:of[ \t\u00a0]+)?(last|this|next)[ \t\u00a0]+week(?![\p{L}'’])"
)
# Opening hours: "open Monday through Saturday", "8 a.m. to 8 p.m. ET Monday through Friday":
# the two weekdays of a span in a present clause of a schedule are sets, as "weekdays" is
_DAY_NAME = r"(?-i:\p{Lu}\p{Ll}{2,5}day)"
_SPAN_TO = r"[ \t\u00a0]*(?:through|thru|to|[-–])[ \t\u00a0]*"
_SPAN_END_AFTER = compile_re(rf"(?i){_SPAN_TO}{_DAY_NAME}(?![\p{{L}}])")
_SPAN_START_BEFORE = compile_re(rf"(?i)(?<![\p{{L}}]){_DAY_NAME}{_SPAN_TO}$")
_SCHEDULE_BEFORE = compile_re(
    r"(?i)(?:(?<![\p{L}])(?:open|opens|closed|closes|hours|staffed|available|answered|operates"
    r"|operate|serves)(?![\p{L}])[^,;:.!?()\"“”\n]{0,40}"
    r"|\d[ \t\u00a0]?[ap]\.?m\.?(?:[ \t\u00a0]+(?-i:\p{Lu}{1,3}T))?[ \t\u00a0]+)$"
)
_AHEAD_OF_BEFORE = compile_re(r"(?i)(?<![\p{L}])ahead[ \t\u00a0]+of[ \t\u00a0]+$")
_EVENT_PREP_BEFORE = compile_re(r"(?i)(?<![\p{L}])(?:in|at|for|during|until|before)[ \t\u00a0]+$")


_WEEKDAY_AND_BEFORE = compile_re(
    r"(?<![\p{L}])((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)[ \t\u00a0]+(?:and|or|to|through)"
    r"[ \t\u00a0]+$"
)


_NAME_WORD_BEFORE = compile_re(r"(?<![\p{L}])(\p{Lu}\p{Ll}{2,8})[ \t\u00a0]+$")


# "sits every Tuesday and Thursday": the second weekday of a set is a set too
_EVERY_WEEKDAY_AND_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])every[ \t\u00a0]+(?-i:\p{Lu}\p{Ll}{2,5}day)[ \t\u00a0]*,?[ \t\u00a0]+"
    r"(?:and|or)[ \t\u00a0]+$"
)
# "the second and fourth Monday of each month", "the last Friday of every month": the
# weekdays a month's calendar picks, a set (the value names the weekday; the ordinal, which a
# TIMEX3 value cannot write, is left to the text)
_ORDINAL = r"(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)"
_ORDINAL_WEEKDAY_BEFORE = compile_re(
    rf"(?i)(?<![\p{{L}}])(?:the[ \t\u00a0]+)?{_ORDINAL}(?:[ \t\u00a0]*,?[ \t\u00a0]+(?:and|or)"
    rf"[ \t\u00a0]+{_ORDINAL})?[ \t\u00a0]+$"
)
_THE_BEFORE = compile_re(r"(?i)(?<![\p{L}])the[ \t\u00a0]+$")
_OF_EACH_MONTH_AFTER = compile_re(
    r"(?i)s?[ \t\u00a0]+of[ \t\u00a0]+(?:each|every)[ \t\u00a0]+month(?![\p{L}])"
)
# "the last Saturday of September", "the first Monday of March 2024": one day of that month
_OF_MONTH_AFTER = compile_re(
    r"[ \t\u00a0]+of[ \t\u00a0]+((?-i:\p{Lu})\p{Ll}{2,3}\.|(?-i:\p{Lu})\p{Ll}+)(?:[ \t\u00a0]+(\d{4}))?(?![\p{L}\d])"
    r"(?!\.?[ \t\u00a0]+(?:next|last|this)[ \t\u00a0]+year)"
)
# "the last Saturday of the month": of the month mentioned just before, else the reference's
_OF_THE_MONTH_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+of[ \t\u00a0]+(?:the|this)[ \t\u00a0]+month(?![\p{L}])"
)
_ONE_ORDINAL_BEFORE = compile_re(
    rf"(?i)(?<![\p{{L}}])(?:the[ \t\u00a0]+)?({_ORDINAL})[ \t\u00a0]+$"
)
_ORDINAL_NUMBER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}


def _nth_weekday(y: int, mo: int, wd: int, n: int) -> dt.date | None:
    """The ``n``-th (``-1``: the last) weekday ``wd`` (1 = Monday) of a month."""
    if n < 0:
        last = cal.last_of_month(y, mo)
        return last - dt.timedelta(days=(last.isoweekday() - wd) % 7)
    first = dt.date(y, mo, 1)
    day = first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    return day if day.month == mo else None


def _weekday_of_month(m: Cand, ctx: Ctx, wd: int, modifier: str) -> Reading | None:
    """ "the last Saturday of September" (not last week's Saturday), "the first Monday of March
    2024": that day of the month, in the year the clause's tense points to."""
    if modifier not in ("", "last"):
        return None
    after = _OF_MONTH_AFTER.match(ctx.text, m.end(), m.end() + 24)
    the_month: tuple[int, int] | None = None
    if after is None:
        after = _OF_THE_MONTH_AFTER.match(ctx.text, m.end(), m.end() + 24)
        if after is None:
            return None
        if ctx.period is not None and len(ctx.period) == 7:
            the_month = (int(ctx.period[:4]), int(ctx.period[5:]))
        elif ctx.ref is not None:
            the_month = (ctx.ref.year, ctx.ref.month)
        else:
            return None
        mo: tuple[int, str] | None = (the_month[1], "")
    else:
        mo = month_in(after.group(1), ctx.lex)
    if mo is None:
        return None
    if modifier:
        word, start = "last", m.start()
        the = _THE_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())
        if the is not None:
            start = the.start()
    else:
        ordinal = _ONE_ORDINAL_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start())
        if ordinal is None:
            return None
        word, start = ordinal.group(1).lower(), ordinal.start()
    n = _ORDINAL_NUMBER.get(word.rstrip("stndrh") if word[0].isdigit() else word)
    if n is None and word[0].isdigit():
        n = int(word[0])
    if n is None:
        return None
    if the_month is not None:
        day = _nth_weekday(the_month[0], the_month[1], wd, n)
        anchor = "ref" if ctx.period is None else "previous"
    elif after.group(2):
        day = _nth_weekday(int(after.group(2)), mo[0], wd, n)
        anchor = "absolute"
    elif ctx.ref is not None:
        days = [_nth_weekday(y, mo[0], wd, n) for y in range(ctx.ref.year - 1, ctx.ref.year + 2)]
        found = [d for d in days if d is not None]
        day = pick(found, ctx.ref, ctx.tense) if found else None
        anchor = "ref"
    else:
        return Reading("DATE", None, None, start=start, end=after.end())
    if day is None:
        return None
    return Reading("DATE", cal.day(day), anchor, start=start, end=after.end())


_DAY_SHIFT = compile_re(r"(?i)the[ \t\u00a0]+day[ \t\u00a0]+(before|after)[ \t\u00a0]+")


def _schedule_span(ctx: Ctx, start: int, end: int) -> bool:
    """Whether the weekday at ``start`` is an end of a span of a schedule's days ("open
    Monday through Saturday"; not "runs Monday through Friday next week")."""
    text = ctx.text
    span_end = _SPAN_END_AFTER.match(text, end, end + 24)
    if span_end is not None:
        first, last = start, span_end.end()
    else:
        span_start = _SPAN_START_BEFORE.search(text, max(0, start - 24), start)
        if span_start is None:
            return False
        first, last = span_start.start(), end
    return (
        _SCHEDULE_BEFORE.search(text, max(0, first - 60), first) is not None
        and _WEEK_AFTER.match(text, last, last + 24) is None
    )


def h_weekday(m: Cand, ctx: Ctx) -> Reading | None:
    shift = _DAY_SHIFT.match(m.group())
    if shift is None:
        return _weekday(m, ctx)
    # "the day before last Tuesday's hearing": the weekday's date, a day earlier or later
    reading = _weekday(m.tail(shift.end()), ctx, shifted=True)
    if reading is None or reading.value is None:
        return reading
    try:
        day = dt.date.fromisoformat(reading.value)
    except ValueError:
        return None  # "the day after Tuesdays"? nothing but a calendar day shifts
    step = -1 if shift.group(1).lower() == "before" else 1
    return attrs.evolve(reading, value=cal.day(day + dt.timedelta(days=step)), mod=None)


# "Jan. 14, a Sunday", "March 3, which was a Friday": a weekday set beside the day it is
_APPOSED_WEEKDAY = compile_re(
    r"(?i),?[ \t\u00a0]+(?:(?:which|that)[ \t\u00a0]+was[ \t\u00a0]+)?an?[ \t\u00a0]+"
)
_APPOSED_REACH = 16


def _weekday(m: Cand, ctx: Ctx, shifted: bool = False) -> Reading | None:
    """``shifted``: the weekday follows "the day before/after"; its clause's verb tells the
    time even when an event follows ("will resume the day after Monday's vote")."""
    raw = m.group()
    wd = weekday_in(raw, ctx.lex)
    if wd is None:
        return None
    low = norm(raw)
    if low == raw.lower():
        named = _NAME_WORD_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
        if named is not None and named.group(1).lower() in ctx.lex.temporal.get("day_name", {}):
            return None  # "Black Monday in 1987": the name of an event, not a day of the story
    modifier = ""
    for pre in (
        "this past",
        "this coming",
        "the previous",
        "the following",
        "the next",
        "last",
        "next",
        "this",
        "coming",
        "that",
        "early",
        "late",
        "earlier",
        "later",
    ):
        if low.startswith(pre + " "):
            modifier = pre
            break
    mod = {"early": "START", "late": "END", "earlier": "START", "later": "END"}.get(modifier)
    if mod is not None:
        modifier = ""
    if not shifted and _POSSESSIVE.match(ctx.text[m.end() : m.end() + 4]):
        # "Wednesday's ruling": an event, not the verb's time; but "ahead of Thursday's vote"
        # is still to come
        before = ctx.text[max(0, m.start() - 16) : m.start()]
        ahead = _AHEAD_OF_BEFORE.search(before) is not None or (
            # "will face Brook in Sunday's final": the event of a future clause is to come
            # ("will review Wednesday's ruling" names one past)
            _EVENT_PREP_BEFORE.search(before) is not None and ctx.tense == "future"
        )
        ctx = attrs.evolve(ctx, tense="future" if ahead else None)
    if not modifier and _EVERY_WEEKDAY_AND_BEFORE.search(
        ctx.text, max(0, m.start() - 24), m.start()
    ):
        return Reading("SET", f"XXXX-WXX-{wd}", None)  # "every Tuesday and Thursday"
    if not modifier and ctx.tense in ("present", None) and _schedule_span(ctx, m.start(), m.end()):
        return Reading("SET", f"XXXX-WXX-{wd}", None)  # "open Monday through Saturday"
    each_month = _OF_EACH_MONTH_AFTER.match(ctx.text, m.end(), m.end() + 24)
    if each_month is not None and modifier in ("", "last"):
        # "last" opens the weekday's own match ("the last Friday of every month")
        opening = _THE_BEFORE if modifier else _ORDINAL_WEEKDAY_BEFORE
        ordinal = opening.search(ctx.text, max(0, m.start() - 32), m.start())
        if ordinal is not None or modifier:
            start = m.start() if ordinal is None else ordinal.start()
            return Reading("SET", f"XXXX-WXX-{wd}", None, start=start, end=each_month.end())
    of_month = _weekday_of_month(m, ctx, wd, modifier)
    if of_month is not None:
        return of_month
    pair = (
        _WEEKDAY_AND_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start())
        if not modifier and ctx.previous_day is not None
        else None
    )
    if pair is not None and ctx.previous_day is not None and ctx.previous_day.unit == "day":
        first = ctx.previous_day.first
        if weekday_in(pair.group(1), ctx.lex) == first.isoweekday():
            # "on Thursday and Friday", "by Monday or Tuesday": the days after the first
            d = first + dt.timedelta(days=(wd - first.isoweekday()) % 7 or 7)
            if (
                ctx.ref is not None
                and first <= ctx.ref < d
                and ctx.tense not in ("future", "present")
            ):
                d -= dt.timedelta(days=7)  # "statements made Friday and Thursday": both past
            return Reading("DATE", cal.day(d), "previous-day", mod=mod)
    day_named = ctx.previous_day
    if (
        not modifier
        and day_named is not None
        and day_named.unit == "day"
        and day_named.first.isoweekday() == wd
        and 0 <= m.start() - day_named.end <= _APPOSED_REACH
        and _APPOSED_WEEKDAY.fullmatch(ctx.text, day_named.end, m.start())
    ):
        # "on Jan. 14, a Sunday,": the weekday of the day just named
        return Reading("DATE", cal.day(day_named.first), "previous-day", mod=mod)
    if not modifier and _indefinite(ctx, m.start(), m.end()):
        if day_named is not None and day_named.unit == "day" and day_named.first.isoweekday() == wd:
            # "Nov. 4, 1975, was a Tuesday": the day just named
            return Reading("DATE", cal.day(day_named.first), "previous-day", mod=mod)
        return Reading("DATE", f"XXXX-WXX-{wd}", None, mod=mod)  # "It was a Tuesday."
    week_after = _WEEK_AFTER.match(ctx.text, m.end(), m.end() + 40) if not modifier else None
    if week_after is not None and ctx.ref is not None:
        # "on Monday last week", "Tuesday of next week": that weekday of the week named
        shift = {"last": -7, "this": 0, "next": 7}[week_after.group(1).lower()]
        d = ctx.ref + dt.timedelta(days=shift + wd - ctx.ref.isoweekday())
        # "Thursday last week" is one expression; "Monday to Friday last week" leaves the
        # week to the second weekday
        joined = ctx.text[m.end() : week_after.start(1)].lower().split() in ([], ["of"])
        return Reading("DATE", cal.day(d), mod=mod, end=week_after.end() if joined else None)
    if modifier in ("the previous", "the following", "the next", "that"):
        prior, anchor = prior_for(ctx, "day")
        if prior is None:
            if ctx.ref is None:
                return Reading("DATE", f"XXXX-WXX-{wd}", None)
            base = ctx.ref
        else:
            base = prior.first
        today = base.isoweekday()
        if modifier == "the previous":
            d = base - dt.timedelta(days=(today - wd) % 7 or 7)
        elif modifier == "that":
            d = base + dt.timedelta(days=wd - today)
        else:
            d = base + dt.timedelta(days=(wd - today) % 7 or 7)
        return Reading("DATE", cal.day(d), anchor)
    the_day = _the_weekday(ctx, m.start(), m.end(), wd) if not modifier else None
    if the_day is not None:
        return Reading("DATE", cal.day(the_day), "previous-day", mod=mod)
    said = future_in_past_day(ctx, m.start()) if not modifier else None
    if said is not None:  # "On Tuesday, the ministry said talks would resume Thursday"
        d = said + dt.timedelta(days=(wd - said.isoweekday()) % 7 or 7)
        return Reading("DATE", cal.day(d), "previous-day", mod=mod)
    if (
        ctx.ref is not None
        and wd == ctx.ref.isoweekday()
        and not modifier
        and (
            low.startswith(("later ", "earlier "))
            or _LATER_ON_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
        )
    ):  # "ministers meet later on Friday" in a Friday story: that day, not a week on
        return Reading("DATE", cal.day(ctx.ref), mod=mod)
    if (
        not modifier
        and ctx.ref is not None
        and ctx.tense == "past"
        and _DECREED_STARTING_BEFORE.search(ctx.text, max(0, m.start() - 90), m.start())
    ):
        # "declared three days of mourning starting Monday": a period decreed opens at or
        # after the decree, the day named before it in the sentence, else near the
        # reference: the nearest such weekday (the reference's own counts), not a week back
        told = ctx.sentence_day
        if told is not None and told < ctx.ref:
            d = told + dt.timedelta(days=(wd - told.isoweekday()) % 7 or 7)
            return Reading("DATE", cal.day(d), "sentence", mod=mod)
        return Reading("DATE", cal.day(_nearest_weekday(ctx.ref, wd)), mod=mod)
    if not modifier and ctx.ref is not None and ctx.tense == "past" and _past_plan(ctx, m.start()):
        # "the minister was due to visit the scene on Monday" in a Sunday story: a plan told
        # in the past names a day on either side of the reference, the nearest (as a
        # month-day: see _month_day)
        return Reading("DATE", cal.day(_nearest_weekday(ctx.ref, wd)), mod=mod)
    day = weekday_date(ctx, wd, modifier)
    if day is None:
        return Reading("DATE", f"XXXX-WXX-{wd}", None, mod=mod)
    return Reading("DATE", cal.day(day), mod=mod)


def _nearest_weekday(ref: dt.date, wd: int) -> dt.date:
    """The weekday ``wd`` nearest ``ref`` (``ref`` itself when it is one)."""
    behind = (ref.isoweekday() - wd) % 7
    return ref + dt.timedelta(days=-behind if behind <= 7 - behind else 7 - behind)


def _past_plan(ctx: Ctx, start: int) -> bool:
    """A plan word of a past clause stands before ``start`` in its clause ("was due to visit
    … on", "had been scheduled for")."""
    plan = _PLANNED_TO_BEFORE.search(ctx.text, max(0, start - 40), start)
    return plan is not None and not _CLAUSE_MARK.search(ctx.text, plan.start(), start)


# A decree and the start of what it decrees: "declared three days of mourning starting",
# "ordered schools closed beginning", "imposed a curfew effective"
_DECREED_STARTING_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:declared|announced|ordered|imposed|decreed|proclaimed|introduced)"
    r"(?![\p{L}])[^.;:!?\"“”\n]{0,60}(?<![\p{L}])(?:starting|beginning|effective)"
    r"[ \t\u00a0]+(?:on[ \t\u00a0]+)?$"
)


# "It was a Tuesday.", "born on a Sunday": some Tuesday, not one near the reference (but "a
# Sunday night memorial service" names an event, told by its clause; "Jan. 14, a Sunday" is
# the day just named)
_A_AN_BEFORE = compile_re(r"(?i)(?<![\p{L}])an?[ \t\u00a0]+$")


def _indefinite(ctx: Ctx, start: int, end: int) -> bool:
    return bool(
        _A_AN_BEFORE.search(ctx.text, max(0, start - 3), start)
        and not _EVENT_NOUN_AFTER.match(ctx.text, end, end + 16)
    )


# "the festival runs from Thursday, Aug. 17, to Sunday, Aug. 20 … day tickets for the
# Saturday": a weekday after "the" is one of the week the story last named a day in, as "the
# week" is that day's week (not "the Friday before Christmas", "the Saturday primary")
_BEFORE_AFTER = compile_re(r"(?i)[ \t\u00a0]+(?:before|after)(?![\p{L}])")


def _the_weekday(ctx: Ctx, start: int, end: int, wd: int) -> dt.date | None:
    if ctx.previous_day is None or ctx.previous_day.unit != "day":
        return None
    if not _THE_BEFORE.search(ctx.text, max(0, start - 5), start):
        return None
    if _BEFORE_AFTER.match(ctx.text, end, end + 8) or _EVENT_NOUN_AFTER.match(
        ctx.text, end, end + 16
    ):
        return None  # "the Saturday primary": an event named, told by its clause
    base = ctx.previous_day.first
    return base + dt.timedelta(days=wd - base.isoweekday())


_LATER_ON_BEFORE = compile_re(r"(?i)(?<![\p{L}])(?:later|earlier)[ \t\u00a0]+on[ \t\u00a0]+$")
_NAME_BEFORE = compile_re(r"\p{Lu}[\p{L}.]*\s+$")
_SENTENCE_END_BEFORE = compile_re(r"[.!?\"“”]\s*$")


# "today's world", "today's teenagers": the present era (PRESENT_REF), not the calendar day.
_ERA_NOUNS = frozenset(
    """world society youth generation generations children kids teenagers students parents
    consumers voters workers families economy technology standards terms dollars prices
    climate culture politics media people""".split()  # noqa: SIM905
)
_POSSESSIVE_NOUN = compile_re(r"[ \t]?['’]s[ \t\u00a0]+(?:([\p{Ll}]+)[ \t\u00a0]+)?([\p{Ll}]+)")


def h_deictic(m: Cand, ctx: Ctx) -> Reading | None:
    low = norm(m.group())
    if low == "today":
        era = _POSSESSIVE_NOUN.match(ctx.text, m.end(), m.end() + 40)
        if era is not None and (era.group(2) in _ERA_NOUNS or era.group(1) in _ERA_NOUNS):
            return Reading("DATE", "PRESENT_REF", None)
    edge = EDGE_WORD.match(low)
    mod = None
    if edge is not None:
        mod = "START" if edge.group(1).lower().startswith("earl") else "END"
        low = low[edge.end() :]
    if (
        m.group()[:1].isupper()
        and _NAME_BEFORE.search(ctx.text[max(0, m.start() - 20) : m.start()])
        and not _SENTENCE_END_BEFORE.search(ctx.text[max(0, m.start() - 3) : m.start()])
    ):
        return None  # "USA Today", "VOA Today"
    if low == "tonight":
        return h_pod_day(m, ctx)
    offset = {"the day before yesterday": -2, "the day after tomorrow": 2}.get(low)
    if offset is None:
        offset = int(ctx.lex.temporal["deictic_day"][low])
    if ctx.ref is None:
        return Reading("DATE", None, None, mod=mod)
    return Reading("DATE", cal.day(ctx.ref + dt.timedelta(days=offset)), mod=mod)


_MONTH_CONTEXT = compile_re(
    r"(?:\b(?:in|since|by|until|till|through|during|from|before|after|of|to|between|and|or|last|next|this|early|late|mid|around|until|for)|[,(])\s*$",
    regex.IGNORECASE,
)


_CAPITAL_AFTER = compile_re(r"[ \t]\p{Lu}")
# a determiner, or no preposition: "its January forecast", "and December sales will be ..."
_EVENT_DETERMINER_BEFORE = compile_re(
    r"(?i)(?:(?<![\p{L}])(?:its|their|his|her|our|the|a|an|and|or|but)[ \t\u00a0]+"
    # a possessive: "the Fed's September meeting", "Orlan's January forecast"
    r"|\p{L}['’]s[ \t\u00a0]+"
    r"|(?:^|[.!?][ \t\u00a0]+|\n[ \t\u00a0]*))$"
)
_EVENT_NOUN_AFTER = compile_re(
    r"[ \t\u00a0]+(?!(?:and|or|but|to|of|in|on|at|for|from|with|by|as|is|was|are|were|when|while"
    r"|after|before|until|through|that|which|this|last|next)(?![\p{L}]))\p{Ll}{3,}"
)
# events set for a date: "the November election", "a June hearing"; "on the ballot in
# November", "a referendum in June"
_SCHEDULED_NOUNS = (
    r"(?:elections?|primary|primaries|caucus(?:es)?|ballot|referendum|runoff"
    r"|summit|convention|hearing|trial|deadline|auction|launch)"
)
_SCHEDULED_NOUN_AFTER = compile_re(r"(?i)[ \t\u00a0]+" + _SCHEDULED_NOUNS + r"(?![\p{L}])")
_SCHEDULED_IN_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])" + _SCHEDULED_NOUNS + r"[ \t\u00a0]+in[ \t\u00a0]+$"
)
# "will publish home sales for October", "a report on consumer prices for February is due":
# the figures of a month, told whatever the verb's tense; the nearest such month
_FIGURES_FOR_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:(?:sales|figures|data|numbers|results|statistics|output|exports|imports"
    r"|production|deliveries|orders|inflation|unemployment|payrolls|spending|traffic)"
    r"[ \t\u00a0]+(?:for|in)|(?:prices|report|reading)[ \t\u00a0]+for)[ \t\u00a0]+$"
)
# "will report January sales", "December payrolls": the figures of a month, the nearest
_FIGURES_NOUN_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+(?:sales|figures|data|numbers|results|statistics|output|exports|imports"
    r"|production|deliveries|orders|inflation|unemployment|payrolls|spending|traffic)(?![\p{L}])"
)
# "crude for June delivery", "May futures": the month a contract delivers, this one or ahead
_DELIVERY_AFTER = compile_re(r"(?i)[ \t\u00a0]+(?:delivery|futures)(?![\p{L}])")
_MAY_MONTH_AFTER = compile_re(
    r"[ \t\u00a0]+(?:was|is|has|had|will|saw|brought|marked|proved|sales|figures|data|results"
    r"|output|exports|imports|production|deliveries|revenue|orders)(?![\p{L}])|[ \t]?['’]s(?![\p{L}])"
)
_MARCH_FOR = compile_re(r"\s+(?:for|of|on|to|against|through|from)\b")


# A bare month in a past clause may still be the next one (a plan the tense words miss:
# "the accession was planned for early March"), not the one after ("sales fell in March"
# in a January story is last March).
_MONTH_SLACK = 31
# ... but a month put first in its sentence and set off by a comma is the time of the past
# event that follows ("In October, Mrs. Vance, the nominee, proposed a tax"): no slack.
_FRONTED_BEFORE = compile_re(
    r"(?:^|[.!?][\"”’']?[ \t\u00a0]+|\n[ \t\u00a0]*)(?:(?:But|And|Then|Also|Back)[ \t\u00a0]+)?"
    r"(?:(?:[Ii]n|[Bb]y|[Dd]uring|[Ll]ate|[Ee]arly|[Ee]arlier|[Ll]ater)[ \t\u00a0]+)?"
    r"(?:(?:early|late|mid-?)[ \t\u00a0]*)?$"
)
# matched after each month, in place: not to the end of a text without a comma (see in_place)
_COMMA_AFTER = compile_re(in_place(r"[ \t\u00a0]*,"))
# A past clause tells what happened "in" a month, so a month after "in" is not ahead of the
# reference, unless the clause plans it ("the vote was planned to take place in March");
# "set", "moved", "pushed" plan only before "to", "for", "back" ("set for release in July",
# not "set a record for sales in July", nor "moved its books to a calendar year in December")
_IN_BEFORE = compile_re(r"(?i)(?<![\p{L}])in[ \t\u00a0]+$")
_PLANNED_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:plann?ed|scheduled|slated|due|expected|postponed|delayed"
    r"|put[ \t\u00a0]+off|targeted|deadline|aimed|intended|hoped|planning"
    r"|(?:set|moved|pushed)[ \t\u00a0]+(?:to|for|back|up|until|into))(?![\p{L}])"
)
_PLANNED_TO_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:plann?ed|scheduled|set|slated|due|expected|intended|aimed|targeted)"
    r"[ \t\u00a0]+(?:to|for)(?![\p{L}])"
)
_WORDS_BEFORE_IN = compile_re(r"[\p{L}'’]+")
_CLAUSE_WORD = compile_re(r"(?i)(?<![\p{L}])(?:but|and|when|while|after|because)(?![\p{L}])")


def _planned_month(ctx: Ctx, start: int) -> bool:
    """A plan word in the clause before the month at ``start``: near ("was due in March"), or
    farther with its infinitive ("had planned to start deliveries of the 2025 Trailmaster in
    July"), no clause mark nor clause word between."""
    near = max(0, start - 40)
    if _PLANNED_BEFORE.search(ctx.text, near, start):
        return not _CLAUSE_MARK.search(ctx.text, near, start)
    far = max(0, start - 64)
    plan = _PLANNED_TO_BEFORE.search(ctx.text, far, start)
    return (
        plan is not None
        and not _CLAUSE_MARK.search(ctx.text, plan.start(), start)
        and not _CLAUSE_WORD.search(ctx.text, plan.end(), start)
    )


_CLAUSE_MARK = compile_re(r"[,;:.!?()\"“”]")


# a word of a plan or of the future in the clause before a day ("said it will redeem the
# preferred shares on Oct. 31": not a day gone)
_PLAN_WORD_BEFORE = compile_re(r"(?i)(?<![\p{L}])(?:will|would|shall|to|'ll|’ll)(?![\p{L}])")


# a mark that ends a clause, not the point or comma inside a number ("9.5", "9,500")
_CLAUSE_END = compile_re(r"[;:!?()\"“”]|[.,](?!\d)")


def _clause_before(text: str, start: int) -> str:
    """The text of the clause before ``start``, at most 60 characters back."""
    window = text[max(0, start - 60) : start]
    marks = [c.end() for c in _CLAUSE_END.finditer(window)]
    return window[marks[-1] :] if marks else window


def _verb_just_before(ctx: Ctx, start: int, end: int) -> bool:
    """A past verb among the six words before the "in" of "in <month>" ("proposed a tax in
    October"): the month tells when it happened; not "of a cutback in its oil supply in
    September", where the month dates a noun's event. A verb in "-ed" counts after a pronoun,
    a capitalised word or an auxiliary ("the Post asked about them in February"), not after a
    noun, where it may be a participle ("ads reserved in December"); a reporting verb ("said
    the gathering in September would") and a clause going on with "would" or "will" do not."""
    window = ctx.text[max(0, start - 60) : start]
    marks = [c.end() for c in _CLAUSE_MARK.finditer(window)]
    if marks:
        window = window[marks[-1] :]
    after = ctx.text[end : end + 40]
    cut = _CLAUSE_MARK.search(after)
    if _FUTURE_AFTER.search(after[: cut.start()] if cut is not None else after):
        return False
    words = _WORDS_BEFORE_IN.findall(window)[:-1][-7:]
    tenses = ctx.lex.temporal["tense"]
    for i in range(max(1, len(words) - 6), len(words)):
        w, prev = words[i].lower(), words[i - 1]
        if w in _REPORTING:
            continue
        if w in ("were", "was") and i + 1 < len(words) and words[i + 1].lower() == "to":
            continue  # "if she were to win in November": no past event
        if tenses.get(w) in ("past", "perfect"):
            return True
        if (
            len(w) > 4
            and w.endswith("ed")
            and (prev[:1].isupper() or prev.lower() in _SUBJECT_OR_AUX)
        ):
            return True
    return False


_REPORTING = frozenset(
    "said told announced added noted wrote stated explained argued insisted claimed warned reported".split()  # noqa: SIM905
)
_SUBJECT_OR_AUX = frozenset("he she it they we i you who had was were has have".split())  # noqa: SIM905
_FUTURE_AFTER = compile_re(r"(?i)(?<![\p{L}])(?:would|will|wo|'ll|’ll)(?![\p{L}])")


def h_month(m: Cand, ctx: Ctx) -> Reading | None:
    raw = m.group()
    mo = month_in(raw, ctx.lex)
    if mo is None:
        return None
    low = norm(raw)
    modifier = ""
    for pre in ("last", "next", "this"):
        if low.startswith(pre + " "):
            modifier = pre
    mod = edge_mod(low)
    bare = low == mo[1].lower()
    if bare:
        before = ctx.text[max(0, m.start() - 12) : m.start()]
        after = ctx.text[m.end() : m.end() + 2]
        if _CAPITAL_AFTER.match(after):
            return None  # "June Carter", "August Wilson"
        if person_named(ctx.text, m.start(), raw, ctx.lex):
            return None  # "Jill June said": a person's surname after a first name
        if (
            mo[0] == 5
            and not _MONTH_CONTEXT.search(before)
            and not _MAY_MONTH_AFTER.match(ctx.text, m.end(), m.end() + 16)
        ):
            return None  # "May" the verb (but "May was a good month", "May sales rose")
        if (
            mo[0] == 3
            and not _MONTH_CONTEXT.search(before)
            and _MARCH_FOR.match(ctx.text[m.end() : m.end() + 10])
        ):
            return None  # "the annual March for Life": a march
        if (
            mo[1].endswith(".") is False
            and len(mo[1]) <= 4
            and mo[0] != 5
            and mo[1].lower() not in ("june", "july")
        ):
            return None  # "Mar", "Jan" alone
    if ctx.ref is None:
        return Reading("DATE", f"XXXX-{mo[0]:02d}", None, mod=mod)
    y, now = ctx.ref.year, ctx.ref.month
    if modifier == "last":
        # "last February" told in March: not the month just ended (that is "last month"),
        # the February a year before
        y -= mo[0] >= now - 1
    elif modifier == "next":
        y += mo[0] <= now
    elif modifier == "this":
        pass
    else:
        cands = [dt.date(yy, mo[0], 15) for yy in (y - 1, y, y + 1)]
        mid_ref = dt.date(ctx.ref.year, ctx.ref.month, 15)
        event = bare and (
            (
                _EVENT_DETERMINER_BEFORE.search(ctx.text[max(0, m.start() - 8) : m.start()])
                and _EVENT_NOUN_AFTER.match(ctx.text, m.end(), m.end() + 16)
            )
            or _FIGURES_FOR_BEFORE.search(ctx.text[max(0, m.start() - 20) : m.start()])
            or _FIGURES_NOUN_AFTER.match(ctx.text, m.end(), m.end() + 16)
        )
        # "down from its January forecast": a month before a noun names an event, whose
        # time the verb of the clause does not tell: the nearest
        # (but a past clause tells figures gone: "May sales fell 5%" in March is last May's)
        if event:
            tense = "past" if ctx.tense == "past" else None
            if tense is None and _SCHEDULED_NOUN_AFTER.match(ctx.text, m.end(), m.end() + 16):
                # "before the November election", "through a June hearing": an event set
                # for a date, told outside the past, is still to come
                tense = "future"
        else:
            tense = "future" if ctx.tense == "present" else ctx.tense
        if bare and _DELIVERY_AFTER.match(ctx.text, m.end(), m.end() + 16):
            tense = "future"  # "Brent for June delivery rose": a contract's month, not yet gone
        elif (
            bare
            and tense != "past"
            and _SCHEDULED_IN_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
        ):
            tense = "future"  # "the seats are on the ballot in November", as "the November ballot"
        said = future_in_past(ctx, m.start()) if bare and not event else None
        if said is not None:  # "said in October that it would open the plant in March"
            mid_ref = dt.date(said.year, said.month, 15)
            cands = [dt.date(yy, mo[0], 15) for yy in (said.year, said.year + 1)]
            y = pick(cands, mid_ref + dt.timedelta(days=1), "future").year
            return Reading("DATE", cal.month(y, mo[0]), "previous", mod=mod)
        end = ends_period(ctx, m.start()) if bare else None
        told = year_named_before(ctx, m.start()) if bare and end is None else None
        if told is not None:  # "In 2008, the store opened in March": that year's March
            return Reading("DATE", cal.month(told, mo[0]), "previous", mod=mod)
        if bare and _SINCE_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
            tense = "past"  # "the seventh cut since September": a month gone, whatever the verb
        if end is not None:
            # "the nine months to September": a period that has ended; "the three months
            # ending in June": ended or not, the nearest
            tense = None if end == "ending" else "past"
        slack = _MONTH_SLACK if tense != "future" else 0
        if (
            tense == "past"
            and bare
            and _COMMA_AFTER.match(ctx.text, m.end())
            and _FRONTED_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
        ):
            slack = 0
        if (
            tense == "past"
            and bare
            and _IN_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start())
            and _verb_just_before(ctx, m.start(), m.end())
            and not _PLANNED_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start())
        ):
            slack = 0  # "She proposed a tax in October" in September: last October
        elif tense == "past" and _planned_month(ctx, m.start()):
            # a plan told in the past ("had been due to be delivered in mid-February" in
            # December, "had been due to end in October" in July) names a month on either
            # side: the nearest
            tense = None
        y = pick(cands, mid_ref, tense, slack=slack).year
    return Reading("DATE", cal.month(y, mo[0]), mod=mod)


_SINCE_BEFORE = compile_re(r"(?i)(?<![\p{L}])since[ \t\u00a0]+$")
_COUNT_CONTEXT = compile_re(
    r"(?:\b(?:in|since|by|until|till|through|during|from|before|after|of|to|between|and|or|the|year|early|late|mid|fiscal|around|about|for|circa|c\.)|['’]s|[,(]|[-‐])\s*$",
    regex.IGNORECASE,
)

_TIME_PREPOSITIONS = frozenset(["in", "since", "during", "until", "till", "by", "before", "after"])

_YEAR_LEADS = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "from",
        "during",
        "the",
        "before",
        "after",
        "of",
        "to",
        "through",
        "for",
        "early",
        "late",
        "mid",
        "fiscal",
        "fy",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "circa",
        "year",
        "end",
        "between",
        "till",
        "around",
        "about",
        "starting",
        "beginning",
    ]
)


_YEAR_LEAD = compile_re(
    r"(?:(?:around|about|approximately|roughly|shortly\s+(?:before|after))\s+|(?:early|late|earlier|later)\s+in\s+|(?:early|late|mid)(?:\s?[-‐]\s?|\s*)|the\s+\w+\s+of\s+)(?=\d)",
    regex.IGNORECASE,
)
_TWO_DIGIT_YEAR_CONTEXT = compile_re(
    r"\b(?:in|since|of|from|to|until|by|class)\s*$|[-‐]\s*$", regex.IGNORECASE
)
_AMOUNT_AFTER = compile_re(
    r"[ \t]*(?:%|percent|per[ \t]cent|million|billion|points?|p\.m\.|a\.m\.)", regex.IGNORECASE
)
# a unit of measure ("2010 nautical miles", "a 2000 cc engine", "2010 pence"); not a
# currency, which a year may qualify ("in 2008 dollars")
_MEASURE_AFTER = compile_re(
    r"[ \t\u00a0]+(?:nautical[ \t\u00a0]+miles|miles|km|kilomet(?:re|er)s|met(?:re|er)s|feet|ft"
    r"|tons|tonnes|cc|kg|kilograms|lbs?|mph|knots|horsepower|hp|pence|cents|lit(?:re|er)s"
    r"|gallons|barrels|acres|hectares|megawatts|MW|kWh)(?![\p{L}])",
    regex.IGNORECASE,
)
_STREET_AFTER = compile_re(
    r"(?:[ \t\u00a0]+\p{Lu}[\p{L}.]*){1,3}[ \t\u00a0]+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard"
    r"|Blvd\.|Drive|Lane|Way|Place|Parkway)(?![\p{L}])"
)
_PLURAL_AFTER = compile_re(r"[ \t]+([\p{Ll}]+s)\b")
# Plural nouns a year modifies as a time ("2008 earnings", "the 1992 protests"), not a count.
_YEAR_NOUNS = frozenset(
    """earnings results sales profits revenues losses figures levels prices budgets accounts
    elections polls games protests riots talks negotiations attacks bombings floods""".split()  # noqa: SIM905
)
_WORD_BEFORE = compile_re(r"(?<![\p{L}])(\p{L}+)[ \t\u00a0]+$")
_NAME_WORD_BEFORE = compile_re(r"(?<![.!?]\s*)\b(\p{Lu}[\p{L}]+)\s+$")


# A market level: a number right after a verb of prices and "to"/"at" and before a
# punctuation mark or a preposition ("fell to 2091 in early trading", "closed at 1918,");
# "rose to 2008 levels" stays a year.
_LEVEL_BEFORE = compile_re(
    r"\b(?:fell|rose|dropped|declined|climbed|slid|slipped|jumped|soared|plunged|tumbled|sank"
    r"|surged|gained|advanced|retreated|eased|closed|ended|finished|opened|stood|settled|traded"
    r"|falls|rises|drops|climbs|closes|ends|stands|trades)[ \t\u00a0]+(?:to|at)[ \t\u00a0]+$",
    regex.IGNORECASE,
)

_LEVEL_AFTER = compile_re(
    r"[ \t\u00a0]*(?:[,;:)]|\.(?!\d)|$|[ \t\u00a0]+(?:in|on|at|from|after|before|points|and|as|by"
    r"|with|during|when|while|the)\b)",
    regex.IGNORECASE,
)


# "the 2010-11 season", "2012/13", a tokenizer's "2010 - 11": the second year of a span, in
# two digits
SPAN_END = compile_re(r"(?:[-‐–/]|[ \t\u00a0][-‐–/][ \t\u00a0])(\d\d)(?![\d,.:]?\d)")


def h_year(m: Cand, ctx: Ctx) -> Reading | None:
    raw = m.group()
    lead = _YEAR_LEAD.match(raw)
    if lead is not None:
        inner = h_year(m.tail(lead.end()), ctx)
        if inner is None:
            return None
        return attrs.evolve(inner, mod="APPROX" if APPROX.match(raw) else edge_mod(raw))
    if raw.lower().startswith("the year"):
        y = year_in(raw, ctx.ref, ctx.lex)
        return Reading("DATE", cal.year(y), "absolute") if y else None
    if raw.startswith(("'", "’")):
        before = ctx.text[max(0, m.start() - 8) : m.start()]
        if not _TWO_DIGIT_YEAR_CONTEXT.search(before):
            return None
        return Reading("DATE", cal.year(year_from_two_digits(int(raw[1:]), ctx.ref)), "absolute")
    if raw[0].isdigit():
        y = int(raw)
        span = SPAN_END.match(ctx.text, m.end(), m.end() + 6)
        if span is not None and int(span.group(1)) != (y + 1) % 100:
            return None  # "2010-11" is a span of two years ("the 2010-11 season"), not "2010-07"
        after = ctx.text[m.end() : m.end() + 20]
        before = ctx.text[max(0, m.start() - 12) : m.start()]
        if _AMOUNT_AFTER.match(after):
            return None
        lead = _WORD_BEFORE.search(before)
        if _MEASURE_AFTER.match(after) and not (
            lead is not None and lead.group(1).lower() in _TIME_PREPOSITIONS
        ):
            return None  # "a range of 2010 nautical miles" (but "In 2010 miles driven fell")
        if _STREET_AFTER.match(ctx.text, m.end(), m.end() + 40) and not (
            lead is not None and lead.group(1).lower() in _YEAR_LEADS
        ):
            return None  # "at 2008 Main Street": an address (but "In 2008 Main Street banks")
        if _LEVEL_BEFORE.search(ctx.text[max(0, m.start() - 24) : m.start()]) and (
            _LEVEL_AFTER.match(after)
        ):
            return None  # "the index fell to 2091", "closed at 1918": a level, not a year
        plural = _PLURAL_AFTER.match(after)
        if plural and plural.group(1) not in _YEAR_NOUNS and not _COUNT_CONTEXT.search(before):
            return None  # "2008 votes": a count
        noun = _WORD_BEFORE.search(before)
        if noun is not None and noun.group(1).lower() in ctx.lex.temporal.get("number_noun", {}):
            return None  # "Flight 1549 landed", "in room 2010": a thing named by its number
        name = _NAME_WORD_BEFORE.search(before)
        if (
            name
            and name.group(1).lower() not in _YEAR_LEADS
            and not month_in(name.group(1), ctx.lex)
        ):
            return None  # "Orion 1980", "Windows 2000": part of a name
        return Reading("DATE", cal.year(y), "absolute")
    y2 = spelled_year(raw, ctx.lex)
    if y2 is None:
        return None
    return Reading("DATE", cal.year(y2), "absolute")
