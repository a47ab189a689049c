"""Who said what, across several articles, as pandas DataFrames.

Needs the pandas extra:  pip install ".[pandas]"  (from the repository root)
Run from anywhere:  python examples/quotes_dataframe.py
"""

from pathlib import Path

import pandas as pd

import newsstruct
from newsstruct.frames import dates_frame, quotes_frame

HERE = Path(__file__).resolve().parent
ARTICLES = {
    "harbor-strike": ("wire_harbor_strike_2024-05-09.txt", "2024-05-09"),
    "council-budget": ("web_council_budget_2023-11-16.txt", "2023-11-16"),
    "floods-live": ("liveblog_floods_2025-02-14.txt", "2025-02-14"),
}


def main() -> None:
    pairs = [
        (item_id, newsstruct.structure((HERE / name).read_text(encoding="utf-8"), published))
        for item_id, (name, published) in ARTICLES.items()
    ]

    quotes = quotes_frame(pairs)  # one row per quote; "id" says which article
    print(quotes[["id", "kind", "speaker", "cue", "spoken"]].head(8).to_string(max_colwidth=50))

    print("\nQuotes per speaker and kind:")
    table = (
        quotes.dropna(subset=["speaker"])
        .pivot_table(index="speaker", columns="kind", values="index", aggfunc="count", fill_value=0)
        .sort_values("direct", ascending=False)
    )
    print(table.head(8).to_string())

    dates = dates_frame(pairs)  # calendar columns are datetime64: filter and group directly
    days = dates.dropna(subset=["first_day"])
    days = days[days["first_day"] == days["last_day"]]
    print("\nSingle-day dates, by article and weekday:")
    print(days.groupby(["id", days["first_day"].dt.day_name()]).size().to_string())

    assert set(quotes["id"]) == set(ARTICLES)
    assert pd.api.types.is_datetime64_any_dtype(dates["first_day"])


if __name__ == "__main__":
    main()
