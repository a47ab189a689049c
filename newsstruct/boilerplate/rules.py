"""Whole-line rules: the boilerplate lexicon, matched against one stripped line at a time.

Every rule of ``lexicons/<lang>/boilerplate.tsv`` is a pattern that must match a whole line;
the first rule in file order that matches decides. To stay fast a line is only tried against
the rules that can start with its first two characters (a partial match of them alone
tells), whose length bounds it meets (the shortest and longest line the pattern can match,
from the standard library's parse of it, and its length gate ``(?=.{m,n}$)``), and whose
keyword lookahead ``(?=.{m,n}?(?:word|words))``, if it opens with one, finds a word in the
folded line (:func:`_fold`); a rule that only lists whole lines, ``(?:menu|main menu)[.:]?``,
is tried only when the folded line (less one closing mark) is in its list. All are exact:
they skip only rules that could not match. Patterns are bounded, so no time limit is needed
(and results never depend on the machine's load).

The rules are the lexicon's own, then those of the other packaged languages
(:func:`combined_table`; ``find_boilerplate(rule_langs=...)`` chooses them).

Two keep-guards hold for every rule: a line that opens with a quote mark is speech (only
legal rules apply to it), and a line longer than ``MAX_RULE_LINE`` characters is story text
for every rule but the legal, caption, correction and credit ones. A third holds for the
prompt-like categories (promo, newsletter, share, notice, related, comments, navigation,
advertisement, banner): a line with a reported-speech attribution (", the union told
members") is a story sentence.

A rule's id also gives it a role in the context pass (see :mod:`.context`): an id ending in
``-header`` opens a block (the short lines under "Related stories" are links too), an id
ending in ``-credit`` is a photo credit on a line of its own (the line above it may be the
caption: always for a labelled credit, id ending in ``label-credit``, "Photo: Jo Park").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import attrs
import regex

try:  # the standard library's regular expression parser (Python 3.11+ keeps it private)
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_constants
    import sre_parse as _sre_parse

from ..lexicons import LINE_FOLDING, Lexicon, load_boilerplate_rules
from ..patterns import compile_data, compile_re

MAX_RULE_LINE = 400
_GIVEN_FLAGS = regex.V1 | regex.IGNORECASE
_LONG_LINE_CATEGORIES = frozenset({"legal", "caption", "correction", "credit"})
_QUOTE_OPENERS = "\"“„«‘'‚‹「『"
# A prompt a person is reported to have made ("Sign up now, the union told members, …"), or
# a sign or a page is said to read ("Click here to report a pothole, the city's website
# reads, …"), is a story sentence: rules of these categories do not take a line with an
# attribution (German ones too: "Jetzt testen, sagt Wendler, …", and other languages' with
# the verb first: "…, dijo el alcalde", "…, a déclaré le maire").
_PROMPT_CATEGORIES = frozenset(
    {
        "promo",
        "newsletter",
        "share",
        "notice",
        "related",
        "comments",
        "navigation",
        "advertisement",
        "banner",
    }
)
_ATTRIBUTED = compile_re(
    r", (?:[\p{L}'’-]{1,25} ){0,5}(?:said|says|say|told|tells|urged|urges|wrote|writes|added"
    r"|adds|argued|argues|noted|notes|warned|warns|explained|explains|insisted|insists|asked"
    r"|asks|promised|promises|advised|advises|announced|announces|replied|replies|stated"
    r"|states|recalled|recalls|admitted|admits|declared|declares|ended)\b"
    r"|, (?:the|a|an|its|his|her|their) (?:[\p{L}'’-]{1,25} ){0,2}(?:reads|read)\b"
    r"|, (?:sagt|sagte|schreibt|schrieb|erklärt|erklärte|betont|betonte|warnt|warnte|meint"
    r"|meinte|fordert|forderte) (?:(?:der|die|das|ein|eine|sein|seine|ihr|ihre) )?\p{Lu}"
    r"|, (?:dijo|dice|afirmó|explicó|escribió|señaló|aseguró|a dit|a déclaré|a expliqué"
    r"|a écrit|a affirmé|ha detto|ha spiegato|ha scritto|ha affermato|disse|afirmou|explicou"
    r"|escreveu|zei|zegt|schreef|sa|sier|sade|säger|sagde|siger) (?:\p{L}{1,25} ){0,3}\p{L}"
)


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
    return _lexicon_table(lexicon)


@functools.lru_cache(maxsize=8)
def _lexicon_table(lexicon: Lexicon) -> RuleTable:
    # lexicons hash their rules (and cache the hash): no rule list is built per call
    return _table(
        tuple((r.rule, r.category, r.pattern.pattern, r.pattern.flags) for r in lexicon.boilerplate)
    )


def combined_table(lexicon: Lexicon, langs: tuple[str, ...]) -> RuleTable:
    """The lexicon's rules, then the packaged rules of each of ``langs`` (in that order, the
    lexicon's own language skipped): one table, kept per process."""
    return _combined(lexicon, langs)


@functools.lru_cache(maxsize=8)
def _combined(lexicon: Lexicon, langs: tuple[str, ...]) -> RuleTable:
    extra = tuple(r for lang in langs if lang != lexicon.lang for r in load_boilerplate_rules(lang))
    return _table(
        tuple(
            (r.rule, r.category, r.pattern.pattern, r.pattern.flags)
            for r in lexicon.boilerplate + extra
        )
    )


# Lines starting with one of these characters try only the rules that can start with it
# (found by a partial match of the character alone); other lines try every rule.
_KEYED_FIRST = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "([{\"'“”‘’„«»©®@#*+-–—•·|/:.!?&%$€£<>_~"
)
# marks that set a line as a list item
_BULLETS = frozenset("•*·▪►-")
# ... and then up to this many characters in all, as long as they are among these
_KEY_CHARS = 2
_KEYED_NEXT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")


class RuleTable:
    """The rules of one lexicon, indexed by the first characters a line can start with.

    The index of a start is built the first time a line starts with it; the table is a
    pure function of its rules, so sharing it within a process changes no result.
    """

    def __init__(self, rules: tuple[tuple[str, str, str, int], ...]) -> None:
        self._hits = tuple(Hit(rule, category) for rule, category, _p, _f in rules)
        gates = [_gates(p) for _r, _c, p, _f in rules]
        # the length gate is checked in Python, exactly; the regex runs without it
        # compiled with the flags the lexicon gave (Unicode left implied, full case folding
        # turned off as there, and reverse matching kept inline): a rule without a length
        # gate is then the very pattern the lexicon compiled (compile_data remembers it)
        self._patterns = tuple(
            compile_data(f"{_folding(flags)}(?:{g[2]})", flags & _GIVEN_FLAGS)
            for (_r, _c, _p, flags), g in zip(rules, gates, strict=True)
        )
        lengths = tuple(
            _intersect(g[0], _widths(g[2], flags))
            for (_r, _c, _p, flags), g in zip(rules, gates, strict=True)
        )
        tests = tuple(_gate_test(g[1]) for g in gates)
        literals = tuple(
            _literal_lines(g[2], flags) for (_r, _c, _p, flags), g in zip(rules, gates, strict=True)
        )
        # what must match from a line's first character: the pattern less its opening
        # lookaheads (gates and guards), whose partial match on a line's first characters
        # tells whether the rule can start there
        self._heads = tuple(
            compile_data(f"{_folding(flags)}(?:{head})", flags & _GIVEN_FLAGS)
            if (head := _without_lookaheads(g[2])) != g[2]
            else pattern
            for (_r, _c, _p, flags), g, pattern in zip(rules, gates, self._patterns, strict=True)
        )
        # what a line is tested against for each rule, built once: the index of every line
        # start and length class holds these very tuples, not copies of them (thousands of
        # starts would keep thousands of tuples for the collector to walk)
        entries: list[_Entry] = []
        for i, hit in enumerate(self._hits):
            shortest, longest = lengths[i] or (0, _NO_LIMIT)
            word, words = tests[i]
            entries.append((shortest, longest, word, words, literals[i], self._patterns[i], hit))
        self._rule_entries = tuple(entries)
        self._by_first: dict[tuple[int, str, int], tuple[_Entry, ...]] = {}
        self._by_index: dict[tuple[int, str], tuple[int, ...]] = {}
        # flags are an enum: test them once here, not per line start
        self._reverse = tuple(bool(p.flags & regex.REVERSE) for p in self._patterns)

    def match(self, line: str) -> Hit | None:
        """The first rule matching the whole (stripped) ``line``, or None. A line set as a
        list item ("• Sign up for our newsletter", "* This article was amended on ...")
        matches what the line after its bullet matches."""
        if line[:1] in _BULLETS and line[1:2] == " ":
            line = line[2:].lstrip()
        size = len(line)
        if not line or size > 4 * MAX_RULE_LINE:
            return None
        if line[0] not in _KEYED_FIRST:
            first = ""
        else:
            k = 1
            while k < _KEY_CHARS and k < size and line[k] in _KEYED_NEXT:
                k += 1
            first = line[:k]
        # a line opening with a quote mark is speech, unless it is a headline set in capitals
        # that opens with a quoted title ('DANCING WITH THE STARS' STAR OPENS UP)
        speech = line[0] in _QUOTE_OPENERS and not (line[0] in "'‘" and line.isupper())
        # lines of one length class (1, 2-3, 4-7, 8-15, ... characters) share their candidates
        key = ((size > MAX_RULE_LINE) * 2 + speech, first, size.bit_length())
        entries = self._by_first.get(key)
        if entries is None:
            entries = self._by_first[key] = self._entries(*key)
        folded = ""
        for shortest, longest, word, words, literals, pattern, hit in entries:
            if not shortest <= size <= longest:
                continue
            if literals is not None:  # a list of whole lines: a set lookup says "maybe"
                if not folded:
                    folded = _fold(line)
                if folded not in literals[0] and not (
                    folded[-1] in literals[1] and folded[:-1] in literals[0]
                ):
                    continue
            elif word is not None:
                if not folded:
                    folded = _fold(line)
                if word not in folded:
                    continue
            elif words is not None:
                if not folded:
                    folded = _fold(line)
                for w in words:  # plain substring tests beat a regex alternation here
                    if w in folded:
                        break
                else:
                    continue
            if pattern.fullmatch(line) is not None:
                if hit.category in _PROMPT_CATEGORIES and _ATTRIBUTED.search(line) is not None:
                    return None
                return hit
        return None

    def _entries(self, variant: int, first: str, size_class: int) -> tuple[_Entry, ...]:
        low, high = 1 << size_class >> 1, (1 << size_class) - 1  # the lengths of the class
        out = []
        for i in self._candidates(variant, first):
            entry = self._rule_entries[i]
            if entry[1] < low or entry[0] > high:  # longest, shortest
                continue
            out.append(entry)
        return tuple(out)

    def _candidates(self, variant: int, first: str) -> tuple[int, ...]:
        """The rules a line of this variant can match when it starts with ``first`` (kept:
        every length class of a start shares them)."""
        key = (variant, first)
        found = self._by_index.get(key)
        if found is None:
            found = self._by_index[key] = self._narrow(variant, first)
        return found

    def _narrow(self, variant: int, first: str) -> tuple[int, ...]:
        if len(first) > 1:  # the rules for its first character, narrowed
            indices: Iterable[int] = self._candidates(variant, first[:-1])
        else:
            indices = range(len(self._hits))
        long_line, speech = variant >= 2, variant % 2 == 1
        out = []
        for i in indices:
            category, pattern = self._hits[i].category, self._heads[i]
            if long_line and category not in _LONG_LINE_CATEGORIES:
                continue
            if speech and category != "legal":
                continue
            if first and not self._reverse[i] and pattern.fullmatch(first, partial=True) is None:
                continue
            out.append(i)
        return tuple(out)


# Gates: a rule that opens with "(?=.{m,n}$)" only matches lines of m to n characters, and
# one that opens (then) with "(?=.{m,n}?(?:word|other words))" only lines containing one of
# the words; both are checked in Python before the regex engine is asked.
_LENGTH_GATE = compile_re(r"\(\?=\.\{(\d{1,4}),(\d{1,4})\}\$\)")
_WORD_GATE = compile_re(
    r"\(\?=\.\{\d{1,3},\d{1,3}\}\?\(\?i?:((?:[\w ’'/@:&;<>=!,\"”©»›→-]|\\[(./)])+"
    r"(?:\|(?:[\w ’'/@:&;<>=!,\"”©»›→-]|\\[(./)])+)*)\)\)"
)


def _without_lookaheads(pattern: str) -> str:
    """The pattern less the lookaheads it opens with ("(?=.{1,90}$)(?!.{0,80}x)abc" -> "abc"),
    or the pattern itself when it opens with none, has a top-level alternation (a lookahead
    then applies to the first branch only) or cannot be read (unbalanced brackets)."""
    if pattern.startswith("(?r)"):
        return pattern
    rest = pattern
    while rest.startswith(("(?=", "(?!")):
        end = _group_end(rest)
        if end is None:
            return pattern
        rest = rest[end:]
    if rest == pattern or not rest or _group_end("(" + rest + ")") != len(rest) + 2:
        return pattern
    if _top_level_bar(rest):
        return pattern
    return rest


def _syntax(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) of each character of ``pattern`` outside
    escapes and character classes; an unclosed class ends the walk with (-1, "[", depth)."""
    depth = 0
    k = 0
    size = len(pattern)
    while k < size:
        c = pattern[k]
        if c == "\\":
            k += 2
            continue
        if c == "[":
            k = _class_end(pattern, k)
            if k < 0:
                yield -1, "[", depth
                return
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        yield k, c, depth
        k += 1


def _group_end(pattern: str) -> int | None:
    """The index just past the group that opens ``pattern`` (escapes and classes skipped)."""
    for k, c, depth in _syntax(pattern):
        if k < 0:
            return None
        if c == ")" and depth == 0:
            return k + 1
    return None


def _class_end(pattern: str, k: int) -> int:
    """The index past the character class opening at ``k`` ("[", "[^", "[]...]"), or -1."""
    k += 1
    if k < len(pattern) and pattern[k] == "^":
        k += 1
    if k < len(pattern) and pattern[k] == "]":
        k += 1
    while k < len(pattern):
        c = pattern[k]
        if c == "\\":
            k += 2
            continue
        if c == "[":  # a nested set (regex's V1 syntax)
            k = _class_end(pattern, k)
            if k < 0:
                return -1
            continue
        if c == "]":
            return k + 1
        k += 1
    return -1


def _top_level_bar(pattern: str) -> bool:
    """Does ``pattern`` have a "|" outside every group?"""
    return any(k < 0 or (c == "|" and depth == 0) for k, c, depth in _syntax(pattern))


def _folding(flags: int) -> str:
    """The inline flag a case-insensitive rule is compiled with (see ``LINE_FOLDING``)."""
    return LINE_FOLDING if flags & regex.IGNORECASE else ""


def _gates(pattern: str) -> tuple[tuple[int, int] | None, tuple[str, ...] | None, str]:
    """(length bounds, gate words folded, the pattern without its length gate)."""
    pattern = pattern.removeprefix(LINE_FOLDING)
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
    words = tuple(_fold(word.replace("\\", "")) for word in m.group(1).split("|"))
    return lengths, words, flag + pattern


# (shortest, longest, the gate's one word, or its words, the literal lines, pattern, hit)
_Entry = tuple[
    int,
    int,
    "str | None",
    "tuple[str, ...] | None",
    "tuple[frozenset[str], str] | None",
    "regex.Pattern[str]",
    Hit,
]
# A rule that is a list of whole lines: "(?:menu|main menu|top)" and an optional closing
# mark from a class, "[.:]?", the words free of regex syntax.
_LITERAL_LIST = compile_re(
    r"\(\?:([^\\()\[\]{}?*+.^$|]++(?:\|[^\\()\[\]{}?*+.^$|]++)*+)\)(?:\[([^\]\\^-]{1,8})\]\?)?"
)


def _literal_lines(pattern: str, flags: int) -> tuple[frozenset[str], str] | None:
    """(the folded lines, the optional closing marks) of a rule that lists whole lines,
    else None. A line is then tried only when its folded text, or that text without one
    closing mark, is in the set; the regex still decides (so the test is exact)."""
    if not flags & regex.IGNORECASE or flags & regex.REVERSE:
        return None
    m = _LITERAL_LIST.fullmatch(pattern)
    if m is None:
        return None
    return frozenset(_fold(w) for w in m.group(1).split("|")), _fold(m.group(2) or "")


_NO_LIMIT = 1 << 62


def _fold(text: str) -> str:
    """``text`` casefolded for the gates, with the Turkish dotted capital and dotless small i
    as plain "i": the rules' simple case folding matches "İ" to "i" and "ı" to "I", but
    ``str.casefold`` turns "İ" into two characters ("i" and a combining dot) and keeps "ı",
    so "İlgili Haberler" would miss the gate word "ilgili". Folding both to "i" can only let
    more lines through to the regex, which still decides."""
    return text.casefold().replace("i\u0307", "i").replace("ı", "i")


def _gate_test(
    words: tuple[str, ...] | None,
) -> tuple[str | None, tuple[str, ...] | None]:
    """How a line's folded text is tested for a gate's words: (the one word, None) with
    ``in``, (None, the words) for several (each tested with ``in``), (None, None) for no
    gate."""
    if words is None:
        return None, None
    if len(words) == 1:
        return words[0], None
    return None, words


_PROPERTY = compile_re(r"\\[pP]\{[^}]{1,40}\}")
# Full case folding (on for case-insensitive V1 patterns) can match one character of a line
# to up to three of the pattern ("ß" to "ss").
_FOLD_MAX = 3


def _widths(pattern: str, flags: int) -> tuple[int, int] | None:
    """(shortest, longest) line the pattern can fully match, from the standard library's
    parse of it (a Unicode property counts as the one character it matches), or None when
    unknown. A line outside these bounds cannot match, so skipping it changes no result."""
    if pattern.startswith("(?r)"):
        pattern = pattern[4:]
    folded = bool(flags & regex.IGNORECASE) or "(?i" in pattern
    if folded and any(len(c.casefold()) > 1 for c in pattern):
        return None  # a pattern character may match several of the line's
    try:
        low, high = _sre_parse.parse(_PROPERTY.sub("a", pattern)).getwidth()
    except (re.error, ValueError, OverflowError, RecursionError):  # regex-only syntax
        return None
    if high >= _sre_constants.MAXREPEAT:
        high = _NO_LIMIT
    return (low // _FOLD_MAX if folded else low), high


def _intersect(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    if a is None or b is None:
        return a or b
    return max(a[0], b[0]), min(a[1], b[1])


@functools.lru_cache(maxsize=8)
def _table(rules: tuple[tuple[str, str, str, int], ...]) -> RuleTable:
    return RuleTable(rules)
