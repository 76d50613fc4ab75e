"""Reading documents: text encodings, PDFs (real ones, made here), HTML, and bad input."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_image_only_pdf, make_pdf
from parlgraph.ingest import ReadError, iter_sources, read_document

SENTENCE = "De Kamer heeft de motie Van Nispen en Simons (28 638, nr. 194) aangenomen."


def test_utf8_text_is_read_as_is(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text("Den Haag, 9 oktober 2023\nD. Yeşilgöz-Zegerius\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.text == "Den Haag, 9 oktober 2023\nD. Yeşilgöz-Zegerius\n"
    assert doc.warnings == []
    assert len(doc.sha256) == 64


def test_cp1252_falls_back_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "oud.txt"
    path.write_bytes("Coördinatiecommissie – € 5 miljoen".encode("cp1252"))
    doc = read_document(path)
    assert doc.text == "Coördinatiecommissie – € 5 miljoen"
    assert len(doc.warnings) == 1 and "cp1252" in doc.warnings[0] and str(path) in doc.warnings[0]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty document"),
        (b"   \n\n  \t\n", "empty document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"Kamerstuk \x81\x8d\x8f\x90\x9d nr. 5", "unknown text encoding"),
    ],
)
def test_bad_text_files_get_one_line_naming_the_file(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "slecht.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError) as err:
        read_document(path)
    message = str(err.value)
    assert message.startswith(str(path)) and problem in message and "\n" not in message


def test_pdf_text_layer_is_read_page_by_page(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "brief.pdf", [SENTENCE, "De Minister van Justitie en Veiligheid,"])
    doc = read_document(path)
    assert "28 638, nr. 194" in doc.text
    assert doc.text.index("nr. 194") < doc.text.index("De Minister van Justitie")
    assert "\f" in doc.text  # the page break stays visible to the layout analysis


def test_pdf_without_text_layer_is_reported(tmp_path: Path) -> None:
    path = make_image_only_pdf(tmp_path / "scan.pdf")
    with pytest.raises(ReadError, match="without a text layer") as err:
        read_document(path)
    assert str(err.value).startswith(str(path))


def test_encrypted_pdf_is_reported(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "geheim.pdf", [SENTENCE], encrypt_with="s3cret")
    with pytest.raises(ReadError, match="encrypted PDF") as err:
        read_document(path)
    assert str(err.value).startswith(str(path))


def test_truncated_pdf_is_reported(tmp_path: Path) -> None:
    whole = make_pdf(tmp_path / "heel.pdf", [SENTENCE] * 3).read_bytes()
    path = tmp_path / "half.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(ReadError) as err:
        read_document(path)
    assert str(err.value).startswith(str(path)) and "\n" not in str(err.value)


def test_html_is_read_as_text_without_markup_or_scripts(tmp_path: Path) -> None:
    path = tmp_path / "brief.html"
    path.write_text(
        "<html><head><title>Brief</title><script>var nr = '32 317, nr. 9';</script></head>"
        f"<body><p>{SENTENCE}</p><p>Den&nbsp;Haag, 9 oktober 2023</p></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert SENTENCE in doc.text
    assert "Den\xa0Haag, 9 oktober 2023" in doc.text
    assert "var nr" not in doc.text and "<p>" not in doc.text


def test_directories_are_walked_recursively_in_order_and_missing_paths_reported(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK")  # not a supported kind: not walked into
    items = list(iter_sources([tmp_path, tmp_path / "ontbreekt.txt"]))
    assert items[:2] == [tmp_path / "a.txt", tmp_path / "b" / "2.txt"]
    assert isinstance(items[2], ReadError) and "no such file" in str(items[2])
    assert len(items) == 3
