"""JSONL inputs: one document a line, one error per bad line, gold files read as they are."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from thucydides.errors import InputError
from thucydides.evaluation.paths import gold_dir
from thucydides.ingest import read_inputs
from thucydides.records import Document

GOLD = gold_dir()


def read(path: Path, **kwargs: object) -> list[Document | str]:
    items = read_inputs([str(path)], **kwargs)  # type: ignore[arg-type]
    return [str(item) if isinstance(item, InputError) else item for item in items]


def write_lines(path: Path, lines: list[object]) -> Path:
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_each_line_is_a_document_with_its_fields(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "docs.jsonl",
        [
            {"id": "a", "text": "Armenia froze ties.\r\nShare.", "date": "2024-05-09",
             "title": "T", "url": "https://example.org/a", "source": "wire", "events": []},
            "",
            {"id": "b", "text": "Moscow objected."},
        ],
    )  # fmt: skip
    assert read(path, default_date=dt.date(2020, 1, 1)) == [
        Document(
            id="a",
            text="Armenia froze ties.",
            date=dt.date(2024, 5, 9),
            title="T",
            url="https://example.org/a",
            source="wire",
            origin=f"{path}:1",
        ),
        Document(id="b", text="Moscow objected.", date=dt.date(2020, 1, 1), origin=f"{path}:3"),
    ]


def test_html_record_is_extracted(tmp_path: Path) -> None:
    page = '<html><head><meta property="og:title" content="Page title"></head><body>'
    page += "<nav>Home</nav><p>Armenia froze ties.</p><p>Share.</p></body></html>"
    path = write_lines(tmp_path / "d.jsonl", [{"id": "h", "text": page, "format": "html"}])
    assert read(path) == [
        Document(id="h", text="Armenia froze ties.", title="Page title", origin=f"{path}:1")
    ]


def test_bad_lines_are_reported_one_each_and_the_rest_is_read(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "d.jsonl",
        [
            {"id": "a", "text": "Armenia froze ties."},
            "{bad",
            {"id": "b"},
            [1, 2],
            {"id": "c", "text": "x", "date": "May 9"},
            {"id": 5, "text": "x"},
            {"id": "", "text": "x"},
            {"id": "d", "text": "  "},
            {"id": "e", "text": "x", "format": "pdf"},
            {"id": "f", "text": "x", "date": 20240509},
            {"id": "a", "text": "Again."},
            {"id": "g", "text": "Moscow objected."},
        ],
    )
    p = str(path)
    assert read(path) == [
        Document(id="a", text="Armenia froze ties.", origin=f"{p}:1"),
        f"{p}: line 2: invalid JSON: Expecting property name enclosed in double quotes (column 2)",
        f"{p}: line 3: missing field 'text'",
        f"{p}: line 4: expected a JSON object, got an array",
        f"{p}: line 5: invalid date 'May 9': expected YYYY-MM-DD",
        f"{p}: line 6: field 'id' must be a string, got a number",
        f"{p}: line 7: field 'id' is empty",
        f"{p}: line 8: empty text (only whitespace)",
        f"{p}: line 9: field 'format' must be 'text' or 'html', got 'pdf'",
        f"{p}: line 10: field 'date' must be a string, got a number",
        f"{p}: line 11: duplicate document id 'a' (first at {p}:1)",
        Document(id="g", text="Moscow objected.", origin=f"{p}:12"),
    ]


def test_line_that_is_not_utf8_is_reported_alone(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "ok"}\n')
    assert read(path) == [
        f"{path}: line 1: not UTF-8 text (byte 0xe9 at offset 24)",
        Document(id="b", text="ok", origin=f"{path}:2"),
    ]


def test_binary_and_empty_jsonl_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "bin.jsonl").write_bytes(b'{"id": "a"}\x00\x01')
    (tmp_path / "empty.jsonl").write_text("\n\n")
    results = [
        str(e) for e in read_inputs([str(tmp_path / "bin.jsonl"), str(tmp_path / "empty.jsonl")])
    ]
    assert results == [
        f"{tmp_path}/bin.jsonl: binary file (contains NUL bytes), expected text",
        f"{tmp_path}/empty.jsonl: empty file (no JSONL records)",
    ]


def test_gzipped_jsonl_is_streamed_until_it_breaks(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"d{i}", "text": f"Text {i}."}) for i in range(2000)]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    path = tmp_path / "d.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])  # truncated: the first half still reads
    results = read(path)
    assert isinstance(results[0], Document) and results[0].id == "d0"
    assert isinstance(results[-1], str) and results[-1].endswith("cannot read: truncated gzip file")
    assert all(isinstance(r, Document) for r in results[:-1])


def test_reading_is_lazy(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "d.jsonl", [{"id": "a", "text": "One."}])
    items = read_inputs([str(path)])
    with path.open("a") as handle:  # appended after the call, before iteration
        handle.write(json.dumps({"id": "b", "text": "Two."}) + "\n")
    assert [item.id for item in items if isinstance(item, Document)] == ["a", "b"]


@pytest.mark.skipif(GOLD is None, reason="shared gold data not present")
def test_gold_files_read_without_errors() -> None:
    assert GOLD is not None
    paths = sorted(str(p) for p in GOLD.glob("*/*.gold.jsonl"))
    items = list(read_inputs(paths))
    assert [item for item in items if isinstance(item, InputError)] == []
    seed = next(d for d in items if isinstance(d, Document) and d.id == "seed-armenia-russia")
    assert seed.date == dt.date(2024, 5, 9)
    assert seed.text.endswith("the differences between Armenia and Russia.")
    assert len(items) == 679
