"""The wire dateline: "PORT ELLISON, Maine (AP) —", "LONDON, Oct 16 (Reuters) -", "(CNN) —",
"Nov 19 (Reuters) -",
"TRESK/CARROW FALLS, 3 March (Reuters) -", a press release's "CORVALE, Varn., March 3,
2025 /PRNewswire/ --", and a newspaper's title-case "Harbor City, Ore. —"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import regex

from ..lexicons import Lexicon, lexicon_for
from ..patterns import compile_re
from ..records import Dateline, Paragraph
from ..text import check_text, parse_published
from .paragraphs import split_paragraphs

_DATELINE = compile_re(
    r"""
    (?P<loc>\p{Lu}[\p{Lu}\p{M}.'’\-/ ]{1,40}?(?:,\ (?!\p{Lu}{1,5}\b\ ?\()\p{Lu}[\p{L}.'’\- ]{1,25}?)?
      (?:/\p{Lu}[\p{Lu}\p{M}.'’\- ]{1,40}?(?:,\ (?!\p{Lu}{1,5}\b\ ?\()\p{Lu}[\p{L}.'’\- ]{1,25}?)?){0,2})?
    (?:,\ (?:(?P<month>[\p{L}]{3,9})\.?\ (?P<day>\d{1,2})(?:,\ (?P<year>\d{4}))?
             |(?P<day>\d{1,2})\ (?P<month>[\p{L}]{3,9})\.?(?:\ (?P<year>\d{4}))?))?
    \ ?(?:\((?P<agency>[\p{L}&.\ ]{1,30})\)\ ?|/(?P<agency>[\p{L}&.\-\ ]{2,30})/\ ?)?
    (?P<dash>[—–]|--?)\ ?
    """,
    regex.VERBOSE | regex.V1,
)
# A dateline in title case, its place followed by a region of the lexicon ("Harbor City, Ore.
# —", "Linden Falls, Iowa (Wire) —"), by a date ("Port Ellery, 12 March 2025 –", "Harlow,
# England, 14 March 2025 —") or by an agency ("Port Ellison (Wirepress) -"); the region is
# checked against the lexicon, and only a long dash (or "--") closes it, or a hyphen after an
# agency: title-case words and a comma open many sentences.
_TITLE_DATELINE = compile_re(
    r"""
    (?P<loc>\p{Lu}\p{Ll}+(?:[\ \-]\p{Lu}\p{Ll}+){0,3}(?:,\ (?P<region>\p{Lu}[\p{L}.]{1,6}))?)
    (?:,\ (?:(?P<month>[\p{L}]{3,9})\.?\ (?P<day>\d{1,2})(?:,\ (?P<year>\d{4}))?
             |(?P<day>\d{1,2})\ (?P<month>[\p{L}]{3,9})\.?(?:\ (?P<year>\d{4}))?))?
    \ ?(?:\((?P<agency>[\p{L}&.\ ]{1,30})\)\ ?|/(?P<agency>[\p{L}&.\-\ ]{2,30})/\ ?)?
    (?P<dash>[—–]|--?)\ ?
    """,
    regex.VERBOSE | regex.V1,
)
# A wire dateline of a date and an agency alone, no place ("Nov 19 (Reuters) -", "19 Nov
# (Wire) -"): the agency in brackets or slashes is required.
_DATE_DATELINE = compile_re(
    r"""
    (?P<loc>)
    (?:(?P<month>[\p{L}]{3,9})\.?\ (?P<day>\d{1,2})(?:,\ (?P<year>\d{4}))?
      |(?P<day>\d{1,2})\ (?P<month>[\p{L}]{3,9})\.?(?:\ (?P<year>\d{4}))?)
    \ ?(?:\((?P<agency>[\p{L}&.\ ]{1,30})\)\ ?|/(?P<agency>[\p{L}&.\-\ ]{2,30})/\ ?)
    (?P<dash>[—–]|--?)\ ?
    """,
    regex.VERBOSE | regex.V1,
)
# Paragraphs before the dateline may only be a headline and its standfirst: short lines that
# do not end like a sentence.
_MAX_HEAD_PARAGRAPHS = 3
_MAX_HEAD_LENGTH = 200


def find_dateline(
    text: str,
    *,
    paragraphs: Sequence[Paragraph] | None = None,
    published: dt.date | dt.datetime | str | None = None,
    lang: str = "en",
    lexicon: Lexicon | None = None,
) -> Dateline | None:
    """The dateline opening the story, if it has one.

    The dateline opens the first paragraph, or the first after a headline (and standfirst):
    paragraphs that do not end like a sentence. A dash alone ("WASHINGTON —") makes a dateline
    only when the place is in capitals; banner words ("BREAKING —") never do.

    A dateline date without a year takes the year of ``published`` when given (the latest
    such date not after it); without either it stays None. ``published`` is a date, a
    datetime or an ISO string, as for :func:`newsstruct.structure`.

    >>> find_dateline("LONDON, Oct. 16, 2023 (Reuters) - Rain fell.").date
    datetime.date(2023, 10, 16)
    """
    check_text(text)
    ref = parse_published(published)
    lex = lexicon_for(lexicon, lang)
    if paragraphs is None:
        paragraphs = split_paragraphs(text, lexicon=lex)
    for i, para in enumerate(paragraphs[: _MAX_HEAD_PARAGRAPHS + 1]):
        found = _dateline_at(text, para, ref, lex)
        if found is not None or not _is_headline(para) or i == _MAX_HEAD_PARAGRAPHS:
            return found
    return None


def _dateline_at(
    text: str, para: Paragraph, published: dt.date | None, lex: Lexicon
) -> Dateline | None:
    m = _DATELINE.match(para.text)
    if m is not None and m.group("loc") is not None and not _looks_like_place(m.group("loc"), lex):
        m = None
    if m is None:
        m = _TITLE_DATELINE.match(para.text)
        if m is not None and not _title_dateline(m, lex):
            m = None
    if m is None:
        m = _DATE_DATELINE.match(para.text)
        if m is not None and not _agency_word(m.group("agency"), lex):
            m = None
    if m is None or not (m.group("loc") or m.group("agency")):
        return None
    loc = m.group("loc")
    if m.group("agency") is None and m.group("month") is None and "-" in m.group("dash"):
        return None
    if m.end() >= len(para.text):  # a dateline opens a story: text must follow
        return None
    date = None
    if m.group("month"):
        months = lex.temporal["month"]
        name = m.group("month").lower()
        month = months.get(name) or months.get(name + ".")
        if month is None:
            return None
        date = _dateline_date(int(month), int(m.group("day")), m.group("year"), published)
    end = para.start + m.end()
    while end > para.start and text[end - 1].isspace():
        end -= 1
    return Dateline(
        start=para.start,
        end=end,
        text=text[para.start : end],
        location=loc.strip() if loc else None,
        agency=m.group("agency").strip() if m.group("agency") else None,
        date=date,
    )


def _title_dateline(m: regex.Match[str], lex: Lexicon) -> bool:
    """A title-case match is a dateline: its region is in the lexicon, or a full date or an
    agency follows a place ("Port Ellery, 12 March 2025 –", "Port Ellison (Wirepress) -"), not
    a day, a month or a byline ("Tuesday, Oct. 14 —", "By Ana Ruiz, March 3 —"); a hyphen
    closes one only after an agency ("Harbor City, Ore. - the notes of …" is a sentence)."""
    agency = m.group("agency")
    if m.group("dash") == "-" and agency is None:
        return False
    region = m.group("region")
    if region is not None and region.lower() in lex.dateline_regions:
        return True
    if not _place_word(m.group("loc"), lex):
        return False
    if m.group("month") is not None:
        # a region not in the lexicon ("Harlow, England, 14 March 2025 —") is a place, no
        # title or banner ("Ana Ruiz, Editor, 14 March 2025 —"), and a sentence opens after
        # it ("Kessler, Ruiz, 14 March 2025 — minutes of …" is a list of names)
        return bool(m.group("year") or agency) and (
            region is None
            or (_place_word(region, lex) and region.lower() not in lex.titles and _story_follows(m))
        )
    if region is not None or agency is None or not _agency_word(agency.strip(), lex):
        return False
    if not _story_follows(m):
        return False  # "Ada Marsh (D-Vt.) — who chairs …", "Apple (AAPL) - shares fell"
    # "Harlow Bank (HB) —": the initials of the words before it are a name's short form
    initials = "".join(w[0] for w in m.group("loc").split()).upper()
    return agency.replace(".", "").replace(" ", "").upper() != initials


def _agency_word(agency: str, lex: Lexicon) -> bool:
    """An agency in brackets after a title-case place (or a date alone) is a name of two
    letters or more, not a caption's word, a banner or a title ("Marta Kessler (pictured) -", "Port Ellison (Live)
    -", "Ines Calloway (Mayor) -")."""
    low = agency.lower()
    return (
        len(agency) >= 2
        and agency[0].isupper()
        and low not in lex.banner_words
        and low not in lex.titles
        and low.rstrip(".") not in lex.abbreviations
    )


def _story_follows(m: regex.Match[str]) -> bool:
    """A sentence opens after the dash, as after every dateline: a capital, a digit or a
    quote mark, not a clause going on in lower case."""
    nxt = m.string[m.end() : m.end() + 1]
    return nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'"


def _is_headline(para: Paragraph) -> bool:
    return len(para.text) <= _MAX_HEAD_LENGTH and not para.text.rstrip().endswith((".", ":"))


def _place_word(loc: str, lex: Lexicon) -> bool:
    """The first word of a title-case place is no function word ("By") and names no day,
    month or season."""
    first = loc.split()[0].rstrip(",").lower()  # "Monday, Update": the word before its comma
    temporal = lex.temporal
    return (
        first not in lex.function_words
        and first not in lex.banner_words
        and not any(first in temporal[kind] for kind in ("weekday", "month", "season"))
    )


def _looks_like_place(loc: str, lex: Lexicon) -> bool:
    head = loc.split(",")[0].strip()
    letters = [c for c in head if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return False
    return head.lower() not in lex.banner_words


def _dateline_date(
    month: int, day: int, year: str | None, published: dt.date | None
) -> dt.date | None:
    try:
        if year is not None:
            return dt.date(int(year), month, day)
        if published is None:
            return None
        candidate = dt.date(published.year, month, day)
        if candidate > published:
            candidate = dt.date(published.year - 1, month, day)
        return candidate
    except ValueError:
        return None
