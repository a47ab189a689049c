"""What the context steps share: the lines of one text with their shapes and verdicts
(:class:`Text`, which asks a line's rule at most once and only when a step needs to know),
and a few tests of a line that both the page body search (:mod:`.page`) and the other
context steps (:mod:`.context`) make."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..patterns import compile_re
from .lines import Shape
from .rules import Hit

Verdict = tuple[str, str]  # (category, rule)


class Text:
    """The lines of one text, their shapes and verdicts; a rule is asked about a line at
    most once, and only when some step needs to know."""

    def __init__(
        self, lines: Sequence[str], shapes: Sequence[Shape], match: Callable[[str], Hit | None]
    ) -> None:
        self.lines = lines
        self.shapes = shapes
        self.match = match
        n = len(lines)
        self.verdict: list[Verdict | None] = [None] * n
        self.hits: list[Hit | None] = [None] * n
        self._asked = [False] * n
        self._seen: dict[str, Hit | None] = {}  # pages repeat their menus and share rows

    def keep(self, i: int) -> None:
        """Take back what a rule said of line ``i``: it is a line of the story."""
        self.verdict[i] = None
        self.hits[i] = None

    def junk(self, i: int) -> bool:
        """Is line ``i`` junk by a rule (or a verdict already given)?"""
        if not self._asked[i]:
            self._asked[i] = True
            if self.verdict[i] is None:
                line = self.lines[i]
                if line in self._seen:
                    hit = self._seen[line]
                else:
                    hit = self._seen[line] = self.match(line)
                self.hits[i] = hit
                if hit is not None:
                    self.verdict[i] = (hit.category, hit.rule)
        return self.verdict[i] is not None


_SEPARATOR_MIN = 3


def separator(line: str) -> bool:
    """A separator of the story's sections: "___", "* * *", "----"."""
    return len(line) >= _SEPARATOR_MIN and not any(c.isalnum() for c in line)


# the lines right below a headline: what an author's name stands next to, and what a
# standfirst stands right above
BYLINE_CATEGORIES = frozenset({"timestamp", "byline"})
# A field of a fact box: a label of up to three words, a colon and a value of up to four
# ("Age: 52", "When: Saturday, 10 a.m.", "Cost: free; parking $5"), not a teaser headline
# ("Watch: Storm floods the old harbour district").
FIELD = compile_re(r"\p{Lu}[\p{L}'’-]*+(?: [\p{L}'’-]++){0,2}: (?:[^ ]++ ?){1,4}")


_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "with",
    ]
)


# a title or a name in Title Case is shorter than a teaser headline
_HEADLINE_MIN_WORDS = 6


def headline_like(line: str) -> bool:
    """A teaser headline: "Topic: what happened", or Title Case In English (six words or
    more: book titles and names are shorter)."""
    if ": " in line[2:60] or "„" in line or "“" in line[1:]:
        return True
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < _HEADLINE_MIN_WORDS:
        return False
    big = sum(w[0].isupper() for w in words if w.lower() not in _SMALL_WORDS)
    return big >= 0.75 * sum(w.lower() not in _SMALL_WORDS for w in words)
