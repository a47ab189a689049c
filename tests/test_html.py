"""structure_html: trafilatura's text, then the pipeline (the optional ``html`` extra)."""

from __future__ import annotations

import sys

import pytest

from conftest import assert_slices
from newsstruct.html import html_to_text, structure_html

PAGE = """<!doctype html>
<html><head><title>Harbor workers strike | Port Ellison Tribune</title></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sports">Sports</a></li></ul></nav>
<main><article>
<h1>Harbor workers strike, idling Port Ellison</h1>
<p>Harbor workers in Port Ellison walked off the job on Tuesday, idling the state's
second-busiest port for the first time in 30 years, union leaders said.</p>
<p>The union said talks over a new contract broke down late Monday after the port authority
refused to raise pay for night shifts and weekend crews.</p>
<p>Read more: Port Ellison council delays pier vote</p>
<p>“We did not want this, but we were left with no choice,” said Rhea Calder, the local's
president, speaking outside the union hall on Front Street.</p>
<p>Port officials said container ships would be diverted to Halden Bay until the strike
ends, and that perishable cargo would be moved first.</p>
<p>CLICK HERE TO GET THE PORT ELLISON TRIBUNE APP</p>
<p>The strike is the first at the port since 1994, when crews stayed out for nine days.</p>
</article></main>
<footer><p>© 2024 Port Ellison Tribune. All rights reserved.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy Policy</a></li></ul>
</footer></body></html>"""


@pytest.fixture()
def trafilatura():
    return pytest.importorskip("trafilatura")


def test_structure_html_keeps_the_story_and_removes_what_trafilatura_left(trafilatura):
    art = structure_html(PAGE, published="2024-05-07")
    assert "idling the state's" in art.text
    assert "Politics" not in art.text  # the menu is gone before our filter runs
    junk = {b.text: b.rule for b in art.boilerplate}
    assert junk.get("Read more: Port Ellison council delays pier vote") == "read-more"
    assert junk.get("CLICK HERE TO GET THE PORT ELLISON TRIBUNE APP") == "app-promo"
    assert any(q.speaker and q.speaker.name == "Rhea Calder" for q in art.quotes)
    story = " ".join(p.text for p in art.paragraphs)
    assert "first at the port since 1994" in story and "Read more" not in story
    for record in (*art.boilerplate, *art.paragraphs, *art.sentences):
        assert_slices(art.text, record)


def test_structure_html_passes_typewriter_quotes(trafilatura):
    page = (
        "<html><body><article><h1>Pier vote</h1><p>''We will rebuild the pier before the "
        "summer season starts,'' Mayor Ines Calloway said on Monday at the harbor office."
        "</p><p>The council meets again next week to vote on the money for the work.</p>"
        "</article></body></html>"
    )
    for setting in ("auto", True):
        art = structure_html(page, published="2024-05-07", typewriter_quotes=setting)
        assert [q.speaker.name for q in art.quotes if q.kind == "direct" and q.speaker] == [
            "Ines Calloway"
        ]
    art = structure_html(page, published="2024-05-07", typewriter_quotes=False)
    assert all(q.kind != "direct" for q in art.quotes)


def test_html_to_text_of_an_empty_page(trafilatura):
    assert html_to_text("<html><body></body></html>") == ""
    art = structure_html("<html><body></body></html>")
    assert art.text == "" and art.paragraphs == ()
    assert any("trafilatura" in w for w in art.warnings)


def test_html_must_be_a_str():
    with pytest.raises(TypeError, match="html must be a str"):
        structure_html(b"<html></html>")


def test_missing_extra_names_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(ImportError, match=r"newsstruct\[html\]"):
        structure_html(PAGE)
