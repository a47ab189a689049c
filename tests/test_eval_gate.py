"""Evaluation gates: accuracy floors on the shared evaluation sets, so quality cannot drop
silently. Skipped only when ../shared/eval is absent (a clone without the shared data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsstruct import split_sentences

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
needs_eval = pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval is not present")


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@needs_eval
def test_golden_rules_all_pass():
    cases = read_jsonl(EVAL / "segmentation" / "golden_rules_en.jsonl")
    failed = [
        case["id"]
        for case in cases
        if [s.text.strip() for s in split_sentences(case["text"])] != case["sentences"]
    ]
    assert len(cases) == 48
    assert failed == []
