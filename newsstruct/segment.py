"""Stage 2: paragraphs, sentences and the wire dateline.

``split_paragraphs`` reads three layouts: blank-line separated blocks, one paragraph a line
(web copy) and hard-wrapped lines (joined back into their paragraph). Boilerplate lines are left
out and break paragraphs. ``split_sentences`` runs nltk's Punkt inside each paragraph, with
parameters built from our own abbreviation lexicon (no model download), so a sentence never
crosses a paragraph. ``find_dateline`` reads "WASHINGTON (AP) —" and its kin at the start of the
story. Every record is a slice of the input: nothing is rewritten.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex

from .boilerplate import find_boilerplate, iter_lines
from .lexicons import Lexicon, load_lexicon
from .records import Boilerplate, Dateline, Paragraph, Sentence
from .text import check_text

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

_TERMINAL = tuple('.!?:;"”’»)…')
# A document is hard-wrapped when most of its lines stop without terminal punctuation and
# none is much longer than a terminal line.
_WRAP_MAX_LINE = 100
_WRAP_SHARE = 0.5


def split_paragraphs(
    text: str,
    *,
    boilerplate: Sequence[Boilerplate] | None = None,
    lang: str = "en",
    lexicon: Lexicon | None = None,
) -> tuple[Paragraph, ...]:
    """Split article text into paragraphs, boilerplate excluded.

    Args:
        text: The article text.
        boilerplate: Spans to leave out; ``None`` runs :func:`find_boilerplate`, ``()`` keeps
            every line.

    >>> [p.text for p in split_paragraphs("Rain fell.\\n\\nIt stopped.\\nAdvertisement")]
    ['Rain fell.', 'It stopped.']
    """
    check_text(text)
    if boilerplate is None:
        boilerplate = find_boilerplate(text, lang=lang, lexicon=lexicon)
    lines = list(iter_lines(text))
    if not lines:
        return ()
    junk = _covered_lines(lines, boilerplate)
    wrapped = _is_hard_wrapped(text, lines)
    paragraphs: list[Paragraph] = []
    first: int | None = None
    last = 0
    for i, (start, end) in enumerate(lines):
        if i in junk:
            if first is not None:
                paragraphs.append(Paragraph(start=first, end=last, text=text[first:last]))
            first = None
            continue
        if first is not None and not (wrapped and _soft_break(text, last, start)):
            paragraphs.append(Paragraph(start=first, end=last, text=text[first:last]))
            first = None
        if first is None:
            first = start
        last = end
    if first is not None:
        paragraphs.append(Paragraph(start=first, end=last, text=text[first:last]))
    return tuple(paragraphs)


def split_sentences(
    text: str,
    *,
    paragraphs: Sequence[Paragraph] | None = None,
    lang: str = "en",
    lexicon: Lexicon | None = None,
    params: PunktParameters | None = None,
) -> tuple[Sentence, ...]:
    """Split text into sentences; none crosses a paragraph, none is empty.

    Args:
        text: The article text.
        paragraphs: Paragraphs to split; ``None`` runs :func:`split_paragraphs` with no
            boilerplate removal (every line kept).
        params: Punkt parameters to use instead of those built from the lexicon, e.g. from
            :func:`train_punkt` on your own corpus.

    >>> [s.text for s in split_sentences("Sen. Ada Marsh spoke at 3 p.m. Friday. Nobody left.")]
    ['Sen. Ada Marsh spoke at 3 p.m. Friday.', 'Nobody left.']
    """
    check_text(text)
    if paragraphs is None:
        paragraphs = split_paragraphs(text, boilerplate=(), lang=lang, lexicon=lexicon)
    lex = lexicon if lexicon is not None else load_lexicon(lang)
    tokenizer = _tokenizer_for(params) if params is not None else _lexicon_tokenizer(lex)
    sentences: list[Sentence] = []
    for index, para in enumerate(paragraphs):
        spans: list[tuple[int, int]] = []
        for start, end in tokenizer.span_tokenize(para.text):
            s, e = _strip(para.text, start, end)
            if s >= e:
                continue
            if spans and _continues_sentence(para.text, spans[-1][1], s, lex):
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
        for s, e in spans:
            s += para.start
            e += para.start
            sentences.append(Sentence(start=s, end=e, text=text[s:e], paragraph=index))
    return tuple(sentences)


def _continues_sentence(text: str, prev_end: int, start: int, lex: Lexicon) -> bool:
    """Punkt split where news text goes on: before a lower-case word ("Yahoo! in the",
    "“…great.” she said"), or between a quote ending in ? or ! and its attribution
    ("“Why now?” Johnson asked.")."""
    first = text[start]
    if first.islower():
        return True
    if text[prev_end - 2 : prev_end].rstrip("\"”’'»")[-1:] not in ("?", "!"):
        return False
    from .quotes.attribution import attribution_lead

    return attribution_lead(text, start, lex)


def punkt_parameters(lexicon: Lexicon | None = None) -> PunktParameters:
    """Punkt parameters built from a lexicon's abbreviations (no training, no download)."""
    from nltk.tokenize.punkt import PunktParameters

    lex = lexicon if lexicon is not None else load_lexicon()
    params = PunktParameters()
    params.abbrev_types = set(lex.abbreviations)
    return params


def train_punkt(corpus: str, *, lexicon: Lexicon | None = None) -> PunktParameters:
    """Train Punkt parameters on a corpus of your own text, seeded with our abbreviations.

    Pass the result as ``split_sentences(text, params=...)``. Training needs a few hundred
    kilobytes of text from your source to learn its abbreviations and collocations.
    """
    from nltk.tokenize.punkt import PunktTrainer

    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    trainer.train(check_text(corpus, "corpus"), finalize=True)
    params = trainer.get_params()
    params.abbrev_types |= punkt_parameters(lexicon).abbrev_types
    return params


# Wire datelines: "PORT ELLISON, Maine (AP) —", "LONDON, Oct 16 (Reuters) -", "(CNN) —".
_DATELINE = regex.compile(
    r"""
    (?P<loc>\p{Lu}[\p{Lu}\p{M}.'’\- ]{1,40}?(?:,\ (?!\p{Lu}{1,5}\b\ ?\()\p{Lu}[\p{L}.'’\- ]{1,25}?)?)?
    (?:,\ (?P<month>[\p{L}]{3,9})\.?\ (?P<day>\d{1,2})(?:,\ (?P<year>\d{4}))?)?
    \ ?(?:\((?P<agency>[\p{L}&.\ ]{1,30})\)\ ?)?
    (?P<dash>[—–]|--?)\ ?
    """,
    regex.VERBOSE | regex.V1,
)


def find_dateline(
    text: str,
    *,
    paragraphs: Sequence[Paragraph] | None = None,
    published: dt.date | None = None,
    lang: str = "en",
    lexicon: Lexicon | None = None,
) -> Dateline | None:
    """The dateline opening the first paragraph, if it has one.

    A dateline date without a year takes the year of ``published`` when given (the latest
    such date not after it); without either it stays None.

    >>> find_dateline("LONDON, Oct. 16, 2023 (Reuters) - Rain fell.").date
    datetime.date(2023, 10, 16)
    """
    check_text(text)
    if paragraphs is None:
        paragraphs = split_paragraphs(text, lang=lang, lexicon=lexicon)
    if not paragraphs:
        return None
    para = paragraphs[0]
    m = _DATELINE.match(para.text)
    if m is None or not (m.group("loc") or m.group("agency")):
        return None
    loc = m.group("loc")
    if loc is not None and not _looks_like_place(loc):
        return None
    if m.group("agency") is None and m.group("month") is None and "—" not in m.group("dash"):
        return None
    months = (lexicon if lexicon is not None else load_lexicon(lang)).temporal["month"]
    date = None
    if m.group("month"):
        month = months.get(m.group("month").lower()) or months.get(m.group("month").lower() + ".")
        if month is None:
            return None
        date = _dateline_date(int(month), int(m.group("day")), m.group("year"), published)
    end = para.start + m.end()
    while end > para.start and text[end - 1].isspace():
        end -= 1
    return Dateline(
        start=para.start,
        end=end,
        text=text[para.start : end],
        location=loc.strip() if loc else None,
        agency=m.group("agency").strip() if m.group("agency") else None,
        date=date,
    )


def _looks_like_place(loc: str) -> bool:
    head = loc.split(",")[0].strip()
    letters = [c for c in head if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _dateline_date(
    month: int, day: int, year: str | None, published: dt.date | None
) -> dt.date | None:
    try:
        if year is not None:
            return dt.date(int(year), month, day)
        if published is None:
            return None
        candidate = dt.date(published.year, month, day)
        if candidate > published:
            candidate = dt.date(published.year - 1, month, day)
        return candidate
    except ValueError:
        return None


def _covered_lines(lines: list[tuple[int, int]], spans: Sequence[Boilerplate]) -> set[int]:
    """Indices of lines lying wholly inside a boilerplate span."""
    covered: set[int] = set()
    if not spans:
        return covered
    ordered = sorted((b.start, b.end) for b in spans)
    j = 0
    for i, (start, end) in enumerate(lines):
        while j < len(ordered) and ordered[j][1] < end:
            j += 1
        if j < len(ordered) and ordered[j][0] <= start and end <= ordered[j][1]:
            covered.add(i)
    return covered


def _is_hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    if len(lines) < 3:
        return False
    open_ended = sum(1 for _, end in lines[:-1] if not text[end - 1 : end].endswith(_TERMINAL))
    longest = max(end - start for start, end in lines)
    return longest <= _WRAP_MAX_LINE and open_ended >= _WRAP_SHARE * (len(lines) - 1)


def _soft_break(text: str, prev_end: int, start: int) -> bool:
    """True when the break between two lines is a wrap inside one paragraph."""
    gap = text[prev_end:start]
    if gap.count("\n") + gap.count("\r") - gap.count("\r\n") > 1:
        return False
    return not text[prev_end - 1 : prev_end].endswith(_TERMINAL)


def _strip(s: str, start: int, end: int) -> tuple[int, int]:
    while start < end and s[start].isspace():
        start += 1
    while end > start and s[end - 1].isspace():
        end -= 1
    return start, end


@functools.lru_cache(maxsize=8)
def _lexicon_tokenizer(lexicon: Lexicon) -> PunktSentenceTokenizer:
    return _tokenizer_for(punkt_parameters(lexicon))


def _tokenizer_for(params: PunktParameters) -> PunktSentenceTokenizer:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    return PunktSentenceTokenizer(params)
