"""Articles as HTML: the text with its records marked, for Jupyter and ``--format html``.

``render_html(articles)`` returns one HTML fragment: a small legend, then each article's text
with quotes highlighted by kind, speakers underlined, cues marked, dates shaded with their
TIMEX3 value in a tooltip (the ``title`` attribute), boilerplate struck through behind a label
naming its category. ``Article._repr_html_`` calls it, so an Article displays itself in a
notebook.

The contract:

- inline ``style`` attributes only: no ``<style>`` element, no JavaScript, nothing fetched, so
  the output survives notebook sanitisers and renders the same anywhere;
- every piece of article text and every attribute value goes through :func:`html.escape`;
- records may nest (a date inside a quote) or cross: the text is cut at every record
  boundary and each piece is wrapped in the marks covering it, outermost first (earlier
  start, then longer, then boilerplate > dateline > quote > speaker > cue > date). A mark
  that goes on into the next piece stays open, so nested records give one element each and
  only crossing records are split; every element of one record carries the same
  ``data-record`` id ("q0", "d3", ...) and a ``ns-*`` class.

>>> import newsstruct
>>> art = newsstruct.structure('"Fine," said Ada Quist on <Friday>.', "2024-05-09")
>>> page = render_html(art)
>>> 'title="DATE 2024-05-03' in page, "&lt;" in page, "<Friday>" in page
(True, True, False)
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterator
from typing import Any

import attrs

from .frames import iter_items
from .records import Article, Failure

__all__ = ["HTMLView", "iter_html", "render_html", "view"]

# Inline styles, one per kind of mark. The legend reuses them.
_QUOTE_STYLE = {
    "direct": "background:#fde68a;",
    "mixed": "background:#fed7aa;",
    "indirect": "background:#bfdbfe;",
}
_STYLE = {
    "speaker": "text-decoration:underline;text-decoration-thickness:2px;"
    "text-decoration-color:#7c3aed;text-underline-offset:3px;",
    "cue": "font-style:italic;box-shadow:inset 0 -2px 0 #db2777;",
    "date": "background:#bbf7d0;border-bottom:1px dashed #15803d;cursor:help;",
    "boilerplate": "text-decoration:line-through;color:#6b7280;",
    "dateline": "font-variant:small-caps;font-weight:600;",
}
_LABEL_STYLE = (
    "display:inline-block;font:0.7em/1.4 sans-serif;color:#374151;background:#e5e7eb;"
    "border-radius:3px;padding:0 4px;margin-right:4px;text-decoration:none;"
)
_BOX_STYLE = (
    "color:#111827;background:#ffffff;font:15px/1.6 Georgia,'Times New Roman',serif;"
    "white-space:pre-wrap;word-wrap:break-word;max-width:46em;padding:10px 14px;"
    "margin:6px 0;border:1px solid #e5e7eb;border-radius:4px;"
)
_HEAD_STYLE = "font:12px/1.5 sans-serif;color:#4b5563;margin:8px 0 2px;"
_LEGEND = (
    ("quote-direct", "direct quote", _QUOTE_STYLE["direct"]),
    ("quote-mixed", "mixed quote", _QUOTE_STYLE["mixed"]),
    ("quote-indirect", "indirect quote", _QUOTE_STYLE["indirect"]),
    ("speaker", "speaker", _STYLE["speaker"]),
    ("cue", "cue", _STYLE["cue"]),
    ("date", "date (hover: value)", _STYLE["date"]),
    ("boilerplate", "boilerplate", _STYLE["boilerplate"]),
)
# Nesting order among marks with the same start and end: the first is outermost.
_LAYER = {"boilerplate": 0, "dateline": 1, "quote": 2, "speaker": 3, "cue": 4, "date": 5}


@attrs.frozen
class _Mark:
    start: int
    end: int
    kind: str  # a key of _LAYER
    record: str  # data-record id, shared by the pieces of one record
    classes: str
    style: str
    title: str
    data: tuple[tuple[str, str], ...] = ()
    label: str | None = None  # a badge shown where the record begins (boilerplate category)

    @property
    def order(self) -> tuple[int, int, int, str]:
        return (self.start, -self.end, _LAYER[self.kind], self.record)


class HTMLView(str):
    """An HTML string that a notebook displays as HTML (it has ``_repr_html_``)."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)


def view(articles: Any, *, legend: bool = True) -> HTMLView:
    """:func:`render_html` for a notebook cell: several articles shown as one page.

    ``newsstruct.display.view(newsstruct.structure_many(texts))`` at the end of a cell shows
    them all, without importing IPython. A single Article displays itself.
    """
    return HTMLView(render_html(articles, legend=legend))


def render_html(articles: Any, *, legend: bool = True, document: bool = False) -> str:
    """HTML for one Article or many, with quotes, speakers, cues, dates and boilerplate marked.

    Args:
        articles: An Article, Articles, ``(id, Article)`` pairs or ``structure_many`` output
            (a Failure shows as an error line).
        legend: Start with a legend of the marks.
        document: Return a whole HTML page (doctype, charset, title) rather than a fragment.
    """
    return "".join(iter_html(articles, legend=legend, document=document))


def iter_html(articles: Any, *, legend: bool = True, document: bool = False) -> Iterator[str]:
    """:func:`render_html` in pieces, one article at a time (for long batches)."""
    if document:
        yield (
            '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">'
            "<title>newsstruct</title></head>\n<body>\n"
        )
    yield '<div class="newsstruct">\n'
    if legend:
        yield _legend_html() + "\n"
    single = isinstance(articles, Article)
    for item_id, item in iter_items(articles):
        if isinstance(item, Failure):
            where = item.id if item.id is not None else item_id
            yield (
                f'<div class="ns-failure" style="{_HEAD_STYLE}color:#b91c1c;">'
                f"{_esc(str(where))}: could not be structured: {_esc(item.error)}</div>\n"
            )
            continue
        yield _article_html(item, None if single else item_id) + "\n"
    yield "</div>\n"
    if document:
        yield "</body>\n</html>\n"


def _legend_html() -> str:
    items = "".join(
        f'<span class="ns-legend-item" data-key="{key}" style="{style}margin-right:10px;">'
        f"{_esc(name)}</span>"
        for key, name, style in _LEGEND
    )
    label = f'<span class="ns-legend-item" data-key="label" style="{_LABEL_STYLE}">category</span>'
    return (
        f'<div class="ns-legend" style="font:12px/1.8 sans-serif;color:#111827;">'
        f"{items}{label}</div>"
    )


def _article_html(article: Article, item_id: Any) -> str:
    head = []
    if item_id is not None:
        head.append(f"<b>{_esc(str(item_id))}</b>")
    if article.published is not None:
        head.append(f"published {article.published.isoformat()}")
    head.append(
        f"{len(article.quotes)} quotes · {len(article.dates)} dates · "
        f"{len(article.boilerplate)} boilerplate"
    )
    header = f'<div class="ns-header" style="{_HEAD_STYLE}">{" · ".join(head)}</div>'
    body = _marked_text(article.text, _marks(article))
    return f'{header}<div class="ns-article" style="{_BOX_STYLE}">{body}</div>'


def _marks(article: Article) -> list[_Mark]:
    marks: list[_Mark] = []
    for i, b in enumerate(article.boilerplate):
        marks.append(
            _Mark(
                b.start,
                b.end,
                "boilerplate",
                f"b{i}",
                "ns-boilerplate",
                _STYLE["boilerplate"],
                f"boilerplate: {b.category} (rule {b.rule})",
                (("category", b.category), ("rule", b.rule)),
                label=b.category,
            )
        )
    if article.dateline is not None:
        line = article.dateline
        where = ", ".join(
            f"{k}: {v}"
            for k, v in (("location", line.location), ("agency", line.agency), ("date", line.date))
            if v is not None
        )
        marks.append(
            _Mark(
                line.start, line.end, "dateline", "l0", "ns-dateline", _STYLE["dateline"],
                f"dateline ({where})" if where else "dateline",
            )
        )  # fmt: skip
    for i, q in enumerate(article.quotes):
        who = q.speaker.name if q.speaker is not None else "unknown"
        cue = q.cue.text if q.cue is not None else "none"
        title = f"{q.kind} quote · speaker: {who} · cue: {cue}" + (
            "" if q.closed else " · unclosed"
        )
        data = (("kind", q.kind), ("speaker", who))
        for piece in q.pieces or (q,):
            marks.append(
                _Mark(
                    piece.start, piece.end, "quote", f"q{i}", f"ns-quote ns-quote-{q.kind}",
                    _QUOTE_STYLE.get(q.kind, _QUOTE_STYLE["direct"]), title, data,
                )
            )  # fmt: skip
        if q.speaker is not None and q.speaker.mention is not None:
            m = q.speaker.mention
            marks.append(
                _Mark(
                    m.start, m.end, "speaker", f"s{i}", "ns-speaker", _STYLE["speaker"],
                    f"speaker: {q.speaker.name} (resolved by {q.speaker.resolved_by})",
                    (("speaker", q.speaker.name),),
                )
            )  # fmt: skip
        if q.cue is not None:
            marks.append(
                _Mark(
                    q.cue.start, q.cue.end, "cue", f"c{i}", "ns-cue", _STYLE["cue"],
                    f"cue: {q.cue.text} · speaker: {who}",
                )
            )  # fmt: skip
    for i, d in enumerate(article.dates):
        title = f"{d.type} {d.value if d.value is not None else '(unresolved)'}"
        if d.first_day is not None and d.last_day is not None and d.first_day != d.last_day:
            title += f" · {d.first_day.isoformat()} to {d.last_day.isoformat()}"
        if d.anchor is not None:
            title += f" · anchor: {d.anchor}"
            if d.anchor_date is not None:
                title += f" {d.anchor_date.isoformat()}"
        marks.append(
            _Mark(
                d.start, d.end, "date", f"d{i}", "ns-date", _STYLE["date"], title,
                (("type", d.type), ("value", d.value or "")),
            )
        )  # fmt: skip
    n = len(article.text)
    return [
        attrs.evolve(m, start=max(0, m.start), end=min(n, m.end))
        for m in marks
        if max(0, m.start) < min(n, m.end)
    ]


def _marked_text(text: str, marks: list[_Mark]) -> str:
    """The text, cut at every mark boundary, each piece wrapped in the marks covering it."""
    starts: dict[int, list[_Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    open_marks: list[_Mark] = []
    active: list[_Mark] = []
    begun: set[str] = set()
    for a, b in itertools.pairwise(cuts):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        wanted = sorted(active, key=lambda m: m.order)
        keep = 0
        while keep < min(len(open_marks), len(wanted)) and open_marks[keep] is wanted[keep]:
            keep += 1
        out.append("</span>" * (len(open_marks) - keep))
        for m in wanted[keep:]:
            out.append(_open_tag(m))
            if m.label is not None and m.record not in begun:
                out.append(f'<span class="ns-label" style="{_LABEL_STYLE}">{_esc(m.label)}</span>')
            begun.add(m.record)
        open_marks = wanted
        out.append(_esc(text[a:b]))
    out.append("</span>" * len(open_marks))
    return "".join(out)


def _open_tag(m: _Mark) -> str:
    data = "".join(f' data-{k}="{_esc(v)}"' for k, v in m.data)
    return (
        f'<span class="{m.classes}" data-record="{m.record}"{data} '
        f'title="{_esc(m.title)}" style="{m.style}">'
    )


def _esc(s: str) -> str:
    return html.escape(s, quote=True)
