"""The context pass: which lines are junk given their rule, shape, neighbours and position.

Input is one :class:`~.lines.Shape` and at most one lexicon :class:`~.rules.Hit` per line;
output is a verdict ``(category, rule)`` or None (keep) per line. The steps, in order:

1. **Lexicon rules** (``rule`` = the lexicon rule id).
2. **Repetition** across a batch (``repeated-line``): short lines whose key is in
   ``repeated``; prose of twelve words or more is kept (two outlets may run one wire story).
3. **Page body** (page mode only): the densest stretch of prose is the article; the lines
   before and after it are ``page-head`` and ``page-tail`` (navigation).
4. **Blocks under a header**: "Related stories", "Most read" and the like head a run of
   short lines that are all links (``related-block``).
5. **Captions above a credit**: a photo credit on its own line ("Jo Park/Getty Images")
   makes the line above it a caption (``caption-above-credit``).
6. **Runs of short lines** inside the story: link lists, button rows (``link-run``), with
   keep-guards: the last short line before a paragraph may be a subhead, and lists that look
   like content (numbered, tabular, questions and answers, tweets) stay.

When in doubt a line is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

import regex

from .lines import Shape
from .repeat import line_key
from .rules import Hit

Verdict = tuple[str, str]  # (category, rule)

MODES = ("auto", "article", "page")
# Repeated prose this long is story text (the same wire story in two outlets), not junk.
_REPEAT_KEEP_WORDS = 12
# Auto mode reads the text as a whole page when menu-like lines (three words or fewer, no
# full stop) lie outside the body: this many above it, or below it, or some above and this
# many in all.
PAGE_MIN_HEAD_MENU = 8
PAGE_MIN_TAIL_MENU = 25
PAGE_SOME_HEAD_MENU = 3
PAGE_MIN_MENU = 15
# In page mode rules run on the body found from shapes alone and this many lines around it.
_PAGE_MARGIN = 8
MENU_MAX_WORDS = 3


def decide(
    lines: Sequence[str],
    shapes: Sequence[Shape],
    match: Callable[[str], Hit | None],
    *,
    mode: str = "auto",
    repeated: Collection[int] | None = None,
) -> list[Verdict | None]:
    """One verdict per line: ``(category, rule)`` for junk, None to keep.

    ``match`` gives a line's lexicon rule. In page mode it is asked only about the lines
    near the body: what lies far outside is junk whatever rule it would match.
    """
    n = len(lines)
    verdict: list[Verdict | None] = [None] * n
    hits: list[Hit | None] = [None] * n
    if repeated:
        for i, line in enumerate(lines):
            s = shapes[i]
            if (not s.prose or s.words < _REPEAT_KEEP_WORDS) and line_key(line) in repeated:
                verdict[i] = ("repeated", "repeated-line")
    lo, hi = 0, n
    page = False
    if mode != "article" and n:
        # prose that a rule knows for junk (a cookie notice) must not pull the body to it
        for i, s in enumerate(shapes):
            if s.prose and verdict[i] is None:
                hit = hits[i] = match(lines[i])
                if hit is not None:
                    verdict[i] = (hit.category, hit.rule)
        lo, hi = body_region(shapes, verdict)
        page = mode == "page" or _looks_like_page(shapes, lo, hi)
        if page:  # rules near the body only; then the body again, now knowing the junk
            lo, hi = max(0, lo - _PAGE_MARGIN), min(n, hi + _PAGE_MARGIN)
        else:
            lo, hi = 0, n
    for i in range(lo, hi):
        if verdict[i] is None and not (page and shapes[i].prose):
            hit = hits[i] = match(lines[i])
            if hit is not None:
                verdict[i] = (hit.category, hit.rule)
    if page:
        inner_lo, inner_hi = body_region(shapes[lo:hi], verdict[lo:hi])
        lo, hi = lo + inner_lo, lo + inner_hi
        for i in range(lo):
            if verdict[i] is None:
                verdict[i] = ("navigation", "page-head")
        for i in range(hi, n):
            if verdict[i] is None:
                verdict[i] = ("navigation", "page-tail")
    _header_blocks(shapes, hits, verdict, lo, hi)
    _captions_above_credits(shapes, hits, verdict, lo, hi)
    _short_runs(lines, shapes, verdict, lo, hi)
    return verdict


# Weights of the body search (tuned on the dev half of the evaluation pages).
W_JUNK = -1.0
W_SHORT = -1.0
W_SHORT_SENTENCE = 0.0
W_LIST_ITEM = 0.0
W_PROSE = 1.0
W_PROSE_PER_WORD = 1 / 15
W_PROSE_MAX_WORDS = 60
STANDFIRST_LOOKBACK = 6
STANDFIRST_MIN_WORDS = 12


def _looks_like_page(shapes: Sequence[Shape], lo: int, hi: int) -> bool:
    """Menus above the body, or a long footer below it: the text is a whole page.

    Article text rarely opens with more than a headline, a byline and a share row, and the
    lists that end some articles are made of longer lines than menus are.
    """
    head = sum(_menu_like(shapes[k]) for k in range(lo))
    tail = sum(_menu_like(shapes[k]) for k in range(hi, len(shapes)))
    return (
        head >= PAGE_MIN_HEAD_MENU
        or tail >= PAGE_MIN_TAIL_MENU
        or (head >= PAGE_SOME_HEAD_MENU and head + tail >= PAGE_MIN_MENU)
    )


def _menu_like(shape: Shape) -> bool:
    return shape.words <= MENU_MAX_WORDS and not shape.terminal


def line_score(shape: Shape, verdict: Verdict | None) -> float:
    """How much a line looks like story text: prose up, short lines and junk down."""
    if verdict is not None:
        return W_JUNK
    if shape.prose:
        return W_PROSE + min(shape.words, W_PROSE_MAX_WORDS) * W_PROSE_PER_WORD
    if shape.terminal:
        return W_SHORT_SENTENCE
    if shape.listish:
        return W_LIST_ITEM
    return W_SHORT


def body_region(shapes: Sequence[Shape], verdict: Sequence[Verdict | None]) -> tuple[int, int]:
    """[lo, hi) of the stretch of lines with the highest total :func:`line_score`."""
    best, best_lo, best_hi = 0.0, 0, 0
    run, run_lo = 0.0, 0
    for i, s in enumerate(shapes):
        if run <= 0:
            run, run_lo = 0.0, i
        run += line_score(s, verdict[i])
        if run > best:
            best, best_lo, best_hi = run, run_lo, i + 1
    if best_hi == 0:
        return 0, len(shapes)
    # a standfirst sits above the byline, date and picture that open the body: take it in
    for _ in range(2):
        for k in range(best_lo - 1, max(best_lo - 1 - STANDFIRST_LOOKBACK, -1), -1):
            s = shapes[k]
            if verdict[k] is None and (s.prose or s.words >= STANDFIRST_MIN_WORDS):
                best_lo = k
                break
    return best_lo, best_hi


def _header_blocks(
    shapes: Sequence[Shape],
    hits: Sequence[Hit | None],
    verdict: list[Verdict | None],
    lo: int,
    hi: int,
) -> None:
    for i in range(lo, hi):
        hit = hits[i]
        if hit is None or not hit.header:
            continue
        j = i + 1
        while j < hi and not shapes[j].prose:
            if verdict[j] is None:
                verdict[j] = (hit.category, "related-block")
            j += 1


def _captions_above_credits(
    shapes: Sequence[Shape],
    hits: Sequence[Hit | None],
    verdict: list[Verdict | None],
    lo: int,
    hi: int,
) -> None:
    for i in range(lo + 1, hi):
        hit = hits[i]
        if hit is None or not hit.credit:
            continue
        above = shapes[i - 1]
        if verdict[i - 1] is None and not above.quote and above.words <= 45:
            verdict[i - 1] = ("caption", "caption-above-credit")


_TWEETISH = regex.compile(r"(?:—|–|-{1,2}) ?\S.{0,80}\(@\w{1,30}\)|pic\.twitter\.com/|@\w{2,30}$")


def _short_runs(
    lines: Sequence[str],
    shapes: Sequence[Shape],
    verdict: list[Verdict | None],
    lo: int,
    hi: int,
) -> None:
    """Interior runs of two or more short lines that read as link lists, not as content."""
    i = lo
    while i < hi:
        if shapes[i].prose:
            i += 1
            continue
        j = i
        while j < hi and not shapes[j].prose:
            j += 1
        if i > lo and j < hi:
            _judge_run(lines, shapes, verdict, i, j)
        i = j


def _judge_run(
    lines: Sequence[str],
    shapes: Sequence[Shape],
    verdict: list[Verdict | None],
    i: int,
    j: int,
) -> None:
    free = [k for k in range(i, j) if verdict[k] is None]
    # the last free line may be the next paragraph's subhead; two lines may be a kicker and
    # a subhead, or a subhead and a one-line paragraph
    if len(free) < 3:
        return
    # a list of the story: introduced by a colon, or most items shaped like list items
    if shapes[i - 1].colon or any(shapes[k].colon for k in free):
        return
    # lines of a paragraph broken mid-sentence: the next line goes on in lower case
    if any(
        lines[k + 1][:1].islower() and shapes[k].words >= 5 and shapes[k + 1].words >= 3
        for k in range(i, j)
    ):
        return
    items = sum(shapes[k].listish or _TWEETISH.search(lines[k]) is not None for k in free)
    if 2 * items >= len(free):
        return
    for k in free[:-1]:
        verdict[k] = ("related", "link-run")
