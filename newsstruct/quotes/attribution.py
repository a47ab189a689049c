"""Attribution: the cue ("said", "told", "according to", ":") and the source mention of a quote.

Three shapes are read: after a closing mark (``…," Blinken said`` / ``…," said Blinken``),
before an opening mark (``Blinken said: "…``), and reported speech without marks
(``Blinken said (that) …``, ``according to X, …``). A source is a name, a pronoun or a
description ("a county spokesperson"); when the words next to the cue are none of these, the
subject that opens the sentence is used ("Blinken wouldn't comment … but said, …").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

import attrs
import regex

from ..lexicons import Lexicon
from ..records import Sentence, Span
from .marks import Segment
from .speakers import PRONOUNS, classify_mention, name_run

_OPENERS = '"“„«'
# Words that may stand between a source and its cue ("Blinken on Thursday said").
_ADVERBIAL = regex.compile(
    r"(?:\s+(?:also|later|then|again|previously|recently|once|further|has|had|have|would|will"
    r"|is|was|were|had|on\s+\p{Lu}\p{Ll}+day|\p{Lu}\p{Ll}+day|this\s+week|last\s+week"
    r"|in\s+a\s+statement|in\s+an\s+interview))+$",
    regex.V1,
)
# A description opens its clause: "a county spokesperson", ", the secretary".
_DESCRIPTION = regex.compile(
    r"(?:^|(?<=[,;:(]\s*)|(?<=\b(?:but|and)\s))"
    r"(?:the|a|an|another|one|two|three|several|some|many)\s[^,;:.!?\"“”()]{1,80}$",
    regex.V1 | regex.IGNORECASE,
)
_BARE_PLURAL = regex.compile(
    r"(?:^|(?<=\s))(?:officials|police|authorities|sources|prosecutors|investigators|analysts"
    r"|experts|witnesses|residents|lawmakers|critics|officers|observers)$",
    regex.V1 | regex.IGNORECASE,
)
_PRONOUN = regex.compile(r"(?:^|(?<=\s))(?:he|she|they|I|we)$", regex.V1 | regex.IGNORECASE)
# What may follow a cue before the opening mark: ``said, "``, ``told reporters: "``.
_LEAD_IN_TAIL = regex.compile(
    r"(?:\s+(?:reporters|journalists|him|her|them|us|me|the\s+[\p{L}\-]+|in\s+a\s+statement"
    r"|in\s+an\s+interview|on\s+\p{Lu}\p{Ll}+day|\p{Lu}\p{Ll}+day|\p{Lu}[\p{L}.\-]*)){0,2}"
    r"\s*[,:]?\s*",
    regex.V1,
)
_OBJECT = regex.compile(
    r"\s+(?:reporters|journalists|him|her|them|us|me|the\s+[\p{L}\-]+(?:\s+[\p{L}\-]+)?"
    r"|\p{Lu}[\p{L}.\-]*(?:\s+\p{Lu}[\p{L}.\-]*){0,3})(?=[\s,.:;]|$)",
    regex.V1,
)
_REPORT_SKIP = regex.compile(
    r"(?:\s+(?:on\s+)?\p{Lu}\p{Ll}+day|\s+in\s+a\s+statement|\s+in\s+an\s+interview|\s*,)*"
    r"(?:\s+that\b)?\s*",
    regex.V1,
)
_MIN_REPORTED_WORDS = 3
_NON_FINITE = regex.compile(
    r"\b(?:to|will|would|could|should|may|might|must|can|did|does|do|not|n't)\s+$",
    regex.IGNORECASE,
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
    ]
)
_MAX_WINDOW = 200


@attrs.frozen(kw_only=True)
class Attribution:
    """A cue, its source mention, and how far the attribution reaches in the text."""

    cue: Span
    source: Span | None
    kind: str  # classify_mention's answer for the source: "name", "pronoun", "description"
    start: int
    end: int


@attrs.frozen(kw_only=True)
class Reported:
    """Reported speech: the content clause and its attribution."""

    content: Span
    attribution: Attribution


@functools.lru_cache(maxsize=8)
def cue_pattern(lexicon: Lexicon) -> regex.Pattern[str]:
    """Any cue form of the lexicon as a whole word, or "according to"."""
    forms = sorted(lexicon.cue_forms, key=len, reverse=True)
    alternation = "|".join(regex.escape(f) for f in forms)
    return regex.compile(
        rf"(?<![\p{{L}}\-])(?:according\s+to|{alternation})(?![\p{{L}}\-])",
        regex.V1 | regex.IGNORECASE,
    )


def attribution_lead(text: str, start: int, lex: Lexicon) -> bool:
    """``start`` opens "Johnson asked", "she said", "said the mayor": an attribution."""
    window = text[start : start + _MAX_WINDOW]
    m = cue_pattern(lex).search(window)
    if m is None or m.group().lower().startswith("according"):
        return False
    before = window[: m.start()].strip()
    if not before:
        return True
    return len(before.split()) <= 5 and classify_mention(before, lex) in ("name", "pronoun")


def attribution_after(
    text: str, seg: Segment, para: Span | Sentence | object, lex: Lexicon
) -> Attribution | None:
    """``…," Blinken said`` or ``…," said Blinken`` right after a closing mark."""
    if seg.close is None:
        return None
    lo = seg.close + 1
    hi = min(getattr(para, "end", len(text)), lo + _MAX_WINDOW)
    window = text[lo:hi]
    cues = cue_pattern(lex)
    m = cues.search(window)
    if m is None or m.group().lower().startswith("according"):
        return None
    before = window[: m.start()]
    if before.strip(" ,\u00a0\t") == "":  # "…," said Blinken
        source = _source_after_cue(text, lo + m.end(), hi, lex)
        if source is None:
            return None
        cue = _span(text, lo + m.start(), lo + m.end())
        return _attribution(text, cue, source, lex, lo, source.end)
    if before[:1] not in (" ", ",", "\u00a0") or _sentence_break(before, lex):
        return None
    src_start = lo + len(before) - len(before.lstrip(" ,\u00a0\t"))
    source = _trimmed_source(text, src_start, lo + m.start(), lex)
    if source is None:
        return None
    cue = _span(text, lo + m.start(), lo + m.end())
    end = cue.end
    obj = _OBJECT.match(text, end, hi)
    if obj is not None and regex.match(r"\s*,\s*[\"“„«]", text[obj.end() : obj.end() + 4]):
        end = obj.end()
    return _attribution(text, cue, source, lex, source.start, end)


def _sentence_break(s: str, lex: Lexicon) -> bool:
    """A stop in ``s`` other than the period of an abbreviation or initial ("Gov.", "J.")."""
    for m in regex.finditer(r"[.;!?\"“”\n]", s):
        if m.group() == ".":
            word = regex.search(r"([\p{L}.]+)$", s[: m.start()])
            if word and (len(word.group(1)) == 1 or word.group(1).lower() in lex.abbreviations):
                continue
        return True
    return False


def attribution_before(text: str, lo: int, open_mark: int, lex: Lexicon) -> Attribution | None:
    """``Blinken said, "…`` / ``said: "…`` / ``Blinken: "…`` right before an opening mark."""
    window = text[lo:open_mark]
    last = None
    for m in cue_pattern(lex).finditer(window):
        if _LEAD_IN_TAIL.fullmatch(window, m.end()):
            last = m
    if last is not None:
        cue = _span(text, lo + last.start(), lo + last.end())
        source = subject_before(text, lo, cue.start, lex)
        return _attribution(text, cue, source, lex, source.start if source else cue.start, cue.end)
    colon = regex.fullmatch(r"\s*(?P<src>[^:\"“”]{2,80}?)\s*(?P<cue>:)\s*", window)
    if colon is not None:
        source = _trimmed_source(text, lo + colon.start("src"), lo + colon.end("src"), lex)
        if source is not None and classify_mention(source.text, lex) == "name":
            cue = _span(text, lo + colon.start("cue"), lo + colon.end("cue"))
            return _attribution(text, cue, source, lex, source.start, cue.end)
    return None


def reported_speech(text: str, sentences: Sequence[Sentence], lex: Lexicon) -> Iterator[Reported]:
    """Reported speech in each sentence: ``X said (that) …``, ``according to X, …``."""
    cues = cue_pattern(lex)
    for sent in sentences:
        matches = list(cues.finditer(text, sent.start, sent.end))
        for k, m in enumerate(matches):
            if m.group().lower().startswith("according"):
                found = _according_to(text, sent, m, lex)
            else:
                nxt = matches[k + 1].start() if k + 1 < len(matches) else sent.end
                found = _reported(text, sent, m, nxt, lex)
            if found is not None:
                yield found


def _reported(
    text: str, sent: Sentence, m: regex.Match[str], next_cue: int, lex: Lexicon
) -> Reported | None:
    cue_word = m.group().lower()
    if cue_word == lex.cue_forms.get(cue_word) and _NON_FINITE.search(text[sent.start : m.start()]):
        return None  # "would ask", "to say": not a report of speech
    source = subject_before(text, sent.start, m.start(), lex)
    if source is None:
        return None
    pos = m.end()
    if lex.cue_forms.get(m.group().lower()) == "tell":
        obj = _OBJECT.match(text, pos, sent.end)
        if obj is None:
            return None
        pos = obj.end()
    pos = _REPORT_SKIP.match(text, pos, sent.end).end()
    end = sent.end
    if next_cue < sent.end:
        conj = regex.search(r"(?:,?\s+(?:and|but)\s+(?:\S+\s+){0,3}?)$", text[pos:next_cue])
        if conj is not None:
            end = pos + conj.start()
    end = _trim_end(text, pos, end)
    if pos >= end or (text[pos] in _OPENERS and _quoted_to_end(text, pos, end)):
        return None
    words = text[pos:end].split()
    if len(words) < _MIN_REPORTED_WORDS or words[0].lower() in _NOT_A_CLAUSE_START:
        return None
    cue = _span(text, m.start(), m.end())
    att = _attribution(text, cue, source, lex, source.start, cue.end)
    return Reported(content=_span(text, pos, end), attribution=att)


def _according_to(text: str, sent: Sentence, m: regex.Match[str], lex: Lexicon) -> Reported | None:
    src = regex.match(r"\s+([^,.;:!?\"“”]{2,80})", text[m.end() : sent.end])
    if src is None:
        return None
    s = m.end() + src.start(1)
    e = m.end() + src.end(1)
    source = _span(text, s, _trim_end(text, s, e))
    cue = _span(text, m.start(), m.end())
    lead = text[sent.start : m.start()].strip()
    if not lead or lead.lower() in {"but", "and"}:  # "According to X, content."
        comma = text.find(",", e, sent.end)
        if comma < 0:
            return None
        start, end = comma + 1, sent.end
    else:  # "Content, according to X."
        start, end = sent.start, m.start()
    while start < end and text[start].isspace():
        start += 1
    end = _trim_end(text, start, end)
    if len(text[start:end].split()) < _MIN_REPORTED_WORDS:
        return None
    kind = classify_mention(source.text, lex) or "description"
    att = Attribution(cue=cue, source=source, kind=kind, start=cue.start, end=source.end)
    return Reported(content=_span(text, start, end), attribution=att)


def subject_before(text: str, lo: int, cue_start: int, lex: Lexicon) -> Span | None:
    """The source right before a cue, else the subject opening the clause."""
    seg = text[lo:cue_start].rstrip()
    adv = _ADVERBIAL.search(seg)
    if adv is not None:
        seg = seg[: adv.start()]
    end = lo + len(seg)
    for finder in (_name_ending_at, _pattern_ending_at):
        span = finder(text, lo, end, lex)
        if span is not None:
            return span
    # A coordinated verb shares the subject of the sentence: "X … but said, …".
    if not seg.strip() or regex.search(r"(?:^|\s)(?:and|but|or)$", seg, regex.IGNORECASE):
        return _sentence_subject(text, lo, cue_start, lex)
    return None


def _name_ending_at(text: str, lo: int, end: int, lex: Lexicon) -> Span | None:
    best = None
    for m in name_run(lex).finditer(text, lo, end):
        if m.end() == end:
            best = m
    if best is None:
        return None
    return _name_span(text, best.start(), best.end(), lex)


def _pattern_ending_at(text: str, lo: int, end: int, lex: Lexicon) -> Span | None:
    seg = text[lo:end]
    for pattern in (_PRONOUN, _BARE_PLURAL, _DESCRIPTION):
        m = pattern.search(seg)
        if m is not None and len(m.group().split()) <= 8:
            return _span(text, lo + m.start(), end)
    return None


def _sentence_subject(text: str, lo: int, cue_start: int, lex: Lexicon) -> Span | None:
    pos = lo
    while pos < cue_start and text[pos] in _OPENERS + " \u00a0":
        pos += 1
    m = regex.match(r"[\p{L}'’]+", text[pos:cue_start])
    while m is not None and m.group().lower() in lex.function_words - {"the", "a", "an"}:
        pos += m.end()
        while pos < cue_start and text[pos] in " ,\u00a0":
            pos += 1
        m = regex.match(r"[\p{L}'’]+", text[pos:cue_start])
    if m is None:
        return None
    word = m.group()
    if word.lower() in PRONOUNS:
        return _span(text, pos, pos + m.end())
    if word.lower() == "the":
        np = regex.match(r"the\s+\p{Ll}[\p{L}\-]+", text[pos:cue_start], regex.IGNORECASE)
        return _span(text, pos, pos + np.end()) if np else None
    run = name_run(lex).match(text, pos, cue_start)
    if run is not None:
        return _name_span(text, run.start(), run.end(), lex)
    return None


def _name_span(text: str, start: int, end: int, lex: Lexicon) -> Span | None:
    """Drop leading function words ("But Blinken") from a capitalised run."""
    while True:
        m = regex.match(r"([\p{L}'’]+)\s+", text[start:end])
        if m is None or m.group(1).lower() not in lex.function_words:
            break
        start += m.end()
    if start >= end or classify_mention(text[start:end], lex) != "name":
        return None
    return _span(text, start, end)


def _source_after_cue(text: str, pos: int, hi: int, lex: Lexicon) -> Span | None:
    while pos < hi and text[pos] in " \u00a0":
        pos += 1
    run = name_run(lex).match(text, pos, hi)
    if run is not None:
        return _name_span(text, run.start(), run.end(), lex)
    m = regex.match(
        r"(?:he|she|they|I|we)\b|(?:the|a|an|another|one)\s[^,;:.!?\"“”()]{1,80}",
        text[pos:hi],
        regex.IGNORECASE,
    )
    if m is None:
        return None
    span = _span(text, pos, _trim_end(text, pos, pos + m.end()))
    return span if len(span.text.split()) <= 10 else None


def _trimmed_source(text: str, start: int, end: int, lex: Lexicon) -> Span | None:
    seg = text[start:end]
    adv = _ADVERBIAL.search(seg)
    if adv is not None:
        end = start + adv.start()
    end = _trim_end(text, start, end)
    if start >= end or classify_mention(text[start:end], lex) is None:
        return None
    return _span(text, start, end)


def _attribution(
    text: str, cue: Span, source: Span | None, lex: Lexicon, start: int, end: int
) -> Attribution:
    kind = classify_mention(source.text, lex) if source is not None else None
    return Attribution(
        cue=cue,
        source=source if kind is not None else None,
        kind=kind or "description",
        start=min(start, cue.start),
        end=max(end, cue.end),
    )


def _quoted_to_end(text: str, pos: int, end: int) -> bool:
    """The stretch [pos, end) is one quoted sentence (a direct quote, not reported speech)."""
    closer = max(text.rfind(c, pos + 1, end + 1) for c in '"”»“')
    return closer >= end - 2


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    return end


def _span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])
