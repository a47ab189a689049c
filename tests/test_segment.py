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
