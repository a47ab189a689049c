"""structure(): the stages wired in the order data flows.

text -> the text the stages read (:mod:`newsstruct.view`, same length) -> boilerplate ->
paragraphs (boilerplate excluded) -> sentences + dateline -> quotes -> dates (resolved against
``published``, else the dateline's date, else a timestamp line's) -> Article, whose records'
texts are sliced from the text passed.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Collection
from typing import Any, Literal

import attrs
import regex

from .boilerplate import find_boilerplate
from .collector import paused
from .dates import find_dates
from .dates.reference import reference_of
from .lexicons import Lexicon, check_lang, lexicon_for
from .patterns import compile_re
from .quotes import find_quotes
from .records import Article, Quote
from .segment import find_dateline, split_paragraphs, split_sentences
from .text import check_text, check_typewriter, parse_published
from .view import reading_view


def structure(
    text: str,
    published: dt.date | dt.datetime | str | None = None,
    lang: str = "en",
    *,
    lexicon: Lexicon | None = None,
    repeated: Collection[int] | None = None,
    typewriter_quotes: bool | Literal["auto"] = "auto",
    transcripts: bool = False,
) -> Article:
    """Structure one article: boilerplate, paragraphs, sentences, dateline, quotes, dates.

    Args:
        text: The plain text of the article; any str is valid.
        published: The publication date ("2022-03-17", a date or a datetime), the reference
            for relative dates. When None, a date in the dateline serves, else the day a
            timestamp line of the page names in full ("Last updated … Feb. 14, 2025");
            without any, relative dates stay unresolved.
        lang: Language of the lexicons ("en").
        lexicon: A lexicon to use instead of the packaged one (see ``Lexicon.extended``).
        repeated: Keys of lines that recur across a batch (``LineCounter.repeated()``), for
            :func:`find_boilerplate`; ``structure_many(dedupe_lines=...)`` passes them.
        typewriter_quotes: Read two apostrophes (``''…''``) as quote marks, the
            typewriter convention of some news archives: ``"auto"`` (the default) where the
            text is written that way, True always, False never (see :func:`find_quotes`).
        transcripts: Also read the answers of a transcript or Q&A ("CALLOWAY: …", "A: …")
            as direct quotes of the speaker the label names (see :func:`find_quotes`).

    Raises:
        TypeError: ``text`` is not a str, ``published`` is of a wrong type, or
            ``typewriter_quotes`` is not a bool or ``"auto"``.
        ValueError: ``published`` is not an ISO date, ``lang`` is not supported, or
            ``typewriter_quotes`` is a str other than ``"auto"``.

    Python's cyclic garbage collector is paused while the stages run and turned back on
    when the call returns (:mod:`newsstruct.collector`): 10-20% of the time of a long text.

    >>> art = structure('"We are ready," Mayor Ines Calloway said on Monday.', "2024-05-09")
    >>> art.quotes[0].speaker.name, art.dates[0].value
    ('Ines Calloway', '2024-05-06')
    """
    check_text(text)
    ref = parse_published(published)
    check_lang(lang)
    check_typewriter(typewriter_quotes, "typewriter_quotes")
    lex = lexicon_for(lexicon, lang)
    with paused():
        return _structure(text, ref, lex, repeated, typewriter_quotes, transcripts)


def _structure(
    text: str,
    ref: dt.date | None,
    lex: Lexicon,
    repeated: Collection[int] | None,
    typewriter_quotes: bool | Literal["auto"],
    transcripts: bool,
) -> Article:
    """The stages of :func:`structure`, run with the garbage collector paused."""
    warnings: list[str] = _input_warnings(text)
    original = text
    text = _run("paragraphs", text, warnings, reading_view, text, lexicon=lex)
    boilerplate = _run(
        "boilerplate", (), warnings, find_boilerplate, text, lexicon=lex, repeated=repeated
    )
    paragraphs = _run(
        "paragraphs", (), warnings, split_paragraphs, text, boilerplate=boilerplate, lexicon=lex
    )
    sentences = _run(
        "sentences", (), warnings, split_sentences, text, paragraphs=paragraphs, lexicon=lex
    )
    dateline = _run(
        "dateline",
        None,
        warnings,
        find_dateline,
        text,
        paragraphs=paragraphs,
        published=ref,
        lexicon=lex,
    )
    quotes = _run(
        "quotes",
        (),
        warnings,
        find_quotes,
        text,
        sentences=sentences,
        paragraphs=paragraphs,
        lexicon=lex,
        typewriter=typewriter_quotes,
        transcripts=transcripts,
    )
    if dateline is not None:
        quotes = tuple(_after_dateline(text, q, dateline.end) for q in quotes)
    anchor, anchor_name = ref, "published"
    if anchor is None:
        anchor, anchor_name = _run(
            "dates", (None, "published"), warnings, reference_of, dateline, boilerplate, lex
        )
    dates = _run(
        "dates",
        (),
        warnings,
        find_dates,
        text,
        sentences=sentences,
        quotes=quotes,
        published=anchor,
        anchor=anchor_name,
        lexicon=lex,
    )
    article = Article(
        text=text,
        published=ref,
        dateline=dateline,
        boilerplate=boilerplate,
        paragraphs=paragraphs,
        sentences=sentences,
        quotes=quotes,
        dates=dates,
        warnings=tuple(warnings),
    )
    return article if text is original else _retext(article, original)


def _retext(record: Any, text: str) -> Any:
    """``record`` with the ``text`` of every span in it (nested ones too) sliced again from
    ``text``, which has the same length as the text it was read from. A record whose texts
    all read the same there is returned as it is (most are: only the characters the reading
    view changed differ), not rebuilt."""
    if isinstance(record, tuple):
        items = tuple(_retext(item, text) for item in record)
        return record if all(a is b for a, b in zip(items, record, strict=True)) else items
    if not attrs.has(type(record)):
        return record
    changes = {}
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        # only tuples and records hold spans (a call per int or str field was most of the time)
        if field.name != "text" and (type(value) is tuple or attrs.has(type(value))):
            new = _retext(value, text)
            if new is not value:
                changes[field.name] = new
    if hasattr(record, "start") and hasattr(record, "end") and hasattr(record, "text"):
        sliced = text[record.start : record.end]
        if sliced != record.text:
            changes["text"] = sliced
    elif isinstance(record, Article):
        changes["text"] = text
    return attrs.evolve(record, **changes) if changes else record


def _input_warnings(text: str) -> list[str]:
    """What in the text keeps its quote marks from being read, and what to do about it."""
    warnings = []
    if "&" in text and _ESCAPED_QUOTE.search(text) is not None:
        warnings.append(
            "input: the text holds HTML character references for quote marks (&quot;, "
            "&#8220;, ...), which are not read as quote marks; pass html.unescape(text)"
        )
    if "<" in text and len(list(itertools.islice(_HTML_TAG.finditer(text), 3))) == 3:
        warnings.append(
            "input: the text is HTML (<html>, <div>, <p>, ... tags), whose markup is read as "
            "text; pass the page to newsstruct.structure_html (the html extra), or its text"
        )
    if ("â" in text or "Ã" in text) and _MOJIBAKE.search(text) is not None:
        warnings.append(
            "input: the text looks mis-decoded (UTF-8 read as Windows-1252 or Latin-1: "
            '"â€œ" for a quote mark, "Ã©" for "é"), so its quote marks are not read; '
            "decode the bytes as UTF-8"
        )
    return warnings


# quote marks written as HTML character references: text taken from HTML without decoding it
_ESCAPED_QUOTE = compile_re(
    r"&(?:quot|[lr]dquo|[lr]squo|bdquo|laquo|raquo|#0*3[49]|#0*82(?:1[6-9]|2[0-2])"
    r"|#[xX]0*(?:2[27]|201[89a-eA-E]));"
)


# tags of a page's HTML: three of them make a text a page rather than an article
_HTML_TAG = compile_re(
    r"<(?:!doctype\s+html|/?(?:html|head|body|div|p|span|a|br|ul|ol|li|h[1-6]|script|style"
    r"|meta|link|img|section|article|header|footer|nav|table|tr|td)\b[^<>]{0,300}>)",
    regex.IGNORECASE,
)


# UTF-8 quote marks, dashes and accented letters read as Windows-1252 or Latin-1
_MOJIBAKE = compile_re(r"â(?:€[œ\x9d™˜”“¦]|\x80[\x93\x94\x98\x99\x9c\x9d])|Ã[©¨¡³±¶¼§]")


def _after_dateline(text: str, quote: Quote, end: int) -> Quote:
    """A reported clause that opens the story starts after the dateline, not with it."""
    if not quote.start < end < quote.end:
        return quote
    start = end
    while start < quote.end and text[start].isspace():
        start += 1
    pieces = tuple(
        attrs.evolve(p, start=max(p.start, start), text=text[max(p.start, start) : p.end])
        for p in quote.pieces
        if p.end > start
    )
    return attrs.evolve(quote, start=start, text=text[start : quote.end], pieces=pieces)


def _run(
    stage: str, empty: Any, warnings: list[str], fn: Callable[..., Any], *args: Any, **kwargs: Any
) -> Any:
    """Run one stage; content that breaks it costs that stage's records, never the Article.

    A regular expression that hits its timeout (``TimeoutError``) or an unexpected error is
    recorded in ``warnings`` and the stage's output is left empty; the later stages go on.
    Caller mistakes are checked before any stage runs, so they still raise, and so does an
    ``ImportError``: a missing dependency (nltk, dateparser) is a broken installation, not
    something in the text, and would otherwise empty that stage for every article of a batch.
    """
    try:
        return fn(*args, **kwargs)
    except ImportError:
        raise
    except TimeoutError:
        warnings.append(f"{stage}: a pattern timed out on this text; its records are left out")
    except Exception as exc:  # a bug on this content: keep the rest of the Article
        warnings.append(
            f"{stage}: internal error on this text ({type(exc).__name__}: {exc}); its records "
            "are left out. Please report it with the text."
        )
    return empty
