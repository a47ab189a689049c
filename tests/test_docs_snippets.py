"""The ```python blocks of README.md and docs/*.md run (docs/benchmarks.md aside).

Sphinx runs only the ```{doctest} blocks of the pages; this runs the others, so a renamed
function or a changed signature fails here, and so does a wrong output comment. The rules:

- **One namespace per page.** A page's blocks run in order in one namespace, so a block can
  use the names an earlier one defined; its ```{doctest} blocks run there too, in their place
  (their output is checked by the docs build, not here). Each ```python block is one test.
- **The reader's own data is given.** The namespace starts with what the prose takes as the
  reader's: ``text`` (an article's text, the wire story of examples/), ``html`` (the invented
  page of examples/html_page.py), ``items`` (a batch of ``{"id", "text", "published"}``
  dicts, the stories of examples/) and ``first_pages`` (their texts).
- **Files the blocks read** are in the page's temporary working directory: examples/ (the
  article texts), my_lexicon/ (examples/harbor_lexicon), the batch as articles.jsonl,
  archive.jsonl, archive-1.jsonl and archive/part-1.jsonl, and my_archive_sample.txt.
- **Output comments are checked.** ``# -> OUTPUT`` on a statement's last line, or on comment
  lines right after it, is what the statement prints (one comment a line of output), or for
  an expression that is not a ``print`` call, the ``repr`` of its value. A block of ``>>>``
  lines is a doctest and its output is checked.
- **Optional modules.** A block that imports, or calls something that needs, an optional
  module that is not installed (pandas, spaCy, trafilatura, Dask, Ray, pyspark, pyarrow) is
  skipped, and so are the page's later blocks. This is read from the ``ModuleNotFoundError``
  raised (an extra's ``ImportError`` from newsstruct has it as its cause), since a block can
  need a module it does not import (``quotes_frame`` needs pandas).
- **Blocks that cannot run here** are preceded in the Markdown by
  ``<!-- snippet: skip (reason) -->`` (invisible in the rendered page).
"""

from __future__ import annotations

import ast
import contextlib
import doctest
import io
import json
import re
import runpy
import shutil
import tokenize
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DOCS = sorted(p for p in (ROOT / "docs").glob("*.md") if p.name != "benchmarks.md")
PAGES = [ROOT / "README.md", *DOCS]
OPTIONAL = {"pandas", "spacy", "trafilatura", "dask", "ray", "pyspark", "pyarrow"}

FENCE = re.compile(r"^```(\S*)")
MARKER = re.compile(r"^<!-- snippet: (.*?) -->$")
SKIP = re.compile(r"skip \((.+)\)")
OUTPUT = re.compile(r"#\s*->\s?(.*)$")


@dataclass
class Block:
    page: Path
    line: int  # of the first line of code, 1-based
    kind: str  # "python" or "doctest"
    source: str
    skip: str | None = None

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def read_blocks(page: Path) -> list[Block]:
    """The ```python and ```{doctest} blocks of a page, with their skip markers."""
    blocks: list[Block] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    marker: tuple[int, str] | None = None
    i = 0
    while i < len(lines):
        if m := MARKER.match(lines[i]):
            skip = SKIP.fullmatch(m.group(1))
            assert skip, f"{page.name}:{i + 1}: marker must be 'skip (reason)'"
            marker = (i + 1, skip.group(1))
        elif m := FENCE.match(lines[i]):
            end = next(j for j in range(i + 1, len(lines)) if lines[j].rstrip() == "```")
            kind = {"python": "python", "{doctest}": "doctest"}.get(m.group(1))
            if kind:
                skip_reason = marker[1] if marker else None
                source = "\n".join(lines[i + 1 : end]) + "\n"
                blocks.append(Block(page, i + 2, kind, source, skip_reason))
                marker = None
            assert marker is None, f"{page.name}:{marker[0]}: marker not before a python block"
            i = end
        elif lines[i].strip():
            assert marker is None, f"{page.name}:{marker[0]}: marker not before a python block"
        i += 1
    return blocks


BLOCKS = [b for page in PAGES for b in read_blocks(page)]
SNIPPETS = [b for b in BLOCKS if b.kind == "python"]


@dataclass
class PageRun:
    """A page's namespace and how far its blocks have run."""

    namespace: dict[str, Any]
    workdir: Path
    done: int = 0
    stopped: str | None = None
    blocks: list[Block] = field(default_factory=list)


_RUNS: dict[Path, PageRun] = {}


def _batch() -> list[dict[str, str]]:
    items = []
    for path in sorted(EXAMPLES.glob("*_20??-??-??.txt")):
        topic, published = path.stem.rsplit("_", 1)
        items.append(
            {"id": topic, "text": path.read_text(encoding="utf-8"), "published": published}
        )
    return items


def _page_run(page: Path, tmp_path_factory: pytest.TempPathFactory) -> PageRun:
    if page not in _RUNS:
        workdir = tmp_path_factory.mktemp(page.stem)
        items = _batch()
        (workdir / "examples").mkdir()
        for path in EXAMPLES.glob("*.txt"):
            shutil.copy(path, workdir / "examples")
        shutil.copytree(EXAMPLES / "harbor_lexicon", workdir / "my_lexicon")
        (workdir / "archive").mkdir()
        jsonl = "".join(json.dumps(item) + "\n" for item in items)
        for name in ("articles.jsonl", "archive.jsonl", "archive-1.jsonl", "archive/part-1.jsonl"):
            (workdir / name).write_text(jsonl, encoding="utf-8")
        sample = "\n\n".join(item["text"] for item in items)
        (workdir / "my_archive_sample.txt").write_text(sample, encoding="utf-8")
        namespace = {
            "__name__": f"snippets_{page.stem}",
            "text": (EXAMPLES / "wire_harbor_strike_2024-05-09.txt").read_text(encoding="utf-8"),
            "html": runpy.run_path(str(EXAMPLES / "html_page.py"))["PAGE"],
            "items": items,
            "first_pages": [item["text"] for item in items],
        }
        blocks = [b for b in BLOCKS if b.page == page]
        _RUNS[page] = PageRun(namespace, workdir, blocks=blocks)
    return _RUNS[page]


def _missing_optional(exc: BaseException | None) -> str | None:
    """The optional module whose absence raised ``exc`` (directly or as its cause), if any."""
    while exc is not None:
        if isinstance(exc, ModuleNotFoundError) and exc.name:
            if exc.name.split(".")[0] in OPTIONAL:
                return exc.name
            return None
        exc = exc.__cause__
    return None


def _statements(block: Block) -> list[tuple[ast.stmt, list[str]]]:
    """The block's top-level statements, each with its ``# ->`` output lines."""
    tree = ast.parse(block.source, filename=block.where)
    outputs: list[tuple[int, str]] = []
    for tok in tokenize.generate_tokens(io.StringIO(block.source).readline):
        if tok.type == tokenize.COMMENT and (m := OUTPUT.match(tok.string)):
            outputs.append((tok.start[0], m.group(1)))
    body = tree.body
    assert all(row >= body[0].lineno for row, _ in outputs), f"{block.where}: '# ->' before code"
    result = []
    for n, stmt in enumerate(body):
        stop = body[n + 1].lineno if n + 1 < len(body) else float("inf")
        result.append((stmt, [out for row, out in outputs if stmt.lineno <= row < stop]))
    return result


def _is_print(stmt: ast.stmt) -> bool:
    return (
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Call)
        and isinstance(stmt.value.func, ast.Name)
        and stmt.value.func.id == "print"
    )


def _run_python(block: Block, namespace: dict[str, Any]) -> None:
    filename = str(block.page)
    for stmt, expected in _statements(block):
        ast.increment_lineno(stmt, block.line - 1)  # tracebacks point into the page
        where = f"{block.page.relative_to(ROOT)}:{stmt.lineno}"
        if expected and isinstance(stmt, ast.Expr) and not _is_print(stmt):
            code = compile(ast.Expression(stmt.value), filename, "eval")
            got = repr(eval(code, namespace))
            assert got == "\n".join(expected), where
            continue
        code = compile(ast.Module([stmt], type_ignores=[]), filename, "exec")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(code, namespace)
        if expected:
            got_lines = [line.rstrip() for line in out.getvalue().splitlines()]
            assert got_lines == expected, where


def _run_doctest(block: Block, namespace: dict[str, Any], *, check: bool) -> None:
    """A block of ``>>>`` examples: checked like a doctest, or (``check=False``) only run."""
    test = doctest.DocTestParser().get_doctest(
        block.source, namespace, block.where, str(block.page), block.line - 1
    )
    if not check:
        for example in test.examples:
            tree = ast.parse(example.source)
            ast.increment_lineno(tree, block.line + example.lineno - 1)
            exec(compile(tree, str(block.page), "exec"), namespace)
        return
    runner = doctest.DebugRunner(optionflags=doctest.ELLIPSIS)
    try:
        runner.run(test, clear_globs=False)
    except doctest.UnexpectedException as exc:
        raise exc.exc_info[1] from None
    except doctest.DocTestFailure as exc:
        example, got = exc.example, exc.got
    else:
        return
    pytest.fail(
        f"{block.page.relative_to(ROOT)}:{block.line + example.lineno}: {example.source.strip()}\n"
        f"expected: {example.want!r}\ngot:      {got!r}"
    )


def _run(block: Block, namespace: dict[str, Any]) -> None:
    if block.source.lstrip().startswith(">>>"):
        _run_doctest(block, namespace, check=block.kind == "python")
    else:
        _run_python(block, namespace)


@pytest.mark.parametrize("block", SNIPPETS, ids=[b.where for b in SNIPPETS])
def test_snippet_runs(block: Block, tmp_path_factory, monkeypatch):
    run = _page_run(block.page, tmp_path_factory)
    monkeypatch.chdir(run.workdir)
    # The page's blocks up to this one, those not run yet (all but this one when run alone).
    for current in run.blocks[run.done : run.blocks.index(block) + 1]:
        run.done += 1
        if current.skip:
            if current is block:
                pytest.skip(current.skip)
            continue
        if run.stopped:
            pytest.skip(run.stopped)
        try:
            _run(current, run.namespace)
        except Exception as exc:
            missing = _missing_optional(exc)
            if missing:
                run.stopped = f"an earlier block of the page ({current.where}) needs {missing}"
                pytest.skip(f"needs {missing}" if current is block else run.stopped)
            run.stopped = f"an earlier block ({current.where}) failed"
            if current is not block:
                pytest.fail(f"{run.stopped}: {exc!r}")
            raise


def test_blocks_are_found():
    assert {b.page.name for b in BLOCKS} >= {"README.md", "quickstart.md", "quotes.md"}
    assert len(SNIPPETS) >= 25
