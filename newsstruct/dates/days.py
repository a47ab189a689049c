"""Handlers of the days of a week and the hours of a day: weekdays ("on Thursday", "the
Saturday"), the deictic days ("yesterday", "tonight"), clock times ("3 p.m. Thursday") and
parts of a day ("Friday morning").

A weekday follows the tense of its clause (see :func:`.core.pick`): the most recent one in a
past clause (the reference day included), the next one in a future clause or a schedule.
"""

from __future__ import annotations

import datetime as dt

import attrs
import regex

from ..patterns import compile_re
from . import calendar as cal
from .amounts import YEAR4, norm
from .core import (
    APPROX,
    DAYNUM,
    EDGE_WORD,
    Cand,
    Ctx,
    Prior,
    Reading,
    edge_mod,
    future_in_past_day,
    month_day_year,
    month_in,
    period_opens_ahead,
    pick,
    prior_for,
    weekday_date,
    weekday_in,
    year_named_before,
)
from .grammar import LIVE_STAMP
from .named import EVENT_NOUN_AFTER, clause_before, past_plan

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
    elif (told := _DAY_POD_AFTER.match(ctx.text, m.end(), m.end() + 24)) is not None:
        # "at 10pm last night", "at 9 o'clock yesterday morning": the day and the half the
        # part of the day right after tells, a mention of its own
        raw = f"{raw} {told.group(1)}"
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
# "in the evening", "at night", "tonight")
_NO_HALF = compile_re(
    r"(?i)(?:(?![ap]\.?[ \t\u00a0]*m(?![\p{L}])|morning|afternoon|evening|night|noon|midnight|midday)"
    r"[^\n])*"
)
_POD_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+(?:(?:(?:in|on)[ \t\u00a0]+)?(?:the|this|that|tomorrow|yesterday)[ \t\u00a0]+"
    r"|at[ \t\u00a0]+(?=night))?"
    r"(?:(morning|afternoon|evening|night)|tonight)(?![\p{L}])"
)

_DAY_POD_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+(last[ \t\u00a0]+night"
    r"|(?:yesterday|tomorrow|this)[ \t\u00a0]+(?:morning|afternoon|evening|night))(?![\p{L}])"
)

_STAMP = compile_re(LIVE_STAMP)  # "09:12 The river rose": a live report's stamp

_MORNING_ENDS = 6  # hours before this after a night named are that night's small hours
# a night, or an hour late in the evening: what follows in the small hours is the next day's
_NIGHT_VALUE = compile_re(r"T(?:NI|2[1-3]:\d\d)$")

_CLOCK_END = compile_re(
    r"(?:[ap]\.?\s*m\b\.?|noon|midnight|midday|o['’]clock|morning|afternoon|evening|night"
    r"|\d:\d\d|\d{4})",
    regex.IGNORECASE,
)


_CLOCK_DIGITS = compile_re(r"(\d{1,2})(?:(?:[:.]|[ \t]?:[ \t]?)?(\d{2}))?\s*(a\.?\s*m|p\.?\s*m)?")
_ASCII_WORD = compile_re(r"[A-Za-z]+")
_DEICTIC_WORD = compile_re(
    r"\b(yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b",
    regex.IGNORECASE,
)


# "quarter to ten", "a quarter past six", "half past nine", "20 minutes past 6 p.m."
_PAST_TO = compile_re(
    r"(?i)(?:a\s+)?(quarter|half|\d{1,2}|[a-z]+(?:[-‐][a-z]+)?)(?:\s+minutes?)?\s+(past|to)\s+"
    r"(\d{1,2}|[a-z]+)(?:\s*([ap])\.?\s*m(?![a-z])\.?)?"
)


def _minutes_from_hour(
    counted: regex.Match[str], numbers: dict[str, str]
) -> tuple[int, int, str | None] | None:
    """Hour, minutes and half ("a", "p" or None) of minutes counted past or to an hour."""

    def number(word: str) -> int | None:
        if word.isdigit():
            return int(word)
        parts = [numbers.get(w, "") for w in word.replace("‐", "-").split("-")]  # "twenty-five"
        return int(sum(float(p) for p in parts)) if all(p.isdigit() for p in parts) else None

    amount, way, hour_word, half = (g.lower() if g else g for g in counted.groups())
    minutes = {"quarter": 15, "half": 30}.get(amount) or number(amount)
    hour = number(hour_word)
    if minutes is None or hour is None or not (0 < minutes < 60 and 1 <= hour <= 12):
        return None
    if way == "past":
        return hour, minutes, half
    return (hour - 1 or 12), 60 - minutes, half


def _time(raw: str, ctx: Ctx, start: int, end: int) -> Reading | None:
    low = norm(raw)
    numbers = ctx.lex.temporal["number"]
    if low.startswith("noon") or low.startswith("midday"):
        hh, mm = 12, 0
    elif low.startswith("midnight"):
        hh, mm = 24, 0
    else:
        counted = _PAST_TO.match(raw)
        t = _CLOCK_DIGITS.match(low) if counted is None else None
        if counted is not None:
            clock_read = _minutes_from_hour(counted, numbers)
            if clock_read is None:
                return None
            hh, mm, half = clock_read
        elif t is not None:
            hh, mm = int(t.group(1)), int(t.group(2) or 0)
            half = t.group(3)
        else:
            w = low.split()[0]
            if w not in numbers:
                return None
            hh, mm, half = int(float(numbers[w])), 0, None
        if half is None and hh == 12 and "night" in low:
            # "12 o'clock last night" is midnight, the night's day's end (as "midnight" is);
            # "12:30 last night" the small hours after it
            hh = 24 if mm == 0 else 0
        elif half is None and 1 <= hh <= 12:  # "18:00 tonight" is its own half already
            if "morning" in low:
                half = "a"
            elif "afternoon" in low or "evening" in low or ("night" in low and hh >= _MORNING_ENDS):
                half = "p"  # not "2:00 last night", the small hours
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
    clock_end = _PAST_TO.match(raw) or _CLOCK_END.search(raw)
    tail = raw[clock_end.end() :] if clock_end else ""
    mo = month_in(tail, ctx.lex)
    wd = weekday_in(tail, ctx.lex)
    deictic = _DEICTIC_WORD.search(tail)
    if mo is not None:
        # the day after the month ("March 3"), or before it ("3 March")
        at = tail.find(mo[1])
        dm = DAYNUM.search(tail, at + len(mo[1])) or DAYNUM.search(tail, 0, at)
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
            told = year_named_before(ctx, start)
            if told is not None:
                # "In 2019, the river peaked at 4 p.m. on March 3": that year's March 3
                try:
                    day, anchor = dt.date(told, mo[0], int(dm.group(1))), "previous"
                except ValueError:
                    return None
        else:
            return Reading(
                "TIME", f"XXXX-{mo[0]:02d}-{int(dm.group(1)):02d}{clock}", None, timezone=tz_value
            )
    elif wd is not None:
        last = _LAST_WORD.search(raw)
        if (
            last is not None
            and _schedule_span(ctx, start + last.start(), end)
            and ctx.tense in ("present", None)
        ):
            # "8 p.m. ET Monday through Friday": the hour of each of a schedule's days
            return Reading("SET", f"XXXX-WXX-{wd}{clock}", None, timezone=tz_value, dated=False)
        day = _day_of_week_named(ctx, start, wd)
        if day is not None:  # "Last week, the river peaked at 4 p.m. on Tuesday"
            anchor = "previous"
        else:
            day = weekday_date(ctx, wd)
        if day is None:
            return Reading("TIME", f"XXXX-WXX-{wd}{clock}", None, timezone=tz_value)
    elif deictic is not None:
        if ctx.ref is None:
            return Reading("TIME", None, None, timezone=tz_value)
        word = deictic.group(1).lower()
        if word.startswith("last"):  # "at 10pm last night"
            offset = -1
        elif word.startswith("this"):  # "at 9 a.m. this morning"
            offset = 0
        else:
            offset = int(ctx.lex.temporal["deictic_day"][word])
        day = ctx.ref + dt.timedelta(days=offset)
    elif _STAMP.match(ctx.text, start) is not None:
        day, anchor = ctx.ref, "ref"  # a live report's "18:30 We will bring you …": its day
    elif _hours_of_schedule(ctx, start, end) and ctx.tense in ("present", None):
        # "8 a.m. to 8 p.m. ET Monday through Friday": the hour of each of a schedule's days
        return Reading("SET", f"XXXX-XX-XX{clock}", None, timezone=tz_value, dated=False)
    elif ctx.sentence_day is not None and not _recurring(ctx.text, start, end):
        # (but "open until 30 September, daily from 10am": the hour of every day, below)
        anchor = "sentence"
    elif _habitual(ctx.text, start, end):
        # "usually published at 9 a.m.", "opens at 8 a.m. on weekdays": the hour of every day
        # the habit holds, no day of its own (as "every morning" is XXXX-XX-XXTMO)
        return Reading("SET", f"XXXX-XX-XX{clock}", None, timezone=tz_value, dated=False)
    elif year_named_before(ctx, start, ("year", "season", "month", "week"), True) is not None:
        # "Last year, temperatures reached 31 degrees at midday", "Last week, the river peaked
        # at 4 p.m.", "This week, …" on a Friday: a day of that period the text does not name
        return Reading("TIME", f"XXXX-XX-XX{clock}", None, timezone=tz_value, dated=False)
    elif period_opens_ahead(ctx, start):
        # "This week, the ferry will leave at 9 a.m.": as told in the past, a day of the
        # period, not the reference's
        return Reading("TIME", f"XXXX-XX-XX{clock}", None, timezone=tz_value, dated=False)
    elif (past := _past_day(ctx)) is not None and ctx.tense == "past":
        # "He was shot at 10 p.m." after the story named the day: that day's evening
        day, anchor = past.first, _past_anchor(past, ctx)
    elif (ahead := _day_ahead(ctx, start)) is not None:
        day, anchor = ahead, "previous-day"
    if (
        day is not None
        and (wd is not None or (deictic is not None and mo is None))
        and hh < _MORNING_ENDS
        and "night" in low
    ):
        # "at 2 a.m. last night", "12:30 tonight", "1:15 on Friday night": the small hours
        # after the night's day
        day += dt.timedelta(days=1)
    night = ctx.previous_day
    if (
        day is not None
        and hh < _MORNING_ENDS
        and anchor in ("sentence", "previous-day")
        and night is not None
        and _NIGHT_VALUE.search(night.value)
        and day == night.first
    ):
        # "broken into overnight … found him at 3:40 a.m.", "Thursday night … at 2 a.m.", "left
        # at 11 p.m. on Saturday … at 2 a.m.": the small hours of a night are the next day's
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
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    # "six days a week", "five nights a week", "three mornings per week"
    r"|(?:\p{L}+|\d)[ \t\u00a0]+(?:days|nights|mornings|evenings)[ \t\u00a0]+(?:a|per)[ \t\u00a0]+week)"
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
        _HABIT_BEFORE.search(text, max(0, start - 60), start) or _recurring(text, start, end)
    )


def _recurring(text: str, start: int, end: int) -> bool:
    return bool(
        _RECURRENCE_AFTER.match(text, end, end + 30)
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
        ctx.tense == "present" and not _STATE_BEFORE.search(clause_before(ctx.text, start))
    ):
        return prior.first
    return None


_WEEK = dt.timedelta(days=7)


def _past_day(ctx: Ctx) -> Prior | None:
    """The last day the story named that can hold a past event: not after the reference day
    (the shares "were down at 1015 GMT" on the day of the report, not at the meeting it
    announced; "produced a record on Saturday. The heat will last until Wednesday. Demand
    peaked at 6 p.m.": Saturday's)."""
    prior = ctx.previous_day
    if prior is None or ctx.ref is None or prior.first <= ctx.ref:
        return prior
    gone = ctx.past_day
    if gone is not None and ctx.ref - gone.first > _WEEK:
        return None  # "… was set on 3 August 1990. Rain is due on Saturday. … at 3pm": background
    return gone


def _past_anchor(past: Prior, ctx: Ctx) -> str:
    return "previous-day" if past is ctx.previous_day else "past-day"


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


# "had been seen in the morning": a pluperfect tells a time before the story's night
_PLUPERFECT_BEFORE = compile_re(r"(?i)(?<![\p{L}])had(?![\p{L}])")


def _story_part_of_day(pod: str, ctx: Ctx, start: int, end: int) -> Reading:
    """ "in the morning", "at dawn": of the day the sentence names, else of no day in a habit
    (as a clock time: "usually runs in the evening", "in the morning on weekdays" are
    `XXXX-XX-XXTEV`, `XXXX-XX-XXTMO`), else (in a past clause) the last day the story named,
    else the reference day."""
    if ctx.sentence_day is not None:
        return Reading("TIME", f"{ctx.sentence_day.isoformat()}T{pod}", "sentence")
    if _habitual(ctx.text, start, end):
        return Reading("SET", f"XXXX-XX-XXT{pod}", None, dated=False)
    if (past := _past_day(ctx)) is not None and ctx.tense == "past":
        day = past.first
        if (
            pod == "MO"
            and _NIGHT_VALUE.search(past.value)
            and not _PLUPERFECT_BEFORE.search(clause_before(ctx.text, start))
        ):
            # "left at 11 p.m. on Saturday … before dawn": Sunday's (but "had been seen in
            # the morning": the morning before that night)
            day += dt.timedelta(days=1)
        return Reading("TIME", f"{day.isoformat()}T{pod}", _past_anchor(past, ctx))
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
    if (past := _past_day(ctx)) is not None and ctx.tense == "past":
        return Reading("DATE", cal.day(past.first), _past_anchor(past, ctx), mod=mod)
    if ctx.ref is None:
        return Reading("DATE", None, None, mod=mod)
    return Reading("DATE", cal.day(ctx.ref), mod=mod)


def h_pod_day(m: Cand, ctx: Ctx) -> Reading | None:
    low = norm(m.group())
    if low in _TWILIGHT:
        return _story_part_of_day(_TWILIGHT[low], ctx, m.start(), m.end())
    if low == "the day":  # "earlier in the day"
        return _story_day(ctx, None)
    if low.startswith("the end of"):
        if _DAY_END_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start()) is None:
            return None
        return _story_day(ctx, "END")
    if low.startswith("the "):
        pod = ctx.lex.temporal["part_of_day"].get(low.split()[-1])
        if pod is None:
            return None
        reading = _story_part_of_day(pod, ctx, m.start(), m.end())
        edge = edge_mod(low[4:])  # "in the late afternoon"
        return attrs.evolve(reading, mod=edge) if reading is not None and edge else reading
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
    week_after = _POD_WEEK_AFTER.match(ctx.text, m.end()) if wd is not None else None
    if week_after is not None and wd is not None:
        # "on Tuesday evening last week": that weekday of the week named, one expression
        shift = {"last": -7, "this": 0, "next": 7}[week_after.group(1).lower()]
        in_week = ctx.ref + dt.timedelta(days=shift + wd - ctx.ref.isoweekday())
        return Reading("TIME", f"{in_week.isoformat()}T{pod}", mod=mod, end=week_after.end())
    if wd is not None:
        day = weekday_date(ctx, wd)
    elif low == "last night":
        day = ctx.ref - dt.timedelta(days=1)
    elif low == "overnight":
        # the night that ended on the reference day, or the one ahead in a future clause; in
        # a past clause (or one with no tense word), the night that ended on a day of the
        # story's week its sentence names ("said on Friday that gunmen attacked overnight"),
        # or the night after a part or an hour of such a day ("broke out on Friday afternoon.
        # Winds spread the flames overnight"; not after "At Monday's debate, …")
        past = _past_day(ctx) if ctx.tense in ("past", None) else None
        if (
            past is not None
            and past.unit == "day"
            and ctx.ref - past.first <= _WEEK
            and ("T" in past.value or past.first == ctx.sentence_day)
        ):
            night = past.first - dt.timedelta(days=0 if "T" in past.value else 1)
            return Reading("TIME", f"{night.isoformat()}T{pod}", _past_anchor(past, ctx), mod=mod)
        day = ctx.ref - dt.timedelta(days=0 if ctx.tense == "future" else 1)
    else:
        deictic = ctx.lex.temporal["deictic_day"]
        deictic_word = next((w for w in low.split() if w in deictic), None)
        # "by mid-afternoon" is of the day the sentence names; "this morning" is the
        # reference's ("won on Sunday, results released this morning show")
        if deictic_word is None and "this" not in low.split() and ctx.sentence_day is not None:
            return Reading("TIME", f"{ctx.sentence_day.isoformat()}T{pod}", "sentence", mod=mod)
        day = ctx.ref + dt.timedelta(days=int(deictic[deictic_word or "today"]))
    assert day is not None
    return Reading("TIME", f"{day.isoformat()}T{pod}", mod=mod)


POSSESSIVE = compile_re(r"[ \t]?['’]s\b")  # "Friday's", a tokenizer's "Friday 's"
# "on Monday last week", "from Monday to Friday last week": the week named after one weekday
# or a pair of them
_WEEK_AFTER = compile_re(
    r"(?i)(?:[ \t\u00a0]*(?:to|and|or|through|until|till|[-–])[ \t\u00a0]*(?-i:\p{Lu}\p{Ll}{2,5}day))?"
    r"[ \t\u00a0]+(?:of[ \t\u00a0]+)?(last|this|next)[ \t\u00a0]+week(?![\p{L}'’])"
)
# "Tuesday evening last week", "Monday night of next week"
_POD_WEEK_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+(?:of[ \t\u00a0]+)?(last|this|next)[ \t\u00a0]+week(?![\p{L}'’])"
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
# an event held on a day ("Monday's debate", "Thursday's central bank meeting"), or figures
# released on one ("Tuesday's inflation data"), not the outcome of one ("Wednesday's ruling")
_EVENT = (
    r"[ \t]?['’]s[ \t\u00a0]+(?:\p{L}+[ \t\u00a0]+){0,2}?(?:debate|vote|game|match|meeting"
    r"|rally|speech|address|hearing|primary|caucus(?:es)?|election|summit|session|final|race"
    r"|talks|launch|ceremony|parade|march|opening|showdown|encounter|data|figures)(?![\p{L}])"
)
_COMING_EVENT_AFTER = compile_re(rf"(?i){_EVENT}")
# "Tuesday's game kicks off at 7.45pm", "Friday's meeting will start at noon": the subject of
# a verb of a schedule is still to come
_SCHEDULED_EVENT_AFTER = compile_re(
    rf"(?i){_EVENT}(?:[ \t\u00a0]+[^,;:.!?()\"“”\n]{{0,40}}?)?[ \t\u00a0]+(?:will[ \t\u00a0]+"
    r"(?:kick|start|begin|open|take[ \t\u00a0]+place|be[ \t\u00a0]+held)|kicks|starts|begins"
    r"|opens|takes[ \t\u00a0]+place|is[ \t\u00a0]+(?:due|set|scheduled)[ \t\u00a0]+to)(?![\p{L}])"
)
# the opening of a clause, where a mention may be the subject
_SUBJECT_OPENING_BEFORE = compile_re(
    r"(?i)(?:^|[.!?,;:(\"“”—–-][\"”’']?[ \t\u00a0]*|\n\s*|(?<![\p{L}])(?:while|and|but|as|when|if"
    r"|because|although|though|that|which|whether|so)[ \t\u00a0]+)$"
)
# a weekday named a day of some kind ("has declared Wednesday a day of mourning", "named
# Friday a public holiday"): a day still to come, whatever the tense of the naming (but
# "declared Wednesday that …" dates the declaring)
_NAMING_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:declared|declares|declare|named|names|designated|designates|proclaimed"
    r"|proclaims)[ \t\u00a0]+(?:next[ \t\u00a0]+|this[ \t\u00a0]+)?$"
)
_A_DAY_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+(?:as[ \t\u00a0]+)?(?:a|an)[ \t\u00a0]+(?:[\p{L}-]+[ \t\u00a0]+){0,2}"
    r"(?:day|holiday)(?![\p{L}])"
)
# "ahead of Thursday's vote", "investors are awaiting Thursday's jobs report": still to come
_AHEAD_OF_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:ahead[ \t\u00a0]+of|awaiting|await|awaits|pending"
    # "is through to Monday's semi-final": a round still to play
    r"|(?:is|are)[ \t\u00a0]+through[ \t\u00a0]+to)[ \t\u00a0]+$"
)
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
    first = cal.make_date(y, mo, 1)
    day = first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    return day if day.month == mo else None


def _weekday_of_month(m: Cand, ctx: Ctx, wd: int, modifier: str) -> Reading | None:
    """ "the last Saturday of September" (not last week's Saturday), "the first Monday of March
    2024": that day of the month, in the year the clause's tense points to."""
    if modifier not in ("", "last"):
        return None
    after = _OF_MONTH_AFTER.match(ctx.text, m.end(), m.end() + 24)
    the_month: tuple[int, int] | None = None
    month_named = False
    if after is None:
        after = _OF_THE_MONTH_AFTER.match(ctx.text, m.end(), m.end() + 24)
        if after is None:
            return None
        # the month named just before (not a quarter, half or week: "the third quarter")
        month_named = ctx.period is not None and len(ctx.period) == 7 and ctx.period[5:].isdigit()
        if ctx.period is not None and month_named:
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
        anchor = "previous" if month_named else "ref"
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
    if not shifted and POSSESSIVE.match(ctx.text[m.end() : m.end() + 4]):
        # "Wednesday's ruling": an event, not the verb's time; but "ahead of Thursday's vote",
        # "awaiting Thursday's report" and "Tuesday's game kicks off at 7.45pm" are still to
        # come
        before = ctx.text[max(0, m.start() - 16) : m.start()]
        ahead = (
            _AHEAD_OF_BEFORE.search(before) is not None
            or _SCHEDULED_EVENT_AFTER.match(ctx.text, m.end(), m.end() + 96) is not None
            or (
                # "will face Brook in Sunday's final", "will attend Monday's debate": the event
                # of a future clause is to come ("will review Wednesday's ruling" names one
                # past; as a subject, "Monday's debate might not move mountains", it may be
                # past, its outcome to come)
                (
                    _EVENT_PREP_BEFORE.search(before) is not None
                    or (
                        _COMING_EVENT_AFTER.match(ctx.text, m.end(), m.end() + 24) is not None
                        and _SUBJECT_OPENING_BEFORE.search(before) is None
                    )
                )
                and ctx.tense == "future"
            )
        )
        ctx = attrs.evolve(ctx, tense="future" if ahead else None)
    elif _NAMING_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start()) and _A_DAY_AFTER.match(
        ctx.text, m.end(), m.end() + 40
    ):
        ctx = attrs.evolve(ctx, tense="future")  # "has declared Wednesday a day of mourning"
    if not modifier and _EVERY_WEEKDAY_AND_BEFORE.search(
        ctx.text, max(0, m.start() - 24), m.start()
    ):
        return Reading("SET", f"XXXX-WXX-{wd}", None)  # "every Tuesday and Thursday"
    if not modifier and _schedule_span(ctx, m.start(), m.end()) and ctx.tense in ("present", None):
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
        and _DECREED_STARTING_BEFORE.search(ctx.text, max(0, m.start() - 90), m.start())
        and ctx.tense == "past"
    ):
        # "declared three days of mourning starting Monday": a period decreed opens at or
        # after the decree, the day named before it in the sentence, else near the
        # reference: the nearest such weekday (the reference's own counts), not a week back
        told = ctx.sentence_day
        if told is not None and told < ctx.ref:
            d = told + dt.timedelta(days=(wd - told.isoweekday()) % 7 or 7)
            return Reading("DATE", cal.day(d), "sentence", mod=mod)
        return Reading("DATE", cal.day(_nearest_weekday(ctx.ref, wd)), mod=mod)
    if not modifier and ctx.ref is not None and past_plan(ctx, m.start()) and ctx.tense == "past":
        # "the minister was due to visit the scene on Monday" in a Sunday story: a plan told
        # in the past names a day on either side of the reference, the nearest (as a
        # month-day: see _month_day)
        return Reading("DATE", cal.day(_nearest_weekday(ctx.ref, wd)), mod=mod)
    if not modifier and (week_day := _day_of_week_named(ctx, m.start(), wd)) is not None:
        return Reading("DATE", cal.day(week_day), "previous", mod=mod)
    day = weekday_date(ctx, wd, modifier)
    if day is None:
        return Reading("DATE", f"XXXX-WXX-{wd}", None, mod=mod)
    return Reading("DATE", cal.day(day), mod=mod)


_QUOTE_MARK = compile_re(r"[\"“”]|''|``")
_SAID_ON_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:said|says|told|announced|reported|confirmed|added|released|published"
    r"|issued)[ \t\u00a0]+(?:on[ \t\u00a0]+)?$"
)
# the clause of a weekday: from the last of these before it to the first stop after it
_CLAUSE_OPENED = compile_re(r";|,[ \t\u00a0]+(?:and|but)(?![\p{L}])")
_CLAUSE_STOP = compile_re(r"[.;!?]")
_PERFECT = compile_re(r"(?i)(?<![\p{L}])(?:had|'d|’d)(?![\p{L}])")


def _day_of_week_named(ctx: Ctx, start: int, wd: int) -> dt.date | None:
    """ "Last week, police arrested a man on Tuesday": that week's Tuesday, when a week gone
    opens the sentence of a past clause (not across the end or start of a quote: in '"Last week
    we had no power," a resident said on Thursday' the week is the speaker's, the weekday the
    saying's; a whole quote between, 'Last week, the mayor "strongly" objected on Thursday',
    leaves both the teller's); after a day of another year opening the sentence ("On Friday,
    March 1, 2019, the dam burst, and on Sunday the town flooded"), the first on or after that
    day, as a story told in order goes on, or in a clause in the past perfect the last on or
    before it ("…; on Wednesday engineers had warned of cracks")."""
    week = ctx.previous
    if (
        week is None
        or week.unit not in ("week", "day")
        or year_named_before(ctx, start, (week.unit,)) is None
    ):
        return None
    if 0 <= week.end < start and len(_QUOTE_MARK.findall(ctx.text, week.end, start)) % 2:
        return None
    if week.unit == "day":
        if _SAID_ON_BEFORE.search(ctx.text, max(0, start - 24), start):
            return None  # "…, Frey said on Tuesday": the day of the saying, not of the events
        day = week.first
        opened = [b.end() for b in _CLAUSE_OPENED.finditer(ctx.text, week.end, start)]
        stop = _CLAUSE_STOP.search(ctx.text, start, start + 120)
        clause_end = stop.start() if stop is not None else min(len(ctx.text), start + 120)
        if _PERFECT.search(ctx.text, opened[-1] if opened else week.end, clause_end):
            return day - dt.timedelta(days=(day.isoweekday() - wd) % 7)
        return day + dt.timedelta(days=(wd - day.isoweekday()) % 7)
    return week.first + dt.timedelta(days=wd - week.first.isoweekday())


def _nearest_weekday(ref: dt.date, wd: int) -> dt.date:
    """The weekday ``wd`` nearest ``ref`` (``ref`` itself when it is one)."""
    behind = (ref.isoweekday() - wd) % 7
    return ref + dt.timedelta(days=-behind if behind <= 7 - behind else 7 - behind)


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
        and not EVENT_NOUN_AFTER.match(ctx.text, end, end + 16)
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
    if _BEFORE_AFTER.match(ctx.text, end, end + 8) or EVENT_NOUN_AFTER.match(
        ctx.text, end, end + 16
    ):
        return None  # "the Saturday primary": an event named, told by its clause
    base = ctx.previous_day.first
    if base.isoweekday() == 7 and not _SPAN_TO_SUNDAY.search(
        ctx.text, max(0, ctx.previous_day.end - 40), ctx.previous_day.end
    ):
        # "arrived on Sunday, May 4 … on the Tuesday": a Sunday that ends no span opens the
        # days told after it, as weeks run from Sunday on a wall calendar
        return base + dt.timedelta(days=wd % 7)
    day = base + dt.timedelta(days=wd - base.isoweekday())
    if (base - day).days > 3:
        # "arrived on Saturday … met the mayor on the Monday": the story moves on, to the
        # nearer one after it, not back to the start of its week
        day += dt.timedelta(days=7)
    return day


# "from Thursday, August 17, to Sunday, August 20": a Sunday that ends a span, in its ISO week
_SPAN_TO_SUNDAY = compile_re(
    r"(?i)(?:(?<![\p{L}])(?:to|through|until|till|thru)|[-–—])[ \t\u00a0]+Sun(?:day|\.)?(?![\p{L}])[^.;!?]*$"
)


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
