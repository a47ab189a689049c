"""The text the stages of :func:`newsstruct.structure` read: the text passed, with what only
its layout carries turned into plain spaces and line breaks. The view has the length of the
text and every character keeps its place, so an offset into one is an offset into the other;
the records' own texts are sliced from the text passed.

- Spaces other than " " (the no-break space after "Sen.", the thin and figure spaces of
  typeset copy, the ideographic space) read as spaces.
- Line breaks other than "\\n" and "\\r\\n" (a lone "\\r" of old Mac files, the Unicode line and
  paragraph separators, a form feed) read as "\\n".
- Markdown, as scrapers and readers write it for language models: the marks of headings
  (and a heading's "===" underline), block quotes, emphasis and rules read as spaces, a link
  as its text, an image and a link reference definition ("[1]: https://…") as nothing
  (:func:`plain_markdown`).
- The line breaks inside the paragraphs of hard-wrapped text read as spaces
  (:func:`newsstruct.segment.paragraphs.unwrapped`).
"""

from __future__ import annotations

import regex

from .lexicons import Lexicon
from .patterns import compile_re
from .segment.paragraphs import unwrapped

# the spaces other than " " and the no-break space (which is common, and replaced apart)
_RARE_SPACES = (
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_TO_SPACE = str.maketrans(_RARE_SPACES, " " * len(_RARE_SPACES))


def plain_spaces(text: str) -> str:
    """``text`` with every space character other than " " replaced by " " (``text`` itself
    when it has none).

    >>> plain_spaces("Sen.\\u00a0Ada Marsh")
    'Sen. Ada Marsh'
    """
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    # (a look for each character finds them faster than a pattern of the class)
    return text.translate(_TO_SPACE) if any(c in text for c in _RARE_SPACES) else text


# a break that is not "\n": a lone "\r", a vertical tab, a form feed, the file, group and record
# separators, NEL, the Unicode line and paragraph separators
_OTHER_BREAK = compile_re("\r(?!\n)|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_BREAK_CHARS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def plain_breaks(text: str) -> str:
    """``text`` with every line break other than "\\n" and "\\r\\n" replaced by "\\n" (``text``
    itself when it has none).

    >>> plain_breaks("Rain fell.\\rIt stopped.")
    'Rain fell.\\nIt stopped.'
    """
    if not any(c in text for c in _BREAK_CHARS) or _OTHER_BREAK.search(text) is None:
        return text
    return _OTHER_BREAK.sub("\n", text)


# Markdown is read only in a text that shows it: a link's "](http", or a line that opens with
# a heading's "#" or a block quote's ">" (not the arrows of a "read more" line, ">> Hier")
_MARKDOWN = compile_re(
    r"\]\((?:https?://|/|#|www\.)|(?m:^[ \t]{0,3}(?:\#{1,6}[ \t]++\S|>[ \t]?[^\s>]))", regex.V1
)
# an image's or a link's target may carry a title: "(https://example.com/a.jpg "Smoke")"
_TARGET = r'\([^()\s]{0,2000}+(?:[ \t]++"[^"\n]{0,300}+")?\)'
# A link's text holds no "[": in "[a [b](https://…)" the link is "[b]", as in CommonMark, and
# each "[" of a run of them looks only as far as the next (each looked 500 characters ahead)
_MD_IMAGE = compile_re(r"!\[[^\[\]\n]{0,500}+\]" + _TARGET, regex.V1)
_MD_LINK = compile_re(r"\[([^\[\]\n]{0,500}+)\]" + _TARGET, regex.V1)
# a link reference definition, "[1]: https://example.com/a", reads as nothing, like an image
_MD_LINK_REF = compile_re(
    r"(?m)^[ \t]{0,3}\[[^\]\n]{1,100}+\]:[ \t]{0,20}+(?:https?://|/|www\.)\S{0,2000}+[^\r\n]{0,200}+$",
    regex.V1,
)
# a heading's "#" marks, or a block quote's ">" marks, each with a space after it; the ">" run
# is spelt without a repeated group, whose saved state per repeat ran out of memory on a line
# of millions of "> "
_MD_LINE_MARK = compile_re(
    r"(?m)^[ \t]{0,3}(?:\#{1,6}[ \t]++|>[> \t]*?(?=[ \t]{2}|[^> \t]|$)[ \t]?)", regex.V1
)
# a rule, and the "===" under a heading's line (three marks looked for ahead, then the line
# read as one class: a repeated group saves its state per repeat, out of memory on a long line)
_MD_RULE = compile_re(r"(?m)^[ \t]*+(?:(?=(?:[-*_][ \t]*+){3})[-*_ \t]*+|={3,}+[ \t]*+)$", regex.V1)
# "**" and "***" (bold italics), "__", and a single "*" or "_" that opens or closes emphasis at
# a word's edge (not "5*3", "snake_case", nor a list's "* ")
_MD_EMPHASIS = compile_re(
    r"\*{2,3}+|__|(?<![\w*])[*_](?=[^\s*_])|(?<=[^\s*_])[*_](?![\w*])", regex.V1
)


def _blank(m: regex.Match[str]) -> str:
    return " " * len(m.group())


def _link_text(m: regex.Match[str]) -> str:
    return " " + m.group(1) + " " * (len(m.group()) - 1 - len(m.group(1)))


def plain_markdown(text: str) -> str:
    """``text`` with its Markdown read as plain text, each mark a space: headings' "#",
    block quotes' ">", emphasis, rules; a link is its text, an image and a link reference
    definition nothing. ``text`` itself when it shows no Markdown (see ``_MARKDOWN``).

    >>> plain_markdown("> **Rain** fell, [the office](https://example.com) said.")
    '    Rain   fell,  the office                       said.'
    """
    if ("](" not in text and "#" not in text and ">" not in text) or _MARKDOWN.search(text) is None:
        return text
    text = _MD_IMAGE.sub(_blank, text)
    text = _MD_LINK_REF.sub(_blank, text)
    text = _MD_LINK.sub(_link_text, text)
    text = _MD_RULE.sub(_blank, text)
    text = _MD_LINE_MARK.sub(_blank, text)
    return _MD_EMPHASIS.sub(_blank, text)


def reading_view(text: str, *, lexicon: Lexicon | None = None) -> str:
    """The text the stages read (see the module docstring): ``text`` itself when nothing in
    it changes."""
    return unwrapped(plain_markdown(plain_breaks(plain_spaces(text))), lexicon=lexicon)
