"""The offers API (register in sioc/api/urls.py as "ofertas", basename "offer").

Everyone reads what ``permissions.visible_to`` lets them see; the list shows published offers
unless the client asks for other states with ``?estado=``. Writes go through the services with
the same rules as the pages: AME staff manage everything, a cooperante focal point creates and
edits its own organisation's offers (AME publishes them), and a save based on an old
``version`` (field or ``If-Match`` header) answers 409 without overwriting anything.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import APIException, PermissionDenied, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from sioc.common.errors import ConflictError
from sioc.common.roles import principal
from sioc.offers import permissions, queries, services
from sioc.offers.api.serializers import OfferSerializer, OfferWriteSerializer, offer_list_data
from sioc.offers.choices import TRANSITIONS, OfferStatus
from sioc.offers.filters import OfferFilterSet
from sioc.offers.models import Offer
from sioc.territory.models import Canton, Province

CODE_REGEX = r"[A-Za-z0-9][A-Za-z0-9._-]*"


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"
    default_detail = gettext_lazy(
        "Otra persona guardó esta oferta después de que usted la leyó. No se guardó nada: "
        "vuelva a leerla (GET) y aplique sus cambios sobre la versión actual."
    )


DETAIL = inline_serializer("ErrorDetail", fields={"detail": serializers.CharField()})
ERRORS = OpenApiResponse(
    response=OpenApiTypes.OBJECT,
    description=gettext_lazy(
        "Datos no válidos: cada campo con la lista de sus problemas, en español."
    ),
)
FORBIDDEN = OpenApiResponse(
    response=DETAIL, description=gettext_lazy("Su rol no permite este cambio.")
)
NOT_FOUND = OpenApiResponse(
    response=DETAIL, description=gettext_lazy("La oferta no existe o usted no puede verla.")
)
CONFLICT = OpenApiResponse(
    response=DETAIL,
    description=gettext_lazy("Otra persona guardó la oferta antes; no se guardó nada."),
)
CODE = OpenApiParameter(
    "code",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description=gettext_lazy("Código de la oferta, p. ej. JICA-VOL-2026."),
)
SAVED = OpenApiResponse(
    response=OfferSerializer, description=gettext_lazy("La oferta tal como quedó guardada.")
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=gettext_lazy(
        "Versión de la oferta que usted leyó (campo «version» o cabecera ETag). Si otra "
        "persona guardó después, la respuesta es 409 y no se guarda nada."
    ),
)
WRITE_DESCRIPTION = gettext_lazy(
    "Solo AME y los puntos focales de cooperantes, estos para su propia organización. Envíe "
    "códigos: modalidades, ODS (1–17), metas (6.1), competencias COOTAD (a–n), sectores CAD, "
    "provincias y cantones INEC y el identificador del cooperante. Con sesión iniciada, envíe "
    "también la cabecera X-CSRFToken."
)


class OfferPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "por_pagina"
    max_page_size = 100


@extend_schema_view(
    list=extend_schema(
        summary=gettext_lazy("Ofertas de cooperación"),
        description=gettext_lazy(
            "Ofertas publicadas, con los mismos filtros del catálogo. Para ver otros estados "
            "que su rol le permite (cerradas, borradores o en revisión de su organización) use "
            "?estado=."
        ),
        responses={
            200: OpenApiResponse(
                OfferSerializer(many=True),
                description=gettext_lazy("Una página de ofertas (50 por página)."),
            )
        },
    ),
    retrieve=extend_schema(
        summary=gettext_lazy("Una oferta"),
        description=gettext_lazy(
            "Una oferta por su código. Los visitantes ven las publicadas y las cerradas."
        ),
        parameters=[CODE],
        responses={
            200: OpenApiResponse(OfferSerializer, description=gettext_lazy("La oferta.")),
            404: NOT_FOUND,
        },
    ),
    create=extend_schema(
        summary=gettext_lazy("Crear una oferta"),
        description=WRITE_DESCRIPTION,
        request=OfferWriteSerializer,
        responses={201: SAVED, 400: ERRORS, 403: FORBIDDEN},
    ),
    update=extend_schema(
        summary=gettext_lazy("Reemplazar una oferta"),
        description=WRITE_DESCRIPTION,
        parameters=[CODE, IF_MATCH],
        request=OfferWriteSerializer,
        responses={200: SAVED, 400: ERRORS, 403: FORBIDDEN, 404: NOT_FOUND, 409: CONFLICT},
    ),
    partial_update=extend_schema(
        summary=gettext_lazy("Modificar campos de una oferta"),
        description=WRITE_DESCRIPTION,
        parameters=[CODE, IF_MATCH],
        request=OfferWriteSerializer,
        responses={200: SAVED, 400: ERRORS, 403: FORBIDDEN, 404: NOT_FOUND, 409: CONFLICT},
    ),
)
class OfferViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Ofertas de cooperación del catálogo de SIOC."""

    serializer_class = OfferSerializer
    filterset_class = OfferFilterSet
    pagination_class = OfferPagination
    lookup_field = "code"
    lookup_value_regex = CODE_REGEX
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    # --- reading -----------------------------------------------------------------------------

    def get_queryset(self):
        qs = Offer.objects.select_related("cooperante", "cooperation_type", "currency")
        qs = qs.prefetch_related(
            "modalities",
            "sdgs",
            "sdg_targets",
            "competencies",
            "sectors",
            # Boundaries are big GeoJSON documents the API does not show: never read them.
            Prefetch("provinces", queryset=Province.objects.defer("boundary")),
            Prefetch(
                "cantons",
                queryset=Canton.objects.select_related("province").defer(
                    "boundary", "province__boundary"
                ),
            ),
            "attachments",
        )
        # The list shows published offers unless ?estado= asks for others (OfferFilterSet);
        # whatever it asks, only among the offers this user may see.
        return permissions.visible_to(self.request.user, qs)

    def list(self, request, *args, **kwargs):
        # The same in-memory facet index as the catalogue page answers which offers and in which
        # order; the database reads only the page's offers.
        filterset = OfferFilterSet(request.query_params, queryset=Offer.objects.none())
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        offers = Offer.objects.select_related("cooperante", "cooperation_type", "currency")
        results = queries.IndexedResults(
            request.user, filterset.criteria, permissions.visible_to(request.user, offers)
        )
        page = self.paginate_queryset(results)
        data = offer_list_data(
            page,
            self.get_serializer_context(),
            reference_key=(results.result.index.generation, get_language()),
        )
        return self.get_paginated_response(data)

    def get_object(self):
        # The catalogue filters choose lists; a single offer is found by its code alone.
        return get_object_or_404(self.get_queryset(), code=self.kwargs[self.lookup_field])

    def retrieve(self, request, *args, **kwargs):
        return self._respond(self.get_object())

    # --- writing -----------------------------------------------------------------------------

    def create(self, request, *args, **kwargs):
        user = request.user
        if not permissions.can(user, "create"):
            raise PermissionDenied(
                _("Solo AME y los puntos focales de cooperantes pueden crear ofertas.")
            )
        serializer = self._write_serializer(data=request.data)
        data = serializer.validated_data
        self._check_cooperante(data["cooperante"])
        target = data.get("status", OfferStatus.DRAFT)
        if target == OfferStatus.PUBLISHED and not principal(user).is_ame_staff:
            raise PermissionDenied(
                _("Solo AME publica ofertas: créela como draft o envíela a revisión (in_review).")
            )
        with transaction.atomic(), _service_errors():
            offer = services.create_offer(actor=user, **serializer.service_fields())
            if target != OfferStatus.DRAFT:
                services.change_status(offer, target, actor=user, comment=data.get("comment", ""))
        location = request.build_absolute_uri(
            reverse("api:offer-detail", kwargs={"code": offer.code})
        )
        return self._respond(offer, status.HTTP_201_CREATED, Location=location)

    def update(self, request, *args, **kwargs):
        user = request.user
        offer = self.get_object()
        if not permissions.can(user, "change", offer):
            raise PermissionDenied(_("Su rol no le permite modificar esta oferta."))
        serializer = self._write_serializer(
            offer, data=request.data, partial=kwargs.get("partial", False)
        )
        data = serializer.validated_data
        if "cooperante" in data:
            self._check_cooperante(data["cooperante"])
        target = data.get("status")
        if target and target != offer.status:
            action = TRANSITIONS.get((offer.status, target))
            if action is None:
                raise ValidationError(
                    {
                        "status": _("No se puede pasar una oferta de «%(from)s» a «%(to)s».")
                        % {"from": offer.get_status_display(), "to": OfferStatus(target).label}
                    }
                )
            if not permissions.can(user, action, offer):
                raise PermissionDenied(_("Su rol no permite ese cambio de estado."))
        version = _expected_version(request, data)
        fields = serializer.service_fields()
        with transaction.atomic(), _service_errors():
            if fields:
                offer = services.update_offer(offer, actor=user, expected_version=version, **fields)
            elif version and Offer.objects.get(pk=offer.pk).updated_at.isoformat() != version:
                raise ConflictError(offer)
            if target and target != offer.status:
                services.change_status(offer, target, actor=user, comment=data.get("comment", ""))
        return self._respond(offer)

    # --- helpers -----------------------------------------------------------------------------

    def _write_serializer(self, *args, **kwargs):
        serializer = OfferWriteSerializer(*args, context=self.get_serializer_context(), **kwargs)
        serializer.is_valid(raise_exception=True)
        return serializer

    def _check_cooperante(self, cooperante):
        user = self.request.user
        if principal(user).is_ame_staff:
            return
        if cooperante.pk not in permissions.focal_organization_ids(user):
            raise PermissionDenied(_("Solo puede gestionar ofertas de su propia organización."))

    def _respond(self, offer, code=status.HTTP_200_OK, **headers):
        fresh = get_object_or_404(self.get_queryset(), pk=offer.pk)
        data = OfferSerializer(fresh, context=self.get_serializer_context()).data
        headers["ETag"] = f'"{data["version"]}"'
        return Response(data, status=code, headers=headers)


def _expected_version(request, data):
    """The version the client read: the If-Match header, or the ``version`` field."""
    header = request.headers.get("If-Match", "").strip()
    if header and header != "*":
        return header.removeprefix("W/").strip('"')
    return data.get("version") or None


class _service_errors:
    """Turn the services' refusals into API answers (400 with messages, 409 on conflict)."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            return False
        if issubclass(exc_type, ConflictError):
            raise Conflict() from exc
        if issubclass(exc_type, DjangoValidationError):
            raise ValidationError(serializers.as_serializer_error(exc)) from exc
        return False
