"""User lexicons: a directory of files named like the packaged ones, added to them."""

from __future__ import annotations

import pickle
from pathlib import Path

import attrs
import pytest

from newsstruct import load_lexicon, split_sentences, structure
from newsstruct.lexicons import Lexicon

PACKAGED = Path(__file__).resolve().parents[1] / "newsstruct" / "lexicons" / "en"

STORY = (
    "Harbormaster Ode Brightwater tutted that the tide waits for no council.\n\n"
    '"We will reopen the pier," Wharf Steward Tamsin Kell pontificated on Monday.\n\n'
    "The order came from Cmdt. Harlow Peck, who said no.\n\n"
    "See the ferry timetable at our harbor office page\n\n"
    "Boats leave fortnightly from the north quay."
)


def write(directory: Path, files: dict[str, str]) -> Path:
    directory.mkdir(exist_ok=True)
    for name, content in files.items():
        (directory / name).write_text(content, encoding="utf-8")
    return directory


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    return write(
        tmp_path / "lexicon",
        {
            "cue_verbs.txt": "# irregular forms after tabs, as in the packaged file\n"
            "tut\ttuts\ttutted\ttutting\npontificate\n",
            "titles.txt": "harbormaster\nwharf steward\n",
            "abbreviations.txt": "cmdt.\n",
            "boilerplate.tsv": "# rule_id<TAB>category<TAB>kind<TAB>pattern\n"
            "ferry-timetable\tpromo\tregex\tsee (?:the )?ferry timetable at .{1,60}\n",
            "temporal.tsv": "fortnightly\tfrequency\tP2W\n",
            "README.md": "Notes for the desk: not a lexicon file, ignored.\n",
        },
    )


def test_user_entries_change_what_structure_finds(user_dir):
    before = structure(STORY, "2024-05-09")
    lex = load_lexicon("en", extra=user_dir)
    after = structure(STORY, "2024-05-09", lexicon=lex)

    assert [q.speaker for q in before.quotes] == [None]
    speakers = [(q.kind, q.speaker.name, q.cue.text) for q in after.quotes]
    assert speakers == [
        ("indirect", "Ode Brightwater", "tutted"),
        ("direct", "Tamsin Kell", "pontificated"),
    ]
    assert [b.rule for b in before.boilerplate] == []
    assert [(b.rule, b.category) for b in after.boilerplate] == [("ferry-timetable", "promo")]
    assert "fortnightly" not in [d.text for d in before.dates]
    assert ("fortnightly", "SET", "P2W") in [(d.text, d.type, d.value) for d in after.dates]
    sentence = "The order came from Cmdt. Harlow Peck, who said no."
    assert len(split_sentences(sentence)) == 2
    assert len(split_sentences(sentence, lexicon=lex)) == 1


def test_entries_are_added_not_replacing(user_dir):
    base = load_lexicon("en")
    lex = base.extended_from(user_dir)
    assert base.titles < lex.titles and base.abbreviations < lex.abbreviations
    assert base.cue_forms.items() < lex.cue_forms.items()
    assert lex.boilerplate[: len(base.boilerplate)] == base.boilerplate
    assert lex.temporal["month"] == base.temporal["month"]
    assert lex.temporal["frequency"]["fortnightly"] == "P2W"
    assert "cmdt" in lex.abbreviations, "the final period is dropped, as in the packaged file"
    # The packaged lexicon is untouched, and load_lexicon(extra=) is the same thing.
    assert "tutted" not in base.cue_forms
    assert load_lexicon("en", extra=str(user_dir)) == lex


def test_every_file_is_optional(tmp_path):
    only_titles = write(tmp_path / "t", {"titles.txt": "chief ranger\n"})
    lex = load_lexicon(extra=only_titles)
    assert lex.titles == load_lexicon().titles | {"chief ranger"}
    assert lex.cue_forms == load_lexicon().cue_forms
    assert load_lexicon(extra=write(tmp_path / "empty", {})) == load_lexicon()


def test_every_packaged_file_name_is_accepted(tmp_path):
    """A user directory may hold any file the packaged lexicon has, in the same format."""
    quote_lists = {"first_names.tsv", "reported_cues.tsv", "speaker_words.tsv"}  # quote stage only
    names = sorted(p.name for p in PACKAGED.iterdir() if p.name not in quote_lists)
    files = {name: "" for name in names}
    files["temporal.tsv"] = "twice-monthly\tfrequency\tP2W\n"
    lex = load_lexicon(extra=write(tmp_path / "all", files))
    assert lex.temporal["frequency"]["twice-monthly"] == "P2W"


def test_an_extended_lexicon_is_not_mistaken_for_the_packaged_one():
    """Stages cache compiled patterns per lexicon: a copy that differs only in cue verbs
    (a dict field) must not hit the packaged lexicon's cache entry."""
    text = '"The budget is a mess," Mayor Lena Ostrow tutted on Monday.'
    assert structure(text).quotes[0].cue is None  # fills the caches with the packaged lexicon
    base = load_lexicon()
    more = attrs.evolve(base, cue_forms={**base.cue_forms, "tutted": "tut"})
    assert more != base
    assert structure(text, lexicon=more).quotes[0].cue.text == "tutted"


def test_a_lexicon_pickles_equal(user_dir):
    lex = load_lexicon(extra=user_dir)
    copy = pickle.loads(pickle.dumps(lex))
    assert isinstance(copy, Lexicon)
    assert copy == lex and hash(copy) == hash(lex)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"cue_verb.txt": "tut\n"}, "not a lexicon file name"),
        ({"speaker_words.tsv": ""}, "cannot be extended from a directory yet"),
        ({"boilerplate.tsv": "only-two\tpromo\n"}, "boilerplate.tsv:1: expected 4"),
        (
            {"boilerplate.tsv": "# c\nbad\tpromo\tregex\t(unclosed\n"},
            ":2: pattern does not compile",
        ),
        ({"boilerplate.tsv": "x\tpromo\tfuzzy\tabc\n"}, "kind must be"),
        ({"temporal.tsv": "fortnightly\tP2W\n"}, "temporal.tsv:1: expected 3"),
        ({"temporal.tsv": "fortnightly\tfrequencies\tP2W\n"}, "unknown temporal class"),
    ],
)
def test_mistakes_in_a_user_directory_are_named(tmp_path, files, message):
    with pytest.raises(ValueError, match=message):
        load_lexicon(extra=write(tmp_path / "bad", files))


def test_a_rule_id_cannot_be_taken_twice(tmp_path):
    taken = load_lexicon().boilerplate[0]
    files = {"boilerplate.tsv": f"{taken.rule}\tpromo\texact\tBuy our mugs\n"}
    with pytest.raises(ValueError, match="already used"):
        load_lexicon(extra=write(tmp_path / "dup", files))


def test_a_missing_directory_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_lexicon(extra=tmp_path / "nowhere")


def test_exact_rules_match_the_whole_line_literally(tmp_path):
    files = {"boilerplate.tsv": "mugs\tpromo\texact\tBuy our mugs (now 20% off)!\n"}
    lex = load_lexicon(extra=write(tmp_path / "exact", files))
    text = "The mayor spoke.\nBuy our mugs (now 20% off)!\nBuy our mugs now 20% off\n"
    art = structure(text, lexicon=lex)
    assert [b.text for b in art.boilerplate] == ["Buy our mugs (now 20% off)!"]


def test_structure_many_passes_the_lexicon_to_workers(user_dir):
    from newsstruct import structure_many

    lex = load_lexicon(extra=user_dir)
    items = [STORY, {"id": "x", "text": STORY}, (STORY, "2024-05-09")]
    for n_process in (1, 2):
        results = list(structure_many(items, n_process=n_process, lexicon=lex, batch_size=1))
        assert [[q.cue.text for q in r.quotes] for r in results] == [["tutted", "pontificated"]] * 3


def test_extended_names_a_wrong_argument():
    lex = load_lexicon("en")
    # a string is no tuple of words: it once added "a", "p", "r", "o", "x" as abbreviations
    with pytest.raises(
        TypeError, match=r"abbreviations must be a tuple of str such as \('approx',\), not 'approx'"
    ):
        lex.extended(abbreviations="approx")
    with pytest.raises(TypeError, match="cue_verbs must be a tuple of str"):
        lex.extended(cue_verbs="tut")
    with pytest.raises(ValueError, match=r"boilerplate rule \('x', 'promo'\): expected"):
        lex.extended(boilerplate=(("x", "promo"),))
    with pytest.raises(ValueError, match="boilerplate rule 'x': pattern does not compile"):
        lex.extended(boilerplate=(("x", "promo", "see (the ferry"),))
    assert "approx" in lex.extended(abbreviations=("approx.",)).abbreviations
    with pytest.raises(ValueError, match="boilerplate rule 'app-promo': the id is already used"):
        lex.extended(boilerplate=(("app-promo", "promo", "see the ferry timetable"),))
    listed = lex.extended(boilerplate=[["ferry-timetable", "promo", "see the ferry timetable"]])
    assert listed.boilerplate[-1].rule == "ferry-timetable"
