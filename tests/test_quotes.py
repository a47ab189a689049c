"""Stage 3, quotes: the case table tests/cases/quotes.jsonl.

Each expected quote lists ``text``, ``kind``, ``speaker`` (canonical name or null) and ``cue``
(text or null), and optionally ``pieces`` (a count), ``closed``, ``resolved_by`` and ``mention``
(the speaker's surface form); only the fields given are compared.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsstruct.lexicons
from conftest import assert_slices, case_params, project
from newsstruct import structure
from newsstruct.lexicons import load_lexicon
from newsstruct.quotes import find_quotes, speaker_mentions
from newsstruct.quotes.words import quote_words
from newsstruct.records import Quote


def fields(quote: Quote) -> dict:
    return {
        "text": quote.text,
        "kind": quote.kind,
        "speaker": quote.speaker.name if quote.speaker else None,
        "cue": quote.cue.text if quote.cue else None,
        "pieces": len(quote.pieces),
        "closed": quote.closed,
        "resolved_by": quote.speaker.resolved_by if quote.speaker else None,
        "mention": quote.speaker.mention.text if quote.speaker and quote.speaker.mention else None,
    }


@pytest.mark.parametrize("case", case_params("quotes.jsonl"))
def test_case(case):
    got = [fields(q) for q in find_quotes(case["text"])]
    assert project(got, case["quotes"]) == case["quotes"]


@pytest.mark.parametrize("case", case_params("quotes.jsonl", honour_expect=False))
def test_offsets(case):
    text = case["text"]
    for quote in find_quotes(text):
        assert_slices(text, quote)
        for piece in quote.pieces:
            assert_slices(text, piece)
            assert quote.start <= piece.start <= piece.end <= quote.end
        if quote.cue is not None:
            assert_slices(text, quote.cue)
        if quote.speaker is not None and quote.speaker.mention is not None:
            assert_slices(text, quote.speaker.mention)


# ---------------------------------------------------------------- lexicons

LEXICONS = Path(newsstruct.lexicons.__file__).parent / "en"
QUOTE_LEXICONS = ("cue_verbs.txt", "titles.txt", "reported_cues.tsv", "speaker_words.tsv")


def _rows(name: str) -> list[str]:
    text = (LEXICONS / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("name", QUOTE_LEXICONS)
def test_lexicon_sorted_without_duplicates(name):
    rows = _rows(name)
    assert rows == sorted(rows)
    assert len(rows) == len(set(rows))
    assert all(row == row.lower() for row in rows)


def test_lexicon_classes_are_known():
    assert {r.split("\t")[0] for r in _rows("reported_cues.tsv")} == {
        "addressee",
        "belief",
        "manner",
        "naming",
    }
    classes = {r.split("\t")[0] for r in _rows("speaker_words.tsv")}
    assert classes == {
        "adverb",
        "det",
        "female",
        "firm",
        "group",
        "inscription",
        "kin",
        "male",
        "medium",
        "org",
        "past",
        "person",
        "place",
        "pronoun",
        "proxy",
        "role",
        "stop",
        "work",
    }
    for row in _rows("speaker_words.tsv"):
        fields = row.split("\t")
        assert len(fields) == (3 if fields[0] in ("pronoun", "role") else 2), row


@pytest.mark.parametrize(
    "form, lemma, cls",
    [
        ("said", "say", "speech"),
        ("told", "tell", "speech"),
        ("admitted", "admit", "speech"),
        ("quipped", "quip", "speech"),
        ("wrote", "write", "speech"),
        ("barked", "bark", "manner"),
        ("believes", "believe", "belief"),
        ("thought", "think", "belief"),
        ("called", "call", "naming"),
        ("slammed", "slam", "naming"),
    ],
)
def test_cue_forms(form, lemma, cls):
    assert quote_words(load_lexicon()).cue(form) == (lemma, cls)


def test_user_cue_verbs_reach_the_quote_stage():
    lex = load_lexicon().extended(cue_verbs=("harrumph",))
    (q,) = find_quotes("“The pier is a disgrace,” Delmore harrumphed.", lexicon=lex)
    assert q.cue.text == "harrumphed"
    assert q.speaker.name == "Delmore"


# ---------------------------------------------------------------- invariants

_PIECES = st.sampled_from(
    [
        " ",
        "\n",
        "\n\n",
        '"',
        "“",
        "”",
        "„",
        "«",
        "»",
        "‘",
        "’",
        "'",
        ",",
        ".",
        ":",
        "—",
        "(",
        ")",
        "said",
        "told",
        "according to",
        "she",
        "he",
        "the mayor",
        "Ines",
        "Calloway",
        "Mr.",
        "Gov.",
        "a spokesperson",
        "that",
        "and",
        "We will rebuild",
        "officials",
        "71",
        "―",
    ]
)


@pytest.mark.parametrize(
    "text", ["The&said", "The & said it rained.", "Then the Harbor & said it would."]
)
def test_an_ampersand_before_the_cue_ends_the_subject(text):
    # the look past a name's "&" ("the Johnson & Johnson unit") went past the clause's end
    assert structure(text, "2024-05-09").warnings == ()


@pytest.mark.parametrize("text", ["“We will rebuild,” state", '"It rained." state'])
def test_state_that_ends_the_text_is_no_title_before_a_name(text):
    # "state Rep. Dana Ruiz": the look for the title after "state" went past the text's end
    assert structure(text, "2024-05-09").warnings == ()


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_never_raises_and_offsets_slice(text):
    for quote in find_quotes(text):
        assert_slices(text, quote)
        for piece in quote.pieces:
            assert_slices(text, piece)
        if quote.cue is not None:
            assert_slices(text, quote.cue)
        if quote.speaker is not None and quote.speaker.mention is not None:
            assert_slices(text, quote.speaker.mention)


def test_linear_on_long_unbalanced_input():
    text = ("“Said Mayor Ines Calloway, 71, a dock worker, said, " * 2000) + "“" * 5000
    start = time.perf_counter()
    find_quotes(text)
    assert time.perf_counter() - start < 20


def test_linear_on_one_sentence_of_postposed_attributions():
    # each "…, said X," reads its content back from the cue: bounded, or this is quadratic
    text = "The pier held, said Ben Ruiz, " * 20_000 + "end."
    start = time.perf_counter()
    find_quotes(text)
    assert time.perf_counter() - start < 20


def test_nested_reported_speech_is_an_option():
    text = "“Yesterday, the governor said that the levee would hold,” Calloway said."
    assert [q.kind for q in find_quotes(text)] == ["direct"]
    outer, inner = find_quotes(text, nested=True)
    assert (outer.kind, outer.speaker.name) == ("direct", "Calloway")
    assert (inner.kind, inner.text, inner.speaker.name) == (
        "indirect",
        "that the levee would hold",
        "the governor",
    )
    assert outer.start <= inner.start < inner.end <= outer.end


def test_blinken_fixture_style_excerpt():
    """Every direct quote of a seed-style excerpt names the secretary canonically."""
    text = (
        "Secretary of Harbors Ines Calloway on Thursday said the closures amount to “a slow "
        "strangling” and said there will be repairs “one way or another.”\n"
        "“Yesterday, Governor Okonjo said that, in her view, the port was failing. I agree,” "
        "Calloway told reporters. “Nobody can run a harbor like this.”\n"
        "Calloway would not comment on the budget but said, “Our focus is on the pier.”\n"
        "“I don’t want to speculate about next year,” she added.\n"
        "“When we said that the money would come, we meant it,” the secretary added."
    )
    direct = [q for q in find_quotes(text) if q.kind == "direct"]
    assert len(direct) == 4
    assert {q.speaker.name for q in direct} == {"Ines Calloway"}
    assert sum(len(q.pieces) for q in direct) == 5


CHAIN_TEXT = (
    "Sen. Ada Kasich of Varnia spoke first. Her rival, Lena Kasich, a cousin, did not.\n\n"
    '"We will vote this week," Kasich said. "Soon," she added.\n\n'
    '"Not yet," a senior aide said. Ada Kasich left the chamber at noon.'
)


def test_speaker_mentions_chain_every_name_of_the_speaker():
    quotes = find_quotes(CHAIN_TEXT)
    chains = speaker_mentions(CHAIN_TEXT, quotes)
    for spans in chains.values():
        for span in spans:
            assert CHAIN_TEXT[span.start : span.end] == span.text
    # the surname after Lena Kasich is named goes to the nearest Kasich: Lena, as the quote
    # itself resolves it; the titled full name and the last full name are Ada's
    assert [q.speaker.name for q in quotes if q.speaker] == [
        "Lena Kasich",
        "Lena Kasich",
        "a senior aide",
    ]
    assert [s.text for s in chains["Lena Kasich"]] == ["Lena Kasich", "Kasich", "she"]
    assert [s.text for s in chains["a senior aide"]] == ["a senior aide"]
    assert "Ada Kasich" not in chains  # not a speaker of these quotes


def test_speaker_mentions_of_no_quotes_is_empty():
    assert speaker_mentions("Ada Kasich spoke.", ()) == {}
    with pytest.raises(TypeError):
        speaker_mentions(None, ())  # type: ignore[arg-type]


def test_speaker_mentions_include_the_relative_pronoun():
    text = (
        "Dunmore won an endorsement from a colleague, from Mike Lenn, who declared in the "
        "spin room, “I’m sending the signal.”"
    )
    chains = speaker_mentions(text, find_quotes(text))
    assert [s.text for s in chains["Mike Lenn"]] == ["Mike Lenn", "who"]


def test_speaker_mentions_first_person_outside_quotes():
    # the narrator's "I" is one speaker: every "I" outside direct quotes is a mention of it,
    # not the "I" inside a quote, an initial ("Rafe I. Dunmore") or a numeral ("Ferry I")
    text = (
        "I grew up by the harbor, where Rafe I. Dunmore ran Ferry I for years. When my mother "
        'mentioned the pier, I laughed and said, "I do not care about the pier." She got '
        'upset, so I had to change my answer: "Of course I care about it."'
    )
    quotes = find_quotes(text)
    assert [q.speaker.name for q in quotes if q.speaker] == ["I", "I"]
    starts = [s.start for s in speaker_mentions(text, quotes)["I"]]
    outside = [0, text.index("I laughed"), text.index("I had")]
    assert starts == outside


def test_speaker_mentions_one_name_speaker():
    # a speaker known by one name only (no person of two name words): every time the article
    # writes that name as a word of its own is a mention ("Callowayville" is not)
    text = (
        'Mayor Calloway spoke in Callowayville. Calloway said: "We will rebuild the pier and '
        'the quay.\n\n"It will take a year," Calloway said.'
    )
    quotes = find_quotes(text)
    assert [q.speaker.name for q in quotes if q.speaker] == ["Calloway"]
    starts = [s.start for s in speaker_mentions(text, quotes)["Calloway"]]
    assert starts == [6, text.index("Calloway said:"), text.index("Calloway said.")]
