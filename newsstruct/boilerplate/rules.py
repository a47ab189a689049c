"""Whole-line rules: the boilerplate lexicon, matched against one stripped line at a time.

Every rule of ``lexicons/<lang>/boilerplate.tsv`` is a pattern that must match a whole line;
the first rule in file order that matches decides. To stay fast a line is only tried against
the rules that can start with its first character (a partial match of that character alone
tells), and a rule that opens with a keyword lookahead ``(?=.{m,n}?(?:word|words))`` is
skipped at once when the lower-cased line contains none of the words. Both are exact: they
skip only rules that could not match. Patterns are bounded, so no time limit is needed (and
results never depend on the machine's load).

Two keep-guards hold for every rule: a line that opens with a quote mark is speech (only
legal rules apply to it), and a line longer than ``MAX_RULE_LINE`` characters is story text
for every rule but the legal, caption, correction and credit ones.

A rule's id also gives it a role in the context pass (see :mod:`.context`): an id ending in
``-header`` opens a block (the short lines under "Related stories" are links too), an id
ending in ``-credit`` is a photo credit on a line of its own (the line above it may be the
caption: always for a labelled credit, id ending in ``label-credit``, "Photo: Jo Park").
"""

from __future__ import annotations

import functools
import re

import attrs
import regex

from ..lexicons import Lexicon

MAX_RULE_LINE = 400
_LONG_LINE_CATEGORIES = frozenset({"legal", "caption", "correction", "credit"})
_QUOTE_OPENERS = "\"“„«‘'‚‹「『"


@attrs.frozen
class Hit:
    """The rule that matched a line."""

    rule: str
    category: str

    @property
    def header(self) -> bool:
        """The line heads a block of links ("Related stories", "Most read")."""
        return self.rule.endswith("-header")

    @property
    def credit(self) -> bool:
        """The line is a photo credit alone; the line above it may be its caption."""
        return self.rule.endswith("-credit")

    @property
    def labelled(self) -> bool:
        """A credit that says it is one ("Photo: ...", "(Image credit: ...)"): it follows its
        caption, whatever the caption's shape."""
        return self.rule.endswith("label-credit")


def match_line(line: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """The (rule, category) of the first rule matching a whole stripped line, or None.

    >>> from newsstruct.lexicons import load_lexicon
    >>> match_line("Story continues below advertisement", load_lexicon())
    ('story-continues', 'advertisement')
    """
    hit = rule_table(lexicon).match(line)
    return (hit.rule, hit.category) if hit is not None else None


def rule_table(lexicon: Lexicon) -> RuleTable:
    """The compiled rules of a lexicon (one table per distinct rule list, kept per process)."""
    return _table(
        tuple((r.rule, r.category, r.pattern.pattern, r.pattern.flags) for r in lexicon.boilerplate)
    )


# Lines starting with one of these characters try only the rules that can start with it
# (found by a partial match of the character alone); other lines try every rule.
_KEYED_FIRST = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "([{\"'“”‘’„«»©®@#*+-–—•·|/:.!?&%$€£<>_~"
)


class RuleTable:
    """The rules of one lexicon, indexed by the first character a line can start with.

    The index of a character is built the first time a line starts with it; the table is a
    pure function of its rules, so sharing it within a process changes no result.
    """

    def __init__(self, rules: tuple[tuple[str, str, str, int], ...]) -> None:
        self._hits = tuple(Hit(rule, category) for rule, category, _p, _f in rules)
        gates = [_gates(p) for _r, _c, p, _f in rules]
        # the length gate is checked in Python, exactly; the regex runs without it
        self._patterns = tuple(
            regex.compile(f"(?:{g[2]})", flags)
            for (_r, _c, _p, flags), g in zip(rules, gates, strict=True)
        )
        self._lengths = tuple(g[0] for g in gates)
        self._gates = tuple(g[1] for g in gates)
        self._by_first: dict[tuple[int, str], tuple[int, ...]] = {}

    def match(self, line: str) -> Hit | None:
        """The first rule matching the whole (stripped) ``line``, or None."""
        if not line or len(line) > 4 * MAX_RULE_LINE:
            return None
        first = line[0] if line[0] in _KEYED_FIRST else ""
        # a line opening with a quote mark is speech, unless it is a headline set in capitals
        # that opens with a quoted title ('DANCING WITH THE STARS' STAR OPENS UP)
        speech = line[0] in _QUOTE_OPENERS and not (line[0] in "'‘" and line.isupper())
        key = ((len(line) > MAX_RULE_LINE) * 2 + speech, first)
        candidates = self._by_first.get(key)
        if candidates is None:
            candidates = self._by_first[key] = self._candidates(*key)
        patterns, gates, lengths = self._patterns, self._gates, self._lengths
        size = len(line)
        lower = ""
        for i in candidates:
            bounds = lengths[i]
            if bounds is not None and not bounds[0] <= size <= bounds[1]:
                continue
            gate = gates[i]
            if gate is not None:
                if not lower:
                    lower = line.lower()
                if gate.search(lower) is None:
                    continue
            if patterns[i].fullmatch(line) is not None:
                return self._hits[i]
        return None

    def _candidates(self, variant: int, first: str) -> tuple[int, ...]:
        long_line, speech = variant >= 2, variant % 2 == 1
        out = []
        for i, (hit, pattern) in enumerate(zip(self._hits, self._patterns, strict=True)):
            if long_line and hit.category not in _LONG_LINE_CATEGORIES:
                continue
            if speech and hit.category != "legal":
                continue
            if (
                first
                and not pattern.flags & regex.REVERSE
                and pattern.fullmatch(first, partial=True) is None
            ):
                continue
            out.append(i)
        return tuple(out)


# Gates: a rule that opens with "(?=.{m,n}$)" only matches lines of m to n characters, and
# one that opens (then) with "(?=.{m,n}?(?:word|other words))" only lines containing one of
# the words; both are checked in Python before the regex engine is asked.
_LENGTH_GATE = regex.compile(r"\(\?=\.\{(\d{1,4}),(\d{1,4})\}\$\)")
_WORD_GATE = regex.compile(
    r"\(\?=\.\{\d{1,3},\d{1,3}\}\?\(\?:((?:[\w ’'/@:-]|\\[(./)])+(?:\|(?:[\w ’'/@:-]|\\[(./)])+)*)\)\)"
)


def _gates(pattern: str) -> tuple[tuple[int, int] | None, re.Pattern[str] | None, str]:
    """(length bounds, word gate, the pattern without its length gate)."""
    if pattern.startswith("(?:") and pattern.endswith(")"):  # the lexicon's wrapping group
        pattern = pattern[3:-1]
    flag = "(?r)" if pattern.startswith("(?r)") else ""
    pattern = pattern[len(flag) :]
    lengths = None
    m = _LENGTH_GATE.match(pattern)
    if m is not None:
        lengths = (int(m.group(1)), int(m.group(2)))
        pattern = pattern[m.end() :]
    m = _WORD_GATE.match(pattern)
    if m is None:
        return lengths, None, flag + pattern
    words = (word.replace("\\", "").lower() for word in m.group(1).split("|"))
    return lengths, re.compile("|".join(re.escape(word) for word in words)), flag + pattern


@functools.lru_cache(maxsize=8)
def _table(rules: tuple[tuple[str, str, str, int], ...]) -> RuleTable:
    return RuleTable(rules)
