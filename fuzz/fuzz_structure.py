#!/usr/bin/env python3
"""Coverage-guided fuzzing of ``newsstruct.structure`` with atheris (run by hand, not in CI).

Every input is decoded to a str (any bytes are valid: undecodable ones are replaced) and
structured against a fixed reference date. A crash is an exception, a record whose offsets do
not slice the text, or a warning on the Article that a stage failed on the input.

    pip install atheris
    python fuzz/fuzz_structure.py fuzz/corpus -max_total_time=3600 -timeout=20

``fuzz/corpus`` seeds the fuzzer with our example articles (created on first run); crashes
are written as ``crash-*`` files in the working directory: run the script with one as its
argument to replay it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import newsstruct
    from newsstruct.records import iter_spans

REFERENCE = "2024-05-09"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    article = newsstruct.structure(text, REFERENCE)
    # (a warning about the input itself, such as HTML-escaped quote marks, is no failure)
    failed = [w for w in article.warnings if not w.startswith("input:")]
    if failed:
        raise AssertionError(f"stage failed: {failed}")
    for record in iter_spans(article):
        if text[record.start : record.end] != record.text:
            raise AssertionError(f"offsets do not slice the text: {record!r}")


def seed_corpus(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for path in EXAMPLES.glob("*.txt"):
        target = folder / path.name
        if not target.exists():
            target.write_bytes(path.read_bytes())


if __name__ == "__main__":
    corpus = next((Path(a) for a in sys.argv[1:] if not a.startswith("-")), None)
    if corpus is not None and not corpus.is_file():
        seed_corpus(corpus)
    # one article of each example first: the patterns compiled on first use (the date
    # grammar's, per kind) take seconds under the fuzzer's instrumentation, which its
    # -timeout would report as a hang of whatever input came first; and one text with a
    # character whose case folds to several ("ß"), for which the grammar compiles its
    # patterns with full case folding, once per process (half a minute instrumented)
    for path in sorted(EXAMPLES.glob("*.txt")):
        newsstruct.structure(path.read_text(encoding="utf-8"), REFERENCE)
    newsstruct.structure("Die Straße ist seit Montag, 3. Juni 2024, gesperrt.", REFERENCE)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
