"""Stage 4, dates: the case table tests/cases/dates.jsonl.

Each case gives ``published`` (ISO date or null); each expected mention lists ``text``, ``type``
and ``value``, and optionally ``first_day``, ``last_day``, ``anchor`` and ``anchor_date``; only
the fields given are compared.
"""

from __future__ import annotations

import pytest
from conftest import assert_slices, case_params, project

from newsstruct.dates import find_dates
from newsstruct.records import DateMention


def fields(mention: DateMention) -> dict:
    def iso(day):
        return day.isoformat() if day else None

    return {
        "text": mention.text,
        "type": mention.type,
        "value": mention.value,
        "first_day": iso(mention.first_day),
        "last_day": iso(mention.last_day),
        "anchor": mention.anchor,
        "anchor_date": iso(mention.anchor_date),
    }


@pytest.mark.parametrize("case", case_params("dates.jsonl"))
def test_case(case):
    got = [fields(d) for d in find_dates(case["text"], published=case["published"])]
    assert project(got, case["dates"]) == case["dates"]


@pytest.mark.parametrize("case", case_params("dates.jsonl", honour_expect=False))
def test_offsets(case):
    for mention in find_dates(case["text"], published=case["published"]):
        assert_slices(case["text"], mention)
