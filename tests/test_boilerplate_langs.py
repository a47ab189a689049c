"""Boilerplate in other languages: the packaged rules of lexicons/<lang>/boilerplate.tsv for
German and Russian, and how find_boilerplate picks the languages it runs (their case tables,
tests/cases/boilerplate_de.jsonl and boilerplate_ru.jsonl, run in test_boilerplate.py with the
English one)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import regex
from test_regex_audit import ADVERSARIAL, TIMEOUT

import newsstruct.lexicons
from conftest import read_cases
from newsstruct import structure
from newsstruct.boilerplate import find_boilerplate
from newsstruct.lexicons import BOILERPLATE_LANGS, load_boilerplate_rules, load_lexicon

LANGS = ("de", "ru")
RULES = load_boilerplate_rules("de")
EVERY_RULE = [rule for lang in LANGS for rule in load_boilerplate_rules(lang)]


def tsv_rows(lang: str) -> list[list[str]]:
    tsv = Path(newsstruct.lexicons.__file__).parent / lang / "boilerplate.tsv"
    lines = tsv.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("lang", LANGS)
def test_tsv_rows_are_well_formed_sorted_and_prefixed(lang):
    rows = tsv_rows(lang)
    assert len(rows) == len(load_boilerplate_rules(lang)) >= 5
    for row in rows:
        assert len(row) == 4, row
        assert row[2] in {"regex", "regex-cs", "exact"}, row
        assert row[0].startswith(f"{lang}-"), row
    ids = [row[0] for row in rows]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert ids == sorted(ids)
    english = {rule.rule for rule in load_lexicon().boilerplate}
    assert english.isdisjoint(ids)


@pytest.mark.parametrize("lang", LANGS)
def test_every_rule_has_a_positive_case(lang):
    fired = {
        b["rule"] for case in read_cases(f"boilerplate_{lang}.jsonl") for b in case["boilerplate"]
    }
    assert {rule.rule for rule in load_boilerplate_rules(lang)} - fired == set()


@pytest.mark.parametrize("lang", LANGS)
def test_table_has_negative_cases(lang):
    negatives = [c for c in read_cases(f"boilerplate_{lang}.jsonl") if c["boilerplate"] == []]
    assert len(negatives) >= 5


@pytest.mark.parametrize("rule", EVERY_RULE, ids=[r.rule for r in EVERY_RULE])
def test_rule_survives_adversarial_lines(rule):
    for label, text in ADVERSARIAL.items():
        try:
            rule.pattern.fullmatch(text, timeout=TIMEOUT)
            rule.pattern.match(text, timeout=TIMEOUT)
        except TimeoutError:
            pytest.fail(f"{rule.rule} backtracks on the line {label!r} ({len(text)} chars)")


def test_rule_langs_choose_the_packaged_rules():
    text = "Die Brücke bleibt gesperrt, sagte die Stadt.\nAnzeige\nSie öffnet im Mai wieder."
    assert [b.rule for b in find_boilerplate(text)] == ["de-advertisement"]
    assert [b.rule for b in find_boilerplate(text, rule_langs=("de",))] == ["de-advertisement"]
    assert find_boilerplate(text, rule_langs=()) == ()
    assert find_boilerplate(text, rule_langs=("en",)) == ()
    assert list(BOILERPLATE_LANGS) == ["en", *LANGS]


def test_unknown_rule_lang_is_refused():
    with pytest.raises(ValueError, match="no packaged boilerplate rules"):
        find_boilerplate("Anzeige", rule_langs=("xx",))
    with pytest.raises(ValueError, match="no packaged boilerplate rules"):
        load_boilerplate_rules("xx")


def test_english_rules_win_over_german_ones():
    """English rules come first: a line both match keeps its English rule id."""
    assert [b.rule for b in find_boilerplate("ADVERTISEMENT")] == ["advertisement"]


def test_user_lexicon_rules_run_before_the_german_ones():
    lex = load_lexicon().extended(boilerplate=(("my-anzeige", "promo", r"anzeige"),))
    assert [b.rule for b in find_boilerplate("Anzeige", lexicon=lex)] == ["my-anzeige"]


def test_structure_leaves_german_furniture_out_of_paragraphs():
    text = (
        "Von Jana Kellermann, Hannover\n\n"
        "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke zu sperren.\n\n"
        "Anzeige\n\n"
        "Die Sanierung soll rund vier Millionen Euro kosten.\n"
    )
    art = structure(text)
    assert [b.category for b in art.boilerplate] == ["byline", "advertisement"]
    assert all("Anzeige" not in p.text for p in art.paragraphs)


def test_patterns_are_regex_patterns():
    assert all(isinstance(rule.pattern, regex.Pattern) for rule in RULES)


@pytest.mark.parametrize(
    "line", ["Bild vergrössern", "SCHLIESSEN", "Lesen Sie ausserdem: Wie der Hafen wächst"]
)
def test_ss_spelling_of_a_sharp_s_word_still_matches(line):
    """The rules fold case one character for one, so a word with "ß" lists its "ss" form
    (Swiss spelling, capitals) beside it."""
    assert any(rule.pattern.fullmatch(line) for rule in RULES), line


RU_ARTICLE = (
    "Текст: Вера Ерохина · 24 сентября 2018\n\n"
    "Совет депутатов Заречья во вторник утвердил бюджет порта на следующий год.\n\n"
    "Фото: пресс-служба мэрии Заречья\n\n"
    "Голосование прошло без споров, сообщили в администрации города.\n\n"
    "Любое воспроизведение материалов сайта без разрешения редакции воспрещается.\n"
)


def test_structure_leaves_russian_furniture_out_of_paragraphs():
    art = structure(RU_ARTICLE)
    assert [b.rule for b in art.boilerplate] == ["ru-author-label", "ru-office-credit", "ru-legal"]
    assert [p.text[:5] for p in art.paragraphs] == ["Совет", "Голос"]


def test_text_without_cyrillic_skips_the_russian_rules_and_loses_nothing():
    """Every Russian rule needs a Cyrillic letter, so skipping them on a text without one
    changes nothing; with one, they run by default."""
    latin = (
        "Rain fell.\nADVERTISEMENT\nAutor: Jana Kellermann\nIt stopped on Tuesday, the city said."
    )
    assert find_boilerplate(latin) == find_boilerplate(latin, rule_langs=LANGS)
    line = "личный архив Андрея Рудакова"
    assert [b.rule for b in find_boilerplate(line)] == ["ru-archive-credit"]
    assert find_boilerplate(line, rule_langs=("de",)) == ()
    assert all(
        regex.search(r"\p{Script=Cyrillic}", r.pattern.pattern)
        for r in load_boilerplate_rules("ru")
    )


# Invented articles in scripts whose sentences end with no Latin stop: Thai sets no mark and
# spaces only between phrases, Hindi ends a sentence with "।"
_UNLATIN_STOPS = {
    "th": [
        "ชาวบ้านหนองบัวทองร่วมปลูกป่าชายเลนหนึ่งหมื่นต้น",
        "ชาวบ้านตำบลหนองบัวทองกว่าห้าร้อยคนร่วมกันปลูกป่าชายเลนหนึ่งหมื่นต้นเมื่อวันเสาร์ที่ผ่านมา",
        "นายสมชาย ใจดี กำนันตำบลหนองบัวทอง กล่าวว่า ป่าชายเลนช่วยป้องกันการกัดเซาะชายฝั่ง",
        "ในช่วงสิบปีที่ผ่านมา ชายฝั่งของตำบลถูกกัดเซาะไปแล้วกว่าสามสิบเมตร",
        "นักเรียนจากโรงเรียนบ้านหนองบัวทองก็เข้าร่วมกิจกรรมด้วย",
        "เด็กหญิงมะลิ ศรีสุข อายุสิบสองปี บอกว่าอยากเห็นปูและปลากลับมาอยู่ในป่า",
        "ชาวบ้านจะดูแลต้นกล้าร่วมกันเป็นเวลาสามปี",
    ],
    "hi": [
        "रामपुर खुर्द गांव में पहली बार पहुंची पक्की सड़क",
        "रामपुर खुर्द गांव में आजादी के बाद पहली बार पक्की सड़क बनकर तैयार हो गई है।",
        "करीब आठ किलोमीटर लंबी इस सड़क पर चार करोड़ रुपये खर्च हुए।",
        'गांव के सरपंच हरिओम यादव ने कहा, "अब बारिश में भी बच्चे स्कूल जा सकेंगे।"',
        "पहले गांव वालों को अस्पताल जाने के लिए तीन घंटे पैदल चलना पड़ता था।",
        "क्या सड़क से गांव की तस्वीर बदलेगी?",
        "जिला अधिकारी सुनीता वर्मा ने बताया कि अगले साल गांव में बस सेवा भी शुरू होगी।",
        "गांव की बुजुर्ग महिला कमला देवी ने कहा कि उन्होंने यह दिन देखने का सपना देखा था।",
        "सड़क के किनारे पेड़ लगाने का काम भी शुरू हो गया है।",
        "ग्रामीणों ने मिठाई बांटकर खुशी मनाई।",
    ],
}


# an invented Japanese article of short sentences (a dozen to twenty characters, no spaces)
# with an ad between its paragraphs
_SHORT_JAPANESE = [
    "緑川町で「川の日」イベント",
    "緑川町で20日、「川の日」のイベントが開かれた。",
    "子どもたちが魚のつかみ取りを楽しんだ。",
    "「冷たくて気持ちいい」",
    "参加した小学3年の山本陽太くんはそう話した。",
    "広告",
    "今後の予定",
    "町は来年も同じイベントを開く方針だ。",
    "会場では地元の野菜も売られた。",
]


def test_page_mode_reads_short_japanese_sentences_as_the_body():
    """A line ending in a Japanese full stop is a sentence from a dozen characters on: the
    paragraphs below an ad stay on the page's body; the headline and the ad go."""
    gone = {b.text for b in find_boilerplate("\n\n".join(_SHORT_JAPANESE), mode="page")}
    assert gone == {"緑川町で「川の日」イベント", "広告"}


@pytest.mark.parametrize("lang", sorted(_UNLATIN_STOPS))
def test_page_mode_reads_sentences_of_other_scripts_as_the_body(lang):
    """Read as a whole page, an article in Thai or Hindi keeps its paragraphs (the page body
    is found by its sentences): at most the headline goes with the page's head."""
    lines = _UNLATIN_STOPS[lang]
    text = "\n\n".join(lines)
    gone = {b.text for b in find_boilerplate(text, mode="page")}
    assert gone <= {lines[0]}
