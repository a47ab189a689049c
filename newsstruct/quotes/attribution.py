"""Attribution: the cue ("said", "told", "according to", ":") and the source mention of a quote.

Shapes read:

* after a closing mark: ``…," Blinken said`` / ``…," said Blinken`` / ``…," Vance, 71, said``
  / ``…" ― Dana Ruiz`` (a dash before the name, as in reader-comment round-ups);
* before an opening mark: ``Blinken said: "…`` / ``Blinken told reporters, "…`` / ``X, a
  snowplow driver, said, "…`` / ``X … but said, "…`` / ``Morrow put it simply: "…`` /
  ``Blinken: "…``; a paragraph that ends in a colon leads into a quote that opens the next;
* reported speech without marks (or with a quoted fragment): ``X said (that) …``, ``X told
  reporters …``, ``X warned lawmakers that …``, ``according to X, …``, ``…, X said.``.

The source is read by :mod:`.mentions`; when the words next to the cue name nobody, the
subject that opens the clause is used ("Blinken wouldn't comment … but said, …").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs
import regex

from ..lexicons import Lexicon
from ..records import Sentence, Span
from .marks import Segment
from .mentions import (
    Doc,
    Mention,
    classify,
    clause_subject,
    coordinated,
    np_after,
    np_before,
    np_forward,
    skip_asides,
    skip_back,
    skip_setting,
)
from .words import QuoteWords, quote_words

_MARKS = '"“”„«»‟'
_MAX_WINDOW = 300
# cue classes that attribute a quote from after its closing mark ("…," she said / barked)
_AFTER_QUOTE = frozenset(["speech", "manner"])
# reported content looks this far for the clause of the next cue
_MAX_CONTENT_SCAN = 600
# a clause of its own after a comma: "…, though Fiorina said …"
_SUBORDINATOR = regex.compile(
    r"(?r)\s+(?:though|although|while|whereas|as|because|but|and|even\s+as|even\s+though)$",
    regex.V1 | regex.IGNORECASE,
)
_MAX_WORDS_BEFORE_CUE = 30
# Objects that may follow a cue before the reported content or the quote: "told reporters",
# "told the Harbor Gazette", "warned him".
_OBJECT = regex.compile(
    r"\s+(?:reporters|journalists|the\s+press|him|her|them|us|me|you|everyone|supporters"
    r"|(?:the|a|an|his|her|their|its)\s+[\p{L}\-’']+(?:\s+[\p{L}\-’']+){0,2}?"
    r"(?=\s*(?:[,:]|that\b))"
    r"|(?:the|a|an|his|her|their)\s+\p{Ll}[\p{L}\-]*"
    r"|\p{Lu}[\p{L}.’'\-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.’'\-]*){0,4}(?:’s|'s)?(?:\s+\p{Ll}+)?"
    r"(?=\s*(?:[,:]|that\b))"
    r"|\p{Lu}[\p{L}.\-]*(?:\s+\p{Lu}[\p{L}.\-]*){0,3}(?:’s|'s)\s+[\"“][\p{Lu}\d][^\"“”\n]{0,40}[\"”]"
    r"|\p{Lu}[\p{L}.’'\-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.’'\-]*){0,4})",  # ^ MSNBC's "Morning Joe"
    regex.V1,
)
_TO_ADDRESSEE = regex.compile(
    r"\s+to\s+(?:reporters|journalists|him|her|them|us|me|supporters|(?:the|a|an|his|her|their)"
    r"\s+[\p{L}\-’']+(?:\s+[\p{L}\-’']+)?|\p{Lu}[\p{L}.’'\-]*(?:\s+\p{Lu}[\p{L}.’'\-]*){0,3})",
    regex.V1,
)
_NOT_POSSESSIVE = frozenset(["that", "there", "here", "what", "who", "it", "let", "where"])
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
    ]
)
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
class Attribution:
    """A cue, its source mention, and how far the attribution reaches in the text."""

    cue: Span
    source: Mention | None
    start: int
    end: int


@attrs.frozen(kw_only=True)
class Reported:
    """Reported speech: the content clause and its attribution."""

    content: Span
    attribution: Attribution
    cls: str = "speech"


def _span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def _attribution(
    text: str, cue: tuple[int, int], source: Mention | None, end: int | None = None
) -> Attribution:
    lo = min(cue[0], source.start) if source is not None else cue[0]
    hi = max(cue[1], source.end) if source is not None else cue[1]
    if end is not None:
        hi = max(hi, end)
    return Attribution(cue=_span(text, *cue), source=source, start=lo, end=hi)


def attribution_lead(text: str, start: int, lex: Lexicon) -> bool:
    """``start`` opens "Johnson asked", "she said", "said the mayor": an attribution."""
    words = quote_words(lex)
    hi = min(len(text), start + 200)
    doc = Doc(text, words, start, hi)
    for k, (s, e, is_word) in enumerate(doc.tokens(start, hi)):
        if not is_word:
            if text[s] in ".!?;":
                return False
            continue
        found = words.cue(text[s:e])
        if found is None or found[1] != "speech":
            if k >= 8:
                return False
            continue
        if s == start:
            return True
        m = np_before(doc, start, s)
        return m is not None and m.start == start and m.kind in ("name", "pronoun", "org")
    return False


def attribution_after(doc: Doc, seg: Segment, para_end: int) -> Attribution | None:
    """``…," Blinken said`` / ``…," said Blinken`` / ``…" ― Dana Ruiz`` after a closing mark."""
    text, words = doc.text, doc.words
    if seg.close is None:
        return None
    lo = seg.after
    hi = min(para_end, lo + _MAX_WINDOW)
    if _LETTERS.search(text, lo, hi) is None:
        return None  # no word, no attribution
    dash = _DASH.match(text, lo, hi)
    if dash is not None and dash.end() < hi:
        m = np_after(doc, dash.end(), hi)
        if m is not None and m.kind in ("name", "org") and text[m.end : hi].strip(" .\u00a0") == "":
            return _attribution(text, dash.span("dash"), m)
    acc = _ACCORDING_AFTER.match(text, lo, hi)
    if acc is not None:
        m = np_after(doc, acc.end(), hi)
        if m is not None:
            return _attribution(text, acc.span("cue"), m)
    toks = doc.tokens(lo, hi)
    for k, (s, e, is_word) in enumerate(toks):
        if not is_word:
            if text[s] in _MARKS or _sentence_stop(text, s, hi):
                return None
            continue
        if k > _MAX_WORDS_BEFORE_CUE:
            return None
        found = words.quote_cue(text, s, e)
        if found is None or (text[s].isupper() and k > 0):
            continue
        if found[1] not in _AFTER_QUOTE and not (
            found[1] in ("naming", "belief")
            and _NO_OBJECT.match(text, skip_setting(text, e, hi), hi)
        ):
            continue  # "…," he mocked. / "…," he surmised. (no object of its own)
        if _noun_use(text, lo, s, words):
            continue  # "one of the states suing the agency": a noun, not the cue
        if _IN_RELATIVE.search(text, lo, s) is not None:
            continue  # "Cruz, who has proposed repealing it, said": the aside's own verb
        e = found[2]  # past the particle of "shot back"
        if text[lo:s].strip(" ,\u00a0\t") == "":  # "…," said Blinken
            if text[s:e].lower().endswith("ing"):
                return None  # "…," suggesting that …: a participle does not invert
            pos = skip_setting(text, e, hi)
            m = np_after(doc, pos, hi)
            if m is None:
                continue
            return _attribution(text, (s, e), m)
        first = lo + len(text[lo:s]) - len(text[lo:s].lstrip(" ,\u00a0\t"))
        if text[lo:first].count(",") > 1:
            return None
        source = _source_from(doc, first, s)
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
        if source is not None:
            return _attribution(
                text, (s, e), coordinated(doc, lo, source), _object_end(text, e, hi)
            )
        return None
    return None


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
    return _attribution(text, dash.span("dash"), m)


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
        source = _source_for_cue(doc, lo, s, e)
        if source is None or source.kind not in ("name", "pronoun", "org", "description"):
            return None
        return _attribution(text, (s, e), source)
    return None


def _inside_clause(text: str, lo: int, pos: int) -> bool:
    """``pos`` follows a word of its clause (not only marks, spaces and openers), in a clause
    that is not title case (a headline's "Calloway Says" keeps its cue)."""
    if _LETTERS.search(text, lo, pos) is None or _ONLY_OPENERS.fullmatch(text, lo, pos):
        return False
    return any(w[:1].islower() and w not in _TITLE_SMALL for w in _LETTERS.findall(text, lo, pos))


_TITLE_SMALL = frozenset(["a", "an", "the", "of", "to", "in", "on", "for", "and", "at", "by"])


def _noun_use(text: str, lo: int, cue_start: int, words: QuoteWords) -> bool:
    """The cue word is a noun here: after a determiner or a possessive ("the report", "a
    claim", "the secretary's comments"; "he's claiming" is a verb)."""
    m = _WORD_BEFORE.search(text, max(lo, cue_start - 40), cue_start)
    if m is None:
        return False
    prev = m.group(1).lower()
    if prev in _NOUN_BEFORE:
        # "a message that said": after "that" a past form is a verb of a relative clause
        return not (prev == "that" and _PAST_FORM.search(text, cue_start, cue_start + 30))
    return (
        prev.endswith(("'s", "’s"))
        and prev[:-2] not in words.pronouns
        and prev[:-2] not in _NOT_POSSESSIVE
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


# a description and a comma before the name that ends at the cue: "another friend, Mariam
# Etar told", "the bespectacled, 71-year-old diplomat said"
_DESCRIPTION_LEAD = regex.compile(
    r"(?:the|a|an|another|his|her|their|its|our)\s+[^,;:.!?\"“”]{1,60},\s*", regex.V1
)
_NO_OBJECT = regex.compile(r"\s*(?:[.,;!?]|$)", regex.V1)
# an apposition that no comma closes before the cue
_OPEN_APPOSITION = regex.compile(
    r",\s*((?:the|a|an|who|whose)\s+[^,;:.!?\"“”]{1,120}?)", regex.V1 | regex.IGNORECASE
)
# a relative clause opened by a comma, still open at the cue: ", who has proposed …"
_IN_RELATIVE = regex.compile(r"(?r),\s*(?:who|whose|which|whom)\s[^,;:.!?\"“”]*$", regex.V1)
# a restrictive relative clause between a source and its cue: " who spoke anonymously"
_RELATIVE = regex.compile(r",?\s+(?:who|whose)\s+([^,;:.!?\"“”]{1,80}?)", regex.V1)
_PREPOSITIONS = frozenset(["of", "for", "at", "with", "from", "in", "on", "to", "by"])
# "a spokesman for committee Democrats", "an official at the county clerk's office"
_PP_CHAIN = regex.compile(
    r"(?:\s+(?:of|for|at|with|from|in|on)\s+[\p{L}\d'’\-]+(?:\s+[\p{L}\d'’\-]+){0,4}){1,3}",
    regex.V1,
)


def _source_from(doc: Doc, first: int, cue_start: int) -> Mention | None:
    """The source that starts at ``first`` and reaches the cue at ``cue_start`` (asides,
    appositions and adverbials between them allowed)."""
    text, words = doc.text, doc.words
    toks = doc.tokens(first, cue_start)
    end = np_forward(doc, toks, 0)
    mention = classify(doc, toks[:end]) if end is not None else None
    if mention is not None:
        pos = skip_asides(doc, mention.end, cue_start)
        if skip_back(doc, pos, cue_start) <= pos or text[pos:cue_start].strip() == "":
            return mention
        m = np_before(doc, pos, cue_start)
        if m is not None and m.kind == "name" and mention.kind == "name":
            both = coordinated(doc, first, m)
            if both.start == mention.start:
                return both  # "Rafe Dunmore and Lucinda Farrow said"
        if _unclosed_aside(doc, pos, skip_back(doc, pos, cue_start)):
            return mention
        if mention.kind == "description":
            # "a spokesman for committee Democrats said"
            pp = _PP_CHAIN.fullmatch(text, mention.end, skip_back(doc, mention.end, cue_start))
            if pp is not None and not any(
                words.cue(w) is not None or w.lower() in words.stops - _PREPOSITIONS
                for w in _LETTERS.findall(pp.group())
            ):
                return Mention(start=mention.start, end=pp.end(), kind="description")
    m = np_before(doc, first, cue_start)
    if m is not None and (
        text[first : m.start].strip() == "" or _DESCRIPTION_LEAD.fullmatch(text, first, m.start)
    ):
        return m
    if (
        m is not None
        and m.kind == "name"
        and m.start > first
        and all(w[:1].isupper() or w.lower() in words.titles for w in text[first : m.start].split())
    ):
        # "CBS This Morning co-anchor Dee Morgan said": a capitalised run the reader broke
        return Mention(start=first, end=m.end, kind="name", head=m.head)
    return None


def _unclosed_aside(doc: Doc, pos: int, end: int) -> bool:
    """``text[pos:end]`` is an aside that no comma closes before the cue, with no verb of
    saying in it: "a White House official who spoke anonymously said", "Nate Sills, the
    polling guru who founded the site tweeted"."""
    m = _RELATIVE.fullmatch(doc.text, pos, end) or _OPEN_APPOSITION.fullmatch(doc.text, pos, end)
    return m is not None and not any(doc.words.cue(w) is not None for w in m.group(1).split())


def _object_end(text: str, pos: int, hi: int) -> int:
    """``told reporters``, ``told the Harbor Gazette``: where the object after a cue ends."""
    m = _OBJECT.match(text, pos, hi)
    return m.end() if m is not None else pos


def attribution_before(
    doc: Doc, lo: int, open_mark: int, *, colon_lead: bool = True
) -> Attribution | None:
    """``Blinken said, "…`` / ``said: "…`` / ``Morrow put it: "…`` / ``Blinken: "…`` before an
    opening mark; ``lo`` is where the clause starts."""
    text, words = doc.text, doc.words
    if _LETTERS.search(text, lo, open_mark) is None:
        return None  # no word, no attribution (and no walk over a run of marks)
    acc = _ACCORDING_LEAD.search(text, lo, open_mark)
    if acc is not None:
        source = np_after(doc, acc.start("src"), acc.end("src"))
        if source is not None:
            return _attribution(text, acc.span("cue"), source)
    best = None
    for s, e, is_word in reversed(doc.tokens(lo, open_mark)):
        if not is_word:
            continue
        found = words.quote_cue(text, s, e)
        if found is None or found[1] == "belief":
            continue
        if text[s].isupper() and (text[s:e].endswith("ed") or _inside_clause(text, lo, s)):
            continue  # "Asked about it, she said": a participle; "told The Harbor Post": a name
        if _noun_use(text, lo, s, words):
            continue  # "Trump's remarks", "the report"
        if _PASSIVE_CLAUSE.search(text, max(lo, s - 12), s) and text[s:e].endswith("ed"):
            continue  # "who told Congress when asked about it:": a passive participle
        if _lead_in_tail(doc, found[2], open_mark, found[0]):
            best = (s, e, found[2])
            break
    if best is not None:
        s, e, cue_end = best
        source = _source_for_cue(doc, lo, s, e)
        return _attribution(text, (s, cue_end), source, cue_end)
    if not colon_lead:
        return None
    # a colon lead-in without a verb of saying: "Morrow put it simply: "…"", "Blinken: "…""
    before = text[lo:open_mark].rstrip()
    if not before.endswith(":"):
        return None
    colon = lo + len(before) - 1
    mention = np_before(doc, lo, colon)
    if mention is None or mention.kind not in ("name", "org") or mention.end < colon - 1:
        sub = clause_subject(doc, lo, colon)
        if sub is None:
            return None
        mention, _ = sub
    if mention.kind not in ("name", "pronoun", "org", "group", "description"):
        return None
    n_words = len(text[mention.end : colon].split())
    if n_words > 14:
        return None
    return _attribution(text, (colon, colon + 1), mention)


_LINE_DASH = regex.compile(r"[ \u00a0]*(?P<dash>[―—–-]{1,2})[ \u00a0]*(?=\p{Lu})", regex.V1)
_WITH = regex.compile(r"(?r)(?:^|(?<=\s))with\s+(?=[^,;:]{1,80}$)", regex.V1 | regex.IGNORECASE)
_WORD_BEFORE = regex.compile(r"(?r)([\p{L}'’]+)\s+$", regex.V1)
# nothing but marks and conjunctions before an inverted cue: "But, said Solovey, "…""
_ONLY_OPENERS = regex.compile(r"[\s\u00a0\"“”„«»,]*(?:(?:But|And|So|Yet|Still)[\s,]*)?", regex.V1)
_DASH = regex.compile(r"[ \u00a0]*(?P<dash>[―—–]{1,2})[ \u00a0]*", regex.V1)
_AFTER_STOP = regex.compile(r"[.!?)\]’'\s\u00a0]*", regex.V1)
_LETTERS = regex.compile(r"\p{L}+", regex.V1)
_COORDINATED = regex.compile(r"(?:^|[\s,])(?:and|but|or|then)$", regex.V1 | regex.IGNORECASE)
_SPACE_COMMA = regex.compile(r"[\s,]*", regex.V1)
# what ends reported content before the next cue's clause: "…, and said", "…, arguing"
_NEXT_CLAUSE = regex.compile(r"(?r)(?:,?\s+(?:and|but)\s+(?:\S+\s+){0,3}?|,\s*)$", regex.V1)
_ONLY_STOPS = regex.compile(r"[\s.!?]*", regex.V1)
_ABOUT_TAIL = regex.compile(r"\s+(?:of|about|in)\s+[^,;:]{1,40}[.!?]?\s*", regex.V1)
_AS_END = regex.compile(r"\s+as$", regex.V1)
_ACCORDING_SOURCE = regex.compile(r"\s+([^,.;:!?\"“”]{2,80})", regex.V1)
_ACCORDING_AFTER = regex.compile(r"[\s,]*(?P<cue>according\s+to)\s+", regex.V1)
_ACCORDING_LEAD = regex.compile(
    r"(?:^|(?<=[\s,]))(?P<cue>[Aa]ccording\s+to)\s+(?P<src>[^,;:.!?\"“”]{2,80}),\s*$", regex.V1
)


def _lead_in_tail(doc: Doc, pos: int, open_mark: int, lemma: str) -> bool:
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
            m = _OBJECT.match(text, pos, open_mark) or _TO_ADDRESSEE.match(text, pos, open_mark)
        if m is None:
            break
        pos = m.end()
    rest = text[pos:open_mark]
    if _TAIL_END.fullmatch(rest):
        return True
    # any short phrase closed by a comma or colon: "told his radio audience of Monday, "
    m = _SHORT_TAIL.fullmatch(rest)
    return (
        m is not None
        and len(m.group(1).split()) <= 12
        and not any(
            words.cue(w) is not None
            for w in _LETTERS.findall(_PASSIVE_PHRASE.sub("", m.group(1)))  # "when asked"
        )
    )


_PARTICLE = regex.compile(r"\s+(?:out|up|back)\b", regex.V1)  # "pointed out"
_TAIL_END = regex.compile(r"\s*(?:[,:]|\s—|\s–)?\s*(?:that\s*,?\s*)?", regex.V1)
_SHORT_TAIL = regex.compile(
    r"[\s,]++([^.!?;\"“”„«»\n]{1,80}?)\s*[,:]\s*(?:that\s*,?\s*)?", regex.V1
)


def _source_for_cue(doc: Doc, lo: int, cue_start: int, cue_end: int) -> Mention | None:
    """The source of a cue whose clause opens at ``lo``: the mention right before it, else the
    clause subject ("X, a snowplow driver, said" / "X … but said" / "X …, saying")."""
    text, words = doc.text, doc.words
    who = _WHO_BEFORE.search(text, max(lo, cue_start - 40), skip_back(doc, lo, cue_start))
    if who is not None:
        m = np_before(doc, lo, who.start())  # "Mike Lenn, who declared": the name
        if m is not None and m.kind in ("name", "org", "description"):
            return m
    participle = text[cue_start:cue_end].lower().endswith("ing")
    # "Abbot emailed supporters on Monday, telling them": a participle after a comma takes
    # the clause subject, not the object or setting before it
    m = (
        None
        if participle and _COMMA_END.search(text, lo, cue_start)
        else np_before(doc, lo, cue_start)
    )
    if m is not None:
        return coordinated(doc, lo, m)
    vp = _VERB_AND.search(text, max(lo, cue_start - 40), cue_start)
    if vp is not None:
        m = np_before(doc, lo, vp.start())  # "he laughed and said": the first verb's subject
        if m is not None and m.kind in _SUBJECT_KINDS:
            return m
    conj = _AND_CUE.search(text, max(lo, cue_start - 30), cue_start)
    if conj is not None:
        # "when he brought up the bombing and later said": the subject of that clause
        opener = _SUBORDINATE.search(text, max(lo, conj.start() - 150), conj.start())
        if opener is not None and _PUNCT.search(text, opener.end(), conj.start()) is None:
            found = clause_subject(doc, opener.end(), conj.start())
            if found is not None and found[0].kind in ("name", "pronoun"):
                return found[0]
    if not participle:
        m = _before_apposition(doc, lo, cue_start)
        if m is not None:
            return m
    else:
        # "with Trump yelling", "with the union calling it": the participle's own subject
        w = _WITH.search(text, max(lo, cue_start - 100), skip_back(doc, lo, cue_start))
        if w is not None:
            m = np_before(doc, w.end(), cue_start)
            if m is not None and m.start == w.end():
                return m
    seg = text[lo : skip_back(doc, lo, cue_start)].rstrip()
    if _ONLY_OPENERS.fullmatch(seg):
        if _ONLY_OPENERS.fullmatch(text, lo, cue_start):
            hi = min(len(text), cue_end + 200)
            return np_after(doc, skip_setting(text, cue_end, hi), hi)
        return None
    if participle and seg.endswith(","):
        # "…, Spicer said, adding, "…"": the participle shares the attribution before it
        prev = _PREVIOUS_CUE.search(text, max(lo, cue_start - 120), cue_start)
        if prev is not None and words.cue(prev.group("cue")) is not None:
            m = np_before(doc, lo, prev.start("cue"))
            if m is not None:
                return m
    brk = _CLAUSE_BREAK.search(text, max(lo, cue_start - _MAX_WINDOW), cue_start)
    if brk is not None and _PUNCT.search(text, brk.end(), cue_start) is None:
        # "The results aren't in, but Ada Kasich's campaign is already claiming": the
        # clause after the conjunction has its own subject
        sub = clause_subject(doc, brk.end(), cue_start)
        if sub is not None and sub[0].kind in _SUBJECT_KINDS:
            between = text[sub[1] : cue_start]
            if "," not in between and not any(
                words.cue(w) is not None for w in _LETTERS.findall(between)
            ):
                return sub[0]
    sub = clause_subject(doc, lo, cue_start)
    if sub is None:
        return None
    mention, end = sub
    joined = _COORDINATED.search(seg) is not None
    pos = skip_asides(doc, end, cue_start)
    between = text[pos : skip_back(doc, pos, cue_start)].strip()
    if between == "" or participle or joined or seg.endswith(","):
        return mention
    if text[mention.start : mention.end].endswith(("'s", "’s")) and len(between.split()) == 1:
        # "a source familiar with the senator's thinking said": the possessed noun ends it
        return attrs.evolve(mention, end=skip_back(doc, pos, cue_start))
    # a reduced relative clause: "Protesters marching through the streets chanted"
    if _REDUCED_RELATIVE.fullmatch(between) and not any(
        words.cue(w) is not None for w in between.split()
    ):
        return mention
    if _unclosed_aside(doc, pos, skip_back(doc, pos, cue_start)):
        return mention
    return None


def _before_apposition(doc: Doc, lo: int, cue_start: int) -> Mention | None:
    """``X (R-Ohio), said`` / ``X, Sanders' campaign manager, said``: the mention before the
    aside that a comma closes right before the cue."""
    text = doc.text
    end = skip_back(doc, lo, cue_start)
    if not text[lo:end].endswith(","):
        return None
    comma = end - 1
    # the clause subject, when only asides stand between it and the cue
    sub = clause_subject(doc, lo, comma)
    if (
        sub is not None
        and sub[0].kind in ("name", "org", "pronoun", "description", "group")
        and skip_asides(doc, sub[1], end) >= end - 1
    ):
        return sub[0]
    m = np_before(doc, lo, comma)
    if m is not None and m.kind in ("name", "org", "pronoun"):
        return m
    for _ in range(3):
        comma = text.rfind(",", lo, comma)
        if comma < 0:
            return None
        m = np_before(doc, lo, comma)
        if m is not None and skip_asides(doc, m.end, end) >= end - 1:
            return m
    return None


_PAST_FORM = regex.compile(r"\G(?:said|\p{L}+ed)\b", regex.V1)
_PASSIVE_PHRASE = regex.compile(
    r"\b(?:when|if|as|after|once|until|unless)\s+\p{L}+ed\b", regex.V1 | regex.IGNORECASE
)
_PASSIVE_CLAUSE = regex.compile(r"(?r)\b(?:when|if|as|after|once|until|unless)\s+$", regex.V1)
_CLAUSE_BREAK = regex.compile(
    r"(?r)(?:,\s{1,3}(?:but|and|while|whereas|though|although|yet|so)\s|;\s)", regex.V1
)
_PUNCT = regex.compile(r"[,;:.!?]", regex.V1)
_SUBJECT_KINDS = frozenset(["name", "pronoun", "org", "description", "group"])
_AND_CUE = regex.compile(r"(?r)\s+and\s+(?:then\s+|later\s+|also\s+)?$", regex.V1)
_SUBORDINATE = regex.compile(
    r"(?r)\b(?:when|as|while|because|after|before|since|though|although|where|if)\s", regex.V1
)
_COMMA_END = regex.compile(r",\s*$", regex.V1)
_VERB_AND = regex.compile(r"(?r)\s+\p{Ll}+(?:ed|ied)\s+and\s+(?:then\s+)?$", regex.V1)
_WHO_BEFORE = regex.compile(r"(?r),\s*who(?:\s+(?:also|then|later|once|had|has))?$", regex.V1)
_PREVIOUS_CUE = regex.compile(
    r"(?r)(?P<cue>\p{L}+)(?:\s+(?:in\s+a\s+statement|on\s+\p{Lu}\p{Ll}+day|\p{Lu}\p{Ll}+day))?\s*,\s*$",
    regex.V1,
)
_REDUCED_RELATIVE = regex.compile(r"\p{Ll}+(?:ing|ed)(?:\s+[\p{L}\-’']+){0,8}", regex.V1)


# a particle after the cue ("said on", "spoke out"); compiled once, not looked up per call
_CUE_PARTICLE = regex.compile(r"\s+(?:out|up|back|on)\b(?!\s+(?:the|a|an|his|her|their)\b)")


def reported_speech(
    doc: Doc,
    sentences: Sequence[Sentence],
    skip: Sequence[tuple[int, int]] = (),
) -> Iterator[Reported]:
    """Reported speech in each sentence: ``X said (that) …``, ``according to X, …``.

    ``skip`` holds spans (direct quotes and their attributions) where no cue is read.
    """
    text, words = doc.text, doc.words
    skip = sorted(skip)
    k = 0
    for sent in sentences:
        toks = doc.tokens(sent.start, sent.end)
        cues = []
        for i, (s, e, is_word) in enumerate(toks):
            if not is_word:
                continue
            low = text[s:e].lower()
            if (
                low == "according"
                and i + 1 < len(toks)
                and text[toks[i + 1][0] : toks[i + 1][1]].lower() == "to"
            ):
                cues.append((i, (s, toks[i + 1][1]), ("according to", "according")))
                continue
            found = words.cues.get(low)  # ``low`` is lower case: words.cue(low) without lower()
            if found is not None and found[1] != "manner":
                cues.append((i, (s, e), found))
        for n, (i, cue, found) in enumerate(cues):
            while k < len(skip) and skip[k][1] <= cue[0]:
                k += 1
            if k < len(skip) and skip[k][0] <= cue[0] < skip[k][1]:
                continue
            nxt = [c[1][0] for c in cues[n + 1 :]]
            if found[1] == "according":
                r = _according_to(doc, sent, cue)
            else:
                r = _reported(doc, sent, toks, i, cue, found, nxt)
            if r is not None:
                yield r


def _reported(
    doc: Doc,
    sent: Sentence,
    toks: list[tuple[int, int, bool]],
    i: int,
    cue: tuple[int, int],
    found: tuple[str, str],
    later_cues: list[int],
) -> Reported | None:
    text, words = doc.text, doc.words
    lemma, cls = found
    form = text[cue[0] : cue[1]]
    if form[0].isupper() and i > 0:
        return None  # a capitalised cue form inside a sentence is a name ("Tony Said")
    if _noun_use(text, sent.start, cue[0], words):
        return None  # "the report", "a claim", "the secretary's comments" (not "he's")
    prev = text[toks[i - 1][0] : toks[i - 1][1]].lower() if i > 0 and toks[i - 1][2] else ""
    j = i - 1
    while j > 0 and toks[j][2] and (prev.endswith("ly") or prev in ("then", "also", "not")):
        j -= 1  # "will then falsely blame": look past the adverbs
        prev = text[toks[j][0] : toks[j][1]].lower() if toks[j][2] else ""
    if prev in _PASSIVE and not form.lower().endswith("ing"):
        return None  # "was charged", "is expected"
    if prev in _NON_FINITE and form.lower() == lemma:
        return None  # "would ask", "to say"
    source = _source_for_cue(doc, max(sent.start, cue[0] - _MAX_WINDOW), cue[0], cue[1])
    pos = cue[1]
    postposed = None
    if source is None or _ONLY_STOPS.fullmatch(
        text, skip_setting(text, cue[1], sent.end), sent.end
    ):
        # "…, Dunmore said." / "…, said Dunmore." / "…, as Dunmore said."
        postposed = _postposed(doc, sent, cue)
        if postposed is None:
            return None
        source, start, end = postposed
    else:
        if source.start > cue[1]:
            return None
        pos = skip_setting(text, pos, sent.end)
        part = _CUE_PARTICLE.match(text[pos : sent.end])
        if part is not None:
            pos += part.end()
        if lemma in words.addressee:
            m = _OBJECT.match(text, pos, sent.end)
            if m is not None:
                pos = m.end()
            elif lemma == "tell":
                return None
        else:
            m = _TO_ADDRESSEE.match(text, pos, sent.end)
            if m is not None:
                pos = m.end()
        pos = skip_setting(text, pos, sent.end)
        gap = _SPACE_COMMA.match(text, pos, sent.end)
        pos = gap.end() if gap is not None else pos
        start = pos
        end = _content_end(doc, start, sent.end, later_cues)
        first_word = _LETTERS.match(text, start, sent.end)
        if (
            later_cues
            and later_cues[0] == start
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
    if start >= end:
        return None
    content = text[start:end]
    words_ = content.split()
    has_marks = any(c in content for c in _MARKS)
    first = words_[0].lower().strip('"“”„«»')
    if cls == "belief" and first != "that" and not _CLAUSE.search(content):
        return None
    if text[start] in _MARKS and _quoted_to_end(text, start, end):
        return None
    if len(words_) < _MIN_REPORTED_WORDS and not has_marks:
        return None
    if first == "to" and lemma in _TO_INFINITIVE and len(words_) > 2 and words_[1][:1].islower():
        pass  # "vowed to rebuild the pier": an infinitive is what was promised
    elif first in _NOT_A_CLAUSE_START and not has_marks:
        return None
    return Reported(
        content=_span(text, start, end),
        attribution=_attribution(text, cue, source),
        cls=cls,
    )


_CLAUSE = regex.compile(
    r"\b(?:is|are|was|were|will|would|could|can|should|must|may|might|has|have|had|did|does|do"
    r"|isn't|aren't|wasn't|won't|wouldn't|can't|didn't|doesn't|don't)\b",
    regex.V1 | regex.IGNORECASE,
)


def _content_end(doc: Doc, start: int, end: int, later_cues: list[int]) -> int:
    """Where reported content stops: before the clause of the next cue ("…, and said …",
    "…, arguing that …", "…, Cross said …") and at a semicolon."""
    text = doc.text
    for cue in later_cues:
        if not start < cue < end or cue - start > _MAX_CONTENT_SCAN:
            continue
        conj = _NEXT_CLAUSE.search(text, start, cue)
        if conj is not None:
            end = conj.start()
            break
        m = np_before(doc, start, cue)
        if m is not None and m.kind in ("name", "pronoun", "org"):
            lead = _SUBORDINATOR.sub("", text[start : m.start].rstrip())
            if lead.endswith(","):
                end = start + len(lead) - 1
                break
    semicolon = text.find("; ", start, end)
    if semicolon > start:
        end = semicolon
    return end


def _postposed(
    doc: Doc, sent: Sentence, cue: tuple[int, int], *, relaxed: bool = False
) -> tuple[Mention, int, int] | None:
    """``Content, X said.`` / ``Content, said X.`` / ``Content, as X said.``; ``relaxed``: the
    sentence may go on after the attribution (``Content, X said, adding …``)."""
    text = doc.text
    after = skip_setting(text, cue[1], sent.end)
    tail = text[after : sent.end]
    m_after = None
    if relaxed:
        if not tail.lstrip().startswith(","):
            return None
    elif not _ONLY_STOPS.fullmatch(tail):
        m_after = np_after(doc, after + len(tail) - len(tail.lstrip()), sent.end)
        if m_after is None or text[m_after.end : sent.end].strip(" .!?") != "":
            m_after = None
            # "…, X said of the plan." is still postposed
            if not _ABOUT_TAIL.fullmatch(tail):
                return None
    before = text[sent.start : cue[0]]
    if m_after is not None:
        comma = before.rstrip().endswith(",")
        if not comma:
            return None
        return m_after, sent.start, sent.start + len(before.rstrip()) - 1
    # source before the cue, preceded by a comma that closes the content
    src = np_before(doc, sent.start, cue[0])
    if src is None:
        return None
    lead = text[sent.start : src.start].rstrip()
    lead = _AS_END.sub("", lead)
    if not lead.endswith(","):
        return None
    return src, sent.start, sent.start + len(lead) - 1


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
    lead = text[sent.start : cue[0]].strip(" \u00a0" + _MARKS)
    if not lead or lead.lower() in {"but", "and"}:  # "According to X, content."
        comma = text.find(",", e, sent.end)
        if comma < 0:
            return None
        start, end = comma + 1, sent.end
    else:  # "Content, according to X."
        start, end = sent.start, cue[0]
    while start < end and (text[start].isspace() or text[start] in _MARKS):
        start += 1
    end = _trim_end(text, start, end)
    if len(text[start:end].split()) < _MIN_REPORTED_WORDS:
        return None
    return Reported(
        content=_span(text, start, end),
        attribution=_attribution(text, cue, source),
        cls="speech",
    )


def _quoted_to_end(text: str, pos: int, end: int) -> bool:
    """The stretch [pos, end) is one quoted sentence (a direct quote, not reported speech)."""
    closer = max(text.rfind(c, pos + 1, end + 1) for c in '"”»“')
    return closer >= end - 2


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?—–-"):
        end -= 1
    return end
