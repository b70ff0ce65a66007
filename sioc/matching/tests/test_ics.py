"""A GAD's calendar of fitting deadlines: RFC 5545 as calendar applications read it."""

import datetime
import uuid

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from sioc.demands.services import profile_for
from sioc.matching import feeds
from sioc.matching.tests import scenario

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(db):
    return scenario.build()


@pytest.fixture
def feed_url(scene):
    return reverse("matching:gad_deadlines_ics", args=[profile_for(scene.cuenca).feed_token])


def physical_lines(body: bytes) -> list[bytes]:
    assert body.endswith(b"\r\n")
    # Every line ends in CRLF: no bare LF or CR anywhere.
    assert body.count(b"\n") == body.count(b"\r\n") == body.count(b"\r")
    return body[:-2].split(b"\r\n")


def unfold(body: bytes) -> list[str]:
    """RFC 5545 §3.1: a CRLF followed by one space or tab continues the previous line."""
    lines = []
    for raw in physical_lines(body):
        assert len(raw) <= 75, raw
        text = raw.decode("utf-8")  # each physical line is valid UTF-8 on its own
        if text[:1] in (" ", "\t"):
            lines[-1] += text[1:]
        else:
            lines.append(text)
    return lines


def components(lines, name):
    """The property lines of each ``name`` component, as dicts (name with params → value)."""
    found, current = [], None
    for line in lines:
        if line == f"BEGIN:{name}":
            current = {}
        elif line == f"END:{name}":
            found.append(current)
            current = None
        elif current is not None and not line.startswith(("BEGIN:", "END:")):
            key, _, value = line.partition(":")
            current.setdefault(key, value)
    return found


def unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            assert ch not in ",;", f"unescaped {ch!r} in {value!r}"
            out.append(ch)
            i += 1
    return "".join(out)


def test_calendar_lists_the_fitting_deadlines_without_login(client, scene, feed_url):
    response = client.get(feed_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    lines = unfold(response.content)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    # BEGIN/END are balanced and properly nested.
    stack = []
    for line in lines:
        if line.startswith("BEGIN:"):
            stack.append(line[6:])
        elif line.startswith("END:"):
            assert stack.pop() == line[4:]
    assert not stack
    events = components(lines, "VEVENT")
    assert len(events) == 1  # the fund: the assistance is permanent, the traps are out
    event = events[0]
    assert event["DTSTART;VALUE=DATE"] == scene.fund.closes_on.strftime("%Y%m%d")
    next_day = scene.fund.closes_on + datetime.timedelta(days=1)
    assert event["DTEND;VALUE=DATE"] == next_day.strftime("%Y%m%d")
    for required in ("UID", "DTSTAMP", "SUMMARY", "DESCRIPTION", "URL"):
        assert required in event
    assert len(event["DTSTAMP"]) == 16 and event["DTSTAMP"].endswith("Z")
    assert unescape(event["SUMMARY"]) == f"Cierre: {scene.fund.title}"
    description = unescape(event["DESCRIPTION"])
    assert "Por qué le conviene:" in description
    assert event["URL"].endswith(scene.fund.get_absolute_url())
    alarms = components(lines, "VALARM")
    assert alarms and alarms[0]["TRIGGER"] == "-P7D" and alarms[0]["ACTION"] == "DISPLAY"
    name = next(line for line in lines if line.startswith("X-WR-CALNAME:"))
    assert scene.cuenca.name in unescape(name.partition(":")[2])


def test_uid_is_stable_and_names_the_gad(client, scene, feed_url):
    first = components(unfold(client.get(feed_url).content), "VEVENT")[0]["UID"]
    second = components(unfold(client.get(feed_url).content), "VEVENT")[0]["UID"]
    assert first == second
    assert first.startswith(f"sioc-gad-{scene.cuenca.pk}-oferta-{scene.fund.pk}@")


def test_unknown_or_malformed_token_is_404(client, scene):
    assert client.get(reverse("matching:gad_deadlines_ics", args=[uuid.uuid4()])).status_code == 404
    assert client.get("/coincidencias/calendario/no-es-un-token.ics").status_code == 404


def test_a_gad_sees_only_its_own_deadlines(client, scene):
    loja_url = reverse("matching:gad_deadlines_ics", args=[profile_for(scene.loja).feed_token])
    body = client.get(loja_url).content
    events = components(unfold(body), "VEVENT")
    assert all(e["UID"].startswith(f"sioc-gad-{scene.loja.pk}-oferta-") for e in events)
    assert f"oferta-{scene.assistance.pk}@" not in body.decode()  # Azuay only
    assert scene.cuenca.name not in body.decode()


def test_closing_dates_from_today_on_only(client, scene, feed_url):
    today_offer = scenario.water_offer("Agua potable que cierra hoy", closes_in=0)
    lines = unfold(client.get(feed_url).content)
    starts = [e["DTSTART;VALUE=DATE"] for e in components(lines, "VEVENT")]
    assert today_offer.closes_on.strftime("%Y%m%d") in starts
    assert scene.expired.closes_on.strftime("%Y%m%d") not in starts
    assert starts == sorted(starts)


def test_post_is_not_allowed(client, feed_url):
    assert client.post(feed_url).status_code == 405


# --- the writer itself: escaping and folding ------------------------------------------------


class FakeOffer:
    pk = 7
    title = "Agua, saneamiento; y \\ residuos\nrurales — cañón de Ñuñurco " + "é" * 60
    summary = "Línea uno\r\nlínea dos"
    closes_on = datetime.date(2027, 3, 1)

    def __init__(self):
        self.updated_at = timezone.now()
        self.match_reasons = ["ODS 6 en común", "cubre Azuay; cierra en 12 días"]
        self.cooperante = type("C", (), {"display_name": "Agencia, Prueba"})()

    def get_absolute_url(self):
        return "/ofertas/PRUEBA-7/"


def test_text_is_escaped_and_long_lines_are_folded_on_character_boundaries():
    gad = type("G", (), {"pk": 3, "name": "GAD Municipal de Nabón"})()
    request = RequestFactory().get("/")
    body = feeds.gad_calendar(request, gad, [FakeOffer()])
    raw = body.decode("utf-8")
    assert "Agua\\, saneamiento\\; y \\\\ residuos\\nrurales" in raw.replace("\r\n ", "")
    lines = unfold(body)  # asserts ≤ 75 octets and valid UTF-8 per physical line
    event = components(lines, "VEVENT")[0]
    assert unescape(event["SUMMARY"]) == "Cierre: " + FakeOffer.title
    description = unescape(event["DESCRIPTION"])
    assert "Línea uno\nlínea dos" in description
    assert "ODS 6 en común; cubre Azuay; cierra en 12 días" in description
    assert event["UID"].startswith("sioc-gad-3-oferta-7@")
    # Some physical lines were folded (the title is long and multi-byte).
    assert any(line.startswith(b" ") for line in physical_lines(body))


def test_empty_calendar_is_still_valid(client, db):
    from sioc.accounts.tests.factories import gad

    url = reverse("matching:gad_deadlines_ics", args=[profile_for(gad("1401")).feed_token])
    lines = unfold(client.get(url).content)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert not components(lines, "VEVENT")
