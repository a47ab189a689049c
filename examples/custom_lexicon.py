"""Teach newsstruct a newsroom's own words without editing the package.

``harbor_lexicon/`` beside this script is a user lexicon: files named like the packaged ones
(cue_verbs.txt, titles.txt, abbreviations.txt, boilerplate.tsv, temporal.tsv), each optional,
whose entries are added to the packaged lexicon. Run from anywhere:
    python examples/custom_lexicon.py

The same from the shell:
    newsstruct story.txt --lexicon examples/harbor_lexicon --format text
"""

from pathlib import Path

import newsstruct

HERE = Path(__file__).resolve().parent

STORY = """\
Harbormaster Ode Brightwater tutted that the tide waits for no council.

"We will reopen the pier," Wharf Steward Tamsin Kell pontificated on Monday.

The order came from Cmdt. Harlow Peck, who said no.

See the ferry timetable at our harbor office page

Boats leave fortnightly from the north quay.
"""


def show(title: str, art: newsstruct.Article) -> None:
    print(f"== {title}")
    for q in art.quotes:
        who = q.speaker.name if q.speaker else "?"
        print(f"  quote    {q.kind:8} {who:16} {q.cue.text if q.cue else '-':8} {q.text[:40]!r}")
    print(f"  sentences {len(art.sentences)}")
    for b in art.boilerplate:
        print(f"  junk     [{b.category}/{b.rule}] {b.text!r}")
    for d in art.dates:
        print(f"  date     {d.text!r} {d.type} {d.value}")


def main() -> None:
    packaged = newsstruct.structure(STORY, published="2024-05-09")
    # Load once, reuse for every article (structure_many(..., lexicon=lexicon) too).
    lexicon = newsstruct.load_lexicon("en", extra=HERE / "harbor_lexicon")
    custom = newsstruct.structure(STORY, published="2024-05-09", lexicon=lexicon)
    show("packaged lexicon", packaged)
    show("with harbor_lexicon/", custom)

    assert [q.speaker.name for q in custom.quotes] == ["Ode Brightwater", "Tamsin Kell"]
    assert len(custom.sentences) == len(packaged.sentences) - 2  # "Cmdt." + the promo line
    assert [b.rule for b in custom.boilerplate] == ["ferry-timetable"]

    # In code, without files: Lexicon.extended() returns a copy with more entries.
    more = newsstruct.load_lexicon("en").extended(
        titles=("harbormaster",), cue_verbs=("pontificate",)
    )
    assert "harbormaster" in more.titles and "pontificated" in more.cue_forms


if __name__ == "__main__":
    main()
