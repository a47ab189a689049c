"""examples/: the tour notebook is stored without outputs and its code runs top to bottom.

(The example scripts are run by .ci/run itself, as a user would run them.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TOUR = EXAMPLES / "tour.ipynb"


def test_tour_notebook_is_valid_and_stripped():
    nb = json.loads(TOUR.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert len(code) >= 8
    for cell in code:
        assert cell["outputs"] == [] and cell["execution_count"] is None, cell["id"]
    assert len({c["id"] for c in nb["cells"]}) == len(nb["cells"])
    try:
        import nbformat
    except ImportError:
        return
    nbformat.validate(nbformat.reads(TOUR.read_text(encoding="utf-8"), as_version=4))


def test_tour_notebook_runs(monkeypatch):
    pytest.importorskip("pandas")
    pytest.importorskip("spacy")
    # An installed newsstruct registers its spaCy component through an entry point (tested in
    # test_spacy.py); a plain checkout on sys.path needs the import.
    import newsstruct.integrations.spacy_component  # noqa: F401

    monkeypatch.chdir(EXAMPLES)
    nb = json.loads(TOUR.read_text(encoding="utf-8"))
    namespace: dict = {}
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), f"tour.ipynb:{cell['id']}", "exec"), namespace)
    assert namespace["art"]._repr_html_().count('class="ns-quote') >= len(namespace["art"].quotes)
    assert len(namespace["quotes"]) == sum(len(r.quotes) for r in namespace["results"])
    assert "ns-article" in namespace["view"](namespace["results"])._repr_html_()
    assert [q.speaker.name for q in namespace["custom"].quotes] == ["Ode Brightwater"]
