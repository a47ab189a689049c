"""The shortcuts taken for speed in segmentation, boilerplate and quotes give exactly what the
plain paths give (compared on invented and random text)."""

from __future__ import annotations

import itertools
import random

import attrs
import regex

from newsstruct import load_lexicon
from newsstruct.quotes import mentions
from newsstruct.quotes.words import quote_words
from newsstruct.segment import punkt_parameters
from newsstruct.segment import sentences as sentences_module

LEX = load_lexicon("en")


def _punkt_pair(params):
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    return sentences_module._tokenizer_for(params), PunktSentenceTokenizer(params)


def _contexts() -> list[str]:
    """Contexts as Punkt cuts them from text: a word, a mark, and what follows."""
    words = ["Sen", "sen", "Gov", "gov", "No", "no", "vs", "Inc", "harbor", "Marsh", "It",
             "it", "The", "the", "He", "Calloway", "ok", "mr", "Mr", "a", "A", "I", "U",
             "pier", "Pier", "Jan", "jan", "Monday", "x", "Ms", "etc", "St", "st", "Dr", "2024",
             "7", "28"]  # fmt: skip
    marks = [".", "?", "!", "..", "!!", ".”", ".'", ".)"]
    gaps = [" ", "  ", "\n", "\u00a0", "", " \n "]
    afters = [*words, "8", "1990s", "“We", "'We", "(the", "—", "I’m", "It's", "Now,", "é", "É",
              "x.”", "8.", "e.g.", "U.S.", "A.", "Ab?", "ab!", "B.”", "Ab’", "Ab’s", "AB)",
              "Marsh,", "pier,", "Calloway,", "it,", "The,,", "28.", "28.5", "8,", "Marsh.",
              "Sen.", "sen.", "Pier.", "It.", "The.", "Inc.", "Calloway.", "Ab.”", "No.."]  # fmt: skip
    rng = random.Random(5)
    out = [w + m + " " + a for w, m, a in itertools.product(words, marks, afters)]
    out += rng.sample(
        [w + m + g + a for w, m, g, a in itertools.product(words, marks, gaps, afters)], 4000
    )
    pieces = [*words, *marks, *gaps, "-", "’", ",", "3"]
    out += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(3000)]
    return out


def test_punkt_shortcut_decides_like_punkt():
    from nltk.tokenize.punkt import _ORTHO_BEG_LC, _ORTHO_LC, _ORTHO_MID_UC, _ORTHO_UC

    trained = punkt_parameters(LEX)  # our parameters, and odd ones a training could give
    trained.collocations |= {("harbor", "marsh"), ("sen", "it"), ("pier", "the")}
    trained.collocations |= {("##number##", "marsh"), ("##number##", "pier")}
    trained.abbrev_types |= {"7", "x", "marsh"}
    for word, flags in [("marsh", _ORTHO_LC), ("it", _ORTHO_LC | _ORTHO_MID_UC),
                        ("calloway", _ORTHO_UC), ("pier", _ORTHO_BEG_LC), ("the", 0)]:  # fmt: skip
        trained.ortho_context[word] = flags
    contexts = _contexts()
    shortcut = 0
    for params in (punkt_parameters(LEX), trained):
        fast, plain = _punkt_pair(params)
        for context in contexts:
            want = plain.text_contains_sentbreak(context)
            assert fast.text_contains_sentbreak(context) == want, context
            shortcut += fast._decide(context) is not None
    assert shortcut > 5000  # the shortcut is really taken
    fast, _ = _punkt_pair(punkt_parameters(LEX))
    for context in ("2024. The", "J. Marsh", "Sen. Marsh,", "Sen. Marsh.", "Jan. 28."):
        assert fast._decide(context) is not None, context


def test_punkt_sentence_ends_match_span_tokenize():
    """The one-pass reading gives the ends of Punkt's own ``span_tokenize``."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    rng = random.Random(17)
    pieces = ["Sen", "Mr", "It", "the", "J", "U.S", "2024", ".", ".", "?", "!", "!!", "..",
              " ", "  ", "\n", "\t", "\u00a0", "\u2003", "\x0b", "\x1c", ")", "”", '"', "'",
              "’", "(", "“", "}", "--", "-", ",", ";", "3", "x", "…", "_"]  # fmt: skip
    texts = [
        "Sen. Ada Marsh spoke at 3 p.m. Friday. Nobody left.",
        "(It ended.) Then “Why?” she asked. Very bad acting!!! I promise.",
        "Rain fell. \n\n It stopped!” Then   rain.",
    ]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) for _ in range(8000)]
    fast = sentences_module._lexicon_tokenizer(LEX)
    for text in texts:
        want = [end for _, end in PunktSentenceTokenizer.span_tokenize(fast, text)]
        assert fast.sentence_ends(text) == want, text


def test_list_marker_hint_never_misses_a_marker():
    rng = random.Random(11)
    pieces = [" ", "\u00a0", "\n", "•", "-", "*", "1", "12", "1234", "a", "B", ".", ")", ".)",
              "The", "“We", "x", "é", "٣"]  # fmt: skip
    marker, hint = sentences_module._MARKER, sentences_module._MARKER_HINT
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        if marker.search(text) is not None:
            first = hint.search(text)
            assert first is not None, text
            start = max(0, first.start() - sentences_module._MARKER_LEAD)
            want = [m.span() for m in marker.finditer(text)]
            assert [m.span() for m in marker.finditer(text, start)] == want, text


_PLAIN_TOKEN = regex.compile(
    r"(?P<w>[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-/]*+(?:[.,](?=\p{N})[\p{L}\p{M}\p{N}'’\-/]*+)*+)"
    r"|(?P<p>\S)",
    regex.V1,
)


def _plain_tokens(text, lo, hi, words):
    """Word and mark tokens, a word taking the period after it when it keeps it."""
    out = []
    skip = -1
    for m in _PLAIN_TOKEN.finditer(text, lo, hi):
        s, e = m.span()
        if s == skip:
            continue
        if m.lastgroup == "p":
            out.append((s, e, False))
            continue
        if e < hi and text[e] == "." and mentions._keeps_period(text, s, e, words):
            skip = e
            e += 1
        out.append((s, e, True))
    return out


def test_quote_tokens_match_the_plain_reading():
    words = quote_words(LEX)
    rng = random.Random(3)
    pieces = ["Sen", "Gov", "J", "U.S", "said", "3", "3.5", "1,200", ".", "..", ",", " ", "\n",
              "-", "’", "'", "é", "\u0301", "Mr", "x", "(", "”", "٣", "A.", "vs"]  # fmt: skip
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        cuts = sorted(rng.randint(0, len(text)) for _ in range(2))
        for lo, hi in [(0, len(text)), tuple(cuts)]:
            want = _plain_tokens(text, lo, hi, words)
            assert mentions.tokens(text, lo, hi, words) == want, (text, lo, hi)


def test_quote_tokens_of_the_fast_engine_match_the_regex_reading():
    """Lines of plain characters are read with the standard library's engine, lines with an
    odd one (a combining mark, "_", "²", a separator) with ``_TOKEN``: the tokens are those of
    ``_TOKEN`` over the whole stretch."""
    words = quote_words(LEX)
    rng = random.Random(8)
    pieces = ["Sen", "U.S", "said", "3", "3.5", "1,200", ".", ",", " ", "\n", "\n", "-", "’",
              "é", "\u0301", "٣", "²", "½", "Ⅳ", "_", "snake_case", "\x1c", "\u2028", "\u00a0",
              "\r\n", "👍", "ǅ", "İ", "A.", "Mr", "(", "”"]  # fmt: skip
    odd = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        cuts = sorted(rng.randint(0, len(text)) for _ in range(2))
        for lo, hi in [(0, len(text)), tuple(cuts)]:
            want = mentions._read(mentions._TOKEN, text, lo, hi, words)
            assert mentions.tokens(text, lo, hi, words) == want, (text, lo, hi)
        odd += not all(mentions._plain_token_char(c) for c in text)
    assert 1000 < odd < 19000  # both engines really read lines


def test_date_patterns_without_the_word_start_check_find_the_same_candidates():
    """The grammar's patterns leave out the word-start check (``B``) because ``scan`` tries
    them only where ``_TOKEN_START`` (which opens with ``B``) found a token: scanning finds
    what patterns that check it again find."""
    from newsstruct.dates.grammar import B, compile_grammar, simple_folds

    grammar = compile_grammar(LEX)
    # the reference: the full-folding patterns, each with the word-start check put back
    checked = tuple((k, B + p.pattern) for k, p in grammar.patterns.items())
    reference = attrs.evolve(grammar, sources=checked, simple={})
    words = sorted({w for table in LEX.temporal.values() for w in table})
    words += ["2004", "2005", "1990s", "'90s", "’90s", "5", "12", "3:30", "10/12/16", "x"]
    glue = [" ", " ", " ", "-", "–", "‐", "'", "’", ", ", ".", "\n", "a", "7", "é", "\u0301", "/"]
    rng = random.Random(17)
    found = 0
    for _ in range(4000):
        text = "".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(1, 10)))
        want = [(k, m.span()) for k, m in reference.scan(text, 0, len(text))]
        got = grammar.scan(text, 0, len(text), simple_folds(text))
        assert [(k, m.span()) for k, m in got] == want, text
        found += len(want)
    assert found > 3000


def test_date_triggers_in_text_of_many_scripts_match_the_slow_pattern():
    """Text with thousands of distinct characters skips their one-by-one reading: the
    triggers it finds are still exactly those of the slow pattern over the whole text."""
    from newsstruct.dates.grammar import _MAX_CLASSIFIED, TriggerFinder, trigger_pattern

    rng = random.Random(11)
    words = ["on Monday", "March 17", "last week", "2022", "yesterday", "ÉTÉ", "été", "İ"]
    wide = [chr(c) for c in range(0x4E00, 0x4E00 + _MAX_CLASSIFIED + 500)]
    parts = [rng.choice(wide) if rng.random() < 0.8 else " " + rng.choice(words) + " "
             for _ in range(20000)]  # fmt: skip
    text = "".join(parts)
    assert len({c for c in text if not c.isascii()}) > _MAX_CLASSIFIED
    finder = TriggerFinder(text, LEX)
    want = [m.span() for m in trigger_pattern(LEX).finditer(text)]
    assert list(finder.spans(0, len(text))) == want
    assert len(want) > 1000


def _entity(e):
    return (e.name, e.kind, e.first, sorted(e.roles), sorted(e.votes.items()))


def test_entity_index_read_once_per_run_text_matches_reading_every_run(monkeypatch):
    """The index skips run texts that added nothing before and keeps each run text's entity
    when no other person shares its name: the same index as reading every run."""
    from newsstruct import split_paragraphs, split_sentences
    from newsstruct.quotes import coref

    rng = random.Random(11)
    pieces = ["Ellery Strand", "Matthias Strand", "Strand", "Ms. Strand", "Mr. Strand",
              "Mayor Ines Calloway", "Calloway", "Ines", "the Harbor Gazette", "Gazette",
              "The", "But", "Tuesday", "Acme Corp.", "Acme", "said", "she said", "he said",
              "Strand's", "union president Rafe Dunmore", "Dunmore, the union's president,",
              "Dunmore", "Rafe", "He", "She", "told reporters", "the levee", "would hold",
              ".", ".", ",", " and", "\n\n"]  # fmt: skip
    gaps = [" ", " said ", ". ", ", ", " told ", " and the "]
    texts = [
        "".join(rng.choice(pieces) + rng.choice(gaps) for _ in range(rng.randint(5, 60)))
        for _ in range(300)
    ]
    words = quote_words(LEX)
    runs = coref.name_run(LEX)
    gender_from_text = coref.Entities._gender_from_text
    compared = []

    def read_every_run_first(self, sentences):
        # the mentions are in: find them again run by run, each looked up anew
        found = self.positions, self.mentioned, self.mention_ends
        self.positions, self.mentioned, self.mention_ends = [], [], []
        for start, run in self._runs(runs, sentences):
            ent = self._lookup_run(start, run)
            if ent is not None:
                self.positions.append(start)
                self.mentioned.append(ent)
                self.mention_ends.append(start + len(run))
        plain = self.positions, self.mentioned, self.mention_ends
        assert found[0::2] == plain[0::2] and list(map(id, found[1])) == list(map(id, plain[1]))
        compared.append(len(found[0]))
        gender_from_text(self, sentences)

    def build(text):
        paragraphs = split_paragraphs(text, lexicon=LEX)
        sentences = split_sentences(text, paragraphs=paragraphs, lexicon=LEX)
        e = coref.Entities(mentions.Doc(text, words), sentences, LEX)
        return (
            list(zip(e.positions, e.mention_ends, [x.name for x in e.mentioned], strict=True)),
            sorted(_entity(x) for x in e.persons.values()),
            sorted(_entity(x) for x in e.orgs.values()),
        )

    monkeypatch.setattr(coref.Entities, "_gender_from_text", read_every_run_first)
    fast = [build(t) for t in texts]
    assert sum(compared) > 1500  # many runs, repeated ones among them
    add_run = coref.Entities._add_run

    def every_run(self, start, run):
        add_run(self, start, run)
        return True  # never skipped

    monkeypatch.setattr(coref.Entities, "_add_run", every_run)
    assert fast == [build(t) for t in texts]


def test_quote_mark_positions_match_a_character_class_scan():
    """Quote marks are found by one ``str.find`` loop per mark: the positions a regex
    character class of the same marks finds, in text order."""
    from newsstruct.quotes import marks

    rng = random.Random(11)
    pieces = ['"', "“", "”", "„", "«", "»", "‟", "'", "‘", "’", "''", "``", "said", " ", "\n",
              "é", "\u0301", "Σ", "x"]  # fmt: skip
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        for chars in (marks._DOUBLE, marks._SINGLE):
            pattern = regex.compile("[" + regex.escape("".join(sorted(chars))) + "]")
            want = [m.start() for m in pattern.finditer(text)]
            assert marks._positions(text, chars) == want, (text, chars)
