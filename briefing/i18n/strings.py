"""The text briefing writes itself, in the talk's language: one table for translators.

To add a language, copy the ``"en"`` block, key it by its BCP 47 tag (a bare
language such as ``"pt"`` serves every region; ``"pt-BR"`` only Brazil) and
translate the values. Keep the ``{placeholders}``. ``date`` formats an ISO date
(``2026-11-29``) given as a storyboard's ``date:``; other dates stay as written,
and an empty ``date`` keeps even ISO dates as written. ``months`` are the month
names ``{month}`` stands for (``{m}`` is the month's number). ``charts`` names
the chart types for alt text, ``|``-separated in the order of ``CHART_KINDS``,
then "chart" for any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from briefing.i18n.tags import LanguageTag, parse_tag

TABLE: dict[str, dict[str, str]] = {
    "en": {
        "sources_notes": "Every source this briefing cites, with its details and link.",
        "sources_title": "Sources",
        "source": "Source: {source}",
        "section": "Section {number} of {total}",
        "more": "+ {count} more",
        "attribution": "— {who}",
        "role": "{who}, {role}",
        "date": "",
        "months": "January February March April May June July August September October November December",
        "charts": (
            "Bar chart|Horizontal bar chart|Stacked bar chart|Line chart|"
            "Area chart|Pie chart|Donut chart|Scatter chart|Chart"
        ),
    },
    "zh-CN": {
        "sources_notes": "本简报引用的全部资料来源，附详细信息和链接。",
        "sources_title": "资料来源",
        "source": "来源：{source}",
        "section": "第{number}部分，共{total}部分",
        "more": "另有{count}项",
        "attribution": "——{who}",
        "role": "{who}，{role}",
        "date": "{year}年{m}月{day}日",
        "months": "",
        "charts": "柱形图|条形图|堆积柱形图|折线图|面积图|饼图|圆环图|散点图|图表",
    },
    "zh-TW": {
        "sources_notes": "本簡報引用的全部資料來源，附詳細資訊和連結。",
        "sources_title": "資料來源",
        "source": "來源：{source}",
        "section": "第{number}部分，共{total}部分",
        "more": "另有{count}項",
        "attribution": "——{who}",
        "role": "{who}，{role}",
        "date": "{year}年{m}月{day}日",
        "months": "",
        "charts": "直條圖|橫條圖|堆疊直條圖|折線圖|區域圖|圓形圖|環圈圖|散佈圖|圖表",
    },
    "ja": {
        "sources_notes": "このブリーフィングが引用するすべての出典（詳細とリンク付き）。",
        "sources_title": "出典",
        "source": "出典：{source}",
        "section": "セクション {number}/{total}",
        "more": "ほか{count}件",
        "attribution": "――{who}",
        "role": "{who}（{role}）",
        "date": "{year}年{m}月{day}日",
        "months": "",
        "charts": (
            "縦棒グラフ|横棒グラフ|積み上げ縦棒グラフ|折れ線グラフ|"
            "面グラフ|円グラフ|ドーナツグラフ|散布図|グラフ"
        ),
    },
    "ko": {
        "sources_notes": "이 브리핑이 인용한 모든 출처와 세부 정보 및 링크.",
        "sources_title": "출처",
        "source": "출처: {source}",
        "section": "섹션 {number}/{total}",
        "more": "외 {count}개",
        "attribution": "— {who}",
        "role": "{who}, {role}",
        "date": "{year}년 {m}월 {day}일",
        "months": "",
        "charts": (
            "세로 막대형 차트|가로 막대형 차트|누적 세로 막대형 차트|꺾은선형 차트|"
            "영역형 차트|원형 차트|도넛형 차트|분산형 차트|차트"
        ),
    },
    "ar": {
        "sources_notes": "جميع المصادر التي تستشهد بها هذه الإحاطة، مع تفاصيلها وروابطها.",
        "sources_title": "المصادر",
        "source": "المصدر: {source}",
        "section": "القسم {number} من {total}",
        "more": "و{count} أخرى",
        "attribution": "— {who}",
        "role": "{who}، {role}",
        "date": "{day} {month} {year}",
        "months": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
        "charts": (
            "مخطط أعمدة|مخطط أشرطة أفقية|مخطط أعمدة مكدسة|مخطط خطي|"
            "مخطط مساحي|مخطط دائري|مخطط حلقي|مخطط مبعثر|مخطط"
        ),
    },
    "he": {
        "sources_notes": "כל המקורות שהתדריך מצטט, עם פרטיהם וקישוריהם.",
        "sources_title": "מקורות",
        "source": "מקור: {source}",
        "section": "חלק {number} מתוך {total}",
        "more": "ועוד {count}",
        "attribution": "— {who}",
        "role": "{who}, {role}",
        "date": "{day} ב{month} {year}",
        "months": "ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר",
        "charts": (
            "תרשים עמודות|תרשים פסים|תרשים עמודות מוערמות|תרשים קו|"
            "תרשים שטח|תרשים עוגה|תרשים טבעת|תרשים פיזור|תרשים"
        ),
    },
    "de": {
        "sources_notes": "Alle Quellen, die dieses Briefing zitiert, mit Angaben und Link.",
        "sources_title": "Quellen",
        "source": "Quelle: {source}",
        "section": "Abschnitt {number} von {total}",
        "more": "+ {count} weitere",
        "attribution": "— {who}",
        "role": "{who}, {role}",
        "date": "{day}. {month} {year}",
        "months": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
        "charts": (
            "Säulendiagramm|Balkendiagramm|Gestapeltes Säulendiagramm|Liniendiagramm|"
            "Flächendiagramm|Kreisdiagramm|Ringdiagramm|Punktdiagramm|Diagramm"
        ),
    },
    "fr": {
        "sources_notes": "Toutes les sources citées dans ce briefing, avec leurs détails et leur lien.",
        "sources_title": "Sources",
        "source": "Source\u00a0: {source}",
        "section": "Section {number} sur {total}",
        "more": "+ {count} autres",
        "attribution": "— {who}",
        "role": "{who}, {role}",
        "date": "{day} {month} {year}",
        "months": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "charts": (
            "Histogramme|Graphique à barres|Histogramme empilé|Graphique en courbes|"
            "Graphique en aires|Graphique en secteurs|Graphique en anneau|Nuage de points|Graphique"
        ),
    },
    "es": {
        "sources_notes": "Todas las fuentes que cita este informe, con sus datos y enlace.",
        "sources_title": "Fuentes",
        "source": "Fuente: {source}",
        "section": "Sección {number} de {total}",
        "more": "+ {count} más",
        "attribution": "— {who}",
        "role": "{who}, {role}",
        "date": "{day} de {month} de {year}",
        "months": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "charts": (
            "Gráfico de columnas|Gráfico de barras|Gráfico de columnas apiladas|Gráfico de líneas|"
            "Gráfico de áreas|Gráfico circular|Gráfico de anillos|Gráfico de dispersión|Gráfico"
        ),
    },
}
# The order of the ``charts`` names (the last one names any other chart).
CHART_KINDS = ("bar", "hbar", "stacked", "line", "area", "pie", "donut", "scatter")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class Strings:
    """One language's generated text (see the module docstring for the fields)."""

    sources_notes: str
    sources_title: str
    source: str
    section: str
    more: str
    attribution: str
    role: str
    date: str
    months: str
    charts: str

    def chart_kind(self, kind: str) -> str:
        """A chart type's name for alt text: 'Bar chart', '柱形图' ..."""
        names = self.charts.split("|")
        return names[CHART_KINDS.index(kind)] if kind in CHART_KINDS else names[-1]

    def source_line(self, label: str) -> str:
        """A footer's or the notes' citation: 'Source: Title (Publisher, date)'."""
        return self.source.format(source=label)

    def section_label(self, number: int, total: int) -> str:
        return self.section.format(number=number, total=total)

    def more_items(self, count: int) -> str:
        return self.more.format(count=count)

    def attribution_line(self, who: str, role: str = "") -> str:
        """The quote's credit: '— Name, role' with the language's dash and separator."""
        return self.attribution.format(who=self.role.format(who=who, role=role) if role else who)

    def format_date(self, text: str) -> str:
        """An ISO date in the language's form; anything else as written."""
        match = _ISO_DATE.match(text.strip())
        names = self.months.split()
        if not self.date or match is None:
            return text
        year, month, day = (int(part) for part in match.groups())
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return text
        name = names[month - 1] if len(names) == 12 else str(month)
        return self.date.format(year=year, m=month, month=name, day=day)


def _strings(key: str) -> Strings:
    entry = TABLE[key]
    return Strings(**{f.name: entry.get(f.name, TABLE["en"][f.name]) for f in fields(Strings)})


def table_key(tag: LanguageTag) -> str:
    """The table entry a tag reads: its own, its language's with region, then the language's, then en."""
    candidates = [tag.tag, f"{tag.language}-{tag.region}" if tag.region else ""]
    if tag.language == "zh":
        candidates.append("zh-TW" if tag.han in ("TC", "HK") else "zh-CN")
    candidates.append(tag.language)
    lowered = {key.lower(): key for key in TABLE}
    for candidate in candidates:
        if candidate and candidate.lower() in lowered:
            return lowered[candidate.lower()]
    return "en"


def strings_for(tag: str | LanguageTag) -> Strings:
    """The generated text for ``tag`` (English for a language the table does not have yet)."""
    parsed = parse_tag(tag) if isinstance(tag, str) else tag
    if not isinstance(parsed, LanguageTag):
        return _strings("en")
    return _strings(table_key(parsed))


def source_prefixes() -> tuple[str, ...]:
    """How a citation paragraph begins in every language of the table ("Source: ", "来源：" ...):
    what reading notes back (the review round trip) recognises as the exporter's own."""
    return tuple(dict.fromkeys(_strings(key).source_line("\x00").split("\x00")[0] for key in TABLE))

