"""The package's patterns stay out of the ``regex`` module's shared cache (newsstruct.patterns).

That cache holds 500 patterns and evicts at random when full; dateparser looks its patterns
up there by string on every call, so a package that filled it would slow dateparser down.
"""

from __future__ import annotations

from pathlib import Path

import newsstruct

PACKAGE = Path(newsstruct.__file__).parent


def test_every_pattern_is_compiled_through_compile_re():
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "patterns.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "regex.compile(" in line
    ]
    assert offenders == []
