"""Lexicons: the rules that are data (abbreviations, titles, cue verbs, boilerplate patterns,
temporal words), read from plain-text files in ``newsstruct/lexicons/<lang>/``.

A :class:`Lexicon` is immutable. :func:`load_lexicon` reads a language's files once per process
(the result is cached by language); stages take an optional ``lexicon=`` argument, so a user can
pass an extended copy (see :meth:`Lexicon.extended`) without touching the package.

A user lexicon is a directory holding files with the packaged names and formats, each optional
(``cue_verbs.txt``, ``titles.txt``, ``boilerplate.tsv``, ...); ``load_lexicon("en",
extra=directory)`` and :meth:`Lexicon.extended_from` add its entries to the packaged ones.
Lexicons compare by value (dict fields included), so caches keyed on a lexicon never mistake an
extended copy for the packaged one.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import regex

from ..patterns import compile_data, compile_re

SUPPORTED_LANGS = ("en",)
# Languages with a packaged boilerplate rule file (``<lang>/boilerplate.tsv``); a language
# here need not have the other files. ``find_boilerplate`` runs the rules of all of them by
# default: a page's furniture is often in another language than its reader expects.
BOILERPLATE_LANGS = ("en", "de", "ru")

# Inflections generated for a cue-verb lemma written without irregular forms.
_VOWELS = "aeiou"


@attrs.frozen(kw_only=True)
class BoilerplateRule:
    """One boilerplate pattern: a whole stripped line matching ``pattern`` is junk."""

    rule: str
    category: str
    # Compared by source and flags: unpickled regex patterns are not equal to their originals.
    pattern: regex.Pattern[str] = attrs.field(eq=lambda p: (p.pattern, p.flags))


@attrs.frozen(kw_only=True, cache_hash=True)
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
        final_abbreviations: Abbreviations that end a sentence before a quote opening with a
            capital ("jr" in "said Arthur Reed Jr. “It is …").
        banner_words: Lower-case line openers that are banners, not dateline places
            ("breaking").
        dateline_regions: Lower-case regions a title-case dateline names after its place
            ("ore.", "iowa": "Harbor City, Ore. —").
    """

    lang: str
    abbreviations: frozenset[str]
    titles: frozenset[str]
    function_words: frozenset[str]
    cue_forms: dict[str, str] = attrs.field(hash=False)
    boilerplate: tuple[BoilerplateRule, ...]
    temporal: dict[str, dict[str, str]] = attrs.field(hash=False)
    sentence_starters: frozenset[str] = frozenset()
    number_abbreviations: frozenset[str] = frozenset()
    final_abbreviations: frozenset[str] = frozenset()
    banner_words: frozenset[str] = frozenset()
    dateline_regions: frozenset[str] = frozenset()

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
            cue_verbs: lemmas, inflected automatically (``("tut",)``).
            boilerplate: ``(rule_id, category, pattern)`` triples, case-insensitive regexes
                matched against a whole stripped line.

        Raises:
            TypeError: a word list given as one string rather than a tuple of strings.
            ValueError: a boilerplate rule that is not a triple, whose pattern does not
                compile, or whose id is already used.
        """
        words = {"abbreviations": abbreviations, "titles": titles, "cue_verbs": cue_verbs}
        for name, given in words.items():
            if isinstance(given, str) or not all(isinstance(w, str) for w in given):
                raise TypeError(f"{name} must be a tuple of str such as ('approx',), not {given!r}")
        cues = dict(self.cue_forms)
        for lemma in cue_verbs:
            for form in inflect(lemma.lower()):
                cues.setdefault(form, lemma.lower())
        added = tuple(_user_rule(rule) for rule in boilerplate)
        taken = {r.rule for r in self.boilerplate}
        for r in added:
            if r.rule in taken:
                raise ValueError(f"boilerplate rule {r.rule!r}: the id is already used")
            taken.add(r.rule)
        return attrs.evolve(
            self,
            abbreviations=self.abbreviations | {a.lower().rstrip(".") for a in abbreviations},
            titles=self.titles | {t.lower() for t in titles},
            cue_forms=cues,
            boilerplate=self.boilerplate + added,
        )

    def extended_from(self, directory: str | os.PathLike[str]) -> Lexicon:
        """A copy with the entries of a user lexicon directory added.

        The directory holds files named and formatted like the packaged ones in
        ``newsstruct/lexicons/en/``, each optional: word lists (``abbreviations.txt``,
        ``titles.txt``, ``cue_verbs.txt``, ...) and tables (``boilerplate.tsv``,
        ``temporal.tsv``); ``#`` starts a comment line. Word lists are added to the packaged
        sets, cue-verb and temporal entries override packaged ones of the same word, and
        boilerplate rules run after the packaged rules.

        >>> import pathlib, tempfile
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "cue_verbs.txt").write_text("tut\\ttuts\\ttutted\\ttutting\\n")
        >>> lex = load_lexicon("en").extended_from(d)
        >>> lex.cue_forms["tutted"], "tutted" in load_lexicon("en").cue_forms
        ('tut', False)

        Raises:
            FileNotFoundError: ``directory`` is not a directory.
            ValueError: a file has a name the packaged lexicon does not use (or one of the
                quote stage's word lists, not extensible yet), a line with the
                wrong number of tab-separated fields, a pattern that does not compile, a
                boilerplate rule id already in use, or an unknown temporal class.
        """
        root = Path(directory)
        if not root.is_dir():
            raise FileNotFoundError(f"user lexicon directory not found: {root}")
        for path in sorted(root.iterdir()):
            if path.name in _NOT_EXTENSIBLE:
                raise ValueError(
                    f"{path}: the quote stage's word lists cannot be extended from a directory "
                    "yet; add verbs of saying to cue_verbs.txt and titles to titles.txt"
                )
            if path.suffix in (".txt", ".tsv") and path.name not in _FIELDS:
                known = ", ".join(sorted(_FIELDS))
                raise ValueError(f"{path}: not a lexicon file name; expected one of {known}")
        user = _read(self.lang, functools.partial(_user_lines, root))
        taken = {r.rule for r in self.boilerplate}
        for r in user.boilerplate:
            if r.rule in taken:
                raise ValueError(f"{root / 'boilerplate.tsv'}: rule id {r.rule!r} is already used")
            taken.add(r.rule)
        unknown = set(user.temporal) - set(self.temporal)
        if unknown:
            raise ValueError(
                f"{root / 'temporal.tsv'}: unknown temporal class(es) {sorted(unknown)}; "
                f"known: {sorted(self.temporal)}"
            )
        merged: dict[str, Any] = {
            name: _merge(getattr(self, name), getattr(user, name)) for name in set(_FIELDS.values())
        }
        return attrs.evolve(self, **merged)


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


def lexicon_for(lexicon: object, lang: str) -> Lexicon:
    """The ``lexicon`` a caller passed, else the packaged lexicon of ``lang``.

    Raises:
        TypeError: ``lexicon`` is not a :class:`Lexicon` (a directory is read first with
            ``load_lexicon(lang, extra=directory)``).
    """
    if lexicon is None:
        return load_lexicon(lang)
    if not isinstance(lexicon, Lexicon):
        raise TypeError(
            "lexicon must be a Lexicon, such as load_lexicon('en', extra='my_lexicon/'), "
            f"not {type(lexicon).__name__}"
        )
    return lexicon


def load_lexicon(lang: str = "en", *, extra: str | os.PathLike[str] | None = None) -> Lexicon:
    """The packaged lexicon of ``lang`` (read once per process), plus a user directory.

    Args:
        lang: Language code ("en").
        extra: A user lexicon directory whose entries are added to the packaged ones (see
            :meth:`Lexicon.extended_from`); read on every call, so load it once and pass the
            result to ``structure(..., lexicon=)``.
    """
    check_lang(lang)
    packaged = _packaged(lang)
    return packaged if extra is None else packaged.extended_from(extra)


@functools.cache
def _packaged(lang: str) -> Lexicon:
    return _read(lang, functools.partial(_data_lines, lang))


def _read(lang: str, lines: Callable[[str], list[str]]) -> Lexicon:
    """Build a Lexicon from the files ``lines(name)`` gives (the packaged or a user's)."""
    cues: dict[str, str] = {}
    for line in lines("cue_verbs.txt"):
        lemma, *irregular = line.lower().split("\t")
        for form in irregular or inflect(lemma):
            cues[form] = lemma
        cues[lemma] = lemma
    rules = _boilerplate_rules(lines("boilerplate.tsv"))
    temporal: dict[str, dict[str, str]] = {}
    for line in lines("temporal.tsv"):
        word, cls, value = line.split("\t")
        temporal.setdefault(cls, {})[word.lower()] = value
    return Lexicon(
        lang=lang,
        abbreviations=frozenset(a.lower().rstrip(".") for a in lines("abbreviations.txt")),
        titles=frozenset(t.lower() for t in lines("titles.txt")),
        function_words=frozenset(w.lower() for w in lines("function_words.txt")),
        cue_forms=cues,
        boilerplate=rules,
        temporal=temporal,
        sentence_starters=_word_set(lines, "sentence_starters.txt"),
        number_abbreviations=_word_set(lines, "number_abbreviations.txt"),
        final_abbreviations=_word_set(lines, "final_abbreviations.txt"),
        banner_words=_word_set(lines, "banner_words.txt"),
        dateline_regions=_word_set(lines, "dateline_regions.txt"),
    )


def _boilerplate_rules(rows: list[str]) -> tuple[BoilerplateRule, ...]:
    rules = []
    for line in rows:
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
    return tuple(rules)


@functools.cache
def load_boilerplate_rules(lang: str) -> tuple[BoilerplateRule, ...]:
    """The packaged boilerplate rules of one language of ``BOILERPLATE_LANGS``, in file order.

    >>> load_boilerplate_rules("de")[0].rule.startswith("de-")
    True

    Raises:
        ValueError: no packaged boilerplate rules for ``lang``.
    """
    if lang not in BOILERPLATE_LANGS:
        known = ", ".join(BOILERPLATE_LANGS)
        raise ValueError(f"no packaged boilerplate rules for {lang!r}; packaged: {known}")
    return _boilerplate_rules(_data_lines(lang, "boilerplate.tsv"))


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


# Case-insensitive boilerplate rules fold case one character for one ("(?-f)" turns off the
# full case folding V1 implies): under full folding a class of letters and spaces repeated
# after a literal tried every split of a run of "s" ("Follow us on sss…": minutes a line).
# A rule spells out a word's "ss" form beside its "ß" one.
LINE_FOLDING = "(?-f)"


def _user_rule(rule: object) -> BoilerplateRule:
    """A ``(rule_id, category, pattern)`` triple given to :meth:`Lexicon.extended`."""
    if isinstance(rule, str) or not (
        isinstance(rule, Sequence) and len(rule) == 3 and all(isinstance(f, str) for f in rule)
    ):
        raise ValueError(
            f"boilerplate rule {rule!r}: expected a (rule_id, category, pattern) triple of str"
        )
    rule_id, category, pattern = rule
    try:
        compiled = _compile_line_pattern(pattern, True)
    except regex.error as exc:
        raise ValueError(f"boilerplate rule {rule_id!r}: pattern does not compile: {exc}") from None
    return BoilerplateRule(rule=rule_id, category=category, pattern=compiled)


def _compile_line_pattern(pattern: str, ignore_case: bool) -> regex.Pattern[str]:
    if ignore_case:
        return compile_data(rf"{LINE_FOLDING}(?:{pattern})", regex.V1 | regex.IGNORECASE)
    return compile_data(rf"(?:{pattern})", regex.V1)


def _word_set(lines: Callable[[str], list[str]], name: str) -> frozenset[str]:
    return frozenset(line.strip().lower() for line in lines(name))


# Which Lexicon field each file feeds (a user directory may hold any of them).
_FIELDS = {
    "abbreviations.txt": "abbreviations",
    "banner_words.txt": "banner_words",
    "boilerplate.tsv": "boilerplate",
    "cue_verbs.txt": "cue_forms",
    "dateline_regions.txt": "dateline_regions",
    "final_abbreviations.txt": "final_abbreviations",
    "function_words.txt": "function_words",
    "number_abbreviations.txt": "number_abbreviations",
    "sentence_starters.txt": "sentence_starters",
    "temporal.tsv": "temporal",
    "titles.txt": "titles",
}
# Tab-separated fields a line of a table must have.
_COLUMNS = {"boilerplate.tsv": 4, "temporal.tsv": 3}
# Packaged files read by the quote stage itself (newsstruct/quotes/words.py).
_NOT_EXTENSIBLE = frozenset({"first_names.tsv", "reported_cues.tsv", "speaker_words.tsv"})


def _user_lines(root: Path, name: str) -> list[str]:
    """The entries of one user file ([] when it is absent), checked line by line."""
    path = root / name
    if not path.is_file():
        return []
    out = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if name.endswith(".txt"):
            raw = raw.strip()
        fields = raw.split("\t")
        want = _COLUMNS.get(name)
        if want is not None and len(fields) != want:
            raise ValueError(
                f"{path}:{number}: expected {want} tab-separated fields, got {len(fields)}"
            )
        if name == "boilerplate.tsv":
            if fields[2] not in ("regex", "regex-cs", "exact"):
                raise ValueError(f"{path}:{number}: kind must be regex, regex-cs or exact")
            if fields[2] != "exact":
                try:
                    compile_re(fields[3], regex.V1)
                except regex.error as exc:
                    raise ValueError(f"{path}:{number}: pattern does not compile: {exc}") from None
        out.append(raw)
    return out


def _merge(base: object, more: object) -> object:
    """Packaged entries plus a user's: sets join, dicts update, tuples concatenate."""
    if isinstance(base, frozenset) and isinstance(more, frozenset):
        return base | more
    if isinstance(base, tuple) and isinstance(more, tuple):
        return base + more
    if isinstance(base, dict) and isinstance(more, dict):
        merged = dict(base)
        for key, value in more.items():
            old = merged.get(key)
            merged[key] = _merge(old, value) if isinstance(old, dict) else value
        return merged
    raise TypeError(f"cannot merge {type(base).__name__} with {type(more).__name__}")


def _data_lines(lang: str, name: str) -> list[str]:
    text = resources.files(__package__).joinpath(lang, name).read_text(encoding="utf-8")
    return [
        line.rstrip("\n")
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
