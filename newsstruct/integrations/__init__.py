"""Integrations with other libraries, each imported only when that library is used.

- :mod:`newsstruct.integrations.spacy_component`: the ``"newsstruct"`` spaCy pipeline
  component (extra ``spacy``), found by spaCy through the ``spacy_factories`` entry point.
"""
