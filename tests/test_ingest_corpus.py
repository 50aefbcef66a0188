"""read_corpus: folders walked recursively, languages checked, every skip reported."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from thucydides.ingest import IngestItem, read_corpus, read_inputs
from thucydides.ingest.language import guess_language, is_wanted
from thucydides.records import Document

ENGLISH = "Armenia froze its membership in the CSTO on Friday, the prime minister told parliament."
FRENCH = "L'Arménie a gelé vendredi sa participation à l'alliance militaire dirigée par Moscou."
GERMAN = "Armenien hat am Freitag seine Mitgliedschaft im Militärbündnis eingefroren."


def corpus(sources: list[Path], **kwargs: object) -> list[IngestItem]:
    return list(read_corpus([str(s) for s in sources], **kwargs))  # type: ignore[arg-type]


def test_folder_is_read_recursively_files_before_subfolders_with_relative_ids(
    tmp_path: Path,
) -> None:
    (tmp_path / "2024" / "05").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b.txt").write_text("Baku welcomed the decision.")
    (tmp_path / "2024" / "05" / "a.html").write_text("<p>Moscow objected to the move.</p>")
    (tmp_path / "2024" / "a.txt").write_text("Armenia froze ties.")
    (tmp_path / ".cache" / "x.txt").write_text("hidden")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    items = corpus([tmp_path], langs=None)
    found = [(item.outcome, item.document.id if item.document else item.source) for item in items]
    assert found == [
        ("read", "b"),
        ("unsupported-file", str(tmp_path / "notes.docx")),
        ("read", "2024/a"),
        ("read", "2024/05/a"),
    ]


def test_read_inputs_leaves_skipped_files_out(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Armenia froze ties.")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    assert list(read_inputs([str(tmp_path)])) == [
        Document(id="a", text="Armenia froze ties.", origin=str(tmp_path / "a.txt"))
    ]


def test_folder_without_readable_files_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert [str(e) for e in read_inputs([str(tmp_path / "empty")])] == [
        f"{tmp_path / 'empty'}: no readable files in folder"
    ]


def test_non_english_documents_are_skipped_and_counted(tmp_path: Path) -> None:
    for name, text in (("en", ENGLISH), ("fr", FRENCH), ("de", GERMAN)):
        (tmp_path / f"{name}.txt").write_text(text)
    items = corpus([tmp_path])
    assert Counter(item.outcome for item in items) == {"read": 1, "language": 2}
    assert [(item.lang, item.skipped) for item in items] == [
        ("de", "language"),
        ("en", None),
        ("fr", "language"),
    ]
    assert items[0].detail.startswith("language de (") and items[0].detail.endswith("want en")


def test_lang_option_chooses_the_languages_kept(tmp_path: Path) -> None:
    for name, text in (("en", ENGLISH), ("fr", FRENCH)):
        (tmp_path / f"{name}.txt").write_text(text)
    kept = [i.document.id for i in corpus([tmp_path], langs=["FR"]) if i.document and i.accepted]
    assert kept == ["fr"]
    everything = corpus([tmp_path], langs=None)
    assert [(item.accepted, item.lang) for item in everything] == [(True, None), (True, None)]


def test_short_english_headline_ranked_as_another_language_is_kept() -> None:
    # From the ConfliBERT training set: py3langid ranks it first as Nigerian Pidgin ("pcm").
    guess = guess_language("Congo government rejects demands from rebel group.")
    assert guess.lang != "en" and is_wanted(guess)


def test_errors_are_items_too(tmp_path: Path) -> None:
    [item] = corpus([tmp_path / "missing.txt"])
    assert (item.outcome, str(item.error)) == ("error", f"{tmp_path / 'missing.txt'}: no such file")
