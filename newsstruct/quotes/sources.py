"""Sources: whom a cue belongs to.

Read around the cue by :mod:`.mentions`: the mention right before it (``Mayor Ines Calloway
said``), after it (``said Mayor Ines Calloway``), or the subject that opens its clause when
asides, objects and settings stand between (``X, a snowplow driver, said``, ``X … but said``,
``X emailed supporters on Monday, telling them``); names joined by "and" are one source, and
"who" stands for the name before it.
"""

from __future__ import annotations

import attrs
import regex

from ..patterns import compile_re
from .mentions import (
    COMMA_GAP,
    DATE_NAME,
    NEAR,
    Doc,
    Mention,
    classify,
    clause_subject,
    coordinated,
    np_after,
    np_before,
    np_ending,
    np_forward,
    opener_word,
    skip_asides,
    skip_back,
    skip_setting,
    verbish,
    word_starts,
)

MAX_WINDOW = 300

# a description and a comma before the name that ends at the cue: "another friend, Mariam
# Etar told", "the soft-spoken, 64-year-old ferry captain said"
_DESCRIPTION_LEAD = compile_re(
    r"(?:the|a|an|another|his|her|their|its|our)\s+[^,;:.!?\"“”]{1,60},\s*", regex.V1
)

# an apposition that no comma closes before the cue
# (a period inside a word is no stop: "who founded harborvotes.com")
_OPEN_APPOSITION = compile_re(
    r",\s*((?:the|a|an|who|whose)\s+(?:[^,;:.!?\"“”]|\.(?=\p{L})){1,120}?)",
    regex.V1 | regex.IGNORECASE,
)

# a restrictive relative clause between a source and its cue: " who spoke anonymously", " that
# operates the telescope" ("that" and a verb in the present or past: no clause of content,
# which would follow the cue)
_RELATIVE = compile_re(
    r",?\s+(?:who|whose|that(?=\s+(?:\p{Ll}+(?:s|ed)|has|had|is|was|are|were)\s))\s+"
    r"((?:[^,;:.!?\"“”]|\.(?=\p{L})){1,120}?)",
    regex.V1,
)

# the condition a source spoke on, in a relative clause whose verb is one of saying
_ANONYMITY = compile_re(
    r"\b(?:not\s+to\s+be\s+(?:named|identified|quoted)|anonymity|anonymously"
    r"|not\s+authori[sz]ed\s+to\s+(?:speak|discuss|comment))\b",
    regex.V1,
)

_PREPOSITIONS = frozenset(["of", "for", "at", "with", "from", "in", "on", "to", "by"])

# "a spokesman for committee Democrats", "an official at the county clerk's office"
_PP_LINK = (
    r"(?:(?:\s+(?:of|for|at|with|from|in|on|(?:close|loyal|linked|connected|related)\s+to|near)"
    r"|(?<=\b(?:close|loyal|linked|connected|related))\s+to)"
    r"\s+[\p{L}\d'’\-]+(?:\s+[\p{L}\d'’\-&]+){0,4})"  # "at Calder & Wynne"
)
_PP_CHAIN = compile_re(_PP_LINK + "{1,3}", regex.V1)
# after a person who serves someone: "aides to the governor", "an adviser to the campaign"
_TO_CHAIN = compile_re(
    r"\s+to\s+[\p{L}\d'’\-]+(?:\s+[\p{L}\d'’\-]+){0,4}" + _PP_LINK + "{0,2}", regex.V1
)


def source_between(doc: Doc, first: int, cue_start: int) -> Mention | None:
    """The source that starts at ``first`` and reaches the cue at ``cue_start`` (asides,
    appositions and adverbials between them allowed)."""
    text, words = doc.text, doc.words
    toks = doc.tokens(first, cue_start)
    end = np_forward(doc, toks, 0)
    mention = classify(doc, toks[:end]) if end is not None else None
    if mention is not None:
        longer = _with_pp_chain(doc, mention, cue_start)
        if longer is not None:
            return longer  # "a spokesman for the council majority said"
        pos = skip_asides(doc, mention.end, cue_start)
        if pos > mention.end and (longer := _with_pp_chain(doc, mention, pos, settings=False)):
            # "Analysts at Hesk Securities said": what reads as a setting is an affiliation
            mention = longer
        if skip_back(doc, pos, cue_start) <= pos or text[pos:cue_start].strip() == "":
            comma = text.rfind(",", mention.end, pos)
            named = apposed_name(doc, mention, comma) if comma > mention.end else None
            return named or mention
        end = skip_back(doc, pos, cue_start)
        if pos == mention.end and text[pos:end].endswith(","):
            # "the candidates, Rafe Dunmore and Lucinda Farrow, told": names listed in
            # apposition, which the asides do not skip
            named = apposed_name(doc, mention, end - 1)
            if named is not None and named.kind == "group":
                return named
        m = np_before(doc, pos, cue_start)
        if m is not None and m.kind in ("name", "description", "group") and mention.kind == "name":
            both = coordinated(doc, first, m)
            if both.start == mention.start and both is not m:
                return both  # "Rafe Dunmore and Lucinda Farrow said", "Ruiz and her aides said"
        if _unclosed_aside(doc, pos, skip_back(doc, pos, cue_start)):
            return mention
    m = np_before(doc, first, cue_start)
    if m is not None and (
        text[first : m.start].strip() == "" or _DESCRIPTION_LEAD.fullmatch(text, first, m.start)
    ):
        return m
    if (
        m is not None
        and m.kind == "name"
        and m.start > first
        and all(w[:1].isupper() or w.lower() in words.titles for w in text[first : m.start].split())
    ):
        # "CBS This Morning co-anchor Dee Morgan said": a capitalised run the reader broke
        return Mention(start=first, end=m.end, kind="name", head=m.head)
    return None


_TIME_WORD = compile_re(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight"
    r"|morning|afternoon|evening|night|week|weekend|month|year|january|february|march|april"
    r"|may|june|july|august|september|october|november|december|\d{1,2}(?::\d\d)?\s*[ap]\.?m)\b",
    regex.V1 | regex.IGNORECASE,
)
_WITH_SUBJECT_MAX_WORDS = 7
_WITH_SUBJECT_BREAK = compile_re(r"[,;:()\"“”]|\s[-–—]|[-–—]\s", regex.V1)


def _with_subject(doc: Doc, start: int, cue_start: int) -> Mention | None:
    """The subject of a participle after "with" that no lexicon knows as a source: "with
    traders citing …", "with patients on the highest dose reporting …" (a noun phrase in
    lower case, prepositions and determiners allowed, no verb of saying)."""
    text, words = doc.text, doc.words
    end = skip_back(doc, start, cue_start)
    found = LETTERS.findall(text, start, end)
    if not found or len(found) > _WITH_SUBJECT_MAX_WORDS or not text[start].isalnum():
        return None
    if _WITH_SUBJECT_BREAK.search(text, start, end) or found[-1].lower() in _PREPOSITIONS:
        return None  # "with a basic task - bragging - conceding", "with terrorists bent on"
    for w in found:
        low = w.lower()
        if words.cue(w) is not None or (
            low in words.stops and low not in _PREPOSITIONS and low not in words.dets
        ):
            return None  # "with it saying", "with what he called": not a plain noun phrase
    head = next((w for w in found if w.lower() not in words.dets), found[0])
    if head[:1].isupper():
        return None  # a name the mention readers did not take stays unattributed here
    kind = "group" if head.lower().endswith("s") else "description"
    return Mention(start=start, end=end, kind=kind)


def _with_pp_chain(
    doc: Doc, mention: Mention, cue_start: int, *, settings: bool = True
) -> Mention | None:
    """A description and the prepositional phrases that reach the cue: "a spokesman for the
    council majority said", "a source close to the star said"; with ``settings=False`` a
    phrase that may read as a setting counts too ("Analysts at Hesk Securities said")."""
    if mention.kind not in ("description", "group"):
        return None
    words, text = doc.words, doc.text
    end = skip_back(doc, mention.end, cue_start) if settings else cue_start
    pp = _PP_CHAIN.fullmatch(text, mention.end, end)
    if pp is None and _serves(doc, mention):
        pp = _TO_CHAIN.fullmatch(text, mention.end, end)
    if pp is not None and not settings and _TIME_WORD.search(pp.group()):
        return None  # "The Sanders campaign on Monday said": a time, not an affiliation
    if pp is None:
        return None
    found = LETTERS.findall(pp.group())
    if any(
        # after an article or a preposition a cue form is a noun: "at the state office",
        # "the secretary of state's office"
        (words.cue(w) is not None and (n == 0 or found[n - 1].lower() not in _NOUN_BEFORE))
        # a stop word other than a preposition (tested in place: not a set built per call)
        or (w.lower() in words.stops and w.lower() not in _PREPOSITIONS)
        for n, w in enumerate(found)
    ):
        return None
    return Mention(start=mention.start, end=pp.end(), kind=mention.kind)


_NOUN_BEFORE = frozenset(["the", "a", "an"]) | _PREPOSITIONS


def _serves(doc: Doc, mention: Mention) -> bool:
    """The mention ends with a noun for a person ("aides", "an adviser"), so "to" after it
    names whom they serve: "aides to the governor said"."""
    last = LETTERS.findall(doc.text, mention.start, mention.end)
    low = last[-1].lower() if last else ""
    return low in doc.words.persons or (low.endswith("s") and low[:-1] in doc.words.persons)


def _before_party(doc: Doc, lo: int, m: Mention | None) -> Mention | None:
    """``Sen. Paul Hedley, R-Westmark, who said``: the name before a party-and-state aside
    (``m`` itself otherwise)."""
    if m is None or _PARTY_ASIDE.fullmatch(doc.text, m.start, m.end) is None:
        return m
    comma = _COMMA_BEFORE.search(doc.text, max(lo, m.start - 4), m.start)
    if comma is None:
        return m
    named = np_before(doc, lo, comma.start()) or np_ending(doc, lo, comma.start())
    return named if named is not None and named.kind == "name" else m


def _before_of(doc: Doc, lo: int, m: Mention | None) -> Mention | None:
    """``Foreign Minister Tobias Lindqvist of Norrland, who said``, ``the president of
    Norrland, who said``, ``Ana Ruiz of the Harbor Trust, who said``: "who" stands for the
    person whose place or organisation follows "of", and for one person or a group before "at",
    "in", "on" or "with" (``an analyst at Harlow Bank, who notes``); ``m`` itself otherwise."""
    if m is None or m.kind not in ("name", "org", "description"):
        return m
    at = _AT_BEFORE.search(doc.text, max(lo, m.start - 8), m.start)
    if at is not None:
        person = np_before(doc, lo, at.start())
        if person is not None and (person.kind == "group" or _one_person(doc, person)):
            # "an analyst at Harlow Bank, who", "residents on the north shore, who": the person
            # or the people whose place or organisation follows the preposition
            return Mention(start=person.start, end=m.end, kind=person.kind, head=person.head)
        return m
    of = _OF_BEFORE.search(doc.text, max(lo, m.start - 8), m.start)
    if of is None or m.kind == "description":
        return m
    person = np_before(doc, lo, of.start()) or np_ending(doc, lo, of.start())
    if person is not None and person.kind == "name" and person.head is not None:
        return Mention(start=person.start, end=m.end, kind="name", head=(person.head[0], m.end))
    head = LETTERS.findall(doc.text, person.start, person.end) if person is not None else []
    if (
        person is not None
        and person.kind == "description"
        and m.kind == "name"
        and head
        and (head[-1].lower() in doc.words.titles or head[-1].lower() in doc.words.persons)
    ):
        return Mention(start=person.start, end=m.end, kind="description")
    return m  # "the mouth of Donald Trump, who": the name


_OF_BEFORE = compile_re(r"(?r)\s+of\s+(?:the\s+)?$", regex.V1)
_AT_BEFORE = compile_re(r"(?r)\s+(?:at|in|on|with)\s+(?:the\s+)?$", regex.V1)


def _one_person(doc: Doc, m: Mention) -> bool:
    """``m`` names one person: a name opening with a known first name, or a description whose
    last word is a title or a noun for one person ("a senior analyst")."""
    head = LETTERS.findall(doc.text, m.start, m.end)
    if m.kind == "name":
        return bool(head) and head[0].lower() in doc.words.first_names  # not "Cape Town in …"
    return (
        m.kind == "description"
        and bool(head)
        and (head[-1].lower() in doc.words.titles or head[-1].lower() in doc.words.persons)
    )


_PARTY_ASIDE = compile_re(r"[DRI]-\p{Lu}[\p{L}.]*", regex.V1)
_COMMA_BEFORE = compile_re(r"(?r),\s*$", regex.V1)


def _which_object(doc: Doc, m: Mention) -> Mention | None:
    """``a series of setbacks for the company, which reported``: "which" stands for the
    organisation that ends the phrase when the phrase's head is no source ("setbacks"),
    not for the whole description."""
    if m.kind not in ("description", "name", "org"):
        return None
    text, words = doc.text, doc.words
    prep = _LAST_PREPOSITION.search(text, m.start, m.end)
    if prep is None:
        return None
    heads = LETTERS.findall(text, m.start, prep.start())
    if (
        not heads
        or not heads[-1].islower()  # "Tovelina Brask of the Eastport Institute"
        or any(
            heads[-1] in kind
            for kind in (words.orgs, words.firms, words.media, words.groups, words.persons)
        )
    ):
        return None
    obj = np_ending(doc, prep.end(), m.end)
    if obj is None or obj.start < prep.end() or obj.end != m.end:
        return None
    last = LETTERS.findall(text, obj.start, obj.end)
    if obj.kind in ("name", "org") or (
        last and (last[-1].lower() in words.orgs or last[-1].lower() in words.firms)
    ):
        return obj
    return None


# the last preposition of a description: "a series of setbacks for| the company"
_LAST_PREPOSITION = compile_re(r"(?r)\s(?:of|for|at|with|from|by|in)\s", regex.V1)


def _unclosed_aside(doc: Doc, pos: int, end: int) -> bool:
    """``text[pos:end]`` is an aside that no comma closes before the cue, with no verb of
    saying in it: "a harbor official who asked not to be named said", "Nate Sills, the
    polling guru who founded the site tweeted"; or a relative clause whose verb of saying
    has only a noun phrase after it, no clause: "the person who posted the video said"."""
    words = doc.words
    m = _RELATIVE.fullmatch(doc.text, pos, end) or _OPEN_APPOSITION.fullmatch(doc.text, pos, end)
    if m is None:
        return False
    inside = m.group(1).split()
    if m.re is _RELATIVE and inside and words.cue(inside[0]) is not None:
        if _ANONYMITY.search(m.group(1)):
            return True  # "who asked not to be named", "who spoke on condition of anonymity"
        return len(inside) > 1 and not any(verbish(w.lower(), words) for w in inside[1:])
    return not any(words.cue(w) is not None for w in inside)


_WITH = compile_re(r"(?r)(?:^|(?<=\s))with\s+(?=[^,;:]{1,80}$)", regex.V1 | regex.IGNORECASE)

# nothing but marks and conjunctions before an inverted cue: "But, said Solovey, "…""
ONLY_OPENERS = compile_re(r"[\s\u00a0\"“”„«»,]*(?:(?:But|And|So|Yet|Still)[\s,]*)?", regex.V1)

LETTERS = compile_re(r"\p{L}+", regex.V1)

_COORDINATED = compile_re(r"(?:^|[\s,])(?:and|but|or|then)$", regex.V1 | regex.IGNORECASE)


def source_for_cue(doc: Doc, lo: int, cue_start: int, cue_end: int) -> Mention | None:
    """The source of a cue whose clause opens at ``lo``: the mention right before it, else the
    clause subject ("X, a snowplow driver, said" / "X … but said" / "X …, saying")."""
    text, words = doc.text, doc.words
    who = RELATIVE_BEFORE.search(text, max(lo, cue_start - 40), skip_back(doc, lo, cue_start))
    if who is not None:
        # "Mike Lenn, who declared": the name; also an object ("from Mike Lenn, who")
        end = who.start()
        dated = _DATED.search(text, max(lo, end - 30), end)
        if dated is not None:
            end = dated.start()  # "her records in July, which showed": the records
        m = np_before(doc, lo, end) or np_ending(doc, lo, end)
        m = _before_party(doc, lo, m)
        if who.group("rel") == "who":
            m = _before_of(doc, lo, m)
        if m is not None and m.kind in ("name", "org", "description", "group"):
            if who.group("rel") == "which":
                return _which_object(doc, m) or m
            return m
    participle = text[cue_start:cue_end].lower().endswith("ing")
    quoted = _QUOTED_AS.search(text, max(lo, cue_start - 100), cue_start) if participle else None
    if quoted is not None:
        # "VNA quoted Governor Emil Rastov as saying": the one quoted is the source
        m = np_after(doc, quoted.start(1), quoted.end(1))
        if m is not None and m.end == quoted.end(1) and m.kind in _SUBJECT_KINDS:
            return m
    if participle and not _COMMA_END.search(text, lo, cue_start):
        # "held up a sign reading "…"", "a banner saying "…"": the thing carries the words
        end = skip_back(doc, lo, cue_start)
        thing = np_ending(doc, lo, end)
        head = LETTERS.findall(text, thing.start, thing.end) if thing is not None else []
        if thing is not None and head and head[-1].lower().removesuffix("s") in words.inscriptions:
            return thing  # "signs reading" too
    # "Abbot emailed supporters on Monday, telling them": a participle after a comma takes
    # the clause subject, not the object or setting before it
    m = (
        None
        if participle and _COMMA_END.search(text, lo, cue_start)
        else np_before(doc, lo, cue_start)
    )
    if m is not None and (rel := _AS_IN_RELATIVE.search(text, max(lo, m.start - 120), m.start)):
        # "A diplomat who attended as an observer said": the role is the relative clause's,
        # the source the noun phrase it qualifies ("…, as an official said" keeps its own)
        subject = np_before(doc, lo, rel.start())
        if subject is not None and subject.kind in _SUBJECT_KINDS:
            return subject
    if m is not None:
        return coordinated(doc, lo, m)
    if not participle and _TO_BEFORE.search(text, max(lo, cue_start - 8), cue_start):
        # "Tom Penn interrupted me in mid-sentence to announce": an infinitive of purpose
        # takes the subject of its clause
        sub = clause_subject(doc, lo, cue_start)
        if (
            sub is not None
            and sub[0].kind in _SUBJECT_KINDS
            and not text.startswith(",", sub[1])  # "First, she refused to say": an opener
            and _word_of(text, sub[0]).lower().rstrip("s").rstrip("'’")
            not in words.function_words  # "That's why I tried to say"
            and _OBJECT_CONTROL.search(text, sub[1], cue_start) is None
        ):
            return sub[0]
    vp = _VERB_AND.search(text, max(lo, cue_start - 40), cue_start)
    if vp is not None:
        m = np_before(doc, lo, vp.start())  # "he laughed and said": the first verb's subject
        if m is not None and m.kind in _SUBJECT_KINDS:
            return m
    conj = _AND_CUE.search(text, max(lo, cue_start - 30), cue_start)
    if conj is not None:
        # "when he brought up the bombing and later said": the subject of that clause
        opener = _SUBORDINATE.search(text, max(lo, conj.start() - 150), conj.start())
        if opener is not None and PUNCT.search(text, opener.end(), conj.start()) is None:
            found = clause_subject(doc, opener.end(), conj.start())
            if found is not None and found[0].kind in ("name", "pronoun"):
                return found[0]
    if not participle:
        m = _before_apposition(doc, lo, cue_start)
        if m is not None:
            return m
    elif not _COMMA_END.search(text, lo, cue_start):
        # "with Trump yelling", "with the union calling it": the participle's own subject
        # (after a comma it is the clause's: "clashed with Obel at the hearing, chiding him")
        w = _WITH.search(text, max(lo, cue_start - 100), skip_back(doc, lo, cue_start))
        if w is not None:
            m = np_before(doc, w.end(), cue_start)
            if m is not None and m.start == w.end():
                return m
            m = source_between(doc, w.end(), cue_start) or _with_subject(doc, w.end(), cue_start)
            if m is not None:
                return m
    seg = text[lo : skip_back(doc, lo, cue_start)].rstrip()
    if ONLY_OPENERS.fullmatch(seg):
        if ONLY_OPENERS.fullmatch(text, lo, cue_start):
            hi = min(len(text), cue_end + 200)
            return np_after(doc, skip_setting(text, cue_end, hi), hi)
        return None
    lead = text[lo:cue_start].rstrip()
    if participle and lead.endswith(","):
        # "when dockers interrupted her remarks, shouting", "…, and the union sued the city,
        # saying": the subject of the clause the participle closes, when a subordinator or a
        # conjunction after a comma opens it (the nearer of the two)
        comma = lo + len(lead) - 1
        opener = _CONJUNCTION.search(text, max(lo, cue_start - 150), comma)
        conj = CLAUSE_BREAK.search(text, max(lo, cue_start - 150), comma)
        if conj is not None and (opener is None or conj.end() > opener.end()):
            opener = conj
        if opener is not None and PUNCT.search(text, opener.end(), comma) is None:
            found = clause_subject(doc, opener.end(), comma)
            if (
                found is not None
                and found[0].kind in _SUBJECT_KINDS
                and LETTERS.search(text, found[1], comma) is not None  # its verb follows
                and _PREPOSITION_NEXT.match(text, found[1], comma) is None  # "as a ladder to"
            ):
                return found[0]
    if participle and lead.endswith(","):
        # "…, Spicer said, adding, "…"": the participle shares the attribution before it
        prev = _previous_cue(doc, lo, text.rindex(",", lo, cue_start))
        if prev is not None:
            m = np_before(doc, lo, prev)
            if m is not None:
                return m
    brk = CLAUSE_BREAK.search(text, max(lo, cue_start - MAX_WINDOW), cue_start)
    if brk is not None and PUNCT.search(text, brk.end(), cue_start) is None:
        # "The results aren't in, but Ada Kasich's campaign is already claiming": the
        # clause after the conjunction has its own subject
        sub = clause_subject(doc, brk.end(), cue_start)
        if sub is not None and sub[0].kind in _SUBJECT_KINDS:
            between = text[sub[1] : cue_start]
            if "," not in between and not any(
                words.cue(w) is not None for w in LETTERS.findall(between)
            ):
                return sub[0]
    sub = clause_subject(doc, lo, cue_start)
    if sub is None:
        return None
    mention, end = sub
    joined = _COORDINATED.search(seg) is not None
    pos = skip_asides(doc, end, cue_start)
    if pos > end and (longer := _with_pp_chain(doc, mention, pos, settings=False)):
        mention = longer  # "Analysts at Hesk Securities said": an affiliation, no setting
    if pos > end:
        # "His lawyer, Dev Ranganathan, had asked for less, citing …": the name in apposition
        comma = text.rfind(",", mention.end, pos)
        mention = (apposed_name(doc, mention, comma) if comma > mention.end else None) or mention
    between = text[pos : skip_back(doc, pos, cue_start)].strip()
    if between == "" or participle or joined or seg.endswith(","):
        return mention
    if text[mention.start : mention.end].endswith(("'s", "’s")) and len(between.split()) == 1:
        # "a source familiar with the senator's thinking said": the possessed noun ends it
        return attrs.evolve(mention, end=skip_back(doc, pos, cue_start))
    longer = _with_pp_chain(doc, mention, cue_start)
    if longer is not None:
        return longer
    group = (
        _with_pp_chain(doc, attrs.evolve(mention, kind="group"), cue_start)
        if mention.kind == "name"
        else None
    )
    if group is not None and _members(doc, mention):
        # "Democrats in the Senate said", "Tory MPs on the committee said": members of a
        # group, whom the phrase after them narrows down
        return group
    if group is not None and _named_elsewhere(doc, mention):
        # "Sgt. Omar Tully of the state police said", "Tom Reyes from the tenants' union
        # said": a named person and where they work; the speaker is the name
        return mention
    # a reduced relative clause: "Dockers marching along the quay chanted"
    if _REDUCED_RELATIVE.fullmatch(between) and not any(
        words.cue(w) is not None for w in _BY_NAME.sub("", between).split()
    ):  # (the name of an agent has no cue: "obtained by The Associated Press")
        return mention
    if _unclosed_aside(doc, pos, skip_back(doc, pos, cue_start)):
        return mention
    return None


def _named_elsewhere(doc: Doc, m: Mention) -> bool:
    """``m`` is a name of two words or more, or one word the text capitalises after a word
    in lower case too: a sentence that opens "Footage from the game shows" or "Drop in
    turnout hints" has no name in it, one that opens "Trump at the time said" has."""
    found = LETTERS.findall(doc.text, m.start, m.end)
    if len(found) != 1:
        return len(found) > 1
    return any(
        _after_lower(doc.text, i)
        for i in word_starts(doc.text, found[0], m.start - NEAR, m.end + NEAR)
    )


def _after_lower(text: str, i: int) -> bool:
    """A word in lower case, a comma after it or not, and spaces stand before ``text[i]``."""
    j = i
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == i:
        return False
    if text[j - 1 : j] == ",":
        j -= 1
    return j > 0 and text[j - 1].islower()


def _members(doc: Doc, m: Mention) -> bool:
    """The capitalised words of ``m`` name members of a group, no person: a noun for a group
    ends them ("Tory MPs"), or they are one word in the plural that the text counts or
    determines elsewhere ("Democrats" with "some Democrats", "the Republicans")."""
    found = LETTERS.findall(doc.text, m.start, m.end)
    if not found or found[-1].lower() in doc.words.groups:
        return bool(found)
    if len(found) > 1 or not found[0].endswith("s"):
        return False
    text = doc.text
    for i in word_starts(text, found[0], m.start - NEAR, m.end + NEAR, ignore_case=True):
        before = _WORD_BEFORE.search(text, max(0, i - 40), i)
        if before is not None and before.group(1).lower() in doc.words.dets:
            return True
    return False


_WORD_BEFORE = compile_re(r"(?r)(\p{L}+)[ \t]+$", regex.V1)


def _before_apposition(doc: Doc, lo: int, cue_start: int) -> Mention | None:
    """``X (R-Ohio), said`` / ``X, Sanders' campaign manager, said``: the mention before the
    aside that a comma closes right before the cue."""
    m = _before_aside(doc, lo, cue_start)
    if m is None or m.kind not in ("name", "description", "org"):
        return m
    # "Ted Marlow, co-founder of the Harbor Trust, said": the aside is an apposition of
    # the name before it, which is the source
    before = doc.text[lo : m.start].rstrip()
    if not before.endswith(","):
        return m
    head = np_before(doc, lo, lo + len(before) - 1)
    if (
        head is not None
        and head.kind == "name"
        and _APPOSITION_LEAD.fullmatch(doc.text, head.end, m.start)
        and not opener_word(doc.text[head.start : head.end])  # "Similarly, William J. Bennett,"
        # "in Alexandria, Va., Reel, in a jumpsuit, said": a state, not a name in apposition
        and not (
            _STATE_ABBREVIATION.fullmatch(doc.text, head.start, head.end)
            and _PLACE_BEFORE.search(doc.text, max(lo, head.start - 60), head.start)
        )
    ):
        return head
    return m


# a preposition's place and the comma before its state ("in Alexandria, Va.")
_PLACE_BEFORE = compile_re(
    r"(?r)\b(?:in|at|from|near)\s+(?:\p{Lu}[\p{L}’'\-]*\s+){0,2}\p{Lu}[\p{L}’'\-]*,\s+$",
    regex.V1,
)
_STATE_ABBREVIATION = compile_re(r"\p{Lu}\p{Ll}{1,4}\.|\p{Lu}{2}", regex.V1)


_APPOSITION_LEAD = compile_re(r",\s*", regex.V1)


def _before_aside(doc: Doc, lo: int, cue_start: int) -> Mention | None:
    text = doc.text
    end = skip_back(doc, lo, cue_start)
    if not text[lo:end].endswith(","):
        return None
    comma = end - 1
    # the clause subject, when only asides stand between it and the cue
    sub = clause_subject(doc, lo, comma)
    if (
        sub is not None
        and sub[0].kind in ("name", "org", "pronoun", "description", "group")
        and skip_asides(doc, sub[1], end) >= end - 1
    ):
        return apposed_name(doc, sub[0], comma) or sub[0]
    m = np_before(doc, lo, comma)
    if m is not None and m.kind in ("name", "org", "pronoun"):
        # "The banks, Harlow Trust and Calder Bank, said" (not "candidates, including X and Y")
        both = coordinated(doc, lo, m)
        return both if text[both.start].isupper() else m
    for _ in range(3):
        comma = text.rfind(",", lo, comma)
        if comma < 0:
            return None
        m = np_before(doc, lo, comma)
        if m is not None and skip_asides(doc, m.end, end) >= end - 1:
            return m
    return None


_AFFILIATION = compile_re(r"(?<!\s)\s++(?:at|from|with)\s++(?:the\s++)?\p{Lu}", regex.V1)


def apposed_name(doc: Doc, desc: Mention, comma: int) -> Mention | None:
    """ "The county clerk, Marisol Ebbert, said", "the party's co-leader, Petra Holm, told":
    the name in apposition to a description, between the comma after it and ``comma``, is
    the speaker (not "Several candidates, including Trump,")."""
    if desc.kind not in ("description", "group"):
        return None
    text = doc.text
    gap = COMMA_GAP.match(text, desc.end, comma)
    if gap is None:
        return None
    first = text.find(",", gap.end(), comma)
    if first > gap.end() and skip_asides(doc, first, comma + 1) >= comma:
        comma = first  # "The audit's lead author, Tomasz Wielgosz, 38, a former engineer, said"
    end = comma
    named = np_before(doc, gap.end(), end)
    if named is not None and named.start > gap.end():
        # "The banks, Harlow Trust and Calder Bank, said": the names listed are the source
        both = coordinated(doc, gap.end(), named)
        named = both if both.start == gap.end() else named
    if named is None or named.start != gap.end():
        # "Another analyst, Gus Ferrante at Holloway Partners, said": the name, then where
        # the person works
        at = _AFFILIATION.search(text, gap.end(), comma)
        if at is not None and skip_asides(doc, at.start(), comma + 1) >= comma:
            end = at.start()
            named = np_before(doc, gap.end(), end)
    if (
        named is None
        or named.kind not in ("name", "org", "group")
        or named.start != gap.end()
        or (named.end != end and not _PAREN_END.fullmatch(text, named.end, end))
        or not (
            text[named.start].isupper()
            or _THE_NAME.match(text, named.start, named.end)
            or _role_before_name(doc, named)
        )
    ):
        return None
    return named


def _role_before_name(doc: Doc, named: Mention) -> bool:
    """Only role words stand before the name ("baker Ines Faro", "his cousin James York"); not
    "including Trump" or "conducted for the group America's Voice"."""
    if named.kind != "name" or named.head is None or named.head[0] <= named.start:
        return False
    words = doc.words
    lows = doc.text[named.start : named.head[0]].lower().split()
    return len(lows) <= 3 and all(
        w in words.dets or (w.isalpha() and w not in words.stops and not w.endswith(("ing", "ed")))
        for w in lows
    )


# "quoted X as saying", "cited X as saying": X, right before the cue
_QUOTED_AS = compile_re(
    r"(?r)\b(?:quoted|quotes|quoting|cited|cites|citing)\s++([^,;:.!?\"“”\s][^,;:.!?\"“”]{0,80}?)"
    r"\s++as\s++$",
    regex.V1,
)
_THE_NAME = compile_re(r"the\s+\p{Lu}", regex.V1)  # "the Green Alliance"
# a party and a place in brackets after a name: "Marcia Price (D-Vell Harbour)"
_PAREN_END = compile_re(r"[ \u00a0]*\([^()\n]{1,40}\)[ \u00a0]*", regex.V1)

CLAUSE_BREAK = compile_re(
    r"(?r)(?:,[”\"’]?\s{1,3}(?:but|and|while|whereas|though|although|yet|so)\s|;\s)", regex.V1
)

PUNCT = compile_re(r"[,;:.!?]", regex.V1)

_SUBJECT_KINDS = frozenset(["name", "pronoun", "org", "description", "group"])

_AND_CUE = compile_re(r"(?r)\s+and\s+(?:then\s+|later\s+|also\s+)?$", regex.V1)

_SUBORDINATE = compile_re(
    r"(?r)\b(?:when|as|while|because|after|before|since|though|although|where|if)\s", regex.V1
)

# subordinators that are never prepositions ("went after Brisk" is not a clause), and "as"
# and "where", which open a clause when its subject is followed by no preposition ("as a ladder
# to" is none)
_CONJUNCTION = compile_re(
    r"(?r)\b(?:when|while|because|though|although|whereas|once|until|unless|as|where)\s",
    regex.V1,
)

_COMMA_END = compile_re(r",\s*$", regex.V1)
# a preposition right after a phrase: no clause ("as a ladder to the middle class")
_PREPOSITION_NEXT = compile_re(
    r"\s+(?:to|of|for|in|on|at|with|from|by|about|as|into|over|under|than|like)\b", regex.V1
)


def _word_of(text: str, m: Mention) -> str:
    """The text of a one-word mention ("" for a longer one)."""
    span = text[m.start : m.end]
    return "" if " " in span else span


_TO_BEFORE = compile_re(r"\sto\s+$", regex.V1)
# a restrictive relative clause that ends in "as" before the mention: " who sat in as "
_AS_IN_RELATIVE = compile_re(r"(?<=\p{L})\s+who\s[^,;:.!?\"“”]{1,100}?\sas\s+$", regex.V1)
# verbs whose object, not their subject, does what the infinitive says: "asked the council
# to declare", "prompted the atlas to state", "requires staffers to promise"
_OBJECT_CONTROL = compile_re(
    r"\b(?:ask|tell|told|urg|prompt|lead|led|requir|forc|invit|encourag|allow|persuad|convinc"
    r"|press|push|order|get|got|want|expect|caus|enabl|inspir|remind|warn)\p{Ll}*\s",
    regex.V1 | regex.IGNORECASE,
)

# the date a relative clause's antecedent is placed at: "in July", "on Tuesday"
_DATED = compile_re(
    rf"(?r)\s+(?:in|on|since|until|during|last)\s+{DATE_NAME}(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?$",
    regex.V1,
)

_VERB_AND = compile_re(r"(?r)\s+\p{Ll}+(?:ed|ied)\s+and\s+(?:then\s+)?$", regex.V1)

# "Mike Lenn, who declared", "the report, which notes", "a sign that read": the relative
# pronoun stands for the phrase before it
RELATIVE_BEFORE = compile_re(
    r"(?r)(?:,\s*(?P<rel>who|which)|(?<=\p{Ll})\s+(?P<rel>that|which))"
    r"(?:\s+(?:also|then|later|once|had|has))?$",
    regex.V1,
)


def _previous_cue(doc: Doc, lo: int, comma: int) -> int | None:
    """Where the cue of an attribution that ends at ``comma`` starts: "Spicer said, adding",
    "said in an interview, adding", "said Tuesday in Lisbon, noting", "said in June 2012,
    citing" (the last cue form before the comma, only settings after it)."""
    text, words = doc.text, doc.words
    found = None
    for w in LETTERS.finditer(text, max(lo, comma - 80), comma):
        if words.cue(w.group()) is not None:
            found = w
    if found is None or found.group().lower().endswith("ing"):
        return None  # "during the hearing, chiding": not an attribution
    start = found.start()
    if _OWNER_BEFORE.search(text, max(lo, start - 12), start):
        return None  # "downplayed Reel's comments, saying": a noun, another verb's object
    end = skip_setting(text, found.end(), comma)
    tail = _CUE_SETTINGS.match(text, end, comma)
    return start if text[tail.end() if tail else end : comma].strip() == "" else None


# settings after a cue that ``skip_setting`` leaves: "Tuesday in Lisbon", "at Harbor Hall",
# "in June 2012", "on Jan. 5"
_CUE_SETTINGS = compile_re(
    r"(?:\s+(?:(?:on\s+)?\p{Lu}\p{Ll}+day(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:in|at|on)\s+\p{Lu}[\p{L}.\-]*(?:\s+(?:\p{Lu}[\p{L}.\-]*|\d{1,4},?))*"
    r"|last\s+(?:week|month|year)))*",
    regex.V1,
)

# a determiner or a possessive before a cue form: a noun ("the statement", "Reel's comments")
_OWNER_BEFORE = compile_re(
    r"(?r)(?:\b(?:the|a|an|his|her|their|its|our|my|your|those|these)|\p{L}['’]s?)\s+$",
    regex.V1 | regex.IGNORECASE,
)

_REDUCED_RELATIVE = compile_re(r"\p{Ll}+(?:ing|ed)(?:\s+[\p{L}\-’']+){0,8}", regex.V1)
_BY_NAME = compile_re(r"\bby(?:\s+the)?(?:\s+\p{Lu}[\p{L}\-’']*)+", regex.V1)
