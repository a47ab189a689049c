"""The stage itself: walk the text in order, resolve each candidate, keep the discourse.

The discourse is what the text has said so far: the last date and the last day mentioned
("two days later", "the next day", "that year"), the last quarter or month reported ("the
year-earlier quarter", "a year ago" in an earnings report), the day each direct quote was
spoken ("yesterday" inside a quote said on Monday is Sunday). It lives in one call; nothing
is kept between calls.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
from collections.abc import Callable, Sequence

import attrs
import regex

from ..lexicons import Lexicon, lexicon_for
from ..patterns import compile_re, in_place
from ..records import DateMention, Quote, Sentence
from ..text import check_text, parse_published
from . import calendar as cal
from .context import clause_tense, headline_end, headline_tense
from .core import Cand, Ctx, Prior, Reading, month_in, opens_sentence, weekday_in
from .grammar import TriggerFinder, compile_grammar, simple_folds
from .named import SPAN_END, month_after_that, span_end_year, writes_day_first
from .propername import in_name
from .resolve import HANDLERS

_QUOTE_MARKS = '"“”«»„'
_DAY_UNITS = frozenset({"day"})
# units of a date later ones count from ("the next day", "a year earlier")
_PRIOR_UNITS = frozenset({"day", "week", "weekend", "month", "quarter", "half", "season", "year"})
_PERIOD_UNITS = frozenset({"month", "quarter", "half"})

# "a year ago", "a year earlier", "year-ago": a comparison, not a new point to count from
_YEAR_BACK = compile_re(
    r"(?:an?|one)\s+year\s+(?:ago|earlier)|year(?:[-‐]| [-‐] )(?:ago|earlier)", regex.I
)

# "fell to 4.1% in October from 4.3% in September", "rose 0.8% in November from October":
# the period compared with, after "from" and an amount, or right after "from"
_FROM_AMOUNT_IN_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])from[ \t\u00a0]+(?:(?:about[ \t\u00a0]+|nearly[ \t\u00a0]+)?[$€£¥]?\d[\d.,]*"
    r"(?:[ \t\u00a0]*(?:%|percent|per[ \t\u00a0]cent|billion|million|trillion|points?))?"
    r"[ \t\u00a0]+in[ \t\u00a0]+)?$"
)


def _compared_from(text: str, mention: DateMention, state: _Discourse, sent: Sentence) -> bool:
    """Whether ``mention`` is the period a figure is compared with after "from" ("rose to
    4.1% in October from 4.3% in September", "rose in November from October"), the period
    reported named before it in its sentence in the same unit, or a day counted back right
    after "from" and a figure ("rose to $1.12 from $1.11 the day before"): it does not become
    the date later ones count from."""
    if mention.anchor == "previous-date" and cal.granularity(mention.value) == "day":
        return (
            _FROM_AMOUNT_BEFORE.search(text, max(0, mention.start - 48), mention.start) is not None
        )
    prior = state.previous
    return (
        prior is not None
        and sent.start <= prior.end <= mention.start
        and mention.value is not None
        and prior.unit == cal.granularity(mention.value)
        and prior.unit in ("month", "quarter", "half", "year")
        and _FROM_AMOUNT_IN_BEFORE.search(text, max(0, mention.start - 40), mention.start)
        is not None
    )


_FROM_AMOUNT_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])from[ \t\u00a0]+[$€£¥]?\d[\d.,]*(?:[ \t\u00a0]*%)?(?:[ \t\u00a0]+\p{Ll}+){0,2}"
    r"[ \t\u00a0]+$"
)
_FISCAL_YEAR = compile_re(r"(?i)(?:the[ \t\u00a0]+)?(?:fiscal|financial[ \t\u00a0]+year|FY)")
_YEAR_VALUE = compile_re(r"\d{4}")
# "the year-ago quarter", "the prior-year period": compared with, never the one reported
_COMPARED_PERIOD = compile_re(
    r"(?i)\b(?:year|twelve|12)(?:[-‐ ]| [-‐] )(?:ago|earlier)\b|\bprior(?:[-‐ ]| [-‐] )year\b"
)
_FISCAL_QUARTER = compile_re(r"(?i)\bfiscal\b[^,.;]{0,30}\b(?:quarter|half)\b")

_WEEKDAY_NAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_WEEKDAY_NAMED = compile_re(rf"(?<![\p{{L}}])({_WEEKDAY_NAME})(?![\p{{L}}])")
# "next Tuesday", "the following Tuesday": another week than the story's; "Super Tuesday": a name
_WEEK_WORD_OR_NAME = compile_re(
    r"(?i)(?<![\p{L}])(?:next|last|this|coming|following|previous|past|that)(?![\p{L}])"
    r"|(?-i:\p{Lu})"
)
# "the first nine months", "the latest six months", "the first 10 months": a span of the year
# reported so far
_MONTHS_TO_DATE = compile_re(
    r"(?i)the[ \t\u00a0]+(?:(?:(?:first|latest|past|last)[ \t\u00a0]+)?(?:six|nine|6|9)"
    r"|first[ \t\u00a0]+(?:two|three|four|five|seven|eight|ten|eleven|[2-578]|1[01]))"
    r"[ \t\u00a0]+months"
)
_FIRST_WORD = compile_re(r"(?i)the[ \t\u00a0]+first(?![\p{L}])")
# "After a flat second quarter, Kimberly posted a gain", "rose 2.5%, after growing 3.3% in the
# fourth quarter": a period before the one reported (a verb of change, not "after reporting")
_AFTER_A_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:after|following)[ \t\u00a0]+(?:an?[ \t\u00a0]+(?:\p{L}+[ \t\u00a0]+){0,2}"
    r"|(?:grow|ris|fall|shrink|contract|expand|gain|declin|dropp|slow|jump|climb|slid|sink"
    r"|increas|decreas|surg|stall|plung|slump)ing[ \t\u00a0]+(?:[^\s,;]+[ \t\u00a0]+){0,5}?"
    r"(?:in|during)[ \t\u00a0]+)$"
)
# "…, the sheriff said Monday", "told reporters on Tuesday": the day of an attribution
_TOLD_ON = compile_re(
    r"(?i)(?<![\p{L}])(?:said|says|told(?:[ \t\u00a0]+\p{L}+){0,2}|announced|reported"
    r"|confirmed|added)[ \t\u00a0]+(?:on[ \t\u00a0]+)?$"
)
# "Police said Tuesday the blaze started at 3 a.m.": a verb of speech, whose clause may tell
# of a day named in the sentence before (not "announced on Friday the arrest of a man")
_SAID_ON = compile_re(
    r"(?i)(?<![\p{L}])(?:said|says|told(?:[ \t\u00a0]+\p{L}+){0,2})[ \t\u00a0]+(?:on[ \t\u00a0]+)?$"
)
# an appeal to witnesses, whose words after it tell of the events: "asked anyone in the area",
# "appealed for witnesses who were near the station", "drivers travelling on the road" (up to
# the clock time, with no sentence break nor an infinitive between: "asked anyone who saw it
# to call before 5 p.m." is a deadline)
_WITNESSES_SOUGHT = compile_re(
    r"(?i)(?<![\p{L}])(?:anyone|anybody|witnesses|motorists|drivers|people|residents)"
    r"[ \t\u00a0]+(?:who|that|in|near|on|at|travelling|traveling|driving|walking)(?![\p{L}])"
    r"(?:[^.;!?\"“”]|\.(?![ \t\u00a0]*(?-i:\p{Lu})))*$"
)
# a witness's past in an appeal ("anyone who was in the area", "drivers who saw")
_SEEN = compile_re(r"(?i)(?<![\p{L}])(?:was|were|saw|seen|noticed|heard)(?![\p{L}])")
_INFINITIVE = compile_re(r"(?<![\p{L}])to[ \t\u00a0]+(?!the|an?|his|her|their|its)\p{Ll}+")
_MONTHS_OF_YEAR = frozenset(f"P{n}M" for n in range(2, 12))
_FULL_YEAR = compile_re(
    r"(?i)(?:the[ \t\u00a0]+)?full(?:[ \t\u00a0]|[ \t\u00a0]?[-‐][ \t\u00a0]?)year"
)
# "For the whole of 2025, the economy grew 1.1%": a year reported whole; "has delivered 240
# jets so far this year, against 198 in the same period last year": a year to date
_WHOLE_OF_BEFORE = compile_re(
    r"(?i)(?<![\p{L}])(?:(?:the[ \t\u00a0]+whole|all)[ \t\u00a0]+of|so[ \t\u00a0]+far"
    r"(?:[ \t\u00a0]+in)?)[ \t\u00a0]+$"
)
# "the three months to", "the six months ended": a length of months up to a date
_MONTHS_LENGTH = compile_re(r"(?i)the[ \t\u00a0]+(?:three|six|3|6)[ \t\u00a0]+months")
_MONTHS_TO = compile_re(
    r"(?i)[ \t\u00a0]+(?:to|ended|ending|through)[ \t\u00a0]+(?:on[ \t\u00a0]+)?"
)
# A timeline or a year in review, told in the historical present ("Here is how 2024 unfolded.
# January: shares soar", "August 2022 - Troops cross the river. By mid-September they have
# retaken the city"): an entry's month opens a line or sentence before a colon or a dash
_ENTRY_AFTER = compile_re(r"[ \t\u00a0]*(?::|[-–—][ \t\u00a0])")
_LINE_OPEN_BEFORE = compile_re(r"(?:^|\n)[ \t\u00a0]*$")
_ENTRY_OPEN_BEFORE = compile_re(r"(?:^|[.!?][\"”’']?[ \t\u00a0]+|\n[ \t\u00a0]*)$")
_MONTH_VALUE = compile_re(r"(\d{4})-(\d\d)")
_GONE_FROM_BEFORE = compile_re(r"(?i)(?<![\p{L}])(?:since|from)[ \t\u00a0]+$")
_PERIOD_REACH = 8  # sentences a reported quarter or month stays the one compared with
_CLOCK_DAY_REACH = 3  # sentences the last day named stays the day of a clock time in a past clause


@attrs.define
class _Discourse:
    """What the text has said so far (local to one call)."""

    previous: Prior | None = None
    previous_sentence: int = -1  # the sentence of previous
    previous_day: Prior | None = None
    quarter: str | None = None
    period: tuple[str, int] | None = None
    # the year of "the first nine months", or a period still to end: compared with in its
    # own sentence only
    months_to_date: tuple[str, int] | None = None
    sentence: int = -1
    sentence_day: dt.date | None = None
    day_sentence: int = -1  # the sentence of previous_day
    past_day: Prior | None = None  # the last day named not after the reference
    past_day_sentence: int = -1
    ahead_day: Prior | None = None  # the last day named after the reference
    ahead_day_sentence: int = -1
    # the day of the events as the sentence opens: the last day named in the sentence before
    opening_day: Prior | None = None
    # the first day each weekday named so far was read as (outside quotes)
    weekdays: dict[int, dt.date] = attrs.field(factory=dict)
    # the month each month named so far ahead of the reference was read as (outside quotes)
    months_ahead: dict[int, str] = attrs.field(factory=dict)
    # the year last written (year, month or 0) and, after a timeline's heading or entry
    # ("August 2022 -", "January:"), the end of its paragraph
    written: tuple[int, int, int] | None = None

    def timeline(self, text: str, mention: DateMention, lex: Lexicon) -> DateMention:
        """A bare month of a timeline: an entry ("January:") takes the year last written, a
        month in the paragraph of a heading or an entry ("August 2022 - … By mid-September")
        the nearest to the heading's; a year written ends the timeline's year."""
        value = mention.value or ""
        month = _MONTH_VALUE.fullmatch(value)
        if mention.anchor == "absolute" and (month is not None or _YEAR_VALUE.fullmatch(value)):
            entry = _LINE_OPEN_BEFORE.search(
                text, max(0, mention.start - 8), mention.start
            ) and _ENTRY_AFTER.match(text, mention.end)
            self.written = (
                int(value[:4]),
                int(month.group(2)) if month else 0,
                _paragraph_end(text, mention.end) if entry else -1,
            )
            return mention
        if (
            self.written is None
            or month is None
            or mention.anchor in ("absolute", "speech")
            or any(c.isdigit() for c in mention.text)
            or month_in(mention.text, lex) is None  # "last month": counted, not named
        ):
            return mention
        year, heading_month, paragraph_end = self.written
        anchor_date = dt.date(year, heading_month or 1, 1)
        mo = int(month.group(2))
        if _ENTRY_OPEN_BEFORE.search(
            text, max(0, mention.start - 8), mention.start
        ) and _ENTRY_AFTER.match(text, mention.end):
            self.written = (year, mo, _paragraph_end(text, mention.end))
        elif mention.start < paragraph_end and heading_month:
            heading = dt.date(year, heading_month, 15)
            days = [dt.date(y, mo, 15) for y in (year - 1, year, year + 1) if 0 < y < 10_000]
            year = min(days, key=lambda d: abs(d - heading)).year
        else:
            return mention
        if year == int(month.group(1)):
            return mention
        first, last = cal.value_range(cal.month(year, mo)) or (None, None)
        return attrs.evolve(
            mention,
            value=cal.month(year, mo),
            first_day=first,
            last_day=last,
            anchor="previous-date",
            anchor_date=anchor_date,
        )

    def note_weekday(self, mention: DateMention, ref: dt.date | None, lex: Lexicon) -> None:
        """Keep the day a weekday is first read as ("on Tuesday", "Wednesday night",
        "Thursday, Jan. 6"), unless a word before it names another week ("next Tuesday") or
        a name holds it ("Super Tuesday"). The same weekday a week after the reference is
        not kept: a bare weekday of the day of publication is that day far more often than
        the week after, and a first reading that says otherwise is the weaker one."""
        day = mention.first_day
        if day is None or day != mention.last_day or mention.anchor == "speech":
            return
        if ref is not None and day - ref >= dt.timedelta(days=7):
            return
        named = _WEEKDAY_NAMED.search(mention.text)
        if named is None or _WEEK_WORD_OR_NAME.search(mention.text, 0, named.start()):
            return
        wd = day.isoweekday()
        if int(lex.temporal["weekday"][named.group(1).lower()]) == wd:
            self.weekdays.setdefault(wd, day)

    def same_weekday(self, mention: DateMention, ref: dt.date, ctx: Ctx) -> dt.date | None:
        """A bare weekday named again ("During Tuesday's arguments" after "on Tuesday"): the
        day the story already gave it, unless the clause's tense (read from ``ctx`` only then,
        as it is costly) points the other way (a future clause after a past Tuesday, a past
        one after a coming Tuesday)."""
        named = _WEEKDAY_NAMED.fullmatch(mention.text)
        day = mention.first_day
        if named is None or day is None or mention.anchor == "speech":
            return None
        first = self.weekdays.get(int(ctx.lex.temporal["weekday"][named.group(1).lower()]))
        if first is None or first == day:
            return None
        if (first < ref and ctx.tense in ("future", "present")) or (
            first > ref and ctx.tense == "past"
        ):
            return None
        return first

    def note_month(self, mention: DateMention, ref: dt.date) -> None:
        """Keep the month a bare month named ahead of the reference is first read as ("will
        face Hale in November" in March)."""
        month = _MONTH_VALUE.fullmatch(mention.value or "")
        if (
            month is not None
            and mention.anchor == "published"
            and not _WEEK_WORD_OR_NAME.search(mention.text.lower())
            and (int(month.group(1)), int(month.group(2))) > (ref.year, ref.month)
        ):
            self.months_ahead.setdefault(int(month.group(2)), mention.value or "")

    def same_month(self, mention: DateMention, ref: dt.date, ctx: Ctx) -> str | None:
        """A bare month named again in a clause with no tense word ("not a winning path going
        into November"), read as one gone: the month ahead the story gave it before, not the
        nearest one (not after "since" or "from": "up 12 points since November"). The tense,
        costly when no handler has read it yet, is read from ``ctx`` after the cheap tests."""
        month = _MONTH_VALUE.fullmatch(mention.value or "")
        if (
            month is None
            or mention.anchor != "published"
            or (int(month.group(1)), int(month.group(2))) >= (ref.year, ref.month)
            or ctx.tense is not None
            or _WEEK_WORD_OR_NAME.search(mention.text.lower())
            or _GONE_FROM_BEFORE.search(ctx.text, max(0, mention.start - 8), mention.start)
        ):
            return None
        return self.months_ahead.get(int(month.group(2)))

    def note(
        self,
        mention: DateMention,
        sentence: int,
        ref: dt.date | None,
        text: str | None = None,
    ) -> None:
        """Keep what ``mention`` tells later ones. With ``text``, the words before the mention
        count too (each read only where it matters): a period named as a contrast ("after a
        flat second quarter", ``_AFTER_A_BEFORE``) is not the one the story reports; the day an
        attribution names ("…, the sheriff said Monday", ``_TOLD_ON``), after another day in
        its sentence (the day of the events told), or after an earlier day named in the sentence
        before when it follows a verb of speech (``_SAID_ON``), is not the day later clock
        times fall on, nor, after any date of its sentence, the date later ones count from;
        a year after "the whole of" or "all of" is reported whole, or after "so far", to date
        (``_WHOLE_OF_BEFORE``)."""
        if (
            mention.type == "DATE"
            and mention.first_day is None
            and _FISCAL_YEAR.match(mention.text)
        ):
            # "in fiscal 2009, … the previous year": the year a fiscal year is named by counts
            # (its months are the company's, so it has no calendar range of its own)
            if mention.value is not None and _YEAR_VALUE.fullmatch(mention.value):
                year = int(mention.value)
                self.previous = Prior(
                    value=mention.value,
                    first=dt.date(year, 1, 1),
                    unit="year",
                    end=mention.end,
                    start=mention.start,
                )
                self.previous_sentence = sentence
            return
        if (
            mention.type == "DURATION"
            and ref is not None
            and _MONTHS_TO_DATE.fullmatch(mention.text)
            and mention.value in _MONTHS_OF_YEAR
        ):
            # "In the first nine months, net was $3 million, against $2 million a year
            # earlier": months of the year reported, so the period compared is a year
            # (in its own sentence only: the next one may be back on the quarter); the
            # first six or three months are the year's first half or quarter
            year = int(self.quarter[:4]) if self.quarter else ref.year
            first = _FIRST_WORD.match(mention.text) is not None
            if first and mention.value == "P6M":
                self.months_to_date = (f"{year:04d}-H1", sentence)
            elif first and mention.value == "P3M":
                self.months_to_date = (cal.quarter(year, 1), sentence)
            else:
                self.months_to_date = (cal.year(year), sentence)
            return
        if (
            mention.value is not None
            and _FULL_YEAR.fullmatch(mention.text)
            and _YEAR_VALUE.fullmatch(mention.value)
        ):
            # "For the full year, it earned $140 million, against $96 million the year
            # before": the year reported is the period compared with (in its own sentence)
            self.months_to_date = (mention.value, sentence)
        elif (
            mention.value is not None
            and _YEAR_VALUE.fullmatch(mention.value)
            and _before(text, mention.start, _WHOLE_OF_BEFORE, 16)
        ):
            # "For the whole of 2025, the economy grew 1.1%, up from 0.9% a year earlier":
            # the year is the period compared with, as "the full year" is
            self.months_to_date = (mention.value, sentence)
        if mention.type not in ("DATE", "TIME") or mention.first_day is None:
            return
        derived = mention.anchor == "previous-date"  # "a year earlier": not a new period
        unit = cal.granularity(mention.value.split("T")[0] if mention.value else None)
        if unit is None or mention.value is None:
            return
        compared = _YEAR_BACK.fullmatch(mention.text) is not None
        last = self.previous
        prior = Prior(
            value=mention.value,
            first=mention.first_day,
            unit=unit,
            compared=compared,
            end=mention.end,
            start=mention.start,
            # "In 2019, the mill closed in March and burned at Christmas": March took the
            # year opening the sentence, and passes it on
            opening=derived
            and text is not None
            and last is not None
            and self.previous_sentence == sentence
            and last.first.year == mention.first_day.year
            and (last.opening or opens_sentence(text, last.start, last.end)),
        )
        # "Skyvance delivered 510 jets in 2010, the company said on Monday. Orders rose from
        # 271 a year earlier": the day of the saying is not a date the figures count from
        told = (
            unit in _DAY_UNITS
            and self.previous_sentence == sentence
            and _before(text, mention.start, _TOLD_ON, 40)
        )
        if unit in _PRIOR_UNITS and not told:
            self.previous, self.previous_sentence = prior, sentence
        if unit in _DAY_UNITS and not (
            self.previous_day is not None
            and (
                self.day_sentence == sentence
                or (
                    sentence - self.day_sentence == 1
                    and self.previous_day.first < mention.first_day
                    and _before(text, mention.start, _SAID_ON, 40)
                )
            )
            and _before(text, mention.start, _TOLD_ON, 40)
        ):
            self.previous_day, self.day_sentence = prior, sentence
            self.sentence_day = mention.first_day
            if ref is None or mention.first_day <= ref:
                self.past_day, self.past_day_sentence = prior, sentence
            else:
                self.ahead_day, self.ahead_day_sentence = prior, sentence
        if derived and mention.value == self.quarter:
            self.period = (mention.value, sentence)  # "the latest quarter": the same one again
            return
        if (
            derived
            or _before(text, mention.start, _AFTER_A_BEFORE, 60)
            or _COMPARED_PERIOD.search(mention.text)
        ):
            return  # "the year-ago quarter": a period compared with, not the one reported
        if unit == "month" and _before(text, mention.start, _GONE_FROM_BEFORE, 20):
            return  # "the coldest stretch since late January": where a span starts, no report
        if (
            ref is not None
            and mention.last_day is not None
            and mention.last_day > ref
            and not _FISCAL_QUARTER.search(mention.text)
        ):
            # a reported period is past; a fiscal quarter's calendar is the company's own
            # ("its fiscal first quarter, which ended on December 26"). One still to end is
            # the period compared with in its own sentence only ("expects first-half profit
            # to be 30% lower than a year earlier": the first half a year back)
            if unit in _PERIOD_UNITS:
                self.months_to_date = (mention.value, sentence)
            return
        if unit == "quarter":
            self.quarter = mention.value
        if unit in _PERIOD_UNITS:
            self.period = (mention.value, sentence)

    def note_months_to(
        self, text: str, length: DateMention, end: DateMention, sentence: int
    ) -> None:
        """ "the three months to December 31", "the six months ended June 30": a length of
        months up to the end of a calendar quarter or half is that quarter or half, the period
        reported ("the prior-year period", "a year earlier" count from it, not from the month
        named)."""
        if (
            length.type != "DURATION"
            or length.value not in ("P3M", "P6M")
            or end.last_day is None
            or not _MONTHS_LENGTH.fullmatch(length.text)
            or not _MONTHS_TO.fullmatch(text, length.end, end.start)
        ):
            return
        y, mo = end.last_day.year, end.last_day.month
        if length.value == "P3M" and mo % 3 == 0:
            self.quarter = cal.quarter(y, mo // 3)
            self.period = (self.quarter, sentence)
        elif length.value == "P6M" and mo in (6, 12):
            # (the half, not the year "the six months" alone is read as)
            self.period, self.months_to_date = (f"{y:04d}-H{mo // 6}", sentence), None


def find_dates(
    text: str,
    *,
    sentences: Sequence[Sentence] | None = None,
    quotes: Sequence[Quote] | None = None,
    published: dt.date | dt.datetime | str | None = None,
    anchor: str = "published",
    lang: str = "en",
    lexicon: Lexicon | None = None,
) -> tuple[DateMention, ...]:
    """The date stage itself: :func:`newsstruct.dates.find_dates` documents it."""
    check_text(text)
    ref = parse_published(published)
    lex = lexicon_for(lexicon, lang)
    if ref is None and sentences is None:
        # called alone: the dateline's date, else a timestamp line's, as structure() finds them
        from .reference import text_reference

        found_ref, found_anchor = text_reference(text, lex)
        if found_ref is not None:
            ref, anchor = found_ref, found_anchor
    if sentences is None:
        from ..segment import split_sentences

        sentences = split_sentences(text, lang=lang, lexicon=lex)
    cands = _candidates(text, sentences, lex)
    if not cands:
        return ()
    day_first = functools.cache(functools.partial(writes_day_first, text))  # read once, if asked
    speech = _SpeechDates.empty()
    if ref is not None and any(c in text for c in _QUOTE_MARKS):
        if quotes is None:
            from ..quotes import find_quotes

            quotes = find_quotes(text, sentences=sentences, lexicon=lex)
        speech = _SpeechDates.build(text, quotes, sentences, cands, ref, anchor, lex, day_first)
    state = _Discourse()
    chains = _time_chains(cands)
    headline = headline_end(text)
    # the lead: the first two sentences after the headline (a date line may come first)
    leads = [(s.start, s.end) for s in sentences if headline and s.start >= headline][:2]
    found: list[DateMention] = []
    taken = 0  # the end of the last second day of a pair ("April 24 and 25")
    for idx, (i, kind, m) in enumerate(cands):
        if m.start() < taken:
            continue
        if i != state.sentence:
            state.sentence, state.sentence_day = i, None
            state.opening_day = state.previous_day if state.day_sentence == i - 1 else None
        sent = sentences[i]
        lo, hi, mref, mref_name = sent.start, sent.end, ref, anchor
        piece = speech.piece_at(m.start())
        if piece is not None:
            lo, hi = max(lo, piece[0]), min(hi, piece[1])
            if piece[2] is not None and (
                piece[3] or (kind == "relunit" and _YEAR_OR_MONTH_REL.fullmatch(m.group()))
            ):
                # a quote said in a month ("…next year,' Orr said in December") dates its
                # years and months, not its days
                mref, mref_name = piece[2], "speech"
            elif (
                piece[2] is not None
                and ref is not None
                and (piece[2].year, piece[2].month) != (ref.year, ref.month)
                and (
                    kind in _SPEECH_KINDS or (kind == "relunit" and _WEEK_REL.fullmatch(m.group()))
                )
            ):
                # "'We meet again next week,' Orr said in January" in March: a day or week of
                # a month gone (or ahead), which one not known
                mref = None
        period = state.period[0] if state.period and i - state.period[1] <= _PERIOD_REACH else None
        if state.months_to_date is not None and state.months_to_date[1] == i:
            period = state.months_to_date[0]
        ctx = Ctx(
            text=text,
            lex=lex,
            ref=mref,
            tense=_tense_reader(text, lo, hi, m.start(), m.end(), lex, headline, leads),
            previous=state.previous,
            previous_day=state.previous_day,
            past_day=state.past_day,
            period=period,
            quarter=state.quarter,
            sentence_day=state.sentence_day,
            day_first=day_first,
        )
        if kind in ("time", "pod_day") and state.sentence_day is not None:
            # "at 5 a.m. on Friday, and until midnight on Christmas Eve": the day right after
            # the clock time, not the one named before it in the sentence
            after = _day_just_after(cands, chains, idx, ctx)
            if after is not None:
                ctx = attrs.evolve(ctx, sentence_day=after)
            elif (
                state.opening_day is not None
                and state.opening_day.first < state.sentence_day
                and (
                    cue := _WITNESSES_SOUGHT.search(
                        text, max(state.opening_day.end, m.start() - 120), m.start()
                    )
                )
                and cue.start() > (state.previous_day.end if state.previous_day else 0)
                and not _INFINITIVE.search(text, cue.start(), m.start())
                and weekday_in(text[m.end() : m.end() + 40], lex) is None
            ):
                # "attacked on Saturday night. Police released images on Monday and asked
                # anyone in the area between 11 p.m. and midnight": the hours of the events,
                # not of the appeal (unless a day follows them: "… and midnight on Saturday")
                events = state.opening_day
                ctx = attrs.evolve(ctx, sentence_day=None, previous_day=events, past_day=events)
        elif kind in ("time", "pod_day"):
            ctx = attrs.evolve(ctx, sentence_day=_day_just_after(cands, chains, idx, ctx))
            ctx = _clock_days(ctx, state, text, sent, m.start(), i)
        if kind != "holiday" and in_name(text, m.start(), m.end(), sent.start, sent.end):
            continue  # "High Noon", "the Summer Palace": a temporal word inside a name
        if _THOUSANDS_GROUP.match(text, m.start()) and _DIGIT_COMMA_BEFORE.search(
            text, max(0, m.start() - 4), m.start()
        ):
            continue  # "the 1 , 000 - day plan": a tokenizer's thousands, not "000 - day"
        reading = _read(kind, m, ctx)
        if reading is None and kind == "month" and (month := month_after_that(Cand.of(m), ctx)):
            # "noted that March sales rose", "That November vote will decide the race": not
            # the month of a date told before; the month alone, its clause's tense read anew
            tense = _tense_reader(text, lo, hi, month.start(), m.end(), lex, headline, leads)
            ctx = attrs.evolve(ctx, tense=tense)
            reading = _read(kind, month, ctx)
            if reading is not None and reading.start is None:
                reading = attrs.evolve(reading, start=month.start())
        if reading is None:
            continue
        if reading.start is None and reading.type in ("DURATION", "DATE"):
            cut = _ADJECTIVE_THE.match(text, m.start(), m.end())
            if cut is not None and _NOUN_NEXT.match(text, m.end()):
                reading = attrs.evolve(reading, start=cut.end())  # "the [two-year] contract"
        mention = _mention(text, m.start(), m.end(), reading, ctx, mref_name)
        if kind == "weekday" and mref is not None and mref_name != "speech":
            again = state.same_weekday(mention, mref, ctx)
            if again is not None:  # the weekday named again: the day it was given
                reading = attrs.evolve(reading, value=cal.day(again))
                mention = attrs.evolve(
                    _mention(text, m.start(), m.end(), reading, ctx, mref_name),
                    anchor="previous-date",
                    anchor_date=again,
                )
        if kind == "month" and mref is not None and mref_name != "speech":
            ahead = state.same_month(mention, mref, ctx)
            if ahead is not None:  # the month named again: the one ahead the story gave
                reading = attrs.evolve(reading, value=ahead)
                mention = attrs.evolve(
                    _mention(text, m.start(), m.end(), reading, ctx, mref_name),
                    anchor="previous-date",
                    anchor_date=dt.date(int(ahead[:4]), int(ahead[5:7]), 1),
                )
        if mref_name != "speech":
            mention = state.timeline(text, mention, lex)
        second = None
        days: list[tuple[int, int, Reading]] = []  # "Nov. 9, 10 and 11": the days after the first
        if kind == "mdy":
            days = _more_days(text, mention, reading, hi)
            second = days[-1] if days else None
        elif kind == "year":
            second = _second_year(text, mention, reading)
        elif kind == "relunit":
            second = _elided_year(text, mention, reading)
        pair_year = False
        if second is not None and kind == "mdy" and second[2].anchor == "absolute":
            # "May 2 or 3, 2019": the year after the pair is the first day's too
            pair_year = True
            year = (second[2].value or "")[:4]
            first = attrs.evolve(reading, value=year + (mention.value or "")[4:])
            mention = _mention(text, m.start(), m.end(), first, ctx, mref_name)
            mention = attrs.evolve(mention, anchor="absolute", anchor_date=None)
        first_day = _first_day(text, mention, reading, lo) if kind == "dmy" else None
        if first_day is not None:  # "on 14 and 15 March": the first day is a date of its own
            first_mention = _mention(text, first_day[0], first_day[1], first_day[2], ctx, mref_name)
            if found and found[-1].start == first_day[0]:
                found[-1] = first_mention  # "Saturday 5 and Sunday 6 August": not "Saturday" alone
            else:
                found.append(first_mention)
        joined = _joined_duration(text, found[-1], mention) if found else None
        if joined is not None:  # "three hours and 54 minutes": one length
            found[-1] = joined
        else:
            if found:
                start_end = _range_start(text, found[-1], mention)
                if start_end is not None:  # "between January 1 and September 26"
                    found[-1] = start_end
                start_day = _range_start_day(text, found[-1], mention)
                if start_day is not None:  # "between 11 p.m. and midnight on Saturday"
                    found[-1] = start_day
                mention = _range_end(text, found[-1], mention) or mention
            found.append(mention)
        if reading.end is not None and reading.end > m.end():
            taken = reading.end  # "the Fourth of July weekend": one mention, "weekend" in it
        if (reading.dated or pair_year) and not _compared_from(text, mention, state, sent):
            state.note(mention, i, mref, text)
            if len(found) > 1:
                state.note_months_to(text, found[-2], found[-1], i)
        if mref_name != "speech":
            state.note_weekday(mention, mref, lex)
            if kind == "month" and mref is not None:
                state.note_month(mention, mref)
        for day in days[:-1]:
            found.append(_mention(text, day[0], day[1], day[2], ctx, mref_name))
        if second is not None:
            found.append(_mention(text, second[0], second[1], second[2], ctx, mref_name))
            state.note(found[-1], i, mref)
            taken = second[1]
            if kind == "year":  # "the 2011-12 fiscal year": the span's year, not this one
                noun = _SPAN_YEAR_NOUN.match(text, taken)
                taken = noun.end() if noun is not None else taken
    return tuple(_days_before_after(text, _ordinal_days(text, _apposed_days(text, found))))


# "a week later, on August 24", "two days earlier, on March 3": a count set beside the day it
# reaches is that day, at the count's own unit (the last date named may be another one)
_APPOSED_DAY_JOIN = compile_re(r"[ \t\u00a0]?,[ \t\u00a0]+(?:on[ \t\u00a0]+)?")
_COUNTED = compile_re(r"(?i)(?:later|earlier)$")


def _before(text: str | None, pos: int, pattern: regex.Pattern[str], reach: int) -> bool:
    """Whether ``pattern`` matches in the ``reach`` characters of ``text`` before ``pos`` (False
    without a text)."""
    return text is not None and pattern.search(text, max(0, pos - reach), pos) is not None


def _paragraph_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _month_of(d: dt.date) -> str:
    return cal.month(d.year, d.month)


_APPOSED_UNITS: dict[str, Callable[[dt.date], str]] = {
    "day": cal.day,
    "week": cal.week,
    "month": _month_of,
}


# "the Friday before Christmas", "the Monday after Thanksgiving", "the weekend before Easter":
# a weekday (or weekend) set against the day named right after it
_BEFORE_AFTER_JOIN = compile_re(r"(?i)[ \t\u00a0]+(before|after)[ \t\u00a0]+")
_THE_OPENS = compile_re(r"(?i)the[ \t\u00a0]+")


def _days_before_after(text: str, found: list[DateMention]) -> list[DateMention]:
    for i, (a, b) in enumerate(itertools.pairwise(found)):
        join = _BEFORE_AFTER_JOIN.fullmatch(text, a.end, b.start)
        if (
            join is None
            or a.type != "DATE"
            or b.type != "DATE"
            or b.first_day is None
            or b.first_day != b.last_day
        ):
            continue
        unit = cal.granularity(a.value) if a.value else None
        the = a.text[:4].lower() == "the " or _THE_OPENS.fullmatch(
            text, max(0, a.start - 4), a.start
        )
        if not the or unit not in ("day", "weekend"):
            continue  # "Friday before Christmas" without "the" may be its own day
        base = b.first_day
        after = join.group(1).lower() == "after"
        if unit == "day" and a.first_day is not None:
            wd = a.first_day.isoweekday()
            if after:
                step = (wd - base.isoweekday()) % 7 or 7
            else:
                step = -((base.isoweekday() - wd) % 7 or 7)
            moved = _moved(base, step)
            if moved is None:
                continue
            value, first, last = cal.day(moved), moved, moved
        elif unit == "weekend":
            if after:
                saturday = _moved(base, (6 - base.isoweekday()) % 7 or 7)
            else:
                back = (base.isoweekday() - 6) % 7 or 7
                if back == 1:
                    back = 8  # Easter Sunday's own weekend is not before it
                saturday = _moved(base, -back)
            if saturday is None:
                continue
            value = cal.week(saturday, weekend=True)
            span = cal.value_range(value)
            if span is None:
                continue
            first, last = span
        else:
            continue
        if value != a.value:
            found[i] = attrs.evolve(
                a,
                value=value,
                first_day=first,
                last_day=last,
                anchor="sentence-date",
                anchor_date=base,
            )
    return found


def _apposed_days(text: str, found: list[DateMention]) -> list[DateMention]:
    for i, (a, b) in enumerate(itertools.pairwise(found)):
        unit = cal.granularity(a.value)
        if (
            a.type == "DATE"
            and a.anchor == "previous-date"
            and unit in _APPOSED_UNITS
            and _COUNTED.search(a.text)
            and b.type == "DATE"
            and b.first_day is not None
            and b.first_day == b.last_day
            and _APPOSED_DAY_JOIN.fullmatch(text, a.end, b.start)
        ):
            value = _APPOSED_UNITS[unit](b.first_day)
            span = cal.value_range(value)
            if value != a.value and span is not None:
                found[i] = attrs.evolve(
                    a,
                    value=value,
                    first_day=span[0],
                    last_day=span[1],
                    anchor="absolute",
                    anchor_date=None,
                )
    return found


# "searched for a third day on Tuesday", "closed for the fourth straight day Friday": the
# count of days names the day that follows it, not the reference's
_ORDINAL_DAY = compile_re(
    r"(?i)(?<![\p{L}])(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|\p{L}+teenth|\d+(?:st|nd|rd|th))"
    r"(?:[ \t\u00a0]+(?:straight|consecutive|successive))?[ \t\u00a0]+day$"
)
_ORDINAL_DAY_JOIN = compile_re(
    r"[ \t\u00a0]+(?:in[ \t\u00a0]+a[ \t\u00a0]+row[ \t\u00a0]+)?(?:on[ \t\u00a0]+)?"
)


def _ordinal_days(text: str, found: list[DateMention]) -> list[DateMention]:
    for i, (a, b) in enumerate(itertools.pairwise(found)):
        if (
            a.type == "DATE"
            and _ORDINAL_DAY.search(a.text)
            and b.type == "DATE"
            and b.first_day is not None
            and b.first_day == b.last_day
            and b.first_day != a.first_day
            and _ORDINAL_DAY_JOIN.fullmatch(text, a.end, b.start)
        ):
            found[i] = attrs.evolve(
                a,
                value=cal.day(b.first_day),
                first_day=b.first_day,
                last_day=b.first_day,
                anchor="sentence-date",
                anchor_date=b.first_day,
            )
    return found


# Three digits after a digit and a comma a tokenizer spaced out ("1 , 000"): a thousands group.
_THOUSANDS_GROUP = compile_re(r"\d{3}(?!\d)")
_DIGIT_COMMA_BEFORE = compile_re(r"\d[ \t\u00a0]?,[ \t\u00a0]?$")
# A count of one unit: "P3Y", "PT54M" (a whole number, no unspecified amount).
_ONE_UNIT = compile_re(r"P(T?)(\d{1,4})([YMWDHS])")
# The units of a duration, largest first, as (in the time part, letter).
_UNIT_ORDER = (
    (False, "Y"),
    (False, "M"),
    (False, "W"),
    (False, "D"),
    (True, "H"),
    (True, "M"),
    (True, "S"),
)
_AND_BETWEEN = compile_re(r"(?:[ \t\u00a0]?,)?[ \t\u00a0]+and[ \t\u00a0]+")
_CLOCK_LIST_BETWEEN = compile_re(r"[ \t\u00a0]?,[ \t\u00a0]+|[ \t\u00a0]+")
# a duration of one or more units ("P2Y3M", "PT2H0M"): its date part and its time part
_UNITS_VALUE = compile_re(r"P((?:\d{1,4}[YMWD]){0,4})(?:T((?:\d{1,4}[HMS]){1,3}))?")
_UNIT_PART = compile_re(r"(\d{1,4})([YMWDHS])")
# "between January 1 and September 26", "from September to December 2014": a range
_RANGE_OPEN_BEFORE = compile_re(r"(?i)(?<![\p{L}])(?:between|from)[ \t\u00a0]+$")
_RANGE_JOIN = compile_re(r"[ \t\u00a0]*(?:and|to|through|until|-|–)[ \t\u00a0]*", regex.IGNORECASE)
_MONTH_OR_DAY = compile_re(r"\d{4}-\d\d(?:-\d\d)?")
_BARE_WEEKDAY = compile_re(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day")


def _range_start(text: str, first: DateMention, second: DateMention) -> DateMention | None:
    """``first`` moved to the year that puts it before ``second`` when the two are the ends of
    a range ("between January 1 and September 26" in late September: last January 1, not the
    nearest one; "from September to December 2014"), else None."""
    if (
        first.anchor == "absolute"
        or first.type != "DATE"
        or second.type != "DATE"
        or first.value is None
        or second.value is None
        or not _MONTH_OR_DAY.fullmatch(first.value)
        or not _MONTH_OR_DAY.fullmatch(second.value)
        or first.value <= second.value
        or not _RANGE_JOIN.fullmatch(text, first.end, second.start)
        or not _RANGE_OPEN_BEFORE.search(text, max(0, first.start - 10), first.start)
    ):
        return None
    if _BARE_WEEKDAY.fullmatch(first.text):
        # "from Friday to Tuesday": the Friday of the week before, not a year back
        if first.first_day is None:
            return None
        day = _moved(first.first_day, -7)
        if day is None or cal.day(day) > second.value:
            return None
        return attrs.evolve(first, value=cal.day(day), first_day=day, last_day=day)
    year = int(second.value[:4])
    value = f"{year:04d}{first.value[4:]}"
    if value > second.value:
        value = f"{year - 1:04d}{first.value[4:]}"
    span = cal.value_range(value)
    if span is None:
        return None
    return attrs.evolve(first, value=value, first_day=span[0], last_day=span[1])


def _range_start_day(text: str, first: DateMention, second: DateMention) -> DateMention | None:
    """``first``, a clock time that took its day from elsewhere in the sentence, moved to the
    weekday ``second`` names when the two end a range ("released images on Monday of anyone
    in the area between 11 p.m. and midnight on Saturday": Saturday's 11 p.m., not Monday's;
    the day before when the hour would come after the second's: "between 11 p.m. and 2 a.m.
    on Saturday"), else None."""
    if (
        first.type != "TIME"
        or second.type != "TIME"
        or first.anchor not in ("sentence-date", "previous-date")
        or first.value is None
        or second.value is None
        or "T" not in first.value
        or second.first_day is None
        or not _BARE_WEEKDAY.search(second.text)
        or second.first_day == first.first_day
        or not _RANGE_JOIN.fullmatch(text, first.end, second.start)
        or not _RANGE_OPEN_BEFORE.search(text, max(0, first.start - 10), first.start)
    ):
        return None
    clock = first.value[first.value.index("T") :]
    day: dt.date | None = second.first_day
    if cal.day(second.first_day) + clock > (second.value or ""):
        day = _moved(second.first_day, -1)
    if day is None:
        return None
    return attrs.evolve(
        first,
        value=cal.day(day) + clock,
        first_day=day,
        last_day=day,
        anchor="sentence-date",
        anchor_date=second.first_day,
    )


def _range_end(text: str, first: DateMention, second: DateMention) -> DateMention | None:
    """``second`` moved after ``first`` when the two are clock times ending a range that
    runs forward ("from 8 p.m. until 4 a.m.": 4 a.m. the next day; "from 11 p.m. Friday until
    5 a.m. Monday" told ahead on a Sunday: the Monday after that Friday), else None."""
    if (
        first.type != "TIME"
        or second.type != "TIME"
        or first.value is None
        or second.value is None
        or first.first_day is None
        or second.first_day is None
        or "T" not in second.value
        or first.value <= second.value
        or not _RANGE_JOIN.fullmatch(text, first.end, second.start)
        or not _RANGE_OPEN_BEFORE.search(text, max(0, first.start - 10), first.start)
    ):
        return None
    if second.first_day == first.first_day:
        step = 1  # a night that runs past midnight
    elif _BARE_WEEKDAY.search(second.text):
        step = 7
    else:
        return None
    day = _moved(second.first_day, step)
    if day is None:
        return None
    value = cal.day(day) + second.value[second.value.index("T") :]
    return attrs.evolve(second, value=value, first_day=day, last_day=day)


def _joined_duration(text: str, first: DateMention, second: DateMention) -> DateMention | None:
    """ "three hours and 54 minutes", "two years and three months": two lengths joined by
    "and", the larger unit first, are one duration (``PT3H54M``, ``P2Y3M``; weeks become days
    beside another unit: ``P17D``); so are clock lengths in a list or side by side ("2 hours,
    0 minutes and 31 seconds", "59 minutes 50 seconds": ``PT2H0M31S``, ``PT59M50S``); None
    when ``first`` and ``second`` are not such a pair."""
    if first.type != "DURATION" or second.type != "DURATION" or first.value is None:
        return None
    if second.value is None or first.end >= second.start:
        return None
    whole, b = _UNITS_VALUE.fullmatch(first.value), _ONE_UNIT.fullmatch(second.value)
    if whole is None or b is None:
        return None
    parts = [(int(n), u, False) for n, u in _UNIT_PART.findall(whole.group(1))]
    parts += [(int(n), u, True) for n, u in _UNIT_PART.findall(whole.group(2) or "")]
    ka, kb = (parts[-1][2], parts[-1][1]), (b.group(1) == "T", b.group(3))
    if _UNIT_ORDER.index(ka) >= _UNIT_ORDER.index(kb):
        return None  # "two days and two weeks": not one length
    if not (
        _AND_BETWEEN.fullmatch(text, first.end, second.start)
        or (ka[0] and kb[0] and _CLOCK_LIST_BETWEEN.fullmatch(text, first.end, second.start))
    ):
        return None
    parts.append((int(b.group(2)), b.group(3), kb[0]))
    if parts[0][1] == "W" and not parts[0][2]:  # ISO 8601 writes no weeks beside other units
        days = 7 * parts[0][0] + (parts[1][0] if parts[1][1] == "D" else 0)
        parts = [(days, "D", False)] + ([parts[1]] if parts[1][1] != "D" else [])
    date_part = "".join(f"{n}{u}" for n, u, in_time in parts if not in_time)
    time_part = "".join(f"{n}{u}" for n, u, in_time in parts if in_time)
    value = "P" + date_part + ("T" + time_part if time_part else "")
    return attrs.evolve(first, end=second.end, text=text[first.start : second.end], value=value)


# "the two-year contract", "the third-quarter loss": a hyphenated unit before a noun is an
# adjective; the article belongs to the noun's phrase, not to the time (as TimeML marks it).
# The noun may be capitalised ("the three-month T-bill"), the number grouped ("the 1,000-day
# plan").
# The hyphenated word must end in a unit ("mid-1990s" is no adjective: "in the mid-1990s the
# company grew"), and a function word or pronoun after it is no noun.
_ADJECTIVE_THE = compile_re(
    r"[Tt]he[ \t\u00a0]+(?=(?:fiscal[ \t\u00a0]+)?[\p{L}\d]+(?:(?:[-,]| - )[\p{L}\d]+)*(?:-| - )"
    r"(?i:second|minute|hour|day|night|week|month|quarter|half|year|decade|century)\Z)",
)
_NOUN_NEXT = compile_re(
    r"[ \t\u00a0]+(?!(?:of|ago|earlier|later|ahead|before|after|old|long|and|or|to|in|on|at|the|a"
    r"|an|it|its|he|she|they|we|there|this|that|when|while|as|but|was|were|is|are|had|has|with"
    r"|for|from|by|which|who)\b)\p{L}"
)


# "April 24 and 25", "March 3 or 4", "Nov. 6 to 8", "Jan. 1-3", "Nov. 9, 10 and 11": after a
# month-day, a bare day number is a date of its own in the same month (TimeML marks each day).
# Only when nothing but a punctuation mark or a short function word follows the last number
# ("25 days", "4 percent", "4.5" are not days; nor is "10" in "on Nov. 9, 10 people died").
_DAY_NUM = r"((?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)"
_LAST_DAY_TAIL = (
    # "May 2 or 3, 2019": the pair's year (a tokenizer's "3 , 2019" too)
    r"(?:(?:[ \t\u00a0]?,)?[ \t\u00a0]+((?:1[89]|20)\d\d)(?![\p{L}\p{N}])"
    r"|(?=[ \t\u00a0]?(?:[;:)!?\"”]|[,.](?![ \t\u00a0]*\d))|[ \t\u00a0]+(?:in|at|on|when|before|after|for|with|as|the"
    r"|this|last|next|to|and|from|respectively)(?![\p{L}\p{N}])|[ \t\u00a0]*$))"
)
_SECOND_DAY = compile_re(
    r"(?:[ \t\u00a0]+(?:and|or|to|through|until|till)[ \t\u00a0]+|[ \t\u00a0]?[-–][ \t\u00a0]?)"
    + _DAY_NUM
    + _LAST_DAY_TAIL
)
# a day inside a list ("9, 10 and 11", "9, 10, and 11"), and the list's last day
_LIST_DAY = compile_re(
    r"[ \t\u00a0]?,[ \t\u00a0]?" + _DAY_NUM + r"(?=[ \t\u00a0]?,|[ \t\u00a0]+(?:and|or)[ \t\u00a0])"
)
_LAST_LIST_DAY = compile_re(
    r"(?:[ \t\u00a0]?,)?[ \t\u00a0]+(?:and|or)[ \t\u00a0]+" + _DAY_NUM + _LAST_DAY_TAIL
)
_ENDS_WITH_DAY = compile_re(r"(?<![\d,])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?$")


_DAY_VALUE = compile_re(r"(?:\d{4}|XXXX)-\d\d-\d\d")
_YEAR_IN = compile_re(r"\b\d{4}\b")


def _more_days(
    text: str, mention: DateMention, reading: Reading, hi: int
) -> list[tuple[int, int, Reading]]:
    """The days of a month-day pair or list right after ``mention``: (start, end, reading)
    each, in order; none when they do not make one."""
    value = mention.value or ""
    if not _DAY_VALUE.fullmatch(value) or _ENDS_WITH_DAY.search(mention.text) is None:
        return []
    spans = []  # (start, end, day number)
    pos = mention.end
    while (mid := _LIST_DAY.match(text, pos, hi)) is not None:
        spans.append((mid.start(1), mid.end(1), int(mid.group(1).rstrip("stndrh"))))
        pos = mid.end(1)
    m = _LAST_LIST_DAY.match(text, pos, hi) if spans else _SECOND_DAY.match(text, pos, hi)
    if m is None:
        return []
    spans.append((m.start(1), m.end(), int(m.group(1).rstrip("stndrh"))))  # "25th" -> 25
    days = [int(value[-2:])] + [day for _, _, day in spans]
    if any(a >= b for a, b in itertools.pairwise(days)):
        return []
    year = m.group(2)
    if year is not None:
        if _YEAR_IN.search(mention.text):
            return []  # "May 2, 2018 or 3, 2019": not a pair
        value = f"{year}{value[4:]}"
    if value[:4].isdigit():
        try:
            dt.date(int(value[:4]), int(value[5:7]), days[-1])
        except ValueError:
            return []
    elif days[-1] > 31:
        return []
    found = []
    for start, end, day in spans:
        more = attrs.evolve(reading, start=None, end=None, mod=None, value=f"{value[:8]}{day:02d}")
        if year is not None:
            more = attrs.evolve(more, anchor="absolute")
        found.append((start, end, more))
    return found


# matched after each span of years, in place: not to the end of a text without "year" (see
# in_place)
_SPAN_YEAR_NOUN = compile_re(
    in_place(
        r"[ \t\u00a0]+(?:fiscal|financial|school|academic|tax|budget|crop|model)[ \t\u00a0]+year\b"
    ),
    regex.IGNORECASE,
)


def _second_year(
    text: str, mention: DateMention, reading: Reading
) -> tuple[int, int, Reading] | None:
    """The second year of a span written "2010-11" or "1980-88" right after ``mention`` (a
    year), as a date of its own, as "2004-2008" gives two."""
    value = mention.value or ""
    if not (len(value) == 4 and value.isdigit() and mention.text[-4:] == value):
        return None
    m = SPAN_END.match(text, mention.end)
    end_year = span_end_year(int(value), m.group(1)) if m is not None else None
    if m is None or end_year is None:
        return None
    second = attrs.evolve(reading, start=None, end=None, mod=None, value=f"{end_year:04d}")
    return m.start(1), m.end(), second


# "this year and next", "twice as high this year as last": the unit left out after the second
# word
_ELIDED_YEAR = compile_re(
    r"[ \t\u00a0]+(?:and|or|as|than)[ \t\u00a0]+(next|last)(?=[ \t\u00a0]*(?:[,.;:!?)]|$))",
    regex.IGNORECASE,
)
_THIS_LAST_NEXT_YEAR = compile_re(r"(?i)(?:this|last|next)[ \t\u00a0]+year")


def _elided_year(
    text: str, mention: DateMention, reading: Reading
) -> tuple[int, int, Reading] | None:
    """The year "next" or "last" names after ``mention`` ("this year", "last year") and
    "and", "or", "as", "than", the word "year" left out."""
    value = mention.value or ""
    if not (len(value) == 4 and value.isdigit()):
        return None
    if not _THIS_LAST_NEXT_YEAR.fullmatch(mention.text):
        return None
    m = _ELIDED_YEAR.match(text, mention.end, mention.end + 16)
    if m is None:
        return None
    # the year of the reference: "last year" is one before it, "next year" one after
    this = int(value) + {"last": 1, "next": -1}.get(mention.text.split()[0].lower(), 0)
    y = this + (1 if m.group(1).lower() == "next" else -1)
    second = attrs.evolve(reading, start=None, end=None, mod=None, value=f"{y:04d}")
    return m.start(1), m.end(1), second


# "14 and 15 March", "14 to 16 March", "14-16 March": a bare day before a day-month is a date
# of its own in the same month, and so with weekdays ("Saturday 5 and Sunday 6 August")
_FIRST_DAY = compile_re(
    rf"(?<![\p{{L}}\p{{N}}£$€.,:/])(?:{_WEEKDAY_NAME}[ \t\u00a0]+)?"
    r"((?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)"
    r"(?:[ \t\u00a0]+(?:and|or|to|through|until|till)[ \t\u00a0]+|[-–])$"
)
_FIRST_DAY_REACH = 28
_WEEKDAY_OPENING = compile_re(rf"{_WEEKDAY_NAME}[ \t\u00a0]+\d")


def _first_day(
    text: str, mention: DateMention, reading: Reading, lo: int
) -> tuple[int, int, Reading] | None:
    """The first day of a day-month pair right before ``mention``: (start, end, reading)."""
    value = mention.value or ""
    with_weekday = _WEEKDAY_OPENING.match(mention.text) is not None
    if not _DAY_VALUE.fullmatch(value) or not (mention.text[:1].isdigit() or with_weekday):
        return None
    m = _FIRST_DAY.search(text, max(lo, mention.start - _FIRST_DAY_REACH), mention.start)
    if m is None:
        return None
    day = int(m.group(1).rstrip("stndrh"))
    if day >= int(value[-2:]):
        return None
    first = attrs.evolve(reading, start=None, end=None, mod=None, value=f"{value[:8]}{day:02d}")
    return m.start(), m.end(1), first


_DAY_KINDS = frozenset({"weekday", "mdy", "dmy", "iso", "deictic", "holiday"})


def _time_chains(cands: list[tuple[int, str, regex.Match[str]]]) -> list[tuple[int, int]]:
    """For each candidate, (the index of the first candidate after it that is not another
    clock time for the same moment, where the last such clock time ends): built once,
    backwards, so a long list of clock times is not read again for each of them."""
    chains: list[tuple[int, int]] = [(0, 0)] * len(cands)
    for idx in range(len(cands) - 1, -1, -1):
        i, _, m = cands[idx]
        if idx + 1 < len(cands):
            j, kind, nxt = cands[idx + 1]
            if j == i and kind == "time" and nxt.start() - m.end() <= 20:
                chains[idx] = chains[idx + 1]
                continue
        chains[idx] = (idx + 1, m.end())
    return chains


def _moved(day: dt.date, days: int) -> dt.date | None:
    """``day`` moved by ``days``; None off the calendar (before year 1, after 9999)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _read(kind: str, m: regex.Match[str] | Cand, ctx: Ctx) -> Reading | None:
    """The reading of candidate ``m`` of ``kind``; None when its day falls off the calendar of
    years 1 to 9999 ("tomorrow" told on 31 December 9999, "ten years ago" in year 5, "March
    0000"): a text may name any year, or date itself at either end. Only that is caught (a
    date's ``OverflowError``, :class:`~.calendar.OffCalendar`): any other error is a bug."""
    try:
        return HANDLERS[kind](m if isinstance(m, Cand) else Cand.of(m), ctx)
    except (OverflowError, cal.OffCalendar):
        return None


def _clock_days(ctx: Ctx, state: _Discourse, text: str, sent: Sentence, start: int, i: int) -> Ctx:
    """``ctx`` for a clock time or a part of a day at ``start`` in sentence ``i``: the days
    named before it that it may fall on, and the tense of an appeal for witnesses."""
    if i - state.day_sentence > _CLOCK_DAY_REACH:
        # "shares rose 3 percent by midday", paragraphs after "the year to March 31":
        # a day named far back is not the day of the clock time
        ctx = attrs.evolve(ctx, previous_day=None)
    if i - state.past_day_sentence > _CLOCK_DAY_REACH:
        return attrs.evolve(ctx, past_day=None)
    if (
        ctx.sentence_day is None
        and ctx.ref is not None
        and ctx.previous_day is not None
        and ctx.ref - ctx.previous_day.first > dt.timedelta(days=7)
        and state.ahead_day is not None
        and i - state.ahead_day_sentence <= _CLOCK_DAY_REACH
        and ctx.tense != "past"
    ):
        # "will mark the anniversary on Saturday. On 19 April 1945, troops entered the
        # town. Events begin at 11am": the day ahead, past a background date
        return attrs.evolve(ctx, previous_day=state.ahead_day)
    if (
        ctx.sentence_day is None
        and state.past_day is not None
        and (cue := _WITNESSES_SOUGHT.search(text, max(sent.start, start - 120), start))
        and _SEEN.search(text, cue.start(), start)
    ):
        # "hit at around 6.20pm yesterday. Anyone who was on the road between 6pm and
        # 6.30pm should call police": the hours of the events, not of the appeal
        return attrs.evolve(ctx, tense="past")
    return ctx


def _day_just_after(
    cands: list[tuple[int, str, regex.Match[str]]],
    chains: list[tuple[int, int]],
    idx: int,
    ctx: Ctx,
) -> dt.date | None:
    """The day named right after a clock time ("10:35 a.m. (0735 GMT) Friday"), past other
    clock times for the same moment (``chains``: :func:`_time_chains`)."""
    k, end = chains[idx]
    if k == len(cands):
        return None
    j, kind, nxt = cands[k]
    if j != cands[idx][0] or nxt.start() - end > 20 or kind not in _DAY_KINDS:
        return None
    if any(
        w.lower() not in _TIME_DAY_GLUE for w in _LOWER_WORDS.findall(ctx.text, end, nxt.start())
    ):
        return None  # "by 3 p.m. whether to reopen Monday": another clause's day
    reading = _read(kind, nxt, ctx)
    span = cal.value_range(reading.value) if reading is not None else None
    return span[0] if span and span[0] == span[1] else None


# lower-case words that may stand between a clock time and its day ("10 a.m. on Friday")
_TIME_DAY_GLUE = frozenset(["on", "this", "next", "last", "local", "time"])
_LOWER_WORDS = compile_re(r"\b\p{Ll}+\b", regex.V1)

_REACH = 40  # characters an expression extends before or after its trigger word, at most


def _candidates(
    text: str, sentences: Sequence[Sentence], lex: Lexicon
) -> list[tuple[int, str, regex.Match[str]]]:
    """Candidates in text order with the index of the sentence they start in.

    Sentences that follow each other on a line are searched as one stretch, so a sentence
    split inside an expression ("until Feb. | 10") does not cut it. The full pattern runs only
    near a trigger word (a digit, a month, a unit, "now", ...).
    """
    compiled = compile_grammar(lex)
    triggers = TriggerFinder(text, lex)
    simple = simple_folds(text, triggers.wide)
    starts = [s.start for s in sentences]
    out = []
    for lo, hi in _blocks(text, sentences):
        windows: list[list[int]] = []
        for t_start, t_end in triggers.spans(lo, hi):
            w_lo, w_hi = max(lo, t_start - _REACH), min(hi, t_end + _REACH)
            if windows and w_lo <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], w_hi)
            else:
                windows.append([w_lo, w_hi])
        for w_lo, w_hi in windows:
            lowered = triggers.lowered_at(w_lo, w_hi)
            for kind, m in compiled.scan(text, w_lo, w_hi, simple, lowered):
                out.append((bisect.bisect_right(starts, m.start()) - 1, kind, m))
    return out


def _blocks(text: str, sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Runs of sentences separated by spaces only (no line break, no boilerplate between)."""
    blocks: list[list[int]] = []
    for s in sentences:
        if (
            blocks
            and s.start >= blocks[-1][1]
            and not text[blocks[-1][1] : s.start].strip(" \t\u00a0")
        ):
            blocks[-1][1] = s.end
        else:
            blocks.append([s.start, s.end])
    return [(lo, hi) for lo, hi in blocks]


def _tense_reader(
    text: str,
    lo: int,
    hi: int,
    start: int,
    end: int,
    lex: Lexicon,
    headline: int,
    leads: list[tuple[int, int]],
) -> Callable[[], str | None]:
    """The tense of the clause of ``text[start:end]``, to be read when a handler asks."""
    if start < headline:
        return functools.partial(headline_tense, text, lo, hi, start, end, lex, leads)
    return functools.partial(clause_tense, text, lo, hi, start, end, lex)


def _mention(
    text: str, start: int, end: int, r: Reading, ctx: Ctx, ref_name: str | None
) -> DateMention:
    start = r.start if r.start is not None else start
    end = r.end if r.end is not None else end
    anchor_name: str | None
    anchor_date: dt.date | None
    if r.anchor == "ref":
        anchor_name, anchor_date = (ref_name, ctx.ref) if ctx.ref is not None else (None, None)
    elif r.anchor == "previous":
        prior = ctx.previous
        anchor_name, anchor_date = "previous-date", prior.first if prior else None
    elif r.anchor in ("previous-day", "past-day"):
        prior = ctx.previous_day if r.anchor == "previous-day" else ctx.past_day
        anchor_name, anchor_date = "previous-date", prior.first if prior else None
    elif r.anchor == "sentence":
        anchor_name, anchor_date = "sentence-date", ctx.sentence_day
    elif r.anchor == "absolute":
        anchor_name, anchor_date = "absolute", None
    else:
        anchor_name, anchor_date = None, None
    first = last = None
    if r.type in ("DATE", "TIME") and r.ranged:
        span = cal.value_range(r.value.split("T")[0] if r.value and "T" in r.value else r.value)
        if span is not None:
            first, last = span
    return DateMention(
        start=start,
        end=end,
        text=text[start:end],
        type=r.type,  # type: ignore[arg-type]
        value=r.value,
        first_day=first,
        last_day=last,
        anchor=anchor_name,
        anchor_date=anchor_date,
        mod=r.mod,
        timezone=r.timezone,
    )


@attrs.frozen
class _SpeechDates:
    """The stretches of direct quotes, each with the date its words were spoken (or None)."""

    starts: tuple[int, ...]
    pieces: tuple[tuple[int, int, dt.date | None, bool], ...]  # (start, end, said, a day?)

    @classmethod
    def empty(cls) -> _SpeechDates:
        return cls(starts=(), pieces=())

    @classmethod
    def build(
        cls,
        text: str,
        quotes: Sequence[Quote],
        sentences: Sequence[Sentence],
        cands: list[tuple[int, str, regex.Match[str]]],
        ref: dt.date,
        ref_name: str,
        lex: Lexicon,
        day_first: Callable[[], bool],
    ) -> _SpeechDates:
        sent_starts = [s.start for s in sentences]
        cand_starts = [m.start() for _, _, m in cands]
        if any(a > b for a, b in itertools.pairwise(cand_starts)):
            cand_starts = []  # not in text order (never expected): every quote scans them all
        pieces: list[tuple[int, int, dt.date | None, bool]] = []
        # the day each speaker's attribution names, by the sentence of its cue (quotes of any
        # kind: "Orr said Tuesday that talks had failed.")
        told: dict[tuple[str, int], dt.date] = {}
        direct = []
        for q in quotes:
            spans = [(p.start, p.end) for p in q.pieces] or [(q.start, q.end)]
            said, day = _speech_date(
                text, q, spans, sentences, sent_starts, cands, cand_starts, ref, lex, day_first
            )
            if said is not None and day and q.speaker is not None and q.cue is not None:
                told[q.speaker.name, bisect.bisect_right(sent_starts, q.cue.start) - 1] = said
            if q.kind == "direct":
                direct.append((q, spans, said, day))
        for q, spans, said, day in direct:
            if said is None and q.speaker is not None and q.cue is not None:
                # "Orr said Tuesday that talks had failed. '…yesterday…,' she said.": the day
                # the same speaker's attribution names in the sentence before or after
                k = bisect.bisect_right(sent_starts, q.cue.start) - 1
                said = told.get((q.speaker.name, k - 1)) or told.get((q.speaker.name, k + 1))
                day = True
            pieces += [(s, e, said, day) for s, e in spans]
        pieces.sort()
        return cls(starts=tuple(p[0] for p in pieces), pieces=tuple(pieces))

    def piece_at(self, pos: int) -> tuple[int, int, dt.date | None, bool] | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0 and self.pieces[k][0] <= pos < self.pieces[k][1]:
            return self.pieces[k]
        return None


_SPEECH_KINDS = frozenset({"weekday", "deictic", "mdy", "dmy", "iso", "pod_day", "time"})
_SPEECH_MONTH_KINDS = frozenset({"month", "month_year"})
_YEAR_OR_MONTH_REL = compile_re(r"(?i)(?:next|last|this)[ \t\u00a0]+(?:year|month)")
_WEEK_REL = compile_re(
    r"(?i)(?:(?:next|last|this)(?:[ \t\u00a0]+(?:past|coming))?)[ \t\u00a0]+week(?:end)?"
)
_SPEECH_REACH = 60  # the farthest from its cue a day of speech starts


def _speech_date(
    text: str,
    q: Quote,
    spans: list[tuple[int, int]],
    sentences: Sequence[Sentence],
    sent_starts: list[int],
    cands: list[tuple[int, str, regex.Match[str]]],
    cand_starts: list[int],
    ref: dt.date,
    lex: Lexicon,
    day_first: Callable[[], bool],
) -> tuple[dt.date | None, bool]:
    """The day the attribution of quote ``q`` names ("…," she said Tuesday) and True, else
    the first day of the month it names ("…," she said in December) and False, else None."""
    if q.cue is None:
        return None, True
    k = bisect.bisect_right(sent_starts, q.cue.start) - 1
    if k < 0:
        return None, True
    sent = sentences[k]
    best = best_month = None
    # Only the candidates that start in the cue's sentence and near enough to the cue (a
    # bisect, not a scan of all: a sentence of many quotes and dates would scan its dates once
    # per quote).
    first, last = 0, len(cands)
    if cand_starts:
        first = bisect.bisect_left(cand_starts, max(sent.start, q.cue.start - _SPEECH_REACH))
        last = bisect.bisect_left(cand_starts, min(sent.end, q.cue.start + _SPEECH_REACH + 1))
    for _, kind, m in cands[first:last]:
        if not (sent.start <= m.start() < sent.end) or any(s <= m.start() < e for s, e in spans):
            continue
        distance = abs(m.start() - q.cue.start)
        if kind in _SPEECH_KINDS and (best is None or distance < best[0]):
            best = (distance, m, kind)
        elif kind in _SPEECH_MONTH_KINDS and (best_month is None or distance < best_month[0]):
            best_month = (distance, m, kind)
    day = best is not None and best[0] <= _SPEECH_REACH
    if not day:
        best = best_month
    if best is None or best[0] > _SPEECH_REACH:
        return None, True
    _, m, kind = best
    ctx = Ctx(text=text, lex=lex, ref=ref, tense="past", day_first=day_first)
    reading = _read(kind, m, ctx)
    if reading is None or reading.value is None:
        return None, True
    span = cal.value_range(reading.value.split("T")[0])
    if span is None or (day and span[0] != span[1]):
        return None, True
    return span[0], day


def resolve_date(
    expression: str,
    *,
    published: dt.date | dt.datetime | str | None = None,
    lang: str = "en",
) -> DateMention | None:
    """Resolve one temporal expression; None when it is not one."""
    check_text(expression, "expression")
    whole = Sentence(start=0, end=len(expression), text=expression, paragraph=0)
    found = find_dates(expression, sentences=(whole,), quotes=(), published=published, lang=lang)
    return found[0] if found else None
