"""structure_html(): an article's HTML in, an Article over the text trafilatura finds in it.

trafilatura (the optional ``html`` extra, imported on first use) turns the page into plain
text: it drops the menus, footers and most of the markup-level junk. It is run in its
recall-first setting, so that what it keeps stays whole; the promos, "Read more" lines,
credits and captions it leaves in are then found by :func:`~newsstruct.find_boilerplate`
like in any article text. The returned :class:`~newsstruct.Article` carries that extracted
text: every offset refers to ``article.text``, not to the HTML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from types import ModuleType
from typing import Literal

import attrs

from .lexicons import Lexicon
from .pipeline import structure
from .records import Article
from .text import check_text, check_typewriter

_EXTRA_HINT = (
    "structure_html needs trafilatura: pip install 'newsstruct[html]' "
    "(or pip install trafilatura lxml_html_clean)"
)


def html_to_text(html: str, *, url: str | None = None) -> str:
    """The main text of a page as trafilatura extracts it ("" when it finds none).

    Raises:
        TypeError: ``html`` is not a str.
        ImportError: trafilatura is not installed (the ``html`` extra).
    """
    check_text(html, "html")
    trafilatura = _trafilatura()
    text = trafilatura.extract(
        html,
        url=url,
        output_format="txt",
        favor_recall=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        with_metadata=False,
    )
    return text or ""


def structure_html(
    html: str,
    published: dt.date | dt.datetime | str | None = None,
    lang: str = "en",
    *,
    url: str | None = None,
    lexicon: Lexicon | None = None,
    repeated: Collection[int] | None = None,
    typewriter_quotes: bool | Literal["auto"] = "auto",
    transcripts: bool = False,
) -> Article:
    """Structure an article given as HTML: trafilatura's text, then :func:`structure`.

    Args:
        html: The page's HTML.
        published: The publication date, as for :func:`structure`.
        lang: Language of the lexicons.
        url: The page's address, if known (helps trafilatura).
        lexicon: A lexicon to use instead of the packaged one.
        repeated: Keys of lines repeated across a batch (see ``LineCounter``).
        typewriter_quotes: Read ``''…''`` as quote marks: ``"auto"`` where the text is
            written that way, True always, False never (see :func:`structure`).
        transcripts: Read a transcript's or Q&A's answers as quotes (see :func:`structure`).

    Returns:
        An Article whose ``text`` is the extracted text; a page without text gives an
        empty Article with a warning.

    Raises:
        TypeError: ``html`` is not a str, or ``typewriter_quotes`` is not a bool or ``"auto"``.
        ValueError: ``typewriter_quotes`` is a str other than ``"auto"``.
        ImportError: trafilatura is not installed (``pip install 'newsstruct[html]'``).
    """
    check_typewriter(typewriter_quotes, "typewriter_quotes")
    text = html_to_text(html, url=url)
    article = structure(
        text,
        published,
        lang,
        lexicon=lexicon,
        repeated=repeated,
        typewriter_quotes=typewriter_quotes,
        transcripts=transcripts,
    )
    if not text.strip():
        article = attrs.evolve(
            article, warnings=(*article.warnings, "trafilatura found no text in the HTML")
        )
    return article


def _trafilatura() -> ModuleType:
    try:
        import trafilatura
    except ImportError as exc:
        raise ImportError(_EXTRA_HINT) from exc
    return trafilatura
