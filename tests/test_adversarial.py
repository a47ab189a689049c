"""Adversarial inputs from the reliability issue, each structured in one call.

Every input must finish and keep the offsets contract. The hang guard (faulthandler) is set
far above the real figures, which are measured by ``benchmarks/speed.py``; speed
targets live there, not here.
"""

from __future__ import annotations

import faulthandler
import random
from collections.abc import Iterable
from pathlib import Path

import pytest

from newsstruct import split_paragraphs, structure
from newsstruct.records import iter_spans

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
HANG_GUARD = 600  # seconds: only a hang gets near this


def _tags(n: int) -> list[str]:
    """``n`` different four-letter capitalised words ("Aaaa", "Baaa", ...)."""
    return ["".join(chr(97 + (i // 26**k) % 26) for k in range(4)).title() for i in range(n)]


def _capitals_before_cues(n: int) -> str:
    """``n`` paragraphs of 200 capitals and "said so.", each different (a repeated line is
    boilerplate and skips the quote stage)."""
    return "\n\n".join(f"{tag.upper()}{'A' * 196} said so." for tag in _tags(n))


def _capitals_glued_after_sentences(n: int) -> str:
    """``n`` different lines of a sentence, then a word glued to 60 capitals: a caption rule
    that reads trailing names tried every split of the run before failing (14 s a line)."""
    return "\n\n".join(
        f"The mayor spoke at the rally. Then she said{tag.upper()}{'Y' * 56}" for tag in _tags(n)
    )


def _long_mail_domains(n: int) -> str:
    """``n`` different contact lines whose e-mail domain runs past 63 letters of a kind full
    case folding reads two ways ("s": "ß" folds to "ss"): the contact rule tried every split
    of the run (over 20 s a line)."""
    return "\n\n".join(f"press@{tag.lower()}{'s' * 66}.example" for tag in _tags(n))


def _follow_prompts_over_folding_runs(n: int) -> str:
    """``n`` different lines of a prompt's words ("Follow us on", "Folgen Sie uns auf") then
    a run of "s": under full case folding a rule's class of letters and spaces after its
    words tried every way through the run (minutes a line)."""
    return "\n\n".join(
        f"{lead} {tag.lower()}{'s' * 80}"
        for i, tag in enumerate(_tags(n))
        for lead in (("Follow us on", "Folgen Sie uns auf")[i % 2],)
    )


def _one_sentence(parts: Iterable[str]) -> str:
    """``parts`` as the middle of one sentence that opens with a name and ends with a cue."""
    return "Skyreach " + " ".join(parts) + " Ingrid Vaszary said it grew."


def _according_to_chain(n: int) -> str:
    """One sentence of ``n`` "according to" phrases: the content before each cue ran back to
    the sentence's start (200 kB: 36 s)."""
    return ", ".join(f"according to Ada {tag}son" for tag in _tags(n))


def _cues_without_commas(n: int) -> str:
    """One sentence of ``n`` cues with no comma after any: the look for an aside after each
    cue ("warned, however, that") had the engine scan to the sentence's end for its comma
    (930 kB: 3.7 s, quadratic)."""
    return _one_sentence(
        f"{tag} said founder and chief executive and chief executive" for tag in _tags(n)
    )


def _noun_forms_without_that(n: int) -> str:
    """One sentence of ``n`` cue forms that may be nouns ("state"), none followed by "that":
    the look for "that" after each had the engine scan to the sentence's end (600 kB: 3.2 s,
    quadratic)."""
    return _one_sentence(f"{tag} state founder" for tag in _tags(n))


def _according_to_without_commas(n: int) -> str:
    """One sentence of ``n`` "according to" phrases, a long word after each, no comma:
    the look for a comma after each source ("The vote, according to the clerk, was 5-2") had
    the engine scan to the sentence's end for it (8,000 phrases, 1.8 MB: 2.3 s, quadratic;
    0.6 s after)."""
    return " ".join(f"according to Ada {tag}son {'x' * 200}" for tag in _tags(n))


def _participles_after_with(n: int) -> str:
    """One sentence of ``n`` "with X saying" phrases, a long word after each, no comma: the
    look for a comma after each participle ("with all precincts reporting, the race") had the
    engine scan to the sentence's end for it (8,000 phrases, 1.8 MB: 3.0 s, quadratic; 1.3 s
    after)."""
    return _one_sentence(f"with Ada {tag} saying {'x' * 200}" for tag in _tags(n))


def _addressees_without_s(n: int) -> str:
    """One sentence of ``n`` "told the board" cues, no "s" in it: the look for an owned
    addressee after each ("told the city's engineering office why") had the engine scan to
    the sentence's end for its "s" (5,000 cues, 1.1 MB: 2.3 s, quadratic; 1.6 s after)."""
    tags = [tag for tag in _tags(2 * n) if "s" not in tag.lower()][:n]
    return "Then " + " ".join(f"Ada {tag} told the board " + "RAIN " * 40 for tag in tags) + "."


def _past_months(n: int) -> str:
    """``n`` different lines of a month in a past clause, no comma in the text: the look for
    a comma after each month ("In October, Mrs. Vance proposed") had the engine scan to the
    text's end for it (12,000 lines: 1.9 s, quadratic; 1.4 s after)."""
    return "\n\n".join(f"Sales at {tag} rose in March." for tag in _tags(n))


def _year_spans(n: int) -> str:
    """``n`` different lines of a span of years ("2011-12"), no "year" in the text: the look
    for the noun after each span ("the 2011-12 fiscal year") had the engine scan to the
    text's end for it (16,000 lines: 5.0 s, quadratic; 1.3 s after)."""
    return "\n\n".join(f"Sales at {tag} rose in 2011-12." for tag in _tags(n))


def _quarters_without_of(n: int) -> str:
    """``n`` different lines of "every quarter", no "of" in the text (nor in any line's
    word): the look for "of" after each ("every quarter of the city") had the engine scan to
    the text's end for it (16,000 lines: 4.9 s, quadratic; 1.1 s after)."""
    tags = [tag for tag in _tags(2 * n) if "of" not in tag.lower()][:n]
    return "\n\n".join(f"Sales at {tag} grew every quarter." for tag in tags)


def _quotes_by_days_in_a_sentence(n: int) -> str:
    """One sentence of ``n`` cues, each with a few words quoted and a day: the look for the day
    each quote was spoken went through every date of the sentence once per quote (4,000 cues,
    140 kB: 10.8 s, quadratic; 1.2 s after)."""
    return "Then " + " ".join(f"{tag} said “within weeks” on Monday" for tag in _tags(n)) + "."


def _last_weeks_without_of(n: int) -> str:
    """``n`` different lines of "the last week", no "of" in the text (nor in any line's
    word): the look for "of" after each ("in the last week of the race") had the engine scan
    to the text's end for it (16,000 lines: 7.2 s, quadratic; 1.3 s after)."""
    tags = [tag for tag in _tags(2 * n) if "of" not in tag.lower()][:n]
    return "\n\n".join(f"Sales at {tag} rose the last week." for tag in tags)


def _numeric_dates_without_month_names(n: int) -> str:
    """``n`` different lines of a numeric date ("08/10/2010"), no month named in the text: the
    look for a date written day first ("17 March"), which tells how to read it, searched the
    whole text once per date (16,000 lines, 560 kB: 243 s, quadratic; 2.0 s after)."""
    return "\n\n".join(f"Sales at {tag} rose on 08/10/2010." for tag in _tags(n))


def _relatives_of_one_surname(n: int) -> str:
    """``n`` pairs of paragraphs: a person of one surname, a relative of the same surname
    ("Her son, Bbbb Calder,"), then the bare surname in the next paragraph: the look for
    the person meant beside the relative read every person of the surname once per mention
    (4,000 pairs, 320 kB: 3.8 s, quadratic; 0.8 s after)."""
    tags = _tags(2 * n)
    return "\n\n".join(
        f"{tag} Calder met the mayor. Her son, {kin} Calder, spoke.\n\nCalder said it rained."
        for tag, kin in zip(tags[::2], tags[1::2], strict=True)
    )


def _block_quote_marks_on_one_line(n: int) -> str:
    """A heading, then one line of ``n`` block quote marks ("> "): the Markdown view's pattern
    for a line's marks saved its state at each mark and ran out of memory (4,000,000 marks,
    8 MB: a MemoryError after 3.4 s, the paragraphs left out; 1.8 s after)."""
    return "# Storm\n" + "> " * n


def _brackets_before_a_link(n: int) -> str:
    """``n`` opening brackets, then a link's end: the Markdown view's patterns for a link's
    text looked 500 characters ahead from each "[" for its "]" (1,000,000 brackets, 1 MB:
    3.3 s; 0.8 s after)."""
    return "[" * n + "](https://example.com/a) said."


def _image_opens_before_an_image(n: int) -> str:
    """``n`` image openings ("!["), then an image's end: as :func:`_brackets_before_a_link`,
    for an image's text (200,000 openings, 400 kB: 1.9 s; 1.1 s after, most of it the
    sentence ends the "!" marks)."""
    return "![" * n + "](https://example.com/a.jpg) said."


def _holidays_of_the_moon(n: int) -> str:
    """``n`` different lines of a holiday whose day is computed from new moons (Diwali, Lunar
    New Year, Eid al-Adha, Tet): each mention computed the days of the years around it again
    (8,000 lines, 340 kB: 2.0 s; 1.2 s after)."""
    names = ("Diwali", "Lunar New Year", "Eid al-Adha", "Tet")
    return "\n\n".join(
        f"The {tag} family marked {names[i % 4]} at home." for i, tag in enumerate(_tags(n))
    )


def _indented_paragraphs_broken_by_line_separators(n: int) -> str:
    """``n`` different hard-wrapped paragraphs of indented lines, broken by U+2028 (no "\\n"
    in the text): the look for the indent of the line before each line ran back to the
    text's start (32,000 paragraphs, 5.2 MB: 5.0 s, quadratic; 0.2 s after). ``structure``
    reads these breaks as "\\n" first: only :func:`split_paragraphs` called alone met it."""
    lines = []
    for tag in _tags(n):
        lines += [
            f"    The {tag} council voted late on Monday to close the old pier for",
            f"    the {tag} season after the storm and the long repairs that ran on and",
            f"    Rain fell {tag}.",
            "",
        ]
    return "\u2028".join(lines)


def _initials_above_a_credit(n: int) -> str:
    """A story line of capitals and ``n`` initials glued together ("ABC A.A.A.… x y.") above a
    photo credit: the caption check that reads a dateline's words split the run of initials
    every way (cubic: 4 s for 600 initials, 247 s for 2,500)."""
    return (
        "Harbor council backs pier plan\n\nThe council of Tansey voted on Monday to back a plan"
        " to rebuild the old pier, the mayor said.\n\nABC " + "A." * n + " x y.\nPhoto: Jana"
        " Kulik/Harbor Gazette\n\nThe work is due to start in May, officials said.\n"
    )


def adversarial_inputs() -> dict[str, str]:
    """The inputs the issue lists; shared with benchmarks/adversarial.py."""
    story = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))
    rng = random.Random(8)
    code_points = [c for c in range(1, 0x30000) if not 0xD800 <= c <= 0xDFFF]
    return {
        "200,000 straight quote marks": '"' * 200_000,
        "200,000 curly quotes, alternating": "“”" * 100_000,
        "200,000 opening curly quotes": "“" * 200_000,
        "1 MB on one line without spaces": "x" * 1_000_000,
        "1 MB of initials without spaces": "A." * 500_000,
        "1 MB of capitals without spaces": "A" * 1_000_000,
        "a line of 5,000 initials above a photo credit": _initials_above_a_credit(5_000),
        "a cue before 1 MB of spaces": "Ada Marsh said" + " " * 1_000_000 + "that it rained.",
        "200 capitals before each of 5,000 cues": _capitals_before_cues(5_000),
        "60 capitals glued to a word after each of 5,000 sentences": (
            _capitals_glued_after_sentences(5_000)
        ),
        "5,000 e-mail lines with a 70-letter domain": _long_mail_domains(5_000),
        "10,000 people of one surname, each named by it after": " ".join(
            f"{tag} Okafor met Okafor." for tag in _tags(10_000)
        ),
        "8,000 people of one surname, each met by a title and it": " ".join(
            f"{tag} Okafor met Ms. Okafor." for tag in _tags(8_000)
        ),
        "8,000 clock times in a row": " ".join(f"{i % 12 + 1}pm" for i in range(8_000)),
        "one sentence of 4,000 cues in unclosed parentheses": " ".join(
            f"({tag} said" for tag in _tags(4_000)
        ),
        "one 350 kB sentence of 4,000 cues": "Then "
        + "".join("RAIN " * 13 + f"Ada {tag} told reporters " for tag in _tags(4_000)),
        "5,000 follow prompts over a run of 's'": _follow_prompts_over_folding_runs(5_000),
        "one 200 kB sentence of 8,000 'according to' phrases": _according_to_chain(8_000),
        "one 810 kB sentence of 14,000 cues, no comma after any": _cues_without_commas(14_000),
        "one 610 kB sentence of 32,000 'state' forms, no 'that' after any": (
            _noun_forms_without_that(32_000)
        ),
        "8,000 paragraphs quoting 'the company', named by none": "\n\n".join(
            f"Officials met on the {tag} case. “We will look into the {tag} claim,” the company said."
            for tag in _tags(8_000)
        ),
        "8,000 organisations, each described again in lower case": "\n\n".join(
            f"The {tag} Department of Health said cases rose. “We are watching,” the {tag} "
            "health department said."
            for tag in _tags(8_000)
        ),
        "one 1.8 MB sentence of 8,000 'according to' phrases, no comma": (
            _according_to_without_commas(8_000)
        ),
        "one 1.8 MB sentence of 8,000 'with X saying' phrases, no comma": (
            _participles_after_with(8_000)
        ),
        "one 1.1 MB sentence of 5,000 'told the board' cues, no 's' in it": (
            _addressees_without_s(5_000)
        ),
        "12,000 months in past clauses, no comma in the text": _past_months(12_000),
        "16,000 spans of years, no 'year' in the text": _year_spans(16_000),
        "16,000 lines of 'every quarter', no 'of' in the text": _quarters_without_of(16_000),
        "one 140 kB sentence of 4,000 quotes, each by a day": _quotes_by_days_in_a_sentence(4_000),
        "16,000 lines of 'the last week', no 'of' in the text": _last_weeks_without_of(16_000),
        "4,000 relatives of one surname, each named by it after": _relatives_of_one_surname(4_000),
        "16,000 numeric dates, no month named in the text": (
            _numeric_dates_without_month_names(16_000)
        ),
        "50,000 newlines": "\n" * 50_000,
        "50,000 one-word lines": "Said.\n" * 50_000,
        "a 5 MB article": (story * (5_000_000 // len(story) + 1))[:5_000_000],
        "one 8 MB line of 4,000,000 block quote marks": _block_quote_marks_on_one_line(4_000_000),
        "1 MB of '[' before a link": _brackets_before_a_link(1_000_000),
        "200,000 '![' before an image": _image_opens_before_an_image(200_000),
        "8,000 lines of holidays computed from new moons": _holidays_of_the_moon(8_000),
        "300,000 random code points": "".join(chr(c) for c in rng.choices(code_points, k=300_000)),
    }


INPUTS = adversarial_inputs()


@pytest.fixture(autouse=True)
def hang_guard():
    faulthandler.dump_traceback_later(HANG_GUARD, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_adversarial_input_finishes_with_exact_offsets(name):
    text = INPUTS[name]
    art = structure(text, "2024-05-09")
    assert art.warnings == ()
    for record in iter_spans(art):
        assert text[record.start : record.end] == record.text


def test_paragraphs_of_lines_broken_by_line_separators_finish():
    text = _indented_paragraphs_broken_by_line_separators(32_000)
    paragraphs = split_paragraphs(text, boilerplate=())
    assert len(paragraphs) == 96_000
    assert all(text[p.start : p.end] == p.text for p in paragraphs)
