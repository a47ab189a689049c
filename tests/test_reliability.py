"""Reliability: stage failures become warnings, workers that die lose no other article,
threads and processes give the results of a sequential run, interrupted CLI runs leave only
complete lines."""

from __future__ import annotations

import gc
import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import newsstruct.pipeline
from newsstruct import Failure, structure, structure_many

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TEXTS = [
    (p.read_text(encoding="utf-8"), p.stem.rsplit("_", 1)[-1])
    for p in sorted(EXAMPLES.glob("*.txt"))
]


def test_a_stage_that_times_out_becomes_a_warning(monkeypatch):
    def timed_out(*args, **kwargs):
        raise TimeoutError("regular expression timed out")

    monkeypatch.setattr(newsstruct.pipeline, "find_quotes", timed_out)
    text, published = TEXTS[0]
    art = structure(text, published)
    assert art.quotes == ()
    assert art.sentences and art.dates  # the other stages still ran
    assert len(art.warnings) == 1 and art.warnings[0].startswith("quotes: a pattern timed out")


def test_a_stage_that_raises_becomes_a_warning(monkeypatch):
    def broken(*args, **kwargs):
        raise IndexError("boom")

    monkeypatch.setattr(newsstruct.pipeline, "find_dates", broken)
    art = structure("Rain fell on Monday.", "2024-05-09")
    assert art.dates == () and art.sentences
    assert "dates: internal error on this text (IndexError: boom)" in art.warnings[0]


def test_a_missing_dependency_raises_instead_of_emptying_a_stage(monkeypatch):
    def needs_nltk(*args, **kwargs):
        raise ModuleNotFoundError("No module named 'nltk'")

    monkeypatch.setattr(newsstruct.pipeline, "split_sentences", needs_nltk)
    with pytest.raises(ModuleNotFoundError, match="nltk"):
        structure("Rain fell on Monday.", "2024-05-09")


def test_a_missing_dependency_stops_a_batch(monkeypatch):
    def needs_nltk(*args, **kwargs):
        raise ModuleNotFoundError("No module named 'nltk'")

    monkeypatch.setattr(newsstruct.pipeline, "split_sentences", needs_nltk)
    with pytest.raises(ModuleNotFoundError, match="nltk"):
        list(newsstruct.structure_many(["Rain fell on Monday.", "Snow fell on Tuesday."]))


def test_caller_mistakes_still_raise():
    with pytest.raises(TypeError, match="text must be a str"):
        structure(None)
    with pytest.raises(ValueError, match="'2022-02-30'"):
        structure("x", "2022-02-30")


def test_examples_give_no_warnings():
    for text, published in TEXTS:
        assert structure(text, published).warnings == ()


def test_eight_threads_match_a_sequential_run():
    jobs = TEXTS * 8
    sequential = [structure(t, p) for t, p in jobs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(lambda job: structure(*job), jobs))
    assert threaded == sequential
    assert gc.isenabled()  # the calls that paused the collector all turned it back on


def _collector_state_inside_structure(monkeypatch) -> list[bool]:
    seen: list[bool] = []
    real = newsstruct.pipeline.find_quotes

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(newsstruct.pipeline, "find_quotes", spy)
    return seen


def test_the_collector_is_paused_for_the_call_and_left_as_found(monkeypatch):
    seen = _collector_state_inside_structure(monkeypatch)
    assert gc.isenabled()
    structure("“We are ready,” Ada Vance said on Monday.", "2024-05-09")
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        structure("“We are ready,” Ada Vance said on Monday.", "2024-05-09")
        assert seen == [False, False] and not gc.isenabled()  # the caller's choice stands
    finally:
        gc.enable()


def test_the_collector_comes_back_on_when_a_call_is_interrupted(monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(newsstruct.pipeline, "find_dates", interrupted)
    with pytest.raises(KeyboardInterrupt):
        structure("Rain fell on Monday.", "2024-05-09")
    assert gc.isenabled()


def test_the_collector_comes_back_on_when_an_interrupt_comes_as_it_is_paused(monkeypatch):
    disable = gc.disable

    def disabled_then_interrupted():
        disable()
        raise KeyboardInterrupt  # a signal handled as gc.disable() returns

    monkeypatch.setattr(gc, "disable", disabled_then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        structure("Rain fell on Monday.", "2024-05-09")
    assert gc.isenabled()


def test_process_pool_matches_a_sequential_run():
    items = [{"id": str(i), "text": t, "published": p} for i, (t, p) in enumerate(TEXTS * 3)]
    assert list(structure_many(items, n_process=2, batch_size=2)) == list(structure_many(items))


def _die_on_poison(text, published=None, lang="en", **kwargs):
    if text == "POISON":
        os._exit(1)  # a worker killed outright: no exception, no cleanup
    return structure(text, published, lang, **kwargs)


@pytest.mark.skipif(sys.platform == "win32", reason="needs the fork start method")
def test_a_worker_that_dies_loses_only_its_own_item(monkeypatch):
    import newsstruct.parallel

    monkeypatch.setattr(newsstruct.parallel, "structure", _die_on_poison)
    items = ["Rain fell on Monday.", "Wind rose.", "POISON", "Snow by dusk.", "It cleared."] * 2
    out = list(structure_many(items, n_process=2, batch_size=2, mp_context="fork"))
    assert len(out) == len(items)
    kinds = ["Failure" if isinstance(r, Failure) else "Article" for r in out]
    assert kinds == ["Failure" if t == "POISON" else "Article" for t in items]
    assert [r.index for r in out if isinstance(r, Failure)] == [2, 7]
    assert out[0].text == "Rain fell on Monday." and out[9].text == "It cleared."


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_cli_run_leaves_only_complete_lines(tmp_path, sig):
    text, published = TEXTS[0]
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(3000):
            fh.write(json.dumps({"id": i, "text": text, "published": published}) + "\n")
    out = tmp_path / "out.jsonl"
    with out.open("wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsstruct", "--jsonl", str(src)], stdout=sink
        )
        deadline = time.monotonic() + 60
        while out.stat().st_size < 50_000 and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(sig)
        status = proc.wait(timeout=60)
    assert status == 128 + sig
    data = out.read_bytes()
    assert data.endswith(b"\n")
    ids = [json.loads(line)["id"] for line in data.decode("utf-8").splitlines()]
    assert ids == list(range(len(ids))) and 0 < len(ids) < 3000


def test_scan_timeout_is_the_last_guard(monkeypatch):
    """A scan past ``limits.SCAN_TIMEOUT`` costs its stage's records, never the Article."""
    import newsstruct.limits

    monkeypatch.setattr(newsstruct.limits, "SCAN_TIMEOUT", 1e-6)
    text, published = TEXTS[0]
    text *= 50
    art = structure(text, published)
    assert art.text == text
    stages = {w.split(":")[0] for w in art.warnings}
    # (lines are found with str.splitlines, a scan without a time limit: the boilerplate
    # and paragraph stages need none)
    assert stages
    assert all("timed out" in w for w in art.warnings)


@pytest.mark.parametrize(
    "text", ["&quot;We are ready,&quot; Ana Ruiz said.", "&#8220;Ready,&#8221; she said."]
)
def test_quote_marks_as_html_references_are_flagged(text):
    art = structure(text)
    assert len(art.warnings) == 1 and art.warnings[0].startswith("input:")
    assert "html.unescape" in art.warnings[0]


def test_an_escaped_ampersand_is_not_flagged():
    assert structure("Smith &amp; Co. said profit rose.").warnings == ()


def test_html_markup_is_flagged():
    # a page passed as text: its quotes hide behind tags, so say where it should go
    page = (
        "<!DOCTYPE html><html><body><div class='story'><p>&#8220;We owe the island an apology,"
        "&#8221; said Nadia Ferro.</p></div></body></html>"
    )
    art = structure(page)
    assert any(w.startswith("input: the text is HTML") for w in art.warnings)
    assert "structure_html" in art.warnings[-1]


@pytest.mark.parametrize(
    "text",
    [
        "Scores were <5% in the <b>west</b> ward, the board said.",
        "The rule (x < y and y > z) holds, she said.",
        "Tag the post <p> as a paragraph, the style guide says.",
    ],
)
def test_a_stray_tag_or_angle_bracket_is_not_flagged(text):
    assert structure(text).warnings == ()


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_mis_decoded_text_is_flagged(codec):
    good = "“We are ready,” said José Ruiz — the mayor."
    bad = good.encode("utf-8").decode(codec, errors="replace")
    warnings = structure(bad).warnings
    assert len(warnings) == 1 and warnings[0].startswith("input:")
    assert "UTF-8" in warnings[0]
    assert structure(good).warnings == ()
