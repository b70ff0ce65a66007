"""Reads of the catalogue: search with facet counts, sorting and pagination; the offer page; the
offers of one cooperante; the feeds. Every read starts from ``permissions.visible_to(user)``.

Facet counts are *disjunctive*: the counts of a group are computed with every filter except that
group's own, so choosing «Capacitación» still shows how many offers «Asistencia técnica» would
add. The database matches the words typed; the in-process facet index (``facets.py``) counts, filters
and orders everything else with bitmaps.
"""

import dataclasses
from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from sioc.codelists.choices import REIMBURSABLE_MODALITIES, CootadCompetencyCode, ModalityCode
from sioc.codelists.models import Country, Modality, SdgGoal
from sioc.common.roles import Role, principal
from sioc.offers import facets, permissions, search
from sioc.offers.choices import OfferStatus, Schedule
from sioc.offers.filters import KIND_LABELS, ORDER_CHOICES, OfferFilterSet, query_string
from sioc.offers.models import Offer
from sioc.organizations import permissions as org_permissions
from sioc.territory.models import Canton, Province

PAGE_SIZE = 20
FACET_VISIBLE = 12  # options shown before «Ver más»
FACET_MAX = 80
FEED_ITEMS = 50
CALENDAR_ITEMS = 500

STATUS_LABELS = {
    OfferStatus.PUBLISHED: gettext_lazy("Abiertas"),
    OfferStatus.CLOSED: gettext_lazy("Cerradas"),
    OfferStatus.DRAFT: gettext_lazy("Borradores"),
    OfferStatus.IN_REVIEW: gettext_lazy("En revisión"),
    OfferStatus.ARCHIVED: gettext_lazy("Archivadas"),
}
FACET_GROUPS = [
    # (group, GET parameter, legend)
    (search.MODALITY, "modalidad", gettext_lazy("Modalidad")),
    (search.SDG, "ods", gettext_lazy("Objetivo de Desarrollo Sostenible")),
    (search.COMPETENCY, "competencia", gettext_lazy("Competencia COOTAD")),
    (search.SECTOR, "sector", gettext_lazy("Sector CAD")),
    (search.KIND, "tipo", gettext_lazy("Tipo de cooperante")),
    (search.COUNTRY, "pais", gettext_lazy("País del cooperante")),
]


# --- display helpers (numbers and dates the Ecuadorian way) --------------------------------


def money(value: Decimal) -> str:
    places = 0 if value == value.to_integral_value() else 2
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


def amount_label(offer) -> str:
    """«USD 10.000 – 50.000», «hasta EUR 5.000», «desde USD 1.000,50» or ''."""
    currency = offer.currency_id or ""
    low, high = offer.amount_min, offer.amount_max
    if low is not None and high is not None and low != high:
        text = f"{currency} {money(low)} – {money(high)}"
    elif high is not None:
        text = (
            f"{currency} {money(high)}"
            if low == high
            else _("hasta %(amount)s") % {"amount": f"{currency} {money(high)}"}
        )
    elif low is not None:
        text = _("desde %(amount)s") % {"amount": f"{currency} {money(low)}"}
    else:
        return ""
    return text.replace("  ", " ").strip()


def coverage_label(offer) -> str:
    if getattr(offer, "card_national", offer.is_national):
        return _("Todo el Ecuador")
    names = getattr(offer, "card_places", None)
    if names is None:
        names = [p.name for p in offer.provinces.all()] + [c.name for c in offer.cantons.all()]
    if not names:
        return _("Sin cobertura indicada")
    shown = ", ".join(sorted(names)[:6])
    extra = len(names) - 6
    return shown + (_(" y %(n)s más") % {"n": extra} if extra > 0 else "")


@dataclasses.dataclass
class Display:
    amount: str
    coverage: str
    modalities: list  # (name, is_reimbursable)
    days_left: int | None
    is_expired: bool
    opens_later: bool
    closing: str  # HTML: «15/03/2027 · cierra en 12 días»
    sdgs: list  # (code, short title)


def closing_html(offer, days, expired, opens_later) -> str:
    """The closing line of a card, in Spanish, with dd/mm/aaaa dates (HTML, escaped)."""
    if offer.schedule == Schedule.PERMANENT:
        return escape(_("Permanente, sin fecha de cierre"))
    if not offer.closes_on:
        return escape(_("Sin fecha de cierre indicada"))
    parts = [offer.closes_on.strftime("%d/%m/%Y")]
    if offer.schedule == Schedule.YEARLY:
        parts[0] += f' <span class="text-body-secondary">({escape(_("cada año"))})</span>'
    if expired:
        parts.append(f'<span class="text-body-secondary">{escape(_("cerrada"))}</span>')
    elif days == 0:
        parts.append(f"<strong>{escape(_('cierra hoy'))}</strong>")
    elif days == 1:
        parts.append(f"<strong>{escape(_('cierra mañana'))}</strong>")
    elif days is not None and days > 0:
        text = escape(ngettext("cierra en %(n)s día", "cierra en %(n)s días", days) % {"n": days})
        parts.append(f"<strong>{text}</strong>" if days <= 30 else text)
    if opens_later:
        parts.append(escape(_("abre el %(date)s") % {"date": offer.opens_on.strftime("%d/%m/%Y")}))
    return mark_safe(" · ".join(parts))  # every piece is escaped above


def decorate(offers, today=None):
    """Attach ``offer.display`` to each offer (needs modalities, provinces and cantons prefetched)."""
    today = today or timezone.localdate()
    for offer in offers:
        days = offer.days_to_close(today)
        expired = offer.status == OfferStatus.CLOSED or (
            offer.schedule == Schedule.WINDOW and days is not None and days < 0
        )
        opens_later = bool(offer.opens_on and offer.opens_on > today)
        offer.display = Display(
            amount=amount_label(offer),
            coverage=coverage_label(offer),
            modalities=offer.card_modalities
            if hasattr(offer, "card_modalities")
            else [(m.name, m.is_reimbursable) for m in offer.modalities.all()],
            sdgs=offer.card_sdgs
            if hasattr(offer, "card_sdgs")
            else [(g.code, g.short_title) for g in offer.sdgs.all()],
            days_left=days,
            is_expired=expired,
            opens_later=opens_later,
            closing=closing_html(offer, days, expired, opens_later),
        )
    return offers


def decorate_from_index(offers, index, today):
    """Like ``decorate``, with modalities, SDGs and coverage read from the facet index (the
    same generation as the results) instead of four more queries."""
    labels = index.labels
    for offer in offers:
        mods, sdgs, coverage = index.card.get(offer.pk, ("", "", ""))
        modalities = sorted(labels.modalities[t] for t in mods.split() if t in labels.modalities)
        offer.card_modalities = [(name, reimbursable) for _p, name, reimbursable in modalities]
        codes = sorted(int(t[len("ffods") :]) for t in sdgs.split())
        offer.card_sdgs = [(code, labels.sdgs.get(str(code), "")) for code in codes]
        tokens = coverage.split()
        offer.card_national = search.NATIONAL_TOKEN in tokens
        offer.card_places = sorted(
            [labels.provinces.get(t[6:], t[6:]) for t in tokens if t.startswith("ffprov")]
            + [labels.cantons.get(t[6:], t[6:]) for t in tokens if t.startswith("ffcant")]
        )
    return decorate(offers, today)


def cards_html(offers) -> str:
    """The result cards of a catalogue page (``decorate``d offers). Built here rather than in a
    template: a Django template costs ~0.4 ms per card, a fifth of the page's budget for 20
    cards (see docs/busqueda.md); the markup is the one the browser tests and the CSS expect."""
    outdated_title = escape(_("No se ha verificado en los últimos 12 meses"))
    outdated = escape(_("posiblemente desactualizada"))
    closed = escape(_("Cerrada"))
    labels = {
        "cooperante": escape(_("Cooperante:")),
        "coverage": escape(_("Cobertura")),
        "amount": escape(_("Monto")),
        "closing": escape(_("Cierre")),
    }
    out = []
    for offer in offers:
        d = offer.display
        pk = offer.pk
        badges = ""
        if offer.status != OfferStatus.PUBLISHED:
            badges = (
                f'<span class="badge text-bg-secondary">{escape(offer.get_status_display())}</span>'
            )
        elif d.is_expired:
            badges = f'<span class="badge text-bg-secondary">{closed}</span>'
        if offer.possibly_outdated:
            badges += f'<span class="badge badge-desactualizada" title="{outdated_title}">{outdated}</span>'
        tags = []
        for name, reimbursable in d.modalities:
            if reimbursable:
                text = escape(_("%(name)s (reembolsable)") % {"name": name})
                tags.append(f'<span class="badge badge-reembolsable">{text}</span> ')
            else:
                tags.append(f'<span class="badge badge-modalidad">{escape(name)}</span> ')
        for code, title in d.sdgs:
            text = escape(_("ODS %(code)s") % {"code": code})
            tags.append(
                f'<span class="oferta-ods ods-{escape(code)}" title="{escape(title)}">{text}</span> '
            )
        summary = f'<p class="mb-2">{escape(offer.summary)}</p>' if offer.summary else ""
        amount = (
            f'<dt class="col-sm-3">{labels["amount"]}</dt>'
            f'<dd class="col-sm-9">{escape(d.amount)}</dd>'
            if d.amount
            else ""
        )
        out.append(
            f'<li class="card mb-3 oferta-card">'
            f'<article class="card-body" aria-labelledby="oferta-{pk}">'
            f'<div class="d-flex flex-wrap justify-content-between gap-2">'
            f'<h3 class="h5 card-title mb-1" id="oferta-{pk}">'
            f'<a href="{escape(offer.get_absolute_url())}">{escape(offer.title)}</a></h3>'
            f'<div class="d-flex flex-wrap gap-1 align-items-start">{badges}</div></div>'
            f'<p class="mb-2 text-body-secondary"><i class="bi bi-building" aria-hidden="true"></i>'
            f' <span class="visually-hidden">{labels["cooperante"]}</span>'
            f" {escape(offer.cooperante.display_name)}</p>"
            f'<p class="mb-2">{"".join(tags)}</p>{summary}'
            f'<dl class="row small"><dt class="col-sm-3">{labels["coverage"]}</dt>'
            f'<dd class="col-sm-9">{escape(d.coverage)}</dd>{amount}'
            f'<dt class="col-sm-3">{labels["closing"]}</dt>'
            f'<dd class="col-sm-9">{conditional_escape(d.closing)}</dd></dl>'
            f"</article></li>"
        )
    return mark_safe("\n".join(out))  # every value is escaped above


CARD_DEFERRED = ("description", "requirements", "how_to_apply", "review_comment", "search_title")


def card_queryset(qs):
    """Offers as the result cards show them: no long texts, relations in 4 queries."""
    return (
        qs.select_related("cooperante", "currency")
        .defer(*CARD_DEFERRED, "cooperante__description", "currency__search_text")
        .prefetch_related(
            Prefetch("modalities", queryset=Modality.objects.order_by("position")),
            Prefetch("sdgs", queryset=SdgGoal.objects.only("code", "short_title")),
            Prefetch("provinces", queryset=Province.objects.only("name")),
            Prefetch("cantons", queryset=Canton.objects.only("name")),
        )
    )


# --- the catalogue -----------------------------------------------------------------------


class _Results:
    """What the paginator pages through: the count is known, a slice asks the facet index for
    one page of ids and reads those offers through ``visible_to``."""

    def __init__(self, user, result, today):
        self.user, self.result, self.today = user, result, today

    def count(self):
        return self.result.total

    def __len__(self):
        return self.result.total

    def __getitem__(self, item):
        start, stop = item.start or 0, item.stop or self.result.total
        ids = self.result.page(start, stop - start)
        if not ids:
            return []
        qs = permissions.visible_to(self.user).filter(pk__in=ids)
        found = qs.select_related("cooperante", "currency").defer(*CARD_DEFERRED).in_bulk()
        offers = [found[i] for i in ids if i in found]
        return decorate_from_index(offers, self.result.index, self.today)


class IndexedResults:
    """The API's list through the same facet index as the page: the count is known, a slice
    reads one page of ids from the index and those offers from ``queryset`` (already limited to
    what the user may see and prefetched for serialising), in the index's order."""

    def __init__(self, user, criteria, queryset, *, today=None):
        self.queryset = queryset
        self.result = facets.run(criteria, search_scope(user), today=today or timezone.localdate())

    def count(self):
        return self.result.total

    def __len__(self):
        return self.result.total

    def __getitem__(self, item):
        start, stop = item.start or 0, item.stop or self.result.total
        ids = self.result.page(start, stop - start)
        if not ids:
            return []
        found = self.queryset.filter(pk__in=ids).in_bulk()
        return [found[i] for i in ids if i in found]


def user_canton_code(user, codes_by_id) -> str:
    """The canton of the user's GAD (officer or authority), for «cubre mi cantón»."""
    for org in principal(user).gad_organizations:
        if org.canton_id in codes_by_id:
            return codes_by_id[org.canton_id]
    return ""


def status_choices(user):
    p = principal(user)
    statuses = [OfferStatus.PUBLISHED, OfferStatus.CLOSED]
    if p.is_ame_staff or p.organization_ids(Role.FOCAL_POINT):
        statuses += [OfferStatus.DRAFT, OfferStatus.IN_REVIEW, OfferStatus.ARCHIVED]
    return statuses


def search_scope(user) -> facets.Scope:
    """``permissions.visible_to`` in the terms of the facet index (a test keeps them equal)."""
    p = principal(user)
    if p.is_ame_staff:
        return facets.Scope(everything=True)
    return facets.Scope(own_cooperantes=tuple(sorted(p.organization_ids(Role.FOCAL_POINT))))


def _options(group, param, counts, selected, labels):
    """Facet options: chosen ones first kept, then by the group's natural order or by count."""
    prefix = search.facet_token(group, "")
    by_value = {}
    for token, n in counts.items():
        by_value[token[len(prefix) :]] = n
    options = []
    for value, label in labels:
        key = search.facet_token(group, value)[len(prefix) :]
        n = by_value.get(key, 0)
        chosen = str(value) in selected
        if n or chosen:
            options.append(
                {
                    "value": value,
                    "label": label,
                    "count": n,
                    "selected": chosen,
                    "id": f"f-{param}-{value}",
                }
            )
    return options


def _facets(criteria, counts, labels):
    selected = {g: {str(v) for v in criteria.facets.get(g, ())} for g in search.COUNTED_GROUPS}
    sector_codes = {t[len("ffsec") :] for t in counts[search.SECTOR]} | selected[search.SECTOR]
    country_codes = {t[len("ffpais") :].upper() for t in counts[search.COUNTRY]} | selected[
        search.COUNTRY
    ]
    labels = {
        search.MODALITY: [
            (code, label + (" " + _("(reembolsable)") if code in REIMBURSABLE_MODALITIES else ""))
            for code, label in ModalityCode.choices
        ],
        search.SDG: [(code, f"{code}. {title}") for code, title in labels.sdgs.items()],
        search.COMPETENCY: [(c, f"{c}) {label}") for c, label in CootadCompetencyCode.choices],
        search.SECTOR: [(c, labels.sectors.get(c, c)) for c in sorted(sector_codes)],
        search.KIND: list(KIND_LABELS.items()),
        search.COUNTRY: [(c, labels.countries.get(c, c)) for c in sorted(country_codes)],
    }
    groups = []
    for group, param, legend in FACET_GROUPS:
        options = _options(group, param, counts[group], selected[group], labels[group])
        if group in (search.SECTOR, search.KIND, search.COUNTRY):
            options.sort(key=lambda o: (not o["selected"], -o["count"], str(o["label"])))
        options = options[:FACET_MAX]
        if options:
            groups.append(
                {
                    "param": param,
                    "legend": legend,
                    "options": options[:FACET_VISIBLE],
                    "more": options[FACET_VISIBLE:],
                    "more_selected": any(o["selected"] for o in options[FACET_VISIBLE:]),
                    "options_html": options_html(param, options[:FACET_VISIBLE]),
                    "more_html": options_html(param, options[FACET_VISIBLE:]),
                }
            )
    return groups


def count_text(n: int) -> str:
    """12.345 (es-EC grouping), cheaper than the template's localisation in long lists."""
    return f"{n:,}".replace(",", ".")


def options_html(param, options, kind="checkbox") -> str:
    """The check boxes of a facet group. Built here rather than in a template loop: a facet
    list has up to ~150 options and the page is on a 50 ms budget (see docs/busqueda.md)."""
    hidden = escape(_("ofertas"))
    parts = []
    for o in options:
        ident = escape(o["id"])
        checked = " checked" if o["selected"] else ""
        parts.append(
            f'<div class="form-check"><input class="form-check-input" type="{kind}"'
            f' name="{escape(param)}" value="{escape(o["value"])}" id="{ident}"{checked}>'
            f' <label class="form-check-label" for="{ident}"><span>{escape(o["label"])}</span>'
            f' <span class="facet-count">{count_text(o["count"])}<span class="visually-hidden">'
            f" {hidden}</span></span></label></div>"
        )
    return mark_safe("\n".join(parts))  # every value is escaped above


def canton_options(grouped, selected, mine) -> str:
    """The <optgroup>/<option> list of the 221 cantons (built here: ~20 times faster than a
    template loop, and the page is on a 50 ms budget)."""
    mine_label = escape(_("(mi cantón)"))
    parts = []
    for province, items in grouped:
        parts.append(f'<optgroup label="{escape(province)}">')
        for code, name in items:
            chosen = " selected" if code == selected else ""
            suffix = f" {mine_label}" if code == mine else ""
            parts.append(f'<option value="{escape(code)}"{chosen}>{escape(name)}{suffix}</option>')
        parts.append("</optgroup>")
    return mark_safe("".join(parts))  # every value is escaped above


def cached_canton_options(labels, selected, mine) -> str:
    """``canton_options`` kept with the index's labels (reference data, read again with every
    generation), per selected canton, the user's canton and language."""
    cache = labels.canton_html
    key = (selected, mine, get_language())
    html = cache.get(key)
    if html is None:
        if len(cache) > 500:
            cache.clear()
        html = cache[key] = canton_options(labels.canton_groups, selected, mine)
    return html


def canton_choices():
    """[(province name, [(code, canton name), …]), …], {canton id: code}, {code: name}.

    (The catalogue page reads the same from its facet index; exports and other pages use this.)"""
    rows = Canton.objects.order_by("province__name", "name").values_list(
        "id", "code", "name", "province__name"
    )
    grouped, codes, names = {}, {}, {}
    for pk, code, name, province in rows:
        grouped.setdefault(province, []).append((code, name))
        codes[pk] = code
        names[code] = name
    return list(grouped.items()), codes, names


def catalog(user, params, *, page_number=None):
    """Everything the catalogue page shows for these GET parameters."""
    today = timezone.localdate()
    filterset = OfferFilterSet(params, queryset=Offer.objects.none())
    criteria = filterset.criteria
    index = facets.load()
    labels = index.labels
    my_canton = user_canton_code(user, labels.canton_codes)
    if "canton" not in params and my_canton and "canton" not in filterset.errors:
        criteria = dataclasses.replace(criteria, canton=my_canton)
    counts = facets.run(criteria, search_scope(user), today=today, index=index)
    paginator = Paginator(_Results(user, counts, today), PAGE_SIZE)
    page = paginator.get_page(page_number)
    explicit_canton = bool(my_canton) and not criteria.canton
    query = query_string(criteria, explicit_canton=explicit_canton)
    return {
        "filterset": filterset,
        "errors": filterset.errors,
        "criteria": criteria,
        "text_query": criteria.query,
        "page": page,
        "cards_html": cards_html(page.object_list),
        "total": counts.total,
        "facets": _facets(criteria, counts.facets, labels),
        "statuses": [
            {
                "value": s.value,
                "label": STATUS_LABELS[s],
                "count": counts.statuses.get(s.value, 0),
                "selected": s in criteria.statuses,
            }
            for s in status_choices(user)
        ],
        "closing": [
            {"value": d, "count": counts.closing.get(d, 0), "selected": criteria.closes_within == d}
            for d in search.CLOSING_WINDOWS
        ],
        "canton_options": cached_canton_options(labels, criteria.canton, my_canton),
        "my_canton": my_canton,
        "canton_name": labels.cantons.get(criteria.canton, ""),
        "query": query,
        "query_without_order": query_string(
            dataclasses.replace(criteria, order=search.ORDER_RELEVANCE),
            explicit_canton=explicit_canton,
        ),
        "order_choices": ORDER_CHOICES,
        "today": today,
    }


# --- feeds ---------------------------------------------------------------------------------


def feed_criteria(params):
    filterset = OfferFilterSet(params, queryset=Offer.objects.none())
    return filterset.criteria


def newly_published(user, params):
    """Newest published offers matching the catalogue filters (Atom feed)."""
    criteria = feed_criteria(params)
    qs = search.apply(permissions.visible_to(user), criteria).filter(published_at__isnull=False)
    return criteria, list(
        qs.select_related("cooperante", "currency")
        .prefetch_related("modalities")
        .order_by("-published_at", "-pk")[:FEED_ITEMS]
    )


def closing_dates(user, params):
    """Open offers with a closing date, matching the catalogue filters (ICS calendar)."""
    today = timezone.localdate()
    criteria = feed_criteria(params)
    criteria = dataclasses.replace(criteria, statuses=(OfferStatus.PUBLISHED,))
    qs = search.apply(permissions.visible_to(user), criteria, today=today).filter(
        closes_on__isnull=False, closes_on__gte=today
    )
    return criteria, list(
        qs.select_related("cooperante").order_by("closes_on", "pk")[:CALENDAR_ITEMS]
    )


# --- one offer; one cooperante -------------------------------------------------------------


def offer_detail(user, code):
    qs = (
        permissions.visible_to(user)
        .select_related("cooperante", "cooperation_type", "currency")
        .prefetch_related(
            Prefetch("modalities", queryset=Modality.objects.order_by("position")),
            "sdgs",
            "sdg_targets",
            "competencies",
            "sectors",
            Prefetch("provinces", queryset=Province.objects.defer("boundary")),
            Prefetch(
                "cantons",
                queryset=Canton.objects.select_related("province").defer(
                    "boundary", "province__boundary"
                ),
            ),
            "attachments",
        )
    )
    offer = get_object_or_404(qs, code=code)
    decorate([offer])
    offer.cooperante_country = (
        Country.objects.filter(code=offer.cooperante.country).values_list("name", flat=True).first()
        if offer.cooperante.country
        else None
    )
    return offer


def cooperante_offers(user, slug, limit=200):
    """The cooperante 360 listing: its open offers, its past ones and (for those who may see
    them) the ones being prepared or reviewed."""
    org = get_object_or_404(org_permissions.visible_to(user), slug=slug)
    today = timezone.localdate()
    offers = decorate(
        list(
            card_queryset(permissions.visible_to(user).filter(cooperante=org)).order_by(
                F("closes_on").asc(nulls_last=True), "-published_at", "pk"
            )[:limit]
        ),
        today,
    )
    current, past, pending = [], [], []
    for offer in offers:
        if offer.status == OfferStatus.PUBLISHED and not offer.display.is_expired:
            current.append(offer)
        elif offer.status in (OfferStatus.CLOSED, OfferStatus.PUBLISHED):
            past.append(offer)
        else:
            pending.append(offer)
    past.sort(key=lambda o: o.closes_on or today, reverse=True)
    return {"org": org, "current": current, "past": past, "pending": pending}
