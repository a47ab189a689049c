"""Rule-based coreference: resolve a source mention to the fullest name the article gives.

The article's entities are read once: every run of capitalised words, with the titles in
front of it kept apart ("Secretary of State Antony Blinken" -> person "Antony Blinken", roles
"secretary of state" and "secretary"); organisations by their head word ("Office", "Times")
or as acronyms. Each person gathers roles from titles, from a role word before the name
("union president Rafe Dunmore") and from an apposition after it ("Rafe Dunmore, the union's
president,"), and a gender from gendered titles ("Mrs.", "congresswoman") and from the
pronouns that follow the person as the subject of a sentence.

A mention then resolves as

* a full name -> itself ("name"); a surname, first name or titled surname -> the full name
  ("alias"); an organisation -> its fullest form ("the Times" -> "New York Times");
* "the secretary", "the Republican nominee" -> the nearest person with that role ("title");
* "he", "she" -> the previous quote's speaker when the quote follows closely and the gender
  agrees, else the nearest person named before with that gender ("pronoun");
* any other description ("a senior official", "police") -> kept as written ("description").
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable, Sequence

import attrs
import regex

from .. import limits
from ..lexicons import Lexicon
from ..patterns import compile_re
from ..records import Quote, Sentence, Span, Speaker
from .attribution import MARKS
from .mentions import (
    CLAUSE_ADVERBS,
    CORPORATE_SUFFIX,
    NAME_PARTICLES,
    NEAR,
    NICKNAME_WORDS,
    Doc,
    Mention,
    clause_subject,
    is_cap,
    named_possessive,
    person_noun,
    skip_back,
    verbish,
    word_starts,
)
from .sources import RELATIVE_BEFORE
from .words import QuoteWords

_CONNECTORS = r"(?:of|for|de|da|van|von|der|del|la|le|al|bin|ibn|y|du)"
_CORP_SUFFIX = compile_re(CORPORATE_SUFFIX, regex.V1)
# A capitalised word, or initials ("J.", "J.R.R."); a word ends at a period, except titles
# written with one ("Gov.", "Sen."), which the lexicon lists.
_CAP_WORD = r"(?:\p{Lu}\.(?:\p{Lu}\.)*|\p{Lu}[\p{L}\p{M}'’\-]*(?<![.'’\-]))"
_MODIFIERS = frozenset(
    [
        "former",
        "then",
        "current",
        "new",
        "longtime",
        "acting",
        "interim",
        "late",
        "outgoing",
        "incoming",
        "embattled",
        "retired",
        "top",
        "senior",
        "chief",
    ]
)
_OWNER_WORD = compile_re(r"\b(?:their|its)\b", regex.IGNORECASE)
_PRONOUN_WORDS = compile_re(r"\b(he|his|him|himself|she|her|hers|herself)\b", regex.IGNORECASE)

# "union president Rafe Dunmore" / "Rafe Dunmore, the union's president,"
_ROLE_BEFORE = compile_re(r"(?r)(?:^|(?<=\s))(\p{Ll}[\p{L}\-]+)\s+$", regex.V1)
_ROLE_PAIR_BEFORE = compile_re(
    r"(?r)(?:^|(?<=\s))(\p{Ll}[\p{L}\-]+\s+\p{Ll}[\p{L}\-]+)\s+$", regex.V1
)
# a relative named by the kin word alone: "his son", "her late husband"
_KIN_DESCRIPTION = compile_re(
    r"(?:his|her|their)\s++(?:(?:late|former|estranged)\s++)?(\p{Ll}++)",
    regex.V1 | regex.IGNORECASE,
)
# "her son, ", "his late wife ", "Calder's daughter, ": a relative of someone named before
_RELATIVE_BEFORE = compile_re(
    r"(?r)(?<![\p{L}])(?:his|her|their|\p{L}+['’]s)[ \u00a0]+(?:\p{Ll}+[ \u00a0]+)?"
    r"(\p{Ll}+),?[ \u00a0]+$",
    regex.V1 | regex.IGNORECASE,
)
# a role in a description set before the name by a comma: "The mayor of Marlow Bay, ",
# "the company's chief executive, "
# (searched in reverse, so no possessive quantifiers; case-sensitive: folding "i" in full
# made a run of it exponential)
_ROLE_APPOSED_BEFORE = compile_re(
    r"(?r)(?:^|(?<=\s))(?:[Tt]he|[Aa]n?|\p{L}+['’]s)\s+(?:\p{Ll}[\p{L}\-]*\s+){0,2}?"
    r"(\p{Ll}[\p{L}\-]+)(?:\s+(?:of|for|at)\s+[^,;.()\"“”\n]{1,40}?)?,\s+$",
    regex.V1,
)
_ROLE_AFTER = compile_re(
    r"\s*,\s+(?:the|a|an|its|their|his|her)\s+([^,;.()\"“”]{1,80}?)"
    r"(?=\s*[,;.]|\s+(?:of|for|at|in|on|with|who|from)\b)",
    regex.V1,
)
_TITLE_APPOSED_BARE = compile_re(
    r"\s*,\s+((?:\p{Ll}[\p{L}\-]+\s+)?\p{L}[\p{L}\-]+)\s+(?:of|for|at)\s", regex.V1
)
_ACRONYM_AFTER = compile_re(r"[ \u00a0]\((\p{Lu}[\p{Lu}&]{1,7})\)", regex.V1)
_MAX_MENTIONS_BACK = 500  # named mentions looked back over for the nearest candidate
_MAX_PRONOUN_DISTANCE = 3000  # characters back to a named antecedent
# an unnamed source who stays unnamed on purpose
_UNNAMED = compile_re(
    r"\b(?:anonymity|not\s+authori[sz]ed|(?:asked|declined|requested)\s+not\s+to\s+be\s+(?:named|identified))\b",
    regex.V1 | regex.IGNORECASE,
)
_LEAD_NAMED = 600  # characters on from an unnamed lead source to the name it turns out to be
_SENTENCE_LEAD = 60  # characters back to the start of a sentence a name opens
_SAME_SENTENCE = 250  # characters back to the subject of the antecedent's sentence
_LAST_WORD = compile_re(r"(?r)(\p{Ll}+)[\s,]*$", regex.V1)
_FIRST_WORD = compile_re(r"[\s,]*(\p{Ll}+)")
_NEXT_WORD = compile_re(r",|\s+\p{Ll}", regex.V1)  # an apposition or a verb after a name
_VERB_AFTER = compile_re(r"[ \u00a0]++(\p{Ll}++)", regex.V1)  # the lower-case word after a name
_PREPOSITIONS = frozenset(
    [
        "with",
        "of",
        "by",
        "to",
        "for",
        "from",
        "about",
        "at",
        "on",
        "in",
        "against",
        "like",
        "than",
        "after",
        "before",
        "over",
    ]
)
# "the 54-year-old", "the 41-year-old manager": a person named just before, by age
_AGE_DESCRIPTION = compile_re(r"the\s+\d{1,3}-year-old(?:\s+\p{L}+)?", regex.V1 | regex.IGNORECASE)
# two adjacent runs of spaces (with "said" optional between) would split a long run of
# spaces every way: quadratic on 20,000 newlines; the alternation reads each run once
_CLOSE_BEFORE = compile_re(
    r"(?r)[\"”](?:[\s,]*(?:said|says|added|asked|told)\s*|[\s,]*)$", regex.V1
)
_SENTENCE_GAP = compile_re(r"[.!?][\"'”’)]*\s|\n")
# a word written in lower case ("air", "impeach"), whole
_LOWER_WORD = compile_re(r"(?<!\p{L})\p{Ll}+(?!\p{L})", regex.V1)


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
    # after a name word, a generational suffix keeps its period: "Tom Reed Jr." is one name
    # (not "Sr. Mary Alden", a nun)
    later = rf"(?:(?:{'|'.join(_GENERATIONAL)})\.|{word})"
    # a run opens with a capital letter, as every title does once capitalised: asked first,
    # that test spares the lookbehind and the titles at every other position (same matches)
    capital = r"(?=\p{Lu})" if all(_CAPITAL.match(t) for t in dotted) else ""
    # one or two particles may stand between name words: "Ahmad bin Hassan", "Pieter van der
    # Berg"
    return compile_re(
        rf"{capital}(?<![\p{{L}}\p{{M}}'’\-]){word}"
        rf"(?:{_NICKNAME}|[ \u00a0]+(?:{_CONNECTORS}[ \u00a0]+){{0,2}}{later}){{0,7}}",
        regex.V1,
    )


# a nickname in quote marks between a first name and the surname: Marcia "Cia" Price
_NICKNAME = rf"[ \u00a0]+[\"“‘]{NICKNAME_WORDS}[\"”’](?=[ \u00a0]+\p{{Lu}})"
_NICKNAME_WORDS = compile_re(
    r"[\"“‘]\p{Lu}[\p{L}\p{M}\-]*(?:[ \u00a0]\p{Lu}[\p{L}\p{M}\-]*)?[\"”’]", regex.V1
)


def without_nickname(words: list[str]) -> list[str]:
    """``words`` without a nickname in quote marks ("Marcia", '"Cia"', "Price")."""
    for i, w in enumerate(words):
        if w[:1] in '"“‘' and i > 0:
            for j in (i, i + 1):
                if j + 1 < len(words) and _NICKNAME_WORDS.fullmatch(" ".join(words[i : j + 1])):
                    return words[:i] + words[j + 1 :]
    return words


_CAPITAL = compile_re(r"\p{Lu}", regex.V1)
# the suffixes after a surname that end with a period ("Tom Reed Jr."): not the surname
_GENERATIONAL = ("Jr", "Sr")
# and those without one ("Harold Penn III"): "Penn" is still his surname
_GENERATIONAL_NUMERALS = ("II", "III", "IV")


def _initials_agree(acronym: str, name: str) -> bool:
    """``acronym`` opens with the initial of ``name`` and its other letters are initials of
    the name's later words, in order ("FBI" of "Federal Bureau of Investigation")."""
    initials = [w[:1].upper() for w in name.replace("-", " ").split()]
    letters = acronym.replace("&", "")
    if not initials or letters[:1] != initials[0]:
        return False
    rest = iter(initials[1:])
    return all(letter in rest for letter in letters[1:])


def _org_head(name: str) -> str:
    """The head noun of an organisation's name in lower case, the word before its first "of",
    "for" or "on" or else its last ("ministry" of "Ministry of Fisheries", "council" of
    "Tarrow County Council"); "" for a single word or a head in lower case."""
    words = name.split()
    cut = next((k for k, w in enumerate(words) if w in ("of", "for", "on")), len(words))
    head = words[cut - 1] if cut > 0 else ""
    return head.lower() if len(words) > 1 and head[:1].isupper() else ""


# occupations by their ending ("glaciologist", "journalist"), when the lexicon lacks them
# ("-ian" would take "Armenian", "Christian" and "Sebastian" too)
_OCCUPATION_ENDING = "ist"
_OCCUPATION_MIN_LEN = 6


def _unquoted_pronoun(text: str, start: int, lo: int, hi: int) -> regex.Match[str] | None:
    """The first "he" / "she" in ``text[lo:hi]`` outside quote marks (the sentence starts at
    ``start``): a speaker says "I", so a "she" inside the marks is someone else ("Brek said
    the mayor had "promised the same thing since she took office"")."""
    inside = sum(text.count(c, start, lo) for c in MARKS) % 2 == 1
    pos = lo
    for m in _PRONOUN_WORDS.finditer(text, lo, hi):
        inside ^= sum(text.count(c, pos, m.start()) for c in MARKS) % 2 == 1
        if not inside:
            return m
        pos = m.start()
    return None


def _role_before_name(words: list[str], qwords: QuoteWords) -> bool:
    """The first of ``words`` (lower case) is a noun for a person that may stand before a
    name: a lexicon noun ("resident", "nurse"), or an occupation by its ending before words
    that name no organisation ("Journalist Jorge Ramos", not "Baptist Health Center")."""
    word = words[0]
    if word in qwords.persons:
        return True
    return (
        len(word) >= _OCCUPATION_MIN_LEN
        and word.endswith(_OCCUPATION_ENDING)
        and word not in qwords.first_names
        and not any(w in qwords.orgs for w in words[1:])
    )


# party words that title a person ("Republican Wade Hollister") but open the names of
# organisations and events ("Republican National Convention")
_PARTY_TITLES = frozenset(["republican", "democrat"])


# letters after a name for an office or an honour, no part of it
_POST_NOMINALS = frozenset(["KC", "QC", "SC", "MP", "MSP", "MEP", "MLA", "TD", "OBE", "MBE", "CBE"])


# a capitalised compound whose part after the hyphen is in lower case, no name ("Fly-half",
# "Co-founder", unlike "Okonkwo-Barr")
_HYPHENED_ROLE = compile_re(r"\p{Lu}\p{Ll}*[-\u2010\u2011]\p{Ll}+", regex.V1)


# the prefix that dates a title to an earlier time: "then-mayor", "ex-senator"
_TIME_PREFIX = compile_re(r"^(?:then|ex)[-\u2010\u2011]", regex.V1)


def strip_title(words: list[str], qwords: QuoteWords) -> tuple[list[str], set[str]]:
    """Split the titles off a capitalised run: (name words, role nouns).

    The name is what follows the last title word that still leaves a name after it, so
    "Secretary of State Antony Blinken" -> ["Antony", "Blinken"] and "John Major" keeps its
    last word.
    """
    # "Then-Mayor Ana Ruiz", "Ex-Senator Tom Reel": the title after the prefix of time (a
    # test of the first letters before the pattern: most words have no such prefix)
    lowered = [
        _TIME_PREFIX.sub("", low, count=1) if (low := w.lower()).startswith(("then", "ex")) else low
        for w in words
    ]
    cut = 0
    roles: set[str] = set()
    i = 0
    while i < len(words) - 1:
        matched = 0
        for size in (4, 3, 2, 1):
            if i + size < len(words) and " ".join(lowered[i : i + size]) in qwords.titles:
                matched = size
                break
        if (
            not matched
            and i == 0
            and len(words) > 2
            and (_role_before_name(lowered, qwords) or _HYPHENED_ROLE.fullmatch(words[0]))
        ):
            # "Resident Gideon Mwangi", "Glaciologist Pieter Maes", "Fly-half Callum Reid": a
            # noun for the person
            matched = 1
        if matched == 1 and len(words) == 2 and lowered[0] in qwords.first_names:
            matched = 0  # "Dean Farrady": a first name that is also a title, before a surname
        if (
            matched
            and lowered[i] in _PARTY_TITLES
            and (_org_words(words[i + matched :], qwords) or lowered[i + matched] == "national")
        ):
            matched = 0  # "Republican National Committee", "Republican Party of Wyoming": a name
        if matched:
            title = " ".join(lowered[i : i + matched])
            roles |= role_nouns(title, qwords)
            i += matched
            # "Secretary of Harbors Ines Calloway": the title's domain, while a name remains
            while i + 2 < len(words) and lowered[i] in ("of", "for") and words[i + 1][:1].isupper():
                i += 2
            cut = i
        else:
            i += 1
    name = words[cut:]
    while len(name) > 2 and name[-1] in _POST_NOMINALS:
        name = name[:-1]  # "Claire Odell KC", "Áine Ní Bhriain TD": the office after the name
    return name, roles


def role_nouns(title: str, qwords: QuoteWords) -> set[str]:
    """The nouns a title can be referred back by: "secretary of state" -> itself and
    "secretary"; "press secretary" -> "secretary"; "sen." -> "senator"."""
    title = title.lower()
    out = {title.rstrip(".")}
    if title in qwords.roles:
        out.add(qwords.roles[title])
    parts = title.split()
    if title in _MODIFIERS:
        return set()
    if len(parts) > 1:
        head = parts[0] if " of " in f" {title} " else parts[-1]
        out.add(qwords.roles.get(head, head).rstrip("."))
    return out


_SENTENCE_END = compile_re(r"[.!?][\"”’']?\s", regex.V1)
# the pronoun of an attribution after its content: "…, he said", "…," she said"
_POSTPOSED_PRONOUN = compile_re(r",[\"”’']?\s*$", regex.V1)

# A run's reading: (words, where they start, an organisation?, name words, roles), all tuples
# of strings: a reading kept by the cache holds nothing for the garbage collector to walk.
_Run = tuple[tuple[str, ...], int, bool, tuple[str, ...], tuple[str, ...]]
# What a run names: (kind, its name words joined, the gender its titles give); see _run_reading.
_Reading = tuple[str, str, str | None]

# distinct run texts whose readings are kept across calls: the same runs ("But", "Mr. Trump",
# "White House") come back article after article
_RUN_CACHE = 8192


# what is traded of a company, before "of" and its name ("Shares of Kellan Foods")
_HOLDINGS = frozenset(["shares", "stock", "stocks", "units"])


# words that open a sentence before the name a run of capitals holds: an auxiliary that opens
# a question ("Does Reyes believe …?"; not "Will", "May", "Can": first names too) and a
# preposition that the function words lack ("Without Reyes, the plan …")
_RUN_OPENERS = frozenset(
    [
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "should",
        "would",
        "could",
        "shall",
        "must",
        "might",
        "without",
        "despite",
        "unlike",
        "amid",
        "against",
        "among",
        "until",
        "through",
        "into",
        "upon",
    ]
)


def _run_words(run: str, qwords: QuoteWords) -> tuple[list[str], int]:
    """The words of a run without the function words that open it and a nickname inside
    it, and where they start."""
    words = without_nickname(run.split())
    k = 0
    while k < len(words) and (
        words[k].lower() in qwords.function_words
        or qwords.cue(words[k])
        or words[k].lower() in _RUN_OPENERS
        or words[k].lower() in CLAUSE_ADVERBS
    ):
        # "But", "Said" (an inverted cue), "Does", "Without", "Now" open the run, not the name
        k += 1
    if k + 1 < len(words) and words[k].lower() == "about":
        k += 1  # a press release's "About Harwick Partners" heading: the name is after it
    if k + 2 < len(words) and words[k].lower() in _HOLDINGS and words[k + 1] == "of":
        k += 2  # "Shares of Kellan Foods fell": what is traded of the company, not its name
    title = next(
        (
            n
            for n in (2, 1)
            if k + n + 1 < len(words)
            and words[k + n] == "of"
            and " ".join(words[k : k + n]).lower() in qwords.titles
        ),
        0,
    )
    if title and _org_words(words[k + title + 1 :], qwords):
        k += title + 1  # "CEO of Brightwell Energy": a title the firm gives, the firm's name
    if k == 0:
        return words, 0
    if k == len(words):
        return [], 0
    return words[k:], run.index(words[k], sum(len(w) for w in words[:k]))


@functools.lru_cache(maxsize=8)
def _run_reader(qwords: QuoteWords) -> Callable[[str], _Run]:
    """:func:`_read_run` for one lexicon's words, its readings kept across calls by the run
    text alone: a key that is a string, like the reading, holds nothing for the garbage
    collector to walk (a key of the run and the words would: thousands of them, replaced as
    new runs come, each woke the full collection sooner)."""
    return functools.lru_cache(maxsize=_RUN_CACHE)(functools.partial(_read_run, qwords=qwords))


def _read_run(run: str, qwords: QuoteWords) -> _Run:
    """(words, where they start in the run, an organisation?, name words, roles) of a run
    text: :func:`_run_words`, :func:`_org_words` and :func:`strip_title` (immutable: shared
    by every call that meets the same run)."""
    words, offset = _run_words(run, qwords)
    org = bool(words) and _org_words(words, qwords)
    titled = 0  # "Prof. Ignatius Wendt of Hallam College": the titles before the person
    while titled < len(words) - 4 and words[titled].lower() in qwords.titles:
        titled += 1
    if org and _person_of_org(words[titled:], qwords):
        org = False  # "Gus Ferrante of Holloway Partners": the person, then the firm
    name_words, roles = strip_title(words, qwords) if words and not org else ([], set())
    if "of" in name_words[2:]:
        # "Sen. Bernard Holt of Vermont": the person, then the place
        name_words = name_words[: name_words.index("of", 2)]
    return tuple(words), offset, org, tuple(name_words), tuple(roles)


def _run_reading(read: _Run, qwords: QuoteWords) -> _Reading:
    """(what the run names, its name words joined, the gender its titles give) of a run read
    by :func:`_read_run`: what is "org" (then the organisation's words joined), "person",
    "part" (a titled surname, or words that are no name: "You Should Be Criminally
    Investigated"), "owned" (an owner inside the name words) or "none" (no words)."""
    words, _, org, name_words, _ = read
    if not words:
        return ("none", "", None)
    if org:
        return ("org", " ".join(words), None)
    gender = _title_gender(words, name_words, qwords)
    if (
        len(name_words) < 2
        or any(w.lower() in qwords.function_words for w in name_words)
        or any(w.lower() in qwords.stops for w in name_words[1:])
    ):
        return ("part", " ".join(name_words), gender)
    if any(w.endswith(("'s", "’s")) for w in name_words[:-1]):
        return ("owned", " ".join(name_words), gender)
    return ("person", " ".join(name_words), gender)


def _title_gender(
    words: Sequence[str], name_words: Sequence[str], qwords: QuoteWords
) -> str | None:
    """The gender the title words of a run (those not in ``name_words``) give: "Ms."."""
    genders = {qwords.gender.get(w.lower()) for w in words if w not in name_words}
    genders.discard(None)
    return genders.pop() if len(genders) == 1 else None


@attrs.define
class Entity:
    """A person or organisation of the article."""

    name: str
    kind: str  # "person" | "org"
    first: int
    roles: set[str] = attrs.Factory(set)
    votes: dict[str, int] = attrs.Factory(dict)

    @property
    def gender(self) -> str | None:
        male, female = self.votes.get("male", 0), self.votes.get("female", 0)
        if male > female:
            return "male"
        if female > male:
            return "female"
        return None


class Entities:
    """The named entities of one article and where each is mentioned (built per call)."""

    def __init__(self, doc: Doc, sentences: Sequence[Sentence], lexicon: Lexicon):
        self.doc = doc
        self.text = text = doc.text
        self.qwords = doc.words
        self.persons: dict[str, Entity] = {}
        self.orgs: dict[str, Entity] = {}
        self._by_suffix: dict[str, list[Entity]] = {}  # "Blinken" -> [Antony Blinken]
        self._by_first: dict[str, list[Entity]] = {}  # "Antony" -> [Antony Blinken]
        self._lower_words: set[str] | None = None  # the words the article writes in lower case
        # The unnamed sources met so far by head noun, the latest for each and where its
        # mention ends ("spokesperson" -> ("a county spokesperson", 812)): a lookup, not a scan
        # of every source before.
        self.unnamed: dict[str, tuple[str, int]] = {}
        # people introduced as someone's relative ("Her son, Peter Calder,"), by id
        self._relatives: set[int] = set()
        # the same, by the kin word and where they were introduced ("son" -> [(4120, Peter
        # Calder)]): "his son said" later is that person
        self._kin: dict[str, list[tuple[int, Entity]]] = {}
        # where people were first named by the first name alone, by id
        self._first_named: dict[int, int] = {}
        self.positions: list[int] = []  # mention positions, sorted
        self.mentioned: list[Entity] = []  # the entity at each position
        self.mention_ends: list[int] = []  # where the mention at each position ends
        # the indices (into the three lists above) of each entity's mentions, by id: the
        # nearest mention of a name's candidates is looked up per candidate, not by reading
        # back through everyone's mentions (a surname many people share, once per mention)
        self._mentions_of: dict[int, list[int]] = {}
        self._shared: list[tuple[list[Entity], Sequence[str]]] = []  # titled shared surnames
        self._titled: dict[tuple[str, frozenset[str]], int] = {}  # (surname, roles) -> given
        # surnames no full name is known for, by the roles their titles give and in text
        # order ("judge" -> [(120, "Hallam")] for "Mr Justice Hallam")
        self._titled_surnames: dict[str, list[tuple[int, str]]] = {}
        # The readings of this text's runs, each run read once. The caches shared by all
        # calls (_RUN_CACHE) keep the latest runs only: an article of more distinct runs
        # than they hold reads them in the same order again and again (owners, the index,
        # the mentions) and would find none of them there.
        self._read: dict[str, _Run] = {}
        self._reader = _run_reader(self.qwords)
        self._readings: dict[str, _Reading] = {}
        runs = self._runs(name_run(lexicon), sentences)
        # A run text that adds nothing to the index ("The", an organisation met before, a
        # word that names no one) adds nothing again: read once, skipped after. Two in five
        # runs repeat an earlier one ("Trump", "White House").
        idle: set[str] = set()
        for start, run in runs:
            if run not in idle and not self._add_run(start, run):
                idle.add(run)
        # Likewise a run resolves to the same entity wherever it stands, unless several
        # people share its name (then the nearest one before it is meant): kept per text.
        fixed: dict[str, Entity | None] = {}
        # The people of a name and a gender, kept while no gender changes: here and once
        # built (not while pronouns and titles still cast votes).
        self._of_gender: dict[tuple[str, str], list[Entity]] | None = {}
        for start, run in runs:
            if run in fixed:
                ent = fixed[run]
            else:
                found = self._run_entity(run)
                if isinstance(found, list):
                    ent = self._nearest(found, start, self._reading(run)[2])
                else:
                    ent = fixed[run] = found
            if ent is not None:
                if ent.kind == "person" and " " not in run and ent.name.startswith(run + " "):
                    self._first_named.setdefault(id(ent), start)  # "Elian" for Elian Gonzalez
                self._mentions_of.setdefault(id(ent), []).append(len(self.positions))
                self.positions.append(start)
                self.mentioned.append(ent)
                self.mention_ends.append(start + len(run))
        self._of_gender = None
        self.first_person = next(
            (
                pos
                for pos, ent in zip(self.positions, self.mentioned, strict=True)
                if self.person_like(ent)
            ),
            len(text),
        )
        self._gender_from_text(sentences)
        shared, k = self._shared, 0
        while k < len(shared):
            cands, words = shared[k]
            k += 1
            gender = self.title_gender(words, [])
            if gender is None and not any(self.qwords.gender.get(w.lower()) for w in words):
                continue  # no gendered word: nothing to learn
            times = 1
            if gender is not None:
                # the same title again right after ("Ms. Strand" in every paragraph) fits the
                # same people, who only gain its votes again: counted, not read again
                while k < len(shared) and shared[k][0] is cands and shared[k][1] == words:
                    times, k = times + 1, k + 1
            fits = [c for c in cands if c.gender == gender] or [
                c for c in cands if c.gender is None
            ]
            for ent in fits:
                self._learn(ent, set(), words, times)
        self._by_role: dict[str, list[Entity]] = {}
        for ent in self.persons.values():
            for role in ent.roles:
                self._by_role.setdefault(role, []).append(ent)
        # the names by their last words ("Gazette" -> ["Harbor Gazette"]), by their first word
        # ("Peabody" -> ["Peabody Energy"]) and by each word, lower case ("health" -> [...])
        org_suffix: dict[str, list[str]] = {}
        org_first: dict[str, list[str]] = {}
        org_words: dict[str, list[str]] = {}
        for org in self.orgs:
            parts = org.split()
            for w in {p.lower() for p in parts}:
                org_words.setdefault(w, []).append(org)
            for k in range(1, min(len(parts), 6)):
                org_suffix.setdefault(" ".join(parts[k:]), []).append(org)
            if len(parts) > 1 and parts[0].lower() not in self.qwords.function_words:
                org_first.setdefault(parts[0], []).append(org)
        for end, ent in zip(self.mention_ends, self.mentioned, strict=True):
            acronym = _ACRONYM_AFTER.match(self.text, end) if ent.kind == "org" else None
            short = acronym.group(1) if acronym is not None else ""
            if short and short != ent.name and _initials_agree(short, ent.name):
                # "the Federal Harbor Agency (FHA)": "the FHA" later is the agency (and the
                # initials agree: "Reclaim Our Schools (AROS)" is the end of a longer name,
                # "Ulster Harbor Bank (UK)" a country's)
                org_suffix.setdefault(short, []).append(ent.name)
        # kept as tuples of strings, which the garbage collector stops walking (an article
        # naming thousands of organisations would keep thousands of lists)
        self._org_suffix = {key: tuple(names) for key, names in org_suffix.items()}
        self._org_first = {key: tuple(names) for key, names in org_first.items()}
        self._org_words = {key: tuple(names) for key, names in org_words.items()}
        self._of_gender = {}

    def mentions_of(self, name: str) -> list[tuple[int, int]]:
        """(start, end) of every name in the text that resolves to the entity ``name``, with
        its titles ("Sen. Ada Kasich", "Kasich"; a "But" opening the run left out)."""
        out = []
        for pos, end, ent in zip(self.positions, self.mention_ends, self.mentioned, strict=True):
            if ent.name == name:
                _, start, _, _, _ = self._parse(pos, self.text[pos:end])
                out.append((start, end))
        return out

    # -- building

    def _parse(self, start: int, run: str) -> _Run:
        """(words, where they start, an organisation?, name words, roles) of the run at
        ``start`` (see :func:`_read_run`)."""
        words, offset, org, name_words, roles = self._read_of(run)
        return words, start + offset, org, name_words, roles

    def _read_of(self, run: str) -> _Run:
        """:func:`_read_run` of ``run``, kept for this text."""
        read = self._read.get(run)
        if read is None:
            read = self._read[run] = self._reader(run)
        return read

    def _reading(self, run: str) -> _Reading:
        """What the run names (see :func:`_run_reading`)."""
        reading = self._readings.get(run)
        if reading is None:
            reading = self._readings[run] = _run_reading(self._read_of(run), self.qwords)
        return reading

    def _add_run(self, start: int, run: str) -> bool:
        """Add what the run at ``start`` says to the index; False when the same run text
        can add nothing more anywhere (an organisation now known, no name)."""
        what, joined, _ = self._reading(run)
        if what == "org":
            name = joined
            if name not in self.orgs:
                self.orgs[name] = Entity(name=name, kind="org", first=self._parse(start, run)[1])
            return False
        if what == "part":
            # not a name: "You Should Be Criminally Investigated" (a headline's words);
            # a titled surname ("Mayor Calloway") still says something about a person
            words, _, _, name_words, roles = self._parse(start, run)
            if len(name_words) == 1 and not roles and name_words[0].endswith(("'s", "’s")):
                if not self._possessive_form(name_words[0], start + len(run)):
                    return True  # "Harrow's analysts": another "Harrow's" may be the name
                self.orgs.setdefault(
                    name_words[0], Entity(name=name_words[0], kind="org", first=start)
                )
                return False
            if not (name_words and roles):
                return False
            cands = self._candidates(name_words[-1])
            if not cands and len(name_words) == 1:
                for role in roles:
                    named = (start, _no_possessive(name_words[0]))  # "President Obama's"
                    self._titled_surnames.setdefault(role, []).append(named)
            if len(cands) == 1:
                self._learn(cands[0], roles, words)
            elif cands:
                # the roles alone, to those not given them by this title before (roles only
                # grow): a title used again is not read against everyone sharing the name
                given = (name_words[-1], frozenset(roles))
                for ent in cands[self._titled.get(given, 0) :]:
                    self._learn(ent, roles, [])
                self._titled[given] = len(cands)
            if len(cands) > 1:
                # "Ms. Strand" with Ellery and Matthias Strand named: the title's gender
                # goes to the one it fits, once the others' genders are known
                self._shared.append((cands, words))
            return True
        if what != "person":
            return False
        words, offset, _, _, roles = self._parse(start, run)
        name = _no_possessive(joined)
        known = self.persons.get(name)
        if known is None:
            known = self.titled_namesake(name, start)
        if known is None and " " in name and not self._first_name(name):
            # "Costa Ribeiro" after "Luiz Fernando Costa Ribeiro", "Mensah Jr." after "Kofi
            # Mensah Jr.": the end of one full name named before is that person, not another
            # (but "Ted Cruz", a first name and a surname, is a full name of its own, though a
            # headline's run "Morton Blackwell Endorses Ted Cruz" ends in it; nor is a run whose
            # other words the article writes in lower case, "More Hillary Clinton": a headline's)
            cands = self._candidates(name) or self._candidates(_particle_low(name))
            if len(cands) == 1 and not self._common_word_before(cands[0].name, name):
                known = cands[0]
        if known is not None:
            ent = known
        else:
            ent = self.persons[name] = Entity(name=name, kind="person", first=offset)
            parts = name.split()
            by_name = self.qwords.first_names.get(parts[0].lower())
            if by_name is not None:
                ent.votes[by_name] = 1  # "Ann Reel": one vote, a title or pronouns outweigh it
            keys = [" ".join(parts[k:]) for k in range(1, len(parts))]
            if len(parts) > 2 and (
                parts[-1].rstrip(".") in _GENERATIONAL or parts[-1] in _GENERATIONAL_NUMERALS
            ):
                # "Tom Reed Jr." is "Reed Jr." and "Reed", not "Jr."
                keys[-1:] = [" ".join(parts[k:-1]) for k in range(1, len(parts) - 1)]
            for key in keys:
                self._by_suffix.setdefault(key, []).append(ent)
            self._by_first.setdefault(parts[0], []).append(ent)
        self._learn(ent, roles, words)
        self._context_roles(ent, start, start + len(run))
        return True

    def _runs(
        self, pattern: regex.Pattern[str], sentences: Sequence[Sentence]
    ) -> list[tuple[int, str]]:
        """(start, text) of every run of capitalised words in the article's sentences (a line
        found to be boilerplate, "SOURCE Norvale Rail", "By Priya Nandakumar", names no one the
        quotes speak of), each followed by the person it owns, if any (see
        :meth:`_owned_person`)."""
        runs = []
        starts = [sent.start for sent in sentences]
        ends = [sent.end for sent in sentences]
        for m in pattern.finditer(self.text, timeout=limits.SCAN_TIMEOUT):
            start = m.start()
            k = bisect.bisect_right(starts, start) - 1
            if k < 0 or ends[k] <= start:
                continue
            run = m.group()
            runs.append((start, run))
            owned = self._owned_person(start, run)
            if owned is not None:
                runs.append(owned)
        return runs

    def _owned_person(self, start: int, run: str) -> tuple[int, str] | None:
        """The person named after an owner in a run, as a run of its own: "Harbor City's Bram
        Kessler had 27 points" gives "Bram Kessler" (the run as a whole names nobody). Only
        two or three words that read as a full name and are followed by a verb ("Apple's Tim
        Cook said"), not a thing ("the party's Super Tuesday primaries")."""
        if self._reading(run)[0] != "owned":
            return None
        cut = max(run.rfind("'s "), run.rfind("’s "))
        owned = run[cut + 3 :].lstrip()
        at = start + len(run) - len(owned)
        if not 2 <= len(owned.split()) <= 3 or not self._full_name_subject(at, owned):
            return None
        after = _VERB_AFTER.match(self.text, at + len(owned), at + len(owned) + 30)
        if after is None or not verbish(after.group(1).lower(), self.qwords):
            return None
        return at, owned

    def _learn(
        self, ent: Entity, roles: Iterable[str], words: Sequence[str], times: int = 1
    ) -> None:
        ent.roles.update(roles)
        for w in words:
            g = self.qwords.gender.get(w.lower())
            if g is not None:
                ent.votes[g] = ent.votes.get(g, 0) + 2 * times

    def _context_roles(self, ent: Entity, start: int, end: int) -> None:
        """A role word right before the name, or an apposition right after it."""
        before = _ROLE_BEFORE.search(self.text, max(0, start - 40), start)
        if before is not None:
            word = before.group(1).lower()
            if not (
                word in self.qwords.stops
                or word in self.qwords.dets
                or word in self.qwords.adverbs
                or self.qwords.cue(word) is not None
                or word.endswith(("ed", "ly", "ing"))
            ):
                ent.roles |= role_nouns(word, self.qwords)
                pair = _ROLE_PAIR_BEFORE.search(self.text, max(0, start - 60), start)
                if pair is not None and pair.group(1).lower() in self.qwords.titles:
                    # "press secretary Dana Lee" is "the press secretary" too, as "Press
                    # Secretary Dana Lee" is
                    ent.roles |= role_nouns(pair.group(1), self.qwords)
                self._learn(ent, set(), [word])
        apposed = _ROLE_APPOSED_BEFORE.search(self.text, max(0, start - 90), start)
        if apposed is not None and apposed.group(1).lower() in self.qwords.titles:
            ent.roles |= role_nouns(apposed.group(1), self.qwords)
        kin = _RELATIVE_BEFORE.search(self.text, max(0, start - 40), start)
        if kin is not None and kin.group(1).lower() in self.qwords.kin:
            # "Her son, Peter Calder,", "his wife Ann Reel": a relative of someone named
            self._relatives.add(id(ent))
            seen = self._kin.setdefault(kin.group(1).lower(), [])
            if not seen or seen[-1][1] is not ent:
                seen.append((start, ent))
        app = _ROLE_AFTER.match(self.text, end, min(len(self.text), end + 120))
        if app is None:
            # a title with no article, before its "of": "Rafe Dunmore, president of the
            # Harbor Workers Union," is "the president" and "the union president" later, and
            # "Imogen Tate, chief executive of …," is "the chief executive"
            bare = _TITLE_APPOSED_BARE.match(self.text, end, min(len(self.text), end + 40))
            if bare is not None and bare.group(1).lower() in self.qwords.titles:
                app = bare
        if app is not None:
            words = [
                w
                for w in app.group(1).split()
                if not w[:1].isupper() or w.lower() in self.qwords.titles
            ]
            if words:
                ent.roles |= role_nouns(words[-1], self.qwords)
                if " ".join(words[-2:]).lower() in self.qwords.titles:
                    ent.roles |= role_nouns(" ".join(words[-2:]), self.qwords)  # as above
                self._learn(ent, set(), words[-1:])

    def _gender_from_text(self, sentences: Sequence[Sentence]) -> None:
        """A pronoun in the sentence whose subject a person is (or opening the next one)
        tells that person's gender."""
        for k, sent in enumerate(sentences):
            after = sentences[k + 1] if k + 1 < len(sentences) else None
            if _PRONOUN_WORDS.search(self.text, sent.start, sent.end) is None and (
                after is None or _PRONOUN_WORDS.match(self.text, after.start, after.end) is None
            ):
                continue  # no pronoun to read a gender from: skip the subject search
            sub = clause_subject(self.doc, sent.start, min(sent.end, sent.start + 200))
            if sub is None or sub[0].kind != "name" or sub[0].head is None:
                continue
            ent = self._entity_at(sub[0].head[0], sub[0].head[1])
            if ent is None or ent.kind != "person":
                continue
            m = _unquoted_pronoun(self.text, sent.start, sub[1], sent.end)
            if m is None and k + 1 < len(sentences):
                m = _PRONOUN_WORDS.match(self.text, sentences[k + 1].start, sentences[k + 1].end)
            if m is None:
                continue
            if _OWNER_WORD.search(self.text, sub[1], m.start()) is not None:
                # "Harlow Rovers sacked their manager Callum Drewitt after his tenure": the
                # subject owns by "their" or "its", a team or a firm; the pronoun is another's
                continue
            g = "male" if m.group(1).lower() in ("he", "his", "him", "himself") else "female"
            ent.votes[g] = ent.votes.get(g, 0) + 1

    def person_like(self, ent: Entity) -> bool:
        """``ent`` reads as a person: not a name in capitals (a dateline's "TARROW BAY") nor
        one with a word of places, firms or media ("Harbor City", "Brill Media")."""
        words = self.qwords
        return (
            ent.kind == "person"
            and not ent.name.isupper()
            and not any(
                w.lower() in words.places or w.lower() in words.firms or w.lower() in words.media
                for w in ent.name.split()
            )
        )

    def _possessive_form(self, name: str, end: int) -> bool:
        """``name``, ending in "'s" at ``end``, is written in the possessive form, a shop's or
        a firm's: no noun it owns follows (see :func:`named_possessive`), its first word is
        no first name ("Tom's said" is "Tom has said") nor a function word ("That's"), and
        the text never writes it without the "'s"."""
        qwords = self.qwords
        bare = _no_possessive(name)
        first = bare.split()[0].lower()
        return (
            named_possessive(self.text, end, qwords)
            and first not in qwords.first_names
            # "That's compared to", "There's also": a word and "is"
            and first not in qwords.stops
            and first not in qwords.function_words
            # "President Trump spoke … Trump's said": the name written without it too
            and not any(
                not self.text.startswith(("'", "’"), i + len(bare))
                for i in word_starts(self.text, bare, end - NEAR, end + NEAR)
            )
        )

    def possessive_name(self, name: str, position: int, end: int) -> bool:
        """The mention ``name`` at ``position`` (its "'s" ending at ``end``) is a name in the
        possessive form ("Harrow's said"), not a person's possessive or "has" ("Brandt's said"
        after "Tomas Brandt"): see :meth:`_possessive_form`; nobody in the article is named
        by it without the "'s"."""
        return self._possessive_form(name, end) and self.person(name, position) is None

    # -- lookup

    def _candidates(self, word: str) -> list[Entity]:
        return self._by_suffix.get(word, [])

    def titled_namesake(self, name: str, position: int) -> Entity | None:
        """The person "Dean Kessler" at ``position`` is, a title that is also a first name
        kept as one (see :func:`strip_title`): the one person named before with that surname
        ("Marta Kessler"), in an article that writes the title in lower case too ("dean of
        the law school"); "Dean Farrady", and "her husband, Dean Smith" after "Anne Smith",
        are names."""
        parts = name.split()
        if len(parts) != 2 or parts[0].lower() not in self.qwords.titles:
            return None
        cands = [c for c in self._candidates(parts[1]) if c.first < position]
        if len(cands) != 1 or cands[0].name.split()[0] == parts[0]:
            return None
        title = parts[0].lower()
        lower = next(word_starts(self.text, title, position - NEAR, position + NEAR), None)
        return cands[0] if lower is not None else None

    def title_gender(self, words: Sequence[str], name_words: Sequence[str]) -> str | None:
        """The gender the title words of a run (those not in ``name_words``) give: "Ms."."""
        return _title_gender(words, name_words, self.qwords)

    def _lookup_run(self, start: int, run: str) -> Entity | None:
        found = self._run_entity(run)
        if isinstance(found, list):
            return self._nearest(found, start, self._reading(run)[2])
        return found

    def _run_entity(self, run: str) -> Entity | list[Entity] | None:
        """The entity a run text names, or the people it may name (several: the nearest
        one before the run is meant), or None."""
        what, joined, gender = self._reading(run)
        if what == "none":
            return None
        if what == "org":
            return self.orgs.get(joined)
        return self._person_candidates(joined, gender)

    def _entity_at(self, start: int, end: int) -> Entity | None:
        return self._lookup_run(start, self.text[start:end])

    def person(self, short: str, position: int, gender: str | None = None) -> Entity | None:
        """The person a name or part of a name refers to (nearest before ``position``; of
        ``gender``, a gendered title's, when several share the name and one is known to be)."""
        found = self._person_candidates(short, gender)
        return self._nearest(found, position, gender) if isinstance(found, list) else found

    def _person_candidates(
        self, short: str, gender: str | None = None
    ) -> Entity | list[Entity] | None:
        """The person a name or part of a name refers to wherever it stands, or the people it
        may refer to (several: see :meth:`person`), or None."""
        short = _no_possessive(short)
        if not short:
            return None
        ent = self.persons.get(short)
        if ent is not None:
            return ent
        cands: list[Entity] = self._by_suffix.get(short, [])
        low = _particle_low(short)
        if not cands and low != short:
            ent = self.persons.get(low)
            if ent is not None:
                return ent
            short, cands = low, self._by_suffix.get(low, [])
        if not cands and " " not in short:
            cands = self._by_first.get(short, [])
            if len(cands) > 1:
                return None
        if not cands:
            return None
        if gender is not None and len(cands) > 1:
            cached = self._of_gender
            fits = cached.get((short, gender)) if cached is not None else None
            if fits is None:
                fits = [c for c in cands if c.gender == gender]
                if cached is not None:
                    cached[short, gender] = fits
            cands = fits or cands
        # one candidate is meant wherever the name stands (the nearest of one is that one)
        return cands[0] if len(cands) == 1 else cands

    def _nearest(self, cands: list[Entity], position: int, gender: str | None = None) -> Entity:
        """The candidate mentioned last before ``position``, but a relative named in another
        paragraph is not meant when someone else of the name fits (see below); ``gender``:
        the name's gendered title gives it ("Ms. Calder")."""
        best, best_pos = self._last_of(cands, position)
        if (
            best is not None
            and id(best) in self._relatives
            and "\n" in self.text[best_pos:position]
        ):
            # "Ruth Calder … Her son, Peter Calder, said … \n\nCalder was born in 1933": a
            # relative who shares the surname is named by the first name after, so beyond
            # the paragraph that names the relative the surname is the other person's
            # ... unless the other is called by the first name ("the boy's father, Juan
            # Gonzalez" after "Elian": the surname is the father's)
            def other(c: Entity) -> bool:
                return (
                    id(c) not in self._relatives
                    and self._first_named.get(id(c), position) >= position
                    # a gendered title ("Mr. Calder") still names one of its gender
                    and (gender is None or c.gender == gender)
                )

            # the other mentioned last, else the other named first
            others = [c for c in cands if other(c)]
            near, near_pos = self._last_of(others, position)
            if near is not None and near_pos >= 0:
                return near
            if others:
                return min(others, key=lambda e: e.first)
        if best is not None and best_pos >= 0:
            return best
        return min(cands, key=lambda e: e.first)

    def _last_of(self, cands: Iterable[Entity], position: int) -> tuple[Entity | None, int]:
        """(entity, position) of the last mention before ``position`` of one of ``cands``,
        looking back ``_MAX_MENTIONS_BACK`` mentions; (None, -1) if none."""
        last = bisect.bisect_right(self.positions, position) - 1
        best = stop = max(-1, last - _MAX_MENTIONS_BACK)
        for ent in cands:
            ks = self._mentions_of.get(id(ent))
            if ks:
                i = bisect.bisect_right(ks, last) - 1
                if i >= 0 and ks[i] > best:
                    best = ks[i]
        return (None, -1) if best == stop else (self.mentioned[best], self.positions[best])

    def _last_mentioned(
        self, position: int, accept: Callable[[Entity], bool]
    ) -> tuple[Entity | None, int]:
        """(entity, position) of the last mention before ``position`` of an entity that
        ``accept`` takes, looking back ``_MAX_MENTIONS_BACK`` mentions; (None, -1) if none."""
        k = bisect.bisect_right(self.positions, position) - 1
        stop = max(-1, k - _MAX_MENTIONS_BACK)
        while k > stop:
            if accept(self.mentioned[k]):
                return self.mentioned[k], self.positions[k]
            k -= 1
        return None, -1

    def org(self, words: list[str]) -> tuple[str, bool]:
        """(canonical name, shortened) of an organisation mention: the shortest longer name
        the article gives that ends in it ("the Gazette" -> "Harbor Gazette")."""
        while words and words[0].lower() == "the":
            words = words[1:]
        name = " ".join(words)
        longer = [o for o in self._org_suffix.get(name, ()) if len(o.split()) <= 6]
        if longer:
            return min(longer, key=len), True
        return name, False

    def org_by_first(self, word: str, heads: frozenset[str]) -> str | None:
        """The one company whose name opens with ``word`` and ends in one of ``heads``
        ("Peabody" -> "Peabody Energy"), or None (none, or several). Other organisations are
        left out: "Cleveland" is no short name of "Cleveland Police Patrolmen's Association"."""
        found = [o for o in self._org_first.get(word, ()) if o.split()[-1].lower() in heads]
        return found[0] if len(found) == 1 else None

    def firm_before(self, position: int, heads: frozenset[str]) -> str | None:
        """The organisation last named before ``position`` whose name ends in one of
        ``heads`` (lower case: "industries", "inc."), looking back a few mentions."""
        k = bisect.bisect_left(self.positions, position) - 1
        stop = max(-1, k - _MAX_MENTIONS_BACK)
        while k > stop:
            ent = self.mentioned[k]
            names = ent.name.split()
            if ent.kind == "org" and len(names) > 1 and names[-1].lower() in heads:
                end = self.mention_ends[k]
                if self.text.startswith(".", end) and f"{names[-1].lower()}." in heads:
                    return f"{ent.name}."  # "Brindle Motors Inc." (a run stops at the period)
                return ent.name  # not "Mining" alone ("I work in Mining")
            k -= 1
        return None

    def org_before(self, position: int, noun: str) -> str | None:
        """The name of the organisation last named before ``position`` if ``noun`` is its
        head ("the Ministry of Fisheries", "the Tarrow County Council"; not "the Tarrow Court
        House" for "the court") and no other organisation with that head is named in the same
        stretch ("the Ministry of Fisheries and the Ministry of Finance": neither); not one
        named before another ("the GOP" after "the Tea Party" is no party)."""
        ent, at = self._last_mentioned(position, lambda e: e.kind == "org")
        if ent is None or _org_head(ent.name) != noun:
            return None
        k = bisect.bisect_left(self.positions, at) - 1
        while k >= 0 and at - self.positions[k] <= _SAME_SENTENCE:
            other = self.mentioned[k]
            if other is not ent and other.kind == "org" and _org_head(other.name) == noun:
                return None
            k -= 1
        return ent.name

    def named_below(self, description: str, end: int) -> Entity | None:
        """The person an unnamed lead source turns out to be: "A federal judge on Friday
        blocked …" and, in the next lines, "U.S. District Judge Helena Ostrowski wrote".

        Only for a description ("a/an/the …", "Kestova's …") of a role that titles a name, when
        nobody is named before it (the article's lead) and the first person named after it,
        within ``_LEAD_NAMED`` characters, is the only one in the article holding that role.
        """
        words = description.lower().split()
        if not 2 <= len(words) <= 5:
            return None
        if words[0] not in ("a", "an", "the") and not (
            description[:1].isupper() and words[0].endswith(("'s", "’s"))
        ):
            return None
        if self.first_person < end:
            return None
        head = _head_noun(description)
        role = self.qwords.roles.get(head, head)
        holders: list[Entity] = self._by_role.get(role, [])
        if len(holders) != 1 or head not in self.qwords.titles:
            return None
        k = bisect.bisect_left(self.positions, end)
        while k < len(self.positions) and self.positions[k] - end <= _LEAD_NAMED:
            ent = self.mentioned[k]
            if ent.kind == "person" and ent.roles:
                if ent is not holders[0] or _UNNAMED.search(self.text, end, self.positions[k]):
                    return None  # "…, speaking on condition of anonymity": not the one named
                return ent
            k += 1
        return None

    def described_org(self, description: str, position: int) -> Entity | None:
        """The one organisation named before ``position`` whose name holds every word of
        ``description``, a definite one with a capitalised word and an organisation noun:
        "the Marland health department" after "the Marland Department of Health"."""
        words = description.split()
        if not 3 <= len(words) <= 5 or words[0].lower() != "the":
            return None
        rest = [w.lower() for w in words[1:]]
        if not any(is_cap(w) for w in words[1:]) or rest[-1] not in self.qwords.orgs:
            return None
        # the names holding the description's rarest word, then every word
        names = min((self._org_words.get(w, ()) for w in rest), key=len)
        found = [
            ent
            for ent in (self.orgs[name] for name in names)
            if ent.first < position and set(rest) <= {w.lower() for w in ent.name.split()}
        ]
        return found[0] if len(found) == 1 else None

    def relative(self, description: str, position: int) -> Entity | None:
        """The one person introduced before ``position`` by the kin word of ``description``
        ("his son" after "His son, Peter Calder,"); None when none or several were."""
        m = _KIN_DESCRIPTION.fullmatch(description)
        if m is None:
            return None
        found: Entity | None = None
        for at, ent in self._kin.get(m.group(1).lower(), ()):  # in text order
            if at >= position:
                break
            if found is not None and ent is not found:
                return None  # two people introduced by the word: "his son" is either
            found = ent
        return found

    def by_role(self, role: str, position: int) -> Entity | None:
        cands: list[Entity] = self._by_role.get(role, [])
        if not cands:
            return None
        return self._nearest(cands, position)

    def titled_surname(self, role: str, position: int) -> str | None:
        """The surname last given with a title of ``role`` before ``position``, when the
        article names no one of it in full ("Mr Justice Hallam", then "the judge")."""
        named = self._titled_surnames.get(role, [])
        k = bisect.bisect_left(named, (position, "")) - 1
        return named[k][1] if k >= 0 else None

    def last_person(
        self, position: int, gender: str | None, *, strict: bool, exclude: Entity | None = None
    ) -> Entity | None:
        """The person a pronoun before ``position`` refers to.

        The nearest person known to be of the pronoun's gender wins, unless a person of that
        gender named earlier in the same sentence is its subject and the nearer one was named
        in passing ("Rafe Dunmore toured the levee with Tom Marraway": Dunmore); see
        ``_outranks``. A person known to be of the other gender is skipped. Unless ``strict``,
        the nearest person of unknown gender is the fallback (not the first choice: many
        capitalised phrases read as persons of unknown gender, "Little Rock"). ``exclude``:
        a person who cannot be meant (the asker, for "he replied")."""
        k = bisect.bisect_left(self.positions, position) - 1
        fallback = None
        best: Entity | None = None
        best_k = -1
        lo = -1  # start of the earliest mention read in the chosen sentence
        while k >= 0 and position - self.positions[k] <= _MAX_PRONOUN_DISTANCE:
            ent = self.mentioned[k]
            at = self.positions[k]
            if best is not None:
                if lo - at > _SAME_SENTENCE or _SENTENCE_GAP.search(
                    self.text, self.mention_ends[k], lo
                ):
                    break
                lo = at
            if ent.kind == "person" and ent is not exclude:
                if gender is None or ent.gender == gender:
                    if best is None:
                        best, best_k, lo = ent, k, at
                    elif self._outranks(k, best_k):
                        best, best_k = ent, k
                elif (
                    ent.gender is None
                    and fallback is None
                    and best is None
                    # not "Pell Street" for "she", but "Ines Park, a baker,": a role is a person's
                    and (bool(ent.roles) or self.person_like(ent))
                ):
                    fallback = ent
            k -= 1
        if best is not None:
            return best
        return None if strict else fallback

    def new_subject(
        self,
        lo: int,
        hi: int,
        gender: str | None,
        exclude: Entity | None,
        pronoun: int | None = None,
    ) -> Entity | None:
        """A person other than ``exclude`` who opens a sentence in [lo, hi) of the paragraph
        that ``hi`` ends, with the gender ``gender`` or none known (any, if ``gender`` is
        None): "Pellham boss Gianni Roccaforte was less impressed. "…," he told reporters."
        (he: Roccaforte, not the previous quote's speaker). ``pronoun``: where the pronoun stands; a person in its own
        sentence before an attribution after the content ("Also, Trump isn't a conservative,
        he said") is the content's subject, not the speaker."""
        text = self.text
        k = bisect.bisect_left(self.positions, hi) - 1
        while k >= 0 and self.positions[k] >= lo:
            pos = self.positions[k]
            if "\n" in text[pos:hi]:
                return None
            ent = self.mentioned[k]
            if ent.kind == "person" and (gender is None or ent.gender in (None, gender)):
                # the latest person who may be meant decides: the previous speaker again, or
                # someone named in passing ("During her campaign, Clinton …"), keeps it
                if (
                    ent is not exclude
                    and (
                        ent.roles
                        or self._first_name(ent.name)
                        # "Kezia Vant" named before, now "Vant, who …, was gracious": a person
                        or self._surname_again(pos, ent.name)
                        # "Felix Andersohn demonstrated the headset.": a full name as the
                        # subject, whatever the first name
                        or self._full_name_subject(pos, ent.name)
                    )
                    and self._opens_sentence(pos)
                    # in the quote's own sentence, not the subject of the content before "…, he
                    # said" ("Clinton "caused …," he said", "Also, Trump isn't a conservative,
                    # he said"); "Carson seems … — he told the AP that" is Carson's
                    and (
                        pronoun is None
                        or _SENTENCE_END.search(text, pos, pronoun) is not None
                        or _POSTPOSED_PRONOUN.search(text, max(pos, pronoun - 6), pronoun) is None
                    )
                ):
                    return ent
                return None
            k -= 1
        return None

    def _surname_again(self, pos: int, name: str) -> bool:
        """The person named in full before is named at ``pos`` by the surname alone (and the
        full name does not open with a word that names nobody: "How Sanders", "Entrusting
        Donald Trump" are a sentence's first words before a name)."""
        parts = name.split()
        first = parts[0].lower() if parts else ""
        return (
            len(parts) >= 2
            and self.text.startswith(parts[-1], pos)
            and not self.text.startswith(name, pos)
            and first not in self.qwords.function_words
            and first not in self.qwords.stops
            and first not in self.qwords.groups
            and self.qwords.cue(first) is None
            and not first.endswith("ing")
        )

    def _full_name_subject(self, pos: int, name: str) -> bool:
        """The person is named in full at ``pos`` by two or three capitalised words that name
        no organisation or place ("Felix Andersohn", not "Port Ellery" or "Kelverton
        University"), and a verb or an apposition follows ("Felix Andersohn demonstrated",
        "Felix Andersohn, who …")."""
        words = self.qwords
        parts = name.split()
        if not 2 <= len(parts) <= 3 or not self.text.startswith(name, pos):
            return False
        lows = [w.lower() for w in parts]
        if (
            not all(is_cap(w) and w.replace("-", "").replace("'", "").isalpha() for w in parts)
            or _org_words(parts, words)
            or any(w in words.places or w in words.firms or w in words.media for w in lows)
            or lows[0] in words.function_words
            or lows[0] in words.stops
            or lows[0] in words.groups
            or lows[0] in words.titles
            or words.cue(lows[0]) is not None
        ):
            return False
        after = _NEXT_WORD.match(self.text, pos + len(name), pos + len(name) + 30)
        return after is not None

    def _common_word_before(self, full: str, end: str) -> bool:
        """A word of ``full`` before its end ``end`` is one the article also writes in lower
        case ("More" in "More Hillary Clinton", "impeach" for "Impeach AG Lynch")."""
        if self._lower_words is None:
            self._lower_words = set(_LOWER_WORD.findall(self.text))
        lead = full[: len(full) - len(end)].split()
        return any(w.lower() in self._lower_words for w in lead if w.lower() not in NAME_PARTICLES)

    def _first_name(self, name: str) -> bool:
        first = name.split(maxsplit=1)[0] if name else ""
        return first.lower() in self.qwords.first_names

    def _opens_sentence(self, pos: int) -> bool:
        """Only capitalised words and role words stand between the sentence's start and
        ``pos`` ("Pellham boss Gianni Roccaforte")."""
        text = self.text
        lead = text[max(0, pos - _SENTENCE_LEAD) : pos]
        gap = None
        for m in _SENTENCE_GAP.finditer(lead):
            gap = m
        if gap is None and pos - _SENTENCE_LEAD > 0:
            return False
        words = lead[gap.end() if gap is not None else 0 :].split()
        role = words[-1][:-1].lower() if words else ""
        if (
            1 < len(words) <= 6
            and words[-1].endswith(",")
            and is_cap(words[0])
            and (role in self.qwords.titles or role in self.qwords.persons)
        ):
            return True  # "Lumora's chief technology officer, Felix Andersohn": role, name
        if (
            1 < len(words) <= 4
            and is_cap(words[0])
            and words[-1].lower() in self.qwords.persons
            and all(w.replace("-", "").isalpha() for w in words)
        ):
            return True  # "Community organizer Tamsin Oyelaran": a role noun before the name
        if (
            len(words) == 2
            and words[1].endswith(",")
            and (
                (role := words[1][:-1].lower()) in self.qwords.kin
                or role in self.qwords.persons
                or role in self.qwords.titles
            )
            and (words[0] in ("His", "Her", "Their") or words[0].endswith(("'s", "’s")))
        ):
            # "His wife, Sigrun Viken", "Brandvold's sister, Ingrid Sollie", "Her co-star,
            # Renée Castellano"
            return True
        if (
            1 < len(words) <= 10
            and words[-1].endswith(",")
            and is_cap(words[0])
            and words[0].endswith("ed")
            and not any(w.endswith(",") for w in words[:-1])
        ):
            return True  # "Asked about his plans, Halvorsen laughed.": a participle's clause
        return all(
            is_cap(w) or w.lower() in self.qwords.titles or w.lower() in ("the", "a", "an")
            for w in words
        )

    def _outranks(self, k: int, near: int) -> bool:
        """The person of mention ``k`` (earlier in the sentence) is a likelier antecedent
        than the one of mention ``near``: the nearer one is not a source itself (no verb of
        saying right before or after it, "said Jake Horowitz", unless the earlier name is that
        verb's subject, "Tom Penn asked Peter Calloway") and is not the head that the
        earlier name modifies ("Dunmore spokesman Tom Marraway"); the earlier one does not
        follow a preposition ("The rise of Harlan gave Voss …")."""
        text, words = self.text, self.qwords
        between = text[self.mention_ends[k] : self.positions[near]]
        if not any(w.islower() and w not in words.titles for w in between.split()):
            return False
        lead = _LAST_WORD.search(text, max(0, self.positions[k] - 30), self.positions[k])
        if lead is not None and lead.group(1) in _PREPOSITIONS:
            return False  # "During an interview with Tom Penn, Ada Marsh said"
        before = _LAST_WORD.search(text, max(0, self.positions[near] - 30), self.positions[near])
        if before is not None and words.cue(before.group(1)) is not None:
            # "said Jake Horowitz": the nearer one speaks; "Tom Penn asked Peter Calloway": the
            # nearer one is only asked, the earlier one is the subject of the verb
            return not text[self.mention_ends[k] : before.start(1)].strip()
        after = _FIRST_WORD.match(text, self.mention_ends[near], self.mention_ends[near] + 30)
        return after is None or words.cue(after.group(1)) is None


def _particle_low(name: str) -> str:
    """A surname's particle in lower case, as a full name may write it: "Van der Berg" (opening
    a sentence) may be "van der Berg" of "Pieter van der Berg"."""
    first, sep, rest = name.partition(" ")
    low = first.lower()
    return low + sep + rest if sep and low in NAME_PARTICLES and first != low else name


def _no_possessive(name: str) -> str:
    return name[:-2] if name.endswith(("'s", "’s")) else name


def _org_words(words: list[str], qwords: QuoteWords) -> bool:
    lows = [w.lower() for w in words]
    if lows[-1].rstrip("'’s") in qwords.orgs or lows[-1] in qwords.orgs:
        return True
    if ("of" in lows or "for" in lows) and any(
        (lows[k] in qwords.orgs or lows[k].removesuffix("s") in qwords.orgs)
        and lows[k + 1] in ("of", "for")
        for k in range(len(lows) - 1)
    ):
        # "University of California", "Department for Communities", "Centers for Disease
        # Control and Prevention"
        return True
    if len(words) == 1:
        w = words[0]
        return len(w) >= 2 and w.isupper() and w.isalpha()
    return False


def _person_of_org(words: Sequence[str], qwords: QuoteWords) -> bool:
    """Two capitalised words that name no organisation, then "of" and an organisation: a
    person and the firm they work for, whatever the first name ("Gus Ferrante of Holloway
    Partners"; not "Kellan Foods of Marrowick", "Bank of England")."""
    return (
        len(words) > 3
        and words[2] == "of"
        and is_cap(words[0])
        and is_cap(words[1])
        and not _org_words(list(words[:2]), qwords)
        and _org_words(list(words[3:]), qwords)
    )


_OF_THE_END = compile_re(r"\s+of\s+the\s+$", regex.V1)


def _person_of(words: list[str], entities: Entities) -> bool:
    """The capitalised words before an "of" name a person, not an organisation's first words:
    a known first name opens them ("Ruth Ekwueme of Storrow Capital"), or a title stands
    before two name words ("Detective Sgt. Renata Olufsen of the Tellmoor Police"), and they
    end in no organisation word ("Federal Reserve Bank of Boston")."""
    qwords = entities.qwords
    name_words, roles = strip_title(words, qwords)
    return (
        all(is_cap(w) for w in words)
        and (words[0].lower() in qwords.first_names or (bool(roles) and len(name_words) >= 2))
        and not _org_words(words, qwords)
    )


def _person_like(speaker: Speaker, ent: Entity | None, qwords: QuoteWords, text: str) -> bool:
    """ "he" or "she" may stand for this speaker: a person of the article, or a name that is
    not an organisation, a description, a pronoun or a thing ("I", "the emails", "CEO")."""
    if ent is not None:
        return ent.kind == "person"
    words = speaker.name.split()
    if speaker.resolved_by == "description":
        # "the host", "a company spokeswoman": one person named by a role; not "officials";
        # or one who asked not to be named ("A former Corvane executive, who asked not to be
        # named, said")
        # the head before a phrase that places it: "a former supervisor at the hospital"
        cut = next((i for i, w in enumerate(words) if i and w in _PREPOSITIONS), len(words))
        head = words[cut - 1].lower() if words else ""
        return person_noun(head, qwords) or _unnamed_one(speaker, words, text)
    first = words[0].lower() if words else ""
    return bool(words) and not (
        first in qwords.pronouns
        or (first in qwords.dets and speaker.resolved_by != "title")
        or _org_words(words, qwords)
    )


def _unnamed_one(speaker: Speaker, words: list[str], text: str) -> bool:
    """``speaker`` is one person ("a", "an", "one" …) whose aside says they stay unnamed."""
    m = speaker.mention
    if m is None or not words or words[0].lower() not in ("a", "an", "one"):
        return False
    aside = _ASIDE_AFTER.match(text, m.end, min(len(text), m.end + _ASIDE_REACH))
    return aside is not None and _UNNAMED.search(aside.group()) is not None


# the aside right after a mention: ", who asked not to be named,"
_ASIDE_AFTER = compile_re(r",\s*+who\s[^,;.]++,", regex.V1)
_ASIDE_REACH = 120


def resolve(
    text: str,
    mention: Mention,
    entities: Entities,
    previous: tuple[Speaker, Entity | None] | None,
    *,
    close_to_previous: bool,
    replies: bool = False,
) -> tuple[Speaker, Entity | None]:
    """Resolve a source mention to a Speaker (and the entity, when one is known).
    ``replies``: the mention's cue answers the previous speaker's question."""
    qwords = entities.qwords
    span = Span(start=mention.start, end=mention.end, text=text[mention.start : mention.end])
    if mention.kind == "pronoun":
        return _pronoun(span, entities, previous, close_to_previous, replies)
    if mention.kind in ("name", "org") and mention.head is not None:
        head_words = without_nickname(text[mention.head[0] : mention.head[1]].split())
        owner = [i for i, w in enumerate(head_words[:-1]) if w.endswith(("'s", "’s"))]
        if owner and _CORP_SUFFIX.fullmatch(" ".join(head_words[owner[-1] + 1 :])):
            owner = []  # "McDonald's Corp.": a name in the possessive form and its legal form
        kind = mention.kind
        if owner:
            head_words = head_words[owner[-1] + 1 :]  # "The Post's Dana Milbank": the person
            kind = "org" if _org_words(head_words, qwords) else "name"
        if "of" in head_words[2:]:
            cut = head_words.index("of", 2)
            if _person_of(head_words[:cut], entities) or _person_of_org(head_words, qwords):
                head_words = head_words[:cut]  # "Ruth Ekwueme of Storrow Capital": the person
                kind = "name"
        elif not owner:
            # "Detective Sgt. Renata Olufsen of the Tellmoor Police Department": the head is
            # the organisation after "of the", the person named before it speaks
            before = _OF_THE_END.search(text, mention.start, mention.head[0])
            person = text[mention.start : before.start()].split() if before else []
            if person and (_person_of(person, entities) or " ".join(person) in entities.persons):
                head_words, kind = person, "name"
        name_words, roles = strip_title(head_words, qwords)
        # a title before two name words makes a person ("Atlantic City Mayor Don Guardian",
        # though "Guardian" ends newspaper names)
        titled = bool(roles) and sum(is_cap(w) for w in name_words) >= 2
        if not titled and (kind == "org" or _org_words(head_words, qwords)):
            name, is_alias = entities.org(head_words)
            ent = entities.orgs.get(name)
            by = "alias" if is_alias else "name"
            lead = text[mention.start : mention.head[0]].lower().split()
            if lead[-1:] == ["the"]:
                lead = lead[:-1]
            if len(lead) >= 2 and lead[-1] in ("for", "at") and lead[-2] in qwords.proxies:
                # "A spokesperson for Kestrel Logistics said": "the spokesperson" later is
                # the firm's voice again
                entities.unnamed[lead[-2]] = (name, span.end)
            return Speaker(name=name, mention=span, resolved_by=by), ent
        if not name_words:
            name_words = head_words
        if "of" in name_words[2:]:
            name_words = name_words[: name_words.index("of", 2)]  # "Jason Gilbert of Cheyenne"
        name_words = [
            w
            for i, w in enumerate(name_words)
            if is_cap(w)
            # particles opening a surname stay: "de la Fuente"
            or (
                w in NAME_PARTICLES
                and all(w2 in NAME_PARTICLES for w2 in name_words[:i])
                and any(is_cap(w2) for w2 in name_words[i + 1 :])
            )
            # a particle between two parts of the name stays: "Pim de Ruiter", "Ludwig van Beek",
            # and so does an ampersand: "Calder & Wynne"
            or (
                (w in NAME_PARTICLES or w == "&")
                and 0 < i < len(name_words) - 1
                and (is_cap(name_words[i - 1]) or name_words[i - 1] in NAME_PARTICLES)
                and (is_cap(name_words[i + 1]) or name_words[i + 1] in NAME_PARTICLES)
            )
        ]
        short = " ".join(name_words)
        if short.endswith(("'s", "’s")):
            if not roles and entities.possessive_name(short, mention.start, mention.head[1]):
                # "Harrow's said", "Marlowe's, the auction house, said": the shop's name, or
                # the short name of "Harrow's Inc." named before
                org = entities.org_by_first(short, qwords.firms)
                if org is not None:
                    return Speaker(name=org, mention=span, resolved_by="alias"), entities.orgs[org]
                ent = entities.orgs.get(short)
                return Speaker(name=short, mention=span, resolved_by="name"), ent
            short = short[:-2]
        elif short.endswith(("'", "’")):
            short = short[:-1]  # "in Forbes’ words"
        gender = entities.title_gender(head_words, name_words)  # "Ms. Strand": female
        ent = entities.person(short, mention.start, gender)
        if ent is None and not roles:
            ent = entities.titled_namesake(short, mention.start)
        if ent is not None:
            by = "name" if ent.name == short else "alias"
            return Speaker(name=ent.name, mention=span, resolved_by=by), ent
        org = (
            entities.org_by_first(short, entities.qwords.firms)
            if short and " " not in short
            else None
        )
        if org is not None:  # "In a statement, Peabody said" after "Peabody Energy"
            return Speaker(name=org, mention=span, resolved_by="alias"), entities.orgs[org]
        if not short:
            return Speaker(name=span.text, mention=span, resolved_by="description"), None
        return Speaker(name=short, mention=span, resolved_by="name"), None
    if mention.kind == "description":
        role = _role_of(span.text, qwords)
        if role is not None:
            if (
                previous is not None
                and previous[1] is not None
                and role in previous[1].roles
                and close_to_previous
            ):
                return Speaker(name=previous[1].name, mention=span, resolved_by="title"), previous[
                    1
                ]
            ent = entities.by_role(role, mention.start)
            if ent is None and role in qwords.roles:
                # "the CEO" is anyone named a chief executive
                ent = entities.by_role(qwords.roles[role], mention.start)
            if ent is not None:
                return Speaker(name=ent.name, mention=span, resolved_by="title"), ent
            surname = entities.titled_surname(role, mention.start)
            if surname is not None:
                return Speaker(name=surname, mention=span, resolved_by="title"), None
            # "the spokesperson" after "a county spokesperson": the unnamed source again
            source, since = entities.unnamed.get(role, ("", 0))
            if source and role in qwords.proxies and text.find(role, since, mention.start) >= 0:
                # another spokesperson named since ("its own spokesperson"): not the one before
                del entities.unnamed[role]
            elif source:
                entities.unnamed[role] = (source, span.end)
                return Speaker(name=source, mention=span, resolved_by="title"), None
        if _AGE_DESCRIPTION.fullmatch(span.text):
            # "The 54-year-old, a former prosecutor, said": the person just spoken of
            prev_ent = previous[1] if previous is not None and close_to_previous else None
            if previous is not None and prev_ent is not None and prev_ent.kind == "person":
                return attrs.evolve(previous[0], mention=span, resolved_by="title"), prev_ent
            ent = entities.last_person(_before_content(text, mention.start), None, strict=True)
            if ent is not None:
                return Speaker(name=ent.name, mention=span, resolved_by="title"), ent
        kin = entities.relative(span.text, mention.start)
        if kin is not None:
            return Speaker(name=kin.name, mention=span, resolved_by="title"), kin
        named = entities.named_below(span.text, mention.end)
        if named is not None:
            return Speaker(name=named.name, mention=span, resolved_by="title"), named
        described = entities.described_org(span.text, mention.start)
        if described is not None:
            return Speaker(name=described.name, mention=span, resolved_by="alias"), described
        entities.unnamed[_head_noun(span.text)] = (span.text, span.end)
    return Speaker(name=span.text, mention=span, resolved_by="description"), None


def is_age_description(text: str) -> bool:
    """``the 31-year-old``, ``the 41-year-old manager``: a person named before, by age."""
    return _AGE_DESCRIPTION.fullmatch(text) is not None


def _before_content(text: str, pos: int) -> int:
    """Where the quote that an attribution at ``pos`` follows opens (``“…,” said the
    43-year-old``: names inside the content are not who is meant), else ``pos``."""
    close = _CLOSE_BEFORE.search(text, max(0, pos - 20), pos)
    if close is None:
        return pos
    lo = max(0, close.start() - 2000)
    opening = max(text.rfind(c, lo, close.start()) for c in MARKS)
    return opening if opening >= 0 else pos


def _head_noun(description: str) -> str:
    """ "a spokesperson for the county" -> "spokesperson"; "a county spokesperson" -> itself."""
    words = description.lower().split()
    for k, w in enumerate(words):
        if k > 0 and w in (
            "of",
            "for",
            "at",
            "with",
            "from",
            "in",
            "on",
            "to",
            "close",
            "who",
            "whose",
        ):
            return words[k - 1].strip(",")
    return words[-1].strip(",") if words else ""


def _role_of(description: str, qwords: QuoteWords) -> str | None:
    """The role noun of a definite description: "the former secretary" -> "secretary"."""
    words = [w.lower() for w in description.split()]
    if not words or words[0] != "the" or len(words) > 5:
        return None
    words = [w for w in words[1:] if w not in _MODIFIERS or w == words[-1]]
    if not words:
        return None
    phrase = " ".join(words)
    if phrase in qwords.titles:
        nouns = role_nouns(phrase, qwords)
        return qwords.roles.get(phrase, phrase.rstrip(".")) if len(nouns) == 1 else phrase
    for k, w in enumerate(words[1:], 1):
        if w in ("from", "of", "for") and words[k - 1] in qwords.titles:
            words = words[:k]  # "the senator from Vermont": the senator
            break
    last = words[-1]
    return qwords.roles.get(last, last)


def _pronoun(
    span: Span,
    entities: Entities,
    previous: tuple[Speaker, Entity | None] | None,
    close_to_previous: bool,
    replies: bool = False,
) -> tuple[Speaker, Entity | None]:
    qwords = entities.qwords
    refers = qwords.pronouns.get(span.text.lower(), "")
    if refers in ("male", "female") and replies and previous is not None:
        # "he replied" after "Tom Penn asked …": the one asked replies, not the asker
        ent = entities.last_person(span.start, refers, strict=False, exclude=previous[1])
        if ent is not None:
            return Speaker(name=ent.name, mention=span, resolved_by="pronoun"), ent
    if refers in ("male", "female"):
        person = (
            previous is not None
            and _person_like(previous[0], previous[1], qwords, entities.text)
            and _agrees(previous, refers, qwords)
        )
        if previous is not None and close_to_previous and person:
            prev_speaker, prev_ent = previous
            return Speaker(name=prev_speaker.name, mention=span, resolved_by="pronoun"), prev_ent
        ent = entities.last_person(span.start, refers, strict=False)
        if ent is not None:
            return Speaker(name=ent.name, mention=span, resolved_by="pronoun"), ent
        if previous is not None and person:
            return Speaker(name=previous[0].name, mention=span, resolved_by="pronoun"), previous[1]
    elif refers in ("plural", "thing") and previous is not None and close_to_previous:
        prev_speaker, prev_ent = previous
        one_person = _person_like(prev_speaker, prev_ent, qwords, entities.text) and (
            refers == "thing" or prev_speaker.resolved_by == "description"
        )
        if (prev_ent is None or prev_ent.kind == "org") and not one_person:
            # "it" is never "a spokesman" or a name; "they" is not "a top aide"
            return Speaker(name=prev_speaker.name, mention=span, resolved_by="pronoun"), prev_ent
    return Speaker(name=span.text, mention=span, resolved_by="pronoun"), None


def _agrees(previous: tuple[Speaker, Entity | None], refers: str, qwords: QuoteWords) -> bool:
    """The previous speaker's gender, when known, is the pronoun's ("a company spokeswoman"
    … "he added" does not agree)."""
    speaker, ent = previous
    if ent is not None:
        return ent.gender in (None, refers)
    head = speaker.name.split()[-1].lower() if speaker.name else ""
    return qwords.gender.get(head) in (None, refers)


# "he said", "said she": a pronoun that is the subject of a verb of saying
_PRONOUN_CUE = compile_re(
    r"\b(?:(?P<p1>[Hh]e|[Ss]he)\s+(?P<v1>\p{Ll}+)|(?P<v2>\p{Ll}+)\s+(?P<p2>he|she))\b", regex.V1
)


def speaker_chains(entities: Entities, quotes: Sequence[Quote]) -> dict[str, list[tuple[int, int]]]:
    """(start, end) of every mention of each speaker of ``quotes``, sorted: see
    ``newsstruct.quotes.speaker_mentions``."""
    text = entities.text
    pronouns = entities.qwords.pronouns
    chains: dict[str, set[tuple[int, int]]] = {}
    for q in quotes:
        if q.speaker is None:
            continue
        name = q.speaker.name
        if name not in chains:
            chains[name] = set(entities.mentions_of(name))
            if not chains[name] and _ONE_NAME.fullmatch(name) and name.lower() not in pronouns:
                # a person known by one name only ("President Calloway", "Calloway said"):
                # every time the article writes that name and no known person owns it
                chains[name].update(_one_name_mentions(entities, name))
        m = q.speaker.mention
        if m is None:
            continue
        chains[name].add((m.start, m.end))
        if q.cue is not None and m.end <= q.cue.start:
            # "Mike Lenn, who declared": "who" is a mention of the speaker too
            hi = skip_back(entities.doc, m.end, q.cue.start)
            rel = RELATIVE_BEFORE.search(text, max(m.end, hi - 40), hi)
            if rel is not None:
                chains[name].add(rel.span("rel"))
    words = entities.qwords
    for found in _PRONOUN_CUE.finditer(text):
        group = "p1" if found.group("p1") else "p2"
        if words.cue(found.group("v1") or found.group("v2")) is None:
            continue
        pron = found.group(group)
        gender = words.pronouns.get(pron.lower(), "")
        if gender not in ("male", "female"):
            continue
        ent = entities.last_person(found.start(group), gender, strict=True)
        if ent is not None and ent.name in chains:
            chains[ent.name].add(found.span(group))
    if "I" in chains:
        # the first person outside direct quotes is the article's author throughout
        inside = sorted((q.start, q.end) for q in quotes if q.kind == "direct")
        starts = [a for a, _ in inside]
        for found in _FIRST_PERSON.finditer(text):
            k = bisect.bisect_right(starts, found.start()) - 1
            if (k < 0 or inside[k][1] <= found.start()) and not _numeral(text, found.start()):
                chains["I"].add(found.span())
    return {name: sorted(spans) for name, spans in chains.items()}


def _numeral(text: str, pos: int) -> bool:
    """The "I" at ``pos`` follows a capitalised word inside its sentence: a numeral ("Ferry
    I", "World War I"), not the first person ("When I", at a sentence start, is)."""
    m = _CAP_BEFORE.search(text, max(0, pos - 40), pos)
    if m is None:
        return False
    before = text[max(0, m.start() - 3) : m.start()].rstrip(" \u00a0\"“”'’(")
    return before != "" and not before.endswith((".", "!", "?", "\n", ":", ";"))


_CAP_BEFORE = compile_re(r"(?r)\b\p{Lu}[\p{L}'’\-]*[ \u00a0]+$", regex.V1)


def _one_name_mentions(entities: Entities, name: str) -> list[tuple[int, int]]:
    """Where ``text`` writes the one-word ``name`` as a word of its own, unless a known person
    owns it there."""
    text = entities.text
    out = []
    pos = text.find(name)
    while pos >= 0:
        end = pos + len(name)
        alone = (pos == 0 or not text[pos - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        )
        if alone and entities.person(name, pos) is None:
            out.append((pos, end))
        pos = text.find(name, end)
    return out


# a one-word capitalised name ("Calloway")
_ONE_NAME = compile_re(r"\p{Lu}[\p{Ll}'’\-]{2,}+", regex.V1)

# "I", "I'm"; not an initial ("Lewis I. Libby") nor part of a word or a numeral
_FIRST_PERSON = compile_re(r"(?<![\p{L}\p{N}'’.\-])I(?![\p{L}\p{N}.\-])", regex.V1)
