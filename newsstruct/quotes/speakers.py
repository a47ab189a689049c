"""Speakers: recognise a source mention and resolve it to the fullest name the article gives.

The article's people are read once: every run of capitalised words, with the titles in front of
it stripped ("Secretary of State Antony Blinken" -> "Antony Blinken", role "secretary"). A
mention then resolves as

* a full name -> itself ("name"); a surname or shorter form -> the full name ending in it
  ("alias");
* "the secretary", "the mayor" -> the person last introduced with that role ("title");
* "he", "she", "they" -> the previous quote's speaker, else the person last named ("pronoun");
* any other description ("a senior official", "police") -> kept as written ("description").
"""

from __future__ import annotations

import functools

import attrs
import regex

from ..lexicons import Lexicon
from ..records import Span, Speaker

PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_DETERMINERS = frozenset({"the", "a", "an", "one", "two", "three", "several", "some", "many"})
# Words that show a clause, not a noun phrase: "a concern officials have repeatedly warned".
_NOT_IN_DESCRIPTION = frozenset(
    [
        "but",
        "and",
        "or",
        "which",
        "who",
        "that",
        "will",
        "would",
        "have",
        "has",
        "had",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "not",
    ]
)
_CONNECTORS = r"(?:of|de|da|van|von|der|del|la|le|al|bin|ibn|y|du)"
# A capitalised word, or initials ("J.", "J.R.R."); a word ends at a period, except titles
# written with one ("Gov.", "Sen."), which the lexicon lists.
_CAP_WORD = r"(?:\p{Lu}\.(?:\p{Lu}\.)*|\p{Lu}[\p{L}\p{M}'’\-]*(?<![.'’\-]))"


@functools.lru_cache(maxsize=8)
def name_run(lexicon: Lexicon) -> regex.Pattern[str]:
    """A run of capitalised words: a name with the titles in front of it."""
    dotted = sorted(
        (
            regex.escape(t[:-1].capitalize())
            for t in lexicon.titles
            if t.endswith(".") and " " not in t
        ),
        key=len,
        reverse=True,
    )
    word = rf"(?:(?:{'|'.join(dotted)})\.|{_CAP_WORD})" if dotted else _CAP_WORD
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}'’\-]){word}(?:[ \u00a0]+(?:{_CONNECTORS}[ \u00a0]+)?{word}){{0,7}}",
        regex.V1,
    )


@attrs.frozen(kw_only=True)
class Person:
    """A named person of the article: full name, surname, the role nouns of its titles."""

    name: str
    position: int
    roles: frozenset[str]


def strip_title(words: list[str], lexicon: Lexicon) -> tuple[list[str], set[str]]:
    """Split leading title words off a capitalised run; return (name words, role nouns)."""
    roles: set[str] = set()
    lowered = [w.lower() for w in words]
    cut = 0
    i = 0
    while i < len(words):
        matched = 0
        for size in (4, 3, 2, 1):
            if i + size <= len(words) and " ".join(lowered[i : i + size]) in lexicon.titles:
                matched = size
                break
        if matched:
            title = lowered[i : i + matched]
            roles.add(title[0].rstrip("."))
            cut = i = i + matched
        else:
            i += 1
    return words[cut:], roles


def find_people(text: str, lexicon: Lexicon) -> list[Person]:
    """Named people (two or more name words after titles), in order of first mention."""
    people: list[Person] = []
    for m in name_run(lexicon).finditer(text):
        words = m.group().split()
        while words and words[0].lower() in lexicon.function_words:
            words = words[1:]
        name_words, roles = strip_title(words, lexicon)
        name_words = [w for w in name_words if w.lower() not in lexicon.titles]
        if len(name_words) >= 2 and not any(
            w.lower() in lexicon.function_words for w in name_words
        ):
            people.append(
                Person(name=" ".join(name_words), position=m.start(), roles=frozenset(roles))
            )
    return people


def classify_mention(mention: str, lexicon: Lexicon) -> str | None:
    """ "pronoun", "name", "description" or None when the words cannot be a source."""
    words = mention.split()
    if not words or len(words) > 12:
        return None
    first = words[0].lower()
    if len(words) == 1 and first in PRONOUNS:
        return "pronoun"
    if first in _DETERMINERS:
        lowered = {w.lower() for w in words[1:]}
        return None if lowered & _NOT_IN_DESCRIPTION else "description"
    caps = [bool(regex.match(_CAP_WORD, w)) for w in words]
    if all(
        c or w in {"of", "de", "van", "von", "al", "bin"} for c, w in zip(caps, words, strict=True)
    ):
        return "name" if first not in lexicon.function_words else None
    if caps[-1] and caps[0] is False and len(words) <= 6:
        # "union president Rafe Dunmore": lower-case role words, then the name
        k = caps.index(True)
        lowered = {w.lower() for w in words[:k]}
        if all(caps[k:]) and k <= 3 and not lowered & _NOT_IN_DESCRIPTION:
            return "name"
    if first.endswith("s") and first.isalpha() and first.islower() and len(words) <= 4:
        return "description"  # "officials", "police officers", "analysts"
    if first in {"police", "prosecutors", "officials", "authorities", "experts"}:
        return "description"
    return None


def resolve(
    mention: Span,
    kind: str,
    people: list[Person],
    previous: Speaker | None,
    lexicon: Lexicon,
) -> Speaker:
    """Resolve a classified mention (see :func:`classify_mention`) to a Speaker."""
    if kind == "pronoun":
        if previous is not None:
            return Speaker(name=previous.name, mention=mention, resolved_by="pronoun")
        before = [p for p in people if p.position < mention.start]
        if before:
            return Speaker(name=before[-1].name, mention=mention, resolved_by="pronoun")
        return Speaker(name=mention.text, mention=mention, resolved_by="pronoun")
    if kind == "name":
        words, _ = strip_title(mention.text.split(), lexicon)
        words = [w for w in (words or mention.text.split()) if regex.match(_CAP_WORD, w)]
        short = " ".join(words)
        candidates = [p for p in people if p.name == short or p.name.endswith(" " + short)]
        if candidates:
            best = _nearest(candidates, mention.start)
            by = "name" if best.name == short else "alias"
            return Speaker(name=best.name, mention=mention, resolved_by=by)
        return Speaker(name=short, mention=mention, resolved_by="name")
    # "the secretary", "the mayor": a role noun of someone introduced with a title
    words = [w.lower() for w in mention.text.split()]
    if words[0] == "the" and 2 <= len(words) <= 3:
        role = words[-1]
        candidates = [p for p in people if role in p.roles]
        if candidates:
            best = _nearest(candidates, mention.start)
            return Speaker(name=best.name, mention=mention, resolved_by="title")
    return Speaker(name=mention.text, mention=mention, resolved_by="description")


def _nearest(candidates: list[Person], position: int) -> Person:
    before = [p for p in candidates if p.position <= position]
    return before[-1] if before else candidates[0]
