"""Stage 1, boilerplate: the case table tests/cases/boilerplate.jsonl and the lexicon checks."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import newsstruct.lexicons
from conftest import assert_slices, case_params, read_cases
from newsstruct import structure_many
from newsstruct.boilerplate import LineCounter, find_boilerplate, iter_lines, line_key, match_line
from newsstruct.boilerplate.rules import (
    _ATTRIBUTED,
    _PROMPT_CATEGORIES,
    MAX_RULE_LINE,
    _without_lookaheads,
)
from newsstruct.lexicons import load_lexicon

TABLE = "boilerplate.jsonl"
TABLES = (
    TABLE,
    "boilerplate_de.jsonl",
    "boilerplate_ru.jsonl",
)  # the German and Russian tables too


@pytest.mark.parametrize("case", [p for t in TABLES for p in case_params(t)])
def test_case(case):
    found = find_boilerplate(case["text"])
    got = [{"text": b.text, "category": b.category, "rule": b.rule} for b in found]
    assert got == case["boilerplate"]


@pytest.mark.parametrize("case", [p for t in TABLES for p in case_params(t, honour_expect=False)])
def test_offsets(case):
    for record in find_boilerplate(case["text"]):
        assert_slices(case["text"], record)


TSV = Path(newsstruct.lexicons.__file__).parent / "en" / "boilerplate.tsv"


def tsv_rows() -> list[list[str]]:
    lines = TSV.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def test_tsv_rows_have_four_fields_and_known_kind():
    for row in tsv_rows():
        assert len(row) == 4, row
        assert row[2] in {"regex", "regex-cs", "exact"}, row


def test_tsv_rule_ids_unique_and_sorted():
    ids = [row[0] for row in tsv_rows()]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert ids == sorted(ids)


def test_every_pattern_compiles():
    rules = load_lexicon().boilerplate
    assert len(rules) == len(tsv_rows())
    for rule in rules:
        assert isinstance(rule.pattern, regex.Pattern), rule.rule


def test_every_rule_has_a_positive_case():
    fired = {b["rule"] for case in read_cases(TABLE) for b in case["boilerplate"]}
    missing = {rule.rule for rule in load_lexicon().boilerplate} - fired
    assert missing == set()


# ---------------------------------------------------------------- context and modes

MENU = [
    "Home",
    "World",
    "Politics",
    "Business",
    "Sports",
    "Weather",
    "Opinion",
    "Obituaries",
    "Subscribe",
    "Sign in",
    "Local",
    "Education",
    "Harbor",
    "Arts",
    "Food",
    "Real estate",
]
STORY = [
    "Harbor workers in Port Ellison walked off the job on Tuesday, idling the state's "
    "second-busiest port for the first time in 30 years.",
    "The union said talks over a new contract broke down late Monday after the port "
    "authority refused to raise pay for night shifts.",
    "“We did not want this, but we were left with no choice,” said Rhea Calder, the local's "
    "president, outside the union hall on Front Street.",
    "Port officials said container ships would be diverted to Halden Bay until the strike "
    "ends, and that perishable cargo would be moved first.",
]
FOOTER = [
    "About us",
    "Contact us",
    "Careers",
    "Advertise with us",
    "Privacy Policy",
    "Terms of Service",
    "Site map",
    "RSS",
    "Facebook",
    "Twitter",
    "Instagram",
    "Newsletters",
    "Podcasts",
    "Puzzles",
    "Corrections",
    "Archives",
]
PAGE = "\n".join(["Port Ellison Tribune", *MENU, "Harbor workers strike", *STORY, *FOOTER])


def test_page_mode_keeps_the_story_and_drops_menus_and_footer():
    found = find_boilerplate(PAGE, mode="page")
    junk = {b.text for b in found}
    assert not junk & set(STORY)
    assert set(MENU) | set(FOOTER) <= junk
    for b in found:
        assert_slices(PAGE, b)


def spans(found):
    return [(b.start, b.end) for b in found]


def test_auto_mode_reads_a_whole_page_as_a_page():
    assert spans(find_boilerplate(PAGE)) == spans(find_boilerplate(PAGE, mode="page"))


def test_auto_mode_reads_article_text_as_an_article():
    text = "\n".join(["Harbor workers strike", *STORY, "Share this article"])
    assert find_boilerplate(text) == find_boilerplate(text, mode="article")
    assert [b.text for b in find_boilerplate(text)] == ["Share this article"]


WINNERS = [
    "Best Novel",
    "Orla Penhallow",
    "Best Debut",
    "Kasimir Dunne",
    "Best Poem",
    "Neve Ostrander",
    "Best Play",
    "Ruairi Falk",
    "Best Painting",
    "Sabeen Moorcroft",
    "Best Sculpture",
    "Jory Tallis",
    "Best Photograph",
    "Mirela Quist",
    "Best Film",
    "Odhran Pike",
    "Best Song",
    "Talia Brenner",
    "Best Design",
    "Edmund Kray",
    "Best Illustration",
    "Lior Hasket",
    "Best Craft",
    "Wenna Trask",
] * 2
FACT_BOX = [
    "Port Ellison at a glance",
    "Population",
    "41,200",
    "County",
    "Westmoor",
    "Founded",
    "1142",
    "Mayor",
    "Delphine Oakes",
    "Twinned with",
    "Saint-Aubry",
    "Rivers",
    "Wend and Calder",
    "Main industry",
    "Shipping",
    "Football club",
    "Ellison Rovers",
]


@pytest.mark.parametrize(
    "text",
    [
        "\n".join([*STORY, "The full list of winners", *WINNERS]),
        "\n".join([*FACT_BOX, *STORY]),
        "\n".join(["Share this article", *STORY, "The full list of winners", *WINNERS]),
        "\n".join(["Share this article", *FACT_BOX, *STORY]),
    ],
    ids=["names-after", "fact-box-before", "names-and-a-share-line", "fact-box-and-a-share-line"],
)
def test_auto_mode_needs_strong_evidence_of_a_page(text):
    # a long list of short lines around the prose is not a menu unless rules explain lines
    # on its side of the body (menu entries, legal lines): the text is read as an article
    assert find_boilerplate(text) == find_boilerplate(text, mode="article")


def test_auto_mode_reads_mostly_prose_as_an_article():
    text = "\n".join([*MENU, *(STORY * 7)])
    assert find_boilerplate(text) == find_boilerplate(text, mode="article")


TABLE_ROWS = [
    "Alder Bend (north ward): Green hold",
    "Upper Crossing (river ward): Labour gain",
    "Faircloth (east ward): Green gain",
    "Halden Bay (harbour ward): Liberal hold",
]


def test_page_keeps_a_table_after_the_story():
    page = "\n".join(
        ["Port Ellison Tribune", *MENU, *STORY, "Results by ward", *TABLE_ROWS, *FOOTER]
    )
    junk = {b.text for b in find_boilerplate(page)}
    assert not junk & {"Results by ward", *TABLE_ROWS, *STORY}
    assert set(FOOTER) <= junk
    # mode="page" takes a table right next to the body (under its heading) into it ...
    sure = {b.text for b in find_boilerplate(page, mode="page")}
    assert not sure & {"Results by ward", *TABLE_ROWS, *STORY}
    assert set(FOOTER) <= sure
    page = "\n".join(["Port Ellison Tribune", *MENU, "Results by ward", *TABLE_ROWS, *STORY])
    sure = {b.text for b in find_boilerplate(page, mode="page")}
    assert not sure & {"Results by ward", *TABLE_ROWS, *STORY}
    assert set(MENU) <= sure
    # ... and drops one further away, or under junk a rule knows
    page = "\n".join(["Port Ellison Tribune", *MENU, *STORY, *FOOTER, *TABLE_ROWS])
    assert set(TABLE_ROWS) <= {b.text for b in find_boilerplate(page, mode="page")}
    page = "\n".join(["Port Ellison Tribune", *MENU, *STORY, "Share this article", *TABLE_ROWS])
    assert set(TABLE_ROWS) <= {b.text for b in find_boilerplate(page, mode="page")}


def test_auto_mode_page_still_reads_the_shapes_and_headers_around_the_body():
    # a dateline of numbers far below the body is listish (two numbers), so auto mode keeps it
    # as content around the body; the shape rules still see it is a timestamp. Teasers
    # under a "Most read" header are links even where auto mode keeps list-like lines.
    teasers = [
        "Harbor FC beat Riverton 3-1 in the cup final",
        "Fees rise 12% at the Alder Bend marina",
    ]
    page = "\n".join(
        [
            "Port Ellison Tribune",
            *MENU,
            *STORY,
            "Most read",
            *teasers,
            *FOOTER,
            "17.03.2022 | 16:05",
        ]
    )
    assert find_boilerplate(page, mode="auto") != find_boilerplate(page, mode="article")
    found = {b.text: b.rule for b in find_boilerplate(page)}
    assert found["17.03.2022 | 16:05"] == "stamp-shape"
    assert all(found.get(t) == "related-block" for t in teasers)
    assert not set(found) & set(STORY)


def test_page_body_takes_its_introduction_and_closing_separator():
    intro = "Here is what the strike means for you:"
    page = "\n".join(["Port Ellison Tribune", *MENU, intro, *STORY, "___", *FOOTER])
    junk = {b.text for b in find_boilerplate(page, mode="page")}
    assert not junk & {intro, "___", *STORY}
    assert set(MENU) <= junk


def test_page_body_takes_the_lists_a_sentence_introduces_above_it():
    lead = "Snow closed dozens of schools across Garrow County on Wednesday."
    lists = ["The following schools are closed:", "Ashby Primary", "Brookfield Middle School"]
    lists += ["Corran Valley High", "These are opening late:", "Fenby Junior", "Garrow Grammar"]
    page = "\n".join(["Port Ellison Tribune", *MENU, lead, *lists, *STORY, *FOOTER])
    junk = {b.text for b in find_boilerplate(page, mode="page")}
    assert not junk & {lead, *lists, *STORY}
    assert set(MENU) <= junk
    # headlines a heading introduces right under the menus are the page's, not the story's
    links = ["Most read stories this week:", "Mayor backs new pier plan", "Storm shuts ferry"]
    page = "\n".join(["Port Ellison Tribune", *MENU, *links, *STORY, *FOOTER])
    assert set(links) <= {b.text for b in find_boilerplate(page, mode="page")}
    # a label of a word or two ending in a colon introduces no list of the story
    bare = "\n".join(["Port Ellison Tribune", *MENU, "Follow us:", "Facebook", "Twitter", *STORY])
    assert {"Follow us:", "Facebook", "Twitter"} <= {b.text for b in find_boilerplate(bare)}


@pytest.mark.parametrize("mode", ["auto", "page"])
def test_page_drops_teasers_a_header_with_a_colon_introduces_below_the_body(mode):
    # below the story a line ending in a colon heads teasers as often as a list of the story
    # ("More coverage of the strike:" is no header a rule knows): they stay the page's
    teasers = ["More coverage of the strike:", "Dock workers vote to walk out after talks fail"]
    teasers += ["Who runs the port and what it earns", "Ships diverted as the strike begins"]
    page = "\n".join(["Port Ellison Tribune", *MENU, *STORY, *teasers, *FOOTER])
    assert set(teasers) <= {b.text for b in find_boilerplate(page, mode=mode)}


@pytest.mark.parametrize("mode", ["auto", "page"])
def test_page_keeps_short_lines_between_a_paragraph_and_the_body(mode):
    verdict = "The Aero 2 cancels noise as well as anything we have tested, but the case is flimsy."
    lists = ["Pros", "Superb noise cancelling", "Light at 240 g", "Long battery life"]
    lists += ["Cons", "Flimsy case", "No aptX support", "Short cable"]
    page = "\n".join(["Port Ellison Tribune", *MENU, verdict, *lists, *STORY, *FOOTER])
    junk = {b.text for b in find_boilerplate(page, mode=mode)}
    assert set(MENU) - {"Home"} <= junk  # read as a page: its menu goes
    assert not junk & {verdict, *lists, *STORY}
    # without the paragraph above them the same lines are a menu's
    bare = "\n".join(["Port Ellison Tribune", *MENU, *lists, *STORY, *FOOTER])
    assert "Superb noise cancelling" in {b.text for b in find_boilerplate(bare, mode=mode)}


POINTS = [
    "Dock workers walk out for the first time in 30 years",
    "Container ships diverted to Halden Bay",
    "Perishable cargo to be moved first",
]


MARKET_POST = [
    "We have moved the Saturday market to the old tram depot on Kell Street.",
    "Stalls open at eight, as before, and the notice on the gate says: “Traders first […]",
    "The bakery van and the flower stall will be by the main doors.",
]
EXCERPTS = [
    "Why we stopped selling plastic bags",
    "Last spring we asked our traders whether they could do without them, and […]",
    "A new home for the repair café",
    "Bring your broken toasters, lamps and bicycles on the first Sunday of each [...]",
    "Meet the cheese makers of Orrin Vale",
    "Three families have made cheese in the valley for over a century, and this year […]",
    "Winter opening hours",
    "From the first of December the market closes an hour earlier on weekdays, when […]",
    "Our volunteers of the year",
    "Every January we thank the people who set up the stalls before dawn, and this […]",
]


def test_page_body_is_not_a_list_of_excerpts_cut_short():
    # a blog's list of posts, each excerpt cut with "[…]", outweighs a short post in prose;
    # cut excerpts are links, and the body is the post (a line of it cut so stays)
    page = "\n".join(
        ["Kell Street Market", "Recent posts", *EXCERPTS, *MENU, *MARKET_POST, *FOOTER]
    )
    junk = {b.text for b in find_boilerplate(page, mode="page")}
    assert not junk & set(MARKET_POST)
    assert set(EXCERPTS) | set(MENU) <= junk


@pytest.mark.parametrize("mode", ["auto", "page"])
def test_page_keeps_summary_points_right_above_the_body(mode):
    head = ["Port Ellison Tribune", *MENU, "Harbor workers strike"]
    page = "\n".join([*head, *POINTS, "Enlarge image", *STORY, *FOOTER])
    junk = {b.text for b in find_boilerplate(page, mode=mode)}
    assert set(MENU) - {"Home"} <= junk and "Enlarge image" in junk
    assert not junk & {*POINTS, *STORY}


def test_auto_page_drops_teasers_above_the_body_under_a_teaser_list():
    teasers = [
        "Ferries: Night crossing cut from May",
        "Budget: What the cuts mean for you",
        *POINTS,
    ]
    page = "\n".join(["Port Ellison Tribune", *MENU, *teasers, *STORY, *FOOTER])
    junk = {b.text for b in find_boilerplate(page)}
    assert set(POINTS) <= junk  # the foot of a list of teasers, not the story's points
    # and two lines (a kicker and a headline) are no summary either
    page = "\n".join(["Port Ellison Tribune", *MENU, *POINTS[:2], *STORY, *FOOTER])
    assert set(POINTS[:2]) <= {b.text for b in find_boilerplate(page)}


TICKER = [
    "14:05",
    "Bridge closed",
    "Police have closed the old stone bridge at Dunmore until the water falls.",
    "13:48",
    "Schools shut",
    "All 14 schools in the valley are closed today, the education office said.",
    "13:20",
    "Latest warnings",
    "The weather office has issued six severe flood warnings, meaning a danger to life.",
]


@pytest.mark.parametrize("mode", ["auto", "page"])
def test_page_reads_no_summary_points_under_a_heading_with_a_colon(mode):
    links = ["Most read stories this week:", "Mayor backs new pier plan", "Storm shuts ferry"]
    page = "\n".join(["Port Ellison Tribune", *MENU, *links, *STORY, *FOOTER])
    assert set(links) <= {b.text for b in find_boilerplate(page, mode=mode)}


@pytest.mark.parametrize("mode", ["auto", "page"])
def test_page_reads_no_summary_points_under_a_related_stories_heading(mode):
    links = ["Top stories", "Mayor backs new pier plan at last", *POINTS]
    page = "\n".join(["Port Ellison Tribune", *MENU, *links, *STORY, *FOOTER])
    assert set(links) <= {b.text for b in find_boilerplate(page, mode=mode)}


def test_page_mode_reads_no_summary_points_in_a_menu_of_rows():
    rows = ["World | Politics | Business", "Sports | Weather | Opinion", "Jobs | Homes | Cars"]
    page = "\n".join(["Port Ellison Tribune", *rows, "Harbor workers strike", *STORY, *FOOTER])
    assert set(rows) <= {b.text for b in find_boilerplate(page, mode="page")}


@pytest.mark.parametrize("mode", ["auto", "page"])
def test_page_keeps_the_first_entry_headline_of_a_live_ticker(mode):
    first = ["14:32", "Council opens rest centre", STORY[0]]
    page = "\n".join(
        ["Port Ellison Tribune", *MENU, "Storm live", *POINTS, *first, *TICKER, *FOOTER]
    )
    junk = {b.text for b in find_boilerplate(page, mode=mode)}
    assert not junk & {"Council opens rest centre", *POINTS, "Bridge closed", "Schools shut"}
    assert {"14:32", "14:05"} <= junk and set(MENU) - {"Home"} <= junk
    # one stamped entry alone is no ticker: the short line above the body goes with the head
    page = "\n".join(["Port Ellison Tribune", *MENU, *first, *STORY[1:], *FOOTER])
    assert "Council opens rest centre" in {b.text for b in find_boilerplate(page, mode=mode)}


def test_auto_page_keeps_a_fact_box_after_the_story():
    facts = ["Key facts", "Length: 1.2 km", "Cost: $412m", "Lanes: four", "Opened: Monday"]
    page = "\n".join(["Port Ellison Tribune", *MENU, *STORY, *facts, *FOOTER])
    junk = {b.text for b in find_boilerplate(page)}
    assert not junk & {*STORY, *facts}
    assert set(FOOTER) <= junk


def test_article_mode_does_not_trim_a_page():
    found = {b.text: b.rule for b in find_boilerplate(PAGE, mode="article")}
    assert not {"page-head", "page-tail"} & set(found.values())  # no page body is sought
    assert "Harbor workers strike" not in found
    assert found["Privacy Policy"] == "legal-links" and found["Home"] == "navigation"
    # the menu words under "Home" go as the rest of that menu, a local context rule
    assert found["World"] == "head-menu"


def test_unknown_mode_is_a_caller_mistake():
    with pytest.raises(ValueError, match="mode must be one of"):
        find_boilerplate("Rain fell.", mode="site")


# ---------------------------------------------------------------- repetition across a batch


def test_line_counter_counts_each_document_once():
    counter = LineCounter(min_docs=2)
    counter.add("Share this story\nShare this story\nRain fell on Alder Bend.")
    assert counter.repeated() == frozenset()
    counter.add("Share this story\nSnow fell on Pell's Crossing.")
    assert counter.repeated() == {line_key("Share this story")}
    assert counter.docs == 2 and len(counter) == 3


def test_line_key_normalises_case_digits_and_punctuation():
    assert line_key("Listen: 4 min") == line_key("LISTEN 7 MIN")
    assert line_key("Listen: 4 min") != line_key("Listen: 4 hours")


@pytest.mark.parametrize("bad", [0, 1, 2.5, "3"])
def test_line_counter_rejects_a_bad_threshold(bad):
    with pytest.raises(ValueError, match="min_docs"):
        LineCounter(min_docs=bad)


BATCH = [
    "\n".join([lead, "The Ellison Ledger app: your town, every morning", rest])
    for lead, rest in [
        ("The ferry resumed service on Monday.", "Riders said the crossing was smooth."),
        ("The library reopened after repairs.", "Its reading room now has new lamps."),
        ("The school board met on Tuesday.", "Members approved a later start time."),
        ("The bridge will close for a week.", "Detours run through Harbor Road."),
    ]
]


def test_repeated_lines_are_junk_when_their_keys_are_given():
    repeated = LineCounter(min_docs=3).update(BATCH).repeated()
    found = find_boilerplate(BATCH[0], repeated=repeated)
    assert [(b.text, b.category, b.rule) for b in found] == [
        ("The Ellison Ledger app: your town, every morning", "repeated", "repeated-line")
    ]
    assert find_boilerplate(BATCH[0]) == ()


def test_repeated_separators_and_bracketed_sources_are_kept():
    texts = [
        f"{lead}\n___\n[Harbor News Service]\nMore reporting follows."
        for lead in ("Rain fell on Alder Bend.", "Snow fell on Faircloth.", "Fog hid the bay.")
    ]
    repeated = LineCounter(min_docs=3).update(texts).repeated()
    assert line_key("___") in repeated
    found = [b.text for b in find_boilerplate(texts[0], repeated=repeated)]
    assert found == ["More reporting follows."]


def test_repeated_long_prose_is_kept():
    wire = (
        "The state's highest court ruled on Thursday that the harbor commission had "
        "exceeded its authority when it raised docking fees last spring."
    )
    towns = ["Alder Bend", "Pell's Crossing", "Faircloth", "Halden Bay"]
    texts = [f"{wire}\nReaction in {town} was mixed." for town in towns]
    repeated = LineCounter(min_docs=2).update(texts).repeated()
    assert find_boilerplate(texts[0], repeated=repeated) == ()


def test_structure_many_dedupe_lines_learns_from_a_window_and_keeps_order():
    results = list(structure_many(BATCH, dedupe_lines=4))
    assert [a.text for a in results] == BATCH
    for article in results:
        assert [b.rule for b in article.boilerplate] == ["repeated-line"]
    plain = list(structure_many(BATCH))
    assert all(a.boilerplate == () for a in plain)


def test_structure_many_dedupe_lines_accepts_precomputed_keys():
    repeated = LineCounter(min_docs=3).update(BATCH).repeated()
    results = list(structure_many(iter(BATCH), dedupe_lines=repeated))
    assert all(len(a.boilerplate) == 1 for a in results)


def test_structure_many_dedupe_lines_streams():
    pulled = []

    def items():
        for i in range(1000):
            pulled.append(i)
            yield BATCH[i % len(BATCH)]

    results = structure_many(items(), dedupe_lines=8)
    first = next(results)
    assert first.boilerplate and len(pulled) <= 9  # the window, not the whole stream


@pytest.mark.parametrize("bad", [0, -3, True, "lines"])
def test_structure_many_dedupe_lines_rejects_bad_values(bad):
    with pytest.raises((TypeError, ValueError), match="dedupe_lines"):
        structure_many(BATCH, dedupe_lines=bad)


# ---------------------------------------------------------------- invariants


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=80),
            st.sampled_from([*MENU, *STORY, "Advertisement", "By Rhea Calder", "Getty Images"]),
        ),
        max_size=40,
    ),
    st.sampled_from(["auto", "article", "page"]),
)
def test_any_text_gives_records_that_slice_to_their_text(parts, mode):
    text = "\n".join(parts)
    found = find_boilerplate(text, mode=mode)
    starts = [b.start for b in found]
    assert starts == sorted(starts)
    for b in found:
        assert_slices(text, b)
        assert b.text.strip() == b.text and b.text


ADVERSARIAL = [
    "a" * 3000,
    "(" * 500 + "Photo: " + ")" * 500,
    ("Getty Images / " * 60).strip(),
    "By " + "Quillen " * 300,
    "Read more: " + "x " * 700,
    "© " + "2022 " * 300 + "All rights reserved",
    ("1:23 " * 200).strip(),
    "Share " * 300,
]


@pytest.mark.parametrize("line", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_every_rule_is_fast_on_adversarial_lines(line):
    for rule in load_lexicon().boilerplate:
        start = time.perf_counter()
        rule.pattern.fullmatch(line, timeout=1.0)
        assert time.perf_counter() - start < 0.2, rule.rule


def brute_force_rule(line: str) -> str | None:
    """The first lexicon rule whose own pattern matches the line: what the rule table's
    first-character index, length bounds and keyword gates must reproduce (a line set as a
    list item is matched after its bullet)."""
    if line[:2] in ("• ", "* ", "· ", "▪ ", "► ", "- "):
        line = line[2:].lstrip()
    if not line or len(line) > 4 * MAX_RULE_LINE:
        return None
    speech = line[0] in "\"“„«‘'‚‹「『" and not (line[0] in "'‘" and line.isupper())
    for rule in load_lexicon().boilerplate:
        if len(line) > MAX_RULE_LINE and rule.category not in {
            "legal",
            "caption",
            "correction",
            "credit",
        }:
            continue
        if speech and rule.category != "legal":
            continue
        if rule.pattern.fullmatch(line):
            # the attribution guard is the rule table's own (what is checked is its index)
            if rule.category in _PROMPT_CATEGORIES and _ATTRIBUTED.search(line):
                return None  # a reported prompt is a story sentence
            return rule.rule
    return None


CASE_LINES = sorted(
    {line.strip() for case in read_cases(TABLE) for line in case["text"].splitlines()} - {""}
)


def test_rule_table_shortcuts_change_no_result_on_case_lines():
    for line in CASE_LINES:
        got = match_line(line, load_lexicon())
        assert (got[0] if got else None) == brute_force_rule(line), line


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(CASE_LINES),
    st.text(alphabet='ßſKAaé.,:;/()©@ "”’!?-0123456789', max_size=12),
    st.booleans(),
)
def test_rule_table_shortcuts_change_no_result_on_edited_lines(line, extra, front):
    line = (extra + line if front else line + extra).strip()
    got = match_line(line, load_lexicon())
    assert (got[0] if got else None) == brute_force_rule(line)


def test_hard_wrapped_paragraph_lines_are_not_junk():
    text = (
        "The council met Tuesday night in the old fire station. Ada\n"
        "Frey voted no. The measure passed anyway after a long\n"
        "debate about the cost of the seawall and its upkeep.\n"
        "\n"
        "ADVERTISEMENT\n"
        "\n"
        "Work on the seawall is to begin in the spring, the city\n"
        "engineer said, once the state releases its share of the\n"
        "money. Residents of Dune Street will be asked to move.\n"
    )
    assert [b.text for b in find_boilerplate(text)] == ["ADVERTISEMENT"]


@pytest.mark.parametrize(
    ("pattern", "head"),
    [
        (r"(?=.{1,90}$)(?!.{0,80}x)abc", "abc"),
        (r"(?=.{0,60}?(?:\)))[\p{Lu}][^()]{0,50}\)", r"[\p{Lu}][^()]{0,50}\)"),
        (r"(?=[(])(?:a|b)", "(?:a|b)"),
        (r"(?=x)a|b", r"(?=x)a|b"),  # the lookahead guards the first branch only
        (r"(?r)(?=.{2,9}$)ab", r"(?r)(?=.{2,9}$)ab"),  # matched backwards: left alone
        (r"(?=a", r"(?=a"),  # unbalanced: left alone
        ("abc", "abc"),
    ],
)
def test_without_lookaheads(pattern, head):
    assert _without_lookaheads(pattern) == head


def _reference_lines(text: str) -> list[tuple[int, int]]:
    """Lines split at line breaks (those of str.splitlines but \\x1f), stripped by str.isspace."""
    out = []
    for m in regex.finditer(r"[^\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+", text):
        start, end = m.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="ab. \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2028\u2029\u3000", max_size=30)
)
def test_iter_lines_strips_like_str_isspace(text):
    assert list(iter_lines(text)) == _reference_lines(text)


def test_subhead_between_lines_repeated_across_a_batch_stays():
    # with batch repetition, "Article content" (set above and below every paragraph) is a
    # repeated line before any rule names it: a subhead between two of them stays all the same
    text = (
        "The Lindenau council met on Tuesday to discuss the budget for next year.\n"
        "Article content\n"
        "What comes next for the harbor\n"
        "Article content\n"
        "The vote is expected next week, officials said."
    )
    found = find_boilerplate(text, repeated={line_key("Article content")})
    assert [b.text for b in found] == ["Article content", "Article content"]
    assert {b.rule for b in found} == {"repeated-line"}


# The ASCII fast paths (bytes.translate, cheap tests before a regex) must agree with the
# patterns they stand in for, on any text.
_ASCII_AND_MORE = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(128)] + ["ö", "ß", "٣", "\u00a0", "–", "•", "“", "İ", "ﬁ"]
    ),
    max_size=30,
)


@settings(max_examples=400, deadline=None)
@given(_ASCII_AND_MORE)
def test_line_norm_fast_path_agrees_with_the_patterns(line):
    from newsstruct.boilerplate.repeat import _DIGIT, _NOT_WORD, _SPACE, line_norm

    slow = _SPACE.sub(" ", _NOT_WORD.sub("", _DIGIT.sub("0", line.casefold()))).strip()
    assert line_norm(line) == slow


@settings(max_examples=400, deadline=None)
@given(_ASCII_AND_MORE)
def test_skeleton_fast_path_agrees_with_the_pattern(line):
    from newsstruct.boilerplate.page import _NOT_MARK, _skeleton

    assert _skeleton(line) == _NOT_MARK.sub("", line)


@settings(max_examples=400, deadline=None)
@given(_ASCII_AND_MORE.filter(bool))
def test_shape_listish_prefilters_are_exact(line):
    from newsstruct.boilerplate.lines import (
        _LIST_ITEM,
        _TWO_NUMBERS,
        _may_hold_digits,
        _may_open_item,
    )

    if _LIST_ITEM.match(line) is not None:
        assert _may_open_item(line)
    if _TWO_NUMBERS.search(line, 0, 200) is not None:
        assert _may_hold_digits(line[:200])


@pytest.mark.parametrize(
    "line", ["1. Eggs", "a) Flour", "B. Sugar", "- salt", "+ extra", "3b Dock road", "٣. item"]
)
def test_shape_list_item_openers(line):
    from newsstruct.boilerplate.lines import Shape

    assert Shape(line).listish


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("Ada", "Frey", "von", "O'Neil", "(@ada)", "(ada@x.org)", "@ada,", "is", "was"),
                *("has", "covers", "writes", "reports", "on", "a", "reporter", "senior", ","),
                "lives",
            ]
        ),
        min_size=1,
        max_size=9,
    )
)
def test_bio_verb_prefilter_is_exact(words):
    from newsstruct.boilerplate.bios import _BIO, _BOX, _verb_after_name

    line = " ".join(words)
    if _BIO.match(line) is not None or _BOX.match(line) is not None:
        assert _verb_after_name(line)


def test_gate_folding_passes_every_case_variant_of_the_gate_words(monkeypatch):
    """A rule's keyword gate and its list of whole lines are tested on the line's ``_fold``:
    every character the rule's own case folding matches to a character of a gate word (of
    all Unicode that Python knows: "İ", "ı", "ſ", "K", "ς", "ẞ", Cherokee, ...) must leave
    the folded word in the folded line, and so must "ß" for "ss" or "ﬁ" for "fi" where the
    gate folds fully (``(?i:...)`` in a case-sensitive rule)."""
    import unicodedata

    from newsstruct.boilerplate import rules
    from newsstruct.lexicons import BOILERPLATE_LANGS, LINE_FOLDING, load_boilerplate_rules

    fold = rules._fold
    known = "".join(
        chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) not in ("Cn", "Cs")
    )
    several = [c for c in known if len(c.casefold()) > 1]
    variants_of: dict[tuple[str, str, int], set[str]] = {}
    monkeypatch.setattr(rules, "_fold", lambda text: text)  # the words as the rules give them
    checked = 0
    for lang in BOILERPLATE_LANGS:
        for rule in load_boilerplate_rules(lang):
            pattern, flags = rule.pattern.pattern, rule.pattern.flags
            _lengths, words, rest = rules._gates(pattern)
            listed = rules._literal_lines(rest, flags)
            if flags & regex.IGNORECASE:
                prefix, flags = LINE_FOLDING, regex.V1 | regex.IGNORECASE
            else:
                prefix, flags = ("(?i)" if "(?i:" in pattern else ""), regex.V1
            listed_words = tuple(listed[0]) if listed else ()
            for word in (words or ()) + listed_words:
                whole = regex.compile(f"{prefix}(?:{regex.escape(word)})", flags)
                lines = {word.upper(), word.title()}
                for i, ch in enumerate(word):
                    key = (ch, prefix, flags)
                    if key not in variants_of:
                        one = regex.compile(prefix + regex.escape(ch), flags)
                        variants_of[key] = {m.group() for m in one.finditer(known)}
                    lines.update(word[:i] + c + word[i + 1 :] for c in variants_of[key])
                if prefix == "(?i)":  # full folding: one character of the line for several
                    for c in several:
                        for m in regex.finditer("(?i)" + regex.escape(c), word, regex.V1):
                            lines.add(word[: m.start()] + c + word[m.end() :])
                for line in lines:
                    if whole.fullmatch(line) is not None:
                        checked += 1
                        if word in listed_words:  # the whole line is looked up
                            assert fold(line) == fold(word), (rule.rule, word, line)
                        else:  # the word is looked for anywhere in the line
                            assert fold(word) in fold(f"İ{line}\u0307"), (rule.rule, word, line)
    assert checked > 5_000
