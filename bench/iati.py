"""Benchmark of the IATI import and export (issue 6).

Targets: a 50,000-activity file (the real USAID and CAF Ecuador activities repeated with new
identifiers) imported at ≥ 2,000 activities/s and within 4× the time lxml alone needs to parse
it (iterparse with the same safe options, clearing each activity); export of 20,000 published
projects in ≤ 30 s (schema validation timed separately).

Standalone: own temporary SQLite database and media folder, ``migrate``,
``load_reference_data``. Prints Markdown starting with "## IATI: importación y exportación".

    .venv/bin/python bench/iati.py
    .venv/bin/python bench/iati.py --activities 10000 --import-only [--profile out.prof]

``--activities N`` builds a file of N activities; ``--import-only`` skips the export part;
``--profile FILE`` runs the first import under cProfile and writes the stats to FILE.
"""

import argparse
import datetime
import os
import shutil
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TMP = Path(tempfile.mkdtemp(prefix="sioc-bench-iati-"))
os.environ["SIOC_DATABASE_URL"] = f"sqlite:///{TMP}/bench.sqlite3"
os.environ["SIOC_MEDIA_ROOT"] = str(TMP / "media")
os.environ.setdefault("SIOC_ENV", "test")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sioc.config.settings")
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from lxml import etree  # noqa: E402

ACTIVITIES = 50_000
EXPORTED = 20_000
SOURCES = ("usaid-ec.xml", "CAF-ActivityFile-2025-10-10_solo_EC.xml")


def build_file(path, n=ACTIVITIES):
    folder = Path(settings.DATA_DIR) / "iati" / "activities_ec"
    templates = []
    for name in SOURCES:
        for _e, el in etree.iterparse(str(folder / name), tag="iati-activity"):
            ident = el.findtext("iati-identifier").strip()
            raw = etree.tostring(el)
            templates.append((ident.encode(), raw))
    with open(path, "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
        fh.write(b'<iati-activities version="2.03" generated-datetime="2026-01-01T00:00:00Z">\n')
        for i in range(n):
            ident, raw = templates[i % len(templates)]
            new = ident + f"-BENCH{i}".encode()
            fh.write(raw.replace(b">" + ident + b"<", b">" + new + b"<", 1))
        fh.write(b"</iati-activities>\n")
    return len(templates)


def plain_parse(path):
    from sioc.projects.iati.safe import PARSER_OPTIONS

    count = 0
    for _e, el in etree.iterparse(
        str(path), events=("end",), tag="iati-activity", **PARSER_OPTIONS
    ):
        count += 1
        el.clear()
        parent = el.getparent()
        while el.getprevious() is not None:
            del parent[0]
    return count


def make_projects(n=EXPORTED):
    from sioc.codelists.models import DacSector, SdgGoal
    from sioc.organizations.models import Organization
    from sioc.projects.models import Project, ProjectSdg, ProjectSector, Transaction
    from sioc.territory.models import Canton

    gads = list(Organization.objects.gads().select_related("canton"))
    sectors = list(DacSector.objects.values_list("pk", flat=True)[:50])
    goals = list(SdgGoal.objects.values_list("pk", flat=True))
    cantons = {c.pk: c for c in Canton.objects.all()}
    projects = [
        Project(
            title=f"Proyecto de cooperación {i}: agua potable y saneamiento",
            description="Mejorar el acceso al agua potable del cantón. " * 5,
            planned_start=datetime.date(2020 + i % 6, 1, 1),
            planned_end=datetime.date(2027, 12, 31),
            year=2020 + i % 6,
            currency_id="USD",
            budget=Decimal(100000 + i),
            visibility="published",
        )
        for i in range(n)
    ]
    Project.objects.bulk_create(projects, batch_size=1000)
    gad_rows, canton_rows, sector_rows, sdg_rows, tx_rows = [], [], [], [], []
    for i, p in enumerate(projects):
        gad = gads[i % len(gads)]
        gad_rows.append(Project.gads.through(project_id=p.pk, organization_id=gad.pk))
        canton_rows.append(Project.cantons.through(project_id=p.pk, canton_id=gad.canton_id))
        sector_rows.append(ProjectSector(project=p, sector_id=sectors[i % 50], percentage=100))
        sdg_rows.append(ProjectSdg(project=p, goal_id=goals[i % 17], percentage=100))
        for kind in ("2", "3", "4"):
            tx_rows.append(
                Transaction(
                    project=p,
                    kind=kind,
                    date=datetime.date(2024, 1, 1),
                    value=Decimal(1000 + i),
                    currency_id="USD",
                    value_usd=Decimal(1000 + i),
                )
            )
    del cantons
    for model, rows in (
        (Project.gads.through, gad_rows),
        (Project.cantons.through, canton_rows),
        (ProjectSector, sector_rows),
        (ProjectSdg, sdg_rows),
        (Transaction, tx_rows),
    ):
        model.objects.bulk_create(rows, batch_size=2000)


def num(value, decimals=0):
    """Spanish number format: 50.000 and 12,5."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "X").replace(".", ",").replace("X", ".")


def met(ok):
    return "cumplida" if ok else "**no cumplida**"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Benchmark of the IATI import and export.")
    parser.add_argument("--activities", type=int, default=ACTIVITIES, metavar="N")
    parser.add_argument("--import-only", action="store_true", help="skip the export part")
    parser.add_argument("--profile", metavar="FILE", help="cProfile the first import")
    return parser.parse_args(argv)


def main(argv=None):
    from sioc.projects.iati import exporter
    from sioc.projects.iati.importer import import_file

    args = parse_args(argv)
    call_command("migrate", verbosity=0)
    call_command("load_reference_data", verbosity=0)
    path = TMP / f"iati-{args.activities}.xml"
    distinct = build_file(path, args.activities)
    size_mb = path.stat().st_size / 1024 / 1024

    start = time.perf_counter()
    parsed = plain_parse(path)
    parse_s = time.perf_counter() - start

    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    start = time.perf_counter()
    first = import_file(path, actor=None)
    import_s = time.perf_counter() - start
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(args.profile)

    start = time.perf_counter()
    again = import_file(path, actor=None)
    reimport_s = time.perf_counter() - start

    if not args.import_only:
        make_projects()
        out = TMP / "export.xml"
        start = time.perf_counter()
        exported = exporter.export_file(out)
        export_s = time.perf_counter() - start
        start = time.perf_counter()
        errors = exporter.validate(str(out))
        validate_s = time.perf_counter() - start

    rate = first.read / import_s
    ratio = import_s / parse_s
    rerate = again.read / reimport_s
    lines = [
        "## IATI: importación y exportación",
        "",
        f"Archivo de {num(parsed)} actividades ({num(size_mb, 0)} MB) construido repitiendo las "
        f"{distinct} actividades reales de USAID y CAF (Ecuador) con identificadores nuevos; "
        "SQLite.",
        "",
        "| operación | cantidad | tiempo | ritmo | meta | resultado |",
        "|---|---|---|---|---|---|",
        f"| lxml solo (iterparse seguro, sin guardar) | {num(parsed)} actividades | {num(parse_s, 1)} s | "
        f"{num(parsed / parse_s, 0)} act./s | — | referencia |",
        f"| importación (`sioc import_iati`) | {num(first.created)} proyectos nuevos | "
        f"{num(import_s, 1)} s | {num(rate, 0)} act./s | ≥ 2.000 act./s | {met(rate >= 2000)} |",
        f"| importación frente a lxml solo | — | {num(ratio, 1)} × | — | ≤ 4 × | {met(ratio <= 4)} |",
        f"| reimportación (idempotente) | {num(again.updated)} actualizados, {again.created} nuevos | "
        f"{num(reimport_s, 1)} s | {num(rerate, 0)} act./s | — | — |",
    ]
    if not args.import_only:
        lines += [
            f"| exportación IATI 2.03 (`sioc export_iati`) | {num(exported)} proyectos | {num(export_s, 1)} s | "
            f"{num(exported / export_s, 0)} proy./s | ≤ 30 s | {met(export_s <= 30)} |",
            f"| validación con el esquema oficial 2.03 | {num(exported)} actividades | {num(validate_s, 1)} s | "
            f"— | — | {'válido' if not errors else f'{len(errors)} errores'} |",
        ]
    lines.append("")
    print("\n".join(lines))


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)  # the generated file is hundreds of MB
