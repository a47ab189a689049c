"""Quote marks: pair opening and closing marks inside paragraphs.

Double marks are paired in every paragraph: straight ``"``, curly ``“ ”``, low-high ``„ “``
and guillemets ``« »`` (either direction); a straight mark may be closed by a curly one (mixed
typography is common in pasted copy). Two apostrophes (``''``, the typewriter convention of
some news archives), and two backticks that two apostrophes close, are double marks in a
text written that way (``typewriter="auto"``, see :func:`typewriter_convention`), always
with ``typewriter=True`` and never with ``typewriter=False``; elsewhere ``''`` stays two
apostrophes (an inch mark, a second of arc, wiki italics, an empty string in code). Single marks
(``‘ ’`` and ``'``) are paired only in a paragraph with no double mark (British house style,
headlines) or where every double mark is nested inside them (``‘They said “wait”,’ he
said``), and only when both ends are found: elsewhere they are nested quotes inside a
double-quoted stretch or apostrophes. A paragraph that ends inside an
open quote continues into the next paragraph when that one opens with a quote mark (the news
convention for a quote running over several paragraphs); otherwise the quote is left unclosed
and the rest of the paragraph is its content.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence
from typing import Literal

import attrs

from .. import limits
from ..patterns import compile_re
from ..records import Paragraph

# opening mark -> the marks that may close it
_CLOSERS = {
    '"': '"”',
    "“": '”“"',  # “…“ is a common typo for “…”
    "„": "“”",
    "«": "»",
    "»": "«",
    "‟": "”",
    "”": "”“",  # ”…” opens where a word follows it (some feeds use ” on both sides)
}
_DOUBLE = frozenset('"“”„«»‟')
_SINGLE_OPEN = "‘'"
_SINGLE_CLOSE = "’'"
_SINGLE = "'‘’"
# with typewriter marks: two apostrophes and two backticks are one double mark each
_TYPEWRITER_CLOSERS = ("''", '"', "”")
# every opening mark -> the marks (one or two characters) that may close it
_CLOSED_BY = {
    **{mark: (*closers, "''") for mark, closers in _CLOSERS.items()},
    "''": _TYPEWRITER_CLOSERS,
    "``": _TYPEWRITER_CLOSERS,
}
_TYPEWRITER_RE = compile_re(r'["“”„«»‟]|\'\'|``')
_SINGLE_RE = compile_re(r"['‘’]")
_OPEN_AFTER = " \t\u00a0([{—–-/"  # what may stand before an opening mark
_SPEECH_END = ",.?!"  # what ends speech inside its closing mark (US style)


@attrs.frozen(kw_only=True)
class Segment:
    """A quote-mark-delimited stretch inside one paragraph.

    Attributes:
        open, close: Offsets of the opening and closing mark (``close`` is None when the
            quote runs to the end of its paragraph unclosed).
        after: Offset just past the closing mark (the paragraph end when unclosed).
        start, end: The content between the marks, whitespace trimmed.
        paragraph: Index of the paragraph.
        continues: The quote goes on in the next paragraph (multi-paragraph quote).
        single: Delimited by single marks.
    """

    open: int
    close: int | None
    after: int
    start: int
    end: int
    paragraph: int
    continues: bool = False
    single: bool = False


def _positions(text: str, marks: Collection[str]) -> list[int]:
    """Where any of the (single-character) ``marks`` stands in ``text``, in order: one
    C-speed ``str.find`` loop per mark, several times faster than a regex character class
    over a long text."""
    found: list[int] = []
    for mark in marks:
        i = text.find(mark)
        while i >= 0:
            found.append(i)
            i = text.find(mark, i + 1)
    found.sort()
    return found


def find_segments(
    text: str, paragraphs: Sequence[Paragraph], *, typewriter: bool | Literal["auto"] = "auto"
) -> list[Segment]:
    """Every quoted stretch, in text order (``typewriter``: ``''`` and ``` `` ``` are double
    marks too; ``"auto"``: where :func:`typewriter_convention` finds the text written so)."""
    segments: list[Segment] = []
    # the marks of the whole text, read once; each paragraph takes its share
    if typewriter and ("''" in text or "``" in text):
        doubles = [m.start() for m in _TYPEWRITER_RE.finditer(text, timeout=limits.SCAN_TIMEOUT)]
        if typewriter == "auto" and not typewriter_convention(text, paragraphs, doubles):
            doubles = [pos for pos in doubles if text[pos] not in "'`"]
    else:
        doubles = _positions(text, _DOUBLE)
    singles: list[int] | None = None
    for index, para in enumerate(paragraphs):
        lo = bisect.bisect_left(doubles, para.start)
        hi = bisect.bisect_left(doubles, para.end, lo)
        para_doubles = doubles[lo:hi]
        if singles is None:
            singles = _positions(text, _SINGLE)
        lo = bisect.bisect_left(singles, para.start)
        hi = bisect.bisect_left(singles, para.end, lo)
        single_segments = _pair_singles(text, para, index, singles[lo:hi]) if lo < hi else []
        if para_doubles and not _nested_in(para_doubles, single_segments):
            segments.extend(_pair_doubles(text, para, index, para_doubles))
        else:
            segments.extend(single_segments)
    # An unclosed quote continues when the next paragraph opens with a mark.
    for i, seg in enumerate(segments[:-1]):
        nxt = segments[i + 1]
        if (
            seg.close is None
            and nxt.paragraph == seg.paragraph + 1
            and nxt.open == paragraphs[nxt.paragraph].start
        ):
            segments[i] = attrs.evolve(seg, continues=True)
    return segments


def typewriter_convention(text: str, paragraphs: Sequence[Paragraph], marks: Sequence[int]) -> bool:
    """Whether ``text`` writes its quote marks as two apostrophes (``''…''``, or two backticks
    closed by two apostrophes); ``marks`` are its double marks, typewriter marks included
    (each at its first character), in order.

    A typewriter quote opens where two marks stand at the start of a paragraph or after a
    space, a bracket or a dash, with a letter or digit right after them; it closes where two
    apostrophes follow a character that is not a space and stand before no letter or digit.
    An opening and a closing mark pair up inside one paragraph (a quote over several
    paragraphs opens each and closes in the last). The text uses the convention when at
    least one pair closes after ``,``, ``.``, ``?`` or ``!`` (a sentence of speech,
    punctuated inside the marks) and its pairs outnumber the quotes in other double marks
    (half the count of ``"``, ``“``, ``”``, ``«`` … marks). Two apostrophes that touch a third
    (a nested single quote, wiki bold) neither open nor close. So inches and seconds of arc
    (``5'11''``, ``46''``) and empty strings in code (``''.join``, ``= ''``) open nothing,
    wiki italics (``''Pier Days''``) close after no punctuation, a doubled apostrophe
    (``the players'' union``) pairs with nothing, and one stray pair in a text quoted with
    ``"`` is outnumbered.
    """
    pairs = speech = others = 0
    for para in paragraphs:
        lo = bisect.bisect_left(marks, para.start)
        hi = bisect.bisect_left(marks, para.end, lo)
        opened = False
        for pos in marks[lo:hi]:
            if text[pos] not in "'`":
                others += 1
                continue
            before = text[pos - 1] if pos > para.start else " "
            after = text[pos + 2 : pos + 3]
            if before == "'" or after == "'":
                continue
            if before in _OPEN_AFTER and after.isalnum():
                opened = True
            elif opened and text[pos] == "'" and not before.isspace() and not after.isalnum():
                pairs += 1
                speech += before in _SPEECH_END
                opened = False
    return speech > 0 and 2 * pairs > others


def _pair_doubles(text: str, para: Paragraph, index: int, marks: list[int]) -> list[Segment]:
    """Pair the double marks at ``marks`` (the paragraph's, in order; a typewriter mark is
    two characters and stands at its first)."""
    out: list[Segment] = []
    opened: int | None = None
    open_len = 1
    closers: tuple[str, ...] = ()
    for pos in marks:
        mark = text[pos]
        size = 1
        if mark in "'`":
            mark, size = text[pos : pos + 2], 2
        if opened is None:
            if _can_open(text, pos, para, size):
                opened, open_len = pos, size
                closers = _CLOSED_BY[mark]
            continue
        if mark in closers:
            out.append(_segment(text, opened, open_len, pos, size, index, para.end))
            opened = None
    if opened is not None:
        out.append(_segment(text, opened, open_len, None, 0, index, para.end))
    return out


def _can_open(text: str, pos: int, para: Paragraph, size: int = 1) -> bool:
    """A mark opens when a word follows it; ” only where a word also starts after it; two
    apostrophes only after a space, a bracket or a dash (else they close or end a word)."""
    nxt = text[pos + size : pos + size + 1]
    if size == 2:
        before_ok = pos == para.start or text[pos - 1] in _OPEN_AFTER
        return before_ok and pos + size < para.end and not nxt.isspace()
    if text[pos] == "”":
        before_ok = pos == para.start or text[pos - 1] in _OPEN_AFTER or text[pos - 1] in _DOUBLE
        return before_ok and bool(nxt) and not nxt.isspace()
    return (pos + 1 < para.end and not nxt.isspace()) or text[pos] in "“„«"


def _pair_singles(text: str, para: Paragraph, index: int, marks: list[int]) -> list[Segment]:
    """Closed single-quoted stretches: ‘…’ or '…' (an apostrophe inside a word never counts);
    ``marks`` are the paragraph's single marks, in order."""
    out: list[Segment] = []
    opened: int | None = None
    for pos in marks:
        ch = text[pos]
        prev = text[pos - 1] if pos > para.start else " "
        nxt = text[pos + 1] if pos + 1 < para.end else " "
        if opened is None:
            if (
                ch in _SINGLE_OPEN
                and (prev in _OPEN_AFTER or pos == para.start)
                and (nxt.isalpha() or (nxt.isdigit() and ch == "‘"))
            ):
                opened = pos
            continue
        if ch in _SINGLE_CLOSE and not prev.isspace() and not nxt.isalnum():
            if _possessive(text, pos, para.end) and _later_closer(text, pos + 1, para.end):
                continue
            out.append(_segment(text, opened, 1, pos, 1, index, para.end, single=True))
            opened = None
    return out


def _nested_in(marks: list[int], segments: list[Segment]) -> bool:
    """Every double mark stands inside a single-quoted stretch: British style, ‘… “…” …’,
    where the double marks are the nested quote."""
    i = 0
    for pos in marks:
        while i < len(segments) and (segments[i].close or 0) < pos:
            i += 1
        if i == len(segments) or pos < segments[i].open:
            return False
    return bool(segments)


def _possessive(text: str, pos: int, end: int) -> bool:
    """``students’ union``: a plural possessive, not a closing mark."""
    return (
        text[pos - 1] in "sS"
        and text[pos + 1 : pos + 2] == " "
        and text[pos + 2 : pos + 3].islower()
    )


def _later_closer(text: str, pos: int, end: int) -> bool:
    for m in _SINGLE_RE.finditer(text, pos, min(end, pos + 300)):
        k = m.start()
        if text[k] in _SINGLE_CLOSE and not text[k - 1].isspace():
            nxt = text[k + 1] if k + 1 < end else " "
            if not nxt.isalnum() and not _possessive(text, k, end):
                return True
    return False


def _segment(
    text: str,
    opened: int,
    open_len: int,
    closed: int | None,
    close_len: int,
    index: int,
    para_end: int,
    *,
    single: bool = False,
) -> Segment:
    start = opened + open_len
    end = closed if closed is not None else para_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Segment(
        open=opened,
        close=closed,
        after=closed + close_len if closed is not None else para_end,
        start=start,
        end=end,
        paragraph=index,
        single=single,
    )
