"""Source mentions: the noun phrase that names who is speaking.

A mention is read from word tokens, never by a parser: a pronoun ("she"), a name with the
titles and role words in front of it ("Tulsa police Chief Dana Ruiz", "Obama's former campaign
strategist"), an organisation ("the Harbor Gazette", "the Office for National Statistics"), a
group ("officials") or a description ("a senior county official"). Three readers are offered:
the phrase that ends right before a cue (``Mayor Ines Calloway said``), the phrase that starts
right after one (``said Mayor Ines Calloway``), and the subject that opens a clause (for "X …,
saying" and "X … but said").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

import attrs
import regex

from ..patterns import compile_re
from .words import QuoteWords

# A word (letters or digits, inner hyphens, apostrophes, slashes, "&" and digit separators),
# or any other single non-space character.
# A word: runs of word characters, joined by "." or "," before a digit ("3.5", "1,200");
# written as runs (not one character at a time) for speed; every repetition is possessive.
# A period right after a word is matched with it (group "dot"): a title or an initial keeps it.
_TOKEN = compile_re(
    r"(?P<w>[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-/]*+(?:[.,](?=\p{N})[\p{L}\p{M}\p{N}'’\-/]*+)*+)"
    r"(?P<dot>\.)?|(?P<p>\S)",
    regex.V1,
)
# The same tokens for the standard library's faster engine, where every character is plain
# (see _plain_token_char): the classes read alike there. Its repetitions are greedy (``re``
# has possessive ones from Python 3.11 only); nothing after them can fail, so they match as
# the possessive ones do.
_PLAIN_TOKEN = re.compile(r"(?P<w>\w[\w'’\-/]*(?:[.,](?=\d)[\w'’\-/]*)*)(?P<dot>\.)?|(?P<p>\S)")
_WORD_FIRST = compile_re(r"[\p{L}\p{N}]", regex.V1)
_WORD_INNER = compile_re(r"[\p{L}\p{M}\p{N}]", regex.V1)
_NUMBER = compile_re(r"\p{N}", regex.V1)
_SPACE = compile_re(r"\s", regex.V1)
_RE_WORD = re.compile(r"\w")
_RE_DIGIT = re.compile(r"\d")
_RE_SPACE = re.compile(r"\s")
# distinct characters classified one by one, at most: a text with more (random text, many
# scripts) is read with _TOKEN alone
_MAX_CLASSIFIED = 2000
# particles inside a person's name ("Pim de Ruiter"); with "of" and "for", the words that join
# the capitalised parts of a name ("Bank of England")
NAME_PARTICLES = frozenset(["de", "da", "van", "von", "der", "del", "la", "le", "al", "bin", "du"])
_CONNECTORS = NAME_PARTICLES | {"of", "for"}
# Times and settings that may stand between a source and its cue ("said Monday", "in a
# statement"); read from the end of the text before a cue, or from the start after it.
_SETTING_NOUNS = (
    r"(?:statement|interview|tweet|letter|e-?mail|speech|post|release|op-ed|memo|remarks"
    r"|briefing|video|note|message|filing|report|column|essay|editorial|broadcast|podcast"
    r"|conference\s+call|phone\s+call|call|news\s+conference|press\s+conference|rally|hearing"
    r"|event|forum|meeting|debate|address|appearance|session|gathering|update|bulletin"
    r"|advisory|announcement|newsletter)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TIME = (
    rf"(?:(?:on\s+|late\s+|early\s+|later\s+|earlier\s+)?{_WEEKDAY}"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:this|last|next|earlier\s+this|later\s+this)\s+(?:past\s+)?(?:week|month|year|morning|afternoon"
    r"|evening|night|weekend|spring|summer|fall|autumn|winter)"
    r"|(?:yesterday|today|tonight)"
    r"|(?:on|via)\s+(?:Twitter|Facebook|Instagram|TikTok|YouTube|X(?![\p{L}\p{N}])|Threads"
    r"|Bluesky|LinkedIn|Reddit|Telegram|WhatsApp|Snapchat|Mastodon|Truth\s+Social"
    r"|social\s+media)"
    r"|(?:(?:earlier|later)\s+)?(?:in|at|during)\s+(?:a|an|the|his|her|their|its|our)\s+"
    r"(?:[\p{L}\-’']+\s+){0,3}?"
    + _SETTING_NOUNS
    # each capitalised word whole: a run of capitals split every way was quartic
    + r"(?:\s+(?:with|to|on|in)\s+(?:\p{Lu}[\p{L}’'.\-]*(?![\p{L}’'.\-])\s*){1,4})?"
    # "in a statement (posted) on its website": where the statement was put out
    r"(?:(?:\s+(?:posted|published|released|issued|shared))?\s+(?:on|to|via)\s+(?:its|his|her"
    r"|their|the|a|an)\s+(?:official\s+)?(?:website|site|web\s+page|page|account|channel"
    r"|feed|blog|app)\b)?"
    # "reported Wednesday in the journal Polar Biology": where the words were published
    r"|in\s+(?:the|a)\s+(?:journal|magazine|newspaper)(?:\s+\p{Lu}[\p{L}’'.\-]*){1,4})"
)
# the audience after a setting read after a cue ("…, she wrote in a note to clients."); not
# read back before a cue, where "put it in his memo to employees, explaining" would skip to "it"
_AUDIENCE = (
    r"(?:\s+(?:with|to)\s+(?:(?:its|his|her|their)\s+)?(?:clients|investors|shareholders"
    r"|employees|staff|members|supporters|customers|colleagues|followers|readers|subscribers"
    r"|donors|reporters|journalists)\b)?"
)
_SETTING_AFTER = compile_re(rf"(?:(?:\s*+,\s++|\s++){_TIME}{_AUDIENCE})+(?=[\s,.:;]|$)", regex.V1)


@attrs.frozen(kw_only=True)
class Mention:
    """A source mention.

    Attributes:
        start, end: The mention's span.
        kind: "name", "org", "pronoun", "group" or "description".
        head: The capitalised run that names the source (``(start, end)``), if any.
    """

    start: int
    end: int
    kind: str
    head: tuple[int, int] | None = None


Token = tuple[int, int, bool]  # start, end, is a word


class Doc:
    """The text and its tokens, read once per call; windows are sliced from them.

    Attributes:
        text: The text.
        words: The quote stage's word lists.
    """

    __slots__ = ("_classified", "_skipped", "_starts", "_toks", "leads", "text", "words")

    def __init__(self, text: str, words: QuoteWords, lo: int = 0, hi: int | None = None):
        self.text = text
        self.words = words
        self._toks = tokens(text, lo, len(text) if hi is None else hi, words)
        self._starts = [t[0] for t in self._toks]
        self._skipped: dict[tuple[int, int], int] = {}  # skip_back's answers for this text
        # classify's answers for this text: a noun phrase is often read twice (a sentence's
        # subject for the gender of its pronouns, then as the source of its cue)
        self._classified: dict[tuple[int, int], Mention | None] = {}
        # what opens each sentence, read once for all its cues (see reported._lead_words)
        self.leads: dict[tuple[int, int], tuple[int, int, int]] = {}

    def tokens(self, lo: int, hi: int) -> list[Token]:
        """The tokens that lie inside ``[lo, hi)``."""
        i = bisect.bisect_left(self._starts, lo)
        j = bisect.bisect_left(self._starts, hi, i)
        while j > i and self._toks[j - 1][1] > hi:
            j -= 1
        return self._toks[i:j]


def tokens(text: str, lo: int, hi: int, words: QuoteWords) -> list[Token]:
    """(start, end, is_word) tokens of ``text[lo:hi]``; a title or initial keeps its period.

    ``_TOKEN`` gives the tokens. The standard library's faster engine reads them alike
    wherever every character is plain (see :func:`_plain_token_char`), so a text of plain
    characters is read with ``_PLAIN_TOKEN``; in any other text, the lines that hold an odd
    character are read with ``_TOKEN`` (no token crosses a line break).
    """
    chars = set(text[lo:hi])
    if len(chars) > _MAX_CLASSIFIED:
        return _read(_TOKEN, text, lo, hi, words)
    odd = {c for c in chars if not _plain_token_char(c)}
    if not odd:
        return _read(_PLAIN_TOKEN, text, lo, hi, words)
    out: list[Token] = []
    start = lo
    while start < hi:
        end = text.find("\n", start, hi)
        end = hi if end < 0 else end + 1  # the line with its break
        plain = odd.isdisjoint(text[start:end])
        out += _read(_PLAIN_TOKEN if plain else _TOKEN, text, start, end, words)
        start = end
    return out


@functools.lru_cache(maxsize=4096)
def _plain_token_char(c: str) -> bool:
    """Whether ``_TOKEN`` and ``_PLAIN_TOKEN`` read the character ``c`` alike: a letter or a
    digit to one is one to the other (and no mark: ``_TOKEN`` joins marks to a word), a digit
    (``\\p{N}``) to one is one to the other, and so is a space."""
    word = _WORD_FIRST.match(c) is not None
    return (
        word == (_WORD_INNER.match(c) is not None) == (_RE_WORD.match(c) is not None)
        and (_NUMBER.match(c) is not None) == (_RE_DIGIT.match(c) is not None)
        and (_SPACE.match(c) is not None) == (_RE_SPACE.match(c) is not None)
    )


def _read(
    pattern: regex.Pattern[str] | re.Pattern[str], text: str, lo: int, hi: int, words: QuoteWords
) -> list[Token]:
    """The tokens ``pattern`` (``_TOKEN`` or ``_PLAIN_TOKEN``) finds in ``text[lo:hi]``."""
    out: list[Token] = []
    if lo >= hi:
        return out
    append = out.append
    for m in pattern.finditer(text, lo, hi):
        kind = m.lastgroup
        if kind != "dot":
            append((m.start(), m.end(), kind == "w"))
            continue
        s, e = m.span()  # a word and the period after it
        if _keeps_period(text, s, e - 1, words):
            append((s, e, True))
        else:
            append((s, e - 1, True))
            append((e - 1, e, False))
    return out


def _keeps_period(text: str, s: int, e: int, words: QuoteWords) -> bool:
    if e - s == 1:
        return text[s].isupper()
    low = text[s:e].lower()
    return low in words.abbreviations or low + "." in words.titles or low + "." in words.roles


# how far from a mention the word lookups below read: a few articles' worth, so a text of
# megabytes costs each lookup the same (a lookup through all of it, once per mention, was
# quadratic)
NEAR = 20_000


def word_starts(
    text: str, word: str, lo: int, hi: int, *, ignore_case: bool = False
) -> Iterator[int]:
    """Where ``word`` (one word or several) stands whole in ``text[lo:hi]``, clamped to the
    text: no letter or digit touches it. A substring search, no pattern built per word (which
    would fill the ``regex`` module's shared cache, see :mod:`newsstruct.patterns`)."""
    lo, hi = max(0, lo), min(len(text), hi)
    if not word:
        return
    # the text itself is searched in place; only a search ignoring case reads a lowered copy
    # of the window, ``base`` characters into the text
    if ignore_case:
        hay, needle, base = text[lo:hi].lower(), word.lower(), lo
    else:
        hay, needle, base = text, word, 0
    stop = hi - base
    i = hay.find(needle, lo - base, stop)
    while i >= 0:
        k, j = base + i, base + i + len(needle)
        if (k == 0 or not text[k - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
            yield k
        i = hay.find(needle, i + 1, stop)


def is_cap(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isupper() for c in word))


def _word(text: str, tok: tuple[int, int, bool]) -> str:
    w = text[tok[0] : tok[1]]
    # "US Senator Tomas Wendell": the country written without periods, never the pronoun
    return "U.S." if w == "US" else w


def verbish(low: str, words: QuoteWords) -> bool:
    """A lower-case word that ends a noun phrase read forwards (a verb, most likely)."""
    return (
        low in words.stops
        or low in words.adverbs
        or words.cue(low) is not None
        or low.endswith(("ed", "ly", "n't", "n’t"))  # "didn't", "can’t": an auxiliary
    )


# what may follow a name written in the possessive form ("Harrow's said", "Marlowe's, the
# auction house,", "said Pellini's.", "Harrow's on Monday said", "Harrow's has said"): a mark,
# a preposition or an auxiliary, where an owner's noun would stand
_AFTER_NAME = compile_re(
    r"[ \u00a0]*+(?:[,.;:!?)\]\"”]|['’](?!\p{L})|$|(?:on|in|at|to|for|from|with|by|also|has|had"
    r"|have|is|was|will|would)\b)",
    regex.V1,
)
# what may open a verb's complement: a mark (not a quote mark: "Ruiz's alleged “paramours”"),
# "that", a pronoun, an article or a preposition
_AFTER_VERB = compile_re(
    r"[ \u00a0]*+(?:[,.;:!?]|$|(?:that|it|he|she|they|we|I|this|the|a|an|on|in|at|to"
    r"|for|with|by)\b)",
    regex.V1,
)
# cue forms that are verbs only (no noun, no adjective: "Reel's comments", "the reported
# losses")
_VERB_ONLY = frozenset(["said", "says", "told"])


def verb_after_owner(text: str, pos: int, words: QuoteWords) -> bool:
    """The cue form at ``pos``, after a word in "'s", is a verb, whose subject that word is
    ("Harrow's said", "Pellini's warned that"; "Tom's said" is "Tom has said"): a form that
    is a verb only, or a past form (no base form, no "-ing" noun: "Ruiz's warning") that
    opens no noun phrase, only its complement ("Harrow's reported a loss", not "Harrow's
    reported losses")."""
    m = _WORD_AT.match(text, pos)
    if m is None:
        return False
    form = m.group().lower()
    if form in _VERB_ONLY:
        return True
    lemma = words.cue(form)
    return (
        lemma is not None
        and form != lemma[0]
        and not form.endswith(("ing", "s"))
        and _AFTER_VERB.match(text, m.end()) is not None
    )


def named_possessive(text: str, end: int, words: QuoteWords) -> bool:
    """The "'s" that ends at ``end`` ends a name ("Harrow's said", "Marlowe's, the auction
    house, said", "said Pellini's."), not an owner whose noun follows ("Harrow's analysts",
    "Ruiz's lawyer") nor "is" ("Ruiz's not sure", "Tom's been"): a mark, a preposition, an
    auxiliary or a verb of saying follows (see :func:`verb_after_owner`)."""
    if not text.endswith(("'s", "’s"), 0, end):
        return False
    if _AFTER_NAME.match(text, end) is not None:
        return True
    nxt = _NEXT_WORD.match(text, end)
    return nxt is not None and verb_after_owner(text, nxt.start(1), words)


_WORD_AT = compile_re(r"\p{L}++", regex.V1)
_NEXT_WORD = compile_re(r"[ \u00a0]++(\p{L})", regex.V1)


def _org_with_and(doc: Doc, toks: list[tuple[int, int, bool]], k: int) -> int:
    """Where a capitalised run that ends at ``toks[k:]`` starts when an "and" before it joins
    the domains of one organisation ("the Department of Health and Human Services", "the
    Centers for Disease Control and Prevention") or of a group ("Ministers of Health and
    Finance"); else ``k``."""
    text, words = doc.text, doc.words
    if not (0 < k - 1 < len(toks) - 1 and toks[k - 1][2] and _word(text, toks[k - 1]) == "and"):
        return k
    nxt = _word(text, toks[k]).lower()
    if nxt in words.titles or nxt in words.first_names:
        return k  # "the Department of Health and Mayor Ana Ruiz": two sources
    j = k - 1
    while j > 0 and toks[j - 1][2]:
        w = _word(text, toks[j - 1])
        if not (is_cap(w) or w in ("of", "for")):
            break
        j -= 1
    run = [_word(text, t).lower() for t in toks[j : k - 1]]
    if any(
        (run[i].removesuffix("s") in words.orgs or run[i] in words.groups)
        and run[i + 1] in ("of", "for")
        and i + 2 < len(run)
        for i in range(len(run) - 1)
    ):
        return j
    return k


def classify(doc: Doc, toks: list[tuple[int, int, bool]]) -> Mention | None:
    """What the tokens ``toks`` (one noun phrase, a run of ``doc``'s tokens) name, or None
    when they name no source."""
    if not toks:
        return None
    key = (toks[0][0], toks[-1][1])  # a run of the text's tokens is known by its ends
    if key in doc._classified:
        return doc._classified[key]
    found = doc._classified[key] = _classify(doc, toks)
    return found


def _classify(doc: Doc, toks: list[tuple[int, int, bool]]) -> Mention | None:
    text, words = doc.text, doc.words
    while len(toks) > 1 and _word(text, toks[0]).lower() in CLAUSE_ADVERBS:
        toks = toks[1:]  # "where local party leaders say", "Now Ostrand says": the adverb
    if not toks:
        return None
    first = _word(text, toks[0]).lower()
    start, end = toks[0][0], toks[-1][1]
    counted = _quantity(doc, toks, 0)
    if counted and len(toks) > counted + 1:
        # "about 50 protesters", "more than 100 residents": the counted noun phrase
        rest = classify(doc, toks[counted:])
        return attrs.evolve(rest, start=start) if rest is not None else None
    if len(toks) == 1 and first in words.pronouns:
        return Mention(start=start, end=end, kind="pronoun")
    contraction = _CONTRACTION.fullmatch(first)
    if contraction is not None and contraction.group(1) in words.pronouns:
        return None  # "It’s", "That's", "We'll", "I'm": a pronoun and a verb, no mention
    if (
        len(toks) == 1
        and _DATE_NAME.fullmatch(text, start, end)
        and _DATE_PREP.search(text, max(0, start - 12), start)
    ):
        return None  # "one in September that said", "in July, which showed": a date
    if len(toks) == 1 and first in _NAME_LIKE_STOPS and _word(text, toks[0])[:1].isupper():
        return Mention(start=start, end=end, kind="name", head=(start, end))  # "Will said"
    if (first in words.pronouns and first not in words.dets) or (
        first in words.stops and first not in words.dets and not _first_name(doc, toks)
    ):
        return None  # "her" opens a phrase as a determiner: "her campaign manager Tomas Reel"
    # the words, as is and lower case, read once for the tests below
    ws = [_word(text, t) for t in toks]
    lows = [w.lower() for w in ws]
    # the trailing capitalised run is the head ("Tulsa police Chief Dana Ruiz")
    k = len(toks)
    while k > 0 and (
        # "Calder & Wynne": an ampersand between capitalised words joins one name
        (
            text[toks[k - 1][0]] == "&"
            and k < len(toks)
            and k - 1 > 0
            and toks[k - 2][2]
            and is_cap(ws[k - 2])
        )
        or (
            toks[k - 1][2]
            and (
                is_cap(ws[k - 1])
                or (
                    lows[k - 1] in _CONNECTORS
                    and k < len(toks)
                    and k - 1 > 0
                    and (
                        is_cap(ws[k - 2])
                        # "Ana de la Cruz": two particles in a row
                        or (k - 2 > 0 and lows[k - 2] in _CONNECTORS and is_cap(ws[k - 3]))
                    )
                )
                # "the Council for a Cleaner Harbor": "for" and an article inside the name
                or (
                    lows[k - 1] in ("a", "an")
                    and k < len(toks)
                    and k - 2 > 0
                    and lows[k - 2] == "for"
                    and is_cap(ws[k - 3])
                )
            )
        )
    ):
        k -= 1
    k = _org_with_and(doc, toks, k)
    last = ws[-1]
    last_low = last.lower().rstrip(".")
    has_det = first in words.dets
    if has_det and k == 0 and len(toks) > 1:
        k = 1  # "The Harbor Gazette": the article is not part of the name
    link = lows[1] if len(toks) > 2 else ""
    if (first in words.groups and link in _GROUP_LINKS) or (
        link in ("of", "for")
        and (first in words.groups or (first.endswith("s") and first[:-1] in words.persons))
        and not any(w.removesuffix("s") in words.orgs for w in lows[2:])
    ):
        # "Residents of Lower Quay", "Parents of Kessler Elementary pupils": people told by
        # where they live or belong, not a name with "of" inside; "Friends of Ada Marsh",
        # "Lawyers for Tomas Reyl": people told by whom they stand by, who is not the
        # speaker (but "Lawyers for Calder Bank" speak for the bank)
        return Mention(start=start, end=end, kind="description")
    if k < len(toks):
        head = (toks[k][0], end)
        head_words = ws[k:]
        if (
            has_det
            and k >= 3
            and lows[k - 1] in ("of", "for")
            and lows[k - 2] not in words.proxies
            and any(
                person_noun(low, words) or low in words.groups
                for low in lows[max(1, k - 3) : k - 1]
            )
        ):
            # "the mayor of Harrowgate", "a friend of Tom Riley", "the chief executive of
            # Acme", "the family of Tom Reel": people of their own, described by whom they
            # serve or know; but "a spokeswoman for Acme" is Acme's voice, and "the city of
            # Nice" is Nice
            return Mention(start=start, end=end, kind="description")
        if (
            has_det
            and k >= 3
            and lows[k - 1] == "at"
            and lows[k - 2] not in words.proxies
            and lows[k - 2] not in words.media
        ):
            # "a former accountant at Tresham Logistics", "an analyst at Brevik Capital": a
            # person described by where they work; "a spokesman at the ministry" is the
            # ministry's voice, as "a spokesman for" is
            return Mention(start=start, end=end, kind="description")
        if has_det and _published_in(text, toks, k):
            # "a study published Wednesday in the Journal of Aging Research": the study is
            # the source, the journal only carries it; "a survey released Tuesday": no name
            return Mention(start=start, end=end, kind="description")
        if _org_like(head_words, words) or (
            has_det and k == 1 and not _title_only(head_words, words)
        ):
            return Mention(start=start, end=end, kind="org", head=head)
        if has_det and _title_only(head_words, words):
            return Mention(start=start, end=end, kind="description")
        if (
            has_det
            and k >= 3
            and lows[k - 1] in _PLACE_PREPOSITIONS
            and lows[k - 2] not in words.media
        ):
            # "a senior diplomat in Kestova", "a farmer from Tolliver County": a person
            # described by a place, not the place ("an email from Ada Kasich" is hers)
            return Mention(start=start, end=end, kind="description")
        if len(head_words) == 1 and head_words[0].lower() in words.groups:
            return Mention(start=start, end=end, kind="group")
        if head_words[0].lower() in words.function_words and len(head_words) == 1:
            return None
        return Mention(start=start, end=end, kind="name", head=head)
    if first in words.dets or (first[:1].isdigit() and len(toks) > 1):
        if len(toks) == 1:
            return None
        return Mention(start=start, end=end, kind="description")  # "a spokesman", "21 percent"
    if last_low in words.groups or (
        len(toks) <= 3 and last_low.endswith("s") and any(w in words.groups for w in lows)
    ):
        return Mention(start=start, end=end, kind="group")
    # a possessive opens a description: "Obama's former campaign strategist"
    if any(w.endswith(("'s", "’s")) and is_cap(w) for w in ws[:-1]):
        return Mention(start=start, end=end, kind="description")
    if (
        len(toks) > 1
        and last.islower()
        and last_low in words.orgs
        and all(
            t[2]
            and low not in words.stops
            and (
                is_cap(w)
                or (last_low in _OUTLETS and not verbish(low, words))  # not "told local media"
            )
            for t, w, low in zip(toks[:-1], ws[:-1], lows[:-1], strict=True)
        )
    ):
        # an organisation told by what it is: "State media", "local radio" (an outlet after
        # any modifier), "the Clinton campaign" without its article (after a name only)
        return Mention(start=start, end=end, kind="description")
    return None


# the organisations that carry the news, which any adjective may modify as a source
_OUTLETS = frozenset(["media", "press", "radio", "television", "tv"])


# participles that say where or when a study, report or poll came out
_PUBLISHED = frozenset(["published", "released", "issued", "posted", "printed", "presented"])


def _published_in(text: str, toks: list[tuple[int, int, bool]], k: int) -> bool:
    """A publication participle stands between the article and the capitalised run at ``k``,
    and the run is a time ("a survey released Tuesday") or follows "in" / "on" (the medium it
    came out in), not "by" (its authors: "a report released by the Corvane Institute")."""
    lows = [_word(text, t).lower() for t in toks[1:k]]
    if not any(w in _PUBLISHED for w in lows):
        return False
    head = [_word(text, t).lower() for t in toks[k:]]
    if all(w in _TIME_OPENERS for w in head):
        return True
    before = [w for w in lows if w not in ("the", "a", "an")]
    return bool(before) and before[-1] in ("in", "on")


def person_noun(low: str, words: QuoteWords) -> bool:
    """A noun or title for one person: "mayor", "friend", "wife", "chief"."""
    return low in words.persons or low in words.titles or low in words.gender


def _first_name(doc: Doc, toks: list[tuple[int, int, bool]]) -> bool:
    """A capitalised first word that is also a stop word opens a name ("Will Danton", "May
    Lin") when a capitalised word that is not a stop word follows it."""
    text, words = doc.text, doc.words
    if len(toks) < 2 or not toks[1][2] or not is_cap(_word(text, toks[0])):
        return False
    if _word(text, toks[0]).lower() not in _NAME_LIKE_STOPS:
        return False  # "Of Dunmore, Levin said": a preposition opens no name
    nxt = _word(text, toks[1])
    return (
        is_cap(nxt) and nxt.lower() not in words.stops and nxt.lower() not in words.function_words
    )


# a word and a verb written as one ("it's", "we'll", "they're", "I'm", "she'd", "we've")
_CONTRACTION = compile_re(r"(\w++)['’](?:s|ll|re|ve|d|m)", regex.V1)

_PLACE_PREPOSITIONS = frozenset(["in", "from", "near"])

# the words after a plural group noun that say where its people belong
_GROUP_LINKS = frozenset(["of", "in", "from", "at", "near", "across", "around", "outside"])

# adverbs (and "where") that open a clause before its subject, no part of the source
CLAUSE_ADVERBS = frozenset(
    ["where", "whereas", "now", "soon", "perhaps", "maybe", "ultimately", "then", "still"]
)
# a month or a weekday after a preposition that dates something: not a source ("by" and
# "from" also name an author or a source: "a letter from June")
DATE_NAME = (
    rf"(?:{_WEEKDAY}|January|February|March|April|May|June|July|August|September|October"
    r"|November|December)"
)
_DATE_NAME = compile_re(DATE_NAME, regex.V1)
_DATE_PREP = compile_re(r"(?r)\b(?:in|on|since|until|through|during|last|next)\s+$", regex.V1)
# stop words that are also first names
_NAME_LIKE_STOPS = frozenset(["will", "may", "can", "june", "april", "august", "don", "bill"])


def _org_like(head_words: list[str], words: QuoteWords) -> bool:
    last = head_words[-1].lower()
    if last in words.orgs:
        return True
    return (
        len(head_words) == 1
        and len(head_words[0]) >= 2
        and head_words[0].isupper()
        and head_words[0].isalpha()
        and last not in words.titles  # "the CEO said": a role, not an acronym's organisation
    )


def _title_only(head_words: list[str], words: QuoteWords) -> bool:
    low = " ".join(w.lower() for w in head_words)
    return low in words.titles or all(w.lower() in words.titles for w in head_words)


def np_before(doc: Doc, lo: int, end: int) -> Mention | None:
    """The mention ending at ``end`` (adverbials, appositions and asides before a cue skipped),
    when a clause boundary stands before it."""
    m = _np_before(doc, lo, end)
    if m is None:
        m = _share_before(doc, lo, end)
    if m is not None and m.start > 0 and doc.text[m.start - 1] == "‘":
        # Tommy ‘The Hammer’ Rourke said: the nickname's closing mark read as an apostrophe;
        # the name after it is the mention
        close = doc.text.rfind("’ ", m.start, m.end)
        if close > 0 and doc.text[close + 2 : close + 3].isupper():
            named = (close + 2, m.head[1]) if m.head is not None and m.head[0] < close else m.head
            m = attrs.evolve(m, start=close + 2, head=named)
    if m is not None and m.kind in ("name", "org"):
        m = _with_nickname(doc, lo, m)
    if m is None or not _CORP_SUFFIX.fullmatch(doc.text, m.start, m.end):
        return m
    # "Brightwater Robotics, Inc. (NASDAQ: BWRX) announced": the suffix ends the company name
    comma = _COMMA_END.search(doc.text, max(lo, m.start - 4), m.start)
    head = _np_before(doc, lo, comma.start()) if comma is not None else None
    if head is None or head.kind not in ("name", "org"):
        return m
    return Mention(start=head.start, end=m.end, kind="org", head=(head.start, m.end))


# a share of the people polled, as the subject of their answer: "Six in 10 voters said",
# "nearly half said", "47% say", "a majority of residents say", "two-thirds of the members
# said"; read back from the cue over a bounded stretch
_SHARE_BEFORE = compile_re(
    r"(?r)(?<![\p{L}\p{N}\-])(?:(?i:nearly|about|almost|roughly|around|only|just|over|under"
    r"|more\s+than|fewer\s+than|less\s+than)\s+)?"
    r"(?:(?i:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out\s+of)\s+"
    r"(?:\d{1,3}|three|four|five|ten)|(?i:half)|\d{1,3}(?:\.\d{1,2})?\s?%"
    r"|(?i:a)\s+(?:majority|minority)|(?i:majorities|minorities)"
    r"|(?i:a|one|two)[\s\-](?:thirds?|quarters?|fifths?)|(?i:three)[\s\-]quarters)"
    r"(?:\s+of(?:\s+(?:the|those|all|their))?)?((?:\s+[\p{L}\-]{1,30}){0,4})$",
    regex.V1,
)
# how far back a share's words are looked for
_SHARE_REACH = 80


def _share_before(doc: Doc, lo: int, end: int) -> Mention | None:
    """A share of a polled group ending at ``end``, the subject of what it said ("Nine in 10
    said", "about half of the voters say"), when no other mention ends there; its words
    after the share are nouns, not a verb or a function word ("won half the seats and")."""
    end = skip_back(doc, lo, end)
    m = _SHARE_BEFORE.search(doc.text, max(lo, end - _SHARE_REACH), end)
    if m is None:
        return None
    tail = m.group(1).lower().split()
    if tail[:1] == ["of"]:  # the reverse match may read "of the" into the noun's words
        tail = tail[2:] if tail[1:2] and tail[1] in ("the", "those", "all", "their") else tail[1:]
    words = doc.words
    if any(verbish(w, words) or w in words.function_words for w in tail):
        return None
    start = m.start()
    if doc.text[lo:start].strip() and not _SHARE_OPENS.search(doc.text, max(lo, start - 12), start):
        return None  # "cut the deficit by half said": a share inside a phrase, no subject
    return Mention(start=start, end=m.end(), kind="group")


# what may stand right before a share that opens the clause (when it is not its start): a
# comma or a conjunction ("but six in 10 said")
_SHARE_OPENS = compile_re(r"(?r)(?:[,;:(\n—–]|\b(?i:and|but|while|whereas|yet))\s*$", regex.V1)


def _with_nickname(doc: Doc, lo: int, m: Mention) -> Mention:
    """``m`` with the name before a nickname in quote marks: Marcia "Cia" Price, State Rep.
    Marcia "Cia" Price, Tommy ‘The Hammer’ Rourke."""
    nick = _NICKNAME_BEFORE.search(doc.text, max(lo, m.start - 40), m.start)
    if nick is None:
        return m
    first = _np_before(doc, lo, nick.start())
    if first is None or first.kind != "name" or first.end != nick.start():
        return m
    head = (first.head[0] if first.head is not None else first.start, m.end)
    return Mention(start=first.start, end=m.end, kind="name", head=head)


# a nickname's words, set in quote marks between a first name and the surname: one or two
# capitalised words (Marcia "Cia" Price, Tommy ‘The Hammer’ Rourke)
NICKNAME_WORDS = r"\p{Lu}[\p{L}\p{M}\-]{0,30}(?:[ \u00a0]\p{Lu}[\p{L}\p{M}\-]{0,30})?"
# a nickname between a first name and the surname, right before the surname
_NICKNAME_BEFORE = compile_re(
    rf"(?r)(?<=\p{{Lu}}\p{{Ll}}*)[ \u00a0]+[\"“‘']{NICKNAME_WORDS}[\"”’'][ \u00a0]+$",
    regex.V1,
)


# the legal form that ends a company's name ("Inc.", "Ltd", "GmbH")
CORPORATE_SUFFIX = r"(?:Inc|Ltd|LLC|L\.L\.C|Corp|Co|Plc|PLC|plc|LP|L\.P|AG|SA|S\.A|GmbH|NV|N\.V)\.?"
_CORP_SUFFIX = compile_re(CORPORATE_SUFFIX, regex.V1)
_COMMA_END = compile_re(r"(?r),\s*$", regex.V1)


def _np_before(doc: Doc, lo: int, end: int) -> Mention | None:
    text, words = doc.text, doc.words
    end = skip_back(doc, lo, end)
    toks = doc.tokens(lo, end)
    if not toks:
        return None
    i = len(toks) - 1
    if not toks[i][2]:
        return None
    low = _word(text, toks[i]).lower()
    if low in words.pronouns:
        return classify(doc, toks[i : i + 1])
    j = _np_start_back(doc, toks, i)
    if j is None:
        return None
    if _org_with_and(doc, toks, j) < j:
        # "the Centers for Disease Control and Prevention said": one organisation, when a
        # clause boundary stands before it (else the run after "and" is read as before)
        start = _np_start_back(doc, toks, j - 2)
        if start is not None and (start == 0 or _boundary_before(doc, toks, start)):
            j = start
        elif start is not None:
            # the run after "and" ends the name of an organisation inside a phrase: after a
            # preposition the organisation is what the phrase names ("A 2009 report by the
            # Center for Economic and Policy Research found"); after a verb it is an object
            # ("President Obama, dedicating the Museum of History and Culture, said")
            before = _word(text, toks[start - 1]).lower() if toks[start - 1][2] else ""
            return classify(doc, toks[start : i + 1]) if before in _ORG_OF_PHRASE else None
    if j >= 1 and toks[j - 1][2] and _word(text, toks[j - 1]) == "state":
        # "state health officials said", "the state wildlife agency said": "state" is a
        # noun, not the cue; a people's or country's name may stand before it ("Kestovan
        # state media reported")
        k = j - 1
        while (
            k >= 1
            and toks[k - 1][2]
            and is_cap(_word(text, toks[k - 1]))
            and _word(text, toks[k - 1]).lower() not in words.stops
            and _word(text, toks[k - 1]).lower() not in words.function_words
        ):
            k -= 1
        if k >= 1 and toks[k - 1][2] and _word(text, toks[k - 1]).lower() in words.dets:
            k -= 1
        if k == 0 or _boundary_before(doc, toks, k):
            j = k
            if low in words.orgs and classify(doc, toks[j : i + 1]) is None:
                # "Kestovan state media reported", "state television said": an outlet the
                # state runs, named by what it is
                return Mention(start=toks[j][0], end=toks[i][1], kind="description")
    j = _published_head(doc, toks, j)
    if j == 0 or _boundary_before(doc, toks, j):
        return classify(doc, toks[j : i + 1])
    if _authored_by(doc, toks, j):
        # "A report by the Harbor Institute found": the author of the work speaks
        m = classify(doc, toks[j : i + 1])
        if m is not None and m.kind in ("name", "org"):
            return m
    # no clause boundary before the phrase ("In a Harbor News interview Dunmore declared"):
    # the capitalised run that ends it may still be the subject
    k = i
    while k > j and (
        (toks[k - 1][2] and is_cap(_word(text, toks[k - 1])))
        or (text[toks[k - 1][0]] == "&" and k - 1 > j)  # "Calder & Wynne": one name
    ):
        k -= 1
    if not is_cap(_word(text, toks[k])):
        return None
    if (
        k == j
        and not (
            # "a claim Danescu called": a name after a noun that is also a cue (a relative clause
            # with no "that")
            k >= 2
            and toks[k - 1][2]
            and toks[k - 2][2]
            and _word(text, toks[k - 1]).islower()
            and words.cue(_word(text, toks[k - 1])) is not None
            and _word(text, toks[k - 2]).lower() in words.dets
        )
        and not state_title(doc, toks, k)
    ):
        return None
    prev = _word(text, toks[k - 1]).lower() if toks[k - 1][2] else ""
    if (prev in words.stops and prev != "of") or prev in words.dets:
        return None
    m = classify(doc, toks[k : i + 1])
    return m if m is not None and m.kind in ("name", "org") else None


# works that speak for their authors: "A report by the Harbor Institute found"
_AUTHORED = frozenset(
    [
        "analysis",
        "assessment",
        "audit",
        "census",
        "estimate",
        "forecast",
        "investigation",
        "paper",
        "poll",
        "report",
        "review",
        "study",
        "survey",
    ]
)
# words that may stand between a work and "by": "released Tuesday", "published last week"
_AUTHORED_GAP = 4


def _authored_by(doc: Doc, toks: list[tuple[int, int, bool]], j: int) -> bool:
    """The phrase at token ``j`` follows "by" after a work that opens the clause: "A 2009
    report by …", "A survey released Tuesday by …" (the work, its determiner and a few words
    after it)."""
    text = doc.text
    if j < 2 or not toks[j - 1][2] or _word(text, toks[j - 1]).lower() != "by":
        return False
    for w in range(j - 2, max(-1, j - 2 - _AUTHORED_GAP), -1):
        if not toks[w][2]:
            return False
        low = _word(text, toks[w]).lower()
        if low in _AUTHORED or low.removesuffix("s") in _AUTHORED:  # "analysis", "reports"
            k = w
            while k > 0 and w - k < 3 and toks[k - 1][2] and not _boundary_before(doc, toks, k):
                k -= 1  # "A new 2009 report"
            return k == 0 or _boundary_before(doc, toks, k)
    return False


# the prepositions that join an organisation to the phrase it names the source in ("A report
# by the Center for Economic and Policy Research", "analysts at the ...")
_ORG_OF_PHRASE = frozenset(["by", "at", "for", "of", "from", "with"])

# the part of a month or year a study came out in ("in late August")
_PARTS = frozenset(["early", "mid", "late"])


def _published_head(doc: Doc, toks: list[tuple[int, int, bool]], j: int) -> int:
    """Where the phrase starts when the one that opens at token ``j`` names only where a study
    came out ("A study of 12,000 nurses published Monday in the Northern Journal"): the
    phrase before the participle, if one opens there; else ``j``."""
    text, words = doc.text, doc.words
    if j < 3 or not toks[j - 1][2] or _word(text, toks[j - 1]).lower() not in ("in", "on"):
        return j
    first = j + (_word(text, toks[j]).lower() in words.dets or _word(text, toks[j]) in _PARTS)
    if not all(is_cap(_word(text, t)) or _word(text, t) in _CONNECTORS for t in toks[first:]):
        return j  # "in the Northern Journal", "in late August"; not "in March quote Trump"
    for p in range(j - 2, max(0, j - 5), -1):
        if toks[p][2] and _word(text, toks[p]).lower() in _PUBLISHED:
            if p == 0 or not toks[p - 1][2]:
                return j
            start = _np_start_back(doc, toks, p - 1)
            return start if start is not None else j
    return j


def state_title(doc: Doc, toks: list[tuple[int, int, bool]], k: int) -> bool:
    """``state Rep. Dana Ruiz``: "state" before a title is a noun, not the cue "state"."""
    text, words = doc.text, doc.words
    if not 0 < k < len(toks) or not toks[k - 1][2] or _word(text, toks[k - 1]) != "state":
        return False  # (nothing after "state": no title)
    title = _word(text, toks[k]).lower()
    if k + 1 < len(toks) and _word(text, toks[k + 1]) == ".":
        title += "."
    return title in words.roles or title in words.titles


def np_ending(doc: Doc, lo: int, end: int) -> Mention | None:
    """The noun phrase that ends at ``end``, whatever stands before it: the antecedent of a
    relative pronoun ("an endorsement from Mike Lenn, who", "by a message that")."""
    toks = doc.tokens(lo, end)
    if not toks or not toks[-1][2]:
        return None
    j = _np_start_back(doc, toks, len(toks) - 1)
    return classify(doc, toks[j:]) if j is not None else None


def coordinated(doc: Doc, lo: int, mention: Mention) -> Mention:
    """``mention`` joined with the name or organisation coordinated before it ("Rafe Dunmore
    and Lucinda Farrow", "Harlow Trust and Calder Bank"), or a possessive's phrase with the
    source it points back to ("The mayor and her aides"): one source of kind "group"; else
    ``mention`` itself. A list of three or more that opens its clause ("Ada Marsh, Tom Penn and
    Rafe Dunmore") is one source too."""
    possessive = mention.kind in ("description", "group") and (
        _POSSESSIVE_OPENING.match(doc.text, mention.start, mention.end) is not None
    )
    if mention.kind not in ("name", "org") and not possessive:
        return mention
    m = _AND_BEFORE.search(doc.text, max(lo, mention.start - 8), mention.start)
    if m is None:
        return mention
    first = np_before(doc, lo, m.start())
    if first is None or first.kind not in (_POSSESSOR_KINDS if possessive else ("name", "org")):
        return mention
    start = first.head[0] if possessive and first.head is not None else first.start
    while not possessive:
        # a list: "Ada Marsh, Tom Penn and Rafe Dunmore", "Harlow Trust, Calder Bank and …"
        comma = _COMMA_BEFORE.search(doc.text, max(lo, start - 3), start)
        item = np_ending(doc, lo, comma.start()) if comma is not None else None
        if (
            item is None
            or item.kind != first.kind
            or _LIST_OPENS.search(doc.text, max(0, item.start - 3), item.start) is None
            or _opens_with_stop(doc, item)
        ):
            break  # "Among Republicans, Donald Trump and Ted Cruz": no list
        start = item.start
    return Mention(start=start, end=mention.end, kind="group")


def _opens_with_stop(doc: Doc, m: Mention) -> bool:
    """The mention's first word is a function word, a stop word or a sentence adverb,
    capitalised as a sentence opens ("Among Republicans", "Instead")."""
    first = doc.text[m.start : m.end].split(maxsplit=1)[0].lower()
    return first in doc.words.stops or first in doc.words.function_words or first in _NO_ITEM


# capitalised at a sentence's start, these open no list of names
_NO_ITEM = frozenset(["among", "amid", "besides", "despite", "including", "instead", "unlike"])


# linking verbs, never inside a noun phrase: what follows them is a predicate
_LINKING = frozenset(
    ["remain", "remains", "remained", "seem", "seems", "seemed", "appear", "appears", "appeared"]
)
_AND_BEFORE = compile_re(r"(?r)\s+and\s+$", regex.V1)
_COMMA_BEFORE = compile_re(r"(?r),[ \u00a0]+$", regex.V1)
# what stands before a list's first item: the sentence's start, a comma, a colon or the
# closing mark of the quote it follows
_LIST_OPENS = compile_re(r"(?r)(?:^|[.!?:,\"”’]\s*|\n\s*)$", regex.V1)
_POSSESSOR_KINDS = ("name", "description", "org")
_POSSESSIVE_OPENING = compile_re(r"(?i)(?:his|her|its|their)\s", regex.V1)


def _np_start_back(doc: Doc, toks: list[tuple[int, int, bool]], i: int) -> int | None:
    """Index of the first token of the noun phrase ending at token ``i``."""
    text, words = doc.text, doc.words
    j = i
    lower_run = 0
    seen_cap = False
    while j >= 0:
        tok = toks[j]
        if not tok[2]:
            if text[tok[0]] == "&" and seen_cap and j > 0 and is_cap(_word(text, toks[j - 1])):
                j -= 1
                continue
            break
        w = _word(text, tok)
        low = w.lower()
        if low in words.dets:
            if low == "that" and seen_cap and j < i and is_cap(_word(text, toks[j + 1])):
                return j + 1  # "so heated that Gov. Chris Dalton said": a conjunction
            if j > 1 and toks[j - 1][2] and _word(text, toks[j - 1]).lower() in _CONNECTORS:
                j -= 2  # "mother of three", "Speaker of the House Rep. Dale Rook"
                continue
            return j
        if is_cap(w):
            if low in words.function_words and not seen_cap:
                break
            if low in words.function_words:
                break
            seen_cap = True
            lower_run = 0
        elif low in _CONNECTORS and j < i:
            pass
        elif j < i and _titles_joined(doc, toks, j):
            pass  # "Skyreach founder and chief executive Ingrid Vaszary": two titles
        elif (
            low in words.stops
            or low in words.pronouns
            or (
                words.cue(low) is not None
                and j < i  # the head may be "report", "statement"
                and not (j > 0 and _word(text, toks[j - 1]).lower() == "of")  # "of state"
            )
            or low in words.adverbs
            or (j < i and _past_after_noun(doc, toks, j))
        ):
            break
        else:
            lower_run += 1
            if lower_run > 4:
                break
        j -= 1
    if j + 1 > i:
        return None
    for n in (1, 2):  # "about 50 protesters", "more than 100 residents"
        if j + 1 - n >= 0 and _quantity(doc, toks, j + 1 - n) == n:
            return j + 1 - n
    return j + 1


def _past_after_noun(doc: Doc, toks: list[tuple[int, int, bool]], j: int) -> bool:
    """The lower-case past form ("-ed" or a lexicon's irregular one) at token ``j`` is a verb
    between its subject's noun and its object ("The Vermont senator emailed supporters", "The
    mayor met Reel"), not an adjective ("the newly elected mayor", "the retired pilot", "its
    own published guidelines") or a participle that a time or a preposition follows ("the
    report published Tuesday", "a memo released by")."""
    text, words = doc.text, doc.words
    low = _word(text, toks[j]).lower()
    if not (low.endswith("ed") or low in words.pasts) or j == 0 or not toks[j - 1][2]:
        return False
    if j + 1 >= len(toks) or not toks[j + 1][2]:
        return False
    nxt = _word(text, toks[j + 1]).lower()
    if nxt in words.stops or nxt in _TIME_OPENERS:
        return False
    prev = _word(text, toks[j - 1])
    plow = prev.lower()
    return (
        plow != "own"
        and prev.islower()
        and prev.isalpha()
        and not plow.endswith(("ly", "ed"))
        and plow not in words.dets
        and plow not in words.stops
        and plow not in words.adverbs
        and plow not in _APPROXIMATE
    )


# words that count what follows them ("about 50", "more than 100")
_APPROXIMATE = frozenset(
    ["about", "around", "nearly", "almost", "roughly", "approximately", "over", "under"]
)
_APPROXIMATE_PAIRS = frozenset(
    [("more", "than"), ("fewer", "than"), ("less", "than"), ("at", "least"), ("up", "to")]
)


def _quantity(doc: Doc, toks: list[tuple[int, int, bool]], k: int) -> int:
    """How many tokens from ``k`` make an approximation before a number ("about" in "about 50
    protesters", "more than" in "more than 100 residents"); 0 when none does."""
    text = doc.text
    if k >= len(toks) or not toks[k][2]:
        return 0
    low = _word(text, toks[k]).lower()
    if low in _APPROXIMATE:
        n = 1
    elif (
        k + 1 < len(toks)
        and toks[k + 1][2]
        and (low, _word(text, toks[k + 1]).lower()) in _APPROXIMATE_PAIRS
    ):
        n = 2
    else:
        return 0
    nxt = toks[k + n] if k + n < len(toks) else None
    return n if nxt is not None and nxt[2] and text[nxt[0]].isdigit() else 0


def _boundary_before(doc: Doc, toks: list[tuple[int, int, bool]], j: int) -> bool:
    text = doc.text
    prev = toks[j - 1]
    if not prev[2]:
        return text[prev[0]] in ",;:(—–―-\"“”«»'‘’.…"
    low = _word(text, prev).lower()
    return low in (
        "and",
        "but",
        "that",
        "as",
        "while",
        "because",
        "when",
        "where",
        "if",
        "so",
        "though",
        "although",
        "after",
        "before",
        "since",
        "or",
        "yet",
        "which",
        "whom",
        "who",  # "Harlan, who Voss called "…"": the object of a relative clause
        "what",  # "what Newt Gingrey called "…""
    )


def skip_back(doc: Doc, lo: int, end: int) -> int:
    """Move ``end`` back over adverbials and auxiliaries ("also", "has", "on Monday")."""
    key = (lo, end)
    skipped = doc._skipped.get(key)
    if skipped is None:  # the same stretch is often asked about twice (np_before, then its caller)
        skipped = doc._skipped[key] = _skip_back(doc, lo, end)
    return skipped


def _skip_back(doc: Doc, lo: int, end: int) -> int:
    text, words = doc.text, doc.words
    for _ in range(6):
        while end > lo and text[end - 1].isspace():
            end -= 1
        near = max(lo, end - _MAX_BACK)  # a setting or a parenthesis is short
        # _TIME_BACK ends at ``end`` ("$", no newline there): matching is searching, faster
        m = (
            _TIME_BACK.match(text, near, end)
            or _PAREN_BACK.search(text, near, end)
            or _QUOTED_AS_BACK.search(text, near, end)
        )
        if m is not None:
            end = m.start()
            continue
        w = _LAST_WORD.search(text, max(lo, end - 30), end)
        if w is None:
            break
        low = w.group(1).lower()
        if low in _NAME_LIKE_STOPS and w.group(1)[:1].isupper():
            break  # "Will said": a first name, not the auxiliary
        if low in words.adverbs or (
            low.endswith("ly") and len(low) > 4 and w.group(1).islower() and low not in words.groups
        ):
            end -= len(w.group(1))
            continue
        break
    while end > lo and text[end - 1].isspace():
        end -= 1
    return end


_PAREN_BACK = compile_re(r"(?r)\s*\([^()\n]{1,60}\)$", regex.V1)  # "(R-Utah)"
_MAX_BACK = 120
# "Varsi is quoted as saying", "a reporter can be heard asking", "went on to say", "began by
# saying", "continued by saying", "could only quip", "interjected to say", "had this to say":
# the frame between a source and its cue
_QUOTED_AS_BACK = compile_re(
    r"(?r)\s+(?:(?:is|was|were|are|has\s+been|had\s+been|have\s+been|can\s+be|could\s+be)"
    r"\s+(?:also\s+|widely\s+)?(?:quoted\s+as|heard|seen)"
    r"|(?:went|goes|go|going|gone)\s+on\s+to"
    r"|(?:began|begins|begin|started|starts|continued|continues|ended|ends|closed|closes)\s+by"
    r"|(?:could|can)\s+only|(?:was|were|is|are)\s+quick\s+to"
    r"|(?:had|has|have)\s+(?:this|that|something|plenty|little|much|more|a\s+lot"
    r"|(?:a\s+few|some|\p{Ll}{3,})\s+words)\s+to"  # "had this to say", "had harsh words to say"
    r"|\p{Ll}{2,}ed\s+to)$",  # "interjected to say", "rushed to add"
    regex.V1,
)
_TIME_BACK = compile_re(rf"(?r)(?:^|(?<=[\s,]))(?:{_TIME})\s*,?$", regex.V1)


def skip_setting(text: str, pos: int, hi: int) -> int:
    """Move ``pos`` over settings right after a cue ("said Monday", "said in a statement")."""
    m = _SETTING_AFTER.match(text, pos, hi)
    return m.end() if m is not None else pos


def np_after(doc: Doc, pos: int, hi: int) -> Mention | None:
    """The mention that starts at ``pos`` (after a cue: ``said Mayor Ines Calloway``)."""
    text, words = doc.text, doc.words
    toks = doc.tokens(pos, min(hi, pos + 200))
    if not toks or not toks[0][2]:
        return None
    w0 = _word(text, toks[0]).lower()
    if w0 in words.pronouns:
        return classify(doc, toks[:1])
    if state_title(doc, toks, 1):
        toks = toks[1:]  # "said state Sen. Ana Ruiz": the title opens the name
    end = np_forward(doc, toks, 0)
    if end is None:
        return None
    return classify(doc, toks[:end])


def name_in_apposition(doc: Doc, m: Mention | None, hi: int) -> Mention | None:
    """The name in apposition that ends the clause after a description read after a cue
    ("…," said the owner, Farida Nasser.): the name; else ``m``."""
    if m is None or m.kind not in ("description", "group"):
        return m
    gap = COMMA_GAP.match(doc.text, m.end, hi)
    if gap is None:
        return m
    named = np_after(doc, gap.end(), hi)
    if (
        named is None
        or named.kind != "name"
        or named.start != gap.end()
        or not doc.text[named.start].isupper()
        or _CLAUSE_END.match(doc.text, named.end, hi) is None
    ):
        return m
    return named


COMMA_GAP = compile_re(r"\s*+,\s*+", regex.V1)  # a comma and the spaces around it
_CLAUSE_END = compile_re(r"\s*+(?:[.!?;]|,\s*+(?:who|whose)\b|$)", regex.V1)


def np_forward(
    doc: Doc, toks: list[tuple[int, int, bool]], k: int, *, max_len: int = 14
) -> int | None:
    """Index just past the noun phrase that opens at token ``k`` (None: no noun phrase)."""
    text, words = doc.text, doc.words
    n = len(toks)
    if k >= n or not toks[k][2]:
        return None
    first = _word(text, toks[k]).lower()
    if first in words.pronouns and not (
        first in words.dets and k + 1 < n and toks[k + 1][2] and text[toks[k + 1][0]].islower()
    ):
        return k + 1  # ("her partner, Tobias Reinholt, said": "her" is a determiner)
    counted = _quantity(doc, toks, k)
    if counted:
        return np_forward(doc, toks, k + counted, max_len=max_len)  # "about 50 protesters"
    j = k
    if first in words.dets:
        j += 1
        # a description: words up to a verb, a clause word or punctuation; "of" phrases kept
        while j < n and j - k < max_len and toks[j][2]:
            w = _word(text, toks[j])
            low = w.lower()
            if low in _LINKING:
                break  # "Many farmers remain skeptical, saying": the verb ends the description
            if (
                low == "no"
                and j + 2 < n
                and _word(text, toks[j + 1]) == "."
                and _word(text, toks[j + 2])[:1].isdigit()
            ):
                j += 3  # "the world No. 14", "the No. 3 seed": a rank, no name
                continue
            if is_cap(w) and low not in words.function_words:
                j += 1
                continue
            if low == "of" and _title_with_of(doc, toks, j):
                j += 2  # "the secretary of state", "the chief of staff": one title
                continue
            if (
                low in ("of", "for", "at", "with", "from", "in", "on")
                and j + 1 < n
                and toks[j + 1][2]
            ):
                nxt = _word(text, toks[j + 1])
                if (is_cap(nxt) or nxt.lower() in words.dets) and nxt.lower() not in _TIME_OPENERS:
                    j += 1  # "a spokesman for the mayor"; not "the report on Wednesday"
                    continue
            if low == "and" and j + 1 < n and toks[j + 1][2]:
                nxt = _word(text, toks[j + 1]).lower()
                if not (verbish(nxt, words) or nxt in words.pronouns):
                    j += 1  # "the Varnia senator and harbor party candidate"
                    continue
            if (
                low.endswith(("ed", "ly"))
                and low not in words.stops
                and j - k <= 2  # an adjective stands near the article; later, a verb
                and not _past_after_noun(doc, toks, j)  # "The board issued statements"
                and j + 1 < n
                and toks[j + 1][2]
            ):
                nxt = _word(text, toks[j + 1])
                if not (
                    verbish(nxt.lower(), words)
                    or nxt.lower() in words.pronouns
                    or nxt.lower() in _OBJECT_OPENERS  # "The town released a statement"
                ):
                    j += 1  # an adjective: "one unaligned Florida strategist"
                    continue
            if (
                low in words.dets
                and j > k + 1
                and _word(text, toks[j - 1]).lower()
                in ("of", "for", "at", "with", "from", "in", "on")
            ):
                j += 1  # "a source familiar with the senator's thinking"
                continue
            if (
                (j == k + 1 or low in words.media)
                and words.cue(low) is not None
                and low not in words.stops
            ):
                # right after the article a cue form is a noun ("the report stated"), and a
                # medium's name after adjectives too ("its annual report")
                j += 1
                continue
            if verbish(low, words) or low in words.pronouns or _past_after_noun(doc, toks, j):
                break
            if j > k + 1 and _verb_before_object(doc, toks, j, low):
                # "His office put out a statement", "some voters want the plan": a word after
                # the head and before an article or a possessive is a verb (and its particle)
                if low in _PARTICLES and j > k + 2:
                    j -= 1
                break
            if low.endswith("ing") and j + 1 < n and toks[j + 1][2]:
                nxt = _word(text, toks[j + 1]).lower()
                if nxt in words.stops or nxt in words.dets:
                    break  # "another source speaking to Fox News": a reduced relative
            j += 1
        while j + 1 < n and j - k < max_len and not toks[j][2] and text[toks[j][0]] == "&":
            j += 2  # "the Johnson & Johnson ...": the word after the "&", when there is one
        return j if j > k + 1 else None
    # role words, then a capitalised run ("retired harbor pilot Rafe Ostrand")
    lower = 0
    seen_cap = False
    while j < n and j - k < max_len:
        tok = toks[j]
        if not tok[2]:
            if text[tok[0]] == "&" and seen_cap and j + 1 < n and is_cap(_word(text, toks[j + 1])):
                j += 1
                continue
            break
        w = _word(text, tok)
        low = w.lower()
        if is_cap(w) and not (seen_cap and lower == 0 and low in words.function_words):
            if low in words.function_words and j == k:
                j += 1  # "But", "And" opening the clause
                k = j
                continue
            seen_cap = True
            lower = 0
            j += 1
            if w.endswith(("'s", "’s")):
                seen_cap = False  # "Obama's former campaign strategist": the head follows
            continue
        if low in _CONNECTORS and seen_cap and j + 1 < n and is_cap(_word(text, toks[j + 1])):
            j += 1
            continue
        if low == "of" and k < j and _title_with_of(doc, toks, j):
            j += 2  # "Hollis's chief of staff": a title with "of" inside
            continue
        if seen_cap and _titles_joined(doc, toks, j) and _role_follows(doc, toks, j):
            j += 1  # "Skyreach founder and chief executive Ingrid Vaszary"
            continue
        if verbish(low, words) and not (j == k and low.endswith("ed")):
            break
        if low in words.pronouns:
            break
        if seen_cap and lower == 0 and low in words.groups:
            j += 1  # "Marsh protesters", "Varnia officials": a group named by its side
            break
        if seen_cap and not _role_follows(doc, toks, j):
            break
        if (
            lower > 0
            and low.endswith("s")
            and not low.endswith("ss")
            and j + 1 < n
            and toks[j + 1][2]
            and _word(text, toks[j + 1]).lower() in words.dets
        ):
            break  # "Hoff's letter makes a case": a verb and its object follow the noun
        if lower > 0 and _verb_before_object(doc, toks, j, low):
            if low in _PARTICLES and lower > 1:
                j -= 1
            break  # "Hoff's campaign sent out a memo": as after an article (above)
        lower += 1
        if lower > 4:
            return None
        j += 1
        if low in words.groups and (j >= n or not is_cap(_word(text, toks[j]))):
            break
    if j == k:
        return None
    # trailing lower-case words must be a group or a role after a possessive
    return j


# an article or a possessive: after a past form it opens the verb's object, not a noun the
# form describes
_OBJECT_OPENERS = frozenset(
    ["a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those"]
)


# prepositions that are not among the stop words: "the man behind the plan"
_PREPOSITIONS = frozenset(
    [
        "across",
        "along",
        "alongside",
        "among",
        "amid",
        "around",
        "behind",
        "below",
        "beside",
        "besides",
        "beyond",
        "inside",
        "like",
        "near",
        "outside",
        "per",
        "than",
        "throughout",
        "versus",
        "via",
    ]
)
# the particles of phrasal verbs: "put out a statement", "set up a fund"
_PARTICLES = frozenset(["back", "down", "off", "out", "up"])


def _verb_before_object(doc: Doc, toks: list[tuple[int, int, bool]], j: int, low: str) -> bool:
    """Token ``j`` (lower case ``low``) is no preposition and an article or a possessive
    follows it: inside a noun phrase read forwards, a verb (or its particle) and its object."""
    return (
        low not in _PREPOSITIONS
        and j + 1 < len(toks)
        and toks[j + 1][2]
        and _word(doc.text, toks[j + 1]).lower() in _OBJECT_OPENERS
    )


def _title_with_of(doc: Doc, toks: list[tuple[int, int, bool]], j: int) -> bool:
    """The "of" at token ``j`` is inside a title ("chief of staff", "secretary of state's")."""
    text = doc.text
    if j + 1 >= len(toks) or not toks[j + 1][2]:
        return False
    nxt = _word(text, toks[j + 1]).lower().removesuffix("'s").removesuffix("’s")
    return f"{_word(text, toks[j - 1]).lower()} of {nxt}" in doc.words.titles


def _role_follows(doc: Doc, toks: list[tuple[int, int, bool]], j: int) -> bool:
    """Lower-case words after a capitalised word lead to another one ("Democratic nominee
    Hillary Clinton"), with no verb between."""
    text, words = doc.text, doc.words
    limit = j + 3
    m = j
    while m < min(limit, len(toks)):
        if not toks[m][2]:
            return False
        w = _word(text, toks[m])
        if is_cap(w):
            return m > j and w.lower() not in _DAYS_AND_MONTHS  # not "spoke out Tuesday"
        low = w.lower()
        m += 1
        if _compound_role(doc, toks, m - 1):
            limit += 1  # "Tarrow County public works director Ian McBride": one role
            continue
        if _titles_joined(doc, toks, m - 1):
            # "Skyreach founder and chief executive Ingrid Vaszary": two roles, the second
            # maybe of two words
            limit += 2 if _two_word_title(doc, toks, m) else 1
            continue
        if (
            verbish(low, words)
            or low in words.pronouns
            or (low.endswith("s") and low not in words.groups and not low.endswith("ss"))
        ):
            return False
    return False


def _titles_joined(doc: Doc, toks: list[tuple[int, int, bool]], m: int) -> bool:
    """The word at ``m`` is "and" between two titles ("founder and chief executive")."""
    text, titles = doc.text, doc.words.titles
    return (
        0 < m < len(toks) - 1
        and toks[m - 1][2]
        and toks[m + 1][2]
        and _word(text, toks[m]).lower() == "and"
        and _word(text, toks[m - 1]).lower() in titles
        and _word(text, toks[m + 1]).lower() in titles
    )


def _two_word_title(doc: Doc, toks: list[tuple[int, int, bool]], m: int) -> bool:
    """The words at ``m`` and after it are one title ("chief executive")."""
    text = doc.text
    return (
        m + 1 < len(toks)
        and toks[m][2]
        and toks[m + 1][2]
        and f"{_word(text, toks[m]).lower()} {_word(text, toks[m + 1]).lower()}" in doc.words.titles
    )


def _compound_role(doc: Doc, toks: list[tuple[int, int, bool]], m: int) -> bool:
    """A plural noun that modifies the role word after it ("works director", "parks
    superintendent", "sales manager")."""
    text = doc.text
    if m + 1 >= len(toks) or not toks[m + 1][2]:
        return False
    low = _word(text, toks[m]).lower()
    nxt = _word(text, toks[m + 1])
    return low.endswith("s") and nxt.islower() and nxt in doc.words.titles


def skip_asides(doc: Doc, pos: int, hi: int) -> int:
    """Move ``pos`` over appositions, asides and settings between a source and its cue:
    ``, 71,`` / ``, a snowplow driver,`` / ``(R-Utah)`` / ``, who runs the shelter,``."""
    text, words = doc.text, doc.words
    for _ in range(5):
        pos = skip_setting(text, pos, hi)
        m = (
            _PAREN.match(text, pos, hi)
            or _OF_ORG.match(text, pos, hi)
            or _DASH_ASIDE.match(text, pos, hi)
        )
        if m is not None:
            pos = m.end()
            continue
        m = _APPOSITION.match(text, pos, hi)
        if m is not None and _aside(m.group(1), words):
            pos = m.end()
            continue
        break
    m = _COMMA.match(text, pos, hi)
    if m is not None and m.end() < hi and text[m.end() : hi].strip() == "":
        pos = m.end()
    return pos


_COMMA = compile_re(r"\s*,", regex.V1)
_PARTY_STATE = compile_re(r"[DRI]-[\p{L}.]+", regex.V1)
_LAST_WORD = compile_re(r"(?r)(?<![\p{L}'’\-])([\p{L}’']+)$", regex.V1)
_PAREN = compile_re(r"\s*\([^()\n]{1,60}\)", regex.V1)
# "Gingrich — named as the leading choice for running mate — told": an aside in dashes
_DASH_ASIDE = compile_re(r"\s*[—–]\s[^—–\n\"“”]{1,150}?\s[—–]", regex.V1)
# "Mr. Morgan of the Sierra Club said", "Analysts at Calder & Wynne said"
_OF_ORG = compile_re(
    r"\s+(?:of|from|at|with)\s+(?:the\s+)?\p{Lu}[\p{L}.’'\-]*(?:\s+(?:of\s+|&\s+)?\p{Lu}[\p{L}.’'\-]*){0,5}(?=[\s,])",
    regex.V1,
)
# ", a snowplow driver" up to (not over) the comma that closes it; periods of abbreviations
# ("a former Gov.", "R-Ky.", a title before a name: ", Sen. Ana Ruiz,") may stand inside
# (a short quoted title may stand inside: ", wearing "Save the Pier" pins,", and a nickname)
_APPOSITION = compile_re(
    r"\s*,((?:[^,;:!?\"“”\n.]|\.(?=\s*[\p{Ll},\d]|\p{L}|,)"
    r"|(?<=(?<![\p{L}.])(?:Sen|Rep|Gov|Del|Lt|Gen|Col|Capt|Sgt|Det|Dr|Mr|Mrs|Ms|Prof|Rev))\."
    r"(?=[ \u00a0]\p{Lu})"
    r"|[\"“]\p{Lu}[^\"“”.!?,;:\n]{0,40}[\"”](?=[ \u00a0]+\p{Ll})"
    # a nickname before a surname: ", Eduardo "Edu" Salas,"
    r"|[\"“]\p{Lu}[\p{L}\p{M}\-]{0,30}[\"”](?=[ \u00a0]+\p{Lu})){1,160})(?=,)",
    regex.V1,
)


_CAP_WORD = r"\p{Lu}[\p{L}.'’\-]*+"
# a name and where the person works: "Gus Ferrante at Holloway Partners"
_NAME_AT_ORG = compile_re(
    rf"{_CAP_WORD}(?:\s++{_CAP_WORD}){{0,2}}\s++(?:of|at|from|with)\s++(?:the\s++)?"
    rf"{_CAP_WORD}(?:\s++(?:&\s++)?{_CAP_WORD}){{0,4}}",
    regex.V1,
)


def _aside(s: str, words: QuoteWords) -> bool:
    w = s.split()
    if not w:
        return False
    first = w[0].lower()
    if first[:1].isdigit() or first in words.dets or first in ("who", "whose", "which", "whom"):
        return True
    if _PARTY_STATE.fullmatch(w[0]) and len(w) == 1:  # party and state: "R-Ky."
        return True
    owner = w[1] if first in words.titles and len(w) > 1 else w[0]  # "Mr. Reyl's deputy"
    if owner.endswith(("'s", "’s", "s'", "s’")) and len(w) <= 8:  # "Sanders' campaign manager"
        return True
    if first in (
        "now",
        "then",
        "herself",
        "himself",
        "themselves",
        "itself",
        "also",
        "however",
        "too",
        "in",
        "at",
        "on",
        "speaking",
        "like",
        "as",
        "according",
        "formerly",
        "once",
        "previously",
    ):
        return True
    low = " ".join(x.lower() for x in w)
    if len(w) <= 3 and all(x.lstrip('"“')[:1].isupper() for x in w):
        return True  # a place: "Clinton, in Columbus, Ohio, said" (a name: Eduardo "Edu" Salas)
    if _NAME_AT_ORG.fullmatch(s.strip()):
        return True  # "Another analyst, Gus Ferrante at Holloway Partners, said"
    return low in words.titles or (w[0][:1].islower() and len(w) <= 20)


_TIME_OPENERS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
        "last",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


# weekdays and months that no name's first word spells ("May", "March" may be)
_DAYS_AND_MONTHS = _TIME_OPENERS - {"today", "yesterday", "tonight", "last", "may", "march"}

# words that open an adverbial phrase before the subject ("Here in Columbia, Sanders said")
_OPENERS = frozenset(
    [
        "asked",
        "pressed",
        "speaking",
        "meanwhile",
        "late",  # "Late last year, Ada Marsh, the mayor, said"
        "early",
        "still",
        "later",
        "earlier",
        "separately",
        "instead",
        "here",
        "there",
        "outside",
        "inside",
        "alongside",
        "nearby",
        "elsewhere",
        "minutes",
        "hours",
        "moments",
        "days",
        "weeks",
        "months",
        "years",
        "amid",
        "among",
        "across",
        "around",
        "behind",
        "beyond",
        "near",
        "like",
        "unlike",
        "following",
        "once",
        "back",  # "Back in 1999, Marsh said"
        # sentence adverbs: "Likewise, a paper from the institute had this to say:"
        "likewise",
        "similarly",
        "additionally",
        "notably",
        "finally",
        "ultimately",
        "consequently",
        "accordingly",
        "conversely",
        "subsequently",
        "previously",
        "initially",
        "originally",
        "recently",
        "ironically",
        "interestingly",
        "surprisingly",
        "unsurprisingly",
        "fortunately",
        "unfortunately",
        "apparently",
        "privately",
        "publicly",
        "otherwise",
        "nonetheless",
        "nevertheless",
        "moreover",
        "furthermore",
        "besides",
        "indeed",
        "overall",
        "thus",
        "therefore",
        "hence",
        "afterward",
        "afterwards",
        "anyway",
    ]
)
_TIME_NOUN = compile_re(
    r"\s+(?:morning|afternoon|evening|night|day|week|weekend|month|year|time|election\s+cycle)\b",
    regex.V1,
)
_DATELINE = compile_re(
    r"\p{Lu}{2,}+[\p{Lu} .'\-]{0,40}+(?:,[^—–\n]{1,40}?)?\s*(?:\([^()\n]{1,20}\)\s*)?[—–]\s*",
    regex.V1,
)
_PLACE_AFTER = compile_re(r"\s*\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+)?\s*,", regex.V1)
_OF_ALL = compile_re(r"\p{L}++\s+of\s+all\s*,", regex.V1 | regex.IGNORECASE)
# "Eight years ago,", "A month later,", "The day before,": a stretch of time and its direction
_AGO_OPENER = compile_re(
    r"(?:[\p{L}\d\-]++\s+){1,4}(?:ago|later|earlier|before|after)\s*,", regex.V1 | regex.IGNORECASE
)
_CLOSING_MARK = compile_re(r'["”»“]', regex.V1)


def _closing_mark(text: str, opened: int, hi: int) -> int | None:
    m = _CLOSING_MARK.search(text, opened + 1, hi)
    return m.start() if m is not None else None


_FOCUS = frozenset(["even", "only", "also", "now", "still", "then", "just"])


def _skip_focus(text: str, toks: list[Token], k: int) -> int:
    """Past focus adverbs before a subject: "even a senior party strategist said"."""
    while k + 1 < len(toks) and toks[k][2] and _word(text, toks[k]).lower() in _FOCUS:
        k += 1
    return k


def opener_word(word: str) -> bool:
    """``word`` opens a sentence as an adverbial, not a name: "Similarly", "Moreover", "Late"
    (before "last year"), "Yesterday"."""
    low = word.lower()
    return low in _OPENERS or low in _TIME_OPENERS


def clause_subject(doc: Doc, lo: int, hi: int) -> tuple[Mention, int] | None:
    """The subject that opens the clause at ``lo`` and where it ends; an opening phrase that
    ends in a comma ("On Monday,", "In a statement,", "Asked about it,") is skipped, and so is
    a setting without one ("in a news conference last week")."""
    text, words = doc.text, doc.words
    stripped = lo
    while stripped < hi and text[stripped] in " \u00a0":
        stripped += 1
    if stripped < hi and text[stripped] in '"“„«':
        close = _closing_mark(text, stripped, hi)
        if close is not None:
            lo = close + 1
    dateline = _DATELINE.match(text, stripped, hi)
    if dateline is not None:
        lo = dateline.end()  # "CORVALE, Dec. 8 (HNS) — …": the story starts after the dash
    toks = doc.tokens(lo, hi)
    k = 0
    # quote marks, dashes and conjunctions that open the clause
    while k < len(toks) and (
        not toks[k][2]
        or _word(text, toks[k]).lower()
        in ("and", "but", "so", "yet", "still", "then", "also", "now", "meanwhile")
    ):
        if not toks[k][2] and text[toks[k][0]] not in "\"“”„«»'‘’—–-(":
            break
        k += 1
    for _ in range(3):
        k = _skip_focus(text, toks, k)
        if k >= len(toks) or not toks[k][2]:
            return None
        low = _word(text, toks[k]).lower()
        opener = not _quantity(doc, toks, k) and (  # "About 50 protesters gathered"
            (low in words.stops and low not in words.pronouns and low not in words.dets)
            or low.endswith(("ing", "ly"))
            or (k == 0 and low.endswith("ed"))  # "Informed of the plan, she said"
            or low in _TIME_OPENERS
            or _AGO_OPENER.match(text, toks[k][0], hi) is not None  # "Eight years ago, he"
            or _OF_ALL.match(text, toks[k][0], hi) is not None  # "Worst of all, he"
            or low in _OPENERS
            or (low in ("that", "this", "each") and _TIME_NOUN.match(text, toks[k][1], hi))
        )
        if not opener:
            break
        comma = next(
            (
                m
                for m in range(k + 1, min(len(toks), k + 30))
                if not toks[m][2] and text[toks[m][0]] == ","
            ),
            None,
        )
        if comma is None:
            # "though in a news conference last week he used": a setting with no comma after it
            pos = toks[k][0] - 1
            end = skip_setting(text, pos, hi) if pos >= 0 and text[pos].isspace() else pos
            if end == pos:
                return None
            while k < len(toks) and toks[k][0] < end:
                k += 1
            continue
        k = comma + 1
        place = _PLACE_AFTER.match(text, toks[comma][1], hi)
        if place is not None and is_cap(_word(text, toks[comma - 1])):
            # "in Salem, New Hampshire, Dalton went": the state goes with the place
            while k < len(toks) and toks[k][0] < place.end():
                k += 1
    found = _subject_at(doc, toks, _skip_focus(text, toks, k))
    if found is None:
        # an opening phrase the rules above do not know: "Back on Varnian soil, he said"
        comma = next(
            (m for m in range(k, min(len(toks), k + 10)) if not toks[m][2]),
            None,
        )
        if comma is not None and text[toks[comma][0]] == "," and comma > k:
            found = _subject_at(doc, toks, _skip_focus(text, toks, comma + 1))
    return found


def _subject_at(doc: Doc, toks: list[Token], k: int) -> tuple[Mention, int] | None:
    end = np_forward(doc, toks, k)
    if end is None:
        return None
    mention = classify(doc, toks[k:end])
    if mention is None:
        return None
    return mention, toks[end - 1][1]
