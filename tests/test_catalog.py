"""The three string catalogs have the same keys and the same placeholders."""

from __future__ import annotations

import string

from bot.core.i18n import CATALOGS
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
