"""Persons and offices: real sentences from Dutch parliamentary papers, with what must and must not come out."""
from __future__ import annotations

import pytest

from parlgraph.extract.facts import DocFacts
from parlgraph.extract.people import find_people
from parlgraph.extract.text import fold
from parlgraph.ingest.layout import clean
from parlgraph.models import Office, Person


def run(text: str, date: str | None = None) -> DocFacts:
    facts = DocFacts(clean(text))
    facts.info.date = date
    find_people(facts)
    return facts


def surnames(facts: DocFacts) -> set[str]:
    return {fold(p.surname) for p in facts.entities("person") if isinstance(p, Person)}


def offices(facts: DocFacts) -> set[str]:
    return {o.label for o in facts.entities("office") if isinstance(o, Office)}


PERSON_CASES = [
    # generalisation (data/dev): double surnames with a particle, compound and academic titles, appositions
    ("De Minister van Asiel en Migratie,\nM.H.M. Faber-van de Klashorst \n", {"faber-van de klashorst"}),
    ("het lid Van Dijk-van der Meer stelde vragen", {"van dijk-van der meer"}),
    ("waar ook de brief van Commissievoorzitter Von der Leyen werd besproken", {"von der leyen"}),
    ("zoals fractievoorzitter Wilders in het debat opmerkte", {"wilders"}),
    ("Benoeming van mr. A.J. van der Veen tot staatsraad in de Afdeling bestuursrechtspraak", {"van der veen"}),
    ("De Minister van Financiën van Polen, Andrzej Domański, zal de presentatie verzorgen.", {"domanski"}),
    ("Eurocommissaris voor Landbouw en Voedsel Christophe Hansen gaf een toelichting.", {"hansen"}),
    ("zoals bepleit in het rapport van Mario Draghi over het concurrentievermogen", {"draghi"}),
    ("De Minister van Financiën van Polen zal de presentatie verzorgen.", set()),
    ("Mr. Smith and dr. Watson are not Dutch.", set()),
    ("De Minister van Justitie en Veiligheid,\nD. Yeşilgöz-Zegerius \n\nDe Staatssecretaris van Justitie en Veiligheid, \nE. van der Burg \n",
     {"yesilgoz-zegerius", "van der burg"}),
    ("De Minister voor Rechtsbescherming, \n\n\n\nF.M. Weerwind \n", {"weerwind"}),
    ("  De voorzitter van de commissie, \n  Kat \n \n  Adjunct-griffier van de commissie, \n  Nouse \n", {"kat", "nouse"}),
    ("De voorzitter van de vaste commissie voor Justitie en Veiligheid,\nVan der Staaij\n", {"van der staaij"}),
    ("motie van het lid Van Raan c.s. en motie van het lid Van Ginneken c.s.", {"van raan", "van ginneken"}),
    ("De motie van het lid van Weerdenburg vraagt om geen onomkeerbare stappen te zetten.", {"van weerdenburg"}),
    ("naar aanleiding van de motie Van Nispen en Simons (28 638, nr.194)", {"van nispen", "simons"}),
    ("zoals de leden Van Wijngaarden en Jasper van Dijk vroegen", {"van wijngaarden", "van dijk"}),
    ("de motie-Van Aalst/Remco Dijkstra over grensbewaking", {"van aalst", "dijkstra"}),
    ("Tevens informeren wij u in deze brief over mensenrechten (toezegging lid Podt).", {"podt"}),
    ("In hoeverre kan de motie van het lid Kuik over een pilot worden uitgevoerd?", {"kuik"}),
    ("met de uitvoerend directeur van Frontex, de heer Hans Leijtens. De Staatssecretaris gaf aan", {"leijtens"}),
    ("Kunnen we concluderen dat de door premier Rutte aangekondigde Tunesiëdeal ter ziele is?", {"rutte"}),
    ("in overeenstemming met de aankondiging van Ursula von der Leyen in haar Staat van de Unie", {"von der leyen"}),
    ("het handelen van de dictator Kais Saied heeft ertoe geleid", {"saied"}),
    ("het artikel over Hollywoodster Ashton Kutcher die gelobbyd heeft voor Thorn", {"kutcher"}),
    ("Hoe kijkt de staatssecretaris naar de recente uitspraken van president Saied?", {"saied"}),
    ("Het gesprek met mevrouw Dekker-Abdulaziz vond plaats in Den Haag.", {"dekker-abdulaziz"}),
    ("Eurocommissaris Johansson presenteerde het voorstel.", {"johansson"}),
    ("De Minister van Justitie en Veiligheid, mevrouw Yeşilgöz, nam deel aan de Raad.", {"yesilgoz"}),
    # negatives: no person without a cue, and no institutions behind a cue
    ("De leden van de VVD-fractie hebben kennisgenomen van de geannoteerde agenda.", set()),
    ("Vragen en opmerkingen van de leden van de Groep Van Haga", set()),
    ("De leden de Groep Van Haga hebben kennisgenomen van de mogelijkheid.", set()),
    ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", set()),
    ("Het Spaanse voorzitterschap is voornemens om tijdens deze Raad tot een akzoord te komen.", set()),
    ("Kamerbrief inzake uitvoeringsgevolgen amendementen op het Belastingplan 2024", set()),
    ("Nederland steunt daarom de inzet om de samenwerking met Latijns-Amerika te versterken.", set()),
    ("Zo ja, hoe gaat het kabinet de Tunesische president daarvan overtuigen?", set()),
    ("De minister van BZK zal het voorstel om advies aanhangig maken.", set()),
    ("Kan de minister toelichten wat er is veranderd sinds de laatste JBZ-raad?", set()),
    ("artikel 3, lid 2, van de Vreemdelingenwet", set()),
]


@pytest.mark.parametrize(("text", "expected"), PERSON_CASES)
def test_persons(text: str, expected: set[str]) -> None:
    assert surnames(run(text)) == expected


OFFICE_CASES = [
    ("a. Conclusies van de coördinatiecommissie d.d. 7 november 2023, nr.41 (Minister van BZ)",
     {"Minister van Buitenlandse Zaken"}),
    ("Aangenomen. De staatssecretaris van J&V zal de brief aan de Tweede Kamer sturen.",
     {"Staatssecretaris van Justitie en Veiligheid"}),
    ("8. Wet bescherming tegen discriminatie op de BES (Minister van BZK)",
     {"Minister van Binnenlandse Zaken en Koninkrijksrelaties"}),
    ("13. Wetsvoorstel verlenging transitieperiode toekomst pensioenen (Minister \nvoor APP)",
     {"Minister voor Armoedebeleid, Participatie en Pensioenen"}),
    ("Onderwijsagenda Leven Lang Ontwikkelen (Minister van SZW)", {"Minister van Sociale Zaken en Werkgelegenheid"}),
    ("Hierbij bieden wij, mede namens de Minister en Staatssecretaris van \nBinnenlandse Zaken en Koninkrijksrelaties, uw Kamer",
     {"Minister van Binnenlandse Zaken en Koninkrijksrelaties", "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties"}),
    ("BRIEF VAN DE MINISTERS VAN JUSTITIE EN VEILIGHEID EN \nVOOR RECHTSBESCHERMING",
     {"Minister van Justitie en Veiligheid", "Minister voor Rechtsbescherming"}),
    ("BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID, DE \nMINISTER VOOR RECHTSBESCHERMING EN DE STAATSSECRE-\nTARIS VAN JUSTITIE EN VEILIGHEID",
     {"Minister van Justitie en Veiligheid", "Minister voor Rechtsbescherming", "Staatssecretaris van Justitie en Veiligheid"}),
    ("Bij brief van 18 oktober hebben de ministers van Justitie en Veiligheid en voor \nRechtsbescherming en de staatssecretaris van Justitie en Veiligheid de vragen beantwoord.",
     {"Minister van Justitie en Veiligheid", "Minister voor Rechtsbescherming", "Staatssecretaris van Justitie en Veiligheid"}),
    ("Zo zullen de minister van Buitenlandse Handel en \nOntwikkelingssamenwerking en de Staatssecretaris van Justitie en Veiligheid een bezoek brengen.",
     {"Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking", "Staatssecretaris van Justitie en Veiligheid"}),
    ("Kunnen we concluderen dat de door premier Rutte aangekondigde deal ter ziele is?", {"Minister-president"}),
    ("De Minister van Justitie en veiligheid en de Staatssecretaris hebben deelgenomen.", {"Minister van Justitie en Veiligheid"}),
    ("De Minister van EZK heeft de brief ondertekend.", {"Minister van Economische Zaken en Klimaat"}),
    ("De minister van IenW en de minister van OCW waren aanwezig.",
     {"Minister van Infrastructuur en Waterstaat", "Minister van Onderwijs, Cultuur en Wetenschap"}),
    ("De Minister voor Volkshuisvesting en Ruimtelijke Ordening stuurt de brief.",
     {"Minister voor Volkshuisvesting en Ruimtelijke Ordening"}),
    # negatives: foreign posts, colleagues of other member states, generic mentions
    ("de Tunesische minister van Binnenlandse Zaken sprak met de Commissie", set()),
    ("De staatssecretaris sprak met de minister van Buitenlandse Zaken van Egypte.", set()),
    ("Tijdens de JBZ-Raad zullen de JBZ-Ministers en Ministers van een aantal Latijns-Amerikaanse landen samenkomen.", set()),
    ("Informele bijeenkomst ministers van Volkshuisvesting d.d. 13 en 14 november 2023", set()),
    ("De ministers hebben gesproken over de lidstaten en hun inzet.", set()),
    ("de vice-minister van Binnenlandse Zaken was aanwezig", set()),
    ("De Italiaanse premier Meloni bezocht Tunesië.", set()),
    ("in de Trêveszaal van het ministerie van Algemene Zaken", set()),
]


@pytest.mark.parametrize(("text", "expected"), OFFICE_CASES)
def test_offices(text: str, expected: set[str]) -> None:
    assert offices(run(text)) == expected


HOLD_CASES = [
    ("De Minister van Asiel en Migratie,\nM.H.M. Faber-van de Klashorst \n", "faber-van de klashorst",
     ["Minister van Asiel en Migratie"]),
    ("De Minister van Financiën van Polen, Andrzej Domański, zal de presentatie verzorgen.", "domanski", []),
    ("De Minister van Justitie en Veiligheid,\nD. Yeşilgöz-Zegerius \n", "yesilgoz-zegerius",
     ["Minister van Justitie en Veiligheid"]),
    ("De Minister voor Rechtsbescherming, \n\n\n\nF.M. Weerwind \n", "weerwind", ["Minister voor Rechtsbescherming"]),
    ("De Staatssecretaris van Justitie en Veiligheid, \nE. van der Burg \n Geannoteerde agenda van de Raad", "van der burg",
     ["Staatssecretaris van Justitie en Veiligheid"]),
    ("Kunnen we concluderen dat de door premier Rutte aangekondigde deal ter ziele is?", "rutte", []),
    ("  De voorzitter van de commissie, \n  Kat \n", "kat", []),
]


@pytest.mark.parametrize(("text", "surname", "held"), HOLD_CASES)
def test_holds(text: str, surname: str, held: list[str]) -> None:
    person = next(p for p in run(text).entities("person") if isinstance(p, Person) and fold(p.surname) == surname)
    assert person.offices == held


@pytest.mark.parametrize(
    ("text", "date", "surname", "held"),
    [
        ("Minister-president Schoof heeft het onderwerp besproken in de Europese Raad.", "2024-10-24", "schoof",
         ["Minister-president"]),
        ("Minister-president Rutte heeft dit in 2023 toegezegd.", "2024-10-24", "rutte", []),  # no longer in office
        ("Minister-president Rutte heeft dit toegezegd.", "2023-05-01", "rutte", ["Minister-president"]),
        ("Kunnen we concluderen dat de door premier Rutte aangekondigde deal ter ziele is?", "2023-10-17", "rutte", []),
    ],
)
def test_premier_holds_at_the_document_date(text: str, date: str, surname: str, held: list[str]) -> None:
    person = next(p for p in run(text, date).entities("person") if isinstance(p, Person) and fold(p.surname) == surname)
    assert person.offices == held


def test_fullest_name_and_roles() -> None:
    facts = run("De heer Leijtens sprak. Later sprak de heer Hans Leijtens opnieuw met het lid Podt.")
    people = {fold(p.surname): p for p in facts.entities("person") if isinstance(p, Person)}
    assert people["leijtens"].name == "Hans Leijtens"
    assert people["podt"].roles == ["lid"]


def test_office_carries_tooi_and_portfolio() -> None:
    facts = run("De Minister voor Rechtsbescherming en de Minister van Justitie en Veiligheid.")
    by_label = {o.label: o for o in facts.entities("office") if isinstance(o, Office)}
    assert by_label["Minister van Justitie en Veiligheid"].tooi == "https://identifier.overheid.nl/tooi/id/ministerie/mnre1058"
    assert by_label["Minister voor Rechtsbescherming"].portfolio == "Rechtsbescherming"


def test_mentions_point_at_the_original_text() -> None:
    text = "De Minister van Justitie en Veiligheid,\nD. Yeşilgöz-Zegerius \n\nmotie van het lid Van \nGinneken c.s."
    facts = run(text)
    for entity in facts:
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text", ["De heer " + "Van " * 5000, "het lid " + "a-" * 10000, "minister\u0327 ş" * 3000, ""])
def test_adversarial_input_is_quick_and_safe(text: str) -> None:
    run(text)
