"""The spaCy pipeline component ``"newsstruct"`` (extra ``spacy``).

::

    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("newsstruct", config={"published": "2024-05-09"})
    doc = nlp(text)
    for span in doc.spans["quotes"]:
        print(span.label_, span._.speaker, span._.cue, span.text)

spaCy finds the factory through the ``spacy_factories`` entry point that newsstruct's package
metadata declares, so ``add_pipe("newsstruct")`` works without importing newsstruct first.

The component runs :func:`newsstruct.structure` on ``doc.text`` and fills three span groups,
each span covering the tokens of one record (character offsets are mapped with
``doc.char_span(..., alignment_mode="expand")``, so a record that starts or ends inside a
token takes the whole token):

- ``doc.spans["quotes"]``: label = the kind ("direct", "mixed", "indirect"); ``span._.kind``,
  ``span._.speaker`` (the resolved name, or None), ``span._.cue`` (the cue's text, or None).
  A quote in several pieces is one span from its first piece to its last.
- ``doc.spans["dates"]``: label = the TIMEX3 type; ``span._.type``, ``span._.value`` (the TIMEX3
  value, or None).
- ``doc.spans["boilerplate"]``: label = the category; ``span._.category``, ``span._.rule``.

Extension values are plain strings or None, so a Doc still serialises (``doc.to_bytes()``,
``DocBin(store_user_data=True)``, ``nlp.pipe(..., n_process=2)``). The reference date for
relative dates is ``doc._.published`` when set before the component runs (``doc =
nlp.make_doc(text); doc._.published = "2024-05-09"; nlp(doc)``), else the ``published``
setting of the component.

Config: ``published`` (ISO date or None), ``lang`` ("en"), ``lexicon`` (a user lexicon
directory, see :meth:`newsstruct.Lexicon.extended_from`, or None), ``typewriter_quotes``
(read ``''…''`` as quote marks: ``"auto"`` where the text is written that way, true
always, false never, see :func:`newsstruct.find_quotes`; ``"auto"``), ``transcripts``
(read a transcript's or Q&A's answers as quotes; False).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicons import load_lexicon
from ..pipeline import structure
from ..text import check_typewriter, parse_published

SPAN_EXTENSIONS = ("kind", "speaker", "cue", "type", "value", "category", "rule")


class NewsstructComponent:
    """Structures ``doc.text`` and stores quotes, dates and boilerplate as span groups."""

    def __init__(
        self,
        nlp: Language,
        name: str = "newsstruct",
        *,
        published: str | None = None,
        lang: str = "en",
        lexicon: str | None = None,
        typewriter_quotes: bool | str = "auto",
        transcripts: bool = False,
    ) -> None:
        self.name = name
        self.typewriter_quotes = check_typewriter(typewriter_quotes, "typewriter_quotes")
        self.transcripts = transcripts
        self.published = parse_published(published)
        self.lang = lang
        self.lexicon = load_lexicon(lang, extra=lexicon)
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published if doc._.published is not None else self.published
        art = structure(
            doc.text,
            published,
            self.lang,
            lexicon=self.lexicon,
            typewriter_quotes=self.typewriter_quotes,
            transcripts=self.transcripts,
        )
        quotes, dates, boilerplate = [], [], []
        for q in art.quotes:
            span = doc.char_span(q.start, q.end, label=q.kind, alignment_mode="expand")
            if span is not None:
                _set(
                    span,
                    kind=q.kind,
                    speaker=q.speaker and q.speaker.name,
                    cue=q.cue and q.cue.text,
                )
                quotes.append(span)
        for d in art.dates:
            span = doc.char_span(d.start, d.end, label=d.type, alignment_mode="expand")
            if span is not None:
                _set(span, type=d.type, value=d.value)
                dates.append(span)
        for b in art.boilerplate:
            span = doc.char_span(b.start, b.end, label=b.category, alignment_mode="expand")
            if span is not None:
                _set(span, category=b.category, rule=b.rule)
                boilerplate.append(span)
        doc.spans["quotes"] = quotes
        doc.spans["dates"] = dates
        doc.spans["boilerplate"] = boilerplate
        return doc


@Language.factory(
    "newsstruct",
    default_config={
        "published": None,
        "lang": "en",
        "lexicon": None,
        "typewriter_quotes": "auto",
        "transcripts": False,
    },
)
def make_newsstruct(
    nlp: Language,
    name: str,
    published: str | None,
    lang: str,
    lexicon: str | None,
    typewriter_quotes: bool | str,
    transcripts: bool,
) -> NewsstructComponent:
    """spaCy factory of the ``"newsstruct"`` component (see the module docs).

    ``typewriter_quotes`` is typed ``bool | str`` so that spaCy's config check lets a wrong
    string ("yes") through to the component's error, which names the values allowed.
    """
    return NewsstructComponent(
        nlp,
        name,
        published=published,
        lang=lang,
        lexicon=lexicon,
        typewriter_quotes=typewriter_quotes,
        transcripts=transcripts,
    )


def _register_extensions() -> None:
    """Declare the extension attributes once; an existing one of the same name is reused."""
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def _set(span: Span, **values: Any) -> None:
    for key, value in values.items():
        setattr(span._, key, value)
