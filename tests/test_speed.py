"""The fast paths of the speed work give exactly what the reference paths give.

Each fast path is chosen per text only when it is provably the same (see
``newsstruct/dates/grammar.py``); these tests compare both on invented and random text.
"""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import attrs
import pytest
import regex

from newsstruct import load_lexicon
from newsstruct.dates.grammar import (
    KINDS,
    TriggerFinder,
    compile_grammar,
    simple_folds,
    trigger_pattern,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
LEX = load_lexicon("en")

# Pieces that stress case folding, letter classes and digits of other scripts.
PIECES = [
    "year", "Year's", "years", "A.M.", "p.m.", "o’clock", "O'CLOCK", "2024", "١٢", "²", "½",
    "é", "É", "ſ", "\u212a", "ß", "ẞ", "İ", "ı", " ", "-", "–", "’", "'", "x", "Q1", "mid",
    "midyear", "monday", "MONDAYS", "ago", ".", "\n", "ﬁscal", "fiscal", "Ⅻ", "ǅ", "Tues.",
    "March", "MARCH", "3", "/", "10:30", "last", "week", "the", "ﬀ", "Σ", "ς",
]  # fmt: skip


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14))) for _ in range(n)]


def _examples() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


def _case_texts(name: str) -> list[str]:
    path = Path(__file__).parent / "cases" / name
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_trigger_finder_matches_the_reference_pattern():
    reference = trigger_pattern(LEX)
    rng = random.Random(7)
    plain = 0
    texts = _random_texts(3000, 7) + _examples()
    # long texts with an odd character somewhere: only the stretches around it read slowly
    texts += ["".join(rng.choice(PIECES) for _ in range(400)) for _ in range(40)]
    for text in texts:
        finder = TriggerFinder(text, LEX)
        plain += finder.lowered_at(0, len(text)) is not None
        cuts = sorted(rng.randint(0, len(text)) for _ in range(6))
        for a, b in [(0, len(text)), *itertools.pairwise(cuts)]:
            want = [m.span() for m in reference.finditer(text, a, b)]
            assert list(finder.spans(a, b)) == want, (text, a, b)
    assert plain > 500  # the fast path is really exercised


@pytest.mark.parametrize(
    "text, plain",
    [
        ("Officials met on Monday, March 3.", True),
        ("“We are ready,” Señora Peña said — at 10 a.m.", True),
        ("The \u212aelvin sign", False),  # lowercases to ASCII "k"
        ("İstanbul on Monday", False),  # lowercases to two characters
        ("roman Ⅻ numerals", False),  # a letter for one engine, not for the other
        ("½ a year", False),
    ],
)
def test_only_plain_text_is_lowercased_whole(text, plain):
    assert (TriggerFinder(text, LEX).lowered_at(0, len(text)) is not None) is plain


def test_simple_case_scan_matches_full_case_scan():
    grammar = compile_grammar(LEX)
    assert grammar.simple  # the grammar's own characters all fold to one
    checked = 0
    for text in _random_texts(3000, 11) + _examples():
        if not simple_folds(text):
            continue
        checked += 1
        full = [(k, m.span()) for k, m in grammar.scan(text, 0, len(text))]
        assert [(k, m.span()) for k, m in grammar.scan(text, 0, len(text), True)] == full
    assert checked > 300


@pytest.mark.parametrize("text", ["Straße am Montag", "ﬁscal 2024", "ẞ", "İ 2024"])
def test_text_with_multi_character_folds_keeps_full_case_folding(text):
    assert not simple_folds(text)


def test_words_after_the_a_and_numbers_choose_the_same_candidates():
    """At "the" only the kinds the next word can continue are tried (``the_followers``), at
    "a"/"an" and at a number that is not a year none unless the next word can continue one
    (``a_followers``, ``digit_followers``): scanning so finds exactly what trying every kind
    finds."""
    grammar = compile_grammar(LEX)
    assert grammar.after_the and grammar.after_a and grammar.after_number
    reference = attrs.evolve(
        grammar, after_the={}, after_the_digit=(), after_a=frozenset(), after_number=frozenset()
    )
    words = sorted({w for table in LEX.temporal.values() for w in table})
    words += ["the", "The", "THE", "'90s", "‘90s", "1990s", "mid-1990s", "year-ago", "x", "\n"]
    words += ["a-year", "10-day", "18-month", "consecutive", "trading", "further", "while"]
    words += ["people", "percent", "%", "1,000", "2.5", "1/2", "½", "7:30", "0735", "1990s"]
    lead = ["the"] * 20 + ["a", "A", "an"] * 7 + ["5", "12", "24", "1998", "2024", "300"] * 4
    rng = random.Random(5)
    texts = [" ".join(rng.choice(words + lead) for _ in range(12)) for _ in range(5000)]
    texts += _random_texts(2000, 13) + _examples()
    the = a = number = 0
    for text in texts:
        want = [(k, m.span()) for k, m in reference.scan(text, 0, len(text))]
        assert [(k, m.span()) for k, m in grammar.scan(text, 0, len(text))] == want, text
        the += sum(text[s : s + 4].lower() == "the " for _, (s, _) in want)
        a += sum(text[s : s + 2].lower() in ("a ", "an") for _, (s, _) in want)
        number += sum(text[s].isdigit() and not text[s : s + 4].isdigit() for _, (s, _) in want)
    # expressions that open with "the", "a" or a number are really found
    assert the > 500 and a > 200 and number > 150


def test_scanning_the_lowered_text_reads_the_same_tokens():
    """With the text lowered (same offsets), only the tokens the openers pattern finds are
    read: the candidates are those of reading every token."""
    grammar = compile_grammar(LEX)
    words = [*sorted(grammar.by_word), "x", "Mr.", "people", "said", "é", "ß", "Ⅻ", "½"]
    words += ["5", "12", "2024", "'90s", "‘90s", "1990s", "q1", "FY2024", "3Q", "5at", "at5"]
    words += ["\u212a", "İ", "-", "–", "/", ".", ",", "’", "'", "\n", "a.m.", "p.m."]
    words += ["٣", "weeks", "ago", "days"]  # digits of another script ("٣ weeks ago")
    rng = random.Random(23)
    texts = [
        "".join(rng.choice(words) + rng.choice(["", " ", " ", "\n", "-"]) for _ in range(10))
        for _ in range(6000)
    ]
    texts += _random_texts(2000, 29) + _examples()
    fast = stretches = 0
    for text in texts:
        finder = TriggerFinder(text, LEX)
        # a stretch inside the text, as the stage scans windows: read lowered when it is
        # plain, though the text may hold an odd character elsewhere
        a, b = sorted(rng.randint(0, len(text)) for _ in range(2))
        lowered = finder.lowered_at(a, b)
        if lowered is not None:
            stretches += finder.lowered_at(0, len(text)) is None
            assert len(lowered) == len(text)
            want = [(k, m.span()) for k, m in grammar.scan(text, a, b)]
            assert [(k, m.span()) for k, m in grammar.scan(text, a, b, False, lowered)] == want
        lowered = finder.lowered_at(0, len(text))
        if lowered is None:
            continue
        fast += 1
        want = [(k, m.span()) for k, m in grammar.scan(text, 0, len(text))]
        got = [(k, m.span()) for k, m in grammar.scan(text, 0, len(text), False, lowered)]
        assert got == want, text
    assert fast > 3000 and stretches > 300


def test_every_lexicon_entry_holds_a_trigger():
    """Triggers leave out words of multi-word entries that hold another trigger ("new" in
    "new year's day"); every entry must still be found by the trigger search."""
    triggers = trigger_pattern(LEX)
    t = LEX.temporal
    classes = ("month", "weekday", "season", "part_of_day", "deictic_day", "vague")
    classes += ("frequency", "holiday", "unit")
    for cls in classes:
        for entry in t.get(cls, {}):
            assert triggers.search(entry) is not None, (cls, entry)
    assert triggers.search("a new era at a good price") is None


def test_kinds_without_their_pieces_ahead_are_not_tried():
    """A kind is tried at a word only when one of its pieces (``kind_needles``) occurs
    between that word and the end of the stretch: scanning so finds exactly what trying every
    kind finds."""
    grammar = compile_grammar(LEX)
    assert {"ago", "duration", "set", "dmy", "quarter", "decade"} <= set(grammar.needles)
    reference = attrs.evolve(grammar, needles={})
    words = sorted({w for table in LEX.temporal.values() for w in table})
    words += ["the", "The", "a", "An", "at", "about", "at least", "this", "that", "its"]
    words += ["5", "12", "1998", "2024", "1,000", "2.5", "'90s", "10-day", "a-year", "x"]
    words += ["Weeks", "YEARS", "Fortnight", "times", "once", "Twice", "while", "Time"]
    words += ["14th", "21st", "2nd", "3rd", "Q3", "2H", "3Q08", "1990s", "’90s", "'80s", "Eighties"]
    words += ["19th", "century", "on", "until", "in", "during", "first", "half"]
    words += ["people", "said", "é", "’", "'", "-", ",", ".", "\n"]
    # an expression of each kind, through each of its pieces
    phrases = [
        "three weeks ago", "a fortnight later", "some 2 million years ago", "for a while",
        "for some time", "twice a week", "every other Monday", "three times a year", "daily",
        "biennially", "the past two decades", "the year before last", "the next morning",
        "that same season", "the same period a year ago", "the 2024 fiscal year", "last spring",
        "on Christmas Eve", "at present", "May 5", "on the 14th", "5 March 2024",
        "last Friday", "the second quarter", "the first half of 2024", "2H08", "in Q3",
        "the 1990s", "the ’90s", "the eighties", "the 19th century", "the twenty-first century",
        "June 2024", "Sept. 9", "this weekend", "the millennium", "a 10-day period",
        "its 2011 financial year",
    ]  # fmt: skip
    rng = random.Random(31)
    texts = [
        " ".join(rng.choice(words + phrases) for _ in range(rng.randint(2, 14)))
        for _ in range(6000)
    ]
    texts += _examples() + _case_texts("dates.jsonl")
    checked = found = 0
    for text in texts:
        lowered = TriggerFinder(text, LEX).lowered_at(0, len(text))
        if lowered is None:
            continue
        checked += 1
        a, b = sorted(rng.randint(0, len(text)) for _ in range(2))
        for lo, hi in ((0, len(text)), (a, b)):
            want = [(k, m.span()) for k, m in reference.scan(text, lo, hi, True, lowered)]
            got = [(k, m.span()) for k, m in grammar.scan(text, lo, hi, True, lowered)]
            assert got == want, (text, lo, hi)
            found += sum(k in grammar.needles for k, _ in want)
    assert checked > 4000 and found > 3000  # the guarded kinds are really found


def test_words_after_a_modifier_choose_the_same_candidates():
    """At a modifier ("about", "nearly", "at" of "at least") only the kinds the next word can
    continue are tried (``modifier_followers``): scanning so finds exactly what trying every
    kind finds."""
    grammar = compile_grammar(LEX)
    assert {"about", "at", "nearly", "more"} <= set(grammar.after_modifier)
    assert "years" not in grammar.after_modifier  # "years" is a duration on its own
    reference = attrs.evolve(grammar, after_modifier={})
    words = sorted({w for table in LEX.temporal.values() for w in table})
    words += ["5", "12", "1998", "2024", "1,000", "2.5", "7:30", "10-day", "x", "-", ",", "\n"]
    words += ["people", "said", "the", "a", "an", "least", "most", "than", "to", "of", "over"]
    lead = sorted(grammar.after_modifier) * 3 + ["for over", "in over", "no more", "no less"]
    phrases = [
        "about three weeks ago", "nearly 40 years", "more than a decade", "at least two days",
        "at most an hour", "no less than six months", "up to five years", "just over a week",
        "upwards of 20 years", "well over a century", "close to a year", "for over a decade",
        "another two weeks", "at present", "at the moment", "about 5 p.m.", "around noon",
        "about ten o'clock", "around March 3", "about Monday, May 4", "about 1990",
        "roughly the 1990s", "these days", "down the road", "as soon as possible",
        "then current", "future years", "almost a dozen years ago", "around half an hour",
        "about the March 3 meeting",
    ]  # fmt: skip
    rng = random.Random(37)
    texts = [
        " ".join(rng.choice(words + lead + phrases) for _ in range(rng.randint(2, 12)))
        for _ in range(6000)
    ]
    texts += _random_texts(2000, 41) + _examples()
    found = 0
    for text in texts:
        lowered = TriggerFinder(text, LEX).lowered_at(0, len(text))
        for low in (None, lowered):
            want = [(k, m.span()) for k, m in reference.scan(text, 0, len(text), False, low)]
            got = [(k, m.span()) for k, m in grammar.scan(text, 0, len(text), False, low)]
            assert got == want, text
        found += sum(
            text[s:e].split(" ")[0].lower() in grammar.after_modifier for _, (s, e) in want
        )
    assert found > 1000  # expressions that open with a modifier are really found


def _grammar_words() -> set[str]:
    """Every run of ASCII letters the patterns or the lexicon hold, and a few they do not."""
    sources = " ".join(pattern for _, pattern in compile_grammar(LEX).sources).lower()
    words = set(regex.findall(r"[a-z]+", sources)) | {"people", "rose", "x"}
    for table in LEX.temporal.values():
        for entry in table:
            words.update(regex.findall(r"[a-z]+", entry.lower()))
    return words


def test_kinds_open_only_at_their_opening_words():
    """``kind_openers`` checked against the patterns: each kind that matches at a word the
    patterns or the lexicon hold (or none of them), or could match once more text follows,
    is one ``by_word`` tries there; the same at a number and ``by_digit``."""
    grammar = compile_grammar(LEX)
    # (known gaps, left out here: "earlier in 2008" and "later in 2008" read as years, but
    # "earlier" and "later" do not open ``year``, so "2008" alone is found)
    gaps = {("year", "earlier"), ("year", "later")}
    tried = 0
    for kind in KINDS:
        pattern = grammar.simple[kind]
        # ("in" before: a spelled year opens only after it, "in two thousand and eight")
        for word, before, end in itertools.product(
            [*sorted(_grammar_words()), "5", "12", "30", "0735", "2008"],
            ("", "in ", "the ", "at "),
            ("", " ", ".", "-"),
        ):
            m = pattern.match(f"{before}{word}{end}", len(before), partial=bool(end))
            if m is not None and (kind, word) not in gaps:
                tried += 1
                kinds = grammar.by_digit if word[0].isdigit() else grammar.by_word.get(word, ())
                assert kind in kinds, (kind, before, word)
    assert tried > 4000


class _EveryKind(dict[str, tuple[str, ...]]):
    """A ``by_word`` that opens every kind at every word."""

    def get(self, key: str, default: object = None) -> tuple[str, ...]:  # type: ignore[override]
        return KINDS


def test_every_filter_together_chooses_the_same_candidates():
    """Each word is tried only against the kinds it can open (``kind_openers``), after "the",
    "a", a modifier, "this"/"that"/"last"/"next" or a number only against those the next word goes on with, and a number
    before a mark that ends every expression ("14%") against none: scanning so finds exactly
    what trying every kind at every word finds."""
    grammar = compile_grammar(LEX)
    reference = attrs.evolve(
        grammar,
        by_word=_EveryKind(),
        by_digit=KINDS,
        after_the={},
        after_the_digit=(),
        after_a=frozenset(),
        after_number={},
        after_modifier={},
        after_deictic={},
        needles={},
    )
    words = sorted({w for table in LEX.temporal.values() for w in table})
    words += ["the", "a", "an", "A", "at", "about", "this", "last", "that", "its", "x", "said"]
    words += ["5", "12", "412", "0735", "1998", "2024", "1,100", "310,000", "2.5", "3.30", "7:30"]
    words += ["14%", "5 %", "(603)", "412)", "5-4", "10-day", "2 1/2", "½", "1990s", "’90s"]
    words += ["million", "billion", "times", "people", "percent", "GMT", "Z", "p.m.", "am"]
    words += ["o'clock", "in the morning", "at night", "14th", "3Q08", "2H", "1/2/2024", "\n"]
    # a number's thousands, decimals or range before a word, a comma after a number
    words += ["9–11", "512-41", "2-3", "1,100,", "14,", "2.30", "12.5", "1.000", "until", "till"]
    words += ["from", "between", "a.m", "2–4", "1,000-year", "3.5-4", "5,", "7,5"]
    # "this", "that", "last", "next" before a word that names a time or does not
    words += ["this", "that", "last", "next", "This", "LAST", "past", "coming", "same", "city"]
    words += ["morning", "night", "fiscal", "quarter", "half", "that's", "expected to", "will"]
    words += [
        "this past weekend", "that same quarter", "that most recent quarter", "last fiscal year",
        "next financial year", "this year's", "last half", "this coming spring",
        "last three weeks", "next several years", "that current quarter", "last quarter",
    ]  # fmt: skip
    # a year in digits of two scripts, before a word or a mark that goes on with it
    words += [
        "20٢٤)",
        "20٢٤ %",
        "20٢٤ quarter",
        "٢٠٢٤",
        "٣",
        "and",
        "to",
        "of",
        "per",
        "a.m.",
        "”",
        ")",
        ";",
        "!",
        "?",
        "%",
    ]
    # (known gaps of ``digit_followers``, left out here: after a number, "until" and "till"
    # are no followers, though "between 2 until 4 p.m." is a range; a year written partly in
    # another script's digits, "20٢٤", is read as no year, so "20٢٤ rose" is not tried)
    rng = random.Random(43)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(2, 10))) for _ in range(3000)]
    texts += _examples()[:3] + _case_texts("dates.jsonl")[:400]
    found = 0
    for text in texts:
        lowered = TriggerFinder(text, LEX).lowered_at(0, len(text))
        simple = simple_folds(text)
        want = [(k, m.span()) for k, m in reference.scan(text, 0, len(text))]
        for low in (None, lowered):
            got = [(k, m.span()) for k, m in grammar.scan(text, 0, len(text), simple, low)]
            assert got == want, text
        found += len(want)
    assert found > 3000
