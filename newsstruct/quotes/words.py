"""The word lists of the quote stage, read once per lexicon.

Verbs of saying come from the main :class:`~newsstruct.lexicons.Lexicon` (``cue_verbs.txt``,
so ``Lexicon.extended(cue_verbs=...)`` reaches them); the other report verbs
(``reported_cues.tsv``) and the words that shape a source mention (``speaker_words.tsv``) are
data files next to it.
"""

from __future__ import annotations

import functools
from importlib import resources

import attrs
import regex

from ..lexicons import Lexicon, inflect
from ..patterns import compile_re


# (its hash is kept: the readings of coref's runs are cached by it)
@attrs.frozen(kw_only=True, cache_hash=True)
class QuoteWords:
    """Everything the quote stage looks words up in (all lower case).

    Attributes:
        cues: Inflected form -> (lemma, class); class is "speech", "belief", "naming" or
            "manner" (attributes a direct quote only: "she barked").
        phrasal: Inflected verb form -> {particle: lemma} for manner cues that need their
            particle, of one to three words ("shot" + "back" -> "shoot back", "issued" +
            "a statement" -> "issue a statement").
        addressee: Lemmas whose object stands between the cue and the content ("told X").
        adverbs, dets, firms, groups, kin, orgs, stops, inscriptions, media, pasts, persons,
            places, proxies, works: Word classes of ``speaker_words.tsv``.
        gender: Word -> "male" / "female" (titles and role nouns).
        first_names: First name -> the gender it usually carries (``first_names.tsv``).
        pronouns: Pronoun -> what it refers to ("male", "female", "plural", "thing", ...).
        roles: Abbreviated title -> role noun ("sen." -> "senator").
        titles, function_words, abbreviations: From the main lexicon.
    """

    cues: dict[str, tuple[str, str]] = attrs.field(eq=False)
    phrasal: dict[str, dict[str, str]] = attrs.field(eq=False)
    addressee: frozenset[str]
    adverbs: frozenset[str]
    dets: frozenset[str]
    firms: frozenset[str]
    groups: frozenset[str]
    kin: frozenset[str]
    orgs: frozenset[str]
    stops: frozenset[str]
    inscriptions: frozenset[str]
    media: frozenset[str]
    pasts: frozenset[str]
    persons: frozenset[str]
    places: frozenset[str]
    proxies: frozenset[str]
    works: frozenset[str]
    gender: dict[str, str] = attrs.field(eq=False)
    first_names: dict[str, str] = attrs.field(eq=False)
    pronouns: dict[str, str] = attrs.field(eq=False)
    roles: dict[str, str] = attrs.field(eq=False)
    titles: frozenset[str]
    function_words: frozenset[str]
    abbreviations: frozenset[str]

    def cue(self, word: str) -> tuple[str, str] | None:
        """(lemma, class) of a cue form, or None."""
        return self.cues.get(word.lower())

    def quote_cue(self, text: str, s: int, e: int) -> tuple[str, str, int] | None:
        """(lemma, class, end) of the cue at ``text[s:e]``, a phrasal manner verb included
        with its particle ("shot back"; ``end`` is then the particle's end)."""
        low = text[s:e].lower()
        found = self.cues.get(low)
        if found is not None:
            return found[0], found[1], e
        particles = self.phrasal.get(low)
        if particles:
            m = _NEXT_WORDS.match(text, e)
            if m is not None:
                following = [w.lower() for w in m.captures(1)]
                for n in range(len(following), 0, -1):  # the longest particle first
                    lemma = particles.get(" ".join(following[:n]))
                    if lemma is not None:
                        return lemma, "manner", m.ends(1)[n - 1]
        return None


# the words after a verb that may complete it ("back", "a statement"); particles are short
_NEXT_WORDS = compile_re(r"(?:[ \u00a0]+(\p{L}+)){1,3}", regex.V1)


def _rows(lang: str, name: str) -> list[list[str]]:
    base = resources.files("newsstruct.lexicons").joinpath(lang, name)
    text = base.read_text(encoding="utf-8")
    return [
        line.split("\t")
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def quote_words(lexicon: Lexicon) -> QuoteWords:
    """The quote stage's words for ``lexicon`` (cached: lexicons are immutable).

    The cue forms are part of the cache key: ``Lexicon`` equality leaves them out, so an
    extended lexicon would otherwise share the words of the one it extends. They are keyed
    by the identity of their dict (an extended lexicon gets a new one), which stays alive,
    and so unique, as long as the cache holds the lexicon: a frozenset of every form was
    built per call before.
    """
    return _quote_words(lexicon, id(lexicon.cue_forms))


@functools.lru_cache(maxsize=8)
def _quote_words(lexicon: Lexicon, _cue_forms_id: int) -> QuoteWords:
    cues: dict[str, tuple[str, str]] = {}
    phrasal: dict[str, dict[str, str]] = {}
    addressee: set[str] = set()
    for cls, lemma, *irregular in _rows(lexicon.lang, "reported_cues.tsv"):
        if cls == "addressee":
            addressee.add(lemma)
            continue
        verb, _, particle = lemma.partition(" ")
        if particle:
            for form in [verb, *(irregular or inflect(verb))]:
                phrasal.setdefault(form, {})[particle] = lemma
            continue
        for form in [lemma, *(irregular or inflect(lemma))]:
            cues.setdefault(form, (lemma, cls))
    for form, lemma in lexicon.cue_forms.items():
        cues[form] = (lemma, "speech")  # a verb of saying wins over any other class
    classes: dict[str, set[str]] = {}
    gender: dict[str, str] = {}
    pronouns: dict[str, str] = {}
    roles: dict[str, str] = {}
    first_names = dict((name, cls) for cls, name in _rows(lexicon.lang, "first_names.tsv"))
    for cls, word, *value in _rows(lexicon.lang, "speaker_words.tsv"):
        if cls in ("male", "female"):
            gender[word] = cls
        elif cls == "pronoun":
            pronouns[word] = value[0]
        elif cls == "role":
            roles[word] = value[0]
        else:
            classes.setdefault(cls, set()).add(word)
    return QuoteWords(
        cues=cues,
        phrasal=phrasal,
        addressee=frozenset(addressee),
        adverbs=frozenset(classes.get("adverb", ())),
        dets=frozenset(classes.get("det", ())),
        firms=frozenset(classes.get("firm", ())),
        groups=frozenset(classes.get("group", ())),
        kin=frozenset(classes.get("kin", ())),
        orgs=frozenset(classes.get("org", ())),
        stops=frozenset(classes.get("stop", ())),
        inscriptions=frozenset(classes.get("inscription", ())),
        media=frozenset(classes.get("medium", ())),
        pasts=frozenset(classes.get("past", ())),
        persons=frozenset(classes.get("person", ())),
        places=frozenset(classes.get("place", ())),
        proxies=frozenset(classes.get("proxy", ())),
        works=frozenset(classes.get("work", ())),
        gender=gender,
        first_names=first_names,
        pronouns=pronouns,
        roles=roles,
        titles=lexicon.titles,
        function_words=lexicon.function_words,
        abbreviations=lexicon.abbreviations,
    )
