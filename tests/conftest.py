"""Shared helpers for the case-table tests (tests/cases/*.jsonl)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis profiles: "ci" (default, a short run) and "long" (10,000 examples a property):
#   HYPOTHESIS_PROFILE=long pytest tests/test_properties.py
settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

CASES = Path(__file__).parent / "cases"


def read_cases(name: str) -> list[dict]:
    """The cases of one table, in file order."""
    lines = (CASES / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def case_params(name: str, *, honour_expect: bool = True) -> list:
    """pytest params for a table; known failures (``expect: fail``) become strict xfails.

    With ``honour_expect=False`` every case runs as a plain test (for invariants, such as the
    offsets contract, that must hold even where the expected output is not met yet).
    """
    params = []
    for case in read_cases(name):
        marks = []
        if honour_expect and case.get("expect", "pass") == "fail":
            reason = case.get("comment", "known failure")
            marks.append(pytest.mark.xfail(strict=True, reason=reason))
        params.append(pytest.param(case, id=case["label"], marks=marks))
    return params


def assert_slices(text: str, record: object) -> None:
    """The offsets contract: ``text[start:end] == record.text``."""
    start, end, got = record.start, record.end, record.text  # type: ignore[attr-defined]
    assert text[start:end] == got, f"{record!r} does not slice to its text"


def project(got: list[dict], expected: list[dict]) -> list[dict]:
    """Each record cut to the keys its expected counterpart gives; extra records stay whole.

    So ``project(got, expected) == expected`` compares only the fields a case names, and still
    fails on a missing or an extra record.
    """
    cut = [{k: g[k] for k in e} for g, e in zip(got, expected, strict=False)]
    return cut + got[len(expected) :]
