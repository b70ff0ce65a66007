"""Atom feed of new offers and iCalendar of closing dates, with the catalogue's filters."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from sioc.offers import feeds
from sioc.offers.choices import OfferStatus
from sioc.offers.models import Offer
from sioc.offers.tests import factories as f

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def offers(db):
    coop = f.cooperante("jica-prueba", name="Agencia de Cooperación del Japón", acronym="JICA")
    made = {
        "agua": f.offer(
            coop,
            code="AGUA",
            title="Asistencia técnica para agua potable",
            sdgs=[6],
            cantons=["0101"],
            closes_in=30,
        ),
        "becas": f.offer(
            coop, code="BECAS", title="Becas de maestría", modalities=["scholarships"], closes_in=60
        ),
        "permanente": f.offer(
            coop, code="PERM", title="Voluntariado permanente", modalities=["volunteering"]
        ),
        "borrador": f.offer(
            coop, code="BORR", title="Agua en borrador", status=OfferStatus.DRAFT, closes_in=5
        ),
        "cerrada": f.offer(coop, code="CERR", title="Agua cerrada", status=OfferStatus.CLOSED),
    }
    now = made["agua"].published_at
    for n, code in enumerate(["PERM", "BECAS", "AGUA"]):
        Offer.objects.filter(code=code).update(published_at=now - datetime.timedelta(days=10 - n))
    return made


# --- Atom ----------------------------------------------------------------------------------


def atom(client, **params):
    response = client.get(reverse("offers:feed_atom"), params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def test_atom_is_valid_and_lists_new_public_offers_newest_first(client, offers):
    root = atom(client)
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}title").text == "SIOC · Ofertas de cooperación publicadas"
    assert root.find(f"{ATOM}id").text.startswith("tag:")
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "Asistencia técnica para agua potable",
        "Becas de maestría",
        "Voluntariado permanente",
    ]
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == "http://testserver/ofertas/AGUA/"
    assert first.find(f"{ATOM}id").text.endswith(f":oferta:{offers['agua'].pk}")
    assert "Agencia de Cooperación del Japón (JICA)" in first.find(f"{ATOM}summary").text
    assert first.find(f"{ATOM}published") is not None


def test_atom_takes_the_catalogue_filters(client, offers):
    titles = [e.find(f"{ATOM}title").text for e in atom(client, q="agua").findall(f"{ATOM}entry")]
    assert titles == ["Asistencia técnica para agua potable"]
    root = atom(client, modalidad="scholarships")
    assert [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")] == [
        "Becas de maestría"
    ]
    assert "con filtros" in root.find(f"{ATOM}title").text
    assert len(atom(client, canton="1101").findall(f"{ATOM}entry")) == 2  # the two national ones


def test_atom_stops_at_fifty(client, db):
    coop = f.cooperante()
    for n in range(55):
        f.offer(coop, title=f"Oferta {n}")
    assert len(atom(client).findall(f"{ATOM}entry")) == 50


def test_strange_filters_do_not_break_the_feeds(client, offers):
    for url in (reverse("offers:feed_atom"), reverse("offers:feed_ics")):
        assert client.get(url, {"q": '"NEAR( -*', "ods": "99", "canton": "x"}).status_code == 200


# --- iCalendar -----------------------------------------------------------------------------


def ics(client, **params):
    response = client.get(reverse("offers:feed_ics"), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def unfold(raw: bytes) -> list[str]:
    text = raw.decode("utf-8")
    assert text.endswith("\r\n")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def events(lines):
    out, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            out.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return out


def test_calendar_is_rfc5545(client, offers):
    raw = ics(client)
    physical = raw.split(b"\r\n")
    assert physical[-1] == b""  # every line ends with CRLF …
    assert b"\n" not in raw.replace(b"\r\n", b"")  # … and only with CRLF
    assert all(len(line) <= 75 for line in physical)
    lines = unfold(raw)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    found = events(lines)
    # Open offers with a closing date only: not the permanent one, the draft nor the closed.
    assert [e["SUMMARY"] for e in found] == [
        "Cierre: Asistencia técnica para agua potable",
        "Cierre: Becas de maestría",
    ]
    agua = found[0]
    closes = offers["agua"].closes_on
    assert agua["DTSTART;VALUE=DATE"] == closes.strftime("%Y%m%d")
    assert agua["DTEND;VALUE=DATE"] == (closes + datetime.timedelta(days=1)).strftime("%Y%m%d")
    assert agua["UID"] == f"sioc-oferta-{offers['agua'].pk}@127.0.0.1"
    assert agua["URL"] == "http://testserver/ofertas/AGUA/"
    assert agua["DTSTAMP"].endswith("Z") and len(agua["DTSTAMP"]) == 16


def test_calendar_uids_are_stable(client, offers):
    first = {e["UID"] for e in events(unfold(ics(client)))}
    second = {e["UID"] for e in events(unfold(ics(client)))}
    assert first == second and len(first) == 2


def test_calendar_escapes_and_folds_text(client, db):
    title = "Agua, saneamiento; y «gestión» \\ de cuencas " + "ñandú " * 20
    f.offer(title=title[:300], summary="Línea uno\nLínea dos", closes_in=10)
    raw = ics(client)
    for line in raw.split(b"\r\n"):
        line.decode("utf-8")  # folding never splits a UTF-8 character
        assert len(line) <= 75
    summary = next(e for e in events(unfold(raw)))["SUMMARY"]
    assert summary.startswith("Cierre: Agua\\, saneamiento\\; y «gestión» \\\\ de cuencas ñandú")
    description = events(unfold(raw))[0]["DESCRIPTION"]
    assert "Línea uno\\nLínea dos" in description


def test_calendar_takes_the_catalogue_filters(client, offers):
    cuenca = [e["SUMMARY"] for e in events(unfold(ics(client, canton="0101", ods="6")))]
    assert cuenca == ["Cierre: Asistencia técnica para agua potable"]
    assert events(unfold(ics(client, q="becas")))[0]["SUMMARY"] == "Cierre: Becas de maestría"


def test_fold_and_escape_helpers():
    assert feeds.escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"
    line = "SUMMARY:" + "é" * 100
    folded = feeds.fold(line).encode("utf-8").split(b"\r\n")
    assert all(len(part) <= 75 for part in folded)
    assert all(part.startswith(b" ") for part in folded[1:])
    assert b"".join(p[1:] if i else p for i, p in enumerate(folded)).decode() == line
    assert feeds.fold("corta") == "corta"
