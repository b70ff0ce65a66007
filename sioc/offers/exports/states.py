"""Offers and organisations as *states* (plain dicts of natural codes) and their cells.

Both directions meet here: exports turn stored records into states and states into cells; the
importer turns cells into states. Comparing two states says what an import would change.
"""

import decimal

from django.utils.translation import gettext as _

from sioc.codelists.models import (
    CootadCompetency,
    Country,
    Currency,
    DacSector,
    Modality,
    SdgGoal,
    SdgTarget,
)
from sioc.common.text import fold
from sioc.offers.choices import OfferStatus, Schedule
from sioc.offers.exports.layout import (
    NATIONAL,
    OFFER_COLUMNS,
    OFFER_M2M,
    ORG_COLUMNS,
    SEPARATOR,
)
from sioc.offers.models import Offer
from sioc.organizations.choices import OrganizationKind
from sioc.territory.models import Canton, Province

# --- Vocabulary: every code list in memory, for both directions ---------------------------------


def target_sort_key(code):
    goal, _sep, rest = str(code).partition(".")
    return (
        int(goal) if goal.isdigit() else 99,
        0 if rest.isdigit() else 1,
        int(rest) if rest.isdigit() else 0,
        rest,
    )


class Vocabulary:
    """Code lists loaded once: labels <-> codes, with folded (accent/case-free) label lookups."""

    def __init__(self):
        self.modalities = {m.code: m for m in Modality.objects.order_by("position", "code")}
        self.modality_lookup = {}
        for m in self.modalities.values():
            self.modality_lookup[fold(m.name)] = m.code
            self.modality_lookup[fold(m.code)] = m.code
        self.modality_position = {code: i for i, code in enumerate(self.modalities)}
        self.goals = {g.code: g for g in SdgGoal.objects.order_by("code")}
        goal_codes = {g.pk: g.code for g in self.goals.values()}
        self.targets = {}
        self.target_goal = {}
        for t in SdgTarget.objects.order_by("position", "code"):
            self.targets[t.code.lower()] = t
            self.target_goal[t.code.lower()] = goal_codes[t.goal_id]
        self.competencies = {c.code.lower(): c for c in CootadCompetency.objects.order_by("code")}
        self.sectors = {s.code: s for s in DacSector.objects.order_by("code")}
        self.currencies = {c.code.upper(): c for c in Currency.objects.order_by("code")}
        self.countries = {c.code.upper(): c for c in Country.objects.order_by("position", "code")}
        self.provinces = {p.code: p for p in Province.objects.order_by("code")}
        self.cantons = {c.code: c for c in Canton.objects.order_by("code")}
        self.kind_lookup = {}
        for kind in OrganizationKind:
            self.kind_lookup[fold(str(kind.label))] = kind.value
            self.kind_lookup[fold(kind.value)] = kind.value
        self.status_lookup = {}
        for status in OfferStatus:
            self.status_lookup[fold(str(status.label))] = status.value
            self.status_lookup[fold(status.value)] = status.value

    def instances(self, relation, codes):
        """Model instances of ``relation`` for a set of state codes."""
        table = {
            "modalities": self.modalities,
            "sdgs": self.goals,
            "sdg_targets": self.targets,
            "competencies": self.competencies,
            "sectors": self.sectors,
            "provinces": self.provinces,
            "cantons": self.cantons,
        }[relation]
        return [table[code] for code in codes]


# --- States --------------------------------------------------------------------------------------


def _m2m_rows(relation, offer_filter):
    """(offer_id, code) pairs of one M2M relation for the offers matched by ``offer_filter``."""
    field = Offer._meta.get_field(relation)
    through = field.remote_field.through
    source = field.m2m_field_name()
    target = field.m2m_reverse_field_name()
    return through.objects.filter(**{f"{source}_id__in": offer_filter}).values_list(
        f"{source}_id", f"{target}__code"
    )


def _norm_code(relation, code):
    if relation in ("sdg_targets", "competencies"):
        return str(code).lower()
    return code


def offer_states(queryset, chunk_ids=None):
    """States of the offers of ``queryset``, in its order, as a list of (id, state).

    With ``chunk_ids`` (a list of ids), reads those offers in chunks instead (used by the
    importer: SQLite limits the parameters of a query)."""
    values = [
        "pk",
        "code",
        "cooperante__slug",
        "title",
        "description",
        "is_national",
        "amount_min",
        "amount_max",
        "currency_id",
        "opens_on",
        "closes_on",
        "schedule",
        "requirements",
        "source_url",
        "status",
    ]
    states = {}
    order = []

    def absorb(rows):
        for row in rows:
            pk = row["pk"]
            order.append(pk)
            states[pk] = {
                "code": row["code"],
                "cooperante": row["cooperante__slug"],
                "title": row["title"],
                "description": row["description"],
                "is_national": row["is_national"],
                "amount_min": row["amount_min"],
                "amount_max": row["amount_max"],
                "currency": row["currency_id"],
                "opens_on": row["opens_on"],
                "closes_on": row["closes_on"],
                "schedule": row["schedule"],
                "requirements": row["requirements"],
                "source_url": row["source_url"],
                "status": row["status"],
                **{relation: set() for relation in OFFER_M2M},
            }

    if chunk_ids is None:
        absorb(queryset.values(*values))
        ids_filter = [queryset.values("pk")]
    else:
        ids_filter = [chunk_ids[i : i + 500] for i in range(0, len(chunk_ids), 500)]
        for chunk in ids_filter:
            absorb(Offer.objects.filter(pk__in=chunk).values(*values))
    for relation in OFFER_M2M:
        for flt in ids_filter:
            for offer_id, code in _m2m_rows(relation, flt):
                if offer_id in states:
                    states[offer_id][relation].add(_norm_code(relation, code))
    for state in states.values():
        for relation in OFFER_M2M:
            state[relation] = frozenset(state[relation])
    return [(pk, states[pk]) for pk in order]


def organization_state(org):
    return {
        "slug": org.slug,
        "name": org.name,
        "acronym": org.acronym,
        "kind": org.kind,
        "country": org.country,
        "website": org.website,
        "public_email": org.public_email,
        "description": org.description,
    }


# --- From states to cells ------------------------------------------------------------------------


def plain_number(value):
    """1234.5, never 1.234,50 nor 1.2345E+3."""
    if value is None:
        return ""
    text = format(decimal.Decimal(value).normalize(), "f")
    return text


def join(items):
    return f"{SEPARATOR} ".join(items)


def ods_text(state):
    goals = sorted(state["sdgs"])
    targets = sorted(state["sdg_targets"], key=target_sort_key)
    return join([str(g) for g in goals] + list(targets))


def coverage_text(state):
    if state["is_national"]:
        return NATIONAL
    return join(sorted(state["provinces"]) + sorted(state["cantons"]))


def offer_cells(state, vocab, *, typed=True):
    """The ``ofertas`` row of a state. ``typed``: numbers and dates as such (XLSX); else text."""
    modalities = sorted(state["modalities"], key=lambda c: vocab.modality_position.get(c, 99))

    def number(value):
        if value is None:
            return ""
        if typed:
            as_float = float(value)
            if decimal.Decimal(repr(as_float)) == decimal.Decimal(value):
                return int(as_float) if as_float.is_integer() else as_float
        return plain_number(value)

    def date(value):
        if value is None:
            return ""
        return value if typed else value.isoformat()

    return [
        state["code"],
        state["cooperante"],
        state["title"],
        state["description"],
        join(vocab.modalities[c].name if c in vocab.modalities else c for c in modalities),
        ods_text(state),
        join(sorted(state["competencies"])),
        join(sorted(state["sectors"])),
        coverage_text(state),
        number(state["amount_min"]),
        number(state["amount_max"]),
        state["currency"] or "",
        date(state["opens_on"]),
        date(state["closes_on"]),
        state["requirements"],
        state["source_url"],
        str(OfferStatus(state["status"]).label),
    ]


def organization_cells(state):
    return [
        state["slug"],
        state["name"],
        state["acronym"],
        str(OrganizationKind(state["kind"]).label) if state["kind"] else "",
        state["country"],
        state["website"],
        state["public_email"],
        state["description"],
    ]


def offer_preview_text(column, state, vocab):
    """A column of a state as the preview shows it (text)."""
    if column == "fecha_cierre":
        if state["closes_on"]:
            text = state["closes_on"].isoformat()
            if state["schedule"] == Schedule.YEARLY:
                text += " (%s)" % _("cada año")
            return text
        return _("sin fecha (permanente)") if state["schedule"] == Schedule.PERMANENT else ""
    index = OFFER_COLUMNS.index(column)
    return str(offer_cells(state, vocab, typed=False)[index])


def organization_preview_text(column, state):
    return str(organization_cells(state)[ORG_COLUMNS.index(column)])
