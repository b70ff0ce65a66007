"""Benchmark of the catalogue import (issue 3: a 10,000-offer workbook in ≤ 20 s).

Builds a workbook of synthetic cooperantes and offers from the real vocabularies (modalities,
SDGs and targets, COOTAD letters, DAC sectors, INEC provinces and cantons, currencies), imports
it, imports it again (nothing changes), then imports it with 1,000 changed rows.

``run(db_label)`` works on the database Django is configured with (bench/run.py calls it after
its own set-up) and returns Markdown table rows; ``ROWS_HEADER`` is their header. Run alone:

    .venv/bin/python bench/offers_import.py                      # fresh temporary SQLite
    .venv/bin/python bench/offers_import.py --database-url postgres://postgres@127.0.0.1:5432/x
"""

import argparse
import io
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

OFFERS = 10_000
COOPERANTES = 500
CHANGED = 1_000
TARGET_SECONDS = 20

ROWS_HEADER = [
    "| operación | base de datos | filas | tiempo | meta |",
    "|---|---|---|---|---|",
]

VOCABULARY_TEXT = (
    "asistencia técnica capacitación agua potable saneamiento residuos sólidos gestión "
    "riesgos cambio climático turismo sostenible patrimonio movilidad planificación territorial "
    "catastro gobierno abierto desarrollo económico local cooperación descentralizada juventud "
    "género seguridad alimentaria energía renovable vialidad espacios públicos voluntariado becas"
)
WORDS = tuple(VOCABULARY_TEXT.split())


def _sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def build_workbook(*, offers=OFFERS, cooperantes=COOPERANTES, seed=2026, prefix=None):
    """The workbook bytes and the offer codes, from the real vocabularies."""
    import datetime

    import openpyxl

    from sioc.offers.exports import OFFER_COLUMNS, ORG_COLUMNS, TEMPLATE_KINDS, Vocabulary
    from sioc.organizations.choices import OrganizationKind

    rng = random.Random(seed)
    prefix = prefix or uuid.uuid4().hex[:6]
    vocab = Vocabulary()
    modalities = [m.name for m in vocab.modalities.values()]
    goals = list(vocab.goals)
    targets = [t.code for t in vocab.targets.values()]
    letters = list(vocab.competencies)
    sectors = [s.code for s in vocab.sectors.values() if s.is_active]
    provinces = list(vocab.provinces)
    cantons = list(vocab.cantons)
    countries = [
        c
        for c in ("DE", "JP", "KR", "ES", "FR", "US", "CA", "IT", "BE", "CH")
        if c in vocab.countries
    ]
    kinds = [str(OrganizationKind(k).label) for k in TEMPLATE_KINDS]
    today = datetime.date.today()

    wb = openpyxl.Workbook(write_only=True)
    orgs_ws = wb.create_sheet("cooperantes")
    orgs_ws.append(ORG_COLUMNS)
    slugs = []
    for i in range(cooperantes):
        slug = f"bench-{prefix}-{i:04d}"
        slugs.append(slug)
        orgs_ws.append(
            [
                slug,
                f"Cooperante sintético {i} ({prefix})",
                f"CS{i}",
                rng.choice(kinds),
                rng.choice(countries),
                f"https://cooperante{i}.example.org",
                f"contacto{i}@example.org",
                _sentence(rng, 20),
            ]
        )
    offers_ws = wb.create_sheet("ofertas")
    offers_ws.append(OFFER_COLUMNS)
    codes = []
    for i in range(offers):
        code = f"B{prefix}-{i:05d}"
        codes.append(code)
        roll = rng.random()
        if roll < 0.2:
            coverage = "; ".join(sorted(rng.sample(cantons, rng.randint(1, 3))))
        elif roll < 0.35:
            coverage = "; ".join(sorted(rng.sample(provinces, rng.randint(1, 2))))
        else:
            coverage = "nacional"
        opens = today + datetime.timedelta(days=rng.randint(0, 120))
        closes = (
            None if rng.random() < 0.2 else opens + datetime.timedelta(days=rng.randint(30, 400))
        )
        low = rng.choice([None, 5_000, 10_000, 50_000])
        high = None if low is None else low * rng.choice([2, 5, 10])
        ods = [str(g) for g in rng.sample(goals, rng.randint(0, 2))] + rng.sample(
            targets, rng.randint(0, 2)
        )
        offers_ws.append(
            [
                code,
                rng.choice(slugs),
                _sentence(rng, 8)[:300],
                _sentence(rng, 60),
                "; ".join(rng.sample(modalities, rng.randint(1, 3))),
                "; ".join(ods),
                "; ".join(rng.sample(letters, rng.randint(0, 3))),
                "; ".join(rng.sample(sectors, rng.randint(0, 2))),
                coverage,
                low,
                high,
                rng.choice(["USD", "USD", "EUR", "JPY"]) if low else None,
                opens,
                closes,
                _sentence(rng, 15),
                f"https://cooperante.example.org/convocatorias/{i}",
                rng.choices(["Publicada", "Borrador", "Cerrada"], weights=[7, 2, 1])[0],
            ]
        )
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue(), codes


def _changed_copy(data, rows):
    """The same workbook with new titles in the first ``rows`` offers."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["ofertas"]
    for row in range(2, rows + 2):
        ws.cell(row=row, column=3).value = f"{ws.cell(row=row, column=3).value} (actualizada)"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def run(db_label):
    """Import timings on the configured database, as Markdown table rows."""
    from sioc.offers import imports, services
    from sioc.offers.imports import Source, run_import

    data, _codes = build_workbook()
    timings = {"lectura": 0.0, "índice": 0.0}
    read, index = imports.read_sources, services.index_offers

    def timed_read(*args, **kwargs):
        start = time.perf_counter()
        try:
            return read(*args, **kwargs)
        finally:
            timings["lectura"] += time.perf_counter() - start

    def timed_index(*args, **kwargs):
        start = time.perf_counter()
        try:
            return index(*args, **kwargs)
        finally:
            timings["índice"] += time.perf_counter() - start

    imports.read_sources, services.index_offers = timed_read, timed_index
    try:
        rows = []
        size = len(data) / 1024 / 1024
        start = time.perf_counter()
        report = run_import([Source("bench.xlsx", data)], actor=None)
        first = time.perf_counter() - start
        assert report.ok and report.written, [str(i) for i in report.issues[:5]]
        assert report.counts("ofertas")["new"] == OFFERS, report.counts("ofertas")
        goal = "✅" if first <= TARGET_SECONDS else "❌"
        rows.append(
            f"| importar libro nuevo ({size:.1f} MB; {COOPERANTES} cooperantes): total "
            f"(lectura {timings['lectura']:.1f} s, índice de búsqueda {timings['índice']:.1f} s) "
            f"| {db_label} | {OFFERS:,} | {first:.1f} s | ≤ {TARGET_SECONDS} s {goal} |"
        )
        start = time.perf_counter()
        again = run_import([Source("bench.xlsx", data)], actor=None)
        second = time.perf_counter() - start
        assert again.ok and not again.has_changes
        rows.append(
            f"| reimportar el mismo libro (sin cambios, nada escrito) | {db_label} | {OFFERS:,} "
            f"| {second:.1f} s | — |"
        )
        changed = _changed_copy(data, CHANGED)
        start = time.perf_counter()
        third = run_import([Source("bench.xlsx", changed)], actor=None)
        elapsed = time.perf_counter() - start
        assert third.ok and third.counts("ofertas")["changed"] == CHANGED
        rows.append(
            f"| reimportar con {CHANGED:,} ofertas modificadas | {db_label} | {OFFERS:,} "
            f"| {elapsed:.1f} s | — |"
        )
        return rows
    finally:
        imports.read_sources, services.index_offers = read, index


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="an empty database (default: temporary SQLite)")
    args = parser.parse_args()
    if args.database_url:
        os.environ["SIOC_DATABASE_URL"] = args.database_url
        label = "PostgreSQL" if args.database_url.startswith("postgres") else "SQLite"
    else:
        tmp = tempfile.mkdtemp(prefix="sioc-bench-import-")
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
    print("\n".join(ROWS_HEADER + run(label)))


if __name__ == "__main__":
    main()
