"""Reads of the territory for pages, GeoJSON endpoints and the API.

Lists never load the boundary JSON (it is only read by the GeoJSON endpoints); counts are
annotations and each canton's GAD comes with ``select_related("gad")``, so a page costs a fixed
number of queries whatever the number of rows.
"""

from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _

from sioc.common.text import fold
from sioc.territory import permissions
from sioc.territory.models import Canton, Parish, Province

# Parishes are listed seat first, then urban, then rural.
PARISH_KIND_ORDER = {Parish.Kind.SEAT: 0, Parish.Kind.URBAN: 1, Parish.Kind.RURAL: 2}


def _count(model, fk: str):
    """Number of ``model`` rows pointing at the outer row, as a subquery (no GROUP BY)."""
    rows = model.objects.filter(**{fk: OuterRef("pk")}).order_by().values(fk)
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


def _by_name(objects):
    """Alphabetical order ignoring accents and case (databases put "Á" after "Z")."""
    return sorted(objects, key=lambda obj: (fold(obj.name), obj.code))


# --- querysets (for get_object_or_404, the API and further filtering) ------------------------


def provinces(user):
    return (
        permissions.provinces.visible_to(user)
        .defer("boundary")
        .annotate(canton_count=_count(Canton, "province"))
        .order_by("name")
    )


def cantons(user):
    return (
        permissions.cantons.visible_to(user)
        .defer("boundary", "province__boundary")
        .select_related("province", "gad")
        .annotate(parish_count=_count(Parish, "canton"))
        .order_by("name")
    )


def zones(user):
    return permissions.zones.visible_to(user).defer("boundary").order_by("code")


def province_shapes(user):
    """Provinces with their boundary (GeoJSON endpoints only)."""
    return permissions.provinces.visible_to(user).annotate(canton_count=_count(Canton, "province"))


def canton_shapes(user):
    return (
        permissions.cantons.visible_to(user).select_related("province").defer("province__boundary")
    )


# --- page contexts ---------------------------------------------------------------------------


def province_list(user) -> dict:
    rows = _by_name(provinces(user))
    zone_rows = list(zones(user))
    populations = [p.population_2020 for p in rows]
    return {
        "provinces": rows,
        "zones": zone_rows,
        "canton_total": sum(p.canton_count for p in rows),
        "population_total": sum(populations) if None not in populations else None,
    }


def province_cantons(user, province: Province) -> list[Canton]:
    return _by_name(cantons(user).filter(province=province))


def canton_parishes(user, canton: Canton) -> list[Parish]:
    rows = permissions.parishes.visible_to(user).filter(canton=canton)
    return sorted(rows, key=lambda p: (PARISH_KIND_ORDER.get(p.kind, 9), fold(p.name), p.code))


def parish_groups(parishes) -> list[tuple[str, list[Parish]]]:
    """Parishes grouped under a heading per kind, in PARISH_KIND_ORDER."""
    headings = {
        Parish.Kind.SEAT: _("Cabecera cantonal"),
        Parish.Kind.URBAN: _("Parroquias urbanas"),
        Parish.Kind.RURAL: _("Parroquias rurales"),
    }
    groups: dict[str, list[Parish]] = {}
    for parish in parishes:
        groups.setdefault(parish.kind, []).append(parish)
    return [(headings.get(kind, kind), rows) for kind, rows in groups.items()]


def cantons_with_parishes(user):
    """Cantons with their parishes prefetched (two queries), e.g. for exports."""
    return cantons(user).prefetch_related(
        Prefetch("parishes", queryset=Parish.objects.order_by("code"))
    )


# --- GeoJSON ---------------------------------------------------------------------------------


def _feature(obj, kind: str, url: str | None, **extra) -> dict:
    return {
        "type": "Feature",
        "id": obj.code,
        "geometry": obj.boundary,
        "properties": {
            "code": obj.code,
            "name": obj.name,
            "inec_name": obj.inec_name,
            "kind": kind,
            "url": url,
            "population": obj.population_2020,
            **extra,
        },
    }


def _collection(features) -> dict:
    return {"type": "FeatureCollection", "features": features}


def provinces_geojson(user) -> dict:
    """The 24 provinces, plus the zonas no delimitadas (which belong to no province)."""
    features = [
        _feature(p, "provincia", p.get_absolute_url(), cantons=p.canton_count)
        for p in province_shapes(user).order_by("code")
    ]
    features += [
        _feature(z, "zona_no_delimitada", None)
        for z in permissions.zones.visible_to(user).order_by("code")
        if z.boundary
    ]
    return _collection(features)


def province_geojson(user, province: Province) -> dict:
    """The province outline, then its cantons (with code, name, url and population)."""
    features = [_feature(province, "provincia", province.get_absolute_url())]
    features += [
        _feature(c, "canton", c.get_absolute_url(), province=province.code)
        for c in canton_shapes(user).filter(province=province).order_by("code")
    ]
    return _collection(features)


def canton_geojson(user, canton: Canton) -> dict:
    return _collection(
        [
            _feature(
                canton,
                "canton",
                canton.get_absolute_url(),
                province=canton.province.code,
                province_name=canton.province.name,
                province_url=reverse("territory:province", args=[canton.province.code]),
            )
        ]
    )
