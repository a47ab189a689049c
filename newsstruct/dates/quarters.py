"""Handlers of quarters, halves and fiscal years: "the third quarter", "Q3 2024", "the second
half", "the quarter ended June 30", "fiscal 2023".

A quarter without a year is chosen by the tense of its clause and by how results are reported
("by the fourth quarter" is the next one not yet over; the quarter of a forecast that ended
long ago is next year's): see ``_quarter_year``.
"""

from __future__ import annotations

import attrs
import regex

from ..patterns import compile_re
from . import calendar as cal
from .amounts import YEAR4, norm, year_from_two_digits, year_in
from .core import (
    EDGE_MOD,
    Cand,
    Ctx,
    Reading,
    current_quarter,
    month_in,
    rel_year,
    shift_period,
    shift_quarter,
    year_named_before,
)
from .days import POSSESSIVE

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
        and not POSSESSIVE.match(ctx.text, m.end())
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


# a company's forecast for a quarter or a year: "forecast revenue", "expects a loss"; and
# what is booked ahead for it: "said bookings for the fourth quarter were down" (September)
_GUIDANCE = compile_re(
    r"(?i)(?<![\p{L}])(?:forecast(?:s|ed|ing)?|project(?:s|ed|ing)|predict(?:s|ed|ing)?"
    r"|expect(?:s|ed|ing)?|anticipat(?:es|ed|ing)|guidance|outlook|bookings|reservations)"
    r"(?![\p{L}])"
)
_CLAUSE_BREAK = compile_re(r"[.;!?]\s")

# results measured against a forecast ("second-quarter results beat forecasts", "came in
# ahead of expectations"): the quarter is reported, the forecast is not the company's own;
# not results still to come ("profit will beat forecasts", "is set to top estimates")
_COMPARED_WITH = compile_re(
    r"(?i)(?<![\p{L}])(?<!(?:will|would|could|should|may|might|to)[ \t\u00a0]+)(?:beat|beats|beating|topped|tops|topping|missed|misses|missing"
    r"|exceeded|exceeds|exceeding|surpassed|surpassing|above|below|than|ahead[ \t\u00a0]+of"
    r"|short[ \t\u00a0]+of|in[ \t\u00a0]+line[ \t\u00a0]+with)"
    r"(?:[ \t\u00a0]+(?:the|its|their|analysts['’]?|wall[ \t\u00a0]+street(?:['’]s)?|market"
    r"|consensus|average|earlier|own|many|most))*[ \t\u00a0]+$"
)


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
    return any(
        _COMPARED_WITH.search(part, 0, cue.start()) is None
        for part in (before, after)
        for cue in _GUIDANCE.finditer(part)
    )


_QUARTER_CODE = compile_re(
    r"(?:the\s+)?q([1-4])(?:\s*(\d{4}|'\d\d))?$|(\d{4})\s+q([1-4])$|h([12])\s*(\d{4})$"
)
# an analyst's half without its year ("H1 net profit", "sales rose in H2"): after a
# preposition, or before the figures it dates (not "the H2 tank")
_CODE_CONTEXT_BEFORE = compile_re(r"(?i)(?<![\p{L}])(?:in|for|during|over|of)[ \t\u00a0]+$")
_FIGURES_AFTER = compile_re(
    r"(?i)[ \t\u00a0]+(?:(?:net|operating|pre-tax|core)[ \t\u00a0]+)?(?:results|profits?"
    r"|earnings|revenues?|sales|loss(?:es)?|figures|numbers|deliveries|output|growth|margins?)"
    r"(?![\p{L}])"
)
# a name inside a sentence right before a bare code ("the Vexa Q3 crossover": a model's name;
# "Vexa Q3 sales" dates the figures)
_NAME_BEFORE = compile_re(r"(?<=[\p{L}\d,;:][ \t\u00a0]+)\p{Lu}[\p{L}\d-]*(?:['’]s)?[ \t\u00a0]+$")
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
# that tells a game (a score, "half-time", "overtime", "scored", "innings", "two minutes into
# the second half") is not the calendar's.
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
    r"|limped[ \t\u00a0]+off"
    # "two minutes into the second half"; not "minutes into the call" (an earnings call)
    r"|minutes?[ \t\u00a0]+into[ \t\u00a0]+the[ \t\u00a0]+(?:first|second|third|fourth|final|last)"
    r"[ \t\u00a0]+(?:half|quarter|period))(?![\p{L}\d])"
)
_GAME_REACH = 200


def game_period(text: str, start: int, end: int) -> bool:
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


# "by the end of the first quarter", "the start of fiscal 2026": the edge is part of the
# expression, as in "the end of the year" (TimeBank marks "the end of 1990" whole); not before
# an adjective ("the end of third-quarter trading" is the trading's)
_EDGE_OF_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])the[ \t\u00a0]+(end|beginning|start|middle|close)[ \t\u00a0]+of[ \t\u00a0]+$"
)
_UNIT_ADJECTIVE = compile_re(r"(?i)[-‐](?:quarter|half|year)$")


def _edged(reading: Reading | None, m: Cand, ctx: Ctx) -> Reading | None:
    if (
        reading is None
        or reading.type != "DATE"
        or reading.start is not None
        or reading.mod is not None
        or _UNIT_ADJECTIVE.search(m.group())
    ):
        return reading
    edge = _EDGE_OF_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
    if edge is None:
        return reading
    mod = EDGE_MOD[f"the {edge.group(1).lower()} of"]
    return attrs.evolve(reading, start=edge.start(), mod=mod)


def h_quarter(m: Cand, ctx: Ctx) -> Reading | None:
    reading = _edged(_quarter(m, ctx), m, ctx)
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
    if _BARE_PERIOD.fullmatch(low) and game_period(ctx.text, m.start(), m.end()):
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
        if (
            _NAME_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())
            and not _CODE_CONTEXT_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())
            and not _FIGURES_AFTER.match(ctx.text, m.end(), m.end() + 24)
        ):
            return None  # "the Vexa Q3 crossover", "Vexa's Q3": a model's name
        qy = _quarter_year(qn, ctx, m)
        return Reading("DATE", cal.quarter(qy, qn) if qy else f"XXXX-Q{qn}", "ref" if qy else None)
    bare_code = low in ("h1", "h2")
    if bare_code and not (
        raw[0] == "H"
        and (
            _CODE_CONTEXT_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())
            or _FIGURES_AFTER.match(ctx.text, m.end(), m.end() + 24)
        )
    ):
        return None  # "the H1-B visa", "an H2 fuel cell": no half of a year
    if "half" in low or "two quarters" in low or bare_code:
        month_of = _OF_MONTH_AFTER.match(ctx.text, m.end(), m.end() + 16)
        if month_of is not None and month_in(month_of.group(1), ctx.lex) is not None:
            return None  # "the second half of July": half a month; the month is the mention
        if _OF_WEEK_AFTER.match(ctx.text, m.end(), m.end() + 24):
            return None  # "the first half of next week": half a week; the week is the mention
        # second, last, latter
        h = 1 if low.removeprefix("the ").startswith("first") or low == "h1" else 2
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
        if hy is None and (told := year_named_before(ctx, m.start())) is not None:
            # "In 2019, sales fell in the first half": that year's, as a quarter
            return Reading("DATE", f"{told:04d}-H{h}", "previous")
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
    return _edged(_quarter_ref(m, ctx), m, ctx)  # "the end of the year-ago quarter"


def _quarter_ref(m: Cand, ctx: Ctx) -> Reading | None:
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
    elif ctx.period is not None and "-Q" in ctx.period:
        # the quarter reported, or one still to end compared with in its own sentence
        # ("revenue in the quarter that ended Feb. 28 rose from the same quarter a year ago")
        base = ctx.period
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
    May), or in a future clause the first one not yet ended. A fiscal quarter ending in
    another month is the calendar quarter holding two of its three months: "the quarter ended
    July 31" (May to July) is the second."""
    after = _QUARTER_END_AFTER.match(ctx.text, m.end(), m.end() + 40)
    if after is None or ctx.ref is None:
        return None
    mo = month_in(after.group(1), ctx.lex)
    if mo is None:
        return None
    # the quarter that has begun (its first month on or before the reference) and holds the
    # middle month of the three ending with this one
    # (months since year 0, counted from 0; the quarter ending in January began in November)
    now = ctx.ref.year * 12 + ctx.ref.month - 1
    ends = [(ctx.ref.year + y) * 12 + mo[0] - 1 for y in (-1, 0, 1)]
    if ctx.tense == "future" and "ended" not in after.group():
        # "expects sales for the quarter ending in March to rise" (but "will report the
        # quarter ended Sept. 30": one gone)
        end = next(e for e in ends if e >= now)
    else:
        end = next(e for e in reversed(ends) if e - 2 <= now)
    middle = end - 1
    return cal.quarter(middle // 12, middle % 12 // 3 + 1)


_TWO_DIGIT_END = compile_re(r"(\d\d)(?:[-/]\d\d)?$")


def h_fiscal(m: Cand, ctx: Ctx) -> Reading | None:
    return _edged(_fiscal(m, ctx), m, ctx)


def _fiscal(m: Cand, ctx: Ctx) -> Reading | None:
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
    return _edged(_fiscal_ref(m, ctx), m, ctx)


def _fiscal_ref(m: Cand, ctx: Ctx) -> Reading | None:
    low = norm(m.group())
    after = ctx.text[m.end() : m.end() + 12].lower()
    yr = YEAR4.search(low)
    if yr is not None:  # "the 2024 fiscal year", "its 2009 fiscal year ended in March"
        return Reading("DATE", cal.year(int(yr.group(1))), "absolute", ranged=False)
    if after.lstrip().startswith(("ended", "ending", "that ended", "which ended")):
        return Reading("DURATION", "P1Y", None)
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
