"""Stage 3: quotes and their speakers.

``find_quotes(text)`` returns direct quotes (content wholly inside quote marks), mixed quotes
(reported speech holding a quoted fragment) and indirect quotes (reported speech without
marks), PARC 3.0 style, each with its cue and a speaker resolved to the fullest name the
article gives. A quote interrupted by its attribution ("…," she said, "…") and a quote running
over several paragraphs are one Quote with several pieces. An unclosed mark gives
``closed=False``; short quoted words with no attribution (scare quotes, titles) are not speech.

The sub-modules hold one idea each: :mod:`.marks` pairs quote marks, :mod:`.attribution`
finds cues and source mentions, :mod:`.speakers` resolves mentions to names.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from ..lexicons import Lexicon, load_lexicon
from ..records import Paragraph, Quote, Sentence, Span, Speaker
from ..text import check_text
from .attribution import Attribution, attribution_after, attribution_before, reported_speech
from .marks import Segment, find_segments
from .speakers import Person, find_people, resolve

__all__ = ["find_quotes"]

# A quoted stretch with no attribution is speech only when it is this long (in words) or ends
# like a sentence; shorter ones are scare quotes, titles, cited words.
_MIN_SPEECH_WORDS = 6
_SENTENCE_END = tuple(".!?,…")


@attrs.frozen(kw_only=True)
class _Found:
    pieces: tuple[Span, ...]
    kind: str
    attribution: Attribution | None
    paragraph: int
    closed: bool = True
    carry: bool = False  # no attribution of its own: takes the previous speaker


def find_quotes(
    text: str,
    *,
    sentences: Sequence[Sentence] | None = None,
    paragraphs: Sequence[Paragraph] | None = None,
    lang: str = "en",
    lexicon: Lexicon | None = None,
) -> tuple[Quote, ...]:
    """Find direct, mixed and indirect quotes with their cues and speakers.

    Args:
        text: The article text.
        sentences, paragraphs: Records from the segmentation stage; computed when None.

    >>> q, = find_quotes('"We will rebuild the pier," Mayor Ines Calloway said.')
    >>> q.text, q.kind, q.speaker.name, q.cue.text
    ('We will rebuild the pier,', 'direct', 'Ines Calloway', 'said')
    """
    check_text(text)
    lex = lexicon if lexicon is not None else load_lexicon(lang)
    if paragraphs is None:
        from ..segment import split_paragraphs

        paragraphs = split_paragraphs(text, lang=lang, lexicon=lex)
    if sentences is None:
        from ..segment import split_sentences

        sentences = split_sentences(text, paragraphs=paragraphs, lang=lang, lexicon=lex)
    segments = find_segments(text, paragraphs)
    direct, fragments = _direct_quotes(text, segments, sentences, paragraphs, lex)
    para_starts = [p.start for p in paragraphs]
    covered = [(q.pieces[0].start - 1, q.pieces[-1].end + 1) for q in direct]
    for q in direct:
        if q.attribution is not None:
            covered.append((q.attribution.start, q.attribution.end))
    reported = [
        _Found(
            pieces=(r.content,),
            kind="mixed"
            if any(r.content.start <= f.start < r.content.end for f in fragments)
            else "indirect",
            attribution=r.attribution,
            paragraph=bisect.bisect_right(para_starts, r.content.start) - 1,
        )
        for r in reported_speech(text, sentences, lex)
        if not any(lo <= r.attribution.cue.start < hi for lo, hi in covered)
        and not any(lo < r.content.start < hi for lo, hi in covered)
    ]
    found = sorted(direct + reported, key=lambda f: f.pieces[0].start)
    return _with_speakers(text, found, find_people(text, lex), lex)


def _direct_quotes(
    text: str,
    segments: list[Segment],
    sentences: Sequence[Sentence],
    paragraphs: Sequence[Paragraph],
    lex: Lexicon,
) -> tuple[list[_Found], list[Segment]]:
    """Group segments into direct quotes; return them and the leftover short fragments."""
    found: list[_Found] = []
    fragments: list[Segment] = []
    sentence_starts = [s.start for s in sentences]
    i = 0
    while i < len(segments):
        group = [segments[i]]
        while group[-1].continues and i + 1 < len(segments):
            i += 1
            group.append(segments[i])
        para = paragraphs[group[-1].paragraph]
        after = attribution_after(text, group[-1], para, lex)
        # "…," she said, "…": the attribution sits between two pieces of one quote
        while (
            after is not None
            and i + 1 < len(segments)
            and segments[i + 1].paragraph == group[-1].paragraph
            and text[after.end : segments[i + 1].open].strip(" ,\u00a0") == ""
        ):
            i += 1
            group.append(segments[i])
            while group[-1].continues and i + 1 < len(segments):
                i += 1
                group.append(segments[i])
        first = group[0]
        lo = _clause_start(text, first.open, sentence_starts, paragraphs[first.paragraph])
        before = attribution_before(text, lo, first.open, lex)
        attribution = after or before
        content = [Span(start=s.start, end=s.end, text=text[s.start : s.end]) for s in group]
        content = [p for p in content if p.start < p.end]
        i += 1
        if not content:
            continue
        inline = _mid_sentence(text, lo, first.open)
        words = sum(len(p.text.split()) for p in content)
        if (inline and (attribution is None or words < _MIN_SPEECH_WORDS)) or (
            attribution is None and not _looks_like_speech(text, group, paragraphs)
        ):
            fragments.extend(group)
            continue
        found.append(
            _Found(
                pieces=tuple(content),
                kind="direct",
                attribution=attribution,
                paragraph=first.paragraph,
                closed=group[-1].close is not None,
                carry=attribution is None,
            )
        )
    return found, fragments


def _looks_like_speech(text: str, group: list[Segment], paragraphs: Sequence[Paragraph]) -> bool:
    words = sum(len(text[s.start : s.end].split()) for s in group)
    if len(group) > 1 or words >= _MIN_SPEECH_WORDS:
        return True
    last = group[-1]
    opens_paragraph = paragraphs[group[0].paragraph].start == group[0].open
    return opens_paragraph and text[last.start : last.end].endswith(_SENTENCE_END)


def _mid_sentence(text: str, lo: int, open_mark: int) -> bool:
    """The mark opens inside running words ("amount to "war crimes""), not a lead-in."""
    before = text[lo:open_mark].rstrip()
    return bool(before) and not before.endswith((",", ":", ";", "—", "–", "-", "(", '"', "”"))


def _clause_start(text: str, pos: int, sentence_starts: list[int], para: Paragraph) -> int:
    """Where the sentence holding ``pos`` starts (never before its paragraph)."""
    k = bisect.bisect_right(sentence_starts, pos) - 1
    start = sentence_starts[k] if k >= 0 else para.start
    return max(start, para.start)


def _continues(last: _Found | None, f: _Found) -> bool:
    """An unattributed quote goes on from a direct quote in its paragraph or the one before."""
    return (
        last is not None
        and last.kind == "direct"
        and last.paragraph in (f.paragraph, f.paragraph - 1)
    )


def _with_speakers(
    text: str, found: list[_Found], people: list[Person], lex: Lexicon
) -> tuple[Quote, ...]:
    quotes: list[Quote] = []
    previous: Speaker | None = None
    last: _Found | None = None
    for f in found:
        speaker: Speaker | None = None
        cue = None
        if f.attribution is not None:
            cue = f.attribution.cue
            if f.attribution.source is not None:
                speaker = resolve(f.attribution.source, f.attribution.kind, people, previous, lex)
        elif f.carry and previous is not None and _continues(last, f):
            speaker = attrs.evolve(previous, mention=None, resolved_by="previous")
        if speaker is not None:
            previous = speaker
        last = f
        start, end = f.pieces[0].start, f.pieces[-1].end
        quotes.append(
            Quote(
                start=start,
                end=end,
                text=text[start:end],
                pieces=f.pieces,
                kind=f.kind,  # type: ignore[arg-type]
                speaker=speaker,
                cue=cue,
                closed=f.closed,
            )
        )
    return tuple(quotes)
