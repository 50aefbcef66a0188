"""The boilerplate data file: its loader and the trailing-line stripper."""

from __future__ import annotations

from pathlib import Path

import pytest

from thucydides.errors import ConfigError
from thucydides.evaluation.paths import gold_dir
from thucydides.ingest.boilerplate import default_boilerplate, load_boilerplate

GOLD = gold_dir()
SEED = GOLD / "seed" / "armenia_russia.txt" if GOLD else None


def test_trailing_share_and_mobile_lines_are_stripped() -> None:
    text = "Armenia froze ties.\n\nMoscow objected.\n\nShare.\nExit mobile version"
    assert default_boilerplate().strip_trailing(text) == "Armenia froze ties.\n\nMoscow objected."


def test_cookie_notice_and_share_widgets_at_the_end_are_stripped() -> None:
    text = (
        "Armenia froze ties.\nShare this article\nFacebook\nTwitter\nRelated posts:\n"
        "We use cookies to improve your experience.\nAccept all cookies\n"
    )
    assert default_boilerplate().strip_trailing(text) == "Armenia froze ties."


def test_boilerplate_words_inside_the_text_are_kept() -> None:
    text = "Share.\nArmenia will share intelligence.\nRelated posts\nMoscow objected.\n"
    assert default_boilerplate().strip_trailing(text) == text


def test_text_without_boilerplate_is_unchanged() -> None:
    assert (
        default_boilerplate().strip_trailing("Armenia froze ties.\n\n") == "Armenia froze ties.\n\n"
    )


@pytest.mark.skipif(SEED is None, reason="shared gold data not present")
def test_seed_document_keeps_its_prefix() -> None:
    assert SEED is not None
    raw = SEED.read_text(encoding="utf-8")
    kept = default_boilerplate().strip_trailing(raw)
    assert raw.startswith(kept)
    assert kept.endswith("the differences between Armenia and Russia.")
    assert raw[len(kept) :] == "\n\nShare.\nExit mobile version"


def test_invalid_regex_in_the_data_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "bp.yaml"
    path.write_text(
        "version: 1\nlines:\n  - pattern: 'share('\nhtml:\n  drop_tags: []\n  drop_attr: 'x'\n"
    )
    with pytest.raises(ConfigError, match=r"lines\.0: invalid regular expression"):
        load_boilerplate(path)


def test_missing_section_in_the_data_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "bp.yaml"
    path.write_text("version: 1\nlines: []\n")
    with pytest.raises(ConfigError, match="html: Field required"):
        load_boilerplate(path)


def test_packaged_data_file_loads() -> None:
    rules = default_boilerplate()
    assert rules.is_boilerplate_line("  Exit mobile version ")
    assert not rules.is_boilerplate_line("Armenia may share data.")
    assert "nav" in rules.drop_tags
