"""What a mention's surroundings say: the tense of its clause, and the speech date of a quote.

The tense is read from the nearest tense-bearing word, looking alternately right and left
over the nearest eight words within the clause (``;``, quote marks and line ends bound it),
then farther left to the clause's governing verb ("will be named commander of the shuttle for
a mission in December"), then farther right. Modals and plan words ("will", "would", "plans
to", "an agreement to") make it ``future``; "is"/"are" and present verbs of schedules
("opens", "begins"; the bare "open", "meet" after a plural subject: "stores open on
Christmas") ``present``; past forms (the lexicon's irregular ones, or a lower-case word
ending in -ed) and perfects ``past``. A comma to the right closes the mention's clause: what
follows it ("… conclude by May, invited …") is read only when the left side found nothing, and
a reporting verb there ("… Friday, she said") belongs to the attribution and is skipped. On the
left, the far search stops at a clause opener ("that", "which") and at ", and". A weekday or
month right after "until"/"through"/"by"/"to" with a word such as postponed, extended, given or
due is a deadline, so ``future``. A mention that is all of a parenthesis reads the clause
around it.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

import attrs
import regex

from ..lexicons import Lexicon
from ..patterns import compile_re
from ..quotes.words import quote_words

# (the colon of a clock time, "12:45", is no boundary)
_TOKEN = compile_re(
    r"[\p{L}]+(?:['’][\p{L}]+)?|['’](?:ll|ve|re|m|d)(?![\p{L}])|[,;()\"“”«»—]|:(?!\d)|\n[ \t]*\n"
)
_CONTRACTED = ("'ll", "'re", "'m", "'ve")  # not "'s" (is, has or a possessive) nor "'d"
# Words after "'d" that are no bare verb, so the "'d" may be "had": a participle that does not
# end in -ed or -en ("he'd sold"), an adverb ("they'd already").
_NOT_BARE_AFTER_D = frozenset(
    """left sold made lost built told said paid bought brought thought found held kept met sent
    spent won got had led felt heard struck stood taught become come run hit put set cut
    already just never not also long once since earlier recently previously""".split()  # noqa: SIM905
)
_BOUNDARY = frozenset(';:()"“”«»—')
_WINDOW = 8  # the nearest words on both sides are read alternately
# Then the left side on to the clause's governing verb ("will be named commander of the
# shuttle for a mission in December"), then the right side past a closing comma.
_REACH = 30
_REACH_CHARS = 240
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
# ... though these are past verbs right after their subject: "she proposed", "Mrs. Vance, the
# nominee, proposed".
_VERB_ED = frozenset(
    """proposed noted learned estimated adjusted elected appointed accused indicted required
    designated detailed advanced freed restated preferred combined""".split()  # noqa: SIM905
)
_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it", "who"])
_APPOSITION_REACH = 10
_DETERMINERS = frozenset(["the", "a", "an", "its", "his", "her", "their", "our", "this", "that"])
# A participle after these is passive or infinitive, not a past tense ("to be completed").
_NOT_FINITE_BEFORE = frozenset(
    ["be", "been", "being", "to", "will", "would", "could", "should", "may", "might", "must",
     "can", "'ll", "is", "are", "am", "get", "gets",
     # copulas: "will stay closed on Monday" (an adjective; the tense is "will")
     "stay", "stays", "remain", "remains", "seem", "seems", "become", "becomes"]
)  # fmt: skip
# "plans to", "expected to", "set to", "is to": a plan, so the clause looks ahead. A past
# form ("vowed to") looks ahead only for what follows it, not for a date before it.
_PLAN_TO = frozenset(
    [
        "plan",
        "plans",
        "want",  # "don't want to run against her in November"
        "wants",
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
        "likely",  # "is likely to report a loss on Friday"
        "unlikely",
        "certain",
        "bound",
        # a chance or a course standing now: "stand a chance to win it on Tuesday", "is in a
        # position to win more contests on Saturday", "is on pace to finish on Monday"
        "chance",
        "chances",
        "position",
        "pace",
        "track",
        # a plan named by a noun: "an agreement to acquire the bank in January"
        "agreement",
        "deal",
        "program",
        "programme",
        "proposal",
        "bid",
    ]
)
# "don't want to run against her in November": a wish looks ahead to the time of the
# wanted act (a time after "in", "on", "by" ...), not to a time of its object
_WANT = frozenset(["want", "wants"])
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
        "voted",
        "offered",
        "wanted",
    ]
)
# "winds are forecast to pick up", "is projected to grow": a forecast standing now looks
# ahead; "forecast"/"predicted" alone are past verbs ("analysts predicted a loss in May")
_FORECAST_TO = frozenset(["forecast", "forecasted", "predicted", "projected", "tipped"])
# "is expected to", "are scheduled to": a plan standing now
_PRESENT_BE = frozenset(["is", "are", "am", "'s", "'re", "isn't", "aren't"])
# "were planning to march on Monday": a plan still standing ("was going to" is not).
_STILL_PLANNING = frozenset(["planning", "expecting", "hoping", "intending", "preparing"])
# "started planning in January", "had been planning since March": the mention dates the
# planning, not the plan's act ("planning to open in January", "planning a march in May").
_DATES_ACT = frozenset(["in", "since", "during", "at"])
# An intent named before a mention looks ahead to it: "in hopes of seeing them together in
# the fall", "is girding for a fight at the debate Thursday", "hoping to sign it in May".
_INTENT_FOR = frozenset(["girding", "bracing", "gearing", "preparing", "readying", "steeling"])
_INTENT_TO = frozenset(["hoping", "preparing"])
_HOPE = frozenset(["hope", "hopes"])
_PROSPECT = frozenset(
    ["chance", "chances", "odds", "prospect", "prospects", "likelihood", "possibility"]
)
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
        "how",
    ]
)
# "will strike from Thursday after talks broke down": "after" or "before" with a subject and
# its verb opens a clause of its own (not "after the vote", a time of the mention's clause)
_CLAUSE_PREPS = frozenset(["after", "before"])
_CLAUSE_PREP_REACH = 4  # words of the subject between the preposition and its verb


def _clause_follows(toks: list[regex.Match[str]], i: int, tense_words: dict[str, str]) -> bool:
    """Whether a finite verb follows ``toks[i]`` (read rightwards) within a short subject."""
    for tok in toks[i + 2 : i + 2 + _CLAUSE_PREP_REACH]:
        word = tok.group().lower()
        if word in _BOUNDARY or word == ",":
            return False
        if tense_words.get(word) in ("past", "perfect", "future"):
            return True
    return False


# "ended a meeting on Friday by announcing it would expand purchases": a gerund of speech to
# the right of a mention opens the clause it reports, not the mention's
_SPEECH_GERUNDS = frozenset(
    "announcing saying adding warning noting telling arguing insisting claiming stating".split()  # noqa: SIM905
)


# "... and would ask": after "and", these open a clause of their own.
_NEW_CLAUSE = frozenset(
    """will would could should may might must can did had has have was were is are he she
    they it we i then""".split()  # noqa: SIM905
)
# "began evacuating on Monday and plan to close the port": a plan verb before "to" after
# "and" opens a clause of its own (as a noun, "announced cuts and plans to close plants",
# the verb stands on the left)
_AND_PLAN_TO = frozenset(
    """plan plans hope hopes aim aims promise promises pledge pledges vow vows threaten
    threatens want wants""".split()  # noqa: SIM905
)
# "cleared the committee on Monday and faces a vote": a verb of the lexicon after "and"
# opens a clause of its own ("and host", a bare form, may be a noun: not these)
_FINITE = frozenset(["past", "present", "future", "perfect"])
# A clause opening to the left of a mention bounds the search for its verb.
_LEFT_OPENERS = frozenset(["that", "which", "who", "whom", "whose", "because", "whether"])
# A weekday or month after "until"/"through"/"by" with one of these is a deadline ahead.
_DEADLINE_PREP = frozenset(["until", "till", "through", "by", "to"])
_DEADLINE_WORDS = frozenset(
    """postponed postpones postpone extended extends extend delayed delays delay deferred
    defers defer adjourned adjourns rescheduled reschedules remanded remands remand given gave
    give gives granted grants due deadline deadlines expected""".split()  # noqa: SIM905
)
# ... and so is one after a phrasal verb of putting off: "put off until Saturday", "pushed
# back to Sunday"
_DEFER_PARTICLES = frozenset(["off", "back"])
_DEFER_VERBS = frozenset(
    """put puts putting pushed push pushes pushing""".split()  # noqa: SIM905
)
_DEFER_PREP = frozenset(["until", "till", "to"])
_DEFER_REACH = 5  # "put off the trip until Sunday"
_DEADLINE_REACH = 16
# "All ferries cancelled until Friday", "schools are shut until Monday": a suspension lasts
# until a day still to come; told with "was"/"were"/"had" ("the road was closed until
# Friday, when it reopened") it is a story's past
_SUSPENDED_WORDS = frozenset(
    """cancelled canceled suspended closed shut halted banned barred grounded""".split()  # noqa: SIM905
)
# nouns of a reported period, which "ended" after them describes ("the quarter ended June 30")
_PERIOD_NOUNS = frozenset(["quarter", "year", "half", "period", "months", "weeks", "season"])
_PAST_AUX = frozenset(["was", "were", "had", "been", "remained", "stayed"])
# "a flood warning until 8 p.m. Wednesday", "a curfew through Sunday": a notice in force runs
# to a time still to come
_NOTICE_WORDS = frozenset(
    """warning warnings advisory advisories curfew curfews""".split()  # noqa: SIM905
)
# ... unless a past verb tells it as gone ("residents ignored the warning until Friday", "a
# curfew ran until Monday", "the advisory through January kept tourists away"); not one that
# puts it out ("forecasters issued a heat advisory through Sunday")
_NOTICE_ISSUED = frozenset(
    """issued reissued declared imposed posted ordered announced put placed set raised
    extended expanded upgraded""".split()  # noqa: SIM905
)
_NOTICE_VERB_REACH = 2  # "kept the curfew", "there was a wind advisory"
# A date that is the subject of these is still to come: "as Election Day nears".
_NEARING = frozenset(["nears", "approaches", "looms"])
# "as it gets closer to November", "as we draw nearer to Election Day": still ahead
_DRAWING = frozenset(
    """gets get getting draws draw drawing comes come coming edges edge moves move""".split()  # noqa: SIM905
)
_PRESENT_REACH = 3  # "is"/"are" govern a mention only from just before it
# A verb of schedules ("ends", "opens", "meet") governs from farther: "voting ends at 8 p.m.
# local time on Tuesday".
_SCHEDULE_REACH = 7
# ... but "is"/"are" and verbs of a state or a habit only from just before it: "the town
# remains without power after the storm on Monday" tells of a past Monday.
_NEAR_ONLY = frozenset(
    """is are am 's 're 'm isn't aren't stays stay remains remain operates operate celebrates
    celebrate observes observe performs perform gathers gather shuts shut march rally continues
    continue""".split()  # noqa: SIM905
)


def clause_tense(text: str, lo: int, hi: int, start: int, end: int, lex: Lexicon) -> str | None:
    """The tense of the clause holding ``text[start:end]``, searched within ``text[lo:hi]``.

    Returns "past", "present", "future" or None (no tense word nearby; but "future" for a
    mention right after "until": a state lasting to it).

    >>> from newsstruct.lexicons import load_lexicon
    >>> s = "The council will meet on Thursday, the mayor said."
    >>> clause_tense(s, 0, len(s), s.index("Thursday"), s.index(","), load_lexicon())
    'future'
    """
    tense_words = lex.temporal["tense"]
    left = list(_TOKEN.finditer(text, max(lo, start - _REACH_CHARS), start))[::-1][:_REACH]
    right = list(_TOKEN.finditer(text, end, min(hi, end + _REACH_CHARS)))[:_REACH]
    if left and right and left[0].group() == "(" and right[0].group() == ")":
        left, right = left[1:], right[1:]  # "at 4 in the morning (4 a.m. Thursday)": an aside
    # an aside between the mention and its verb is passed over: "will announce it at 12:45
    # p.m. (1145 GMT) on Thursday"
    left, right = _skip_asides(left, ")", "("), _skip_asides(right, "(", ")")
    # and so is a few words quoted ("would present a plan "within weeks" and hold talks on Monday")
    left, right = _skip_quoted(left), _skip_quoted(right)
    # and an attribution between commas: "sales, it said, should reach a record in the fourth
    # quarter"; but not past the end of a relative clause the mention is in ("the talks, which
    # ended on Monday, he said, will resume")
    left = _skip_said_asides(left, 0)
    if not _in_relative_aside(left):
        right = _skip_said_asides(right, 1)
    deadline = _is_deadline(left, right, tense_words)
    if deadline and _when_gone(right, tense_words):
        return "past"  # "was delayed until Tuesday, when the judge ruled": a deadline gone
    if (
        deadline
        or _words(left, 2) == ["of", "ahead"]
        or _ahead_of_event(left)
        or _reported_expectation(left, right)
    ):
        return "future"  # "postponed until Tuesday", "ahead of the weekend"
    if text[end : end + 2] not in ("'s", "’s") and _condition(left, tense_words):
        return "future"  # "if Democrats win the White House in November": a case ahead
    near = _words(left, 3)
    if near[:2] in (["to", "closer"], ["to", "nearer"]) and near[2:] and near[2] in _DRAWING:
        return "future"  # "as it gets closer to November": a time being approached
    if right and right[0].group().lower() in _NEARING:
        return "future"  # "as Election Day nears", "as the March 31 deadline approaches"
    if _participle_phrase(left, right, tense_words):
        return "past"  # "the rules drafted in the spring will not take effect until 2011"
    if _plural_bare_past(left, right, tense_words):
        return "past"  # "Prices hit a record in May": no "-s", so not the present
    sides = (
        _Scan(left, 0, quote_words(lex).first_names, _not_names(lex)),
        _Scan(right, 1),
    )
    # a mention that ends its sentence may end a conjunct with no verb of its own
    sides[0].ends_sentence = not right
    # "the rate cut in September is likely": a finite verb right after the mention
    sides[0].verb_after = bool(right) and right[0].group().lower() in _FINITE_AFTER
    if _fronted(left, text, lo, start):
        # "In October, Orlan said that it would …": a mention put before its clause; the
        # reporting verb after the comma is that clause's own verb, not an attribution
        sides[1].fronted = True
        # "In October, Mr. Dunn, who chairs the panel, announced a review": the apposition
        # between the subject and its verb is passed over
        sides[1].toks = _skip_appositions(right)
    gerund = _words(left, 2)
    if gerund[:1] == ["on"]:
        gerund = gerund[1:]
    if gerund[:1] and gerund[0] in _SPEECH_GERUNDS:
        # "joined the debate, announcing on Wednesday he would meet …": the day of the
        # speaking; what follows is the clause it reports
        sides[1].stopped = True
    guess = None
    for _ in range(_WINDOW + 2):  # the nearest words, alternately
        for scan in sides:
            cls = scan.step(tense_words, near=True)
            if cls is None:
                continue
            if scan.side == 1 and scan.guessed:
                # "… by August in the search for markets untouched by": an -ed form after
                # the mention may be a participle; a tense word on the left comes first.
                guess, scan.stopped = cls, True
                continue
            if (
                cls == "past"
                and scan.side == 0
                and _backshifted(scan.toks, scan.i - 1, tense_words)
            ):
                return "future"  # "would buy as soon as trading opened Monday": a coming Monday
            return cls
    if guess is not None:
        return guess
    for scan in sides:  # then on to the clause's verb: left first, then right past a comma
        while not scan.done:
            cls = scan.step(tense_words, near=False)
            if cls is not None:
                return cls
    if _words(left, 2) == ["least", "at"]:
        left = left[2:]  # "stay away until at least Monday"
    if left and left[0].group().lower() in ("until", "till"):
        return "future"  # "- Road closures in place until Friday": a state that lasts
    return None


# Words that may stand before a mention put first in its sentence ("In early October, …",
# "Late last year, …", "But on Monday, …").
_SAID = frozenset(["said", "told", "added", "noted", "explained", "stated"])
_FRONT_WORDS = frozenset(
    [
        "in",
        "on",
        "at",
        "by",
        "during",
        "since",
        "from",
        "back",
        "early",
        "late",
        "earlier",
        "later",
        "then",
        "but",
        "and",
        "so",
        "also",
        "as",
        "of",
        "the",
    ]
)


def _fronted(left: list[regex.Match[str]], text: str, lo: int, start: int) -> bool:
    """Whether the mention at ``start`` opens its sentence (``lo``), after at most a few
    prepositions and adverbs."""
    if len(left) > 4 or not all(t.group().lower() in _FRONT_WORDS for t in left):
        return False
    first = left[-1].start() if left else start
    return not text[lo:first].strip(" \t\u00a0\n\r\"“'‘")


def _skip_asides(
    toks: list[regex.Match[str]], opening: str, closing: str
) -> list[regex.Match[str]]:
    """``toks`` (read outwards) without the parentheses they hold whole; an unclosed one stays
    (it bounds the clause)."""
    if not any(t.group() == opening for t in toks):
        return toks
    out: list[regex.Match[str]] = []
    i = 0
    while i < len(toks):
        if toks[i].group() == opening:
            j = next((k for k in range(i + 1, len(toks)) if toks[k].group() == closing), None)
            if j is not None and not any(t.group() == opening for t in toks[i + 1 : j]):
                i = j + 1
                continue
        out.append(toks[i])
        i += 1
    return out


_ASIDE_SAID = frozenset(["said", "says", "say", "added", "adds", "noted", "stated"])
_ASIDE_SUBJECT_WORDS = 4  # the most words of the speaker in ", the company said,"


def _skip_said_asides(toks: list[regex.Match[str]], side: int) -> list[regex.Match[str]]:
    """``toks`` (read outwards; ``side`` 0 leftwards, 1 rightwards) without an attribution
    set between commas inside the clause: "fourth-quarter sales, it said, should reach a
    record" is told by "should", not by "said"."""
    out: list[regex.Match[str]] = []
    i = 0
    while i < len(toks):
        if toks[i].group() == ",":
            j = next(
                (
                    k
                    for k in range(i + 2, min(i + _ASIDE_SUBJECT_WORDS + 3, len(toks)))
                    if not toks[k].group()[:1].isalpha()
                ),
                None,
            )
            if j is not None and toks[j].group() == "," and j + 1 < len(toks):
                inner = [t.group() for t in toks[i + 1 : j]]
                # the speaker's first word in text order: "it", "the", "Orlan"
                verb, head = (inner[0], inner[-1]) if side == 0 else (inner[-1], inner[0])
                if (
                    verb.lower() in _ASIDE_SAID
                    and len(inner) > 1
                    and (
                        head.lower() in _SUBJECT_PRONOUNS
                        or head.lower() in _DETERMINERS
                        or head[:1].isupper()
                    )
                ):
                    i = j + 1
                    continue
        out.append(toks[i])
        i += 1
    return out


def _in_relative_aside(left: list[regex.Match[str]]) -> bool:
    """Whether ``left`` (read leftwards) opens with a relative clause after a comma: ", which
    ended on"."""
    k = next((k for k, t in enumerate(left) if t.group() == ","), None)
    return k is not None and k > 0 and left[k - 1].group().lower() in _RELATIVES


_RELATIVES = frozenset(["which", "who", "whom", "whose"])
_QUOTE_MARKS = frozenset('"“”«»')
_QUOTED_WORDS = 4  # the most words a quoted fragment passed over holds


def _skip_quoted(toks: list[regex.Match[str]]) -> list[regex.Match[str]]:
    """``toks`` (read outwards) without a fragment of a few words between quotation marks
    (no comma or other mark inside); a longer quote still bounds the clause."""
    i = next((k for k, t in enumerate(toks) if t.group() in _QUOTE_MARKS), None)
    if i is None:
        return toks
    for j in range(i + 1, min(i + _QUOTED_WORDS + 2, len(toks))):
        word = toks[j].group()
        if word in _QUOTE_MARKS:
            return toks[:i] + toks[j + 1 :] if j > i + 1 else toks
        if word in _BOUNDARY or word == "," or word.startswith("\n"):
            break
    return toks


_APPOSITION_OPENERS = frozenset(
    ["who", "whose", "which", "the", "a", "an", "its", "his", "her", "their", "our"]
)


def _skip_appositions(toks: list[regex.Match[str]]) -> list[regex.Match[str]]:
    """``toks`` (read rightwards) without an apposition between commas after a name:
    ", the nominee," or ", who chairs the panel," in "Mr. Dunn, who chairs the panel, said"."""
    out: list[regex.Match[str]] = []
    i = 0
    while i < len(toks):
        tok = toks[i].group()
        out.append(toks[i])
        if (
            tok == ","
            and len(out) > 1
            and out[-2].group()[:1].isupper()
            and i + 1 < len(toks)
            and toks[i + 1].group().lower() in _APPOSITION_OPENERS
        ):
            close = None
            for k in range(i + 2, min(i + _APPOSITION_REACH + 2, len(toks))):
                word = toks[k].group()
                if word in _BOUNDARY or word.startswith("\n"):
                    break
                if word == ",":
                    close = k
                    break
            if close is not None:
                i = close + 1  # the first comma stays: it still closes the near window
                continue
        i += 1
    return out


_AHEAD_OF_AT = frozenset(["on", "in", "at"])


def _ahead_of_event(left: list[regex.Match[str]]) -> bool:
    """What is awaited is still to come, whatever the clause's tense: "fell ahead of an OPEC
    meeting on Thursday" (as "ahead of Thursday's meeting"), "held pending a court appearance
    Monday", "awaiting sentencing in March", "ahead of voting Tuesday". With a preposition
    before the day, a determiner opens the event after "ahead of" ("ahead of schedule on
    Monday" is no event); at most four words lie between."""
    words = _words(left, 8)
    prep = bool(words) and words[0] in _AHEAD_OF_AT
    if prep:
        words = words[1:]
    for k in range(1, min(len(words), 6)):
        if words[k] in _AWAITING:
            return True
        if words[k] == "of" and k + 1 < len(words) and words[k + 1] == "ahead":
            return not prep or (k >= 2 and words[k - 1] in _DETERMINERS)
    return False


_AWAITING = frozenset(["pending", "awaiting"])


def _words(toks: list[regex.Match[str]], n: int) -> list[str]:
    return [t.group().lower() for t in toks[:n]]


def _is_deadline(
    left: list[regex.Match[str]], right: list[regex.Match[str]], tense_words: dict[str, str]
) -> bool:
    """ "postponed until Tuesday", "loans extended through January", "due by Friday", "have
    until 5 p.m. Saturday to accept", "trains were cancelled until Thursday, the operator
    said"."""
    if _words(left, 2) == ["least", "at"]:
        left = left[2:]  # "closed until at least Thursday"
    if not left or left[0].group().lower() not in _DEADLINE_PREP:
        return False
    if (
        len(left) > 1
        and left[0].group().lower() in ("until", "till")
        and (left[1].group().lower() in ("have", "has"))
    ):
        return True
    for i, tok in enumerate(left[1:_DEADLINE_REACH], 1):
        word = tok.group().lower()
        if word in _BOUNDARY or word.startswith("\n") or word in _CLAUSE_OPENERS:
            return False
        if word in _DEADLINE_WORDS:
            return True
        if (
            word in _DEFER_PARTICLES
            and i + 1 < min(len(left), _DEFER_REACH + 1)
            and left[0].group().lower() in _DEFER_PREP
            and left[i + 1].group().lower() in _DEFER_VERBS
        ):
            return True
        if word in _NOTICE_WORDS and left[0].group().lower() in ("until", "till", "through"):
            return _notice_in_force(left, i, right, tense_words)
        if word in _SUSPENDED_WORDS and left[0].group().lower() in ("until", "till"):
            if i + 1 >= len(left) or left[i + 1].group().lower() not in _PAST_AUX:
                return True
            if _words(left[i + 1 :], 2) in (["been", "has"], ["been", "have"]):
                return True  # "the road has been closed until Friday": it still is
            # told in the past but reported, the suspension stands at the saying
            return _reported(left, i + 2, right)
    return False


def _notice_in_force(
    left: list[regex.Match[str]], i: int, right: list[regex.Match[str]], tense_words: dict[str, str]
) -> bool:
    """Whether the notice ``left[i]`` runs to the mention after "until" (``left[0]``): no past
    verb between them ("a curfew was in force until Monday", "a curfew ran until Monday"), just
    before the notice ("kept the curfew until Monday") or right after the mention, other than
    one that puts the notice out ("has issued a flood warning until 8 p.m. Wednesday")."""
    phrase: list[regex.Match[str]] = []
    for tok in left[i + 1 : i + 4 + _NOTICE_VERB_REACH]:
        if not tok.group()[:1].isalnum():
            break
        phrase.append(tok)
    # the words between a determiner and the notice describe it ("an updated flood
    # warning"); its verb comes before the determiner ("kept the curfew"), or right before a
    # bare plural ("ignored warnings")
    det = next((k for k, t in enumerate(phrase) if t.group().lower() in _DETERMINERS), None)
    before = phrase[det + 1 : det + 1 + _NOTICE_VERB_REACH] if det is not None else phrase[:1]

    def told_gone(tok: regex.Match[str]) -> bool:
        word = tok.group()
        low = word.lower()
        return low not in _NOTICE_ISSUED and (
            low in _PAST_AUX
            or tense_words.get(low) == "past"
            or (len(low) > 4 and low.endswith("ed") and not word[:1].isupper())
        )

    # "had issued a warning through Monday": the auxiliary of a verb that puts it out
    told = [
        t
        for k, t in enumerate(before)
        if not (
            k > 0
            and t.group().lower() in _PAST_AUX
            and before[k - 1].group().lower() in _NOTICE_ISSUED
        )
    ]
    return not any(told_gone(t) for t in (*left[1:i], *told, *right[:1]))


_WHEN_REACH = 6  # words from "when" to its verb


def _when_gone(right: list[regex.Match[str]], tense_words: dict[str, str]) -> bool:
    """Whether ", when" and a past verb follow the mention: the time told as gone."""
    if _words(right, 2) != [",", "when"]:
        return False
    prev = "when"
    for tok in right[2 : 2 + _WHEN_REACH]:
        word = tok.group().lower()
        cls = tense_words.get(word)
        if cls is not None and cls != "plural":
            return cls in ("past", "perfect")
        if _looks_past(tok.group(), word, prev):
            return True  # "…, when the judge ruled"
        if word in _BOUNDARY or word == ",":
            return False
        prev = word
    return False


# "forecasters said more snow was expected on Wednesday night", "more snow was forecast for
# Wednesday, forecasters said": an expectation reported in the past stands at the saying,
# ahead of it
_EXPECTED = frozenset(["expected", "forecast", "predicted", "possible", "likely", "due"])
_EXPECTED_PREP = frozenset(["on", "by", "in", "for", "until", "through", "over", "from"])
_REPORTED_REACH = 8  # words between a reporting verb and the verb it reports


def _reported_expectation(left: list[regex.Match[str]], right: list[regex.Match[str]]) -> bool:
    words = _words(left, 3)
    k = 1 if words[:1] and words[0] in _EXPECTED_PREP else 0
    return (
        len(words) >= k + 2
        and words[k] in _EXPECTED
        and words[k + 1] in ("was", "were")
        and _reported(left, k + 2, right)
    )


_CONCESSIVE = frozenset(["though", "although", "but", "while"])


def _reported(left: list[regex.Match[str]], k: int, right: list[regex.Match[str]]) -> bool:
    """Whether the past clause whose auxiliary is ``left[k - 1]`` is reported: a reporting
    verb before it in the sentence, or an attribution after the mention (", the operator
    said"; not before ", when it reopened": the story goes on past it)."""
    if _words(right, 2) == [",", "when"]:
        return False
    i, end, crossed = k, k + _REPORTED_REACH, False
    while i < min(end, len(left)):
        word = left[i].group().lower()
        if word == "," and not crossed and i > k and _words(left[i - 1 :], 1)[0] in _CONCESSIVE:
            # "said milder air would arrive by midweek, though more snow was possible on
            # Tuesday": the reporting verb governs both clauses
            i, end, crossed = i + 1, i + 1 + _REPORTED_REACH, True
            continue
        if word in _BOUNDARY or word == "," or word.startswith("\n"):
            break
        if word in _REPORTING:
            return True
        i += 1
    if not right or right[0].group() != ",":
        return False
    for tok in right[1:5]:
        word = tok.group().lower()
        if word in _BOUNDARY or word in (",", ".") or word.startswith("\n"):
            return False
        if word in _REPORTING:
            return True
    return False


@attrs.define
class _Scan:
    """One side of a mention, read outwards a word at a time."""

    toks: list[regex.Match[str]]
    side: int  # 0: leftwards, 1: rightwards
    first_names: Mapping[str, str] = attrs.field(factory=dict)  # "host Jon Orr": a title
    not_names: frozenset[str] = frozenset()  # capitalised words that open no name ("Then", "We")
    i: int = 0
    stopped: bool = False
    comma_seen: bool = False
    coordinated: bool = False  # ", and" seen on the left: the far search stops there
    guessed: bool = False  # the last class came from an -ed ending, not the lexicon
    negations: int = 0  # "not" read so far: it does not take a verb farther away
    joined: int = 0  # words read so far that end a hyphened compound ("four-nation"): one word
    fronted: bool = False  # the mention opens its sentence: a reporting verb is the clause's
    ends_sentence: bool = False  # nothing follows the mention in its sentence
    verb_after: bool = False  # a finite verb follows the mention ("the rate cut in May is")

    @property
    def done(self) -> bool:
        return self.stopped or self.i >= len(self.toks)

    def _noun_before_time(self, i: int) -> bool:
        """Whether the word ``toks[i]``, right before the mention's preposition, is a noun:
        the clause's own verb follows the mention ("the rate cut in September is likely",
        "the budget cut in June will hurt schools"), not a verb of its subject."""
        return self.side == 0 and i == 1 and self.verb_after

    def step(self, tense_words: dict[str, str], near: bool) -> str | None:
        """Read the next word; its tense class, or None."""
        if not near and self.coordinated:
            self.stopped = True
        if self.done:
            return None
        side, toks, i = self.side, self.toks, self.i
        if near and side == 1 and self.comma_seen:
            return None  # a comma closes the clause: what follows waits for the left side
        self.i += 1
        tok = toks[i].group()
        if tok in _BOUNDARY or tok.startswith("\n"):
            self.stopped = True
            return None
        if tok == ",":
            self.comma_seen = True
            return None
        word = tok.lower().replace("’", "'")
        nxt = _neighbour(toks, i, side, +1)
        if side == 1 and (
            word in _CLAUSE_OPENERS
            or (
                # (a mention put first keeps it: "In the spring after the scandal broke, …")
                word in _CLAUSE_PREPS and not self.fronted and _clause_follows(toks, i, tense_words)
            )
            or (self.comma_seen and word in _REPORTING and not (self.fronted and word in _SAID))
            or (word in _SPEECH_GERUNDS and not self.fronted)
            or (
                word in ("and", "or")
                and (
                    nxt in _NEW_CLAUSE
                    or tense_words.get(nxt or "") in _FINITE
                    or (nxt in _AND_PLAN_TO and _neighbour(toks, i, side, +2) == "to")
                )
            )
        ):
            self.stopped = True
            return None
        prev = _neighbour(toks, i, side, -1)
        if (
            side == 0
            and word in ("and", "but")
            and prev == ","
            and not (self.ends_sentence and _neighbour(toks, i, side, +1) in _ELLIPSIS_OPENERS)
        ):
            # (but ", and in Europe in October." has no verb of its own: it shares the one
            # before the comma)
            self.coordinated = True
        if word in ("not", "never"):
            self.negations += 1
        # "is not expected before Tuesday": "is" is as near as in "is expected"
        dist = i - self.negations - self.joined
        # "begins a four-nation tour of Asia on Wednesday": "four-nation" is one word
        if (
            side == 0
            and i + 1 < len(toks)
            and toks[i].string[toks[i + 1].end() : toks[i].start()] == "-"
        ):
            self.joined += 1
        cls = tense_words.get(word)
        if cls is None and word.endswith(_CONTRACTED):
            # "we'll see", "they're meeting": one token, the tense in its ending
            word = word[word.rindex("'") :]
            cls = tense_words.get(word)
        if (
            cls is None
            and word.endswith("'d")
            and nxt is not None
            and nxt.isalpha()
            and not nxt.endswith(("ed", "en", "wn", "ne"))
            and nxt not in _NOT_BARE_AFTER_D
        ):
            cls = tense_words.get("would")  # "he'd step down": would ("he'd stepped down": had)
        if side == 0 and i == 1 and word == "planning" and nxt in _DATES_ACT:
            cls = None  # "began planning in January": the time of the planning
        if tok == "May" and prev is not None and prev not in _BOUNDARY and prev[0] != "\n":
            cls = None  # "began in May": the month, not the modal (only a sentence opens "May")
        if tok == "Fed" and nxt != "up":
            cls = None  # "Fed chief to testify Thursday": the central bank, not "fed"
        intent = side == 0 and (
            (word in _INTENT_FOR and nxt in ("for", "up"))
            or (word in _INTENT_TO and nxt == "to")
            or (word in _HOPE and nxt == "of" and prev in ("in", "the"))
        )
        if (
            side == 0
            and (
                (word == "to" and tense_words.get(nxt or "") == "plural")
                or (word in _DUE and nxt != "to")
            )
            and _with_subject(toks, i, tense_words)
        ):
            return "future"  # "with rain expected Friday", "with work to begin in the spring"
        if side == 0 and word in _PROSPECT and nxt == "of":
            # "Cruz's chances of winning in November", "the prospect of a loss on Tuesday":
            # a time still to come
            return "future"
        if intent:
            # "was girding for the vote on Monday": a plan of the past
            two_back = _neighbour(toks, i, side, -2)
            past = prev in _PAST_AUX or two_back in _PAST_AUX
            # a plan standing now: "present", so a weekday that is today stays today ("is
            # preparing to deliver the address on Tuesday night" in a Tuesday story)
            return "past" if past and word not in _HOPE else "present"
        # "want to understand the meaning of Thursday's debate": not the wanted act's time
        wish_off = word in _WANT and (
            side == 1 or toks[0].group().lower() not in ("in", "on", "by", "at", "before", "after")
        )
        if (
            (
                nxt == "to"
                and not wish_off
                and (
                    word in _PLAN_TO
                    # "has to win in November": an obligation standing now (not "has to do with")
                    or (word in ("has", "have") and _neighbour(toks, i, side, 2) != "do")
                    or (
                        side == 0
                        and word in _PLANNED_TO
                        and not self.comma_seen
                        # "voted 5 to 4 in February": a score (digits are no tokens)
                        and not toks[i].string[toks[i].end() : toks[i - 1].start()].strip()
                    )
                    or ((word in _PLANNED_TO or word in _FORECAST_TO) and prev in _PRESENT_BE)
                )
            )
            or (
                side == 0 and word in _PLANNED_TO and not self.comma_seen and _to_after_day(toks, i)
            )
        ):
            # "On Monday, the bank is expected to cut rates": a plan, on either side; but
            # "vowed to soften the words, saying on Friday": past
            cls = "future"
        elif (
            side == 0
            and i <= 1
            and word in ("likely", "unlikely")
            and nxt in ("on", "by", "in", "until", "through", "over")
            and prev in ("is", "are", "was", "were", "be")
        ):
            # "said rain was likely on Thursday": a forecast, told in the past of a day ahead
            return "future"
        elif (
            word in ("were", "was")
            and nxt == "to"
            and "if" in (_neighbour(toks, i, side, -k) for k in (1, 2, 3, 4))
        ):
            cls = "future"  # "if his candidate were to win in November": a case ahead
        elif word == "next" and (nxt == "to" or nxt in _NEXT_UNITS):
            # "next to the embassy"; "approved next year's budget on Tuesday": a date of its own
            cls = None
        elif word == "to" and prev == "whether":
            cls = "future"  # "will decide whether to reopen Monday"
        elif word in ("soon", "early") and nxt == "as" and prev == "as":
            cls = "future"  # "as soon as Tuesday", "as early as Tuesday"
        elif side == 0 and word in ("planned", "scheduled") and nxt in ("a", "an"):
            cls = "future"  # "planned a march on Saturday": the event is ahead
        elif (
            side == 0
            and word in _CALLED
            and nxt in ("a", "an", "the")
            and i <= 5
            and toks[0].group().lower() == "for"
        ):
            cls = "future"  # "has called a general strike for Monday": the time of the event
        elif side == 0 and word in _DUE and prev in _PRESENT_BE:
            # "heavy rain is forecast for the coast from Wednesday evening": a forecast or
            # a schedule standing now, however far its time is named
            cls = "future"
        elif word == "couldn't" or (
            word == "could" and (nxt == "not" or _negated_subject(toks, i, side))
        ):
            # "could not be reached Wednesday", "Neither he nor his lawyer could be reached
            # Wednesday": a failed attempt, past
            cls = "past"
        elif (
            (word == "wouldn't" and nxt in _SAYING)
            or (
                word == "would"
                and (
                    (nxt == "not" and _neighbour(toks, i, side, 2) in _SAYING)
                    or (nxt in _SAYING and _negated_subject(toks, i, side))
                )
            )
        ) and not (side == 0 and toks[0].group().lower() in ("until", "till")):
            # "A spokesman would not comment Tuesday", "Nobody would comment on Tuesday": a
            # refusal to speak, past (not "would not reopen on Monday", a plan, nor "would
            # not comment until Monday", a refusal lasting to a day)
            cls = "past"
        elif cls == "plural":  # "stores open on Christmas", not "the open", "to open"
            # "Kestrel United open their season at home against Dunmore on Saturday": a bare
            # verb before "their" is a verb, of a plural subject, however long its object
            # "Kestrel play Dunmore on Saturday": a fixture's verb before the other side's name
            # is a verb too, of a team named in the plural
            owned = nxt in _OWNED or (side == 0 and _fixture(toks, i, word, self.first_names))
            reach = (
                _PRESENT_REACH if word in _NEAR_ONLY else _OWNED_REACH if owned else _SCHEDULE_REACH
            )
            plural = side == 0 and dist < reach and _plural_subject(toks, i, owned)
            cls = "present" if plural else None
            if (
                not plural
                and word in SAME_IN_PAST
                and _singular_before(toks, i, side, prev, not_names=self.not_names)
                and not self._noun_before_time(i)
            ):
                cls = "past"  # "the plant shut down over Christmas": no "-s", so not the present
        elif cls == "present" and (
            side == 1
            or dist
            >= (
                _PRESENT_REACH
                if word in _NEAR_ONLY and not _arranged(word, nxt, tense_words)
                else _SCHEDULE_REACH
            )
            or (word in _NOUN_VERBS and not _verb_subject(toks, i))
        ):
            cls = None  # "filed compliance reports by Wednesday": a noun
        elif (
            prev == "not"
            and _neighbour(toks, i, side, -2) in _NOT_FINITE_BEFORE
            and (cls == "past" or (cls is None and _looks_past(tok, word, None)))
        ):
            cls = None  # "is not expected before Tuesday": a participle after "be not"
        elif word == "ended" and prev in _PERIOD_NOUNS and side == 0 and i > 1:
            # "will report results for the quarter ended Sept. 30 on Thursday": the period's
            # participle, not the clause's verb (which "the quarter ended on Thursday" is)
            cls = None
        elif cls is None and (
            # "Mrs. Vance, the nominee, proposed": an -ed adjective right after its subject
            (word in _VERB_ED and _after_subject(toks, i, side))
            or (_looks_past(tok, word, prev) and not _describes(toks, i, side))
            or (
                side == 0
                and prev == "that"
                and relative_that(
                    [t.group().lower() for t in toks[i + 4 : i + 1 : -1]], tense_words
                )
                and _looks_past(tok, word, None)
            )
        ):
            cls, self.guessed = "past", True
        elif word == "lay" and nxt in _LAY_OBJECT:
            cls = None  # "would cut flights and lay off 900 staff": "lay" the verb, not "lie"
        elif cls is None and word in SAME_IN_PAST and prev in ("he", "she", "it"):
            cls = "past"  # "than it forecast in April": no "-s", so not the present
        elif (
            cls is None
            and word in SAME_IN_PAST
            and (
                nxt in _DETERMINERS
                # before a time only when the subject opens its clause: "the quake hit at
                # 3:40 a.m.", but "will vote on the budget cut on Tuesday" holds a noun
                or (
                    nxt in _TIME_PREPS
                    and _opens_clause(_before_subject(toks, i, side))
                    and not self._noun_before_time(i)
                )
            )
            and _singular_before(toks, i, side, prev, pronoun=False, not_names=self.not_names)
        ):
            # "the firm set a record for sales in July", "the quake hit at 3:40 a.m.", "The
            # following week, the board put the firm up for sale": a singular subject
            cls = "past"
        elif (
            cls == "past"
            and side == 0
            and prev in _RELATIVES
            and nxt == "to"
            and tense_words.get(_neighbour(toks, i, side, 2) or "") == "plural"
        ):
            # "asking everyone who left to stay away until Monday": the verb of a relative
            # clause before the infinitive the mention belongs to
            cls = None
        elif cls == "past" and prev in _NOT_FINITE_BEFORE:
            cls = None  # "would be paid": a participle
        if cls == "perfect" and (
            (prev in _MODAL_BEFORE_HAVE and not _participle(nxt)) or nxt in ("a", "an", "no")
        ):
            # "will have Sunday off", "would have talks on Monday", "has a chance to win on
            # Super Tuesday": the verb "have", no perfect
            cls = None
        if cls is None:
            if side == 0 and word in _LEFT_OPENERS:
                self.stopped = True  # "officials said that in March the plant will close"
            return None
        if cls == "perfect":
            return "past"
        if (
            cls == "future"
            and (prev in _PAST_AUX or _neighbour(toks, i, side, -2) in _PAST_AUX)
            and not (word in _STILL_PLANNING and prev in ("was", "were"))
        ):
            return "past"  # "was scheduled to", "had been due to": a plan of the past
            # (but "were planning to": a plan still standing)
        return cls


_CONDITION = frozenset(["if", "unless"])
_CONDITION_REACH = 10  # words from "if" to the mention


def _condition(left: list[regex.Match[str]], tense_words: dict[str, str]) -> bool:
    """Whether the mention ends a condition whose verb is in the present or unknown to the
    lexicon ("if Democrats win the White House in November", "if he is the nominee in
    November", "If Orr wins the contest Tuesday"): the time of a case still to come, whatever
    the tense of the clause it hangs on. Not a condition in the past ("if she had won in
    November"), nor a mention after a determiner or a possessive, or itself a possessive,
    which names an event ("if he follows up his Tuesday wins", "If October's debate was")."""
    if not left or left[0].group().lower() in _DETERMINERS or left[0].group()[-2:] in ("'s", "’s"):
        return False
    for k, tok in enumerate(left[:_CONDITION_REACH]):
        word = tok.group().lower().replace("’", "'")
        if word in _BOUNDARY or word == "," or word.startswith("\n"):
            return False
        if word in _CONDITION:
            return True
        cls = tense_words.get(word)
        prev = left[k + 1].group().lower() if k + 1 < len(left) else None
        if cls in ("past", "perfect", "future") or (
            cls is None and _looks_past(tok.group(), word, prev)
        ):
            return False
    return False


# "as soon as": its verb in the past after a plan or a "would" is the reported present of a
# time still to come ("said funds were likely to buy as soon as trading opened Monday").
_SOON_REACH = 4  # words between "as soon as" and the verb ("as soon as the exchange opened")
_FRAME_REACH = 10  # words between "as soon as" and the plan or "would" before it


def _backshifted(toks: list[regex.Match[str]], i: int, tense_words: dict[str, str]) -> bool:
    """Whether the past verb ``toks[i]`` (read leftwards) opens an "as soon as" clause whose
    governing clause looks ahead ("would", "will", "plans to", "were likely to")."""
    for j in range(i + 1, min(i + 1 + _SOON_REACH, len(toks) - 2)):
        if toks[j].group() in _BOUNDARY or toks[j].group() == ",":
            return False
        if [t.group().lower() for t in toks[j : j + 3]] != ["as", "soon", "as"]:
            continue
        for k in range(j + 3, min(j + 3 + _FRAME_REACH, len(toks))):
            word = toks[k].group().lower().replace("’", "'")
            if word in _BOUNDARY or word == "," or word.startswith("\n"):
                return False
            nxt = _neighbour(toks, k, 0, +1)
            if word in ("would", "will", "'ll") or (
                nxt == "to" and (word in _PLAN_TO or word in _PLANNED_TO)
            ):
                return True
            if tense_words.get(word) in ("past", "perfect", "present") or _looks_past(
                toks[k].group(), word, _neighbour(toks, k, 0, -1)
            ):
                return False
        return False
    return False


# "with the heaviest rain expected Friday night", "with work to begin in the spring" (a verb
# of schedules after "to": not "along with the boy to make the trip"): a subject and its plan
# after "with" look ahead, whatever the tense of the clause it hangs on.
_DUE = frozenset(["expected", "due", "scheduled", "slated", "forecast"])
_WITH_REACH = 5


def _with_subject(toks: list[regex.Match[str]], i: int, tense_words: dict[str, str]) -> bool:
    """Whether ``toks[i]`` (read leftwards) follows "with" and a noun phrase: no verb, no
    comma between ("charged with trying to flee" has a verb)."""
    for k in range(1, _WITH_REACH + 1):
        word = _neighbour(toks, i, 0, -k)
        if word is None or word in _BOUNDARY or word == "," or word.startswith("\n"):
            return False
        if word == "with":
            return k > 1
        if word in tense_words or word.endswith(("ed", "ing")):
            return False
    return False


# the verbs of speaking a refusal ("would not comment") names
_SAYING = frozenset(
    "comment say confirm discuss elaborate disclose speculate respond answer specify".split()  # noqa: SIM905
)
# A subject that negates its verb without "not": "Neither he nor his lawyer could be reached",
# "Nobody could be reached", "None of the officials could be located".
_NEGATING_SUBJECT = frozenset(["neither", "nor", "nobody", "none", "noone"])
_NEGATION_REACH = 10


def _negated_subject(toks: list[regex.Match[str]], i: int, side: int) -> bool:
    """Whether a negating subject stands within the clause just before ``toks[i]``."""
    for k in range(1, _NEGATION_REACH):
        word = _neighbour(toks, i, side, -k)
        if word is None or word in _BOUNDARY or word == "," or word.startswith("\n"):
            return False
        if word in _NEGATING_SUBJECT or (
            word == "one" and _neighbour(toks, i, side, -k - 1) == "no"
        ):
            return True
        if word in _CLAUSE_OPENERS or word in _LEFT_OPENERS:
            return False
    return False


def _after_subject(toks: list[regex.Match[str]], i: int, side: int) -> bool:
    """Whether ``toks[i]`` follows its subject: a pronoun, a name ("Vance proposed"), or a name
    and an apposition between commas ("Mrs. Vance, the nominee, proposed")."""
    prev = _neighbour(toks, i, side, -1)
    if prev is None:
        return False
    if prev in _SUBJECT_PRONOUNS:
        return True
    raw = toks[i + 1 if side == 0 else i - 1].group()
    if raw != ",":
        return raw[:1].isupper() and raw.isalpha() and raw not in ("I", "The", "A", "An")
    before = _neighbour(toks, i, side, -2)
    if side == 1 and before is not None and toks[i - 2].group()[:1].isupper():
        return True  # "Mrs. Vance, [the nominee,] proposed": the apposition was passed over
    # an apposition: ", the nominee," or ", who ... ," after a name
    for k in range(2, _APPOSITION_REACH):
        word = _neighbour(toks, i, side, -k)
        if word is None or word in _BOUNDARY:
            return False
        if word == ",":
            opener = _neighbour(toks, i, side, -k + 1)
            name = (
                toks[i + k + 1 if side == 0 else i - k - 1]
                if _neighbour(toks, i, side, -k - 1) is not None
                else None
            )
            return (
                (opener in _DETERMINERS or opener in ("who", "which"))
                and name is not None
                and name.group()[:1].isupper()
            )
    return False


# Verbs that are as often plural nouns: present only after a name or a relative pronoun
# ("Orlan reports earnings on Friday", "which reports on Friday"), not "compliance reports",
# "tax breaks".
_NOUN_VERBS = frozenset(["reports", "votes", "breaks"])
# progressives of a schedule's verbs that tell no arrangement: "is facing charges over the crash
# on Monday", "is coming off a strong debate Thursday night", "is running behind"
_NOT_ARRANGED = frozenset(["face", "take", "come", "go", "run", "head"])


def _arranged(word: str, after: str | None, tense_words: dict[str, str]) -> bool:
    """Whether "is"/"are" and the word after it are the progressive of a verb of schedules,
    an arrangement, which governs a mention as the verb does: "Dalmore is meeting with
    creditors on Monday", "the unions are holding a rally on Saturday" (a state or a habit,
    "is staying", "are continuing", does not)."""
    if word not in _PRESENT_BE or after is None or not after.endswith("ing"):
        return False
    stem = after[:-3]
    bases = (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem)
    return any(
        tense_words.get(b) == "plural" and b not in _NEAR_ONLY and b not in _NOT_ARRANGED
        for b in bases
    )


def _verb_subject(toks: list[regex.Match[str]], i: int) -> bool:
    """Whether the word before ``toks[i]`` (read leftwards) is a name or "which"/"who"/"it"."""
    if i + 1 >= len(toks):
        return False
    tok = toks[i + 1].group()
    return tok.lower() in ("which", "who", "that", "it", "he", "she") or (
        tok[:1].isupper() and tok.isalpha()
    )


# A main clause's verb right after a mention ("… in the spring will take effect").
_MAIN_VERB_AFTER = frozenset(
    "will would is are has have can could should must".split()  # noqa: SIM905
)
# a participle of a plan or a forecast looks ahead: "the ruling expected on Monday will"
_AHEAD_PARTICIPLES = _FORECAST_TO | {"expected", "planned", "scheduled", "rescheduled", "slated"}


def _participle_phrase(
    left: list[regex.Match[str]], right: list[regex.Match[str]], tense_words: dict[str, str]
) -> bool:
    """Whether the mention ends a participle phrase put after its clause's subject, with the
    clause's verb right after it ("The rules drafted in the spring will take effect", "the
    plan announced on Monday is"): the mention dates the past act of the participle, not the
    main verb's."""
    if len(left) < 3 or not right or right[0].group().lower() not in _MAIN_VERB_AFTER:
        return False
    prep, verb, noun = (t.group().lower() for t in left[:3])
    return (
        prep in ("in", "on", "at", "during")
        and len(verb) > 4
        and verb.endswith("ed")
        and verb not in _AHEAD_PARTICIPLES
        and tense_words.get(verb) in (None, "past")
        and noun.isalpha()
        and noun not in tense_words
        and noun not in _DETERMINERS
        and noun not in _NOT_FINITE_BEFORE
    )


_BARE_PAST_REACH = 6  # words from the verb to the mention ("put the plan on hold in May")
# "Stores cut prices every May", "Every year, shops cut prices in May", "Shares hit highs when
# rates fall": a habit, in the present
_HABIT_WORDS = frozenset(
    """always sometimes often usually typically normally generally traditionally annually
    every each whenever when if tend""".split()  # noqa: SIM905
)
# no object after the verb: "Prices hit by tariffs in May rose" (a participle)
_NO_OBJECT = frozenset(["by", "in", "on", "at", "during", "since", "for", "from", "as", "when"])


def _plural_bare_past(
    left: list[regex.Match[str]], right: list[regex.Match[str]], tense_words: dict[str, str]
) -> bool:
    """Whether the mention, after "in" or "on", ends the object of a verb whose past is its
    bare form ("hit", "cut", "set") after a plural subject opening its clause ("Prices hit a
    record in May", "Oil producers cut output on May 4"): in news a past event, as after a
    singular subject, unless a word of habit stands in the sentence ("Stores cut prices in
    May every year") or the verb is a participle ("Prices hit by tariffs in May rose")."""
    if not left or left[0].group().lower() not in ("in", "on"):
        return False
    words = []
    for tok in left:
        word = tok.group().lower()
        if word in _BOUNDARY or word.startswith("\n"):
            break
        words.append(word)
    after = []
    for tok in right:
        if tok.group() in _BOUNDARY:
            break
        after.append(tok.group().lower())
    if any(w in _HABIT_WORDS for w in (*words, *after)):
        return False
    verb = next(
        (k for k in range(2, min(len(words), _BARE_PAST_REACH + 1)) if words[k] in SAME_IN_PAST),
        None,
    )
    if (
        verb is None
        or words[verb - 1] in _NO_OBJECT
        or any(w == "," or w in tense_words for w in words[1:verb])
        or verb + 1 >= len(words)
        or not _plural_noun(words[verb + 1])
    ):
        return False
    # the subject opens its clause, after a determiner and a noun or not ("Oil prices hit")
    for k in range(verb + 2, verb + 5):
        w = words[k] if k < len(words) else None
        if w in SUBJECT_DETERMINERS:
            return _opens_clause(words[k + 1] if k + 1 < len(words) else None)
        if _opens_clause(w):
            return True
        if w in tense_words or w in _DETERMINERS:
            return False
    return False


def _to_after_day(toks: list[regex.Match[str]], i: int) -> bool:
    """A day, a month or an adverb between a planning verb and its "to", on the left side
    ("voted on Thursday to hold elections on October 9", "agreed in January to meet before
    the summer", "voted unanimously to strike on May 2")."""
    words = [_neighbour(toks, i, 0, k) or "" for k in (1, 2, 3)]
    if words[0] in ("on", "in") and words[1] in _CALENDAR_NAMES and words[2] == "to":
        return True
    return words[0].endswith("ly") and words[1] == "to"


# words that open a conjunct with no verb of its own after ", and": "would start selling in
# June, and in Europe in October"
_ELLIPSIS_OPENERS = frozenset(["in", "on", "at", "by", "from", "until", "again", "then"])


def _opens_clause(before: str | None) -> bool:
    """Whether a phrase after the word ``before`` opens its clause (after a mark, "and" or a
    clause opener, or with nothing read before it)."""
    if before is None or not before[:1].isalpha():
        return True
    return before in _CLAUSE_OPENERS or before == "and"


def _neighbour(tokens: list[regex.Match[str]], i: int, side: int, step: int) -> str | None:
    """The word ``step`` tokens after (+) or before (-) ``tokens[i]`` in text order."""
    j = i - step if side == 0 else i + step
    if 0 <= j < len(tokens):
        return tokens[j].group().lower().replace("’", "'")
    return None


# Words ending in -s before a bare verb that are no plural subject ("its open", "has
# close ties"), and adverbs passed over on the way to the subject ("stores always open").
_NOT_PLURAL = frozenset(
    """is was has does his its this us yes thus plus less unless as whereas perhaps
    always sometimes besides afterwards towards says""".split()  # noqa: SIM905
)
_PLURAL_PRONOUNS = frozenset(["they", "we", "you", "i"])
_HABIT_ADVERBS = frozenset(
    """always sometimes often usually typically normally generally also still only now
    again then traditionally""".split()  # noqa: SIM905
)


_OWNED = frozenset(["their", "our"])
_OWNED_REACH = 12
# Names of the calendar that follow a noun as its time ("Orr's visit Tuesday").
_CALENDAR_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec""".split()  # noqa: SIM905
)
# The verbs of a fixture, with the word between them and the other side's name.
_FIXTURE = {"play": "", "host": "", "face": "", "visit": "", "meet": "", "travel": "to"}


def _fixture(
    toks: list[regex.Match[str]], i: int, word: str, first_names: Mapping[str, str]
) -> bool:
    """Whether the bare verb ``toks[i]`` (read leftwards) is a fixture's between two names:
    "Kestrel play Dunmore", "Calder United travel to Harlow" (not "Orr's visit Tuesday", nor
    "Fox News host Jon Orr", a title)."""
    if word not in _FIXTURE or i + 1 >= len(toks):
        return False
    subject = toks[i + 1].group()
    step = 2 if _FIXTURE[word] else 1
    if i - step < 0 or (step == 2 and toks[i - 1].group().lower() != _FIXTURE[word]):
        return False
    other = toks[i - step].group()
    return (
        subject.isalpha()
        and subject[:1].isupper()
        and other.isalpha()
        and other[:1].isupper()
        and other.lower() not in _CALENDAR_NAMES
        and other.lower() not in first_names
    )


def _plural_subject(toks: list[regex.Match[str]], i: int, owned: bool = False) -> bool:
    """Whether the bare verb ``toks[i]`` (read leftwards) follows a plural subject:
    "stores open", "they meet", "banks usually close"; with ``owned`` ("… open their"), a
    name ("Kestrel United open their season")."""
    if i + 1 < len(toks) and toks[i + 1].group() == ",":
        # "The new rules, adopted in January, take effect": the subject before an aside
        k = next((k for k in range(i + 2, min(i + 12, len(toks))) if toks[k].group() == ","), 0)
        return 0 < k + 1 < len(toks) and _plural_noun(toks[k + 1].group())
    for j in range(i + 1, min(i + 3, len(toks))):  # the subject, past one adverb
        tok = toks[j].group()
        word = tok.lower()
        if word in _HABIT_ADVERBS or (word.endswith("ly") and len(word) > 4):
            continue
        if word in _PLURAL_PRONOUNS:
            return True
        if tok[:1].isupper():  # "Mayor Orr and Governor Pike meet", "shops in Vell open"
            return _plural_noun(tok) or owned or _after_name(toks, j)  # or "Protesters march"
        return _plural_noun(tok)
    return False


def _plural_noun(tok: str) -> bool:
    word = tok.lower()
    return (
        tok.isalpha()
        and len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and word not in _NOT_PLURAL
    )


_PLACE_PREPS = frozenset(["in", "at", "of", "from", "across", "around", "near"])


def _after_name(toks: list[regex.Match[str]], j: int) -> bool:
    """Whether the name ending at ``toks[j]`` (read leftwards) is joined to another by "and"
    ("Orr and Pike meet") or ends a plural subject ("most shops in Vell open")."""
    for k in range(j + 1, min(j + 7, len(toks))):
        tok = toks[k].group()
        if tok == "and":
            return k + 1 < len(toks) and toks[k + 1].group()[:1].isupper()
        if tok in _PLACE_PREPS:
            return k + 1 < len(toks) and _plural_noun(toks[k + 1].group())
        if (
            not tok[:1].isupper()
            and tok not in _TITLE_WORDS
            and toks[k - 1].group() not in _TITLE_WORDS  # "opposition leader": a modifier
        ):
            return False
    return False


# Lower-case titles inside a name ("Palestinian leader Yasser Arafat").
_TITLE_WORDS = frozenset(
    """leader minister president chief secretary governor mayor chairman chairwoman envoy
    spokesman spokeswoman counterpart premier senator""".split()  # noqa: SIM905
)


# Participles that describe the noun before them, with their preposition: "a campaign
# focused on winning", "ads targeted at Hispanic voters" (not "she focused on").
_DESCRIBING_ED = frozenset(
    """focused focussed targeted aimed designed geared dedicated devoted tailored centered
    centred""".split()  # noqa: SIM905
)
_DESCRIBING_PREP = frozenset(["on", "at", "to", "toward", "towards", "for", "around"])


# Quantifiers before an -ed adjective and its plural noun: "many unnaturalized adoptees".
_QUANTIFIERS = frozenset(
    """many some most all few several other these those such more both no any""".split()  # noqa: SIM905
)


def _describes(toks: list[regex.Match[str]], i: int, side: int) -> bool:
    """Whether the -ed word ``toks[i]`` describes a noun rather than tells a past: between a
    common noun and its preposition ("a campaign focused on winning"), or between a
    quantifier and a plural noun ("many unnaturalized adoptees try": not "many voted for")."""
    if _reduced_relative(toks, i, side):
        return True
    after = _neighbour(toks, i, side, +1)
    return (
        _neighbour(toks, i, side, -1) in _QUANTIFIERS and after is not None and _plural_noun(after)
    )


def _reduced_relative(toks: list[regex.Match[str]], i: int, side: int) -> bool:
    """Whether the -ed word ``toks[i]`` between a common noun and its preposition describes
    the noun ("a campaign focused on winning"), rather than tells what a subject did."""
    word = toks[i].group().lower()
    j = i + 1 if side == 0 else i - 1  # the word before it in the text
    if word not in _DESCRIBING_ED or not 0 <= j < len(toks):
        return False
    noun = toks[j].group()
    return (
        _neighbour(toks, i, side, +1) in _DESCRIBING_PREP
        and noun.isalpha()
        and noun.islower()
        and noun not in _SUBJECT_PRONOUNS
    )


# after "lay" as a verb of its own ("lay off staff", "lay out a plan"), not the past of "lie"
_LAY_OBJECT = frozenset(
    "off out down claim siege up the a an its their his her our plans".split()  # noqa: SIM905
)
# Verbs whose past is their bare form: after "he", "she" or "it" (no "-s") they are past
SAME_IN_PAST = frozenset(
    """forecast cut set put hit cast bid quit shut spread cost let beat broadcast upset
    shed split burst hurt""".split()  # noqa: SIM905
)
# words that open a time right after a verb ("the quake hit at 3:40 a.m.")
_TIME_PREPS = frozenset(["at", "on", "in", "around", "shortly", "just", "early", "late"])
# "have" after these is the verb of possession ("would have Sunday off") unless a participle
# follows ("would have won on Sunday": a perfect, past)
_MODAL_BEFORE_HAVE = frozenset(
    ["will", "would", "'ll", "'d", "could", "should", "may", "might", "must", "to"]
)
_IRREGULAR_PARTICIPLES = frozenset(
    """been won lost met held left made told had said paid sold seen taken given gone done
    come run begun spent set put cut hit let got become built sent kept found brought bought
    fought thought caught taught sought struck stood heard led read""".split()  # noqa: SIM905
)


def _singular_before(
    toks: list[regex.Match[str]],
    i: int,
    side: int,
    prev: str | None,
    pronoun: bool = True,
    not_names: frozenset[str] = frozenset(),
) -> bool:
    """Whether the word before ``toks[i]`` is a singular subject: "he", "she", "it" (with
    ``pronoun``), or a noun with no "-s" after "the", "its", …, a name between them or not
    ("the plant", "the Varne plant"), or a name opening its clause, of none of the words
    ``not_names`` ("Then cut", "We cut") and not taking "their" ("Kestrel United put their
    tickets on sale": a team in the plural)."""
    if pronoun and prev in ("he", "she", "it"):
        return True
    j = i + 2 if side == 0 else i - 2
    named = 0 <= j < len(toks) and toks[j].group()[:1].isupper()
    return (
        prev is not None
        and prev.isalpha()
        and not prev.endswith("s")
        and (
            _neighbour(toks, i, side, -2) in SUBJECT_DETERMINERS
            or (named and _neighbour(toks, i, side, -3) in SUBJECT_DETERMINERS)
            or (
                _name_opening(toks, i, side, not_names)
                and _neighbour(toks, i, side, +1) not in _OWNED
            )
        )
    )


@functools.lru_cache(maxsize=8)
def _not_names(lex: Lexicon) -> frozenset[str]:
    """Capitalised words that open a sentence but no name: "But", "Then", "We", "Today",
    "Monday", a verb ("Will")."""
    temporal = lex.temporal
    return frozenset(
        [
            *lex.function_words,
            *lex.sentence_starters,
            *(w for kind in ("tense", "vague", "deictic_day", "weekday") for w in temporal[kind]),
        ]
    )


def _name_opening(
    toks: list[regex.Match[str]], i: int, side: int, not_names: frozenset[str]
) -> bool:
    """Whether one to three capitalised words that open their clause stand right before
    ``toks[i]``: a name as the subject ("Orr quit", "Tom Orr quit", "Harlow Bank cut"), no
    word of ``not_names`` or a verb among them ("Then cut", "Let Harlow set": imperatives),
    not the last of names joined by "and" ("Orr and Kerr set")."""
    for step in (1, 2, 3, 4):
        j = i + step if side == 0 else i - step
        if not 0 <= j < len(toks):
            return step > 1
        word = toks[j].group()
        if step == 4 or not (word[:1].isupper() and word.isalpha()):
            k = j + 1 if side == 0 else j - 1  # the word before it
            if word == "and" and 0 <= k < len(toks) and toks[k].group()[:1].isupper():
                return False  # "Orr and Kerr set": names joined, a plural subject
            return step > 1 and _opens_clause(word.lower())
        if word.lower() in not_names or word.lower() in SAME_IN_PAST:
            return False
    return False


SUBJECT_DETERMINERS = frozenset(["the", "its", "his", "her", "their", "our"])
# a finite verb after a mention: the clause's verb, so a word before the mention's
# preposition that might be a past verb is a noun ("the rate cut in September is likely")
_FINITE_AFTER = frozenset(
    ["is", "was", "will", "would", "could", "should", "may", "might", "must", "can", "has", "had"]
)


def _before_subject(toks: list[regex.Match[str]], i: int, side: int) -> str | None:
    """The word before the subject "the plant" or "the Varne plant" of the verb ``toks[i]``."""
    j = i + 2 if side == 0 else i - 2
    named = (
        0 <= j < len(toks)
        and toks[j].group()[:1].isupper()
        and _neighbour(toks, i, side, -2) not in SUBJECT_DETERMINERS
    )
    return _neighbour(toks, i, side, -4 if named else -3)


def _participle(word: str | None) -> bool:
    """Whether ``word`` (the word after "have") may be a past participle."""
    if word is None:
        return False
    return word in _IRREGULAR_PARTICIPLES or (
        len(word) > 3 and word.endswith(("ed", "en", "wn", "ne", "ght"))
    )


# "next" before a unit names a date of its own, no tense of the clause
_NEXT_UNITS = frozenset(
    f"{unit}{end}"
    for unit in ("week", "month", "year", "quarter", "season", "decade", "weekend")
    for end in ("", "'s", "s")
)
# verbs that set an event for a time named after "for" ("called a strike for Monday")
_CALLED = frozenset({"call", "calls", "called", "set", "sets", "fixed", "fixes"})


def relative_that(before: list[str], tense_words: dict[str, str]) -> bool:
    """Whether a "that" after the words ``before`` (in text order, lowercased) opens a
    relative clause: it follows a noun after a determiner, with an adjective between them or
    not ("a law that passed in January", "the new rule that changed"), so an -ed word after it
    is the clause's verb, not an adjective after the determiner "that" ("that scheduled vote",
    "said that increased costs")."""
    noun = before[-1] if before else ""
    return (
        noun.isalpha()
        and noun not in tense_words
        and noun not in _DETERMINERS
        and any(w in _DETERMINERS for w in before[-3:-1])
    )


def _looks_past(tok: str, word: str, prev: str | None) -> bool:
    if len(word) <= 4 or not word.endswith("ed") or tok[0].isupper() or word in _NOT_PAST_ED:
        return False
    # "the scheduled vote": an adjective; "to be completed": passive or infinitive.
    return prev not in _DETERMINERS and prev not in _NOT_FINITE_BEFORE


# A headline: the text's first line, a few words with no closing punctuation, then a line
# break (a dateline such as "BUFFALO, N.Y. (AP) --" ends in a dash and is none).
_FIRST_LINE = compile_re(r"[ \t\u00a0]*([^\n]{8,160}?)[ \t\u00a0]*\r?\n")
_HEADLINE_WORD = compile_re(r"\p{L}+", regex.V1)
_HEADLINE_TO = compile_re(r"(?<![\p{L}])to[ \t\u00a0]+\p{Ll}{2,}(?:[ \t\u00a0]|$)", regex.V1)
_HEADLINE_TO_TITLE = compile_re(
    r"(?<![\p{L}])To[ \t\u00a0]+\p{Lu}\p{Ll}+(?:[ \t\u00a0]|$)", regex.V1
)


_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\p{L}*\.?"  # "Feb.", "March"
# A line that is a date alone, above the headline ("Tuesday, March 3, 2009", "Tarrow,
# Monday, February 7, 2005")
_DATE_LINE = compile_re(
    r"[ \t\u00a0]*(?:[\p{L}.]+,?[ \t\u00a0]+){0,4}?"
    rf"(?:{_MONTH_WORD}[ \t\u00a0]+\d{{1,2}}|\d{{1,2}}[ \t\u00a0]+{_MONTH_WORD})"
    r",?[ \t\u00a0]+\d{4}[ \t\u00a0]*\r?\n",
    regex.V1,
)


def headline_end(text: str) -> int:
    """The end of the text's first line when it is a headline ("Stocks close lower in
    Tarsk"), or of the line after a date alone, else 0."""
    date_line = _DATE_LINE.match(text)
    m = _FIRST_LINE.match(text, date_line.end() if date_line else 0)
    if m is None:
        return 0
    line = m.group(1)
    if line[-1] in '.!?:;,"”’)-—–_' or "(" in line:
        return 0
    words = _HEADLINE_WORD.findall(line)
    if not 3 <= len(words) <= 20:
        return 0
    return m.end(1)


def headline_tense(
    text: str,
    lo: int,
    hi: int,
    start: int,
    end: int,
    lex: Lexicon,
    leads: Sequence[tuple[int, int]],
) -> str | None:
    """The tense of a mention in a headline. Headlines tell both past and coming events in the
    present ("Stocks close lower Monday", "Leaders meet Friday"), so the present says nothing,
    and the lead (the first of the sentences ``leads`` naming the same day, which tells the
    same event) gives its own tense ("Airline cuts 3,000 jobs Monday" over "… said it would
    cut 3,000 jobs on Monday" looks ahead); else an infinitive is a plan ("Orlin to close plant
    in May", and in title case "Leaders To Meet Friday")."""
    tense = clause_tense(text, lo, hi, start, end, lex)
    if tense == "present":
        tense = None
    if tense is None:
        same = compile_re(r"(?<!\w)" + regex.escape(text[start:end]) + r"(?!\w)")
        for lead_lo, lead_hi in leads:
            again = same.search(text, lead_lo, lead_hi)
            if again is not None:
                return clause_tense(text, lead_lo, lead_hi, again.start(), again.end(), lex)
        if _HEADLINE_TO.search(text, lo, start) or (
            _HEADLINE_TO_TITLE.search(text, lo, start)
            and all(w[0].isupper() for w in _HEADLINE_WORD.findall(text, lo, hi) if len(w) > 3)
        ):
            return "future"
    return tense
