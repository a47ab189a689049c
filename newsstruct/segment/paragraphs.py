"""Paragraphs: blank-line blocks, one-paragraph-a-line web copy, and hard-wrapped text."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import regex

from ..boilerplate import find_boilerplate, iter_lines
from ..boilerplate.lines import WRAP_SHORT, WRAP_STOPS, line_breaks, open_ended, wrap_width
from ..lexicons import Lexicon
from ..patterns import compile_re
from ..records import Boilerplate, Paragraph
from ..text import check_text

# A line opening with a bullet or a list number starts a paragraph of its own.
_BULLET = compile_re(r"[•◦▪‣⁃∙·*-][ \t]|\d{1,3}[.)][ \t]", regex.V1)


def split_paragraphs(
    text: str,
    *,
    boilerplate: Sequence[Boilerplate] | None = None,
    lang: str = "en",
    lexicon: Lexicon | None = None,
) -> tuple[Paragraph, ...]:
    """Split article text into paragraphs, boilerplate excluded.

    Three layouts are read: blank lines between paragraphs; one paragraph a line; and
    hard-wrapped text, where the lines of one paragraph are joined back (a line ending
    without terminal punctuation, near the wrap width, goes on in the next line).

    Args:
        text: The article text.
        boilerplate: Spans to leave out; ``None`` runs :func:`find_boilerplate`, ``()`` keeps
            every line.

    >>> [p.text for p in split_paragraphs("Rain fell.\\n\\nIt stopped.\\nAdvertisement")]
    ['Rain fell.', 'It stopped.']
    """
    check_text(text)
    if boilerplate is None:
        boilerplate = find_boilerplate(text, lang=lang, lexicon=lexicon)
    lines = list(iter_lines(text))
    if not lines:
        return ()
    junk = _covered_lines(lines, boilerplate)
    width = wrap_width(text, lines)
    marked = width > 0 and _paragraphs_marked(text, lines, width)
    paragraphs: list[Paragraph] = []
    first: int | None = None
    last = 0
    prev_start = 0
    for i, (start, end) in enumerate(lines):
        if i in junk:
            if first is not None:
                paragraphs.append(Paragraph(start=first, end=last, text=text[first:last]))
            first = None
            continue
        if first is not None and not _soft_break(text, prev_start, last, start, width, marked):
            paragraphs.append(Paragraph(start=first, end=last, text=text[first:last]))
            first = None
        if first is None:
            first = start
        prev_start, last = start, end
    if first is not None:
        paragraphs.append(Paragraph(start=first, end=last, text=text[first:last]))
    return tuple(paragraphs)


def _covered_lines(lines: list[tuple[int, int]], spans: Sequence[Boilerplate]) -> set[int]:
    """Indices of lines lying wholly inside a boilerplate span."""
    covered: set[int] = set()
    if not spans:
        return covered
    ordered = sorted((b.start, b.end) for b in spans)
    j = 0
    for i, (start, end) in enumerate(lines):
        while j < len(ordered) and ordered[j][1] < end:
            j += 1
        if j < len(ordered) and ordered[j][0] <= start and end <= ordered[j][1]:
            covered.add(i)
    return covered


def _paragraphs_marked(text: str, lines: list[tuple[int, int]], width: int) -> bool:
    """The paragraphs of wrapped text are told apart by a blank line or an indented first
    line: most lines that end a paragraph (shorter than the width, ending a sentence) are
    followed by one. Then a line that ends a sentence near the width may still go on."""
    ends = marked = 0
    for (start, end), (nxt, _) in itertools.pairwise(lines):
        if end - start < WRAP_SHORT * width and not open_ended(text, end):
            ends += 1
            gap = text[end:nxt]
            marked += line_breaks(gap) > 1 or gap[-1:] in (" ", "\t")
    return ends > 0 and marked >= _MARKED_SHARE * ends


_MARKED_SHARE = 0.8


def _soft_break(
    text: str, prev_start: int, prev_end: int, start: int, width: int, marked: bool = False
) -> bool:
    """True when the break between two lines is a wrap inside one paragraph.

    A single line break after a line without terminal punctuation is a wrap when the next
    line opens in lower case and ends a sentence ("It was a cold\nnight in the city."; not
    a list of lower-case lines), or, in hard-wrapped text (``width`` > 0), when the line
    reaches near the wrap width and the next is not a list item. When the paragraphs of
    wrapped text are ``marked`` (blank lines or indents between them), a line near the
    width that ends a sentence goes on too, and an indented line opens a paragraph, unless
    the line before it has the same indent and runs on (the lines of an indented block).
    """
    gap = text[prev_end:start]
    if line_breaks(gap) > 1:
        return False
    if not open_ended(text, prev_end) and not marked:
        return False
    if (
        marked
        and gap[-1:] in (" ", "\t")
        and not _runs_on_indented(text, prev_start, prev_end, gap)
    ):
        return False  # an indented line opens a paragraph
    if text[start].islower() and _line_end(text, start)[-1:] in WRAP_STOPS:
        return True
    if not width or prev_end - prev_start < WRAP_SHORT * width:
        return False
    return _BULLET.match(text, start) is None


def _runs_on_indented(text: str, prev_start: int, prev_end: int, gap: str) -> bool:
    """The line after ``gap`` goes on an indented block: the line before it has the same
    indent and runs on (the lines of a block quote whose marks read as spaces)."""
    indent = len(gap) - 1 - gap.rfind("\n")
    # the break before the line before, looked for only as far back as that indent (lines
    # broken by other marks than "\n" would look back to the text's start at every line)
    brk = prev_start - 1 - indent
    return text.rfind("\n", max(0, brk), prev_start) == brk and open_ended(text, prev_end)


def unwrapped(text: str, *, lexicon: Lexicon | None = None) -> str:
    """``text`` with the line breaks inside the paragraphs of hard-wrapped text turned into
    spaces ("…voted to close\nthe pier…" reads "…voted to close the pier…").

    The result has the length of ``text``, so an offset into one is an offset into the other:
    the stages after the paragraphs read it and their records index ``text``. Text that is not
    hard-wrapped is returned as it is.
    """
    lines = list(iter_lines(text))
    if not wrap_width(text, lines):
        return text
    out = []
    pos = 0
    for para in split_paragraphs(text, boilerplate=(), lexicon=lexicon):
        out.append(text[pos : para.start])
        out.append(para.text.translate(_BREAKS_TO_SPACES))
        pos = para.end
    out.append(text[pos:])
    return "".join(out)


_BREAKS_TO_SPACES = str.maketrans("\n\r", "  ")


def _line_end(text: str, start: int) -> str:
    """The line starting at ``start``, without its line break and trailing spaces."""
    end = text.find("\n", start)
    if end == -1:
        end = len(text)
    cr = text.find("\r", start, end)
    return text[start : end if cr == -1 else cr].rstrip()
