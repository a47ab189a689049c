"""Temporal words inside proper names ("High Noon", "the Summer Palace", "60 Minutes").

Running English text writes the common temporal nouns in lower case: seasons, parts of the day,
units, "daily", "weekend". When one of them is capitalised inside a sentence, and the text
around it is not in title case (a headline), it belongs to a name: a film, a palace, a
newspaper, a programme, a war. The TIMEX3 and TIDES guidelines leave temporal words that are
part of a proper name unmarked. Months, weekdays and holidays are capitalised anyway and are
not judged here.
"""

from __future__ import annotations

from ..lexicons import Lexicon
from ..patterns import compile_re
from ..quotes.words import quote_words

# the words judged: lower-case in prose, capitalised only in a name
NAME_PRONE = frozenset(
    [
        "noon",
        "midnight",
        "midday",
        "morning",
        "afternoon",
        "evening",
        "night",
        "nights",
        "weekend",
        "weekends",
        "daily",
        "weekly",
        "monthly",
        "quarterly",
        "annual",
        "summer",
        "winter",
        "spring",
        "fall",
        "autumn",
        "midsummer",
        "midwinter",
        "seconds",
        "minutes",
        "hours",
        "days",
        "weeks",
        "months",
        "years",
        "decades",
        "day",
        "year",
        "week",
        "current",
    ]
)
# a season capitalised before a year is still a season ("the Fall 2021 semester")
_YEAR_AFTER = compile_re(r"[ \t\u00a0]+(?:1[5-9]|20)\d\d(?!\d)")
_WORD = compile_re(r"\p{L}[\p{L}'’]*")
_CAPITALISED = compile_re(r"\p{Lu}\p{Ll}")
# what may stand between a clause start and its first word: spaces, quotes, brackets, dashes
_OPENERS = frozenset(" \t\u00a0\r\n\"'“‘«([—–-")
_CLAUSE_START = frozenset(":;\n")
_SEASONS = frozenset(("summer", "winter", "spring", "fall", "autumn", "midsummer", "midwinter"))
_WINDOW = 60
# "high noon": a showdown, never the clock time
_HIGH_BEFORE = compile_re(r"(?i)(?<![\p{L}\p{N}])high[ \t\u00a0]+$")


def _clause_initial(text: str, pos: int, lo: int) -> bool:
    """Nothing but openers between the start of the sentence (or a colon) and ``pos``."""
    i = pos - 1
    while i >= lo and pos - i <= 8:
        ch = text[i]
        if ch in _CLAUSE_START:
            return True
        if ch not in _OPENERS:
            return False
        i -= 1
    return i < lo


def _title_case(text: str, lo: int, hi: int) -> bool:
    """No longer word near here in lower case: a headline, where capitals say nothing."""
    words = [w for w in _WORD.findall(text, lo, hi) if len(w) >= 4]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


# a weekday that opens a newspaper's name: "the Sunday Times", "the Monday Herald"
_WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
_PAPER_AFTER = compile_re(
    r"[ \t\u00a0]+(?:Times|Telegraph|Herald|Post|Express|Mirror|Mail|Tribune|Independent"
    r"|Observer|Star|Sun|Journal|Gazette|Standard|Chronicle|Ledger|Courier|Dispatch|Record"
    r"|Examiner|Bulletin|Argus|Age|Business|Nation|Magazine)(?![\p{L}])"
)


_NUMERIC_DAY = compile_re(r"\d{1,2}/\d{1,2}")
_NAME_BEFORE = compile_re(r"(?<![\p{L}\p{N}'’-])(\p{Lu}\p{Ll}+)[ \t\u00a0]+$")
# capitalised words that may stand before a day in figures ("After 9/11", "On 9/11")
_NOT_NAME_BEFORE = frozenset(
    """after before since on in by until till following from through during post pre the
    a an this that to of and or but when as""".split()  # noqa: SIM905
)


# "the Today show", NBC's "Today", "Lopez Tonight": the title of a programme
_DAY_WORDS = frozenset(["today", "tonight", "tomorrow", "yesterday"])
_SHOW_AFTER = compile_re(r"[ \t\u00a0]+[Ss]how(?![\p{L}])")
_QUOTE_CLOSED_AFTER = compile_re(r"[,.]?(?:[”\"]|'')")
_TITLE_OPENED_BEFORE = compile_re(r"(?:[“\"]|'')(?:\p{Lu}[\p{L}'’]*[ \t\u00a0]+){0,3}$")


def _programme(text: str, start: int, end: int, sent_start: int) -> bool:
    """Whether a capitalised "Today", "Tonight" … is a programme's title: before "show" ("the
    Today show", "The Tonight Show"), or the last word of a title in quotation marks (NBC's
    “Today”, “Lopez Tonight,”); not a sentence or a quotation that it opens ("“Tonight was
    supposed to be …")."""
    word = text[start:end]
    if word.lower() not in _DAY_WORDS or not _CAPITALISED.match(word):
        return False
    if _SHOW_AFTER.match(text, end, end + 8):
        return not _clause_initial(text, start, sent_start)
    return bool(
        _QUOTE_CLOSED_AFTER.match(text, end, end + 3)
        and _TITLE_OPENED_BEFORE.search(text, max(0, start - 48), start)
    )


def in_name(text: str, start: int, end: int, sent_start: int, sent_end: int) -> bool:
    """Whether the mention ``text[start:end]`` has a temporal word capitalised as in a name
    (or is the idiom "high noon")."""
    low = text[start:end].lower()
    if _programme(text, start, end, sent_start):
        return True
    if low == "noon" and _HIGH_BEFORE.search(text, max(0, start - 6), start):
        return True
    if low in _WEEKDAYS and _PAPER_AFTER.match(text, end, end + 16):
        return True  # "the Sunday Times": a newspaper
    if _NUMERIC_DAY.fullmatch(low):
        # "Fahrenheit 9/11": a day written in figures right after a capitalised word that is
        # no preposition or determiner names a film or a book, not the day
        before = _NAME_BEFORE.search(text, max(0, start - 24), start)
        if (
            before is not None
            and before.group(1).lower() not in _NOT_NAME_BEFORE
            and before.group(1).lower() not in _WEEKDAYS
            and not _title_case(
                text, max(sent_start, start - _WINDOW), min(sent_end, end + _WINDOW)
            )
        ):
            return True
    for w in _WORD.finditer(text, start, end):
        word = w.group()
        low = word.lower()
        if low not in NAME_PRONE or not _CAPITALISED.match(word):
            continue
        if _clause_initial(text, w.start(), sent_start):
            continue
        if low in _SEASONS and _YEAR_AFTER.match(text, w.end(), w.end() + 8):
            continue
        return not _title_case(text, max(sent_start, start - _WINDOW), min(sent_end, end + _WINDOW))
    return False


# A month or a holiday that is also a surname after a first name or a title: "Jill June", "Tom
# April", "Ahmed Eid", "Mr. Ramadan" (a person).
SURNAME_WORDS = frozenset(["april", "may", "june", "august", "eid", "ramadan"])
FIRST_NAME_BEFORE = compile_re(r"(?<![\p{L}\p{N}.'’-])(\p{Lu}\p{Ll}+)[ \t\u00a0]+$")
_TITLE_BEFORE = compile_re(r"(?<![\p{L}])(?:Mr|Mrs|Ms|Dr)\.?[ \t\u00a0]+$")


def person_named(text: str, start: int, word: str, lex: Lexicon) -> bool:
    """Whether the month or holiday word at ``start`` is the surname of a person a first name
    of the lexicon or a title names just before it ("Jill June said", "Tom April, 52", "Mr.
    Eid")."""
    if word.lower() not in SURNAME_WORDS:
        return False
    if _TITLE_BEFORE.search(text, max(0, start - 6), start):
        return True
    m = FIRST_NAME_BEFORE.search(text, max(0, start - 24), start)
    return m is not None and m.group(1).lower() in quote_words(lex).first_names
