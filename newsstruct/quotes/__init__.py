"""Stage 3: quotes and their speakers.

``find_quotes(text)`` returns direct quotes (content wholly inside quote marks), mixed quotes
(reported speech holding a quoted fragment) and indirect quotes (reported speech without
marks), PARC 3.0 style, each with its cue and a speaker resolved to the fullest name the
article gives. A quote interrupted by its attribution ("…," she said, "…") and a quote running
over several paragraphs are one Quote with several pieces; a quote with no attribution of its
own that follows another takes that quote's speaker. An unclosed mark gives ``closed=False``;
short quoted words with no attribution (scare quotes, titles, nicknames) are not speech.

The sub-modules hold one idea each: :mod:`.marks` pairs quote marks, :mod:`.mentions` reads
source mentions, :mod:`.attribution` finds cues and sources, :mod:`.coref` resolves mentions to
names, :mod:`.transcript` reads the turns of a transcript or Q&A (on request), :mod:`.words`
loads the word lists.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Literal, TypeVar

import attrs
import regex

from ..lexicons import Lexicon, lexicon_for
from ..patterns import compile_re
from ..records import Paragraph, Quote, Sentence, Span, Speaker
from ..text import check_text, check_typewriter
from .attribution import (
    MARKS,
    Attribution,
    attribution_after,
    attribution_before,
    attribution_next_line,
    attribution_sentence,
    make_attribution,
)
from .coref import Entities, Entity, is_age_description, resolve, speaker_chains
from .marks import Segment, find_segments
from .mentions import CORPORATE_SUFFIX, NEAR, Doc, Mention, np_after
from .reported import reported_speech
from .sources import LETTERS
from .transcript import find_turns
from .words import quote_words

__all__ = ["find_quotes", "speaker_mentions"]

# A quoted stretch with no attribution is speech only when it is this long (in words) or ends
# like a sentence; shorter ones are scare quotes, titles, cited words.
_MIN_SPEECH_WORDS = 6
_SENTENCE_END = tuple(".!?,…")
# How far before an opening mark a lead-in is read (sentences can be very long in bad input).
_MAX_LEAD = 400
_LEAD_IN_END = (",", ":", ";", "—", "–", "-", "(", '"', "”", "“")
# Between an attribution and the next piece of the same quote: ``," she said, "`` or
# ``," she said of the plan, "``.
_BETWEEN_PIECES = compile_re(
    r"[\s,]*(?:[^.!?;\"“”„«»\n]{1,60},)?\s*(?:(?:but|and)\s*,?\s*)?", regex.V1
)
# After an attribution that ends a sentence, the next quote opens a new one: ``." "``
_NEW_SENTENCE = compile_re(r"[^.!?\"“”„«»\n]{0,200}?[.!?]\s*", regex.V1)


@attrs.frozen(kw_only=True)
class _Found:
    pieces: tuple[Span, ...]
    kind: str
    attribution: Attribution | None
    paragraph: int
    closed: bool = True
    extent: tuple[int, int] = (0, 0)  # marks (and attribution) included
    nested: bool = False  # reported speech inside a direct quote
    antecedent: Mention | None = None  # the name a lead-in gives the pronoun after the quote
    inner: Attribution | None = None  # a block quote's own attribution inside it (not its source)
    turn: bool = False  # an answer in a transcript: its speaker is its label's
    speaker: Speaker | None = None  # (for a turn)


def find_quotes(
    text: str,
    *,
    sentences: Sequence[Sentence] | None = None,
    paragraphs: Sequence[Paragraph] | None = None,
    lang: str = "en",
    lexicon: Lexicon | None = None,
    nested: bool = False,
    typewriter: bool | Literal["auto"] = "auto",
    transcripts: bool = False,
) -> tuple[Quote, ...]:
    """Find direct, mixed and indirect quotes with their cues and speakers.

    Args:
        text: The article text.
        sentences, paragraphs: Records from the segmentation stage; computed when None.
        nested: Also return reported speech inside direct quotes ("…the governor said that
            the levee would hold," Calloway said.), after the quote that holds it.
        typewriter: Read two apostrophes (``''``), and two backticks that two apostrophes
            close, as double quote marks, the typewriter convention of some news archives
            (``''We will rebuild,'' she said.``): ``"auto"`` (the default) in a text that is
            written that way (:func:`.marks.typewriter_convention`: its ``''`` pairs close
            speech and outnumber its ``"`` quotes), True in every text, False in none.
            Elsewhere ``''`` is rarely a quote (``a 12'' pipe``, ``46''``, wiki italics).
            A text read so gives the quotes of the same text written with ``"``.
        transcripts: Also read the answers of a transcript or Q&A as direct quotes
            ("CALLOWAY: We break ground in March.", "A: None."), their labels naming the
            speaker (see :mod:`.transcript`). Off by default: PARC-style annotation (and
            PolNeAR) marks no speech without quote marks.

    Raises:
        TypeError: ``text`` is not a str, or ``typewriter`` is not a bool or ``"auto"``.
        ValueError: ``typewriter`` is another str.

    >>> q, = find_quotes('"We will rebuild the pier," Mayor Ines Calloway said.')
    >>> q.text, q.kind, q.speaker.name, q.cue.text
    ('We will rebuild the pier,', 'direct', 'Ines Calloway', 'said')
    """
    check_text(text)
    check_typewriter(typewriter)
    lex = lexicon_for(lexicon, lang)
    if paragraphs is None:
        from ..segment import split_paragraphs

        paragraphs = split_paragraphs(text, lang=lang, lexicon=lex)
    if sentences is None:
        from ..segment import split_sentences

        sentences = split_sentences(text, paragraphs=paragraphs, lang=lang, lexicon=lex)
    segments = find_segments(text, paragraphs, typewriter=typewriter)
    marks = _typewriter_marks(text, segments)
    if not marks:
        return _find(text, sentences, paragraphs, segments, lex, nested, transcripts)
    # a story written with '' reads as the same story written with "
    copy = _Rewritten(text, marks)
    found = _find(
        copy.text,
        [copy.moved(s) for s in sentences],
        [copy.moved(p) for p in paragraphs],
        [copy.segment(seg) for seg in segments],
        lex,
        nested,
        transcripts,
    )
    return tuple(copy.quote(q, back=True) for q in found)


def _find(
    text: str,
    sentences: Sequence[Sentence],
    paragraphs: Sequence[Paragraph],
    segments: list[Segment],
    lex: Lexicon,
    nested: bool,
    transcripts: bool,
) -> tuple[Quote, ...]:
    words = quote_words(lex)
    doc = Doc(text, words)
    entities = Entities(doc, sentences, lex)
    direct, fragments = _direct_quotes(doc, segments, sentences, paragraphs, entities)
    para_starts = [p.start for p in paragraphs]
    # the answers of a transcript or Q&A ("CALLOWAY: …", "A: …"), unless quote marks say more
    marked = _Intervals([f.extent for f in direct])
    direct += [
        _Found(
            pieces=(t.content,),
            kind="direct",
            attribution=Attribution(cue=t.colon, source=None, start=t.label.start, end=t.colon.end),
            paragraph=t.paragraph,
            extent=(t.label.start, t.content.end),
            turn=True,
            speaker=t.speaker,
        )
        for t in (
            find_turns(text, paragraphs, entities, lex.banner_words | lex.function_words)
            if transcripts
            else ()
        )
        if not any(marked.inside(k) for k in (t.content.start, t.content.end - 1))
        and not _marks_inside(text, t.content)
    ]
    # no reported speech is read inside a direct quote or from its cue; no reported content
    # may start or end inside a direct quote or its attribution
    skip = [f.extent for f in direct]
    spans = list(skip)
    for f in direct:
        for att in (f.attribution, f.inner):
            if att is not None:
                skip.append((att.cue.start, att.cue.end))
                src = att.source
                if src is not None and src.end < att.cue.start:
                    # "She said her side had … and called the penalty "soft."": what stands
                    # between the source and the cue may be a clause of its own
                    spans += [(att.start, src.end), (att.cue.start, att.end)]
                else:
                    spans.append((att.start, att.end))
    covered = _Intervals(spans)
    opens = sorted(f.open for f in fragments)
    reported = []
    for r in reported_speech(doc, sentences, skip):
        c = r.content
        if covered.inside(c.end - 1) and not covered.inside(c.start):
            c = _before_colon_quote(text, c, fragments, direct)
        pieces = (c,) if r.lead is None else (r.lead, c)
        first = pieces[0].start
        if covered.inside(first) or covered.inside(c.start) or covered.inside(c.end - 1):
            continue
        k = bisect.bisect_left(opens, first)
        mixed = k < len(opens) and opens[k] < c.end
        reported.append(
            _Found(
                pieces=pieces,
                kind="mixed" if mixed else "indirect",
                attribution=r.attribution,
                paragraph=bisect.bisect_right(para_starts, first) - 1,
                extent=(first, c.end),
            )
        )
    inner = _nested(doc, sentences, direct, para_starts) if nested else []
    found = sorted(direct + _dedupe(reported) + inner, key=lambda f: f.pieces[0].start)
    return _with_speakers(text, found, entities)


_R = TypeVar("_R", Sentence, Paragraph, Span)


def _typewriter_marks(text: str, segments: list[Segment]) -> list[int]:
    """Where the segments open or close with a typewriter mark (``''``, ``` `` ```), in order."""
    return [
        pos
        for seg in segments
        if not seg.single
        for pos in (seg.open, seg.close)
        if pos is not None and text[pos] in "'`"
    ]


class _Rewritten:
    """``text`` with the typewriter marks at ``marks`` written as ``"`` (every rule of the
    stage knows ``"``, so the story reads as the same story written with ``"``), and its
    records moved between the two texts."""

    def __init__(self, text: str, marks: list[int]) -> None:
        self.original = text
        self._ends = [pos + 2 for pos in marks]
        self._opens = [pos - k for k, pos in enumerate(marks)]  # the marks in the copy
        parts = []
        last = 0
        for pos in marks:
            parts += [text[last:pos], '"']
            last = pos + 2
        self.text = "".join([*parts, text[last:]])

    def to_copy(self, i: int) -> int:
        return i - bisect.bisect_left(self._ends, i + 1)

    def back(self, i: int) -> int:
        return i + bisect.bisect_left(self._opens, i)

    def moved(self, r: _R, *, back: bool = False) -> _R:
        """``r`` in the copy (in the original with ``back``)."""
        to, text = (self.back, self.original) if back else (self.to_copy, self.text)
        start, end = to(r.start), to(r.end)
        return attrs.evolve(r, start=start, end=end, text=text[start:end])

    def quote(self, q: Quote, *, back: bool = False) -> Quote:
        """``q`` in the copy (in the original with ``back``)."""
        whole = self.moved(Span(start=q.start, end=q.end, text=""), back=back)
        speaker = q.speaker
        if speaker is not None and speaker.mention is not None:
            speaker = attrs.evolve(speaker, mention=self.moved(speaker.mention, back=back))
        return attrs.evolve(
            q,
            start=whole.start,
            end=whole.end,
            text=whole.text,
            pieces=tuple(self.moved(p, back=back) for p in q.pieces),
            speaker=speaker,
            cue=None if q.cue is None else self.moved(q.cue, back=back),
        )

    def segment(self, seg: Segment) -> Segment:
        return attrs.evolve(
            seg,
            open=self.to_copy(seg.open),
            close=None if seg.close is None else self.to_copy(seg.close),
            after=self.to_copy(seg.after),
            start=self.to_copy(seg.start),
            end=self.to_copy(seg.end),
        )


def speaker_mentions(
    text: str,
    quotes: Sequence[Quote],
    *,
    sentences: Sequence[Sentence] | None = None,
    lang: str = "en",
    lexicon: Lexicon | None = None,
    typewriter: bool | Literal["auto"] = "auto",
) -> dict[str, tuple[Span, ...]]:
    """Where the article mentions each speaker of ``quotes``: a rule-based coreference chain.

    For every speaker name of ``quotes``, in the order the quotes give them, the spans of
    every name in the text that resolves to that speaker (full name, surname, titled forms;
    a surname shared by two people goes to the one named nearest before it, as in
    :func:`find_quotes`); every mention the quotes attach to it ("he", "the secretary") and
    the relative pronoun between it and the cue ("Mike Lenn, who declared"); every "he" or
    "she" that is the subject of a verb of saying ("he said", "said she") when the nearest
    person of that gender named before it is the speaker. Unnamed sources ("a senior
    official") have only their own mentions.

    Args:
        text: The article text the quotes were found in.
        quotes: Records from :func:`find_quotes` on ``text``.
        sentences: Records from the segmentation stage; computed when None.
        typewriter: Read ``''…''`` as quote marks, as :func:`find_quotes` does (give the
            same value).

    >>> text = 'Sen. Ada Kasich spoke first. "We will vote," Kasich said. "Soon," she added.'
    >>> chains = speaker_mentions(text, find_quotes(text))
    >>> [m.text for m in chains["Ada Kasich"]]
    ['Sen. Ada Kasich', 'Kasich', 'she']
    """
    check_text(text)
    check_typewriter(typewriter)
    lex = lexicon_for(lexicon, lang)
    if sentences is None:
        from ..segment import split_sentences

        sentences = split_sentences(text, lang=lang, lexicon=lex)
    marks: list[int] = []
    if typewriter and ("''" in text or "``" in text):
        from ..segment import split_paragraphs

        paragraphs = split_paragraphs(text, lang=lang, lexicon=lex)
        marks = _typewriter_marks(text, find_segments(text, paragraphs, typewriter=typewriter))
    # read in the copy with " for '' where find_quotes reads the quotes so
    copy = _Rewritten(text, marks)
    if marks:
        sentences = [copy.moved(s) for s in sentences]
        quotes = [copy.quote(q) for q in quotes]
    chains = speaker_chains(Entities(Doc(copy.text, quote_words(lex)), sentences, lex), quotes)
    return {
        name: tuple(copy.moved(Span(start=s, end=e, text=""), back=True) for s, e in spans)
        for name, spans in chains.items()
    }


def _nested(
    doc: Doc, sentences: Sequence[Sentence], direct: list[_Found], para_starts: list[int]
) -> list[_Found]:
    """Reported speech whose cue, source and content lie inside one piece of a direct quote."""
    pieces = sorted((p for f in direct for p in f.pieces), key=lambda p: p.start)
    starts = [p.start for p in pieces]
    skip = [(f.attribution.cue.start, f.attribution.cue.end) for f in direct if f.attribution]
    out: list[_Found] = []
    for r in reported_speech(doc, sentences, skip):
        k = bisect.bisect_right(starts, r.attribution.start) - 1
        if k < 0:
            continue
        piece = pieces[k]
        c = r.content
        if not piece.start <= r.attribution.start < c.start < piece.end:
            continue
        end = min(c.end, piece.end)
        while end > c.start and not doc.text[end - 1].isalnum():
            end -= 1
        if end <= c.start:
            continue
        content = Span(start=c.start, end=end, text=doc.text[c.start : end])
        out.append(
            _Found(
                pieces=(content,),
                kind="indirect",
                attribution=r.attribution,
                paragraph=bisect.bisect_right(para_starts, c.start) - 1,
                extent=(c.start, end),
                nested=True,
            )
        )
    return _dedupe(out)


def _marks_inside(text: str, span: Span) -> bool:
    """The span holds a double quote mark: quotes there are read as quotes, with their own
    attributions."""
    return any(c in span.text for c in MARKS)


class _Intervals:
    """Spans (direct quotes and their attributions), to ask whether a position is inside one."""

    def __init__(self, spans: list[tuple[int, int]]):
        # the merged spans as two lists of ints, not a list per span: thousands of small
        # lists would outlive the call's young objects and wake the full garbage collection
        starts: list[int] = []
        ends: list[int] = []
        for lo, hi in sorted(s for s in spans if s[1] > s[0]):
            if ends and lo <= ends[-1]:
                ends[-1] = max(ends[-1], hi)
            else:
                starts.append(lo)
                ends.append(hi)
        self._starts = starts
        self._ends = ends

    def inside(self, pos: int) -> bool:
        k = bisect.bisect_right(self._starts, pos) - 1
        return k >= 0 and self._starts[k] < pos < self._ends[k]


def _before_colon_quote(text: str, c: Span, fragments: list[Segment], direct: list[_Found]) -> Span:
    """Reported content that runs on into a direct quote led in by a colon ends with the
    quoted words before it: ``what he called the Harbor "Rust Council," echoed in his plea of
    1988: "…"`` (``the Harbor "Rust Council,"``; the quote after the colon is a quote of its
    own). Otherwise ``c`` as it is."""
    ahead = [f.extent[0] for f in direct if f.extent[0] < c.end - 1 < f.extent[1]]
    if len(ahead) != 1:
        return c
    frag = [g for g in fragments if c.start < g.open and g.close is not None and g.after < ahead[0]]
    if not frag:
        return c
    end = max(g.after for g in frag)
    m = _PARTICIPLE_COLON.match(text, end, min(c.end, end + 120))
    if m is None or text[m.end() - 1] not in '"“' or not m.group("verb").endswith(("ed", "ing")):
        return c
    return Span(start=c.start, end=end, text=text[c.start : end])


def _dedupe(reported: list[_Found]) -> list[_Found]:
    """Keep the first of overlapping reported contents."""
    out: list[_Found] = []
    for f in sorted(reported, key=lambda f: (f.extent[0], -f.extent[1])):
        if out and f.extent[0] < out[-1].extent[1]:
            continue
        out.append(f)
    return out


def _direct_quotes(
    doc: Doc,
    segments: list[Segment],
    sentences: Sequence[Sentence],
    paragraphs: Sequence[Paragraph],
    entities: Entities,
) -> tuple[list[_Found], list[Segment]]:
    """Group segments into direct quotes; return them and the leftover short fragments."""
    text = doc.text
    found: list[_Found] = []
    fragments: list[Segment] = []
    sentence_starts = [s.start for s in sentences]
    sentence_ends = [s.end for s in sentences]
    i = 0
    while i < len(segments):
        if segments[i].start == segments[i].end and not segments[i].continues:
            i += 1  # '""': nothing quoted (a run of bare marks costs nothing)
            continue
        if _nickname(text, segments[i]):
            i += 1  # Tommy "The Hammer" Rourke said, "…": a nickname, no piece of the quote
            continue
        group = [segments[i]]
        while group[-1].continues and i + 1 < len(segments):
            i += 1
            group.append(segments[i])
        para = paragraphs[group[-1].paragraph]
        after = attribution_after(doc, group[-1], para.end)
        # the quote ends its sentence: an attribution after it opens the next one
        new_sentence = after is not None and _ends_sentence(text, group[-1], sentence_ends)
        if after is not None and new_sentence:
            # "… the timing." Gov. Ruiz said it would …: a new sentence, not an attribution
            k = bisect.bisect_right(sentence_ends, after.end - 1)
            rest = text[after.end : sentence_ends[k]] if k < len(sentence_ends) else ""
            fpara = paragraphs[group[0].paragraph]
            lo = max(
                _sentence_start(group[0].open, sentence_starts, fpara), group[0].open - _MAX_LEAD
            )
            if len(rest.split()) > 4 or _mid_sentence(text, lo, group[0].open):
                # (nor is the next sentence's cue that of a quote opened inside a clause:
                # 'accused him of "…." Okonkwo laughed.')
                after = None
        if after is not None:
            i = _join_pieces(doc, segments, i, group, after, paragraphs)
        elif group[-1].close is not None and group[-1].paragraph + 1 < len(paragraphs):
            after = attribution_next_line(doc, group[-1], para, paragraphs[group[-1].paragraph + 1])
        i += 1
        first = group[0]
        fpara = paragraphs[first.paragraph]
        lo = max(_sentence_start(first.open, sentence_starts, fpara), first.open - _MAX_LEAD)
        if (
            lo > fpara.start
            and _ALNUM.search(text, lo, first.open) is None
            and _ends_with_colon(text, fpara.start, first.open)
        ):
            # the splitter ended a sentence inside a lead-in: "Rep. Lila Marsh (D-Ore.):"
            lo = max(_sentence_start(lo - 1, sentence_starts, fpara), first.open - _MAX_LEAD)
        before = attribution_before(doc, lo, first.open)
        block_lead = False  # the lead-in is a paragraph of its own, ending in a colon
        if before is None and first.open == fpara.start and first.paragraph > 0:
            before = _paragraph_lead_in(doc, first.paragraph, paragraphs, sentence_starts)
            block_lead = before is not None
        if before is not None and not _plausible_colon(text, before, entities):
            before = None
        if before is None and after is None and lo == first.open:
            k = bisect.bisect_right(sentence_starts, first.open - 1) - 1
            if k >= 0 and sentences[k].start >= fpara.start and sentences[k].end <= first.open:
                before = attribution_sentence(doc, sentences[k].start, sentences[k].end)
        if after is None and before is None and group[-1].close is not None:
            after = _message_from(doc, group[-1].after, para.end)
        attribution = after
        antecedent = None
        inner = None
        if attribution is None or (
            before is not None
            and (
                (
                    before.start >= fpara.start
                    and (
                        _better(text, before, after)
                        or _colon_then_stop(text, before, group)
                        # 'Quell said, "We are close." A reporter asked …': the cue after the
                        # quote is the next sentence's, the lead-in is the quote's
                        or new_sentence
                    )
                )
                or (block_lead and _inside_block(before, after, group, fpara.end))
            )
        ):
            if not new_sentence and _names_pronoun_after(text, before, after):
                # "Rhimes declared: "…," she said": the quote's own cue is "she said", and
                # "she" is Rhimes
                antecedent = before.source if before is not None else None
            else:
                inner = after if block_lead else None
                attribution = before
        content = [Span(start=s.start, end=s.end, text=text[s.start : s.end]) for s in group]
        content = [p for p in content if p.start < p.end]
        if not content:
            continue
        if len(group) == 1 and _name_like(text, first):
            continue  # a nickname or a title: Marcia "Cia" Price, CNN's "Face the Nation"
        if len(group) == 1 and _work_title(doc, first, after):
            fragments.append(first)  # her new novel, "The Salt Road," was …: part of a clause
            continue
        inline = _mid_sentence(text, lo, first.open)
        n_words = sum(len(p.text.split()) for p in content)
        lead_in = before is not None and attribution is before
        follow_on = attribution is None and _follows_attributed(text, found, first)
        if not follow_on and (
            (inline and not lead_in and (attribution is None or n_words < _MIN_SPEECH_WORDS))
            or (attribution is None and not _looks_like_speech(text, group, paragraphs))
            or (
                first.single
                and attribution is None
                and len(group) == 1
                and not _headline_quote(text, group, paragraphs)
            )
        ):
            fragments.extend(group)
            continue
        if attribution is None and _headline_quote(text, group, paragraphs):
            attribution = _headline_speaker(doc, group[0], paragraphs)
        found.append(
            _Found(
                pieces=tuple(content),
                kind="direct",
                attribution=attribution,
                paragraph=first.paragraph,
                closed=all(s.close is not None or s.continues for s in group),
                extent=(first.open, group[-1].after),
                antecedent=antecedent,
                inner=inner,
            )
        )
    return found, fragments


def _join_pieces(
    doc: Doc,
    segments: list[Segment],
    i: int,
    group: list[Segment],
    after: Attribution,
    paragraphs: Sequence[Paragraph],
) -> int:
    """Append to ``group`` the pieces that ``after`` interrupts: ``"…," she said, "…"`` and
    ``"…," she said. "…"`` (an unattributed quote opening the next sentence); return the index
    of the last segment taken."""
    text = doc.text
    anchor = after.end
    while i + 1 < len(segments):
        nxt = segments[i + 1]
        if nxt.paragraph != group[-1].paragraph:
            break
        if nxt.open < anchor or _nickname(text, nxt):
            # inside the attribution: told WKRN's "Harbor Morning", said Tommy "The Hammer" Rourke
            i += 1
            continue
        between = text[anchor : nxt.open]
        comma = (
            anchor == after.end
            and _BETWEEN_PIECES.fullmatch(between) is not None
            and _comma_joined(text, group[-1], after, nxt)
            and not _own_source(doc, nxt, paragraphs)
            and not _own_lead_in(doc, after.end, nxt.open)
        )
        sentence = (
            _NEW_SENTENCE.fullmatch(between) is not None
            or (anchor > after.end and between.strip() == "")
        ) and attribution_after(doc, nxt, paragraphs[nxt.paragraph].end) is None
        if not (comma or sentence):
            break
        i += 1
        group.append(nxt)
        # it may run on over paragraphs, unless a piece there has an attribution of its own
        while (
            group[-1].continues
            and i + 1 < len(segments)
            and attribution_after(doc, segments[i + 1], paragraphs[segments[i + 1].paragraph].end)
            is None
        ):
            i += 1
            group.append(segments[i])
        anchor = group[-1].after
    return i


def _inside_block(
    before: Attribution, after: Attribution | None, group: list[Segment], first_end: int
) -> bool:
    """A block quote led in by a paragraph that names its source, and attributed after a later
    paragraph of the block: that attribution is the quoted text's own ("… the shooting," Farrow
    said.\"), the block is the lead-in's."""
    return (
        after is not None
        and len(group) > 1
        and after.start > first_end
        and before.source is not None
        and before.source.kind in ("name", "org", "description", "group")
    )


def _better(text: str, before: Attribution, after: Attribution | None) -> bool:
    """Prefer the lead-in when the attribution after the quote names nobody, only a pronoun
    where the lead-in names the source (``Fallon fired back: "…," he wrote``), or leads into
    the next quote (``Ruiz replied, "…" Mills then wrote back, "…"``)."""
    if after is None or after.source is None or _LEADS_ON.match(text, after.end) is not None:
        return True
    if before.source is None or before.source.kind not in ("name", "org"):
        return False
    return after.source.kind == "pronoun"


# an attribution that is followed by a comma or colon and an opening mark leads into that quote
_LEADS_ON = compile_re(r"[^.!?\"“”„«»\n]{0,40}?[,:]\s*[\"“„«]", regex.V1)


def _colon_then_stop(text: str, before: Attribution, group: list[Segment]) -> bool:
    """A lead-in with a colon right before the quote, and the quote's sentence ends inside
    its marks (``Fr Liam Doherty said: "All are welcome." Callum Reid said …``): the
    attribution after it opens a sentence of its own."""
    first, last = group[0], group[-1]
    return (
        before.source is not None
        and text[before.end : first.open].strip() == ":"
        and last.close is not None
        and text[last.end - 1 : last.end] == "."
    )


def _names_pronoun_after(text: str, before: Attribution | None, after: Attribution | None) -> bool:
    """A lead-in names the source and the attribution after the quote is a pronoun that does
    not lead into the next quote: the pronoun keeps the quote, the lead-in names it."""
    return (
        before is not None
        and after is not None
        and before.source is not None
        and before.source.kind in ("name", "org")
        and after.source is not None
        and after.source.kind == "pronoun"
        and _LEADS_ON.match(text, after.end) is None
    )


def _ends_sentence(text: str, seg: Segment, sentence_ends: list[int]) -> bool:
    """A quote ending in a period closes its sentence: what follows is not its attribution
    (``"… the timing." Gov. Ruiz said it would …``). "?" and "!" do not close it
    (``"Why now?" Delmore asked.``)."""
    if seg.close is None or text[seg.end - 1 : seg.end] not in (".", "…"):
        return False
    k = bisect.bisect_left(sentence_ends, seg.after)
    return k < len(sentence_ends) and sentence_ends[k] - seg.after <= 1


def _nickname(text: str, seg: Segment) -> bool:
    """Quoted words inside a name: Tommy "The Hammer" Rourke, the "Pier Act" vote."""
    return _NAME_AFTER.match(text, seg.after) is not None and _name_like(text, seg)


def _name_like(text: str, seg: Segment) -> bool:
    """A short capitalised stretch between capitalised words (a nickname: Marcia "Cia" Price)
    or after a possessive or determiner (a title: CNN's "State of the Union", the "Pier Act")."""
    words = text[seg.start : seg.end].split()
    if not 0 < len(words) <= 6 or seg.close is None:
        return False
    if not all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words):
        return False
    before = _WORD_BEFORE.search(text, max(0, seg.open - 40), seg.open)
    if before is None:
        return False
    word = before.group(1)
    if word.endswith(("'s", "’s")) or word.lower() in _TITLE_OPENERS:
        return True
    after = text[seg.after : seg.after + 2]
    return word[:1].isupper() and len(words) <= 2 and after[:1] == " " and after[1:2].isupper()


# a capitalised word right after a closing mark: the quoted words stand inside a name
_NAME_AFTER = compile_re(r" \p{Lu}", regex.V1)

_TITLE_SMALL_WORDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"]
)
_TITLE_OPENERS = frozenset(
    ["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this"]
)
_WORD_BEFORE = compile_re(r"(?r)([\p{L}'’.\-]+)\s+$", regex.V1)


# small words a title may hold in lower case ("Crippled America: How to Make America Great")
_TITLE_LOWER = _TITLE_SMALL_WORDS | frozenset(
    ["as", "but", "from", "into", "nor", "off", "up", "vs."]
)
_TITLE_WORD = compile_re(r"[\p{Lu}\p{N}]", regex.V1)
_BEFORE_TITLE = compile_re(r"(?r)([\p{L}\-]+)(,?)\s+$", regex.V1)
_CLAUSE_GOES_ON = compile_re(r",?\s+(\p{Ll}+)", regex.V1)
_MAX_TITLE_WORDS = 10


def _work_title(doc: Doc, seg: Segment, after: Attribution | None) -> bool:
    """A title-cased stretch set inside a clause is the title of a work, not speech: right
    after a noun for a work or a name (``her new novel, "The Salt Road," was …``, ``the slogan
    "Harbor First"``), or in apposition to another noun when the clause goes on after it and
    no attribution follows (``a new ad, "Playing the Tide," in which …``)."""
    text = doc.text
    words = text[seg.start : seg.end].split()
    if seg.close is None or not 0 < len(words) <= _MAX_TITLE_WORDS:
        return False
    if _TITLE_WORD.match(words[0]) is None:
        return False
    for w in words[1:]:
        if w[:1].isalpha() and not w[:1].isupper() and w.lower().rstrip(",.:;") not in _TITLE_LOWER:
            return False
    before = _BEFORE_TITLE.search(text, max(0, seg.open - 40), seg.open)
    if before is None:
        return False
    word = before.group(1)
    if word.lower() in doc.words.works:
        return True
    if not before.group(2) or not word.islower() or len(words) < 2 or after is not None:
        return False
    if doc.words.cue(word) is not None or word in doc.words.function_words:
        return False  # "Vane said, "Night Desk," …", "and, "…""
    if not (words[-1].endswith(",") or text.startswith(",", seg.after)):
        return False
    nxt = _CLAUSE_GOES_ON.match(text, seg.after)
    return nxt is not None and nxt.group(1) not in doc.words.pronouns


def _plausible_colon(text: str, att: Attribution, entities: Entities) -> bool:
    """A colon lead-in names somebody: a pronoun, an organisation, a description, or a name
    the article knows (a lone capitalised word may be "Partial transcript as follows:")."""
    if att.cue.text != ":" or att.source is None or att.source.kind != "name":
        return True
    head = att.source.head
    if head is None:
        return False
    name = text[head[0] : head[1]].split()
    return (
        len(name) > 1
        or entities.person(name[-1], head[0]) is not None
        or _DIGEST_DASH.search(text, max(0, head[0] - 3), head[0]) is not None
    )


# "Polls missed the upset - Pollwatch: "…"": a digest line names its source after a dash
_DIGEST_DASH = compile_re(r"\s[-–—―]\s+$", regex.V1)


def _follows_attributed(text: str, found: list[_Found], seg: Segment) -> bool:
    """The quote opens the sentence after an attributed quote of its paragraph:
    ``"…," Graham asked. "Neither do I."``"""
    if not found or seg.open == 0:
        return False
    prev = found[-1]
    if prev.kind != "direct" or prev.paragraph != seg.paragraph or prev.attribution is None:
        return False
    end = max(prev.extent[1], prev.attribution.end)
    return end <= seg.open and _NEW_SENTENCE.fullmatch(text, end, seg.open) is not None


def _own_source(doc: Doc, seg: Segment, paragraphs: Sequence[Paragraph]) -> bool:
    """The piece has an attribution of its own that names someone (``"…," said Kunin``): a
    new quote, not the rest of the one before."""
    own = attribution_after(doc, seg, paragraphs[seg.paragraph].end)
    return own is not None and own.source is not None and own.source.kind != "pronoun"


# the sentence after a quote names who said it: "That was the message from Gov. Lena Marsh."
_MESSAGE_FROM = compile_re(
    r"\s*(?:(?:That|This|Such|Those|These)(?:['’]s|\s+(?:was|is|were|are|has\s+been))\s+"
    r"(?:\p{Ll}+\s+){0,3}?(?P<cue>message|word|words|warning|verdict|view|assessment|reaction"
    r"|response|answer|take|promise|pledge|plea|argument|advice|refrain|mantra|pitch)"
    r"\s+(?:from|of)\s+|So\s+(?P<cue>said|says)\s+)",
    regex.V1,
)


def _message_from(doc: Doc, pos: int, hi: int) -> Attribution | None:
    """``"…" That was the message from Gov. Lena Marsh on Tuesday.`` / ``"…" So said Marsh.``:
    a quote that ends its sentence, named in the next one."""
    text = doc.text
    m = _MESSAGE_FROM.match(text, pos, hi)
    if m is None or not text[pos : m.start("cue")].strip()[:1].isupper():
        return None
    source = np_after(doc, m.end(), hi)
    if source is None or source.kind not in ("name", "org", "description", "group"):
        return None
    return make_attribution(text, m.span("cue"), source)


def _own_lead_in(doc: Doc, lo: int, open_mark: int) -> bool:
    """Between the pieces a clause of its own names a source for the next one (``"…," Kalder
    said, though he said, "…"``): a new quote."""
    own = attribution_before(doc, lo, open_mark, colon_lead=False)
    return own is not None and own.source is not None and own.source.start >= lo


def _comma_joined(text: str, seg: Segment, after: Attribution, nxt: Segment) -> bool:
    """``"…," she said, "…"``: the first piece ends in a comma (or a dash, or no stop) and the
    attribution is followed by a comma, so one sentence runs through both pieces."""
    last = text[seg.end - 1 : seg.end] if seg.end > seg.start else ""
    if last in ".!?":
        return False
    between = text[after.end : nxt.open].strip()
    if between == "":
        between = text[after.start : nxt.open].strip()  # the object ran up to the mark
        return not between.endswith((".", "!", "?"))
    return between.endswith((",", "but", "and"))


# words of setting a paragraph that leads into a block quote may give after its cue ("As the
# Ledger's Mina Castell reported after the inspectors appear to have left the pier:")
_BLOCK_LEAD_WORDS = 20


def _paragraph_lead_in(
    doc: Doc,
    index: int,
    paragraphs: Sequence[Paragraph],
    sentence_starts: list[int],
) -> Attribution | None:
    """A paragraph ending in a colon leads into the quote that opens the next one."""
    prev = paragraphs[index - 1]
    if not prev.text.rstrip().endswith(":"):
        return None
    end = prev.start + len(prev.text.rstrip())
    lo = _sentence_start(end - 1, sentence_starts, prev)
    # "As the Harbor Ledger reported, the port was still refusing to say …:": the frame names
    # the source of the whole block
    frame = _AS_FRAME.match(doc.text, lo, end)
    if frame is not None:
        found = attribution_before(doc, lo, frame.end(), colon_lead=False)
        if found is not None and found.source is not None:
            return found
    return attribution_before(doc, lo, end, tail_words=_BLOCK_LEAD_WORDS)


# "As the Harbor Ledger reported," opening a lead-in paragraph (a short clause and a comma)
_AS_FRAME = compile_re(r"\s*As\s[^,.;:!?\n]{3,80}?,", regex.V1)


def _looks_like_speech(text: str, group: list[Segment], paragraphs: Sequence[Paragraph]) -> bool:
    words = sum(len(text[s.start : s.end].split()) for s in group)
    if len(group) > 1 or words >= _MIN_SPEECH_WORDS or _headline_quote(text, group, paragraphs):
        return True
    last = group[-1]
    opens_paragraph = paragraphs[group[0].paragraph].start == group[0].open
    return opens_paragraph and text[last.start : last.end].endswith(_SENTENCE_END)


def _headline_quote(text: str, group: list[Segment], paragraphs: Sequence[Paragraph]) -> bool:
    """A quote that opens a one-line paragraph and a colon follows: the headline shape
    "'We were lucky': residents return after wildfire"."""
    seg = group[0]
    if len(group) != 1 or seg.close is None or " " not in text[seg.start : seg.end]:
        return False
    para = paragraphs[seg.paragraph]
    return (
        para.start == seg.open
        and text.startswith(":", seg.after)
        and "\n" not in text[para.start : para.end]
        and LETTERS.search(text, seg.after, para.end) is not None
    )


def _headline_speaker(
    doc: Doc, seg: Segment, paragraphs: Sequence[Paragraph]
) -> Attribution | None:
    """The person a headline names after its quote and colon ("'I never planned to be a
    mayor': Ines Calloway on her first year"); the colon is the cue."""
    text = doc.text
    colon = seg.after
    start = colon + 1
    while start < len(text) and text[start] in " \t":
        start += 1
    m = np_after(doc, start, paragraphs[seg.paragraph].end)
    if m is None or m.kind != "name" or m.start != start:
        return None
    return make_attribution(text, (colon, colon + 1), m)


def _mid_sentence(text: str, lo: int, open_mark: int) -> bool:
    """The mark opens inside running words ("amount to "war crimes""), not a lead-in."""
    before = text[lo:open_mark].rstrip()
    return bool(before) and not before.endswith(_LEAD_IN_END)


def _sentence_start(pos: int, sentence_starts: list[int], para: Paragraph) -> int:
    """Where the sentence holding ``pos`` starts (never before its paragraph)."""
    k = bisect.bisect_right(sentence_starts, pos) - 1
    start = sentence_starts[k] if k >= 0 else para.start
    return max(start, para.start)


def _with_speakers(text: str, found: list[_Found], entities: Entities) -> tuple[Quote, ...]:
    quotes: list[Quote] = []
    previous: tuple[Speaker, Entity | None] | None = None
    prev_found: _Found | None = None
    last_direct: _Found | None = None
    last_mixed: _Found | None = None
    for f in found:
        speaker: Speaker | None = None
        cue = None
        if f.turn:  # a transcript's answer: its label says who, the story's flow untouched
            quotes.append(_quote(text, f, f.speaker, f.attribution.cue if f.attribution else None))
            continue
        if f.nested and f.attribution is not None:
            # inside a quote: resolved on its own, the story's flow of speakers untouched
            if f.attribution.source is not None:
                speaker, _ = resolve(
                    text, f.attribution.source, entities, None, close_to_previous=False
                )
            quotes.append(_quote(text, f, speaker, f.attribution.cue))
            continue
        cue = f.attribution.cue if f.attribution is not None else None
        src = f.attribution.source if f.attribution is not None else None
        if src is not None:
            close = prev_found is not None and _close(prev_found, f, entities, previous)
            if f.antecedent is not None:
                # the lead-in of the same sentence names who "she" is
                named, ent = resolve(
                    text, f.antecedent, entities, previous, close_to_previous=close
                )
                speaker = Speaker(
                    name=named.name,
                    mention=Span(start=src.start, end=src.end, text=text[src.start : src.end]),
                    resolved_by="pronoun",
                )
            else:
                replies = close and _replies(prev_found, f, entities)
                speaker, ent = resolve(
                    text, src, entities, previous, close_to_previous=close, replies=replies
                )
                if close and prev_found is not None and speaker.resolved_by in ("pronoun", "title"):
                    speaker, ent = _new_subject(text, f, prev_found, speaker, ent, entities)
            previous = (speaker, ent)
        elif (
            f.kind == "direct"
            and previous is not None
            and (
                _continues(last_direct, f)
                or _continues_reported(text, prev_found, f)
                or _colon_after(text, prev_found, last_mixed, f)
            )
        ):
            # no source written (no attribution, or a cue alone: "Adding, "…""): the last
            # speaker goes on
            speaker = attrs.evolve(previous[0], resolved_by="previous")
        if speaker is not None and (
            speaker.resolved_by == "description"
            # "the agency" again, after an earlier "the agency" read as an unnamed source
            or (
                speaker.resolved_by == "title"
                and speaker.mention is not None
                and speaker.name == speaker.mention.text
            )
        ):
            speaker = _named_org(speaker, quotes, entities)
        if src is not None or speaker is not None:
            prev_found = f
        if f.kind == "direct":
            last_direct = f
        elif f.kind == "mixed" and src is not None:
            last_mixed = f
        quotes.append(_quote(text, f, speaker, cue))
    return tuple(quotes)


_CORPORATE = compile_re(rf",?\s{CORPORATE_SUFFIX}$", regex.V1)
_FIRM_NOUNS = frozenset({"company", "firm", "corporation"})


def _named_org(speaker: Speaker, quotes: list[Quote], entities: Entities) -> Speaker:
    """ "the union said" after "the Associated Union of Drivers said": the organisation an
    earlier quote named, whose name holds the noun ("the company" after a name ending in
    "Inc."; "the agency" after any organisation one of the last quotes named); for "the
    company" or "the firm", else the company last named before ("Halvorsen Industries will
    cut 1,200 jobs, the company said"); else the description itself."""
    qwords = entities.qwords
    words = speaker.name.split()
    if len(words) != 2 or words[0].lower() != "the":
        return speaker
    noun = words[1].lower()

    def fits(name: str) -> bool:
        names = name.split()
        if noun in _BODY_NOUNS:
            return len(names) > 1 and names[-1].lower() in qwords.orgs and names[-1][:1].isupper()
        if noun in _FIRM_NOUNS and _CORPORATE.search(name):
            return True
        return len(names) > 1 and any(w.lower() == noun and w[:1].isupper() for w in names)

    # the quotes looked back over: all of an article's, but not thousands ("the company
    # said" after each of 8,000 quotes was quadratic)
    quotes = quotes[-_QUOTES_BACK:]
    if noun in _BODY_NOUNS:
        earlier = quotes[-_BODY_LOOKBACK:]
    elif noun in qwords.orgs or noun in _FIRM_NOUNS:
        earlier = quotes
    elif noun in _MAKER_NOUNS:
        if speaker.mention is not None and any(
            m.group(1).lower() == noun
            for m in _INDEFINITE_MAKER.finditer(
                entities.text, max(0, speaker.mention.start - NEAR), speaker.mention.start
            )
        ):
            return speaker  # "Ana Ruiz is a grocer in Port Ellison. The grocer said": that one
        return _business_subject(speaker, quotes, entities, noun)
    else:
        return speaker
    for q in reversed(earlier):
        other = q.speaker
        if other is not None and other.resolved_by in ("name", "alias") and fits(other.name):
            return attrs.evolve(speaker, name=other.name, resolved_by="title")
    if noun in _BODY_NOUNS:
        # none of the last quotes: an earlier one whose name holds the noun ("the agency"
        # after "the Federal Disease Control Agency said")
        for q in reversed(quotes):
            other = q.speaker
            if (
                other is not None
                and other.resolved_by in ("name", "alias")
                and any(w.lower() == noun and w[:1].isupper() for w in other.name.split()[1:])
            ):
                return attrs.evolve(speaker, name=other.name, resolved_by="title")
    if noun in qwords.orgs and noun not in _FIRM_NOUNS and speaker.mention is not None:
        # no quote named it: the organisation last named before, whose name the noun heads
        # ("The Ministry of Fisheries announced new quotas. … the ministry said")
        named = entities.org_before(speaker.mention.start, noun)
        if named is not None:
            return attrs.evolve(speaker, name=named, resolved_by="title")
    if noun in _FIRM_NOUNS and speaker.mention is not None:
        firm = entities.firm_before(speaker.mention.start, qwords.firms)
        if firm is not None:
            return attrs.evolve(speaker, name=firm, resolved_by="title")
        return _business_subject(speaker, quotes, entities)
    return speaker


# "the carmaker said", "the retailer said": nouns for a company by its trade, which no
# company name ends in
_MAKER_NOUNS = frozenset(
    {"carmaker", "automaker", "chipmaker", "drugmaker", "grocer", "insurer", "lender", "retailer"}
)
# "a grocer", "a rival lender": one the text introduces by the noun, whom "the grocer" after
# it may be
_INDEFINITE_MAKER = compile_re(
    rf"\b[Aa]n?\s++(?:[\p{{Ll}}\-]++\s++){{0,2}}?({'|'.join(sorted(_MAKER_NOUNS))})\b", regex.V1
)
# the last words of company names that tell a trade, each with the nouns for a company of
# that trade ("Harlow Motors" is a carmaker, no lender)
_TRADE_WORDS = {
    "airlines": frozenset(),
    "airways": frozenset(),
    "bancorp": frozenset({"lender"}),
    "energy": frozenset(),
    "foods": frozenset({"grocer", "retailer"}),
    "laboratories": frozenset({"drugmaker"}),
    "labs": frozenset({"drugmaker"}),
    "logistics": frozenset(),
    "mining": frozenset(),
    "motors": frozenset({"automaker", "carmaker"}),
    "petroleum": frozenset(),
    "pharmaceuticals": frozenset({"drugmaker"}),
    "rail": frozenset(),
    "railways": frozenset(),
    "steel": frozenset(),
    "studios": frozenset(),
    "telecom": frozenset(),
    "utilities": frozenset(),
}
# the verbs a company reports by as the subject of its own sentence ("Kestrel Mobility posted")
_BUSINESS_CUES = frozenset({"said", "says", "reported", "reports", "posted", "announced"})


def _business_subject(
    speaker: Speaker, quotes: list[Quote], entities: Entities, trade: str | None = None
) -> Speaker:
    """ "the company said" after "Kestrel Mobility posted a loss": the one name the earlier
    quotes give, as written, as the subject of a business verb, when it can be no person (no
    known first name, no gender, no role); several such names, or none, leave the
    description as it is. For a noun of a ``trade`` ("the lender"), not a name that ends in
    the word of another trade ("Harlow Motors missed a loan payment. The lender said": the
    carmaker's bank)."""
    qwords = entities.qwords
    found: set[str] = set()
    for q in quotes:
        other = q.speaker
        if (
            other is None
            or other.resolved_by != "name"
            or other.mention is None
            or other.mention.text != other.name
            or q.cue is None
            or q.cue.text.lower() not in _BUSINESS_CUES
            # one word may be a surname, but not one in the possessive form ("Harrow's")
            or (len(other.name.split()) < 2 and not other.name.endswith(("'s", "’s")))
            or (
                trade is not None
                and (last := other.name.split()[-1].lower()) in _TRADE_WORDS
                and trade not in _TRADE_WORDS[last]
            )
        ):
            continue
        ent = entities.orgs.get(other.name) or entities.persons.get(other.name)
        if ent is None:
            continue
        if ent.kind == "person" and (
            ent.roles
            or ent.gender is not None
            or ent.votes
            or other.name.split()[0].lower() in qwords.first_names
        ):
            continue
        found.add(other.name)
    if len(found) == 1:
        return attrs.evolve(speaker, name=found.pop(), resolved_by="title")
    return speaker


def _quote(text: str, f: _Found, speaker: Speaker | None, cue: Span | None) -> Quote:
    start, end = f.pieces[0].start, f.pieces[-1].end
    return Quote(
        start=start,
        end=end,
        text=text[start:end],
        pieces=f.pieces,
        kind=f.kind,  # type: ignore[arg-type]
        speaker=speaker,
        cue=cue,
        closed=f.closed,
    )


# nouns that stand for any organisation named just before ("the agency said")
_BODY_NOUNS = frozenset(["agency", "organization", "organisation", "body", "watchdog"])
_BODY_LOOKBACK = 3
_QUOTES_BACK = 300  # no news article has as many quotes; a pathological text may

_REPLY_LEMMAS = frozenset({"reply", "answer", "respond", "retort"})


def _replies(prev: _Found | None, f: _Found, entities: Entities) -> bool:
    """The quote's cue answers the question the previous quote's cue asked ("Tom Penn asked
    …" / ""Not this year," he replied")."""
    if prev is None or prev.attribution is None or f.attribution is None:
        return False
    words = entities.qwords
    mine = f.attribution.cue.text.split()
    theirs = prev.attribution.cue.text.split()
    if not mine or not theirs:
        return False
    reply, ask = words.cue(mine[0].lower()), words.cue(theirs[0].lower())
    return reply is not None and reply[0] in _REPLY_LEMMAS and ask is not None and ask[0] == "ask"


def _new_subject(
    text: str,
    f: _Found,
    prev: _Found,
    speaker: Speaker,
    ent: Entity | None,
    entities: Entities,
) -> tuple[Speaker, Entity | None]:
    """``he``/``she`` (or an age, ``the 31-year-old``) given to the previous quote's speaker goes
    instead to a person who opens a sentence of the quote's paragraph after the previous quote
    ("Pellham boss Gianni Roccaforte was less impressed. "…," he told reporters.")."""
    mention = speaker.mention
    if mention is None:
        return speaker, ent
    refers: str | None = entities.qwords.pronouns.get(mention.text.lower(), "")
    if speaker.resolved_by == "title" and is_age_description(mention.text):
        refers = None  # an age fits either gender
    elif speaker.resolved_by == "title" or refers not in ("male", "female"):
        return speaker, ent
    lo = prev.extent[1]
    hi = min(f.extent[0], mention.start)
    if lo >= hi:
        return speaker, ent
    other = entities.new_subject(lo, hi, refers, ent, pronoun=mention.start)
    if other is None:
        return speaker, ent
    return attrs.evolve(speaker, name=other.name), other


def _close(
    prev: _Found,
    f: _Found,
    entities: Entities,
    previous: tuple[Speaker, Entity | None] | None,
) -> bool:
    """The previous quote is near enough for "he said" to mean its speaker: same or previous
    paragraph; not a source no person of the article bears, given by "according to" (``According
    to the Ledger, Quint praised …. She also said``: "she" is a person named since)."""
    src = f.attribution.source if f.attribution is not None else None
    if (
        previous is not None
        and (previous[1] is None or previous[1].kind != "person")
        and src is not None
        and entities.text[src.start : src.end].lower() in ("he", "she")
        and prev.attribution is not None
        and prev.attribution.cue.text.lower().startswith("according")
    ):
        return False
    return prev.paragraph >= f.paragraph - 1


def _continues(last: _Found | None, f: _Found) -> bool:
    """An unattributed quote goes on from a direct quote in its paragraph or the one before."""
    return last is not None and last.paragraph in (f.paragraph, f.paragraph - 1)


def _colon_after(text: str, prev: _Found | None, last: _Found | None, f: _Found) -> bool:
    """The quote follows a colon right after the mixed quote with a source just before it, in
    its paragraph: ``calls Cruz "a chameleon": "As a candidate, …"``, or after a short
    participle clause: ``what he called the "Iron Harbor," echoed in his plea of 1987: "…"``
    (the same source goes on)."""
    if last is None or prev is not last or last.paragraph != f.paragraph:
        return False
    gap = text[last.extent[1] : f.extent[0]]
    if len(gap) <= 6:
        return ":" in gap and not any(c.isalnum() for c in gap)
    m = _PARTICIPLE_COLON.fullmatch(gap)
    return m is not None and m.group("verb").endswith(("ed", "ing"))


# the gap between a mixed quote and a quote it leads on into: ``," voiced in his demand: "``
_PARTICIPLE_COLON = compile_re(
    r"[,\"”’]{0,3}\s+(?P<verb>\p{Ll}{3,20})\b[^.!?;:\"“”\n]{0,80}:\s*[\"“]?", regex.V1
)


def _continues_reported(text: str, prev: _Found | None, f: _Found) -> bool:
    """An unattributed quote opening a paragraph goes on from the reported speech that ends the
    paragraph before: ``Ekdal shot back, saying she has "cut more ribbons."`` / ``"Frankly, …"``
    (and ``Ekdal said the council would pay.`` / ``"We have the money."``)."""
    if prev is None or prev.kind == "direct" or prev.paragraph != f.paragraph - 1:
        return False
    if f.attribution is not None:
        return False  # a cue of its own with no source: "Blumenthal was asked, "…""
    start = f.extent[0]
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()


_ALNUM = compile_re(r"[\p{L}\p{N}]", regex.V1)
_LAST_NON_SPACE = compile_re(r"(?r)\S", regex.V1)


def _ends_with_colon(text: str, lo: int, hi: int) -> bool:
    """``text[lo:hi].rstrip().endswith(":")`` without copying the stretch."""
    m = _LAST_NON_SPACE.search(text, lo, hi)
    return m is not None and m.group() == ":"
