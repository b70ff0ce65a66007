"""Synthetic catalogue for the benchmarks: 2,000 cooperantes and 100,000 offers, built from the
real vocabularies (modalities, the 169 SDG targets in Spanish, COOTAD competencies, DAC sectors,
INEC provinces and cantons, ISO countries) into the current database.

Rows go in with ``bulk_create`` and are indexed in bulk with ``sioc.offers.search.index_offers``;
the whole build takes well under two minutes. Deterministic for a given seed.

Use from a process where Django is set up on a migrated database with the reference data::

    from bench.synthetic import build
    build()  # -> {"cooperantes": 2000, "ofertas": 100000, "segundos_*": …}
"""

import datetime
import random
import time
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from sioc.codelists.choices import COOTAD_COMPETENCY_TEXTS
from sioc.codelists.models import (
    CooperationType,
    CootadCompetency,
    Currency,
    DacSector,
    Modality,
    SdgGoal,
    SdgTarget,
)
from sioc.common.text import fold
from sioc.offers import search
from sioc.offers.choices import OfferStatus, Schedule
from sioc.offers.models import Offer
from sioc.organizations.choices import COOPERANTE_KINDS
from sioc.organizations.models import Organization
from sioc.territory.models import Canton, Province

COUNTRIES = (  # noqa: SIM905 - a list of codes reads better as text
    "DE JP KR ES FR IT US CA GB NL BE CH SE NO FI DK AT LU AU NZ CN IN BR AR CL CO PE MX UY "
    "CR SV GT PA BO PY IL TR AE QA PT IE"
).split()
# DAC sector families municipal cooperation is about (water, transport, governance, …).
SECTOR_FAMILIES = (
    "140",
    "210",
    "151",
    "152",
    "410",
    "430",
    "311",
    "321",
    "332",
    "111",
    "112",
    "121",
    "122",
    "160",
    "230",
    "740",
)
TOPICS = (
    "agua potable",
    "saneamiento",
    "desechos sólidos",
    "vialidad rural",
    "movilidad urbana",
    "gestión de riesgos",
    "cambio climático",
    "turismo comunitario",
    "patrimonio cultural",
    "catastro",
    "ordenamiento territorial",
    "seguridad alimentaria",
    "emprendimiento",
    "igualdad de género",
    "juventud",
    "gobierno electrónico",
    "energía solar",
    "riego",
    "áreas verdes",
    "bomberos",
    "participación ciudadana",
    "educación",
    "salud comunitaria",
)
AUDIENCES = (
    "GAD municipales",
    "mancomunidades",
    "técnicos municipales",
    "autoridades locales",
    "organizaciones comunitarias",
    "gobiernos locales de la Amazonía",
    "municipios costeros",
)
STATUS_WEIGHTS = (
    (OfferStatus.PUBLISHED, 65),
    (OfferStatus.CLOSED, 20),
    (OfferStatus.DRAFT, 8),
    (OfferStatus.IN_REVIEW, 5),
    (OfferStatus.ARCHIVED, 2),
)
BATCH = 5000


def _weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def build(n_cooperantes=2000, n_offers=100_000, seed=2026, verbose=False) -> dict:
    rng = random.Random(seed)
    started = time.perf_counter()
    today = timezone.localdate()
    now = timezone.now()

    modalities = list(Modality.objects.values_list("id", "code", "name"))
    goals = dict(SdgGoal.objects.values_list("code", "id"))
    targets = list(SdgTarget.objects.values_list("id", "goal__code", "name"))
    targets_by_goal = {}
    for pk, goal, name in targets:
        targets_by_goal.setdefault(goal, []).append((pk, name))
    competencies = list(CootadCompetency.objects.values_list("id", "code", "short_name"))
    sectors = [
        (pk, name)
        for pk, code, name in DacSector.objects.filter(is_active=True).values_list(
            "id", "code", "name"
        )
        if code.startswith(SECTOR_FAMILIES)
    ]
    coop_types = list(CooperationType.objects.values_list("id", flat=True))
    currencies = list(
        Currency.objects.filter(code__in=["USD", "EUR"]).values_list("code", flat=True)
    )
    provinces = list(Province.objects.values_list("id", "name"))
    cantons = list(Canton.objects.values_list("id", "name"))

    with transaction.atomic():
        orgs = []
        for n in range(1, n_cooperantes + 1):
            kind = COOPERANTE_KINDS[n % len(COOPERANTE_KINDS)]
            country = COUNTRIES[rng.randrange(len(COUNTRIES))]
            name = f"{kind.label} {rng.choice(TOPICS).capitalize()} {country} {n:04d}"
            acronym = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUV") for _ in range(4))
            orgs.append(
                Organization(
                    slug=f"sintetica-{n:04d}",
                    kind=kind,
                    name=name,
                    acronym=acronym,
                    country=country,
                    search_text=fold(f"{name} {acronym}"),
                )
            )
        orgs = Organization.objects.bulk_create(orgs, batch_size=1000)
        org_ids = [o.pk for o in orgs]
        t_orgs = time.perf_counter()

        offer_ids = []
        links = {name: [] for name in search.RELATED}
        for start in range(0, n_offers, BATCH):
            batch, plans = [], []
            for n in range(start + 1, min(start + BATCH, n_offers) + 1):
                status = _weighted(rng, STATUS_WEIGHTS)
                schedule = _weighted(
                    rng, ((Schedule.WINDOW, 60), (Schedule.PERMANENT, 25), (Schedule.YEARLY, 15))
                )
                mods = rng.sample(modalities, rng.choice((1, 1, 2, 2, 3)))
                sdg_codes = rng.sample(sorted(goals), rng.choice((1, 2, 2, 3)))
                comps = rng.sample(competencies, rng.choice((1, 1, 2)))
                secs = rng.sample(sectors, rng.choice((1, 2)))
                chosen_targets = [
                    rng.choice(targets_by_goal[g]) for g in sdg_codes if rng.random() < 0.6
                ]
                topic = rng.choice(TOPICS)
                title = f"{mods[0][2]} en {topic} para {rng.choice(AUDIENCES)}"
                texts = [name for _pk, name in chosen_targets] or [
                    rng.choice(targets)[2] for _ in range(2)
                ]
                description = " ".join(
                    [str(COOTAD_COMPETENCY_TEXTS[comps[0][1]]), *texts, secs[0][1] + "."]
                )
                closes_on = opens_on = None
                if schedule != Schedule.PERMANENT:
                    if status == OfferStatus.CLOSED:
                        closes_on = today - datetime.timedelta(days=rng.randint(1, 700))
                    elif status == OfferStatus.PUBLISHED and rng.random() < 0.03:
                        closes_on = today - datetime.timedelta(
                            days=rng.randint(1, 5)
                        )  # not yet closed by the task
                    else:
                        closes_on = today + datetime.timedelta(days=rng.randint(0, 400))
                    opens_on = closes_on - datetime.timedelta(days=rng.randint(20, 120))
                low = high = None
                if rng.random() < 0.5:
                    low = Decimal(rng.choice((5, 10, 20, 50, 100))) * 1000
                    high = low * rng.choice((2, 5, 10))
                published_at = None
                if status in (OfferStatus.PUBLISHED, OfferStatus.CLOSED, OfferStatus.ARCHIVED):
                    published_at = now - datetime.timedelta(days=rng.randint(0, 1000), minutes=n)
                national = rng.random() < 0.4
                batch.append(
                    Offer(
                        code=f"SIN-{n:06d}",
                        cooperante_id=org_ids[rng.randrange(len(org_ids))],
                        title=title[:300],
                        summary=texts[0][:600],
                        description=description,
                        cooperation_type_id=rng.choice(coop_types),
                        is_national=national,
                        open_to_gad=True,
                        open_to_mancomunidad=rng.random() < 0.4,
                        amount_min=low,
                        amount_max=high,
                        currency_id=rng.choice(currencies) if low else None,
                        counterpart_percent=Decimal(rng.choice((0, 10, 20, 30)))
                        if rng.random() < 0.3
                        else None,
                        schedule=schedule,
                        opens_on=opens_on,
                        closes_on=closes_on,
                        requirements="Carta de interés de la máxima autoridad y perfil de proyecto alineado al PDOT.",
                        status=status,
                        last_verified_on=today - datetime.timedelta(days=rng.randint(0, 700)),
                        published_at=published_at,
                    )
                )
                plans.append(
                    {
                        "modalities": [m[0] for m in mods],
                        "sdgs": [goals[g] for g in sdg_codes],
                        "sdg_targets": [t[0] for t in chosen_targets],
                        "competencies": [c[0] for c in comps],
                        "sectors": [s[0] for s in secs],
                        "provinces": []
                        if national or rng.random() < 0.5
                        else [p[0] for p in rng.sample(provinces, rng.randint(1, 3))],
                        "cantons": [],
                    }
                )
                if not national and not plans[-1]["provinces"]:
                    plans[-1]["cantons"] = [c[0] for c in rng.sample(cantons, rng.randint(1, 4))]
            created = Offer.objects.bulk_create(batch, batch_size=1000)
            for offer, plan in zip(created, plans, strict=True):
                offer_ids.append(offer.pk)
                for name, values in plan.items():
                    links[name].extend((offer.pk, v) for v in values)
        t_offers = time.perf_counter()

        for name, pairs in links.items():
            field = Offer._meta.get_field(name)
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            through.objects.bulk_create(
                [through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in pairs],
                batch_size=5000,
            )
        t_links = time.perf_counter()
        search.index_offers(offer_ids)
        t_index = time.perf_counter()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # what autovacuum does after a bulk load
            cursor.execute("VACUUM ANALYZE")

    result = {
        "cooperantes": len(org_ids),
        "ofertas": len(offer_ids),
        "segundos_filas": round(t_links - started, 1),
        "segundos_indice": round(t_index - t_links, 1),
        "segundos_total": round(t_index - started, 1),
    }
    if verbose:
        print(
            result, f"(organizaciones {t_orgs - started:.1f} s, ofertas {t_offers - t_orgs:.1f} s)"
        )
    return result
