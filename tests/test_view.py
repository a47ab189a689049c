"""What only the layout of a text carries does not change its records (``newsstruct.view``).

Hard-wrapped text (wire copy, e-mail, text copied from a terminal or a PDF): lines broken at a
fixed width, paragraphs apart by blank lines. ``structure`` reads it as the paragraphs it
wraps: the same records as the unwrapped text, at the same offsets (a wrap replaces a space by
a line break, so the two texts have the same length). Likewise no-break and other spaces read
as spaces, other line breaks as line breaks, and Markdown (from scrapers and readers) as its
plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsstruct import split_paragraphs, structure
from newsstruct.records import iter_spans
from newsstruct.segment.paragraphs import unwrapped
from newsstruct.view import plain_markdown

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# examples whose paragraphs are apart by blank lines, and their publication dates
BLANK_LINE_EXAMPLES = {
    "wire_harbor_strike_2024-05-09.txt": "2024-05-09",
    "liveblog_floods_2025-02-14.txt": "2025-02-14",
    "release_robotics_ceo_2024-06-03.txt": "2024-06-03",
}


def hard_wrap(text: str, width: int) -> str:
    """``text`` with the space before each word that would pass ``width`` replaced by a line
    break (a word longer than the width stays on its line)."""
    out = list(text)
    line_start = 0
    last_space = -1
    for i, c in enumerate(text):
        if c == "\n":
            line_start, last_space = i + 1, -1
            continue
        if c == " ":
            last_space = i
        if i - line_start >= width and last_space > line_start:
            out[last_space] = "\n"
            line_start, last_space = last_space + 1, -1
    return "".join(out)


def assert_offsets(art, text):
    """Every record of ``art`` slices ``text``, the text passed to ``structure``."""
    assert art.text == text
    for record in iter_spans(art):
        assert text[record.start : record.end] == record.text


def _records(art):
    return {
        "paragraphs": [(p.start, p.end) for p in art.paragraphs],
        "sentences": [(s.start, s.end) for s in art.sentences],
        "boilerplate": [(b.start, b.end, b.category) for b in art.boilerplate],
        "dateline": art.dateline and (art.dateline.start, art.dateline.end),
        "quotes": [
            (q.start, q.end, q.kind, q.speaker and q.speaker.name, q.cue and q.cue.start)
            for q in art.quotes
        ],
        "dates": [(d.start, d.end, d.type, d.value) for d in art.dates],
    }


@pytest.mark.parametrize("width", [60, 72])
@pytest.mark.parametrize("name", sorted(BLANK_LINE_EXAMPLES))
def test_wrapped_article_gives_the_records_of_the_unwrapped_one(name, width):
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    wrapped = hard_wrap(text, width)
    assert len(wrapped) == len(text) and wrapped.count("\n") > text.count("\n") + 10
    published = BLANK_LINE_EXAMPLES[name]
    art = structure(wrapped, published)
    assert _records(art) == _records(structure(text, published))
    assert_offsets(art, wrapped)


def test_a_line_that_ends_a_sentence_near_the_width_goes_on():
    text = (
        "Crews worked through the night on the pier. The city said the work\n"
        "would take six months. Fishermen said they were not consulted at all.\n"
        "Repairs begin Monday.\n"
        "\n"
        "The council will meet again next week to hear from the harbor board\n"
        "and from residents of the waterfront.\n"
    )
    assert [p.text.count("\n") for p in split_paragraphs(text, boilerplate=())] == [2, 1]


def test_an_indented_line_opens_a_paragraph():
    text = (
        "   Crews worked through the night on the pier, and the city said the\n"
        "work would take six months, longer than the council had been told.\n"
        "   Fishermen said they were not consulted about the work at any time.\n"
        "   The council will meet again next week to hear from the harbor board\n"
        "and from residents of the waterfront about the plans for the summer.\n"
    )
    assert len(split_paragraphs(text, boilerplate=())) == 3


def test_text_that_is_not_wrapped_is_read_as_it_is():
    text = (EXAMPLES / "web_council_budget_2023-11-16.txt").read_text(encoding="utf-8")
    assert unwrapped(text) is text


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u3000"])
def test_other_spaces_give_the_records_of_plain_ones(space):
    name = "wire_harbor_strike_2024-05-09.txt"
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    spaced = text.replace(" ", space)
    art = structure(spaced, BLANK_LINE_EXAMPLES[name])
    plain = structure(text, BLANK_LINE_EXAMPLES[name])
    assert _records(art) == _records(plain)
    assert [q.speaker and q.speaker.name for q in art.quotes] == [
        q.speaker and q.speaker.name for q in plain.quotes
    ]
    assert_offsets(art, spaced)


@pytest.mark.parametrize("newline", ["\r", "\u2028", "\u2029", "\x0c"])
def test_other_line_breaks_give_the_records_of_plain_ones(newline):
    name = "wire_harbor_strike_2024-05-09.txt"
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    other = text.replace("\n", newline)
    art = structure(other, BLANK_LINE_EXAMPLES[name])
    assert _records(art) == _records(structure(text, BLANK_LINE_EXAMPLES[name]))
    assert_offsets(art, other)


@pytest.mark.parametrize("newline", ["\r", "\u2029"])
def test_a_paragraph_break_of_another_kind_still_parts_a_relative_from_the_surname(newline):
    text = (
        "Senator Ruth Calder toured the plant on Monday.\n\nHer son, Peter Calder, drove her "
        "there.\n\nCalder said the plant would stay open."
    ).replace("\n", newline)
    assert [q.speaker.name for q in structure(text).quotes] == ["Ruth Calder"]


MARKDOWN = """# Harbor port strike enters second day

**By Ines Marlow** | May 10, 2024

![Dockworkers on the picket line](https://example.com/img.jpg)
*Dockworkers on the picket line at Saltmarsh Terminal. Photo: Tom Harker*

PORT ELLISON, Maine — Dockworkers at the Saltmarsh Terminal stayed off the job for a second
day on Friday, as talks over automation stalled.

> "We are not going anywhere," said Dana Pruitt, president of Local 1187.

[Read more: Port talks collapse](https://example.com/talks)

**Related:** [Harbor Authority warns of delays](https://example.com/delays)

Two container ships remained at anchor on Friday, the harbor authority said.

---

*Reporting by Ines Marlow; editing by Tom Harker.*
"""


def test_markdown_reads_as_its_plain_text():
    art = structure(MARKDOWN, "2024-05-10")
    assert [b.rule for b in art.boilerplate] == [
        "byline",
        "caption-label",
        "read-more",
        "read-more",
        "reporting-by",
    ]
    assert [q.speaker.name for q in art.quotes if q.kind == "direct"] == ["Dana Pruitt"]
    assert art.dateline is not None and art.dateline.location == "PORT ELLISON, Maine"
    assert [d.value for d in art.dates if d.text == "Friday"] == ["2024-05-10", "2024-05-10"]
    assert_offsets(art, MARKDOWN)


@pytest.mark.parametrize(
    "text",
    [
        "Sales rose 5*3 percent in the snake_case quarter.\n* a bullet\n#MeToo trended",
        "He said **not** now, and left.",  # emphasis alone shows no Markdown
        "Contact: _press_ at the office.",
    ],
)
def test_text_that_shows_no_markdown_is_read_as_it_is(text):
    assert plain_markdown(text) is text


def test_markdown_marks_inside_words_stay():
    text = "See [the 5*3 rule](https://example.com/a_b) for snake_case names."
    assert (
        plain_markdown(text)
        == (" See  the 5*3 rule                           for snake_case names."[1:])
    )


def test_bold_italics_read_as_spaces():
    text = "# Pier closes\n\n***Editor's note:*** *This story was updated on Aug. 30.*\n"
    assert plain_markdown(text) == (
        "  Pier closes\n\n   Editor's note:     This story was updated on Aug. 30. \n"
    )


def test_a_link_reference_definition_reads_as_nothing():
    text = "## Outage\n\nThe utility said so [1].\n\n[1]: https://example.com/statement\n"
    assert plain_markdown(text) == "   Outage\n\nThe utility said so [1].\n\n" + " " * 34 + "\n"
    art = structure(text)
    assert [p.text for p in art.paragraphs] == ["Outage", "The utility said so [1]."]


NEWSLETTER = """Glenhollow votes on school bond

Glenhollow voters will decide on Nov. 5 whether to approve a $40 million
bond for a new middle school, the largest bond measure in the town's
history.

> "The building we have was built for half as many students," said
> Principal Joanna Reyes-Moller in a letter to parents sent last week.

Opponents say the town cannot afford the added property taxes, which
would rise by about $120 a year on a typical home.
"""


@pytest.mark.parametrize("mark", ["> ", "  "])
def test_the_lines_of_a_wrapped_block_quote_go_on(mark):
    text = NEWSLETTER.replace("> ", mark)
    art = structure(text, "2024-10-25")
    assert [p.text.count("\n") for p in art.paragraphs] == [0, 2, 1, 1]
    assert [q.speaker and q.speaker.name for q in art.quotes if q.kind == "direct"] == [
        "Joanna Reyes-Moller"
    ]
    assert_offsets(art, text)


@pytest.mark.parametrize(
    "text",
    [
        "Fans posted #HarborDay photos.\n#1 seed Pellham won.\n5 > 3, the coach said.",
        "The file_name field and the __init__ hook [sic] stayed.[1]\n[1]: see the report.",
        "Voters said *** was the worst word. Rates rose 5** percent.†",
        "Footnotes ¹ and [2] and the [link](not a url) stay.",
    ],
)
def test_plain_text_with_markdown_characters_is_read_as_it_is(text):
    assert plain_markdown(text) is text


def test_a_link_or_image_with_a_title_reads_as_its_text_or_nothing():
    text = (
        '![Crews](https://example.com/a.jpg "Crews at work")\n\n'
        'A storm hit, [the utility](https://example.com/u "Dunmore Electric") said.'
    )
    view = plain_markdown(text)
    assert view.split() == ["A", "storm", "hit,", "the", "utility", "said."]
    assert len(view) == len(text)


def test_a_link_after_an_unclosed_bracket_is_the_innermost():
    text = "# Storm\n\nThe utility [said [the map](https://example.com/m) was old."
    view = plain_markdown(text)
    assert view.split()[2:] == ["utility", "[said", "the", "map", "was", "old."]
    assert len(view) == len(text)


def test_a_heading_underline_reads_as_spaces():
    text = "Storm hits Dunmore\n==================\n\nSee [the map](https://example.com/m)."
    art = structure(text)
    assert [p.text for p in art.paragraphs] == [
        "Storm hits Dunmore",
        "See [the map](https://example.com/m).",
    ]
