"""Document metadata: date, kind, own Kamerstuk id, dossier and title, from openings like the samples'."""
from __future__ import annotations

import pytest

from parlgraph.extract.facts import DocFacts
from parlgraph.extract.metadata import find_metadata
from parlgraph.ingest.layout import clean
from parlgraph.models import DocumentInfo

EK_LETTER = (
    "\nEerste Kamer der Staten-Generaal 1\nVergaderjaar 2023–2024 \n\n32 317 JBZ-Raad \n\n"
    "OG  BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID, DE \nMINISTER VOOR RECHTSBESCHERMING EN DE STAATSSECRE-\n"
    "TARIS VAN JUSTITIE EN VEILIGHEID \n\nAan de Voorzitter van de Eerste Kamer der Staten-Generaal \n\n"
    "Den Haag, 9 oktober 2023 \n\nHierbij bieden wij uw Kamer het verslag aan van de bijeenkomst van de \n"
    "extra ingelaste Raad Justitie en Binnenlandse Zaken (JBZ) op \n28 september 2023 in Brussel.\n"
    "Eerste Kamer, vergaderjaar 2023–2024, 32 317, OG 5\n\n"
)
TK_AGENDA = (
    " Nr. 867  BRIEF VAN DE MINISTERS VAN JUSTITIE EN VEILIGHEID EN \nVOOR RECHTSBESCHERMING\n\n"
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal \n\nDen Haag, 15 januari 2024 \n\n"
    "Hierbij bieden wij, mede namens de Minister van Binnenlandse Zaken, uw Kamer de geannoteerde \n"
    "agenda aan van de informele Raad Justitie en Binnenlandse Zaken op \n25 en 26 januari 2023 in Brussel.\n"
)
VSO = (
    " Datum 17 oktober 2023 \nOnderwerp Beantwoording gestelde vragen tijdens schriftelijk overleg over de \n\n"
    "Hierbij sturen wij uw Kamer de beantwoording van de vragen van de vaste commissie.\n\n"
    "De Minister van Justitie en Veiligheid, \n\nD. Yeşilgöz-Zegerius \n"
    " 32317  JBZ-Raad op 19 en 20 oktober (Algemeen deel)  \n \n\nVerslag van een schriftelijk overleg  \n\n"
    "De vaste commissie voor Justitie en Veiligheid heeft een aantal vragen voorgelegd over de \n"
    "Geannoteerde agenda JBZ-Raad 19 en 20 oktober 2023 (Kamerstuk 32317, nr. 855)\n"
)
BESLUITENLIJST = (
    " \nMINISTERRAAD \n \n Kenmerk         :  4364992 \n\nBESLUITENLIJST \n \n \n"
    "Besluitenlijst van de vergadering gehouden op 10 november 2023  \nin de Trêveszaal van het ministerie\n"
    "_______________________ \n\n0. Vaststelling agenda \nVastgesteld. \n\n"
    "6. Brief aan de Tweede Kamer inzake aanpak sekswerkers (Staatssecretaris van J&V)  \n"
    "Zie MR 3 november 2023, pt.10 \n"
)
MOTIE = (
    "Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2022–2023\n\n36 200 VI Vaststelling van de begrotingsstaten van het "
    "Ministerie van Justitie en Veiligheid (VI) voor het jaar 2023\n\n"
    "Nr. 33  MOTIE VAN HET LID VAN NISPEN C.S.\n\nVoorgesteld 23 november 2022\n\nDe Kamer,\n\n"
    "gehoord de beraadslaging,\n"
)
PLAIN = "Het kabinet verwelkomt de afspraken. De geannoteerde agenda volgt later.\n"


def info(text: str) -> DocumentInfo:
    facts = DocFacts(clean(text))
    find_metadata(facts)
    return facts.info


@pytest.mark.parametrize(
    ("text", "date", "kind", "self_id", "dossier", "dossier_title"),
    [
        (EK_LETTER, "2023-10-09", "brief", "kst-32317-OG", "32317", "JBZ-Raad"),
        (TK_AGENDA, "2024-01-15", "geannoteerde agenda", None, None, None),
        (VSO, "2023-10-17", "verslag schriftelijk overleg", None, "32317", "JBZ-Raad"),
        (BESLUITENLIJST, "2023-11-10", "besluitenlijst", None, None, None),
        (MOTIE, None, "motie", "kst-36200-VI-33", "36200", "Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid"),
        (PLAIN, None, None, None, None, None),
    ],
)
def test_document_info(text: str, date: str | None, kind: str | None, self_id: str | None, dossier: str | None, dossier_title: str | None) -> None:
    got = info(text)
    assert (got.date, got.kind, got.self_id, got.dossier, got.dossier_title) == (date, kind, self_id, dossier, dossier_title)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (EK_LETTER, "BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID, DE MINISTER VOOR RECHTSBESCHERMING EN DE "
                    "STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID"),
        (BESLUITENLIJST, "Besluitenlijst van de vergadering gehouden op 10 november 2023"),
        (VSO, "Verslag van een schriftelijk overleg"),
    ],
)
def test_title(text: str, title: str) -> None:
    assert info(text).title == title


@pytest.mark.parametrize(
    ("opening", "date"),
    [
        ("Den Haag, 18 september 2023\n", "2023-09-18"),
        ("'s-Gravenhage, 1 mei 2019\n", "2019-05-01"),
        ("Datum 17 oktober 2023\nOnderwerp Iets\n", "2023-10-17"),
        ("Datum: 03-07-2024\nOnderwerp Iets\n", "2024-07-03"),
        ("Besluitenlijst van de vergadering gehouden op 10 november 2023\n", "2023-11-10"),
        ("Den Haag, 31 februari 2023\n", None),
    ],
)
def test_date_places(opening: str, date: str | None) -> None:
    assert info(opening + "Hierbij informeer ik uw Kamer.\n").date == date
