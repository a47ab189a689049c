"""Every regular expression of the package, run against adversarial strings under a timeout.

Patterns are found, not listed: module-level compiled patterns of every newsstruct module,
patterns built from the lexicon by cached one-argument factories (``f(lexicon)``), and the
boilerplate rules of the lexicon file. Each is run over strings built to provoke
catastrophic backtracking (long runs of one character class, of near-misses, of quote marks
and dots) the way the package runs it: code patterns are searched through the whole string,
boilerplate rules are matched against a whole line. The timeout is a hang guard, far above
what a linear pattern needs; speed is measured in the benchmarks.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
import regex

import newsstruct
from conftest import read_cases
from newsstruct.lexicons import BOILERPLATE_LANGS, load_boilerplate_rules, load_lexicon

TIMEOUT = 5.0  # seconds per pattern and string: a hang guard, not a speed target
# Patterns the package only runs over a slice of fixed size; audited on strings of that size.
BOUNDED = {
    "newsstruct.dates.relative._QUANTITY_BEFORE": 24,  # the 24 characters before a duration
    "newsstruct.quotes.mentions._TIME_BACK": 120,  # the end of a clause, back from a cue
    "newsstruct.dates.days._NAME_BEFORE": 20,  # the 20 characters before a weekday
    "newsstruct.dates.days._DAY_WORD_AFTER": 24,  # the 24 characters after a clock time
    "newsstruct.dates.named._LEVEL_AFTER": 20,  # the 20 characters after a year
}
# Long enough that a pattern quadratic in a run of one character class (two adjacent
# quantifiers that can split the run every way) needs far more than TIMEOUT, while a linear
# one needs milliseconds: the audit tells the two apart without timing anything finely.
N = 80_000

ADVERSARIAL = {
    "letters": "a" * N,
    # letters that full case folding can read two ways ("ß" folds to "ss", "ﬁ" to "fi"): a
    # case-insensitive class repeated over them may split the run every way
    "folding letters": "s" * N,
    "folding pairs": "st" * (N // 2),
    # the same runs inside a word that ends a phrase before a comma, where patterns anchored
    # at a clause's end ("…, ") engage: the exponential shape the fuzzer found in a role
    # pattern (case-insensitive, over "By Priya iiii…Castellane, ")
    "folding run before a comma": "By Ada " + "i" * (N // 2) + "son, ",
    "folding s run before a comma": "By Ada " + "s" * (N // 2) + "t, ",
    "capitals": "A" * N,
    "capital words": "Ada " * (N // 4),
    "title case run": "Ada Marsh Lena Osei " * (N // 20),
    "digits": "1" * N,
    "spaces": " " * N,
    "newlines": "\n" * N,
    "dots": "." * N,
    "spaced dots": ". " * (N // 2),
    "initials": "A." * (N // 2),
    "straight quotes": '"' * N,
    "curly alternating": "“”" * (N // 2),
    "curly open": "“" * N,
    "apostrophes": "'" * N,
    "dashes": "—" * N,
    "commas": ", " * (N // 2),
    "said chains": "said Ada, " * (N // 10),
    "numbers and words": "3 p.m. Monday, " * (N // 15),
    "almost a date": "March 1" * (N // 7),
    "nested parens": "(" * (N // 2) + ")" * (N // 2),
    "unicode mix": "e\u0301שלום👍🏽\u200b" * (N // 10),
}


def _patterns() -> tuple[dict[str, regex.Pattern[str]], dict[str, regex.Pattern[str]]]:
    """(patterns searched through text, whole-line boilerplate rules)."""
    lex = load_lexicon()
    found: dict[str, regex.Pattern[str]] = {}
    for info in pkgutil.walk_packages(newsstruct.__path__, "newsstruct."):
        if info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra's module
            continue
        for name, value in vars(module).items():
            if isinstance(value, regex.Pattern):
                found[f"{info.name}.{name}"] = value
            elif isinstance(value, functools._lru_cache_wrapper) and _takes_one(value):
                try:
                    built = value(lex)
                except Exception:
                    continue
                if isinstance(built, regex.Pattern):
                    found[f"{info.name}.{name}(lexicon)"] = built
    lines = {
        f"{lang}/boilerplate.tsv:{rule.rule}": rule.pattern
        for lang in BOILERPLATE_LANGS
        for rule in load_boilerplate_rules(lang)
    }
    return found, lines


def _takes_one(fn: object) -> bool:
    try:
        return len(inspect.signature(fn).parameters) == 1
    except (TypeError, ValueError):
        return False


PATTERNS, LINE_RULES = _patterns()


def test_patterns_were_found():
    assert len(PATTERNS) >= 20, sorted(PATTERNS)
    assert len(LINE_RULES) >= 20, sorted(LINE_RULES)


def test_bounded_patterns_exist():
    """A pattern moved or renamed must not leave its bound behind (it would then be audited on
    the whole string, or a new pattern of the old name on a short one)."""
    assert set(BOUNDED) <= set(PATTERNS), sorted(set(BOUNDED) - set(PATTERNS))


def _scans(qualified: str) -> bool:
    """True when the package searches text with this pattern (``.search``, ``.finditer``,
    ``.sub``, ...); False when it only matches at a given position (``.match``,
    ``.fullmatch``), as for patterns read over a bounded window after a cue."""
    module_name, _, name = qualified.partition("(")[0].rpartition(".")
    source = inspect.getsource(importlib.import_module(module_name))
    used = set(regex.findall(rf"\b{regex.escape(name)}(?:\([^()]*\))?\.(\w+)\(", source))
    return not used or bool(used - {"match", "fullmatch"})


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_survives_adversarial_strings(name):
    """Scanning patterns run through the whole string; position patterns at its start."""
    pattern = PATTERNS[name]
    scans = _scans(name)
    for label, text in ADVERSARIAL.items():
        text = text[: BOUNDED.get(name, len(text))]
        try:
            if scans:
                for _ in pattern.finditer(text, timeout=TIMEOUT):
                    pass
            else:
                pattern.match(text, timeout=TIMEOUT)
        except TimeoutError:
            how = "searching" if scans else "matching at one position in"
            pytest.fail(f"{name} backtracks {how} {label!r} ({len(text)} chars)")


# Boilerplate rules only run on lines of up to a few hundred characters (their length gates
# turn longer ones away at once), so they are also run on lines of such lengths: a run of one
# class alone, after a sentence (whose end, "… rally. ", many caption and credit rules need
# before their name and credit parts) and glued to a word after it, where such a rule fails
# only after trying every split of the run. A linear rule takes microseconds on such a line;
# one that split a run of capitals every way into names took 14 s on 190 characters.
LINE_TIMEOUT = 1.0
LINE_LENGTHS = (60, 90, 150, 300)
LINE_LEADS = (
    "",
    "The mayor spoke at the rally. ",
    "The mayor spoke at the rally. Then she said",
    "press@",
)


@pytest.mark.parametrize("name", sorted(LINE_RULES))
def test_line_rule_survives_adversarial_lines(name):
    pattern = LINE_RULES[name]
    for label, text in ADVERSARIAL.items():
        try:
            pattern.fullmatch(text, timeout=TIMEOUT)
            pattern.match(text, timeout=TIMEOUT)
        except TimeoutError:
            pytest.fail(f"{name} backtracks on the line {label!r} ({len(text)} chars)")
        for lead in LINE_LEADS:
            for size in LINE_LENGTHS:
                line = (lead + text)[:size]
                for tail in ("", "x", "."):
                    try:
                        pattern.fullmatch(line[: size - len(tail)] + tail, timeout=LINE_TIMEOUT)
                    except TimeoutError:
                        pytest.fail(
                            f"{name} backtracks on a line of {size} characters: {lead!r} and "
                            f"{label!r}"
                        )


# Full case folding (on for case-insensitive V1 patterns) made the regex module try every way
# through a class of letters and spaces repeated after a rule's own words ("Follow us on "
# then a run of "s": minutes a line). Each rule is run on the words of its positive cases,
# cut after every word, then such a run: this reaches the repeats a generic lead does not.
FOLD_RUNS = ("s", "ß", "st", "fi")


def _case_lines() -> dict[str, list[str]]:
    lines: dict[str, list[str]] = {}
    for table in sorted(Path(__file__).parent.joinpath("cases").glob("boilerplate*.jsonl")):
        for row in read_cases(table.name):
            for hit in row.get("boilerplate", ()):
                lines.setdefault(hit["rule"], []).append(hit["text"])
    return lines


CASE_LINES = _case_lines()


@pytest.mark.parametrize("name", sorted(LINE_RULES))
def test_line_rule_survives_folding_runs_after_its_own_words(name):
    pattern = LINE_RULES[name]
    for line in CASE_LINES.get(name.partition(":")[2], ()):
        cuts = [m.end() for m in regex.finditer(r"\S+ ?", line)][:10]
        for cut in cuts:
            for run in FOLD_RUNS:
                text = (line[:cut] + run * 100)[:100]
                try:
                    pattern.fullmatch(text, timeout=LINE_TIMEOUT)
                except TimeoutError:
                    pytest.fail(f"{name} backtracks on {text[:40]!r}… ({len(text)} chars)")
