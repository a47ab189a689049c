"""structure(): the stages wired in the order data flows.

text -> boilerplate -> paragraphs (boilerplate excluded) -> sentences + dateline -> quotes ->
dates (resolved against ``published``, else the dateline's date) -> Article.
"""

from __future__ import annotations

import datetime as dt

from .boilerplate import find_boilerplate
from .dates import find_dates
from .lexicons import Lexicon, check_lang, load_lexicon
from .quotes import find_quotes
from .records import Article
from .segment import find_dateline, split_paragraphs, split_sentences
from .text import check_text, parse_published


def structure(
    text: str,
    published: dt.date | dt.datetime | str | None = None,
    lang: str = "en",
    *,
    lexicon: Lexicon | None = None,
) -> Article:
    """Structure one article: boilerplate, paragraphs, sentences, dateline, quotes, dates.

    Args:
        text: The plain text of the article; any str is valid.
        published: The publication date ("2022-03-17", a date or a datetime), the reference
            for relative dates. When None, a date in the dateline serves; without either,
            relative dates stay unresolved.
        lang: Language of the lexicons ("en").
        lexicon: A lexicon to use instead of the packaged one (see ``Lexicon.extended``).

    Raises:
        TypeError: ``text`` is not a str, or ``published`` is of a wrong type.
        ValueError: ``published`` is not an ISO date, or ``lang`` is not supported.

    >>> art = structure('"We are ready," Mayor Ines Calloway said on Monday.', "2024-05-09")
    >>> art.quotes[0].speaker.name, art.dates[0].value
    ('Ines Calloway', '2024-05-06')
    """
    check_text(text)
    ref = parse_published(published)
    check_lang(lang)
    lex = lexicon if lexicon is not None else load_lexicon(lang)
    boilerplate = find_boilerplate(text, lexicon=lex)
    paragraphs = split_paragraphs(text, boilerplate=boilerplate, lexicon=lex)
    sentences = split_sentences(text, paragraphs=paragraphs, lexicon=lex)
    dateline = find_dateline(text, paragraphs=paragraphs, published=ref, lexicon=lex)
    quotes = find_quotes(text, sentences=sentences, paragraphs=paragraphs, lexicon=lex)
    anchor, anchor_name = ref, "published"
    if anchor is None and dateline is not None and dateline.date is not None:
        anchor, anchor_name = dateline.date, "dateline"
    dates = find_dates(
        text, sentences=sentences, quotes=quotes, published=anchor, anchor=anchor_name, lexicon=lex
    )
    return Article(
        text=text,
        published=ref,
        dateline=dateline,
        boilerplate=boilerplate,
        paragraphs=paragraphs,
        sentences=sentences,
        quotes=quotes,
        dates=dates,
    )
