"""Structure a batch of articles from a JSONL file, as the command line does.

Writes a small JSONL file (the three example articles, plus one broken line) to a temporary
folder, structures it with ``structure_many`` on two worker processes, and writes one result
a line to ``structured.jsonl`` beside it. Run from anywhere:  python examples/jsonl_batch.py

The same batch from the shell:
    newsstruct batch.jsonl --jobs 2 > structured.jsonl
"""

import json
import sys
import tempfile
from pathlib import Path

import newsstruct

HERE = Path(__file__).resolve().parent
ARTICLES = {
    "harbor-strike": ("wire_harbor_strike_2024-05-09.txt", "2024-05-09"),
    "council-budget": ("web_council_budget_2023-11-16.txt", "2023-11-16"),
    "floods-live": ("liveblog_floods_2025-02-14.txt", "2025-02-14"),
}


def write_batch(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for item_id, (name, published) in ARTICLES.items():
            text = (HERE / name).read_text(encoding="utf-8")
            line = {"id": item_id, "text": text, "published": published}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        out.write(json.dumps({"id": "no-text", "published": "2024-01-01"}) + "\n")


def read_batch(path: Path):
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "batch.jsonl", Path(tmp) / "structured.jsonl"
        write_batch(source)
        items = list(read_batch(source))
        failures = 0
        with target.open("w", encoding="utf-8") as out:
            # Results come back in input order, one per item, whatever the number of workers.
            results = newsstruct.structure_many(items, n_process=2)
            for item, result in zip(items, results, strict=True):
                if isinstance(result, newsstruct.Failure):
                    failures += 1
                    print(f"{item.get('id')}: FAILED: {result.error}", file=sys.stderr)
                    out.write(json.dumps(result.to_dict()) + "\n")
                    continue
                row = {"id": item["id"], **result.to_dict()}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                speakers = sorted({q.speaker.name for q in result.quotes if q.speaker})
                print(
                    f"{item['id']:15} {len(result.paragraphs):3} paragraphs "
                    f"{len(result.quotes):3} quotes {len(result.dates):3} dates; "
                    f"speakers: {', '.join(speakers[:3])}"
                )
        written = target.read_text(encoding="utf-8").splitlines()
        print(f"{len(written)} lines written, {failures} failed")
        assert len(written) == len(items) and failures == 1
        # Every JSON line reads back into an Article.
        back = newsstruct.Article.from_dict(
            {k: v for k, v in json.loads(written[0]).items() if k != "id"}
        )
        assert back.text.startswith("PORT ELLISON")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
