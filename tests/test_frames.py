"""newsstruct.frames: flat rows (no pandas needed) and the pandas DataFrames (extra `pandas`)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

import newsstruct
from newsstruct import Failure, structure_many
from newsstruct.frames import (
    BOILERPLATE_COLUMNS,
    DATE_COLUMNS,
    QUOTE_COLUMNS,
    boilerplate_frame,
    boilerplate_rows,
    date_rows,
    dates_frame,
    iter_articles,
    quote_rows,
    quotes_frame,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLES = {
    "wire": ("wire_harbor_strike_2024-05-09.txt", "2024-05-09"),
    "web": ("web_council_budget_2023-11-16.txt", "2023-11-16"),
    "live": ("liveblog_floods_2025-02-14.txt", "2025-02-14"),
}


@pytest.fixture(scope="module")
def articles() -> dict:
    return {
        key: newsstruct.structure((EXAMPLES / name).read_text(encoding="utf-8"), pub)
        for key, (name, pub) in ARTICLES.items()
    }


ROWS = [
    (quote_rows, QUOTE_COLUMNS, "quotes"),
    (date_rows, DATE_COLUMNS, "dates"),
    (boilerplate_rows, BOILERPLATE_COLUMNS, "boilerplate"),
]


@pytest.mark.parametrize(("rows", "columns", "field"), ROWS, ids=[r[2] for r in ROWS])
def test_rows_have_the_fixed_schema_and_slice_the_text(articles, rows, columns, field):
    art = articles["wire"]
    got = list(rows(art, id="wire"))
    assert len(got) == len(getattr(art, field)) > 0
    for index, row in enumerate(got):
        assert list(row) == [name for name, _ in columns]
        assert row["id"] == "wire" and row["index"] == index
        assert art.text[row["start"] : row["end"]] == row["text"]
        for value in row.values():
            assert value is None or isinstance(value, (str, int, bool, dt.date))


def test_rows_are_json_and_arrow_friendly(articles):
    art = articles["web"]
    rows = list(date_rows(art, id=7))
    resolved = [r for r in rows if r["first_day"] is not None]
    assert resolved and all(type(r["first_day"]) is dt.date for r in resolved)
    json.dumps(list(quote_rows(art, id=7)))  # no date columns: plain JSON as is
    json.dumps(rows, default=str)


def test_quote_row_fields(articles):
    art = articles["wire"]
    for row, q in zip(quote_rows(art), art.quotes, strict=True):
        assert row["kind"] == q.kind and row["closed"] == q.closed
        assert row["n_pieces"] == len(q.pieces)
        assert row["spoken"] == " ".join(p.text for p in q.pieces)
        if q.speaker is None:
            assert row["speaker"] is row["speaker_start"] is row["resolved_by"] is None
        else:
            assert row["speaker"] == q.speaker.name
            assert row["resolved_by"] == q.speaker.resolved_by
            m = q.speaker.mention
            if m is not None:
                assert art.text[row["speaker_start"] : row["speaker_end"]] == m.text
        if q.cue is not None:
            assert art.text[row["cue_start"] : row["cue_end"]] == row["cue"] == q.cue.text
    split = [r for r in quote_rows(art) if r["n_pieces"] == 2]
    assert split, "the wire story has a quote interrupted by its attribution"
    assert all(r["spoken"] != r["text"] for r in split)


def test_ids_from_positions_ids_argument_or_pairs(articles):
    arts = [articles["wire"], articles["web"]]
    assert [i for i, _ in iter_articles(arts)] == [0, 1]
    assert [i for i, _ in iter_articles(arts, ids=["a", "b"])] == ["a", "b"]
    assert [i for i, _ in iter_articles([("x", arts[0]), ("y", arts[1])])] == ["x", "y"]
    assert [i for i, _ in iter_articles(arts[0])] == [0]
    failure = Failure(index=1, error="boom")
    assert [i for i, _ in iter_articles([arts[0], failure, arts[1]])] == [0, 2]
    with pytest.raises(ValueError, match="fewer"):
        list(iter_articles(arts, ids=["a"]))
    with pytest.raises(ValueError, match="more"):
        list(iter_articles(arts, ids=["a", "b", "c"]))
    with pytest.raises(ValueError, match="not both"):
        list(iter_articles([("x", arts[0])], ids=["a"]))
    with pytest.raises(TypeError):
        list(iter_articles("text"))
    with pytest.raises(TypeError, match="item 1"):
        list(iter_articles([arts[0], {"text": "no"}]))
    # a dict of id -> Article gives its keys as ids (it gave "item 0: ... not str")
    assert [i for i, _ in iter_articles({"x": arts[0], "y": arts[1]})] == ["x", "y"]


# ---------------------------------------------------------------- pandas


@pytest.fixture(scope="module")
def pd():
    return pytest.importorskip("pandas")


FRAMES = [
    (quotes_frame, QUOTE_COLUMNS, "quotes"),
    (dates_frame, DATE_COLUMNS, "dates"),
    (boilerplate_frame, BOILERPLATE_COLUMNS, "boilerplate"),
]


@pytest.mark.parametrize(("frame", "columns", "field"), FRAMES, ids=[f[2] for f in FRAMES])
def test_frames_one_row_per_record_typed_columns(pd, articles, frame, columns, field):
    df = frame(list(articles.values()), ids=list(articles))
    assert list(df.columns) == [name for name, _ in columns]
    assert {c: str(t) for c, t in df.dtypes.items()} == {
        name: str(pd.Series([], dtype=dtype).dtype) for name, dtype in columns
    }
    counts = df.groupby("id", sort=False).size().to_dict()
    assert counts == {
        key: len(getattr(a, field)) for key, a in articles.items() if getattr(a, field)
    }
    for key, art in articles.items():
        for row in df[df["id"] == key].itertuples():
            assert art.text[row.start : row.end] == row.text


def test_dates_frame_calendar_columns(pd, articles):
    df = dates_frame(articles["wire"])
    assert str(df["first_day"].dtype) == "datetime64[s]"
    row = df[df["text"] == "two days ago"].iloc[0]
    assert row["value"] == "2024-05-07"
    assert row["first_day"] == pd.Timestamp("2024-05-07")
    assert row["anchor_date"] == pd.Timestamp("2024-05-09")
    durations = df[df["type"] == "DURATION"]
    assert len(durations) and durations["first_day"].isna().all()


def test_quotes_frame_analysis_as_in_the_docs(pd, articles):
    df = quotes_frame([("wire", articles["wire"]), ("web", articles["web"])])
    by_speaker = df.dropna(subset=["speaker"]).groupby("speaker").size()
    assert by_speaker["Rafe Dunmore"] == 2  # "…," he told reporters. "…" is one quote
    assert df["speaker_start"].isna().sum() == df["speaker_mention"].isna().sum()
    assert set(df["kind"]) <= {"direct", "mixed", "indirect"}


def test_frames_from_structure_many_and_empty_input(pd):
    items = [{"id": "ok", "text": "Officials said on Monday the pier reopens."}, {"id": "bad"}]
    results = list(structure_many(items, published="2024-05-09"))
    assert isinstance(results[1], Failure)
    df = dates_frame(results, ids=[item["id"] for item in items])
    assert list(df["id"]) == ["ok"] and list(df["text"]) == ["Monday"]
    empty = quotes_frame([])
    assert len(empty) == 0 and list(empty.columns) == [n for n, _ in QUOTE_COLUMNS]
    assert str(empty["start"].dtype) == "int64"


def test_without_pandas_the_error_names_the_extra(monkeypatch, articles):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match=r"newsstruct\[pandas\]"):
        quotes_frame(articles["wire"])
    assert list(quote_rows(articles["wire"]))  # the rows need no pandas


@pytest.mark.parametrize(
    ("heading", "columns"),
    [
        ("### Quote columns", QUOTE_COLUMNS),
        ("### Date columns", DATE_COLUMNS),
        ("### Boilerplate columns", BOILERPLATE_COLUMNS),
    ],
)
def test_documented_schema_is_the_real_one(heading, columns):
    page = (Path(__file__).resolve().parents[1] / "docs" / "pandas.md").read_text("utf-8")
    section = page.split(heading, 1)[1].split("\n#", 1)[0]
    rows = [line.split("|")[1:3] for line in section.splitlines() if line.startswith("| `")]
    documented = [(name.strip().strip("`"), dtype.strip()) for name, dtype in rows]
    assert documented == list(columns)
