"""From a web page's HTML to an Article (extra ``html``: ``pip install ".[html]"`` from the repository root).

trafilatura extracts the page's main text; newsstruct then removes the junk that is left in
it (promos, "Read more" lines, credits) and structures the rest. Offsets refer to the
extracted text, ``article.text``. The page below is invented.
"""

from __future__ import annotations

from newsstruct import structure_html

PAGE = """<!doctype html>
<html><head><title>Ferry service halted after hull inspection | Lindgrove Ledger</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sports">Sports</a></nav>
<header><h1>Ferry service halted after hull inspection</h1>
<p class="byline">By Marta Quillen</p></header>
<article>
<p>LINDGROVE, Ohio (AP) — The Lindgrove ferry stopped running on Monday after an inspection
found cracks in its hull, the harbor board said.</p>
<p>"We owe the island an apology," board chair Nadia Ferro told reporters on Tuesday.
"The repairs will take three weeks."</p>
<p>CLICK HERE TO GET THE LINDGROVE LEDGER APP</p>
<p>Islanders said the last closure, two years ago, lasted most of the summer.</p>
<p>"We have been here before," said Tomas Reyes-Lund, who runs the island's only grocery.
"Nobody plans a wedding around a ferry schedule."</p>
<p>Read more: Harbor board weighs new ferry contract</p>
</article>
<footer><p>Copyright 2024 Lindgrove Ledger. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def main() -> None:
    art = structure_html(PAGE, published="2024-05-09")
    print(f"{len(art.text)} characters of text, {len(art.paragraphs)} paragraphs")
    for b in art.boilerplate:
        print(f"  removed [{b.category}/{b.rule}] {b.text}")
    for q in art.quotes:
        who = q.speaker.name if q.speaker else "?"
        spoken = " … ".join(p.text for p in q.pieces) if q.pieces else q.text
        print(f"  {q.kind:8} {who}: {spoken}")
    for d in art.dates:
        print(f"  {d.text!r} -> {d.value}")
    for record in (*art.boilerplate, *art.quotes, *art.dates):
        assert art.text[record.start : record.end] == record.text


if __name__ == "__main__":
    main()
