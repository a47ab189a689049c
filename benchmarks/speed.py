#!/usr/bin/env python3
"""Speed and scale: newsstruct's stages and whole pipeline next to peers, in one run.

Every system reads the same inputs; repetitions are interleaved (A B C, A B C, ...) and the
median is reported. Each repetition takes a fresh batch of news articles (the PolNeAR texts),
so a peer that caches by text (nupunkt does) is timed on unseen input like everyone else.

Sections (Markdown tables; ``--json FILE`` writes all numbers):

- ``import newsstruct`` time (a fresh interpreter; nltk and dateparser must not load).
- chars/s per stage on news text, each stage given the output of the stages before it
  (computed outside the timer): boilerplate, paragraphs+sentences, quotes, dates; and the
  whole pipeline (``structure``). Peers: pySBD and nupunkt for sentences, dateparser's
  ``search_dates(text, languages=["en"], settings={"RELATIVE_BASE": ...})`` for dates. A
  peer that is not installed is left out with a note. HeidelTime (Java) and textacy (spaCy
  models) are not run here: see ``benchmarks/accuracy.py --peers`` and
  ``benchmarks/peer_textacy.py``.
- Linear scaling: seconds per MB for one ``structure`` call on 1 KB to 5 MB of news text
  (PolNeAR articles joined) and of our dense examples (``examples/*.txt`` repeated: many
  quotes and dates), with the ratio t(5 MB) / t(0.5 MB) (linear: 10).
- Peak memory (max RSS of a fresh process) for one call on 1 MB and 5 MB.
- ``structure_many(n_process=1)`` against ``n_process=2``.
- The adversarial inputs of tests/test_adversarial.py: seconds each, the median of up to three
  calls (``--reps``, at most 3), each call alone (the previous Article released), in wall-clock
  time and in the process's CPU time (on a shared or virtual machine the two differ).

Usage:
    python benchmarks/speed.py [--eval-dir DIR] [--reps 3] [--articles 100]
        [--sizes 1e3,1e5,5e5,1e6,5e6] [--parallel-articles 400] [--skip SECTION,...]
        [--json FILE]

Sections to skip: stages, scaling, memory, parallel, adversarial. The machine is what it is:
on a shared machine, read the medians, not single runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO.parent / "shared" / "eval"
EXAMPLES = REPO / "examples"
SECTIONS = ("stages", "scaling", "memory", "parallel", "adversarial")

JsonDict = dict[str, Any]


# -- inputs


def read_articles(eval_dir: Path) -> list[JsonDict]:
    path = eval_dir / "quotes" / "polnear.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def examples_text() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))


def sized(base: str, size: int) -> str:
    """``base`` repeated (blank line between copies) and cut to ``size`` characters."""
    unit = base + "\n\n"
    return (unit * (size // len(unit) + 1))[:size]


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


# -- import time


def import_time(reps: int) -> JsonDict:
    code = (
        "import sys, time; t = time.perf_counter(); import newsstruct; "
        "d = time.perf_counter() - t; "
        "print(d, 'nltk' in sys.modules, 'dateparser' in sys.modules)"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO))
    times, heavy = [], []
    for _ in range(reps):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout.split()
        times.append(float(out[0]))
        heavy.append(out[1] == "True" or out[2] == "True")
    return {"seconds": median(times), "runs": times, "loads_nltk_or_dateparser": any(heavy)}


# -- per-stage throughput


def stage_systems() -> tuple[dict[str, tuple[str, Callable[[JsonDict], Any]]], list[str]]:
    """name -> (stage, fn(prepared article)); plus notes on missing peers."""
    import newsstruct as ns

    lex = ns.load_lexicon("en")

    def sentences(a: JsonDict) -> Any:
        paragraphs = ns.split_paragraphs(a["text"], boilerplate=a["boilerplate"], lexicon=lex)
        return ns.split_sentences(a["text"], paragraphs=paragraphs, lexicon=lex)

    found: dict[str, tuple[str, Callable[[JsonDict], Any]]] = {
        "newsstruct boilerplate": (
            "boilerplate",
            lambda a: ns.find_boilerplate(a["text"], lexicon=lex),
        ),
        "newsstruct paragraphs+sentences": ("sentences", sentences),
        "newsstruct quotes": (
            "quotes",
            lambda a: ns.find_quotes(
                a["text"], sentences=a["sentences"], paragraphs=a["paragraphs"], lexicon=lex
            ),
        ),
        "newsstruct dates": (
            "dates",
            lambda a: ns.find_dates(
                a["text"],
                sentences=a["sentences"],
                quotes=a["quotes"],
                published=a["published"],
                lexicon=lex,
            ),
        ),
        "newsstruct structure()": (
            "pipeline",
            lambda a: ns.structure(a["text"], a["published"], lexicon=lex),
        ),
    }
    notes: list[str] = []
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)
        found["pySBD"] = ("sentences", lambda a: segmenter.segment(a["text"]))
    except ImportError:
        notes.append("pysbd not installed: left out")
    try:
        import nupunkt

        found["nupunkt"] = ("sentences", lambda a: nupunkt.sent_tokenize(a["text"]))
    except ImportError:
        notes.append("nupunkt not installed: left out")
    try:
        from dateparser.search import search_dates

        def dateparser_search(a: JsonDict) -> Any:
            base = dt.datetime.combine(a["published"] or dt.date(2016, 1, 1), dt.time())
            return search_dates(a["text"], languages=["en"], settings={"RELATIVE_BASE": base})

        found["dateparser search_dates"] = ("dates", dateparser_search)
    except ImportError:
        notes.append("dateparser not installed: left out")
    return found, notes


def prepare(articles: list[JsonDict]) -> list[JsonDict]:
    """Each article with the outputs of the earlier stages, computed outside any timer."""
    import newsstruct as ns
    from newsstruct.text import parse_published

    lex = ns.load_lexicon("en")
    out = []
    for a in articles:
        text = a["text"]
        published = parse_published(a.get("date"))
        boilerplate = ns.find_boilerplate(text, lexicon=lex)
        paragraphs = ns.split_paragraphs(text, boilerplate=boilerplate, lexicon=lex)
        sentences = ns.split_sentences(text, paragraphs=paragraphs, lexicon=lex)
        quotes = ns.find_quotes(text, sentences=sentences, paragraphs=paragraphs, lexicon=lex)
        out.append(
            {
                "text": text,
                "published": published,
                "boilerplate": boilerplate,
                "paragraphs": paragraphs,
                "sentences": sentences,
                "quotes": quotes,
            }
        )
    return out


def stage_speed(articles: list[JsonDict], reps: int, per_rep: int) -> JsonDict:
    found, notes = stage_systems()
    batches = [
        prepare(articles[k * per_rep : (k + 1) * per_rep])
        for k in range(reps)
        if (k + 1) * per_rep <= len(articles)
    ]
    warm = prepare([{"text": '"Yes," Ada Marsh said Monday, Jan. 5, 2015.', "date": "2016-03-01"}])
    for _, fn in found.values():  # lazy loading is not charged
        fn(warm[0])
    rates: dict[str, list[float]] = {name: [] for name in found}
    for batch in batches:
        chars = sum(len(a["text"]) for a in batch)
        for name, (_, fn) in found.items():
            gc.collect()
            start = time.perf_counter()
            for a in batch:
                fn(a)
            rates[name].append(chars / (time.perf_counter() - start))
    rows = {
        name: {"stage": stage, "chars_per_s": median(rates[name]), "runs": rates[name]}
        for name, (stage, _) in found.items()
    }
    return {
        "articles_per_rep": per_rep,
        "reps": len(batches),
        "chars_per_rep": [sum(len(a["text"]) for a in b) for b in batches],
        "systems": rows,
        "notes": notes,
    }


def full_corpus(articles: list[JsonDict]) -> JsonDict:
    """One pass of ``structure`` over every article (wall and CPU time)."""
    import newsstruct as ns

    ns.structure('"Yes," Ada Marsh said Monday.', "2016-03-01")
    chars = sum(len(a["text"]) for a in articles)
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    for a in articles:
        ns.structure(a["text"], a.get("date"))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "articles": len(articles),
        "chars": chars,
        "seconds": wall,
        "cpu_seconds": cpu,
        "mb_per_s": chars / wall / 1e6,
        "mb_per_cpu_s": chars / cpu / 1e6,
    }


# -- scaling, memory


def scaling(texts: dict[str, str], sizes: list[int], reps: int) -> JsonDict:
    import newsstruct as ns

    ns.structure('"Yes," Ada Marsh said Monday.', "2016-03-01")
    out: JsonDict = {}
    for label, base in texts.items():
        runs: dict[int, list[float]] = {size: [] for size in sizes}
        for _ in range(reps):
            for size in sizes:
                text = sized(base, size)
                calls = max(1, 200_000 // size)  # small inputs: enough calls to time
                gc.collect()
                start = time.perf_counter()
                for _ in range(calls):
                    ns.structure(text, "2016-03-01")
                runs[size].append((time.perf_counter() - start) / calls)
        rows = {
            str(size): {
                "seconds": median(runs[size]),
                "seconds_per_mb": median(runs[size]) / size * 1e6,
            }
            for size in sizes
        }
        entry: JsonDict = {"sizes": rows}
        if 500_000 in runs and 5_000_000 in runs:
            entry["ratio_5mb_to_0_5mb"] = median(runs[5_000_000]) / median(runs[500_000])
        out[label] = entry
    return out


def peak_memory(sizes: list[int]) -> JsonDict:
    """Peak RSS (MB) of a fresh process: after import, and after one call per size.

    Read from VmHWM (Linux): ``ru_maxrss`` of a child can carry its parent's high-water mark.
    """
    code = (
        "import resource, sys, pathlib; sys.path.insert(0, sys.argv[1]); "
        "import newsstruct; size = int(sys.argv[2]); "
        "base = '\\n\\n'.join(p.read_text() for p in sorted(pathlib.Path(sys.argv[3]).glob('*.txt'))); "
        "unit = base + '\\n\\n'; text = (unit * (size // len(unit) + 1))[:size]; "
        "size and newsstruct.structure(text, '2016-03-01'); "
        "status = pathlib.Path('/proc/self/status'); "
        "hwm = [l for l in status.read_text().splitlines() if l.startswith('VmHWM')] "
        "if status.exists() else []; "
        "print(int(hwm[0].split()[1]) / 1024 if hwm "
        "else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    out: JsonDict = {}
    for size in [0, *sizes]:
        res = subprocess.run(
            [sys.executable, "-c", code, str(REPO), str(size), str(EXAMPLES)],
            capture_output=True,
            text=True,
            check=True,
        )
        out["import only" if size == 0 else str(size)] = float(res.stdout.strip())
    return out


# -- many articles


def parallel(articles: list[JsonDict], reps: int) -> JsonDict:
    from newsstruct import structure_many

    items = [{"id": a["id"], "text": a["text"], "published": a.get("date")} for a in articles]
    chars = sum(len(a["text"]) for a in articles)
    runs: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(reps):
        for n in (1, 2):
            gc.collect()
            start = time.perf_counter()
            for _ in structure_many(items, n_process=n):
                pass
            runs[n].append(time.perf_counter() - start)
    one, two = median(runs[1]), median(runs[2])
    return {
        "articles": len(items),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "seconds": {"1": one, "2": two},
        "mb_per_s": {"1": chars / one / 1e6, "2": chars / two / 1e6},
        "speedup": one / two,
        "runs": {str(k): v for k, v in runs.items()},
    }


# -- adversarial inputs


def adversarial_inputs() -> dict[str, str]:
    sys.path.insert(0, str(REPO / "tests"))
    try:
        from test_adversarial import adversarial_inputs as inputs  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    return inputs()


def adversarial(reps: int) -> JsonDict:
    """Each input ``reps`` times, the median reported. Every call starts alike: the Article of
    the call before is released and the collector run first (a previous Article kept alive
    sets when the collector's full passes come, and one pass more or less is a tenth of a
    second on the largest inputs)."""
    import newsstruct as ns

    out: JsonDict = {}
    for name, text in adversarial_inputs().items():
        runs = []
        cpu = []
        warnings: list[str] = []
        for _ in range(reps):
            gc.collect()
            start, start_cpu = time.perf_counter(), time.process_time()
            art = ns.structure(text, "2024-05-09")
            runs.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            warnings = list(art.warnings)
            del art
        out[name] = {
            "chars": len(text),
            "seconds": median(runs),
            "runs": runs,
            "cpu_seconds": median(cpu),
            "warnings": warnings,
        }
    return out


# -- report


def fmt_rate(chars_per_s: float) -> str:
    if chars_per_s >= 1e6:
        return f"{chars_per_s / 1e6:.2f} M"
    return f"{chars_per_s / 1e3:.0f} k"


def report(res: JsonDict) -> str:
    lines: list[str] = []
    add = lines.append
    add(f"## Speed ({res['machine']})\n")
    imp = res["import"]
    add(
        f"`import newsstruct`: {imp['seconds']:.3f} s (median of {len(imp['runs'])} fresh "
        f"interpreters; nltk or dateparser loaded at import: {imp['loads_nltk_or_dateparser']})\n"
    )
    if "stages" in res:
        st = res["stages"]
        add(
            f"### chars/s per stage, news text (PolNeAR, {st['articles_per_rep']} fresh "
            f"articles per repetition, median of {st['reps']} interleaved)\n"
        )
        add("| stage | system | chars/s | newsstruct / peer |")
        add("|---|---|---:|---:|")
        ours = {
            row["stage"]: row["chars_per_s"]
            for name, row in st["systems"].items()
            if name.startswith("newsstruct")
        }
        for name, row in st["systems"].items():
            ratio = ""
            if not name.startswith("newsstruct") and row["stage"] in ours:
                ratio = f"{ours[row['stage']] / row['chars_per_s']:.1f}x"
            add(f"| {row['stage']} | {name} | {fmt_rate(row['chars_per_s'])} | {ratio} |")
        for note in st["notes"]:
            add(f"\n- {note}")
        add("")
    if "corpus" in res:
        c = res["corpus"]
        add(
            f"Whole pipeline, one pass over all {c['articles']} PolNeAR articles "
            f"({c['chars'] / 1e6:.2f} MB): {c['seconds']:.1f} s wall = {c['mb_per_s']:.2f} MB/s "
            f"({c['mb_per_cpu_s']:.2f} MB per CPU second)\n"
        )
    if "scaling" in res:
        add("### One call, time per MB (flat = linear)\n")
        labels = list(res["scaling"])
        add("| size | " + " | ".join(f"{lb}: s | {lb}: s/MB" for lb in labels) + " |")
        add("|---:|" + "---:|---:|" * len(labels))
        for size in res["scaling"][labels[0]]["sizes"]:
            cells = []
            for lb in labels:
                row = res["scaling"][lb]["sizes"][size]
                cells += [f"{row['seconds']:.3f}", f"{row['seconds_per_mb']:.2f}"]
            add(f"| {int(size) / 1e6:g} MB | " + " | ".join(cells) + " |")
        for lb in labels:
            ratio = res["scaling"][lb].get("ratio_5mb_to_0_5mb")
            if ratio is not None:
                add(f"\n- {lb}: t(5 MB) / t(0.5 MB) = {ratio:.1f} (linear: 10; target < 12)")
        add("")
    if "memory" in res:
        add("### Peak memory (max RSS of a fresh process, examples text)\n")
        add("| after | MB |")
        add("|---|---:|")
        for key, mb in res["memory"].items():
            label = key if not key.isdigit() else f"structure() on {int(key) / 1e6:g} MB"
            add(f"| {label} | {mb:.0f} |")
        add("")
    if "parallel" in res:
        p = res["parallel"]
        add(
            f"### structure_many on {p['articles']} PolNeAR articles ({p['cpus']} CPUs, "
            f"load average at the end {', '.join(f'{x:.1f}' for x in p['load_average'])})\n"
        )
        add("| n_process | seconds | MB/s |")
        add("|---:|---:|---:|")
        for n in ("1", "2"):
            add(f"| {n} | {p['seconds'][n]:.1f} | {p['mb_per_s'][n]:.2f} |")
        add(f"\nSpeed-up with 2 processes: {p['speedup']:.2f}x\n")
    if "adversarial" in res:
        n = len(next(iter(res["adversarial"].values()))["runs"])
        add(f"### Adversarial inputs (median of {n} calls each)\n")
        add("| input | chars | seconds | slowest call | CPU seconds | warnings |")
        add("|---|---:|---:|---:|---:|---:|")
        for name, row in res["adversarial"].items():
            add(
                f"| {name} | {row['chars']:,} | {row['seconds']:.2f} | {max(row['runs']):.2f}"
                f" | {row['cpu_seconds']:.2f} | {len(row['warnings'])} |"
            )
        add("")
    return "\n".join(lines)


def _note(section: str) -> None:
    print(f"[speed] {section} ...", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    env_dir = os.environ.get("NEWSSTRUCT_EVAL_DIR")
    ap.add_argument("--eval-dir", type=Path, default=Path(env_dir) if env_dir else None)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--articles", type=int, default=100, help="articles per repetition")
    ap.add_argument("--sizes", default="1e3,1e5,5e5,1e6,5e6")
    ap.add_argument("--parallel-articles", type=int, default=400)
    ap.add_argument("--skip", default="", help=f"comma list of {', '.join(SECTIONS)}")
    ap.add_argument("--json", type=Path)
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    skip = {s for s in args.skip.split(",") if s}
    unknown = skip - set(SECTIONS)
    if unknown:
        raise SystemExit(f"unknown section(s) {sorted(unknown)}; known: {SECTIONS}")
    eval_dir = args.eval_dir or DEFAULT_EVAL_DIR
    sizes = [int(float(s)) for s in args.sizes.split(",") if s]
    res: JsonDict = {
        "machine": f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f} at start",
        "import": import_time(args.reps),
    }
    sys.path.insert(0, str(REPO))
    articles = read_articles(eval_dir)
    if "stages" not in skip:
        _note("stages")
        res["stages"] = stage_speed(articles, args.reps, args.articles)
        res["corpus"] = full_corpus(articles)
    if "scaling" not in skip:
        _note("scaling")
        news = "\n\n".join(a["text"] for a in articles[:400])
        res["scaling"] = scaling({"news": news, "examples": examples_text()}, sizes, args.reps)
    if "memory" not in skip:
        _note("memory")
        res["memory"] = peak_memory([s for s in sizes if s >= 1_000_000])
    if "parallel" not in skip:
        _note("parallel")
        res["parallel"] = parallel(articles[: args.parallel_articles], args.reps)
    if "adversarial" not in skip:
        _note("adversarial")
        res["adversarial"] = adversarial(min(args.reps, 3))
    print(report(res))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(res, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
