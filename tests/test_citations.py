"""Kamerstuk citations: forms found in real Dutch parliamentary papers, and look-alikes that are not."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parlgraph.extract.citations import find_kamerstukken, vergaderjaar
from parlgraph.extract.facts import DocFacts
from parlgraph.extract.metadata import find_metadata
from parlgraph.ingest.layout import clean
from parlgraph.models import Kamerstuk, UnresolvedCitation


def run(text: str) -> DocFacts:
    facts = DocFacts(clean(text))
    find_metadata(facts)
    find_kamerstukken(facts)
    return facts


def ids(text: str) -> list[str]:
    return [e.id for e in run(text).entities("kamerstuk")]


CASES = [
    # generalisation (data/dev): identifiers, en-dash sub-dossiers, "tot en met" ranges
    ("in de brieven van 30 oktober 2023 (kst-36200-XV-43) aan uw Kamer", ["kst-36200-XV-43"]),
    ("zie https://zoek.officielebekendmakingen.nl/kst-21501-02-3021.html voor de agenda", ["kst-21501-02-3021"]),
    ("het verslag (kst-32317-OG) van de Eerste Kamer", ["kst-32317-OG"]),
    ("verwijzend naar de motie (Kamerstuk 21501–02, nr. 2990) over het associatieakkoord", ["kst-21501-02-2990"]),
    ("de rapportages (Kamerstukken II 2022/23, 31 839, nrs. 900 tot en met 902)", ["kst-31839-900", "kst-31839-901", "kst-31839-902"]),
    ("eerder gemeld (Kamerstuk 29 544, nrs. 1230 t/m 1231)", ["kst-29544-1230", "kst-29544-1231"]),
    ("de nadere memorie van antwoord bij de begroting (Kamerstukken I 2024/25, 36 600 XV, C)", ["kst-36600-XV-C"]),
    ("de motie van het lid Dittrich c.s. (Kamerstukken I 2022/23, 35 925 VII, K)", ["kst-35925-VII-K"]),
    ("de beantwoording van het lid Van Kent (Aanhangsel Handelingen II 2024/25, nr. 812)", []),
    ("1 Zie ook Handelingen II 2024/25, nr. 22, item 8.", []),
    ("geïmplementeerd met een wijziging van de wet (Stb. 2024, 317)", []),
    ("niet de URL https://example.org/kst-36200-VI-23-bijlage.pdf of het woord kst-36200", []),
    # the forms of the issue
    ("Zoals eerder aan uw Kamer gemeld (Kamerstuk 32 317, nr. 772).", ["kst-32317-772"]),
    ("3 Kamerstukken II 2022/23, 26643, nr. 1022; Kamerstukken II 2022/23, 26643, nr. 1043.", ["kst-26643-1022", "kst-26643-1043"]),
    ("5 Kamerstukken II, 2022/23, 29754 nr. 690.", ["kst-29754-690"]),
    ("11 BNC-fiche, Kamerstuk 2022-23, 22 112, nr. 3598, onder 3b.", ["kst-22112-3598"]),
    ("Nieuw Actieplan Kapitaalmarktunie, Kamerstukken II 2020-21, 22 112, nr. 2953, onder 3.", ["kst-22112-2953"]),
    ("Kamerstukken 2022-2023, nr. 32317 793, 22 december 2022;", ["kst-32317-793"]),
    ("Kamerstukken 2022-2023, 32 317 nr. 839, 7 juni 2023.", ["kst-32317-839"]),
    ("agenda JBZ-Raad op 28 september 2023 (Kamerstuk 32317, nr.854 en 852)", ["kst-32317-854", "kst-32317-852"]),
    ("16 Kamerstuk 32 317, nrs. 845 en 848.", ["kst-32317-845", "kst-32317-848"]),
    ("zie de brieven (Kamerstuk 36 410, nrs. 1–3) over de begroting", ["kst-36410-1", "kst-36410-2", "kst-36410-3"]),
    ("Verslag van de informele JBZ-Raad (Kamerstuk 32317-849);", ["kst-32317-849"]),
    ("de brief van 5 juli (Kamerstuk 34843-113) over de evaluatie", ["kst-34843-113"]),
    ("naar aanleiding van de motie Van Nispen en Simons (28 638, nr.194) waarin", ["kst-28638-194"]),
    ("het BNC-fiche over de richtlijn (Kamerstuk 22 112, 2962) en", ["kst-22112-2962"]),
    ("de motie van het lid Brekelmans (Kamerstuk 36200 VI, nr. 23) voor gepleit", ["kst-36200-VI-23"]),
    ("3 O.a. Kamerstukken II, 2022-2023, 36200 VI 33, 23 november 2022;", ["kst-36200-VI-33"]),
    ("de motie-Sneller (35300-A, nr. 15) over het Mobiliteitsfonds", ["kst-35300-A-15"]),
    ("het verslag van de Raad Algemene Zaken (21 501-02, nr. 2581).", ["kst-21501-02-2581"]),
    ("3 Kamerstukken II 2021–2022, 35 913, B.", ["kst-35913-B"]),
    ("Eerder schreef de regering aan de Eerste Kamer (32.317, OC) dat", ["kst-32317-OC"]),
    ("Kamerbrief van 18 september 2023 (Kamerstuk 26643/34843, nr. 1069) die op verzoek", ["kst-26643-1069"]),
    ("voorkoming van seksueel misbruik (Kamerstuk \n26643, nr. 1069) ", ["kst-26643-1069"]),
    ("1 Verslag van de JBZ Raad van 4 en 5 december 2023 (Kamerstuk 32 317, \nnr. 866).", ["kst-32317-866"]),
    # more forms from Kamerstukken, Handelingen and rechtspraak
    ("Memorie van toelichting, Kamerstukken II 2005/06, 30 316, nr. 3, p. 7–8.", ["kst-30316-3"]),
    ("(Kamerstukken II, 1999-2000, 26 271, nr. 6, p. 15-16)", ["kst-26271-6"]),
    ("Kamerstukken II 1991-1992, 22 545, nr.3, blz. 134", ["kst-22545-3"]),
    ("Kamerstukken I 2021/22, 35 925, nr. E", ["kst-35925-E"]),
    ("1 Kamerstukken II 2021/2022, 35 925 IV, nr. 26", ["kst-35925-IV-26"]),
    ("(kamerstukken II 1986/87, 19 700 hoofdstuk XV, nr. 2) werd nogmaals", ["kst-19700-XV-2"]),
    ("(Kamerstukken II 2019/20, 35 300-XV, nr. 28)", ["kst-35300-XV-28"]),
    ("Motie van het lid Sneller c.s., Kamerstukken II 2020/21 35 570-IX, nr. 14", ["kst-35570-IX-14"]),
    ("38 Voorjaarsrapportage 2021, Kamerstukken II 2020/21, 21 501-07, nr. 1750", ["kst-21501-07-1750"]),
    ("50 Kamerstukken II 2015/16,  21 501-30, nr. 374", ["kst-21501-30-374"]),
    ("bij Kamerstukken I 2020/21, 35 570, C; Kamerstukken II 2020/21, 35 570, nr. 3", ["kst-35570-C", "kst-35570-3"]),
    ("Kamerstukken II 2015/16, 34 356 (R2064), nr. 3", ["kst-34356-3"]),
    ("Bijlage bij Kamerstukken II 2013/14, 31 142, nr. 37; bijlage bij Kamerstukken II 2015/16, 31 142, nr. 55",
     ["kst-31142-37", "kst-31142-55"]),
    ("Kst. 33 000 VI, nr. 12", ["kst-33000-VI-12"]),
    ("(Kamerstukken II 2023/24, 36 410 IXB, nr. 5)", ["kst-36410-IXB-5"]),
    ("Zie Tweede Kamer, vergaderjaar 2022–2023, 21 501-20, nr. 1800, p. 3.", ["kst-21501-20-1800"]),
    ("de moties 21 501-32, nrs. 1400, 1401 en 1403", ["kst-21501-32-1400", "kst-21501-32-1401", "kst-21501-32-1403"]),
    ("Kamerstuk 21501-02-2581", ["kst-21501-02-2581"]),
    ("Kamerstukken II 2020-2021, 22 112, Nr. 2957, 5 november 2020;", ["kst-22112-2957"]),
    ("Kamerstukken II, 2016-2017, 22 112, Nr. 2190, 26 augustus 2016;", ["kst-22112-2190"]),
    # not citations
    ("Notulen van de vergadering van 13 oktober 2023 (nr.3786735 en \nnr.3786832)", []),
    ("Conclusies van de coördinatiecommissie d.d. 7 november 2023, \nnr.41 (Minister van BZ)", []),
    ("Op grond van artikel 5, lid 2, van de verordening (COM(2022) 209) en 3,6 miljoen vluchtelingen", []),
    ("zo’n 1.000 hervestigingsaankomsten en 10 000 euro per jaar in 2024–2025", []),
    ("Zie MR 3 november 2023, pt.10 en de Kamerbrief van 26 augustus 2022.", []),
    ("http://paminco.minjus.nl/StreamDoc.aspx?Doctypecode=1&UserFilenaam=Motie%2036200%20VI%2033.pdf", []),
    ("file://ad.minjus.nl/BD/Gebruikers/03/User14/Motie%2032%20317%20nr.%20839.pdf", []),
    ("De kosten bedragen € 12 500, nr. van de factuur ontbreekt", []),
    ("In 2023 zijn 32 317 aanvragen ingediend, 2.500 meer dan in 2022.", []),
    ("32 317 JBZ-Raad \n\nOG  BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID", []),
    ("het document met nummer 32317-849 in de bijlage", []),
    ("zie artikel 12, 345, 678 van het Wetboek", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_citation_ids(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


@pytest.mark.parametrize(
    ("text", "chamber", "year"),
    [
        ("Kamerstukken II 2022/23, 26643, nr. 1022", "II", "2022-2023"),
        ("Kamerstukken I 2021/22, 35 925, nr. E", "I", "2021-2022"),
        ("Kamerstuk 2022-23, 22 112, nr. 3598", None, "2022-2023"),
        ("Zie Tweede Kamer, vergaderjaar 2023–2024, 32 317, nr. 5.", "II", "2023-2024"),
        ("(28 638, nr.194)", None, None),
    ],
)
def test_chamber_and_vergaderjaar(text: str, chamber: str | None, year: str | None) -> None:
    (stuk,) = run(text).entities("kamerstuk")
    assert isinstance(stuk, Kamerstuk)
    assert (stuk.chamber, stuk.vergaderjaar) == (chamber, year)


@pytest.mark.parametrize(
    ("written", "normal"),
    [("2022/23", "2022-2023"), ("2021–2022", "2021-2022"), ("1999/00", "1999-2000"), ("1999/2000", "1999-2000")],
)
def test_vergaderjaar(written: str, normal: str) -> None:
    assert vergaderjaar(written) == normal


def test_co_dossier_is_kept() -> None:
    (stuk,) = run("(Kamerstuk 26643/34843, nr. 1069)").entities("kamerstuk")
    assert isinstance(stuk, Kamerstuk)
    assert stuk.co_dossiers == ["34843"] and stuk.dossier == "26643"


@pytest.mark.parametrize(
    "text",
    [
        "2 Kamerstukken 2020-2021, 22 112, Nr. \n29554 november 2020;",
        "zie Kamerstukken II 2020/21, 35570 en de nota",
        "Kamerstuk 32 317, nrs. 100-900",
    ],
)
def test_unnormalisable_citation_is_reported(text: str) -> None:
    facts = run(text)
    unresolved = facts.entities("unresolved_citation")
    assert len(unresolved) == 1 and isinstance(unresolved[0], UnresolvedCitation)
    assert unresolved[0].id.startswith("unresolved:") and unresolved[0].reason
    assert unresolved[0].mentions[0].text in text


def test_mentions_index_the_original_text() -> None:
    text = "Eerder gemeld (Kamerstuk 32 317, nrs. 845 en\n848) en in de geannoteerde agenda.1\n\n1 Kamerstuk 22 112, nr. 3455.\n"
    facts = run(text)
    for stuk in facts.entities("kamerstuk"):
        for m in stuk.mentions:
            assert text[m.start : m.end] == m.text
    assert [e.id for e in facts.entities("kamerstuk")] == ["kst-32317-845", "kst-32317-848", "kst-22112-3455"]


def test_document_does_not_cite_itself() -> None:
    text = (
        "Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2023–2024\n\n32 317 JBZ-Raad\n\n"
        "Nr. 867  BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID\n\nDen Haag, 15 januari 2024\n\n"
        "Hierbij (Kamerstuk 32 317, nr. 867) en (Kamerstuk 32 317, nr. 866).\n"
    )
    assert ids(text) == ["kst-32317-866"]


def test_adversarial_input_is_fast() -> None:
    import time

    text = ("Kamerstukken II 2022/23, 32 317, nrs. 1, 2, 3 en " * 2000) + ("1 " * 50000) + ("32 317 " * 20000)
    began = time.perf_counter()
    run(text)
    assert time.perf_counter() - began < 5


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Kamerstuk", "Kamerstukken II", " ", "32 317", ", ", "nr. ", "nrs. ", "12", " en ", "–", "\n",
                         "2022/23", "VI", "-02", "B", "/", "(", ")", "%20", "http://x/", "1 ", "oktober"])
        | st.text(max_size=5),
        max_size=40,
    )
)
def test_any_text_gives_valid_mentions(parts: list[str]) -> None:
    text = "".join(parts)
    for entity in run(text):
        for m in entity.mentions:
            assert text[m.start : m.end] == m.text
