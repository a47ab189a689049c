"""Stage 4: temporal expressions, found and resolved against the reference date.

``find_dates(text, published=...)`` returns :class:`~newsstruct.records.DateMention` records
with a TIMEX3 ``type`` and ``value``, the calendar range the value covers and what it was
anchored to; ``resolve_date(expression, published=...)`` resolves one expression. One idea
per module:

* :mod:`.grammar` — a pattern per kind of expression, built from the temporal lexicon, and
  the scan that finds candidates (every word bounded, so "may" in "mayor" or "2008" in
  "$2008" never is one);
* :mod:`.resolve` (:mod:`.named`, :mod:`.relative`, :mod:`.core`) — a handler per kind turns
  a candidate into a TIMEX3 reading, or rejects it ("may" the verb, "52 years old", "$40 a
  year"); ``dateparser.parse`` reads the numeric dates the grammar found ("3/17/2022"), with
  settings built per call, and nothing else;
* :mod:`.context` — the tense of the clause, which directs weekdays, months and seasons;
* :mod:`.amounts`, :mod:`.calendar` — numbers and durations; calendar arithmetic;
* :mod:`.stage` — walks the text in order keeping the discourse (the last date mentioned,
  the quarter reported, the speech date of each direct quote).

The reference is ``published``; else a date in the dateline, else a timestamp line's day
(:mod:`.reference`); without one, relative values
stay unresolved: an underspecified TIMEX3 value ("XXXX-WXX-4") or None, never today's clock.
Conventions and known limits: ``docs/dates.md``. Nothing heavy loads at import: the grammar
is compiled on the first call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..lexicons import Lexicon
    from ..records import DateMention, Quote, Sentence

__all__ = ["find_dates", "resolve_date"]


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
    """Find temporal expressions and resolve them against ``published``.

    Args:
        text: The article text.
        sentences: Sentences to search (boilerplate left out); computed when None.
        quotes: Quotes of the text (their speech dates anchor the relative dates inside them);
            found with :func:`~newsstruct.find_quotes` when None and the text has quote marks.
        published: The reference date. When None (and ``sentences`` is None, i.e. the stage
            runs alone) the reference :func:`~newsstruct.structure` would use serves: the
            dateline's date, else the day a timestamp line names in full (a date line under
            the headline); without one, relative expressions stay unresolved.
        anchor: The name recorded for the reference ("published", "dateline" or "timestamp").
        lang: Language of the lexicons ("en").
        lexicon: A lexicon to use instead of the packaged one.

    Raises:
        TypeError: ``text`` is not a str, or ``published`` is of a wrong type.
        ValueError: ``published`` is not an ISO date, or ``lang`` is not supported.

    >>> [(d.text, d.value) for d in find_dates("It began three weeks ago.", published="2022-03-17")]
    [('three weeks ago', '2022-W08')]
    >>> [(d.text, d.value) for d in find_dates("The council met on Thursday.", published="2022-03-17")]
    [('Thursday', '2022-03-17')]
    """
    from .stage import find_dates as run  # the grammar loads on first use, not at import

    return run(
        text,
        sentences=sentences,
        quotes=quotes,
        published=published,
        anchor=anchor,
        lang=lang,
        lexicon=lexicon,
    )


def resolve_date(
    expression: str,
    *,
    published: dt.date | dt.datetime | str | None = None,
    lang: str = "en",
) -> DateMention | None:
    """Resolve one temporal expression; None when it is not one.

    >>> resolve_date("over the weekend", published="2022-03-17").value
    '2022-W10-WE'
    >>> resolve_date("three weeks ago", published="2022-03-17").first_day
    datetime.date(2022, 2, 21)
    """
    from .stage import resolve_date as run

    return run(expression, published=published, lang=lang)
