"""Lines that recur across the articles of a batch (CCNet-style line deduplication).

A site's menus, promos and footers repeat on every page; a story's lines do not. A
:class:`LineCounter` counts, for each normalised line, in how many documents it occurs (once
per document), and :meth:`LineCounter.repeated` gives the keys of the lines seen in at least
``min_docs`` documents. Pass that set to ``find_boilerplate(text, repeated=...)``.

Keys are stable 64-bit integers (BLAKE2b of the normalised line): the same in every process
and every run, so a set learnt in one process can be used in another (``structure_many``
with ``n_process > 1``), and the counter stores 8 bytes per distinct line, never the text.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from ..patterns import compile_re
from ..text import check_text
from .lines import iter_lines

_NOT_WORD = compile_re(r"[^\w\s]+")
_DIGIT = compile_re(r"\d")
_SPACE = compile_re(r"\s+")


def line_key(line: str) -> int:
    """The repetition key of a line: lower case, digits as 0, punctuation and extra spaces gone.

    >>> line_key("Share this article!") == line_key("  share THIS article ")
    True
    >>> line_key("Updated 4:05 p.m.") == line_key("Updated 9:15 p.m.")
    True
    """
    norm = line_norm(line)
    return int.from_bytes(hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest(), "big")


# On ASCII text the three substitutions are one bytes.translate and a split: the tables are
# made by asking the very patterns about each ASCII character, so both ways agree.
_ASCII_ZERO = bytes(ord("0") if c < 128 and _DIGIT.fullmatch(chr(c)) else c for c in range(256))
_ASCII_GONE = bytes(c for c in range(128) if _NOT_WORD.fullmatch(chr(c)))


def line_norm(line: str) -> str:
    """The normalised line that :func:`line_key` hashes (lines with one norm repeat each
    other).

    >>> line_norm("  Updated: 4:05 p.m. ")
    'updated 000 pm'
    """
    folded = line.casefold()
    if folded.isascii():
        # after the translation only the pattern's spaces are left to split on
        return " ".join(folded.encode("ascii").translate(_ASCII_ZERO, _ASCII_GONE).decode().split())
    return _SPACE.sub(" ", _NOT_WORD.sub("", _DIGIT.sub("0", folded))).strip()


def text_keys(text: str) -> set[int]:
    """The keys of the distinct non-blank lines of ``text``."""
    return {line_key(text[s:e]) for s, e in iter_lines(text)}


class LineCounter:
    """Count in how many documents each line occurs; streamed, one document at a time.

    >>> counter = LineCounter(min_docs=2)
    >>> for page in ["Rain fell.\\nShare this", "Sun shone.\\nShare this", "Snow came."]:
    ...     counter.add(page)
    >>> repeated = counter.repeated()
    >>> line_key("Share this") in repeated, line_key("Rain fell.") in repeated
    (True, False)

    Args:
        min_docs: A line is repeated when it occurs in at least this many documents.
    """

    def __init__(self, min_docs: int = 3) -> None:
        if not isinstance(min_docs, int) or min_docs < 2:
            raise ValueError(f"min_docs must be an int >= 2, got {min_docs!r}")
        self.min_docs = min_docs
        self.docs = 0
        self._counts: Counter[int] = Counter()

    def add(self, text: str) -> None:
        """Count the distinct lines of one document."""
        check_text(text)
        self.docs += 1
        self._counts.update(text_keys(text))

    def update(self, texts: Iterable[str]) -> LineCounter:
        """Count many documents; returns the counter."""
        for text in texts:
            self.add(text)
        return self

    def repeated(self) -> frozenset[int]:
        """Keys of the lines seen in at least ``min_docs`` documents."""
        return frozenset(k for k, n in self._counts.items() if n >= self.min_docs)

    def __len__(self) -> int:
        return len(self._counts)
