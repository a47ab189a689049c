"""Sentences: nltk's Punkt, with parameters from our lexicons and news rules around it.

Punkt (``PunktSentenceTokenizer``) proposes the boundaries. Its parameters come from the
lexicon files, with no training and no download:

- ``abbreviations.txt``: "Sen.", "Calif.", "U.S.", "p.m." do not end a sentence by themselves;
- ``number_abbreviations.txt``: collocations of an abbreviation with a number ("No. 4",
  "p. 55") never split;
- ``sentence_starters.txt``: after an abbreviation or an initial, a capitalised starter word
  opens a new sentence ("bound for the U.S. It never arrived", "you and I. Did you").

Around Punkt, rules it cannot learn from parameters. A boundary is withdrawn where the text
goes on:

- before a lower-case word ("Yahoo! in the", "“…great.” she said");
- before a closing mark followed by a comma, a dash or a lower-case word ("The film, “What
  Now?”, opened", "Rep. Jim Calder (D-N.C.), a member");
- between a quote ending in ? or ! and its attribution ("“Why now?” Johnson asked.");
- after dotted initials before a name or a number ("J.R. Fennimore", "H.R. 1234");
- after a list marker ("1. The first item");
- after "a.m."/"p.m." that opens the sentence ("At 5 a.m. The city woke").

A boundary is added:

- after "a.m."/"p.m." followed by a capitalised word (or a quote mark and one) that is not a
  weekday, month or time zone, once the sentence has a clause ("The fire started at 8 p.m.
  Officials said", "heard a bang at 6 a.m. “I ran outside");
- after an abbreviation that ends a name, a company or a place (``final_abbreviations.txt``)
  before a quote that opens with a capital ("said Arthur Reed Jr. “It is …");
- after a lower-case word that an article makes a noun, though it is written like an
  abbreviation ("Brig.", "Fig."), before a capital or a quote opening with one ("a night in
  the brig. “It was cold,” he said");
- after an ellipsis of four dots, or of three before a starter word ("I meant that.... She
  left"); when a period is followed by a spaced ellipsis, the period ends the sentence and the
  ellipsis opens the next ("compounds. . . . The practice");
- between sentences glued together without a space, as text scraped from a page often is
  ("met on Tuesday.The vote", "cost $1,200.That is", "the seawall?The county"): a word ending
  in two lower-case letters or digits (no abbreviation), a period or a question mark (not "!",
  as in "Yahoo!Japan"), then a word of a capital and lower-case letters that ends at a space
  or a comma, colon, semicolon or closing mark, or a title ("Tuesday.Mr. Smith"); after a
  capitalised word other than a weekday or a month, only a sentence starter ("Dunmore.Nobody",
  not "Yandex.Taxi"); never inside a web or e-mail address, nor before a domain
  ("Overstock.Com") or a name in code ("Console.WriteLine", "Math.Round(x)");
- before each item of an inline list ("1) The first item 2) The second item").
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import regex

from .. import limits
from ..lexicons import Lexicon, lexicon_for, load_lexicon
from ..patterns import compile_re, in_place
from ..records import Paragraph, Sentence
from ..text import check_text
from .paragraphs import split_paragraphs

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

# Ellipses: "...", "....", ". . .", ". . . .", "…". Punkt sees them masked (same length, no
# period) and the ellipsis rule decides.
_ELLIPSIS = compile_re(r"\.{3,}+|\.(?:[ \u00a0]\.){2,}+|…", regex.V1)
_MASK = "_"
_CLOSERS = "\"'”’»)]"
_CONTINUERS = "—–,;"
_OPENERS = "\"'“‘«(["
_WORD = compile_re(r"\p{L}[\p{L}\p{M}'’.\-]*+", regex.V1)
_INITIALS = compile_re(r"(?:\p{Lu}\.){2,}+", regex.V1)
# a number after dotted initials, not a year that may open the next sentence
_BILL_NUMBER = compile_re(in_place(r"(?!(?:19|20)\d\d\b)\d++(?![.,]?\d)"), regex.V1)
_TIME = compile_re(r"(?<=\d[ \u00a0]?)[ap]\.m\.", regex.V1 | regex.IGNORECASE)
# Inline list markers: "1.", "1)", "1.)", "a.", with an optional bullet ("• 9.", "⁃10.").
_MARKER = compile_re(
    r"(?<!\S)[•◦▪‣⁃∙*-]?[ \u00a0]?(?:(?P<num>\d{1,3})|(?P<let>[a-z]))(?P<punct>\.\)|\.|\))"
    r"(?=[ \u00a0]++[\p{Lu}\"“])",
    regex.V1,
)
# Where a list marker can stand: a number or a letter with its period or parenthesis, after
# a space, a bullet or the start. Every _MARKER match holds one, and most paragraphs hold
# none, so this quick scan spares the slower full one. It looks for the period or parenthesis
# and checks the few characters before it and the space after it: a scan for the rarer last
# character is several times faster than one that tries the space or bullet at every
# position. The full scan starts a few characters before the first hint.
_MARKER_HINT = compile_re(
    r"(?<=(?:^|[\s•◦▪‣⁃∙*\-])(?:\d{1,3}|[a-z]))[.)](?=\)?[ \u00a0])", regex.V1
)
# A marker starts at most this many characters before its period or parenthesis ("• 123.").
_MARKER_LEAD = 5
# Any character that can end a sentence or a list marker, and one that ends the text.
_ANY_END = compile_re(r"[.?!…)]", regex.V1)
_FINAL_END = compile_re(r"[.?!…][\"'”’»\]]*+\s*+$", regex.V1)
# A period or question mark between two words with no space ("!" is in names: "Yahoo!Japan"):
# two lower-case letters or digits before it,
# a word of a capital and lower-case letters after it that ends the word (at a space, a
# sentence mark, a comma, colon or semicolon, or a closing mark; not at a bracket or another
# capital: a name in code; at a period only as an abbreviation, "Tuesday.Mr. Smith")
_GLUED = compile_re(
    r"[.?](?<=[\p{Ll}\p{Nd}][\p{Ll}\p{Nd}][.?])(?P<closer>[\"'”’)]?+)"
    r"(?P<next>\p{Lu}\p{Ll}++)(?P<dot>\.)?+(?=[\s,;:?!\"'”’)]|$)",
    regex.V1,
)
# the word before the mark: the last run of letters and digits of the token
_GLUED_WORD = compile_re(r"(?r)[\p{L}\p{Nd},]++$", regex.V1)
# the ends of web addresses written with a capital ("Overstock.Com")
_DOMAINS = frozenset(["com", "net", "org", "edu", "gov", "co", "io", "info", "biz", "tv"])
# Punkt reads long paragraphs in chunks of about this many characters (see _punkt_cuts).
_CHUNK = 20_000
_MARGIN = 500
# Words after "8 p.m." that keep the time in its sentence, besides weekdays, months and zones.
_TIME_FOLLOWERS = frozenset({"eastern", "central", "pacific", "mountain", "atlantic", "local"})
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it"})
# How far an attribution may run after a closing quote: "“Why?” Sen. Ada Marsh asked."
_MAX_LEAD_WORDS = 5
# Tokens looked at before a boundary are cut to this length (keeps every check bounded).
_MAX_TOKEN = 40
# Quote marks that may open the sentence after "8 p.m." (with a space before them).
_OPENING_QUOTES = frozenset('"“‘«')
# the quote marks that open a sentence after an abbreviation that ends one
_QUOTE_OPENERS = ('"', "“", "«")
# a lower-case word after an article, its period, then a capital or a quote opening with one:
# "in the brig. “It was cold”" (the noun, though "Brig." is a title)
_ARTICLE_NOUN = compile_re(
    r"\b(?:[Tt]he|[Aa]n?)[ \u00a0]+((\p{Ll}+)\.)(?=[ \u00a0]+[\"“«]?\p{Lu})", regex.V1
)
_MAX_FINAL = 7  # letters of the longest abbreviation after which a quote opens a sentence
# How far back from "8 p.m." a clause is looked for.
_MAX_CLAUSE = 200


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
            :func:`train_punkt` on your own corpus. The news rules still apply.

    >>> [s.text for s in split_sentences("Sen. Ada Marsh spoke at 3 p.m. Friday. Nobody left.")]
    ['Sen. Ada Marsh spoke at 3 p.m. Friday.', 'Nobody left.']
    """
    check_text(text)
    lex = lexicon_for(lexicon, lang)
    if params is not None and not _is_punkt_parameters(params):
        raise TypeError(
            "params must be PunktParameters (from train_punkt, or pickle.load of them), "
            f"not {type(params).__name__}"
        )
    if paragraphs is None:
        paragraphs = split_paragraphs(text, boilerplate=(), lexicon=lex)
    tokenizer = _tokenizer_for(params) if params is not None else _lexicon_tokenizer(lex)
    sentences: list[Sentence] = []
    for index, para in enumerate(paragraphs):
        for s, e in sentence_spans(para.text, tokenizer, lex):
            s += para.start
            e += para.start
            sentences.append(Sentence(start=s, end=e, text=text[s:e], paragraph=index))
    return tuple(sentences)


def sentence_spans(
    text: str, tokenizer: PunktSentenceTokenizer, lex: Lexicon
) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph, stripped of surrounding whitespace."""
    if _one_sentence(text):
        s, e = _strip(text, 0, len(text))
        return [(s, e)] if s < e else []
    masked, ellipses = _mask_ellipses(text)
    cuts = _punkt_cuts(masked, tokenizer)
    markers = _list_markers(text, lex)
    in_marker = {m.end() for m in markers}
    head = _MARKER.match(text)  # a list item on a line of its own: "1. Raise the seawall"
    if head is not None:
        in_marker.add(head.end())
    kept = [c for c in cuts if c not in in_marker and not _goes_on(text, c, lex)]
    kept.extend(_ellipsis_cuts(text, ellipses, lex))
    kept.extend(m.start() for m in markers if _skip_space(text, 0) < m.start())
    kept.extend(_quote_cuts(text, lex))
    kept.extend(m.end(1) for m in _ARTICLE_NOUN.finditer(text) if m.group(2) in lex.abbreviations)
    glued = _glued_cuts(text, lex)
    if glued:  # and none on the other side of a quote mark after the period
        drop = {other for _, other in glued} - {cut for cut, _ in glued}
        kept = [c for c in kept if c not in drop] + [cut for cut, _ in glued]
    kept = _time_cuts(text, sorted(set(kept)), lex)
    spans = []
    start = 0
    for cut in [*kept, len(text)]:
        s, e = _strip(text, start, cut)
        if s < e:
            spans.append((s, e))
        start = cut
    return spans


def _one_sentence(text: str) -> bool:
    """True when no rule and no Punkt boundary can fall inside ``text``: at most one
    sentence-ending mark, and that one at the end (the common one-line paragraph)."""
    first = _ANY_END.search(text)
    if first is None:
        return True
    if _ANY_END.search(text, first.end()) is not None:
        return False
    return _FINAL_END.match(text, first.start()) is not None


def _punkt_cuts(text: str, tokenizer: PunktSentenceTokenizer) -> list[int]:
    """Punkt's boundaries inside ``text``, read in overlapping windows.

    Punkt decides each boundary from the tokens around it, so a long paragraph can be read
    in windows of ``_CHUNK`` characters that overlap by twice ``_MARGIN``: each window
    contributes the boundaries more than ``_MARGIN`` from its edges, and the next window
    takes over where it stops. Time stays linear, the result is that of one pass, and nltk's
    wall-clock guard on its own regular expressions (nltk >= 3.10) never trips.
    """
    cuts: list[int] = []
    lo = 0
    while True:
        hi = min(len(text), lo + _CHUNK)
        ends = sorted(lo + end for end in _sentence_ends(tokenizer, text[lo:hi]))[:-1]
        floor = lo + _MARGIN if lo else 0
        if hi == len(text):
            cuts.extend(end for end in ends if end > floor)
            return cuts
        cuts.extend(end for end in ends if floor < end <= hi - _MARGIN)
        lo = hi - 2 * _MARGIN


def _sentence_ends(tokenizer: PunktSentenceTokenizer, text: str) -> list[int]:
    """The ends of Punkt's sentence spans in ``text``."""
    if isinstance(tokenizer, _punkt_class()):
        ends: list[int] = tokenizer.sentence_ends(text)
        return ends
    return [end for _, end in tokenizer.span_tokenize(text)]


def _mask_ellipses(text: str) -> tuple[str, list[regex.Match[str]]]:
    """The text with its dotted ellipses masked (same length, no period), and all ellipses."""
    if not any(dots in text for dots in ("...", ". .", ".\u00a0.", "…")):
        return text, []  # every ellipsis holds one of these
    ellipses = list(_ELLIPSIS.finditer(text, timeout=limits.SCAN_TIMEOUT))
    parts = []
    last = 0
    for m in ellipses:
        if m.group() != "…":
            parts.append(text[last : m.start()])
            parts.append(_MASK * (m.end() - m.start()))
            last = m.end()
    parts.append(text[last:])
    return "".join(parts), ellipses


def _goes_on(text: str, cut: int, lex: Lexicon) -> bool:
    """True when Punkt's boundary at ``cut`` falls inside a sentence."""
    start = _skip_space(text, cut)
    if start >= len(text):
        return False
    if text[start] in _CONTINUERS:  # "is the pier safe? — went unanswered"
        return True
    if text[start] in _CLOSERS:
        # a mark that closes the quote before the cut: "The film, “What Now?”, opened"
        after = start
        while after < len(text) and text[after] in _CLOSERS:
            after += 1
        return after < len(text) and (text[after] in _CONTINUERS or text[after].islower())
    if text[start].islower():
        word = _WORD.match(text, start)
        return word is None or word.group() == word.group().lower()  # not "iPhone"
    before = _token_before(text, cut)
    if before.rstrip(_CLOSERS)[-1:] in ("?", "!") and before[-1] in _CLOSERS:
        return _attribution_follows(text, start, lex)
    if _INITIALS.fullmatch(before.lstrip(_OPENERS)):
        if _BILL_NUMBER.match(text, start):
            return True  # "H.R. 1234", "S.B. 15": a number after initials names a thing
        word = _WORD.match(text, start)
        return word is not None and not _is_starter(word.group(), lex)
    return False


def _attribution_follows(text: str, start: int, lex: Lexicon) -> bool:
    """``start`` opens an attribution: "Johnson asked", "she said", "said the mayor"."""
    words: list[str] = []
    for m in _WORD.finditer(text, start, start + 80):
        word = m.group()
        form = word.lower().rstrip(".")
        lemma = lex.cue_forms.get(form)
        if lemma is not None and form != "according" and not form.endswith("ing"):
            if not words:
                return form != lemma  # "asked Johnson", not the imperative "Ask"
            return _could_be_subject(words)
        words.append(word)
        if len(words) > _MAX_LEAD_WORDS:
            return False
    return False


def _could_be_subject(words: list[str]) -> bool:
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return True
    if words[0].lower() in ("the", "a", "an"):  # "The mayor", "A lifeguard"
        return len(words) <= 3
    return all(w[0].isupper() for w in words)


def _ellipsis_cuts(text: str, ellipses: list[regex.Match[str]], lex: Lexicon) -> Iterable[int]:
    for m in ellipses:
        end = m.end()
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        nxt = _skip_space(text, end)
        if nxt >= len(text) or nxt == end:
            continue
        first = text[nxt + 1] if text[nxt] in _OPENERS and nxt + 1 < len(text) else text[nxt]
        if not first.isupper():
            continue
        dots = m.group().count(".") if m.group() != "…" else 3
        attached = m.start() > 0 and not text[m.start() - 1].isspace()
        if dots >= 4 and attached and " " in m.group():
            yield m.start() + 1  # "compounds. . . . The": the period ends the sentence
        elif dots >= 4:
            yield end
        else:
            word = _WORD.match(text, nxt)
            if word is not None and word.group() != "I" and _is_starter(word.group(), lex):
                yield end


def _quote_cuts(text: str, lex: Lexicon) -> Iterable[int]:
    """After an abbreviation that ends a name, a company or a place, a quote that opens with a
    capital opens the next sentence ("said Arthur Reed Jr. “It is …", "at Calder & Co. "Prices
    will …"")."""
    for mark in _QUOTE_OPENERS:
        at = text.find(mark)
        while at != -1:
            dot = at
            while dot > 0 and text[dot - 1] in " \u00a0":
                dot -= 1
            dot -= 1  # the period before the spaces, if it is one
            if 0 < dot < at - 1 and text[dot] == "." and text[at + 1 : at + 2].isupper():
                start = dot
                while start > 0 and dot - start < _MAX_FINAL and text[start - 1].isalpha():
                    start -= 1  # the word before the period ("Jr", "Calif"): a few letters
                if text[start:dot].lower() in lex.final_abbreviations and (
                    start == 0 or not (text[start - 1].isalnum() or text[start - 1] in ".'’-")
                ):
                    yield dot + 1
            at = text.find(mark, at + 1)


def _glued_cuts(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Cuts after sentences glued to the next without a space ("on Tuesday.The vote"), each
    with the place on the other side of a quote mark after the period, where no cut may
    stay."""
    out: list[tuple[int, int]] = []
    quotes = {'"': [0, 0], "'": [0, 0]}  # straight marks counted so far: [up to, count]
    for m in _GLUED.finditer(text):
        token = _token_before(text, m.start())
        word = _GLUED_WORD.search(token)
        if word is None or "@" in token or "/" in token or "." in token[: word.start()]:
            continue  # an address ("dunmore.example/plan.Final"), a dotted name ("J.R.Fen")
        prev = word.group()
        if prev.lower() in lex.abbreviations:
            continue  # "vs.Calder"
        nxt = m.group("next").lower()
        if nxt in _DOMAINS:
            continue  # "Overstock.Com"
        name = prev[0].isupper() and not _is_calendar_word(prev, lex)
        if name and nxt not in lex.sentence_starters:
            continue  # after a name, the second part of a name ("Yandex.Taxi")
        if m.group("dot"):  # a title opening the next sentence ("Tuesday.Mr. Smith"): Punkt
            if nxt not in lex.abbreviations:  # took the token for a word ending one
                continue
            out.append((m.end("closer"), m.end()))
        closer, before, after = m.group("closer"), m.start("closer"), m.end("closer")
        if closer in quotes:
            seen = quotes[closer]
            seen[1] += text.count(closer, seen[0], before)
            seen[0] = before
            if seen[1] % 2 == 0:
                out.append((before, after))  # a straight mark opening the next sentence
                continue
        out.append((after, before))
    return out


def _time_cuts(text: str, cuts: list[int], lex: Lexicon) -> list[int]:
    """Decide every boundary after "a.m."/"p.m." by the sentence around it."""
    if ".m." not in text and ".M." not in text:
        return cuts
    out = list(cuts)
    for m in _TIME.finditer(text, timeout=limits.SCAN_TIMEOUT):
        nxt = _skip_space(text, m.end())
        if nxt > m.end() and nxt + 1 < len(text) and text[nxt] in _OPENING_QUOTES:
            nxt += 1  # "shortly after 6 a.m. “I ran outside": a quote opens the next sentence
        if nxt >= len(text) or not text[nxt].isupper():
            continue
        word = _WORD.match(text, nxt)
        if word is None:
            continue
        i = bisect.bisect_left(out, m.start())
        sentence_start = out[i - 1] if i else 0
        at = bisect.bisect_left(out, m.end())
        present = at < len(out) and out[at] == m.end()
        clause = text[max(sentence_start, m.start() - _MAX_CLAUSE) : m.start()]
        keep = not _is_calendar_word(word.group(), lex) and _has_clause(clause, lex)
        if present and not keep:
            del out[at]
        elif keep and not present:
            out.insert(at, m.end())
    return out


def _is_calendar_word(word: str, lex: Lexicon) -> bool:
    w = word.lower().rstrip(".")
    if w in _TIME_FOLLOWERS:
        return True
    return any(
        w in lex.temporal.get(cls, {}) or w + "." in lex.temporal.get(cls, {})
        for cls in ("weekday", "month", "timezone", "deictic_day")
    )


def _has_clause(text: str, lex: Lexicon) -> bool:
    """Some lower-case content word: "The fire started at", not "At" or "Shortly after"."""
    return any(
        w[0].islower() and len(w) > 1 and w.lower() not in lex.function_words
        for w in (m.group() for m in _WORD.finditer(text))
    )


def _list_markers(text: str, lex: Lexicon) -> list[regex.Match[str]]:
    """Markers of inline lists: two or more in sequence (1, 2, …; a, b, …) in one style."""
    hint = _MARKER_HINT.search(text)
    if hint is None:
        return []
    found = [
        m
        for m in _MARKER.finditer(
            text, max(0, hint.start() - _MARKER_LEAD), timeout=limits.SCAN_TIMEOUT
        )
        if not _after_number_abbreviation(text, m, lex)
    ]
    out: list[regex.Match[str]] = []
    run: list[regex.Match[str]] = []
    for m in found:
        if run and _marker_key(m) == _marker_key(run[-1]) and _value(m) == _value(run[-1]) + 1:
            run.append(m)
            continue
        if len(run) >= 2:
            out.extend(run)
        run = [m]
    if len(run) >= 2:
        out.extend(run)
    return out


def _after_number_abbreviation(text: str, m: regex.Match[str], lex: Lexicon) -> bool:
    end = m.start()
    while end > 0 and m.start() - end < _MAX_TOKEN and text[end - 1].isspace():
        end -= 1
    word = _token_before(text, end)
    return word.rstrip(".").lower() in lex.number_abbreviations


def _marker_key(m: regex.Match[str]) -> tuple[bool, str]:
    return m.group("num") is not None, m.group("punct")


def _value(m: regex.Match[str]) -> int:
    return int(m.group("num")) if m.group("num") is not None else ord(m.group("let"))


def _is_starter(word: str, lex: Lexicon) -> bool:
    return word[0].isupper() and word.lower() in lex.sentence_starters


def _token_before(text: str, end: int) -> str:
    """The whitespace-free token ending at ``end`` (at most ``_MAX_TOKEN`` characters)."""
    i = end
    while i > 0 and end - i < _MAX_TOKEN and not text[i - 1].isspace():
        i -= 1
    return text[i:end]


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _strip(s: str, start: int, end: int) -> tuple[int, int]:
    while start < end and s[start].isspace():
        start += 1
    while end > start and s[end - 1].isspace():
        end -= 1
    return start, end


def punkt_parameters(lexicon: Lexicon | None = None) -> PunktParameters:
    """Punkt parameters built from a lexicon (no training, no download).

    Abbreviations, collocations of an abbreviation with a number, and sentence starters,
    which Punkt also reads as words seen capitalised at sentence starts and lower case
    inside sentences (its orthographic context).
    """
    from nltk.tokenize.punkt import _ORTHO_BEG_UC, _ORTHO_MID_LC, PunktParameters

    lex = lexicon if lexicon is not None else load_lexicon()
    params = PunktParameters()
    params.abbrev_types = set(lex.abbreviations)
    params.collocations = {(a, "##number##") for a in lex.number_abbreviations}
    params.sent_starters = set(lex.sentence_starters)
    for word in lex.sentence_starters:
        params.add_ortho_context(word, _ORTHO_BEG_UC | _ORTHO_MID_LC)
    return params


def train_punkt(corpus: str, *, lexicon: Lexicon | None = None) -> PunktParameters:
    """Train Punkt parameters on a corpus of your own text, merged with our lexicon's.

    Pass the result as ``split_sentences(text, params=...)``; the news rules still apply.
    Training needs a few hundred kilobytes of text from your source to learn its
    abbreviations, collocations and sentence starters. The parameters pickle, so train once
    and load them in every worker.
    """
    from nltk.tokenize.punkt import PunktTrainer

    check_text(corpus, "corpus")
    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    for block in _blocks(corpus):  # for nltk's wall-clock guard (see _punkt_cuts)
        trainer.train(block, finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()
    ours = punkt_parameters(lexicon)
    params.abbrev_types |= ours.abbrev_types
    params.collocations |= ours.collocations
    params.sent_starters |= ours.sent_starters
    for word, flags in ours.ortho_context.items():
        params.add_ortho_context(word, flags)
    return params


def _blocks(corpus: str) -> Iterable[str]:
    """The corpus in pieces of about ``_CHUNK`` characters, cut after whitespace."""
    lo = 0
    while lo < len(corpus):
        hi = min(len(corpus), lo + _CHUNK)
        space = corpus.find(" ", hi, hi + _CHUNK)
        hi = len(corpus) if hi == len(corpus) else (space + 1 if space != -1 else hi)
        yield corpus[lo:hi]
        lo = hi


@functools.lru_cache(maxsize=8)
def _lexicon_tokenizer(lexicon: Lexicon) -> PunktSentenceTokenizer:
    return _tokenizer_for(punkt_parameters(lexicon))


def _is_punkt_parameters(params: object) -> bool:
    from nltk.tokenize.punkt import PunktParameters

    return isinstance(params, PunktParameters)


def _tokenizer_for(params: PunktParameters) -> PunktSentenceTokenizer:
    return _punkt_class()(params)


# The text Punkt decides a candidate boundary from (its "context"): the word before, the mark,
# and the next token. Plain contexts are decided here: ASCII letters (with inner periods:
# "U.S") or ASCII digits ("2024") before the mark, spaces or one punctuation mark after it.
_CONTEXT = compile_re(
    r"(?P<word>[A-Za-z]++(?:\.[A-Za-z]++)*+|[0-9]++)(?P<mark>[.?!])(?P<rest>.++)",
    regex.V1 | regex.S,
)
_ASCII_LETTERS = compile_re(r"[A-Za-z]++", regex.V1)
# A number with a final period: Punkt's type of it is "##number##", whether or not it ends a
# sentence.
_NUMBER_TOKEN = compile_re(r"[0-9]++\.?+", regex.V1)
# Punctuation that may close a context; those Punkt counts as non-word characters end a token.
_CONTEXT_CLOSERS = "\"'”’“‘«»()[]{}*:;@"


# The last whitespace character of a span, as Punkt finds the word before a mark (ASCII only,
# as Python's ``string.whitespace``).
_LAST_ASCII_SPACE = compile_re(r"[ \t\n\r\x0b\x0c]", regex.V1 | regex.REVERSE)


@functools.lru_cache(maxsize=512)
def _may_realign(realigner: regex.Pattern[str], char: str) -> bool:
    """False when no realignment can start with ``char``: Punkt's pattern opens with a class
    of closing marks, so a character it does not take before a space starts no match."""
    return realigner.match(char + " ") is not None


@functools.cache
def _punkt_class() -> type[PunktSentenceTokenizer]:
    """Punkt, deciding plain contexts without building its token objects.

    ``text_contains_sentbreak`` is where Punkt spends its time: it tokenises each context and
    annotates the tokens in two passes. For a plain context the tokens are known ("ended."
    and "The"; "ended", "?" and "The"), so the answer follows directly from the same rules
    and parameters (tests/test_speed_paths.py checks it against Punkt's own); any other
    context goes to Punkt.
    """
    import re

    from nltk.tokenize.punkt import (
        _ORTHO_BEG_LC,
        _ORTHO_LC,
        _ORTHO_MID_UC,
        _ORTHO_UC,
        PunktSentenceTokenizer,
    )

    class _Punkt(PunktSentenceTokenizer):  # type: ignore[misc]
        def __init__(self, params: PunktParameters) -> None:
            super().__init__(params)
            lang = self._lang_vars
            non_word = getattr(lang, "_re_non_word_chars", None)
            plain = isinstance(non_word, str) and tuple(lang.sent_end_chars) == (".", "?", "!")
            self._closers = frozenset(
                c
                for c in _CONTEXT_CLOSERS
                if plain and isinstance(non_word, str) and re.fullmatch(non_word, c)
            )
            self._plain = plain
            self._collocated = frozenset(first for first, _ in params.collocations)

        def sentence_ends(self, text: str) -> list[int]:
            """The ends of ``span_tokenize(text)``, read in one pass.

            The steps of Punkt's ``_match_potential_end_contexts``, ``_slices_from_text`` and
            ``_realign_boundaries``, on lists instead of a chain of generators. The word before
            a mark is found by one reverse scan, and the realignment after a break is tried
            only where a closing mark can start it (most breaks are followed by a letter).
            tests/test_speed_paths.py checks it against ``span_tokenize``.
            """
            lang = self._lang_vars
            # Candidates, each with the word before it; a candidate whose word overlaps the
            # one before it ("acting!!! I": the first two marks) is dropped.
            candidates: list[tuple[regex.Match[str], int]] = []
            word_start = word_end = 0
            for match in lang.period_context_re().finditer(text):
                end = match.start()
                last_space = _LAST_ASCII_SPACE.search(text, word_end, end)
                space = last_space.start() if last_space is not None else -1
                start = space + 1 if space > word_end else word_start
                if candidates and word_end > start:
                    candidates.pop()
                candidates.append((match, start))
                word_start, word_end = start, end
            slices: list[tuple[int, int]] = []
            last_break = 0
            for match, start in candidates:
                context = text[start : match.start()] + match.group() + match.group("after_tok")
                if self.text_contains_sentbreak(context):
                    slices.append((last_break, match.end()))
                    nxt = match.group("next_tok")
                    last_break = match.start("next_tok") if nxt else match.end()
            slices.append((last_break, len(text.rstrip())))
            # Closing punctuation after a break joins the sentence before it: "(It ended.) Then"
            ends: list[int] = []
            realign = 0
            for i, (start, stop) in enumerate(slices):
                start += realign
                if i + 1 == len(slices):
                    if start < stop:
                        ends.append(stop)
                    break
                nxt_start, nxt_stop = slices[i + 1]
                realigner = lang.re_boundary_realignment
                m = (
                    realigner.match(text[nxt_start:nxt_stop])
                    if _may_realign(realigner, text[nxt_start : nxt_start + 1])
                    else None
                )
                if m:
                    ends.append(nxt_start + len(m.group(0).rstrip()))
                    realign = m.end()
                else:
                    realign = 0
                    if start < stop:
                        ends.append(stop)
            return ends

        def text_contains_sentbreak(self, text: str) -> bool:
            decided = self._decide(text) if self._plain else None
            return bool(super().text_contains_sentbreak(text)) if decided is None else decided

        def _decide(self, text: str) -> bool | None:
            """Punkt's answer for a plain context, or None for any other."""
            m = _CONTEXT.fullmatch(text)
            if m is None:
                return None
            rest = m.group("rest")
            if rest[0] == " ":  # "ended. The": the next token follows the spaces
                nxt = rest.lstrip(" ")
                if not nxt or nxt[0].isspace():
                    return None
            elif len(rest) == 1 and rest in self._closers:  # 'ended."': the mark is the token
                nxt = rest
            else:
                return None
            if m.group("mark") != ".":
                return True  # "?" and "!" are breaks, and a token follows
            word = m.group("word")
            params = self._params
            low = word.lower()
            number = word.isdigit()
            initial = len(word) == 1 and not number
            if not number and not initial:
                if low not in params.abbrev_types:
                    # "ended." is a break, unless it is the first word of a collocation
                    return None if low in self._collocated else True
                if _NUMBER_TOKEN.fullmatch(nxt):
                    return False  # "Feb. 28.": a number starts no sentence
            # an abbreviation, an initial or a number: the next word decides; a later token
            # could be a break only if it held a mark (the last one's break does not count:
            # "Mr. Trump.")
            letters = _ASCII_LETTERS.match(nxt)
            after = nxt[letters.end() :] if letters is not None else None
            if after != "." and ("." in nxt or "?" in nxt or "!" in nxt):
                return None
            if not number and not initial and not nxt[0].isupper():
                return False
            if letters is None or (
                after
                and after not in (",", ".")  # "Mr. Trump,": the comma is a token
                and after[0] not in self._closers
            ):
                return None
            typ = letters.group().lower()
            if after == "." and typ in params.abbrev_types:
                typ += "."  # Punkt's type of a word read as an abbreviation keeps its period
            if ("##number##" if number else low, typ) in params.collocations:
                return False
            ortho = params.ortho_context.get(typ, 0)
            upper = nxt[0].isupper()
            # Punkt's orthographic heuristic: the next word surely opens a sentence (True),
            # surely does not (False), or either (None)
            if upper:
                starter = True if ortho & _ORTHO_LC and not ortho & _ORTHO_MID_UC else None
            else:
                starter = False if ortho & _ORTHO_UC or not ortho & _ORTHO_BEG_LC else None
            if not number and not initial:  # an abbreviation: a break before a sure starter
                return starter is True or typ in params.sent_starters
            if starter is False or (
                initial and starter is None and upper and not ortho & _ORTHO_LC
            ):
                return False  # "J. Bach": after an initial, a word never seen in lower case
            if low in params.abbrev_types:  # an initial or a number known as an abbreviation
                return number and upper and (starter is True or typ in params.sent_starters)
            return True  # "in 2024. The", "Plan B. It"

    return _Punkt
