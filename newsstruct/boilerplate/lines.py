"""Lines and their shape: what the context pass knows about each line without reading it.

A line's *shape* is language-neutral: how many words, whether it ends like a sentence, opens
with a quote mark, ends in a colon or looks like a list item. A line that ends like a
sentence and has a few words (a dozen characters before a Chinese or Japanese full stop), or
that is long, is *prose*; every other line is *short* (headlines, subheads, menu entries,
links, credits, buttons).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..patterns import compile_re


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line, surrounding whitespace excluded."""
    yield from line_spans(text)


def line_spans(text: str) -> list[tuple[int, int]]:
    """:func:`iter_lines` as a list: the lines of ``str.splitlines`` ("\\r\\n" is one
    break), stripped of what ``str.isspace`` calls white space."""
    spans = []
    pos = 0
    for seg in text.splitlines(True):
        size = len(seg)
        stripped = seg.lstrip()
        if stripped:  # not blank
            start = pos + size - len(stripped)
            spans.append((start, start + len(stripped.rstrip())))
        pos += size
    return spans


# Hard-wrapped text (lines broken at a fixed width: e-mail, plain-text wire): no line is
# longer than _WRAP_MAX_LINE nor is the longest shorter than _WRAP_MIN_LINE, and at least
# _WRAP_SHARE of the lines (two at least) stop without terminal punctuation at _WRAP_LONG of the
# longest line's length or more.
_WRAP_MAX_LINE = 100
_WRAP_MIN_LINE = 40
_WRAP_SHARE = 0.4
_WRAP_LONG = 0.75
# a line of wrapped text this much shorter than the width ends its paragraph
WRAP_SHORT = 0.6


def wrap_width(text: str, spans: list[tuple[int, int]]) -> int:
    """The wrap width of hard-wrapped text (its longest line), or 0 when ``text`` (whose
    lines are ``spans``, see :func:`line_spans`) is not hard-wrapped."""
    if len(spans) < 3:
        return 0
    longest = max(e - s for s, e in spans)
    if not _WRAP_MIN_LINE <= longest <= _WRAP_MAX_LINE:
        return 0
    wraps = sum(1 for s, e in spans[:-1] if e - s >= _WRAP_LONG * longest and open_ended(text, e))
    return longest if wraps >= max(2, _WRAP_SHARE * (len(spans) - 1)) else 0


def iter_units(text: str, alone: Callable[[str], bool] | None = None) -> list[tuple[int, int, str]]:
    """The units boilerplate is decided on: (start, end, text to read) for each line, or for
    each paragraph of hard-wrapped text, whose lines are read as one (joined by spaces).

    ``alone(line)`` tells a line that stands alone even inside wrapped text (a junk line).
    """
    spans = line_spans(text)
    width = wrap_width(text, spans)
    if not width:
        return [(s, e, _spaced(text[s:e])) for s, e in spans]
    units: list[tuple[int, int, str]] = []
    group: list[tuple[int, int]] = []
    for s, e in spans:
        if group and not (
            _soft_break(text, group[-1][1], s)
            and group[-1][1] - group[-1][0] >= WRAP_SHORT * width
            and not (alone is not None and alone(text[s:e]))
        ):
            units.append(_join(text, group))
            group = []
        group.append((s, e))
    if group:
        units.append(_join(text, group))
    return units


def _join(text: str, group: list[tuple[int, int]]) -> tuple[int, int, str]:
    if len(group) == 1:
        s, e = group[0]
        return s, e, _spaced(text[s:e])
    return group[0][0], group[-1][1], _spaced(" ".join(text[s:e] for s, e in group))


def _spaced(line: str) -> str:
    """``line`` with each run of three spaces or more read as one ("By Ana Ruiz   | May 10",
    as Markdown's marks leave it in ``newsstruct.view``; two spaces after a period stay)."""
    return _SPACE_RUN.sub(" ", line) if "   " in line else line


_SPACE_RUN = compile_re(r"[ \t]{3,}+")


def line_breaks(gap: str) -> int:
    """How many line breaks ``gap`` holds ("\\r\\n" is one)."""
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n")


def open_ended(text: str, end: int) -> bool:
    """The line that ends at ``end`` stops without terminal punctuation."""
    return text[end - 1] not in WRAP_STOPS


def _soft_break(text: str, prev_end: int, start: int) -> bool:
    """The break between two lines is a wrap inside a paragraph: one line break, and the
    line before it does not end a sentence."""
    gap = text[prev_end:start]
    if line_breaks(gap) > 1:
        return False
    return open_ended(text, prev_end)


# The sentence stops of other scripts: Devanagari and Bengali "।" "॥", Arabic "؟" and Urdu
# "۔", Khmer "។", Myanmar "။", Ethiopic "።", Armenian "։", CJK "。！？．｡" (full and half width)
_SCRIPT_STOPS = "。！？．｡।॥؟۔។။።։"
# German quotes close with the marks English opens with: „So.“  ‚So.‘  »So.«
WRAP_STOPS = frozenset('.!?:;"”’»)…“‘«' + _SCRIPT_STOPS)
# Closing marks that may follow a sentence's final stop: ."  .”  .)  .’  .»
_CLOSERS = "\"'”’»)]›」』*"
# ... and in German, after a speaker: Sie sagte: „So.“ (a line quoted whole and closed so,
# with no speaker, is as often a teaser's headline as story: its shape stays open)
_GERMAN_CLOSERS = "“‘«"
_STOPS = frozenset(".!?…" + _SCRIPT_STOPS)
QUOTE_OPENERS = "\"“„«‘'‚‹「『"
_LIST_ITEM = compile_re(r"(?:[-–—•*·▪►✓+]|\d{1,3}(?:[.):]|[a-z]{1,2}\b)?|[a-zA-Z][.)])\s")
# a date that labels an entry of a timeline: "2018: Work halted", "March 2014: Plans
# approved", "Sept. 3, 2021 - Talks resume", "May 14: Deck lifted" (tried only on a line
# with a digit among its first characters)
_DATED_ITEM = compile_re(
    r"(?:(?:\p{L}{3,9}\.? (?:\d{1,2},? )?)?\d{4}|\p{L}{3,9}\.? \d{1,2}(?:st|nd|rd|th)?)"
    r"(?::| [-–—])\s"
)
_DATED_HEAD = 18
_DIGITS = frozenset("0123456789")
_TWO_NUMBERS = compile_re(r"\d\D++\d")  # two numbers: "61-21", "3 of 4"
_CONTINUED = frozenset(";,、，；،؛")
# A line this long with no space, or with more than _SPACED_PHRASE characters a space and a
# letter of a script without word spaces (Thai, Lao, Tibetan, Khmer and Burmese set spaces
# between phrases only; Chinese and Japanese around Latin words), is written in such a script
# (long German compounds are no such phrases: "Impressum Datenschutzerklärung …").
_NO_SPACE_SCRIPT_LEN = 24
_SPACED_PHRASE = 12
# (a shorter line without a space counts so from two such words on)
_SHORT_PHRASE_LEN = 8
_SPACELESS_SCRIPT = compile_re(
    r"[\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff\u2e80-\u9fff\uf900-\ufaff]"
)
# Thai and Lao end a sentence with no mark: a line of their letters ends like one
_UNSTOPPED_SCRIPT = ("\u0e01", "\u0eff")
PROSE_MIN_WORDS = 5
# a Chinese or Japanese full stop ends sentences, not headlines or menus: a line ending in
# one is prose from twelve characters on ("町は来年も同じイベントを開く方針だ。")
_CJK_FULL_STOPS = "。｡"
_CJK_PROSE_MIN_WORDS = 3
LONG_WORDS = 20


class Shape:
    """The shape of one line (see the module docstring)."""

    __slots__ = (
        "colon",
        "end_char",
        "listish",
        "prose",
        "quote",
        "terminal",
        "words",
    )

    def __init__(self, line: str) -> None:
        words = line.count(" ") + 1
        if len(line) >= _NO_SPACE_SCRIPT_LEN and (
            words <= 2 or (len(line) > _SPACED_PHRASE * words and _SPACELESS_SCRIPT.search(line))
        ):
            words = len(line) // 4  # CJK and similar: about four characters a word
        elif words == 1 and len(line) >= _SHORT_PHRASE_LEN and _SPACELESS_SCRIPT.search(line):
            words = len(line) // 4  # ... in a shorter line too ("方針だ。")
        self.words = words
        self.quote = line[0] in QUOTE_OPENERS
        end = line.rstrip(_CLOSERS) or line
        if not self.quote and end[-1] in _GERMAN_CLOSERS:
            end = end.rstrip(_GERMAN_CLOSERS) or end
        self.end_char = end[-1]
        self.terminal = self.end_char in _STOPS
        self.colon = self.end_char == ":"
        self.prose = (
            (
                (self.terminal or _UNSTOPPED_SCRIPT[0] <= self.end_char <= _UNSTOPPED_SCRIPT[1])
                and words >= PROSE_MIN_WORDS
            )
            or words >= LONG_WORDS
            or (self.end_char in _CJK_FULL_STOPS and words >= _CJK_PROSE_MIN_WORDS)
        )
        # an item of a list or table: "1 tsp cinnamon", "Path B: Slovakia, Norway, Serbia",
        # "Investing in roads;", "Q: Why?", "61-21 (3-0)", or a short sentence ("He declined.")
        self.listish = (
            self.terminal
            or self.end_char in _CONTINUED
            or line.count(",") >= 2
            or "%" in line
            or (_may_open_item(line) and _LIST_ITEM.match(line) is not None)
            or (_may_hold_digits(head := line[:200]) and _TWO_NUMBERS.search(head) is not None)
            or (not _DIGITS.isdisjoint(line[:_DATED_HEAD]) and _DATED_ITEM.match(line) is not None)
        )


# Cheap tests that spare a regex call, exact by construction: a line whose first character
# is ASCII can open a list item only with one of these (asked of _LIST_ITEM itself), or with
# a letter and "." or ")"; an ASCII head without an ASCII digit holds no digit at all.
_ASCII_ITEM_OPENERS = frozenset(
    chr(c) for c in range(128) if _LIST_ITEM.match(chr(c) + " ") or _LIST_ITEM.match(chr(c) + "1 ")
)
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _may_open_item(line: str) -> bool:
    c = line[0]
    if not c.isascii() or c in _ASCII_ITEM_OPENERS:
        return True
    return c in _ASCII_LETTERS and line[1:2] in (".", ")")


def _may_hold_digits(head: str) -> bool:
    return not head.isascii() or not _DIGITS.isdisjoint(head)
