"""Quote marks: pair opening and closing double quotes inside paragraphs.

Straight ``"``, curly ``“ ”``, low-high ``„ “`` and guillemets ``« »`` (either direction) are
paired within a paragraph. A paragraph that ends inside an open quote continues into the next
paragraph when that one opens with a quote mark (the news convention for a quote running over
several paragraphs); otherwise the quote is left unclosed. Single quotes are never paired here:
inside a double-quoted stretch they are a nested quote, elsewhere mostly apostrophes.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..records import Paragraph

# opening mark -> the marks that may close it
_CLOSERS = {
    '"': '"',
    "“": "”“",  # “…“ is a common typo for “…”
    "„": "“”",
    "«": "»",
    "»": "«",
    "‟": "”",
}
_ALL_MARKS = frozenset('"“”„«»‟')


@attrs.frozen(kw_only=True)
class Segment:
    """A quote-mark-delimited stretch inside one paragraph.

    Attributes:
        open, close: Offsets of the opening and closing mark (``close`` is None when the
            quote runs to the end of its paragraph unclosed).
        start, end: The content between the marks, whitespace trimmed.
        paragraph: Index of the paragraph.
        continues: The quote goes on in the next paragraph (multi-paragraph quote).
    """

    open: int
    close: int | None
    start: int
    end: int
    paragraph: int
    continues: bool = False


def find_segments(text: str, paragraphs: Sequence[Paragraph]) -> list[Segment]:
    """Every double-quoted stretch, in text order."""
    segments: list[Segment] = []
    for index, para in enumerate(paragraphs):
        segments.extend(_pair_in_paragraph(text, para, index))
    # An unclosed quote continues when the next paragraph opens with a mark.
    for i, seg in enumerate(segments):
        if seg.close is None and seg.paragraph + 1 < len(paragraphs):
            nxt = paragraphs[seg.paragraph + 1]
            if (
                nxt.text[:1] in _CLOSERS
                and i + 1 < len(segments)
                and segments[i + 1].open == nxt.start
            ):
                segments[i] = attrs.evolve(seg, continues=True)
    return segments


def _pair_in_paragraph(text: str, para: Paragraph, index: int) -> list[Segment]:
    out: list[Segment] = []
    opened: int | None = None
    closers = ""
    for pos in range(para.start, para.end):
        ch = text[pos]
        if ch not in _ALL_MARKS:
            continue
        if opened is None:
            if ch in _CLOSERS and _can_open(text, pos, para):
                opened, closers = pos, _CLOSERS[ch]
            continue
        if ch in closers:
            out.append(_segment(text, opened, pos, index, para.end))
            opened = None
    if opened is not None:
        out.append(_segment(text, opened, None, index, para.end))
    return out


def _can_open(text: str, pos: int, para: Paragraph) -> bool:
    """A mark opens when something follows it in the paragraph (not a lone trailing mark)."""
    return (pos + 1 < para.end and not text[pos + 1].isspace()) or text[pos] in "“„«"


def _segment(text: str, opened: int, closed: int | None, index: int, para_end: int) -> Segment:
    start = opened + 1
    end = closed if closed is not None else para_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Segment(open=opened, close=closed, start=start, end=end, paragraph=index)
