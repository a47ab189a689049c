"""Whole-line rules: the boilerplate lexicon, matched against one stripped line at a time.

Every rule of ``lexicons/<lang>/boilerplate.tsv`` is a pattern that must match a whole line.
The rules of a lexicon are joined into one alternation (first rule in file order wins, as if
they were tried one by one), so a line costs one call into the regex engine, not one per rule.

Two keep-guards hold for every rule: a line that opens with a quote mark is speech (only
legal rules apply to it), and a line longer than ``MAX_RULE_LINE`` characters is story text
for every rule but the legal, caption, correction and credit ones.

A rule's id also gives it a role in the context pass (see :mod:`.context`): an id ending in
``-header`` opens a block (the short lines under "Related stories" are links too), an id
ending in ``-credit`` is a photo credit on a line of its own (the line above it is the
caption).
"""

from __future__ import annotations

import functools

import attrs
import regex

from ..lexicons import Lexicon

MAX_RULE_LINE = 400
_LONG_LINE_CATEGORIES = frozenset({"legal", "caption", "correction", "credit"})
_QUOTE_OPENERS = "\"“„«‘'‚‹「『"
_TIMEOUT = 0.05
_TIMED_LINE = 200


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
        """The line is a photo credit alone; the line above it is its caption."""
        return self.rule.endswith("-credit")


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
        self._patterns = tuple(regex.compile(f"(?:{p})", flags) for _r, _c, p, flags in rules)
        self._gates = tuple(_gate(p) for _r, _c, p, _f in rules)
        self._by_first: dict[tuple[int, str], tuple[int, ...]] = {}

    def match(self, line: str) -> Hit | None:
        """The first rule matching the whole (stripped) ``line``, or None."""
        if not line or len(line) > 4 * MAX_RULE_LINE:
            return None
        first = line[0] if line[0] in _KEYED_FIRST else ""
        key = ((len(line) > MAX_RULE_LINE) * 2 + (line[0] in _QUOTE_OPENERS), first)
        candidates = self._by_first.get(key)
        if candidates is None:
            candidates = self._by_first[key] = self._candidates(*key)
        patterns, gates = self._patterns, self._gates
        lower = ""
        # bounded patterns on a short line cannot run long; a long line gets a time budget
        timeout = _TIMEOUT if len(line) > _TIMED_LINE else None
        try:
            for i in candidates:
                gate = gates[i]
                if gate is not None:
                    if not lower:
                        lower = line.lower()
                    if not any(word in lower for word in gate):
                        continue
                if patterns[i].fullmatch(line, timeout=timeout) is not None:
                    return self._hits[i]
        except TimeoutError:
            return None
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


# A rule that opens with "(?=.{m,n}?(?:word|other words))" can only match a line containing
# one of the words: a substring test on the lower-cased line skips it at once otherwise.
_GATE = regex.compile(
    r"\(\?=\.\{\d{1,3},\d{1,3}\}\?\(\?:((?:[\w ’'/-]|\\[(./)])+(?:\|(?:[\w ’'/-]|\\[(./)])+)*)\)\)"
)


def _gate(pattern: str) -> tuple[str, ...] | None:
    m = _GATE.match(pattern)
    if m is None:
        return None
    return tuple(word.replace("\\", "").lower() for word in m.group(1).split("|"))


@functools.lru_cache(maxsize=8)
def _table(rules: tuple[tuple[str, str, str, int], ...]) -> RuleTable:
    return RuleTable(rules)
