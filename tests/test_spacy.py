"""The spaCy component (extra `spacy`): spans, extension attributes, config, entry point.

Runs on ``spacy.blank("en")``: no model download.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

import newsstruct  # noqa: E402
from newsstruct.integrations import spacy_component  # noqa: E402, F401  (registers the factory)

ROOT = Path(__file__).resolve().parents[1]
WIRE = (ROOT / "examples" / "wire_harbor_strike_2024-05-09.txt").read_text(encoding="utf-8")
QUIP = '"The budget is a mess," Mayor Lena Ostrow tutted on Monday.'


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsstruct", config={"published": "2024-05-09"})
    return nlp


def covers(span, record) -> bool:
    return span.start_char <= record.start and record.end <= span.end_char


def test_span_groups_match_the_records(nlp):
    doc = nlp(WIRE)
    art = newsstruct.structure(WIRE, "2024-05-09")
    quotes, dates, junk = doc.spans["quotes"], doc.spans["dates"], doc.spans["boilerplate"]
    assert len(quotes) == len(art.quotes) and len(dates) == len(art.dates)
    assert len(junk) == len(art.boilerplate) > 0
    for span, q in zip(quotes, art.quotes, strict=True):
        assert covers(span, q) and span.label_ == q.kind == span._.kind
        assert span._.speaker == (q.speaker.name if q.speaker else None)
        assert span._.cue == (q.cue.text if q.cue else None)
    for span, d in zip(dates, art.dates, strict=True):
        assert covers(span, d) and span.label_ == d.type == span._.type
        assert span._.value == d.value
    for span, b in zip(junk, art.boilerplate, strict=True):
        assert covers(span, b) and span.label_ == b.category == span._.category
        assert span._.rule == b.rule
    assert "Rafe Dunmore" in {s._.speaker for s in quotes}
    assert ("two days ago", "2024-05-07") in {(s.text, s._.value) for s in dates}


def test_offsets_expand_to_whole_tokens(nlp):
    # spaCy keeps "mid-2025" one token; the date "2025" starts inside it.
    doc = nlp("The plan runs through mid-2025, said Odile Marsh, the harbor chief.")
    assert [(s.text, s._.value) for s in doc.spans["dates"]] == [("mid-2025", "2025")]
    doc = nlp('"We reopen at 6 a.m. sharp," said Odile Marsh, the harbor chief, on Monday.')
    (quote,) = doc.spans["quotes"]
    assert quote.text == "We reopen at 6 a.m. sharp,"
    assert quote._.speaker == "Odile Marsh" and quote._.cue == "said"
    assert [(s.text, s._.value) for s in doc.spans["dates"]][-1] == ("Monday", "2024-05-06")


def test_published_per_doc_wins_over_the_config(nlp):
    doc = nlp.make_doc("The ferry ran again on Monday.")
    doc._.published = "2023-11-16"
    doc = nlp(doc)
    assert [s._.value for s in doc.spans["dates"]] == ["2023-11-13"]
    default = nlp("The ferry ran again on Monday.")  # keep the Doc alive while using its spans
    assert [s._.value for s in default.spans["dates"]] == ["2024-05-06"]


def test_without_published_relative_dates_stay_unresolved():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsstruct")
    doc = nlp("Officials met last week.")
    assert [(s.text, s._.value) for s in doc.spans["dates"]] == [("last week", None)]


def test_user_lexicon_in_the_config(tmp_path):
    (tmp_path / "cue_verbs.txt").write_text("tut\ttuts\ttutted\ttutting\n", encoding="utf-8")
    plain = spacy.blank("en")
    plain.add_pipe("newsstruct")
    custom = spacy.blank("en")
    custom.add_pipe("newsstruct", config={"lexicon": str(tmp_path)})
    before, after = plain(QUIP), custom(QUIP)
    assert [s._.speaker for s in before.spans["quotes"]] == [None]
    assert [(s._.speaker, s._.cue) for s in after.spans["quotes"]] == [("Lena Ostrow", "tutted")]


def test_typewriter_quotes_in_the_config():
    text = "''We will rebuild the pier,'' Mayor Ines Calloway said on Monday."
    default = spacy.blank("en")
    default.add_pipe("newsstruct")
    doc = default(text)
    got = [(s._.kind, s._.speaker) for s in doc.spans["quotes"]]
    assert got == [("direct", "Ines Calloway")]
    for setting, expected in (("auto", got), (True, got), (False, [])):
        nlp = spacy.blank("en")
        nlp.add_pipe("newsstruct", config={"typewriter_quotes": setting})
        doc = nlp(text)
        direct = [(s._.kind, s._.speaker) for s in doc.spans["quotes"] if s._.kind == "direct"]
        assert direct == expected


def test_a_wrong_typewriter_quotes_setting_names_the_values_allowed():
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="typewriter_quotes must be True, False or 'auto'"):
        nlp.add_pipe("newsstruct", config={"typewriter_quotes": "yes"})


def test_docs_still_serialise(nlp):
    from spacy.tokens import Doc, DocBin

    doc = nlp(WIRE)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [(s.text, s._.speaker) for s in again.spans["quotes"]] == [
        (s.text, s._.speaker) for s in doc.spans["quotes"]
    ]
    box = DocBin(store_user_data=True)
    box.add(doc)
    (back,) = DocBin().from_bytes(box.to_bytes()).get_docs(nlp.vocab)
    assert [s._.value for s in back.spans["dates"]] == [s._.value for s in doc.spans["dates"]]


def test_bad_config_is_a_clear_error():
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="ISO date"):
        nlp.add_pipe("newsstruct", config={"published": "next Tuesday"})


def test_entry_point_lets_spacy_find_the_component_without_importing_newsstruct(tmp_path):
    """spaCy loads `spacy_factories` entry points when it builds a pipeline. The entry point
    declared in pyproject.toml is written into a throwaway dist-info, so this runs without
    reinstalling the package; a fresh interpreter never imports newsstruct itself."""
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = project["project"]["entry-points"]["spacy_factories"]
    assert declared == {"newsstruct": "newsstruct.integrations.spacy_component:make_newsstruct"}
    info = tmp_path / "newsstruct_entry_point_check-0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: newsstruct-entry-point-check\nVersion: 0\n"
    )
    lines = "".join(f"{k} = {v}\n" for k, v in declared.items())
    (info / "entry_points.txt").write_text(f"[spacy_factories]\n{lines}")
    script = textwrap.dedent(
        """
        import sys
        import spacy
        assert "newsstruct" not in sys.modules
        nlp = spacy.blank("en")
        nlp.add_pipe("newsstruct", config={"published": "2024-05-09"})
        doc = nlp('"We are ready," Mayor Ines Calloway said on Monday.')
        print(sys.modules["newsstruct"].__file__)
        print([(s._.speaker, s._.cue) for s in doc.spans["quotes"]])
        print([(s.text, s._.value) for s in doc.spans["dates"]])
        """
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(tmp_path)])}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    where, quotes, dates = done.stdout.strip().splitlines()
    assert Path(where).resolve().is_relative_to(ROOT)
    assert quotes == "[('Ines Calloway', 'said')]"
    assert dates == "[('Monday', '2024-05-06')]"


def test_extension_values_survive_nlp_pipe_with_processes(nlp):
    texts = [
        '"We owe the island an apology," board chair Nadia Ferro told reporters on Tuesday.'
    ] * 3
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [[(s._.speaker, s._.cue) for s in d.spans["quotes"]] for d in docs] == [
        [("Nadia Ferro", "told")]
    ] * 3
    assert [[s._.value for s in d.spans["dates"]] for d in docs] == [["2024-05-07"]] * 3
