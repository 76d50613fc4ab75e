"""Councils and their meetings: real sentences in the style of the Kamerstukken, and what they name."""
from __future__ import annotations

import pytest

from parlgraph.extract.councils import find_councils
from parlgraph.extract.facts import DocFacts
from parlgraph.ingest.layout import clean
from parlgraph.models import Council, Meeting


def run(text: str, date: str | None = "2023-10-17", kind: str | None = None) -> DocFacts:
    facts = DocFacts(clean(text))
    facts.info.date, facts.info.kind = date, kind
    find_councils(facts)
    return facts


def councils(facts: DocFacts) -> set[str]:
    return {e.label for e in facts.entities("council")}


def meetings(facts: DocFacts) -> set[tuple[str, str]]:
    return {(e.council, e.start) for e in facts.entities("meeting") if isinstance(e, Meeting)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De Minister voor Rechtsbescherming neemt deel aan de JBZ-Raad.", {"JBZ-Raad"}),
        ("de geannoteerde agenda van de Raad\nJustitie en Binnenlandse Zaken", {"JBZ-Raad"}),
        ("het verslag van de JBZ Raad", {"JBZ-Raad"}),
        ("Dit voorstel ligt voor in Coreper (Comité van permanent vertegenwoordigers).", {"Coreper"}),
        ("waarmee het Comité van Permanente Vertegenwoor-\ndigers instemde", {"Coreper"}),
        ("Het kabinet zal dit aan de orde stellen in de Raad Algemene Zaken.", {"Raad Algemene Zaken"}),
        ("Op verzoek van de Europese Raad in het najaar van 2022 ...", {"Europese Raad"}),
        ("zal het voorstel aanhangig maken bij de Afdeling advisering van de Raad van State.", {"Raad van State"}),
        ("De ministerraad heeft ingestemd met het wetsvoorstel.", {"Ministerraad"}),
        ("MINISTERRAAD\n\nBESLUITENLIJST", {"Ministerraad"}),
        ("Het kabinet pleit in Schengenraad-verband al enige tijd voor ...", {"Schengenraad"}),
        ("De Eurogroep en de Ecofinraad spraken over de begroting.",
         {"Eurogroep", "Raad Economische en Financiële Zaken"}),
        ("de geannoteerde agenda van de Landbouw- en Visserijraad", {"Raad Landbouw en Visserij"}),
        ("tijdens de EPSCO-Raad in Luxemburg",
         {"Raad Werkgelegenheid, Sociaal Beleid, Volksgezondheid en Consumentenzaken"}),
        ("Raad Buitenlandse Zaken (Defensie)", {"Raad Buitenlandse Zaken"}),
        ("Besluit van de Raad van de Europese Unie", {"Raad van de Europese Unie"}),
        # negatives: not these councils, or no council at all
        ("vaste commissie voor Immigratie en Asiel / JBZ-Raad", set()),
        ("Het Spaanse voorzitterschap is voornemens om tijdens deze Raad tot een akkoord te komen.", set()),
        ("Verordening (EU) 2024/1351 van het Europees Parlement en de Raad", set()),
        ("Dit voorstel voor een Raadspositie is met gekwalificeerde meerderheid aangenomen.", set()),
        ("Tijdens de JBZ-Raad zullen de JBZ-Ministers spreken.", {"JBZ-Raad"}),
        ("De JBZ-Ministers spraken over migratie.", set()),
        ("volgens de Europese Raad voor Vluchtelingen en Ballingen", set()),
        ("de Rijksministerraad besloot", set()),
        ("het advies van de Onderwijsraad en de Gezondheidsraad", set()),
        ("De Raad van Europa nam een verdrag aan.", set()),
        ("de MR van de school stemde in", set()),
    ],
)
def test_councils(text: str, expected: set[str]) -> None:
    assert councils(run(text)) == expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("JBZ-Raad van 19 en 20 oktober 2023", "2023-10-17", {("JBZ-Raad", "2023-10-19")}),
        ("Verslag van de extra ingelaste JBZ-Raad van 28 september 2023", "2023-10-17", {("JBZ-Raad", "2023-09-28")}),
        ("Tijdens de JBZ-Raad van 20–21 juli jl. kondigde de Commissie aan", "2023-09-18",
         {("JBZ-Raad", "2023-07-20")}),
        ("reeds tijdens Coreper van 25 juli jl. voorlag", "2023-10-09", {("Coreper", "2023-07-25")}),
        ("2 Raad Buitenlandse Zaken d.d. 13 november 2023", "2023-11-10", {("Raad Buitenlandse Zaken", "2023-11-13")}),
        ("3 Raad Buitenlandse Zaken (Defensie) d.d. 14 november 2023", "2023-11-10",
         {("Raad Buitenlandse Zaken", "2023-11-14")}),
        ("de geannoteerde agenda van de Raad Justitie en Binnenlandse Zaken op 28 september 2023 in Brussel",
         "2023-09-18", {("JBZ-Raad", "2023-09-28")}),
        ("dat in Comité van Permanente Vertegenwoordigers van 26 juli onder de lidstaten", "2023-09-18",
         {("Coreper", "2023-07-26")}),
        ("vóór de eerstvolgende JBZ-Raad (van 4 en 5 december 2023) via het Comité", "2023-10-17",
         {("JBZ-Raad", "2023-12-04")}),
        ("In het verslag van de JBZ-Raad van 4-5 december jl. is reeds", "2024-01-15", {("JBZ-Raad", "2023-12-04")}),
        ("Geannoteerde agenda van de informele bijeenkomst van de Raad\n"
         "Justitie en Binnenlandse Zaken, 25 en 26 januari",
         "2024-01-15", {("JBZ-Raad", "2024-01-25")}),
        ("waarmee het Comité van Permanente Vertegenwoordigers op\n20 december jl. instemde", "2024-01-15",
         {("Coreper", "2023-12-20")}),
        ("Raad Justitie en Binnenlandse Zaken (JBZ) op\n28 september 2023 in Brussel", "2023-10-09",
         {("JBZ-Raad", "2023-09-28")}),
        ("de formele JBZ-Raad die op 8 en 9 juni 2023 in Luxemburg plaatsvindt", "2023-05-30",
         {("JBZ-Raad", "2023-06-08")}),
        ("de Raad Algemene Zaken van 12 december a.s.", "2023-11-28", {("Raad Algemene Zaken", "2023-12-12")}),
        ("de Europese Raad van 30 november en 1 december", "2023-11-20", {("Europese Raad", "2023-11-30")}),
        ("Op 4 oktober jl. agendeerde het Voorzitterschap daarom opnieuw een compromisvoorstel voor het "
         "Comité van Permanente Vertegenwoordigers (Coreper).", "2023-10-09", {("Coreper", "2023-10-04")}),
        # "jl." and "a.s." decide the year even against the nearest reading
        ("In de JBZ-Raad van 8 en 9 december jl. is gesproken over", "2023-06-30", {("JBZ-Raad", "2022-12-08")}),
        ("de Raad Algemene Zaken van 4 december a.s.", "2023-06-01", {("Raad Algemene Zaken", "2023-12-04")}),
        # generalisation (data/dev): coordinated councils, "vindt plaats op", a debate named after a council
        ("de geannoteerde agenda voor de Eurogroep en de Ecofinraad van 20 en 21 januari 2025", "2025-01-10",
         {("Eurogroep", "2025-01-20"), ("Raad Economische en Financiële Zaken", "2025-01-20")}),
        ("De volgende Landbouw- en Visserijraad vindt plaats op 27 januari 2025.", "2024-12-19",
         {("Raad Landbouw en Visserij", "2025-01-27")}),
        ("de EPSCO-Raad die wordt gehouden op 10 maart 2025 in Brussel", "2025-02-13",
         {("Raad Werkgelegenheid, Sociaal Beleid, Volksgezondheid en Consumentenzaken", "2025-03-10")}),
        ("in het commissiedebat over de JBZ-Raad van 12 en 13 december jl. vroeg het lid", "2024-12-19",
         {("JBZ-Raad", "2024-12-12")}),
        ("conform de toezegging tijdens het commissiedebat Landbouw- en Visserijraad van 4 december jl.", "2024-12-19",
         set()),
        ("het schriftelijk overleg JBZ-Raad van 3 oktober jl.", "2024-10-10", set()),
        ("de Eurogroep en de Ecofinraad hebben hierover gesproken op een later moment", "2025-01-10", set()),
        # negatives: no meeting
        ("Op 24 januari zal, voorafgaand aan de informele JBZ-Raad, een bijeenkomst plaatsvinden.", "2024-01-15",
         set()),
        ("via de bijzondere Europese Raad van februari 2023", "2023-10-17", set()),
        ("het advies van de Raad van State van 3 mei 2023", "2023-10-17", set()),
        ("De Raad heeft op 4 oktober een Raadspositie aangenomen.", "2023-10-17", set()),
        ("de aanstaande JBZ-Raad in oktober", "2023-09-18", set()),
        ("tijdens de JBZ-Raad 2 voorstellen", "2023-09-18", set()),
    ],
)
def test_meetings(text: str, date: str, expected: set[tuple[str, str]]) -> None:
    assert meetings(run(text, date)) == expected


@pytest.mark.parametrize(
    ("text", "date", "start", "end", "informal"),
    [
        ("JBZ-Raad van 19 en 20 oktober 2023", "2023-10-17", "2023-10-19", "2023-10-20", False),
        ("de informele JBZ-Raad van 20–21 juli", "2023-09-18", "2023-07-20", "2023-07-21", True),
        ("Verslag van de informele JBZ-Raad van 20-21 juli 2023", "2023-10-17", "2023-07-20", "2023-07-21", True),
        ("Geannoteerde agenda JBZ-Raad 19 en 20 oktober 2023", None, "2023-10-19", "2023-10-20", False),
        ("de extra ingelaste JBZ-Raad van 28 september 2023", "2023-10-09", "2023-09-28", None, False),
        ("de Europese Raad van 30 december en 1 januari 2024", None, "2023-12-30", "2024-01-01", False),
    ],
)
def test_meeting_fields(text: str, date: str | None, start: str, end: str | None, informal: bool) -> None:
    (meeting,) = run(text, date).entities("meeting")
    assert isinstance(meeting, Meeting)
    assert (meeting.start, meeting.end, meeting.informal) == (start, end, informal)
    assert meeting.id == f"meeting:{meeting.council.lower()}:{start}".replace(" ", "-")


BESLUITENLIJST = """MINISTERRAAD

 Kenmerk : 4364992

BESLUITENLIJST

Besluitenlijst van de vergadering gehouden op 10 november 2023
in de Trêveszaal van het ministerie van Algemene Zaken

1a. Notulen van de vergadering van 13 oktober 2023 (nr.3786735 en
nr.3786832)
Vastgesteld.

6. Brief aan de Tweede Kamer inzake aanpak versterking sociale en
juridische positie sekswerkers (Staatssecretaris van J&V)
Zie MR 3 november 2023, pt.10
"""


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (BESLUITENLIJST, "besluitenlijst",
         {("Ministerraad", "2023-11-10"), ("Ministerraad", "2023-10-13"), ("Ministerraad", "2023-11-03")}),
        (BESLUITENLIJST, None,
         {("Ministerraad", "2023-11-10"), ("Ministerraad", "2023-10-13"), ("Ministerraad", "2023-11-03")}),
        # a committee's decision list records its own meetings, not the Ministerraad's
        ("Besluitenlijst procedurevergadering vaste commissie voor Justitie en Veiligheid\n"
         "De besluitenlijst van de vergadering van 12 oktober 2023 is vastgesteld. Het kabinet meldt dat de\n"
         "ministerraad heeft ingestemd.", "besluitenlijst", set()),
        ("In de brief staat: zie MR 3 november 2023.", "brief", set()),
    ],
)
def test_ministerraad_records(text: str, kind: str | None, expected: set[tuple[str, str]]) -> None:
    facts = run(text, "2023-11-10", kind)
    assert meetings(facts) == expected
    if expected:
        assert "Ministerraad" in councils(facts)


def test_council_fields_and_offsets() -> None:
    text = "Hierbij bieden wij u het verslag van de JBZ-Raad en van de Raad Justitie en Binnenlandse Zaken aan."
    facts = run(text)
    (council,) = facts.entities("council")
    assert isinstance(council, Council)
    assert (council.id, council.parent) == ("council:jbz-raad", "Raad van de Europese Unie")
    assert [m.text for m in council.mentions] == ["JBZ-Raad", "Raad Justitie en Binnenlandse Zaken"]
    assert all(text[m.start:m.end] == m.text for m in council.mentions)
    (eu,) = run("de Raad van de Europese Unie").entities("council")
    assert isinstance(eu, Council)
    assert eu.iri == "http://publications.europa.eu/resource/authority/corporate-body/CONSIL"


def test_many_mentions_merge_into_one_entity() -> None:
    facts = run("De JBZ-Raad van 19 en 20 oktober 2023. " * 2000)
    (council,) = facts.entities("council")
    (meeting,) = facts.entities("meeting")
    assert len(council.mentions) == 2000 and len(meeting.mentions) == 2000
