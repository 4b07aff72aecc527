"""The three string catalogs have the same keys and the same placeholders."""

from __future__ import annotations

import string

import pytest

from bot.core.i18n import CATALOGS, t
from bot.domain.schema import ProgramType


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_catalogs_have_the_same_keys() -> None:
    """No language lacks a message the others have."""
    keys = {lang: set(catalog) for lang, catalog in CATALOGS.items()}
    assert keys["ko"] == keys["en"] == keys["zh"]


def test_placeholders_match_across_languages() -> None:
    """A translation uses exactly the placeholders of the English text."""
    for key, english in CATALOGS["en"].items():
        for lang in ("ko", "zh"):
            assert _fields(CATALOGS[lang][key]) == _fields(english), (lang, key)


def test_every_program_type_has_a_name_in_each_language() -> None:
    """Program types are named in every language."""
    for ptype in ProgramType:
        for catalog in CATALOGS.values():
            assert f"type.{ptype.value}" in catalog


@pytest.mark.parametrize(
    ("heard", "expected"),
    [
        ("300만 위안", "300만 위안이 아니라"),
        ("우시", "우시가 아니라"),
        ("30%", "30%가 아니라"),
        ("2,000만", "2,000만이 아니라"),
        ("Xi'an", "Xi'an이(가) 아니라"),  # a name in Latin letters: both particles, as Korean writing does
    ],
)
def test_korean_particles_follow_the_last_syllable(heard: str, expected: str) -> None:
    """{x:이/가} picks the particle the value's last syllable takes (위안이, 우시가, 퍼센트가)."""
    assert expected in t("ko", "check.wrong", heard=heard, recorded="800만 위안")
