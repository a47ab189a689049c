"""Reported speech: ``X said (that) …``, ``X told reporters …``, ``X warned lawmakers that
…``, ``according to X, …``, ``…, X said.``, with or without a quoted fragment.

Read sentence by sentence from each cue; the content stops before the clause of the next cue
(``…, arguing that …``, ``…, and said …``) and at a semicolon. Verbs of manner ("barked")
never cue reported speech.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

import attrs
import regex

from ..patterns import compile_re, in_place
from ..records import Sentence, Span
from .attribution import (
    MARKS,
    OBJECT,
    TO_ADDRESSEE,
    Attribution,
    make_attribution,
    named_thing,
    noun_use,
    span_of,
)
from .mentions import (
    Doc,
    Mention,
    classify,
    name_in_apposition,
    np_after,
    np_before,
    np_forward,
    skip_asides,
    skip_back,
    skip_setting,
)
from .sources import LETTERS, MAX_WINDOW, source_between, source_for_cue
from .words import QuoteWords

# reported content looks this far for the clause of the next cue
_MAX_CONTENT_SCAN = 600
_MAX_CONTENT = 1500  # characters of reported content after its cue, at most
_MAX_LATER_CUES = 12  # cues after the content's start read for the next clause, at most

# a clause of its own after a comma: "…, though Fiorina said …"
_SUBORDINATOR = compile_re(
    r"(?r)\s+(?:though|although|while|whereas|as|because|but|and|even\s+as|even\s+though)$",
    regex.V1 | regex.IGNORECASE,
)

_NON_FINITE = frozenset(
    [
        "to",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "can",
        "did",
        "does",
        "do",
        "not",
        "n't",
        "cannot",
        "won't",
        "wouldn't",
        "didn't",
    ]
)

_PASSIVE = frozenset(["is", "was", "were", "are", "be", "been", "being", "get", "got"])
_HAVE = frozenset(["have", "has", "had", "having"])
# "went on to" before a cue's base form: what was said next ("He went on to say that …")
_WENT_ON_TO = compile_re(r"(?r)\b(?:go|goes|went|going|gone)\s++on\s++to\s++$", regex.V1)

# Reported content is a clause; these open a phrase ("told reporters outside the gate").
_NOT_A_CLAUSE_START = frozenset(
    [
        "outside",
        "inside",
        "in",
        "at",
        "on",
        "during",
        "after",
        "before",
        "as",
        "with",
        "from",
        "for",
        "to",
        "of",
        "about",
        "by",
        "near",
        "into",
        "over",
        "under",
        "through",
        "against",
        "via",
    ]
)

_MIN_REPORTED_WORDS = 3

# a clause of two words, a subject and a finite verb: "said sales fell", "said prices rose"
_SUBJECT_PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i", "you"])
_STRONG_PAST = frozenset(
    [
        "fell",
        "rose",
        "grew",
        "shrank",
        "sank",
        "won",
        "lost",
        "lied",
        "died",
        "left",
        "quit",
        "slid",
        "slipped",
        "dropped",
        "broke",
        "froze",
    ]
)
_WORD = compile_re(r"\p{Ll}+", regex.V1)


def _short_clause(words_: list[str], qwords: QuoteWords) -> bool:
    """Two words that are a clause of their own: a noun or a subject pronoun, then a verb in
    the past ("sales fell", "turnout rose", "it worked"); not "said last week", "told
    reporters Tuesday"."""
    if len(words_) != 2:
        return False
    subject, verb = words_[0], words_[1].rstrip(".,;:!?")
    if not (_WORD.fullmatch(subject) and _WORD.fullmatch(verb)):
        return False
    if subject not in _SUBJECT_PRONOUNS and not (
        not subject.endswith(("ly", "ed"))
        and subject not in qwords.stops
        and subject not in qwords.dets
        and subject not in qwords.adverbs
        and subject not in qwords.function_words
        and subject not in _NOT_A_CLAUSE_START
    ):
        return False
    return verb in _STRONG_PAST or (verb.endswith("ed") and len(verb) > 4)


# "said about 12,000 customers were without power": a quantity opens the clause's subject
_APPROXIMATE = frozenset(["about", "over", "under"])
_NUMBER_NEXT = compile_re(r"\s+[$£€]?\d", regex.V1)

# cues whose reported content may be an infinitive: "vowed to rebuild", "urged them to leave"
_TO_INFINITIVE = frozenset(
    [
        "promise",
        "pledge",
        "vow",
        "urge",
        "ask",
        "warn",
        "tell",
        "advise",
        "remind",
        "agree",
        "demand",
        "threaten",
    ]
)


@attrs.frozen(kw_only=True)
class Reported:
    """Reported speech: the content clause and its attribution; ``lead`` is the content's
    first part when the attribution stands inside it ("The plan, officials said, would cost
    …": lead "The plan", content "would cost …")."""

    content: Span
    attribution: Attribution
    cls: str = "speech"
    lead: Span | None = None


# a wire dateline opening the sentence: a place in capitals, maybe a state or country, maybe
# an agency in parentheses, then a dash; or a date and an agency alone ("Nov 19 (Reuters) -")
_DATELINE = compile_re(
    r"(?:\p{Lu}{2,}+[\p{Lu}.'’\-]*(?:\s+\p{Lu}{2,}+[\p{Lu}.'’\-]*){0,3}"
    r"(?:,\s*\p{Lu}[\p{L}.]{1,15}(?:\s+\p{Lu}[\p{L}.]{1,15}){0,2})?"
    r"\s*(?:\(\p{Lu}[\p{L}\-]{0,15}\))?"
    r"|(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{Ll}{2,8}\.?)\s*\(\p{Lu}[\p{L}\-]{0,15}\))"
    r"\s*[—–-]{1,2}\s+(?=\p{Lu})",
    regex.V1,
)

# a live blog's time stamp opening the entry: "4:50 p.m.: …", "UPDATE 9:30 a.m. — …", "2 p.m.: …",
# "[4:50 p.m.] …", "4.50pm: …", "Tuesday, 4:50 p.m.: …"
_TIME_STAMP = compile_re(
    r"(?:(?i:update[sd]?)\s*[,:]?\s*)?"
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?\[?"
    r"\d{1,2}(?::\d{2}(?=\D)|\.\d{2}(?=\s*[ap]\.?m\b)|(?=\s*[ap]\.?m\b))"
    r"(?:\s*(?i:[ap]\.?m\.?))?(?:\s+\p{Lu}{2,4}\b)?(?:\]\s+|\s*[:—–-]\s+)(?=[\p{Lu}\d\"“])",
    regex.V1,
)

_SPACE_COMMA = compile_re(r"[\s,]*", regex.V1)
_SPACES = compile_re(r"\s*", regex.V1)

# what ends reported content before the next cue's clause: "…, and said", "…, arguing"
# (not "… and that she had asked …": a second clause of the same content)
# (the words after "and" end no quote: "called the cuts ‘short-sighted and cruel’, adding")
_NEXT_CLAUSE = compile_re(
    r"(?r)(?:,?\s+(?:and|but)\s+(?!that\s)(?:(?:[^\s”\"’]|’(?=\p{L}))+\s+){0,3}?|,\s*|(?<=,[”\"’])\s+)$",
    regex.V1,
)

# a double quote mark: a later cue after an odd number of them is inside a quoted fragment
_DOUBLE_MARK = compile_re(r"[\"“”]", regex.V1)
# an age or a relative clause set off by commas right before a cue: the cue is the verb of the
# subject it follows ("Police say Aldo Penhallow, 29, attacked …", "say the man, who was
# armed, threatened …"), not the next cue's clause
_APPOSED_SUBJECT = compile_re(
    r"[^,;:\"“”]{1,80}\p{L},\s+(?:\d{1,3}|(?:who|which)\s[^,;:\"“”]{1,80}),\s+$", regex.V1
)

_ONLY_STOPS = compile_re(r"[\s.!?]*", regex.V1)
_AND_BEFORE = compile_re(r",\s+(?:and|but)\s+$", regex.V1)
_AFFILIATION = compile_re(r"\s+(?:of|from|at|with|for)\s", regex.V1)

_ABOUT_TAIL = compile_re(r"\s+(?:of|about|in)\s+[^,;:]{1,40}[.!?]?\s*", regex.V1)

_AS_END = compile_re(r"\s+as$", regex.V1)

# (a period inside the sentence is an abbreviation's: "according to Police Sgt. Dana Ruiz")
_ACCORDING_SOURCE = compile_re(r"\s+((?:[^,.;:!?\"“”]|\.(?=\s?[\p{L}\d])){2,80})", regex.V1)

# a particle after the cue ("said on", "spoke out"); compiled once, not looked up per call
_CUE_PARTICLE = compile_re(r"\s+(?:out|up|back|on)\b(?!\s+(?:the|a|an|his|her|their)\b)")


def reported_speech(
    doc: Doc,
    sentences: Sequence[Sentence],
    skip: Sequence[tuple[int, int]] = (),
) -> Iterator[Reported]:
    """Reported speech in each sentence: ``X said (that) …``, ``according to X, …``.

    ``skip`` holds spans (direct quotes and their attributions) where no cue is read.
    """
    text, words = doc.text, doc.words
    cue_of, phrasal = words.cues.get, words.phrasal  # looked up per word: bound once
    skip = sorted(skip)
    k = 0
    for sent in sentences:
        dateline = _DATELINE.match(text, sent.start, sent.end)
        if dateline is not None:
            # "BRASKETT, Ore. (AP) — Hundreds fled …, officials said.": not content
            sent = attrs.evolve(sent, start=dateline.end(), text=text[dateline.end() : sent.end])
        stamp = _TIME_STAMP.match(text, sent.start, sent.end)
        if stamp is not None:
            # "4:50 p.m.: Winds will pick up, according to forecasters.": the entry's time
            # stamp is not what was said
            sent = attrs.evolve(sent, start=stamp.end(), text=text[stamp.end() : sent.end])
        toks = doc.tokens(sent.start, sent.end)
        cues = []
        for i, (s, e, is_word) in enumerate(toks):
            if not is_word:
                continue
            low = text[s:e].lower()
            found = cue_of(low)  # ``low`` is lower case: words.cue(low) without lower()
            if found is None and low not in phrasal and low != "according":
                continue  # most words: no cue, no phrasal verb
            if (
                low == "according"
                and i + 1 < len(toks)
                and text[toks[i + 1][0] : toks[i + 1][1]].lower() == "to"
            ):
                cues.append((i, (s, toks[i + 1][1]), ("according to", "according")))
                continue
            if found is not None and found[1] != "manner":
                cues.append((i, (s, e), found))
            elif (
                (found is not None or low in phrasal)
                and (manner := words.quote_cue(text, s, e))
                and _THAT_NEXT.match(text, manner[2], min(sent.end, manner[2] + 8))
            ):
                # a verb of manner reports speech only before "that": "pointed out that",
                # "shot back that" (not "shot back at critics")
                cues.append((i, (s, manner[2]), (manner[0], "speech")))
        cue_starts = [c[1][0] for c in cues]  # in order; a cue's later ones follow it
        for n, (i, cue, found) in enumerate(cues):
            while k < len(skip) and skip[k][1] <= cue[0]:
                k += 1
            if k < len(skip) and skip[k][0] <= cue[0] < skip[k][1]:
                continue
            if found[1] == "according":
                r = _according_to(doc, sent, cue)
            else:
                r = _reported(doc, sent, toks, i, cue, found, cue_starts, n + 1)
            if r is not None:
                yield r


# cue forms that are more often nouns: a cue only right after a subject, or before "that"
_NOUN_FORMS = frozenset(
    [
        "state",
        "states",
        "call",
        "calls",
        "attack",
        "attacks",
        "report",
        "reports",
        "question",
        "questions",
        "post",
        "posts",
        "claim",
        "claims",
        "comment",
        "comments",
        "show",
        "shows",
    ]
)
# a place or occasion between the cue and "that" (or "whether"): "said outside the courthouse
# that", "told reporters after the hearing that"
_SETTING_THEN_THAT = compile_re(
    r"\s*+(?:,\s*+)?(?:(?:in|at|on|of|outside|inside|after|before|during|following|from|near|over|through"
    r"|via|by)"
    r"\s+(?:[^\s,.;:!?\"“”]+\s+){1,6}?"
    # "has said for years that": a stretch of time, not what was said
    r"|for\s+(?:(?:many|several|some|a\s+few|two|three|four|five|\d{1,3})\s+)?"
    r"(?:years|months|weeks|decades|days|some\s+time|a\s+long\s+time|a\s+while|a\s+year|a\s+decade)\s+"
    # an adverb of time or manner: "said afterwards that", "said privately that"
    r"|(?:afterwards?|later|earlier|again|also|aloud|\p{Ll}{3,}ly)\s+"
    # the body a judge writes for: "wrote for the majority that", "for a unanimous court"
    r"|for\s+(?:the|a|an)\s+(?:\p{Ll}+\s+)?(?:majority|minority|court|panel|bench)\s+)"
    # the clause's subject follows "that" (not "a documentary that showed": a relative clause)
    r"(?=that\s+(?:[\p{Lu}\d\"“‘']|(?:the|a|an|his|her|their|its|our|my|this|these|those"
    r"|he|she|it|they|we|you|there|no|every|some|all|most|many|any|such)\s"
    # a bare noun and an auxiliary: "on a conference call that shipments had begun", "before
    # the vote that staff at the two branches would"
    r"|\p{Ll}[\p{L}\-]*\s+(?:(?:at|of|in|from|on|for)\s+(?:[^\s,.;:!?\"“”]+\s+){1,4}?)?(?:had|has|have|was|were|is|are|would|will|could|can|should|may"
    r"|might|must|did|does|do)\s(?![^.,;:!?\n]{0,60}?\sthat\s))"
    # or "whether", which opens no relative clause: "wondered aloud whether", "asked at the
    # meeting whether"
    r"|whether\s)",
    regex.V1,
)
# "X, asked whether/about …, said": what X was asked (the asker asks an addressee: "asked
# Mook whether")
_ASKED_ASIDE = compile_re(r"\s+(?:whether|about|if|why|what|how|when|to|for|on)\b", regex.V1)
# the addressee of "asked", "told", "warned" named with a possessive: "asked the city's
# engineering office why" (one or two words after it, no determiner or clause opener);
# matched once per cue, in place: not to the end of a long sentence without an "s"
_OWNED_OBJECT = compile_re(
    in_place(
        r"\s+(?:the|a|an|his|her|their|its)\s+\p{Ll}[\p{L}\-]*[’']s"
        r"(?:\s+(?!(?:the|a|an|that|this|his|her|their|its|it|he|she|they|we|there|why|how"
        r"|what|when|whether|if|to)\b)\p{Ll}[\p{L}\-]*){1,3}"
    ),
    regex.V1,
)
# an adverb set off by commas between the cue and "that": "warned, however, that"
_ADVERB_ASIDE = compile_re(
    r"\s*,\s*(?:however|though|too|again|also|meanwhile|moreover|nevertheless|instead"
    r"|in\s+fact|of\s+course|for\s+example|for\s+instance)\s*,\s*(?=that\b)",
    regex.V1,
)
# how far an aside or a "that" right after a cue is looked for: the engine checks for its
# comma or word up to the end it is given, and to the sentence's end a sentence of thousands
# of cues was quadratic
_ASIDE_REACH = 80
# a name after a naming participle: capitalised, or any words in quote marks ("a practice
# called "dredge and dump"")
_NAME_NEXT = compile_re(r"\s*+(?:[\"“‘'«„]|[\p{Lu}\d])", regex.V1)
# the addressee's name in apposition, or a relative clause on it, before the content's first
# word: "told the board's chairman, Amos Reel, that", "told the board, which met Monday, that"
_NAME_APPOSITION = compile_re(
    r",\s+(?:\p{Lu}[\p{L}.’'\-]*(?:\s+\p{Lu}[\p{L}.’'\-]*){0,3}|(?:which|who)\s[^,;:\"“”]{1,80})"
    r"\s*,"
    r"(?=\s+(?:that|what|why|how|whether|if|when|where|who)\b)",
    regex.V1,
)
_THAT_NEXT = compile_re(r"\s+that\b", regex.V1)
# a preposition's object up to a cue form: "after the Lisbon attacks", "in the Reyes report"
_PREP_NAME_BEFORE = compile_re(
    r"(?r)\b(?i:after|before|since|during|following|despite|amid|over|about|of|in|on|at|from"
    r"|with|by|for|to|into|against|behind|like|than)\s+(?:the|a|an|this|that|these|those|its"
    r"|their|his|her|last|recent)\s+(?-i:\p{Lu}[\p{L}.’'\-]*\s+){1,3}$",
    regex.V1,
)
# nothing follows the cue form in its clause: a noun, not a verb ("the Lisbon attacks,")
_STOP_NEXT = compile_re(r"\s*+[,.;:!?)]", regex.V1)
_NEXT_WORD = compile_re(r"\s+(\p{L}+)", regex.V1)


def _noun_before_name(text: str, cue: tuple[int, int], hi: int) -> bool:
    """``state Sen.``, ``state Rep.``: a cue form that is more often a noun, before a
    capitalised word."""
    if text[cue[0] : cue[1]].lower() not in _NOUN_FORMS:
        return False
    nxt = _NEXT_WORD.match(text, cue[1], hi)
    return nxt is not None and nxt.group(1)[0].isupper()


# "state media", "state health officials", "state news agency": a group or an organisation
# noun, maybe after one modifier
_BODY_NEXT = compile_re(r"\s+(\p{Ll}+)(?:\s+(\p{Ll}+))?", regex.V1)


def _body_next(text: str, pos: int, hi: int, words: QuoteWords) -> bool:
    """The words after a cue form at ``pos`` name a group or an organisation that the form
    modifies as a noun ("Kestovan state television showed", "state health officials")."""
    m = _BODY_NEXT.match(text, pos, hi)
    if m is None:
        return False
    bodies = (words.groups, words.orgs, ("media",))
    if any(m.group(1) in b for b in bodies) or m.group(1) in words.titles:
        return True  # "a former Oklahoma state senator who ran": a title too
    return (
        m.group(2) is not None
        and m.group(1) not in words.dets
        and m.group(1) not in words.stops
        and m.group(1) not in words.function_words
        and any(m.group(2) in b for b in bodies)
    )


_AUX = frozenset(
    ["is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could"]
)


def _reported(
    doc: Doc,
    sent: Sentence,
    toks: list[tuple[int, int, bool]],
    i: int,
    cue: tuple[int, int],
    found: tuple[str, str],
    cue_starts: list[int],
    later: int,
) -> Reported | None:
    """Reported speech from the cue ``cue`` (token ``i`` of ``toks``), if any.

    ``cue_starts[later:]`` are where the sentence's later cues start (a list shared by all
    its cues, not copied for each: a sentence may hold thousands).
    """
    text, words = doc.text, doc.words
    lemma, cls = found
    form = text[cue[0] : cue[1]]
    if form[0].isupper() and i > 0:
        return None  # a capitalised cue form inside a sentence is a name ("Tony Said")
    if noun_use(text, sent.start, cue[0], words):
        return None  # "the report", "a claim", "the secretary's comments" (not "he's")
    if _THAN_BEFORE.search(text, max(sent.start, cue[0] - 8), cue[0]):
        return None  # "calmer than expected", "higher than reported": a comparison
    if _ADVERB_AFTER_DET.search(text, max(sent.start, cue[0] - 30), cue[0]):
        return None  # "a widely read column", "the often repeated claim": an adjective
    if (
        form.lower() in _NOUN_FORMS
        and _PREP_NAME_BEFORE.search(text, max(sent.start, cue[0] - 60), cue[0])
        and _STOP_NEXT.match(text, cue[1], sent.end)
    ):
        return None  # "After the Lisbon attacks, the mayor …": a name modifies the noun
    if form.lower() == "known" and _KNOWN_AS.match(text, cue[1], sent.end):
        return None  # "Dunmore, known as "the Chief," retired": a name, not a belief
    if (
        cls == "naming"
        and form.lower().endswith("ed")
        and _COMMA_BEFORE.search(text, max(sent.start, cue[0] - 4), cue[0])
        and (
            named := (
                _THE_NAME_THEN_COMMA if form.lower() in _NAMING_PARTICIPLES else _NAME_THEN_COMMA
            ).match(text, cue[1], sent.end)
        )
        and (nxt := _NEXT_WORD.match(text, named.end(), sent.end))
        and _resumes_clause(nxt.group(1), words)
    ):
        return None  # "The program, called (the) Harbor Start, gives …": a participle names it
    if (
        cls == "naming"
        and _NAME_NEXT.match(text, cue[1], sent.end)
        and named_thing(doc, sent.start, cue[0], cue[1])
    ):
        return None  # "a film called "Harbor Lights"", "a group called Save the Pier": a name
    if (
        lemma == "ask"
        and i > 0
        and text[toks[i - 1][0] : toks[i - 1][1]] == ","
        and later < len(cue_starts)
        and _ASKED_ASIDE.match(text, cue[1], sent.end)
    ):
        return None  # "Lindgren, asked whether …, said": a passive aside, not his question
    prev = text[toks[i - 1][0] : toks[i - 1][1]].lower() if i > 0 and toks[i - 1][2] else ""
    j = i - 1
    while j > 0 and toks[j][2] and (prev.endswith("ly") or prev in ("then", "also", "not")):
        j -= 1  # "will then falsely blame": look past the adverbs
        prev = text[toks[j][0] : toks[j][1]].lower() if toks[j][2] else ""
    if prev in _PASSIVE and not form.lower().endswith("ing"):
        return None  # "was charged", "is expected"
    if (
        form in _PUT_OUT
        and i > 0
        and toks[i - 1][2]
        and text[toks[i - 1][0] : toks[i - 1][1]] in words.media
    ):
        return None  # "in a statement posted on its website": a participle on the medium
    if prev in _HAVE and form.lower().endswith("ing"):
        return None  # "to have admitting privileges": a noun's modifier, not a cue
    if (
        prev in _NON_FINITE
        and form.lower() == lemma
        and not _WENT_ON_TO.search(text, max(sent.start, cue[0] - 20), cue[0])
    ):
        return None  # "would ask", "to say" (but "He went on to say that": he said next)
    homograph = form.lower() in _NOUN_FORMS and not _THAT_NEXT.match(
        text, cue[1], min(sent.end, cue[1] + _ASIDE_REACH)
    )
    nxt = _NEXT_WORD.match(text, cue[1], sent.end) if homograph else None
    if homograph and (
        prev in words.dets
        or not (i > 0 and toks[i - 1][2])
        or (
            nxt is not None
            and (
                # "state Rep. Hoover" (but "polls show Lund ahead": a poll's verb)
                (nxt.group(1)[0].isupper() and prev not in _EVIDENCE)
                or nxt.group(1).lower() in _AUX
                or _body_next(text, cue[1], sent.end, words)
                # "Member states said": a verb of saying follows the noun
                or (words.cue(nxt.group(1)) or ("", ""))[1] == "speech"
            )
        )
    ):
        return None  # "member states", "state Rep. Hoover", "New York state is": a noun
    source = source_for_cue(doc, max(sent.start, cue[0] - MAX_WINDOW), cue[0], cue[1])
    if homograph and (
        source is None
        or (source.kind not in ("name", "pronoun", "org", "group") and not _evidence(text, source))
        or skip_back(doc, source.end, cue[0]) != source.end
    ):
        return None  # "state" and "calls" cue only after their subject: "It states", "Others call"
    pos = cue[1]
    postposed = None
    if (
        source is not None
        and form.lower().endswith("ing")
        and _WITH_BEFORE.search(text, max(sent.start, source.start - 6), source.start)
        and _COMMA_NEXT.match(text, cue[1], sent.end)
    ):
        return None  # "with all precincts reporting, the race …": an absolute, no speech
    comma_after = False  # the content opens after a comma: the attribution may be inside it
    settled = skip_setting(text, cue[1], sent.end)  # past the cue's settings: asked once
    after = _past_the_told(doc, cue, settled, sent.end)
    nothing_after = _ONLY_STOPS.fullmatch(text, after, sent.end)
    if (
        source is None
        or nothing_after
        # "The roads were closed, said Mayor Ana Ruiz.": the name after the cue is the source
        or (
            _COMMA_BEFORE.search(text, max(sent.start, cue[0] - 4), cue[0])
            and _source_after(doc, cue[1], sent.end)
        )
    ) and (postposed := _postposed(doc, sent, cue, after=after)) is not None:
        # "…, Dunmore said." / "…, said Dunmore." / "…, as Dunmore said."
        source, start, end = postposed
        if form.lower().endswith("ing") and (
            (k := bisect.bisect_left(cue_starts, start, 0, later - 1)) < later - 1
            and cue_starts[k] < end
        ):
            # "NBC reported that …, citing two officials": the outlet's report (an earlier
            # cue of the sentence inside the content; a bisection, not a copy of the list)
            return None
    elif source is None or nothing_after:
        return None
    else:
        inverted = _inverted_aside(doc, sent, cue, cls)
        if inverted is not None:
            source, pos = inverted  # "The roads, said Mayor Ana Ruiz, were closed."
        elif source.start > cue[1]:
            return None
        pos = settled if pos == cue[1] else skip_setting(text, pos, sent.end)
        setting = _SETTING_THEN_THAT.match(text, pos, sent.end)
        if setting is not None:
            pos = setting.end()  # "wrote on X that …": "on" opens a place, not a particle
        part = _CUE_PARTICLE.match(text, pos, sent.end) if setting is None else None
        if part is not None:
            pos = part.end()
        if lemma in words.addressee:
            m = _OWNED_OBJECT.match(text, pos, sent.end) or OBJECT.match(text, pos, sent.end)
            if m is not None:
                pos = m.end()
                named = _NAME_APPOSITION.match(text, pos, sent.end)
                if named is not None:
                    pos = named.end()  # "asked the city's technology chief, Wendell Brooks, what"
            elif lemma == "tell":
                return None
        else:
            m = TO_ADDRESSEE.match(text, pos, sent.end) if _to_next(text, pos, sent.end) else None
            if m is not None:
                pos = m.end()
        pos = skip_setting(text, pos, sent.end)
        setting = _SETTING_THEN_THAT.match(text, pos, sent.end)
        if setting is not None:
            pos = setting.end()  # "said outside the courthouse that …": the place is no content
        aside = _ADVERB_ASIDE.match(text, pos, min(sent.end, pos + _ASIDE_REACH))
        if aside is not None:
            pos = aside.end()  # "warned, however, that …"
        gap = _SPACE_COMMA.match(text, pos, sent.end)
        comma_after = gap is not None and "," in gap.group()
        pos = gap.end() if gap is not None else pos
        start = pos
        end = _content_end(doc, start, _content_limit(text, start, sent.end), cue_starts, later)
        first_word = LETTERS.match(text, start, sent.end)
        if (
            later < len(cue_starts)
            and cue_starts[later] == start
            and first_word is not None
            and first_word.group().endswith("ing")
        ):
            end = start  # "Dunmore said, adding …": the participle opens a clause of its own
    end = _trim_end(text, start, end)
    if start >= end and postposed is None:
        # "…, Dunmore said, adding …": nothing after the cue, the content came before it
        postposed = _postposed(doc, sent, cue, relaxed=True)
        if postposed is None:
            return None
        source, start, end = postposed
        end = _trim_end(text, start, end)
    # in an aside ("X, who found fame on a dating show, is …") the clause ends at its comma
    in_aside = postposed is None and bool(
        _ASIDE_OPEN.search(text, max(sent.start, cue[0] - 40), cue[0])
    )
    if in_aside and start < end:
        comma = text.find(",", start, end)
        nxt = _NEXT_WORD.match(text, comma + 1, end) if comma > start else None
        if (
            nxt is not None
            and not _QUOTE_CHAR.search(text, start, comma)
            and _resumes_clause(nxt.group(1), doc.words)
        ):
            end = _trim_end(text, start, comma)  # the clause the aside sat in goes on
    if (
        postposed is None
        and start < end
        and (obj := _FRAGMENT_OBJECT.match(text, start, end))
        and not _CLAUSE.search(text, start, obj.end())
    ):
        end = obj.end()  # "praised its "raw honesty," and the single has …": a new clause
    if (
        postposed is None
        and start < end
        and _SUBORDINATE_OPEN.match(text, sent.start, cue[0])
        and (comma := _clause_comma(text, start, end)) > start
    ):
        end = _trim_end(text, start, comma)  # "When my mother mentioned the pier, I laughed"
    if start >= end:
        return None
    content = text[start:end]
    words_ = content.split()
    has_marks = any(c in content for c in MARKS)
    first = words_[0].lower().strip('"“”„«»')
    if (
        cls == "belief"
        and first != "that"
        and not _CLAUSE.search(content)
        and not (lemma == "show" and _evidence(text, source) and not _TOPIC.match(content))
    ):
        return None
    if lemma == "add" and first == "up":
        return None  # "the efforts added up to a series of …": a sum, not a remark
    if lemma == "charge" and first != "that" and not has_marks and not _CHARGED_WITH.match(content):
        return None  # "by charging more at peak times", "charged $40 a night": a price
    if lemma == "recall" and _RECALLED_COUNT.match(content) and not _VERB_CLAUSE.search(content):
        return None  # "Lumora recalls 40,000 space heaters": a product recall, no memory told
    if lemma == "deny" and _GRANTED.match(content):
        return None  # "denied bail to Aske", "was denied parole": a refusal, not a statement
    if lemma == "declare" and _DECLARED_ACT.match(content):
        return None  # "declared a state of emergency": an act done by declaring, no statement
    if lemma == "add" and _ADDED_COUNT.match(content) and not _VERB_CLAUSE.search(content):
        return None  # "added a second from the penalty spot", "added 1,200 jobs": a tally
    if (
        lemma == "add"
        and _ADDED_AMOUNT.match(content)
        and not _VERB_CLAUSE.search(head := _THAN.split(content, 1)[0])
        and not any(w.endswith("ed") or w in _STRONG_PAST for w in head.lower().split())
    ):
        return None  # "Ashby added more jobs than homes": an amount, no clause
    if lemma in _DISCLOSING and _NO_INTERESTS.match(content):
        return None  # "The authors reported no conflicts of interest": a disclosure formula
    if lemma == "show" and _SHOWN_FEELING.match(content):
        return None  # "showed no emotion as the verdict was read": a look, no belief
    if lemma == "plead" and _PLEA.match(content):
        return None  # "pleaded guilty in August to fraud": a plea entered, not a statement
    if lemma == "ask" and _ANONYMITY.match(content):
        return None  # "one official said, asking not to be named": a condition, not content
    if (
        lemma in doc.words.addressee
        and lemma not in ("ask", "promise")  # "asking for patience", "promising tax cuts"
        and form.lower().endswith("ing")
        and not has_marks
        and not _VERB_CLAUSE.search(content)
        and not _LINK_WORD.search(content)
    ):
        return None  # "ignored warning signs for a year", "advising his campaign": no telling
    if text[start] in MARKS and _quoted_to_end(text, start, end):
        return None
    lead = None
    if postposed is None and comma_after:
        lead = _parenthetical_lead(doc, sent, min(source.start, cue[0]))
        if lead is not None and _about_the_saying(first, content):
            # "The plan assumes …, an official said, speaking on condition of anonymity.":
            # the clause before the attribution is all of the content
            return Reported(content=lead, attribution=make_attribution(text, cue, source), cls=cls)
    n_words = len(words_) + (len(lead.text.split()) if lead is not None else 0)
    if (
        n_words < _MIN_REPORTED_WORDS
        and not has_marks
        and not (lead is None and _short_clause(words_, doc.words))
    ):
        return None
    if (
        first in _WHEN_WORDS
        and len(words_) <= 6
        and not has_marks
        and lead is None
        and not _CLAUSE.search(content)
        and not _THAT_WORD.search(content)
    ):
        return None  # "conceded shortly after midnight", "warned until Saturday": only a when
    if first == "to" and lemma in _TO_INFINITIVE and len(words_) > 2 and words_[1][:1].islower():
        pass  # "vowed to rebuild the pier": an infinitive is what was promised
    elif (
        first in _NOT_A_CLAUSE_START
        and not has_marks
        and lead is None
        and postposed is None  # "In Brackton, the bridge closed, the Herald reported."
        and not (first in _APPROXIMATE and _NUMBER_NEXT.match(text, start + len(first), end))
    ):
        return None  # (after a lead the content goes on with its verb: "X, Y said, was …")
    return Reported(
        content=span_of(text, start, end),
        attribution=make_attribution(text, cue, source),
        cls=cls,
        lead=lead,
    )


# words that open a phrase about the act of saying, not the rest of what was said
_SAYING_ADJUNCT = frozenset(
    ["declining", "refusing", "requesting", "speaking", "without", "wishing"]
)


def _about_the_saying(first: str, content: str) -> bool:
    """What follows "…, X said," is a phrase about the saying that ends the sentence
    ("speaking on condition of anonymity", "without giving details"), not the rest of a
    clause the attribution interrupted ("…, X said, by cutting costs")."""
    return first in _SAYING_ADJUNCT and "," not in content


def _parenthetical_lead(doc: Doc, sent: Sentence, source_start: int) -> Span | None:
    """The content's first part when the attribution is set off by commas inside it: "The
    plan, officials said, would cost …" gives "The plan"."""
    text = doc.text
    comma = source_start  # the comma before the source, after spaces
    while comma > sent.start and text[comma - 1].isspace():
        comma -= 1
    comma -= 1
    if comma < sent.start or text[comma] != ",":
        return None
    start, end = sent.start, comma
    while start < end and (text[start].isspace() or text[start] in MARKS):
        start += 1
    end = _trim_end(text, start, end)
    # the part's words are the sentence's from ``start`` on (no word goes on past ``end``, a
    # space or a mark): it has none, or a cue of its own ("He said, officials said, …"), or
    # a quote mark, when the first of these in the sentence comes before ``end``
    word_end, cue_end, mark = _lead_words(doc, start, sent.end)
    if word_end > end or cue_end <= end or mark < end:
        return None
    return span_of(text, start, end)


# what an official does by declaring it: "declared a state of emergency", "declared bankruptcy"
_DECLARED_ACT = compile_re(
    r"(?:(?:a|an|the)\s+)?(?:(?:local|national|statewide|public|health|federal)\s+){0,2}"
    r"(?:state\s+of\s+(?:emergency|disaster|siege|alert|calamity)|emergency|disaster\s+area"
    r"|curfew|martial\s+law|bankruptcy|insolvency|independence|(?:public\s+)?holiday"
    r"|day\s+of\s+mourning|ceasefire|cease-fire|truce|drought|lockdown|outbreak|epidemic"
    r"|pandemic|mistrial|recess|quorum|dividend|moratorium|no-fly\s+zone)\b",
    regex.I,
)
# a count scored or gained, not a remark: "added a second from the penalty spot", "added two
# more goals", "added 1,200 jobs"
_ADDED_COUNT = compile_re(
    r"(?:(?:a|an|his|her|their|its)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth)\b|(?:another\s+|a\s+further\s+)?(?:[$£€]?\d|(?:two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|a\s+dozen|a\s+hundred|a\s+thousand|a\s+million)\b))",
    regex.V1 | regex.IGNORECASE,
)
# an amount added, no count: "more jobs than homes", "several stops", "nearly a mile"
_ADDED_AMOUNT = compile_re(
    r"(?:more|fewer|less|several|many|dozens|hundreds|thousands|millions|billions|nearly"
    r"|almost|roughly|some|extra|new)\b",
    regex.V1 | regex.IGNORECASE,
)
# a number of things recalled: "40,000 space heaters", "about 1.2 million vehicles"
_RECALLED_COUNT = compile_re(
    r"(?:(?:about|nearly|roughly|some|almost|over|more\s+than)\s+)?[\d,.]+(?:\s+(?:million|thousand))?\s",
    regex.V1 | regex.IGNORECASE,
)
_THAN = compile_re(r"\sthan\s", regex.V1)  # "more stops than the council had asked for"
# a clause of its own in the content: "that", an auxiliary, a pronoun subject
_VERB_CLAUSE = compile_re(
    r"\b(?:that|is|are|was|were|be|been|will|would|could|can|should|must|may|might|has|have"
    r"|had|did|does|do|he|she|they|we|it|i|you|there|\p{L}+n['’]t)\b",
    regex.V1 | regex.IGNORECASE,
)
_DISCLOSING = frozenset(["report", "declare", "disclose", "state"])
# the closing line of a study: "reported no conflicts of interest", "declare no competing
# interests"
_NO_INTERESTS = compile_re(
    r"no\s+(?:(?:known|potential|relevant|financial|other|such)\s+){0,2}"
    r"(?:conflicts?\s+of\s+interests?|competing\s+(?:financial\s+)?interests?"
    r"|financial\s+(?:ties|interests?|relationships?|disclosures?))\b",
    regex.V1 | regex.IGNORECASE,
)
# what a poll, a record or a film shows: its object is what it reports ("Polls show Lund
# with a narrow lead", "the filings show he gave $2,000", "video showed officers running")
_EVIDENCE = frozenset(
    [
        "poll",
        "polls",
        "survey",
        "surveys",
        "study",
        "studies",
        "data",
        "record",
        "records",
        "figures",
        "results",
        "analysis",
        "documents",
        "filings",
        "statistics",
        "numbers",
        "average",
        "averages",
        "video",
        "videos",
        "footage",
        "photo",
        "photos",
        "images",
        "returns",
        "report",
        "reports",
        "transcript",
        "emails",
    ]
)


# what a record tells about, not what it says: "the emails show more about the deal"
_TOPIC = compile_re(r"(?:more|less|much|little|nothing|something|a\s+lot)\s+about\b", regex.I)


def _evidence(text: str, source: Mention | None) -> bool:
    """``source`` is headed by a noun for a poll, a record or a film (its last word)."""
    if source is None:
        return False
    last = LETTERS.findall(text, max(source.start, source.end - 20), source.end)
    return bool(last) and last[-1].lower() in _EVIDENCE


# a look, not a belief: "showed no emotion", "showed little remorse", "showed remorse" (but
# "the data show interest rates rising" is evidence)
_SHOWN_FEELING = compile_re(
    r"(?:(?:no|little|any|some|visible|obvious|great|real)\s+(?:emotion|remorse|reaction"
    r"|interest|restraint|courage|leadership|respect|mercy|concern)|emotion|remorse)\b",
    regex.I,
)
# the plea a defendant enters: "pleaded guilty", "pleads not guilty", "pleaded no contest"
_PLEA = compile_re(
    r"(?:not\s+)?(?:guilty|innocent|no\s+contest|nolo\s+contendere|the\s+fifth)\b", regex.I
)
# what is granted or refused, not said: "denied bail", "denied the motion to dismiss"
_GRANTED = compile_re(
    r"(?:(?:him|her|them|it|us|me|the|a|an|his|her|their|its)\s+)?"
    r"(?:bail|parole|access|entry|permission|admission|asylum|a\s+visa|visas?|permits?"
    r"|licen[cs]es?|(?:the|a|an|his|her|their)\s+(?:motion|request|application|appeal|petition"
    r"|bid|claim\s+for|permit|licen[cs]e|visa))\b",
    regex.V1 | regex.IGNORECASE,
)
# "charged the officer with murder": an accusation names its object, then "with"
_CHARGED_WITH = compile_re(r"[\p{L}\d'’. -]{1,60}?\swith\s", regex.V1)
_ASIDE_OPEN = compile_re(r",\s*(?:who|which)\s+(?:\p{L}+\s+)?$", regex.V1 | regex.IGNORECASE)
# participles that say how a statement came out ("a statement posted on its website")
_PUT_OUT = frozenset(["posted", "published", "released", "issued", "shared", "circulated"])
_NAME_THEN_COMMA = compile_re(r"\s+[\"“‘']?\p{Lu}[^,;:.!?]{0,60},", regex.V1)
# after a participle that only names ("called", "dubbed"), the name may open with "the"
_THE_NAME_THEN_COMMA = compile_re(r"\s+(?:the\s+)?[\"“‘']?\p{Lu}[^,;:.!?]{0,60},", regex.V1)
_NAMING_PARTICIPLES = frozenset(["called", "dubbed", "named", "nicknamed", "titled", "known"])
_COMMA_BEFORE = compile_re(r",\s*$", regex.V1)
_KNOWN_AS = compile_re(r"\s+(?:to\s+[^,;:.!?\"“]{1,40}?\s+)?as\b", regex.V1)
# a sentence opening with a subordinate clause that holds the cue: its content ends at the
# comma before the main clause
_SUBORDINATE_OPEN = compile_re(
    r"[\s\"“‘']*(?:when|whenever|after|before|while|if|once|since|because|although|though"
    r"|until|unless)\s[^,;:\"“”]{0,200}$",
    regex.V1 | regex.IGNORECASE,
)
_QUOTE_CHAR = compile_re(r"[\"“”‘’'«»]", regex.V1)


def _clause_comma(text: str, start: int, end: int) -> int:
    """Where the first comma outside quote marks in ``text[start:end]`` ends the clause (after
    the closing mark for ``"…, overdue,"``), or -1; read at most 400 characters."""
    inside = False
    for i in range(start, min(end, start + 400)):
        c = text[i]
        if c == "“":
            inside = True
        elif c == "”" or (c == '"' and inside):
            inside = False
            if text[i - 1] == ",":
                return i + 1
        elif c == '"':
            inside = True
        elif c == "," and not inside:
            return i
    return -1


def _resumes_clause(word: str, words: QuoteWords) -> bool:
    """Does ``word``, after the comma closing an aside, go on with the clause around it
    ("…, who found fame on a dating show, is said …", "…, held private meetings")? A name, a
    preposition or a conjunction goes on inside the aside ("…, Nebraska", "…, under fire")."""
    low = word.lower()
    return word[:1].islower() and (
        _CLAUSE.fullmatch(low) is not None or (low not in words.stops and low not in words.dets)
    )


_WITH_BEFORE = compile_re(r"(?i)\bwith\s+$", regex.V1)
# matched once per cue, in place: in a long sentence without a comma, not to its end (see
# in_place)
_COMMA_NEXT = compile_re(in_place(r"\s*,"), regex.V1)


def _lead_words(doc: Doc, start: int, hi: int) -> tuple[int, int, int]:
    """(where the first word ends, where the first cue word ends, where the first quote mark
    is) in ``text[start:hi]``, ``hi + 1`` for none: read once per sentence, since
    :func:`_parenthetical_lead` asks for each of its cues (thousands in a long one)."""
    found = doc.leads.get((start, hi))
    if found is None:
        text, words = doc.text, doc.words
        word_end = cue_end = hi + 1
        for m in LETTERS.finditer(text, start, hi):
            if word_end > hi:
                word_end = m.end()  # the first word
            if words.cue(m.group()) is not None:
                cue_end = m.end()
                break
        marks = [i for i in (text.find(c, start, hi) for c in MARKS) if i >= 0]
        found = doc.leads[(start, hi)] = (word_end, cue_end, min(marks, default=hi + 1))
    return found


# words that open an adverbial of time, not reported content ("conceded shortly after midnight")
_WHEN_WORDS = frozenset(
    ["shortly", "until", "till", "after", "before", "since", "during", "overnight", "late", "early"]
)
_ANONYMITY = compile_re(r"not\s+to\s+be\s+(?:named|identified|quoted)\b", regex.V1)
# an article and an adverb before a cue form: the form is an adjective ("a widely read")
_ADVERB_AFTER_DET = compile_re(
    r"(?r)\b(?:a|an|the)\s+(?!(?:only|family|friendly|early|likely|daily|elderly|costly|deadly)\s)"
    r"\p{Ll}+ly\s+$",
    regex.V1 | regex.IGNORECASE,
)
# "than" right before a cue compares with what was said, reporting nothing
_THAN_BEFORE = compile_re(r"(?r)\bthan\s+$", regex.V1 | regex.IGNORECASE)

# what an addressee's participle is followed by when it tells something ("warning residents to
# leave", "warning of floods", "telling them about it")
_LINK_WORD = compile_re(r"\b(?:to|of|about|against|how|what|why|when|where|whether|if)\b", regex.V1)
_THAT_WORD = compile_re(r"\bthat\b", regex.V1 | regex.IGNORECASE)
_CLAUSE = compile_re(
    r"\b(?:is|are|was|were|will|would|could|can|should|must|may|might|has|have|had|did|does|do"
    r"|isn't|aren't|wasn't|won't|wouldn't|can't|didn't|doesn't|don't)\b",
    regex.V1 | regex.IGNORECASE,
)


def _to_next(text: str, pos: int, hi: int) -> bool:
    """Spaces, then "to", at ``pos``: what ``TO_ADDRESSEE`` opens with. Asked first, because the
    ``regex`` module's ``match`` looks for a pattern's required text ("to") through all of
    ``text[pos:hi]`` before it starts: in a long sentence with no "to", once per cue. (Every
    character ``\\s`` matches is one ``str.isspace`` accepts.)"""
    end = pos
    while end < hi and text[end].isspace():
        end += 1
    return end > pos and text.startswith("to", end, hi)


def _content_limit(text: str, start: int, end: int) -> int:
    """Where content after a cue stops at the latest: the sentence's end, or in a sentence
    that runs on past ``_MAX_CONTENT`` characters (no news sentence does; a scraped table or
    a text without stops may) the last space before that, so that every cue of such a
    "sentence" reads a bounded stretch, not all the rest of it."""
    if end - start <= _MAX_CONTENT:
        return end
    space = text.rfind(" ", start, start + _MAX_CONTENT)
    return space if space > start else start + _MAX_CONTENT


def _in_quoted(text: str, start: int, pos: int) -> bool:
    """A quoted fragment opened after ``start`` is still open at ``pos``; a straight mark
    after a digit that opens none is an inch mark ("a 6" water main")."""
    inside = False
    for mark in _DOUBLE_MARK.finditer(text, start, pos):
        i = mark.start()
        if not inside and mark.group() == '"' and i > 0 and text[i - 1].isdigit():
            continue
        inside = not inside
    return inside


def _content_end(doc: Doc, start: int, end: int, cue_starts: list[int], later: int) -> int:
    """Where reported content stops: before the clause of the next cue ("…, and said …",
    "…, arguing that …", "…, Cross said …") and at a semicolon. The cues looked at are those
    of ``cue_starts[later:]`` (in order) after ``start``, before ``end`` and at most
    ``_MAX_CONTENT_SCAN`` characters on, ``_MAX_LATER_CUES`` of them at most (a text dense in
    cues, "(Ada said (Ben said …", would otherwise read dozens after each)."""
    text = doc.text
    k = bisect.bisect_right(cue_starts, start, later)
    last = min(len(cue_starts), k + _MAX_LATER_CUES)
    while k < last and cue_starts[k] < end and cue_starts[k] - start <= _MAX_CONTENT_SCAN:
        cue = cue_starts[k]
        k += 1
        form = LETTERS.match(text, cue, end)
        if form is not None and _noun_before_name(text, form.span(), end):
            # "her opponent, state Sen. Paul Hedley,", "a State Department decision": a noun,
            # no clause of its own, unless a cue follows before the next comma ("…, state
            # Rep. Dana Ruiz said")
            comma = text.find(",", form.end(), end)
            limit = comma if comma >= 0 else end
            if not (k < len(cue_starts) and cue_starts[k] < limit):
                continue
        if _in_quoted(text, start, cue):
            continue  # 'told staff to "code high and let the state decide"': inside the quote
        conj = _NEXT_CLAUSE.search(text, start, cue)
        if conj is not None and _APPOSED_SUBJECT.match(text, start, cue):
            continue  # "say Aldo Penhallow, 29, attacked him": the content's own verb
        if conj is not None:
            end = conj.start()
            break
        m = np_before(doc, start, cue)
        if m is None and form is not None:
            # "…, and Dan Kerr of the council said …": a name and where the person works (see
            # :func:`source_for_cue`) opens the next clause
            named = source_for_cue(doc, start, cue, form.end())
            if (
                named is not None
                and named.kind == "name"
                and _AFFILIATION.match(text, named.end, cue) is not None
            ):
                conj = _AND_BEFORE.search(text, start, named.start)
                if conj is not None:
                    end = conj.start()
                    break
        if m is not None and m.kind in ("name", "pronoun", "org"):
            lead = _SUBORDINATOR.sub("", text[start : m.start].rstrip())
            if lead.endswith(","):
                end = start + len(lead) - 1
                break
    semicolon = text.find("; ", start, end)
    if semicolon > start:
        end = semicolon
    refusal = _REFUSAL.search(text, start, min(end, start + _MAX_CONTENT_SCAN))
    if refusal is not None:  # "said demand would recover but declined to be more specific"
        end = refusal.start()
        while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
    condition = _CONDITION.search(text, start, min(end, start + _MAX_CONTENT_SCAN))
    if condition is not None:  # "said the talks would resume, speaking on condition of …"
        end = condition.start()
    return end


# a noun phrase that ends in a quoted fragment, the cue's object, then "and" or "but" and a
# clause with a subject and a verb of its own: the content is the noun phrase
_FRAGMENT_OBJECT = compile_re(
    r"(?:the|a|an|its|his|her|their|this)\s++(?:[^\s\"“”]++\s++){0,2}[\"“][^\"“”]{1,80}[\"”]"
    r"(?=,?\s++(?:and|but)\s++(?:the|a|an|his|her|its|their|this|these|those|he|she|they|it|we)"
    r"(?:\s++[^\s,;]++){0,3}?\s++(?:is|are|was|were|will|would|has|have|had|\p{Ll}+ed)\b)",
    regex.V1 | regex.IGNORECASE,
)

# the speaker's own refusal to say more, after the content: "…, but declined to comment",
# "… and would not say when"
_REFUSAL = compile_re(
    r"(?<=\s)(?:but|and)\s++(?:(?:then|later|also)\s++)?(?:(?:declined|refused)\s++to\s++"
    r"|(?:would|did|could|will)\s*+(?:not|n['’]t)\s++)(?:comment|elaborate|say|give|provide"
    r"|discuss|specify|name|identify|answer|confirm|offer|go\s+into|be\s+more\s+specific)\b",
    regex.V1 | regex.IGNORECASE,
)

# the terms the source spoke on, after the content: "…, speaking on condition of anonymity",
# "…, asking not to be named"; or how and where: "…, speaking through an interpreter at a
# news conference"
_CONDITION = compile_re(
    r",\s++(?:(?:speaking|talking)\s++on\s++(?:the\s++)?condition\s++(?:of\s++anonymity|that)"
    r"|(?:speaking|talking)\s++(?:through|to|at|in|from|during|after|before|outside|via)\s"
    r"|(?:asking|requesting)\s++not\s++to\s++be\s++(?:named|identified|quoted))\b",
    regex.V1 | regex.IGNORECASE,
)


_HEAD_ENDS = frozenset(["of", "in", "at", "for", "with", "from", "on", "to", "who", "whose"])


def _source_after(doc: Doc, pos: int, hi: int) -> bool:
    """Does a source open right after the cue: a name, an organisation, or a phrase with a
    noun for a person ("one official", "a harbor spokesman"), not a clause ("the problems
    went back years")?"""
    gap = _SPACE_COMMA.match(doc.text, pos, hi)
    m = np_after(doc, gap.end() if gap is not None else pos, hi)
    if m is None:
        return False
    if m.kind in ("name", "org"):
        return True
    words = doc.words
    head = []  # the words before the first preposition: "one GOP source (in the room)"
    for w in LETTERS.findall(doc.text, m.start, m.end):
        if w.lower() in _HEAD_ENDS:
            break
        head.append(w.lower())
    return any(w in words.persons or w in words.titles or w in words.groups for w in head)


def _inverted_aside(
    doc: Doc, sent: Sentence, cue: tuple[int, int], cls: str
) -> tuple[Mention, int] | None:
    """``Content, said X, content``: the source named after the cue, and where the comma
    closing the aside stands."""
    text = doc.text
    if not _COMMA_BEFORE.search(text, max(sent.start, cue[0] - 4), cue[0]):
        return None
    gap = _SPACE_COMMA.match(text, cue[1], sent.end)
    pos = gap.end() if gap is not None else cue[1]
    if text[cue[0] : cue[1]].lower().endswith("ing") or cls in ("naming", "belief"):
        # "…, saying that otherwise Mr. Netanyahu, now …": a participle's object; "The
        # program, called EB-5, allows …": what a thing is called
        return None
    m = np_after(doc, pos, sent.end)
    if m is None or m.kind not in ("name", "description", "org", "group"):
        return None
    tail = _SOURCE_TAIL.match(text, m.end, sent.end)
    # "say experts like Amos Reel, a geophysicist, is": the example's apposition too
    ends = (m.end,) if tail is None else (tail.end(), skip_asides(doc, tail.end(), sent.end))
    for end in ends:
        comma = _COMMA_NEXT.match(text, end, sent.end)
        nxt = _NEXT_WORD.match(text, comma.end(), sent.end) if comma is not None else None
        if nxt is not None and _resumes_clause(nxt.group(1), doc.words):
            return m, end
    return None  # "…, said Brad Bannon, a pollster.": an apposition, not the content


# what may follow the source of an inverted aside before its closing comma: "said Reel and
# others,", "say engineers like Amos Reel,", "say critics such as the Harbor Trust,"
_SOURCE_TAIL_WORDS = (
    r"\s+(?:and\s+(?:others|other\s+\p{Ll}+|many\s+others)"
    r"|(?:like|such\s+as|including)\s+(?:the\s+)?\p{Lu}[\p{L}.’'\-]*(?:\s+\p{Lu}[\p{L}.’'\-]*){0,3})"
)
_SOURCE_TAIL = compile_re(_SOURCE_TAIL_WORDS + r"(?=\s*,)", regex.V1)
# the same after a source that ends the sentence: "The pier is old, say engineers like Amos
# Reel."
_SOURCE_TAIL_END = compile_re(_SOURCE_TAIL_WORDS + r"[\s.!?\"”’']*", regex.V1)


def _postposed(
    doc: Doc,
    sent: Sentence,
    cue: tuple[int, int],
    *,
    relaxed: bool = False,
    after: int | None = None,
) -> tuple[Mention, int, int] | None:
    """``Content, X said.`` / ``Content, said X.`` / ``Content, as X said.``; ``relaxed``: the
    sentence may go on after the attribution (``Content, X said, adding …``); ``after``: where
    the cue's settings and the one told end, when the caller has found it. The content
    reaches back at most ``_POSTPOSED_REACH`` characters (a sentence of thousands of cues stays
    linear)."""
    text = doc.text
    if after is None:  # (the caller may have found it: past the settings and the one told)
        after = skip_setting(text, cue[1], sent.end)
        if not relaxed:
            after = _past_the_told(doc, cue, after, sent.end)
    m_after = None
    if relaxed:
        if _COMMA_NEXT.match(text, after, sent.end) is None:
            return None
    elif sent.end - after > _POSTPOSED_REACH:
        return None  # the sentence goes on far past the attribution
    elif not _ONLY_STOPS.fullmatch(text, after, sent.end):
        gap = _SPACES.match(text, after, sent.end)
        m_after = name_in_apposition(
            doc, np_after(doc, gap.end() if gap is not None else after, sent.end), sent.end
        )
        if m_after is not None and (apposed := _COMMA_NEXT.match(text, m_after.end, sent.end)):
            # "…, said Brad Bannon, a Democratic pollster.": the name and its apposition
            nxt = _NEXT_WORD.match(text, apposed.end(), sent.end)
            if nxt is not None and _resumes_clause(nxt.group(1), doc.words):
                return None  # "The roads, said Ruiz, were closed.": the content goes on
        elif m_after is None or (
            text[m_after.end : sent.end].strip(" .!?") != ""
            and not _SOURCE_TAIL_END.fullmatch(text, m_after.end, sent.end)
        ):
            m_after = None
            # "…, X said of the plan." is still postposed
            if not _ABOUT_TAIL.fullmatch(text, after, sent.end):
                return None
    lo = _reach_back(text, sent.start, cue[0])
    before = text[lo : cue[0]].rstrip()
    if m_after is not None:
        if not before.endswith(","):
            return None
        return m_after, lo, lo + len(before) - 1
    # source before the cue, preceded by a comma that closes the content
    src = np_before(doc, lo, cue[0])
    if src is None:
        return _apposed_source(doc, lo, cue[0])
    lead = _AS_END.sub("", text[lo : src.start].rstrip())
    if not lead.endswith(","):
        return None
    return src, lo, lo + len(lead) - 1


_POSTPOSED_REACH = 1500
_APPOSED_REACH = 200  # a name and its appositions before a cue: ", Ana Ruiz, 61, a nurse,"
_AFTER_COMMA = compile_re(r"[\s'’]*", regex.V1)  # typewriter marks after the comma: "…,'' Ana"


def _apposed_source(doc: Doc, lo: int, cue_start: int) -> tuple[Mention, int, int] | None:
    """``Content, Ana Ruiz, 61, a nurse, said.``: a name set off with its appositions, after
    the comma that closes the content (the farthest comma from which a source reaches the
    cue, its appositions skipped; not the nearest, which may open an apposition)."""
    text = doc.text
    found = None
    form = LETTERS.match(text, cue_start)
    cue = doc.words.cue(form.group()) if form is not None else None
    if cue is None or cue[1] != "speech":
        return None  # "…, an arrangement the campaign has criticized.": the content's object
    comma = cue_start
    while (comma := text.rfind(",", max(lo, cue_start - _APPOSED_REACH), comma)) > lo:
        if text[comma + 1 : comma + 2] in MARKS:
            return None  # '"…," Ana Ruiz, 61, said': a direct quote's attribution
        gap = _AFTER_COMMA.match(text, comma + 1, cue_start)
        pos = gap.end() if gap is not None else comma + 1
        src = source_between(doc, pos, cue_start)
        if (
            src is not None
            and src.kind != "pronoun"
            and (src.start == pos or _described(doc, pos, src))
        ):
            found = src, lo, comma
    return found


def _described(doc: Doc, pos: int, src: Mention) -> bool:
    """The name ``src`` is set off after a description that starts at ``pos`` ("…, her
    sister, Ana Ruiz, said", "…, the White House spokesman, Josh Arden, said"): the content
    ends before the description, not before the name."""
    text = doc.text
    comma = text.rfind(",", pos, src.start)
    if comma < 0 or text[comma + 1 : src.start].strip():
        return False
    desc = np_before(doc, pos, comma)
    return desc is not None and desc.start == pos and desc.kind in ("description", "group")


# verbs whose object after them is the one told, never an inverted source ("…, Calloway told
# reporters." but "…, warned Calloway.")
_TOLD_SOMEONE = frozenset(["tell", "inform", "assure", "notify", "remind"])
_MAX_TOLD_WORDS = 8


def _past_the_told(doc: Doc, cue: tuple[int, int], pos: int, hi: int) -> int:
    """After "told" (and its kin), past the one told and the settings after it when only the
    sentence's stop follows ("…, Calloway told reporters on Tuesday."); else ``pos``."""
    text = doc.text
    found = doc.words.cue(text[cue[0] : cue[1]])
    if found is None or found[0] not in _TOLD_SOMEONE:
        return pos
    words = doc.words
    for k, (s, e, is_word) in enumerate(doc.tokens(pos, min(hi, pos + 120))[:_MAX_TOLD_WORDS]):
        low = text[s:e].lower()
        if not is_word or (k and (low in words.dets or low in words.pronouns or low in _AUX)):
            return pos  # "told reporters, …", "told reporters the pier was safe"
        rest = skip_setting(text, e, hi)  # the one told ends here: "reporters", "The
        if _ONLY_STOPS.fullmatch(text, rest, hi):  # Associated Press", "the Gazette in an
            return rest  # interview on Tuesday"
    return pos


def _reach_back(text: str, start: int, cue: int) -> int:
    """Where content before its cue starts at the earliest: the sentence's ``start``, or at
    most ``_POSTPOSED_REACH`` characters back, after a space (``cue`` when there is none)."""
    if cue - start <= _POSTPOSED_REACH:
        return start
    space = text.find(" ", cue - _POSTPOSED_REACH, cue)
    return space + 1 if space >= 0 else cue


# what a group knows or is close to: "familiar with the plans", "close to the campaign",
# "briefed on the talks", "in attendance"
_GROUP_KNOWING = compile_re(
    r"\s+(?:(?:familiar|acquainted)\s+with|close\s+to|briefed\s+on|involved\s+in"
    r"|knowledgeable\s+about|in\s+attendance|present)\b[^,;:.!?\"“”]{0,80}",
    regex.V1,
)
# an affiliation after a group or a description: "at the regional weather office", "with
# the Harbor Institute" (no time or setting: "on Monday", "in a statement")
_GROUP_AFFILIATION = compile_re(
    r"\s+(?:at|with|from|for)\s+(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|least|most|times|first|last)\b)[\p{L}\-’']+(?:\s+[\p{L}\-’'.]+){0,6}",
    regex.V1,
)


def _according_to(doc: Doc, sent: Sentence, cue: tuple[int, int]) -> Reported | None:
    text = doc.text
    m = _ACCORDING_SOURCE.match(text, cue[1], sent.end)
    if m is None:
        return None
    s = m.start(1)
    e = _trim_end(text, s, m.end(1))
    toks = doc.tokens(s, e)
    end = np_forward(doc, toks, 0, max_len=16)
    source = classify(doc, toks[:end]) if end else None
    if source is None:
        source = Mention(start=s, end=e, kind="description")
    else:
        source = _by_author(doc, source, e)
    if (
        source.kind in ("group", "description")
        and source.end < e
        and (
            _GROUP_AFFILIATION.fullmatch(text, source.end, e)
            or _GROUP_KNOWING.fullmatch(text, source.end, e)
        )
    ):
        # "according to forecasters at the regional weather office", "according to people
        # familiar with the plans": who they are is part of the source
        source = attrs.evolve(source, end=e)
    lead = _lead_word(text, sent.start, cue[0])
    if lead is not None and lead.lower() in {"", "but", "and"}:  # "According to X, content."
        comma = text.find(",", e, sent.end)
        if comma < 0:
            return None
        start, end = comma + 1, sent.end
    else:  # "Content, according to X." / "Lead, according to X, content."
        start, end = _reach_back(text, sent.start, cue[0]), cue[0]
    first_part = None
    rest = _COMMA_REST.match(text, source.end, sent.end)
    if (
        start == sent.start
        and rest is not None
        and LETTERS.search(text, rest.end(), sent.end)
        and not _apposed(doc, rest.end(), sent.end)
    ):
        # "The vote, according to the clerk, was 5-2.": the attribution inside the content
        first_part = _parenthetical_lead(doc, sent, cue[0])
        if first_part is not None:
            start, end = rest.end(), sent.end
    while start < end and (text[start].isspace() or text[start] in MARKS):
        start += 1
    end = _trim_end(text, start, end)
    n_words = _words(text, start, end) + (len(first_part.text.split()) if first_part else 0)
    if n_words < _MIN_REPORTED_WORDS:
        return None
    return Reported(
        content=span_of(text, start, end),
        attribution=make_attribution(text, cue, source),
        cls="speech",
        lead=first_part,
    )


# what str.split() splits at (Python's whitespace is the Unicode property and four separators)
_SPLIT_WORD = compile_re(r"[^\s\x1c-\x1f]+", regex.V1)
_LEAD_STRIP = " \u00a0" + MARKS


def _words(text: str, start: int, end: int) -> int:
    """``len(text[start:end].split())`` up to ``_MIN_REPORTED_WORDS``: a sentence of thousands
    of cues is not split into words at each of them."""
    n = 0
    for _ in _SPLIT_WORD.finditer(text, start, end):
        n += 1
        if n == _MIN_REPORTED_WORDS:
            break
    return n


def _lead_word(text: str, start: int, end: int) -> str | None:
    """``text[start:end]`` stripped of spaces and marks when it is three characters or fewer
    ("", "But", "and"), else None: the text before a cue is not copied at each of them."""
    while start < end and text[start] in _LEAD_STRIP:
        start += 1
    while end > start and text[end - 1] in _LEAD_STRIP:
        end -= 1
    return text[start:end] if end - start <= 3 else None


_COMMA_REST = compile_re(in_place(r"\s*,\s*"), regex.V1)  # once per cue, as _COMMA_NEXT

# what may stand between a study and "by": a participle and a few words, or a time ("a report
# by", "a declaration filed in federal court by", "a memo released Friday by", "a study last
# year by")
_BY_AUTHOR = compile_re(
    r"(?:\s+(?:\p{Ll}+ed|written|done|drawn|taken|last|this|earlier|in|on)"
    r"(?:\s+[\p{L}\d'’]+){0,3}?)?\s+by\s+",
    regex.V1,
)
_AUTHOR_KINDS = frozenset(["name", "org", "group"])


_FIRST_WORD = compile_re(r"[\p{L}'’]+", regex.V1)


def _apposed(doc: Doc, pos: int, hi: int) -> bool:
    """What follows the source's comma opens with "a" / "an": an apposition to the source
    ("according to an analysis by Lily Ward, a former tax aide, …"), not the content resumed
    (which "the" may open: "because, according to Ruiz, the pier would …")."""
    m = _FIRST_WORD.match(doc.text, pos, hi)
    return m is not None and m.group().lower() in ("a", "an")


def _by_author(doc: Doc, source: Mention, hi: int) -> Mention:
    """A description of a document goes on with its author: "according to a report by the
    Corvane Institute" is the whole phrase, and the institute names it."""
    if source.kind != "description" or source.head is not None:
        return source
    m = _BY_AUTHOR.match(doc.text, source.end, hi)
    if m is None:
        return source
    toks = doc.tokens(m.end(), hi)
    end = np_forward(doc, toks, 0, max_len=16)
    author = classify(doc, toks[:end]) if end else None
    if author is None or author.kind not in _AUTHOR_KINDS:
        return source
    return attrs.evolve(author, start=source.start)


def _quoted_to_end(text: str, pos: int, end: int) -> bool:
    """The stretch [pos, end) is one quoted sentence (a direct quote, not reported speech)."""
    closer = max(text.rfind(c, pos + 1, end + 1) for c in '"”»“')
    return closer >= end - 2


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?—–-"):
        end -= 1
    return end
