"""structure_many(): many articles, in input order, on one or several processes.

Input is streamed: at most a few chunks per worker are in flight, so an iterator over a huge
JSONL file is never held in memory. Every input gives an Article or a Failure naming it; a bad
item or an exception inside a worker never loses the other articles.

With ``dedupe_lines`` the lines that recur across the articles of the batch are boilerplate
(CCNet-style; see :class:`~newsstruct.boilerplate.LineCounter`): either learnt from the first
``dedupe_lines`` items (held in memory only while they are counted), or given as the set of
keys a pre-pass computed.
"""

from __future__ import annotations

import itertools
import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Collection, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Literal

import attrs

from .boilerplate import LineCounter
from .lexicons import Lexicon, check_lang, lexicon_for
from .pipeline import structure
from .records import Article, Failure
from .text import check_typewriter, parse_published

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
    dedupe_lines: int | Collection[int] | None = None,
    min_docs: int = 3,
    lexicon: Lexicon | None = None,
    typewriter_quotes: bool | Literal["auto"] = "auto",
    transcripts: bool = False,
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
        dedupe_lines: Lines repeated across the batch are boilerplate (rule
            "repeated-line"). An int N learns them from the first N items (a window read ahead
            and counted, then structured like the rest); a set of keys
            (``LineCounter.repeated()`` from a pre-pass) is used as given. None: off.
        min_docs: With an int ``dedupe_lines``, a line is repeated when it occurs in at least
            this many items of the window.
        lexicon: A lexicon to use instead of the packaged one (e.g.
            ``load_lexicon("en", extra="my_lexicon/")``); it is sent to each worker.
        typewriter_quotes: Read ``''…''`` as quote marks: ``"auto"`` where the text is
            written that way, True always, False never (see :func:`structure`).
        transcripts: Read a transcript's or Q&A's answers as quotes (see :func:`structure`).

    Yields:
        An :class:`Article` per good input, a :class:`Failure` (with its index and id) per
        input that could not be structured.

    Raises:
        TypeError: ``items`` is one string, ``published`` or ``lexicon`` is of a wrong type,
            or ``typewriter_quotes`` is not a bool or ``"auto"``.
        ValueError: ``published`` is not an ISO date, ``lang`` is not supported,
            ``n_process``, ``batch_size`` or ``dedupe_lines`` is not a positive int, or
            ``typewriter_quotes`` is a str other than ``"auto"``.
    """
    if isinstance(items, str | bytes):
        raise TypeError(f"items must be an iterable of articles, not {type(items).__name__}")
    check_lang(lang)
    parse_published(published)
    check_typewriter(typewriter_quotes, "typewriter_quotes")
    lexicon_for(lexicon, lang)
    if not isinstance(n_process, int) or n_process < 1:
        raise ValueError(f"n_process must be a positive int, got {n_process!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    repeated: frozenset[int] | None = None
    if isinstance(dedupe_lines, bool | str | bytes) or not (
        dedupe_lines is None or isinstance(dedupe_lines, int | Collection)
    ):
        raise TypeError(f"dedupe_lines must be an int or a set of keys, got {dedupe_lines!r}")
    if isinstance(dedupe_lines, int):
        if dedupe_lines < 1:
            raise ValueError(f"dedupe_lines must be a positive int, got {dedupe_lines!r}")
        items, repeated = _learn_repeated(items, dedupe_lines, min_docs)
    elif dedupe_lines is not None:
        repeated = frozenset(dedupe_lines)
    numbered = enumerate(items)
    results: Iterator[Article | Failure]
    if n_process == 1:
        results = (
            _one(i, item, published, lang, repeated, lexicon, typewriter_quotes, transcripts)
            for i, item in numbered
        )
    else:
        results = _pooled(
            numbered,
            n_process,
            published,
            lang,
            batch_size,
            mp_context,
            repeated,
            lexicon,
            typewriter_quotes,
            transcripts,
        )
    if progress:
        results = _with_progress(results)
    return results


def _learn_repeated(
    items: Iterable[Item], window: int, min_docs: int
) -> tuple[Iterator[Item], frozenset[int]]:
    """Read the first ``window`` items, count their lines; give back all items, in order."""
    it = iter(items)
    head = list(itertools.islice(it, window))
    counter = LineCounter(min_docs=min_docs)
    for item in head:
        text = _text_of(item)
        if text is not None:
            counter.add(text)
    return itertools.chain(head, it), counter.repeated()


def _text_of(item: Item) -> str | None:
    if isinstance(item, Mapping):
        text = item.get("text")
    elif isinstance(item, tuple) and len(item) == 2:
        text = item[0]
    else:
        text = item
    return text if isinstance(text, str) else None


def _one(
    index: int,
    item: Item,
    published: Any,
    lang: str,
    repeated: frozenset[int] | None = None,
    lexicon: Lexicon | None = None,
    typewriter_quotes: bool | Literal["auto"] = "auto",
    transcripts: bool = False,
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
        return structure(
            text,
            pub if pub is not None else published,
            lang,
            lexicon=lexicon,
            repeated=repeated,
            typewriter_quotes=typewriter_quotes,
            transcripts=transcripts,
        )
    except ImportError:
        raise  # a broken installation (nltk, dateparser missing) fails every item: stop
    except Exception as exc:  # a failure is a record, never the end of the batch
        return Failure(index=index, id=item_id, error=f"{type(exc).__name__}: {exc}")


def _chunk(
    chunk: list[tuple[int, Item]],
    published: Any,
    lang: str,
    repeated: frozenset[int] | None,
    lexicon: Lexicon | None = None,
    typewriter_quotes: bool | Literal["auto"] = "auto",
    transcripts: bool = False,
) -> list[Article | Failure]:
    return [
        _one(i, item, published, lang, repeated, lexicon, typewriter_quotes, transcripts)
        for i, item in chunk
    ]


def _pooled(
    numbered: Iterator[tuple[int, Item]],
    n_process: int,
    published: Any,
    lang: str,
    size: int,
    mp_context: str | None,
    repeated: frozenset[int] | None = None,
    lexicon: Lexicon | None = None,
    typewriter_quotes: bool | Literal["auto"] = "auto",
    transcripts: bool = False,
) -> Iterator[Article | Failure]:
    """Chunks of items through a process pool, a bounded number in flight, order kept.

    A worker that dies (killed, out of memory, a crash in native code) breaks the pool: a new
    pool takes over, the chunks in flight are sent again, and the chunk whose result was lost
    is retried one item at a time, so only an item that kills a worker on its own becomes a
    Failure.
    """
    context = multiprocessing.get_context(mp_context) if mp_context else None
    args = (published, lang, repeated, lexicon, typewriter_quotes, transcripts)
    pool = _new_pool(n_process, context)
    try:
        pending: deque[tuple[list[tuple[int, Item]], Future[list[Article | Failure]]]] = deque()
        chunks = iter(lambda: list(itertools.islice(numbered, size)), [])
        for chunk in itertools.islice(chunks, n_process * _IN_FLIGHT_PER_WORKER):
            pending.append((chunk, pool.submit(_chunk, chunk, *args)))
        while pending:
            chunk, future = pending.popleft()
            try:
                done = future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(n_process, context)
                done, pool = _one_by_one(chunk, pool, n_process, context, args)
                pending = deque((c, pool.submit(_chunk, c, *args)) for c, _ in pending)
            yield from done
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append((nxt, pool.submit(_chunk, nxt, *args)))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _one_by_one(
    chunk: list[tuple[int, Item]],
    pool: ProcessPoolExecutor,
    n_process: int,
    context: Any,
    args: tuple[Any, ...],
) -> tuple[list[Article | Failure], ProcessPoolExecutor]:
    """Retry a chunk item by item; an item that breaks the pool again is a Failure."""
    done: list[Article | Failure] = []
    for i, item in chunk:
        try:
            done.extend(pool.submit(_chunk, [(i, item)], *args).result())
        except BrokenProcessPool:
            done.append(Failure(index=i, id=_id_of(item), error="worker process died"))
            pool.shutdown(wait=False, cancel_futures=True)
            pool = _new_pool(n_process, context)
    return done, pool


def _new_pool(n_process: int, context: Any) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=n_process, mp_context=context, initializer=_ignore_interrupts
    )


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops after a complete result."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


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
