"""What a figure in Chinese text measures: the clause before it, without the verb that joins them.

Chinese is written without spaces, so the English drafter's "words around
the number" are one long run. Here the label is the clause the number stands
in (from the last "，。；：、" before it), without a trailing verb or marker
("达到", "约为", "超过", "提高了"); the cited phrase is that clause up to the
end of the figure, verbatim ("长三角新能源汽车产量达到280万辆").
"""

from __future__ import annotations

import re

from briefing.storyboard.figures import Number, numbers_in

MAX_LABEL = 20
_CLAUSE_START = re.compile(r"[，,。；;：:！？!?\n“”「」（）()]")
_YEAR_LEAD = re.compile(r"^(?:到|至|截至)?(?:19|20)\d\d年(?:底|初|末|上半年|下半年)?[，,]?")
_UNIT_TAIL = re.compile(r"[\u3400-\u9fff]{1,3}(?=[，,。；;：:！？!?、\s]|$)")
_TRAILING = re.compile(
    r"(?:同比|环比|较上年|比上年)?(?:达到了?|达|约为|约占|约|为|是|超过了?|超|近|逾|占|增长了?|提高了?|提高到|"
    r"提升了?|提升至|扩大了?|扩大到|增加了?|下降了?|减少了?|降至|升至|突破|已有|共有|有|合计为?|总计|"
    r"(?:从|由)(?:每[^\d，。]{1,2})?)$"
)
_CJK = re.compile(r"[\u3400-\u9fff]")


def is_cjk_figure(text: str, number: Number) -> bool:
    """A figure written in Chinese text: Han characters right before or after it."""
    around = text[max(0, number.start - 2) : number.start] + text[number.end : number.end + 1]
    return bool(_CJK.search(around))


def cjk_label_and_phrase(text: str, number: Number, topic: str = "") -> tuple[str, str]:
    """(label, verbatim phrase) of a figure in Chinese text."""
    starts = [m.end() for m in _CLAUSE_START.finditer(text, max(0, number.start - 60), number.start)]
    start = starts[-1] if starts else max(0, number.start - 60)
    clause = text[start : number.start]
    earlier = next((n for n in numbers_in(clause) if n.is_figure), None)
    if earlier:  # "从160瓦时提高到210": the clause's subject is before its first figure
        clause = clause[: earlier.start]
    whole = _YEAR_LEAD.sub("", clause.strip())
    label = re.sub(r"(?:将|会|已|已经)$", "", _TRAILING.sub("", whole))
    if not label:  # the figure opens its clause ("35%的企业", "约三分之一的投资"): what follows says it
        tail = _CLAUSE_START.search(text, number.end)
        after = text[number.end : tail.start() if tail else len(text)][:MAX_LABEL]
        label = after.lstrip("的 ").strip() or whole
    if len(label) > MAX_LABEL:
        label = label[:MAX_LABEL] + "…"
    tail = _UNIT_TAIL.match(text, number.end)  # a unit the reader did not take ("210瓦时")
    phrase = text[start : tail.end() if tail else number.end].strip()
    if len(phrase) < 4:
        end = _CLAUSE_START.search(text, number.end)
        phrase = text[start : end.start() if end else len(text)].strip()
    return label or topic, phrase
