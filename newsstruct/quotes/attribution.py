"""Attribution of direct quotes: the cue ("said", "told", "according to", ":") and its source.

Shapes read:

* after a closing mark: ``…," Blinken said`` / ``…," said Blinken`` / ``…," Vance, 71, said``
  / ``…," Dalton shot back`` / ``…" ― Dana Ruiz`` (a dash before the name, as in reader-comment
  round-ups);
* before an opening mark: ``Blinken said: "…`` / ``Blinken told reporters, "…`` / ``X, a
  snowplow driver, said, "…`` / ``X … but said, "…`` / ``Morrow put it simply: "…`` /
  ``Blinken: "…``; a paragraph that ends in a colon leads into a quote that opens the next.

Who the cue belongs to is read by :mod:`.sources`; reported speech without quote marks by
:mod:`.reported`.
"""

from __future__ import annotations

import attrs
import regex

from ..patterns import compile_re
from ..records import Span
from .marks import Segment
from .mentions import (
    NICKNAME_WORDS,
    Doc,
    Mention,
    clause_subject,
    coordinated,
    name_in_apposition,
    np_after,
    np_before,
    np_ending,
    skip_asides,
    skip_setting,
    state_title,
    verb_after_owner,
)
from .sources import (
    CLAUSE_BREAK,
    LETTERS,
    MAX_WINDOW,
    ONLY_OPENERS,
    PUNCT,
    source_between,
    source_for_cue,
)
from .words import QuoteWords

MARKS = '"“”„«»‟'

# cue classes that attribute a quote from after its closing mark ("…," she said / barked)
_AFTER_QUOTE = frozenset(["speech", "manner"])

_MAX_WORDS_BEFORE_CUE = 30

# Objects that may follow a cue before the reported content or the quote: "told reporters",
# "told the Harbor Gazette", "warned him".
OBJECT = compile_re(
    r"\s+(?:(?:reporters|journalists|the\s+press|him|her|them|us|me|you|everyone|supporters)\b"
    r"|(?:the|a|an|his|her|their|its)\s+[\p{L}\-’']+(?:\s+[\p{L}\-’']+){0,2}?"
    r"(?=\s*(?:[,:]|that\b))"
    # an audience named by a compound: "told a news conference", "told a packed town hall"
    r"|(?:the|a|an|his|her|their)\s+(?:\p{Ll}[\p{L}\-]*\s+){1,2}(?:conference|briefing|meeting"
    r"|rally|hearing|crowd|audience|gathering|forum|panel|session|summit|convention|hall"
    r"|luncheon|dinner|breakfast|interview|podcast|broadcast|show|program|programme|station"
    r"|newspaper|channel|network|outlet|website|magazine|agency|committee|council|jury)s?\b"
    r"|(?:the|a|an|his|her|their)\s+\p{Ll}[\p{L}\-]*"
    r"|the\s+\p{Lu}[\p{L}.’'\-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.’'\-]*){0,4}"  # the Harbor Post
    r"|\p{Lu}[\p{L}.’'\-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.’'\-]*){0,4}(?:’s|'s)?(?:\s+\p{Ll}+)?"
    r"(?=\s*(?:[,:]|that\b))"
    r"|\p{Lu}[\p{L}.\-]*(?:\s+\p{Lu}[\p{L}.\-]*){0,3}(?:’s|'s)\s+[\"“][\p{Lu}\d][^\"“”\n]{0,40}[\"”]"
    r"|\p{Lu}[\p{L}.’'\-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.’'\-]*){0,4}"  # ^ MSNBC's "Morning Joe"
    # a bare plural before "that" or a question word, maybe after a setting: "told jurors (on
    # Monday) that", "told council members before the vote that", "asked city staff how"; or
    # people before a subject and its verb: "told voters he was", "told jurors the evidence
    # was", "told analysts the company expected" (not "told stories she had heard": a
    # relative clause)
    r"|(?:\p{Ll}[\p{L}\-]{1,30}\s+)?(?:voters|lawmakers|legislators|residents|members"
    r"|supporters|students|parents|employees|workers|investors|analysts|donors|colleagues"
    r"|officials|jurors|delegates|customers|viewers|listeners|readers|fans|troops|soldiers"
    r"|volunteers|citizens|staff|police|people)(?=\s+(?:(?:he|she|they|we|I)\s+(?:was|were|is"
    r"|are|had|has|have|would|will|could|should|did|does|do|must|might|can|may"
    # or a verb in the past: "told jurors he saw", "told voters she wanted"
    r"|\p{Ll}{2,}ed|saw|knew|thought|felt|heard|found|left|took|made|got|went|came)\s"
    r"|(?:the|its|his|her|their)\s+\p{Ll}++(?:\s+\p{Ll}++)?\s+(?:was|were|is|are|had|has"
    r"|have|would|will|could|should|\p{Ll}+ed)\s))"
    r"|(?:\p{Ll}[\p{L}\-]{1,30}\s+)?(?:\p{Ll}[\p{L}\-]{1,30}s|staff|police|people)"
    r"(?=\s+(?:that|how|what|why|whether|when|where)\s"
    r"|\s+(?:in|at|on|during|after|before|outside)\s+"
    r"(?:[^\s,.;:!?\"“”]+\s+){1,6}?that\s)"
    # broadcast media with no article: "told local radio", "told state television"
    r"|(?:\p{Ll}[\p{L}\-]*\s+)?(?:radio|television|TV|media)\b"
    # and its host by name: "told conservative radio host Laura Ingram"
    r"(?:\s+(?:host|presenter|anchor|interviewer)(?:\s+\p{Lu}[\p{L}.’'\-]*){1,3})?)",
    regex.V1,
)

TO_ADDRESSEE = compile_re(
    r"\s+to\s+(?:(?:reporters|journalists|him|her|them|us|me|supporters)\b"
    # up to "that": "wrote to the authority's general counsel that"
    r"|(?:the|a|an|his|her|their)\s+[\p{L}\-’']+(?:\s+[\p{L}\-’']+){0,3}?(?=\s+that\b)"
    r"|(?:the|a|an|his|her|their)\s+[\p{L}\-’']+(?:\s+[\p{L}\-’']+)?"
    r"|\p{Lu}[\p{L}.’'\-]*(?:\s+\p{Lu}[\p{L}.’'\-]*){0,3}"
    # a plural before "that": "wrote in a note to clients that", "to fellow members that"
    r"|(?:(?:fellow|party|union|staff|board|committee|council)\s+)?(?:clients|investors"
    r"|shareholders|members|employees|staff|colleagues|lawmakers|legislators|voters|readers"
    r"|followers|customers|parents|students|residents|donors|delegates|officials|subscribers)"
    r"(?=\s+that\b))",
    regex.V1,
)

_NOT_POSSESSIVE = frozenset(["that", "there", "here", "what", "who", "it", "let", "where"])

_NOUN_BEFORE = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "this",
        "that",
        "these",
        "those",
        "no",
        "any",
        "some",
        "of",  # "Secretary of State Ada Kasich:": "state" is a noun
    ]
)


@attrs.frozen(kw_only=True)
class Attribution:
    """A cue, its source mention, and how far the attribution reaches in the text."""

    cue: Span
    source: Mention | None
    start: int
    end: int


def span_of(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def make_attribution(
    text: str, cue: tuple[int, int], source: Mention | None, end: int | None = None
) -> Attribution:
    lo = min(cue[0], source.start) if source is not None else cue[0]
    hi = max(cue[1], source.end) if source is not None else cue[1]
    if end is not None:
        hi = max(hi, end)
    return Attribution(cue=span_of(text, *cue), source=source, start=lo, end=hi)


def attribution_after(doc: Doc, seg: Segment, para_end: int) -> Attribution | None:
    """``…," Blinken said`` / ``…," said Blinken`` / ``…" ― Dana Ruiz`` after a closing mark."""
    text, words = doc.text, doc.words
    if seg.close is None:
        return None
    lo = seg.after
    hi = min(para_end, lo + MAX_WINDOW)
    if LETTERS.search(text, lo, hi) is None:
        return None  # no word, no attribution
    dash = _DASH.match(text, lo, hi)
    if dash is not None and dash.end() < hi:
        m = np_after(doc, dash.end(), hi)
        if m is not None and m.kind in ("name", "org") and text[m.end : hi].strip(" .\u00a0") == "":
            return make_attribution(text, dash.span("dash"), m)
    acc = _ACCORDING_AFTER.match(text, lo, hi)
    if acc is not None:
        m = np_after(doc, acc.end(), hi)
        if m is not None:
            return make_attribution(text, acc.span("cue"), m)
    verdict = _VERDICT_AFTER.match(text, lo, hi)
    if verdict is not None:
        # "…," was Fenwick's verdict: the noun is the cue, its owner the source
        start, end = verdict.span("who")
        m = Mention(start=start, end=end, kind="name", head=(start, end))
        return make_attribution(text, verdict.span("cue"), m)
    toks = doc.tokens(lo, hi)
    skip_to = lo
    nickname = None
    for k, (s, e, is_word) in enumerate(toks):
        if s < skip_to:
            continue
        if not is_word:
            if k > 0 and toks[k - 1][2] and text[toks[k - 1][0]].isupper():
                # Tommy ‘The Hammer’ Rourke said: a nickname inside the name
                nickname = _NICKNAME.match(text, s, hi)
                if nickname is not None:
                    skip_to = nickname.end()
                    continue
            if text[s] in MARKS:
                # "Tom Penn, wearing "Save the Pier" pins, said": a quoted title inside an aside
                title = _QUOTED_TITLE.match(text, s, hi) if _in_aside(text, lo, s) else None
                if title is None:
                    return None
                skip_to = title.end()
                continue
            if _sentence_stop(text, s, hi):
                return None
            continue
        if k > _MAX_WORDS_BEFORE_CUE:
            return None
        found = words.quote_cue(text, s, e)
        if found is None or (text[s].isupper() and k > 0):
            continue
        if state_title(doc, toks, k + 1):
            continue  # "…" state Del. Ana Ruiz shouted: "state" before a title is a noun
        if found[1] not in _AFTER_QUOTE and not (
            found[1] in ("naming", "belief")
            and _NO_OBJECT.match(text, skip_setting(text, e, hi), hi)
        ):
            continue  # "…," he mocked. / "…," he surmised. (no object of its own)
        if noun_use(text, lo, s, words):
            continue  # "one of the states suing the agency": a noun, not the cue
        if _REFUSED.search(text, lo, s):
            continue  # "…." She declined to answer questions.: nothing said, no attribution
        rel = _IN_RELATIVE.search(text, lo, s)
        if rel is not None and not _relative_complete(text, rel.start(), s, words):
            continue  # "Cruz, who has proposed repealing it, said": the aside's own verb
        e = found[2]  # past the particle of "shot back"
        if found[0] in _PLAN_VERBS and _infinitive_after(text, e, hi, words):
            continue  # "The council agreed to pay for it.": a plan or a deal, not speech
        if text[lo:s].strip(" ,\u00a0\t") == "":  # "…," said Blinken
            if text[s:e].lower().endswith("ing"):
                return None  # "…," suggesting that …: a participle does not invert
            pos = skip_setting(text, e, hi)
            m = name_in_apposition(doc, np_after(doc, pos, hi), hi)
            if m is None:
                lone = _LONE_SOURCE.match(text, pos, hi) or _headline_source(doc, pos, hi)
                if lone is None:
                    continue
                # "…," tweeted another. / "…" read one.: a quantifier standing for a source
                m = Mention(start=lone.start(1), end=lone.end(1), kind="description")
            verb = _VERB_NEXT.match(text, m.end, hi)
            if (
                verb is not None
                and text[s:e].lower() == found[0]
                and not verb.group(1).endswith("ing")
                and (nxt := words.quote_cue(text, verb.start(1), verb.end(1))) is not None
                and nxt[1] == "speech"
            ):
                # "…," state police said.: a noun before the source, not the cue (not the
                # past "said" of '"…," said the aide answering the phone', nor a participle)
                continue
            return make_attribution(text, (s, e), m)
        first = lo + len(text[lo:s]) - len(text[lo:s].lstrip(" ,\u00a0\t"))
        if text[lo:first].count(",") > 1:
            return None
        source = source_between(doc, first, s)
        if source is None and nickname is not None:
            # the surname after the nickname: Tommy ‘The Hammer’ Rourke said
            source = source_between(doc, nickname.end() + 1, s)
        if source is None:
            # the sentence runs on past the mark: ""…" and against the law, Clinton said"
            comma = text.rfind(",", first, s)
            m = np_before(doc, comma + 1, s) if comma >= 0 else None
            if (
                m is not None
                and m.kind in ("name", "pronoun", "org")
                and text[comma + 1 : m.start].strip() == ""
            ):
                source = m
        if source is None:
            # "…," Harlow Trust and Calder Bank said: coordinated names fill the gap
            m = np_before(doc, first, s)
            joined = coordinated(doc, first, m) if m is not None else None
            if joined is not None and joined.start == first and joined is not m:
                source = joined
        if source is None and _LONE_SURNAME.fullmatch(text, first, s) and _comma_closed(text, seg):
            # "…," From said: a capitalised word alone between the quote's comma and the cue
            # is a surname, whatever else it spells (a preposition, a modal)
            word = text[first:s].rstrip().lower()
            if not (word in words.pronouns or word in words.dets or word in _NOT_SURNAMES):
                end = first + len(text[first:s].rstrip())
                source = Mention(start=first, end=end, kind="name", head=(first, end))
        if source is not None:
            return make_attribution(
                text, (s, e), coordinated(doc, lo, source), _object_end(text, e, hi)
            )
        return None
    return None


# cues that name a plan, a deal or a request when "to" and a verb follow ("agreed to pay",
# "vowed to return", "asked to speak"); "said to", "told to" never do without an auxiliary
_PLAN_VERBS = frozenset(["agree", "ask", "demand", "offer", "pledge", "promise", "vow"])


def _infinitive_after(text: str, pos: int, hi: int, words: QuoteWords) -> bool:
    """The complement at ``pos`` is ``to`` and a verb that is not one of saying ("to pay", not
    "to reporters", "to applause" or "to know")."""
    m = _TO_VERB.match(text, pos, hi)
    if m is None:
        return False
    verb = m.group(1)
    return not (
        verb in words.dets
        or verb in words.pronouns
        or verb in words.stops
        or (verb.endswith("s") and not verb.endswith("ss"))  # "to reporters", "to cheers"
        or verb in _NOUNS_AFTER_TO
        or words.cue(verb) is not None
    )


_TO_VERB = compile_re(r"[ \u00a0]+to[ \u00a0]+(\p{Ll}[\p{Ll}\-]*+)\b", regex.V1)
# uncountable nouns that follow "to" after a cue: "said to laughter"
_NOUNS_AFTER_TO = frozenset(["applause", "laughter", "camera", "date", "media", "press"])


# the next word, after spaces only
_VERB_NEXT = compile_re(r"[ \u00a0]+(\p{Ll}+)\b", regex.V1)
# a refusal or a negation right before a cue: "declined to answer", "did not say", "won't comment"
_REFUSED = compile_re(
    r"(?:\b(?:declined|refused|declining|refusing)[ \u00a0]+to|\bnot|n['’]t)[ \u00a0]+$", regex.V1
)


# one capitalised word (no period: an initial or a title is no surname) and the space after it
_LONE_SURNAME = compile_re(r"\p{Lu}\p{Ll}[\p{L}'’\-]*+\s+", regex.V1)
# capitalised after a quote's comma, these open a clause and name no one
_NOT_SURNAMES = frozenset(
    ["and", "but", "or", "nor", "so", "yet", "then", "thus", "as", "still", "also", "even"]
)


# a short capitalised title in quote marks, a lower-case word after it: "“Save the Pier” pins"
_QUOTED_TITLE = compile_re(r"[\"“]\p{Lu}[^\"“”.!?,;:\n]{0,40}[\"”](?=[ \u00a0]+\p{Ll})", regex.V1)
# a name's word for what was said after the quote: "…," was Fenwick's verdict.
_VERDICT_AFTER = compile_re(
    r",?[ \u00a0]+(?:was|is)[ \u00a0]+"
    r"(?P<who>\p{Lu}[\p{L}\p{M}.\-]*(?:[ \u00a0]\p{Lu}[\p{L}\p{M}.\-]*){0,3})['’]s[ \u00a0]+"
    r"(?P<cue>verdict|response|reply|answer|assessment|retort|reaction|summary|explanation"
    r"|advice|message|warning|prediction|conclusion|view|take)\b",
    regex.V1,
)
# one or two capitalised words in quote marks before a capitalised word: after a first name, a
# nickname ("Tommy ‘The Hammer’ Rourke")
_NICKNAME = compile_re(rf"[\"“‘']{NICKNAME_WORDS}[\"”’'](?=[ \u00a0]\p{{Lu}})", regex.V1)


def _in_aside(text: str, lo: int, pos: int) -> bool:
    """A comma stands between the first word after the quote and ``pos``."""
    first = lo + len(text[lo:pos]) - len(text[lo:pos].lstrip(" ,\u00a0\t"))
    return text.find(",", first, pos) >= 0


def _comma_closed(text: str, seg: Segment) -> bool:
    """The quote ends in a comma, inside or right after its closing mark: the sentence runs on."""
    inside = text[seg.start : seg.end].rstrip()
    return inside.endswith(",") or text[seg.after : seg.after + 1] == ","


def attribution_next_line(
    doc: Doc, seg: Segment, para: Span | object, next_para: Span | object
) -> Attribution | None:
    """A quote that ends its paragraph, signed on the next line: ``"…"`` / ``– Dana Ruiz``."""
    text = doc.text
    if seg.close is None or text[seg.after : getattr(para, "end", seg.after)].strip(" .") != "":
        return None
    lo, hi = getattr(next_para, "start", 0), getattr(next_para, "end", 0)
    dash = _LINE_DASH.match(text, lo, hi)
    if dash is None:
        return None
    m = np_after(doc, dash.end(), hi)
    if m is None or m.kind not in ("name", "org"):
        return None
    rest = text[m.end : hi].strip()
    if rest.strip(".") != "" and not rest.startswith(","):
        return None
    return make_attribution(text, dash.span("dash"), m)


def attribution_sentence(doc: Doc, lo: int, hi: int) -> Attribution | None:
    """A short sentence that only says who speaks, right before a quote: ``Bystrom agreed.``
    / ``Dunmore disagreed on Monday.``"""
    text, words = doc.text, doc.words
    end = hi
    while end > lo and text[end - 1] in " .\u00a0\n":
        end -= 1
    if not text[end:hi].strip().startswith(".") or len(text[lo:end].split()) > 15:
        return None
    for s, e, is_word in reversed(doc.tokens(lo, end)):
        if not is_word:
            return None
        found = words.cue(text[s:e])
        if found is None or found[1] != "speech":
            continue
        if skip_setting(text, e, end) < end:
            return None
        source = source_for_cue(doc, lo, s, e)
        if source is None or source.kind not in ("name", "pronoun", "org", "description"):
            return None
        return make_attribution(text, (s, e), source)
    return None


def _inside_clause(text: str, lo: int, pos: int) -> bool:
    """``pos`` follows a word of its clause (not only marks, spaces and openers), in a clause
    that is not title case (a headline's "Calloway Says" keeps its cue)."""
    if LETTERS.search(text, lo, pos) is None or ONLY_OPENERS.fullmatch(text, lo, pos):
        return False
    return any(w[:1].islower() and w not in _TITLE_SMALL for w in LETTERS.findall(text, lo, pos))


_TITLE_SMALL = frozenset(["a", "an", "the", "of", "to", "in", "on", "for", "and", "at", "by"])


def _skip_spaces(text: str, pos: int, hi: int) -> int:
    while pos < hi and text[pos] in " \u00a0":
        pos += 1
    return pos


def noun_use(text: str, lo: int, cue_start: int, words: QuoteWords) -> bool:
    """The cue word is a noun here: after a determiner or a possessive ("the report", "a
    claim", "the secretary's comments"; "he's claiming" is a verb)."""
    m = _WORD_BEFORE.search(text, max(lo, cue_start - 40), cue_start)
    if m is None:
        return False
    prev = m.group(1).lower()
    if prev in _NOUN_BEFORE:
        # "a message that said": after "that" a past form is a verb of a relative clause
        return not (prev == "that" and _PAST_FORM.search(text, cue_start, cue_start + 30))
    if (
        prev.endswith(("'s", "’s"))
        and prev[:-2] not in words.pronouns
        and prev[:-2] not in _NOT_POSSESSIVE
    ):
        # but "Harrow's said", "Tom's said": a verb, whose subject (a name) ends in "'s"
        return not (m.group(1)[:1].isupper() and verb_after_owner(text, cue_start, words))
    if (
        not prev.endswith("s")
        and prev not in _COUNTS
        and _BEFORE_VERB.match(text, cue_start) is not None
        and _OWNED_BEFORE.search(text, max(lo, cue_start - 60), cue_start) is not None
    ):
        return True  # "His cost estimates have been", "Her best showing is": the subject's noun
    # "the final roll call", "a conference call": a base form after a singular noun that a
    # determiner opens is the end of a compound noun ("the officials say" is a verb)
    cue = _WORD_AFTER.match(text, cue_start)
    form = cue.group(1).lower() if cue is not None else ""
    lemma = words.cue(form)
    if (
        lemma is None
        or lemma[0] != form
        or form in _PAST_AS_BASE  # "the email read": a verb
        or prev.endswith("s")
        or prev in _COUNTS  # "the two write": a plural subject
    ):
        return False
    compound = _COMPOUND_BEFORE.search(text, max(lo, cue_start - 40), cue_start)
    if compound is not None and _PLURAL_BEFORE_PLACE.search(
        text, max(lo, compound.start() - 40), compound.start()
    ):
        return False  # "Residents near the pier say": the plural before the phrase says
    return compound is not None and not any(
        w.lower() in words.stops
        or (w.lower() in words.adverbs and w.lower() not in _ORDINALS)
        or words.cue(w) is not None
        for w in compound.group("words").split()
    )


def _sentence_stop(text: str, pos: int, hi: int) -> bool:
    """A stop at ``pos`` ends the sentence: not the period of "(R-Fla.)" or "D-Md., said"."""
    ch = text[pos]
    if ch == ";":
        return True
    if ch not in ".!?":
        return False
    if ch == "." and pos + 1 < hi and text[pos + 1].isalpha():
        return False  # inside an abbreviation: "(D-N.Y.)"
    m = _AFTER_STOP.match(text, pos + 1, hi)
    nxt = text[m.end() : m.end() + 1] if m else ""
    return not (nxt == "," or nxt.islower() or (text[pos + 1 : pos + 2] == ")"))


_NO_OBJECT = compile_re(r"\s*(?:[.,;!?]|$)", regex.V1)

# a relative clause opened by a comma, still open at the cue: ", who has proposed …"
_IN_RELATIVE = compile_re(r"(?r),\s*(?:who|whose|which|whom)\s[^,;:.!?\"“”]*$", regex.V1)


_RELATIVE_WORDS = compile_re(r"[\p{L}\p{N}'’]+", regex.V1)


def _relative_complete(text: str, start: int, cue_start: int, words: QuoteWords) -> bool:
    """The relative clause from ``start`` to the cue has its own verb before the cue, and the
    cue ends it without a comma: "Tom Penn, who is chairman of the port authority said";
    the cue is the clause's own verb after "who", an auxiliary, an adverb, a pronoun or a
    conjunction ("who has often said", "who was fired after she said")."""
    found = _RELATIVE_WORDS.findall(text, start, cue_start)
    if len(found) < 3:
        return False  # "who said", "who then said"
    prev = found[-1].lower()
    if (
        prev in words.stops
        or prev in words.adverbs
        or prev in words.pronouns
        or prev in words.dets
        or prev.endswith("ly")
    ):
        return False
    # no verb of saying inside the clause: "who told reporters he had said"
    return not any(words.cue(w) is not None for w in found[1:])


def _object_end(text: str, pos: int, hi: int) -> int:
    """``told reporters``, ``told the Harbor Gazette``: where the object after a cue ends."""
    m = OBJECT.match(text, pos, hi)
    return m.end() if m is not None else pos


def attribution_before(
    doc: Doc, lo: int, open_mark: int, *, colon_lead: bool = True, tail_words: int = 12
) -> Attribution | None:
    """``Blinken said, "…`` / ``said: "…`` / ``Morrow put it: "…`` / ``Blinken: "…`` before an
    opening mark; ``lo`` is where the clause starts. ``tail_words``: how many words of
    setting may follow the cue (more for a paragraph that leads into a block quote)."""
    text, words = doc.text, doc.words
    if LETTERS.search(text, lo, open_mark) is None:
        return None  # no word, no attribution (and no walk over a run of marks)
    acc = _ACCORDING_LEAD.search(text, lo, open_mark) or _WORDS_LEAD.search(text, lo, open_mark)
    if acc is not None:
        source = np_after(doc, acc.start("src"), acc.end("src"))
        if source is not None:
            return make_attribution(text, acc.span("cue"), source)
    asked = _ASKED_BY.search(text, lo, open_mark)
    if asked is not None:
        # "was asked by host Tom Penn, who backs him but has criticized the plan, "…": the
        # agent asks; a verb in its relative clause is not the cue
        agent = np_after(doc, asked.end(), open_mark)
        if agent is not None and _AGENT_RELATIVE.fullmatch(text, agent.end, open_mark):
            return make_attribution(text, asked.span("cue"), agent, asked.end("cue"))
    best = None
    for s, e, is_word in reversed(doc.tokens(lo, open_mark)):
        if not is_word:
            continue
        found = words.quote_cue(text, s, e)
        if found is None or found[1] == "belief":
            continue
        if found[1] == "naming" and _NAMED_AS.search(text, max(lo, s - 12), s):
            continue  # "It’s called "Varnia First"", "the so-called": a name, not speech
        if found[1] == "naming" and _naming_complement(doc, lo, s, found[2], open_mark):
            continue  # "a film called "Harbor Lights"": a title, not speech
        if (
            found[1] == "naming"
            and text[s].islower()
            and _AND_BEFORE.search(text, max(lo, s - 5), s) is None
            and _NAMING_OBJECT.fullmatch(text, found[2], open_mark)
            and _COLON_QUOTE_NEXT.match(text, open_mark + 1, open_mark + 300) is None
            and _SENTENCES_QUOTED.match(text, open_mark + 1, open_mark + 400) is None
        ):
            continue  # "called the penalty "soft."": the object's complement, a mixed quote
        if text[s].isupper() and (text[s:e].endswith("ed") or _inside_clause(text, lo, s)):
            inverted = np_after(doc, _skip_spaces(text, found[2], open_mark), open_mark)
            if (
                inverted is not None
                and inverted.kind == "name"
                and text[inverted.end : open_mark].strip() in (":", ",")
                and not _inside_clause(text, lo, s)
            ):
                # "Added Ellis: "…"", "Continued Stone: "…"": the cue inverted before its source
                return make_attribution(text, (s, found[2]), inverted, found[2])
            continue  # "Asked about it, she said": a participle; "told The Harbor Post": a name
        if noun_use(text, lo, s, words):
            continue  # "Trump's remarks", "the report"
        if found[1] == "manner" and text[found[2] : open_mark].strip() == "":
            # a manner verb leads in with a comma or colon ("she snapped, "…""); "testing
            # would start "in the coming weeks"" is no lead-in
            continue
        if _PASSIVE_CLAUSE.search(text, max(lo, s - 12), s) and text[s:e].endswith("ed"):
            continue  # "who told Congress when asked about it:": a passive participle
        if (
            found[1] == "speech"
            and found[0] not in words.addressee
            and _SUBJECT_BEFORE_MARK.fullmatch(text, found[2], open_mark)
            and source_for_cue(doc, lo, s, e) is not None
        ):
            # "Rick Dolan said his team "missed too many tackles."": no addressee; the noun
            # phrase is the subject of the reported clause, and the quote a mixed one
            continue
        if _lead_in_tail(doc, found[2], open_mark, found[0], tail_words):
            best = (s, e, found[2])
            break
    if best is not None:
        s, e, cue_end = best
        if _PASSIVE_AUX.search(text, max(lo, s - 20), s) and text[s:e].endswith(("ed", "told")):
            # "Blumenthal was asked, "…"": the subject is asked, the asker speaks; named
            # only by an agent ("was asked by host Bill Maher, "…"")
            by = _BY_AGENT.match(text, cue_end, open_mark)
            source = np_after(doc, by.end(), open_mark) if by is not None else None
            return make_attribution(text, (s, cue_end), source, cue_end)
        source = source_for_cue(doc, lo, s, e)
        return make_attribution(text, (s, cue_end), source, cue_end)
    if not colon_lead:
        return None
    # a colon lead-in without a verb of saying: "Morrow put it simply: "…"", "Blinken: "…""
    before = text[lo:open_mark].rstrip()
    if not before.endswith(":"):
        return None
    colon = lo + len(before) - 1
    here = _PRESENTATIVE.search(text, max(lo, colon - MAX_WINDOW), colon)
    if here is not None:
        # "Here is Sen. Tova Marsh in March:": the one presented speaks
        named = np_after(doc, here.end(), colon)
        if named is not None and named.kind in ("name", "org"):
            return make_attribution(text, (colon, colon + 1), named)
    mention = np_before(doc, lo, colon)
    if mention is None or mention.kind not in ("name", "org") or mention.end < colon - 1:
        # "…, but he gave the Texan a compliment:": the clause after the conjunction
        brk = CLAUSE_BREAK.search(text, max(lo, colon - MAX_WINDOW), colon)
        if brk is not None and PUNCT.search(text, brk.end(), colon) is None:
            lo = brk.end()
        sub = clause_subject(doc, lo, colon)
        if sub is None:
            return None
        mention, _ = sub
    if mention.kind not in ("name", "pronoun", "org", "group", "description"):
        return None
    owned = _OWNED_WORDS.fullmatch(text, mention.start, mention.end)
    if owned is not None and _IS_ADJECTIVE.fullmatch(text, mention.end, colon) is not None:
        # "Dunmore's message was clear:": the owner of the words speaks
        who = owned.end("who")
        owner = np_ending(doc, mention.start, who + 2)
        if owner is not None and owner.end == who + 2:
            head = (owner.head[0], min(owner.head[1], who)) if owner.head is not None else None
            mention = attrs.evolve(owner, end=who, head=head)
    n_words = len(text[mention.end : colon].split())
    if n_words > 14:
        return None
    return make_attribution(text, (colon, colon + 1), mention)


# a sentence that presents a speaker before a colon: "Here's Marsh in 1992:"
_PRESENTATIVE = compile_re(
    r"(?:^|(?<=[.!?]['’\"”]?[ \u00a0]+)|(?<=\n))(?:Here|And[ \u00a0]+here)(?:['’]s|[ \u00a0]+is)[ \u00a0]+",
    regex.V1,
)
# a name's words before a colon: "Dunmore's message", "the union's answer"
_OWNED_WORDS = compile_re(
    r"(?P<who>.+?)['’]s[ \u00a0]+(?:\p{Ll}+[ \u00a0]+)?(?:message|response|reply|answer|verdict"
    r"|view|take|advice|warning|reaction|assessment|explanation|argument|point|plea|retort"
    r"|summary|conclusion|prediction|pitch|position|words)",
    regex.V1,
)
# "was clear", "to the council is simple", "was blunt" between the words and the colon
_IS_ADJECTIVE = compile_re(
    r"(?:[ \u00a0]+(?:to|for|on|about)(?:[ \u00a0]+[\p{L}'’\-]+){1,4}?)?"
    r"[ \u00a0]+(?:was|is|had[ \u00a0]+been|has[ \u00a0]+been)(?:[ \u00a0]+\p{Ll}+){1,2}[ \u00a0]*",
    regex.V1,
)


_LINE_DASH = compile_re(r"[ \u00a0]*(?P<dash>[―—–-]{1,2})[ \u00a0]*(?=\p{Lu})", regex.V1)

_WORD_BEFORE = compile_re(r"(?r)([\p{L}'’]+)\s+$", regex.V1)
_PAST_AS_BASE = frozenset(["read", "put", "cut", "hit", "set", "quit", "let", "bid"])
_COUNTS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "both",
        "all",
        "few",
        "many",
        "several",
        "others",
        "people",
        "men",
        "women",
        "children",
        "police",
    ]
)
_WORD_AFTER = compile_re(r"(\p{L}+)", regex.V1)
# a word, then a copula or an auxiliary: the word is that verb's subject
_BEFORE_VERB = compile_re(r"\p{L}+\s+(?:is|was|were|are|has|have|had)\b", regex.V1)
# a possessive or a possessive determiner, then one or two lower-case modifiers
_OWNED_BEFORE = compile_re(
    r"(?r)(?:\b(?:his|her|their|its|our|my)|\p{L}['’]s?)\s+(?:\p{Ll}+\s+){1,2}$",
    regex.V1 | regex.IGNORECASE,
)
# a determiner, then one or two lower-case words (adjectives, nouns) before the cue word
# adverbs that are adjectives between a determiner and a noun: "her first term"
_ORDINALS = frozenset(["first", "second", "third", "last", "next", "final", "only", "latest"])
_COMPOUND_BEFORE = compile_re(
    r"(?r)\b(?:the|a|an|this|that|his|her|their|its|our)\s+(?P<words>(?:\p{Ll}+\s+){1,2})$",
    regex.V1 | regex.IGNORECASE,
)

# a plural noun and the preposition of a place or group before the determiner of the
# "compound" ("Residents near the pier say", "Workers at the plant claim")
_PLURAL_BEFORE_PLACE = compile_re(
    r"(?r)(?:\b\p{L}{2,}[^\W\d_s'’]s|\b(?:people|police|children|men|women))"
    r"\s+(?:near|in|at|on|from|around|outside|inside|across|along|behind|throughout|of)\s+$",
    regex.V1 | regex.IGNORECASE,
)

_DASH = compile_re(r"[ \u00a0]*(?P<dash>[―—–]{1,2})[ \u00a0]*", regex.V1)

_AFTER_STOP = compile_re(r"[.!?)\]’'\s\u00a0]*", regex.V1)

# a quantifier alone after an inverted cue: "…," tweeted another.
_LONE_SOURCE = compile_re(
    r"\s*((?i:another|one|others|some|many|several|both))(?=\s*(?:[.,;!?]|$))",
    regex.V1,
)

# a headline's source without an article, ending its line: "…," says mayor / says local residents
_HEADLINE_SOURCE = compile_re(
    r"[ \t]*+(\p{Ll}{2,20}+(?:[ \t]++\p{Ll}{2,20}+){0,2})[ \t]*+(?=\n|$)", regex.V1
)


def _headline_source(doc: Doc, pos: int, hi: int) -> regex.Match[str] | None:
    """A role noun or a group, bare of an article, that ends a headline line after the cue
    (``"We will rebuild," says mayor``): its last word names a person or a group."""
    m = _HEADLINE_SOURCE.match(doc.text, pos, hi)
    if m is None:
        return None
    words = doc.words
    last = m.group(1).rsplit(None, 1)[-1]
    return m if last in words.titles or last in words.persons or last in words.groups else None


_ACCORDING_AFTER = compile_re(r"[\s,]*(?P<cue>according\s+to)\s+", regex.V1)

_ACCORDING_LEAD = compile_re(
    r"(?:^|(?<=[\s,]))(?P<cue>[Aa]ccording\s+to)\s+(?P<src>[^,;:.!?\"“”]{2,80})[,:]\s*$", regex.V1
)

# "in the words of Mayor Ines Calloway, "…"", "in Calloway's words: "…"", "in his own words,"
_WORDS_LEAD = compile_re(
    r"(?:^|(?<=[\s,]))[Ii]n\s+(?:(?P<cue>the\s+(?:own\s+)?words\s+of)\s+(?P<src>[^,;:.!?\"“”]{2,80})"
    r"|(?P<src>\p{Lu}[^,;:.!?\"“”]{0,60}?(?:['’]s?)?|his|her|their)\s+(?:own\s+)?(?P<cue>words))"
    r"[,:]\s*$",
    regex.V1,
)


def _naming_complement(doc: Doc, lo: int, s: int, e: int, open_mark: int) -> bool:
    """The quote right after a naming participle that follows a noun is the thing's name, not
    speech it leads into (``a film called "…"``, not ``what he called "…"``)."""
    if doc.text[e:open_mark].strip():
        return False
    return named_thing(doc, lo, s, e)


def named_thing(doc: Doc, lo: int, s: int, e: int) -> bool:
    """The naming participle ``text[s:e]`` follows a noun phrase with a determiner and names
    it: "a film called", "the 2002 program dubbed" (not "what he called", "Critics called",
    "the mayor called", "her team calls")."""
    text, words = doc.text, doc.words
    if text[s:e].lower() not in _NAMING_PARTICIPLES:
        return False  # "a box labeled "…"" carries printed words: an inscription speaks
    m = _DET_NOUN_BEFORE.search(text, max(lo, s - 60), s)
    if m is None or _RELATIVE_WHO.search(text, max(lo, m.start() - 30), m.start()):
        return False  # "the docs who sent the letter called Oz a quack": a finite verb
    low = m.group("noun").lower()
    return (
        low not in words.pronouns
        and low not in words.stops
        and low not in words.adverbs
        and low not in words.groups
        and low not in words.titles
        and low not in words.dets
        and low not in words.gender
        and not low.endswith("ly")
    )


_NAMING_PARTICIPLES = frozenset(["called", "dubbed"])
_RELATIVE_WHO = compile_re(r"\b(?:who|which)\s", regex.V1)
# a determiner and one to three lower-case words (or numbers) before a naming participle
_DET_NOUN_BEFORE = compile_re(
    r"(?r)\b(?i:a|an|the|this|its|his|her|their|our|one)\s+(?:[\p{Ll}\d][\p{L}\d\-]*\s+){0,2}"
    r"(?P<noun>\p{Ll}[\p{L}\-]*)\s+$",
    regex.V1,
)


def _lead_in_tail(doc: Doc, pos: int, open_mark: int, lemma: str, tail_words: int = 12) -> bool:
    """What follows the cue up to the opening mark is only an object, a setting and a comma
    or colon (``told reporters Monday: "``, ``said of the plan, "``), or ``that``."""
    text, words = doc.text, doc.words
    rest = text[pos:open_mark]
    if rest.strip() == "" or _TAIL_END.fullmatch(rest):
        return True
    for _ in range(3):
        pos = skip_setting(text, pos, open_mark)
        pos = skip_asides(doc, pos, open_mark)
        m = _PARTICLE.match(text, pos, open_mark)
        if m is None:
            m = OBJECT.match(text, pos, open_mark) or TO_ADDRESSEE.match(text, pos, open_mark)
        if m is None:
            break
        pos = m.end()
    rest = text[pos:open_mark]
    if _TAIL_END.fullmatch(rest):
        return True
    caption = _INSCRIPTION_END.fullmatch(rest)
    if caption is not None and caption.group(1).lower() in words.inscriptions:
        return len(rest.split()) <= tail_words  # "posted a photo with the caption "…""
    # any short phrase closed by a comma or colon: "told his radio audience of Monday, "; not
    # one after a dash ("Pollsters agree - Dana Ruiz: "…"" is a digest line's colon lead-in)
    m = _SHORT_TAIL.fullmatch(rest)
    return (
        m is not None
        and _SPACED_DASH.search(m.group(1)) is None  # "the council race - Harbor Digest:"
        and len(m.group(1).split()) <= tail_words
        and len(m.group(1)) <= tail_words * _TAIL_CHARS_PER_WORD
        and not any(
            words.cue(w) is not None
            for w in LETTERS.findall(_PASSIVE_PHRASE.sub("", m.group(1)))  # "when asked"
        )
    )


_PARTICLE = compile_re(r"\s+(?:out|up|back)\b", regex.V1)  # "pointed out"

# a phrase that ends in a noun with no comma or colon before the opening mark: the noun may be
# a thing that carries the quoted words ("with the caption "…"")
_INSCRIPTION_END = compile_re(r"[^,:;.!?\"“”„«»\n]*?\b(\p{L}[\p{L}\-]*)[ \t\u00a0]*", regex.V1)

# a noun phrase of one or two words opened by a determiner or a possessive right before the
# opening mark, no comma or colon between: "said his team "…"", "says the mayor "…"", also
# one capitalised noun, the British style for institutions ("said the Government "…""); not a
# time: "said the other day "…""
_SUBJECT_BEFORE_MARK = compile_re(
    r"\s+(?:the|a|an|his|her|their|its|our|my)\s+"
    r"(?!(?:other|same|next|last|following|previous)\b|(?:\p{Ll}+\s+)?(?:day|week|month|year"
    r"|morning|afternoon|evening|night|weekend|time)s?\b)"
    r"(?:\p{Ll}[\p{L}\-’']*(?:\s+(?!(?:that|which|who|and|or|but|as)\b)\p{Ll}[\p{L}\-’']*)?"
    r"|\p{Lu}\p{Ll}++)[ \t\u00a0]*",
    regex.V1,
)

# an object and no comma or colon between a naming verb and the opening mark: "called the
# penalty "soft."", "branded it "reckless"" (the quote is what the object is called)
_NAMING_OBJECT = compile_re(r"\s+[\p{L}\d'’][^,:;.!?\"“”„«»\n]{0,60}?\s*", regex.V1)

# a verb joined to the one before it ("says he respects her and calls her "…""): no
# reported speech of its own takes the quote in
_AND_BEFORE = compile_re(r"\b(?:and|or|but)\s+$", regex.V1)

# quoted words that hold a sentence end and more: a quote of its own, not a complement
_SENTENCES_QUOTED = compile_re(r"(?:[^\"“”’\n.!?]|’\p{L}){0,300}[.!?][ \t]+[\p{Lu}\d]", regex.V1)

# a naming complement that leads on into a quote of its own: ``calls Cruz "a chameleon": "…"``
_COLON_QUOTE_NEXT = compile_re(r"[^\"“”\n]{0,298}[\"”]\s*:\s*[\"“]", regex.V1)

_TAIL_END = compile_re(r"\s*(?:[,:]|\s—|\s–)?\s*(?:that\s*,?\s*)?", regex.V1)

# a dash between spaces: a digest line's headline, then the source of its colon lead-in
_SPACED_DASH = compile_re(r"\s[-–—―]\s+\p{Lu}", regex.V1)

_TAIL_CHARS_PER_WORD = 7  # 12 words: 84 characters at most (the pattern's own bound is 140)
_SHORT_TAIL = compile_re(
    r"[\s,]++([^-–—.!?;\"“”„«»\n][^.!?;\"“”„«»\n]{0,139}?)\s*[,:]\s*(?:that\s*,?\s*)?", regex.V1
)

_PAST_FORM = compile_re(r"\G(?:said|\p{L}+ed)\b", regex.V1)

_PASSIVE_PHRASE = compile_re(
    r"\b(?:when|if|as|after|once|until|unless)\s+\p{L}+ed\b", regex.V1 | regex.IGNORECASE
)

_BE = r"(?:was|were|is|are|been|being|be)"

# "was asked", "got told", "is widely quoted": a passive cue
_PASSIVE_AUX = compile_re(rf"(?r)\b(?:{_BE}|gets|got)\s+(?:\p{{Ll}}+ly\s+)?$", regex.V1)

# "is called", "It's called", "so-called": a name given, not speech
_NAMED_AS = compile_re(rf"(?r)(?:\b{_BE}\s+|['’]s\s+|\bso[\s-])$", regex.V1)

_BY_AGENT = compile_re(r"\s+by\s+", regex.V1)

# "was asked by": a passive ask and its agent
_ASKED_BY = compile_re(rf"\b{_BE}\s+(?P<cue>asked)\s+by\s+", regex.V1)
# what may follow that agent up to the opening mark: a relative clause and a comma or colon
_AGENT_RELATIVE = compile_re(r",\s+(?:who|whose)\s[^\"“”„«».!?;\n]{0,200}[,:]\s*", regex.V1)

_PASSIVE_CLAUSE = compile_re(r"(?r)\b(?:when|if|as|after|once|until|unless)\s+$", regex.V1)
