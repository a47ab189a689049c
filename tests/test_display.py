"""newsstruct.display: the HTML view (Jupyter, --format html), checked in a real browser.

The browser tests start Debian's headless Chromium on the rendered page plus a probe script of
ours that reads the DOM and the computed styles back into the page, then dump the DOM. They
skip only when no chromium binary is installed (.ci/run installs it).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsstruct
from newsstruct import Article, Boilerplate, DateMention, Failure, Quote, Span, Speaker
from newsstruct.display import render_html

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
WIRE = (EXAMPLES / "wire_harbor_strike_2024-05-09.txt").read_text(encoding="utf-8")
WEB = (EXAMPLES / "web_council_budget_2023-11-16.txt").read_text(encoding="utf-8")

HOSTILE = (
    "Subscribe to our newsletter\n\n"
    '"Type <script>alert(1)</script> & see," said Councillor Bea Ortolan on Monday.\n\n'
    'The page showed <img src=x onerror="alert(2)"> and a </div></span> tag, she said.\n'
)


def at(text: str, sub: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return {"start": start, "end": start + len(sub), "text": sub}


class _Collect(HTMLParser):
    """Elements with a data-record, and the article boxes' text without the labels."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.records: list[dict] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        node = {"tag": tag, "attrs": a, "article": "ns-article" in cls.split()}
        node["label"] = "ns-label" in cls.split()
        self.stack.append(node)
        if node["article"]:
            self.texts.append("")
        if "data-record" in a:
            self.records.append(a)

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        inside = any(n["article"] for n in self.stack)
        if inside and not any(n["label"] for n in self.stack):
            self.texts[-1] += data


def collect(page: str) -> _Collect:
    parser = _Collect()
    parser.feed(page)
    parser.close()
    assert parser.stack == [], "every element is closed"
    return parser


# ---------------------------------------------------------------- without a browser


def test_text_survives_escaping_and_marking():
    art = newsstruct.structure(HOSTILE, "2024-05-09")
    page = render_html(art)
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; see," in page
    parsed = collect(page)
    assert parsed.texts == [HOSTILE], "the article box holds exactly the article's text"


def test_every_record_is_marked_with_its_details():
    art = newsstruct.structure(WIRE, "2024-05-09")
    parsed = collect(render_html(art))
    by_record: dict[str, list[dict]] = {}
    for a in parsed.records:
        by_record.setdefault(a["data-record"], []).append(a)
    quotes = {k for k in by_record if k.startswith("q")}
    dates = {k for k in by_record if k.startswith("d")}
    assert quotes == {f"q{i}" for i in range(len(art.quotes))}
    assert dates == {f"d{i}" for i in range(len(art.dates))}
    assert {k for k in by_record if k.startswith("b")} == {
        f"b{i}" for i in range(len(art.boilerplate))
    }
    for i, d in enumerate(art.dates):
        for a in by_record[f"d{i}"]:
            assert a["title"].startswith(f"{d.type} {d.value}")
            assert a["data-value"] == d.value
    for i, q in enumerate(art.quotes):
        for a in by_record[f"q{i}"]:
            assert f"ns-quote-{q.kind}" in a["class"]
            assert a["title"].startswith(f"{q.kind} quote")
        if q.speaker is not None and q.speaker.mention is not None:
            assert q.speaker.name in by_record[f"s{i}"][0]["title"]


def test_nested_and_crossing_records_are_deterministic():
    text = "Before the vote on Monday night, officials said the budget was late."
    quote = Quote(**at(text, "the budget was late"), kind="indirect")
    monday = DateMention(**at(text, "Monday"), type="DATE", value="2024-05-06")
    night = DateMention(**at(text, "Monday night"), type="TIME", value="2024-05-06TNI")
    # A made-up record that crosses the quote's start: one of the two must be cut.
    crossing = DateMention(**at(text, "said the budget"), type="DATE", value=None)
    art = Article(text=text, quotes=(quote,), dates=(monday, night, crossing))
    page = render_html(art, legend=False)
    assert page == render_html(art, legend=False)
    parsed = collect(page)
    assert parsed.texts == [text]
    counts: dict[str, int] = {}
    for a in parsed.records:
        counts[a["data-record"]] = counts.get(a["data-record"], 0) + 1
    # Nested records give one element each. Of two crossing records the earlier-starting one
    # is outermost, so the quote is split where the crossing date ends.
    assert counts == {"q0": 2, "d0": 1, "d1": 1, "d2": 1}
    # The longer "Monday night" holds "Monday" (outermost first).
    assert re.search(r'data-record="d1"[^>]*>\s*<span[^>]*data-record="d0"', page)
    assert 'title="DATE (unresolved)"' in page


def test_pieces_are_highlighted_not_the_attribution_between_them():
    text = '"We are ready," Mayor Ines Calloway said, "and so is the port."'
    art = newsstruct.structure(text, "2024-05-09")
    (quote,) = art.quotes
    assert len(quote.pieces) == 2
    quote_texts = re.findall(r'data-record="q0"[^>]*>([^<]*)<', render_html(art))
    assert quote_texts == [p.text for p in quote.pieces]


def test_boilerplate_carries_its_category_label():
    art = newsstruct.structure(WEB, "2023-11-16")
    page = render_html(art)
    labels = re.findall(r'class="ns-label"[^>]*>([^<]*)<', page)
    assert labels == [b.category for b in art.boilerplate]


def test_repr_html_is_render_html():
    art = newsstruct.structure(WIRE, "2024-05-09")
    assert art._repr_html_() == render_html(art)


def test_many_articles_ids_and_failures():
    a = newsstruct.structure("The ferry ran on Tuesday.", "2024-05-09")
    failure = Failure(index=1, id="story-7", error="TypeError: text must be a str")
    page = render_html([("story-6", a), ("story-7", failure)], document=True)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<b>story-6</b>" in page
    assert "story-7: could not be structured: TypeError: text must be a str" in page
    assert page.count('class="ns-legend"') == 1
    assert 'class="ns-legend"' not in render_html(a, legend=False)


def test_wrong_input_is_a_type_error():
    with pytest.raises(TypeError):
        render_html("just a string")
    with pytest.raises(TypeError):
        render_html([42])


def test_empty_and_unmarked_articles():
    assert collect(render_html(Article(text=""))).texts == [""]
    text = "Nothing happened.\r\nStill nothing. <b>bold?</b>"
    assert collect(render_html(Article(text=text))).texts == [text]


# Pieces of news text (quote marks, markup characters, dates, cues) in any order.
NEWSY = st.lists(
    st.sampled_from([*"ab M.,\"“”<>&'\n\r\t—:;", " said ", "Monday", "\u00a0", "Jan. 5"]),
    max_size=60,
).map("".join)


@settings(max_examples=60, deadline=None)
@given(NEWSY | st.text(max_size=60))
def test_any_text_renders_and_reads_back(text):
    page = render_html(newsstruct.structure(text, "2024-05-09"))
    assert collect(page).texts == [text]


# ---------------------------------------------------------------- in Chromium

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")

# Reads what the browser built: every marked element with its computed style, each article
# box's text with the labels left out, and what else the page holds.
PROBE = """
<script>
(function () {
  var out = {records: [], texts: [], scripts: document.querySelectorAll('script').length,
             images: document.querySelectorAll('img').length, legend: []};
  document.querySelectorAll('[data-record]').forEach(function (el) {
    var s = getComputedStyle(el);
    out.records.push({record: el.getAttribute('data-record'), cls: el.className,
      title: el.title, value: el.getAttribute('data-value'), text: el.textContent,
      background: s.backgroundColor, decoration: s.textDecorationLine,
      fontStyle: s.fontStyle, nested: el.parentElement.closest('[data-record]') !== null});
  });
  document.querySelectorAll('.ns-article').forEach(function (box) {
    var copy = box.cloneNode(true);
    copy.querySelectorAll('.ns-label').forEach(function (l) { l.remove(); });
    out.texts.push(copy.textContent);
  });
  document.querySelectorAll('.ns-label').forEach(function (l) {
    out.labelDecoration = getComputedStyle(l).textDecorationLine;
  });
  document.querySelectorAll('.ns-legend-item').forEach(function (i) { out.legend.push(i.textContent); });
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def browse(page: str, tmp_path: Path) -> dict:
    """Load ``page`` in headless Chromium and return what the probe read."""
    file = tmp_path / "page.html"
    file.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--dump-dom",
        file.as_uri(),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    match = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.S)
    assert match, f"chromium gave no probe output (exit {done.returncode}): {done.stderr[-2000:]}"
    return json.loads(html.unescape(match.group(1)))


@needs_chromium
def test_chromium_renders_records_styles_and_text(tmp_path):
    wire = newsstruct.structure(WIRE, "2024-05-09")
    hostile = newsstruct.structure(HOSTILE, "2024-05-09")
    seen = browse(render_html([wire, hostile], document=True), tmp_path)

    # Exactly the article texts, escaped markup included, read back from the DOM.
    norm = [t.replace("\r\n", "\n") for t in (WIRE, HOSTILE)]
    assert seen["texts"] == norm
    assert seen["scripts"] == 1, "only the probe's own script: article text never runs"
    assert seen["images"] == 0

    # Records of the first article: their elements, tooltips and computed styles.
    boxes = seen["records"]
    first = boxes[: len(_elements_of(wire))]
    quote_ids = {r["record"] for r in first if "ns-quote" in r["cls"]}
    assert len(quote_ids) == len(wire.quotes)
    date_titles = {r["record"]: r["title"] for r in first if r["cls"] == "ns-date"}
    assert len(date_titles) == len(wire.dates)
    for i, d in enumerate(wire.dates):
        assert date_titles[f"d{i}"].startswith(f"{d.type} {d.value}")
    for r in first:
        if r["cls"] == "ns-date":
            assert r["background"] == "rgb(187, 247, 208)"
        elif "ns-quote-direct" in r["cls"]:
            assert r["background"] == "rgb(253, 230, 138)"
        elif r["cls"] == "ns-speaker":
            assert "underline" in r["decoration"]
        elif r["cls"] == "ns-cue":
            assert r["fontStyle"] == "italic"
        elif r["cls"] == "ns-boilerplate":
            assert "line-through" in r["decoration"]
    assert sum(r["cls"] == "ns-boilerplate" for r in first) == len(wire.boilerplate)
    # A date inside a quote is nested in it, not torn out of it.
    assert any(r["cls"] == "ns-date" and r["nested"] for r in first)

    # The hostile article: its quote holds the markup as plain text.
    second = boxes[len(first) :]
    quoted = [r["text"] for r in second if "ns-quote" in r["cls"]]
    assert "Type <script>alert(1)</script> & see," in quoted
    assert seen["labelDecoration"] == "none", "a category label is not struck through"
    assert seen["legend"][:3] == ["direct quote", "mixed quote", "indirect quote"]


def _elements_of(article: Article):
    """The marked elements render_html makes for ``article`` (parsed without a browser)."""
    return collect(render_html(article, legend=False)).records


@needs_chromium
def test_chromium_shows_made_up_records_in_every_layer(tmp_path):
    text = 'NEWS DESK — Sign up now\n"We will rebuild by March," said Ana Quill.'
    promo = Boilerplate(**at(text, "Sign up now"), category="promo", rule="sign-up")
    march = DateMention(**at(text, "March"), type="DATE", value="2025-03")
    quote = Quote(
        **at(text, "We will rebuild by March,"),
        pieces=(Span(**at(text, "We will rebuild by March,")),),
        speaker=Speaker(name="Ana Quill", mention=Span(**at(text, "Ana Quill"))),
        cue=Span(**at(text, "said")),
    )
    art = Article(
        text=text,
        published=dt.date(2025, 1, 2),
        boilerplate=(promo,),
        quotes=(quote,),
        dates=(march,),
    )
    seen = browse(render_html(art, document=True), tmp_path)
    kinds = sorted(r["cls"] for r in seen["records"])
    assert kinds == [
        "ns-boilerplate",
        "ns-cue",
        "ns-date",
        "ns-quote ns-quote-direct",
        "ns-speaker",
    ]
    date = next(r for r in seen["records"] if r["cls"] == "ns-date")
    assert date["title"] == "DATE 2025-03" and date["nested"] and date["value"] == "2025-03"
    assert seen["texts"] == [text]


def test_view_is_the_same_html_for_notebooks():
    arts = [newsstruct.structure("Rain fell on Monday.", "2024-05-09")] * 2
    shown = newsstruct.display.view(arts)
    assert shown._repr_html_() == render_html(arts) == str(shown)
