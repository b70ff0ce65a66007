"""Reads of the code lists for pages and exports: the catalogue of lists and each list's codes."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sioc.codelists import permissions
from sioc.codelists.models import (
    ActivityStatus,
    AidType,
    AidTypeCategory,
    CooperationType,
    CootadCompetency,
    Country,
    Currency,
    DacSector,
    DacSectorCategory,
    FinanceType,
    FinanceTypeCategory,
    FlowType,
    IatiOrganisationType,
    Modality,
    SdgGoal,
    SdgTarget,
    matches,
    search_q,
)
from sioc.common.text import fold


@dataclass(frozen=True)
class Column:
    """A column of a list's HTML table. ``kind``: code, name (with the withdrawn badge), en, text, bool."""

    label: str
    attr: str
    kind: str = "text"


@dataclass(frozen=True)
class CodeList:
    slug: str
    title: str
    description: str
    source: str
    model: type
    columns: tuple[Column, ...]
    csv_columns: tuple[tuple[str, str], ...]  # (machine-readable header, attribute path)
    layout: str = "table"  # table | sdg (goals with their targets) | grouped (sectors by category)
    related: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The key of this list in the counts returned by ``load_codelists()``."""
        return self.slug.replace("-", "_")


CODE = Column(_("Código"), "code", "code")
NAME = Column(_("Nombre"), "name", "name")
NAME_EN = Column(_("Nombre en inglés (IATI)"), "name_en", "en")
IATI_CSV = (
    ("code", "code"),
    ("name_es", "name"),
    ("name_en", "name_en"),
    ("is_active", "is_active"),
)
IATI_SOURCE = _(
    "Estándar IATI 2.03 (CC BY 4.0). Traducción al español: SIOC, con la terminología del CAD de la OCDE."
)
ISO_SOURCE = _(
    "Estándar IATI 2.03 (CC BY 4.0). Nombres en español: pycountry (ISO), con correcciones de SIOC."
)
SIOC_SOURCE = _("SIOC.")

CODELISTS = (
    CodeList(
        slug="ods",
        title=_("Objetivos de Desarrollo Sostenible (ODS)"),
        description=_("Los 17 objetivos de la Agenda 2030 de las Naciones Unidas, con sus metas."),
        source=_("Naciones Unidas; textos en español del proyecto open-sdg (licencia MIT)."),
        model=SdgGoal,
        columns=(),
        csv_columns=(
            ("code", "code"),
            ("short_title_es", "short_title"),
            ("title_es", "title"),
            ("short_title_en", "short_title_en"),
            ("title_en", "title_en"),
            ("color", "color"),
        ),
        layout="sdg",
    ),
    CodeList(
        slug="metas-ods",
        title=_("Metas de los ODS"),
        description=_("Las 169 metas de los Objetivos de Desarrollo Sostenible."),
        source=_("Naciones Unidas; textos en español del proyecto open-sdg (licencia MIT)."),
        model=SdgTarget,
        columns=(CODE, Column(_("ODS"), "goal.code"), Column(_("Meta"), "name", "name")),
        csv_columns=(
            ("code", "code"),
            ("goal", "goal.code"),
            ("name_es", "name"),
            ("name_en", "name_en"),
        ),
        related=("goal",),
    ),
    CodeList(
        slug="competencias-cootad",
        title=_("Competencias exclusivas de los GAD municipales"),
        description=_(
            "Las 14 competencias exclusivas de los gobiernos autónomos descentralizados municipales "
            "(COOTAD, artículo 55, literales a a n)."
        ),
        source=_(
            "Código Orgánico de Organización Territorial, Autonomía y Descentralización (COOTAD), art. 55; redacción de SIOC."
        ),
        model=CootadCompetency,
        columns=(
            Column(_("Literal"), "code", "code"),
            Column(_("Competencia"), "short_name", "name"),
            Column(_("Texto"), "name"),
        ),
        csv_columns=(("code", "code"), ("short_name_es", "short_name"), ("name_es", "name")),
    ),
    CodeList(
        slug="modalidades",
        title=_("Modalidades de cooperación"),
        description=_(
            "Cómo se entrega la cooperación: financiamiento, asistencia técnica, capacitación y otras."
        ),
        source=SIOC_SOURCE,
        model=Modality,
        columns=(
            CODE,
            NAME,
            Column(_("Descripción"), "description"),
            Column(_("Reembolsable"), "is_reimbursable", "bool"),
        ),
        csv_columns=(
            ("code", "code"),
            ("name_es", "name"),
            ("description_es", "description"),
            ("is_reimbursable", "is_reimbursable"),
            ("is_active", "is_active"),
        ),
    ),
    CodeList(
        slug="tipos-de-cooperacion",
        title=_("Tipos de cooperación"),
        description=_(
            "Quién coopera con quién: bilateral, multilateral, descentralizada, Sur-Sur y otras."
        ),
        source=SIOC_SOURCE,
        model=CooperationType,
        columns=(CODE, NAME, Column(_("Descripción"), "description")),
        csv_columns=(
            ("code", "code"),
            ("name_es", "name"),
            ("description_es", "description"),
            ("is_active", "is_active"),
        ),
    ),
    CodeList(
        slug="categorias-sectores-cad",
        title=_("Categorías de sectores CAD"),
        description=_(
            "Los grupos de tres dígitos de los sectores del Comité de Ayuda al Desarrollo de la OCDE."
        ),
        source=IATI_SOURCE,
        model=DacSectorCategory,
        columns=(CODE, NAME, NAME_EN),
        csv_columns=IATI_CSV,
    ),
    CodeList(
        slug="sectores-cad",
        title=_("Sectores CAD"),
        description=_(
            "Los códigos de propósito del Sistema de Notificación de Acreedores (CRS) de la OCDE, agrupados por categoría."
        ),
        source=IATI_SOURCE,
        model=DacSector,
        columns=(CODE, NAME, NAME_EN),
        csv_columns=(
            ("code", "code"),
            ("category", "category.code"),
            ("name_es", "name"),
            ("name_en", "name_en"),
            ("is_active", "is_active"),
        ),
        layout="grouped",
    ),
    CodeList(
        slug="tipos-de-organizacion",
        title=_("Tipos de organización"),
        description=_(
            "Clasificación IATI de las organizaciones que publican o participan en la cooperación."
        ),
        source=IATI_SOURCE,
        model=IatiOrganisationType,
        columns=(CODE, NAME, NAME_EN),
        csv_columns=IATI_CSV,
    ),
    CodeList(
        slug="estados-de-actividad",
        title=_("Estados de actividad"),
        description=_("Etapas del ciclo de vida de una actividad o proyecto según IATI."),
        source=IATI_SOURCE,
        model=ActivityStatus,
        columns=(CODE, NAME, NAME_EN),
        csv_columns=IATI_CSV,
    ),
    CodeList(
        slug="categorias-tipos-de-ayuda",
        title=_("Categorías de tipos de ayuda"),
        description=_("Grandes grupos de tipos de ayuda del CAD de la OCDE."),
        source=IATI_SOURCE,
        model=AidTypeCategory,
        columns=(CODE, NAME, NAME_EN),
        csv_columns=IATI_CSV,
    ),
    CodeList(
        slug="tipos-de-ayuda",
        title=_("Tipos de ayuda"),
        description=_(
            "Cómo se presta la ayuda: apoyo presupuestario, proyectos, asistencia técnica, becas y otros."
        ),
        source=IATI_SOURCE,
        model=AidType,
        columns=(CODE, NAME, Column(_("Categoría"), "category.code"), NAME_EN),
        csv_columns=(
            ("code", "code"),
            ("category", "category.code"),
            ("parent", "parent.code"),
            ("name_es", "name"),
            ("name_en", "name_en"),
            ("is_active", "is_active"),
        ),
        related=("category", "parent"),
    ),
    CodeList(
        slug="categorias-tipos-de-financiamiento",
        title=_("Categorías de tipos de financiamiento"),
        description=_("Grandes grupos de instrumentos financieros del CAD de la OCDE."),
        source=IATI_SOURCE,
        model=FinanceTypeCategory,
        columns=(CODE, NAME, NAME_EN),
        csv_columns=IATI_CSV,
    ),
    CodeList(
        slug="tipos-de-financiamiento",
        title=_("Tipos de financiamiento"),
        description=_(
            "Instrumentos financieros: donaciones, préstamos, garantías, alivio de la deuda y otros."
        ),
        source=IATI_SOURCE,
        model=FinanceType,
        columns=(CODE, NAME, Column(_("Categoría"), "category.code"), NAME_EN),
        csv_columns=(
            ("code", "code"),
            ("category", "category.code"),
            ("name_es", "name"),
            ("name_en", "name_en"),
            ("is_active", "is_active"),
        ),
        related=("category",),
    ),
    CodeList(
        slug="tipos-de-flujo",
        title=_("Tipos de flujo"),
        description=_(
            "Clasificación de los flujos: AOD, otros flujos oficiales, flujos privados y otros."
        ),
        source=IATI_SOURCE,
        model=FlowType,
        columns=(CODE, NAME, NAME_EN),
        csv_columns=IATI_CSV,
    ),
    CodeList(
        slug="monedas",
        title=_("Monedas"),
        description=_("Monedas según la norma ISO 4217, tal como las usa IATI."),
        source=ISO_SOURCE,
        model=Currency,
        columns=(CODE, NAME, NAME_EN),
        csv_columns=IATI_CSV,
    ),
    CodeList(
        slug="paises",
        title=_("Países"),
        description=_(
            "Países y territorios según la norma ISO 3166-1 (código de dos letras), tal como los usa IATI."
        ),
        source=ISO_SOURCE,
        model=Country,
        columns=(CODE, NAME, NAME_EN),
        csv_columns=IATI_CSV,
    ),
)

_BY_SLUG = {codelist.slug: codelist for codelist in CODELISTS}


def get_codelist(slug: str) -> CodeList | None:
    return _BY_SLUG.get(slug)


def resolve(obj, path: str):
    """``obj.a.b`` for the dotted ``path``; None when a link in the chain is None."""
    value = obj
    for part in path.split("."):
        if value is None:
            return None
        value = getattr(value, part)
    return value


def catalogue(user) -> list[tuple[CodeList, int]]:
    """Every code list with its number of codes (one COUNT per list, a fixed number of queries)."""
    return [
        (codelist, permissions.visible_to(user, codelist.model.objects.all()).count())
        for codelist in CODELISTS
    ]


def items(user, codelist: CodeList, q: str = ""):
    """The codes of one list, filtered by ``q`` (accent- and case-insensitive), in order."""
    qs = permissions.visible_to(user, codelist.model.objects.all()).select_related(
        *codelist.related
    )
    return qs.search(q)


def _grouped(parents, children, parent_field: str, q: str):
    """[(parent, [children])]: with ``q``, a matching parent keeps all its children and a
    non-matching one only its matching children (and is left out when none matches)."""
    parents = list(parents)
    words = fold(q).split()
    matched = {parent.pk for parent in parents if matches(parent, q)} if words else set()
    if words:
        children = children.filter(Q(**{f"{parent_field}_id__in": matched}) | search_q(q))
    by_parent = defaultdict(list)
    for child in children:
        by_parent[getattr(child, f"{parent_field}_id")].append(child)
    return [
        (parent, by_parent[parent.pk])
        for parent in parents
        if not words or parent.pk in matched or by_parent[parent.pk]
    ]


def detail(user, codelist: CodeList, q: str = "") -> dict:
    """What a list's page shows: ``rows`` (table layout) or ``groups`` and ``group_count``
    (sdg: goals with their targets; grouped: sector categories with their sectors), and
    ``count``, the number of codes shown (targets for the SDGs, sectors for the sectors)."""
    if codelist.layout in {"sdg", "grouped"}:
        parent, child, field = (
            (SdgGoal, SdgTarget, "goal")
            if codelist.layout == "sdg"
            else (DacSectorCategory, DacSector, "category")
        )
        groups = _grouped(
            permissions.visible_to(user, parent.objects.all()),
            permissions.visible_to(user, child.objects.all()),
            field,
            q,
        )
        return {
            "groups": groups,
            "group_count": len(groups),
            "count": sum(len(children) for _parent, children in groups),
        }
    rows = [
        {
            "obj": obj,
            "cells": [(column.kind, resolve(obj, column.attr)) for column in codelist.columns],
        }
        for obj in items(user, codelist, q)
    ]
    return {"rows": rows, "count": len(rows)}
