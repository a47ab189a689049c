"""Stage 3, quotes: the case table tests/cases/quotes.jsonl.

Each expected quote lists ``text``, ``kind``, ``speaker`` (canonical name or null) and ``cue``
(text or null), and optionally ``pieces`` (a count), ``closed``, ``resolved_by`` and ``mention``
(the speaker's surface form); only the fields given are compared.
"""

from __future__ import annotations

import pytest
from conftest import assert_slices, case_params, project

from newsstruct.quotes import find_quotes
from newsstruct.records import Quote


def fields(quote: Quote) -> dict:
    return {
        "text": quote.text,
        "kind": quote.kind,
        "speaker": quote.speaker.name if quote.speaker else None,
        "cue": quote.cue.text if quote.cue else None,
        "pieces": len(quote.pieces),
        "closed": quote.closed,
        "resolved_by": quote.speaker.resolved_by if quote.speaker else None,
        "mention": quote.speaker.mention.text if quote.speaker and quote.speaker.mention else None,
    }


@pytest.mark.parametrize("case", case_params("quotes.jsonl"))
def test_case(case):
    got = [fields(q) for q in find_quotes(case["text"])]
    assert project(got, case["quotes"]) == case["quotes"]


@pytest.mark.parametrize("case", case_params("quotes.jsonl", honour_expect=False))
def test_offsets(case):
    text = case["text"]
    for quote in find_quotes(text):
        assert_slices(text, quote)
        for piece in quote.pieces:
            assert_slices(text, piece)
            assert quote.start <= piece.start <= piece.end <= quote.end
        if quote.cue is not None:
            assert_slices(text, quote.cue)
        if quote.speaker is not None and quote.speaker.mention is not None:
            assert_slices(text, quote.speaker.mention)
