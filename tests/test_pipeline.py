"""structure() on the seed-style article, argument checks, laziness, structure_many."""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from newsstruct import Failure, find_quotes, structure, structure_many
from newsstruct.records import iter_spans

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "fox_blinken_2022-03-17.txt"
WIRE = (ROOT / "examples" / "wire_harbor_strike_2024-05-09.txt").read_text(encoding="utf-8")


@pytest.mark.skipif(not SEED.exists(), reason="the user's seed article lives in ../shared")
def test_seed_article_end_to_end():
    text = SEED.read_text(encoding="utf-8")
    art = structure(text, published="2022-03-17")
    assert [b.text for b in art.boilerplate] == [
        "RUSSIA INVADES UKRAINE: LIVE UPDATES",
        "CLICK HERE TO GET THE FOX NEWS APP",
    ]
    assert len(art.paragraphs) == text.count("\n") + 1 - 2
    speakers = {q.speaker.name for q in art.quotes if q.speaker}
    assert "Antony Blinken" in speakers
    values = {d.text: d.value for d in art.dates}
    assert values["three weeks ago"] == "2022-W08"
    assert values["this week"] == "2022-W11"
    assert values["the weekend"] == "2022-W10-WE"
    assert values["Yesterday"] == "2022-03-16"
    assert values["Thursday"] == "2022-03-17"


def test_wire_example_dateline_and_reference():
    art = structure(WIRE)  # no published date: the dateline gives none either
    assert art.dateline is not None and art.dateline.agency == "AP"
    assert art.dateline.location.startswith("PORT ELLISON")
    relative = [d for d in art.dates if d.text.lower() in ("last week", "on thursday", "thursday")]
    # never resolved against today's clock: no value, or an underspecified one
    assert relative and all(d.value is None or d.value.startswith("XXXX") for d in relative)
    assert all(d.anchor is None for d in relative)


def test_dateline_date_is_the_reference_without_published():
    art = structure("LONDON, Oct. 16, 2023 (Reuters) - Talks collapsed on Friday, officials said.")
    assert art.dateline is not None and art.dateline.date == dt.date(2023, 10, 16)
    (friday,) = [d for d in art.dates if d.text == "Friday"]
    assert friday.value == "2023-10-13" and friday.anchor == "dateline"


def test_press_release_example_end_to_end():
    """A wire press release: no ``published``; its dateline's date is the reference."""
    text = (ROOT / "examples" / "release_robotics_ceo_2024-06-03.txt").read_text(encoding="utf-8")
    art = structure(text)
    assert art.dateline is not None and art.dateline.agency == "PRNewswire"
    assert art.dateline.date == dt.date(2024, 6, 3)
    assert "FOR IMMEDIATE RELEASE" in [b.text for b in art.boilerplate]
    by_cue = {(q.speaker.name if q.speaker else None, q.kind) for q in art.quotes}
    assert ("Brightwater Robotics, Inc.", "indirect") in by_cue
    assert ("Martin Greaves", "direct") in by_cue and ("Helena Okafor", "direct") in by_cue
    values = {d.text: d.value for d in art.dates}
    assert values["today"] == "2024-06-03"
    # the clock time, its zone and its day are one mention, as "8:30 a.m. EST on Wednesday"
    assert values["8:30 a.m. Eastern Time on Wednesday, June 5"] == "2024-06-05T08:30"
    assert values["last month"] == "2024-05"
    assert all(
        d.anchor in ("dateline", "absolute", "previous-date", "sentence-date") for d in art.dates
    )
    for record in iter_spans(art):
        assert text[record.start : record.end] == record.text


LIVE_BLOG = (
    "LIVE UPDATES: Storm Alder hits the Varnian coast\n\n"
    "Last updated 9:42 a.m. ET, Friday, Feb. 14, 2025\n\n"
    "Gov. Marisol Vantreece declared a state of emergency early Friday.\n\n"
    "Crews expect most power back by Saturday evening, the utility said."
)


def test_a_timestamp_line_is_the_reference_without_published_or_dateline():
    art = structure(LIVE_BLOG)
    assert [b.category for b in art.boilerplate] == ["timestamp"]
    values = {d.text: (d.value, d.anchor) for d in art.dates}
    assert values["early Friday"] == ("2025-02-14", "timestamp")
    assert values["Saturday evening"] == ("2025-02-15TEV", "timestamp")
    assert art.reference_date == dt.date(2025, 2, 14)
    # a publication date given wins over the timestamp
    given = {d.text: d.anchor for d in structure(LIVE_BLOG, "2025-02-15").dates}
    assert given["early Friday"] == "published"


def test_no_timestamp_no_reference():
    art = structure("Gov. Marisol Vantreece declared a state of emergency early Friday.")
    assert [(d.value, d.anchor) for d in art.dates] == [("XXXX-WXX-5", None)]
    assert art.reference_date is None


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["a list"]])
def test_text_of_wrong_type_raises_type_error_naming_it(bad):
    with pytest.raises(TypeError, match="text must be a str"):
        structure(bad)


def test_published_checks():
    with pytest.raises(ValueError, match="'17/03/2022'"):
        structure("Hello.", published="17/03/2022")
    with pytest.raises(TypeError, match="published"):
        structure("Hello.", published=20220317)
    # a date of the right shape that no calendar has says what is wrong with it
    with pytest.raises(ValueError, match=r"got '2022-02-30' \(day is out of range for month\)"):
        structure("Hello.", published="2022-02-30")
    with pytest.raises(ValueError, match=r"got '2022-03-17T25:00' \(hour must be in 0..23\)"):
        structure("Hello.", published="2022-03-17T25:00")
    assert structure("x", dt.datetime(2022, 3, 17, 9, 30)).published == dt.date(2022, 3, 17)


def test_unknown_lang_lists_supported():
    with pytest.raises(ValueError, match="supported: en"):
        structure("Hello.", lang="xx")


@pytest.mark.parametrize(
    "text", ["", "   \n\n  ", '"', "“unclosed quote", "»«»«", "\x00\x01", "a" * 5000, "\r\n\r\n"]
)
def test_any_str_is_valid_input(text):
    art = structure(text, "2022-03-17")
    assert art.text == text


def test_structure_is_deterministic_and_pickles():
    assert structure(WIRE, "2024-05-09") == structure(WIRE, "2024-05-09")
    assert pickle.loads(pickle.dumps(structure)) is structure


def test_structure_many_keeps_order_and_records_failures():
    items = [
        {"id": "a", "text": WIRE, "published": "2024-05-09"},
        {"id": "b", "text": 5},
        ("Rain fell on Monday.", "2024-05-09"),
        {"id": "d"},
        "Plain text.",
    ]
    out = list(structure_many(items))
    assert [type(r).__name__ for r in out] == [
        "Article", "Failure", "Article", "Failure", "Article"
    ]  # fmt: skip
    assert out[1].id == "b" and "text must be a str" in out[1].error
    assert out[3] == Failure(index=3, id="d", error="missing 'text'")
    assert out[2].dates[0].value == "2024-05-06"


def test_structure_many_in_a_process_pool_matches_sequential():
    items = [(WIRE, "2024-05-09"), ("Short one.", None), 7, ("On Friday it rained.", "2024-05-09")]
    sequential = list(structure_many(items))
    pooled = list(structure_many(items, n_process=2, batch_size=1))
    assert pooled == sequential
    assert isinstance(pooled[2], Failure) and pooled[2].index == 2


def test_structure_many_is_spawn_safe():
    items = [(WIRE, "2024-05-09"), {"id": "x", "text": None}]
    pooled = list(structure_many(items, n_process=2, batch_size=1, mp_context="spawn"))
    assert pooled == list(structure_many(items))


def test_structure_many_rejects_bad_n_process():
    with pytest.raises(ValueError, match="n_process"):
        structure_many(["x"], n_process=0)


def test_a_lexicon_directory_path_is_no_lexicon():
    # a path is what --lexicon and the spaCy setting take; here it once gave an Article with
    # every stage's records left out and "internal error" warnings
    with pytest.raises(TypeError, match=r"lexicon must be a Lexicon, such as load_lexicon"):
        structure("Officials said Monday the bridge will reopen.", lexicon="my_lexicon/")
    with pytest.raises(TypeError, match="not str"):
        find_quotes('"Hi," she said.', lexicon="my_lexicon/")


def test_structure_many_checks_its_arguments_at_the_call():
    # mistakes of the whole batch raise at once, not as one Failure per item (or, for one
    # string, an Article per character)
    with pytest.raises(TypeError, match="items must be an iterable of articles, not str"):
        structure_many("The ferry stopped on Monday.")
    with pytest.raises(ValueError, match="unsupported lang 'fr'"):
        structure_many(["x"], lang="fr")
    with pytest.raises(ValueError, match="published must be an ISO date"):
        structure_many(["x"], published="2024-13-40")
    with pytest.raises(TypeError, match="lexicon must be a Lexicon"):
        structure_many(["x"], lexicon="my_lexicon/")


def test_import_is_lazy():
    code = "import sys, newsstruct; print(any(m in sys.modules for m in ('nltk', 'dateparser')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_reported_clause_opening_the_story_starts_after_the_dateline():
    text = (
        "LINDGROVE, Ohio (AP) — The ferry stopped running on Monday after an inspection, "
        "the harbor board said."
    )
    art = structure(text, "2024-05-09")
    (quote,) = [q for q in art.quotes if q.kind == "indirect"]
    assert quote.text.startswith("The ferry stopped running")
    assert quote.start >= art.dateline.end
    for record in (quote, *quote.pieces):
        assert text[record.start : record.end] == record.text


def test_names_in_boilerplate_lines_are_no_speakers():
    # a byline and a release's SOURCE line name no one the quotes speak of
    text = (
        "Norvale Rail to rebuild two bridges on the Ashby Line\n\n"
        "By Ellen Marsh\n\n"
        "PORT ELLISON, Maine, June 3, 2025 /PRNewswire/ -- Norvale Rail today announced that "
        "it has awarded an $84 million contract to upgrade 22 miles of track.\n\n"
        "Commuters at the Ashby station were skeptical. "
        '"What took so long?" she asked.\n\n'
        "SOURCE Norvale Rail"
    )
    art = structure(text, "2025-06-03")
    assert {b.text for b in art.boilerplate} == {"By Ellen Marsh", "SOURCE Norvale Rail"}
    speakers = {q.speaker.name for q in art.quotes if q.speaker is not None}
    assert "Norvale Rail" in speakers
    assert not speakers & {"Ellen Marsh", "SOURCE Norvale Rail"}
