"""Atom feed of newly published offers and iCalendar (RFC 5545) of closing dates.

The calendar is written here rather than with a library: it is a few lines of a simple format,
and RFC 5545's rules are applied explicitly — CRLF line ends, lines folded at 75 octets without
splitting a UTF-8 character, TEXT values escaped (backslash, semicolon, comma, new line).
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

CRLF = "\r\n"
MAX_OCTETS = 75


def site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "sioc.ame.gob.ec"


def describe(criteria) -> str:
    """A short Spanish description of the filters, for feed titles."""
    parts = []
    if criteria.text:
        parts.append(f"«{criteria.text[:60]}»")
    if criteria.facets or criteria.canton or criteria.closes_within or criteria.cooperante:
        parts.append(_("con filtros"))
    return " ".join(parts)


# --- Atom ----------------------------------------------------------------------------------


def atom(request, criteria, offers, *, catalog_url) -> bytes:
    title = _("SIOC · Ofertas de cooperación publicadas")
    extra = describe(criteria)
    feed = Atom1Feed(
        title=f"{title} {extra}".strip(),
        link=request.build_absolute_uri(catalog_url),
        description=_("Ofertas de cooperación internacional para los GAD municipales del Ecuador."),
        language="es-ec",
        feed_url=request.build_absolute_uri(),
        author_name=_("AME · Dirección Nacional de Cooperación Internacional"),
        feed_guid=f"tag:{site_host()},2026:sioc:ofertas",
    )
    for offer in offers:
        link = request.build_absolute_uri(offer.get_absolute_url())
        lines = [offer.cooperante.display_name]
        if offer.summary:
            lines.append(offer.summary)
        if offer.closes_on:
            lines.append(_("Cierra el %(date)s.") % {"date": offer.closes_on.strftime("%d/%m/%Y")})
        feed.add_item(
            title=offer.title,
            link=link,
            description=" — ".join(lines),
            unique_id=f"tag:{site_host()},2026:sioc:oferta:{offer.pk}",
            unique_id_is_permalink=False,
            pubdate=offer.published_at,
            updateddate=offer.updated_at,
            author_name=offer.cooperante.name,
            categories=[m.name for m in offer.modalities.all()],
        )
    return feed.writeString("utf-8").encode("utf-8")


# --- iCalendar -----------------------------------------------------------------------------


def escape_text(value: str) -> str:
    """RFC 5545 §3.3.11: backslash, semicolon, comma and new lines; no other control chars."""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(ch for ch in value if ch in "\n\t" or ord(ch) >= 32)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """RFC 5545 §3.1: at most 75 octets per line; continuation lines start with a space."""
    out, current, size, limit = [], [], 0, MAX_OCTETS
    for ch in line:
        octets = len(ch.encode("utf-8"))
        if size + octets > limit:
            out.append("".join(current))
            current, size, limit = [" "], 1, MAX_OCTETS
        current.append(ch)
        size += octets
    out.append("".join(current))
    return CRLF.join(out)


def _utc(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(request, criteria, offers) -> bytes:
    now = timezone.now().replace(microsecond=0)
    name = " ".join([_("SIOC · Cierres de ofertas de cooperación"), describe(criteria)]).strip()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//AME//SIOC catalogo de ofertas//ES",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(name)}",
        f"X-WR-CALNAME:{escape_text(name)}",
        "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
        "X-PUBLISHED-TTL:PT12H",
    ]
    for offer in offers:
        url = request.build_absolute_uri(offer.get_absolute_url())
        description = "\n".join(
            part
            for part in (
                offer.cooperante.display_name,
                offer.summary,
                _("Más información: %(url)s") % {"url": url},
            )
            if part
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:sioc-oferta-{offer.pk}@{site_host()}",
            f"DTSTAMP:{_utc(now)}",
            f"LAST-MODIFIED:{_utc(offer.updated_at)}",
            f"DTSTART;VALUE=DATE:{offer.closes_on:%Y%m%d}",
            f"DTEND;VALUE=DATE:{offer.closes_on + datetime.timedelta(days=1):%Y%m%d}",
            "SUMMARY:" + escape_text(_("Cierre: %(title)s") % {"title": offer.title}),
            "DESCRIPTION:" + escape_text(description),
            f"URL:{url}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return (CRLF.join(fold(line) for line in lines) + CRLF).encode("utf-8")
