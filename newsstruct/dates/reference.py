"""The reference date of a text that comes without ``published``.

A dated dateline ("WASHINGTON, March 17 (AP) —") serves first; else the day a timestamp line
of the page names in full ("Last updated 9:42 a.m. ET, Friday, Feb. 14, 2025", or a bare
"March 17, 2008" under the headline). :func:`newsstruct.structure` and
:func:`newsstruct.find_dates` called alone both take it from here, so the two agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..lexicons import Lexicon
from ..records import Boilerplate, Dateline


def stamp_date(boilerplate: Sequence[Boilerplate], lex: Lexicon) -> dt.date | None:
    """The day a page's timestamp line names in full: the reference of an article with no
    publication date and no dated dateline."""
    from ..segment import split_sentences
    from .stage import find_dates

    for b in boilerplate:
        if b.category != "timestamp":
            continue
        # sentences given: the line is read as it stands (no reference looked for in it)
        sentences = split_sentences(b.text, lexicon=lex)
        for m in find_dates(b.text, sentences=sentences, lexicon=lex):
            if m.anchor == "absolute" and m.first_day is not None and m.first_day == m.last_day:
                return m.first_day  # a day or a clock time on a day, written in full
    return None


def reference_of(
    dateline: Dateline | None, boilerplate: Sequence[Boilerplate], lex: Lexicon
) -> tuple[dt.date | None, str]:
    """The dateline's date, else the timestamp line's day, with the anchor name recorded."""
    if dateline is not None and dateline.date is not None:
        return dateline.date, "dateline"
    stamp = stamp_date(boilerplate, lex)
    if stamp is not None:
        return stamp, "timestamp"
    return None, "published"


def text_reference(text: str, lex: Lexicon) -> tuple[dt.date | None, str]:
    """The reference :func:`~newsstruct.structure` would use for ``text`` without
    ``published``: the boilerplate, paragraphs and dateline found as it finds them."""
    from ..boilerplate import find_boilerplate
    from ..segment import find_dateline, split_paragraphs

    boilerplate = find_boilerplate(text, lexicon=lex)
    paragraphs = split_paragraphs(text, boilerplate=boilerplate, lexicon=lex)
    dateline = find_dateline(text, paragraphs=paragraphs, lexicon=lex)
    return reference_of(dateline, boilerplate, lex)
