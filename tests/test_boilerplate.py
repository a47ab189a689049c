"""Stage 1, boilerplate: the case table tests/cases/boilerplate.jsonl and the lexicon checks."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import regex
from conftest import assert_slices, case_params, read_cases

import newsstruct.lexicons
from newsstruct.boilerplate import find_boilerplate
from newsstruct.lexicons import load_lexicon

TABLE = "boilerplate.jsonl"


@pytest.mark.parametrize("case", case_params(TABLE))
def test_case(case):
    found = find_boilerplate(case["text"])
    got = [{"text": b.text, "category": b.category, "rule": b.rule} for b in found]
    assert got == case["boilerplate"]


@pytest.mark.parametrize("case", case_params(TABLE, honour_expect=False))
def test_offsets(case):
    for record in find_boilerplate(case["text"]):
        assert_slices(case["text"], record)


TSV = Path(newsstruct.lexicons.__file__).parent / "en" / "boilerplate.tsv"


def tsv_rows() -> list[list[str]]:
    lines = TSV.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def test_tsv_rows_have_four_fields_and_known_kind():
    for row in tsv_rows():
        assert len(row) == 4, row
        assert row[2] in {"regex", "regex-cs", "exact"}, row


def test_tsv_rule_ids_unique_and_sorted():
    ids = [row[0] for row in tsv_rows()]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert ids == sorted(ids)


def test_every_pattern_compiles():
    rules = load_lexicon().boilerplate
    assert len(rules) == len(tsv_rows())
    for rule in rules:
        assert isinstance(rule.pattern, regex.Pattern), rule.rule


def test_every_rule_has_a_positive_case():
    fired = {b["rule"] for case in read_cases(TABLE) for b in case["boilerplate"]}
    missing = {rule.rule for rule in load_lexicon().boilerplate} - fired
    assert missing == set()
