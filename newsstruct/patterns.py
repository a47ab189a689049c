"""How the package compiles its regular expressions.

Every pattern is compiled once (at import, or once per lexicon) and held as an object, so
none of them goes into the ``regex`` module's shared cache. That cache holds 500 patterns
and, when full, drops a fifth of them at random; a library that looks its patterns up by
string on every call (dateparser does) then compiles them again and again.
"""

from __future__ import annotations

import functools
from typing import Any

import regex


def compile_re(pattern: str, flags: int = 0, **kwargs: Any) -> regex.Pattern[str]:
    """``regex.compile`` without the shared cache.

    >>> compile_re(r"\\d+").findall("3 to 12")
    ['3', '12']
    """
    return regex.compile(pattern, flags, cache_pattern=False, **kwargs)


def in_place(pattern: str) -> str:
    r"""``pattern`` for ``match`` at a position far from the end of the text: the same matches,
    as one of two alternatives, the other never matching (``(?!)``).

    Given a pattern that requires some text ("," in ``\s*,``, "year" in ``\s+fiscal\s+year``),
    the ``regex`` module's ``match`` first looks for that text through all of
    ``text[pos:endpos]`` and only then tries ``pos``: to the end of a long sentence or text
    without it, once per call, and quadratic when called once per cue or date. A pattern of
    alternatives requires no text, and its ``match`` tries ``pos`` at once. (A leading
    inline flag such as ``(?i)`` would end up inside the group: pass flags to the compiler.)

    >>> compile_re(in_place(r"\s*,")).match("  , and", 0).span()
    (0, 3)
    """
    return f"(?:{pattern})|(?!)"


@functools.lru_cache(maxsize=2048)
def compile_data(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """:func:`compile_re` for patterns that come from data (lexicon rows), remembered: the
    lexicon and the boilerplate rule table compile the same rule alike, once per process."""
    return compile_re(pattern, flags)
