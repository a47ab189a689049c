"""What every handler shares: the candidate, its context, the reading, calendar choices.

``Ctx`` carries the reference date, the clause's tense and what the discourse mentioned last;
``Reading`` is a handler's verdict. The choosing functions encode the news conventions on
direction: :func:`pick` (past clause -> the latest candidate, future -> the earliest, else the
nearest), :func:`weekday_date`, :func:`month_day_year` and :func:`prior_for` (which earlier
date "two days later" counts from).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
import regex

from ..lexicons import Lexicon
from ..patterns import compile_re
from . import calendar as cal
from .amounts import norm

WORDS = compile_re(r"[\p{L}\p{N}]+(?:[.'’][\p{L}]+)*\.?")

DAYNUM = compile_re(r"(?<![\d:/])([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])")

EDGE_MOD = {
    "early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID",
    "the end of": "END", "the beginning of": "START", "the start of": "START",
    "the middle of": "MID", "the close of": "END", "the turn of": "START",
    "the first half of": "START", "the second half of": "END",
    "early in": "START", "earlier in": "START", "late in": "END", "later in": "END",
}  # fmt: skip

EDGE_PREFIX = compile_re(
    r"(the\s+(?:end|beginning|start|middle|close|turn)\s+of|the\s+(?:first|second)\s+half\s+of"
    r"|(?:early|earlier|late|later)\s+in(?=\s)|early|earlier|late|later|mid)[-‐]?\s*",
    regex.IGNORECASE,
)

PREPOSITION_BEFORE = compile_re(
    r"(?:\b(?:for|over|during|within|in|through|throughout|into|across)\s+)$", regex.IGNORECASE
)

EDGE_WORD = compile_re(r"(early|late|earlier|later)\s+", regex.IGNORECASE)

APPROX = compile_re(
    r"(?:around|about|approximately|roughly|shortly\s+(?:before|after))\s+", regex.IGNORECASE
)


@attrs.frozen
class Prior:
    """A date mentioned earlier in the text: its value, first day and unit."""

    value: str
    first: dt.date
    unit: str
    compared: bool = False  # "a year ago", "year-earlier": the period compared with
    end: int = -1  # where its mention ends in the text
    start: int = -1  # and where it starts
    # its year was taken from a date opening its sentence ("In 2019, the mill closed in March
    # and burned at Christmas": March), which it passes on to the dates after it
    opening: bool = False


@attrs.frozen
class Ctx:
    """What a handler needs beside its match.

    ``tense`` may be given as a function of no arguments: it is then called the first time a
    handler asks (most candidates, years and durations, never do) and its answer kept.
    """

    text: str
    lex: Lexicon
    ref: dt.date | None
    _tense: str | Callable[[], str | None] | None = attrs.field(alias="tense")
    previous: Prior | None = None
    previous_day: Prior | None = None  # the last day-valued date mentioned
    past_day: Prior | None = None  # the last one not after the reference
    period: str | None = None  # a month, quarter or half mentioned just before
    quarter: str | None = None  # the last quarter the text mentioned
    sentence_day: dt.date | None = None  # a day given earlier in the same sentence
    # whether the text writes its dates day first, asked once per text (see
    # named.writes_day_first); None: ask of ``text`` itself
    day_first: Callable[[], bool] | None = None

    @property
    def tense(self) -> str | None:
        """The tense of the mention's clause: "past", "present", "future" or None."""
        tense = self._tense
        if callable(tense):
            tense = tense()
            object.__setattr__(self, "_tense", tense)  # the same answer every time
        return tense


@attrs.frozen
class Reading:
    """A handler's verdict. ``anchor``: "ref", "previous", "absolute" or None."""

    type: str
    value: str | None
    anchor: str | None = "ref"
    start: int | None = None
    end: int | None = None
    mod: str | None = None
    timezone: str | None = None
    ranged: bool = True  # False: the value's calendar range is not the meaning (fiscal years)
    dated: bool = True  # False: a clock time that took its day from elsewhere


@attrs.frozen
class Cand:
    """A candidate the grammar found: a stretch of the text (the interface of a match)."""

    pos: int
    s: str

    @classmethod
    def of(cls, m: regex.Match[str]) -> Cand:
        return cls(m.start(), m.group())

    def group(self) -> str:
        return self.s

    def start(self) -> int:
        return self.pos

    def end(self) -> int:
        return self.pos + len(self.s)

    def tail(self, offset: int) -> Cand:
        """The candidate without its first ``offset`` characters."""
        return Cand(self.pos + offset, self.s[offset:])


Handler = Callable[[Cand, Ctx], "Reading | None"]


def capitalised(word: str) -> bool:
    return word[:1].isupper()


def month_in(s: str, lex: Lexicon) -> tuple[int, str] | None:
    """The first month word of ``s`` (which must be capitalised) and the word."""
    months = lex.temporal["month"]
    for w in WORDS.findall(s):
        key = w.lower().rstrip(".") if w.lower() not in months else w.lower()
        if key in months or key + "." in months:
            if not capitalised(w):
                return None
            return int(months.get(key) or months[key + "."]), w
    return None


def weekday_in(s: str, lex: Lexicon) -> int | None:
    wds = lex.temporal["weekday"]
    for w in WORDS.findall(s):
        low = w.lower()
        if low in wds and capitalised(w):
            return int(wds[low])
        if low.endswith("s") and low[:-1] in wds and capitalised(w):
            return int(wds[low[:-1]])
    return None


_THIS_LAST_NEXT_YEAR = compile_re(r"\b(this|last|next)\s+year", regex.IGNORECASE)


def rel_year(s: str, ref: dt.date | None) -> int | None:
    """ "this year" / "last year" / "next year" inside ``s``."""
    if ref is None:
        return None
    m = _THIS_LAST_NEXT_YEAR.search(s)
    if m is None:
        return None
    return ref.year + {"this": 0, "last": -1, "next": 1}[m.group(1).lower()]


def edge_mod(s: str) -> str | None:
    m = EDGE_PREFIX.match(norm(s))
    return EDGE_MOD.get(" ".join(m.group(1).split())) if m else None


# "warned in August that it would cut jobs by spring": after a past date, "that … would"
# reports a plan made then; the plan's month or season is the next one after that date
_THAT_WOULD = compile_re(
    r"(?:[ \t\u00a0]*,)?[ \t\u00a0]+that[ \t\u00a0]+[^.!?;:\"“”\n]{0,100}?\bwould(?:n['’]t)?[ \t\u00a0]+"
    r"[^.!?;:\"“”\n]{0,80}$",
    regex.IGNORECASE,
)
# how far back (characters) the date a plan was told on may stand, and of what unit
_FUTURE_IN_PAST_UNITS = frozenset({"day", "week", "month"})
_FUTURE_IN_PAST_REACH = 180
_DAY_UNIT = frozenset({"day"})
_DAY_PLAN_REACH = 200


def future_in_past(ctx: Ctx, start: int) -> dt.date | None:
    """The past date a "that … would" clause was said on, when the mention at ``start``
    is in that clause ("said in October that it would open the plant in March")."""
    return _plan_told_on(ctx, ctx.previous, _FUTURE_IN_PAST_UNITS, _FUTURE_IN_PAST_REACH, start)


def future_in_past_day(ctx: Ctx, start: int) -> dt.date | None:
    """The past day a plan was told on, when the weekday at ``start`` is in a "would" clause
    after a reporting verb and that day in the same sentence ("On Tuesday, the ministry said
    talks would resume Thursday")."""
    return _plan_told_on(ctx, ctx.previous_day, _DAY_UNIT, _DAY_PLAN_REACH, start)


def _plan_told_on(
    ctx: Ctx, prev: Prior | None, units: frozenset[str], reach: int, start: int
) -> dt.date | None:
    """The first day of ``prev``, a past date of one of ``units`` ending at most ``reach``
    characters before ``start``, when the text between reports a plan told on it and the
    mention's clause is future."""
    if (
        prev is None
        or ctx.ref is None
        or prev.first >= ctx.ref
        or prev.unit not in units
        or not 0 <= prev.end <= start
        or start - prev.end > reach
        or ctx.tense != "future"
        or not _reported_plan(ctx.text, prev.end, start)
    ):
        return None
    return prev.first


def _reported_plan(text: str, prev_end: int, start: int) -> bool:
    """Whether ``text[prev_end:start]`` reports a plan made on the date ending at
    ``prev_end``: "… in August that it would", "On Tuesday, the ministry said talks would",
    "said in October it would"."""
    return (
        _THAT_WOULD.match(text, prev_end, start) is not None
        or _SAID_WOULD.match(text, prev_end, start) is not None
        or (
            _SAID_DATE_BEFORE.search(text, max(0, prev_end - 50), prev_end) is not None
            and _DAY_WOULD.match(text, prev_end, start) is not None
        )
    )


# "On Tuesday, the ministry said talks would resume Thursday", "said Tuesday that the strike
# would end Friday": a plan told on a past day of the same sentence; its weekday is the next
# one after that day, not after the reference
_PLAN_VERBS = (
    r"said|announced|warned|confirmed|indicated|stated|agreed|decided|promised|pledged"
    r"|predicted|signaled|signalled"
)
_SAID_WOULD = compile_re(
    r"(?:(?!\b(?:and|but|while|when|after|before|since|because|as)\b)[^.!?;:\"“”\n]){0,60}?"
    rf"\b(?:{_PLAN_VERBS}|told|added|wrote|reported)\b"
    r"[^.!?;:\"“”\n]{0,100}?\bwould(?:n['’]t)?[ \t\u00a0]+[^.!?;:\"“”\n]{0,80}$",
    regex.IGNORECASE,
)

# "Orlan said on Wednesday it would …", "said in October it would …": the reporting verb
# before the date
_SAID_DATE_BEFORE = compile_re(
    rf"(?i)(?<![\p{{L}}])(?:{_PLAN_VERBS}|told[ \t\u00a0]+\p{{L}}+)[ \t\u00a0]+"
    r"(?:(?:in|on|last|early|late|mid|this)[ \t\u00a0]+){0,2}\p{L}+\.?(?:[ \t\u00a0]+\d{1,2})?$"
)
_DAY_WOULD = compile_re(
    r"[ \t\u00a0]+(?:that[ \t\u00a0]+)?[^.!?;:,\"“”\n]{0,100}?\bwould(?:n['’]t)?[ \t\u00a0]+"
    r"[^.!?;:\"“”\n]{0,80}$",
    regex.IGNORECASE,
)


def pick(candidates: list[dt.date], ref: dt.date, tense: str | None, slack: int = 0) -> dt.date:
    """The candidate the tense points to: past -> latest on or before ``ref`` (+ slack days),
    future/present -> earliest on or after ``ref``, otherwise the nearest."""
    if tense == "past":
        past = [c for c in candidates if c <= ref + dt.timedelta(days=slack)]
        if past:
            return max(past)
    elif tense in ("future", "present"):
        future = [c for c in candidates if c >= ref - dt.timedelta(days=slack)]
        if future:
            return min(future)
    return min(candidates, key=lambda c: (abs((c - ref).days), c > ref))


# A month-day without a year in a past clause may still lie this far ahead (deadlines, record
# dates: "extended the offer to Nov. 20"), and in a future clause this far back.

MONTH_DAY_SLACK = 60


# "the year ended June 30", "the nine months to September", "the quarter through March":
# the end of a reported period, which has passed whatever the clause's tense ("will publish
# results for the nine months to September on Nov. 6")
_PERIOD_END_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:year|quarter|months|weeks|period|half)[ \t\u00a0]+"
    r"(?:(?:that|which)[ \t\u00a0]+)?(ended|ending|to|through)[ \t\u00a0]+(?:(?:on|in)[ \t\u00a0]+)?$"
)


def ends_period(ctx: Ctx, start: int) -> str | None:
    """How the mention at ``start`` closes a reported period: "ended" ("the year ended June
    30": it has passed), "to" ("the three months to June 30", "through": it may be weeks
    ahead, as a past clause's dates may), "ending" ("the year ending June 30": passed or to
    come, whatever the clause's tense: the nearest), or None."""
    m = _PERIOD_END_BEFORE.search(ctx.text, max(0, start - 40), start)
    if m is None:
        return None
    word = m.group(1).lower()
    return word if word in ("ended", "ending") else "to"


_SENTENCE_END = compile_re(r"[.!?][\"”’']?\s")
_YEAR_REACH = 200
# (a clause after ", and", ", but" or ";" opens as a sentence does: "In 2019, the dam burst in
# March, and in 2021 it burst again in June")
_OPENING_BREAK = compile_re(r"[.!?][\"”’']?\s+|\n\s*|^\s*|,\s+(?:and|but)\s+|;\s+")


_WHEN_AFTER = compile_re(r"(?i),[ \t\u00a0]+when(?![\p{L}])")
_YEAR_WRITTEN = compile_re(r"(?<![\d.,])\d{4}$")


def year_named_before(
    ctx: Ctx,
    start: int,
    units: tuple[str, ...] = ("year", "season", "month", "day"),
    this_week: bool = False,
) -> int | None:
    """The year named earlier in the sentence of a past clause ("In 2008, the store opened on
    March 3", "Last year, rain fell on Thanksgiving", "Last summer, … in August", "In March
    2019, the mill closed, and in June …"), when it is not the reference's; with ``units``
    ("week"), the year of a week or month so named that does not hold the reference ("Last
    week, the river peaked at 4 p.m.", "In March, …" in May); with
    ``this_week``, also of the reference's week after its first day ("This week, the river
    peaked at 4 p.m.": a day of it gone, which one not known)."""
    prev = ctx.previous
    if (
        prev is None
        or ctx.ref is None
        or prev.compared
        or (
            prev.first.year == ctx.ref.year
            and (
                prev.unit in ("year", "season")
                or (prev.unit == "month" and prev.first.month == ctx.ref.month)
                or (
                    prev.unit == "week"
                    and 0 <= (ctx.ref - prev.first).days < 7
                    and not (this_week and (ctx.ref - prev.first).days > 0)
                )
            )
        )
        or prev.end < 0
        or prev.end > start
        or start - prev.end > _YEAR_REACH
        or _SENTENCE_END.search(ctx.text, prev.end, start)
        # a month or day tells the year of a month, season or day after it only with its
        # year written, not the reference's ("In March 2019, …", "On March 3, 2019, …", not
        # "She led in October, … in January", nor "In March, … in June" in May), or taken
        # from a date opening the sentence; for a clock time ("week" in ``units``) any month
        # gone does
        or (
            prev.unit in ("month", "day")
            and "week" not in units
            and not prev.opening
            and (
                prev.first.year == ctx.ref.year
                or not _YEAR_WRITTEN.search(ctx.text, max(0, prev.end - 4), prev.end)
            )
        )
        or ctx.tense != "past"  # (read last: the clause's tense is the costly test)
    ):
        return None
    if (
        _WHEN_AFTER.match(ctx.text, prev.end)
        and _YEAR_WRITTEN.search(ctx.text, max(0, prev.end - 4), prev.end)
        and "," not in ctx.text[prev.end + 1 : start]
    ):
        # "the worst since December 2010, when the port closed the week before Christmas":
        # the clause tells of the year written ("in October, when …" names none)
        return prev.first.year
    if (
        prev.unit not in units
        or prev.value.endswith("-WI")  # (a winter runs into the next year)
        or not ctx.text.startswith((",", " "), prev.end)
        # "Since 2020, the fair has opened on March 3": the start of a span, no event's year
        or _SINCE_BEFORE.search(ctx.text, max(0, prev.start - 12), prev.start)
    ):
        return None
    # ("In 2019 the vote was held in November": the comma may be left out)
    opens = prev.opening or opens_sentence(ctx.text, prev.start, prev.end)
    return prev.first.year if opens else None


_SINCE_BEFORE = compile_re(r"(?i)(?<![\p{L}])since[ \t\u00a0]+$")


def opens_sentence(text: str, start: int, end: int) -> bool:
    """The date at ``text[start:end]`` opens its sentence or a clause after ", and" ("In
    2008,", "Last year,"), not a phrase inside it ("a program approved in 1987 that …"): four
    words at most up to its end, a date of more than two words counted as two ("In the summer
    of 2012", not "The dam, repaired last summer")."""
    window = text[max(0, start - 40) : start]
    breaks = [b.end() for b in _OPENING_BREAK.finditer(window)]
    if not breaks and start > 40:
        return False
    opening = window[breaks[-1] :] if breaks else window
    return len(WORDS.findall(opening)) + min(2, len(WORDS.findall(text, start, end))) <= 4


def period_opens_ahead(ctx: Ctx, start: int) -> bool:
    """A week, month, quarter, season or year not yet over opens the sentence of a future clause
    ("This week, the ferry will leave at 9 a.m.", "Next month, trains will depart at …"):
    a day of it, which one not known."""
    prev = ctx.previous
    if (
        prev is None
        or ctx.ref is None
        or prev.unit not in ("week", "weekend", "month", "quarter", "season", "year")
        or prev.end < 0
        or prev.end > start
        or start - prev.end > _YEAR_REACH
        or not ctx.text.startswith(",", prev.end)
        or _SENTENCE_END.search(ctx.text, prev.end, start)
        or ctx.tense != "future"  # (read last: the clause's tense is the costly test)
    ):
        return False
    span = cal.value_range(prev.value)
    return (
        span is not None and span[1] >= ctx.ref and opens_sentence(ctx.text, prev.start, prev.end)
    )


def month_day_year(mo: int, d: int, ctx: Ctx, start: int | None = None) -> dt.date | None:
    assert ctx.ref is not None
    cands = []
    for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1):
        try:
            cands.append(dt.date(y, mo, d))
        except ValueError:
            continue
    if not cands:
        return None
    end = ends_period(ctx, start) if start is not None else None
    if end == "ending":
        return pick(cands, ctx.ref, None)
    if end is not None:
        return pick(cands, ctx.ref, "past", slack=0 if end == "ended" else MONTH_DAY_SLACK)
    # a day within the slack of the reference is picked whatever the tense ("present" picks
    # as "future" does): then the costly tense is not read
    picks = {
        pick(cands, ctx.ref, tense, slack=MONTH_DAY_SLACK) for tense in ("past", "future", None)
    }
    if len(picks) == 1:
        return picks.pop()
    return pick(cands, ctx.ref, ctx.tense, slack=MONTH_DAY_SLACK)


def weekday_date(ctx: Ctx, wd: int, modifier: str = "") -> dt.date | None:
    if ctx.ref is None:
        return None
    ref = ctx.ref
    today = ref.isoweekday()
    if modifier == "this":
        return ref + dt.timedelta(days=wd - today)
    if modifier in ("next", "coming", "this coming"):
        return ref + dt.timedelta(days=(wd - today) % 7 or 7)
    if modifier in ("last", "this past"):
        return ref - dt.timedelta(days=(today - wd) % 7 or 7)
    if wd == today and not (ctx.sentence_day is not None and ctx.sentence_day > ref):
        # "Schools are closed Friday", "the council will vote on Friday" in a Friday story:
        # that day, as news on the web names the day it is published (a week on is "next
        # Friday"); but not after a day ahead in its sentence ("will open on Wednesday and
        # run through Friday": the Friday after). A past clause (no days back) or none names
        # it too, so the tense is not read.
        return ref
    if ctx.tense in ("future", "present"):
        return ref + dt.timedelta(days=(wd - today) % 7 or 7)
    if ctx.tense == "past":
        return ref - dt.timedelta(days=(today - wd) % 7)
    back = (today - wd) % 7
    return ref - dt.timedelta(days=back)


# --------------------------------------------------------------------------- handlers


def current_quarter(ref: dt.date) -> tuple[int, int]:
    return ref.year, (ref.month - 1) // 3 + 1


def shift_quarter(value: str, quarters: int) -> str:
    y, q = int(value[:4]), int(value[-1])
    total = y * 4 + q - 1 + quarters
    return cal.quarter(total // 4, total % 4 + 1)


def shift_period(value: str, years: int) -> str:
    return f"{int(value[:4]) + years:04d}{value[4:]}"


def shift_by(base: dt.date, n: int, unit: str) -> str | None:
    try:
        if unit in ("day", "night"):
            return cal.day(base + dt.timedelta(days=n))
        if unit in ("week", "fortnight"):
            return cal.week(base + dt.timedelta(days=7 * n * (2 if unit == "fortnight" else 1)))
        if unit == "weekend":
            return cal.week(base + dt.timedelta(days=7 * n), weekend=True)
        if unit == "month":
            return cal.month(*cal.shift_months(base.year, base.month, n))
        if unit == "quarter":
            y, q = base.year, (base.month - 1) // 3 + 1
            return shift_quarter(cal.quarter(y, q), n)
        if unit == "year":
            return cal.year(base.year + n)
        if unit == "decade":
            return cal.decade(base.year + 10 * n)
        if unit == "century":
            return cal.century(base.year + 100 * n)
    except (ValueError, OverflowError):
        return None
    return None


def prior_for(ctx: Ctx, unit: str) -> tuple[Prior | None, str]:
    """The last date mentioned that is fine enough for counting in ``unit``s, and its anchor
    name; ("ref" when there is none)."""
    if unit in ("day", "night", "week", "fortnight", "weekend"):
        if ctx.previous_day is not None:
            return ctx.previous_day, "previous-day"
    elif ctx.previous is not None:
        if unit == "month" and ctx.previous.unit in _YEAR_COARSE:
            # "… by early next year. Wages rose from the previous month": a year has no
            # month to count from
            return None, "ref"
        return ctx.previous, "previous"
    return None, "ref"


_YEAR_COARSE = frozenset({"year", "decade", "century"})


_WORD_AFTER = compile_re(r"[ \t\u00a0]+[\p{L}\p{N}$]")
_CLAUSE_WORD_AFTER = compile_re(r"[ \t\u00a0]+(?:that|then|and|but)\b")


def followed_by_word(ctx: Ctx, pos: int) -> bool:
    tail = ctx.text[pos : pos + 3]
    return _WORD_AFTER.match(tail) is not None and not _CLAUSE_WORD_AFTER.match(
        ctx.text[pos : pos + 7]
    )
