"""The text the stages of :func:`newsstruct.structure` read: the text passed, with what only
its layout carries turned into plain spaces and line breaks. The view has the length of the
text and every character keeps its place, so an offset into one is an offset into the other;
the records' own texts are sliced from the text passed.

- Spaces other than " " (the no-break space after "Sen.", the thin and figure spaces of
  typeset copy, the ideographic space) read as spaces.
- Line breaks other than "\\n" and "\\r\\n" (a lone "\\r" of old Mac files, the Unicode line and
  paragraph separators, a form feed) read as "\\n".
- The line breaks inside the paragraphs of hard-wrapped text read as spaces
  (:func:`newsstruct.segment.paragraphs.unwrapped`).
"""

from __future__ import annotations

from .lexicons import Lexicon
from .patterns import compile_re
from .segment.paragraphs import unwrapped

_OTHER_SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_OTHER_SPACE = compile_re(f"[{_OTHER_SPACES}]")
_TO_SPACE = str.maketrans(_OTHER_SPACES, " " * len(_OTHER_SPACES))


def plain_spaces(text: str) -> str:
    """``text`` with every space character other than " " replaced by " " (``text`` itself
    when it has none).

    >>> plain_spaces("Sen.\\u00a0Ada Marsh")
    'Sen. Ada Marsh'
    """
    return text.translate(_TO_SPACE) if _OTHER_SPACE.search(text) else text


# a break that is not "\n": a lone "\r", a vertical tab, a form feed, the file, group and record
# separators, NEL, the Unicode line and paragraph separators
_OTHER_BREAK = compile_re("\r(?!\n)|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def plain_breaks(text: str) -> str:
    """``text`` with every line break other than "\\n" and "\\r\\n" replaced by "\\n" (``text``
    itself when it has none).

    >>> plain_breaks("Rain fell.\\rIt stopped.")
    'Rain fell.\\nIt stopped.'
    """
    return _OTHER_BREAK.sub("\n", text) if _OTHER_BREAK.search(text) else text


def reading_view(text: str, *, lexicon: Lexicon | None = None) -> str:
    """The text the stages read (see the module docstring): ``text`` itself when nothing in
    it changes."""
    return unwrapped(plain_breaks(plain_spaces(text)), lexicon=lexicon)
