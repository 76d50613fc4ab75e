"""Fracties and organisations: gazetteer names in context, and look-alikes that are neither."""
from __future__ import annotations

import pytest

from parlgraph.extract import extract_text


def labels(text: str, kind: str) -> set[str]:
    return {e.label for e in extract_text(text).entities if e.type == kind}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De leden van de VVD-fractie hebben kennisgenomen van de geannoteerde agenda.", {"VVD"}),
        ("De leden van de PvdA- en GroenLinks-fractie hebben kennisgenomen van de agenda.", {"PvdA", "GroenLinks"}),
        (
            "Verordening seksueel kindermisbruik (D66, CDA, SP & Groep Van \nHaga), Staat van Schengen (CDA, VVD).",
            {"D66", "CDA", "SP", "Groep Van Haga", "VVD"},
        ),
        ("mensenhandel/criminaliseren van sekskopers (CU), asiel- en migratiepact (VVD, SP, Volt)", {"ChristenUnie", "VVD", "SP", "Volt"}),
        ("asiel en migratie: externe dimensie/Tunesië (SP, Volt, VVD, PvDA en GroenLinks, CU)", {"SP", "Volt", "VVD", "PvdA", "GroenLinks", "ChristenUnie"}),
        ("Het kabinet is het eens met de leden van de Volt-fractie dat dit beter kan.", {"Volt"}),
        ("Dit antwoord geldt ook voor de vragen van de leden van de fracties van GroenLinks en PvdA.", {"GroenLinks", "PvdA"}),
        ("De leden van de GroenLinks-PvdA-fractie vragen naar de stand van zaken.", {"GroenLinks-PvdA"}),
        ("De leden van de Groep Van Haga constateren dat de Kamer zich heeft uitgesproken.", {"Groep Van Haga"}),
        ("Het lid Van Baarle (DENK) en het lid Eerdmans (JA21) dienden een motie in.", {"DENK", "JA21"}),
        ("De leden van de BBB-fractie en de NSC-fractie stellen nog enkele vragen.", {"BBB", "NSC"}),
        ("Namens de Partij voor de Dieren stelt het lid Ouwehand vragen.", {"Partij voor de Dieren"}),
        ("De fractie van het CDA en de SGP-fractie vragen om een toelichting.", {"CDA", "SGP"}),
        ("De leden van de fractie van de SP vragen om opheldering.", {"SP"}),
        # look-alikes that are no party
        ("Ik denk dat DENK NIET de goede afkorting is voor dit document.", set()),
        ("De spanning bedraagt 230 Volt op het net van de netbeheerder.", set()),
        ("Volt je de accu op, dan loopt de motor weer.", set()),
        ("De obligaties hebben een BBB-rating volgens het ratingbureau.", set()),
        ("Het SPV en de SPD in Duitsland zijn hier niet bedoeld, net als de CU-richtlijn.", set()),
        ("De Amerikaanse NSC adviseert de president over veiligheid.", set()),
    ],
)
def test_parties(text: str, expected: set[str]) -> None:
    assert labels(text, "party") == expected


def test_party_ids_and_aliases() -> None:
    (party,) = [e for e in extract_text("De leden van de PvDA-fractie vragen dit.").entities if e.type == "party"]
    assert party.id == "party:pvda"
    assert "Partij van de Arbeid" in party.aliases


def test_groep_van_haga_is_no_person_from_this_module() -> None:
    entities = extract_text("De leden van de Groep Van Haga zijn verbijsterd.").entities
    assert [e.id for e in entities if e.type == "party"] == ["party:groep-van-haga"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De Raad onderhandelt met het Europees Parlement over de EU-verordening.", {"Europees Parlement"}),
        ("In de EU heeft de Commissie een voorstel gedaan; de lidstaten reageren.", {"Europese Commissie"}),
        ("De Europese \nCommissie en Europol werken samen met Frontex en Eurojust.", {"Europese Commissie", "Europol", "Frontex", "Eurojust"}),
        ("Het OM en de IND werken samen met het COA.", {"Openbaar Ministerie", "Immigratie- en Naturalisatiedienst", "Centraal Orgaan opvang asielzoekers"}),
        ("UNHCR en IOM ondersteunen de hervestiging in de EU.", {"UNHCR", "IOM"}),
        ("Het EHRM van de Raad van Europa oordeelde anders dan het Hof van Justitie van de EU.", {"Europees Hof voor de Rechten van de Mens", "Raad van Europa", "Hof van Justitie van de Europese Unie"}),
        # "Commissie" is the EU Commission only in an EU document, and not when it heads a committee's name
        ("De Commissie heeft de gemeente een advies gestuurd.", set()),
        ("In de EU is de Commissie voor Justitie en Veiligheid van de Kamer niet bevoegd.", set()),
        ("Het EP is een afkorting in dit document over gemeentefinanciën.", set()),
    ],
)
def test_organisations(text: str, expected: set[str]) -> None:
    assert labels(text, "organisation") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("VERZOEK OM INFORMATIE OVER DE OPVANG", set()),
        ("Het OM heeft de zaak geseponeerd.", {"Openbaar Ministerie"}),
        ("De OSF-fractie in de Eerste Kamer stemde tegen.", {"Onafhankelijke SenaatsFractie"}),
    ],
)
def test_capitals_and_weak_forms(text: str, expected: set[str]) -> None:
    kind = "party" if "fractie" in text else "organisation"
    assert labels(text, kind) == expected
