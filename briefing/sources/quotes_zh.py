"""Quotations in Chinese: 「…」 and “…”, said by a speaker named before (表示：) or after (，周明说。).

The speaker phrase runs from the start of its clause to the verb of
attribution (表示, 说, 指出, 认为, 强调 ...); the name is its end: a Latin
name as written, or two or three Han characters starting with a common
surname ("总工程师陈思远" -> 陈思远, role 总工程师). The words cited are the
quotation and the speaker phrase with its verb, both verbatim.
"""

from __future__ import annotations

import re

from briefing.sources.quotes import Quote

VERBS = "表示|说道|说|指出|认为|强调|介绍|坦言|直言|称|谈到|提到|补充道|补充说"
_QUOTED = re.compile(r"“([^”]+)”|「([^」]+)」|『([^』]+)』")
_BEFORE = re.compile(rf"([^，,。！？；：:“”「」]+?)({VERBS})\s*[：:，,]?\s*$")
_AFTER = re.compile(rf"^\s*[，,]?\s*([^，,。！？；“”「」]+?)({VERBS})(?=[。！？，,；]|$)")
_LATIN_NAME = re.compile(r"((?:[A-Z][\w'’.-]*\s?){1,3})$")
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
COMPOUND = ("欧阳", "司马", "诸葛", "上官", "司徒", "东方")


_SAID = re.compile(
    r"([^，,。！？；：:“”「」]{2,24}?)(表示|指出|强调|说)[，,：:]\s*([^“”「」]{6,}?[。！？])"
)


def chinese_quotes(text: str) -> list[Quote]:
    found = _quoted(text)
    if found:
        return found
    for match in _SAID.finditer(text):  # "周明表示，区域协同是关键。": said without quotation marks
        who, role = split_chinese_speaker(match.group(1).strip())
        if who:
            words = match.group(3).strip()
            found.append(Quote(words, who, role, (words,), match.group(1) + match.group(2), match.span()))
    return found


def _quoted(text: str) -> list[Quote]:
    found: list[Quote] = []
    for match in _QUOTED.finditer(text):
        words = next(g for g in match.groups() if g is not None).strip()
        if len(words) < 6:
            continue  # a name or a term in quotation marks, not speech
        start = max(text.rfind(c, 0, match.start()) for c in "。！？") + 1
        before = _BEFORE.search(text, start, match.start())
        after = _AFTER.match(text[match.end() :]) if before is None else None
        if before:
            phrase, span = before.group(1) + before.group(2), (before.start(1), before.end(2))
            who_role = before.group(1)
        elif after:
            phrase = after.group(1) + after.group(2)
            span = (match.end() + after.start(1), match.end() + after.end(2))
            who_role = after.group(1)
        else:
            continue
        who, role = split_chinese_speaker(who_role.strip())
        if who:
            quote_span = (min(match.start(), span[0]), max(match.end(), span[1]))
            shown = words[:-1] + "。" if words.endswith(("，", ",")) else words
            found.append(Quote(shown, who, role, (words,), phrase.strip(), quote_span))
    return found


def split_chinese_speaker(phrase: str) -> tuple[str, str]:
    """("陈思远", "总工程师") from "总工程师陈思远"; a Latin name stays whole ("特斯拉总裁Tom Zhu")."""
    latin = _LATIN_NAME.search(phrase)
    if latin and latin.group(1).strip():
        name = latin.group(1).strip()
        return name, phrase[: latin.start()].strip()
    for size in (3, 2):
        name = phrase[-size:]
        if len(phrase) >= size and (name[0] in SURNAMES or name[:2] in COMPOUND):
            return name, phrase[:-size].strip()
    if 2 <= len(phrase) <= 4 and phrase[0] in SURNAMES:
        return phrase, ""
    return "", ""
