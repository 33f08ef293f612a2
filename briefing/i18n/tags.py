"""BCP 47 language tags (RFC 5646): what ``language:`` may say, and what a tag tells the outputs.

The syntax is checked in full (language, extlang, script, region, variants,
extensions, private use); a two-letter language must be an ISO 639-1 code, so
the usual slips (``cn``, ``jp``, ``zh_CN``, ``chinese``) are caught with a hint
that names the right tag. Three-letter codes are taken as written (the full
registry is not shipped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ISO_639_1 = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de
    dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie
    ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg
    mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro
    ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty
    ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split()
)
# Slips seen in the wild -> the tag that was meant.
_MEANT = {
    "cn": "zh-CN",
    "tw": "zh-TW",
    "hk": "zh-HK",
    "jp": "ja",
    "gr": "el",
    "dk": "da",
    "cz": "cs",
    "iw": "he",
    "ji": "yi",
    "in": "id",
    "chinese": "zh",
    "mandarin": "zh",
    "japanese": "ja",
    "korean": "ko",
    "arabic": "ar",
    "hebrew": "he",
    "english": "en",
    "german": "de",
    "deutsch": "de",
    "french": "fr",
    "spanish": "es",
    "zh-chs": "zh-Hans",
    "zh-cht": "zh-Hant",
}
_RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"})
_RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm"})

_LANGTAG = re.compile(
    r"""^(?P<language>[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})
    (?:-(?P<script>[a-z]{4}))?
    (?:-(?P<region>[a-z]{2}|[0-9]{3}))?
    (?P<variants>(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*)
    (?P<extensions>(?:-[a-wy-z0-9](?:-[a-z0-9]{2,8})+)*)
    (?:-x(?:-[a-z0-9]{1,8})+)?$""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class LanguageTag:
    """A checked tag, in its canonical case (``zh-Hant-TW``)."""

    tag: str
    language: str  # lower case primary subtag: "zh"
    script: str = ""  # title case: "Hant"
    region: str = ""  # upper case: "TW"

    @property
    def rtl(self) -> bool:
        """Written right to left (Arabic, Hebrew, Persian, Urdu ...)."""
        if self.script:
            return self.script in _RTL_SCRIPTS
        return self.language in _RTL_LANGUAGES

    @property
    def han(self) -> str:
        """Which regional form of Han characters to draw: "SC", "TC", "HK", "JP" or "KR"."""
        if self.language == "ja":
            return "JP"
        if self.language == "ko":
            return "KR"
        if self.region in ("HK", "MO"):
            return "HK"
        if self.script == "Hant" or self.region == "TW":
            return "TC"
        return "SC"


@dataclass(frozen=True)
class TagProblem:
    """Why a tag was refused, and what to write instead."""

    message: str
    hint: str


def _canonical(match: re.Match[str], text: str) -> LanguageTag:
    parts = text.split("-")
    out = [parts[0].lower()]
    script = region = ""
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha() and not script and not region and len(out) == 1:
            script = part.title()
            out.append(script)
        elif ((len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit())) and not region:
            region = part.upper()
            out.append(region)
        else:
            out.append(part.lower())
    return LanguageTag("-".join(out), parts[0].lower(), script, region)


def parse_tag(text: str) -> LanguageTag | TagProblem:
    """``text`` as a :class:`LanguageTag`, or the :class:`TagProblem` that says why not."""
    raw = text.strip()
    meant = _MEANT.get(raw.lower().replace("_", "-"))
    if meant:
        return TagProblem(f"'{raw}' is not a language tag", f"write '{meant}' (a BCP 47 tag)")
    if "_" in raw:
        fixed = parse_tag(raw.replace("_", "-"))
        if isinstance(fixed, LanguageTag):
            return TagProblem(f"'{raw}' is not a language tag", f"write '{fixed.tag}': subtags join with '-'")
    match = _LANGTAG.match(raw)
    if match is None:
        return TagProblem(
            f"'{raw}' is not a language tag",
            "write a BCP 47 tag: a language, then an optional script and region, e.g. en, zh-CN, zh-TW, ja",
        )
    language = match.group("language").split("-")[0].lower()
    if len(language) == 2 and language not in ISO_639_1:
        return TagProblem(
            f"'{language}' is not a language code (ISO 639-1)",
            "write the language first, then the region: zh-CN, pt-BR, en-GB",
        )
    return _canonical(match, raw)


def han_form(language: str) -> str:
    """The regional form of Han characters for a storyboard's ``language`` ("SC" when not a tag)."""
    tag = parse_tag(language)
    return tag.han if isinstance(tag, LanguageTag) else "SC"
