"""Sphinx configuration for the newsstruct documentation.

Build:  sphinx-build -W -b html docs docs/_build/html
Doctests in the pages:  sphinx-build -W -b doctest docs docs/_build/doctest
The pages import every module and run pandas and spaCy examples, so install those extras
too:  pip install -e ".[docs,pandas,spacy]"
"""

import os
import sys
from importlib import metadata

# Build from a source checkout without installing the package.
sys.path.insert(0, os.path.abspath(".."))

project = "newsstruct"
author = "newsstruct developers"
copyright = "newsstruct developers"
try:
    release = metadata.version("newsstruct")
except metadata.PackageNotFoundError:
    release = "dev"
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]

myst_enable_extensions = ["colon_fence"]
# Slug anchors for headings down to ###, so pages can link to [](#offsets-contract).
myst_heading_anchors = 3

autodoc_member_order = "bysource"
# Only {doctest} blocks of the pages run here; docstring examples pulled in by autodoc are
# run by pytest --doctest-modules, in their module's namespace.
doctest_test_doctest_blocks = ""
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# The docs must build offline (CI, sandboxes), so intersphinx fetches nothing unless asked:
#   NEWSSTRUCT_DOCS_INTERSPHINX=1 sphinx-build -b html docs docs/_build/html
intersphinx_mapping = {}
if os.environ.get("NEWSSTRUCT_DOCS_INTERSPHINX"):
    intersphinx_mapping["python"] = ("https://docs.python.org/3", None)

html_theme = "furo"
html_title = "newsstruct"


def _render_views(app):
    """Write the HTML view of an example article for jupyter.md, fresh at every build."""
    from pathlib import Path

    import newsstruct
    from newsstruct.display import render_html

    root = Path(app.srcdir)
    text = (root.parent / "examples" / "wire_harbor_strike_2024-05-09.txt").read_text("utf-8")
    article = newsstruct.structure(text, published="2024-05-09")
    out = root / "_generated"
    out.mkdir(exist_ok=True)
    (out / "wire_view.html").write_text(render_html(article), encoding="utf-8")


def setup(app):
    app.connect("builder-inited", _render_views)
