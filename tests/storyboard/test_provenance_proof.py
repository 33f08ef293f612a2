"""What `check --source` proves beyond phrases: units, binding, quotes, derivations, charts, Word sources."""

from __future__ import annotations

from pathlib import Path

from briefing.cli import main
from tests.draft.word_report import build_docx

REPORT = """Harbour Town Survey

The new breakwater shelters 25 square kilometers of water and cost $48 billion.

The harbour handled 48% of the region's freight, and 1,250 ferry crossings a day.

"We rebuilt the wall stone by stone," says harbour master Zoë Brennan. "It held."

The port employs 340 people.

Dr. Ada Quinn, the port's engineer, was not asked.
"""

HEAD = """title: Harbour
sources:
  survey: {title: Harbour survey}
sections:
  - title: Freight
    slides:
"""


def _check(
    tmp_path: Path, capsys, slides: str, report: str = REPORT, head: str = HEAD
) -> tuple[int, list[str]]:
    deck = tmp_path / "deck.yaml"
    deck.write_text(head + slides, encoding="utf-8")
    source = tmp_path / "survey.txt"
    source.write_text(report, encoding="utf-8")
    code = main(["check", str(deck), "--source", str(source)])
    lines = capsys.readouterr().out.splitlines()
    return code, [line.replace(f"{deck.absolute()}:", "deck.yaml:") for line in lines]


STATS = """      - title: Breakwater
        notes: n
        sources:
          - {ref: survey, phrase: "shelters 25 square kilometers of water"}
          - {ref: survey, phrase: "1,250 ferry crossings a day"}
        stats:
          - {value: 25, unit: " km²", label: "of sheltered water"}
          - {value: 1250, label: "ferry crossings a day"}
"""


def test_the_cited_figures_with_their_units_check_clean(tmp_path, capsys) -> None:
    assert _check(tmp_path, capsys, STATS) == (0, [])


def test_a_changed_unit_is_an_error_at_the_value(tmp_path, capsys) -> None:
    code, out = _check(tmp_path, capsys, STATS.replace('" km²"', '" mi²"'))
    assert code == 1
    assert out[0] == (
        "deck.yaml:13:21: error: the slide shows 25 mi² but the phrase it cites says 25 square kilometers"
    )


def test_two_exchanged_stats_are_errors_at_both(tmp_path, capsys) -> None:
    slide = (
        "      - title: Port\n        notes: n\n        sources:\n"
        '          - {ref: survey, phrase: "1,250 ferry crossings a day"}\n'
        '          - {ref: survey, phrase: "The port employs 340 people"}\n'
        "        stats:\n          - {value: 340, label: ferry crossings a day}\n"
        "          - {value: 1250, label: people the port employs}\n"
    )
    code, out = _check(tmp_path, capsys, slide)
    assert code == 1
    assert out[0] == (
        'deck.yaml:13:21: error: the slide shows 340 for "ferry crossings a day" but the phrase it cites '
        "gives 1,250 for it (exchanged with 1,250?)"
    )
    assert out[2].startswith('deck.yaml:14:21: error: the slide shows 1,250 for "people the port employs"')


def test_a_unit_the_source_does_not_state_is_an_error(tmp_path, capsys) -> None:
    code, out = _check(
        tmp_path, capsys, STATS.replace("{value: 1250, label", '{value: 1250, unit: " km²", label')
    )
    assert code == 1
    assert out[0] == "deck.yaml:14:21: error: the slide shows 1,250 km² but the phrase it cites says 1,250"


def _bullets(*bullets: str, phrase: str = "cost $48 billion") -> str:
    items = "".join(f"          - {b}\n" for b in bullets)
    return (
        "      - title: Cost\n        notes: n\n"
        f'        sources: [{{ref: survey, phrase: "{phrase}"}}]\n        bullets:\n{items}'
    )


def test_a_changed_currency_or_scale_in_a_bullet_is_an_error(tmp_path, capsys) -> None:
    assert _check(tmp_path, capsys, _bullets("It cost $48 billion")) == (0, [])
    for changed, shown in (("It cost €48 billion", "€48 billion"), ("It cost $48 million", "$48 million")):
        code, out = _check(tmp_path, capsys, _bullets(changed))
        assert code == 1
        assert (
            out[0]
            == f"deck.yaml:11:21: error: the slide shows {shown} but the phrase it cites says $48 billion"
        )


def test_a_changed_title_figure_is_an_error_even_when_the_slide_shows_the_cited_one(tmp_path, capsys) -> None:
    slide = (
        "      - title: 84% of the freight\n        notes: n\n"
        '        sources: [{ref: survey, phrase: "48% of the region\'s freight"}]\n'
        "        stats: [{value: 48, unit: '%', label: of the freight}]\n"
    )
    code, out = _check(tmp_path, capsys, slide)
    assert code == 1
    assert out[0] == "deck.yaml:7:16: error: the slide shows 84% but the phrase it cites says 48%"


def test_a_figure_of_a_kind_no_phrase_states_is_only_a_warning(tmp_path, capsys) -> None:
    code, out = _check(tmp_path, capsys, _bullets("Opened in 40 weeks"))
    assert code == 0
    assert out[0] == "deck.yaml:11:23: warning: figure 40 is not in any phrase this slide cites"


QUOTE = """      - title: The wall
        notes: n
        sources: [{ref: survey, phrase: "says harbour master"}]
        quote: {text: "We rebuilt the wall stone by stone. It held.", who: WHO}
"""


def test_a_quote_in_the_speakers_paragraph_checks_clean_with_names_written_otherwise(
    tmp_path, capsys
) -> None:
    for who in ("Zoë Brennan", "Zoe Brennan", "Ms. Brennan", "Dr. Zoë Brennan"):
        assert _check(tmp_path, capsys, QUOTE.replace("WHO", who)) == (0, []), who


def test_a_quote_given_to_someone_else_is_an_error_at_who(tmp_path, capsys) -> None:
    code, out = _check(tmp_path, capsys, QUOTE.replace("WHO", "Ada Quinn"))
    assert code == 1
    assert out[0] == (
        "deck.yaml:10:76: error: source 'survey' attributes this quote to Zoë Brennan (line 7), "
        "not to 'Ada Quinn'"
    )


def test_a_reworded_quote_is_an_error_at_its_text_with_the_closest_passage(tmp_path, capsys) -> None:
    code, out = _check(tmp_path, capsys, QUOTE.replace("WHO", "Zoë Brennan").replace("stone by", "brick by"))
    assert code == 1
    assert out[0].startswith("deck.yaml:10:23: error: quote not found in source 'survey' (survey.txt)")
    assert out[1].startswith('  hint: closest passage, survey.txt line 7: "')


def test_an_elided_quote_and_typography_are_not_a_rewording(tmp_path, capsys) -> None:
    slide = QUOTE.replace("WHO", "Zoë Brennan").replace(
        "We rebuilt the wall stone by stone. It held.", "We  rebuilt … stone by stone … \u201cIt held!\u201d"
    )
    assert _check(tmp_path, capsys, slide) == (0, [])


def _derived(note: str, values: str = "[48, 52]") -> str:
    return (
        "      - title: Freight share\n        notes: n\n        sources:\n"
        f'          - {{ref: survey, phrase: "48% of the region\'s freight", note: "derived: {note}"}}\n'
        "        chart:\n          type: donut\n          categories: [The harbour, Elsewhere]\n"
        f"          series: [{{name: Freight, values: {values}}}]\n          unit: '%'\n"
    )


def test_a_derivation_that_computes_proves_its_figure(tmp_path, capsys) -> None:
    assert _check(tmp_path, capsys, _derived("the rest is 100% - 48% = 52%")) == (0, [])


def test_a_derivation_that_does_not_compute_is_an_error_at_the_note(tmp_path, capsys) -> None:
    code, out = _check(tmp_path, capsys, _derived("the rest is 100% - 48% = 62%"))
    assert code == 1
    assert "deck.yaml:10:72: error: the arithmetic gives 52%, not 62%" in out


def test_a_derivation_from_an_uncited_figure_is_an_error_at_the_note(tmp_path, capsys) -> None:
    code, out = _check(tmp_path, capsys, _derived("the rest is 100% - 38%", "[48, 62]"))
    assert code == 1
    assert "deck.yaml:10:72: error: the derivation uses 38%, which is in no phrase this slide cites" in out


def test_a_derived_note_no_longer_hides_a_wrong_figure(tmp_path, capsys) -> None:
    code, out = _check(tmp_path, capsys, _derived("the rest is 100% - 48% = 52%", "[84, 52]"))
    assert code == 1
    assert "deck.yaml:14:45: error: the slide shows 84% but the phrase it cites says 48%" in out


def test_a_derivation_without_arithmetic_is_an_error(tmp_path, capsys) -> None:
    code, out = _check(tmp_path, capsys, _derived("we worked it out"))
    assert code == 1
    assert "deck.yaml:10:72: error: the derivation has no arithmetic to compute" in out


CSV_CHART = """      - title: Crossings
        notes: n
        sources: [{ref: survey, phrase: "1,250 ferry crossings a day"}]
        chart: {type: bar, csv: crossings.csv}
"""


def test_a_changed_csv_value_is_an_error_at_its_cell(tmp_path, capsys) -> None:
    (tmp_path / "crossings.csv").write_text("Harbour,Crossings a day\nKelport,1520\n", encoding="utf-8")
    code, out = _check(tmp_path, capsys, CSV_CHART)
    assert code == 1
    csv = tmp_path / "crossings.csv"
    assert out[0] == f"{csv.absolute()}:2:9: error: the slide shows 1,520 but the phrase it cites says 1,250"


def test_a_chart_drawn_from_a_declared_data_source_is_proved_by_that_file(tmp_path, capsys) -> None:
    (tmp_path / "crossings.csv").write_text("Harbour,Crossings a day\nKelport,1520\n", encoding="utf-8")
    deck = tmp_path / "deck.yaml"
    head = HEAD.replace(
        "{title: Harbour survey}", "{title: Harbour survey}\n  data: {title: Counts, file: crossings.csv}"
    )
    deck.write_text(head + CSV_CHART, encoding="utf-8")
    (tmp_path / "survey.txt").write_text(REPORT, encoding="utf-8")
    assert main(["check", str(deck), "--source", f"survey={tmp_path / 'survey.txt'}"]) == 0


def test_a_word_source_is_read_and_its_places_are_paragraphs(tmp_path, capsys) -> None:
    report = build_docx(
        tmp_path / "survey.docx", [("Title", "Harbour Town Survey"), ("", REPORT.splitlines()[2])]
    )
    deck = tmp_path / "deck.yaml"
    slide = STATS.replace('          - {ref: survey, phrase: "1,250 ferry crossings a day"}\n', "")
    deck.write_text(
        HEAD + slide.replace('          - {value: 1250, label: "ferry crossings a day"}\n', ""),
        encoding="utf-8",
    )
    assert main(["check", str(deck), "--source", str(report)]) == 0
    capsys.readouterr()
    deck.write_text(deck.read_text(encoding="utf-8").replace("shelters 25", "shelters 52"), encoding="utf-8")
    assert main(["check", str(deck), "--source", str(report)]) == 1
    out = capsys.readouterr().out
    assert 'hint: closest passage, survey.docx paragraph 2: "' in out


def test_an_approximate_derived_figure_is_proved_at_the_precision_it_is_rounded_to(tmp_path, capsys) -> None:
    slide = (
        "      - title: Freight crossings\n        notes: n\n        sources:\n"
        '          - {ref: survey, phrase: "48% of the region\'s freight, and 1,250 ferry crossings a day",\n'
        '             note: "derived: 48% of 1,250 = about 600 crossings"}\n'
        "        stats: [{value: 600, prefix: '≈', label: crossings a day carry freight}]\n"
    )
    assert _check(tmp_path, capsys, slide) == (0, [])
    code, out = _check(tmp_path, capsys, slide.replace("about 600", "about 700"))
    assert code == 1
    assert "deck.yaml:11:20: error: the arithmetic gives 600, not 700" in out


CHINESE = "电动车报告\n\n“充电桩不是越多越好，关键在于布局合理，”林佳怡说。\n\n王伟没有发言。\n"


def test_a_chinese_quote_and_speaker_are_proved_in_their_paragraph(tmp_path, capsys) -> None:
    slide = (
        "      - title: 充电桩\n        notes: n\n"
        '        sources: [{ref: survey, phrase: "林佳怡说"}]\n'
        "        quote: {text: 「充电桩不是越多越好，关键在于布局合理。」, who: WHO}\n"
    )
    head = HEAD.replace("title: Harbour\n", "title: Harbour\nlanguage: zh\n")
    assert _check(tmp_path, capsys, slide.replace("WHO", "林佳怡"), CHINESE, head) == (0, [])
    code, out = _check(tmp_path, capsys, slide.replace("WHO", "王伟"), CHINESE, head)
    assert code == 1
    assert (
        out[0]
        == "deck.yaml:11:51: error: source 'survey' attributes this quote to 林佳怡 (line 3), not to '王伟'"
    )


TRANSLATED_QUOTE = """      - title: 一块一块重建
        notes: n
        sources:
          - {ref: survey, phrase: "says harbour master Zoë Brennan"}
        quote:
          text: 我们一块石头一块石头地重建了这道墙。
          who: 港务长佐伊·布伦南
"""


def test_a_translated_quote_is_proved_by_the_original_words_it_cites(tmp_path, capsys) -> None:
    head = HEAD.replace("title: Harbour\n", "title: 港口\nlanguage: zh-CN\n")
    assert _check(tmp_path, capsys, TRANSLATED_QUOTE, head=head) == (0, [])


def test_a_translated_quote_without_its_original_words_is_an_error(tmp_path, capsys) -> None:
    head = HEAD.replace("title: Harbour\n", "title: 港口\nlanguage: zh-CN\n")
    slide = TRANSLATED_QUOTE.replace(
        '          - {ref: survey, phrase: "says harbour master Zoë Brennan"}\n',
        "          - {ref: survey}\n",
    )
    code, out = _check(tmp_path, capsys, slide, head=head)
    assert code == 1
    assert out[0].startswith("deck.yaml:13:17: error: this quote is a translation: cite the original words")


def test_a_chinese_counter_translates_a_bare_count_but_a_changed_number_is_caught(tmp_path, capsys) -> None:
    head = HEAD.replace("title: Harbour\n", "title: 港口\nlanguage: zh-CN\n")
    slide = (
        "      - title: 港口就业\n        notes: n\n        sources:\n"
        '          - {ref: survey, phrase: "The port employs 340 people"}\n'
        "        bullets: [港口雇用340名员工]\n"
    )
    assert _check(tmp_path, capsys, slide, head=head) == (0, [])
    code, out = _check(tmp_path, capsys, slide.replace("340名", "430名"), head=head)
    assert code == 1 and "430" in out[0]
