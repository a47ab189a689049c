#!/usr/bin/env python3
"""Error analysis of ``find_boilerplate`` on the DEV half of the line-labelled pages.

For each set and view it prints (to stdout only; nothing is written to the repository):

- a table of rules: story lines each rule removed (lost) next to the junk lines it removed;
- every story line removed, with the rule that fired (and, with ``--context``, its
  neighbours), so loss patterns can be read and turned into invented test cases;
- the junk lines kept, grouped by line shape, with counts and a few examples.

With ``--folds`` the dev pages are split in two folds (fold A / fold B, by another bit of the
sha1 of the page id) and every number is given per fold: a rule or guard is kept only when
it holds on both (a rule that helps one fold only is fitted to its publishers).

``--probe`` instead runs the filter over clean news text the rules never saw: the TRAIN
split of the PolNeAR articles (``quotes/polnear.jsonl``; its texts are story lines, with a
few real credits and promos), and lists every line removed, by rule: a recall check on
other publishers. Nothing of it is copied anywhere.

The test half is refused on purpose: rules are tuned on dev pages only.

Usage:
    PYTHONPATH=. python benchmarks/boilerplate_errors.py [--sets fundus,aeb] [--views span,page]
        [--mode auto] [--repeated] [--lost] [--kept N] [--context 1] [--rules] [--folds]
    PYTHONPATH=. python benchmarks/boilerplate_errors.py --probe [--show RULE,...]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import (
    BOILERPLATE_SETS,
    DEFAULT_EVAL_DIR,
    boilerplate_split,
    load_scorer,
    read_jsonl,
    removed_lines,
    view_text,
)

from newsstruct.boilerplate import LineCounter, find_boilerplate
from newsstruct.boilerplate.lines import Shape


def shape_group(line: str) -> str:
    """A coarse shape name for grouping kept junk."""
    s = Shape(line)
    if s.words >= 20:
        return "long (20+ words)"
    if s.prose:
        return "prose sentence (5-19 words)"
    if s.terminal:
        return "short sentence (<5 words)"
    if s.colon:
        return "ends in colon"
    if s.words <= 3:
        return "menu-like (<=3 words)"
    if s.listish:
        return "list-ish"
    return "short open line (4-19 words)"


WIDTH = 110


def dev_fold(page_id: str) -> str:
    """Fold A or B of a dev page: the second bit of the sha1 of its id (the first bit
    chose dev or test)."""
    return "AB"[int(hashlib.sha1(page_id.encode("utf-8")).hexdigest(), 16) >> 1 & 1]


def probe(eval_dir: Path, show: set[str]) -> int:
    """Lines removed from the train split of the PolNeAR news articles, by rule."""
    path = eval_dir / "quotes" / "polnear.jsonl"
    by_rule: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    docs = lines = 0
    for rec in read_jsonl(path):
        if rec.get("split") != "train":
            continue
        text = rec["text"]
        docs += 1
        lines += sum(1 for line in text.splitlines() if line.strip())
        for b in find_boilerplate(text):
            by_rule[b.rule] += 1
            examples[b.rule].append(clip(b.text))
    print(f"## PolNeAR train: {docs} articles, {lines} lines, {sum(by_rule.values())} removed")
    for rule, count in by_rule.most_common():
        print(f"  {rule:32} {count:5d}")
        if not show or rule in show:
            for line in examples[rule][:8]:
                print(f"      {line}")
    return 0


def clip(text: str, width: int | None = None) -> str:
    width = width or WIDTH
    return text if len(text) <= width else text[: width - 1] + "…"


def rule_of(spans: list[tuple[int, int, str]], start: int, end: int) -> str:
    """The rule of the boilerplate span covering most of [start, end)."""
    best, best_cover = "?", 0
    for s, e, rule in spans:
        cover = min(e, end) - max(s, start)
        if cover > best_cover:
            best, best_cover = rule, cover
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    ap.add_argument("--sets", default="fundus,aeb")
    ap.add_argument("--views", default="span,page")
    ap.add_argument("--mode", default="auto")
    ap.add_argument("--repeated", action="store_true", help="with batch repetition")
    ap.add_argument("--lost", action="store_true", help="list every story line removed")
    ap.add_argument("--kept", type=int, default=0, help="examples of kept junk per shape")
    ap.add_argument("--context", type=int, default=0, help="neighbour lines shown per loss")
    ap.add_argument("--rules", action="store_true", help="table of rules: lost vs removed")
    ap.add_argument("--id", default="", help="only pages whose id contains this")
    ap.add_argument("--show", default="", help="list the junk lines these rules removed")
    ap.add_argument("--width", type=int, default=110, help="characters shown per line")
    ap.add_argument("--folds", action="store_true", help="numbers per dev fold (A, B)")
    ap.add_argument("--probe", action="store_true", help="lines removed from clean news text")
    args = ap.parse_args()
    global WIDTH
    WIDTH = args.width
    if args.probe:
        return probe(args.eval_dir, {r for r in args.show.split(",") if r})
    scorer = load_scorer(args.eval_dir, "score_boilerplate")
    for stem in BOILERPLATE_SETS:
        if not any(s and s in stem for s in args.sets.split(",")):
            continue
        every = read_jsonl(args.eval_dir / "boilerplate" / f"{stem}.jsonl")
        records = [r for r in every if boilerplate_split(r["id"]) == "dev"]
        records = [r for r in records if args.id in r["id"]]
        for view in args.views.split(","):
            repeated = None
            if args.repeated:
                counter = LineCounter()
                for rec in records:
                    counter.add(view_text(rec, scorer.view_indices(rec, view))[1])
                repeated = counter.repeated()
            lost_by: Counter[str] = Counter()
            removed_by: Counter[str] = Counter()
            kept_junk: dict[str, list[tuple[str, str]]] = defaultdict(list)
            lost_lines: list[str] = []
            shown: list[str] = []
            content = junk = 0
            per_fold: Counter[tuple[str, str]] = Counter()  # (fold, content|junk|lost|removed)
            rule_fold: Counter[tuple[str, str, str]] = Counter()  # (rule, fold, lost|removed)
            for rec in records:
                fold = dev_fold(rec["id"])
                idx = scorer.view_indices(rec, view)
                lines, text = view_text(rec, idx)
                if not lines:
                    continue
                found = find_boilerplate(text, mode=args.mode, repeated=repeated)
                spans = [(b.start, b.end, b.rule) for b in found]
                gone = removed_lines(lines, [(s, e) for s, e, _r in spans])
                offset = 0
                for k, (i, line) in enumerate(zip(idx, lines, strict=True)):
                    start, end = offset, offset + len(line)
                    offset = end + 1
                    label = rec["lines"][i]["label"]
                    if label == "content":
                        content += 1
                    else:
                        junk += 1
                    per_fold[fold, "content" if label == "content" else "junk"] += 1
                    if gone[k]:
                        rule = rule_of(spans, start, end)
                        kind = "lost" if label == "content" else "removed"
                        per_fold[fold, kind] += 1
                        rule_fold[rule, fold, kind] += 1
                        if label == "content":
                            lost_by[rule] += 1
                            if args.lost:
                                out = [f"  [{rule}] {rec['id'][:24]} #{i}: {clip(line)}"]
                                for d in range(-args.context, args.context + 1):
                                    if d and 0 <= k + d < len(lines):
                                        j = idx[k + d]
                                        tag = "C" if rec["lines"][j]["label"] == "content" else "B"
                                        gone_tag = "x" if gone[k + d] else " "
                                        out.append(
                                            f"      {d:+d} {tag}{gone_tag} {clip(lines[k + d])}"
                                        )
                                lost_lines.append("\n".join(out))
                        else:
                            removed_by[rule] += 1
                            if rule in args.show.split(","):
                                shown.append(f"  <{rule}> {rec['id'][:24]} #{i}: {clip(line)}")
                    elif label != "content":
                        kept_junk[shape_group(line)].append((rec["id"][:16], line))
            lost = sum(lost_by.values())
            removed = sum(removed_by.values())
            print(
                f"\n## {stem} dev {view} mode={args.mode}{' +repeated' if repeated else ''}: "
                f"{len(records)} pages; story lost {lost}/{content} "
                f"(R={1 - lost / max(content, 1):.4f}); junk removed {removed}/{junk} "
                f"({removed / max(junk, 1):.3f})"
            )
            if args.folds:
                for fold in "AB":
                    f_content = max(per_fold[fold, "content"], 1)
                    f_junk = max(per_fold[fold, "junk"], 1)
                    print(
                        f"  fold {fold}: story lost {per_fold[fold, 'lost']}/{f_content} "
                        f"(R={1 - per_fold[fold, 'lost'] / f_content:.4f}); junk removed "
                        f"{per_fold[fold, 'removed']}/{f_junk} "
                        f"({per_fold[fold, 'removed'] / f_junk:.3f})"
                    )
            if args.rules:
                if args.folds:
                    print(f"  {'rule':32} {'lost A':>6} {'rem. A':>6} {'lost B':>6} {'rem. B':>6}")
                else:
                    print(f"  {'rule':32} {'lost':>5} {'removed':>8}")
                for rule in sorted(
                    set(lost_by) | set(removed_by), key=lambda r: (-lost_by[r], -removed_by[r])
                ):
                    if args.folds:
                        cells = " ".join(
                            f"{rule_fold[rule, fold, kind]:6d}"
                            for fold in "AB"
                            for kind in ("lost", "removed")
                        )
                        print(f"  {rule:32} {cells}")
                    else:
                        print(f"  {rule:32} {lost_by[rule]:5d} {removed_by[rule]:8d}")
            if args.lost and lost_lines:
                print("  story lines removed:")
                print("\n".join(lost_lines))
            if shown:
                print("  junk removed by the rules shown:")
                print("\n".join(shown))
            if args.kept:
                print("  junk kept, by shape:")
                for group, items in sorted(kept_junk.items(), key=lambda kv: -len(kv[1])):
                    print(f"    {group}: {len(items)}")
                    for pid, line in items[: args.kept]:
                        print(f"      {pid} {clip(line)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
