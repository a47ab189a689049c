"""The package's patterns stay out of the ``regex`` module's shared cache (newsstruct.patterns),
and each module binds a constant's name once.

That cache holds 500 patterns and evicts at random when full; dateparser looks its patterns
up there by string on every call, so a package that filled it would slow dateparser down.
"""

from __future__ import annotations

import re
from collections import Counter
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
        # the module functions compile their pattern into the shared cache too
        or re.search(r"\bregex\.(?:search|match|fullmatch|findall|finditer|sub|subn|split)\(", line)
    ]
    assert offenders == []


def test_no_module_constant_is_bound_twice():
    # a second ``_WORD = …`` in a module silently replaces the first for every function that
    # reads it (and hides the first pattern from tests/test_regex_audit.py)
    constant = re.compile(r"^(_?[A-Z][A-Z0-9_]*)\s*(?::[^=\n]+)?=[^=]", re.MULTILINE)
    twice = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for name, n in Counter(constant.findall(path.read_text(encoding="utf-8"))).items()
        if n > 1
    ]
    assert twice == []
