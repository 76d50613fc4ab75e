"""Reading source files into text: plain text, PDF (its text layer) and HTML.

The text returned here is what a document's mention offsets index. Every failure is a
:class:`ReadError` whose message is one line naming the file, so a batch can report it and go on.
"""
from __future__ import annotations

import hashlib
import logging
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

SUPPORTED = {".txt": "text", ".text": "text", ".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html"}
BINARY_SNIFF = 8192
# Extraction costs about 2 CPU seconds and 65 MB of memory per MB of text (10 MB: 18 s, 640 MB), so
# this limit means minutes and gigabytes; real papers, even whole verslagen with annexes, are a few MB.
# Larger files are refused up front rather than exhausting the machine.
DEFAULT_MAX_BYTES = 50_000_000
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


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
                yield _regular(Path(dirpath) / name)
    yield from errors


def _regular(path: Path) -> Path | ReadError:
    """A file found by walking, unless it is a named pipe or device: reading one could block forever."""
    try:
        mode = path.stat().st_mode
    except OSError as err:
        return ReadError(path, f"cannot read file ({err.strerror or err})")
    if stat.S_ISREG(mode):
        return path
    return ReadError(path, "not a regular file (a named pipe, socket or device); skipped")


def read_document(path: Path, max_bytes: int | None = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read one file as text; files over ``max_bytes`` (None: no limit) are refused unread."""
    kind = SUPPORTED.get(path.suffix.lower(), "text")
    try:
        with path.open("rb") as fh:
            # One byte over the limit is enough to refuse, and a file that grows while read stays bounded.
            data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
    except OSError as err:
        raise ReadError(path, f"cannot read file ({err.strerror or err})") from err
    if max_bytes is not None and len(data) > max_bytes:
        raise ReadError(path, f"too large: over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    warnings: list[str] = []
    if kind == "pdf":
        text = _pdf_text(path, data, warnings)
    elif kind == "html":
        text = _html_text(_decode(path, data, warnings))
    else:
        text = _decode(path, data, warnings)
    if not text.strip():
        raise ReadError(path, "empty document: no text to read")
    return SourceDocument(path, text, hashlib.sha256(text.encode("utf-8")).hexdigest(), warnings)


def _decode(path: Path, data: bytes, warnings: list[str]) -> str:
    if data.startswith(UTF16_BOMS):
        # Windows editors save "Unicode" text as UTF-16: NUL bytes, but text all the same.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise ReadError(path, f"damaged UTF-16 text (byte {err.start})") from err
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


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = " ".join(record.getMessage().split())
        if message not in self.messages:
            self.messages.append(message)


@contextmanager
def _pdf_log() -> Iterator[_Collect]:
    """pypdf's complaints about a damaged file, caught instead of printed without the file's name."""
    logger = logging.getLogger("pypdf")
    collect = _Collect()
    logger.addHandler(collect)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield collect
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate


def _pdf_text(path: Path, data: bytes, warnings: list[str]) -> str:
    with _pdf_log() as log:
        text = _pdf_pages(path, data)
    if log.messages:
        warnings.append(f"{path}: damaged PDF, read anyway ({'; '.join(log.messages[:3])})")
    return text


def _pdf_pages(path: Path, data: bytes) -> str:
    import io

    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(path, "encrypted PDF: cannot read it without the password")
        # A page break becomes a form feed on a line of its own, so layout analysis sees it.
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except Exception as err:  # pypdf fails on broken files in many ways (even RecursionError, ZeroDivisionError)
        detail = " ".join(str(err).split())[:200]
        raise ReadError(path, f"damaged or unreadable PDF ({type(err).__name__}: {detail})") from err
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
