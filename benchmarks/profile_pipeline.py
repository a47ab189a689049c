#!/usr/bin/env python3
"""Where ``structure`` spends its time: MB/s for the whole pipeline and per stage, and a profile.

Runs over the first N PolNeAR articles (the texts only). Each stage is timed on the output of
the stages before it, as ``structure`` calls them; ``--reps`` passes are made and the median
of each is reported (the machine may be shared: read medians). Times are this process's CPU
time (``--clock wall`` for wall-clock time): on a shared machine, waiting for a core is left
out. ``--profile`` adds a cProfile
of ``structure`` over the same articles, sorted by own time (``--sort cumulative`` for the
other view); ``--stage`` profiles one stage only.

``--article-mb 5`` times the stages on one long article instead: the example articles joined
and repeated to that many million characters, as the adversarial "5 MB article" of
``tests/test_adversarial.py`` (published 2024-05-09). ``--gc`` adds the time the garbage
collector took during one ``structure`` pass, per generation (read from ``gc.callbacks``;
the collector itself is left as it is).

Usage:
    PYTHONPATH=. python benchmarks/profile_pipeline.py [--articles 300] [--reps 3]
        [--clock cpu] [--profile] [--stage quotes] [--sort tottime] [--top 40]
    PYTHONPATH=. taskset -c 1 python benchmarks/profile_pipeline.py --article-mb 5 --reps 1 --gc
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import pstats
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO.parent / "shared" / "eval"
STAGES = ("boilerplate", "paragraphs", "sentences", "dateline", "quotes", "dates")


def read_articles(eval_dir: Path, n: int) -> list[tuple[str, str | None]]:
    out = []
    with (eval_dir / "quotes" / "polnear.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and len(out) < n:
                a = json.loads(line)
                out.append((a["text"], a.get("date")))
    return out


def long_article(mb: float) -> tuple[str, str]:
    """The examples joined and repeated to ``mb`` million characters (the adversarial "5 MB
    article"), with its publication date."""
    examples = sorted((REPO / "examples").glob("*.txt"))
    story = "\n\n".join(p.read_text(encoding="utf-8") for p in examples)
    size = int(mb * 1_000_000)
    return (story * (size // len(story) + 1))[:size], "2024-05-09"


def gc_seconds(call: Callable[[], Any], clock: Callable[[], float]) -> dict[int, list[float]]:
    """Per generation: [collections, seconds] the collector took while ``call`` ran."""
    out: dict[int, list[float]] = {0: [0, 0.0], 1: [0, 0.0], 2: [0, 0.0]}
    started = [0.0]

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = clock()
        else:
            out[info["generation"]][0] += 1
            out[info["generation"]][1] += clock() - started[0]

    gc.collect()
    gc.callbacks.append(note)
    try:
        call()
    finally:
        gc.callbacks.remove(note)
    return out


def stage_calls(text: str, published: str | None) -> dict[str, Callable[[], Any]]:
    """Each stage as a zero-argument call on the outputs of the stages before it."""
    import newsstruct as ns
    from newsstruct.text import parse_published

    lex = ns.load_lexicon("en")
    ref = parse_published(published)
    boilerplate = ns.find_boilerplate(text, lexicon=lex)
    paragraphs = ns.split_paragraphs(text, boilerplate=boilerplate, lexicon=lex)
    sentences = ns.split_sentences(text, paragraphs=paragraphs, lexicon=lex)
    quotes = ns.find_quotes(text, sentences=sentences, paragraphs=paragraphs, lexicon=lex)
    return {
        "boilerplate": lambda: ns.find_boilerplate(text, lexicon=lex),
        "paragraphs": lambda: ns.split_paragraphs(text, boilerplate=boilerplate, lexicon=lex),
        "sentences": lambda: ns.split_sentences(text, paragraphs=paragraphs, lexicon=lex),
        "dateline": lambda: ns.find_dateline(
            text, paragraphs=paragraphs, published=ref, lexicon=lex
        ),
        "quotes": lambda: ns.find_quotes(
            text, sentences=sentences, paragraphs=paragraphs, lexicon=lex
        ),
        "dates": lambda: ns.find_dates(
            text, sentences=sentences, quotes=quotes, published=ref, lexicon=lex
        ),
        "structure": lambda: ns.structure(text, published, lexicon=lex),
    }


def timed(calls: list[Callable[[], Any]], clock: Callable[[], float] = time.process_time) -> float:
    gc.collect()
    start = clock()
    for call in calls:
        call()
    return clock() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument(
        "--clock", choices=("cpu", "wall"), default="cpu", help="CPU time (default) or wall-clock"
    )
    ap.add_argument("--profile", action="store_true", help="cProfile structure() once")
    ap.add_argument("--stage", choices=(*STAGES, "structure"), default="structure")
    ap.add_argument("--sort", default="tottime")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument(
        "--article-mb",
        type=float,
        default=0.0,
        help="time one long article of this many million characters (the adversarial one)",
    )
    ap.add_argument("--gc", action="store_true", help="garbage collection time of structure()")
    args = ap.parse_args()

    import newsstruct as ns

    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    ns.structure('"Yes," Ada Marsh said Monday, Jan. 5, 2015.', "2016-03-01")  # lazy loads
    if args.article_mb:
        articles: list[tuple[str, str | None]] = [long_article(args.article_mb)]
    else:
        articles = read_articles(args.eval_dir, args.articles)
    mb = sum(len(t) for t, _ in articles) / 1e6
    prepared = [stage_calls(t, p) for t, p in articles]
    names = (*STAGES, "structure")
    seconds: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(args.reps):  # interleaved: every stage once per pass
        for name in names:
            seconds[name].append(timed([calls[name] for calls in prepared], clock))
    what = "1 long article" if args.article_mb else f"{len(articles)} articles"
    print(f"{what}, {mb:.3f} MB (chars/1e6), {args.reps} reps, medians, {args.clock} time")
    print(f"{'stage':<12} {'s':>7} {'MB/s':>7} {'s/MB':>7}  runs (s)")
    for name in names:
        med = statistics.median(seconds[name])
        runs = " ".join(f"{s:.2f}" for s in seconds[name])
        print(f"{name:<12} {med:7.2f} {mb / med:7.3f} {med / mb:7.2f}  {runs}")
    total = sum(statistics.median(seconds[n]) for n in STAGES)
    print(f"{'sum stages':<12} {total:7.2f} {mb / total:7.3f} {total / mb:7.2f}")

    if args.gc:
        calls = [c["structure"] for c in prepared]
        spent = gc_seconds(lambda: [call() for call in calls], clock)
        total_gc = sum(s for _, s in spent.values())
        print(
            f"gc during structure: {total_gc:.2f} s; "
            + ", ".join(f"gen{g} {n} x {s:.3f} s" for g, (n, s) in spent.items())
        )

    if args.profile:
        calls = [c[args.stage] for c in prepared]
        prof = cProfile.Profile()
        prof.enable()
        for call in calls:
            call()
        prof.disable()
        pstats.Stats(prof).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
