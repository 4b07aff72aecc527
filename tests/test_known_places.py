"""The gazetteer of every Chinese division and of world places: coverage, resolution, matching in text."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.nlu.known_places import Division, KnownPlaces, WorldPlace
from tools.gazetteer.hangul_pinyin import pinyin_to_hangul, split_pinyin

PLACES_DIR = Path(__file__).resolve().parents[1] / "data" / "places"
NAME_FIELDS = ("zh", "zh_hant", "ko", "ko_sino", "en", "pinyin")
# Places and districts of data/places that are no Chinese division: a region, the country, a development zone.
NOT_DIVISIONS = {"huanan": "region", "china": "country", "etown": "development zone"}


@pytest.fixture(scope="module")
def places() -> KnownPlaces:
    return KnownPlaces.default()


def _covered() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(PLACES_DIR.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        out.append((doc["slug"], doc["names"]))
        out += [(d["slug"], d["names"]) for d in doc.get("districts") or []]
    return out


COVERED = _covered()


# --- coverage ------------------------------------------------------------------------------------


def test_every_level_of_division_is_there(places: KnownPlaces) -> None:
    levels = Counter(d.level for d in places.divisions.values())
    assert levels["province"] == 34  # 31 provinces, municipalities and autonomous regions + HK, Macau, Taiwan
    assert 330 <= levels["prefecture"] <= 350
    assert 2800 <= levels["county"] <= 3100
    assert places.form_count > 25_000


def test_world_places_cover_countries_and_large_cities(places: KnownPlaces) -> None:
    kinds = Counter(w.kind for w in places.world)
    assert kinds["country"] >= 240
    assert kinds["city"] >= 300
    assert kinds["region"] >= 40
    assert all(w.ko and w.zh for w in places.world if w.kind == "country")


def test_the_data_is_written_in_nfkc_with_plain_spaces(places: KnownPlaces) -> None:
    forms = [f for d in places.divisions.values() for f in d.forms()] + [f for w in places.world for f in w.forms()]
    assert all(unicodedata.is_normalized("NFKC", f) and " ".join(f.split()) == f for f in forms)


def test_divisions_hang_on_their_province(places: KnownPlaces) -> None:
    for d in places.divisions.values():
        province = places.province_of(d)
        assert province.level == "province"
        assert province.adcode[:2] == d.adcode[:2]
        if d.level != "province":
            assert d.parent in places.divisions


def test_every_division_resolves_from_its_chinese_names(places: KnownPlaces) -> None:
    generic = {"城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "中区", "市中区", "新区"}
    for d in places.divisions.values():
        if d.name in generic:
            continue
        assert d in places.lookup(d.name), d.name
        assert d in places.lookup(d.name_hant), d.name_hant


def test_korean_suffixed_forms_are_generated(places: KnownPlaces) -> None:
    xian = _division(places, "西安市")
    assert (xian.ko, xian.ko_full, xian.ko_sino, xian.ko_sino_full) == ("시안", "시안시", "서안", "서안시")
    shaanxi = _division(places, "陕西省")
    assert (shaanxi.short, shaanxi.ko_full, shaanxi.ko_sino_full, shaanxi.en) == ("陕西", "산시성", "섬서성", "Shaanxi")
    changsha = _division(places, "长沙市")
    assert (changsha.ko_full, changsha.ko_sino_full, changsha.pinyin) == ("창사시", "장사시", "changsha")
    yanbian = _division(places, "延边朝鲜族自治州")
    assert (yanbian.short, yanbian.name_hant) == ("延边", "延邊朝鮮族自治州")
    assert _division(places, "单县").short == "单县"  # one character without its suffix: the full name stays


def _division(places: KnownPlaces, name: str) -> Division:
    found = [p for p in places.lookup(name) if isinstance(p, Division) and p.name == name]
    assert found, name
    return found[0]


# --- data/places resolves ------------------------------------------------------------------------


@pytest.mark.parametrize(("slug", "names"), COVERED, ids=[slug for slug, _ in COVERED])
def test_every_covered_place_resolves_from_each_of_its_names(
    places: KnownPlaces, slug: str, names: dict[str, Any]
) -> None:
    for field in NAME_FIELDS:
        name = names.get(field)
        if not name:
            continue
        found = places.lookup(name)
        divisions = [p for p in found if isinstance(p, Division) and names["zh"] in (p.short, p.name)]
        if slug in NOT_DIVISIONS:
            assert not divisions, (slug, field, name)
            continue
        assert divisions, (slug, field, name)
        hits = places.find(name)
        assert len(hits) == 1 and hits[0].span == (0, len(name)), (field, name, hits)
        assert any(c in divisions for c in hits[0].candidates)


def test_the_country_is_a_world_place_not_a_division(places: KnownPlaces) -> None:
    for name in ("中国", "중국", "China", "中國", "People's Republic of China"):
        found = places.lookup(name)
        assert [(w.kind, w.code) for w in found if isinstance(w, WorldPlace)] == [("country", "CN")], name
        assert len(found) == 1


# --- finding places in text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("시안", "西安"),
        ("서안", "西安"),
        ("西安", "西安"),
        ("Xi'an", "西安"),
        ("xian", "西安"),
        ("시안시", "西安"),
        ("합비", "合肥"),
        ("허페이", "合肥"),
        ("合肥", "合肥"),
        ("Hefei", "合肥"),
        ("정저우", "郑州"),
        ("郑州", "郑州"),
        ("Zhengzhou", "郑州"),
        ("장사시", "长沙"),
        ("하얼빈", "哈尔滨"),
        ("Harbin", "哈尔滨"),
        ("후허하오터", "呼和浩特"),
        ("대만", "台湾"),
        ("홍콩", "香港"),
        ("Hong Kong", "香港"),
    ],
)
def test_uncovered_divisions_are_found(places: KnownPlaces, text: str, name: str) -> None:
    hits = places.find(text)
    assert [h.name for h in hits] == [name]
    assert hits[0].division is not None and hits[0].province is not None


@pytest.mark.parametrize(
    ("text", "kind", "code"),
    [
        ("하노이", "city", "VN"),
        ("Hanoi", "city", "VN"),
        ("河内", "city", "VN"),
        ("베를린", "city", "DE"),
        ("Berlin", "city", "DE"),
        ("柏林", "city", "DE"),
        ("태국", "country", "TH"),
        ("Thailand", "country", "TH"),
        ("泰国", "country", "TH"),
        ("베트남", "country", "VN"),
        ("Ontario", "region", "CA"),
        ("조호르", "region", "MY"),
        ("加州", "region", "US"),
        ("오사카", "city", "JP"),  # geonames spells it 오사카 시
    ],
)
def test_world_places_are_found(places: KnownPlaces, text: str, kind: str, code: str) -> None:
    hits = places.find(text)
    assert len(hits) == 1
    world = hits[0].world
    assert world is not None and (world.kind, world.code) == (kind, code)
    assert hits[0].province is None


def test_a_hit_says_where_it_is_and_what_it_is(places: KnownPlaces) -> None:
    text = "정저우에서 산력권 200만 위안 쓰면?"
    [hit] = places.find(text)
    assert (hit.form, hit.span, text[hit.start : hit.end]) == ("정저우", (0, 3), "정저우")
    assert (hit.level, hit.name, hit.province and hit.province.short, hit.province and hit.province.adcode) == (
        "prefecture",
        "郑州",
        "河南",
        "410000",
    )
    [english] = places.find("is there a compute voucher in Xi'an?")
    assert english.form == "Xi'an" and english.name == "西安"


def test_several_places_in_one_message_come_left_to_right(places: KnownPlaces) -> None:
    assert [h.name for h in places.find("不是北京，是深圳")] == ["北京", "深圳"]
    assert [h.name for h in places.find("청두 말고 충칭 산력권")] == ["成都", "重庆"]
    assert [h.name for h in places.find("베트남 하노이 지원금")] == ["越南", "河内"]


def test_the_longest_form_wins(places: KnownPlaces) -> None:
    [hit] = places.find("呼和浩特市的算力券")
    assert hit.form == "呼和浩特市"
    [korean] = places.find("시안시 데이터 쿠폰")
    assert korean.form == "시안시"


def test_a_shared_form_lists_every_place_best_first(places: KnownPlaces) -> None:
    [shanxi] = places.find("산시성")
    assert sorted(c.name for c in shanxi.candidates if isinstance(c, Division)) == ["山西省", "陕西省"]
    [xian] = places.find("西安")
    assert xian.level == "prefecture" and len(xian.candidates) >= 2  # 西安市 before the two 西安区


@pytest.mark.parametrize(
    "text",
    [
        "오늘 날씨 어때",
        "how much is the compute voucher",
        "算力券多少",
        "장사 잘 돼?",  # 장사 (trade) is 长沙 only as 장사시
        "1.5억 위안 구매 시 보조금은?",  # 위안 구매 is not 위안구 (裕安区)
        "5만 위안구매하면",
        "开发区的政策有哪些",
        "안전한 정안 문의",
        "what is the maximum subsidy for a startup",
        "最高补贴多少钱",
        "남A센터에서 사야만 됨?",  # 사야 (must buy), not 沙雅县
        "후커우 없으면 집 못 사?",  # 户口, not 湖口县
        "盐水鸭哪家好吃",  # brine, not 盐水区
    ],
)
def test_ordinary_sentences_name_no_place(places: KnownPlaces, text: str) -> None:
    assert places.find(text) == []


def test_latin_forms_need_word_boundaries(places: KnownPlaces) -> None:
    assert places.find("chefeid") == []
    assert places.find("subsidies and a draft") == []  # "and a" is not 安达 (anda)
    assert [h.name for h in places.find("(Hefei)")] == ["合肥"]
    assert [h.name for h in places.find("Hong Kong compute")] == ["香港"]  # written with its space
    assert [h.name for h in places.find("Ürümqi, Xinjiang")] == ["乌鲁木齐", "新疆"]
    assert places.find("Ürümqis") == []


def test_a_county_name_inside_a_common_word_is_not_taken(places: KnownPlaces) -> None:
    assert places.find("推动创新和应用") == []  # 创新 + 和, not 新和县
    assert [h.name for h in places.find("新和县的政策")] == ["新和"]
    assert places.find("광쩌우") == []  # 광쩌 (光泽) is only a county's name before a particle or a space
    assert [h.name for h in places.find("쉬후이구에서")] == ["徐汇"]


def test_program_names_of_the_data_are_no_places(places: KnownPlaces) -> None:
    assert places.find('"算力浦江"算力券') == []  # a Shanghai program, not 浦江县


def test_covered_divisions_know_their_slug_and_come_first(places: KnownPlaces) -> None:
    covered = {d.covered for d in places.divisions.values() if d.covered}
    expected = {slug for slug, _ in COVERED} - set(NOT_DIVISIONS)
    assert covered == expected
    [hit] = places.find("황푸구 산력권")  # 黄浦区 (Shanghai) and 黄埔区 (Guangzhou): the covered one first
    assert hit.division is not None and hit.division.covered == "huangpu"
    assert {c.name for c in hit.candidates if isinstance(c, Division)} == {"黄浦区", "黄埔区"}


def test_extra_stop_forms_are_not_matched() -> None:
    places = KnownPlaces.load(extra_stop=["시안"])
    assert places.find("시안 산력권") == []
    assert [h.name for h in places.find("시안시 산력권")] == ["西安"]


# --- the Korean transliteration of pinyin --------------------------------------------------------


@pytest.mark.parametrize(
    ("pinyin", "hangul"),
    [
        ("xi'an", "시안"),
        ("xian", "셴"),
        ("changsha", "창사"),
        ("hefei", "허페이"),
        ("zhengzhou", "정저우"),
        ("chengdu", "청두"),
        ("shenzhen", "선전"),
        ("guangzhou", "광저우"),
        ("qingdao", "칭다오"),
        ("tianjin", "톈진"),
        ("chongqing", "충칭"),
        ("harbin", "하얼빈"),
        ("haerbin", "하얼빈"),
        ("huhehaote", "후허하오터"),
        ("jiujiang", "주장"),  # ㅈ ㅉ ㅊ + ㅠ -> ㅜ
        ("xuzhou", "쉬저우"),
        ("lüliang", "뤼량"),
        ("yuanjiang", "위안장"),
        ("guiyang", "구이양"),
        ("wenzhou", "원저우"),
        ("sichuan", "쓰촨"),
        ("zizhou", "쯔저우"),
    ],
)
def test_pinyin_to_hangul(pinyin: str, hangul: str) -> None:
    assert pinyin_to_hangul(pinyin) == hangul


def test_pinyin_that_is_no_pinyin_gives_none() -> None:
    assert pinyin_to_hangul("paris") is None
    assert pinyin_to_hangul("london") is None
    assert split_pinyin("") is None


# Names of data/places whose Korean is not a transliteration of their pinyin (translated or conventional).
TRANSLITERATION_EXCEPTIONS = {"etown": "경제기술개발구 is translated", "china": "중국 is the conventional form"}


def test_transliteration_agrees_with_the_korean_names_in_data_places() -> None:
    checked = 0
    for slug, names in COVERED:
        if slug in TRANSLITERATION_EXCEPTIONS or not names.get("ko") or not names.get("pinyin"):
            continue
        assert pinyin_to_hangul(names["pinyin"]) == names["ko"], slug
        checked += 1
    assert checked >= 35


def test_the_nearest_covered_places_of_an_uncovered_one(places: KnownPlaces) -> None:
    [hefei] = places.find("합비")
    assert hefei.division is not None
    nearest = places.nearest_covered(hefei.division)
    assert [d.covered for d, _ in nearest][:1] == ["wuhu"]  # 芜湖, about 100 km away
    assert 50 < nearest[0][1] < 150
    assert [d for d, _ in nearest] == sorted((d for d, _ in nearest), key=lambda d: dict(nearest)[d])
    [hanoi] = places.find("하노이")
    assert hanoi.world is not None and hanoi.world.lat is not None
    assert places.nearest_covered(hanoi.world)[0][0].covered in {"nanning", "guangxi"}


def test_a_rare_korean_word_is_a_place_only_before_a_program_word() -> None:
    """정주 is a Korean word and 郑州's Sino-Korean name: "정주 산력권" asks about Zhengzhou, "정주하려면" does not;
    a common word ("위안" after an amount, "통해", "지난") never becomes a place."""
    known = KnownPlaces.default()
    asks = lambda after: after.lstrip().startswith(("산력권", "컴퓨팅", "AI"))  # noqa: E731
    assert [h.key for h in known.find("정주 산력권 얼마에여", asks)] == ["정주"]
    assert [h.province.name for h in known.find("정주 산력권 얼마에여", asks) if h.province] == ["河南省"]
    assert [h.province.name for h in known.find("장사 AI 정책 뭐있음", asks) if h.province] == ["湖南省"]
    assert known.find("정주하려면 비자 뭐 필요해", asks) == []
    assert known.find("50만 위안 컴퓨팅 쿠폰", asks) == [] and known.find("지난 AI 정책", asks) == []
