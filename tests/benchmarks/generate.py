"""A seeded, offline generator of realistic parliamentary documents for benchmarks.

Documents are recombined from the sample corpus's paragraphs. Each copy gets other dossier
numbers, ondernummers, dates and surnames, so that a large corpus has many distinct Kamerstukken,
meetings and people (as a decade of real papers would) instead of the same few repeated. The
same seed gives the same corpus.

    python tests/benchmarks/generate.py 2000 /tmp/corpus-2000 --seed 7
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "corpus"

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
SURNAMES = ["Van Ginneken", "Kuik", "Brekelmans", "Van Raan", "Van Weerdenburg", "Podt", "Ceder", "Bikker",
            "Van der Plas", "Mutluer", "Omtzigt", "Eerdmans", "Koekkoek", "Bontenbal", "Dassen", "Sneller",
            "Van Nispen", "Simons", "Michon-Derkzen", "Ellian", "Paternotte", "Stoffer", "Kathmann", "Van Baarle"]
DOSSIERS = ["32317", "26643", "22112", "29754", "21501-33", "36200-VI", "19637", "35913", "28638", "30821",
            "31839", "34843", "36410-VI", "21501-02", "29279", "33826", "36560-VI", "24587", "32824", "36334"]

KAMERSTUK = re.compile(r"(Kamerstuk(?:ken)?(?: I{1,2})?,?(?: \d{4}[/–-]\d{2,4},)? )(\d{2}[ .]?\d{3})((?:,)? nr\. ?)(\d{1,4})")
DATE = re.compile(r"\b([1-9]|[12]\d|3[01]) (" + "|".join(MONTHS) + r") (20\d\d)\b")
MOTIE = re.compile(r"(motie (?:van het lid )?)(Van [A-Z][a-z]+|[A-Z][a-z]+)")


def paragraphs() -> list[str]:
    """The sample corpus split into paragraphs (blank-line separated), long enough to carry content."""
    out: list[str] = []
    for path in sorted(SAMPLES.glob("*.txt")):
        for para in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            if len(para.strip()) > 80:
                out.append(para.strip("\n"))
    return out


def _vary(para: str, rng: random.Random) -> str:
    def kamerstuk(m: re.Match[str]) -> str:
        dossier = rng.choice(DOSSIERS).replace("-", " ")
        return f"{m.group(1)}{dossier}{m.group(3)}{rng.randint(1, 3999)}"

    def date(m: re.Match[str]) -> str:
        return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2014, 2025)}"

    def motie(m: re.Match[str]) -> str:
        return m.group(1) + rng.choice(SURNAMES)

    para = KAMERSTUK.sub(kamerstuk, para)
    para = DATE.sub(date, para)
    return MOTIE.sub(motie, para)


def generate(n: int, out_dir: Path, seed: int = 1, min_paras: int = 4, max_paras: int = 40) -> list[Path]:
    """Write n documents into out_dir; returns their paths."""
    rng = random.Random(seed)
    pool = paragraphs()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        k = rng.randint(min_paras, max_paras)
        opening = f"Den Haag, {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2014, 2025)}\n\n"
        body = "\n\n".join(_vary(rng.choice(pool), rng) for _ in range(k))
        path = out_dir / f"gen_{seed}_{i:06d}.txt"
        path.write_text(opening + body + "\n", encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="how many documents")
    ap.add_argument("out", type=Path, help="folder to write them to")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    paths = generate(args.n, args.out, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
