"""The temporal grammar: one pattern, built from the temporal lexicon, that finds candidates.

Each alternative of the pattern is a named *kind* (``mdy``, ``ago``, ``weekday``, ...); the
resolver has one handler per kind. Alternatives are ordered so that, at a given position, the
longest reading comes first ("5 p.m. EST Nov. 9" before "5 p.m."; "June last year" before
"June"). Every word is bounded on both sides, so "may" inside "mayor" or "2008" inside "$2008"
are never candidates; whether a bounded candidate is a date at all ("may" the verb, "52 years
old") is for the handler to decide.

Quantifiers are bounded and alternatives do not nest unbounded repetition, so matching is
linear in the text length.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator

import attrs
import regex

from .. import limits
from ..lexicons import Lexicon
from ..patterns import compile_re

# A word starts here (not inside "quarter-to-quarter"), or after a typewriter quote mark
# ("''Thirty years ago,'' she said": two apostrophes, no letter before them), or a year after a
# year and a dash ("2004-2005").
B = (
    r"(?:(?<![\p{L}\p{N}'’‐-])|(?<=(?<![\p{L}\p{N}'’‐-])['’]{2})(?=\p{L})"
    r"|(?<=(?<!\d)(?:1[5-9]|20)\d\d[-–])(?=(?:1[5-9]|20)\d\d(?!\d)))"
)
E = r"(?![\p{L}\p{N}])"  # a word ends here
S = r"(?:[ \t\u00a0]+(?:\r?\n[ \t\u00a0]*)?|\r?\n[ \t\u00a0]*)"  # spaces, at most one line break
S0 = r"[ \t\u00a0]*"
# A hyphen as written ("third-quarter") or as a tokenizer leaves it ("third - quarter").
DASH = r"(?:[-‐‑–]|[ \t\u00a0][-‐‑–][ \t\u00a0])"
HY = rf"(?:{DASH}[ \t\u00a0]?|[ \t\u00a0]+)"  # a space or a hyphen
# between the months of a quarter: "April-June", "April–June", "April-to-June", "April to June"
# (spaced "to" only after "the": "from April to June quarter after quarter" is two months)
QTO = r"(?:[-–]|[-‐]to[-‐]|(?<=(?<![\p{L}])[Tt]he[ \t\u00a0]+\p{L}{3,9}\.?)[ \t\u00a0]+to[ \t\u00a0]+)"
APOS = r"['’]"
POSS = rf"[ \t\u00a0]?{APOS}s"  # a possessive "'s", or a tokenizer's " 's"
# a live report's time stamp, opening a line before a sentence ("09:12 The river rose")
LIVE_STAMP = r"(?<![^\n])(?:[01]\d|2[0-3]):[0-5]\d(?=[ \t\u00a0]+(?-i:\p{Lu}\p{Ll}))"

UNIT_WORDS = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?"
    r"|decades?|centur(?:y|ies)|weekends?|millenni(?:um|a))"
)
UNIT_SINGULAR = (
    r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|weekend)"
)
# Words a count of days or years may carry ("five trading days", "two fiscal years").
UNIT_ADJ = r"(?:(?:more|additional|further|extra|straight|consecutive|full|long|trading|business|working|school|hot|cold|short|crucial|difficult|single)[ \t\u00a0]+)?"


# What may stand before an amount of time ("about three weeks", "more than a year").
_MODIFIERS = (
    "about", "around", "approximately", "roughly", "nearly", "almost", "close to",
    "more than", "less than", "fewer than", "at least", "at most", "no more than",
    "no less than", "up to", "just over", "just under", "upwards of",
    "some", "another", "an additional", "an extra", "a full", "a further", "well over",
)  # fmt: skip
# ... and before a clock time, a date or a year ("about 5 p.m.", "around March 3", "about 1990")
_APPROX = ("around", "about", "approximately", "roughly")


def alt(words: Iterable[str]) -> str:
    """An alternation of literal words, longest first, inner spaces matching any space run,
    an apostrophe one with a space before it too."""
    parts = []
    for w in sorted(set(words), key=lambda x: (-len(x), x)):
        escaped = S.join(regex.escape(part) for part in w.split(" "))
        # (a tokenizer's "New Year 's Day": a space before the apostrophe)
        parts.append(escaped.replace("'", rf"[ \t\u00a0]?{APOS}"))
    return "(?:" + "|".join(parts) + ")"


def _spelled_ones(numbers: dict[str, str]) -> list[str]:
    """The numbers below ten spelled in one word ("one", "nine"), but "a" and "an": the hour
    of a spelled clock ("seven o'clock"), the last word of a spelled amount ("twenty-five")."""
    return [
        w
        for w, v in numbers.items()
        if v != "X" and 0 < float(v) < 10 and " " not in w and w not in ("a", "an")
    ]


def _alternatives(lex: Lexicon) -> list[tuple[str, str]]:
    """(kind, pattern) pairs in priority order: at one position the first that matches wins."""
    t = lex.temporal
    month = alt(t["month"])
    wd = alt(t["weekday"])
    numbers = t["number"]
    units = _spelled_ones(numbers)
    teens = [
        w for w, v in numbers.items() if v not in ("X",) and 10 <= float(v) < 20 and " " not in w
    ]
    teens = [w for w in teens if w not in ("dozen",)]
    tens = [
        w
        for w, v in numbers.items()
        if v not in ("X",) and float(v) in (20, 30, 40, 50, 60, 70, 80, 90)
    ]
    vague_amounts = [w for w, v in numbers.items() if v == "X"]
    unit_word = alt(units)
    teen_word = alt(teens)
    tens_word = alt(tens)
    card = (
        rf"(?:{tens_word}(?:{HY}{unit_word})?|{teen_word}|{unit_word}|(?:a{S})?dozen|(?:a|one|two|three|four|five){S}hundred"
        rf"|hundred|(?:a{S})?couple(?:{S}of)?|a{S}pair{S}of|half{S}an?|(?:{unit_word}|{tens_word}|{teen_word}){S}thousand|{alt(vague_amounts)})"
    )
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d{1,4})(?:\.\d{1,3})?(?:[ \t\u00a0]?(?:\d/\d|[½¼¾]))?"
    sh = rf"(?:{S}|[-‐])"  # "two and a half", "two-and-a-half"
    # ("the 2011-12 school year": a span of two years, not a count of years)
    num = (
        rf"(?:(?!(?:1[5-9]|20)\d\d[-‐–/]\d\d(?!\d)){digits}|{card})(?:{sh}and{sh}(?:a{sh})?half)?(?:(?:{S}to{S}|[-–]){digits}(?=[ \t\u00a0-])"
        # "six to nine months", "two or three years": a spelled range
        rf"|(?<=\p{{L}}){S}(?:to|or){S}(?:{tens_word}(?:{HY}{unit_word})?|{teen_word}|{unit_word})(?=[ \t\u00a0-]))?"
    )
    mod = alt(_MODIFIERS)
    # "for over a century", "in over a decade", "lasted over two hours", "spent over a year":
    # more than; not "spread over a decade", nor "took over" (a phrasal verb)
    mod = rf"(?:{mod}|(?<=\b(?:for|in|of|after|last|lasts|lasted|lasting|spent|waited)[ \t\u00a0])over)"
    # "another year": one more ("another two years" takes "another" as a modifier)
    amount = rf"(?:(?:{mod}{S})?(?:{num}|an?)|(?:{mod}{S})?another)"
    bare_amount = rf"(?:{num}|an?)"
    # ("shortly before midnight": "before" is a signal, outside the expression, as "since")
    approx = rf"(?:(?:around|about|approximately|roughly){S})"
    edge = rf"(?:(?:early|late|mid)(?:{DASH}|[-‐]?{S0})|the{S}(?:end|beginning|start|middle|close){S}of{S})"
    after_unit = rf"(?:{S}or{S}(?:so|two|three|more|longer)|{S}and{S}a{S}half(?![-‐]?\p{{L}}))?"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    day_word = alt([w for w, v in t["ordinal"].items() if v.isdigit()])
    year4 = r"(?:1[5-9]\d\d|20\d\d)"
    year2 = rf"{APOS}\d\d"
    ones = alt(units)
    spelled_year = (
        rf"(?:(?:nineteen|eighteen){HY}(?:{tens_word}(?:{HY}{ones})?|{teen_word}|hundred|oh{HY}{ones})"
        rf"|two{S}thousand(?:{S}(?:and{S})?(?:{teen_word}|{ones}))?)"
    )
    year = rf"(?:{year4}|{spelled_year})"
    pod = alt(t["part_of_day"])
    tz = alt(list(t["timezone"]))
    season = alt(t["season"])
    holiday = alt(t["holiday"])
    deictic = r"(?:yesterday|today|tomorrow|tonight)"
    ordinal_q = r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
    relword = r"(?:this|last|next|coming|current|this{S}past|this{S}coming|the{S}current|the{S}coming)".replace(
        "{S}", S
    )
    ampm = r"(?:a\.m\.|p\.m\.|a\.m|p\.m|am|pm|a\.{S}m\.|p\.{S}m\.)".replace("{S}", S)
    # "9:30", "9.30", or a tokenizer's "9 : 30", "9: 30" (the colon split off as a token)
    colon24 = r"(?:[ \t\u00a0]?:[ \t\u00a0]?)"
    colon = rf"(?:\.|{colon24})"
    clock = (
        rf"(?:(?:1[0-2]|0?[1-9])(?:{colon}[0-5]\d)?(?:{S0}{ampm}(?![\p{{L}}])"
        # or the first end of a range of clock times ("between 2 and 4 p.m.", "9–11 a.m.")
        rf"|(?:(?={S}(?:and|to|until|till){S})(?<=\b(?:between|from){S}\d{{1,2}}(?:[:.]\d\d)?)|(?={S0}–{S0}))"
        rf"(?=(?:{S}(?:and|to|until|till){S}|{S0}–{S0})(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?{S0}{ampm}(?![\p{{L}}])))"
        rf"|(?:[01]?\d|2[0-3]){colon24}[0-5]\d(?={S0}(?:{tz}|GMT|UTC|hours|hrs|local)\b)"
        rf"|(?<=\b(?:at|until|by|from|before|after){S}(?:(?:about|around|approximately|roughly){S})?)(?:[01]?\d|2[0-3]){colon24}[0-5]\d(?![\d:,.]\d)"
        rf"|(?:[01]\d|2[0-3])[0-5]\d(?={S0}(?:GMT|UTC|Z)\b)"
        rf"|{LIVE_STAMP}"  # "09:12 The river rose"
        rf"|(?:1[0-2]|0?[1-9]|{unit_word}|ten|eleven|twelve){S}o{APOS}clock"
        rf"|(?:1[0-2]|0?[1-9]|{unit_word}|ten|eleven|twelve)(?:{S}o{APOS}clock)?{S}(?:in{S}the{S}(?:morning|afternoon|evening)|at{S}night)"
        # "at quarter to ten", "until half past nine", "at 20 minutes past 6 p.m.": minutes
        # counted from an hour (after a preposition of time: "in the quarter to June" is none)
        rf"|(?<=\b(?:at|until|till|by|from|before|after|around|about){S})(?:(?:a{S})?quarter{S}(?:past|to)|half{S}past"
        rf"|(?:[1-5]?\d|(?:twenty|thirty|forty|fifty)(?:{HY}{unit_word})?|{teen_word}|{unit_word})(?:{S}minutes?{S}(?:past|to)|{S}past))"
        # (not a fraction: "by a quarter to one third", "from half past one in five"; nor a
        # change to an amount: "rose by a quarter to 12,000", "fell by a quarter to 10 cents")
        rf"{S}(?:1[0-2]|0?[1-9]|{unit_word}|ten|eleven|twelve)(?![\d:.,]\d|[-‐]\p{{L}}|{S0}%"
        rf"|{S}(?:thirds?|fifths?|quarters?|half|halves|in|of|percent|per|hundred|thousand"
        rf"|million|billion|trillion|dollars?|cents?|euros?|pounds?|pence|yen|points?)(?![\p{{L}}]))"
        rf"(?:{S0}{ampm}(?![\p{{L}}])|{S}in{S}the{S}(?:morning|afternoon|evening)|{S}at{S}night)?"
        rf"|noon|midnight|midday)"
    )
    # "5 p.m. Friday, March 6", "9am on 3 March", "midnight on Tuesday 3 March 2009"
    day_month = rf"(?:{month}{S}{day}|{day}{S}{month}(?![\p{{L}}]))(?:{S0},?{S0}{year4})?"
    day_after_clock = (
        rf"(?:{S0},?{S0}(?:on{S})?(?:(?:{wd}(?:{S0},?{S}{day_month})?)|{deictic}|{day_month}))"
    )
    # a zone named, or "local time" (the place's own clock: no offset known)
    clock_tz = rf"(?:{S0}(?:\((?:{tz})\)|(?:{tz})|local{S}time)(?![\p{{L}}]))"
    early_late = r"(?:early|late|mid)"
    events = [w for w in t.get("event", {}) if w[:1].isdigit()]
    alternatives: list[tuple[str, str]] = [
        ("time", rf"{approx}?{clock}{clock_tz}?{day_after_clock}?"),
        (
            "pod_day",
            rf"(?:(?:early|late){S})?(?:(?:{wd}|yesterday|today|tomorrow){S}(?:{pod})|(?:{pod}){S}(?:{wd}|yesterday|today|tomorrow))"
            rf"|(?:early|late|mid)(?:{DASH}|[-‐]?{S0})(?:morning|afternoon|evening){S}(?:{wd}|yesterday|today|tomorrow)"
            rf"|(?:this|yesterday|tomorrow){S}(?:morning|afternoon|evening)|last{S}night|tonight"
            # "forced from their homes overnight, officials said": the adverb, not "the
            # overnight rate" or "an overnight stay"
            rf"|(?<!\b(?:the|an|a){S})overnight(?=[,.;:!?)]|{S}(?:on|into|in|to|and|but|as|after|before|from|at|while|when|with|until|amid|because){S})"
            # ("in the late afternoon": the article in the mention, as in "in the early summer")
            rf"|(?:(?<=\b(?:in|during|into|until|through){S})the{S})?(?:early|late|mid)(?:{DASH}|[-‐ ]?)(?:morning|afternoon|evening)"
            # "bought in the morning", "set out at dawn": a part of the day the story is telling
            rf"|the{S}(?:morning|afternoon|evening)(?<=\b(?:in|during|into|until|through){S}the{S}\p{{L}}{{7,9}})(?![-‐]|{S}(?:of|paper|papers|news|session|sessions|show|shows|edition|editions|rush|hours|light|sun|air|star|after|before)\b)"
            rf"|(?<=\b(?:at|before|until|till|after|by|from|since){S})(?:dawn|daybreak|sunrise|dusk|sunset|sundown|nightfall)(?![-‐])"
            # "fell earlier in the day", "by the end of the day": the day the story is telling
            rf"|the{S}day(?<=\b(?:earlier|later){S}in{S}the{S}day)(?![-‐])"
            rf"|the{S}end{S}of{S}the{S}day(?![-‐\p{{L}}])",
        ),
        (
            "wd_set",
            rf"(?:every|each){S}(?:other{S})?{wd}(?:{S}(?:{pod}))?|{wd}s(?:{S}(?:{pod})s?)?|{wd}{S}(?:morning|afternoon|evening|night)s"
            rf"|(?<=\b(?:on|at|during|over){S})weekends"
            # "open weekdays from 9 a.m.", "on weekdays": the working days of each week
            rf"|weekdays(?![-‐\p{{L}}])",
        ),
        (
            "holiday",
            rf"(?:(?:last|next|this|this{S}past|this{S}coming|the{S}(?:day|week){S}(?:after|before)){S})?{holiday}(?:{S}(?:day|eve)(?![\p{{L}}]))?(?:{S0},?{S0}(?:of{S})?{year4}|{S}(?:of{S})?(?:this|last|next){S}year(?![-‐\p{{L}}]))?",
        ),
        (
            "mdy",
            rf"{approx}?(?:{wd}{S0},?{S0})?(?:the{S})?{month}{S0}(?:{day}|(?:the{S})?{day_word})(?:{S0},?{S0}{year4}(?![\d,]\d)|{S}(?:of{S})?(?:this|last|next){S}year)?",
        ),
        (
            "dmy",
            # ("the first of April": a day spelled needs "the" and "of"; not "the second of
            # March's two votes", one of the month's things)
            rf"(?:{wd}{S0},?{S0})?(?:(?:the{S})?{day}{S}(?:of{S})?|the{S}{day_word}{S}of{S}(?!{month}{POSS}(?![\p{{L}}]))){month}(?:{S0},?{S0}{year4}(?![\d,]\d)|{S}(?:of{S})?(?:this|last|next){S}year)?"
            # "ended on the 14th": a day of the month the story is in
            rf"|the{S}(?=\d)(?<=\b(?:on|by|until|till|before|after|since|from|through|to){S}the{S})(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
            rf"(?={S0}(?:[,;:)!?]|\.(?!\d)|$)|{S}(?:and|or|to|through|until|when|at)(?![\p{{L}}]))",
        ),
        (
            "iso",
            rf"{year4}-[01]\d-[0-3]\d(?:T[0-2]\d:[0-5]\d)?|[01]?\d/[0-3]?\d/(?:{year4}|\d\d)(?![/\d])"
            # a tokenizer's "10 / 15 / 2008": the slashes split off (a full year only)
            rf"|[01]?\d[ \t\u00a0]/[ \t\u00a0][0-3]?\d[ \t\u00a0]/[ \t\u00a0]{year4}(?![/\d])"
            # "9/11": a day an event of a fixed date is named by
            + (rf"|{alt(events)}(?![/\d]|[.,]\d)" if events else ""),
        ),
        (
            "month_year",
            rf"(?:(?:{early_late}(?:{DASH}|[-‐]?{S0})|the{S}(?:end|beginning|start|middle){S}of{S}){S0})?{month}{S0},?{S}(?:of{S})?(?:{year}|{year2}|(?:this|last|next){S}year)",
        ),
        (
            "week_of",
            rf"the{S}(?:week{S}of{S}(?:{month}{S}{day}|{day}{S}{month})"
            # "the first week of March", "the last week of December 2025": a month's week
            # (not "the first week of May Day protests", "… of March last year", "… of
            # March 4": the month opens a holiday, a relative month or a date of its own)
            rf"|(?:first|second|third|fourth|last|final){S}week{S}of{S}{month}(?![\p{{L}}])"
            rf"(?!{S}(?:day|eve|last|next|this|\d{{1,2}}(?!\d))(?![\p{{L}}])))"
            rf"(?:{S0},?{S0}{year4})?",
        ),
        (
            "quarter",
            rf"(?:the{S})?(?:(?:fiscal|calendar|year{DASH}(?:ago|earlier)|comparable|same|corresponding){S}){{0,2}}(?:{year4}{S})?(?:(?:fiscal|calendar){HY})?{ordinal_q}{HY}(?:fiscal{S})?quarters?(?:{S}of{S}(?:fiscal{S})?(?:{year4}|this{S}year|last{S}year|next{S}year|the{S}year)"
            # "first-quarter 2010 profit", "the fourth quarter 2009": the year right after
            rf"|(?<=quarter){S}{year4}(?![\d%]|[.,]\d|[ \t\u00a0]%))?"
            rf"|(?:last|next|this){S}year{POSS}{S}{ordinal_q}{HY}quarter"
            # "the April-June quarter", "the July-September period": a calendar quarter
            # ("the April-to-June quarter", "the October to December period")
            rf"|(?:Jan(?:uary|\.)?{QTO}Mar(?:ch|\.)?|April{QTO}June|July{QTO}Sept?(?:ember|\.)?"
            rf"|Oct(?:ober|\.)?{QTO}Dec(?:ember|\.)?){S}(?:quarter|period)(?![\p{{L}}])"
            # "the December quarter": the calendar quarter ending that month
            rf"|(?:March|Mar\.|June|Sept(?:ember|\.)?|Sep\.|December|Dec\.){S}quarter(?![-‐\p{{L}}])"
            rf"|(?:the{S})?first{S}two{S}quarters(?:{S}of{S}{year4})?"
            rf"|(?:the{S})?(?:first|second|last|latter){HY}half(?:{S}of{S}(?:(?:fiscal{S})?{year4}|this{S}year|last{S}year|next{S}year|the{S}year)|{S}{year4}(?![\d%]|[.,]\d|[ \t\u00a0]%))?(?!{S}of{S}the)"
            # "the back half of the year": the second half (only with its year: "the back half
            # of the bus" is no time)
            rf"|(?:the{S})?back{HY}half{S}of{S}(?:(?:fiscal{S})?{year4}|this{S}year|last{S}year|next{S}year|the{S}year)"
            rf"|Q[1-4](?:{S0}{year4}|{S0}{year2})?|{year4}{S}Q[1-4]|H[12](?:{S0}{year4})?(?![\p{{L}}\d]|[-‐]\w)"
            # "3Q08", "1Q 2008", "2H08": the analysts' codes
            rf"|[1-4]Q(?:{S0}{year4}|[ \t\u00a0]?['’]?\d\d)?(?![\p{{L}}\d])|[12]H(?:{S0}{year4}|[ \t\u00a0]?['’]?\d\d)(?![\p{{L}}\d])"
            rf"|{year4}{POSS}{S}(?:(?:fiscal|calendar){S})?{ordinal_q}{HY}(?:fiscal{S})?quarter",
        ),
        (
            "quarter_ref",
            rf"(?:the{S}|that{S}|its{S})?(?:(?:comparable|same|corresponding|year{DASH}ago|year{DASH}earlier|prior{DASH}year|latest|most{S}recent|recent|previous|prior|preceding|current|latest{S}fiscal|fiscal){S}){{0,3}}quarter(?:{S}a{S}year{S}(?:ago|earlier)|{S}(?:of{S})?last{S}year|{S}(?:of|in){S}{year4})?(?![-‐][\p{{L}}])"
            rf"|(?:the{S})?(?:(?:comparable|same|corresponding|year{DASH}ago|year{DASH}earlier|prior{DASH}year|latest|most{S}recent|previous|prior|preceding|current){S}){{1,3}}period(?:{S}a{S}year{S}(?:ago|earlier)|{S}(?:of{S})?last{S}year|{S}(?:of|in){S}{year4})?"
            rf"|(?:the{S})?period{S}a{S}year{S}(?:ago|earlier)"
            rf"|(?:the{S})?{year4}{S}(?:period|quarter)|(?:last|this|next){S}year{POSS}{S}(?:quarter|period)"
            rf"|year{DASH}(?:ago|earlier)",
        ),
        (
            "fiscal",
            rf"(?:fiscal(?:{S}year)?|financial{S}year|FY){S0}(?:{year4}|{year2}|\d\d)(?:(?:{DASH}|/|[ \t\u00a0]/[ \t\u00a0])(?:\d\d){{1,2}}(?![\d%]|[ \t\u00a0]%))?(?!\d)",
        ),
        (
            "fiscal_ref",
            rf"(?:the{S})?(?:(?:current|latest|last|next|previous|prior|this|new|coming|same|full|{year4}){S})?(?:fiscal|financial){S}year",
        ),
        (
            "decade",
            rf"(?:the{S})?(?:(?:early|mid|late){HY}?)?(?:1[5-9]\d0|20\d0){APOS}?s"
            # a tokenizer's "the 1990 's": the possessive-looking plural split off
            rf"|the{S}(?:(?:early|mid|late){HY}?)?(?:1[5-9]\d0|20\d0)[ \t\u00a0]{APOS}s(?![\p{{L}}\d])"
            rf"|the{S}(?:(?:early|mid|late){HY}?)?(?:{APOS}|‘)?\d0{APOS}?s"
            rf"|(?:{APOS}|‘)(?<=\d0{APOS}?s{S}(?:and|or|to|through|into){S}.)\d0s"  # "the 1980s and '90s"
            # "in '70s and '80s": a pair of clipped decades needs no "the"
            rf"|(?:{APOS}|‘)\d0s(?={S}(?:and|or|to|through|into){S}(?:{APOS}|‘)\d0s(?![\p{{L}}\d]))"
            rf"|the{S}(?:(?:early|mid|late){HY}?)?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
            rf"|(?:the{S})?(?:(?:early|mid|late){HY}?)?(?:1[0-9]|20|21|[1-9])(?:st|nd|rd|th){HY}century"
            rf"|(?:the{S})?(?:(?:early|mid|late){HY}?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first){HY}century"
            rf"|the{S}(?:first|last|second|latter){S}half{S}of{S}the{S}(?:(?:1[5-9]|20)\d0{APOS}?s|{APOS}\d0s)",
        ),
        (
            "season",
            rf"(?:(?:{early_late}(?:{DASH}|[-‐]?{S0})|the{S}(?:end|beginning|start|middle){S}of{S})?(?:the{S})?(?:{relword}{S})?{season}(?:{S}(?:of{S})?(?:{year}|{year2})|{S}of{S}(?:this|last|next){S}year))"
            rf"|(?:{early_late}(?:{DASH}|[-‐]?{S0}))?{season}(?:{S}(?:of{S})?{year}|{S}of{S}(?:this|last|next){S}year)"
            rf"|(?:{early_late}(?:{DASH}|[-‐]?{S0})|the{S}(?:(?:early|late){S})?){season}"
            # "by the end of the summer", "at the start of spring": an edge of this year's
            rf"|the{S}(?:end|beginning|start|middle){S}of{S}(?:the{S})?{season}(?![-‐\p{{L}}])"
            rf"|(?<=\b(?:in|during|until|by|since|through|throughout|over|for){S}){season}"
            # "the wettest autumn since 2000", "the worst winter on record": a season ranked
            rf"|(?<=\bthe{S}(?:\p{{L}}{{2,}}est|best|worst)(?<!\b(?:forest|harvest|interest|contest|protest|request|midwest)){S}){season}(?![-‐\p{{L}}])"
            # "That spring, she found work": the season of the last date named
            rf"|that{S}{season}(?![-‐\p{{L}}])"
            # "the following spring", "the previous summer": the first after (the last before)
            # the last date named
            rf"|the{S}(?:next|following|previous|prior|preceding){S}{season}(?![-‐\p{{L}}])"
            # "in the spring and summer": a second season, then no noun it would qualify
            rf"|(?<=\b(?:the|in|during|until|by|since|through|throughout|over|for){S}{season}{S}(?:and|or|to|through|into){S}){season}"
            rf"(?={S0}(?:[,.;:)!?]|$)|{S}(?:of|months|in|on|at|and|or|to|when|as|for|with|the|this|last|next|\d)(?![\p{{L}}]))"
            # "Summer will be tight for growers", "but winter came early": a season as the
            # subject of a verb of the future or the past, opening its clause
            rf"|(?<=(?:\A|[\n.!?;:,(][\"“”’']?|\b(?:and|but|while|because|until|though|although)){S0}){season}"
            rf"(?={S}(?:will|would|could|should|may|might|was|has{S}been|had{S}been|arrived|came"
            rf"|brought|began|ended|proved)(?![\p{{L}}]))",
        ),
        ("year_named", rf"the{S}year{S}(?:{year4}|{spelled_year})"),
        (
            "relunit",
            # "the week before last": two weeks back
            rf"the{S}(?:week|year){S}before{S}last(?![\p{{L}}])"
            rf"|(?:(?:earlier|later|early|late|mid|the{S}rest{S}of|the{S}end{S}of|the{S}beginning{S}of|the{S}start{S}of|the{S}middle{S}of|the{S}close{S}of|the{S}turn{S}of|the{S}remainder{S}of)[-‐]?{S0})?"
            rf"(?:{relword}){S}(?:weekend|week|month|year|quarter|decade|century|millennium|{season}|season)(?![-‐][\p{{L}}])"
            rf"|(?:the{S})?(?:weekend|year(?:{DASH}|[ \t\u00a0])end|year(?:{DASH}|[ \t\u00a0])to(?:{DASH}|[ \t\u00a0])date|year{POSS}{S}end|end{S}of{S}(?:the{S})?(?:calendar{S})?year|end{DASH}of{DASH}year|turn{S}of{S}the{S}century|mid(?:{DASH})?(?:year|month|week|decade))(?![-‐][\p{{L}}])"
            rf"|the{S}(?:end|beginning|start|middle|rest|remainder|close){S}of{S}the{S}(?:year|month|week|quarter|decade|century)(?![-‐][\p{{L}}])"
            # "in the second half of the decade": the decade, with an edge
            rf"|the{S}(?:first|second){S}half{S}of{S}the{S}decade(?![-‐\p{{L}}])"
            rf"|(?:(?:early|late|earlier|later){S}in{S})?the{S}(?:week|(?:full{S})?year)(?![-‐][\p{{L}}]|{S}(?:before|after|earlier|later)(?![\p{{L}}]))"
            # "into the new year": the year about to begin (not "New Year's Day")
            rf"|(?:(?:early|late|earlier|later){S}in{S})?the{S}new{S}year(?!{POSS}|[-‐\p{{L}}])"
            # "earlier in the month": the month the story is in (a bare "the month" is not)
            rf"|(?:early|late|earlier|later){S}in{S}the{S}month(?![-‐][\p{{L}}]|{S}(?:before|after|of)(?![\p{{L}}]))"
            rf"|full{DASH}year(?=[ \t\u00a0]+\p{{Ll}})",  # "full-year profit": the year reported
        ),
        (
            "ago",
            # "roughly 3.5 billion years ago": a past beyond the calendar (PAST_REF)
            rf"(?:{mod}{S})?(?:{digits}|{card}|an?){S}(?:million|billion){S}years{S}ago(?![\p{{L}}])"
            rf"|(?:{mod}{S})?(?:(?:hundreds|tens){S}of{S})?(?:millions|billions){S}of{S}years{S}ago(?![\p{{L}}])"
            # ("closed the road for three days earlier this month": a length, then "earlier
            # this month")
            rf"|{amount}{HY}{UNIT_ADJ}{UNIT_WORDS}{after_unit}{S}(?:ago|(?:earlier|later)(?!{S}(?:this|last|that){S}(?:week|month|year|season)(?![\p{{L}}]))|before|after|from{S}(?:now|today)|hence|back|on)(?![\p{{L}}])",
        ),
        (
            "relday",
            # "the same month last year": the month named before, a year back
            rf"the{S}same{S}(?:day|week|month|season){S}(?:a{S}year{S}(?:ago|earlier|before)|last{S}year|the{S}year{S}before|(?:of|in){S}{year4})(?![\p{{L}}])"
            rf"|(?:(?:earlier|later|early|late){S})?(?:that{S}(?:same{S})?|the{S}(?:next|following|previous|prior|preceding|same){S})(?:(?:trading|business){S}day|day|morning|afternoon|evening|night|week|weekend|month|year|season)"
            # ("the day before last Tuesday" is the weekday's, a day off)
            rf"|the{S}day{S}(?:before|after)(?!{S}(?:yesterday|tomorrow|(?:(?:last|next|this|coming){S})?{wd})(?![\p{{L}}]))(?:{S}that)?"
            rf"|the{S}day{S}(?:earlier|later)(?:{S}that)?"
            rf"|the{S}(?:night|week|month|year){S}(?:before|after|earlier|later)(?!{S}(?:yesterday|tomorrow)\b)(?:{S}that)?"
            # "today is the eighth day of the strike", "the siege enters its third week", "the
            # strike, now in its third week", "the war is in its fifth year"
            rf"|(?<=\b(?:is|{APOS}s|(?:is|now){S}in|enters|entering|entered|into){S}(?:its{S})?)(?:the{S})?{day_word}"
            rf"(?:{S}(?:straight|consecutive|successive))?{S}(?:day|week|month|year)(?![-‐])"
            rf"(?!{S}of{S}(?:the|a|each|every){S}(?:week|month|year)\b)",
        ),
        (
            "span",
            rf"(?:the{S})?(?:past|last|next|coming|previous|first|final|following|remaining|preceding|initial|ensuing|recent|latest|upcoming)"
            rf"{S}(?:{bare_amount}{HY})?{UNIT_ADJ}{UNIT_WORDS}{after_unit}(?:{S}(?:ahead|to{S}come))?",
        ),
        (
            "weekday",
            # "the day before last Tuesday": a day on either side of the weekday named
            rf"(?:the{S}day{S}(?:before|after){S})?"
            rf"(?:(?:last|next|this|coming|this{S}past|this{S}coming|the{S}previous|the{S}following|the{S}next|that|early|late|earlier|later){S})?{wd}",
        ),
        (
            "deictic",
            rf"(?:(?:early|late|earlier|later){S})?{deictic}|the{S}day{S}before{S}yesterday|the{S}day{S}after{S}tomorrow",
        ),
        (
            "set",
            rf"(?:every|each){S}(?:{bare_amount}{HY}{UNIT_WORDS}|(?:other{S})?(?:{UNIT_SINGULAR}|{season}|{month}|(?:morning|afternoon|evening|night)))"
            rf"|(?:once|twice|thrice|{digits}{S}times|{card}{S}times){S}(?:(?:a|an|per|every|each){S}{UNIT_SINGULAR}|{alt(w for w in t['frequency'] if ' ' not in w)})"
            rf"|{bare_amount}{HY}{UNIT_WORDS}{S}(?:a|an|per|every|each){S}{UNIT_SINGULAR}|{alt(t['frequency'])}",
        ),
        (
            "month",
            rf"(?:(?:last|next|this|that|early|late|mid|the{S}(?:next|following|previous|prior|preceding)|the{S}end{S}of|the{S}beginning{S}of|the{S}start{S}of|the{S}middle{S}of|the{S}first{S}half{S}of|the{S}second{S}half{S}of)(?:{DASH}|[-‐]?{S0}))?{month}(?![-‐\p{{L}}])(?!\.?{S0}\d)",
        ),
        (
            "duration",
            rf"(?:a{S})?{bare_amount}[-‐]{UNIT_SINGULAR}{S}(?:period|span|stretch|term|run|stint)"
            # ("a quarter-point cut", "a quarter-mile": a fraction of something else)
            rf"|(?:the{S}(?=\d|{card}))?{amount}{HY}{UNIT_ADJ}{UNIT_WORDS}(?![-‐](?:point|percentage|mile|inch|pound|ounce|final|finals|length|size|quarter|half)(?![\p{{L}}]))(?<!\b[Aa]{S}second(?={S}(?:quarter|half)\b)){after_unit}(?:{HY}long)?(?!{DASH}(?:ago|earlier)(?![\p{{L}}]))"
            rf"|(?:(?:several|many|few|some){S})?(?:centuries|decades|years|months|weeks|days|hours|minutes)(?:{HY}long)?"
            rf"|the{S}years(?!{S}(?:\d|ahead(?![\p{{L}}])|to{S}come(?![\p{{L}}])))"
            rf"|(?:day|week|month|year|decade|hour){HY}long|a{S}while|some{S}time"
            # "within the hour": an hour from then, as "within an hour"
            rf"|(?<=\bwithin{S})the{S}hour(?![\p{{L}}'’])",
        ),
        (
            "year",
            rf"(?:{edge}|{approx}|(?:early|late|earlier|later){S}in{S})?(?<![$€£#\d,.:/]){year4}(?![\d%]|\.\d|,\d|:\d|[-‐/](?!(?:1[5-9]|20)\d\d(?!\d)|\d\d(?![\d/]|[-‐.:]\d))\d)|(?:nineteen|eighteen){HY}(?:{tens_word}(?:{HY}{ones})?|{teen_word})|(?<=\b(?:in|since|of|until|by|year|from|to|during){S}){spelled_year}|{year2}",
        ),
        ("vague", alt(t["vague"])),
    ]
    return alternatives


def _words(spec: str) -> set[str]:
    return set(spec.split())


def _first(entries: Iterable[str]) -> set[str]:
    """First words of lexicon entries ("new year's day" -> "new", "jan." -> "jan")."""
    out = set()
    for entry in entries:
        first = _FIRST_SPLIT.split(entry.lower())[0]
        if first:
            out.add(first)
    return out


@functools.lru_cache(maxsize=8)
def kind_openers(lex: Lexicon) -> dict[str, tuple[frozenset[str], bool]]:
    """Per kind: the words its expressions can open with, and whether a digit can open it."""
    t = lex.temporal
    months = _first(t["month"])
    weekdays = _first(t["weekday"])
    weekday_plurals = {w + "s" for w in weekdays}
    numbers = _first(t["number"]) | _words("half couple dozen dozens hundreds handful number few")
    mods = _words(
        """about around approximately roughly nearly almost close more less fewer at no up
        just well upwards some another an a over under"""
    )
    approx = _words("around about approximately roughly")
    deictic = _words("yesterday today tomorrow tonight")
    pods = _first(t["part_of_day"]) | _words("mid midafternoon")
    ordinals = _first(t["ordinal"]) | _words("1st 2nd 3rd 4th")
    units = _words(
        """second seconds minute minutes hour hours day days night nights week weeks
        fortnight fortnights month months quarter quarters year years decade decades century
        centuries weekend weekends millennium millennia"""
    )
    rel = _words("this last next coming current past previous following same that the")
    spec: dict[str, tuple[set[str], bool]] = {
        # (a spelled clock opens with its hour only: "seven o'clock", not "some", "a week")
        "time": (
            approx
            | _first(_spelled_ones(t["number"]))
            | _words("noon midnight midday ten eleven twelve")
            # minutes counted from an hour: "quarter to ten", "twenty past six"
            | _words("a quarter half twenty thirty forty fifty")
            | _words("thirteen fourteen fifteen sixteen seventeen eighteen nineteen"),
            True,
        ),
        "pod_day": (
            _words(
                "early late mid this last the dawn daybreak sunrise dusk sunset sundown nightfall"
            )
            | weekdays
            | deictic
            | pods,
            False,
        ),
        "wd_set": (_words("every each weekends weekdays") | weekdays | weekday_plurals, False),
        "holiday": (_words("last next this the") | _first(t["holiday"]), False),
        "mdy": (approx | weekdays | months | _words("the"), False),
        "dmy": (weekdays | _words("the"), True),
        "iso": (set(), True),
        "month_year": (_words("early late mid the") | months, False),
        "week_of": (_words("the"), False),
        "quarter": (
            _words(
                """the fiscal calendar year comparable same corresponding last next this latter back
                q1 q2 q3 q4 h1 h2 jan january april july oct october mar march june sept sep
                september dec december"""
            )
            | ordinals,
            True,
        ),
        "quarter_ref": (
            _words(
                """the that its comparable same corresponding year latest most recent previous
                prior preceding current fiscal quarter period last this next"""
            ),
            True,
        ),
        "fiscal": (_words("fiscal fy financial"), False),
        "fiscal_ref": (
            _words(
                "the current latest last next previous prior this new coming same full fiscal"
                " financial"
            ),
            True,
        ),
        "decade": (_words("the early mid late") | ordinals, True),
        "season": (_words("early late mid the") | rel | _first(t["season"]), False),
        "year_named": (_words("the"), False),
        "relunit": (
            _words(
                """earlier later early late mid the this last next coming current weekend year
                end turn midyear midmonth midweek full"""
            ),
            False,
        ),
        "ago": (mods | numbers | _words("millions billions tens"), True),
        "relday": (_words("earlier later early late that the") | _first(t["ordinal"]), False),
        "span": (
            _words(
                """the past last next coming previous first final following remaining
                preceding initial ensuing recent latest upcoming"""
            ),
            False,
        ),
        "weekday": (
            _words("last next this coming the that early late earlier later") | weekdays,
            False,
        ),
        "deictic": (_words("early late earlier later the") | deictic, False),
        "set": (_words("every each once twice thrice") | numbers | _first(t["frequency"]), True),
        "month": (_words("last next this that early late mid the") | months, False),
        "duration": (_words("a the several many few some") | mods | numbers | units, True),
        "year": (_words("early late mid the nineteen eighteen two") | approx, True),
        "vague": (_first(t["vague"]), False),
    }
    return {kind: (frozenset(words), digit) for kind, (words, digit) in spec.items()}


# how lexicon entries are cut into words (compiled once: see newsstruct.patterns)
_FIRST_SPLIT = compile_re(r"[\s'’.-]")
_LETTERS_RUN = compile_re(r"\p{L}+")
_SPACE_OR_DASH = compile_re(r"[\s-]+")


def _lead(entry: str) -> str:
    """The first run of letters of a lexicon entry, lower case ("sept." -> "sept")."""
    m = _LETTERS_RUN.match(entry.lower())
    return m.group() if m else ""


def _seconds(entries: Iterable[str]) -> set[str]:
    """The second words of the entries that open with "the" ("the near future" -> "near")."""
    out = set()
    for entry in entries:
        words = entry.lower().split(" ", 1)
        if words[0] == "the" and len(words) == 2:
            out.add(_lead(words[1]))
    return out


@functools.lru_cache(maxsize=8)
def the_followers(lex: Lexicon) -> dict[str, tuple[frozenset[str], bool]]:
    """Per kind that can open with "the": the words (their first run of letters) that can come
    right after that "the", and whether a digit can. Read off :func:`_alternatives` by hand;
    ``tests/test_speed.py`` checks that scanning with these sets finds exactly what trying
    every kind after each "the" finds. Most "the" of a text are then tried against nothing.
    """
    t = lex.temporal
    months = {_lead(w) for w in t["month"]}
    seasons = {_lead(w) for w in t["season"]}
    numbers = {_lead(w) for w in t["number"]} | _words("a dozen hundred couple pair half")
    edges = _words("end beginning start middle")
    ordinals = _words(
        """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
        thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
        twenty"""
    )
    decades = _words("twenties thirties forties fifties sixties seventies eighties nineties")
    spec: dict[str, tuple[set[str], bool]] = {
        "pod_day": (_words("morning afternoon evening day end early late mid"), False),
        "holiday": (_words("day week") | _seconds(t["holiday"]), False),
        "mdy": (months, False),
        "dmy": (ordinals | _words("thirtieth thirty"), True),
        "month_year": (edges, False),
        "week_of": ({"week"} | _words("first second third fourth last final"), False),
        "quarter": (
            _words(
                """fiscal calendar year comparable same corresponding first second third fourth
                final last latter back"""
            ),
            True,
        ),
        "quarter_ref": (
            _words(
                """comparable same corresponding year latest most recent previous prior
                preceding current fiscal quarter period"""
            ),
            True,
        ),
        "fiscal_ref": (
            _words(
                "current latest last next previous prior this new coming same full fiscal financial"
            ),
            True,
        ),
        "decade": (_words("early mid late last latter") | ordinals | decades, True),
        "season": (
            edges
            | _words(
                "this that last next coming current the early late following previous prior preceding"
            )
            | seasons,
            False,
        ),
        "year_named": ({"year"}, False),
        "relunit": (
            edges
            | _words(
                "rest close turn remainder current coming weekend year mid midyear midmonth"
                " midweek week full new first second"
            ),
            False,
        ),
        "relday": (
            _words("next following previous prior preceding same day night week month year")
            | {_lead(w) for w in t["ordinal"]},
            False,
        ),
        "span": (
            _words(
                """past last next coming previous first final following remaining preceding
                initial ensuing recent latest upcoming"""
            ),
            False,
        ),
        "weekday": (_words("previous following next day"), False),
        "deictic": ({"day"}, False),
        "month": (edges | _words("first second next following previous prior preceding"), False),
        "duration": (numbers | {"years", "hour"}, True),
        "year": (edges | {"close"}, False),
        "vague": (_seconds(t["vague"]), False),
    }
    return {kind: (frozenset(words), digit) for kind, (words, digit) in spec.items()}


# time units, and the words a unit may carry ("an additional year", "2 consecutive days")
_UNITS = frozenset(
    _words(
        """second seconds minute minutes hour hours day days night nights week weeks fortnight
        fortnights month months quarter quarters year years decade decades century centuries
        weekend weekends millennium millennia"""
    )
)
_UNIT_ADJECTIVES = frozenset(
    _words(
        """more additional further extra straight consecutive full long trading business working
        school hot cold short crucial difficult single"""
    )
)


@functools.lru_cache(maxsize=8)
def a_followers(lex: Lexicon) -> frozenset[str]:
    """The words (first run of letters) that can come right after an expression's opening
    "a" or "an": a unit ("a week ago"), a word a unit may carry ("an additional year"), an
    amount ("a dozen years", "a 10-day period"), the rest of a lexicon entry ("a later date").
    Read off :func:`_alternatives` by hand and checked like :func:`the_followers`."""
    t = lex.temporal
    units, unit_adj = _UNITS, _UNIT_ADJECTIVES
    amounts = {_lead(w) for w in t["number"]} | _words(
        "dozen hundred couple pair half million billion"
    )
    rest = set()
    for cls in ("number", "vague", "frequency", "holiday"):
        for entry in t[cls]:
            words = entry.lower().split(" ", 1)
            if words[0] in ("a", "an") and len(words) == 2:
                rest.add(_lead(words[1]))
    return frozenset(units | unit_adj | amounts | rest | _words("further while"))


@functools.lru_cache(maxsize=8)
def digit_followers(lex: Lexicon) -> frozenset[str]:
    """The words (first run of letters) that can follow a number and a space inside an
    expression that opens with that number, unless the number is a year (1500-2099, tried
    always): a unit ("3 weeks", "2 consecutive days"), a clock word ("5 p.m.", "7 o'clock",
    "4 in the morning", "0735 GMT", a time zone), a month ("5 March", "5 of March"), "and a
    half", "to" (a range), "times". Read off :func:`_alternatives` by hand and checked like
    :func:`the_followers`."""
    t = lex.temporal
    units, unit_adj = _UNITS, _UNIT_ADJECTIVES
    clock = _words("a p am pm o in at gmt utc z hours hrs local past")
    zones = {_lead(w) for w in t["timezone"]}
    months = {_lead(w) for w in t["month"]}
    return frozenset(
        units | unit_adj | clock | zones | months | _words("of and to times million billion")
    )


@functools.lru_cache(maxsize=8)
def digit_follower_kinds(lex: Lexicon) -> dict[str, frozenset[str]]:
    """Per kind, the words of :func:`digit_followers` that can follow a run of ASCII digits
    that is not a year, and a space, inside an expression of that kind opening there: a clock
    word for ``time`` ("5 p.m.", "7 o'clock", "4 in the morning", "between 2 and 4", "0735
    GMT"), a month for ``dmy`` ("5 March", "5 of March"), a unit, a word a unit may carry,
    "and" ("2 and a half"), "to" (a range) for the amounts, "million" for ``ago`` ("3 million
    years ago"), "times" for ``set``. The other kinds a digit opens go on from such a run
    without a space ("3Q08", "14th", "1/2/2024") or open with a year, so none are listed.
    Read off :func:`_alternatives` by hand and checked like :func:`the_followers`."""
    units, unit_adj = _UNITS, _UNIT_ADJECTIVES
    months = {_lead(w) for w in lex.temporal["month"]}
    amount = units | unit_adj | _words("and to")
    spec = {
        "time": _words("a p am pm o in at and to gmt utc z past minute minutes"),
        "dmy": months | {"of"},
        "ago": amount | _words("million billion"),
        "duration": amount,
        "set": units | _words("and to times"),
    }
    union = digit_followers(lex)
    return {kind: frozenset(words) & union for kind, words in spec.items()}


# Words that open an expression only before a word that names a time ("this morning",
# "that week", "last year", "next Monday"), filtered by :func:`deictic_followers`.
_DEICTIC = ("this", "that", "last", "next")


@functools.lru_cache(maxsize=8)
def deictic_followers(lex: Lexicon) -> frozenset[str]:
    """The words (first run of letters) that can come right after an expression's opening
    "this", "that", "last" or "next" (one set for the four): a month, a weekday, a season, a
    holiday ("this March", "last Monday", "next spring", "last Christmas"), a part of the day
    ("this morning", "last night"), a time unit ("last week", "that same day"), "past" and
    "coming" ("this past weekend"), the words before "quarter" or "fiscal year" ("last
    quarter", "that same quarter", "next fiscal year"), an amount of a span ("the last three
    weeks", "last 10 years": a digit is tried always), the rest of a lexicon entry that opens
    with the word. Read off :func:`_alternatives` by hand and checked like
    :func:`the_followers`."""
    t = lex.temporal
    leads = {
        _lead(w) for cls in ("month", "weekday", "season", "holiday", "number") for w in t[cls]
    }
    rest = set()
    for entries in t.values():
        for entry in entries:
            words = entry.lower().split(" ", 1)
            if words[0] in _DEICTIC and len(words) == 2:
                rest.add(_lead(words[1]))
    return frozenset(
        leads
        | rest
        | _UNITS
        | _UNIT_ADJECTIVES
        | _words(
            """past coming morning afternoon evening night season fiscal financial half
            comparable same corresponding prior latest most recent previous preceding current
            successive a an dozen hundred couple pair"""
        )
    )


_ORDINAL_ENDS = ("st", "nd", "rd", "th")
# Pieces every time unit of the grammar holds ("fortnight" holds "night", "weekend" "week").
_UNIT_PIECES = _words("second minute hour day night week month quarter year decade centur millenni")


def _pieces(entries: Iterable[str]) -> set[str] | None:
    """Per lexicon entry, a piece it cannot be matched without: its longest word of plain
    ASCII without an apostrophe (``alt`` matches any space run between words and either
    apostrophe). None when an entry has no such word."""
    out = set()
    for entry in entries:
        words = [w for w in entry.lower().split(" ") if w.isascii() and "'" not in w and w]
        if not words:
            return None
        out.add(max(words, key=len))
    return out


def _union(*parts: set[str] | frozenset[str] | None) -> set[str] | None:
    """The union of ``parts``; None when one is None (a piece is missing)."""
    if any(part is None for part in parts):
        return None
    return set().union(*(part for part in parts if part is not None))


@functools.lru_cache(maxsize=8)
def kind_needles(lex: Lexicon) -> dict[str, frozenset[str]]:
    """Per kind (of those costly to try), lower-case pieces at least one of which every
    match of it holds ("ago": a time unit, as in "three weeks ago"). A kind is not tried at a
    word when none of its pieces occurs between that word and the end of the stretch. Read
    off :func:`_alternatives` by hand and checked like :func:`the_followers`."""
    t = lex.temporal
    units = _UNIT_PIECES
    lexicon = {cls: _pieces(t[cls]) for cls in ("frequency", "season", "holiday", "vague")}
    lexicon["month"] = _pieces(t["month"])
    lexicon["weekday"] = _pieces(t["weekday"])
    spec: dict[str, set[str] | None] = {
        "ago": units,
        "span": units,
        "duration": units | _words("while time"),
        "set": _union(units, _words("every each once twice thrice times"), lexicon["frequency"]),
        "relunit": _union(units, lexicon["season"], _words("season")),
        "relday": units | _words("morning afternoon evening season"),
        "quarter_ref": _words("quarter period year"),
        "fiscal_ref": _words("fiscal financial"),
        "season": lexicon["season"],
        "holiday": lexicon["holiday"],
        "vague": lexicon["vague"],
        "mdy": lexicon["month"],
        # a month, or a day's ordinal ("on the 14th")
        "dmy": _union(lexicon["month"], {f"{d}{end}" for d in range(10) for end in _ORDINAL_ENDS}),
        "weekday": lexicon["weekday"],
        # "quarter", "half", "period", or an analyst's code ("Q3", "2H")
        "quarter": _words("quarter period half q1 q2 q3 q4 h1 h2 1q 2q 3q 4q 1h 2h"),
        # "1990s", "’90s", "the eighties", "the 19th century"
        "decade": _words("0s 0's 0’s ties century") | {"0 's", "0 ’s"},  # and "the 1990 's"
        "month": lexicon["month"],
        "month_year": lexicon["month"],
    }
    return {kind: frozenset(words) for kind, words in spec.items() if words is not None}


@functools.lru_cache(maxsize=8)
def modifier_followers(
    lex: Lexicon,
) -> dict[str, tuple[dict[str, frozenset[str]], frozenset[str], frozenset[str]]]:
    """Per word that opens a modifier ("about", "nearly", "at" in "at least", "more" in "more
    than") or a lexicon entry of ``vague`` of several words ("at" in "at present"): per word
    (first run of letters) that may come right after it, the kinds that can go on with it;
    the kinds a digit can go on with; and the kinds it can open at all, as a modifier or an
    entry's first word. After a whole modifier comes an amount ("about three weeks ago",
    "nearly 40 years": ``ago``, ``duration``); after "about", "around", "approximately" and
    "roughly" also a clock time, a date or a year (``time``, ``mdy``, ``year``). Read off
    :func:`_alternatives` by hand and checked like :func:`the_followers`. A word that opens a
    kind in another way too ("years" is a duration) must not be filtered by these sets: see
    :func:`compile_grammar`."""
    t = lex.temporal
    amounts = {_lead(w) for w in t["number"]} | _words("a an dozen hundred couple pair half")
    clock = {_lead(w) for w in t["number"]} | _words(
        "ten eleven twelve noon midnight midday quarter half"
    )
    dated = {_lead(w) for w in (*t["weekday"], *t["month"])} | {"the"}
    out: dict[str, tuple[dict[str, set[str]], set[str], set[str]]] = {}

    def add(word: str, follower: str | None, kinds: Iterable[str]) -> None:
        by_next, digit, opens = out.setdefault(word, ({}, set(), set()))
        opens.update(kinds)
        if follower is None:
            digit.update(kinds)
        else:
            by_next.setdefault(follower, set()).update(kinds)

    # "over" is a modifier after "for", "in", "lasted" … ("for over a decade")
    for phrase in (*_MODIFIERS, "over"):
        words = phrase.split(" ")
        if len(words) > 1:
            add(words[0], words[1], ("ago", "duration"))
            continue
        add(words[0], None, ("ago", "duration"))
        for follower in amounts:
            add(words[0], follower, ("ago", "duration"))
    for follower in _UNITS | _UNIT_ADJECTIVES:  # "another year": "another" is the amount
        add("another", follower, ("ago", "duration"))
    for word in _APPROX:
        add(word, None, ("time", "year"))
        for follower in clock:
            add(word, follower, ("time",))
        for follower in dated:
            add(word, follower, ("mdy",))
    whole = {entry.lower() for entry in t["vague"]}
    for entry in whole:
        words = entry.split(" ")
        if len(words) > 1 and words[0] not in whole:  # "now" alone is an entry: not filtered
            add(words[0], _lead(words[1]), ("vague",))
    return {
        word: ({w: frozenset(k) for w, k in by_next.items()}, frozenset(digit), frozenset(opens))
        for word, (by_next, digit, opens) in out.items()
    }


_YEAR_RUN = compile_re(r"(?:1[5-9]|20)[0-9][0-9]")
# After a number: spaces, then a word of letters (anything else: every kind).
_AFTER_NUMBER = compile_re(r"\s+(\p{L}+)")
# After a number (its thousands and decimals, maybe spaces), a mark no expression goes on
# with: "14%", "(603)", "5 %"; or a comma before no digit ("640,000, were"; no clock, day or
# amount goes on with a comma).
_NUMBER_STOP = compile_re(r"(?:,\d{3})*(?:\.\d+)?(?:\s*[%)\]};!?\"”]|,(?!\d))")
# After a run of ASCII digits: its ASCII thousands ("310,000"), decimals ("2.8"), or the other
# end of a range ("5-4", "9–11"), then spaces and a word of letters. Only an amount goes on
# after thousands or a range ("1,100 years", "5-10 years"), or a clock ("9–11 a.m.",
# "2.30 p.m."): the words of ``Grammar.after_number`` after a number; and "until"/"till" of
# a clock range ("from 2.30 until 4 p.m.").
_NUMBER_THEN_WORD = compile_re(r"(?:,[0-9]{3})*(?:\.[0-9]+)?(?:[-–][0-9]+)?\s+(\p{L}+)")
_CLOCK_RANGE = frozenset(("until", "till"))


# After "the" or "a": spaces, then a word of letters or a digit (anything else: every kind).
_AFTER_THE = compile_re(rf"{S}(?:(\p{{L}}+)|(\d))", regex.V1)


@attrs.frozen(eq=False)
class Grammar:
    """The compiled grammar of one lexicon: a pattern per kind, and which kinds each opening
    word can start, so a position is tried only against the kinds it can open. The patterns
    are matched at a word start only (see :meth:`scan`): they do not check it themselves."""

    # (kind, pattern) with full case folding, compiled on first use (see ``patterns``)
    sources: tuple[tuple[str, str], ...]
    by_word: dict[str, tuple[str, ...]]
    by_digit: tuple[str, ...]
    # The same patterns with simple case folding: faster, and they match exactly what
    # ``patterns`` match in text where no character folds to several (see ``simple_folds``).
    simple: dict[str, regex.Pattern[str]] = attrs.field(factory=dict)
    # The kinds to try at "the", by the word after it (see :func:`the_followers`).
    after_the: dict[str, tuple[str, ...]] = attrs.field(factory=dict)
    after_the_digit: tuple[str, ...] = ()
    # The words after "a" or "an" worth trying its kinds at (see :func:`a_followers`).
    after_a: frozenset[str] = frozenset()
    # The words after a number that is not a year worth trying its kinds at, each with the
    # kinds that can go on with it after a run of ASCII digits (see
    # :func:`digit_follower_kinds`).
    after_number: dict[str, tuple[str, ...]] = attrs.field(factory=dict)
    # The kinds to try at a modifier ("about", "at"), by the word after it, and by a digit
    # after it (see :func:`modifier_followers`).
    after_modifier: dict[str, tuple[dict[str, tuple[str, ...]], tuple[str, ...]]] = attrs.field(
        factory=dict
    )
    # The words after "this", "that", "last" or "next" worth trying their kinds at (see
    # :func:`deictic_followers`).
    after_deictic: dict[str, frozenset[str]] = attrs.field(factory=dict)
    # Where a token with kinds may start, in the lowered text (see :func:`_openers`).
    openers: re.Pattern[str] | None = None
    # Per kind, its pieces (see :func:`kind_needles`) as a pattern for the lowered text.
    needles: dict[str, re.Pattern[str]] = attrs.field(factory=dict)

    @property
    def patterns(self) -> dict[str, regex.Pattern[str]]:
        """The patterns with full case folding. Only a text where a character folds to several
        ("ß") needs them, so they are compiled then, once per process: a first call on
        ordinary text does not pay for them."""
        return _full_patterns(self.sources)

    def scan(
        self,
        text: str,
        lo: int,
        hi: int,
        simple: bool = False,
        lowered: str | None = None,
    ) -> Iterator[tuple[str, regex.Match[str]]]:
        """Candidates in ``text[lo:hi]``, leftmost first, without overlaps: at each word start
        the first kind (in :data:`KINDS` order) that matches wins. ``simple``: the text passed
        :func:`simple_folds`, so the faster patterns serve. ``lowered``: ``text.lower()`` when
        that has the same offsets and ``text[lo - 1 : hi]`` is plain (see
        :meth:`TriggerFinder.lowered_at`); then only the tokens :attr:`openers` finds there are
        read, not every word."""
        patterns = self.simple if simple and self.simple else self.patterns
        find = self.openers.search if lowered is not None and self.openers is not None else None
        needles = self.needles if lowered is not None else {}
        # per needle pattern: where its first piece at or after the last token read starts
        # in ``lowered[:hi]`` (-1: none); tokens come left to right, so it is searched again
        # only once a token is past it
        next_piece: dict[re.Pattern[str], int] = {}
        pos = lo
        while True:
            if find is not None:
                hit = find(lowered, pos, hi)  # type: ignore[arg-type]
                if hit is None:
                    return
                tok = _TOKEN_START.match(text, hit.start(), hi)
                if tok is None:  # inside a word ("5at") or a number ("2024")
                    pos = hit.start() + 1
                    continue
            else:
                tok = _TOKEN_START.search(text, pos, hi)
                if tok is None:
                    return
            word = tok.group(1)
            if word is None:
                kinds = self.by_digit
                if self.after_number:
                    kinds = self._after_number(text, tok, hi, kinds)
            else:
                low = word.lower()
                kinds = self.by_word.get(low) or self.by_word.get(low.rstrip("0123456789"), ())
                if low == "the" and self.after_the:
                    kinds = self._after_the(text, tok.end(), hi, kinds)
                elif (low == "a" or low == "an") and self.after_a:
                    kinds = self._after_a(text, tok.end(), hi, kinds)
                elif low in self.after_modifier:
                    kinds = self._after_modifier(text, tok.end(), hi, low, kinds)
                else:
                    if low in self.after_deictic:
                        kinds = self._after_deictic(text, tok.end(), hi, low, kinds)
                    if (
                        kinds
                        and low == "last"
                        and _VERB_LAST.match(text, tok.end(), hi)
                        and _TO_OR_MODAL.search(text, max(0, tok.start() - 12), tok.start())
                    ):
                        kinds = ()  # "expected to last three weeks": the verb; the length follows
            for kind in kinds:
                needle = needles.get(kind)
                if needle is not None:
                    at = next_piece.get(needle)
                    if at is None or 0 <= at < tok.start():
                        piece = needle.search(lowered, tok.start(), hi)  # type: ignore[arg-type]
                        at = next_piece[needle] = piece.start() if piece is not None else -1
                    if at < 0:
                        continue  # no piece of the kind ahead: it cannot match here
                m = patterns[kind].match(text, tok.start(), hi)
                if m is not None:
                    yield kind, m
                    pos = m.end()
                    break
            else:
                pos = tok.end()

    def _after_the(self, text: str, pos: int, hi: int, kinds: tuple[str, ...]) -> tuple[str, ...]:
        """The kinds worth trying at a "the" that ends at ``pos``: those the next word can
        continue; all of ``kinds`` when that word is not plain ASCII letters or a digit."""
        nxt = _AFTER_THE.match(text, pos, hi)
        if nxt is None:
            return kinds
        word = nxt.group(1)
        if word is None:
            return self.after_the_digit
        if not word.isascii():
            return kinds
        return self.after_the.get(word.lower(), ())

    def _after_modifier(
        self, text: str, pos: int, hi: int, low: str, kinds: tuple[str, ...]
    ) -> tuple[str, ...]:
        """The kinds worth trying at a modifier ``low`` that ends at ``pos``: those the next
        word (or a digit) can continue; all of ``kinds`` when that word is not plain ASCII
        letters."""
        nxt = _AFTER_THE.match(text, pos, hi)
        if nxt is None:
            return kinds
        by_next, digit = self.after_modifier[low]
        word = nxt.group(1)
        if word is None:
            return digit
        if not word.isascii():
            return kinds
        return by_next.get(word.lower(), ())

    def _after_deictic(
        self, text: str, pos: int, hi: int, low: str, kinds: tuple[str, ...]
    ) -> tuple[str, ...]:
        """``kinds`` at a "this", "that", "last" or "next" ending at ``pos``, unless the next
        word is plain ASCII letters that no expression continues with ("that the"): then
        none."""
        nxt = _AFTER_THE.match(text, pos, hi)
        if nxt is None or nxt.group(1) is None or not nxt.group(1).isascii():
            return kinds
        return kinds if nxt.group(1).lower() in self.after_deictic[low] else ()

    def _after_a(self, text: str, pos: int, hi: int, kinds: tuple[str, ...]) -> tuple[str, ...]:
        """``kinds`` at an "a" or "an" ending at ``pos``, unless the next word is plain ASCII
        letters that no expression continues with ("a spokesman"): then none."""
        nxt = _AFTER_THE.match(text, pos, hi)
        if nxt is None or nxt.group(1) is None or not nxt.group(1).isascii():
            return kinds
        return kinds if nxt.group(1).lower() in self.after_a else ()

    def _after_number(
        self, text: str, tok: regex.Match[str], hi: int, kinds: tuple[str, ...]
    ) -> tuple[str, ...]:
        """``kinds`` at a run of digits, unless it is not a year and what follows is a space
        and a word no expression continues a number with ("13 people"): then none. After a
        run of ASCII digits (another script's may still make a year: "٢٠٢٤"), only the kinds
        that go on with that word ("13 million": ``ago``), and none before a mark that ends
        every expression ("14%")."""
        run = tok.group()
        if len(run) == 4 and _YEAR_RUN.fullmatch(run):
            return kinds
        ascii_run = run.isascii()
        if ascii_run and _NUMBER_STOP.match(text, tok.end(), hi):
            return ()
        if ascii_run:
            nxt = _NUMBER_THEN_WORD.match(text, tok.end(), hi)
            if nxt is not None and text[tok.end()] in ",.-–":  # thousands, decimals, a range
                word = nxt.group(1)
                if not word.isascii() or word.lower() in _CLOCK_RANGE:
                    return kinds
                return self.after_number.get(word.lower(), ())
        nxt = _AFTER_NUMBER.match(text, tok.end(), hi)
        if nxt is None or not nxt.group(1).isascii():
            return kinds
        going_on = self.after_number.get(nxt.group(1).lower())
        if going_on is None:
            return ()
        return going_on if ascii_run else kinds


def _openers(by_word: dict[str, list[str]], going_on: dict[str, Iterable[str]]) -> re.Pattern[str]:
    """Where a token with kinds may start in a text lowered with the same offsets: an opening
    word (ASCII, maybe with digits: "q1", "fy2024") not after an ASCII letter nor before
    one or a digit, a digit not after a digit, a quote before a digit ("'90s"). Every start of
    such a token is found (``_TOKEN_START`` never starts a word after a letter or a digit, and
    only an ASCII letter or the Kelvin sign lowers to an ASCII letter); what it finds besides
    ("5at", a digit inside "q12") is read with ``_TOKEN_START`` and passed over.

    A word of ``going_on`` ("the", "a", a modifier) is not found where spaces and a word of
    plain ASCII letters that is not one of its followers come next ("the spokesman"): there
    :meth:`Grammar.scan` would try no kind at it (see ``_after_the``, ``_after_a``,
    ``_after_modifier``), and the search passing it over in C is much faster than reading it.
    """
    skip = "|".join(
        rf"{re.escape(word)}{S}(?!(?:{_trie(words)})(?![^\W\d_]))"
        for word, words in sorted(going_on.items())
    )
    return re.compile(
        rf"(?<![a-z])(?!(?:{skip})[a-z]+(?![^\W\d_]))(?:{_trie(by_word)})[0-9]*(?![a-z0-9])"
        r"|(?<!\d)\d|['’‘](?=\d)"
    )


# Where a candidate may start: a word start, or a year right after a year and a dash.
_TOKEN_START = compile_re(
    rf"{B}(?:(\p{{L}}[\p{{L}}\p{{N}}]*)|\d+|['’‘](?=\d))",
    regex.V1,
)


@functools.lru_cache(maxsize=8)
def compile_grammar(lex: Lexicon) -> Grammar:
    """The grammar of a lexicon, compiled once per process."""
    openers = kind_openers(lex)
    # No word-start check (B) in front: ``scan`` tries a pattern only where _TOKEN_START,
    # which opens with the same B, found a token start, so B holds there already.
    sources = tuple((kind, rf"(?:{pat}){E}") for kind, pat in _alternatives(lex))
    simple: dict[str, regex.Pattern[str]] = {}
    if all(_single_fold(c) for _, pat in sources for c in set(pat)):
        simple = {kind: compile_re("(?-f)" + pat, _FLAGS) for kind, pat in sources}
    by_word: dict[str, list[str]] = {}
    for kind in KINDS:
        for word in openers[kind][0]:
            by_word.setdefault(word, []).append(kind)
    followers = the_followers(lex)
    the_kinds = by_word.get("the", [])
    after_the: dict[str, list[str]] = {}
    for kind in the_kinds:
        for word in followers[kind][0]:
            after_the.setdefault(word, []).append(kind)
    needles: dict[frozenset[str], re.Pattern[str]] = {}
    for pieces in kind_needles(lex).values():
        needles.setdefault(pieces, re.compile(_trie(pieces)))
    after_modifier = {}
    for word, (by_next, digit, kinds) in modifier_followers(lex).items():
        opens = by_word.get(word, [])
        if opens and kinds.issuperset(opens):  # every kind the word opens is spoken for
            after_modifier[word] = (
                {w: tuple(k for k in opens if k in ks) for w, ks in by_next.items()},
                tuple(k for k in opens if k in digit),
            )
    by_digit = tuple(k for k in KINDS if openers[k][1])
    number_kinds = digit_follower_kinds(lex)
    # per word whose kinds all hang on the next word, the words that leave it some kind (in
    # the order ``scan`` checks them: "the", then "a"/"an", then a modifier)
    going_on: dict[str, Iterable[str]] = {"the": after_the, "a": a_followers(lex)}
    going_on["an"] = going_on["a"]
    for word, (kinds_by_next, _) in after_modifier.items():
        going_on.setdefault(word, [w for w, ks in kinds_by_next.items() if ks])
    # (then "this", "that", "last", "next", unless one is spoken for above)
    after_deictic = {w: deictic_followers(lex) for w in _DEICTIC if w not in going_on}
    going_on.update(after_deictic)
    return Grammar(
        sources=sources,
        after_modifier=after_modifier,
        openers=_openers(by_word, going_on),
        needles={kind: needles[pieces] for kind, pieces in kind_needles(lex).items()},
        by_word={w: tuple(k) for w, k in by_word.items()},
        by_digit=by_digit,
        simple=simple,
        after_the={w: tuple(k) for w, k in after_the.items()},
        after_the_digit=tuple(k for k in the_kinds if followers[k][1]),
        after_a=a_followers(lex),
        after_deictic=after_deictic,
        after_number={
            word: tuple(k for k in by_digit if word in number_kinds.get(k, ()))
            for word in digit_followers(lex)
        },
    )


_FLAGS = regex.V1 | regex.IGNORECASE

# "to last", "will last" before a length ("three weeks", "for days", "months", "until May"):
# the verb
_TO_OR_MODAL = compile_re(
    r"(?r)\b(?:to|will|would|could|can|may|might|should|must|'ll|’ll|won't|won’t)\s+$",
    regex.IGNORECASE,
)
_VERB_LAST = compile_re(
    r"\s+(?:\d|an?\b|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b"
    r"|ten\b|eleven\b|twelve\b|(?:thir|four|fif|six|seven|eigh|nine)teen\b"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?\b"
    r"|several\b|many\b|few\b|for\b|until\b|through\b|into\b|about\b"
    r"|around\b|up\b|only\b|just\b|at\b|another\b|longer\b|beyond\b|well\b"
    r"|(?:hours|days|weeks|months|years|decades)\b)",
    regex.IGNORECASE,
)


@functools.lru_cache(maxsize=8)
def _full_patterns(sources: tuple[tuple[str, str], ...]) -> dict[str, regex.Pattern[str]]:
    return {kind: compile_re(pat, _FLAGS) for kind, pat in sources}


@functools.lru_cache(maxsize=4096)
def _single_fold(c: str) -> bool:
    """Whether every case form of ``c`` is one character (full and simple folding agree)."""
    return len(c.casefold()) == len(c.lower()) == len(c.upper()) == 1


def simple_folds(text: str, wide: Iterable[str] | None = None) -> bool:
    """Whether no character of ``text`` case-folds to several ("ß" -> "ss", "ﬁ" -> "fi"):
    then simple case folding matches exactly what full case folding does. ``wide``: the
    text's distinct non-ASCII characters, when already known (:attr:`TriggerFinder.wide`)."""
    if wide is None:
        wide = {c for c in set(text) if not c.isascii()}
    return all(_single_fold(c) for c in wide)


KINDS = (
    "time", "pod_day", "wd_set", "holiday", "mdy", "dmy", "iso", "month_year", "week_of",
    "quarter", "quarter_ref", "fiscal", "fiscal_ref", "decade", "season", "year_named", "relunit", "ago",
    "relday", "span", "weekday", "deictic", "set", "month", "duration", "year", "vague",
)  # fmt: skip


# Words without which no expression of the grammar exists (besides digits); sentences and
# stretches far from all of them are not searched.
_TRIGGERS = """
    quarter quarters half period fiscal fy q1 q2 q3 q4 h1 h2 noon midnight midday tonight weekend
    weekends weekdays ago nineteen eighteen thousand twenties thirties forties fifties sixties
    seventies eighties nineties century centuries millennium millennia year-ago year-earlier
    midyear midmonth midweek midafternoon while daytime a.m. p.m. o'clock o’clock am pm
    dawn daybreak sunrise dusk sunset sundown nightfall season
""".split()  # noqa: SIM905
_STOP = frozenset("the a an in at of to as this that these those so down right".split())  # noqa: SIM905


@functools.lru_cache(maxsize=8)
def trigger_pattern(lex: Lexicon) -> regex.Pattern[str]:
    """A cheap pattern for the words every candidate contains (a digit or a trigger).

    A lexicon entry of several words needs only one of them as a trigger: when one already
    is ("day" in "memorial day", "year" in "new year's"), the others are left out, so "new",
    "good" or "election" alone open no search."""
    t = lex.temporal
    words = set(_TRIGGERS)
    entries = []
    for cls in (
        "month",
        "weekday",
        "season",
        "part_of_day",
        "deictic_day",
        "vague",
        "frequency",
        "holiday",
        "unit",
    ):
        for entry in t.get(cls, {}):
            parts = [w.strip(".") for w in _SPACE_OR_DASH.split(entry.lower())]
            entries.append([w for w in parts if w and w not in _STOP])
    words.update(e[0] for e in entries if len(e) == 1)
    for w in t["weekday"]:
        words.add(w.rstrip(".") + "s")
    for u in (
        "second",
        "minute",
        "hour",
        "day",
        "night",
        "week",
        "fortnight",
        "month",
        "year",
        "decade",
    ):
        words.add(u + "s")
    for parts in entries:
        if len(parts) > 1 and not any(_lead(w) in words for w in parts):
            words.update(parts)
    return compile_re(
        r"\d+|(?<![\p{L}])\L<words>(?![\p{L}])",
        regex.V1 | regex.IGNORECASE,
        words=sorted(words),
    )


@functools.lru_cache(maxsize=8)
def _plain_trigger_pattern(lex: Lexicon) -> re.Pattern[str]:
    """:func:`trigger_pattern` for lowercased text whose characters are all plain (see
    :func:`_plain_char`): the same matches, found by the standard library's faster engine."""
    alternation = _trie(trigger_pattern(lex).named_lists["words"])
    return re.compile(rf"\d+|(?<![^\W\d_])(?:{alternation})(?![^\W\d_])")


_Trie = dict[str, "_Trie"]


def _trie(words: Iterable[str]) -> str:
    """An alternation of literal words as a prefix tree ("a(?:go|m)"): the standard library's
    engine tries each first character once instead of every word. Longer words are tried first
    (a greedy optional tail), as ``\\L<>`` matches them."""
    root: _Trie = {}
    for word in words:
        node = root
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        parts = [re.escape(c) + build(node[c]) for c in sorted(node) if c]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 and "" not in node else "(?:" + "|".join(parts) + ")"
        return body + "?" if "" in node else body

    return build(root)


_LETTER = compile_re(r"\p{L}")
_DIGIT = compile_re(r"\d")
_ASCII_LETTER_I = compile_re(r"[a-z]", regex.V1 | regex.IGNORECASE)
_RE_LETTER = re.compile(r"[^\W\d_]")
_RE_DIGIT = re.compile(r"\d")


_MAX_CLASSIFIED = 2000  # distinct non-ASCII characters read one by one (the cache holds 4096)
_MAX_FIND_LOOPS = 32  # distinct odd characters found by str.find loops, else one pass


@functools.lru_cache(maxsize=4096)
def _plain_char(c: str) -> bool:
    """Whether a non-ASCII character reads the same to both trigger patterns once lowercased:
    none of its case forms is ASCII, it lowercases to one character, and it is a letter (or a
    digit) for ``regex``'s ``\\p{L}`` exactly when it is one for ``re``'s ``[^\\W\\d_]``."""
    low = c.lower()
    if len(low) != 1 or _ASCII_LETTER_I.match(c):
        return False
    if any(ch.isascii() for form in (low, c.upper(), c.casefold(), c.title()) for ch in form):
        return False
    letter = bool(_LETTER.match(c))
    digit = bool(_DIGIT.match(c))
    return letter == bool(_LETTER.match(low)) == bool(_RE_LETTER.match(low)) and digit == bool(
        _DIGIT.match(low)
    ) == bool(_RE_DIGIT.match(low))


class TriggerFinder:
    """Finds the triggers of one text, stretch by stretch (built once per text).

    A stretch whose characters are all plain (see :func:`_plain_char`) is lowercased (same
    length, same offsets) and searched with the standard library's faster engine; a stretch
    holding any other character with :func:`trigger_pattern` as it is. Both give the same
    matches, so one odd character costs only the stretches it is in.
    """

    __slots__ = ("_bad", "_fast", "_lowered", "_slow", "_text", "wide")

    def __init__(self, text: str, lex: Lexicon):
        self._text = text
        self._fast = _plain_trigger_pattern(lex)
        self._slow = trigger_pattern(lex)
        # the text's distinct non-ASCII characters, kept for simple_folds (one pass over the
        # text for both)
        self.wide = wide = frozenset(c for c in set(text) if not c.isascii())
        # thousands of distinct characters (random or many-script text): classifying each
        # costs more than reading their stretches with the slower pattern
        odd = wide if len(wide) > _MAX_CLASSIFIED else {c for c in wide if not _plain_char(c)}
        # the text lowered with the same offsets, unless a character lowers to several ("İ"):
        # read in the stretches where no odd character stands
        lowered = text.lower()
        self._lowered = lowered if len(lowered) == len(text) else None
        bad: list[int] = []
        if len(odd) > _MAX_FIND_LOOPS:
            bad = [i for i, c in enumerate(text) if c in odd]
        else:
            for c in odd:  # few distinct characters: one C-speed find loop each
                i = text.find(c)
                while i >= 0:
                    bad.append(i)
                    i = text.find(c, i + 1)
            bad.sort()
        self._bad = bad

    def lowered_at(self, lo: int, hi: int) -> str | None:
        """The text lowered with the same offsets, when every character of ``text[lo:hi]``
        and the one before it is plain (else None): :meth:`Grammar.scan` reads only the tokens
        with kinds there. One odd character in a long text costs only its stretches."""
        return self._lowered if not self._odd_in(lo, hi) else None

    def _odd_in(self, lo: int, hi: int) -> bool:
        """Whether an odd character stands in ``text[lo - 1 : hi]`` (the patterns look one
        back)."""
        k = bisect.bisect_left(self._bad, max(0, lo - 1))
        return k < len(self._bad) and self._bad[k] < hi

    def spans(self, lo: int, hi: int) -> Iterator[tuple[int, int]]:
        """(start, end) of every trigger in ``text[lo:hi]``, in order."""
        if self._odd_in(lo, hi):
            for slow in self._slow.finditer(self._text, lo, hi, timeout=limits.SCAN_TIMEOUT):
                yield slow.span()
            return
        if self._lowered is not None:
            for m in self._fast.finditer(self._lowered, lo, hi):
                yield m.span()
            return
        base = max(0, lo - 1)
        for m in self._fast.finditer(self._text[base:hi].lower(), lo - base):
            yield m.start() + base, m.end() + base
