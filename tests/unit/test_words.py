"""The word lists of each language (followup.words) and how patterns are made of them."""

from __future__ import annotations

import re

import pytest

from followup.words import BY_LANGUAGE, alternatives


def test_alternatives_join_each_language_in_the_order_given() -> None:
    assert alternatives("UNTIL_PATTERNS") == "until|till|bis|jusqu'(?:à|au)|hasta"
    assert alternatives("UNTIL_PATTERNS", "es en") == "hasta|until|till"
    assert alternatives("HEDGE_PATTERNS", "en").startswith("try to|usually|")


def test_a_list_a_language_does_not_name_is_an_error() -> None:
    with pytest.raises(AttributeError):
        alternatives("SEASON_PATTERNS")  # English only
    with pytest.raises(KeyError):
        alternatives("UNTIL_PATTERNS", "it")


def test_every_pattern_list_holds_alternatives_that_compile_alone() -> None:
    for code, language in BY_LANGUAGE.items():
        for name, value in vars(language).items():
            if not name.endswith("_PATTERNS"):
                continue
            assert isinstance(value, tuple), f"{code}.{name} is a tuple, in its pattern's order"
            for pattern in value:
                assert isinstance(pattern, str) and pattern, f"{code}.{name}: {pattern!r}"
                re.compile(pattern)  # one alternative, whole: no "|" split across items

