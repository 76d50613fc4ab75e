"""A seeded, offline generator of realistic parliamentary documents for benchmarks.

Documents are recombined from the sample corpus's paragraphs. Each copy gets other dossier
numbers, ondernummers, dates and surnames, so that a large corpus has many distinct Kamerstukken,
meetings and people (as a decade of real papers would) instead of the same few repeated, and ends
with the signatures of one or two bewindspersonen, as a Kamerbrief does.

The spread follows a decade of real papers: a document is dated any day of 2014-2025, but the
dates in its text (mostly council meetings) come from a calendar of eight sittings a year, as
the JBZ-Raad meets six to eight times a year; motions are by some 500 different members, as
a decade of Tweede Kamers has about that many; signatures are by real bewindspersonen of the
posts the samples mention (parlement.com). The same seed gives the same corpus.

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
# Members' surnames are a stem with or without a tussenvoegsel: 6 x 84 of them.
STEMS = ["Ginneken", "Kuik", "Brekelmans", "Raan", "Weerdenburg", "Podt", "Ceder", "Bikker", "Plas", "Mutluer",
         "Omtzigt", "Eerdmans", "Koekkoek", "Bontenbal", "Dassen", "Sneller", "Nispen", "Simons", "Ellian",
         "Paternotte", "Stoffer", "Kathmann", "Baarle", "Berg", "Bosch", "Dijk", "Graaf", "Heuvel", "Jong",
         "Klink", "Leijten", "Meer", "Molen", "Oosten", "Pol", "Ruiter", "Ploeg", "Veen", "Vliet", "Wal",
         "Wijk", "Zanten", "Haan", "Hoek", "Kamp", "Linde", "Mulder", "Noord", "Peters", "Rooij", "Smit",
         "Tol", "Vos", "Werf", "Zwart", "Beek", "Dam", "Geest", "Horst", "Kooij", "Laan", "Maas", "Nieuwenhuis",
         "Poel", "Ree", "Sluis", "Toorn", "Velde", "Wetering", "Akker", "Bruggen", "Dongen", "Engelen", "Gaal",
         "Hamer", "Jansen", "Kessel", "Lingen", "Meulen", "Nes", "Ommen", "Put", "Schouten", "Stek"]
TUSSENVOEGSELS = ["", "Van ", "De ", "Van der ", "Van den ", "Ter "]
SURNAMES = [prefix + stem for stem in STEMS for prefix in TUSSENVOEGSELS]
# (post, signature name) of bewindspersonen of 2014-2025, as parlement.com lists them.
SIGNATURES = [
    ("De Minister van Justitie en Veiligheid", "D. Yeşilgöz-Zegerius"),
    ("De Minister van Justitie en Veiligheid", "F.B.J. Grapperhaus"),
    ("De Minister van Justitie en Veiligheid", "D.M. van Weel"),
    ("De Minister voor Rechtsbescherming", "F.M. Weerwind"),
    ("De Minister voor Rechtsbescherming", "S. Dekker"),
    ("De Staatssecretaris van Justitie en Veiligheid", "E. van der Burg"),
    ("De Staatssecretaris van Justitie en Veiligheid", "A.C. Broekers-Knol"),
    ("De Minister van Buitenlandse Zaken", "W.B. Hoekstra"),
    ("De Minister van Buitenlandse Zaken", "H.G.J. Bruins Slot"),
    ("De Minister van Binnenlandse Zaken en Koninkrijksrelaties", "K.H. Ollongren"),
    ("De Minister van Asiel en Migratie", "M.H.M. Faber-van de Klashorst"),
]
SITTINGS_PER_YEAR = 8
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


def calendar(rng: random.Random) -> list[str]:
    """The dates meetings are held on: a few a year, the same for every document of the corpus."""
    days = []
    for year in range(2014, 2026):
        for month in sorted(rng.sample(range(12), SITTINGS_PER_YEAR)):
            days.append(f"{rng.randint(1, 28)} {MONTHS[month]} {year}")
    return days


def _vary(para: str, rng: random.Random, sittings: list[str]) -> str:
    def kamerstuk(m: re.Match[str]) -> str:
        dossier = rng.choice(DOSSIERS).replace("-", " ")
        return f"{m.group(1)}{dossier}{m.group(3)}{rng.randint(1, 3999)}"

    def date(m: re.Match[str]) -> str:
        return rng.choice(sittings)

    def motie(m: re.Match[str]) -> str:
        return m.group(1) + rng.choice(SURNAMES)

    para = KAMERSTUK.sub(kamerstuk, para)
    para = DATE.sub(date, para)
    return MOTIE.sub(motie, para)


def generate(n: int, out_dir: Path, seed: int = 1, min_paras: int = 4, max_paras: int = 40) -> list[Path]:
    """Write n documents into out_dir; returns their paths."""
    rng = random.Random(seed)
    sittings = calendar(rng)
    pool = paragraphs()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        k = rng.randint(min_paras, max_paras)
        opening = f"Den Haag, {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2014, 2025)}\n\n"
        body = "\n\n".join(_vary(rng.choice(pool), rng, sittings) for _ in range(k))
        signed = "\n\n".join(f"{post},\n{name}" for post, name in rng.sample(SIGNATURES, rng.randint(1, 2)))
        path = out_dir / f"gen_{seed}_{i:06d}.txt"
        path.write_text(f"{opening}{body}\n\n{signed}\n", encoding="utf-8")
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
