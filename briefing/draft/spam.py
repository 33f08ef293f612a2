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
from functools import lru_cache

STRONG = tuple(
    (
        "buy now|order now|click here|limited time offer|limited-time offer|free shipping|escort service|"
        "viagra|promo code|discount code|bonus code|subscribe now|call now|free spins|sure odds|"
        "instant payout|payout guaranteed|win big|hot deal|visit our website|visit our shop|visit our store|"
        "visit my website|claim your reward|claim your bonus|claim your prize|advertise with us|"
        "work from home|act now|100% free|airdrop|giveaway|dm us|dm me|make money online|earn money fast|"
        "per day from home|"
        "稳赚不赔|加微信|加威信|加qq|联系qq|qq群|代开发票|在线投注|立即领取|点击链接|免费领取|代写|刷单|网赚|日赚|"
        "注册送|彩金"
    ).split("|")
)
WEAK_WORDS = frozenset(
    "casino betting bet bets slot slots jackpot odds payout bonus cheap cheapest discount deal deals "
    "whatsapp telegram wechat crypto bitcoin coupon promo free offer sale guaranteed".split()
)
WEAK_MARKS = (
    "www.",
    "http://",
    "https://",
    "% off",
    "赌场",
    "博彩",
    "彩票",
    "红包",
    "优惠",
    "特价",
    "返现",
    "微信",
    "扫码",
    "二维码",
    "包邮",
    "秒杀",
    "抢购",
    "返利",
    "兼职",
)
# Words that also have honest uses ("cheap imports and trade deals", "free swarm collection"): two of
# them make no advertisement, one of them beside a link or a casino does.
AMBIGUOUS = frozenset(
    "cheap cheapest discount deal deals bonus odds bet bets free offer sale guaranteed crypto".split()
)
_DOMAIN = re.compile(r"(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:com|net|shop|xyz|top|example|info|biz)\b")
_WORDS = re.compile(r"[a-z]+")
INSTRUCTION_HINTS = (
    "ignore",
    "disregard",
    "forget",
    "as an ai",
    "language model",
    "system prompt",
    "you must",
    "only with",
    "you are",
    "act as",
    "if you are",
    "reading this",
    "new instruction",
    "when summar",
    "in your summary",
    "忽略",
    "作为",
    "你现在是",
    "无视",
    "如果你是",
    "摘要中",
    "总结中",
)
INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget) (?:all |any )?(?:the |your )?(?:previous|prior|above|earlier|preceding)"
    r"(?: (?:instructions?|prompts?|messages?|text|directions?|rules)\b|(?=\s*(?:and\b|[,.;:!]|$)))|"
    r"\bas an ai\b|\bas a (?:large )?language model\b|\bsystem prompt\b|"
    r"\b(?:you are|act as) (?:now )?(?:an? )?(?:ai|assistant|chatbot|language model)\b|"
    r"\bif you are an? (?:ai|llm|language model|assistant|chatbot)\b|"
    r"\b(?:ai|llm|language model|assistant|chatbot)s? reading this\b|\bnew instructions?\s*:|"
    r"\byou must (?:reply|respond|answer|output|say|write)\b|\b(?:reply|respond|answer) only with\b|"
    r"\bwhen summari[sz]ing (?:this|the)\b|\bin your summary\b|"
    r"(?:忽略|无视)(?:之前|以上|上述|前面)(?:的)?(?:所有|全部)?(?:指令|指示|提示|要求)|"
    r"作为(?:一个)?(?:人工智能|ai|语言模型)|你现在是|请忽略|如果你是(?:人工智能|ai|语言模型)|在(?:摘要|总结)中(?:写|注明|说明)"
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


@lru_cache(maxsize=4096)  # each line is asked twice: for the report's common cues, then for itself
def cue_words(text: str) -> tuple[str, ...]:
    """The weak advertising cues of ``text``, lower-cased (to count how often the report uses them)."""
    lower = text.lower()
    cues = [w for w in _WORDS.findall(lower) if w in WEAK_WORDS]
    cues += [mark for mark in WEAK_MARKS if mark in lower]
    if "." in lower:
        cues += [m.group() for m in _DOMAIN.finditer(lower) if "www." not in m.group()]
    return tuple(cues)


def _advertises(cues: list[str]) -> bool:
    return len(cues) >= 2 and any(cue not in AMBIGUOUS for cue in cues)


def _strong(lower: str) -> bool:
    return any(phrase in lower for phrase in STRONG)


def _instruction(lower: str) -> bool:
    return any(hint in lower for hint in INSTRUCTION_HINTS) and bool(INSTRUCTION.search(lower))


def injected_sentences(text: str, common: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """(start, end, reason) of each sentence of ``text`` that advertises or instructs a reader or model.

    ``common``: weak cues the report uses often, which do not count.
    """
    lower = text.lower()
    if not (_strong(lower) or _instruction(lower) or _advertises(list(cue_words(text)))):
        return []
    found: list[tuple[int, int, str]] = []
    for start, end in sentences(text):
        sentence = lower[start:end]
        if _instruction(sentence):
            found.append((start, end, "instruction to a reader or model"))
        elif _strong(sentence) or _advertises([w for w in cue_words(sentence) if w not in common]):
            found.append((start, end, "promotional text"))
    return found
