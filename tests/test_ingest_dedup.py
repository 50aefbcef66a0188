"""Article dedup: exact copies, syndicated near copies, and similar stories that stay apart.

The wire story and its variants below are the calibration set of DedupConfig.min_overlap (see
its docstring): written for this project, not taken from any outlet.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from thucydides.ingest import ArticleDeduplicator, DedupConfig, DuplicateCheck, read_corpus
from thucydides.ingest.duplicates import content_hash
from thucydides.ingest.minhash import MAX_BUFFER, HashIndex, shingle_hashes


def _story(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


WIRE = _story(
    (
        "YEREVAN, May 9 - Armenia froze its participation in the Collective Security Treaty "
        "Organization on Thursday, Prime Minister Nikol Pashinyan told parliament, deepening "
        "a rift with Moscow that has widened since Azerbaijan retook Nagorno-Karabakh last "
        "year."
    ),
    (
        "Pashinyan said the Russian-led alliance had failed to defend Armenia during border "
        "clashes in 2021 and 2022 and that Yerevan would no longer take part in its meetings "
        "or pay its share of the budget."
    ),
    (
        '"The alliance did not fulfil its obligations to us, and we cannot pretend '
        'otherwise," Pashinyan told lawmakers in a session broadcast live on state '
        "television."
    ),
    (
        "The Kremlin said it regretted the decision and that it would continue talks with "
        "Yerevan through diplomatic channels. Foreign Ministry spokeswoman Maria Zakharova "
        "accused Western governments of trying to pull Armenia away from its traditional "
        "allies."
    ),
    (
        "Armenia has hosted a Russian military base in the northern city of Gyumri for "
        "decades and relies on Russia for most of its energy imports, but it has sought "
        "closer ties with the European Union and the United States in recent months."
    ),
    (
        "Analysts said the freeze stopped short of a formal withdrawal, which would require a "
        "vote in parliament, and left room for Yerevan to return to the bloc if relations "
        "improved."
    ),
    (
        "The CSTO groups Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan. Its "
        "secretary general said the organization had not received any formal notification "
        "from Armenia."
    ),
)

PARAS = WIRE.split("\n\n")
# Syndicated copies
DATELINED = (
    WIRE.replace("YEREVAN, May 9 - ", "YEREVAN, May 9 (Reuters) - ")
    + "\n\nReporting by Felix Light; Editing by Mark Heinrich"
)
TRIMMED = "\n\n".join(PARAS[:-2])  # a paper cuts the last two paragraphs
EDITED = (
    WIRE.replace("on Thursday", "Thursday")
    .replace("told parliament", "told the parliament")
    .replace("in recent months", "lately")
    .replace("decades", "many years")
    .replace("Analysts said", "Experts said")
)
REHEADLINED = (
    "Armenia freezes CSTO membership\n\nBy Staff Writer\n\n" + WIRE + "\n\nRead more: Armenia news"
)
COMBINED = (
    "\n\n".join(PARAS[:-1]).replace("on Thursday", "Thursday")
    + "\n\n(c) 2024 Wire Service. All rights reserved."
)
# Distinct but similar
_FOLLOWUP_LEAD = _story(
    (
        "YEREVAN, May 10 - Russia summoned Armenia's ambassador on Friday to protest "
        "Yerevan's decision to freeze its participation in the Collective Security Treaty "
        "Organization, the Russian Foreign Ministry said."
    ),
    (
        "Deputy Foreign Minister Mikhail Galuzin told the envoy that Moscow considered the "
        "move unfriendly and warned of consequences for economic cooperation, including gas "
        "supplies."
    ),
    (
        "Armenian Foreign Minister Ararat Mirzoyan said the ambassador had explained "
        "Yerevan's position and that Armenia remained open to dialogue."
    ),
)
FOLLOWUP = _FOLLOWUP_LEAD + "\n\n" + "\n\n".join(PARAS[3:5]) + "\n\n" + PARAS[6]
TEMPLATE_A = _story(
    (
        "KABUL, March 3 - A roadside bomb killed four police officers and wounded two "
        "civilians in the southern province of Kandahar on Monday, a provincial spokesman "
        "said. The blast struck a patrol vehicle on the main highway outside the provincial "
        "capital shortly after dawn, the spokesman said, adding that an investigation had "
        "been opened. No group immediately claimed responsibility for the attack. The Taliban "
        "have carried out similar attacks on security forces in the province in recent "
        "months, and officials said security on the highway would be increased. The wounded "
        "civilians were taken to the main hospital in the city, where doctors said they were "
        "in stable condition. Police later detained two suspects near the site of the "
        "explosion, the spokesman said."
    ),
)
TEMPLATE_B = (
    TEMPLATE_A.replace("March 3", "March 9")
    .replace("four police officers", "three soldiers")
    .replace("two civilians", "a child")
    .replace("southern province of Kandahar", "eastern province of Nangarhar")
    .replace("on Monday", "on Sunday")
    .replace("patrol vehicle", "military truck")
    .replace("The wounded civilians were", "The wounded child was")
    .replace("they were", "he was")
    .replace("two suspects", "three suspects")
    .replace("police officers", "soldiers")
)

COPIES = {
    "datelined": DATELINED,
    "reheadlined": REHEADLINED,
    "trimmed": TRIMMED,
    "trimmed3": "\n\n".join(PARAS[:-3]),
    "edited": EDITED,
    "combined": COMBINED,
}


def exact_sets(left: str, right: str) -> tuple[float, float]:
    """Jaccard and overlap coefficient of the two texts' exact shingle sets."""
    a, b = set(shingle_hashes(left).tolist()), set(shingle_hashes(right).tolist())
    shared = len(a & b)
    return round(shared / len(a | b), 3), round(shared / min(len(a), len(b)), 3)


def test_calibration_set_has_the_measured_similarities() -> None:
    measured = {name: exact_sets(WIRE, text) for name, text in COPIES.items()}
    measured["followup"] = exact_sets(WIRE, FOLLOWUP)
    measured["template"] = exact_sets(TEMPLATE_A, TEMPLATE_B)
    assert measured == {
        "datelined": (0.937, 0.987),
        "reheadlined": (0.953, 1.0),
        "trimmed": (0.76, 1.0),
        "trimmed3": (0.573, 1.0),
        "edited": (0.825, 0.906),
        "combined": (0.831, 0.947),
        "followup": (0.328, 0.57),
        "template": (0.447, 0.621),
    }


@pytest.mark.parametrize("name", sorted(COPIES))
def test_syndicated_copy_is_a_near_duplicate_of_the_wire_story(name: str) -> None:
    index = ArticleDeduplicator()
    assert index.check("wire", WIRE).duplicate_of is None
    found = index.check(name, COPIES[name])
    assert (found.duplicate_of, found.kind) == ("wire", "near")
    assert found.similarity is not None and found.similarity >= 0.8


def test_follow_up_reusing_background_paragraphs_stays_distinct() -> None:
    index = ArticleDeduplicator()
    index.check("wire", WIRE)
    assert index.check("followup", FOLLOWUP) == DuplicateCheck(content_hash(FOLLOWUP))


def test_templated_report_with_other_place_and_toll_stays_distinct() -> None:
    index = ArticleDeduplicator()
    index.check("kandahar", TEMPLATE_A)
    assert index.check("nangarhar", TEMPLATE_B).duplicate_of is None
    assert len(index) == 2


def test_exact_copy_matches_whatever_its_whitespace() -> None:
    index = ArticleDeduplicator()
    index.check("a", WIRE)
    spaced = WIRE.replace("\n\n", "\n \n").replace(" - ", "  -  ")
    assert index.check("b", spaced) == DuplicateCheck(content_hash(WIRE), "a", "exact", 1.0)


def test_repeat_of_a_near_copy_resolves_to_the_canonical_article() -> None:
    index = ArticleDeduplicator()
    index.check("wire", WIRE)
    index.check("copy", DATELINED)
    assert index.check("again", DATELINED).duplicate_of == "wire"
    assert len(index) == 1


def test_short_texts_are_only_deduplicated_exactly() -> None:
    index = ArticleDeduplicator()
    index.check("a", "Armenia accused Azerbaijan of shelling border villages on Monday.")
    found = index.check("b", "Armenia accused Azerbaijan of shelling border villages on Tuesday.")
    assert found.duplicate_of is None


def test_saved_index_still_recognises_articles(tmp_path: Path) -> None:
    index = ArticleDeduplicator(DedupConfig(seed=7))
    index.check("wire", WIRE)
    index.check("kandahar", TEMPLATE_A)
    index.save(tmp_path / "dedup.npz")
    loaded = ArticleDeduplicator.load(tmp_path / "dedup.npz")
    assert loaded.config == DedupConfig(seed=7) and len(loaded) == 2
    assert loaded.check("copy", TRIMMED).duplicate_of == "wire"
    assert loaded.check("same", TEMPLATE_A).kind == "exact"
    assert loaded.check("new", FOLLOWUP).duplicate_of is None


def test_hash_index_keeps_the_first_value_across_flushes() -> None:
    index = HashIndex()
    index.add_many(np.array([5, 1, 9], np.uint64), 0)
    index.flush()
    index.add_many(np.array([9, 3], np.uint64), 1)
    assert index.get_many(np.array([1, 3, 5, 9, 4], np.uint64)) == [0, 1, 0, 0, None]
    keys, values = index.arrays()
    assert (keys.tolist(), values.tolist()) == ([1, 3, 5, 9], [0, 1, 0, 0])


def test_read_corpus_reports_copies_with_their_canonical_article(tmp_path: Path) -> None:
    lines = [
        {"id": "wire", "text": WIRE},
        {"id": "paper", "text": TRIMMED},
        {"id": "mirror", "text": WIRE},
        {"id": "followup", "text": FOLLOWUP},
    ]
    path = tmp_path / "day.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    items = list(read_corpus([str(path)]))
    assert [
        (i.document.id, i.skipped, i.duplicate_of, i.duplicate_kind) for i in items if i.document
    ] == [
        ("wire", None, None, None),
        ("paper", "duplicate", "wire", "near"),
        ("mirror", "duplicate", "wire", "exact"),
        ("followup", None, None, None),
    ]
    assert items[2].detail == "exact copy of 'wire'"
    assert items[0].content_hash == items[2].content_hash == content_hash(WIRE)


def test_hash_index_merges_its_buffer_once_it_exceeds_the_bound() -> None:
    index = HashIndex()
    keys = np.arange(MAX_BUFFER + 1, dtype=np.uint64)[::-1].copy()
    index.add_many(keys, 7)
    assert index.nbytes == 12 * (MAX_BUFFER + 1)  # all in the sorted arrays, none buffered
    assert index.get_many(np.array([0, MAX_BUFFER, MAX_BUFFER + 1], np.uint64)) == [7, 7, None]
