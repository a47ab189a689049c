"""Stage 4: temporal expressions, found and resolved against the reference date.

Candidates come from one pattern built from the temporal lexicon (word boundaries on every
side, so "may", "a second" or "$13" are not dates); absolute calendar dates are then read by
``dateparser.parse`` on the candidate alone (never ``search_dates``), everything relative by our
own rules. Values are TIMEX3 strings ("2022-03-16", "2022-W11", "2022-W10-WE", "P3W",
"PAST_REF"), with the calendar range where one exists.

Conventions, as news writers use them:

* The reference is ``published``; else the dateline's date; else relative values stay
  unresolved: an underspecified TIMEX3 value ("XXXX-WXX-4") or None, never today's clock.
* Weekdays and bare months follow the tense of their sentence: past -> the most recent such
  day (the reference day included), future ("will", "next", "plans to") -> the next one.
* "The next day", "two days later" anchor to the last day-valued date mentioned before them.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence

import attrs
import regex

from .lexicons import Lexicon, load_lexicon
from .records import DateMention, Sentence
from .text import check_text, parse_published

_FUTURE = regex.compile(
    r"\b(?:will|won't|shall|'ll|going\s+to|plans?\s+to|planned\s+to|expects?\s+to|expected\s+to"
    r"|scheduled|set\s+to|is\s+to|are\s+to|upcoming|would\s+begin|next)\b",
    regex.IGNORECASE,
)
_FUTURE_WORDS = frozenset(
    [
        "will",
        "won't",
        "shall",
        "'ll",
        "going",
        "plans",
        "plan",
        "planned",
        "expects",
        "expected",
        "scheduled",
        "upcoming",
        "next",
        "tomorrow",
    ]
)
_PAST_WORDS = frozenset(
    ["said", "told", "was", "were", "had", "did", "ago", "last", "yesterday", "earlier"]
)
_TENSE_WINDOW = 8
_WORD = regex.compile(r"[\p{L}']+")
_LEADING_PREPOSITION = regex.compile(
    r"(?:on|at|in|since|for|during|until|by|from|over|through|before|after)\s+", regex.IGNORECASE
)
_UNIT_LETTER = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W",
    "month": "M", "year": "Y", "decade": "DE", "century": "CE", "weekend": "WE",
}  # fmt: skip
_TIME_UNITS = frozenset({"second", "minute", "hour"})


@attrs.frozen
class _Context:
    """What a handler needs beside its match."""

    ref: dt.date | None
    anchor: str | None
    future: bool
    previous_day: dt.date | None
    lex: Lexicon


def find_dates(
    text: str,
    *,
    sentences: Sequence[Sentence] | None = None,
    published: dt.date | dt.datetime | str | None = None,
    anchor: str = "published",
    lang: str = "en",
    lexicon: Lexicon | None = None,
) -> tuple[DateMention, ...]:
    """Find temporal expressions and resolve them against ``published``.

    Args:
        text: The article text.
        sentences: Sentences to search (boilerplate left out); computed when None.
        published: The reference date; None leaves relative expressions unresolved.
        anchor: The name recorded for the reference ("published" or "dateline").

    >>> [(d.text, d.value) for d in find_dates("It began three weeks ago.", published="2022-03-17")]
    [('three weeks ago', '2022-W08')]
    """
    check_text(text)
    ref = parse_published(published)
    lex = lexicon if lexicon is not None else load_lexicon(lang)
    if sentences is None:
        from .segment import split_sentences

        sentences = split_sentences(text, lang=lang, lexicon=lex)
    pattern = _candidate_pattern(lex)
    found: list[DateMention] = []
    previous_day: dt.date | None = None
    for sent in sentences:
        for m in pattern.finditer(text, sent.start, sent.end):
            kind = m.lastgroup
            if kind is None:
                continue
            ctx = _Context(
                ref=ref,
                anchor=anchor if ref is not None else None,
                future=_is_future(text, sent, m.start(), m.end()),
                previous_day=previous_day,
                lex=lex,
            )
            mention = _HANDLERS[kind](text, m, ctx)
            if mention is None:
                continue
            found.append(mention)
            if (
                mention.type == "DATE"
                and mention.first_day
                and mention.first_day == mention.last_day
            ):
                previous_day = mention.first_day
    return tuple(found)


def _is_future(text: str, sent: Sentence, start: int, end: int) -> bool:
    """The tense of the clause around a mention: the nearest tense word decides."""
    before = _WORD.findall(text, max(sent.start, start - 80), start)[::-1][:_TENSE_WINDOW]
    after = _WORD.findall(text, end, min(sent.end, end + 80))[:_TENSE_WINDOW]
    for i in range(_TENSE_WINDOW):
        for words in (after, before):
            if i < len(words):
                w = words[i].lower()
                if w in _FUTURE_WORDS:
                    return True
                if w in _PAST_WORDS or (len(w) > 4 and w.endswith("ed")):
                    return False
    return _FUTURE.search(text, sent.start, sent.end) is not None


def resolve_date(
    expression: str,
    *,
    published: dt.date | dt.datetime | str | None = None,
    lang: str = "en",
) -> DateMention | None:
    """Resolve one temporal expression; None when it is not one.

    >>> resolve_date("over the weekend", published="2022-03-17").value
    '2022-W10-WE'
    """
    check_text(expression, "expression")
    from .records import Sentence as _Sentence

    whole = _Sentence(start=0, end=len(expression), text=expression, paragraph=0)
    found = find_dates(expression, sentences=(whole,), published=published, lang=lang)
    return found[0] if found else None


# --------------------------------------------------------------------------- the pattern


def _alt(words: Sequence[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=8)
def _candidate_pattern(lex: Lexicon) -> regex.Pattern[str]:
    t = lex.temporal
    month = f"(?:{_alt(list(t['month']))})"
    wd = f"(?:{_alt(list(t['weekday']))})"
    num = rf"(?:\d{{1,3}}(?:\.\d)?|{_alt([w for w in t['number'] if w not in ('a', 'an')])})"
    unit = r"(?:seconds|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))"
    unit_a = r"(?:minute|hour|day|week|fortnight|month|year|decade|century)"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?:1[6-9]\d\d|20\d\d)"
    pod = r"(?:morning|afternoon|evening|night)"
    tz = f"(?:{_alt([w.upper() for w in t['timezone']])})"
    season = r"(?:spring|summer|autumn|winter|fall)"
    vague = f"(?:{_alt(list(t['vague']))})"
    freq = f"(?:{_alt(list(t['frequency']))})"
    amount = rf"(?:{num}|an?|a\s+few|a\s+couple\s+of|several|many)"
    b = r"(?<![\p{L}\p{N}])"
    e = r"(?![\p{L}\p{N}])"
    alternatives = [
        ("ago", rf"{amount}[\s-]+{unit}\s+(?:ago|earlier|before|later|after|from\s+now)"),
        ("ago1", rf"an?\s+{unit_a}\s+(?:ago|earlier|before|later|after|from\s+now)"),
        ("relday", r"the\s+(?:next|following|previous|prior)\s+day|the\s+day\s+(?:before|after)"),
        ("iso", rf"{year}-[01]\d-[0-3]\d|[01]?\d/[0-3]?\d/(?:{year}|\d\d)(?![/\d])"),
        ("mdy", rf"(?:{wd},?\s+)?{month}\s+{day}(?:\s*,\s*{year})?"),
        ("dmy", rf"(?:{wd},?\s+)?{day}\s+(?:of\s+)?{month}(?:\s*,?\s*{year})?"),
        ("my", rf"{month}\s*,?\s+(?:of\s+)?{year}"),
        (
            "time",
            rf"(?:[01]?\d(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am|pm)|noon|midnight)"
            rf"(?:\s+{tz})?(?:\s+(?:on\s+)?(?:{wd}|today|yesterday|tomorrow))?",
        ),
        (
            "set",
            rf"every\s+(?:other\s+)?(?:{wd}|day|week|month|year|{pod}|weekend)|each\s+(?:day|week|month|year)|(?:{wd})s|{freq}",
        ),
        ("weekday", rf"(?:(?:last|next|this|coming|past)\s+)?{wd}(?:\s+{pod})?"),
        (
            "deictic",
            rf"(?:yesterday|today|tomorrow)(?:\s+{pod})?|tonight|this\s+(?:morning|afternoon|evening)|last\s+night",
        ),
        (
            "span",
            rf"the\s+(?:past|last|next|coming|previous|first|final)\s+(?:{amount}[\s-]+)?{unit}",
        ),
        (
            "relunit",
            rf"(?:(?:earlier|later)\s+this|this|last|next|past|coming|previous|current)\s+"
            rf"(?:weekend|week|month|year|quarter|decade|century|{season})"
            rf"|the\s+weekend",
        ),
        (
            "quarter",
            rf"(?:the\s+)?(?:first|second|third|fourth|final)\s+quarter(?:\s+of\s+{year})?",
        ),
        ("season", rf"{season}\s+(?:of\s+)?{year}|(?:early|late)\s+{season}"),
        ("decade", r"(?:the\s+)?(?:(?:early|mid|late)[\s-])?(?:1[6-9]|20)\d0s"),
        ("fiscal", rf"(?:fiscal(?:\s+year)?|FY)\s*{year}"),
        (
            "monthmod",
            rf"(?:(?:last|next|this|early|late|mid-?)\s*){month}|(?<=\b(?:in|since|by|until|through|during|from|before|after)\s){month}",
        ),
        ("duration", rf"{amount}[\s-]+{unit}(?:\s+long)?(?![\-‐]old)"),
        ("year", rf"(?<![$€£#\d,.]){year}(?![\d%]|\.\d|,\d)"),
        ("vague", vague),
    ]
    body = "|".join(f"(?P<{name}>{pat})" for name, pat in alternatives)
    return regex.compile(rf"{b}(?:{body}){e}", regex.V1 | regex.IGNORECASE)


# --------------------------------------------------------------------------- handlers


def _mention(
    text: str,
    m: regex.Match[str],
    ctx: _Context,
    type_: str,
    value: str | None,
    first: dt.date | None = None,
    last: dt.date | None = None,
    anchor: str | None = "ref",
    strip: bool = True,
) -> DateMention:
    start, end = m.span()
    if strip:
        lead = _LEADING_PREPOSITION.match(text, start, end)
        if lead is not None and lead.end() < end:
            start = lead.end()
    if anchor == "ref":
        anchor_name, anchor_date = ctx.anchor, ctx.ref
    elif anchor == "previous-date":
        anchor_name, anchor_date = anchor, ctx.previous_day
    else:
        anchor_name, anchor_date = anchor, None
    return DateMention(
        start=start,
        end=end,
        text=text[start:end],
        type=type_,  # type: ignore[arg-type]
        value=value,
        first_day=first,
        last_day=last,
        anchor=anchor_name,
        anchor_date=anchor_date,
    )


def _number(word: str, lex: Lexicon) -> float | None:
    w = " ".join(word.lower().split())
    if w in ("a", "an"):
        return 1
    value = lex.temporal["number"].get(w)
    if value is not None:
        return None if value == "X" else float(value)
    try:
        return float(w)
    except ValueError:
        return None


def _unit(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    return w[:-1] if w.endswith("s") else w


def _split_amount(phrase: str, lex: Lexicon) -> tuple[float | None, str] | None:
    m = regex.match(
        r"(?P<n>.+?)[\s-]+(?P<u>seconds|minutes?|hours?|days?|weeks?|fortnights?|months?|years?"
        r"|decades?|centur(?:y|ies))\b",
        phrase,
        regex.IGNORECASE,
    )
    if m is None:
        return None
    n = m.group("n").strip()
    if n.lower() in ("a few", "several", "many", "a couple of"):
        return (2.0 if n.lower() == "a couple of" else None), _unit(m.group("u"))
    return _number(n, lex), _unit(m.group("u"))


def _duration_value(n: float | None, unit: str) -> str:
    letter = _UNIT_LETTER[unit]
    count = "X" if n is None else (str(int(n)) if n == int(n) else str(n))
    if unit == "fortnight" and n is not None:
        count, letter = str(int(n * 2)), "W"
    return f"PT{count}{letter}" if unit in _TIME_UNITS else f"P{count}{letter}"


def _day(d: dt.date) -> tuple[str, dt.date, dt.date]:
    return d.isoformat(), d, d


def _week(d: dt.date, weekend: bool = False) -> tuple[str, dt.date, dt.date]:
    y, w, _ = d.isocalendar()
    monday = d - dt.timedelta(days=d.isoweekday() - 1)
    if weekend:
        return f"{y}-W{w:02d}-WE", monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
    return f"{y}-W{w:02d}", monday, monday + dt.timedelta(days=6)


def _month(y: int, mo: int) -> tuple[str, dt.date, dt.date]:
    nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
    return f"{y:04d}-{mo:02d}", dt.date(y, mo, 1), nxt - dt.timedelta(days=1)


def _year(y: int) -> tuple[str, dt.date, dt.date]:
    return f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31)


def _quarter(y: int, q: int) -> tuple[str, dt.date, dt.date]:
    first = dt.date(y, 3 * q - 2, 1)
    _, _, last = _month(y, 3 * q)
    return f"{y:04d}-Q{q}", first, last


def _shift_months(d: dt.date, months: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


def _h_ago(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    phrase = m.group()
    parsed = _split_amount(phrase, ctx.lex)
    if parsed is None:
        return None
    n, unit = parsed
    direction = phrase.lower().split()[-1]
    backward = direction in ("ago", "earlier", "before")
    relative_to_previous = direction in ("later", "after", "before")
    base = ctx.previous_day if relative_to_previous else ctx.ref
    anchor = "previous-date" if relative_to_previous else "ref"
    if base is None or n is None or n != int(n) or unit in _TIME_UNITS or unit == "weekend":
        return _mention(
            text, m, ctx, "DATE", "PAST_REF" if backward else "FUTURE_REF", anchor=anchor
        )
    k = int(n) * (-1 if backward else 1)
    try:
        if unit == "day":
            return _mention(text, m, ctx, "DATE", *_day(base + dt.timedelta(days=k)), anchor=anchor)
        if unit in ("week", "fortnight"):
            days = 7 * k * (2 if unit == "fortnight" else 1)
            return _mention(
                text, m, ctx, "DATE", *_week(base + dt.timedelta(days=days)), anchor=anchor
            )
        if unit == "month":
            return _mention(text, m, ctx, "DATE", *_month(*_shift_months(base, k)), anchor=anchor)
        if unit == "year":
            return _mention(text, m, ctx, "DATE", *_year(base.year + k), anchor=anchor)
        if unit == "decade":
            return _mention(
                text, m, ctx, "DATE", f"{(base.year + 10 * k) // 10:03d}", anchor=anchor
            )
        return _mention(text, m, ctx, "DATE", f"{(base.year + 100 * k) // 100:02d}", anchor=anchor)
    except (ValueError, OverflowError):
        return _mention(text, m, ctx, "DATE", None, anchor=anchor)


def _h_relday(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    words = m.group().lower()
    step = -1 if ("previous" in words or "prior" in words or "before" in words) else 1
    if ctx.previous_day is None:
        return _mention(text, m, ctx, "DATE", None, anchor=None)
    return _mention(
        text,
        m,
        ctx,
        "DATE",
        *_day(ctx.previous_day + dt.timedelta(days=step)),
        anchor="previous-date",
    )


@functools.lru_cache(maxsize=4096)
def _parse_absolute(candidate: str, base: dt.date | None) -> tuple[dt.date, bool] | None:
    """dateparser on the candidate alone; also says whether the text gave the year."""
    import dateparser

    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "MDY"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    try:
        parsed = dateparser.parse(candidate, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None:
        return None
    has_year = regex.search(r"\b(?:1[6-9]|20)\d\d\b|/\d\d$", candidate) is not None
    return parsed.date(), has_year


def _h_absolute(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    candidate = " ".join(m.group().split())
    parsed = _parse_absolute(candidate, ctx.ref)
    if parsed is None:
        return None
    day, has_year = parsed
    if has_year:
        return _mention(text, m, ctx, "DATE", *_day(day), anchor="absolute")
    if ctx.ref is None:
        return _mention(text, m, ctx, "DATE", f"XXXX-{day.month:02d}-{day.day:02d}", anchor=None)
    try:
        day = day.replace(year=ctx.ref.year)
        if not ctx.future and day > ctx.ref + dt.timedelta(days=7):
            day = day.replace(year=ctx.ref.year - 1)
        elif ctx.future and day < ctx.ref - dt.timedelta(days=7):
            day = day.replace(year=ctx.ref.year + 1)
    except ValueError:  # 29 February in a common year
        return _mention(text, m, ctx, "DATE", f"XXXX-{day.month:02d}-{day.day:02d}", anchor=None)
    return _mention(text, m, ctx, "DATE", *_day(day))


def _month_number(word: str, lex: Lexicon) -> int | None:
    value = lex.temporal["month"].get(word.lower())
    return int(value) if value else None


def _h_month_year(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    words = regex.findall(r"[\p{L}.]+|\d{4}", m.group())
    mo = _month_number(words[0], ctx.lex)
    if mo is None:
        return None
    return _mention(text, m, ctx, "DATE", *_month(int(words[-1]), mo), anchor="absolute")


def _weekday_date(ctx: _Context, wd: int, modifier: str) -> dt.date | None:
    if ctx.ref is None:
        return None
    today = ctx.ref.isoweekday()
    if modifier == "this":
        return ctx.ref + dt.timedelta(days=wd - today)
    future = modifier in ("next", "coming") or (modifier == "" and ctx.future)
    if future:
        delta = (wd - today) % 7 or 7
        return ctx.ref + dt.timedelta(days=delta)
    delta = (today - wd) % 7
    if modifier in ("last", "past") and delta == 0:
        delta = 7
    return ctx.ref - dt.timedelta(days=delta)


def _h_weekday(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    words = m.group().lower().split()
    modifier = words[0] if words[0] in ("last", "next", "this", "coming", "past") else ""
    wd_word = words[1] if modifier or words[0] == "on" else words[0]
    wd = int(ctx.lex.temporal["weekday"][wd_word])
    pod = ctx.lex.temporal["part_of_day"].get(words[-1]) if len(words) > 1 else None
    day = _weekday_date(ctx, wd, modifier)
    strip = modifier == ""
    if day is None:
        value = f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")
        return _mention(text, m, ctx, "TIME" if pod else "DATE", value, anchor=None, strip=strip)
    if pod:
        return _mention(text, m, ctx, "TIME", f"{day.isoformat()}T{pod}", day, day, strip=strip)
    return _mention(text, m, ctx, "DATE", *_day(day), strip=strip)


def _h_deictic(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    words = m.group().lower().split()
    days = ctx.lex.temporal["deictic_day"]
    pods = ctx.lex.temporal["part_of_day"]
    if words[0] == "this":
        offset, pod = 0, pods.get(words[1])
    elif words == ["last", "night"]:
        offset, pod = -1, "NI"
    else:
        offset = int(days[words[0]])
        pod = pods.get(words[-1]) if len(words) > 1 or words[0] == "tonight" else None
    if ctx.ref is None:
        return _mention(text, m, ctx, "TIME" if pod else "DATE", None, anchor=None)
    day = ctx.ref + dt.timedelta(days=offset)
    if pod:
        return _mention(text, m, ctx, "TIME", f"{day.isoformat()}T{pod}", day, day)
    return _mention(text, m, ctx, "DATE", *_day(day))


def _h_time(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    raw = m.group()
    low = raw.lower()
    if low.startswith("noon"):
        hh, mm = 12, 0
    elif low.startswith("midnight"):
        hh, mm = 24, 0
    else:
        t = regex.match(r"(\d{1,2})(?::(\d{2}))?\s*([ap])", low)
        if t is None:
            return None
        hh, mm = int(t.group(1)), int(t.group(2) or 0)
        if not 1 <= hh <= 12:
            return None
        hh = hh % 12 + (12 if t.group(3) == "p" else 0)
    clock = f"T{hh:02d}:{mm:02d}"
    tz_word = next((w for w in raw.split() if w.lower() in ctx.lex.temporal["timezone"]), None)
    if tz_word is not None:
        offset = ctx.lex.temporal["timezone"][tz_word.lower()]
        if offset.startswith(("+", "-")) or offset == "Z":
            clock += offset
    day: dt.date | None = ctx.ref
    tail = low.split()[-1]
    if tail in ctx.lex.temporal["weekday"]:
        day = _weekday_date(ctx, int(ctx.lex.temporal["weekday"][tail]), "")
    elif tail in ctx.lex.temporal["deictic_day"] and ctx.ref is not None:
        day = ctx.ref + dt.timedelta(days=int(ctx.lex.temporal["deictic_day"][tail]))
    if day is None:
        return _mention(text, m, ctx, "TIME", f"XXXX-XX-XX{clock}", anchor=None)
    return _mention(text, m, ctx, "TIME", f"{day.isoformat()}{clock}", day, day)


def _h_set(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    low = " ".join(m.group().lower().split())
    t = ctx.lex.temporal
    if low in t["frequency"]:
        return _mention(text, m, ctx, "SET", t["frequency"][low], anchor=None)
    last = low.split()[-1]
    wd_word = last[:-1] if last.endswith("s") and last[:-1] in t["weekday"] else last
    if wd_word in t["weekday"]:
        return _mention(text, m, ctx, "SET", f"XXXX-WXX-{t['weekday'][wd_word]}", anchor=None)
    if last in t["part_of_day"]:
        return _mention(text, m, ctx, "SET", f"XXXX-XX-XXT{t['part_of_day'][last]}", anchor=None)
    step = "2" if "other" in low else "1"
    letter = {"day": "D", "week": "W", "month": "M", "year": "Y", "weekend": "WE"}[last]
    return _mention(text, m, ctx, "SET", f"P{step}{letter}", anchor=None)


def _h_span(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    words = m.group().split()
    rest = " ".join(words[2:])
    parsed = _split_amount(rest, ctx.lex) if len(words) > 3 else (1.0, _unit(words[-1]))
    if parsed is None:
        return None
    n, unit = parsed
    if unit == "weekend":
        return _h_relunit(text, m, ctx)
    return _mention(text, m, ctx, "DURATION", _duration_value(n, unit), anchor=None, strip=False)


def _h_relunit(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    words = m.group().lower().split()
    unit = words[-1]
    modifier = words[-2] if len(words) >= 2 else "this"
    if modifier == "the":  # "the weekend": the tense decides
        modifier = "next" if ctx.future else "last"
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(modifier, 0)
    if ctx.ref is None:
        return _mention(text, m, ctx, "DATE", None, anchor=None)
    ref = ctx.ref
    if unit == "weekend":
        this_weekend = _week(ref, weekend=True)
        if step == 0 or (step == -1 and ref.isoweekday() >= 6 and modifier == "past"):
            return _mention(text, m, ctx, "DATE", *this_weekend)
        shift = step if not (step == 1 and ref.isoweekday() >= 6) else 1
        if step == -1 and ref.isoweekday() == 7 and modifier != "last":
            shift = 0
        return _mention(text, m, ctx, "DATE", *_week(ref + dt.timedelta(weeks=shift), weekend=True))
    if unit == "week":
        return _mention(text, m, ctx, "DATE", *_week(ref + dt.timedelta(weeks=step)))
    if unit == "month":
        return _mention(text, m, ctx, "DATE", *_month(*_shift_months(ref, step)))
    if unit == "year":
        return _mention(text, m, ctx, "DATE", *_year(ref.year + step))
    if unit == "quarter":
        q = (ref.month - 1) // 3 + 1 + step
        y = ref.year + (q - 1) // 4
        return _mention(text, m, ctx, "DATE", *_quarter(y, (q - 1) % 4 + 1))
    if unit == "decade":
        return _mention(text, m, ctx, "DATE", f"{ref.year // 10 + step:03d}")
    if unit == "century":
        return _mention(text, m, ctx, "DATE", f"{ref.year // 100 + step:02d}")
    code = ctx.lex.temporal["season"][unit]
    return _mention(text, m, ctx, "DATE", f"{ref.year + step:04d}-{code}")


def _h_quarter(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    words = m.group().lower().split()
    ordinal = words[1] if words[0] == "the" else words[0]
    q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}[ordinal]
    year_match = regex.search(r"\d{4}", m.group())
    y = int(year_match.group()) if year_match else (ctx.ref.year if ctx.ref else None)
    if y is None:
        return _mention(text, m, ctx, "DATE", f"XXXX-Q{q}", anchor=None, strip=False)
    anchor = "absolute" if year_match else "ref"
    return _mention(text, m, ctx, "DATE", *_quarter(y, q), anchor=anchor, strip=False)


def _h_season(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    words = m.group().lower().split()
    season_word = next(w for w in words if w in ctx.lex.temporal["season"])
    code = ctx.lex.temporal["season"][season_word]
    year_match = regex.search(r"\d{4}", m.group())
    if year_match:
        return _mention(text, m, ctx, "DATE", f"{year_match.group()}-{code}", anchor="absolute")
    if ctx.ref is None:
        return _mention(text, m, ctx, "DATE", f"XXXX-{code}", anchor=None)
    return _mention(text, m, ctx, "DATE", f"{ctx.ref.year:04d}-{code}")


def _h_decade(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    digits = regex.search(r"(\d{3})0s", m.group())
    if digits is None:
        return None
    return _mention(text, m, ctx, "DATE", digits.group(1), anchor="absolute", strip=False)


def _h_fiscal(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    y = regex.search(r"\d{4}", m.group())
    assert y is not None
    return _mention(text, m, ctx, "DATE", f"FY{y.group()}", anchor="absolute")


def _h_month(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    words = regex.findall(r"[\p{L}]+\.?", m.group())
    month_word = words[-1]
    if not month_word[:1].isupper():
        return None  # "may", "march" in lower case are verbs
    mo = _month_number(month_word, ctx.lex)
    if mo is None:
        return None
    modifier = words[0].lower() if len(words) > 1 else ""
    if ctx.ref is None:
        return _mention(text, m, ctx, "DATE", f"XXXX-{mo:02d}", anchor=None)
    y, now = ctx.ref.year, ctx.ref.month
    if modifier == "last":
        y -= mo >= now
    elif modifier == "next":
        y += mo <= now
    elif ctx.future:
        y += mo < now
    else:
        y -= mo > now
    return _mention(text, m, ctx, "DATE", *_month(y, mo))


def _h_duration(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    parsed = _split_amount(m.group(), ctx.lex)
    if parsed is None:
        return None
    n, unit = parsed
    if unit == "weekend":
        return None
    if m.group().lower().startswith(("a ", "an ")) and unit == "second":
        return None
    return _mention(text, m, ctx, "DURATION", _duration_value(n, unit), anchor=None, strip=False)


def _h_year(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    return _mention(text, m, ctx, "DATE", *_year(int(m.group())), anchor="absolute", strip=False)


def _h_vague(text: str, m: regex.Match[str], ctx: _Context) -> DateMention | None:
    value = ctx.lex.temporal["vague"][" ".join(m.group().lower().split())]
    return _mention(text, m, ctx, "DATE", value, anchor=None, strip=False)


_Handler = Callable[[str, "regex.Match[str]", _Context], "DateMention | None"]
_HANDLERS: dict[str, _Handler] = {
    "ago": _h_ago,
    "ago1": _h_ago,
    "relday": _h_relday,
    "iso": _h_absolute,
    "mdy": _h_absolute,
    "dmy": _h_absolute,
    "my": _h_month_year,
    "time": _h_time,
    "set": _h_set,
    "weekday": _h_weekday,
    "deictic": _h_deictic,
    "span": _h_span,
    "relunit": _h_relunit,
    "quarter": _h_quarter,
    "season": _h_season,
    "decade": _h_decade,
    "fiscal": _h_fiscal,
    "monthmod": _h_month,
    "duration": _h_duration,
    "year": _h_year,
    "vague": _h_vague,
}
