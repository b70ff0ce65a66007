"""Display names built from INEC's upper-case names (no database)."""

import pytest

from sioc.territory import names


@pytest.mark.parametrize(
    ("code", "inec", "osm", "expected"),
    [
        ("0104", "NABON", "Nabón", "Nabón"),
        ("0102", "GIRON", "Girón", "Girón"),
        ("2101", "LAGO AGRIO", "Lago Agrio", "Lago Agrio"),
        ("1705", "RUMIÑAHUI", "Sangolqui", "Rumiñahui"),
        ("2302", "LA CONCORDIA", "La Concordia", "La Concordia"),
        ("1410", "LOGROÑO", "Cantón Logroño", "Logroño"),
        (
            "0923",
            "CRNEL. MARCELINO MARIDUEÑA",
            "Coronel Marcelino Maridueña",
            "Coronel Marcelino Maridueña",
        ),
        (
            "0927",
            "GNRAL. ANTONIO ELIZALDE",
            "Cantón General Antonio Elizalde",
            "General Antonio Elizalde",
        ),
        # OSM gives the seat's name: nothing to borrow, the dictionary adds the accent.
        ("1703", "MEJIA", "Machachi", "Mejía"),
        # OSM lacks the accent that the dictionary knows.
        ("0302", "BIBLIAN", "Biblian", "Biblián"),
        # Only matching words borrow accents: "Santiago de Méndez" is the seat, not the canton.
        ("1405", "SANTIAGO", "Cantón Santiago de Méndez", "Santiago"),
        # "Río Verde" has two words, the canton one: it stays as INEC writes it.
        ("0807", "RIOVERDE", "Río Verde", "Rioverde"),
        (
            "1707",
            "SAN MIGUEL DE LOS BANCOS",
            "San Miguel de Los Bancos",
            "San Miguel de los Bancos",
        ),
        ("0908", "EMPALME", "El Empalme", "El Empalme"),
    ],
)
def test_canton_display_name(code, inec, osm, expected):
    assert names.canton_display_name(code, inec, osm) == expected


@pytest.mark.parametrize(
    ("inec", "expected"),
    [
        ("SAN JOSE DE RARANGA", "San José de Raranga"),
        ("JULIO E. MORENO (CATAHUAN GRANDE)", "Julio E. Moreno (Catahuan Grande)"),
        ("MANUEL J. CALLE", "Manuel J. Calle"),
        ("PABLO VI", "Pablo VI"),
        ("DR. MIGUEL EGAS CABEZAS (PEGUCHE)", "Doctor Miguel Egas Cabezas (Peguche)"),
        ("GRAL. PEDRO J. MONTERO (BOLICHE)", "General Pedro J. Montero (Boliche)"),
        ("GRAL ALBERTO ENRIQUEZ GALLO", "General Alberto Enríquez Gallo"),
        ("TNTE. MAXIMILIANO RODRIGUEZ LOAYZA", "Teniente Maximiliano Rodríguez Loayza"),
        ("ARQ. SIXTO DURAN BALLEN", "Arquitecto Sixto Durán Ballén"),
        ("DANIEL CORDOVA TORAL (EL ORIENTE)", "Daniel Córdova Toral (El Oriente)"),
        ("JIJON Y CAAMAÑO", "Jijón y Caamaño"),
        ("ANGEL POLIBIO CHAVEZ", "Ángel Polibio Chávez"),
        ("RIOCHICO (RIO CHICO)", "Riochico (Río Chico)"),
        ("JAMBELÍ (SATÉLITE)", "Jambelí (Satélite)"),
        ("DUG-DUG", "Dug-Dug"),
    ],
)
def test_parish_display_name(inec, expected):
    assert names.parish_display_name("000000", inec) == expected


def test_parish_override_wins():
    assert names.parish_display_name("150950", "CARLOS JULIO AROSEMENA T.") == (
        "Carlos Julio Arosemena Tola"
    )


def test_accent_dictionary_keys_fold_accents_and_case():
    assert names.DEFAULT_ACCENTS["jose"] == "José"
    assert names.DEFAULT_ACCENTS["angel"] == "Ángel"
    assert all(names.has_accent(word) for word in names.DEFAULT_ACCENTS.values())
