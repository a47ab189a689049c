"""The command line: ``newsstruct FILE|- [--published DATE] [--format json|jsonl|text|html]``.

A plain-text input is one article. A JSONL input (``.jsonl``/``.ndjson``, or ``--jsonl``) holds
one ``{"id", "text", "published"}`` object a line and is streamed: one output line per
non-blank input line, in input order. A bad line gives an error record in its place and a
message on stderr; processing goes on and the exit status is 1 at the end. ``--format html``
writes one HTML page (newsstruct.display) for an article or a whole JSONL batch.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Generator, Iterator, Sequence
from typing import IO, Any

from . import __version__
from .lexicons import Lexicon, check_lang, load_lexicon
from .parallel import structure_many
from .pipeline import structure
from .records import Article, Failure
from .text import parse_published


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsstruct",
        description="Structure news articles: boilerplate, paragraphs, sentences, quotes "
        "with speakers, dates resolved against the publication date.",
    )
    parser.add_argument("--version", action="version", version=f"newsstruct {__version__}")
    inp = parser.add_argument_group("Input")
    inp.add_argument(
        "input", help="a text file, a .jsonl (or .ndjson) file, or - for standard input"
    )
    inp.add_argument("--jsonl", action="store_true", help="read the input as JSONL")
    inp.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (YYYY-MM-DD); for JSONL, the default for lines without one",
    )
    inp.add_argument("--lang", default="en", help="language of the lexicons (default: en)")
    inp.add_argument(
        "--typewriter-quotes",
        action=argparse.BooleanOptionalAction,
        default="auto",
        help="read two apostrophes (''...'') as quote marks in every text, or in none "
        "(--no-typewriter-quotes); by default in a text that writes its quotes that way",
    )
    inp.add_argument(
        "--transcripts",
        action="store_true",
        help='also read the answers of a transcript or Q&A ("SMITH: ...", "A: ...") as quotes',
    )
    inp.add_argument(
        "--lexicon",
        metavar="DIR",
        help="a user lexicon directory whose entries are added to the packaged ones",
    )
    out = parser.add_argument_group("Output")
    out.add_argument(
        "--format",
        choices=("json", "jsonl", "text", "html"),
        help="json (indented; default for one article), jsonl (default for JSONL input), "
        "text, html (one page with the records marked)",
    )
    run = parser.add_argument_group("Processing")
    run.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="worker processes for JSONL input"
    )
    run.add_argument("--progress", action="store_true", help="show progress on stderr")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # the reader of standard output went away (``newsstruct batch.jsonl | head``): stop
        # without a traceback, and keep the interpreter's last flush from raising again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return _SIGPIPE_STATUS


# 128 + SIGPIPE, the status of a program the shell's pipe stopped
_SIGPIPE_STATUS = 141


def _main(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    try:
        published = parse_published(args.published, "--published")
    except ValueError as exc:
        print(f"newsstruct: {exc}", file=sys.stderr)
        return 2
    if args.jobs < 1:
        print("newsstruct: --jobs must be at least 1", file=sys.stderr)
        return 2
    try:
        check_lang(args.lang)
    except ValueError as exc:
        print(f"newsstruct: --lang: {exc}", file=sys.stderr)
        return 2
    try:
        lexicon = load_lexicon(args.lang, extra=args.lexicon) if args.lexicon else None
    except (OSError, ValueError) as exc:
        print(f"newsstruct: --lexicon: {exc}", file=sys.stderr)
        return 2
    jsonl = args.jsonl or args.input.lower().endswith((".jsonl", ".ndjson"))
    try:
        stream = _open(args.input)
    except OSError as exc:
        print(f"newsstruct: cannot read {args.input}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    with stream:
        if jsonl:
            return _run_jsonl(stream, args, published, lexicon)
        article = structure(
            stream.read(),
            published,
            args.lang,
            lexicon=lexicon,
            typewriter_quotes=args.typewriter_quotes,
            transcripts=args.transcripts,
        )
    _write(article.to_dict(), args.format or "json", sys.stdout, article)
    return 0


def _open(path: str) -> IO[str]:
    # "utf-8-sig": a byte-order mark that some editors put first is no part of the text
    if path == "-":
        return open(sys.stdin.fileno(), encoding="utf-8-sig", errors="replace", closefd=False)
    return open(path, encoding="utf-8-sig", errors="replace")


def _run_jsonl(
    stream: IO[str], args: argparse.Namespace, published: Any, lexicon: Lexicon | None
) -> int:
    lines: deque[tuple[int, Any]] = deque()
    items = _read_jsonl(stream, lines)
    failed = False
    results = structure_many(
        items,
        n_process=args.jobs,
        progress=args.progress,
        published=published,
        lang=args.lang,
        lexicon=lexicon,
        typewriter_quotes=args.typewriter_quotes,
        transcripts=args.transcripts,
    )

    def labelled() -> Iterator[tuple[int, Any, Article | Failure]]:
        nonlocal failed
        for result, (line_no, item_id) in zip(results, _popper(lines), strict=False):
            if isinstance(result, Failure):
                failed = True
                result = Failure(index=result.index, id=item_id, line=line_no, error=result.error)
                where = f"line {line_no}" + (f" (id {item_id!r})" if item_id is not None else "")
                print(f"newsstruct: {where}: {result.error}", file=sys.stderr)
            yield line_no, item_id, result

    fmt = args.format or "jsonl"
    if fmt == "html":
        from .display import iter_html

        pairs = (
            (item_id if item_id is not None else f"line {line_no}", result)
            for line_no, item_id, result in labelled()
        )
        for chunk in iter_html(pairs, document=True):
            _put(sys.stdout, chunk)
        return 1 if failed else 0
    with _Interrupts() as stop:
        for line_no, item_id, result in labelled():
            _emit(line_no, item_id, result, fmt)
            if stop.signal is not None:  # Ctrl-C or SIGTERM: stop after a complete line
                if isinstance(results, Generator):
                    results.close()
                return 128 + stop.signal
    return 1 if failed else 0


def _emit(line_no: int, item_id: Any, result: Article | Failure, fmt: str) -> None:
    """One result as one complete line (or block, for ``--format json|text``)."""
    if isinstance(result, Failure):
        _write(result.to_dict(), "jsonl", sys.stdout, None)
        return
    if fmt == "text":  # one summary after another, each opening with what it is of
        if item_id is None:
            where = f"Line: {line_no}"
        else:
            where = f"Id: {json.dumps(item_id, ensure_ascii=False)}"
        _put(sys.stdout, f"{where}\n{render_text(result)}\n")
        sys.stdout.flush()
        return
    data: dict[str, Any] = {"id": item_id} if item_id is not None else {"line": line_no}
    data.update(result.to_dict())
    _write(data, fmt, sys.stdout, result)


class _Interrupts:
    """While active, SIGINT and SIGTERM only set ``signal``: the run stops between lines,
    so an interrupted run leaves only complete output lines."""

    def __init__(self) -> None:
        self.signal: int | None = None
        self._saved: dict[int, Any] = {}

    def __enter__(self) -> _Interrupts:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._saved[sig] = signal.signal(sig, self._note)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._saved.items():
            signal.signal(sig, handler)

    def _note(self, signum: int, frame: object) -> None:
        self.signal = signum


def _popper(lines: deque[Any]) -> Iterator[Any]:
    while lines:
        yield lines.popleft()


def _read_jsonl(stream: IO[str], lines: deque[tuple[int, Any]]) -> Iterator[Any]:
    """Yield one item a non-blank line; a bad line becomes a Failure in its place."""
    for line_no, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            lines.append((line_no, None))
            yield Failure(
                index=0, line=line_no, error=f"invalid JSON: {exc.msg} at column {exc.colno}"
            )
            continue
        if not isinstance(obj, dict):
            lines.append((line_no, None))
            yield Failure(index=0, line=line_no, error="line is not a JSON object")
            continue
        item_id = obj.get("id")
        lines.append((line_no, item_id))
        if "text" not in obj:
            yield Failure(index=0, id=item_id, line=line_no, error="missing 'text'")
        elif not isinstance(obj["text"], str):
            error = f"'text' must be a string, not {type(obj['text']).__name__}"
            yield Failure(index=0, id=item_id, line=line_no, error=error)
        else:
            yield obj


def _write(data: dict[str, Any], fmt: str, out: IO[str], article: Article | None) -> None:
    if fmt == "text" and article is not None:
        _put(out, render_text(article))
    elif fmt == "html" and article is not None:
        from .display import render_html

        _put(out, render_html(article, document=True))
    else:
        indent = 2 if fmt == "json" else None
        try:
            out.write(json.dumps(data, ensure_ascii=False, indent=indent) + "\n")
        except UnicodeEncodeError:
            # a lone surrogate ("\ud800" in the input JSON) or an output encoding that is not
            # UTF-8: the same JSON with every non-ASCII character escaped reads back the same
            out.write(json.dumps(data, ensure_ascii=True, indent=indent) + "\n")
    out.flush()


def _put(out: IO[str], chunk: str) -> None:
    """Write text for people; characters the output cannot encode (a lone surrogate) are
    written as backslash escapes rather than lost with the rest of the run."""
    try:
        out.write(chunk)
    except UnicodeEncodeError:
        out.write(chunk.encode("ascii", "backslashreplace").decode("ascii"))


def render_text(article: Article) -> str:
    """A human-readable summary of an Article."""
    out = []
    if article.dateline is not None:
        d = article.dateline
        out.append(f"Dateline: {d.text}  (location={d.location}, agency={d.agency}, date={d.date})")
    reference = article.reference_date
    found = f"  (reference date: {reference})" if reference != article.published else ""
    out.append(f"Published: {article.published}{found}")
    out.append(f"Paragraphs: {len(article.paragraphs)}  Sentences: {len(article.sentences)}")
    out.append(f"Boilerplate ({len(article.boilerplate)}):")
    out += [f"  [{b.category}/{b.rule}] {b.text}" for b in article.boilerplate]
    out.append(f"Quotes ({len(article.quotes)}):")
    for q in article.quotes:
        who = q.speaker.name if q.speaker else "?"
        cue = q.cue.text if q.cue else "-"
        mark = "" if q.closed else " (unclosed)"
        spoken = " … ".join(p.text for p in q.pieces) if q.pieces else q.text
        out.append(f"  {q.kind:8} {who} [{cue}]{mark}: {spoken}")
    out.append(f"Dates ({len(article.dates)}):")
    out += [f"  {d.type:8} {d.value or '?':16} {d.text}" for d in article.dates]
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
