"""Benchmark of the dashboards and the map (issue 6: the national dashboard with 20,000 projects
renders at p95 ≤ 200 ms).

Builds 20,000 synthetic projects across the 221 cantons, 17 years, 300 cooperantes, the 17 SDGs
and the DAC sectors (bulk inserts, real reference data), then times pages through Django's test
client (no network): the national dashboard (anonymous and AME), the map page, the map data JSON,
the canton summary and one chart download.

``run(db_label)`` works on the database Django is configured with and returns Markdown lines.
Run alone:

    .venv/bin/python bench/dashboards.py                      # fresh temporary SQLite
    .venv/bin/python bench/dashboards.py --database-url postgres://postgres@127.0.0.1:5432/x
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROJECTS = 20_000
COOPERANTES = 300
REPEAT = 40
TARGET_MS = 200


def p95(samples):
    ordered = sorted(samples)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def build(projects=PROJECTS, seed=2026):
    """Bulk-create the synthetic projects with their cantons, funders, SDGs and sectors."""
    from django.db import transaction

    from sioc.codelists.models import ActivityStatus, DacSector, Modality, SdgGoal
    from sioc.organizations.models import Organization
    from sioc.projects.choices import OrganisationRole, Source, Visibility
    from sioc.projects.models import Project, ProjectOrganization, ProjectSdg, ProjectSector
    from sioc.territory.models import Canton

    rng = random.Random(seed)
    cantons = list(Canton.objects.values_list("pk", flat=True))
    gads = dict(Organization.objects.gads().values_list("canton_id", "pk"))
    goals = list(SdgGoal.objects.values_list("pk", flat=True))
    sectors = list(DacSector.objects.filter(is_active=True).values_list("pk", flat=True))
    modalities = list(Modality.objects.values_list("pk", flat=True))
    statuses = list(ActivityStatus.objects.values_list("pk", flat=True))
    kinds = ["bilateral_agency", "multilateral", "development_bank", "international_ngo"]
    with transaction.atomic():
        orgs = Organization.objects.bulk_create(
            [
                Organization(
                    slug=f"bench-coop-{i:03d}",
                    name=f"Cooperante sintético {i:03d}",
                    kind=kinds[i % len(kinds)],
                    country="DE",
                )
                for i in range(COOPERANTES)
            ]
        )
        coop_ids = [o.pk for o in orgs] or list(
            Organization.objects.filter(slug__startswith="bench-coop-").values_list("pk", flat=True)
        )
        rows = []
        for i in range(projects):
            committed = rng.choice((0, 0, 50_000, 120_000, 400_000, 1_500_000)) * rng.random()
            budget = rng.choice((None, 30_000, 250_000, 2_000_000))
            rows.append(
                Project(
                    title=f"Proyecto sintético {i}",
                    source=Source.IATI if rng.random() < 0.15 else Source.SIOC,
                    visibility=Visibility.PUBLISHED if rng.random() < 0.7 else Visibility.PRIVATE,
                    year=rng.randint(2010, 2026),
                    modality_id=rng.choice(modalities),
                    activity_status_id=rng.choice(statuses),
                    committed_usd=Decimal(round(committed, 2)),
                    budget_usd=Decimal(budget) if budget else None,
                    disbursed_usd=Decimal(round(committed * rng.random(), 2)),
                    spent_usd=Decimal(round(committed * rng.random() * 0.5, 2)),
                )
            )
        created = Project.objects.bulk_create(rows, batch_size=2000)
        ids = [p.pk for p in created]
        if not all(ids):
            ids = list(Project.objects.order_by("pk").values_list("pk", flat=True))
        canton_links, gad_links, funders, sdgs, secs = [], [], [], [], []
        for pk in ids:
            for canton in rng.sample(cantons, rng.choice((1, 1, 1, 2, 3))):
                canton_links.append(Project.cantons.through(project_id=pk, canton_id=canton))
                if canton in gads and rng.random() < 0.5:
                    gad_links.append(
                        Project.gads.through(project_id=pk, organization_id=gads[canton])
                    )
            for org in rng.sample(coop_ids, rng.choice((1, 1, 2))):
                funders.append(
                    ProjectOrganization(
                        project_id=pk, organization_id=org, role=OrganisationRole.FUNDING
                    )
                )
            picked = rng.sample(goals, rng.choice((1, 2, 3)))
            for goal in picked:
                sdgs.append(
                    ProjectSdg(project_id=pk, goal_id=goal, percentage=Decimal(100 // len(picked)))
                )
            picked = rng.sample(sectors, rng.choice((1, 2)))
            for sector in picked:
                secs.append(
                    ProjectSector(
                        project_id=pk, sector_id=sector, percentage=Decimal(100 // len(picked))
                    )
                )
        for model, objs in (
            (Project.cantons.through, canton_links),
            (Project.gads.through, gad_links),
            (ProjectOrganization, funders),
            (ProjectSdg, sdgs),
            (ProjectSector, secs),
        ):
            model.objects.bulk_create(objs, batch_size=5000, ignore_conflicts=True)
    return len(ids)


def measure(client, url, repeat=REPEAT, cold=False):
    """Median, p95, SQL queries and size of ``url``; ``cold`` empties the cache before each
    request (the first view after a change of the data)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # warm-up
    assert response.status_code == 200, (url, response.status_code)
    samples = []
    for _ in range(repeat):
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return (
        statistics.median(samples),
        p95(samples),
        len(ctx.captured_queries),
        len(response.content),
    )


def run(db_label):
    from django.test import Client

    from sioc.accounts.tests.factories import PersonaFactory

    start = time.perf_counter()
    n = build()
    built = time.perf_counter() - start
    anonymous = Client()
    ame = Client()
    ame.force_login(PersonaFactory.make("ame_officer"))
    pages = [
        ("Tablero nacional (anónimo)", anonymous, "/tableros/", TARGET_MS),
        ("Tablero nacional (oficial de AME)", ame, "/tableros/", TARGET_MS),
        ("Tablero nacional (anónimo), sin caché", anonymous, "/tableros/?cold", None),
        ("Tablero nacional (oficial de AME), sin caché", ame, "/tableros/?cold", None),
        (
            "Tablero nacional filtrado (anónimo; 2018–2024, ODS 6)",
            anonymous,
            "/tableros/?desde=2018&hasta=2024&ods=6",
            TARGET_MS,
        ),
        ("Tablero del GAD de Cuenca (AME)", ame, "/tableros/gad/gad-0101-cuenca/", TARGET_MS),
        ("Mapa (página, anónimo)", anonymous, "/tableros/mapa/", None),
        ("Datos del mapa (JSON, anónimo)", anonymous, "/tableros/mapa/datos.json", TARGET_MS),
        ("Datos del mapa (JSON, AME)", ame, "/tableros/mapa/datos.json", TARGET_MS),
        ("Resumen del cantón Quito (AME)", ame, "/tableros/cantones/1701/", TARGET_MS),
        ("Resumen del cantón Cuenca (anónimo)", anonymous, "/tableros/cantones/0101/", TARGET_MS),
        ("Descarga XLSX por cantón (AME)", ame, "/tableros/datos/canton.xlsx", None),
    ]
    lines = [
        "## Tableros y mapa (20.000 proyectos)",
        "",
        f"{n:,} proyectos sintéticos (".replace(",", ".")
        + "221 cantones, 1 a 3 cantones, 1 a 3 ODS y 1 o 2 sectores por proyecto, "
        f"{COOPERANTES} cooperantes, años 2010–2026; 70 % publicados, 15 % IATI), creados en "
        f"{built:.1f} s. Cliente de pruebas de Django, sin red; {REPEAT} peticiones por página, "
        f"base de datos {db_label}. Los tableros guardan en caché sus agregados por público "
        "(lo público, AME, cada conjunto de membresías de GAD o punto focal), filtros y versión de los datos (una consulta "
        "barata detecta cualquier cambio); las filas «sin caché» miden la primera vista después "
        "de un cambio (10 peticiones).",
        "",
        "| página | URL | mediana | p95 | consultas SQL | tamaño | meta |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, client, url, target in pages:
        cold = url.endswith("?cold")
        url = url.removesuffix("?cold")
        median, pct95, queries, size = measure(
            client, url, repeat=10 if cold else REPEAT, cold=cold
        )
        goal = "—"
        if target:
            goal = f"p95 ≤ {target} ms " + ("✅ cumplida" if pct95 <= target else "❌ no cumplida")
        lines.append(
            f"| {label} | `{url}` | {median:,.0f} ms | {pct95:,.0f} ms | {queries} "
            f"| {size / 1024:,.0f} KiB | {goal} |"
        )
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="an empty database (default: temporary SQLite)")
    args = parser.parse_args()
    if args.database_url:
        os.environ["SIOC_DATABASE_URL"] = args.database_url
        label = "PostgreSQL" if args.database_url.startswith("postgres") else "SQLite"
    else:
        tmp = tempfile.mkdtemp(prefix="sioc-bench-dashboards-")
        os.environ["SIOC_DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        label = "SQLite"
    os.environ.setdefault("SIOC_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sioc.config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_reference_data", verbosity=0)
    print("\n".join(run(label)))


if __name__ == "__main__":
    main()
