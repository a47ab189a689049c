"""The page body search: where the article lies in the whole visible text of a page.

The body is the stretch of lines with the highest total :func:`line_score` (prose up, short
lines and junk down; a teaser's excerpt cut short with "[…]" is no prose), widened to a
standfirst above it, to a list running on from its edges, to a table right next to it, to
lists a sentence introduces with a colon above it (under a line of prose) and a list a
clause introduces below it, to a line introducing it with a colon and to a separator closing
it (:func:`body_region`).
:func:`looks_like_page` tells, in auto mode, whether the text is a whole page at all: menus
above the body or a long footer below it. Around the body of a page guessed in auto mode some
lines stay: rows of a table (:func:`table_rows`); around the body of any page, short lines
between the body and a paragraph right above it (:func:`bridged_lines`), the summary points
right above it and a live ticker's first headline (:func:`lead_lines`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import regex

from ..patterns import compile_re
from .common import BYLINE_CATEGORIES, FIELD, Text, Verdict, headline_like, separator
from .lines import Shape

# Auto mode reads the text as a whole page when menu-like lines (three words or fewer, not
# shaped like a list item) lie outside the body: this many above it, or below it, or some
# above and this many in all ...
PAGE_MIN_HEAD_MENU = 12
PAGE_MIN_TAIL_MENU = 40
PAGE_SOME_HEAD_MENU = 5
PAGE_MIN_MENU = 20
# ... unless this share of its lines is prose; and this factor more on a side of the body
# where rules explain fewer than this many lines
PAGE_MAX_PROSE_SHARE = 0.6
PAGE_NO_RULE_FACTOR = 1.5
PAGE_MIN_RULED = 2
# In page mode rules run on the body found from shapes alone and this many lines around it.
PAGE_MARGIN = 8
MENU_MAX_WORDS = 3


# short lines between the body and a paragraph right above it, none of them junk a rule
# knows, are the article's ("Pros" / "Quiet" / "Cons" between a review's verdict and its
# text); below the body, teasers with their summaries are too common to do the same. More
# than BRIDGE_MENU_LINES of a menu's length, no field among them ("Harbours" / "Ferries" / …
# under a site's blurb), are a menu: a review's spec sheet holds fields and longer items.
BRIDGE_MAX_LINES = 16
BRIDGE_MENU_LINES = 10


def bridged_lines(t: Text, lo: int) -> set[int]:
    """Lines above the body (which starts at ``lo``) that lie between it and a paragraph."""
    between: list[int] = []
    for k in range(lo - 1, max(-1, lo - 1 - BRIDGE_MAX_LINES), -1):
        if t.junk(k):
            break
        if t.shapes[k].prose:
            menu = sum(
                t.shapes[m].words <= MENU_MAX_WORDS and FIELD.fullmatch(t.lines[m]) is None
                for m in between
            )
            if menu > BRIDGE_MENU_LINES:
                return set()
            return set(between)
        between.append(k)
    return set()


LEAD_MIN_LINES = 3
LEAD_MAX_LINES = 6
LEAD_MIN_WORDS = 3
LEAD_MAX_SKIP = 3
# a mark between a menu's links: no summary point holds one
_MENU_MARK = compile_re(r" [|·•] ")


TICKER_MIN_ENTRIES = 2


def lead_lines(t: Text, lo: int, hi: int) -> set[int]:
    """Lines above the body (which starts at ``lo``) that are the story's: the first entry's
    headline of a live ticker, and summary points (:func:`_lead_points`)."""
    if _ticker_entry(t, lo, lo, hi):
        return {lo - 1} | _lead_points(t, lo - 2)
    return _lead_points(t, lo)


def _ticker_entry(t: Text, k: int, lo: int, hi: int) -> bool:
    """Do the lines right above line ``k`` open an entry of a live ticker: a timestamp, a
    headline, then ``k``, a paragraph, as at least ``TICKER_MIN_ENTRIES`` entries of the body
    [lo, hi) do ("14:05" / "Bridge closed" / "Police have closed the old bridge.")?"""
    if k < 2 or not _entry_at(t, k - 2):
        return False
    entries = 0
    for m in range(lo, hi - 2):
        if _entry_at(t, m):
            entries += 1
            if entries >= TICKER_MIN_ENTRIES:
                return True
    return False


def _entry_at(t: Text, m: int) -> bool:
    """Line ``m`` is a timestamp (by a rule or by its shape), ``m + 1`` a short headline of
    the story and ``m + 2`` a paragraph."""
    v = t.verdict[m]
    if v is None or v[0] != "timestamp":
        return False
    head, para = t.shapes[m + 1], t.shapes[m + 2]
    return t.verdict[m + 1] is None and not head.prose and head.words >= 2 and para.prose


def _lead_points(t: Text, lo: int) -> set[int]:
    """The summary points right above the body ("Rivers burst their banks overnight" /
    "About 400 homes evacuated"): ``LEAD_MIN_LINES`` or more lines of a few words each,
    apart from the body only by junk a rule knows (a picture's controls, its caption), none
    of it a byline or a timestamp (the headline stands above those) or a menu's row, none
    ending in a colon and none under a heading a rule knows for related stories (the heading
    of a list of links, "Most read this week:", "Top stories")."""
    points: list[int] = []
    skipped = 0
    for k in range(lo - 1, max(-1, lo - 1 - LEAD_MAX_SKIP - LEAD_MAX_LINES), -1):
        if t.junk(k):
            v = t.verdict[k]
            if points and v is not None and v[0] == "related":
                return set()  # a list of teasers under its heading ("Top stories")
            if points or (v is not None and v[0] in BYLINE_CATEGORIES):
                break
            skipped += 1
            if skipped > LEAD_MAX_SKIP:
                break
            continue
        s, line = t.shapes[k], t.lines[k]
        if s.prose or s.words < LEAD_MIN_WORDS:
            break
        if s.colon or headline_like(line) or "://" in line or "www." in line:
            return set()  # a list of teasers or links, or its heading
        if _MENU_MARK.search(line):
            return set()  # a menu's row ("News | Sport | Weather")
        points.append(k)
        if len(points) > LEAD_MAX_LINES:
            return set()
    return set(points) if len(points) >= LEAD_MIN_LINES else set()


TABLE_MIN_ROWS = 3
TABLE_MIN_MARKS = 2
TABLE_MIN_WORDS = 4


_NOT_MARK = compile_re(r"[\p{L}\p{M}\p{N}\s.]+")


# the ASCII characters the pattern drops (asked of the pattern itself): an ASCII line loses
# them by one bytes.translate
_ASCII_NOT_MARKS = bytes(c for c in range(128) if _NOT_MARK.fullmatch(chr(c)))


def _skeleton(line: str) -> str:
    """The punctuation of a line, in order: rows of one table or list share it."""
    if line.isascii():
        return line.encode("ascii").translate(None, _ASCII_NOT_MARKS).decode("ascii")
    return _NOT_MARK.sub("", line)


def table_rows(lines: Sequence[str], lo: int, hi: int) -> set[int]:
    """Lines outside [lo, hi) in runs of at least ``TABLE_MIN_ROWS`` neighbours with the same
    punctuation ("England (Group A): 10th appearance"): rows of a table or a list."""
    rows: set[int] = set()
    for part in (range(lo), range(hi, len(lines))):
        start, key = part.start, ""  # the run of lines [start, i) shares the key
        for i in part:
            k = _row_key(lines[i])
            if k and k == key:
                continue
            if i - start >= TABLE_MIN_ROWS:
                rows.update(range(start, i))
            start, key = i, k
        if part.stop - start >= TABLE_MIN_ROWS:
            rows.update(range(start, part.stop))
    return rows


def _row_key(line: str) -> str:
    """The punctuation a row of a table shares with its neighbours, or "" (no row)."""
    if line.count(" ") + 1 < TABLE_MIN_WORDS:
        return ""
    k = _skeleton(line)
    return k if len(set(k)) >= TABLE_MIN_MARKS else ""


def _table_edge(t: Text, edge: int, limit: int, step: int) -> int:
    """Past the body's ``edge`` line, a table (:func:`table_rows`) right next to it goes on
    the body, with its heading (the line over its first row: not prose, no junk a rule
    knows): the last line of it, or ``edge``."""
    first = edge + step
    heading = step > 0 and first <= limit and not t.shapes[first].prose
    if heading and not _row_key(t.lines[first]):  # below the body: the heading comes first
        if t.junk(first):
            return edge
        first += 1
    if (first - limit) * step > 0:
        return edge
    key = _row_key(t.lines[first])
    if not key or t.junk(first):
        return edge
    k = first
    while (k + step - limit) * step <= 0 and _row_key(t.lines[k + step]) == key:
        k += step
    if abs(k - first) + 1 < TABLE_MIN_ROWS:
        return edge
    if step < 0 and k - 1 >= limit and not t.shapes[k - 1].prose and not t.junk(k - 1):
        k -= 1  # above the body: the heading over the first row
    return k


def looks_like_page(t: Text, lo: int, hi: int) -> bool:
    """Menus above the body, or a long footer below it: the text is a whole page.

    Article text rarely opens with more than a headline, a byline and a share row (which
    rules explain), and the lists that end some articles are made of longer lines than menus.
    The evidence must be strong (users mostly pass article text): a text made mostly of
    prose lines is an article, and on a side of the body where rules explain fewer than
    ``PAGE_MIN_RULED`` lines (menu entries, share buttons, legal lines) half as many menu-like
    lines again are needed: a fact box or a list of names is not a menu.
    """
    n = len(t.lines)
    if sum(s.prose for s in t.shapes) >= PAGE_MAX_PROSE_SHARE * n:
        return False
    weak = PAGE_NO_RULE_FACTOR
    most = math.ceil(weak * PAGE_MIN_HEAD_MENU)
    head = _menu_lines(t, range(lo - 1, -1, -1), most)
    if head >= most:
        return True
    tail = _menu_lines(t, range(hi, n), math.ceil(weak * PAGE_MIN_TAIL_MENU))
    if _menus_enough(head, tail, weak, weak):
        return True  # enough even without rules
    if not _menus_enough(head, tail, 1, 1):
        return False
    ruled_head = _ruled(t, range(lo))
    ruled_tail = _ruled(t, range(hi, n))
    return _menus_enough(head, tail, 1 if ruled_head else weak, 1 if ruled_tail else weak)


def _menus_enough(head: int, tail: int, head_factor: float, tail_factor: float) -> bool:
    """Enough menu-like lines above the body, or below it, or on both sides, each threshold
    raised by its side's factor (both sides: the smaller factor)."""
    if head >= head_factor * PAGE_MIN_HEAD_MENU:
        return True
    both = min(head_factor, tail_factor)
    if head >= both * PAGE_SOME_HEAD_MENU:
        return head + tail >= both * PAGE_MIN_MENU
    return tail >= tail_factor * PAGE_MIN_TAIL_MENU


def _ruled(t: Text, indices: range) -> bool:
    """Do rules explain at least ``PAGE_MIN_RULED`` of the lines?"""
    count = 0
    for k in indices:
        if t.junk(k):
            count += 1
            if count >= PAGE_MIN_RULED:
                return True
    return False


def _menu_lines(t: Text, indices: range, enough: int) -> int:
    """How many of the lines are menu-like and unexplained by a rule (counting to ``enough``)."""
    count = 0
    for k in indices:
        s = t.shapes[k]
        if s.words <= MENU_MAX_WORDS and not s.listish and not t.junk(k):
            count += 1
            if count >= enough:
                break
    return count


# Weights of the body search (tuned on the dev half of the evaluation pages).
W_JUNK = 0.0
W_SHORT = -0.5
W_SHORT_SENTENCE = 0.0
W_LIST_ITEM = 0.0
W_PROSE = 1.0
W_PROSE_PER_WORD = 1 / 15
W_PROSE_MAX_WORDS = 60
STANDFIRST_LOOKBACK = 6
STANDFIRST_MIN_WORDS = 12
INTRO_MIN_WORDS = 4


# a teaser's excerpt, cut short where a blog's list of posts marks the cut ("I want to tell
# you about another change in the game, […]"): a link, not story text
_EXCERPT_CUT = compile_re(r"\[(?:…|\.\.\.|&hellip;)\]")


def line_score(shape: Shape, verdict: Verdict | None, line: str = "") -> float:
    """How much a line looks like story text: prose up, short lines and junk down."""
    if verdict is not None:  # junk prose (a cookie notice) is neutral, junk menus are menus
        return W_JUNK if shape.prose else min(W_JUNK, W_SHORT)
    if shape.prose and not (line.endswith("]") and _EXCERPT_CUT.search(line[-12:])):
        return W_PROSE + min(shape.words, W_PROSE_MAX_WORDS) * W_PROSE_PER_WORD
    if shape.terminal:
        return W_SHORT_SENTENCE
    if shape.listish:
        return W_LIST_ITEM
    return W_SHORT


def body_region(t: Text, lo: int, hi: int) -> tuple[int, int]:
    """[start, end) of the stretch of lines in [lo, hi) with the highest total
    :func:`line_score`, widened to the lists around it and the standfirst just above it."""
    shapes, verdict, lines = t.shapes, t.verdict, t.lines
    best, best_lo, best_hi = 0.0, lo, lo
    run, run_lo = 0.0, lo
    for i in range(lo, hi):
        if run <= 0:
            run, run_lo = 0.0, i
        run += line_score(shapes[i], verdict[i], lines[i])
        if run > best:
            best, best_lo, best_hi = run, run_lo, i + 1
    if best_hi == lo:
        return lo, hi
    best_lo, best_hi = _list_edge(t, best_lo, lo, -1), _list_edge(t, best_hi - 1, hi - 1, 1) + 1
    best_lo, best_hi = _table_edge(t, best_lo, lo, -1), _table_edge(t, best_hi - 1, hi - 1, 1) + 1
    best_lo = _introduced_lists(t, best_lo, lo)
    best_hi = _introduced_list_below(t, best_hi, hi)
    # a standfirst sits above the byline, date, picture and share row that open the body;
    # lines a rule explains do not count towards the distance
    for _ in range(2):
        unexplained = 0
        for k in range(best_lo - 1, lo - 1, -1):
            if t.junk(k):
                continue
            s = shapes[k]
            if s.prose or s.words >= STANDFIRST_MIN_WORDS:
                best_lo = k
                break
            unexplained += 1
            if unexplained >= STANDFIRST_LOOKBACK:
                break
    # a line that introduces the body ("Here is why:") and a separator that closes it
    if best_lo > lo and verdict[best_lo - 1] is None:
        above = shapes[best_lo - 1]
        if above.colon and above.words >= INTRO_MIN_WORDS:
            best_lo -= 1
    if best_hi < hi and separator(lines[best_hi]):
        best_hi += 1
    return best_lo, best_hi


# the most items of a list of the story above the body
INTRODUCED_LIST_MAX_ITEMS = 12


def _introduced_lists(t: Text, start: int, limit: int) -> int:
    """Above the body (which starts at ``start``), lists a sentence introduces with a colon
    ("Snow has closed these schools:" / "Ashby Primary" / "Elm Park Academy" / …) go on the
    body, their items shaped like list items or not, when the highest of them sits under a
    line of prose (lists under the menus, "Most read this week:" / headlines, are the
    page's): the line that introduces the highest of them, or ``start``."""
    top = start
    while True:
        k = top - 1
        while (
            k >= limit
            and top - k <= INTRODUCED_LIST_MAX_ITEMS
            and not t.junk(k)
            and not t.shapes[k].prose
            and not t.shapes[k].colon
        ):
            k -= 1
        if k < limit or k == top - 1 or t.junk(k):
            break
        intro = t.shapes[k]
        if not (intro.colon and intro.words >= INTRO_MIN_WORDS):
            break
        top = k
    return top if top > limit and t.shapes[top - 1].prose else start


# a clause that leads into what follows with its verb ("… include:", "… are:", "… goes:") or
# "the following:"; a heading ends in a noun
_VERB_INTRO = compile_re(
    r"\p{L}.*\b(?:includes?|included|are|were|is|was|contains?|follows?|goes|went|reads?|read"
    r"|following|these|below) ?:$",
    regex.V1 | regex.IGNORECASE,
)


# ... not one telling of the page's own content ("Our free newsletters include:", "Other
# stories in this series include:", "Topics in this article are:")
_PAGE_TALK = compile_re(
    r"\b(?:our|my|your|stories|articles?|newsletters?|topics|tags|links|posts|videos"
    r"|headlines|podcasts|series|this (?:page|site))\b",
    regex.V1 | regex.IGNORECASE,
)


def _introduced_list_below(t: Text, end: int, limit: int) -> int:
    """Below the body (which ends before ``end``), a list a clause introduces with a colon
    after its verb ("The new galleries include:" / "A net loft with its tools" / …, "The
    chorus goes:") goes on the body, its items shaped like list items or not: the end of the
    list, or ``end``. A heading ("More coverage of the strike:", "Most read:") heads the
    page's teasers as often as a list of the story: its links stay the page's."""
    if (
        end >= limit
        or t.junk(end)
        or _VERB_INTRO.search(t.lines[end]) is None
        or _PAGE_TALK.search(t.lines[end]) is not None
    ):
        return end
    k = end + 1
    while (
        k < limit
        and k - end <= INTRODUCED_LIST_MAX_ITEMS
        and not t.junk(k)
        and not t.shapes[k].prose
        and not t.shapes[k].colon
    ):
        k += 1
    return k if k - end > 1 else end


def _plain_fields(t: Text, k: int, limit: int) -> bool:
    """The fields from line ``k`` on under their heading are a fact box: none of them junk a
    rule knows (a page's "Editor: …" / "Phone: 01632 960 123" is its masthead)."""
    while k <= limit and FIELD.fullmatch(t.lines[k]) is not None:
        if t.verdict[k] is not None:
            return False
        k += 1
    return True


def _list_edge(t: Text, edge: int, limit: int, step: int) -> int:
    """Past the body's ``edge`` line, a list (items shaped like list items, each at most one
    other line apart) goes on the body: the last line of it, or ``edge``."""
    k, gap = edge + step, 0
    while (k - limit) * step <= 0:
        s = t.shapes[k]
        # below the body a fact box's fields go on a list ("Cost: £412m" / "Lanes: four"),
        # under their heading too ("Specs" / "Weight: 1.2 kg"; not a link's, "More NBA:
        # https://…")
        line = t.lines[k]
        field = (
            step > 0
            and FIELD.fullmatch(line) is not None
            and not (gap and ("://" in line or "www." in line))
        )
        if field and gap and (t.verdict[k - 1] is not None or not _plain_fields(t, k, limit)):
            break  # under a heading that is junk, or with a junk field: the page's
        if (s.listish or field) and t.verdict[k] is None:
            edge, gap = k, 0
        elif s.prose or gap:
            break
        else:
            gap = 1
        k += step
    return edge
