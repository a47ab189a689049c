"""Amounts and units: "about two", "2 1/2", "a couple of" -> numbers; TIMEX3 durations.

Also the spelled-out years of broadcast transcripts ("nineteen ninety-six") and two-digit
years ("'89", read within a century of the reference date).
"""

from __future__ import annotations

import datetime as dt
import functools

import regex

from ..lexicons import Lexicon
from ..patterns import compile_re

SPACES = compile_re(r"[\s\u00a0]+")
# A hyphen between two words that a tokenizer spaced out: "12 - year", "year - ago".
_SPACED_HYPHEN = compile_re(r"(?<=[\p{L}\p{N}]) - (?=[\p{L}\p{N}])")
# A possessive a tokenizer split off: "new year 's day".
_SPACED_POSSESSIVE = compile_re(r"(?<=[\p{L}\p{N}]) '(?=s(?![\p{L}]))")

YEAR4 = compile_re(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")

YEAR2 = compile_re(r"['’](\d\d)(?!\d)")

UNIT_RE = compile_re(
    r"(seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?"
    r"|decades?|centur(?:y|ies)|weekends?|millenni(?:um|a))(?![\p{L}])",
    regex.IGNORECASE,
)

UNIT_LETTER = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "weekend": "WE", "millennium": "ML",
}  # fmt: skip

TIME_UNITS = frozenset({"second", "minute", "hour"})

SMALLER = {  # a fraction of a unit in the next smaller one
    "year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24),
    "hour": ("minute", 60), "minute": ("second", 60), "decade": ("year", 10),
    "century": ("year", 100), "quarter": ("month", 3),
}  # fmt: skip

MOD_WORDS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "nearly": "APPROX", "almost": "APPROX", "close to": "APPROX", "some": "APPROX",
    "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
    "well over": "MORE_THAN", "upwards of": "MORE_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "just under": "LESS_THAN", "fewer than": "LESS_THAN",
    "barely": "LESS_THAN", "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "only": None, "just": None, "another": None, "an additional": None, "an extra": None,
    "a full": None, "a further": None, "a mere": None,
}  # fmt: skip

MOD_PREFIX = compile_re(
    r"(?:"
    + "|".join(
        regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(MOD_WORDS, key=len, reverse=True)
    )
    + r")\s+",
    regex.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)  # the same few expressions come back over a long text
def norm(s: str) -> str:
    """``s`` lowered, its spaces one space, and a hyphen or a possessive a tokenizer spaced out
    ("third - quarter", "new year 's day") joined again ("third-quarter", "new year's day")."""
    low = SPACES.sub(" ", s.lower().replace("’", "'").replace("‐", "-")).strip()
    if " - " in low:
        low = _SPACED_HYPHEN.sub("-", low)
    return _SPACED_POSSESSIVE.sub("'", low) if " '" in low else low


_MULTIPLIERS = frozenset(["hundred", "thousand"])


def spelled_number(words: list[str], lex: Lexicon) -> float | None:
    numbers = lex.temporal["number"]
    total = 0.0
    current = 0.0
    seen = False
    for i, w in enumerate(words):
        if w in ("and",):
            continue
        if w in ("a", "an") and i + 1 < len(words) and words[i + 1] not in _MULTIPLIERS:
            continue  # "a three-year period": an article, not one
        v = numbers.get(w)
        if v is None or v == "X":
            return None
        n = float(v)
        if n == 100:
            current = (current or 1) * 100
        elif n == 1000:
            total += (current or 1) * 1000
            current = 0.0
        else:
            current += n
        seen = True
    return total + current if seen else None


_NUMBER_RANGE = compile_re(r"[\d,.]+\s+to\s+[\d,.]+|[\d,.]+ [\d,.]+")
_SPELLED_RANGE = compile_re(r"(\p{L}+(?:\s\p{L}+)?)\s+(?:to|or)\s+\p{L}+(?:\s\p{L}+)?")
_OR_SO_END = compile_re(r"\s+or\s+(?:so|two|three|more|\d+)$")
_NUMBER_FRACTION = compile_re(r"([\d,]+(?:\.\d+)?)\s*(?:(\d)/(\d)|([½¼¾]))?")


def parse_amount(phrase: str, lex: Lexicon) -> tuple[float | None, str | None, bool]:
    """``(number, mod, vague)`` of an amount phrase ("about two", "2 1/2", "a few").

    ``number`` is None when the phrase is not a number; ``vague`` when it is unspecified.
    """
    s = norm(phrase).replace("-", " ")
    s = s.removeprefix("the ")
    if s[:2] == "a " and s[2:3].isdigit():
        s = s[2:]  # "a 10-year period": an article before a number
    if _NUMBER_RANGE.fullmatch(s):
        return None, None, True  # "12 to 18 months": a range, unspecified
    mod = None
    m = MOD_PREFIX.match(s)
    if m is not None:
        mod = MOD_WORDS.get(" ".join(m.group().split()))
        s = s[m.end() :]
    spelled_range = _SPELLED_RANGE.fullmatch(s)
    if spelled_range is not None:
        # "two to three weeks", "two or three years": TimeBank marks the range whole with
        # its lower end (P2W) and mod EQUAL_OR_MORE ("the next two to three hours": PT2H)
        low_end = spelled_number(spelled_range.group(1).split(), lex)
        return low_end, mod or ("EQUAL_OR_MORE" if low_end is not None else None), low_end is None
    half = 0.0
    if s.endswith(" and a half") or s.endswith(" and half"):
        half = 0.5
        s = s.rsplit(" and", 1)[0]
    s = _OR_SO_END.sub("", s)
    numbers = lex.temporal["number"]
    if s in numbers:
        v = numbers[s]
        if v == "X":
            return None, mod, True
        return float(v) + half, mod, False
    frac = _NUMBER_FRACTION.fullmatch(s)
    if frac:
        n = float(frac.group(1).replace(",", ""))
        if frac.group(2):
            n += int(frac.group(2)) / max(int(frac.group(3)), 1)
        elif frac.group(4):
            n += {"½": 0.5, "¼": 0.25, "¾": 0.75}[frac.group(4)]
        return n + half, mod, False
    spelled = spelled_number(s.split(), lex)
    return (None if spelled is None else spelled + half), mod, False


def unit_of(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    if w.startswith("millenni"):
        return "millennium"
    return w[:-1] if w.endswith("s") else w


_YEARS_IN = {"decade": 10, "century": 100, "millennium": 1000}


def duration_value(n: float | None, unit: str) -> str:
    """A TIMEX3 duration: ``P3W``, ``PT2H``, ``P2Y6M``, ``PXD`` (unspecified amount)."""
    letter = UNIT_LETTER[unit]
    t = "T" if unit in TIME_UNITS else ""
    if n is None:
        return f"P{t}X{letter}"
    if unit == "fortnight":
        n, letter = n * 2, "W"
    whole = int(n)
    frac = n - whole
    years = _YEARS_IN.get(unit)
    if frac and years is not None and float(n * years).is_integer():
        return f"P{int(n * years)}Y"  # "a century and a half": P150Y, not P1CE50Y
    if frac and unit in SMALLER:
        small, per = SMALLER[unit]
        extra = round(frac * per)
        small_letter = UNIT_LETTER[small]
        if unit in TIME_UNITS or small in TIME_UNITS:
            head = f"P{whole}{letter}" if unit not in TIME_UNITS else f"PT{whole}{letter}"
            if unit not in TIME_UNITS:
                return f"{head}T{extra}{small_letter}" if whole else f"PT{extra}{small_letter}"
            return f"{head}{extra}{small_letter}" if whole else f"PT{extra}{small_letter}"
        return f"P{whole}{letter}{extra}{small_letter}" if whole else f"P{extra}{small_letter}"
    count = str(whole) if not frac else f"{n:g}"
    return f"P{t}{count}{letter}"


def year_from_two_digits(yy: int, ref: dt.date | None) -> int:
    base = ref.year if ref is not None else 2000
    year = (base // 100) * 100 + yy
    return year - 100 if year > base + 10 else year


def spelled_year(s: str, lex: Lexicon) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    words = norm(s).replace("-", " ").split()
    for i, w in enumerate(words):
        if w in ("nineteen", "eighteen") and i + 1 < len(words):
            rest = [x for x in words[i + 1 :] if x in lex.temporal["number"] or x == "oh"]
            if not rest:
                continue
            if rest[0] == "hundred":
                return int(lex.temporal["number"][w]) * 100
            tail = spelled_number([x for x in rest if x != "oh"], lex)
            if tail is not None and tail < 100:
                return int(lex.temporal["number"][w]) * 100 + int(tail)
        if w == "two" and i + 1 < len(words) and words[i + 1] == "thousand":
            tail = spelled_number(words[i + 2 :], lex) if len(words) > i + 2 else 0
            if tail is not None and tail < 100:
                return 2000 + int(tail)
    return None


def year_in(s: str, ref: dt.date | None, lex: Lexicon) -> int | None:
    m = YEAR4.search(s)
    if m:
        return int(m.group(1))
    m2 = YEAR2.search(s)
    if m2:
        return year_from_two_digits(int(m2.group(1)), ref)
    return spelled_year(s, lex)
