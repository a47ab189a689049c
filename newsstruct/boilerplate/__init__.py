"""Stage 1: boilerplate lines inside article text, or around it on a whole page.

``find_boilerplate(text)`` returns one :class:`~newsstruct.records.Boilerplate` per junk line
(surrounding whitespace excluded), naming its category and the rule that decided. Two kinds
of evidence decide:

- **rules** (:mod:`.rules`): patterns from the boilerplate lexicons (English, then German:
  ``rule_langs``), each matching a whole line ("CLICK HERE TO GET THE … APP",
  "Advertisement", "Reporting by …", "Anzeige", "Mehr zum Thema");
- **context** (:mod:`.context`): the line's shape and its neighbours — the page around the
  article body (:mod:`.page`), blocks of links under a "Related" header, captions above a photo credit,
  runs of short lines inside the story, lines that repeat across a batch (:mod:`.repeat`).

When in doubt a line is kept: a line that opens with a quote mark is speech, a short line
between two paragraphs may be a subhead, long lines only go for legal, caption, credit and
correction rules, and the lines of hard-wrapped paragraphs are read together.
"""

from __future__ import annotations

from collections.abc import Collection

from ..lexicons import BOILERPLATE_LANGS, Lexicon, lexicon_for
from ..patterns import compile_re
from ..records import Boilerplate
from ..text import check_text
from .context import MODES, decide
from .lines import Shape, iter_lines, iter_units
from .repeat import LineCounter, line_key, text_keys
from .rules import combined_table, match_line

__all__ = [
    "MODES",
    "LineCounter",
    "find_boilerplate",
    "iter_lines",
    "line_key",
    "match_line",
    "text_keys",
]


def find_boilerplate(
    text: str,
    *,
    lang: str = "en",
    lexicon: Lexicon | None = None,
    mode: str = "auto",
    repeated: Collection[int] | None = None,
    rule_langs: Collection[str] | None = None,
) -> tuple[Boilerplate, ...]:
    """Find boilerplate lines: promos, banners, credits, captions, legal lines, related links.

    Args:
        text: Article text (with in-line junk), or the whole visible text of a web page.
        lang: Language of the packaged lexicon to use.
        lexicon: A lexicon to use instead (e.g. ``load_lexicon().extended(...)``).
        mode: ``"article"``: the text is an article, junk is inside it; ``"page"``: the text
            is a whole page, the article is its densest stretch of prose and everything
            around it is junk too; ``"auto"`` (default): a page when menu-like lines lie
            around that stretch (then only they go, with what rules find), else an article.
            See docs/boilerplate.md.
        repeated: Keys (:func:`line_key`) of lines that recur across a batch, e.g.
            ``LineCounter.repeated()``; short ones among them are junk.
        rule_langs: Languages whose packaged boilerplate rules run after the lexicon's own
            (default: all of ``BOILERPLATE_LANGS``, "en", "de" and "ru": the furniture of a
            page is often in another language than its story); ``()`` for the lexicon's rules
            only.

    Raises:
        TypeError: ``text`` is not a str.
        ValueError: unknown ``mode``, or a language in ``rule_langs`` without packaged rules.

    >>> [(b.text, b.category) for b in find_boilerplate("Rain fell.\\nADVERTISEMENT\\nIt stopped.")]
    [('ADVERTISEMENT', 'advertisement')]
    """
    check_text(text)
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    lex = lexicon_for(lexicon, lang)
    langs = _default_langs(text) if rule_langs is None else _rule_langs(rule_langs)
    match = combined_table(lex, langs).match
    units = iter_units(text, alone=lambda line: match(line) is not None)
    lines = [u[2] for u in units]
    shapes = [Shape(line) for line in lines]
    verdicts = decide(lines, shapes, match, mode=mode, repeated=repeated)
    return tuple(
        Boilerplate(start=s, end=e, text=text[s:e], category=v[0], rule=v[1])
        for (s, e, _line), v in zip(units, verdicts, strict=True)
        if v is not None
    )


def _rule_langs(langs: Collection[str]) -> tuple[str, ...]:
    if isinstance(langs, str):
        langs = (langs,)
    out = tuple(langs)
    for lang in out:
        if not isinstance(lang, str) or lang not in BOILERPLATE_LANGS:
            known = ", ".join(BOILERPLATE_LANGS)
            raise ValueError(f"no packaged boilerplate rules for {lang!r}; packaged: {known}")
    return out


# The German rules are skipped, to save time, on a long text in which none of these very
# common German words occurs: it has no German lines for them to find. The Russian rules all
# need a Cyrillic letter: a text without one skips them (the result is the same).
_GERMAN_SKIP_MIN_CHARS = 2000
_GERMAN_WORDS = (" und ", " der ", " nicht ", " ist ", " sich ", " für ", " auch ", " wird ")
_CYRILLIC = compile_re(r"\p{Script=Cyrillic}")


def _default_langs(text: str) -> tuple[str, ...]:
    skip = set()
    if len(text) >= _GERMAN_SKIP_MIN_CHARS and not any(w in text for w in _GERMAN_WORDS):
        skip.add("de")
    if _CYRILLIC.search(text) is None:
        skip.add("ru")
    return tuple(lang for lang in BOILERPLATE_LANGS if lang not in skip)
