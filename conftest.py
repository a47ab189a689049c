"""pytest collection: modules of optional integrations are skipped when their library is absent.

(``--doctest-modules`` imports every module of the package; the spaCy component imports spaCy.)
"""

import importlib.util

collect_ignore = []
if importlib.util.find_spec("spacy") is None:
    collect_ignore.append("newsstruct/integrations/spacy_component.py")
