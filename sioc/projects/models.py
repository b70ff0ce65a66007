"""Cooperation projects: monitoring and evaluation, transactions in their currency, IATI."""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sioc.common.models import TimeStampedModel
from sioc.projects.choices import (
    ImportStatus,
    OrganisationRole,
    PeriodStatus,
    RiskLevel,
    Source,
    TransactionType,
    Visibility,
)

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class ProjectQuerySet(models.QuerySet):
    def published(self):
        return self.filter(visibility=Visibility.PUBLISHED)

    def managed(self):
        """Projects recorded in SIOC (not imported from IATI)."""
        return self.filter(source=Source.SIOC)

    def external(self):
        return self.filter(source=Source.IATI)


class Project(TimeStampedModel):
    source = models.CharField(
        _("origen del registro"),
        max_length=10,
        choices=Source.choices,
        default=Source.SIOC,
        db_index=True,
    )
    iati_identifier = models.CharField(
        _("identificador IATI"), max_length=200, unique=True, null=True, blank=True
    )
    reporting_org = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organización que informa"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reported_projects",
    )
    title = models.CharField(_("título"), max_length=500)
    description = models.TextField(_("descripción"), blank=True)
    gads = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("GAD participantes"),
        blank=True,
        related_name="gad_projects",
    )
    organizations = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("organizaciones participantes"),
        through="ProjectOrganization",
        blank=True,
        related_name="participating_projects",
    )
    origin_offer = models.ForeignKey(
        "offers.Offer",
        verbose_name=_("oferta de origen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
        help_text=_("Una oportunidad abierta en una misión es también una oferta."),
    )
    origin_interest = models.ForeignKey(
        "demands.ExpressionOfInterest",
        verbose_name=_("expresión de interés de origen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    modality = models.ForeignKey(
        "codelists.Modality",
        verbose_name=_("modalidad"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    cooperation_type = models.ForeignKey(
        "codelists.CooperationType",
        verbose_name=_("tipo de cooperación"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    activity_status = models.ForeignKey(
        "codelists.ActivityStatus",
        verbose_name=_("estado (IATI)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    planned_start = models.DateField(_("inicio planificado"), null=True, blank=True)
    planned_end = models.DateField(_("fin planificado"), null=True, blank=True)
    actual_start = models.DateField(_("inicio real"), null=True, blank=True)
    actual_end = models.DateField(_("fin real"), null=True, blank=True)
    # Year the project counts in for dashboards: actual start, else planned start (derived).
    year = models.PositiveSmallIntegerField(_("año"), null=True, blank=True, db_index=True)
    cantons = models.ManyToManyField(
        "territory.Canton", verbose_name=_("cantones"), blank=True, related_name="projects"
    )
    parishes = models.ManyToManyField(
        "territory.Parish", verbose_name=_("parroquias"), blank=True, related_name="projects"
    )
    sectors = models.ManyToManyField(
        "codelists.DacSector",
        verbose_name=_("sectores CAD"),
        through="ProjectSector",
        blank=True,
        related_name="projects",
    )
    competency = models.ForeignKey(
        "codelists.CootadCompetency",
        verbose_name=_("competencia COOTAD"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    currency = models.ForeignKey(
        "codelists.Currency",
        verbose_name=_("moneda"),
        to_field="code",
        default="USD",
        on_delete=models.PROTECT,
    )
    budget = models.DecimalField(
        _("presupuesto"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    counterpart_funds = models.DecimalField(
        _("fondos de contraparte"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    # Derived totals in USD, kept by the services from the transactions (dashboards read them).
    budget_usd = models.DecimalField(
        _("presupuesto (USD)"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    committed_usd = models.DecimalField(
        _("comprometido (USD)"), max_digits=18, decimal_places=2, default=0
    )
    disbursed_usd = models.DecimalField(
        _("desembolsado (USD)"), max_digits=18, decimal_places=2, default=0
    )
    spent_usd = models.DecimalField(
        _("ejecutado (USD)"), max_digits=18, decimal_places=2, default=0
    )
    visibility = models.CharField(
        _("publicación"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
        db_index=True,
    )
    published_at = models.DateTimeField(_("publicado el"), null=True, blank=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("proyecto")
        verbose_name_plural = _("proyectos")
        ordering = ["-year", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_start__isnull=True)
                | Q(planned_end__isnull=True)
                | Q(planned_start__lte=models.F("planned_end")),
                name="project_planned_range",
                violation_error_message=_(
                    "El inicio planificado no puede ser posterior al fin planificado."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:detail", args=[self.pk])

    @property
    def is_external(self):
        return self.source == Source.IATI


class ProjectOrganization(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="participations")
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organización"), on_delete=models.PROTECT
    )
    role = models.CharField(_("rol"), max_length=2, choices=OrganisationRole.choices)

    class Meta:
        verbose_name = _("organización participante")
        verbose_name_plural = _("organizaciones participantes")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organization", "role"], name="project_org_role_unique"
            )
        ]

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"


class ProjectSector(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="sector_shares")
    sector = models.ForeignKey(
        "codelists.DacSector", verbose_name=_("sector CAD"), on_delete=models.PROTECT
    )
    percentage = models.DecimalField(
        _("porcentaje"), max_digits=5, decimal_places=2, default=100, validators=PERCENT
    )

    class Meta:
        verbose_name = _("sector del proyecto")
        verbose_name_plural = _("sectores del proyecto")
        constraints = [
            models.UniqueConstraint(fields=["project", "sector"], name="project_sector_unique")
        ]

    def __str__(self):
        return f"{self.sector} ({self.percentage} %)"


class ProjectSdg(models.Model):
    """An SDG (and optionally one of its targets) the project contributes to, with its share."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="sdg_shares")
    goal = models.ForeignKey("codelists.SdgGoal", verbose_name=_("ODS"), on_delete=models.PROTECT)
    target = models.ForeignKey(
        "codelists.SdgTarget",
        verbose_name=_("meta ODS"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    percentage = models.DecimalField(
        _("porcentaje"), max_digits=5, decimal_places=2, default=100, validators=PERCENT
    )

    class Meta:
        verbose_name = _("ODS del proyecto")
        verbose_name_plural = _("ODS del proyecto")
        ordering = ["goal__code", "id"]

    def __str__(self):
        return f"{self.target or self.goal} ({self.percentage} %)"


class ExchangeRate(models.Model):
    """How many US dollars one unit of ``currency`` was worth on ``date``."""

    currency = models.ForeignKey(
        "codelists.Currency", verbose_name=_("moneda"), to_field="code", on_delete=models.PROTECT
    )
    date = models.DateField(_("fecha"))
    usd_per_unit = models.DecimalField(_("USD por unidad"), max_digits=20, decimal_places=10)

    class Meta:
        verbose_name = _("tipo de cambio")
        verbose_name_plural = _("tipos de cambio")
        ordering = ["currency", "-date"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "date"], name="exchange_rate_unique"),
            models.CheckConstraint(condition=Q(usd_per_unit__gt=0), name="exchange_rate_positive"),
        ]

    def __str__(self):
        return f"{self.currency_id} {self.date:%d/%m/%Y}: {self.usd_per_unit}"


class Transaction(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("proyecto"), on_delete=models.CASCADE, related_name="transactions"
    )
    kind = models.CharField(_("tipo"), max_length=2, choices=TransactionType.choices)
    date = models.DateField(_("fecha"))
    value = models.DecimalField(_("valor"), max_digits=18, decimal_places=2)
    currency = models.ForeignKey(
        "codelists.Currency", verbose_name=_("moneda"), to_field="code", on_delete=models.PROTECT
    )
    value_usd = models.DecimalField(
        _("valor en USD"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    description = models.CharField(_("descripción"), max_length=500, blank=True)
    provider = models.CharField(_("proveedor de fondos"), max_length=300, blank=True)
    receiver = models.CharField(_("receptor de fondos"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("transacción")
        verbose_name_plural = _("transacciones")
        ordering = ["date", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.value} {self.currency_id}"


class Result(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("proyecto"), on_delete=models.CASCADE, related_name="results"
    )
    order = models.PositiveSmallIntegerField(_("orden"), default=0)
    title = models.CharField(_("resultado"), max_length=500)
    description = models.TextField(_("descripción"), blank=True)

    class Meta:
        verbose_name = _("resultado")
        verbose_name_plural = _("resultados")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title


class Indicator(models.Model):
    result = models.ForeignKey(
        Result, verbose_name=_("resultado"), on_delete=models.CASCADE, related_name="indicators"
    )
    order = models.PositiveSmallIntegerField(_("orden"), default=0)
    name = models.CharField(_("indicador"), max_length=500)
    unit = models.CharField(_("unidad"), max_length=100, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("año de línea base"), null=True, blank=True)
    baseline_value = models.DecimalField(
        _("línea base"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    target_value = models.DecimalField(
        _("meta final"), max_digits=18, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("indicador")
        verbose_name_plural = _("indicadores")
        ordering = ["order", "id"]

    def __str__(self):
        return self.name


def evidence_path(instance, filename):
    return f"proyectos/evidencias/{uuid.uuid4().hex}/{filename}"


def document_path(instance, filename):
    return f"proyectos/documentos/{uuid.uuid4().hex}/{filename}"


class ReportingPeriod(TimeStampedModel):
    """A reporting period (a quarter by default) and the GAD's progress report for it."""

    project = models.ForeignKey(
        Project, verbose_name=_("proyecto"), on_delete=models.CASCADE, related_name="periods"
    )
    starts_on = models.DateField(_("desde"))
    ends_on = models.DateField(_("hasta"))
    due_on = models.DateField(_("fecha límite del informe"), db_index=True)
    status = models.CharField(
        _("estado"),
        max_length=20,
        choices=PeriodStatus.choices,
        default=PeriodStatus.OPEN,
        db_index=True,
    )
    narrative = models.TextField(_("avance narrativo"), blank=True)
    financial_execution = models.DecimalField(
        _("ejecución financiera del período"),
        max_digits=18,
        decimal_places=2,
        null=True,
        blank=True,
    )
    submitted_at = models.DateTimeField(_("enviado el"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("enviado por"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("revisado el"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("revisado por"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_comment = models.TextField(_("observaciones de AME"), blank=True)
    reminded_at = models.DateTimeField(_("último recordatorio"), null=True, blank=True)

    class Meta:
        verbose_name = _("período de reporte")
        verbose_name_plural = _("períodos de reporte")
        ordering = ["project", "starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["project", "starts_on"], name="period_unique_start"),
            models.CheckConstraint(
                condition=Q(starts_on__lte=models.F("ends_on")), name="period_date_range"
            ),
        ]

    def __str__(self):
        return f"{self.starts_on:%d/%m/%Y} – {self.ends_on:%d/%m/%Y}"

    @property
    def is_locked(self):
        return self.status == PeriodStatus.APPROVED


class IndicatorValue(models.Model):
    """The target and the actual value of an indicator in one reporting period."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicador"), on_delete=models.CASCADE, related_name="values"
    )
    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name=_("período"),
        on_delete=models.CASCADE,
        related_name="indicator_values",
    )
    target = models.DecimalField(
        _("meta del período"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    actual = models.DecimalField(
        _("valor alcanzado"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    comment = models.CharField(_("comentario"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("valor del indicador")
        verbose_name_plural = _("valores de los indicadores")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="indicator_value_unique")
        ]

    def __str__(self):
        return f"{self.indicator}: {self.actual}"


class Evidence(models.Model):
    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name=_("período"),
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    title = models.CharField(_("título"), max_length=200)
    file = models.FileField(_("archivo"), upload_to=evidence_path)
    uploaded_at = models.DateTimeField(_("subido el"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidencia")
        verbose_name_plural = _("evidencias")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.title


class Document(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("proyecto"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("título"), max_length=300)
    file = models.FileField(_("archivo"), upload_to=document_path, blank=True)
    url = models.URLField(_("enlace"), max_length=500, blank=True)
    uploaded_at = models.DateTimeField(_("subido el"), auto_now_add=True)

    class Meta:
        verbose_name = _("documento")
        verbose_name_plural = _("documentos")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.title


class Risk(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("proyecto"), on_delete=models.CASCADE, related_name="risks"
    )
    description = models.TextField(_("riesgo"))
    level = models.CharField(
        _("nivel"), max_length=10, choices=RiskLevel.choices, default=RiskLevel.MEDIUM
    )
    mitigation = models.TextField(_("mitigación"), blank=True)

    class Meta:
        verbose_name = _("riesgo")
        verbose_name_plural = _("riesgos")
        ordering = ["id"]

    def __str__(self):
        return self.description[:80]


def iati_upload_path(instance, filename):
    return f"iati/{uuid.uuid4().hex}.xml"


class IatiImport(TimeStampedModel):
    """A web upload of an IATI file, imported in the background with visible progress."""

    file = models.FileField(_("archivo"), upload_to=iati_upload_path)
    original_name = models.CharField(_("nombre del archivo"), max_length=300)
    status = models.CharField(
        _("estado"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    total = models.PositiveIntegerField(_("actividades en el archivo"), default=0)
    processed = models.PositiveIntegerField(_("actividades procesadas"), default=0)
    created = models.PositiveIntegerField(_("creadas"), default=0)
    updated = models.PositiveIntegerField(_("actualizadas"), default=0)
    skipped = models.PositiveIntegerField(_("omitidas"), default=0)
    messages = models.JSONField(_("mensajes"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("solicitada por"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("iniciada el"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminada el"), null=True, blank=True)

    class Meta:
        verbose_name = _("importación IATI")
        verbose_name_plural = _("importaciones IATI")
        ordering = ["-created_at"]

    def __str__(self):
        return self.original_name

    @property
    def percent(self):
        return round(100 * self.processed / self.total) if self.total else 0
