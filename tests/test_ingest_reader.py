"""read_inputs: text, HTML and stdin inputs, bad inputs as yielded errors, ids and dates."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest

from thucydides.errors import ConfigError, InputError
from thucydides.ingest import parse_date, read_inputs
from thucydides.records import Document

MAY_9 = dt.date(2024, 5, 9)


def read(paths: list[Path | str], **kwargs: object) -> list[Document | str]:
    """Documents as they are, errors as their one-line message."""
    items = read_inputs([str(p) for p in paths], **kwargs)  # type: ignore[arg-type]
    return [str(item) if isinstance(item, InputError) else item for item in items]


def test_text_file_is_one_document_named_by_its_stem(tmp_path: Path) -> None:
    path = tmp_path / "armenia.txt"
    path.write_bytes(
        b"Armenia froze ties.\r\nMoscow objected.\r\n\r\nShare.\r\nExit mobile version"
    )
    assert read([path]) == [
        Document(id="armenia", text="Armenia froze ties.\nMoscow objected.", origin=str(path))
    ]


def test_text_keeps_whitespace_and_unicode_as_is(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    text = "  Armenia\u2019s  premier\tspoke.\n\n"
    path.write_text(text, encoding="utf-8")
    assert read([path]) == [Document(id="a", text=text, origin=str(path))]


def test_default_date_applies_to_undated_documents(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Armenia froze ties.")
    [doc] = read([path], default_date=MAY_9)
    assert isinstance(doc, Document) and doc.date == MAY_9


def test_html_file_yields_article_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        '<html><head><meta property="og:title" content="Armenia freezes CSTO">'
        '<meta property="article:published_time" content="2024-02-23"></head><body>'
        "<nav>Home</nav><p>Armenia froze its CSTO membership.</p><p>Share.</p></body></html>"
    )
    assert read([path], default_date=MAY_9) == [
        Document(
            id="page",
            text="Armenia froze its CSTO membership.",
            date=dt.date(2024, 2, 23),
            title="Armenia freezes CSTO",
            origin=str(path),
        )
    ]


def test_gzipped_text_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(b"Armenia froze ties."))
    assert read([path]) == [Document(id="a", text="Armenia froze ties.", origin=str(path))]


def test_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("Armenia froze ties.")
    assert read([path]) == [Document(id="story", text="Armenia froze ties.", origin=str(path))]


def test_bad_inputs_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"abc\x00def")
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9 noir")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n")
    (tmp_path / "only_share.txt").write_text("Share.\n")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "bad.txt.gz").write_bytes(b"not gzip")
    (tmp_path / "good.txt").write_text("Armenia froze ties.")
    names = ["binary", "latin1", "empty", "blank", "only_share", "folder", "missing", "bad"]
    paths = [tmp_path / f"{name}.txt" for name in names[:-1]] + [tmp_path / "bad.txt.gz"]
    results = read([*paths, tmp_path / "good.txt"])
    assert results[:-1] == [
        f"{tmp_path}/binary.txt: binary file (contains NUL bytes), expected text",
        f"{tmp_path}/latin1.txt: not UTF-8 text (byte 0xe9 at offset 3)",
        f"{tmp_path}/empty.txt: empty file (empty)",
        f"{tmp_path}/blank.txt: empty file (only whitespace)",
        f"{tmp_path}/only_share.txt: no text left after removing site boilerplate",
        f"{tmp_path}/folder.txt: no readable files in folder",
        f"{tmp_path}/missing.txt: no such file",
        f"{tmp_path}/bad.txt.gz: cannot read: not a gzip file",
    ]
    assert results[-1] == Document(
        id="good", text="Armenia froze ties.", origin=f"{tmp_path}/good.txt"
    )


def test_errors_are_input_errors_naming_the_input(tmp_path: Path) -> None:
    [error] = read_inputs([str(tmp_path / "missing.txt")])
    assert isinstance(error, InputError)
    assert (error.source, error.message) == (str(tmp_path / "missing.txt"), "no such file")


def test_duplicate_id_across_files_is_reported_and_skipped(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Text {folder}.")
    results = read([tmp_path / "a" / "story.txt", tmp_path / "b" / "story.txt"])
    assert results == [
        Document(id="story", text="Text a.", origin=f"{tmp_path}/a/story.txt"),
        f"{tmp_path}/b/story.txt: duplicate document id 'story' (first at {tmp_path}/a/story.txt)",
    ]


def test_stdin_plain_text_gets_a_content_hash_id() -> None:
    # sha1(b"Armenia froze ties.\n")[:12] == ac092eef7f75
    results = read(["-"], stdin=io.StringIO("Armenia froze ties.\n"), default_date=MAY_9)
    assert results == [
        Document(id="stdin-ac092eef7f75", text="Armenia froze ties.\n", date=MAY_9, origin="-")
    ]


def test_stdin_html_is_detected() -> None:
    page = "<!DOCTYPE html>\n<html><body><p>Armenia froze ties.</p><p>Share.</p></body></html>"
    [doc] = read(["-"], stdin=io.StringIO(page))
    assert isinstance(doc, Document) and doc.text == "Armenia froze ties."


def test_stdin_jsonl_is_detected_and_streamed() -> None:
    lines = [
        "",
        json.dumps({"id": "a", "text": "Armenia froze ties.", "date": "2024-05-09"}),
        "not json",
        json.dumps({"id": "b", "text": "Moscow objected."}),
    ]
    results = read(["-"], stdin=io.StringIO("\n".join(lines) + "\n"))
    assert results == [
        Document(id="a", text="Armenia froze ties.", date=MAY_9, origin="-:2"),
        "-: line 3: invalid JSON: Expecting value (column 1)",
        Document(id="b", text="Moscow objected.", origin="-:4"),
    ]


def test_stdin_format_can_be_forced() -> None:
    [doc] = read(["-"], stdin=io.StringIO('{"id": "x"}'), stdin_format="text")
    assert isinstance(doc, Document) and doc.text == '{"id": "x"}'


def test_stdin_not_utf8_is_reported_with_its_offset() -> None:
    stream = io.TextIOWrapper(io.BytesIO(b"Armenia\nfroze \xff ties."), encoding="utf-8")
    assert read(["-"], stdin=stream) == ["-: not UTF-8 text (byte 0xff at offset 14)"]


def test_empty_stdin_is_reported() -> None:
    assert read(["-"], stdin=io.StringIO("\n \n")) == ["-: empty input (only whitespace)"]


def test_unknown_stdin_format_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="invalid stdin format 'xml'"):
        read_inputs(["-"], stdin_format="xml")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-09", MAY_9),
        (" 2024-05-09 ", MAY_9),
        ("2024-05-09T23:30:00Z", MAY_9),
        ("2024-05-09T23:30:00+04:00", MAY_9),
    ],
)
def test_parse_date_accepts_iso_days_and_datetimes(value: str, expected: dt.date) -> None:
    assert parse_date(value, "--date") == expected


@pytest.mark.parametrize("value", ["May 9", "2024-5-9", "20240509", "2024-02-30", "09/05/2024"])
def test_parse_date_rejects_anything_else(value: str) -> None:
    with pytest.raises(InputError) as info:
        parse_date(value, "--date")
    assert str(info.value) == f"--date: invalid date {value!r}: expected YYYY-MM-DD"
