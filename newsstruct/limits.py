"""Limits that keep any input from hanging a stage.

Every pattern of the package is linear on adversarial input (``tests/test_regex_audit.py``);
``SCAN_TIMEOUT`` is the last guard on the scans that read a whole text or paragraph. A scan
that runs past it raises ``TimeoutError`` inside its stage, and :func:`newsstruct.structure`
turns that into a line of ``Article.warnings`` with the stage's records left out. Linear
scans take milliseconds per megabyte, so only a pathological input can reach it.
"""

from __future__ import annotations

SCAN_TIMEOUT = 30.0  # seconds for one regular-expression scan
