"""Reading source files into text: plain text, PDF (its text layer) and HTML.

The text returned here is what a document's mention offsets index. Every failure is a
:class:`ReadError` whose message is one line naming the file, so a batch can report it and go on.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

SUPPORTED = {".txt": "text", ".text": "text", ".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html"}
BINARY_SNIFF = 8192


class ReadError(Exception):
    """A file that cannot be read as a document; ``str()`` is one line naming the file."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


@dataclass(slots=True)
class SourceDocument:
    path: Path
    text: str
    sha256: str
    warnings: list[str] = field(default_factory=list)


def iter_sources(paths: Iterable[Path | str]) -> Iterator[Path | ReadError]:
    """The files to read under ``paths``, directories walked recursively in name order.

    A path that does not exist or a directory that cannot be read is yielded as a ReadError
    in its place, so the caller can report it and carry on.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        else:
            yield ReadError(path, "no such file or directory")


def _walk(root: Path) -> Iterator[Path | ReadError]:
    def onerror(err: OSError) -> None:
        errors.append(ReadError(err.filename or root, f"cannot read directory ({err.strerror})"))

    errors: list[ReadError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        dirnames.sort()
        yield from errors
        errors.clear()
        for name in sorted(filenames):
            if Path(name).suffix.lower() in SUPPORTED and not name.startswith("."):
                yield Path(dirpath) / name
    yield from errors


def read_document(path: Path) -> SourceDocument:
    kind = SUPPORTED.get(path.suffix.lower(), "text")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ReadError(path, f"cannot read file ({err.strerror or err})") from err
    warnings: list[str] = []
    if kind == "pdf":
        text = _pdf_text(path, data)
    elif kind == "html":
        text = _html_text(_decode(path, data, warnings))
    else:
        text = _decode(path, data, warnings)
    if not text.strip():
        raise ReadError(path, "empty document: no text to read")
    return SourceDocument(path, text, hashlib.sha256(text.encode("utf-8")).hexdigest(), warnings)


def _decode(path: Path, data: bytes, warnings: list[str]) -> str:
    if b"\x00" in data[:BINARY_SNIFF]:
        raise ReadError(path, "binary file, not text (NUL bytes); expected UTF-8 text, PDF or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise ReadError(path, f"unknown text encoding: neither UTF-8 nor cp1252 (byte {err.start})") from err
    warnings.append(f"{path}: not UTF-8; read as cp1252 (Windows-1252)")
    return text


def _pdf_text(path: Path, data: bytes) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(path, "encrypted PDF: cannot read it without the password")
        # A page break becomes a form feed on a line of its own, so layout analysis sees it.
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, NotImplementedError) as err:
        raise ReadError(path, f"damaged or unreadable PDF ({type(err).__name__}: {err})".replace("\n", " ")) from err
    text = "\n\f\n".join(pages)
    if not text.replace("\f", "").strip():
        raise ReadError(path, "PDF without a text layer (scanned?); run OCR first")
    return text


class _TextOfHTML(HTMLParser):
    BLOCKS = frozenset(
        "p div br li ul ol tr table h1 h2 h3 h4 h5 h6 section article header footer blockquote pre dt dd title".split()
    )
    SKIP = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _html_text(markup: str) -> str:
    parser = _TextOfHTML()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    # Collapse the blank lines that markup indentation leaves, but keep paragraph breaks.
    lines = [line.strip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"
