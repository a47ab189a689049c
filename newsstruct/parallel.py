"""structure_many(): many articles, in input order, on one or several processes.

Input is streamed: at most a few chunks per worker are in flight, so an iterator over a huge
JSONL file is never held in memory. Every input gives an Article or a Failure naming it; a bad
item or an exception inside a worker never loses the other articles.
"""

from __future__ import annotations

import itertools
import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

import attrs

from .lexicons import Lexicon
from .pipeline import structure
from .records import Article, Failure

Item = Any  # str | (text, published) | {"id", "text", "published"}
_IN_FLIGHT_PER_WORKER = 4


def structure_many(
    items: Iterable[Item],
    n_process: int = 1,
    progress: bool = False,
    *,
    published: Any = None,
    lang: str = "en",
    batch_size: int = 16,
    mp_context: str | None = None,
    lexicon: Lexicon | None = None,
) -> Iterator[Article | Failure]:
    """Structure many articles; yields one result per input, in input order.

    Args:
        items: Strings, ``(text, published)`` pairs, or mappings with ``"text"`` and optional
            ``"id"`` and ``"published"``; a :class:`Failure` passes through in its place.
        n_process: Worker processes (1 runs in this process).
        progress: Show a progress counter on stderr (a tqdm bar with the ``progress`` extra).
        published: Default reference date for items that give none.
        batch_size: Items sent to a worker at once.
        mp_context: Start method for the workers ("spawn", "forkserver", "fork"); None takes
            the platform's default. Everything sent to a worker pickles, so all three work.
        lexicon: A lexicon to use instead of the packaged one (e.g.
            ``load_lexicon("en", extra="my_lexicon/")``); it is sent to each worker.

    Yields:
        An :class:`Article` per good input, a :class:`Failure` (with its index and id) per
        input that could not be structured.
    """
    if not isinstance(n_process, int) or n_process < 1:
        raise ValueError(f"n_process must be a positive int, got {n_process!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    numbered = enumerate(items)
    results: Iterator[Article | Failure]
    if n_process == 1:
        results = (_one(i, item, published, lang, lexicon) for i, item in numbered)
    else:
        results = _pooled(numbered, n_process, published, lang, batch_size, mp_context, lexicon)
    if progress:
        results = _with_progress(results)
    return results


def _one(
    index: int, item: Item, published: Any, lang: str, lexicon: Lexicon | None = None
) -> Article | Failure:
    item_id = None
    if isinstance(item, Failure):  # already failed upstream (e.g. a bad JSONL line)
        return attrs.evolve(item, index=index)
    try:
        if isinstance(item, Mapping):
            item_id = item.get("id")
            if "text" not in item:
                return Failure(index=index, id=item_id, error="missing 'text'")
            text, pub = item["text"], item.get("published", published)
        elif isinstance(item, tuple) and len(item) == 2:
            text, pub = item
        else:
            text, pub = item, published
        return structure(text, pub if pub is not None else published, lang, lexicon=lexicon)
    except Exception as exc:  # a failure is a record, never the end of the batch
        return Failure(index=index, id=item_id, error=f"{type(exc).__name__}: {exc}")


def _chunk(
    chunk: list[tuple[int, Item]], published: Any, lang: str, lexicon: Lexicon | None
) -> list[Article | Failure]:
    return [_one(i, item, published, lang, lexicon) for i, item in chunk]


def _pooled(
    numbered: Iterator[tuple[int, Item]],
    n_process: int,
    published: Any,
    lang: str,
    size: int,
    mp_context: str | None,
    lexicon: Lexicon | None,
) -> Iterator[Article | Failure]:
    context = multiprocessing.get_context(mp_context) if mp_context else None
    with ProcessPoolExecutor(max_workers=n_process, mp_context=context) as pool:
        pending: deque[tuple[list[tuple[int, Item]], Future[list[Article | Failure]]]] = deque()
        chunks = iter(lambda: list(itertools.islice(numbered, size)), [])
        for chunk in itertools.islice(chunks, n_process * _IN_FLIGHT_PER_WORKER):
            pending.append((chunk, pool.submit(_chunk, chunk, published, lang, lexicon)))
        while pending:
            chunk, future = pending.popleft()
            try:
                done = future.result()
            except Exception as exc:  # a worker died: its chunk becomes failures
                done = [
                    Failure(index=i, id=_id_of(item), error=f"worker failed: {exc!r}")
                    for i, item in chunk
                ]
            yield from done
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append((nxt, pool.submit(_chunk, nxt, published, lang, lexicon)))


def _id_of(item: Item) -> Any:
    return item.get("id") if isinstance(item, Mapping) else None


def _with_progress(results: Iterator[Article | Failure]) -> Iterator[Article | Failure]:
    try:
        from tqdm import tqdm
    except ImportError:
        count = 0
        for r in results:
            count += 1
            if count % 100 == 0:
                print(f"\rnewsstruct: {count} articles", end="", file=sys.stderr, flush=True)
            yield r
        print(f"\rnewsstruct: {count} articles", file=sys.stderr, flush=True)
        return
    yield from tqdm(results, unit="article", file=sys.stderr)
