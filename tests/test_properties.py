"""Property tests: any text in, no exception, every offset exact, results reproducible.

The default profile ("ci") runs a short sample of each property; the long one runs 10,000
examples a property:

    HYPOTHESIS_PROFILE=long pytest tests/test_properties.py
"""

from __future__ import annotations

import datetime as dt
import json
import pickle

from hypothesis import given
from hypothesis import strategies as st

from newsstruct import (
    Article,
    find_dates,
    find_quotes,
    speaker_mentions,
    split_sentences,
    structure,
    to_json,
)
from newsstruct.records import iter_spans

# Pieces of news text that exercise every stage, mixed with arbitrary characters.
NEWS_BITS = [
    "said",
    " said ",
    "told reporters",
    "according to ",
    "asked",
    ", she added.",
    "Mr. ",
    "Sen. ",
    "Gov. ",
    "U.S. ",
    "J.R. ",
    "D-Calif., ",
    "Ada Marsh",
    "Tomas Reyes-Lund",
    "Monday",
    "last week",
    "three weeks ago",
    "3 p.m. ",
    "Oct. 16, 2023",
    "the 1990s",
    "next year",
    "2008",
    "$4.5 million",
    "No. 4",
    "... ",
    ". . . ",
    "…",
    "1. ",
    "2) ",
    "• ",
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    "''",
    "``",
    "«",
    "»",
    "„",
    "‚",
    "(",
    ")",
    " — ",
    " – ",
    "-",
    "WASHINGTON (AP) — ",
    "LONDON, Oct 16 (Reuters) - ",
    "(CNN) — ",
    "BREAKING — ",
    "ADVERTISEMENT",
    "CLICK HERE TO GET THE FOX NEWS APP",
    "Read more:",
    "Copyright 2024",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "\u00a0",
    "\u2028",
    "\u200b",
    "\ufeff",
    ".",
    "?",
    "!",
    ":",
    ";",
    ",",
    "שלום עולם",
    "مرحبا",
    "e\u0301",
    "👍🏽",
    "🇺🇸",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\ud7ff",
]
CHARS = st.characters(blacklist_categories=("Cs",))  # any code point a str can hold
texts = st.lists(
    st.one_of(st.sampled_from(NEWS_BITS), st.text(CHARS, max_size=8)), max_size=60
).map("".join)
dates = st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))


@given(texts, dates)
def test_structure_never_raises_and_every_offset_is_exact(text, published):
    art = structure(text, published)
    for record in iter_spans(art):
        assert text[record.start : record.end] == record.text, record
        assert 0 <= record.start <= record.end <= len(text)
    for sentence in art.sentences:
        para = art.paragraphs[sentence.paragraph]
        assert para.start <= sentence.start < sentence.end <= para.end


@given(texts, dates)
def test_structure_is_deterministic(text, published):
    assert structure(text, published) == structure(text, published)


@given(texts, dates)
def test_articles_round_trip_through_pickle_and_json(text, published):
    art = structure(text, published)
    assert pickle.loads(pickle.dumps(art)) == art
    assert Article.from_dict(json.loads(to_json(art))) == art


@given(texts)
def test_typewriter_quotes_keep_offsets(text):
    for quote in find_quotes(text, typewriter=True):
        for record in iter_spans(quote):
            assert text[record.start : record.end] == record.text, record


@given(texts)
def test_transcript_turns_keep_offsets(text):
    for quote in find_quotes(text, transcripts=True):
        for record in iter_spans(quote):
            assert text[record.start : record.end] == record.text, record


@given(texts)
def test_stages_alone_never_raise(text):
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
    quotes = find_quotes(text)
    for name, spans in speaker_mentions(text, quotes).items():
        assert name in {q.speaker.name for q in quotes if q.speaker is not None}
        for span in spans:
            assert text[span.start : span.end] == span.text
    for mention in find_dates(text):  # no reference date: nothing from the clock
        assert text[mention.start : mention.end] == mention.text
        # a date may still anchor to another date the text gives ("Oct. 16 … 3 p.m."),
        # never to a publication date that was not passed
        assert mention.anchor != "published"


@given(st.text(CHARS, min_size=1, max_size=3), st.integers(1, 400))
def test_long_runs_of_one_piece(piece, times):
    text = piece * times
    art = structure(text, "2022-03-17")
    for record in iter_spans(art):
        assert text[record.start : record.end] == record.text
