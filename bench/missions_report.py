"""Benchmark of the informe de sistematización (issue 5: 10 meetings, 20 photos in ≤ 3 s).

Builds a mission with 10 meetings, 2 photos each (1600×1200 JPEGs, stored the way uploads are:
through ``sioc.missions.services.add_photo``), an opportunity and a panel, then times the PDF and
the DOCX generation a few times and reports the median and p95.

``run(db_label)`` works on the database Django is configured with and returns Markdown table rows;
``ROWS_HEADER`` is their header. Run alone:

    .venv/bin/python bench/missions_report.py        # fresh temporary SQLite and media folder
"""

import argparse
import datetime
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MEETINGS = 10
PHOTOS_PER_MEETING = 2
PHOTO_SIZE = (1600, 1200)
RUNS = 7
TARGET_SECONDS = 3
TITLE = (
    f"## Informe de sistematización ({MEETINGS} reuniones, {MEETINGS * PHOTOS_PER_MEETING} fotos)"
)

ROWS_HEADER = [
    "| formato | base de datos | corridas | mediana | p95 | tamaño | meta |",
    "|---|---|---|---|---|---|---|",
]


def _photo_bytes(rng, index):
    """A photo-like JPEG: gradients and noise compress like a camera picture, not a flat area."""
    from PIL import Image, ImageDraw, ImageFilter

    w, h = PHOTO_SIZE
    image = Image.effect_noise((w, h), 60).convert("RGB")
    overlay = Image.new("RGB", (w, h))
    draw = ImageDraw.Draw(overlay)
    for _ in range(40):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.randrange(60, 400)
        colour = tuple(rng.randrange(40, 230) for _ in range(3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    image = Image.blend(image, overlay.filter(ImageFilter.GaussianBlur(8)), 0.75)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def build_mission():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sioc.missions import services
    from sioc.missions.choices import MissionKind, MissionStatus, OpportunityKind
    from sioc.organizations.choices import OrganizationKind
    from sioc.organizations.models import Organization
    from sioc.organizations.services import upsert_organization

    rng = random.Random(2026)
    ame = Organization.objects.get(slug="ame")
    partner, _ = upsert_organization(
        actor=None,
        slug="bench-contraparte",
        kind=OrganizationKind.FOREIGN_LOCAL_GOVERNMENT
        if hasattr(OrganizationKind, "FOREIGN_LOCAL_GOVERNMENT")
        else OrganizationKind.NATIONAL_GOVERNMENT,
        name="Alcaldía de prueba para el benchmark",
        country="CO",
    )
    start = datetime.date(2025, 3, 10)
    mission = services.create_mission(
        actor=None,
        status=MissionStatus.PUBLISHED,
        kind=MissionKind.PARADIPLOMATIC_AGENDA,
        name="Agenda paradiplomática de prueba con diez reuniones",
        country="CO",
        cities="Bogotá, Medellín",
        starts_on=start,
        ends_on=start + datetime.timedelta(days=5),
        organiser=ame,
        objective="Medir cuánto tarda el informe de sistematización de una agenda completa.",
        presentation_letter="\n\n".join(
            "Párrafo de la carta de presentación con acentos: cooperación, gestión, niñez. " * 4
            for _ in range(3)
        ),
        keywords="cooperación descentralizada, hermanamiento, cuidado, comercio",
        credits="Dirección Nacional de Cooperación Internacional — Sistematización",
    )
    for code in ("0101", "1101", "0104", "1701", "1301"):
        services.add_participant(
            mission,
            actor=None,
            organization=Organization.objects.get(kind="gad_municipal", canton__code=code),
            person_name="Autoridad de prueba",
            position="Alcalde",
        )
    index = 0
    for n in range(MEETINGS):
        meeting = services.add_meeting(
            mission,
            actor=None,
            order=n,
            date=start + datetime.timedelta(days=n // 2),
            place="Bogotá",
            title=f"Reunión {n + 1} con una contraparte colombiana",
            subject="Intercambio de experiencias de gestión municipal y cooperación.",
            development="\n".join(
                f"Punto {i + 1} del desarrollo de la reunión, con detalle suficiente para ocupar "
                "dos líneas en la página del informe de sistematización."
                for i in range(5)
            ),
            conclusions="\n".join(f"Conclusión {i + 1} para los GADM." for i in range(3)),
        )
        services.add_counterpart(meeting, actor=None, organization=partner, person_name="Alcalde")
        services.add_recommendation(meeting, actor=None, order=0, text="Recomendación a los GADM.")
        for p in range(PHOTOS_PER_MEETING):
            index += 1
            services.add_photo(
                mission,
                actor=None,
                meeting=meeting,
                uploaded_file=SimpleUploadedFile(
                    f"foto{index}.jpg", _photo_bytes(rng, index), content_type="image/jpeg"
                ),
                caption=f"Foto {p + 1} de la reunión {n + 1}",
                credit="AME",
                order=p,
            )
        if n == 0:
            services.create_opportunity(
                meeting,
                actor=None,
                kind=OpportunityKind.TWINNING,
                counterpart=partner,
                title="Hermanamiento de prueba",
                gad_action="Expresar interés en un hermanamiento.",
            )
    services.add_panel(mission, actor=None, order=0, title="Panel de prueba", moderator="AME")
    return mission


def p95(samples):
    ordered = sorted(samples)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def run(db_label):
    from sioc.missions.reports import build_report

    mission = build_mission()
    rows = []
    for fmt in ("pdf", "docx"):
        build_report(mission, fmt, base_url="https://sioc.ame.gob.ec/")  # warm-up (fonts)
        samples, size = [], 0
        for _ in range(RUNS):
            start = time.perf_counter()
            data = build_report(mission, fmt, base_url="https://sioc.ame.gob.ec/")
            samples.append(time.perf_counter() - start)
            size = len(data)
        worst = p95(samples)
        goal = "✅" if worst <= TARGET_SECONDS else "❌"
        rows.append(
            f"| {fmt.upper()} | {db_label} | {RUNS} | {statistics.median(samples):.2f} s "
            f"| {worst:.2f} s | {size / 1024 / 1024:.1f} MB | ≤ {TARGET_SECONDS} s {goal} |"
        )
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="an empty database (default: temporary SQLite)")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="sioc-bench-report-")
    if args.database_url:
        os.environ["SIOC_DATABASE_URL"] = args.database_url
        label = "PostgreSQL" if args.database_url.startswith("postgres") else "SQLite"
    else:
        os.environ["SIOC_DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        label = "SQLite"
    os.environ.setdefault("SIOC_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sioc.config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.MEDIA_ROOT = Path(tmp) / "media"
    call_command("migrate", verbosity=0)
    call_command("load_reference_data", verbosity=0)
    rows = run(label)
    met = all("✅" in row for row in rows)
    print(TITLE)
    print()
    print("\n".join(ROWS_HEADER + rows))
    print()
    print(
        f"Meta: generar el informe en ≤ {TARGET_SECONDS} s (p95 de {RUNS} corridas) — "
        + ("cumplida." if met else "NO cumplida.")
    )


if __name__ == "__main__":
    main()
