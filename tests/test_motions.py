"""Motions: submitters, Kamerstuk (from the sentence or the footnote), status, topic, and what is no motion."""
from __future__ import annotations

import pytest

from parlgraph.extract import extract_text
from parlgraph.models import Motion


def motions(text: str) -> list[Motion]:
    found = [e for e in extract_text(text).entities if isinstance(e, Motion)]
    return sorted(found, key=lambda m: m.id)


def summary(text: str) -> set[tuple[tuple[str, ...], str | None]]:
    return {(tuple(m.submitters), m.kamerstuk) for m in motions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "De aanpak is tot stand gekomen naar aanleiding van de motie Van Nispen en \nSimons (28 638, nr.194) "
            "waarin de regering wordt verzocht om tot concrete voorstellen te komen.",
            {(("Van Nispen", "Simons"), "kst-28638-194")},
        ),
        (
            "Vooral omdat de Kamer de motie van het lid Van Ginneken (Kamerstuk 26643, \nnr. 1011) heeft aangenomen.",
            {(("Van Ginneken",), "kst-26643-1011")},
        ),
        (
            "Deze leden hebben er eerder via de motie van het lid \nBrekelmans (Kamerstuk 36200 VI, nr. 23) voor gepleit.",
            {(("Brekelmans",), "kst-36200-VI-23")},
        ),
        (  # the citation closes the sentence, after the topic
            "In hoeverre kan de motie van het lid Kuik over een pilot om de online-aanpak van radicalisering te "
            "versterken hier een aanvulling op zijn (Kamerstuk \n29754, nr. 658)?",
            {(("Kuik",), "kst-29754-658")},
        ),
        (
            "Hoe rijmt zij dit met de argumentatie om de motie van het lid Van Ginneken niet uit te voeren, namelijk "
            "het ondergraven van de onderhandelingspositie in Europa (Kamerstuk 26643, nr. 1011)?",
            {(("Van Ginneken",), "kst-26643-1011")},
        ),
        (
            "Het kabinet heeft de motie-Van Aalst/Remco Dijkstra over de inzet van de marechaussee "
            "(Kamerstuk 35300-A, nr. 15) uitgevoerd.",
            {(("Van Aalst", "Dijkstra"), "kst-35300-A-15")},
        ),
        (
            "De motie van de leden Van Wijngaarden en Jasper van Dijk (Kamerstuk 29279, nr. 720) vraagt de regering "
            "om een plan.",
            {(("Van Wijngaarden", "van Dijk"), "kst-29279-720")},
        ),
        (  # two motions under one name, one citation each
            "Het kabinet geeft hiermee uitvoering aan de moties Ceder over mensenhandel (Kamerstuk 36 200 VI, "
            "nr. 33 en Kamerstuk 32 317, nr. 781).",
            {(("Ceder",), "kst-36200-VI-33"), (("Ceder",), "kst-32317-781")},
        ),
        (  # a short form later in the text joins the cited motion
            "De Kamer nam de motie van het lid Van Ginneken c.s. (Kamerstuk 26 643, nr. 1011) aan. Een stap verder "
            "gaat de motie Van Ginneken over het onmogelijk maken van verdergaande chatcontrol.",
            {(("Van Ginneken",), "kst-26643-1011")},
        ),
        (  # a short form before the full one joins it too
            "De motie Kuik wordt uitgevoerd. Het betreft de motie van het lid Kuik (Kamerstuk 29754, nr. 658).",
            {(("Kuik",), "kst-29754-658")},
        ),
        (  # without a citation the motion still counts, by its first submitter
            "Naar aanleiding van de motie van het lid Van Weerdenburg heeft het kabinet een brief gestuurd.",
            {(("Van Weerdenburg",), None)},
        ),
        (  # the citation belongs to the letter named in between
            "Naar aanleiding van de motie van het lid Van Weerdenburg ontving de Kamer de brief van 18 september "
            "2023 (Kamerstuk 26643, nr. 1069).",
            {(("Van Weerdenburg",), None)},
        ),
        (  # the citation belongs to the next sentence
            "Wij verwijzen naar de motie Kuik. Zie ook Kamerstuk 29754, nr. 690.",
            {(("Kuik",), None)},
        ),
        (
            "De gewijzigde motie van het lid Omtzigt c.s. (Kamerstuk 21501-20, nr. 1804) is aangenomen.",
            {(("Omtzigt",), "kst-21501-20-1804")},
        ),
        (  # "en de" after a bare name starts no second submitter
            "Het kabinet voert de motie Kuik en de Nederlandse inzet in de Raad uit.",
            {(("Kuik",), None)},
        ),
        (  # lower-case tussenvoegsel after "het lid" is still a name
            "De motie van het lid van Weerdenburg vraagt om geen onomkeerbare stappen te zetten.",
            {(("van Weerdenburg",), None)},
        ),
        (  # a heading names no motion: the paragraph under it does
            "Uitvoering moties \n\nDe motie van het lid Vondeling c.s. (Kamerstuk 19 637, nr. 3290) verzoekt "
            "de regering om het Europese asielbeleid aan te scherpen.",
            {(("Vondeling",), "kst-19637-3290")},
        ),
        (  # a capitalised tussenvoegsel before a surname still belongs to it
            "De motie De Roon (Kamerstuk 21501-02, nr. 2500) is aangehouden.",
            {(("De Roon",), "kst-21501-02-2500")},
        ),
        (  # a name may wrap onto the next line
            "Het kabinet voert de motie van het lid Van\nDijk (Kamerstuk 26643, nr. 900) uit.",
            {(("Van Dijk",), "kst-26643-900")},
        ),
    ],
)
def test_motions_and_kamerstukken(text: str, expected: set) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "• Reactie op de motie over de Europese Verordening ter bestrijding en \nvoorkoming van seksueel "
        "misbruik (Kamerstuk 26643, nr. 1069)",
        "De Kamer heeft verschillende moties aangenomen die verdere richting geven aan dit standpunt.",
        "Hoe gaat de staatssecretaris uitvoering geven aan deze motie tijdens de aankomende JBZ-Raad?",
        "De motie van de Kamer is duidelijk: Nederland moet zich hiervoor inzetten.",
        "De motie van GroenLinks over dit onderwerp werd verworpen.",
        "Het motiepapier van De Vries lag al klaar.",
        "Uw Kamer heeft ook diverse moties aangenomen, bijvoorbeeld met oproepen tot snelle voortgang.",
        "De motie. De Kamer stemt dinsdag.",
        "Stand van zaken moties\n\nDe Kamer heeft het kabinet gevraagd om voor de zomer te rapporteren.",
        "Overzicht aangenomen moties\nDe regering rapporteert hierover jaarlijks aan de Kamer.",
        "Afhandeling moties\n\nVan de toezeggingen zijn er inmiddels drie afgerond.",
    ],
)
def test_no_motion(text: str) -> None:
    assert motions(text) == []


def test_footnote_marker_gives_the_kamerstuk() -> None:
    text = (
        "De Kamer heeft verschillende moties aangenomen die verdere richting \ngeven aan dit standpunt: motie van "
        "het lid Van Raan c.s.7 motie van het lid \nVan Ginneken c.s.8 en de motie Van Weerdenburg c.s.9 In reactie "
        "daarop \nheeft het kabinet aangegeven dat de motie van het lid Van Raan c.s. zal \nworden uitgevoerd.\n\n"
        "7 Kamerstuk 26 643, nr. 885.\n8 Kamerstuk 26 643, nr. 1011.\n9 Kamerstuk 26 643, nr. 1047.\n"
    )
    assert summary(text) == {
        (("Van Raan",), "kst-26643-885"),
        (("Van Ginneken",), "kst-26643-1011"),
        (("Van Weerdenburg",), "kst-26643-1047"),
    }
    raan = next(m for m in motions(text) if m.submitters == ["Van Raan"])
    assert len(raan.mentions) == 2


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("De aangenomen motie van het lid Brekelmans (Kamerstuk 36200 VI, nr. 23) vraagt om bewaking.", "aangenomen"),
        ("De gewijzigde motie van het lid Kuik (Kamerstuk 29754, nr. 658) vraagt om een pilot.", "gewijzigd"),
        ("Het kabinet heeft besloten om de motie van het lid Van Ginneken niet uit te voeren.", "niet uitvoeren"),
        ("De motie Van Ginneken c.s. (Kamerstuk 26643, nr. 1011) is aangenomen.", "aangenomen"),
        (  # the status stands in the sentence after "deze motie"
            "Een stap verder gaat de motie Van Ginneken over chatcontrol. Het kabinet heeft daarom besloten om deze "
            "motie niet uit te voeren.",
            "niet uitvoeren",
        ),
        ("De motie van het lid Kuik (Kamerstuk 29754, nr. 658) vraagt om een pilot.", None),
    ],
)
def test_status(text: str, status: str | None) -> None:
    (motion,) = motions(text)
    assert motion.status == status


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "Een stap verder gaat de motie \nVan Ginneken over het onmogelijk maken van verdergaande chatcontrol; "
            "op dat punt kan het de onderhandelingspositie op slot zetten.",
            "over het onmogelijk maken van verdergaande chatcontrol",
        ),
        ("Het kabinet voert de motie Kuik uit.", None),
    ],
)
def test_topic(text: str, topic: str | None) -> None:
    (motion,) = motions(text)
    assert motion.topic == topic


def test_submitters_become_members() -> None:
    entities = extract_text("De motie van de leden Van Nispen en Simons (Kamerstuk 28638, nr. 194) is aangenomen.").entities
    persons = {e.id: e for e in entities if e.type == "person"}
    assert {"person:van-nispen", "person:simons"} <= set(persons)
    assert "lid" in persons["person:simons"].roles


@pytest.mark.parametrize(
    "text",
    [
        "Uitvoering moties \n\nDe motie van het lid Vondeling c.s. (Kamerstuk 19 637, nr. 3290) verzoekt de regering.",
        "Overzicht moties\nDe motie van het lid Kuik (Kamerstuk 29754, nr. 658) vraagt om een pilot.",
        "Afhandeling moties\n\nVan de moties is er een uitgevoerd.",
    ],
)
def test_no_particle_becomes_a_member(text: str) -> None:
    entities = extract_text(text).entities
    surnames = {e.surname for e in entities if e.type == "person"}
    assert not surnames & {"De", "Het", "Van"}
    for motion in (e for e in entities if isinstance(e, Motion)):
        assert all("\n\n" not in m.text for m in motion.mentions)
        assert not set(motion.submitters) & {"De", "Het", "Van"}
