"""Interview transcripts: paragraphs that open with who speaks ("CALLOWAY: …", "A: …").

A Q&A or a transcript gives its answers without quote marks; the label before the colon says
whose words they are. A paragraph is a *turn* when it opens with

- a person's label, "CALLOWAY:", "Ines Calloway:", "MS. CALLOWAY:", whose last word is the
  surname of a person the article names elsewhere (the speaker is that person's full name), or
  a label in capitals in a dialogue of two such labels that open two paragraphs each (a
  transcript whose speakers the article does not introduce: the label is the name);
- "A:" / "A." / "Answer:", when the text holds a "Q:" turn too: the answer is the
  interviewee's, the person the article names most often (the first named of those tied).

A person with a single turn is not a speaker of a transcript (a kicker, a caption), nor is
a paragraph set like a headline ("Pence: Flowers Won't Be at Debate") or one that goes on in
lower case. Questions ("Q:") are the interviewer's, whom the article rarely names, and are
not returned. Fact boxes ("When: Saturday", "Cost: free") and banners ("UPDATE:") are not
turns: their labels name no person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs
import regex

from .. import limits
from ..patterns import compile_re
from ..records import Paragraph, Span, Speaker
from .coref import Entities

# "CALLOWAY:", "Ines Calloway:", "MS. CALLOWAY:", "Dr. Ines Calloway:" (three words at most)
_PERSON_LABEL = compile_re(
    r"(?P<label>(?:(?i:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Mayor)\.?[ \t])?"
    r"\p{Lu}[\p{L}'’-]{1,30}+(?:[ \t]\p{Lu}[\p{L}'’.-]{0,30}+){0,2})"
    r"[ \t]?(?P<colon>:)[ \t]+(?=\S)",
    regex.V1,
)
_QA_LABEL = compile_re(
    r"(?P<label>Q|A|Question|Answer|QUESTION|ANSWER)[ \t]?(?P<colon>[:.])[ \t]+(?=\S)",
    regex.V1,
)
# a turn is not a bare label: its content has a word
_HAS_WORD = compile_re(r"\p{L}", regex.V1)
# a label in capitals that names no one the article introduces speaks this often at least
_MIN_CAPS_TURNS = 2
_MAX_NAMED_LABELS = 8
# a transcript has a speaker with this many turns at least
_MIN_TURNS = 2
_QA_WORDS = frozenset(["Q", "A", "Question", "Answer", "QUESTION", "ANSWER"])


@attrs.frozen(kw_only=True)
class Turn:
    """One speaker's turn: the label, its colon, what was said and who said it."""

    label: Span
    colon: Span
    content: Span
    speaker: Speaker | None
    paragraph: int


def find_turns(
    text: str, paragraphs: Sequence[Paragraph], entities: Entities, headings: frozenset[str]
) -> list[Turn]:
    """The turns of a transcript or Q&A in the text (see the module docstring).

    ``headings``: lower-case words that open a line as a banner or a label ("update",
    "breaking"), never as a speaker's label.
    """
    labelled: list[tuple[int, regex.Match[str], bool]] = []  # (paragraph, match, is Q/A)
    for k, para in enumerate(paragraphs):
        m = _QA_LABEL.match(text, para.start, para.end)
        if m is not None:
            labelled.append((k, m, True))
            continue
        m = _PERSON_LABEL.match(text, para.start, para.end)
        if m is not None:
            labelled.append((k, m, False))
    if not labelled:
        return []
    caps = Counter(
        label
        for _k, m, qa in labelled
        if not qa
        and (label := m.group("label")).isupper()
        and label.lower() not in headings
        and all(w.strip(".").isalpha() for w in label.split())
    )
    # speakers in capitals the article never introduces: two of them, each speaking twice
    dialogue = sum(n >= _MIN_CAPS_TURNS for n in caps.values()) >= 2
    # their names as the text writes them, for the few that speak most (each is a scan)
    names = {label: label.title() for label in caps}
    if dialogue:
        for label, _n in caps.most_common(_MAX_NAMED_LABELS):
            names[label] = _written_name(text, label.title(), headings) or label.title()
    people = _by_surname(entities)
    titles = entities.qwords.titles
    asked = any(qa and m.group("label")[0] == "Q" for _k, m, qa in labelled)
    interviewee = _most_named(entities) if asked else None
    turns: list[Turn] = []
    for k, m, qa in labelled:
        para = paragraphs[k]
        start = m.end()
        end = para.end
        while end > start and text[end - 1].isspace():
            end -= 1
        if (
            not _HAS_WORD.search(text, start, end)
            or text[start].islower()
            or _title_case(text[start:end])
        ):
            continue  # a bare label, or a heading ("Calloway: the first year", "Pence: Flowers
            # Won't Be at Debate")
        label = m.group("label")
        label_span = Span(start=m.start("label"), end=m.end("label"), text=label)
        speaker: Speaker | None
        if qa:
            if label[0] != "A" or not asked:
                continue  # a question, or "A." opening a sentence
            speaker = None if interviewee is None else attrs.evolve(interviewee, mention=label_span)
        else:
            person = people.get(_surname(label, titles))
            if person is not None:
                speaker = Speaker(name=person, mention=label_span, resolved_by="name")
            elif dialogue and caps[label] >= _MIN_CAPS_TURNS:
                speaker = Speaker(name=names[label], mention=label_span, resolved_by="name")
            else:
                continue
        colon = Span(start=m.start("colon"), end=m.end("colon"), text=m.group("colon"))
        content = Span(start=start, end=end, text=text[start:end])
        turns.append(
            Turn(label=label_span, colon=colon, content=content, speaker=speaker, paragraph=k)
        )
    # a transcript is a run of turns: a person with one turn alone is a kicker's or a caption's
    spoken = Counter(_surname(t.label.text, titles) for t in turns if t.label.text not in _QA_WORDS)
    return [
        t
        for t in turns
        if t.label.text in _QA_WORDS or spoken[_surname(t.label.text, titles)] >= _MIN_TURNS
    ]


def _surname(label: str, titles: frozenset[str]) -> str:
    """The label's last word that is no title, lower case ("MS. CALLOWAY" -> "calloway")."""
    words = [w.lower() for w in label.split() if w.lower() not in titles]
    return words[-1].strip(".") if words else ""


# a headline sets most of its words in capitals: "Trump Is 'Trying To Campaign As A Healer'"
_HEADLINE_MIN_WORDS = 4
_HEADLINE_CAPS_SHARE = 0.6
_WORD = compile_re(r"\p{L}[\p{L}'’-]*", regex.V1)


def _title_case(content: str) -> bool:
    words: list[str] = _WORD.findall(content, 0, 400)
    if len(words) < _HEADLINE_MIN_WORDS:
        return False
    capitalised: int = sum(w[0].isupper() for w in words)
    return capitalised >= _HEADLINE_CAPS_SHARE * len(words)


def _by_surname(entities: Entities) -> dict[str, str]:
    """Lower-case surname -> the name of a person the article names with it: one written in
    mixed case before one in capitals (a label's own "JAKE TAPPER"), a first and last name
    before a longer run ("OK Gov Fallin" from a headline), else the longest, else the first."""
    out: dict[str, tuple[tuple[bool, bool, int], str]] = {}
    for ent in sorted(entities.persons.values(), key=lambda e: e.first):
        words = ent.name.split()
        rank = (not ent.name.isupper(), len(words) == 2, len(words))
        key = words[-1].lower()
        if key not in out or rank > out[key][0]:
            out[key] = (rank, ent.name.title() if ent.name.isupper() else ent.name)
    return {key: name for key, (_rank, name) in out.items()}


def _written_name(text: str, surname: str, headings: frozenset[str]) -> str | None:
    """ "Noor Haddad" for the label "HADDAD": the first place the text writes the surname
    after a capitalised word that is not a common one (the person reader may not know the
    first name)."""
    pattern = compile_re(
        rf"(?<![\p{{L}}'’])(\p{{Lu}}\p{{Ll}}[\p{{L}}'’-]{{0,30}}+)[ \t]+{regex.escape(surname)}"
        r"(?![\p{L}])",
        regex.V1,
    )
    for m in pattern.finditer(text, timeout=limits.SCAN_TIMEOUT):
        if m.group(1).lower() not in headings:
            return m.group()
    return None


def _most_named(entities: Entities) -> Speaker | None:
    """The interviewee: the person the article names most often, the first named among
    those tied (see :meth:`Entities.person_like`)."""
    counts: Counter[str] = Counter(
        ent.name for ent in entities.mentioned if entities.person_like(ent)
    )
    if not counts:
        return None
    firsts = {ent.name: ent.first for ent in entities.mentioned}
    name = min(counts, key=lambda n: (-counts[n], firsts[n]))
    return Speaker(name=name, mention=None, resolved_by="interview")
