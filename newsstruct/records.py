"""Every record newsstruct returns: the whole output schema on one screen.

All records are frozen, slotted attrs classes; sequences are tuples. Integer ``start`` and
``end`` fields are always offsets (Python ``str`` indices) into the text the user passed, and
``text == article_text[start:end]`` holds for every record, nested ones included. Calendar
values are ``datetime.date`` objects, never integers.

The JSON form (:meth:`Article.to_dict`, :meth:`Article.from_dict`, :func:`to_json`) carries a
``schema_version``; a reader refuses a newer major version than it knows.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterator, Mapping
from typing import Any, Literal

import attrs

SCHEMA_VERSION = 1

QuoteKind = Literal["direct", "mixed", "indirect"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@attrs.frozen(kw_only=True)
class Span:
    """A stretch of the article text.

    Attributes:
        start, end: Offsets into the article text; ``text == article_text[start:end]``.
        text: The characters between them.
    """

    start: int
    end: int
    text: str


@attrs.frozen(kw_only=True)
class Boilerplate:
    """A line (or run of lines) that is not part of the story.

    Attributes:
        start, end, text: The span, as in :class:`Span`.
        category: What kind of junk it is ("promo", "banner", "credit", ...).
        rule: The id of the rule that fired, from the boilerplate lexicon.
    """

    start: int
    end: int
    text: str
    category: str
    rule: str


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of the story (boilerplate excluded)."""

    start: int
    end: int
    text: str


@attrs.frozen(kw_only=True)
class Sentence:
    """A sentence; never crosses a paragraph boundary.

    Attributes:
        paragraph: Index into ``Article.paragraphs`` of the paragraph holding it.
    """

    start: int
    end: int
    text: str
    paragraph: int


@attrs.frozen(kw_only=True)
class Dateline:
    """The wire dateline that opens a story: ``WASHINGTON (AP) —``.

    Attributes:
        start, end, text: The dateline, dash included.
        location: "WASHINGTON", "LONDON", or None.
        agency: "AP", "Reuters", "CNN", or None.
        date: The date it gives, when it gives one whose year is known.
    """

    start: int
    end: int
    text: str
    location: str | None = None
    agency: str | None = None
    date: _dt.date | None = None


@attrs.frozen(kw_only=True)
class Speaker:
    """Who said a quote.

    Attributes:
        name: Canonical name: the fullest form the article gives ("Antony Blinken"), or the
            description of an unnamed source ("a senior State Department official").
        mention: The surface form attached to this quote ("he", "the secretary").
        resolved_by: How ``name`` was found from ``mention``: "name" (the mention is the
            name), "alias" (a shorter form of a full name), "title" (a role noun such as
            "the secretary"), "pronoun", "previous" (carried over from the last quote),
            "description" (an unnamed source) or "interview" (the answer of a Q&A: the
            person the article names most, see ``find_quotes(transcripts=True)``).
    """

    name: str
    mention: Span | None = None
    resolved_by: str = "name"


@attrs.frozen(kw_only=True)
class Quote:
    """Who said what.

    Attributes:
        start, end, text: The quoted content, outer quote marks excluded; for a quote in
            several pieces, from the start of the first piece to the end of the last.
        pieces: The content segments (one per quote-mark-delimited stretch for direct
            quotes; the reported clause for indirect ones).
        kind: "direct", "mixed" or "indirect" (PARC 3.0 sense).
        speaker: The resolved speaker, or None when no attribution was found.
        cue: The attribution cue ("said", "told", "according to", ":"), or None.
        closed: False when a quote mark was opened and never closed.
    """

    start: int
    end: int
    text: str
    pieces: tuple[Span, ...] = ()
    kind: QuoteKind = "direct"
    speaker: Speaker | None = None
    cue: Span | None = None
    closed: bool = True


@attrs.frozen(kw_only=True)
class DateMention:
    """A temporal expression and what it means, given the reference date.

    Attributes:
        start, end, text: The expression as written.
        type: TIMEX3 type: "DATE", "TIME", "DURATION" or "SET".
        value: TIMEX3 value ("2022-03-16", "2022-W11", "P3W", "PAST_REF"). Without a
            reference date a relative expression keeps an underspecified value where TIMEX3 has
            one ("XXXX-WXX-4" for "Thursday", "XXXX-03-17" for "March 17") and None otherwise
            ("last week").
        first_day, last_day: The calendar range the value covers, where it has one.
        anchor: What the value was resolved against: "published", "dateline", "timestamp"
            (the day a timestamp line of the page names, when there is neither), "speech"
            (the day the attribution of the direct quote holding it names), "previous-date"
            (the last date mentioned before it), "sentence-date" (a day named in its sentence:
            a clock time's, or Christmas for "the Friday before Christmas"), "absolute" (the text gives the date itself) or None.
        anchor_date: The date used as the anchor, where one was used.
        mod: TIMEX3 ``mod`` where the text qualifies the value: "APPROX" ("about three
            years"), "START"/"MID"/"END" ("early March", "late last year"), "MORE_THAN",
            "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"; else None.
        timezone: The zone a clock time names, as a UTC offset ("-05:00" for "EST") or an IANA
            name ("America/New_York" for "ET"); the ``value`` itself is local time.
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str | None = None
    first_day: _dt.date | None = None
    last_day: _dt.date | None = None
    anchor: str | None = None
    anchor_date: _dt.date | None = None
    mod: str | None = None
    timezone: str | None = None


@attrs.frozen(kw_only=True)
class Failure:
    """An input of a batch that could not be structured (``structure_many``, the CLI).

    Attributes:
        index: Position of the input in the batch (0-based).
        id: The input's id, when it had one.
        line: The input's line number (1-based) when it came from a JSONL file.
        error: What went wrong.
    """

    index: int
    error: str
    id: Any = None
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        if self.line is not None:
            out["line"] = self.line
        if self.id is None and self.line is None:
            out["index"] = self.index
        out["error"] = self.error
        return out


@attrs.frozen(kw_only=True)
class Article:
    """A structured news article.

    Attributes:
        text: The input, unchanged.
        published: The reference date passed by the caller (or None).
        dateline: The opening wire dateline, if any.
        boilerplate, paragraphs, sentences, quotes, dates: The records of each stage.
        warnings: Content problems met on the way (a rule that timed out, ...).
    """

    text: str = attrs.field(repr=False)
    published: _dt.date | None = None
    dateline: Dateline | None = None
    boilerplate: tuple[Boilerplate, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def reference_date(self) -> _dt.date | None:
        """The date relative expressions were resolved against: published, else the
        dateline's date, else the day a timestamp line of the page names in full."""
        if self.published is not None:
            return self.published
        from .dates.reference import reference_of
        from .lexicons import load_lexicon

        return reference_of(self.dateline, self.boilerplate, load_lexicon())[0]

    def _repr_html_(self) -> str:
        """Jupyter's rich display: the text with its records marked (``newsstruct.display``)."""
        from .display import render_html

        return render_html(self)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (``schema_version`` included); inverse of :meth:`from_dict`."""
        out = _to_plain(self)
        assert isinstance(out, dict)
        return {"schema_version": SCHEMA_VERSION, **out}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an Article from :meth:`to_dict` output.

        Raises:
            TypeError: ``data`` is not a dict (a JSON string is read with ``json.loads``).
            ValueError: the dict has no ``text`` (an error record of a batch, say), or was
                written by a newer, incompatible schema.
        """
        if not isinstance(data, Mapping):
            raise TypeError(
                f"Article.from_dict takes a dict (json.loads(line)), not {type(data).__name__}"
            )
        if "text" not in data:
            if "error" in data:
                raise ValueError(f"an error record, not an article: {data['error']}")
            raise ValueError("no 'text': not the dict of an Article")
        version = data.get("schema_version", SCHEMA_VERSION)
        if not isinstance(version, int) or version > SCHEMA_VERSION:
            raise ValueError(
                f"schema_version {version!r} is newer than this newsstruct reads "
                f"({SCHEMA_VERSION}); upgrade newsstruct"
            )
        fields = {k: v for k, v in data.items() if k != "schema_version"}
        article: Article = _from_plain(cls, fields)
        return article


def iter_spans(obj: object) -> Iterator[Any]:
    """Every record with ``start``, ``end`` and ``text`` reachable from ``obj`` (an Article, a
    record, or a sequence of them), nested ones included: quote pieces, cues, speaker
    mentions. Useful to check the offsets contract on your own data.

    >>> from newsstruct import structure
    >>> text = '"We are ready," Mayor Ines Calloway said on Monday.'
    >>> art = structure(text, "2024-05-09")
    >>> all(text[r.start : r.end] == r.text for r in iter_spans(art))
    True
    """
    if isinstance(obj, tuple | list):
        for item in obj:
            yield from iter_spans(item)
        return
    if not attrs.has(type(obj)):
        return
    if all(hasattr(obj, name) for name in ("start", "end", "text")):
        yield obj
    kind: Any = type(obj)  # an attrs class, checked above
    for field in attrs.fields(kind):
        if field.name != "text":
            yield from iter_spans(getattr(obj, field.name))


def to_json(article: Article, **kwargs: Any) -> str:
    """Serialise an Article to a JSON string (``json.dumps`` keyword arguments pass through).

    >>> from newsstruct import structure
    >>> to_json(structure("Hello.")).startswith('{"schema_version": 1')
    True
    """
    kwargs.setdefault("ensure_ascii", False)
    return json.dumps(article.to_dict(), **kwargs)


# Field types that need converting back from JSON, per record class.
_NESTED: dict[type, dict[str, Any]] = {
    Speaker: {"mention": Span},
    Quote: {"pieces": (Span,), "speaker": Speaker, "cue": Span},
    Dateline: {"date": _dt.date},
    DateMention: {"first_day": _dt.date, "last_day": _dt.date, "anchor_date": _dt.date},
    Article: {
        "published": _dt.date,
        "dateline": Dateline,
        "boilerplate": (Boilerplate,),
        "paragraphs": (Paragraph,),
        "sentences": (Sentence,),
        "quotes": (Quote,),
        "dates": (DateMention,),
        "warnings": (str,),
    },
}


def _to_plain(obj: Any) -> Any:
    if attrs.has(type(obj)):
        return {f.name: _to_plain(getattr(obj, f.name)) for f in attrs.fields(type(obj))}
    if isinstance(obj, tuple):
        return [_to_plain(x) for x in obj]
    if isinstance(obj, _dt.date):
        return obj.isoformat()
    return obj


def _convert(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(kind, tuple):
        return tuple(_convert(kind[0], v) for v in value)
    if kind is _dt.date:
        return _dt.date.fromisoformat(value)
    if kind is str:
        return value
    return _from_plain(kind, value)


def _from_plain(cls: type, data: dict[str, Any]) -> Any:
    known = {f.name for f in attrs.fields(cls)}
    nested = _NESTED.get(cls, {})
    kwargs = {
        k: _convert(nested[k], v) if k in nested else v for k, v in data.items() if k in known
    }
    return cls(**kwargs)
