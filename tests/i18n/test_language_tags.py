"""The storyboard's `language:` is a BCP 47 tag: good tags are kept (canonical case), bad ones are
located errors with a hint naming the tag that was meant."""

from __future__ import annotations

import pytest

from briefing.i18n import LanguageTag, TagProblem, parse_tag
from briefing.storyboard import check

HEAD = "title: T\nlanguage: {tag}\nsections:\n  - title: S\n    slides:\n      - title: A\n        notes: n\n"
BODY = "        bullets: [x]\n"


@pytest.mark.parametrize(
    ("text", "tag", "han", "rtl"),
    [
        ("zh", "zh", "SC", False),
        ("zh-CN", "zh-CN", "SC", False),
        ("zh-tw", "zh-TW", "TC", False),
        ("zh-Hant", "zh-Hant", "TC", False),
        ("zh-hk", "zh-HK", "HK", False),
        ("ja", "ja", "JP", False),
        ("ko-KR", "ko-KR", "KR", False),
        ("ar", "ar", "SC", True),
        ("ar-EG", "ar-EG", "SC", True),
        ("he", "he", "SC", True),
        ("de", "de", "SC", False),
        ("en-gb", "en-GB", "SC", False),
        ("sr-latn-rs", "sr-Latn-RS", "SC", False),
        ("de-CH-1996", "de-CH-1996", "SC", False),
    ],
)
def test_good_tags_are_kept_in_canonical_case(text: str, tag: str, han: str, rtl: bool) -> None:
    parsed = parse_tag(text)
    assert isinstance(parsed, LanguageTag)
    assert (parsed.tag, parsed.han, parsed.rtl) == (tag, han, rtl)


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("zh_CN", "zh-CN"),
        ("cn", "zh-CN"),
        ("jp", "ja"),
        ("Chinese", "zh"),
        ("arabic", "ar"),
        ("iw", "he"),
        ("en_US", "en-US"),
    ],
)
def test_usual_slips_name_the_tag_that_was_meant(text: str, meant: str) -> None:
    problem = parse_tag(text)
    assert isinstance(problem, TagProblem)
    assert f"'{meant}'" in problem.hint


@pytest.mark.parametrize("text", ["xx", "en--US", "e", "english!", "zh-", "123"])
def test_malformed_or_unknown_tags_are_refused(text: str) -> None:
    assert isinstance(parse_tag(text), TagProblem)


def test_bad_language_is_a_located_error_with_a_hint(write_storyboard) -> None:
    path = write_storyboard(HEAD.format(tag="zh_CN") + BODY)
    _, diagnostics = check(path)
    errors = [d for d in diagnostics if d.severity == "error"]
    assert [(d.line, d.col, d.code) for d in errors] == [(2, 11, "bad-language")]
    assert errors[0].message == "'zh_CN' is not a language tag"
    assert errors[0].hint == "write 'zh-CN': subtags join with '-'"
    assert errors[0].format().startswith(f"{path}:2:11: error: ")


def test_a_good_tag_loads_in_canonical_case(write_storyboard) -> None:
    storyboard, diagnostics = check(write_storyboard(HEAD.format(tag="zh-cn") + BODY))
    assert storyboard is not None and storyboard.language == "zh-CN"
    assert not [d for d in diagnostics if d.severity == "error"]
