"""Structure a JSONL file of articles with a Dask bag: one row per quote and per date.

Writes a small JSONL file (the three example articles, repeated) to a temporary folder, reads
it as a Dask bag in partitions, structures each article, flattens the records to rows with
``newsstruct.frames.quote_rows`` / ``date_rows`` and computes the rows on Dask's local
process scheduler (two workers). On a cluster the same code runs with a
``dask.distributed.Client`` and a path on shared storage (``s3://...``).

Needs Dask's bag:  pip install ".[dask]"  (from the repository root)
Run from anywhere:  python examples/dask_bag.py
"""

import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

import dask.bag as db

import newsstruct
from newsstruct.frames import date_rows, quote_rows

HERE = Path(__file__).resolve().parent
ARTICLES = {
    "harbor-strike": ("wire_harbor_strike_2024-05-09.txt", "2024-05-09"),
    "council-budget": ("web_council_budget_2023-11-16.txt", "2023-11-16"),
    "floods-live": ("liveblog_floods_2025-02-14.txt", "2025-02-14"),
}
COPIES = 4  # each article a few times, so that the bag has several partitions


def write_batch(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for copy in range(COPIES):
            for item_id, (name, published) in ARTICLES.items():
                text = (HERE / name).read_text(encoding="utf-8")
                line = {"id": f"{item_id}-{copy}", "text": text, "published": published}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")


def rows_of(item):
    """One article (a parsed JSONL line) to (table, row) pairs; never raises."""
    try:
        art = newsstruct.structure(item["text"], item.get("published"))
    except (TypeError, ValueError) as exc:  # a bad line: keep going, report it as a row
        return [("failure", {"id": item.get("id"), "error": f"{type(exc).__name__}: {exc}"})]
    rows = [("quote", row) for row in quote_rows(art, id=item["id"])]
    rows += [("date", row) for row in date_rows(art, id=item["id"])]
    return rows


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "batch.jsonl"
        write_batch(source)
        bag = db.read_text(str(source), blocksize=8_000).map(json.loads)
        rows = bag.map(rows_of).flatten()
        tables = rows.compute(scheduler="processes", num_workers=2)
    counts = Counter(table for table, _ in tables)
    print(f"{bag.npartitions} partitions; rows: {dict(sorted(counts.items()))}")
    quotes = [row for table, row in tables if table == "quote"]
    for row in quotes[:3]:
        print(f"{row['id']:16} {row['speaker'] or '?':20} {row['text'][:50]!r}")
    expected = COPIES * len(ARTICLES)
    seen = {row["id"] for _, row in tables}
    if counts.get("failure") or len(seen) != expected or not quotes:
        print(f"expected rows from {expected} articles, got {len(seen)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
