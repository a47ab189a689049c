"""Interview transcripts and Q&As ("CALLOWAY: …", "A: …"), read only when the caller asks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsstruct import find_quotes, structure, structure_many
from newsstruct.records import iter_spans

INTRO = (
    "Ines Calloway was a school librarian until a year ago. Now the mayor of Riverton runs a "
    "city of 90,000. She spoke with the Courier's Noor Haddad in her office.\n"
)
DIALOGUE = INTRO + (
    "HADDAD: What surprised you most?\n"
    "CALLOWAY: How many decisions are about drains.\n"
    "HADDAD: What's next?\n"
    "CALLOWAY: The bridge. We break ground in March.\n"
)
QA = INTRO + (
    "Q: Any regrets?\n"
    "A: None. Well, maybe the parking garage.\n"
    "Q. Will you run again?\n"
    "A. Ask me in a year.\n"
    "Calloway will give her annual address on Jan. 14.\n"
)
# speakers the article never introduces: the labels are the names
UNINTRODUCED = (
    "The council debated the budget late into the night.\n"
    "MORROW: We cannot cut the library again.\n"
    "STANEK: Then tell me what we cut instead.\n"
    "MORROW: The parking garage.\n"
    "STANEK: Fine.\n"
)

# a label in capitals that spells a full name, and a surname the intro gives with a title
BROADCAST = (
    "Kestland Gov. Mara Fellin spoke with KTV's Jon Tapley on Sunday.\n"
    "JON TAPLEY: Do you back the bridge?\n"
    "FELLIN: I do.\n"
    "TAPLEY: Why?\n"
    "FELLIN: It shortens every commute in the valley.\n"
)

# a place named more often than the interviewee, in the headline and the intro
PLACE_IN_HEADLINE = (
    "Q&A: Harbor City's new schools chief on budgets and buses\n"
    "Superintendent Gloria Nakamura started in Harbor City in July.\n"
    "Q: What surprised you most?\n"
    "A: How many families had given up on us.\n"
)

# (text, [(quote text, speaker name), ...]) with transcripts=True
CASES = [
    (PLACE_IN_HEADLINE, [("How many families had given up on us.", "Gloria Nakamura")]),
    (
        BROADCAST,
        [
            ("Do you back the bridge?", "Jon Tapley"),
            ("I do.", "Mara Fellin"),
            ("Why?", "Jon Tapley"),
            ("It shortens every commute in the valley.", "Mara Fellin"),
        ],
    ),
    (
        DIALOGUE,
        [
            ("What surprised you most?", "Noor Haddad"),
            ("How many decisions are about drains.", "Ines Calloway"),
            ("What's next?", "Noor Haddad"),
            ("The bridge. We break ground in March.", "Ines Calloway"),
        ],
    ),
    (
        QA,
        [
            ("None. Well, maybe the parking garage.", "Ines Calloway"),
            ("Ask me in a year.", "Ines Calloway"),
        ],
    ),
    (
        UNINTRODUCED,
        [
            ("We cannot cut the library again.", "Morrow"),
            ("Then tell me what we cut instead.", "Stanek"),
            ("The parking garage.", "Morrow"),
            ("Fine.", "Stanek"),
        ],
    ),
]
# labels that are no speaker's: no turn is read in these
NEGATIVE = [
    # a headline in the "Speaker: paraphrase" style, then the story
    "Calloway: Pier Will Reopen Before Summer, City Says\n"
    "Mayor Ines Calloway said on Monday that the pier would reopen in May.",
    # a fact box
    "When: Saturday, 10 a.m.\nWhere: Elm Park\nCost: Free for children\n",
    # banners, twice each
    "UPDATE: The ferry will resume service at noon.\nUPDATE: Service resumed at 12:40.\n"
    "BREAKING: The bridge is closed.\nBREAKING: The bridge has reopened.\n",
    # a person's label once: a kicker or a caption
    "Ines Calloway was sworn in on Monday.\nCalloway: The first hundred days.\n",
    # "A." opening a sentence, with no question anywhere
    "A. Lincoln Street will be closed on Tuesday.\nA. Marsh said the work would take a day.\n",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_transcript_turns(text: str, expected: list[tuple[str, str]]) -> None:
    quotes = find_quotes(text, transcripts=True)
    got = [(q.text, q.speaker.name if q.speaker else None) for q in quotes]
    assert got == expected
    for q in quotes:
        assert q.kind == "direct"
        assert q.cue is not None and q.cue.text in (":", ".")
        for span in iter_spans(q):
            assert text[span.start : span.end] == span.text


def test_answers_name_the_interviewee_by_resolution() -> None:
    answers = find_quotes(QA, transcripts=True)
    assert {q.speaker.resolved_by for q in answers if q.speaker} == {"interview"}
    assert [q.speaker.mention.text for q in answers if q.speaker and q.speaker.mention] == [
        "A",
        "A",
    ]


@pytest.mark.parametrize(("text", "_expected"), CASES)
def test_off_by_default(text: str, _expected: object) -> None:
    assert find_quotes(text) == ()


@pytest.mark.parametrize("text", NEGATIVE)
def test_labels_that_name_no_speaker(text: str) -> None:
    turns = [q for q in find_quotes(text, transcripts=True) if q.cue and q.cue.text in ":."]
    assert turns == []


def test_quote_marks_inside_a_turn_are_read_as_quotes() -> None:
    text = (
        INTRO + 'CALLOWAY: "We will rebuild," she said.\n'
        "HADDAD: When?\nCALLOWAY: Soon.\nHADDAD: Thank you.\n"
    )
    quotes = find_quotes(text, transcripts=True)
    assert quotes[0].text == "We will rebuild," and quotes[0].cue.text == "said"


def test_structure_and_batch_pass_the_option() -> None:
    art = structure(DIALOGUE, "2025-11-20", transcripts=True)
    assert [q.speaker.name for q in art.quotes if q.speaker][:2] == ["Noor Haddad", "Ines Calloway"]
    assert structure(DIALOGUE, "2025-11-20").quotes == ()
    for n in (1, 2):
        out = list(structure_many([DIALOGUE, QA], n_process=n, transcripts=True))
        assert [len(a.quotes) for a in out] == [4, 2]


def test_cli_flag(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(UNINTRODUCED, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "newsstruct", str(path), "--transcripts"],
        capture_output=True,
        text=True,
        check=True,
    )
    quotes = json.loads(out.stdout)["quotes"]
    assert [q["speaker"]["name"] for q in quotes] == ["Morrow", "Stanek", "Morrow", "Stanek"]
