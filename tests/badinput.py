"""A generator of bad and adversarial input for the robustness tests, written at run time.

Nothing here is committed as a binary: every file is made from the sample corpus's paragraphs
(realistic Dutch parliamentary text) or from a few bytes, into a directory the test owns. Each
bad file comes with what parlgraph must say about it: a phrase of its one-line error, or ``None``
when it must be extracted like any other document.

    python tests/badinput.py /tmp/bad      # writes the small corpus, for a look by hand
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))
from conftest import CORPUS, make_image_only_pdf, make_pdf  # noqa: E402

MB = 1_000_000
SENTENCE = "De Kamer heeft de motie Van Nispen en Simons (Kamerstuk 28 638, nr. 194) aangenomen."


@dataclass(frozen=True, slots=True)
class BadFile:
    name: str
    problem: str | None  # a phrase of the one-line error; None: extracted normally


@cache
def paragraphs() -> tuple[str, ...]:
    """Paragraphs of the sample corpus (blank-line separated, with their line breaks)."""
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        out += [p.strip("\n") for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if len(p.strip()) > 80]
    return tuple(out)


def realistic_text(size: int, one_line: bool = False) -> str:
    """About ``size`` characters of parliamentary prose; on a single line if asked."""
    sep = " " if one_line else "\n\n"
    block = sep.join(p.replace("\n", " ") if one_line else p for p in paragraphs()) + sep
    return (block * (size // len(block) + 1))[:size]


def write_big_text(path: Path, size: int) -> Path:
    """A text file of ``size`` bytes of realistic prose, written in blocks (never all in memory)."""
    block = realistic_text(MB).encode("utf-8")[: MB - 8]
    block = block.decode("utf-8", "ignore").encode("utf-8")
    with path.open("wb") as fh:
        left = size
        while left > 0:
            piece = block[:left]
            fh.write(piece)
            left -= len(piece)
    return path


def footnote_markers(count: int) -> str:
    """Short body sentences with ``count`` footnote markers glued to words, and notes at the foot."""
    body = "\n".join(f"Zie de nota{i % 999 + 1}." for i in range(count))
    notes = "\n".join(f"{n} Kamerstuk 32 317, nr. {n}" for n in range(1, 1000))
    return body + "\n" + notes + "\n"


def nested_html(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + SENTENCE + "</div>" * depth + "</body></html>"


MALFORMED_HTML = (
    '<html><head><title>Verslag<title><script>var x = "</p>";</script></head'
    '<body><p class="a <b>onafgesloten<p>' + SENTENCE + "<div><span><<>>&&amp;&#xZZZ;&#99999999;"
    '<!-- nooit gesloten commentaar <p>tekst'
)

# Text that looks like a PDF text layer gone wrong: long runs of what the patterns key on.
ADVERSARIAL = {
    "digits": lambda n: " ".join(str(i % 100000) for i in range(n // 6)),
    "nr": lambda n: "nr. " * (n // 4),
    "kamerstuk": lambda n: "Kamerstuk 36 200 VI, " * (n // 21),
    "hyphens": lambda n: "-" * n,
    "hyphen_lines": lambda n: "woord-\n" * (n // 7),
    "capitals": lambda n: "Van Der De Den Het " * (n // 19),
    "dates": lambda n: "9 oktober 2023, " * (n // 16),
    "formfeeds": lambda n: "1\n\f\n" * (n // 4),
    "footnote_lines": lambda n: "".join(f"{i % 999 + 1} Zie\n" for i in range(n // 8)),
    "motie": lambda n: "de motie van het lid " * (n // 21),
    "quotes": lambda n: "“" * (n // 2) + "”" * (n // 2),
    "parentheses": lambda n: "(" * (n // 2) + ")" * (n // 2),
}


def write_bad_corpus(directory: Path) -> dict[str, BadFile]:
    """The small bad files, each beside a good document; returns them by file name."""
    directory.mkdir(parents=True, exist_ok=True)
    files = [
        BadFile("leeg.txt", "empty document"),
        BadFile("spaties.txt", "empty document"),
        BadFile("binair.txt", "binary file"),
        BadFile("verkeerde-codering.txt", "unknown text encoding"),
        BadFile("utf16.txt", None),
        BadFile("half.pdf", "PDF"),
        BadFile("versleuteld.pdf", "encrypted PDF"),
        BadFile("scan.pdf", "without a text layer"),
        BadFile("scheef.pdf", None),  # read, with a warning naming it
        BadFile("diep.html", None),
        BadFile("kapot.html", None),
        BadFile("latin1.txt", None),
        BadFile("goed.txt", None),
        BadFile("brief.pdf", None),
    ]
    (directory / "leeg.txt").write_bytes(b"")
    (directory / "spaties.txt").write_bytes(b" \n\t\n\f\n")
    (directory / "binair.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    # Bytes that cp1252 leaves undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d): no 8-bit reading fits.
    (directory / "verkeerde-codering.txt").write_bytes(SENTENCE.encode("latin-1") + b" \x81\x8d\x8f\x90\x9d")
    (directory / "utf16.txt").write_bytes(SENTENCE.encode("utf-16"))  # Windows "Unicode": a BOM, then UTF-16
    whole = make_pdf(directory / "heel.pdf", [SENTENCE] * 3).read_bytes()
    (directory / "heel.pdf").unlink()
    (directory / "half.pdf").write_bytes(whole[: len(whole) // 3])
    # The cross-reference offset off by a few bytes, as after a careless edit: pypdf recovers.
    skewed = re.sub(rb"startxref\s+(\d+)", lambda m: b"startxref\n%d" % (int(m.group(1)) + 7), whole)
    (directory / "scheef.pdf").write_bytes(skewed)
    make_pdf(directory / "versleuteld.pdf", [SENTENCE], encrypt_with="geheim")
    make_image_only_pdf(directory / "scan.pdf")
    (directory / "diep.html").write_text(nested_html(100_000), encoding="utf-8")
    (directory / "kapot.html").write_text(MALFORMED_HTML, encoding="utf-8")
    (directory / "latin1.txt").write_bytes(("Coördinatie: " + SENTENCE).encode("cp1252"))
    (directory / "goed.txt").write_text(realistic_text(20_000), encoding="utf-8")
    make_pdf(directory / "brief.pdf", [SENTENCE, "De Minister van Justitie en Veiligheid,"])
    return {f.name: f for f in files}


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/parlgraph-badinput")
    for name, bad in write_bad_corpus(target).items():
        print(f"{target / name}\t{bad.problem or 'ok'}")
