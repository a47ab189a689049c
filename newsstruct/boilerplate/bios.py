"""Author bios below the story: "Ada Frey is a senior reporter covering courts."

An outlet closes its article with a line or two about the writer: who they are, what they
cover, where they are based. The line reads like a sentence of the story, so only its
shape and its place give it away:

- **the bio shape**: a name (with a handle or an e-mail address in brackets, maybe) and
  "is a / is the / was a" over a few words to a journalist's role ("reporter",
  "freelance journalist", "member of the editorial staff"), or the name and "covers",
  "writes about" or "reports on"; or any "<name> is / has / was …" right under the same
  name alone on its line with junk above that name (the author box: "Ada Frey" / "Ada Frey
  is a Harbor native …"; a story's profiles have a paragraph there), or about a name the
  byline gave;
- **the place**: below the story: after a page's body, with nothing but junk after it up
  to the end of the body (a page's body, or the whole text), or with junk right after it
  other than an ad, a caption or a credit (those stand between paragraphs too).

A story's own last paragraph may be about a person too ("Dell is a retired teacher who
lives in Orlin."): without a journalist's role, a name box or the byline's name it stays.
"""

from __future__ import annotations

from ..patterns import compile_re
from .common import Text

# a name: one to four capitalised words, particles in lower case
_NAME = (
    r"(?P<name>[\p{Lu}][\p{L}'’.-]{1,25}"
    r"(?: (?:von|van|de|der|den|da|del|di|la|le|bin|al|[\p{Lu}][\p{L}'’.-]{0,25})){0,3})"
    r"(?: \((?:@\w{1,30}|[\w.+-]{1,40}@[\w.-]{1,60})\)|,? @\w{1,30},?)?"
)
_ROLE = (
    r"(?:reporter|correspondent|journalist|writer|editor|columnist|contributor|producer|"
    r"blogger|photographer|photojournalist|critic|freelancer|newsreader|editorial staff|"
    r"staff member)s?"
)
# "is a/an/the/our" and at most six words before the role (not "X, a former reporter, said":
# a story's sentences name people that way)
_BIO = compile_re(
    _NAME + r" (?:is|was) (?:a|an|the|our|one of (?:the|our)) "
    r"(?:[\w'’&.-]{1,30} ){0,6}?(?i:" + _ROLE + r")\b"
    r"|" + _NAME + r" (?:covers|writes about|writes on|reports on|is based in)\b"
)
# "<name> is / was / has …": what an author box says under the name
_BOX = compile_re(_NAME + r" (?:is|was|has|lives|covers|writes)\b")
_FUNCTION_WORDS = frozenset(
    ["The", "A", "An", "This", "That", "It", "He", "She", "They", "We", "There", "Here", "What"]
)
_NAME_MAX_WORDS = 4
_BETWEEN_PARAGRAPHS = frozenset({"advertisement", "caption", "credit", "repeated"})
_BIO_MAX_WORDS = 120


def author_bios(t: Text, lo: int, hi: int) -> None:
    """Mark author bios (``author-bio``) below the body ``[lo, hi)``: in it with only junk
    after them, or anywhere after it (a page's tail)."""
    lines, shapes, verdict = t.lines, t.shapes, t.verdict
    n = len(lines)
    bylines: list[str] | None = None
    only_junk_below = True
    for k in range(n - 1, lo - 1, -1):
        if verdict[k] is not None:
            continue
        in_tail = k >= hi
        # below the story: after a page's body, nothing but junk after it, or junk right
        # after it (what else follows may be teasers the rules do not know) but for an ad
        # or a caption: those stand between paragraphs too
        after = verdict[k + 1] if k + 1 < n else None
        placed = (
            in_tail
            or only_junk_below
            or (after is not None and after[0] not in _BETWEEN_PARAGRAPHS)
        )
        line, s = lines[k], shapes[k]
        found = False
        if (
            placed
            and 4 <= s.words <= _BIO_MAX_WORDS
            and line[0].isupper()
            and _verb_after_name(line)
        ):
            m = _BIO.match(line)
            if m is not None and _person(m["name"]):
                found = True
            else:
                m = _BOX.match(line)
                if m is not None and _person(m["name"]):
                    name = m["name"]
                    if k > 0 and lines[k - 1] == name:
                        # junk above the name too: a box, not the next of a story's
                        # profiles ("Jane Holt" / "Jane Holt is a retired nurse …")
                        found = k > 1 and verdict[k - 2] is not None
                    else:
                        if bylines is None:
                            bylines = [
                                lines[j]
                                for j in range(n)
                                if (v := verdict[j]) is not None and v[0] == "byline"
                            ]
                        found = any(name in b for b in bylines)
        if found:
            verdict[k] = ("byline", "author-bio")
            # the name alone above it is the box's heading
            if (
                k > 0
                and verdict[k - 1] is None
                and line.startswith(lines[k - 1] + " ")
                and shapes[k - 1].words <= _NAME_MAX_WORDS
                and not shapes[k - 1].terminal
            ):
                verdict[k - 1] = ("byline", "author-bio")
        elif not in_tail:
            only_junk_below = False


# The verbs _BIO and _BOX read right after the name: the name is one to four words, then
# maybe a handle or an address (one more word, no space in it), so the verb opens one of
# the line's second to sixth words; a line without one is spared both regexes.
_VERBS = ("is", "was", "has", "lives", "covers", "writes", "reports")
_VERB_WORDS = slice(1, 6)


def _verb_after_name(line: str) -> bool:
    return any(w.startswith(_VERBS) for w in line.split(" ", 6)[_VERB_WORDS])


def _person(name: str) -> bool:
    words = name.split(" ")
    return len(words) <= _NAME_MAX_WORDS and words[0] not in _FUNCTION_WORDS
