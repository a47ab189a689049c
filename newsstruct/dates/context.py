"""What a mention's surroundings say: the tense of its clause, and the speech date of a quote.

The tense is read from the nearest tense-bearing word, looking alternately right and left
within the clause (``;``, quote marks and line ends bound it): modals and plan words ("will",
"would", "plans", "scheduled", "until") make it ``future``; "is"/"are" and present verbs of
schedules ("opens", "begins") ``present``; past forms (the lexicon's irregular ones, or a
lower-case word ending in -ed) and perfects ``past``. A reporting verb after a comma ("…
Friday, she said") belongs to the attribution, not to the clause, and is skipped.
"""

from __future__ import annotations

import regex

from ..lexicons import Lexicon

_TOKEN = regex.compile(
    r"[\p{L}]+(?:['’][\p{L}]+)?|['’](?:ll|ve|re|m|d)(?![\p{L}])|[,;:()\"“”«»—]|\n[ \t]*\n"
)
_BOUNDARY = frozenset(';:()"“”«»—')
_WINDOW = 8
_REPORTING = frozenset(
    ["said", "says", "say", "told", "added", "adds", "according", "noted", "explained", "stated"]
)
# Lower-case words ending in -ed that are not past verbs.
_NOT_PAST_ED = frozenset(
    [
        "need",
        "indeed",
        "hundred",
        "speed",
        "proceed",
        "exceed",
        "succeed",
        "seed",
        "breed",
        "bleed",
        "feed",
        "weed",
        "creed",
        "greed",
        "shed",
        "embed",
        "bed",
        "red",
        "bred",
        "fled",
        "shred",
        "sled",
        "wed",
        "deed",
        "heed",
        "steed",
        "reed",
        "tweed",
        "freed",
        "united",
        "limited",
        "related",
        "based",
        "detailed",
        "advanced",
        "skilled",
        "talented",
        "renowned",
        "noted",
        "beloved",
        "supposed",
        "alleged",
        "so-called",
        "naked",
        "wicked",
        "sacred",
        "rugged",
        "ragged",
        "crooked",
        "learned",
        "aged",
        "preferred",
        "proposed",
        "combined",
        "estimated",
        "adjusted",
        "diluted",
        "restated",
        "unaudited",
        "unrelated",
        "undisclosed",
        "unspecified",
        "unidentified",
        "unnamed",
        "armed",
        "wounded",
        "injured",
        "accused",
        "indicted",
        "elected",
        "appointed",
        "designated",
        "required",
    ]
)
_DETERMINERS = frozenset(["the", "a", "an", "its", "his", "her", "their", "our", "this", "that"])
# A participle after these is passive or infinitive, not a past tense ("to be completed").
_NOT_FINITE_BEFORE = frozenset(
    ["be", "been", "being", "to", "will", "would", "could", "should", "may", "might", "must",
     "can", "'ll", "is", "are", "am", "get", "gets"]
)  # fmt: skip
# "plans to", "expected to", "set to", "is to": a plan, so the clause looks ahead. A past
# form ("vowed to") looks ahead only for what follows it, not for a date before it.
_PLAN_TO = frozenset(
    [
        "plan",
        "plans",
        "intend",
        "intends",
        "expect",
        "expects",
        "set",
        "hope",
        "hopes",
        "aim",
        "aims",
        "promise",
        "promises",
        "pledge",
        "pledges",
        "vow",
        "vows",
        "threaten",
        "threatens",
        "going",
        "about",
        "supposed",
        "is",
        "are",
        "due",
        "scheduled",
        "slated",
        "poised",
    ]
)
_PLANNED_TO = frozenset(
    [
        "planned",
        "intended",
        "expected",
        "hoped",
        "aimed",
        "promised",
        "pledged",
        "vowed",
        "threatened",
        "agreed",
        "decided",
        "offered",
        "wanted",
        "sought",
        "tried",
    ]
)
_PAST_AUX = frozenset(["was", "were", "had", "been"])
# A clause opening to the right of a mention is not the mention's clause.
_CLAUSE_OPENERS = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "because",
        "although",
        "though",
        "while",
        "if",
        "when",
        "where",
        "whereas",
        "but",
        "whether",
    ]
)
# "... and would ask": after "and", these open a clause of their own.
_NEW_CLAUSE = frozenset(
    """will would could should may might must can did had has have was were is are he she
    they it we i then""".split()  # noqa: SIM905
)
_PRESENT_REACH = 3  # "is"/"are" govern a mention only from just before it


def clause_tense(text: str, lo: int, hi: int, start: int, end: int, lex: Lexicon) -> str | None:
    """The tense of the clause holding ``text[start:end]``, searched within ``text[lo:hi]``.

    Returns "past", "present", "future" or None (no tense word nearby).

    >>> from newsstruct.lexicons import load_lexicon
    >>> s = "The council will meet on Thursday, the mayor said."
    >>> clause_tense(s, 0, len(s), s.index("Thursday"), s.index(","), load_lexicon())
    'future'
    """
    tense_words = lex.temporal["tense"]
    left = [m for m in _TOKEN.finditer(text, max(lo, start - 120), start)][::-1][: _WINDOW + 2]
    right = list(_TOKEN.finditer(text, end, min(hi, end + 120)))[: _WINDOW + 2]
    sides = [left, right]
    stopped = [False, False]
    comma_seen = [False, False]
    for i in range(_WINDOW + 2):
        for side in (0, 1):
            if stopped[side] or i >= len(sides[side]):
                continue
            tok = sides[side][i].group()
            if tok in _BOUNDARY or tok.startswith("\n"):
                stopped[side] = True
                continue
            if tok == ",":
                comma_seen[side] = True
                continue
            word = tok.lower().replace("’", "'")
            toks = sides[side]
            nxt = _neighbour(toks, i, side, +1)
            if side == 1 and (
                word in _CLAUSE_OPENERS
                or (comma_seen[1] and word in _REPORTING)
                or (word in ("and", "or") and nxt in _NEW_CLAUSE)
            ):
                stopped[1] = True
                continue
            prev = _neighbour(toks, i, side, -1)
            cls = tense_words.get(word)
            if nxt == "to" and (word in _PLAN_TO or (side == 0 and word in _PLANNED_TO)):
                cls = "future"
            elif word in ("soon", "early") and nxt == "as" and prev == "as":
                cls = "future"  # "as soon as Tuesday", "as early as Tuesday"
            elif cls == "present" and (side == 1 or i >= _PRESENT_REACH):
                cls = None
            elif cls is None and _looks_past(tok, word, prev):
                cls = "past"
            elif cls == "past" and prev in _NOT_FINITE_BEFORE:
                cls = None  # "would be paid": a participle
            if cls is None:
                continue
            if cls == "perfect":
                return "past"
            if cls == "future" and (
                prev in _PAST_AUX or _neighbour(toks, i, side, -2) in _PAST_AUX
            ):
                return "past"  # "was scheduled to", "had been due to": a plan of the past
            return cls
    return None


def _neighbour(tokens: list[regex.Match[str]], i: int, side: int, step: int) -> str | None:
    """The word ``step`` tokens after (+) or before (-) ``tokens[i]`` in text order."""
    j = i - step if side == 0 else i + step
    if 0 <= j < len(tokens):
        return tokens[j].group().lower().replace("’", "'")
    return None


def _looks_past(tok: str, word: str, prev: str | None) -> bool:
    if len(word) <= 4 or not word.endswith("ed") or tok[0].isupper() or word in _NOT_PAST_ED:
        return False
    # "the scheduled vote": an adjective; "to be completed": passive or infinitive.
    return prev not in _DETERMINERS and prev not in _NOT_FINITE_BEFORE
