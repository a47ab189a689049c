"""The command line, in-process and through a subprocess with stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newsstruct.cli import main

ROOT = Path(__file__).resolve().parents[1]
WIRE = ROOT / "examples" / "wire_harbor_strike_2024-05-09.txt"


def test_text_file_to_json(capsys):
    assert main([str(WIRE), "--published", "2024-05-09", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == 1 and data["published"] == "2024-05-09"
    assert data["quotes"] and data["dates"] and data["dateline"]["agency"] == "AP"


def test_text_format(capsys):
    assert main([str(WIRE), "--published", "2024-05-09", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "Quotes (" in out and "Dates (" in out and "Dateline:" in out


def test_bad_published_exits_2(capsys):
    assert main([str(WIRE), "--published", "yesterday"]) == 2
    assert "'yesterday'" in capsys.readouterr().err


def test_missing_file_exits_2(capsys, tmp_path):
    assert main([str(tmp_path / "nope.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err


def _jsonl(tmp_path: Path) -> Path:
    lines = [
        json.dumps(
            {"id": "one", "text": "Rain fell on Monday, officials said.", "published": "2024-05-09"}
        ),
        "{not json",
        json.dumps({"id": "three"}),
        "",
        json.dumps({"id": "four", "text": ["not", "a", "string"]}),
        json.dumps({"id": "five", "text": '"We are ready," Mayor Ines Calloway said.'}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_bad_lines_become_error_records(tmp_path, capsys):
    assert main([str(_jsonl(tmp_path))]) == 1
    captured = capsys.readouterr()
    out = [json.loads(line) for line in captured.out.splitlines()]
    assert [o.get("id", o.get("line")) for o in out] == ["one", 2, "three", "four", "five"]
    assert out[0]["dates"][0]["value"] == "2024-05-06"
    # where on the line the JSON breaks, for a long line of article text
    assert (
        out[1]["error"]
        == "invalid JSON: Expecting property name enclosed in double quotes at column 2"
    )
    assert out[1]["line"] == 2
    assert out[2]["error"] == "missing 'text'"
    assert "must be a string" in out[3]["error"]
    assert out[4]["quotes"][0]["speaker"]["name"] == "Ines Calloway"
    assert captured.err.count("newsstruct: line") == 3


def test_jsonl_all_good_exits_0(tmp_path, capsys):
    path = tmp_path / "good.jsonl"
    path.write_text(json.dumps({"id": 1, "text": "Hello there."}) + "\n", encoding="utf-8")
    assert main([str(path), "--published", "2024-05-09"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["published"] == "2024-05-09"


def test_subprocess_stdin_jsonl_with_jobs(tmp_path):
    data = _jsonl(tmp_path).read_text(encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "newsstruct", "-", "--jsonl", "--jobs", "2", "--progress"],
        input=data, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 1
    ids = [
        json.loads(line).get("id", json.loads(line).get("line"))
        for line in proc.stdout.splitlines()
    ]
    assert ids == ["one", 2, "three", "four", "five"]


def test_lone_surrogate_and_non_utf8_output_lose_no_line(tmp_path):
    # JSON may escape a lone surrogate ("\ud800"); UTF-8 cannot encode it, and neither can
    # an ASCII terminal encode "é": each line is written with JSON's own escapes instead
    lines = [
        '{"id": "s", "text": "A lone \\ud800 surrogate, officials said."}',
        json.dumps({"id": "e", "text": "Café owners said the pier would close."}),
        json.dumps({"id": "last", "text": "Rain fell."}),
    ]
    path = tmp_path / "odd.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for encoding in ("utf-8", "ascii"):
        for fmt in ("jsonl", "text", "html"):
            proc = subprocess.run(
                [sys.executable, "-m", "newsstruct", str(path), "--format", fmt],
                capture_output=True, timeout=300, env={**os.environ, "PYTHONIOENCODING": encoding},
            )  # fmt: skip
            assert proc.returncode == 0, (encoding, fmt, proc.stderr)
            out = proc.stdout.decode(encoding)
            if fmt == "jsonl":
                rows = [json.loads(line) for line in out.splitlines()]
                assert [r["id"] for r in rows] == ["s", "e", "last"]
                assert rows[0]["text"] == "A lone \ud800 surrogate, officials said."
                assert rows[1]["text"] == "Café owners said the pier would close."
            elif fmt == "text":
                assert out.count("Published:") == 3
            else:
                assert "Rain fell." in out


def test_byte_order_mark_is_no_part_of_the_input(tmp_path, capsys):
    batch = tmp_path / "bom.jsonl"
    batch.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": "Rain fell."}).encode())
    assert main([str(batch)]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == "Rain fell."
    article = tmp_path / "bom.txt"
    article.write_bytes(b"\xef\xbb\xbfRain fell on Monday.")
    assert main([str(article)]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == "Rain fell on Monday."


def test_subprocess_stdin_plain_text():
    proc = subprocess.run(
        [sys.executable, "-m", "newsstruct", "-", "--published", "2024-05-09"],
        input=WIRE.read_text(encoding="utf-8"), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["paragraphs"]


def test_html_format_for_one_article(capsys):
    assert main([str(WIRE), "--published", "2024-05-09", "--format", "html"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert 'class="ns-legend"' in out and 'data-value="2024-05-07"' in out  # "two days ago"


def test_html_format_for_a_batch_shows_failures_in_place(tmp_path, capsys):
    assert main([str(_jsonl(tmp_path)), "--format", "html"]) == 1
    out = capsys.readouterr().out
    assert out.count("<!DOCTYPE html>") == 1 and out.count('class="ns-article"') == 2
    assert out.index("<b>one</b>") < out.index("line 2: could not be structured")
    assert out.index("three: could not be structured") < out.index("<b>five</b>")


def test_user_lexicon_directory(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text('"The budget is a mess," Mayor Lena Ostrow quipped.', encoding="utf-8")
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    (lexicon / "cue_verbs.txt").write_text("quip\tquips\tquipped\tquipping\n", encoding="utf-8")
    assert main([str(story), "--lexicon", str(lexicon)]) == 0
    (quote,) = json.loads(capsys.readouterr().out)["quotes"]
    assert quote["speaker"]["name"] == "Lena Ostrow" and quote["cue"]["text"] == "quipped"
    (lexicon / "cue_verb.txt").write_text("typo\n", encoding="utf-8")
    assert main([str(story), "--lexicon", str(lexicon)]) == 2
    assert "not a lexicon file name" in capsys.readouterr().err
    assert main([str(story), "--lexicon", str(tmp_path / "nowhere")]) == 2


def test_unsupported_lang_exits_2(tmp_path, capsys):
    # a usage error, for one article and for a batch alike: no traceback, no error per line
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"id": 1, "text": "The ferry stopped on Monday."}\n', encoding="utf-8")
    for path in (WIRE, batch):
        assert main([str(path), "--lang", "fr"]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err == "newsstruct: --lang: unsupported lang 'fr'; supported: en\n"


def test_text_format_for_a_batch_names_each_article(tmp_path, capsys):
    # each summary opens with the id of its line (or its number), so summaries can be told apart
    path = tmp_path / "batch.jsonl"
    lines = [{"id": "ferry-1", "text": "The ferry stopped on Monday."}, {"text": "It ran Friday."}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert main([str(path), "--format", "text", "--published", "2024-05-09"]) == 0
    out = capsys.readouterr().out
    assert out.startswith('Id: "ferry-1"\nPublished: 2024-05-09\n')
    assert "\n\nLine: 2\nPublished: 2024-05-09\n" in out


def test_text_format_names_the_reference_date_it_found(capsys):
    # without --published the dates resolve against the dateline's date: say so
    release = ROOT / "examples" / "release_robotics_ceo_2024-06-03.txt"
    assert main([str(release), "--format", "text"]) == 0
    assert "\nPublished: None  (reference date: 2024-06-03)\n" in capsys.readouterr().out


def test_ndjson_and_upper_case_names_are_jsonl(tmp_path, capsys):
    # not one article made of every line of the batch
    for name in ("batch.ndjson", "BATCH.JSONL"):
        path = tmp_path / name
        path.write_text('{"id": 1, "text": "It ran Friday."}\n{"id": 2, "text": "x"}\n')
        assert main([str(path)]) == 0
        assert [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()] == [1, 2]


def test_a_reader_that_goes_away_stops_the_run_quietly(tmp_path):
    # `newsstruct batch.jsonl | head -1`: no BrokenPipeError traceback, the status of SIGPIPE
    batch = tmp_path / "batch.jsonl"
    line = json.dumps({"text": "The ferry stopped running on Monday, officials said."})
    batch.write_text((line + "\n") * 400, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsstruct", str(batch)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    assert proc.wait(timeout=300) == 141
    assert proc.stderr.read() == b""
