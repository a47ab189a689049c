"""Lexicons: the rules that are data (abbreviations, titles, cue verbs, boilerplate patterns,
temporal words), read from plain-text files in ``newsstruct/lexicons/<lang>/``.

A :class:`Lexicon` is immutable. :func:`load_lexicon` reads a language's files once per process
(the result is cached by language); stages take an optional ``lexicon=`` argument, so a user can
pass an extended copy (see :meth:`Lexicon.extended`) without touching the package.
"""

from __future__ import annotations

import functools
from importlib import resources

import attrs
import regex

SUPPORTED_LANGS = ("en",)

# Inflections generated for a cue-verb lemma written without irregular forms.
_VOWELS = "aeiou"


@attrs.frozen(kw_only=True)
class BoilerplateRule:
    """One boilerplate pattern: a whole stripped line matching ``pattern`` is junk."""

    rule: str
    category: str
    pattern: regex.Pattern[str] = attrs.field(eq=False)


@attrs.frozen(kw_only=True)
class Lexicon:
    """The word lists and patterns of one language.

    Attributes:
        lang: Language code.
        abbreviations: Lower-case abbreviations without their final period ("sen", "u.s").
        titles: Lower-case titles and role words ("secretary of state", "gov.").
        function_words: Lower-case words that open sentences but never names ("but").
        cue_forms: Every inflected form of every cue verb, lower case, mapped to its lemma.
        boilerplate: Boilerplate rules in file order.
        temporal: Temporal words by class: ``temporal["month"]["march"] == "3"``,
            ``temporal["weekday"]["monday"] == "1"``, ``temporal["number"]["three"] == "3"``.
        sentence_starters: Lower-case words that open a new sentence after an abbreviation
            or an initial ("the U.S. It", "you and I. Did").
        number_abbreviations: Abbreviations that never end a sentence before a number
            ("no" in "No. 4", "p" in "p. 55").
        banner_words: Lower-case line openers that are banners, not dateline places
            ("breaking").
    """

    lang: str
    abbreviations: frozenset[str]
    titles: frozenset[str]
    function_words: frozenset[str]
    cue_forms: dict[str, str] = attrs.field(eq=False)
    boilerplate: tuple[BoilerplateRule, ...]
    temporal: dict[str, dict[str, str]] = attrs.field(eq=False)
    sentence_starters: frozenset[str] = frozenset()
    number_abbreviations: frozenset[str] = frozenset()
    banner_words: frozenset[str] = frozenset()

    def extended(
        self,
        *,
        abbreviations: tuple[str, ...] = (),
        titles: tuple[str, ...] = (),
        cue_verbs: tuple[str, ...] = (),
        boilerplate: tuple[tuple[str, str, str], ...] = (),
    ) -> Lexicon:
        """A copy with more entries.

        Args:
            abbreviations: e.g. ``("approx",)``.
            titles: e.g. ``("chief whip",)``.
            cue_verbs: lemmas, inflected automatically (``("quip",)``).
            boilerplate: ``(rule_id, category, pattern)`` triples, case-insensitive regexes
                matched against a whole stripped line.
        """
        cues = dict(self.cue_forms)
        for lemma in cue_verbs:
            for form in inflect(lemma.lower()):
                cues.setdefault(form, lemma.lower())
        rules = self.boilerplate + tuple(
            BoilerplateRule(rule=r, category=c, pattern=_compile_line_pattern(p, True))
            for r, c, p in boilerplate
        )
        return attrs.evolve(
            self,
            abbreviations=self.abbreviations | {a.lower().rstrip(".") for a in abbreviations},
            titles=self.titles | {t.lower() for t in titles},
            cue_forms=cues,
            boilerplate=rules,
        )


def check_lang(lang: object) -> str:
    """Validate a ``lang`` argument.

    Raises:
        TypeError: ``lang`` is not a str.
        ValueError: it names a language newsstruct has no lexicons for.
    """
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a str such as 'en', not {type(lang).__name__}")
    if lang not in SUPPORTED_LANGS:
        raise ValueError(f"unsupported lang {lang!r}; supported: {', '.join(SUPPORTED_LANGS)}")
    return lang


@functools.cache
def load_lexicon(lang: str = "en") -> Lexicon:
    """The packaged lexicon of ``lang``, read once per process."""
    check_lang(lang)
    cues: dict[str, str] = {}
    for line in _data_lines(lang, "cue_verbs.txt"):
        lemma, *irregular = line.lower().split("\t")
        for form in irregular or inflect(lemma):
            cues[form] = lemma
        cues[lemma] = lemma
    rules = []
    for line in _data_lines(lang, "boilerplate.tsv"):
        rule, category, kind, pattern = line.split("\t")
        if kind == "exact":
            pattern = regex.escape(pattern)
        rules.append(
            BoilerplateRule(
                rule=rule,
                category=category,
                pattern=_compile_line_pattern(pattern, kind != "regex-cs"),
            )
        )
    temporal: dict[str, dict[str, str]] = {}
    for line in _data_lines(lang, "temporal.tsv"):
        word, cls, value = line.split("\t")
        temporal.setdefault(cls, {})[word.lower()] = value
    return Lexicon(
        lang=lang,
        abbreviations=frozenset(
            a.lower().rstrip(".") for a in _data_lines(lang, "abbreviations.txt")
        ),
        titles=frozenset(t.lower() for t in _data_lines(lang, "titles.txt")),
        function_words=frozenset(w.lower() for w in _data_lines(lang, "function_words.txt")),
        cue_forms=cues,
        boilerplate=tuple(rules),
        temporal=temporal,
        sentence_starters=_word_set(lang, "sentence_starters.txt"),
        number_abbreviations=_word_set(lang, "number_abbreviations.txt"),
        banner_words=_word_set(lang, "banner_words.txt"),
    )


def inflect(lemma: str) -> tuple[str, ...]:
    """Regular English verb forms: ``warn`` -> warn, warns, warned, warning."""
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return (lemma, third, past, ing)


def _compile_line_pattern(pattern: str, ignore_case: bool) -> regex.Pattern[str]:
    flags = regex.V1 | (regex.IGNORECASE if ignore_case else 0)
    return regex.compile(rf"(?:{pattern})", flags)


def _word_set(lang: str, name: str) -> frozenset[str]:
    return frozenset(line.strip().lower() for line in _data_lines(lang, name))


def _data_lines(lang: str, name: str) -> list[str]:
    text = resources.files(__package__).joinpath(lang, name).read_text(encoding="utf-8")
    return [
        line.rstrip("\n")
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
