"""Injected text in the report's own script: advertising, SEO spam and instructions to a reader or model.

Two kinds of tells, no model, no network:

- **advertising**: a strong cue alone ("click here", "instant payout", "sure
  odds", "free spins", 稳赚不赔, 加微信) or two weak ones in one sentence (a
  link, "casino", "betting", "cheap", "70% off", 赌场, 红包). A weak cue the
  report itself uses in three other sentences is its subject, not a cue (a
  report about casinos may say "casino").
- **instructions**: sentences addressed to whoever processes the text
  ("ignore all previous instructions", "as an AI language model", "you must
  reply", 忽略之前的所有指令, 作为人工智能).

Each tell marks the whole sentence that holds it.
"""

from __future__ import annotations

import re

STRONG = re.compile(
    r"\b(?:buy now|order now|click here|limited[- ]time offer|free shipping|escort service|viagra|promo code|"
    r"discount code|bonus codes?|subscribe now|call now|free spins|sure odds|instant payout|"
    r"payout guaranteed|"
    r"win big|hot deals?|visit (?:our|my) (?:website|shop|store)|claim your (?:reward|bonus|prize)|"
    r"advertise with us)\b|稳赚不赔|加微信|加威信|加QQ|代开发票|在线投注|立即领取|点击链接|免费领取",
    re.IGNORECASE,
)
WEAK = re.compile(
    r"(?:https?://|www\.)\S+|\b\S+\.(?:com|net|shop|xyz|top|example|info|biz)\b|"
    r"\b(?:casino|betting|bets?|slots?|jackpot|odds|payout|bonus|cheap(?:est)?|discount|deals?|"
    r"\d+% off|whatsapp|telegram|wechat)\b|赌场|博彩|彩票|红包|优惠|特价|返现|微信",
    re.IGNORECASE,
)
INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget) (?:all |any )?(?:the )?(?:previous|prior|above|earlier|preceding) "
    r"(?:instructions?|prompts?|messages?|text)|\bas an ai\b|\bas a (?:large )?language model\b|"
    r"\b(?:you are|act as) (?:now )?(?:an? )?(?:ai|assistant|chatbot|language model)\b|\bsystem prompt\b|"
    r"\byou must (?:reply|respond|answer|output|say)\b|\b(?:reply|respond|answer) only with\b|"
    r"忽略(?:之前|以上|上述|前面)(?:的)?(?:所有|全部)?(?:指令|指示|提示|要求)|作为(?:一个)?(?:人工智能|AI|语言模型)|"
    r"你现在是|请忽略",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'(\[])|(?<=[。！？])")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trailing spaces included (so cuts leave no gaps)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > start:
            spans.append((start, match.end()))
            start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def cue_words(text: str) -> list[str]:
    """The weak advertising cues of ``text``, lower-cased (to count how often the report uses them)."""
    return [m.group().lower() for m in WEAK.finditer(text)]


def injected_sentences(text: str, common: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """(start, end, reason) of each sentence of ``text`` that advertises or instructs a reader or model.

    ``common``: weak cues the report uses often, which do not count.
    """
    if not (STRONG.search(text) or INSTRUCTION.search(text) or WEAK.search(text)):
        return []
    found: list[tuple[int, int, str]] = []
    for start, end in sentences(text):
        sentence = text[start:end]
        if INSTRUCTION.search(sentence):
            found.append((start, end, "instruction to a reader or model"))
        elif STRONG.search(sentence) or len([w for w in cue_words(sentence) if w not in common]) >= 2:
            found.append((start, end, "promotional text"))
    return found
