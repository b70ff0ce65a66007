"""Public pages of the territory: provinces, a province, a canton, and their GeoJSON."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from sioc.territory import queries

GEOJSON_CONTENT_TYPE = "application/geo+json"
# Reference data changes only when it is reloaded; browsers may keep the shapes an hour.
geojson_cache = cache_control(public=True, max_age=3600)


def _geojson(data) -> JsonResponse:
    # JSON numbers are never localised; keep accents readable.
    return JsonResponse(
        data,
        content_type=GEOJSON_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
    )


@require_safe
def province_list(request):
    return render(request, "territory/province_list.html", queries.province_list(request.user))


@require_safe
def province_detail(request, code):
    province = get_object_or_404(queries.provinces(request.user), code=code)
    cantons = queries.province_cantons(request.user, province)
    return render(
        request, "territory/province_detail.html", {"province": province, "cantons": cantons}
    )


@require_safe
def canton_detail(request, code):
    canton = get_object_or_404(queries.cantons(request.user), code=code)
    parishes = queries.canton_parishes(request.user, canton)
    return render(
        request,
        "territory/canton_detail.html",
        {
            "canton": canton,
            "gad": getattr(canton, "gad", None),
            "parishes": parishes,
            "parish_groups": queries.parish_groups(parishes),
        },
    )


@require_safe
@geojson_cache
def provinces_geojson(request):
    return _geojson(queries.provinces_geojson(request.user))


@require_safe
@geojson_cache
def province_geojson(request, code):
    province = get_object_or_404(queries.province_shapes(request.user), code=code)
    return _geojson(queries.province_geojson(request.user, province))


@require_safe
@geojson_cache
def canton_geojson(request, code):
    canton = get_object_or_404(queries.canton_shapes(request.user), code=code)
    return _geojson(queries.canton_geojson(request.user, canton))
