"""A GAD's calendar of fitting deadlines (iCalendar, RFC 5545).

The line rules (CRLF, folding at 75 octets without splitting a UTF-8 character, TEXT escaping)
are ``sioc.offers.feeds``'s, reused here. Each offer is an all-day event on its closing date,
with the reasons it fits the GAD and a reminder seven days before. The UID names the GAD too:
a person subscribed to both the public calendar and their GAD's sees two distinct events.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from sioc.offers.feeds import CRLF, escape_text, fold, site_host

REMINDER = "-P7D"


def utc_stamp(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def event_uid(gad, offer) -> str:
    return f"sioc-gad-{gad.pk}-oferta-{offer.pk}@{site_host()}"


def gad_calendar(request, gad, offers, *, now=None) -> bytes:
    """``offers`` carry ``match_reasons`` (the engine's Spanish reasons) and ``cooperante``."""
    now = (now or timezone.now()).replace(microsecond=0)
    name = _("SIOC · Plazos de ofertas para %(gad)s") % {"gad": gad.name}
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//AME//SIOC coincidencias//ES",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(name)}",
        f"X-WR-CALNAME:{escape_text(name)}",
        "X-WR-TIMEZONE:America/Guayaquil",
        "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
        "X-PUBLISHED-TTL:PT12H",
    ]
    for offer in offers:
        url = request.build_absolute_uri(offer.get_absolute_url())
        parts = [offer.cooperante.display_name]
        if offer.summary:
            parts.append(offer.summary)
        reasons = getattr(offer, "match_reasons", None) or []
        if reasons:
            parts.append(_("Por qué le conviene: %(reasons)s.") % {"reasons": "; ".join(reasons)})
        parts.append(_("Más información: %(url)s") % {"url": url})
        summary = _("Cierre: %(title)s") % {"title": offer.title}
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event_uid(gad, offer)}",
            f"DTSTAMP:{utc_stamp(now)}",
            f"LAST-MODIFIED:{utc_stamp(offer.updated_at)}",
            f"DTSTART;VALUE=DATE:{offer.closes_on:%Y%m%d}",
            f"DTEND;VALUE=DATE:{offer.closes_on + datetime.timedelta(days=1):%Y%m%d}",
            "SUMMARY:" + escape_text(summary),
            "DESCRIPTION:" + escape_text("\n".join(parts)),
            f"URL:{url}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"TRIGGER:{REMINDER}",
            "DESCRIPTION:" + escape_text(_("En 7 días cierra: %(title)s") % {"title": offer.title}),
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return (CRLF.join(fold(line) for line in lines) + CRLF).encode("utf-8")
