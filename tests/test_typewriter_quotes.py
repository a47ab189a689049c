"""Typewriter quote marks (``''…''`` and ``` ``…'' ```), read only when the caller asks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsstruct import find_quotes, structure, structure_many
from newsstruct.records import iter_spans

# (text, [(quote text, kind, speaker name), ...]) with typewriter=True
CASES = [
    (
        "''We will rebuild the pier,'' Mayor Ines Calloway said.",
        [("We will rebuild the pier,", "direct", "Ines Calloway")],
    ),
    (
        "Calloway said: ''We will rebuild the pier.''",
        [("We will rebuild the pier.", "direct", "Calloway")],
    ),
    (
        "``We will rebuild,'' said Tomas Ebbe, the harbor master.",
        [("We will rebuild,", "direct", "Tomas Ebbe")],
    ),
    (
        "''It will take a year,'' Ebbe said. ''Maybe two.''",
        [("It will take a year,'' Ebbe said. ''Maybe two.", "direct", "Ebbe")],
    ),
    (  # a quote over two paragraphs: the mark opens each, closes only the last
        "Ebbe said:\n\n''The pier is gone.\n\n''We start again in May.''",
        [("The pier is gone.\n\n''We start again in May.", "direct", "Ebbe")],
    ),
]
NEGATIVE = [
    "The 12'' records sold out on Saturday.",  # inches, no quote
    "She played the '' key twice.",  # a lone pair before a space opens nothing
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_typewriter_quotes(text: str, expected: list[tuple[str, str, str]]) -> None:
    quotes = find_quotes(text, typewriter=True)
    got = [(q.text, q.kind, q.speaker.name if q.speaker else None) for q in quotes]
    assert got == expected
    for q in quotes:
        for span in iter_spans(q):
            assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(("text", "_expected"), CASES)
def test_off_by_default(text: str, _expected: object) -> None:
    assert not any(q.kind == "direct" for q in find_quotes(text))


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_quote_from_inches(text: str) -> None:
    assert not any(q.kind == "direct" for q in find_quotes(text, typewriter=True))


def test_same_output_without_typewriter_marks() -> None:
    text = '"We will rebuild," Calloway said. The council met on Monday.'
    assert find_quotes(text, typewriter=True) == find_quotes(text)


def test_structure_and_batch_pass_the_option() -> None:
    text = "''We will rebuild the pier,'' Mayor Ines Calloway said on Monday."
    art = structure(text, "2024-05-09", typewriter_quotes=True)
    assert [q.speaker.name for q in art.quotes if q.speaker] == ["Ines Calloway"]
    assert all(q.kind != "direct" for q in structure(text, "2024-05-09").quotes)
    for n in (1, 2):
        out = list(structure_many([text, text], n_process=n, typewriter_quotes=True))
        assert [a.quotes[0].text for a in out] == ["We will rebuild the pier,"] * 2


def test_cli_flag(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("''We will rebuild,'' Calloway said.\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "newsstruct", str(path), "--typewriter-quotes"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert [q["text"] for q in json.loads(run.stdout)["quotes"]] == ["We will rebuild,"]
