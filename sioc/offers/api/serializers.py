"""Offers in the API: a read representation with labelled codes, and a write form by codes.

Reading: English keys; every code comes with its Spanish name (``{"code": "training", "name":
"Capacitación"}``); amounts are JSON numbers and dates ISO 8601. ``version`` is the token of
the optimistic lock (send it back, or as ``If-Match``, when saving).

Writing: codes only (modalities, SDGs 1–17, targets like ``6.1``, COOTAD letters, DAC sectors,
INEC province and canton codes, the cooperante's slug). The write serializer validates and
hands ``service_fields()`` to the services; it never saves a model itself.
"""

from django.db import connections
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from sioc.codelists.models import (
    CooperationType,
    CootadCompetency,
    Currency,
    DacSector,
    Modality,
    SdgGoal,
    SdgTarget,
)
from sioc.offers.choices import Applicant, OfferStatus, Schedule
from sioc.offers.models import Offer, OfferAttachment
from sioc.organizations.models import Organization
from sioc.territory.models import Canton, Province

# --- Reading -------------------------------------------------------------------------------


class CodeNameSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True, help_text=_("Código."))
    name = serializers.CharField(read_only=True, help_text=_("Nombre en español."))


class ModalitySerializer(CodeNameSerializer):
    is_reimbursable = serializers.BooleanField(
        read_only=True, help_text=_("Verdadero solo para el crédito, que se devuelve.")
    )


class SdgSerializer(serializers.Serializer):
    code = serializers.IntegerField(read_only=True, help_text=_("Número del ODS, 1 a 17."))
    name = serializers.CharField(source="short_title", read_only=True)


class CompetencySerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True, help_text=_("Letra del art. 55 del COOTAD."))
    name = serializers.CharField(source="short_name", read_only=True)


class CantonRefSerializer(CodeNameSerializer):
    province = serializers.CharField(source="province.code", read_only=True)


class CooperanteRefSerializer(serializers.Serializer):
    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    acronym = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    country = serializers.CharField(read_only=True)


class ApplicantSerializer(serializers.Serializer):
    code = serializers.CharField(
        read_only=True, help_text=_("gad_municipal, mancomunidad u other.")
    )
    name = serializers.CharField(read_only=True)


class AttachmentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = OfferAttachment
        fields = ["title", "url", "uploaded_at"]
        read_only_fields = fields

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(obj.file.url) if request else obj.file.url


def applicants_of(offer) -> list[Applicant]:
    flags = [
        (offer.open_to_gad, Applicant.GAD_MUNICIPAL),
        (offer.open_to_mancomunidad, Applicant.MANCOMUNIDAD),
        (offer.open_to_others, Applicant.OTHER),
    ]
    return [applicant for flag, applicant in flags if flag]


class OfferSerializer(serializers.ModelSerializer):
    # The docstring is the schema's description of the component (Spanish, users read it).
    """Una oferta de cooperación: cada código viene con su nombre en español; montos como
    números y fechas ISO 8601."""

    url = serializers.SerializerMethodField(help_text=_("Página de la oferta en SIOC."))
    cooperante = CooperanteRefSerializer(read_only=True)
    modalities = ModalitySerializer(many=True, read_only=True)
    cooperation_type = CodeNameSerializer(read_only=True, allow_null=True)
    sdgs = SdgSerializer(many=True, read_only=True)
    sdg_targets = CodeNameSerializer(many=True, read_only=True)
    competencies = CompetencySerializer(many=True, read_only=True)
    sectors = CodeNameSerializer(many=True, read_only=True)
    provinces = CodeNameSerializer(many=True, read_only=True)
    cantons = CantonRefSerializer(many=True, read_only=True)
    applicants = serializers.SerializerMethodField()
    currency = CodeNameSerializer(read_only=True, allow_null=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    schedule_label = serializers.CharField(source="get_schedule_display", read_only=True)
    is_open = serializers.SerializerMethodField(
        help_text=_("Publicada y aceptando postulaciones hoy.")
    )
    is_reimbursable = serializers.BooleanField(
        read_only=True, help_text=_("Alguna de sus modalidades es crédito (reembolsable).")
    )
    possibly_outdated = serializers.BooleanField(
        read_only=True, help_text=_("No verificada en los últimos 12 meses.")
    )
    attachments = AttachmentSerializer(many=True, read_only=True)
    version = serializers.SerializerMethodField(
        help_text=_(
            "Versión que usted leyó: envíela en el campo «version» o en la cabecera If-Match "
            "al guardar; si otra persona guardó antes, la respuesta es 409."
        )
    )

    class Meta:
        model = Offer
        fields = [
            "code",
            "url",
            "title",
            "summary",
            "description",
            "cooperante",
            "modalities",
            "cooperation_type",
            "sdgs",
            "sdg_targets",
            "competencies",
            "sectors",
            "is_national",
            "provinces",
            "cantons",
            "applicants",
            "amount_min",
            "amount_max",
            "currency",
            "counterpart_percent",
            "schedule",
            "schedule_label",
            "opens_on",
            "closes_on",
            "requirements",
            "how_to_apply",
            "contact",
            "source_url",
            "status",
            "status_label",
            "is_open",
            "is_reimbursable",
            "possibly_outdated",
            "last_verified_on",
            "published_at",
            "updated_at",
            "attachments",
            "version",
        ]
        read_only_fields = fields

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        path = obj.get_absolute_url()
        return request.build_absolute_uri(path) if request else path

    @extend_schema_field(ApplicantSerializer(many=True))
    def get_applicants(self, obj):
        return [{"code": a.value, "name": str(a.label)} for a in applicants_of(obj)]

    def get_is_open(self, obj) -> bool:
        return obj.is_open_on()

    def get_version(self, obj) -> str:
        return obj.updated_at.isoformat()


# --- Writing -------------------------------------------------------------------------------


class CodeField(serializers.SlugRelatedField):
    # A record named by its code; ``missing`` is the Spanish message for an unknown one.

    def __init__(self, missing, **kwargs):
        kwargs.setdefault("slug_field", "code")
        messages = {
            "does_not_exist": missing,
            "invalid": _("«{value}» no es un código válido."),
            "null": _("Este campo no puede ser nulo."),
        }
        messages.update(kwargs.pop("error_messages", {}))
        super().__init__(error_messages=messages, **kwargs)

    @classmethod
    def many_init(cls, *args, **kwargs):
        # The list field (not the child) answers for a value that is not a list.
        kwargs["error_messages"] = {
            "not_a_list": _('Envíe una lista de códigos, p. ej. ["a", "d"].'),
        }
        return super().many_init(*args, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (str, int)):
            self.fail("invalid", value=data)
        return super().to_internal_value(data)


def codes(missing, queryset, **kwargs):
    return CodeField(missing, queryset=queryset, many=True, required=False, **kwargs)


def date_field(**kwargs):
    return serializers.DateField(
        required=False,
        allow_null=True,
        error_messages={
            "invalid": _("Fecha no válida: use el formato AAAA-MM-DD, p. ej. 2027-03-31."),
            "datetime": _("Indique solo la fecha (AAAA-MM-DD), sin hora."),
        },
        **kwargs,
    )


WRITABLE_STATUSES = [OfferStatus.DRAFT, OfferStatus.IN_REVIEW, OfferStatus.PUBLISHED]


class OfferWriteSerializer(serializers.Serializer):
    # The docstring is the schema's description of the component (Spanish, users read it).
    """Datos para crear o modificar una oferta, con códigos (no nombres): modalidades, ODS,
    metas, competencias COOTAD, sectores CAD, provincias y cantones INEC, moneda ISO 4217 y
    el identificador del cooperante."""

    code = serializers.RegexField(
        r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
        max_length=40,
        help_text=_("Código único de la oferta, p. ej. JICA-VOL-2026."),
        error_messages={
            "invalid": _(
                "Use solo letras sin tildes, números, punto, guion y guion bajo "
                "(p. ej. JICA-VOL-2026)."
            )
        },
    )
    cooperante = CodeField(
        _("No hay un cooperante con el identificador «{value}»."),
        slug_field="slug",
        queryset=Organization.objects.cooperantes(),
        help_text=_("Identificador (slug) de la organización cooperante."),
    )
    title = serializers.CharField(max_length=300)
    summary = serializers.CharField(max_length=600, required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True)
    modalities = codes(
        _("La modalidad «{value}» no existe."),
        Modality.objects.active(),
        help_text=_("Códigos de modalidad: non_reimbursable, technical_assistance, training…"),
    )
    cooperation_type = CodeField(
        _("El tipo de cooperación «{value}» no existe."),
        queryset=CooperationType.objects.active(),
        required=False,
        allow_null=True,
    )
    sdgs = codes(
        _("El ODS «{value}» no existe: use un número del 1 al 17."),
        SdgGoal.objects.active(),
        help_text=_("Números de ODS, 1 a 17."),
    )
    sdg_targets = codes(
        _("La meta ODS «{value}» no existe."),
        SdgTarget.objects.active(),
        help_text=_("Metas como 6.1 o 11.a."),
    )
    competencies = codes(
        _("La competencia COOTAD «{value}» no existe: use una letra de la a a la n."),
        CootadCompetency.objects.active(),
        help_text=_("Letras a–n del art. 55 del COOTAD."),
    )
    sectors = codes(
        _("El sector CAD «{value}» no existe."),
        DacSector.objects.active(),
        help_text=_("Códigos CAD de 5 dígitos."),
    )
    is_national = serializers.BooleanField(
        required=False, help_text=_("Cubre todo el Ecuador (sin provincias ni cantones).")
    )
    provinces = codes(
        _("No hay una provincia con el código INEC «{value}»."),
        Province.objects.all(),
        help_text=_("Códigos INEC de 2 dígitos."),
    )
    cantons = codes(
        _("No hay un cantón con el código INEC «{value}»."),
        Canton.objects.all(),
        help_text=_("Códigos INEC de 4 dígitos."),
    )
    applicants = serializers.MultipleChoiceField(
        choices=Applicant.choices,
        required=False,
        help_text=_("Quiénes pueden postular: gad_municipal, mancomunidad, other."),
        error_messages={"invalid_choice": _("«{input}» no es un tipo de postulante válido.")},
    )
    amount_min = serializers.DecimalField(
        max_digits=16, decimal_places=2, min_value=0, required=False, allow_null=True
    )
    amount_max = serializers.DecimalField(
        max_digits=16, decimal_places=2, min_value=0, required=False, allow_null=True
    )
    currency = CodeField(
        _("La moneda «{value}» no existe."),
        queryset=Currency.objects.active(),
        required=False,
        allow_null=True,
        help_text=_("Código ISO 4217, p. ej. USD."),
    )
    counterpart_percent = serializers.DecimalField(
        max_digits=5, decimal_places=2, min_value=0, max_value=100, required=False, allow_null=True
    )
    schedule = serializers.ChoiceField(choices=Schedule.choices, required=False)
    opens_on = date_field()
    closes_on = date_field(help_text=_("En blanco: sin fecha de cierre."))
    requirements = serializers.CharField(required=False, allow_blank=True)
    how_to_apply = serializers.CharField(required=False, allow_blank=True)
    contact = serializers.CharField(max_length=300, required=False, allow_blank=True)
    source_url = serializers.URLField(max_length=500, required=False, allow_blank=True)
    last_verified_on = date_field()
    status = serializers.ChoiceField(
        choices=[(s.value, s.label) for s in OfferStatus],
        required=False,
        help_text=_(
            "Al crear: draft (predeterminado), in_review o, solo AME, published. Al modificar: "
            "el estado al que pasa la oferta, si la transición está permitida."
        ),
    )
    comment = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=2000,
        write_only=True,
        help_text=_("Comentario del cambio de estado; obligatorio para devolver una oferta."),
    )
    version = serializers.CharField(
        required=False,
        allow_blank=True,
        write_only=True,
        help_text=_("El campo «version» que leyó (alternativa a la cabecera If-Match)."),
    )

    def to_internal_value(self, data):
        if hasattr(data, "keys"):
            unknown = sorted(set(data.keys()) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {
                        name: [
                            _("Campo desconocido. Los campos que se pueden enviar son: %s.")
                            % ", ".join(self.fields)
                        ]
                        for name in unknown
                    }
                )
        return super().to_internal_value(data)

    def validate_code(self, value):
        others = Offer.objects.filter(code=value)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise serializers.ValidationError(_("Ya existe una oferta con el código «%s».") % value)
        return value

    def validate_status(self, value):
        if self.instance is None and value not in WRITABLE_STATUSES:
            raise serializers.ValidationError(
                _("Una oferta nueva se crea como draft, in_review o published.")
            )
        return value

    def _current(self, attrs, name, default=None):
        if name in attrs:
            return attrs[name]
        if self.instance is not None:
            if name in ("provinces", "cantons"):
                return list(getattr(self.instance, name).all())
            return getattr(self.instance, name)
        return default

    def validate(self, attrs):
        errors = {}
        low, high = self._current(attrs, "amount_min"), self._current(attrs, "amount_max")
        if low is not None and high is not None and low > high:
            errors["amount_min"] = _("El monto mínimo no puede ser mayor que el máximo.")
        if (low is not None or high is not None) and not self._current(attrs, "currency"):
            errors["currency"] = _("Indique la moneda del monto.")
        opens, closes = self._current(attrs, "opens_on"), self._current(attrs, "closes_on")
        if opens and closes and opens > closes:
            errors["closes_on"] = _("La fecha de cierre no puede ser anterior a la de apertura.")
        territory = attrs.get("provinces") or attrs.get("cantons")
        if "is_national" not in attrs and territory:
            attrs["is_national"] = False  # naming provinces or cantons narrows the coverage
        national = self._current(attrs, "is_national", True)
        if national and territory:
            errors["is_national"] = _(
                "Una oferta de cobertura nacional no lleva provincias ni cantones."
            )
        elif not national and not (
            self._current(attrs, "provinces", []) or self._current(attrs, "cantons", [])
        ):
            errors["is_national"] = _(
                "Indique las provincias o cantones que cubre, o marque cobertura nacional."
            )
        if errors:
            raise serializers.ValidationError(errors)
        return attrs

    def service_fields(self) -> dict:
        """The validated data as keyword arguments of create_offer / update_offer."""
        fields = {
            k: v
            for k, v in self.validated_data.items()
            if k not in ("status", "comment", "version", "applicants")
        }
        if "applicants" in self.validated_data:
            chosen = self.validated_data["applicants"]
            fields["open_to_gad"] = Applicant.GAD_MUNICIPAL in chosen
            fields["open_to_mancomunidad"] = Applicant.MANCOMUNIDAD in chosen
            fields["open_to_others"] = Applicant.OTHER in chosen
        return fields


# --- The list, fast ------------------------------------------------------------------------

# Related lists of the representation: field → (model, its serializer).
RELATED_LISTS = {
    "modalities": (Modality, ModalitySerializer),
    "sdgs": (SdgGoal, SdgSerializer),
    "sdg_targets": (SdgTarget, CodeNameSerializer),
    "competencies": (CootadCompetency, CompetencySerializer),
    "sectors": (DacSector, CodeNameSerializer),
    "provinces": (Province, CodeNameSerializer),
    "cantons": (Canton, CantonRefSerializer),
}
_references: dict = {}


def _reference_data(using, key):
    """Per related field: {pk: (rank in the model's order, representation)}, computed by the
    field's own serializer over the whole code list once per ``key`` (the catalogue's
    generation and the language)."""
    cached = _references.get(using)
    if cached is not None and cached[0] == key:
        return cached[1]
    data = {}
    for name, (model, serializer) in RELATED_LISTS.items():
        rows = model.objects.using(using).all()
        if model is Canton:
            rows = rows.select_related("province").defer("boundary", "province__boundary")
        elif model is Province:
            rows = rows.defer("boundary")
        if not model._meta.ordering:
            rows = rows.order_by("pk")
        objects = list(rows)
        representations = serializer(objects, many=True).data
        data[name] = {
            obj.pk: (rank, dict(rep))
            for rank, (obj, rep) in enumerate(zip(objects, representations, strict=True))
        }
    _references[using] = (key, data)
    return data


def _links(offers, using):
    """{field: {offer id: [related pk, …]}} for the related lists, in one query."""
    ids = [o.pk for o in offers]
    selects, params = [], []
    for index, name in enumerate(RELATED_LISTS):
        m2m = Offer._meta.get_field(name)
        through = m2m.remote_field.through._meta
        source = through.get_field(m2m.m2m_field_name()).column
        target = through.get_field(m2m.m2m_reverse_field_name()).column
        marks = ", ".join(["%s"] * len(ids))
        selects.append(
            f"SELECT {index}, {source}, {target} FROM {through.db_table} WHERE {source} IN ({marks})"
        )
        params += ids
    names = list(RELATED_LISTS)
    out = {name: {} for name in names}
    with connections[using].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        for index, offer_id, target_id in cursor.fetchall():
            out[names[index]].setdefault(offer_id, []).append(target_id)
    return out


def offer_list_data(offers, context, *, reference_key, using="default") -> list[dict]:
    """What ``OfferSerializer(offers, many=True).data`` returns, for a page of offers read with
    their cooperante, cooperation type and currency (``select_related``) and nothing else.

    Two queries (related codes, attachments) instead of eight prefetches, and code lists
    serialised once per generation: the API list is on a 50 ms budget (docs/busqueda.md). A test
    compares both, field by field."""
    if not offers:
        return []
    serializer = OfferSerializer(context=context)
    fields = serializer.fields
    references = _reference_data(using, reference_key)
    links = _links(offers, using)
    attachments = {}
    for attachment in OfferAttachment.objects.using(using).filter(offer__in=offers):
        attachments.setdefault(attachment.offer_id, []).append(attachment)
    attachment_field = fields["attachments"]
    cooperantes, codes = {}, {}
    out = []
    for offer in offers:
        row = {}
        for name in OfferSerializer.Meta.fields:
            if name in RELATED_LISTS:
                table = references[name]
                pks = sorted(links[name].get(offer.pk, ()), key=lambda pk: table[pk][0])
                row[name] = [dict(table[pk][1]) for pk in pks]
            elif name == "cooperante":
                rep = cooperantes.get(offer.cooperante_id)
                if rep is None:
                    rep = cooperantes[offer.cooperante_id] = fields[name].to_representation(
                        offer.cooperante
                    )
                row[name] = dict(rep)
            elif name in ("cooperation_type", "currency"):
                value = getattr(offer, name)
                if value is None:
                    row[name] = None
                    continue
                rep = codes.get((name, value.pk))
                if rep is None:
                    rep = codes[(name, value.pk)] = fields[name].to_representation(value)
                row[name] = dict(rep)
            elif name == "is_reimbursable":  # Offer.is_reimbursable, from the modalities read
                row[name] = any(m["is_reimbursable"] for m in row["modalities"])
            elif name == "attachments":
                row[name] = attachment_field.to_representation(attachments.get(offer.pk, []))
            else:
                field = fields[name]
                value = field.get_attribute(offer)
                row[name] = None if value is None else field.to_representation(value)
        out.append(row)
    return out
