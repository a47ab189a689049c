"""Stage 2, segmentation: the case tables sentences.jsonl, paragraphs.jsonl, datelines.jsonl."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import assert_slices, case_params
from newsstruct.segment import find_dateline, split_paragraphs, split_sentences


def published(case: dict) -> dt.date | None:
    value = case.get("published")
    return dt.date.fromisoformat(value) if value else None


@pytest.mark.parametrize("case", case_params("sentences.jsonl"))
def test_sentences(case):
    assert [s.text for s in split_sentences(case["text"])] == case["sentences"]


@pytest.mark.parametrize("case", case_params("sentences.jsonl", honour_expect=False))
def test_sentences_offsets(case):
    text = case["text"]
    paragraphs = split_paragraphs(text, boilerplate=())
    for sentence in split_sentences(text, paragraphs=paragraphs):
        assert_slices(text, sentence)
        para = paragraphs[sentence.paragraph]
        assert para.start <= sentence.start < sentence.end <= para.end


@pytest.mark.parametrize("case", case_params("paragraphs.jsonl"))
def test_paragraphs(case):
    assert [p.text for p in split_paragraphs(case["text"])] == case["paragraphs"]


@pytest.mark.parametrize("case", case_params("paragraphs.jsonl", honour_expect=False))
def test_paragraphs_offsets(case):
    for paragraph in split_paragraphs(case["text"]):
        assert_slices(case["text"], paragraph)


@pytest.mark.parametrize("case", case_params("datelines.jsonl"))
def test_dateline(case):
    found = find_dateline(case["text"], published=published(case))
    expected = case["dateline"]
    if expected is None:
        assert found is None
        return
    assert found is not None
    got = {
        "text": found.text,
        "location": found.location,
        "agency": found.agency,
        "date": found.date.isoformat() if found.date else None,
    }
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize("case", case_params("datelines.jsonl", honour_expect=False))
def test_dateline_offsets(case):
    found = find_dateline(case["text"], published=published(case))
    if found is not None:
        assert_slices(case["text"], found)


def test_dateline_published_takes_what_structure_takes():
    # an ISO string or a datetime, as for structure() and find_dates(); a bad one is named
    text = "KINGSBRIDGE, Ontario, March 3 (Reuters) - The ferry stopped running."
    for published in ("2024-05-09", dt.datetime(2024, 5, 9, 14, 30), dt.date(2024, 5, 9)):
        found = find_dateline(text, published=published)
        assert found is not None and found.date == dt.date(2024, 3, 3)
    with pytest.raises(ValueError, match=r"published must be an ISO date.*'2024-02-30'"):
        find_dateline(text, published="2024-02-30")


NEWS_PARAGRAPH = (
    "PORT ELLISON, Maine (AP) — Sen. Ada Marsh, D-Maine, toured the pier at 3 p.m. Friday. "
    "“Is it safe?” asked Dr. Lena Osei. The U.S. Coast Guard said it was. "
    "Repairs cost $4.5 million... Nobody objected. The vote was 5-2. "
)


def test_long_paragraph_chunked_like_whole(monkeypatch):
    """Punkt reads long paragraphs in chunks; the sentences are those of one whole pass."""
    from newsstruct.segment import sentences as module

    text = NEWS_PARAGRAPH * 400  # about 80,000 characters, one paragraph
    chunked = split_sentences(text)
    monkeypatch.setattr(module, "_CHUNK", 10**9)
    whole = split_sentences(text)
    assert [(s.start, s.end) for s in chunked] == [(s.start, s.end) for s in whole]
    assert len(chunked) == 6 * 400


def test_megabyte_paragraph_in_one_call():
    text = NEWS_PARAGRAPH * 5000  # about 1 MB without a line break
    found = split_sentences(text)
    assert len(found) == 6 * 5000
    for sentence in found[:: len(found) // 50]:
        assert_slices(text, sentence)
    assert found[-1].end == len(text.rstrip())


def test_chunk_without_sentence_end_loses_nothing():
    text = "word " * 60_000 + "end."  # no sentence end for 300,000 characters
    found = split_sentences(text)
    assert [(s.start, s.end) for s in found] == [(0, len(text))]


def test_train_punkt_keeps_our_rules():
    from newsstruct import train_punkt

    corpus = " ".join(
        f"Councilor Ada Frey{i} spoke at the hall. The vote was close. Approx. {i} people came."
        for i in range(300)
    )
    params = train_punkt(corpus)
    assert "sen" in params.abbrev_types  # ours, merged in
    assert ("no", "##number##") in params.collocations
    text = "The tanker was bound for the U.S. It never arrived. It was No. 4 in line."
    assert [s.text for s in split_sentences(text, params=params)] == [
        "The tanker was bound for the U.S.",
        "It never arrived.",
        "It was No. 4 in line.",
    ]
    # the path of a pickled copy is no parameters: say so, not AttributeError 'collocations'
    with pytest.raises(TypeError, match=r"params must be PunktParameters .*, not str"):
        split_sentences(text, params="punkt_params.pkl")


def test_user_params_still_get_news_rules():
    from newsstruct import punkt_parameters

    text = "The fire started at 8 p.m. Officials said no one was inside."
    got = [s.text for s in split_sentences(text, params=punkt_parameters())]
    assert got == ["The fire started at 8 p.m.", "Officials said no one was inside."]
