"""The words of figures: scales, units, currencies and Chinese numerals, as reports write them.

Tables only (plus one small Chinese-numeral parser), read by
:mod:`briefing.storyboard.figures`. Every written form maps to one canonical
form, so "25 square kilometers", "25 km²" and "25平方公里" are one figure.
"""

from __future__ import annotations

from typing import NamedTuple

# --------------------------------------------------------------------------- scales
SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
    "千": 1e3,
    "万": 1e4,
    "十万": 1e5,
    "百万": 1e6,
    "千万": 1e7,
    "亿": 1e8,
    "十亿": 1e9,
    "百亿": 1e10,
    "千亿": 1e11,
    "万亿": 1e12,
}
# Scale words written with a space before them ("25 million"); single letters only glued ("$25m").
SPACED_SCALES = (
    "thousand",
    "million",
    "billion",
    "trillion",
    "bn",
    "mn",
    "mln",
    "bln",
    "tn",
    "trn",
    "lakh",
    "crore",
)
GLUED_SCALES = ("bn", "mn", "mln", "bln", "tn", "trn", "k", "m", "b")
HAN_SCALES = ("万亿", "千亿", "百亿", "十亿", "千万", "百万", "十万", "亿", "万", "千")
# The slide's short form of a scale (format_number's unit): 1e9 -> "bn".
SCALE_UNITS = {1e3: "k", 1e6: "M", 1e9: "bn", 1e12: "tn"}
HAN_SCALE_UNITS = {1e3: "千", 1e4: "万", 1e6: "百万", 1e8: "亿", 1e12: "万亿"}
SCALE_WORDS = {1e3: "thousand", 1e5: "lakh", 1e6: "million", 1e7: "crore", 1e9: "billion", 1e12: "trillion"}


# --------------------------------------------------------------------------- units
class UnitWord(NamedTuple):
    kind: str  # percent, pp, multiple, measure, count (a Chinese counter), money (a currency word)
    unit: str  # canonical: "%", "pp", "x", "km²", "辆"; for money the ISO code
    scale: float = 1.0  # "5‰" is 0.5%, "50 bps" is 0.5 pp


def _forms(kind: str, unit: str, forms: str, scale: float = 1.0) -> dict[str, UnitWord]:
    return {form: UnitWord(kind, unit, scale) for form in forms.split("|")}


UNIT_WORDS: dict[str, UnitWord] = {
    **_forms("percent", "%", "%|percent|per cent|per-cent|pct|pc"),
    **_forms("percent", "%", "‰|per mille|per mil", 0.1),
    **_forms("pp", "pp", "pp|p.p.|ppt|ppts|pps|percentage points|percentage point|percent points|个百分点"),
    **_forms("pp", "pp", "bps|bp|basis points|basis point", 0.01),
    **_forms("multiple", "x", "times|-fold|fold|倍"),
    **_forms("measure", "km²", "km²|km2|sq km|sq. km|sq.km|square kilometers|square kilometres"),
    **_forms("measure", "km²", "square kilometer|square kilometre|平方公里|平方千米"),
    **_forms("measure", "mi²", "mi²|sq mi|sq. mi|square miles|square mile"),
    **_forms("measure", "m²", "m²|m2|sq m|square meters|square metres|square meter|square metre|平方米"),
    **_forms("measure", "ft²", "ft²|sq ft|sq. ft|square feet|square foot"),
    **_forms("measure", "ha", "ha|hectares|hectare|公顷"),
    **_forms("measure", "acre", "acres|acre"),
    **_forms("measure", "mu", "亩"),
    **_forms("measure", "km", "km|kilometers|kilometres|kilometer|kilometre|公里|千米"),
    **_forms("measure", "mi", "miles|mile"),
    **_forms("measure", "m", "meters|metres|meter|metre|米"),
    **_forms("measure", "t", "t|tonnes|tons|tonne|ton|吨"),
    **_forms("measure", "kg", "kg|kilograms|kilogram|公斤|千克"),
    **_forms("measure", "W", "watts|瓦"),
    **_forms("measure", "Wh", "wh|watt-hours|watt hours|瓦时"),
    **_forms("measure", "kW", "kw|kilowatts|kilowatt|千瓦"),
    **_forms("measure", "MW", "mw|megawatts|megawatt|兆瓦"),
    **_forms("measure", "GW", "gw|gigawatts|gigawatt|吉瓦"),
    **_forms("measure", "TW", "tw|terawatts|terawatt"),
    **_forms("measure", "kWh", "kwh|kilowatt-hours|kilowatt hours|千瓦时"),
    **_forms("measure", "MWh", "mwh|megawatt-hours|megawatt hours|兆瓦时"),
    **_forms("measure", "GWh", "gwh|gigawatt-hours|gigawatt hours"),
    **_forms("measure", "TWh", "twh|terawatt-hours|terawatt hours"),
    **_forms("measure", "TEU", "teu|teus|标箱|标准箱"),
}
# Chinese counters: "280万辆" is a count of 辆 (vehicles). Never compared, kept for drafting.
for _counter in "家个辆人名项台件座所户套次部款条位艘架只张篇种颗批支间栋枚例份场届":
    UNIT_WORDS[_counter] = UnitWord("count", _counter)

# Measures of one dimension compare by converting to its base unit (exact metric factors only).
DIMENSIONS: dict[str, tuple[str, float]] = {
    "km²": ("area", 1e6),
    "m²": ("area", 1.0),
    "ha": ("area", 1e4),
    "km": ("length", 1e3),
    "m": ("length", 1.0),
    "t": ("mass", 1e3),
    "kg": ("mass", 1.0),
    "W": ("power", 1.0),
    "Wh": ("energy", 1.0),
    "kW": ("power", 1e3),
    "MW": ("power", 1e6),
    "GW": ("power", 1e9),
    "TW": ("power", 1e12),
    "kWh": ("energy", 1e3),
    "MWh": ("energy", 1e6),
    "GWh": ("energy", 1e9),
    "TWh": ("energy", 1e12),
}
# How a slide writes a canonical unit (format_number's ``unit``).
SLIDE_UNITS = {"%": "%", "pp": " pp", "x": "x"}

# --------------------------------------------------------------------------- currencies
# Symbols and codes written before a number. "¥" is yen or yuan: it agrees with JPY and CNY.
CURRENCY_BEFORE: dict[str, str] = {
    "$": "USD",
    "us$": "USD",
    "u.s.$": "USD",
    "hk$": "HKD",
    "nt$": "TWD",
    "s$": "SGD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "nz$": "NZD",
    "r$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": "¥",
    "cn¥": "CNY",
    "jp¥": "JPY",
    "₦": "NGN",
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "₱": "PHP",
    "₫": "VND",
    "฿": "THB",
    "rmb": "CNY",
    "rs": "INR",
    "rs.": "INR",
    "ksh": "KES",
    "人民币": "CNY",
}
# Forms written in mixed case before a number (codes count only in capitals).
CURRENCY_MIXED = ("Rs", "Rs.", "KSh", "Ksh", "rmb", "Rmb")
CODES = (
    "USD EUR GBP JPY CNY NGN HKD INR KRW CHF AUD CAD SGD ZAR KES GHS BRL MXN TWD RUB TRY SEK NOK "
    "DKK PLN IDR VND THB PHP MYR EGP AED SAR"
).split()
CURRENCY_BEFORE.update({code.lower(): code for code in CODES})
# Currency words written after a number ("50 billion yuan", "280亿元").
CURRENCY_AFTER: dict[str, str] = {
    "dollars": "USD",
    "dollar": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "hong kong dollars": "HKD",
    "singapore dollars": "SGD",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "new taiwan dollars": "TWD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "naira": "NGN",
    "rupees": "INR",
    "rupee": "INR",
    "won": "KRW",
    "swiss francs": "CHF",
    "francs": "CHF",
    "元": "CNY",
    "人民币": "CNY",
    "美元": "USD",
    "欧元": "EUR",
    "英镑": "GBP",
    "日元": "JPY",
    "港元": "HKD",
    "港币": "HKD",
    "奈拉": "NGN",
}
CURRENCY_AFTER.update({code.lower(): code for code in CODES})
for _word, _code in CURRENCY_AFTER.items():
    UNIT_WORDS.setdefault(_word, UnitWord("money", _code))
# How a slide writes a currency before the number.
CURRENCY_SYMBOLS = {
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "CNY": "¥",
    "JPY": "¥",
    "¥": "¥",
    "NGN": "₦",
    "HKD": "HK$",
}
CURRENCY_SYMBOLS.update({"INR": "₹", "KRW": "₩", "TWD": "NT$", "SGD": "S$", "AUD": "A$", "CAD": "C$"})

# --------------------------------------------------------------------------- number words
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}
HAN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
HAN_UNITS = {"十": 10, "百": 100, "千": 1000}
HAN_NUMERAL = "零〇一二两三四五六七八九十百千万点"


def han_number(text: str) -> float | None:
    """A number written in Chinese numerals ("三十五", "二点五", "一百零八"); None if it is not one."""
    whole, _, decimals = text.partition("点")
    if not whole or any(c not in HAN_DIGITS for c in decimals):
        return None
    total, myriads, digit = 0, 0, 0
    for char in whole:
        if char in HAN_DIGITS:
            digit = HAN_DIGITS[char]
        elif char in HAN_UNITS:
            total += (digit or 1) * HAN_UNITS[char]
            digit = 0
        elif char == "万":
            myriads += (total + digit) * 10_000
            total, digit = 0, 0
        else:
            return None
    value = float(myriads + total + digit)
    if decimals:
        value += float("0." + "".join(str(HAN_DIGITS[c]) for c in decimals))
    return value
