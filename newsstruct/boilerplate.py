"""Stage 1: boilerplate lines inside article text.

``find_boilerplate(text)`` returns one :class:`~newsstruct.records.Boilerplate` per line that a
rule of the boilerplate lexicon matches as a whole (surrounding whitespace excluded). Each
record names its category and the rule that fired. When in doubt the line is kept: a line that
opens with a quote mark is speech, and long lines only go for legal and caption rules.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .lexicons import Lexicon, load_lexicon
from .records import Boilerplate
from .text import check_text

# Longer lines are story text for every rule but the ones that match long legal or caption
# lines; the cut also keeps matching linear on pathological input.
_MAX_RULE_LINE = 400
_LONG_LINE_CATEGORIES = frozenset({"legal", "caption", "correction", "credit"})
_QUOTE_OPENERS = "\"“„«‘'"
_TIMEOUT = 0.05


def find_boilerplate(
    text: str, *, lang: str = "en", lexicon: Lexicon | None = None
) -> tuple[Boilerplate, ...]:
    """Find boilerplate lines: promos, banners, credits, captions, legal lines, related links.

    Args:
        text: The article text.
        lang: Language of the packaged lexicon to use.
        lexicon: A lexicon to use instead (e.g. ``load_lexicon().extended(...)``).

    >>> [(b.text, b.category) for b in find_boilerplate("Rain fell.\\nADVERTISEMENT\\nIt stopped.")]
    [('ADVERTISEMENT', 'advertisement')]
    """
    check_text(text)
    lex = lexicon if lexicon is not None else load_lexicon(lang)
    found = []
    for start, end in iter_lines(text):
        line = text[start:end]
        hit = match_line(line, lex)
        if hit is not None:
            found.append(Boilerplate(start=start, end=end, text=line, category=hit[1], rule=hit[0]))
    return tuple(found)


def match_line(line: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """The (rule, category) of the first rule matching a whole stripped line, or None."""
    long_line = len(line) > _MAX_RULE_LINE
    if len(line) > 4 * _MAX_RULE_LINE:
        return None
    speech = line[0] in _QUOTE_OPENERS
    for rule in lexicon.boilerplate:
        if long_line and rule.category not in _LONG_LINE_CATEGORIES:
            continue
        if speech and rule.category != "legal":
            continue
        try:
            if rule.pattern.fullmatch(line, timeout=_TIMEOUT):
                return rule.rule, rule.category
        except TimeoutError:
            continue
    return None


_LINE = regex.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line, surrounding whitespace excluded."""
    for m in _LINE.finditer(text):
        start, end = m.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            yield start, end
