"""Records as rows: flat dicts for Spark, Arrow or a CSV writer, and pandas DataFrames.

``quote_rows``, ``date_rows`` and ``boilerplate_rows`` yield one dict per record with a fixed
set of keys (the ``*_COLUMNS`` tuples below, in that order) and plain values: ``str``, ``int``,
``bool``, ``datetime.date`` or ``None``. They need nothing beyond the standard library.

``quotes_frame``, ``dates_frame`` and ``boilerplate_frame`` build one pandas DataFrame from
many articles, one row per record, with the article's id in the first column. pandas is
imported on first use (the ``pandas`` extra: ``pip install "newsstruct[pandas]"``).

Articles are given as any of:

- one :class:`~newsstruct.Article`;
- an iterable of Articles, whose ids are then their positions (0, 1, 2, ...), or the values
  of ``ids=`` when given (one id per article, same order);
- an iterable of ``(id, Article)`` pairs;
- a mapping of id to ``Article``;
- the output of :func:`~newsstruct.structure_many`: a :class:`~newsstruct.Failure` has no
  records and gives no rows (its position still counts for the ids).

>>> import newsstruct
>>> art = newsstruct.structure('"It works," said Ada Quist on Friday.', "2024-05-09")
>>> [(r["speaker"], r["cue"], r["text"]) for r in quote_rows(art, id="a1")]
[('Ada Quist', 'said', 'It works,')]
>>> [(r["id"], r["text"], r["value"], r["first_day"]) for r in date_rows(art, id="a1")]
[('a1', 'Friday', '2024-05-03', datetime.date(2024, 5, 3))]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .records import Article, Failure

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "BOILERPLATE_COLUMNS",
    "DATE_COLUMNS",
    "QUOTE_COLUMNS",
    "boilerplate_frame",
    "boilerplate_rows",
    "date_rows",
    "dates_frame",
    "iter_articles",
    "iter_items",
    "quote_rows",
    "quotes_frame",
]

# (column, pandas dtype) in row order. "id" holds the ids as given (any Python value); "string"
# is pandas' nullable string dtype and "Int64" its nullable integer (missing values are <NA>).
QUOTE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "object"),  # the article's id
    ("index", "int64"),  # position of the quote in Article.quotes
    ("start", "int64"),
    ("end", "int64"),
    ("text", "string"),  # text[start:end]: from the first piece to the last
    ("spoken", "string"),  # the pieces' text joined by a space: only the quoted words
    ("n_pieces", "int64"),
    ("kind", "string"),  # "direct" | "mixed" | "indirect"
    ("speaker", "string"),  # Speaker.name, or None
    ("speaker_mention", "string"),  # the surface form attached to this quote, or None
    ("speaker_start", "Int64"),  # offsets of the mention (nullable)
    ("speaker_end", "Int64"),
    ("resolved_by", "string"),  # Speaker.resolved_by, or None
    ("cue", "string"),  # the cue's text, or None
    ("cue_start", "Int64"),
    ("cue_end", "Int64"),
    ("closed", "bool"),
)
DATE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "object"),
    ("index", "int64"),  # position of the mention in Article.dates
    ("start", "int64"),
    ("end", "int64"),
    ("text", "string"),
    ("type", "string"),  # "DATE" | "TIME" | "DURATION" | "SET"
    ("value", "string"),  # TIMEX3 value, or None
    ("first_day", "datetime64[s]"),  # calendar range (NaT where none)
    ("last_day", "datetime64[s]"),
    ("anchor", "string"),  # "published" | "dateline" | "previous-date" | "absolute" | None
    ("anchor_date", "datetime64[s]"),
)
BOILERPLATE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "object"),
    ("index", "int64"),  # position of the span in Article.boilerplate
    ("start", "int64"),
    ("end", "int64"),
    ("text", "string"),
    ("category", "string"),
    ("rule", "string"),
)


def iter_articles(articles: Any, ids: Iterable[Any] | None = None) -> Iterator[tuple[Any, Article]]:
    """``(id, Article)`` for each article given in one of the accepted forms (module docs).

    Failures are skipped. Raises TypeError on anything else, and ValueError when ``ids`` is
    given with pairs or has a different length from the articles.

    >>> import newsstruct
    >>> a, b = newsstruct.structure("One."), newsstruct.structure("Two.")
    >>> [i for i, _ in iter_articles([a, b])], [i for i, _ in iter_articles([a, b], ids="xy")]
    ([0, 1], ['x', 'y'])
    """
    for item_id, item in iter_items(articles, ids):
        if isinstance(item, Article):
            yield item_id, item


def iter_items(
    articles: Any, ids: Iterable[Any] | None = None
) -> Iterator[tuple[Any, Article | Failure]]:
    """Like :func:`iter_articles`, but Failures are kept, in their place."""
    if isinstance(articles, Article):
        articles = [articles]
    elif isinstance(articles, Mapping):  # {id: Article}
        articles = articles.items()
    elif isinstance(articles, (str, bytes)) or not isinstance(articles, Iterable):
        raise TypeError(
            "expected an Article, an iterable of Articles or of (id, Article) pairs, "
            f"not {type(articles).__name__}"
        )
    id_iter = iter(ids) if ids is not None else None
    for position, item in enumerate(articles):
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], (Article, Failure)):
            if id_iter is not None:
                raise ValueError("give ids either as (id, Article) pairs or as ids=, not both")
            item_id, item = item
        elif id_iter is not None:
            try:
                item_id = next(id_iter)
            except StopIteration:
                raise ValueError("ids= has fewer values than there are articles") from None
        else:
            item_id = position
        if not isinstance(item, (Article, Failure)):
            raise TypeError(
                f"item {position}: expected an Article or an (id, Article) pair, "
                f"not {type(item).__name__}"
            )
        yield item_id, item
    if id_iter is not None and next(id_iter, _END) is not _END:
        raise ValueError("ids= has more values than there are articles")


_END = object()


def quote_rows(article: Article, id: Any = None) -> Iterator[dict[str, Any]]:
    """One flat dict per quote, with the keys of :data:`QUOTE_COLUMNS` in that order."""
    for index, q in enumerate(article.quotes):
        speaker, cue = q.speaker, q.cue
        mention = speaker.mention if speaker is not None else None
        yield {
            "id": id,
            "index": index,
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "spoken": " ".join(p.text for p in q.pieces) if q.pieces else q.text,
            "n_pieces": len(q.pieces),
            "kind": q.kind,
            "speaker": speaker.name if speaker is not None else None,
            "speaker_mention": mention.text if mention is not None else None,
            "speaker_start": mention.start if mention is not None else None,
            "speaker_end": mention.end if mention is not None else None,
            "resolved_by": speaker.resolved_by if speaker is not None else None,
            "cue": cue.text if cue is not None else None,
            "cue_start": cue.start if cue is not None else None,
            "cue_end": cue.end if cue is not None else None,
            "closed": q.closed,
        }


def date_rows(article: Article, id: Any = None) -> Iterator[dict[str, Any]]:
    """One flat dict per date mention, with the keys of :data:`DATE_COLUMNS` in that order.

    ``first_day``, ``last_day`` and ``anchor_date`` are ``datetime.date`` objects or None.
    """
    for index, d in enumerate(article.dates):
        yield {
            "id": id,
            "index": index,
            "start": d.start,
            "end": d.end,
            "text": d.text,
            "type": d.type,
            "value": d.value,
            "first_day": d.first_day,
            "last_day": d.last_day,
            "anchor": d.anchor,
            "anchor_date": d.anchor_date,
        }


def boilerplate_rows(article: Article, id: Any = None) -> Iterator[dict[str, Any]]:
    """One flat dict per boilerplate span, with the keys of :data:`BOILERPLATE_COLUMNS`."""
    for index, b in enumerate(article.boilerplate):
        yield {
            "id": id,
            "index": index,
            "start": b.start,
            "end": b.end,
            "text": b.text,
            "category": b.category,
            "rule": b.rule,
        }


def quotes_frame(articles: Any, *, ids: Iterable[Any] | None = None) -> pandas.DataFrame:
    """A DataFrame of every quote, one row each, columns as in :data:`QUOTE_COLUMNS`.

    Args:
        articles: An Article, Articles, ``(id, Article)`` pairs or ``structure_many`` output.
        ids: One id per article, when the articles are given without ids.

    Raises:
        ImportError: pandas is not installed (``pip install "newsstruct[pandas]"``).
    """
    return _frame(quote_rows, QUOTE_COLUMNS, articles, ids)


def dates_frame(articles: Any, *, ids: Iterable[Any] | None = None) -> pandas.DataFrame:
    """A DataFrame of every date mention, columns as in :data:`DATE_COLUMNS`.

    The calendar columns are ``datetime64[s]`` (``NaT`` where a mention has no range), so
    ``df.first_day.dt.year`` and date comparisons work directly. Arguments as
    :func:`quotes_frame`.
    """
    return _frame(date_rows, DATE_COLUMNS, articles, ids)


def boilerplate_frame(articles: Any, *, ids: Iterable[Any] | None = None) -> pandas.DataFrame:
    """A DataFrame of every boilerplate span, columns as in :data:`BOILERPLATE_COLUMNS`.

    Arguments as :func:`quotes_frame`.
    """
    return _frame(boilerplate_rows, BOILERPLATE_COLUMNS, articles, ids)


def _frame(
    rows: Any, columns: tuple[tuple[str, str], ...], articles: Any, ids: Iterable[Any] | None
) -> pandas.DataFrame:
    pd = _pandas()
    records = [row for item_id, art in iter_articles(articles, ids) for row in rows(art, item_id)]
    data = {
        name: pd.Series([r[name] for r in records], dtype=dtype, name=name)
        for name, dtype in columns
    }
    frame: pandas.DataFrame = pd.DataFrame(data, columns=[name for name, _ in columns])
    return frame


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(
            "newsstruct's DataFrames need pandas: pip install pandas (the newsstruct[pandas] extra)"
        ) from exc
    return pandas
