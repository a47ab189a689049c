"""Structure the example wire story and print what newsstruct found.

Run from anywhere:  python examples/quickstart.py
"""

from pathlib import Path

import newsstruct

ARTICLE = Path(__file__).resolve().parent / "wire_harbor_strike_2024-05-09.txt"


def main() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    art = newsstruct.structure(text, published="2024-05-09")

    if art.dateline is not None:
        d = art.dateline
        print(f"Dateline: {d.text!r}  location={d.location!r} agency={d.agency!r}")
    else:
        print("Dateline: none")

    print(f"\nBoilerplate ({len(art.boilerplate)}):")
    for b in art.boilerplate:
        print(f"  [{b.category}/{b.rule}] {b.text[:70]!r}")

    print(f"\n{len(art.paragraphs)} paragraphs, {len(art.sentences)} sentences")

    print(f"\nQuotes ({len(art.quotes)}):")
    for q in art.quotes:
        speaker = q.speaker.name if q.speaker is not None else "?"
        cue = q.cue.text if q.cue is not None else "-"
        print(f"  {q.kind:8} {speaker:24} {cue:14} {q.text[:70]!r}")

    print(f"\nDates ({len(art.dates)}):")
    for m in art.dates:
        print(f"  {m.text!r:28} {m.type:8} {m.value}")

    # The offsets contract: every record slices back to its own text.
    for r in (*art.boilerplate, *art.paragraphs, *art.sentences, *art.quotes, *art.dates):
        assert text[r.start : r.end] == r.text, r


if __name__ == "__main__":
    main()
