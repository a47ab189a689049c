"""Handlers of expressions that name a calendar unit of a year: days of a month, months, seasons,
years, decades, holidays, ISO dates ("March 17", "in May", "last spring", "the 1990s").

Without a year, the year is chosen by the tense of the clause (see :func:`.core.pick`).
``dateparser.parse`` reads only the numeric dates the grammar found ("3/17/2022"), with
settings built for that call. Clock times and weekdays are in :mod:`.days`, quarters and
fiscal years in :mod:`.quarters`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

import attrs
import regex

from ..patterns import compile_re, in_place
from . import calendar as cal
from .amounts import YEAR4, norm, spelled_year, year_from_two_digits, year_in
from .context import SAME_IN_PAST, SUBJECT_DETERMINERS, relative_that
from .core import (
    APPROX,
    DAYNUM,
    MONTH_DAY_SLACK,
    WORDS,
    Cand,
    Ctx,
    Prior,
    Reading,
    capitalised,
    edge_mod,
    ends_period,
    future_in_past,
    month_day_year,
    month_in,
    pick,
    rel_year,
    weekday_in,
    year_named_before,
)
from .propername import person_named

_YEAR_STEP = {"last": -1, "this": 0, "next": 1}


_EVERY_BEFORE = compile_re(r"(?i)(?<![\p{L}])(?:every|each)[ \t\u00a0]+$")


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
        "the week after",
        "the week before",
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
    if name in _VOTE_DAYS and not all(capitalised(w) for w in WORDS.findall(raw[name_start:])[:2]):
        # "Election day is a public holiday" opening a sentence: the day of the vote the story
        # tells of, as "election day" is, not the US one
        return None
    if not modifier and person_named(ctx.text, m.start(), raw, ctx.lex):
        return None  # "Ahmed Eid said", "Mr. Ramadan": a person's surname
    if _WAR_AFTER.match(ctx.text, m.end(), m.end() + 12):
        return None  # "the Yom Kippur War", "the Tet offensive": an event of history's name
    after = _NEXT_WORD.match(ctx.text, m.end(), m.end() + 30)
    if (
        after is not None
        and after.group(1).lower() in ctx.lex.temporal.get("holiday_noun", ())
        # (a name that says it is a day stays one: "the Christmas Day movie drew 8 million")
        and not _DAY_NAMED.search(name)
    ):
        return None  # "the Christmas tree", "Easter Island": a thing or a place
    span = modifier.startswith("the week")  # "the week before Christmas"
    eve = name.endswith(" eve") and not holidays.get(name)
    shift = {"the day after": 1, "the day before": -1}.get(modifier, 0) - (1 if eve else 0)
    every = (
        _EVERY_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()) if not modifier else None
    )
    if every is not None:
        # "Every Christmas Eve she screened a film": the day of each year; a holiday whose
        # date moves has no month-day to write
        d0, d1 = cal.holiday(rule, 2001), cal.holiday(rule, 2002)
        if d0 is None or d1 is None:
            return None
        d0, d1 = d0 + dt.timedelta(days=shift), d1 + dt.timedelta(days=shift)
        value = f"XXXX-{d0:%m-%d}" if (d0.month, d0.day) == (d1.month, d1.day) else None
        return Reading("SET", value, None, start=every.start())
    yr = YEAR4.search(raw)
    if yr is not None:
        d = cal.holiday(rule, int(yr.group(1)))
        if d is None:
            return None
        return Reading("DATE", _around(d, modifier, shift), "absolute")
    if ctx.ref is None:
        return Reading("DATE", None, None)
    if step is not None:
        d = cal.holiday(rule, ctx.ref.year + step)
        return None if d is None else Reading("DATE", _around(d, modifier, shift))
    cands = [
        d for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1) if (d := cal.holiday(rule, y))
    ]
    if not cands:
        return None
    told = year_named_before(ctx, m.start()) if not modifier or modifier.startswith("the") else None
    if told is not None and (d := cal.holiday(rule, told)) is not None:
        # "Last year, rain delayed flights on the day before Thanksgiving": that year's
        return Reading("DATE", _around(d, modifier, shift), "previous")
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
    weekend = _WEEKEND_AFTER.match(ctx.text, m.end(), m.end() + 12) if not (shift or span) else None
    if weekend is not None:
        # "the Fourth of July weekend", "over Memorial Day weekend": the holiday's weekend,
        # the one before a Monday or Tuesday, else the one after (Wednesday: before)
        back = {1: 2, 2: 3, 3: 4, 6: 0, 7: 1}.get(chosen.isoweekday())
        sat = chosen - dt.timedelta(days=back) if back is not None else None
        if sat is None:
            sat = chosen + dt.timedelta(days=6 - chosen.isoweekday())
        return Reading("DATE", cal.week(sat, weekend=True), end=weekend.end())
    week = _WEEK_AFTER.match(ctx.text, m.end(), m.end() + 8) if not (shift or span) else None
    if week is not None:
        # "during Christmas week", "Easter week": the ISO week holding the holiday (Easter
        # Sunday ends its week, so the week leading up to it, as TimeBank marks it)
        return Reading("DATE", cal.week(chosen), end=week.end())
    return Reading("DATE", _around(chosen, modifier, shift))


def _around(d: dt.date, modifier: str, shift: int) -> str:
    """The value of the holiday ``d`` with its ``modifier``: "the week before Christmas" (the
    seven days before it) is the ISO week holding most of them, the one of their middle day
    (Holy Week for Easter, a Sunday), and "the week after Thanksgiving" the one after; else
    the day; ``shift`` days on ("the day after", "Christmas Eve")."""
    d += dt.timedelta(days=shift)
    if modifier.startswith("the week "):
        return cal.week(d + dt.timedelta(days=-4 if modifier.endswith("before") else 4))
    return cal.day(d)


# A request with its infinitive before a day ("urged people to vote for him on"): the act asked
# for is still to come when the request was made.
_REQUEST_TO_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:urg|ask|encourag|remind|implor)(?:e|es|ed|ing|s)?[ \t\u00a0]+"
    r"(?:[\p{L}'’]+[ \t\u00a0]+){1,3}to[ \t\u00a0]+(?:[\p{L}'’]+[ \t\u00a0]+){1,5}$"
)
# Days of a vote, which news looks ahead to all year.
_VOTE_DAYS = frozenset(["election day", "super tuesday"])
_WEEKEND_AFTER = compile_re(r"(?i)[ \t\u00a0]+weekend(?![\p{L}'’-])")
_WEEK_AFTER = compile_re(r"(?i)[ \t\u00a0]+week(?![\p{L}-])")
_NEXT_WORD = compile_re(r"[ \t\u00a0]+(\p{L}+)")
_DAY_NAMED = compile_re(r"(?:day|eve)$")
_WAR_AFTER = compile_re(r"(?i)[ \t\u00a0]+(?:war|offensive)(?![\p{L}'’-])")


def h_month_day(m: Cand, ctx: Ctx) -> Reading | None:
    reading = _month_day(m, ctx)
    if reading is not None and APPROX.match(m.group()):
        reading = attrs.evolve(reading, mod="APPROX")
    return reading


_WORDS = compile_re(r"[\p{L}-]+")


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
        (
            int(ordinals[w])
            # "March the first", "the first of March 2026"
            for w in _WORDS.findall(norm(after_month) + " " + norm(before_month))
            if ordinals.get(w, "").isdigit()
        ),
        None,
    )
    if dm is None and word_day is None:
        return None
    d = int(dm.group(1)) if dm is not None else word_day
    assert d is not None
    yr = YEAR4.search(raw)
    wd = weekday_in(before_month, ctx.lex)
    start = m.start()
    if norm(before_month) == "the":
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
        # ("In 2019, the dam burst on Friday, March 1": the year the sentence named first)
        told = year_named_before(ctx, m.start())
        years = (told, ctx.ref.year, ctx.ref.year - 1, ctx.ref.year + 1)
        for y in (y for y in years if y is not None):
            try:
                cand = dt.date(y, mo[0], d)
            except ValueError:
                continue
            if cand.isoweekday() == wd:
                return Reading(
                    "DATE", cal.day(cand), "previous" if y == told else "ref", start=start
                )
    told = year_named_before(ctx, m.start())
    if _SINCE_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()) or (
        told is None  # "In 2008, the store opened on March 3": that year's, below
        and _ON_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start())
        and _verb_just_before(ctx, m.start(), m.end())
        and not _PLANNED_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start())
        and not _PLAN_WORD_BEFORE.search(clause_before(ctx.text, m.start()))
        and ctx.tense == "past"
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
    edition = _edition_day(ctx, m.start(), mo[0], d)
    if edition is not None:  # "the 2025 festival will take place on 27 July"
        return Reading("DATE", cal.day(edition), "previous", start=start)
    if told is not None and ends_period(ctx, m.start()) is None:
        # "In 2008, the store opened on March 3": the year the sentence named
        try:
            return Reading("DATE", cal.day(dt.date(told, mo[0], d)), "previous", start=start)
        except ValueError:
            return None
    if past_plan(ctx, m.start()) and ctx.tense == "past" and ends_period(ctx, m.start()) is None:
        # "the tour had been due to end on October 7" in July: a plan told in the past names
        # a day on either side, the nearest (as a month); not "its record high set on Aug. 6"
        ctx = attrs.evolve(ctx, tense=None)
    found = month_day_year(mo[0], d, ctx, start)
    if found is None:
        return None
    return Reading("DATE", cal.day(found), start=start)


# "the 2025 festival", "the 2012 Games": a year before an event held in it, its edition (not
# "the 2025 budget", which may be presented the year before)
_EDITION_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])the[ \t\u00a0]+((?:19|20)\d\d)[ \t\u00a0]+(?:festival|games|olympics"
    r"|championships?|tournament|season|edition|elections?|census|conference|summit|cup|contest"
    r"|fair|expo|marathon|race|awards|ceremony|tour|world[ \t\u00a0]+cup)(?![\p{L}])"
)


def _edition_day(ctx: Ctx, start: int, month: int, day: int) -> dt.date | None:
    """The day in the year of an edition named in the clause of a month-day told ahead ("the
    2025 festival will take place on 27 July", "said the 2012 Games would open on July 27"),
    when it is not gone; a past clause tells of a day the edition need not hold."""
    if ctx.ref is None:
        return None
    editions = list(_EDITION_BEFORE.finditer(ctx.text, max(0, start - 80), start))
    found = editions[-1] if editions else None
    if (
        found is None
        or _CLAUSE_MARK.search(ctx.text, found.end(), start)
        or ctx.tense not in ("future", "present")  # (read last: the costly test)
    ):
        return None
    try:
        ahead = dt.date(int(found.group(1)), month, day)
    except ValueError:
        return None
    return ahead if ahead >= ctx.ref else None


_MONTH_VALUE = compile_re(r"(\d{4})-(\d\d)(?:-\d\d)?")
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
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
)
# a text that writes its dates day first ("on 17 March") or month first ("on March 17")
_DAY_FIRST = compile_re(
    r"(?<![\d.,])\d{1,2}(?:st|nd|rd|th)?[ \t\u00a0]+" + _MONTH_NAME + r"(?!\p{L})"
)
_MONTH_FIRST = compile_re(r"(?<!\p{L})" + _MONTH_NAME + r"[ \t\u00a0]+\d{1,2}(?![\d,.]\d|\d)")


def writes_day_first(text: str) -> bool:
    """Whether ``text`` writes its dates day first ("17 March") and never month first ("March
    17"): its "08/10/2010" is then the 8th of October. It reads the whole text: a stage asks
    it once per text (``Ctx.day_first``), not once per numeric date."""
    return _DAY_FIRST.search(text) is not None and _MONTH_FIRST.search(text) is None


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
    day_first = ctx.day_first() if ctx.day_first is not None else writes_day_first(ctx.text)
    parsed = _dateparser_parse(raw, "DMY" if day_first else "MDY")
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
    nth = _NTH_WEEK.match(raw)
    if nth is not None:
        # "the first week of March": the ISO week of that month's days 1-7 (the one holding
        # day 4), "the last week of December" the one holding its last days
        tail = m.tail(inner.end())
        month = (h_month_year if YEAR4.search(tail.group()) else h_month)(tail, ctx)
        if month is None or month.value is None or not month.value[:4].isdigit():
            return None
        y, mo = int(month.value[:4]), int(month.value[5:7])
        days = cal.last_of_month(y, mo).day
        day = days - 3 if nth.group(1) in ("last", "final") else 7 * _NTH[nth.group(1)] - 3
        return Reading("DATE", cal.week(cal.make_date(y, mo, day)), month.anchor)
    found = h_month_day(m.tail(inner.end()), ctx)
    if found is None or found.value is None or not found.value[:4].isdigit():
        return None
    d = dt.date.fromisoformat(found.value)
    return Reading("DATE", cal.week(d), found.anchor)


_NTH_WEEK = compile_re(r"(?i)the\s+(first|second|third|fourth|last|final)\s+week")
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4}

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
    r"(?i)(?<![\p{L}])(?:temperatures?|highs?(?! and lows)|(?<!highs and )lows?|degrees|readings"
    r"|thermometers?|heat|mercury|fahrenheit|celsius)(?:[ \t\u00a0]+[\p{L}-]+){0,10}[ \t\u00a0]+$"
)


# "BC", "B.C.", "BCE" after a year or a century: a time before year 1
BEFORE_CHRIST = compile_re(r"[ \t\u00a0]+(?-i:BCE?|B\.C\.(?:E\.)?)(?![\p{L}])")


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
        bc = BEFORE_CHRIST.match(ctx.text, m.end())
        if bc is not None:  # "the fifth century BC": before year 1, as "65 million years ago"
            return Reading("DATE", "PAST_REF", None, end=bc.end(), mod=mod)
        return Reading("DATE", f"{n - 1:02d}", "absolute", mod=mod)
    full = _DECADE_FULL.search(low)
    if full:
        value = full.group(1)
        if value >= "200" and low[0].isdigit() and _APOSTROPHE.search(low):
            # "Kell, 2010's top scorer": a year's possessive (the decades since 2000 are
            # written "the 2010s")
            return Reading("DATE", cal.year(int(value + "0")), "absolute", end=m.start() + 4)
        if value.endswith("0") and value < "200":
            value = value[:2]  # "the 1800s", "the early 1900s": the century, as English means
        return Reading("DATE", value, "absolute", mod=mod)
    two = _DECADE_TWO.search(low)
    if (
        two is not None
        and not _APOSTROPHE.search(low)
        and _TEMPERATURE_BEFORE.search(ctx.text, max(0, m.start() - 90), m.start())
    ):
        return None  # "highs in the mid-90s", "Highs on Sunday will struggle to reach the
        # mid-20s": degrees, not a decade
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


_Season = tuple[dt.date, dt.date, int]


_THE_PREVIOUS = ("the previous ", "the prior ", "the preceding ")
_THE_NEXT = ("the next ", "the following ", *_THE_PREVIOUS)


def _prior_last(prior: Prior) -> dt.date:
    """The last day of the date ``prior`` names (its first, when its value has no range)."""
    span = cal.value_range(prior.value)
    return span[1] if span is not None else prior.first


def _season_instances(code: str, ref: dt.date) -> list[_Season]:
    """The season ``code`` of the years around ``ref``'s (two before, one after): first day,
    last day, year; those off the calendar left out."""
    out = []
    for y in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1):
        r = cal.value_range(f"{y:04d}-{code}")
        if r:
            out.append((r[0], r[1], y))
    return out


def _first(found: Iterable[_Season]) -> _Season:
    """The earliest of ``found``, seasons of :func:`_season_instances`: those always hold the
    one a reading asks for, unless it is off the calendar (:class:`~.calendar.OffCalendar`)."""
    return _picked(min(found, default=None))


def _last(found: Iterable[_Season]) -> _Season:
    """The latest of ``found``, as :func:`_first`."""
    return _picked(max(found, default=None))


def _picked(season: _Season | None) -> _Season:
    if season is None:
        raise cal.OffCalendar("the season is off the calendar")
    return season


_LOWER_WORD = compile_re(r"[a-z]+")
_STOP_AFTER = compile_re(r"[ \t\u00a0]*[,.;:!?)]")


_EDGE_OF = compile_re(r"^the (?:end|beginning|start|middle) of ")
_SEASON_PREP_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:in|during|by|until|till|through|throughout|over|for|before|after|since"
    r"|from|into|to|and|or|of)[ \t\u00a0]+$"
)


# words that place a season themselves ("last spring", "this past summer", "next fall")
_SEASON_MODIFIERS = frozenset(["last", "past", "next", "coming", "this"])


def h_season(m: Cand, ctx: Ctx) -> Reading | None:
    raw = m.group()
    low = norm(raw)
    seasons = ctx.lex.temporal["season"]
    word = next((w for w in _LOWER_WORD.findall(low) if w in seasons), None)
    if word is None:
        return None
    following = ctx.text[m.end() : m.end() + 4].lower()
    bare = _EDGE_OF.sub("", low)  # "the end of the fall in prices" is a drop's end
    if bare in ("fall", "the fall") and following.startswith((" of", " in")):
        return None  # "the fall of Rome", "the fall in prices"
    if bare in ("spring", "the spring") and following.startswith((" of", " in")):
        return None  # "the spring of water"
    if low == "the fall" and not _SEASON_PREP_BEFORE.search(
        ctx.text, max(0, m.start() - 12), m.start()
    ):
        return None  # "traders blamed the fall on fears": a drop, not autumn ("in the fall")
    code = seasons[word]
    mod = edge_mod(low) or edge_mod(low.removeprefix("the "))
    y = year_in(low[low.find(word) :], ctx.ref, ctx.lex)
    if y is not None:
        return Reading("DATE", f"{y:04d}-{code}", "absolute", mod=mod)
    rel = rel_year(low, ctx.ref)
    if rel is not None:
        return Reading("DATE", f"{rel:04d}-{code}", mod=mod)
    if low.startswith(_THE_NEXT) and ctx.previous is not None:
        # "the album came out the next summer" after "in 2018": the first such season after
        # the last date named, not after the reference ("the previous spring": the last before)
        if low.startswith(_THE_PREVIOUS):
            first = ctx.previous.first
            y = _last(i for i in _season_instances(code, first) if i[1] < first)[2]
        else:
            # (one that starts after it and ends after it: "in 2019 and again the following
            # winter" is the winter of 2019-20)
            first, last = ctx.previous.first, _prior_last(ctx.previous)
            y = _first(i for i in _season_instances(code, last) if i[0] > first and i[1] > last)[2]
        return Reading("DATE", f"{y:04d}-{code}", "previous", mod=mod)
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
    told = None if _SEASON_MODIFIERS.intersection(words) else year_named_before(ctx, m.start())
    if told is not None:
        # "In 2019 the river flooded in the spring", "In March 2019 the mill closed for the
        # summer": that year's, as a month would be
        return Reading("DATE", f"{told:04d}-{code}", "previous", mod=mod)
    if "last" in words or "this past" in low or "past" in words:
        ended = (
            [i for i in inst if i[1] < ref] if "last" in words else [i for i in inst if i[0] <= ref]
        )
        y = _last(ended)[2]
    elif "next" in words or "coming" in words:
        y = _first(i for i in inst if i[0] > ref)[2]
    elif "this" in words or ctx.tense is None:
        current = next((i[2] for i in inst if i[0] <= ref <= i[1]), None)
        if current is None and "this" in words and ctx.tense == "past":
            # "fell this winter" in March: the one just ended, when it is nearer than the
            # coming one ("delegates won at the convention this summer" in March is ahead)
            gone = _last(i for i in inst if i[1] < ref)
            coming = _first(i for i in inst if i[0] > ref)
            nearer = (ref - gone[1]).days <= (coming[0] - ref).days
            current = gone[2] if nearer else coming[2]
        if current is None and "this" not in words:
            # no tense word: this year's, unless it has ended and the coming one is nearer
            # ("would not cut rates 'before the spring'" in December is the coming one)
            gone = _last(i for i in inst if i[1] < ref)
            coming = _first(i for i in inst if i[0] > ref)
            if gone[2] == ref.year and (coming[0] - ref).days < (ref - gone[1]).days:
                current = coming[2]
        y = current or (ref.year if code != "WI" or ref.month >= 3 else ref.year - 1)
    elif ctx.tense == "past":
        y = _last(i for i in inst if i[0] <= ref)[2]
    else:
        said = future_in_past(ctx, m.start())
        if said is not None:  # "warned in August that it would cut jobs by spring"
            y = _first(i for i in _season_instances(code, said) if i[0] > said)[2]
            return Reading("DATE", f"{y:04d}-{code}", "previous", mod=mod)
        y = _first(i for i in inst if i[1] >= ref)[2]
    return Reading("DATE", f"{y:04d}-{code}", mod=mod)


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
EVENT_NOUN_AFTER = compile_re(
    r"[ \t\u00a0]+(?!(?:and|or|but|to|of|in|on|at|for|from|with|by|as|is|was|are|were|when|while"
    r"|after|before|until|through|that|which|this|last|next)(?![\p{L}]))\p{Ll}{3,}"
)
# events set for a date: "the November election", "a June hearing", "a November matchup";
# "on the ballot in November", "a referendum in June"
_SCHEDULED_NOUNS = (
    r"(?:elections?|primary|primaries|caucus(?:es)?|ballot|referendum|runoff|matchup|showdown"
    r"|summit|convention|hearing|trial|deadline|auction|launch)"
)
# the kind of an election between the month and its noun: "the November general election"
_ELECTION_KIND = (
    r"(?:general|presidential|congressional|gubernatorial|mayoral|municipal|parliamentary"
    r"|legislative|midterm|special|national|state|local|federal|snap)"
)
_SCHEDULED_NOUN_AFTER = compile_re(
    r"(?i)(?:[ \t\u00a0]+"
    + _ELECTION_KIND
    + r"){0,2}[ \t\u00a0]+"
    + _SCHEDULED_NOUNS
    + r"(?![\p{L}])"
)
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
# "crude for June delivery", "May futures", "December wheat rose": the month a contract
# delivers, this one or ahead (not a month's figures: "December crude imports")
_DELIVERY_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+(?:delivery|futures|(?:wheat|corn|soybeans?|gold|silver|copper"
    r"|platinum|palladium|cotton|coffee|sugar|cocoa|cattle|hogs|crude|Brent)(?![\p{L}])"
    r"(?![ \t\u00a0]+(?:imports|exports|output|production|sales|shipments|harvest|crop"
    r"|inventories|stocks|data|figures)(?![\p{L}])))(?![\p{L}])"
)
_MAY_MONTH_AFTER = compile_re(
    r"[ \t\u00a0]+(?:was|is|has|had|will|saw|brought|marked|proved|sales|figures|data|results"
    r"|output|exports|imports|production|deliveries|revenue|orders)(?![\p{L}])|[ \t]?['’]s(?![\p{L}])"
)
# no verb follows a determiner or a possessive: "the May vote", "Orlan's May forecast"
_DETERMINER_BEFORE = compile_re(
    r"(?i)(?:(?<![\p{L}])(?:the|its|their|his|her|our|a)|\p{L}['’]s)[ \t\u00a0]+$"
)
_AS_SOON_AS_BEFORE = compile_re(r"(?i)(?:soon|early|late)[ \t\u00a0]+as[ \t\u00a0]+$")
# "October that year", "in May of the same year": a month of the year named before
_THAT_YEAR_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+(?:of[ \t\u00a0]+)?(?:that(?:[ \t\u00a0]+same)?|the[ \t\u00a0]+same)"
    r"[ \t\u00a0]+year(?![\p{L}])"
)
_MARCH_FOR = compile_re(r"\s+(?:for|of|on|to|against|through|from)\b")
# a march named for its cause: "March for Bernie", "March for Our Lives" ...
_MARCH_NAMED = compile_re(r"[ \t\u00a0]+for[ \t\u00a0]+\p{Lu}\p{Ll}")


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


# "residents were told to move their cars by Wednesday", "officials urged people to register
# by Friday": an instruction, then a deadline word; the object of the active verb is a few
# words, no subject pronoun ("told the court he went to the bank by noon" tells no instruction)
_INSTRUCTED_TO_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:(?:was|were|been)[ \t\u00a0]+(?:told|asked|ordered|urged|advised"
    r"|instructed|directed)|(?:told|asked|ordered|urged|advised|instructed|directed)"
    r"(?:[ \t\u00a0]+(?!(?:he|she|they|we|it|i|that)(?![\p{L}]))[\p{L}'’-]+){1,3})"
    r"[ \t\u00a0]+to(?![\p{L}])"
)
_DEADLINE_WORD = compile_re(r"(?i)(?<![\p{L}])(?:by|before|until|till)(?![\p{L}])")


def past_plan(ctx: Ctx, start: int) -> bool:
    """A plan word of a past clause stands before ``start`` in its clause ("was due to visit
    … on", "had been scheduled for"), or an instruction with its deadline ("were told to move
    cars off the street before nightfall on", "urged people to register by")."""
    plan = _PLANNED_TO_BEFORE.search(ctx.text, max(0, start - 40), start)
    if plan is not None and not _CLAUSE_MARK.search(ctx.text, plan.start(), start):
        return True
    told = _INSTRUCTED_TO_BEFORE.search(ctx.text, max(0, start - 72), start)
    return (
        told is not None
        and _DEADLINE_WORD.search(ctx.text, told.end(), start) is not None
        and not _CLAUSE_MARK.search(ctx.text, told.start(), start)
        and not _CLAUSE_WORD.search(ctx.text, told.end(), start)
    )


# a word of a plan or of the future in the clause before a day ("said it will redeem the
# preferred shares on Oct. 31": not a day gone)
_PLAN_WORD_BEFORE = compile_re(r"(?i)(?<![\p{L}])(?:will|would|shall|to|'ll|’ll)(?![\p{L}])")


# a mark that ends a clause, not the point or comma inside a number ("9.5", "9,500")
_CLAUSE_END = compile_re(r"[;:!?()\"“”]|[.,](?!\d)")


def clause_before(text: str, start: int) -> str:
    """The text of the clause before ``start``, at most 60 characters back."""
    window = text[max(0, start - 60) : start]
    marks = [c.end() for c in _CLAUSE_END.finditer(window)]
    return window[marks[-1] :] if marks else window


def _verb_just_before(ctx: Ctx, start: int, end: int) -> bool:
    """A past verb among the six words before the "in" of "in <month>" ("proposed a tax in
    October"): the month tells when it happened; not "of a cutback in its oil supply in
    September", where the month dates a noun's event. A verb in "-ed" counts after a pronoun,
    a capitalised word or an auxiliary ("the Post asked about them in February"), not after a
    noun, where it may be a participle ("ads reserved in December"), and one whose past is its
    bare form after a singular subject ("the storm hit on May 4"); a reporting verb ("said
    the gathering in September would") and a clause going on with "would" or "will" do not."""
    window = ctx.text[max(0, start - 60) : start]
    marks = [c.end() for c in _CLAUSE_MARK.finditer(window)]
    if marks:
        window = window[marks[-1] :]
    after = ctx.text[end : end + 40]
    cut = _CLAUSE_MARK.search(after)
    if cut is not None:
        after = after[: cut.start()]
    if _FUTURE_AFTER.search(after):
        return False
    words = _WORDS_BEFORE_IN.findall(window)[:-1][-7:]
    tenses = ctx.lex.temporal["tense"]
    # the window opens the clause: after a mark, or at the start of the text
    opened = bool(marks) or start <= 60
    if (
        marks
        and len(words) == 1
        and len(words[0]) > 4
        and words[0].lower().endswith("ed")
        and words[0].lower() not in _AWAITED
        and ctx.text[max(0, start - 60) + marks[-1] - 1] == ","
        and ctx.text.startswith(",", end)
    ):
        return True  # "The rules, adopted in January, take effect": an aside of a past event
    for i in range(max(1, len(words) - 6), len(words)):
        w, prev = words[i].lower(), words[i - 1]
        if w in _REPORTING:
            continue
        if w in ("were", "was") and i + 1 < len(words) and words[i + 1].lower() == "to":
            continue  # "if she were to win in November": no past event
        if tenses.get(w) in ("past", "perfect"):
            return True
        if w in SAME_IN_PAST and (
            prev.lower() in ("he", "she", "it")
            or prev[:1].isupper()
            or (not prev.endswith("s") and i >= 2 and words[i - 2].lower() in SUBJECT_DETERMINERS)
        ):
            return True
        if (
            len(w) > 4
            and w.endswith("ed")
            and (
                prev[:1].isupper()
                or prev.lower() in _SUBJECT_OR_AUX
                # "a law that passed in January": "that" after a noun opens a relative clause
                or (
                    prev.lower() == "that"
                    and relative_that([x.lower() for x in words[max(0, i - 4) : i - 1]], tenses)
                )
                # "The strike ended in January": a subject of a determiner and a noun or two
                # opening the clause, and no verb after the month ("the plan approved in
                # January was dropped" holds a participle; after a plural noun a bare verb
                # too: "the tickets needed in January go on sale")
                or (
                    _subject_opens(words, i, opened, tenses)
                    and all(
                        tenses.get(x.lower()) in (None, "plural")
                        and not (tenses.get(x.lower()) and prev.lower().endswith("s"))
                        for x in _WORDS_BEFORE_IN.findall(after)
                    )
                )
            )
        ):
            return True
    return False


def _subject_opens(words: list[str], i: int, opened: bool, tenses: dict[str, str]) -> bool:
    """A determiner and one or two nouns before ``words[i]`` open its clause: at the start of
    the window (``opened``) or after a reporting verb or "that" ("said the strike ended")."""
    for d in (i - 2, i - 3):
        if d < 0 or words[d].lower() not in SUBJECT_DETERMINERS:
            continue
        if d == 0 and not opened:
            continue
        if d > 0 and words[d - 1].lower() not in _REPORTING and words[d - 1].lower() != "that":
            continue
        # the nouns may read as present verbs ("talks", "plans"), not as other verbs
        return all(tenses.get(x.lower()) in (None, "present", "plural") for x in words[d + 1 : i])
    return False


# participles of a thing still ahead: "The ruling, awaited in January, will …"
_AWAITED = frozenset(
    "anticipated awaited predicted projected forecasted needed required timetabled pencilled penciled".split()  # noqa: SIM905
)
_REPORTING = frozenset(
    "said told announced added noted wrote stated explained argued insisted claimed warned reported".split()  # noqa: SIM905
)
_SUBJECT_OR_AUX = frozenset("he she it they we i you who which had was were has have".split())  # noqa: SIM905
_FUTURE_AFTER = compile_re(r"(?i)(?<![\p{L}])(?:would|will|wo|'ll|’ll)(?![\p{L}])")


# An adverb of habit in the month's clause ("December is usually", "usually rise in December")
_HABIT_WORD = r"(?:usually|typically|traditionally|normally|customarily|often|always)"
_HABIT_NEAR_BEFORE = compile_re(rf"(?i)(?<![\p{{L}}]){_HABIT_WORD}(?![\p{{L}}])[^,.;:!?()\"“”]*$")
_HABIT_NEAR_AFTER = compile_re(
    rf"(?i)[ \t\u00a0]+(?:(?:is|are|has|have|was|were)[ \t\u00a0]+)?{_HABIT_WORD}(?![\p{{L}}])"
)
# "In December, stocks usually rise": a month opening its sentence, the adverb in the clause
# after its comma
_OPENING_IN_BEFORE = compile_re(r"(?:^|[.!?][\"”’']?[ \t\u00a0]+|\n[ \t\u00a0]*)In[ \t\u00a0]+$")
_HABIT_AFTER_COMMA = compile_re(
    rf"(?i),[ \t\u00a0]+[^,.;:!?()\"“”]{{0,40}}?(?<![\p{{L}}]){_HABIT_WORD}(?![\p{{L}}])"
)


_THAT_LEAD = compile_re(r"(?i)that[ \t\u00a0]+")


def month_after_that(m: Cand, ctx: Ctx) -> Cand | None:
    """The month of "that" and a month (``m``) when "that" is no determiner of it, to be read
    alone: a conjunction after a word when nothing stops after the month ("noted that March
    sales rose", "said that May would be hard"), before a capital ("that March Rubio …"), or
    the determiner of a noun after the month in a clause told in the present or ahead ("That
    November vote will decide the race": the vote's November, one ahead); else None."""
    that = _THAT_LEAD.match(m.group())
    if that is None:
        return None
    ends = _STOP_AFTER.match(ctx.text, m.end())
    if (
        _CAPITAL_AFTER.match(ctx.text, m.end())
        or (
            not ends
            and _WORD_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
            and not _SEASON_PREP_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
        )
        or (not ends and ctx.tense in ("present", "future"))
    ):
        return m.tail(that.end())
    return None


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
    if low.startswith(_THE_NEXT) and ctx.previous is not None:
        # "went to the regulator the following January" after "the summer of 2020": the
        # first such month after the last date named, not after the reference ("the previous
        # December": the last before)
        if low.startswith(_THE_PREVIOUS):
            first = ctx.previous.first
            y = first.year - (mo[0] >= first.month)
        else:
            last = _prior_last(ctx.previous)
            y = last.year + (mo[0] <= last.month)
        return Reading("DATE", cal.month(y, mo[0]), "previous", mod=mod)
    if low.startswith("that "):
        # "lost to Nixon that November" after 1972: the month of the last date's year, as
        # "that summer"
        prior = ctx.previous
        if prior is None or month_after_that(m, ctx) is not None:
            return None  # (then the month is read alone, if "that" is no determiner of it)
        return Reading("DATE", cal.month(prior.first.year, mo[0]), "previous", mod=mod)
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
            and not (
                raw == "May"
                and (
                    (
                        _DETERMINER_BEFORE.search(before)
                        and EVENT_NOUN_AFTER.match(ctx.text, m.end(), m.end() + 16)
                    )
                    or _AS_SOON_AS_BEFORE.search(before)
                )
            )
        ):
            return None  # "May" the verb (but "May was a good month", "May sales rose",
            # after a determiner, before a noun: "the May vote", "its May forecast", and
            # "as soon as May")
        if (
            mo[0] == 3
            and not _MONTH_CONTEXT.search(before)
            and _MARCH_FOR.match(ctx.text[m.end() : m.end() + 10])
        ):
            return None  # "the annual March for Life": a march
        if (
            raw == "March"
            and _MARCH_NAMED.match(ctx.text, m.end(), m.end() + 16)
            and not _MONTH_CONTEXT.search(before.rstrip(" \t,("))
        ):
            # "his group, March for Bernie, plans": a march's name after a comma (a month
            # after a word of time: "moved to March for Easter")
            return None
        if (
            mo[1].endswith(".") is False
            and len(mo[1]) <= 4
            and mo[0] != 5
            and mo[1].lower() not in ("june", "july")
        ):
            return None  # "Mar", "Jan" alone
    if (
        bare
        and (
            _HABIT_NEAR_BEFORE.search(ctx.text, max(0, m.start() - 50), m.start())
            or _HABIT_NEAR_AFTER.match(ctx.text, m.end(), m.end() + 50)
            or (
                _OPENING_IN_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())
                and _HABIT_AFTER_COMMA.match(ctx.text, m.end(), m.end() + 60)
            )
        )
        and ctx.tense not in ("past", "future")
    ):
        # "December is usually a good month for stocks", "snow often falls in January", "In
        # December, stocks usually rise": the month of every year a habit holds in
        return Reading("DATE", f"XXXX-{mo[0]:02d}", None, mod=mod)
    if bare and ctx.previous is not None and _THAT_YEAR_AFTER.match(ctx.text, m.end()):
        # "In October that year she signed": the month of the year last named
        return Reading("DATE", cal.month(ctx.previous.first.year, mo[0]), "previous", mod=mod)
    later = _YEAR_LATER_AFTER.match(ctx.text, m.end()) if bare else None
    if later is not None:
        # "one July night in 1994": that year's July; "one July in the 1990s": a July of a
        # decade, which no value writes (not this year's)
        if later.group(1):
            return Reading("DATE", cal.month(int(later.group(1)), mo[0]), "absolute", mod=mod)
        return Reading("DATE", None, None, mod=mod)
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
        cands = [cal.make_date(yy, mo[0], 15) for yy in (y - 1, y, y + 1)]
        mid_ref = dt.date(ctx.ref.year, ctx.ref.month, 15)
        event = bare and (
            (
                _EVENT_DETERMINER_BEFORE.search(ctx.text[max(0, m.start() - 8) : m.start()])
                and EVENT_NOUN_AFTER.match(ctx.text, m.end(), m.end() + 16)
            )
            or _FIGURES_FOR_BEFORE.search(ctx.text[max(0, m.start() - 20) : m.start()])
            or _FIGURES_NOUN_AFTER.match(ctx.text, m.end(), m.end() + 16)
        )
        # "down from its January forecast": a month before a noun names an event, whose
        # time the verb of the clause does not tell: the nearest
        # (but a past clause tells figures gone: "May sales fell 5%" in March is last May's)
        if event:
            tense = "past" if ctx.tense == "past" else None
            if tense is None and _SCHEDULED_NOUN_AFTER.match(ctx.text, m.end(), m.end() + 48):
                # "before the November election", "through a June hearing", "in the November
                # general election": an event set for a date, told outside the past, is
                # still to come
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
            cands = [cal.make_date(yy, mo[0], 15) for yy in (said.year, said.year + 1)]
            y = pick(cands, mid_ref + dt.timedelta(days=1), "future").year
            return Reading("DATE", cal.month(y, mo[0]), "previous", mod=mod)
        end = ends_period(ctx, m.start()) if bare else None
        told = year_named_before(ctx, m.start()) if bare and end is None else None
        if told is not None:  # "In 2008, the store opened in March": that year's March
            return Reading("DATE", cal.month(told, mo[0]), "previous", mod=mod)
        since = _SINCE_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())
        if since:
            # "the seventh cut since September", "has been delayed since January", "since
            # early September": a month gone, whatever the verb or plan word, and not the next
            # one
            tense = "past"
        if end is not None:
            # "the nine months to September": a period that has ended; "the three months
            # ending in June": ended or not, the nearest
            tense = None if end == "ending" else "past"
        slack = _MONTH_SLACK if tense != "future" and not since else 0
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
        elif (
            tense == "past"
            and bare
            and _IN_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start())
            and _FIGURE_VERB_AFTER.match(ctx.text, m.end())
        ):
            slack = 0  # "Sales in January rose 4%" in December: figures of last January
        elif (
            tense == "past"
            and not since
            and (_planned_month(ctx, m.start()) or past_plan(ctx, m.start()))
        ):
            # a plan told in the past ("had been due to be delivered in mid-February" in
            # December, "had been due to end in October" in July), or an instruction with
            # its deadline ("urged people to get vaccinated by the end of November"), names
            # a month on either side: the nearest
            tense = None
        y = pick(cands, mid_ref, tense, slack=slack).year
    return Reading("DATE", cal.month(y, mo[0]), mod=mod)


# the year or decade of a month, a part of its day between them: "one July night in 1994",
# "a June morning in the 1980s"
_YEAR_LATER_AFTER = compile_re(
    r"(?:[ \t\u00a0]+(?:night|morning|afternoon|evening|day|weekend))?[ \t\u00a0]+in[ \t\u00a0]+"
    r"(?:(1[6-9]\d\d|20\d\d)|the[ \t\u00a0]+(?:1[6-9]\d|20\d)0['’]?s)(?![\p{L}\d])"
)
_SINCE_BEFORE = compile_re(r"(?i)(?<![\p{L}])since[ \t\u00a0]+$")
# a verb of change in a figure right after the month ("Sales in January rose"): a measurement
_FIGURE_VERB_AFTER = compile_re(
    r"[ \t\u00a0]+(?:rose|fell|dropped|jumped|climbed|slipped|declined|increased|decreased|grew"
    r"|shrank|gained|surged|slumped|plunged|soared|edged|totaled|totalled)(?![\p{L}])"
)
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
# a plural ("2008 votes"; not "loss", "surplus", "crisis"), regular or of people ("1999 staff")
_PEOPLE = ("people", "staff", "children", "men", "women", "personnel")
_PLURAL_AFTER = compile_re(r"[ \t]+([\p{Ll}]+(?<![siu])s|" + "|".join(_PEOPLE) + r")\b")
# A word of a guess before a count of people ("around 2000 men"), not a year ("some 1500
# staff", "nearly 2000 men" are no year's context at all: a count already).
_ROUGHLY_BEFORE = compile_re(r"\b(?:around|about)[ \t\u00a0]+$", regex.IGNORECASE)
# Plural nouns a year modifies as a time ("2008 earnings", "the 1992 protests"), not a count.
_YEAR_NOUNS = frozenset(
    """earnings results sales profits revenues losses figures levels prices budgets accounts
    elections polls games protests riots talks negotiations attacks bombings floods""".split()  # noqa: SIM905
)
# Singular nouns a year modifies as a time, in a headline's capitals too ("Passes 2009 Budget").
_YEAR_NOUNS_ONE = frozenset(
    "budget election season census campaign forecast profit loss revenue".split()  # noqa: SIM905
)
_WORD_AFTER = compile_re(r"[ \t\u00a0]+(\p{L}+)")


def _year_noun_after(after: str) -> bool:
    """Whether a noun a year modifies follows it: "Parliament Passes 2009 Budget", "Toyota
    2009 Sales Fall" name the year, not a thing, though a capital stands before it."""
    word = _WORD_AFTER.match(after)
    noun = word.group(1).lower() if word is not None else ""
    return noun in _YEAR_NOUNS or noun in _YEAR_NOUNS_ONE


_WORD_BEFORE = compile_re(r"(?<![\p{L}])(\p{L}+)[ \t\u00a0]+$")
_NUMBER_SIGN_BEFORE = compile_re(r"(?<![\p{L}])(?:[Nn]os?\.|#)[ \t\u00a0]*$", regex.V1)
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


def span_end_year(y: int, two: str) -> int | None:
    """The year two digits after ``y`` and a dash name: the next year ("2010-11"), or a later
    one of its century that no month number can be ("the 1980-88 war", "1914-18"; not
    "2010-07", a month, nor "2004-08")."""
    d = int(two)
    if d == (y + 1) % 100:
        return y + 1
    if d > 12 and d > y % 100:
        return y - y % 100 + d
    return None


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
        bc = BEFORE_CHRIST.match(ctx.text, m.end())
        if bc is not None:  # "in 1500 BC": before year 1, as "65 million years ago"
            return Reading("DATE", "PAST_REF", None, end=bc.end())
        span = SPAN_END.match(ctx.text, m.end(), m.end() + 6)
        if span is not None and span_end_year(y, span.group(1)) is None:
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
        if plural and plural.group(1) in _PEOPLE and _ROUGHLY_BEFORE.search(before):
            return None  # "around 2000 men": a count
        noun = _WORD_BEFORE.search(before)
        if noun is not None and noun.group(1).lower() in ctx.lex.temporal.get("number_noun", {}):
            return None  # "Flight 1549 landed", "in room 2010": a thing named by its number
        if _NUMBER_SIGN_BEFORE.search(before):
            return None  # "the No. 2010 shirt": a number
        name = _NAME_WORD_BEFORE.search(before)
        if (
            name
            and name.group(1).lower() not in _YEAR_LEADS
            and not month_in(name.group(1), ctx.lex)
            and not _year_noun_after(after)
        ):
            return None  # "Orion 1980", "Windows 2000": part of a name
        return Reading("DATE", cal.year(y), "absolute")
    y2 = spelled_year(raw, ctx.lex)
    if y2 is None:
        return None
    return Reading("DATE", cal.year(y2), "absolute")
