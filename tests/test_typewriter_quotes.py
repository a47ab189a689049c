"""Typewriter quote marks (``''…''`` and ``` ``…'' ```): read in a text written that way
(``typewriter="auto"``, the default), in every text (True), in none (False)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsstruct import find_quotes, speaker_mentions, structure, structure_many
from newsstruct.quotes.marks import _TYPEWRITER_RE, typewriter_convention
from newsstruct.records import Quote, iter_spans
from newsstruct.segment import split_paragraphs

# (text, [(quote text, kind, speaker name), ...]), by default and with typewriter=True
CASES = [
    (
        "''We will rebuild the pier,'' Mayor Ines Calloway said.",
        [("We will rebuild the pier,", "direct", "Ines Calloway")],
    ),
    (
        "Calloway said: ''We will rebuild the pier.''",
        [("We will rebuild the pier.", "direct", "Calloway")],
    ),
    (
        "``We will rebuild,'' said Tomas Ebbe, the harbor master.",
        [("We will rebuild,", "direct", "Tomas Ebbe")],
    ),
    (
        "''It will take a year,'' Ebbe said. ''Maybe two.''",
        [("It will take a year,'' Ebbe said. ''Maybe two.", "direct", "Ebbe")],
    ),
    (  # a quote over two paragraphs: the mark opens each, closes only the last
        "Ebbe said:\n\n''The pier is gone.\n\n''We start again in May.''",
        [("The pier is gone.\n\n''We start again in May.", "direct", "Ebbe")],
    ),
]
# invented wire stories in the typewriter convention; each reads as the same story in "…"
STORIES = [
    "HARLOW BAY, Maine — The town council voted 5-2 on Tuesday to close the ferry terminal."
    "\n\n''We have patched this pier for twenty years,'' said Mayor Ines Calloway. ''It is "
    "time to rebuild it.''\n\nTomas Ebbe, the harbor master, said the work would take until "
    "spring. ''Nobody likes a closed terminal,'' he said, ''but the pilings are rotten.''\n",
    "RIVERTON, Ore. (AP) — ``We are not leaving,'' said Nadia Ferro, who has run the bakery "
    "since 1998. Pell Holdings, the landlord, said the lease ends in June.\n\n``It is a "
    "business decision,'' the company said. ``We wish her well.''\n",
    "Mayor Ines Calloway spoke at the dock on Friday.\n\n''The pier is gone. The ferry is "
    "gone.\n\n''But the town is still here, and we will rebuild it,'' she said.\n\nTomas Ebbe "
    "agreed. ''It will take two years,'' he said. ''Maybe three.''\n",
    "WESTON FALLS, Vt. — Ada Kasich asked the board: ''Who pays for the bridge?''\n\nThe "
    "chairman, Rolf Imre, did not answer at first. ''The state will,'' he said later. ''Not "
    "us.''\n",
    # a mixed quote after a verb and a preposition ("called for a ''…''")
    "BRANT, Ohio — Senator Ada Kasich on Monday called for a ''fair share'' tax on the largest "
    "farms.\n\n''We cannot keep asking families to pay more,'' Kasich said. ''The big farms can "
    "pay their part.''\n\nHer rival, Dov Arkin, disagreed. ''It will close farms,'' he said.\n",
    # a quoted title inside reported speech, and a mixed quote that ends the sentence
    "Mayor Ines Calloway said in her 2019 memoir, ''The Harbor Year,'' that she almost quit after "
    "the storm. She promised to ''finish the job.''\n\n''I was tired,'' Calloway said on "
    "Tuesday.\n\nTomas Ebbe, the harbor master, agreed. ''She stayed,'' he said.\n",
    # a quoted nickname inside a person's name
    "RIVERTON, Ore. — Rolf ''Buddy'' Imre, the county sheriff, said the night patrol would end "
    "in June.\n\n''We cannot pay for it,'' Imre said. ''The money is gone.''\n\nNadia Ferro, "
    "who runs a neighborhood group, said her members would patrol. ''Somebody has to,'' she said.\n",
    # scare quotes, a nested quote, a quote over two paragraphs
    "The so-called ''river tax'' split the council. Ada Kasich said the governor had called the "
    "fee ''perfectly fair.''\n\n''When he said 'perfectly fair,' I believed him,'' Kasich said. "
    "''I paid it every year.\n\n''Now I want it back,'' she said.\n\nThe governor, Tomas Ebbe, "
    "said: ''Nobody is paying twice.''\n",
]
# two apostrophes that are no quote marks: the convention is not detected, output unchanged
NEGATIVE = [
    "The guard is 6'4'' and the center is 5'11''. Coach Dana Orrin said the team bought a "
    "12'' pipe for the drills.",
    "The survey marker sits at 40° 26' 46'' N, 79° 58' 56'' W, the county said.",
    "'''Ines Calloway''' (born 1961) is an American politician. She wrote ''Pier Days'' (2004) "
    "and ''The Harbor Year'' (2010).\n\n== Career ==\nCalloway served on the board of the "
    "''Harlow Bay Gazette''. ''Pier Days'' was reissued in 2015.",
    "The players'' union said on Monday that it would appeal the ruling.",
    "To join the names, write ''.join(names), or set name = '' as a default.\n\n"
    "SELECT * FROM users WHERE name = '' OR email = '';\n\nprint(''if x else y)",
    "def label(x):\n    return x or ''\n\nlabels = [label(''), label('a''b')]",
    '"We will rebuild the pier," Calloway said. "It will take a year." The 1990 storm, the '
    "''big blow,'' destroyed the old one.",
    "\"We will rebuild,\" Calloway said, adding that the players'' union agreed.",
    "Run ``make test``, then ``make lint``, as the README says.",
    "She played the '' key twice.",
]


def _detected(text: str) -> bool:
    marks = [m.start() for m in _TYPEWRITER_RE.finditer(text)]
    return typewriter_convention(text, split_paragraphs(text), marks)


def _read(quotes: tuple[Quote, ...]) -> list[tuple[str, str, str | None, str | None]]:
    """Quote text (typewriter marks written as ``"``), kind, speaker, cue."""
    return [
        (
            q.text.replace("``", '"').replace("''", '"'),
            q.kind,
            q.speaker.name if q.speaker else None,
            q.cue.text if q.cue else None,
        )
        for q in quotes
    ]


def _assert_offsets(text: str, quotes: tuple[Quote, ...]) -> None:
    for q in quotes:
        for span in iter_spans(q):
            assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("typewriter", ["auto", True])
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_typewriter_quotes(
    text: str, expected: list[tuple[str, str, str]], typewriter: bool | str
) -> None:
    quotes = find_quotes(text, typewriter=typewriter)  # type: ignore[arg-type]
    got = [(q.text, q.kind, q.speaker.name if q.speaker else None) for q in quotes]
    assert got == expected
    _assert_offsets(text, quotes)


@pytest.mark.parametrize(("text", "_expected"), CASES)
def test_off_when_asked(text: str, _expected: object) -> None:
    assert not any(q.kind == "direct" for q in find_quotes(text, typewriter=False))


@pytest.mark.parametrize("text", STORIES)
def test_story_reads_as_with_double_quotes(text: str) -> None:
    assert _detected(text)
    quotes = find_quotes(text)
    plain = text.replace("``", '"').replace("''", '"')
    assert _read(quotes) == _read(find_quotes(plain))
    assert sum(q.kind == "direct" for q in quotes) >= 2
    _assert_offsets(text, quotes)
    nested = find_quotes(text, nested=True)
    assert _read(nested) == _read(find_quotes(plain, nested=True))
    _assert_offsets(text, nested)
    chains = speaker_mentions(text, quotes)
    assert {k: [m.text.replace("''", '"') for m in v] for k, v in chains.items()} == {
        k: [m.text for m in v] for k, v in speaker_mentions(plain, find_quotes(plain)).items()
    }
    _assert_offsets(text, [m for v in chains.values() for m in v])  # type: ignore[arg-type]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_detected(text: str) -> None:
    assert not _detected(text)
    quotes = find_quotes(text)
    assert quotes == find_quotes(text, typewriter=False)
    _assert_offsets(text, quotes)


def test_single_marks_untouched() -> None:
    text = "'We will rebuild the pier,' Calloway said. 'It will take a year.'"
    for setting in ("auto", True, False):
        quotes = find_quotes(text, typewriter=setting)  # type: ignore[arg-type]
        q = quotes[0]
        assert q.text == "We will rebuild the pier,' Calloway said. 'It will take a year."
        assert q.speaker is not None and q.speaker.name == "Calloway"
        _assert_offsets(text, quotes)


def test_no_quote_from_inches_even_when_forced() -> None:
    for text in (NEGATIVE[0], NEGATIVE[-1]):
        assert not any(q.kind == "direct" for q in find_quotes(text, typewriter=True))


def test_same_output_without_typewriter_marks() -> None:
    text = '"We will rebuild," Calloway said. The council met on Monday.'
    assert (
        find_quotes(text, typewriter=True)
        == find_quotes(text)
        == find_quotes(text, typewriter=False)
    )


def test_detected_per_document() -> None:
    story, plain = STORIES[0], NEGATIVE[-3]
    out = list(structure_many([story, plain, story], n_process=1))
    assert [sum(q.kind == "direct" for q in a.quotes) for a in out] == [2, 1, 2]


@pytest.mark.parametrize(
    ("value", "error"), [("yes", ValueError), ("on", ValueError), (1, TypeError), (None, TypeError)]
)
def test_bad_setting_is_named(value: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="typewriter"):
        find_quotes("text", typewriter=value)  # type: ignore[arg-type]
    with pytest.raises(error, match="typewriter_quotes"):
        structure("text", typewriter_quotes=value)  # type: ignore[arg-type]
    with pytest.raises(error, match="typewriter_quotes"):
        structure_many(["text"], typewriter_quotes=value)  # type: ignore[arg-type]


def test_structure_and_batch_pass_the_option() -> None:
    text = "''We will rebuild the pier,'' Mayor Ines Calloway said on Monday."
    for setting in ("auto", True):
        art = structure(text, "2024-05-09", typewriter_quotes=setting)  # type: ignore[arg-type]
        assert [q.speaker.name for q in art.quotes if q.speaker] == ["Ines Calloway"]
    assert all(q.kind != "direct" for q in structure(text, typewriter_quotes=False).quotes)
    assert structure(text).quotes == structure(text, typewriter_quotes="auto").quotes
    for n in (1, 2):
        out = list(structure_many([text, text], n_process=n))
        assert [a.quotes[0].text for a in out] == ["We will rebuild the pier,"] * 2
        out = list(structure_many([text], n_process=n, typewriter_quotes=False))
        assert all(q.kind != "direct" for q in out[0].quotes)


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ([], ["We will rebuild,"]),
        (["--typewriter-quotes"], ["We will rebuild,"]),
        (["--no-typewriter-quotes"], []),
    ],
)
def test_cli_flag(tmp_path, flags: list[str], expected: list[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text("''We will rebuild,'' Calloway said.\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "newsstruct", str(path), *flags],
        capture_output=True,
        text=True,
        check=True,
    )
    quotes = json.loads(run.stdout)["quotes"]
    assert [q["text"] for q in quotes if q["kind"] == "direct"] == expected
