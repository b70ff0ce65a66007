"""Spanish explanations of the matching engine: why an offer fits a need, and why it cannot.

Reasons that add to the score come first, each with its contribution to the score between
parentheses (``(+0,25)``: a quarter of the score comes from it); then facts that do not add but
help to decide (coverage, modalities, dates). Numbers a person reads use the Spanish format.
"""

import datetime

from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from sioc.offers.choices import OfferStatus, Schedule

# Criteria of the contributions dict and their Spanish labels (for pages that list them).
CRITERIA = {
    "text": gettext_lazy("Texto en común"),
    "sdg": gettext_lazy("ODS"),
    "target": gettext_lazy("Metas ODS"),
    "competency": gettext_lazy("Competencia COOTAD"),
    "sector": gettext_lazy("Sector CAD"),
    "amount": gettext_lazy("Monto"),
    "urgency": gettext_lazy("Cierre cercano"),
    "track_record": gettext_lazy("Trayectoria del cooperante"),
}
MAX_TEXT_WORDS = 4


def criterion_label(code: str) -> str:
    return str(CRITERIA[code])


# --- phrases, translated once per language -------------------------------------------------


class Phrases:
    """The reasons' templates in the active language (gettext is called once per language,
    not once per reason: a national run writes tens of thousands of reasons)."""

    def __init__(self):
        self.pair = _("%(first)s y %(last)s")
        self.text = _("texto en común: %(words)s")
        self.more = _("y %(n)d más")
        self.goals = _("ODS %(goals)s en común")
        self.competency = _("misma competencia COOTAD: %(letter)s) %(name)s")
        self.sector = _("mismo sector CAD: %(name)s")
        self.category = _("sector CAD afín: %(name)s")
        self.within = _("el monto de %(amount)s USD está dentro del rango de la oferta (%(range)s)")
        self.near = _("el monto de %(amount)s USD está cerca del rango de la oferta (%(range)s)")
        self.range_both = _("de %(low)s a %(high)s USD")
        self.range_high = _("hasta %(high)s USD")
        self.range_low = _("desde %(low)s USD")
        self.today = _("cierra hoy")
        self.tomorrow = _("cierra mañana")
        self.canton = _("cubre el cantón %(canton)s")
        self.province = _("cubre %(province)s")
        self.national = _("cobertura nacional")
        self.modalities = _("ofrece %(modalities)s, como busca la necesidad")
        self.foreign = _("monto de la oferta en %(currency)s: no se compara con el de la necesidad")
        self.permanent = _("convocatoria permanente")
        self.opens = _("abre el %(date)s")
        self.closes = _("cierra el %(date)s")

    def join(self, items) -> str:
        """«a», «a y b», «a, b y c»."""
        items = [str(i) for i in items]
        if len(items) <= 1:
            return "".join(items)
        return self.pair % {"first": ", ".join(items[:-1]), "last": items[-1]}

    def closing_in(self, days: int) -> str:
        if days <= 0:
            return self.today
        if days == 1:
            return self.tomorrow
        return ngettext("cierra en %(n)d día", "cierra en %(n)d días", days) % {"n": days}

    def range(self, low, high) -> str:
        if low is not None and high is not None:
            return self.range_both % {"low": money(low), "high": money(high)}
        if high is not None:
            return self.range_high % {"high": money(high)}
        if low is not None:
            return self.range_low % {"low": money(low)}
        return ""


_phrases: dict[str, Phrases] = {}


def phrases() -> Phrases:
    language = get_language() or ""
    table = _phrases.get(language)
    if table is None:
        table = _phrases[language] = Phrases()
    return table


def join(items) -> str:
    return phrases().join(items)


def closing_in(days: int) -> str:
    return phrases().closing_in(days)


# --- formatting ---------------------------------------------------------------------------


def money(value) -> str:
    """12.500 / 1.250.000,50 (Spanish thousands and decimal separators)."""
    value = float(value)
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def share(value: float) -> str:
    return "+" + f"{value:.2f}".replace(".", ",")


def day(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def _sdg_key(target: str):
    goal, _sep, rest = target.partition(".")
    return (int(goal), rest.zfill(3) if rest.isdigit() else "z" + rest)


# --- why an offer fits ----------------------------------------------------------------------


def explain(plan, index, pos: int, matched) -> tuple[list[str], dict[str, float]]:
    """(reasons, contributions) of the offer at ``pos`` for ``plan`` given its matched
    features. Contributions are shares of the score (they add up to it, before the cap at 1)."""
    p = plan.phrases
    spec = plan.spec
    divisor = plan.max_units or 1
    units: dict[str, int] = {}
    by: dict[str, list] = {}
    for f in matched:
        units[f.criterion] = units.get(f.criterion, 0) + f.units
        by.setdefault(f.criterion, []).append(f)

    def part(*criteria):
        return sum(units.get(c, 0) for c in criteria) / divisor

    contributions = {
        "text": part("text", "title"),
        "sdg": part("sdg"),
        "target": part("target"),
        "competency": part("competency"),
        "sector": part("sector", "sector_category"),
        "amount": part("amount", "amount_near"),
        "urgency": part("urgency"),
        "track_record": part("track_record"),
    }
    scored: list[tuple[float, str]] = []

    # Text: the need's words found in the offer, the heaviest first.
    words: dict[str, int] = {}
    for f in by.get("text", []) + by.get("title", []):
        words[f.key.label] = words.get(f.key.label, 0) + f.units
    if words:
        top = sorted(words, key=lambda w: (-words[w], w))[:MAX_TEXT_WORDS]
        label = p.text % {"words": ", ".join(f"«{w}»" for w in top)}
        if len(words) > MAX_TEXT_WORDS:
            label += " " + p.more % {"n": len(words) - MAX_TEXT_WORDS}
        scored.append((contributions["text"], label))

    # SDGs and targets, as one reason ("ODS 6 y meta 6.3 en común").
    goals = sorted(f.key for f in by.get("sdg", []))
    targets = sorted((f.key for f in by.get("target", [])), key=_sdg_key)
    if goals or targets:
        if goals and targets:
            template = ngettext(
                "ODS %(goals)s y meta %(targets)s en común",
                "ODS %(goals)s y metas %(targets)s en común",
                len(targets),
            )
        elif targets:
            template = ngettext(
                "meta ODS %(targets)s en común", "metas ODS %(targets)s en común", len(targets)
            )
        else:
            template = p.goals
        label = template % {"goals": p.join(goals), "targets": p.join(targets)}
        scored.append((contributions["sdg"] + contributions["target"], label))

    for f in by.get("competency", []):
        name = index.names.competencies.get(f.key, "")
        scored.append((f.units / divisor, p.competency % {"letter": f.key, "name": name}))
    for f in by.get("sector", []):
        scored.append(
            (f.units / divisor, p.sector % {"name": index.names.sectors.get(f.key, f.key)})
        )
    for f in by.get("sector_category", []):
        scored.append(
            (f.units / divisor, p.category % {"name": index.names.categories.get(f.key, f.key)})
        )

    if "amount" in units or "amount_near" in units:
        template = p.within if "amount" in units else p.near
        amount_range = p.range(index.amount_min[pos], index.amount_max[pos])
        scored.append(
            (
                contributions["amount"],
                template % {"amount": money(spec.amount), "range": amount_range},
            )
        )
    for f in by.get("track_record", []):
        n = f.key.get(index.cooperantes[pos], 0)
        province = plan.place.province or spec.canton_code
        scored.append(
            (
                f.units / divisor,
                ngettext(
                    "el cooperante ya tiene %(n)s proyecto afín en la provincia de %(province)s",
                    "el cooperante ya tiene %(n)s proyectos afines en la provincia de %(province)s",
                    n,
                )
                % {"n": n, "province": province},
            )
        )
    closes = index.closes_on[pos]
    if "urgency" in units and closes is not None:
        scored.append((contributions["urgency"], p.closing_in((closes - plan.date).days)))

    scored.sort(key=lambda item: -item[0])
    reasons = [f"{label} ({share(value)})" for value, label in scored]
    reasons += facts(plan, index, pos, urgent="urgency" in units)
    return reasons, {k: round(v, 4) for k, v in contributions.items()}


def facts(plan, index, pos: int, *, urgent: bool) -> list[str]:
    """What does not add to the score but helps to decide: coverage, modalities, dates."""
    p = plan.phrases
    spec = plan.spec
    place = plan.place
    out = []
    if place.canton_bits >> pos & 1:
        out.append(p.canton % {"canton": place.canton})
    elif place.province_bits >> pos & 1:
        out.append(p.province % {"province": place.province})
    else:
        out.append(p.national)
    offered = [label for label, bits in plan.sought if bits >> pos & 1]
    if offered:
        out.append(p.modalities % {"modalities": p.join(offered)})
    if spec.amount is not None and index.foreign_amount[pos]:
        out.append(p.foreign % {"currency": index.foreign_amount[pos]})
    opens, closes = index.opens_on[pos], index.closes_on[pos]
    if index.schedule[pos] == Schedule.PERMANENT:
        out.append(p.permanent)
    else:
        if opens is not None and opens > plan.date:
            out.append(p.opens % {"date": day(opens)})
        if closes is not None and not urgent and closes >= plan.date:
            out.append(p.closes % {"date": day(closes)})
    return out


def need_source(need) -> str:
    return _("para su necesidad «%(title)s»") % {"title": need.title}


def profile_source() -> str:
    return _("según las prioridades de su PDOT")


# --- why an offer cannot be recommended -----------------------------------------------------

APPLICANT_NOUNS = {
    "gad_municipal": gettext_lazy("GAD municipales"),
    "mancomunidad": gettext_lazy("mancomunidades"),
    "other": gettext_lazy("otros actores"),
}


def exclusion_reasons(spec, offer, date: datetime.date) -> list[str]:
    """The hard filters that exclude ``offer`` for ``spec`` on ``date`` (Spanish)."""
    from sioc.territory.models import Canton

    reasons = []
    if offer.status == OfferStatus.CLOSED:
        reasons.append(_("La oferta está cerrada."))
    elif offer.status != OfferStatus.PUBLISHED:
        reasons.append(
            _("La oferta no está publicada (estado: %(status)s).")
            % {"status": offer.get_status_display()}
        )
    elif (
        offer.schedule == Schedule.WINDOW and offer.closes_on is not None and offer.closes_on < date
    ):
        reasons.append(_("La convocatoria cerró el %(date)s.") % {"date": day(offer.closes_on)})

    if not offer.is_national:
        canton = Canton.objects.select_related("province").filter(code=spec.canton_code).first()
        cantons = list(offer.cantons.all())
        provinces = list(offer.provinces.all())
        covered = canton is not None and (
            any(c.pk == canton.pk for c in cantons)
            or any(p.pk == canton.province_id for p in provinces)
        )
        if not covered:
            places = [p.name for p in sorted(provinces, key=lambda p: p.name)]
            places += [
                _("cantón %(name)s") % {"name": c.name}
                for c in sorted(cantons, key=lambda c: c.name)
            ]
            where = (
                _("%(canton)s (%(province)s)")
                % {"canton": canton.name, "province": canton.province.name}
                if canton
                else spec.canton_code
            )
            reasons.append(
                _("No cubre %(where)s: la oferta es solo para %(places)s.")
                % {"where": where, "places": join(places)}
            )

    flag = {"gad_municipal": offer.open_to_gad, "mancomunidad": offer.open_to_mancomunidad}.get(
        spec.applicant, offer.open_to_others
    )
    if not flag:
        noun = APPLICANT_NOUNS.get(spec.applicant, APPLICANT_NOUNS["other"])
        reasons.append(_("La oferta no admite postulaciones de %(who)s.") % {"who": noun})

    if spec.modality_codes:
        offered = list(offer.modalities.all())
        codes = {m.code for m in offered}
        if not codes & set(spec.modality_codes):
            from sioc.codelists.models import Modality

            sought = list(
                Modality.objects.filter(code__in=spec.modality_codes).order_by("position")
            )
            sought_labels = join(m.name for m in sought) or join(sorted(spec.modality_codes))
            reimbursable = {m.code for m in offered if m.is_reimbursable}
            if (
                offered
                and reimbursable == codes
                and not {m.code for m in sought if m.is_reimbursable}
            ):
                reasons.append(
                    _(
                        "La oferta solo ofrece %(offered)s (reembolsable) y la necesidad busca %(sought)s."
                    )
                    % {"offered": join(m.name.lower() for m in offered), "sought": sought_labels}
                )
            else:
                reasons.append(
                    _(
                        "La oferta no ofrece ninguna de las modalidades buscadas (%(sought)s); ofrece %(offered)s."
                    )
                    % {
                        "sought": sought_labels,
                        "offered": join(m.name for m in offered) or _("ninguna"),
                    }
                )
    return reasons
