"""EU and Dutch legislation: names, numbers, identifiers and articles resolve to one entity per act."""
from __future__ import annotations

import re

import pytest

from parlgraph.extract import extract_text
from parlgraph.extract.legislation import celex_for, com_for, eli_for, gazetteer, year_and_number
from parlgraph.gazetteers import load, split


def acts(text: str) -> dict[str, dict]:
    return {e["id"]: e for e in (x.to_json() for x in extract_text(text).entities) if e["type"] == "legislation"}


# (sentence, {entity id: fields it must have}); no other act may be found.
FOUND = [
    ("Tijdens de Raad bepleitten lidstaten snelle afronding van de onderhandelingen op de Crisis-verordening.",
     {"act:32024R1359": {"label": "Crisisverordening", "proposal_celex": "52020PC0613", "com": "COM(2020) 613"}}),
    ("tot een akkoord tussen de lidstaten over de verordening inzake de aanpak\nvan crisis, instrumentalisering "
     "en overmacht (hierna: Crisisverordening).", {"act:32024R1359": {"eli": "http://data.europa.eu/eli/reg/2024/1359/oj"}}),
    ("Ten aanzien van het bereikte akkoord over de migratiecrisisverordening, zouden de leden van de "
     "ChristenUnie-fractie graag vernemen", {"act:32024R1359": {}}),
    ("de verschillende wetsvoorstellen uit het Asiel- en Migratiepact (Asiel- en migratiemanagementverordening\n"
     "(AMMR), de Asielprocedureverordening (APR), de screeningsverordening en de Eurodac-verordening).",
     {"act:32024R1351": {"proposal_celex": "52020PC0610"}, "act:32024R1348": {"proposal_celex": "52020PC0611"},
      "act:32024R1356": {}, "act:32024R1358": {}}),
    ("Het Europees Parlement had besloten de politieke trilogen over de Screening- en\nEurodac-verordening te pauzeren.",
     {"act:32024R1356": {}, "act:32024R1358": {}}),
    ("een proces krijgen dat voldoet aan de Europese standaarden uit de Opvang- en Procedurerichtlijn?",
     {"act:32013L0033": {"kind": "richtlijn"}, "act:32013L0032": {}}),
    ("I. Verordening tot vaststelling van regels ter voorkoming en\nbestrijding van seksueel misbruik van kinderen",
     {"act:52022PC0209": {"kind": "voorstel", "celex": "52022PC0209", "com": "COM(2022) 209"}}),
    ("heeft het Spaanse voorzitterschap te kennen gegeven dat de ontwerpverordening voorkoming en bestrijding van  "
     "seksueel kindermisbruik niet voor besluitvorming zal voorliggen", {"act:52022PC0209": {}}),
    ("De leden begrijpen dat de verordening voor het bestrijden van kinderpornografisch materiaal online "
     "(CSAM-verordening) dit keer wel de agenda heeft gehaald.", {"act:52022PC0209": {}}),
    ("gezien de enorme weerstand tegen deze CSAM-ontwerpverordening", {"act:52022PC0209": {}}),
    ("in het kader van de herziening van mensenhandel richtlijn 2011/36/EU. Naar aanleiding hiervan",
     {"act:32011L0036": {"eli": "http://data.europa.eu/eli/dir/2011/36/oj"}}),
    ("de bepaling ‘with knowing use’ uit artikel 18a van de richtlijn 2011/36/EU inzake de voorkoming",
     {"act:32011L0036": {"articles": ["18a"]}}),
    ("De toegang tot het VIS is geregeld in Verordening (EG) nr. 767/2008.", {"act:32008R0767": {}}),
    ("De Verordeningen (EU) 2019/817 en (EU) 2019/818 regelen de interoperabiliteit.",
     {"act:32019R0817": {"kind": "verordening"}, "act:32019R0818": {}}),
    ("Richtlijn 2001/55/EG van de Raad van 20 juli 2001 wordt toegepast.", {"act:32001L0055": {}}),
    ("bij Uitvoeringsbesluit (EU) 2022/382 van de Raad is tijdelijke bescherming ingevoerd",
     {"act:32022D0382": {"eli": "http://data.europa.eu/eli/dec_impl/2022/382/oj"}}),
    ("Verordening (EU) 2024/1351 is op 22 mei 2024 bekendgemaakt.",
     {"act:32024R1351": {"label": "Asiel- en migratiemanagementverordening"}}),
    ("De herschikte Richtlijn (EU) 2024/1233 moet worden omgezet.", {"act:32011L0098": {"label": "GVVA-richtlijn"}}),
    ("op grond van Verordening (EU) nr. 604/2013 overgedragen", {"act:32013R0604": {}}),
    ("Richtlijn 95/46/EG is vervangen.", {"act:31995L0046": {"label": "Richtlijn 95/46/EG"}}),
    ("Richtlijn (EU) 2016/680 geldt voor de politie.", {"act:32016L0680": {}}),
    ("Het kaderbesluit 2002/584/JBZ regelt de overlevering.", {"act:32002F0584": {"kind": "besluit"}}),
    ("Zie ook Verordening (EU) 2016/399 (Schengengrenscode).", {"act:32016R0399": {}}),
    ("Het voorstel (CELEX:52021PC0752) wordt besproken.", {"act:52021PC0752": {"kind": "voorstel"}}),
    ("de mededeling 52021DC0780 van de Commissie", {"act:52021DC0780": {}}),
    ("Het Commissievoorstel COM(2022) 209 final is op 11 mei 2022 gepubliceerd.",
     {"act:52022PC0209": {"com": "COM(2022) 209"}}),
    ("Het voorstel voor een verordening (COM(2020) 613) is gewijzigd.",
     {"act:32024R1359": {"proposal_celex": "52020PC0613"}}),
    ("Het voorstel voor een richtlijn (COM(2023) 999) ligt voor.",
     {"act:52023PC0999": {"kind": "voorstel", "com": "COM(2023) 999", "proposal_celex": "52023PC0999"}}),
    ("Zie http://data.europa.eu/eli/reg/2024/1351/oj voor de tekst.", {"act:32024R1351": {}}),
    ("Naast de strafbaarstelling van artikel 273g Wetboek van Strafrecht, worden ook andere bepalingen",
     {"act:bwb:BWBR0001854": {"articles": ["273g"], "kind": "wet"}}),
    ("het discriminatieverbod (art. 1 Gw) wordt uitgewerkt", {"act:bwb:BWBR0001840": {"articles": ["1"]}}),
    ("Dit is strafbaar gesteld in artikel 138, eerste lid, Sr.", {"act:bwb:BWBR0001854": {"articles": ["138"]}}),
    ("b. Wijziging van de Kieswet in verband met de aanscherping van de strafbaarstelling",
     {"act:bwb:BWBR0004627": {"label": "Kieswet"}}),
    ("Dit wetsvoorstel regelt dat de transitiedata van de Wet toekomst pensioenen worden overgeheveld",
     {"act:wet-toekomst-pensioenen": {"label": "Wet toekomst pensioenen"}}),
    ("De vreemdeling heeft op grond van artikel 8 Vw 2000 rechtmatig verblijf.",
     {"act:bwb:BWBR0011823": {"articles": ["8"]}}),
    ("Het verzoek is behandeld onder de Wet open overheid (Woo).", {"act:bwb:BWBR0045754": {}}),
    ("8. Wet bescherming tegen discriminatie op de BES (Minister van BZK)",
     {"act:wet-bescherming-tegen-discriminatie-op-de-bes": {"kind": "wet"}}),
    ("De Commissie werkt aan de Verpakkingenverordening.", {"act:verpakkingenverordening": {"kind": "verordening"}}),
    ("Ook het EVRM sluit detentie van minderjarigen niet uit.", {"act:bwb:BWBV0001000": {"kind": "verdrag"}}),
    ("tevens is overeenstemming bereikt over de verlenging van de werking van de richtlijn\ntijdelijke bescherming.",
     {"act:32001L0055": {}}),
    ("het onderhandelingsresultaat op de GVVA-richtlijn (Richtlijn 2011/98/EU inzake de enkelvoudige "
     "toelatingsprocedure, Single Permit Directive)", {"act:32011L0098": {"com": "COM(2007) 638"}}),
    ("Nederland heeft actief meegedaan aan de onderhandelingen over de Europese AI-verordening.",
     {"act:32024R1689": {"proposal_celex": "52021PC0206"}}),
    ("haar positie op de Asylum and Migration\nManagement Regulation (AMMR)", {"act:32024R1351": {}}),
    ("eerder heeft Nederland gepleit voor aanpassing van de Dublin III-verordening", {"act:32013R0604": {}}),
    ("De rechtbank is bevoegd op grond van de Wet op de rechterlijke organisatie.", {"act:bwb:BWBR0001830": {}}),
    ("Zie https://wetten.overheid.nl/BWBR0011823 voor de tekst.", {"act:bwb:BWBR0011823": {}}),
    ("De aansprakelijkheid volgt uit artikel 6:162 BW.", {"act:burgerlijk-wetboek": {"articles": ["6:162"]}}),
    ("het wetsvoorstel (Wet aanscherping strafbaarstelling ronselen en vereisten toewijzing restzetels) regelt",
     {"act:wet-aanscherping-strafbaarstelling-ronselen-en-vereisten-toewijzing-restzetels": {}}),
    ("rapportagelasten die voortvloeien uit onder meer de richtlijn \nduurzaamheidsrapportering door ondernemingen "
     "(CSRD) en de taxonomie-\nverordening. Tijdens het commissiedebat", {"act:32022L2464": {"kind": "richtlijn"},
                                                                   "act:32020R0852": {"label": "Taxonomieverordening"}}),
    ("d. Nota naar aanleiding van het verslag inzake het voorstel van wet tot implementatie van de richtlijn "
     "duurzaamheidsrapportering (CSRD) (Minister van Fin)", {"act:32022L2464": {}}),
    ("De richtlijn gepaste zorgvuldigheid in het bedrijfsleven inzake duurzaamheid (CSDDD; Richtlijn (EU) 2024/1760) "
     "raakt aan het arbeidsrecht.", {"act:32024L1760": {"eli": "http://data.europa.eu/eli/dir/2024/1760/oj"}}),
    ("Ik heb toegelicht dat de wijziging van de Meststoffenwet die het kabinet voorbereidt",
     {"act:bwb:BWBR0004054": {"kind": "wet"}}),
    ("erop gericht zijn de waterkwaliteitsdoelen van de Kaderrichtlijn Water \nte halen.",
     {"act:32000L0060": {"label": "Kaderrichtlijn water"}}),
    ("De Ontbossingsverordening (Verordening (EU) 2023/1115) wordt met een jaar uitgesteld.", {"act:32023R1115": {}}),
    ("b. Ontwerpbesluit tot wijziging van het Besluit kinderopvangtoeslag en \nenkele andere besluiten "
     "(Staatssecretaris van Fin – Herstel en Toeslagen)",
     {"act:besluit-kinderopvangtoeslag": {"label": "Besluit kinderopvangtoeslag", "kind": "besluit"}}),
    ("De omgevingswaarden staan in het Besluit kwaliteit leefomgeving.",
     {"act:besluit-kwaliteit-leefomgeving": {"kind": "besluit"}}),
    ("Het Activiteitenbesluit bevat de algemene regels voor bedrijven.", {"act:activiteitenbesluit": {"kind": "besluit"}}),
    ("De Cyberbeveiligingswet (Kamerstuk 36 644, nr. 2) implementeert de richtlijn.", {"act:cyberbeveiligingswet": {}}),
    ("De aanpassing van de Wet op de vennootschapsbelasting 1969 vergt een wetsvoorstel.",
     {"act:wet-op-de-vennootschapsbelasting-1969": {"label": "Wet op de vennootschapsbelasting 1969"}}),
    ("Sinds de Wet arbeidsmarkt in balans en de aanpassingen in de Waadi is het verschil kleiner.",
     {"act:wet-arbeidsmarkt-in-balans": {}, "act:wet-allocatie-arbeidskrachten-door-intermediairs": {}}),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_acts_found(text: str, expected: dict[str, dict]) -> None:
    found = acts(text)
    assert set(found) == set(expected)
    for ident, fields in expected.items():
        for name, value in fields.items():
            assert found[ident][name] == value, (ident, name)


# Sentences that mention no act: anaphora, parliamentary years, communications, generic compounds.
NOTHING = [
    "Het kabinet kan instemmen met de verordening als de reikwijdte wordt beperkt; deze richtlijn en het voorstel ook.",
    "Kamerstukken II 2022/23, 26643, nr. 1022; Kamerstukken II 2022/23, 26643, nr. 1043.",
    "In de mededeling over het nieuwe migratiepact (COM(2020) 609) schetst de Commissie haar visie.",
    "De Commissie presenteerde op 23 september 2020 het Pact (COM(2020) 609).",
    "Wet- en regelgeving moet daarvoor worden aangepast.",
    "Wet en regelgeving zijn niet toereikend.",
    "De EU-verordening en de Uitvoeringsverordening worden later vastgesteld.",
    "De heer Jansen Sr. sprak over de Sv en het BW.",
    "Het gesprek vindt plaats op 3 apr. in Brussel.",
    "De Vw is daarop niet van toepassing.",
    "Een groot deel van de lidstaten is voorstander van de verordening en de huidige vorm.",
    "Op 9 december 2023 is hierover een politiek akkoord bereikt, zie 2023/1234.",
    "Besluit: de ministerraad stemt in met het voorstel.",
    "Besluit tot wijziging van enkele besluiten in verband met de indexering.",
    "Besluit genomen: het kabinet stemt in met de inzet.",
    "Het Raadsbesluit van 28 september 2023 verlengt de werking van de maatregel.",
    "Het Kabinetsbesluit en het Ontwerpbesluit volgen na het Tracébesluit.",
    "De Uitvoeringswet en de Invoeringswet worden later ingediend.",
    "Besluit\n\nde minister zal de Kamer informeren.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_act(text: str) -> None:
    assert acts(text) == {}


def test_one_entity_per_act_with_all_mentions() -> None:
    text = ("De Crisisverordening en de Crisis-verordening zijn hetzelfde; COM(2020) 613 is het voorstel "
            "en Verordening (EU) 2024/1359 de uitkomst.")
    found = acts(text)
    assert list(found) == ["act:32024R1359"]
    assert len(found["act:32024R1359"]["mentions"]) == 4
    for m in found["act:32024R1359"]["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]


@pytest.mark.parametrize(("a", "b", "letter", "numbered", "expected"), [
    ("2011", "36", "L", False, (2011, 36)),
    ("767", "2008", "R", True, (2008, 767)),
    ("604", "2013", "R", False, (2013, 604)),
    ("2019", "817", "R", False, (2019, 817)),
    ("2024", "1351", "R", False, (2024, 1351)),
    ("2007", "2004", "R", True, (2004, 2007)),
    ("95", "46", "L", False, (1995, 46)),
    ("2022", "382", "D", False, (2022, 382)),
    ("1313", "2013", "D", True, (2013, 1313)),
    ("45", "2001", "R", False, (2001, 45)),
])
def test_year_and_number(a: str, b: str, letter: str, numbered: bool, expected: tuple[int, int]) -> None:
    assert year_and_number(a, b, letter, numbered) == expected


@pytest.mark.parametrize(("letter", "year", "number", "celex", "eli"), [
    ("L", 2011, 36, "32011L0036", "http://data.europa.eu/eli/dir/2011/36/oj"),
    ("R", 2008, 767, "32008R0767", "http://data.europa.eu/eli/reg/2008/767/oj"),
    ("R", 2019, 817, "32019R0817", "http://data.europa.eu/eli/reg/2019/817/oj"),
    ("L", 2001, 55, "32001L0055", "http://data.europa.eu/eli/dir/2001/55/oj"),
    ("D", 2022, 382, "32022D0382", "http://data.europa.eu/eli/dec/2022/382/oj"),
    ("R", 2024, 1351, "32024R1351", "http://data.europa.eu/eli/reg/2024/1351/oj"),
])
def test_celex_and_eli(letter: str, year: int, number: int, celex: str, eli: str) -> None:
    assert celex_for(letter, year, number) == celex
    assert eli_for(celex) == eli


@pytest.mark.parametrize(("celex", "com"), [
    ("52022PC0209", "COM(2022) 209"), ("52020PC0613", "COM(2020) 613"), ("52021DC0780", None), ("32024R1351", None),
])
def test_com_for(celex: str, com: str | None) -> None:
    assert com_for(celex) == com


def test_gazetteer_rows_are_well_formed() -> None:
    gazetteer()  # raises when two acts claim one name, abbreviation or identifier
    for row in load("acts"):
        assert row["source"].startswith("https://"), row["label"]
        assert row["kind"] in {"verordening", "richtlijn", "besluit", "wet", "verdrag", "voorstel"}, row["label"]
        for celex in filter(None, [row["celex"], *split(row["proposal_celex"]), *split(row["other_celex"])]):
            assert re.fullmatch(r"[1-9]\d{4}[A-Z]{1,2}\d{4}(?:\(\d\d\))?", celex), celex
        for proposal in split(row["proposal_celex"]):
            assert proposal[0] == "5" and proposal[5:7] == "PC", proposal
        if row["bwb"]:
            assert re.fullmatch(r"BWB[RV]\d{7}", row["bwb"]), row["bwb"]
