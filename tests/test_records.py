"""Records: frozen, hashable, pickle and JSON round-trip, offsets exact for every record."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import attrs
import pytest

import newsstruct
from newsstruct import Article, Span, structure, to_json
from newsstruct.records import iter_spans

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLES = {
    "wire_harbor_strike_2024-05-09.txt": "2024-05-09",
    "web_council_budget_2023-11-16.txt": "2023-11-16",
    "liveblog_floods_2025-02-14.txt": "2025-02-14",
}


@pytest.fixture(scope="module", params=sorted(ARTICLES))
def article(request) -> Article:
    text = (EXAMPLES / request.param).read_text(encoding="utf-8")
    return structure(text, published=ARTICLES[request.param])


def test_every_record_slices_to_its_text(article):
    spans = list(iter_spans(article))
    assert len(spans) > 20
    for r in spans:
        assert 0 <= r.start <= r.end <= len(article.text)
        assert article.text[r.start : r.end] == r.text, r


def test_every_stage_does_real_work_on_each_example(article):
    assert article.paragraphs and article.sentences
    assert article.quotes, "each example quotes somebody"
    assert any(q.speaker is not None for q in article.quotes)
    assert any(d.value for d in article.dates)
    assert article.boilerplate, "each example carries junk lines"


def test_sentences_never_cross_paragraphs_nor_are_empty(article):
    for s in article.sentences:
        p = article.paragraphs[s.paragraph]
        assert p.start <= s.start < s.end <= p.end
        assert s.text.strip() == s.text and s.text


def test_paragraphs_exclude_boilerplate(article):
    for b in article.boilerplate:
        for p in article.paragraphs:
            assert b.end <= p.start or p.end <= b.start, (b, p)


def test_records_are_frozen_and_hashable(article):
    q = article.quotes[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        q.start = 0  # type: ignore[misc]
    assert hash(q) == hash(attrs.evolve(q))
    assert isinstance(article.quotes, tuple) and isinstance(q.pieces, tuple)


def test_pickle_round_trip(article):
    assert pickle.loads(pickle.dumps(article)) == article


def test_json_round_trip(article):
    data = json.loads(to_json(article))
    assert data["schema_version"] == newsstruct.SCHEMA_VERSION
    assert Article.from_dict(data) == article
    assert isinstance(data["published"], str)


def test_from_dict_refuses_newer_schema():
    data = structure("Rain fell.").to_dict()
    data["schema_version"] = newsstruct.SCHEMA_VERSION + 1
    with pytest.raises(ValueError, match="schema_version"):
        Article.from_dict(data)


def test_from_dict_ignores_unknown_keys():
    data = structure("Rain fell on Monday.", "2024-05-09").to_dict()
    data["dates"][0]["confidence"] = 0.9
    assert Article.from_dict(data).dates[0].value == "2024-05-06"


def test_calendar_fields_are_dates_not_ints():
    art = structure("It rained three weeks ago.", dt.date(2022, 3, 17))
    d = art.dates[0]
    assert (d.first_day, d.last_day) == (dt.date(2022, 2, 21), dt.date(2022, 2, 27))
    assert d.anchor == "published" and d.anchor_date == dt.date(2022, 3, 17)


def test_span_repr_is_readable():
    assert "text='abc'" in repr(Span(start=0, end=3, text="abc"))


def test_article_repr_leaves_out_the_text():
    art = structure("A very particular sentence about harbors.")
    assert "particular" not in repr(art).split("paragraphs")[0]


def test_from_dict_names_what_is_no_article():
    # a line of the command line's JSONL output reads back, its "id" ignored; an error record,
    # or the JSON text itself, says what it is instead of naming Article.__init__
    line = {"id": "ferry-1", **structure("It ran on Friday.", "2024-05-09").to_dict()}
    assert Article.from_dict(line).dates[0].value == "2024-05-03"
    with pytest.raises(ValueError, match=r"an error record, not an article: missing 'text'"):
        Article.from_dict({"id": "ferry-2", "line": 2, "error": "missing 'text'"})
    with pytest.raises(ValueError, match="no 'text'"):
        Article.from_dict({"schema_version": 1})
    with pytest.raises(TypeError, match=r"takes a dict \(json.loads\(line\)\), not str"):
        Article.from_dict('{"text": "It ran."}')
