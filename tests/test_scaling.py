"""Past one machine: the Spark recipe of docs/scaling.md, run on a local Spark session.

Runs only where pyspark and a Java runtime are installed (neither is a dependency); the Dask
example is run by .ci/run itself (the ``dask`` extra).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import newsstruct
from newsstruct.frames import QUOTE_COLUMNS, quote_rows

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SPARK_TYPES = {
    "object": "string",
    "string": "string",
    "int64": "bigint",
    "Int64": "bigint",
    "bool": "boolean",
    "datetime64[s]": "date",
}


def test_every_column_type_has_a_spark_type():
    assert {dtype for _, dtype in QUOTE_COLUMNS} <= set(SPARK_TYPES)


def test_spark_map_in_pandas_gives_the_rows_of_quote_rows(monkeypatch):
    pytest.importorskip("pandas")
    pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("pyspark needs a Java runtime")
    from pyspark.sql import SparkSession

    def structure_quotes(batches):  # defined here: Spark pickles it by value
        import pandas as pd

        import newsstruct
        from newsstruct.frames import QUOTE_COLUMNS, quote_rows

        names = [name for name, _ in QUOTE_COLUMNS]
        for batch in batches:
            rows = []
            for item_id, text, published in zip(
                batch["id"], batch["text"], batch["published"], strict=True
            ):
                rows.extend(quote_rows(newsstruct.structure(text, published), id=item_id))
            yield pd.DataFrame(rows, columns=names)

    # Spark's Python workers import this checkout's newsstruct, as the test process does.
    root = str(Path(newsstruct.__file__).resolve().parents[1])
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([root, os.environ.get("PYTHONPATH", "")]))

    items = [
        ("harbor", (EXAMPLES / "wire_harbor_strike_2024-05-09.txt").read_text("utf-8"), "2024-05-09"),
        ("council", (EXAMPLES / "web_council_budget_2023-11-16.txt").read_text("utf-8"), "2023-11-16"),
    ]  # fmt: skip
    schema = ", ".join(f"`{name}` {SPARK_TYPES[dtype]}" for name, dtype in QUOTE_COLUMNS)
    spark = SparkSession.builder.master("local[1]").appName("newsstruct-test").getOrCreate()
    try:
        frame = spark.createDataFrame(items, "id string, text string, published string")
        got = frame.mapInPandas(structure_quotes, schema=schema).collect()
    finally:
        spark.stop()
    want = [
        row
        for item_id, text, published in items
        for row in quote_rows(newsstruct.structure(text, published), id=item_id)
    ]
    assert len(want) > 10
    key = lambda r: (r["id"], r["index"])  # noqa: E731
    assert sorted((r.asDict() for r in got), key=key) == sorted(want, key=key)
