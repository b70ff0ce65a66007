"""SIOC benchmarks: `make bench` runs them on a fresh temporary SQLite database and writes
docs/benchmarks.md with the date and the machine. The test suite never asserts timings."""

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TMP = tempfile.mkdtemp(prefix="sioc-bench-")
os.environ["SIOC_DATABASE_URL"] = f"sqlite:///{TMP}/bench.sqlite3"
os.environ.setdefault("SIOC_ENV", "test")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sioc.config.settings")
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402


def machine():
    cpu = "desconocido"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB de RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{platform.node()} · {cpu} · {os.cpu_count()} núcleos{mem} · Python {platform.python_version()} · SQLite"


def timed(fn, repeat=1):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def p95(samples):
    ordered = sorted(samples)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def page_rows(client, pages, repeat=30):
    rows = []
    for label, url in pages:
        client.get(url)  # warm-up
        samples = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                response = client.get(url)
                samples.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        rows.append(
            (label, url, statistics.median(samples), p95(samples), len(ctx.captured_queries))
        )
    return rows


def _pg_database():
    """A throw-away PostgreSQL database for one benchmark, or None when the server is absent."""
    import uuid

    import psycopg

    base = os.environ.get("SIOC_BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/")
    name = f"sioc_bench_{uuid.uuid4().hex[:8]}"
    admin = (
        base.rstrip("/") + "/postgres"
        if base.endswith("/")
        else base.rsplit("/", 1)[0] + "/postgres"
    )
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except Exception:
        return None, lambda: None

    def drop():
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return admin.rsplit("/", 1)[0] + f"/{name}", drop


def _module(script, *args, title):
    """Run one benchmark module in its own process and return its Markdown under ``title``."""
    env = {k: v for k, v in os.environ.items() if k != "SIOC_DATABASE_URL"}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    print(f"{script} {' '.join(args)}: {elapsed:.0f} s", file=sys.stderr)
    if done.returncode != 0:
        return [f"## {title}", "", f"No se pudo medir: {done.stderr.strip().splitlines()[-1:]}", ""]
    body = done.stdout.strip()
    if not body.startswith("## "):
        body = f"## {title}\n\n{body}"
    return [body, ""]


def module_sections():
    sections = []
    sections += _module(
        "offers_search.py", title="Búsqueda en el catálogo (100.000 ofertas de 2.000 cooperantes)"
    )
    sections += _module(
        "offers_import.py", title="Importación del catálogo (libro de 10.000 ofertas), SQLite"
    )
    url, drop = _pg_database()
    if url:
        try:
            sections += _module(
                "offers_import.py",
                "--database-url",
                url,
                title="Importación del catálogo, PostgreSQL",
            )
        finally:
            drop()
    sections += _module("matching.py", title="Coincidencias oferta–demanda")
    sections += _module(
        "missions_report.py", title="Informe de sistematización (10 reuniones, 20 fotos)"
    )
    sections += _module("iati.py", title="IATI: importación y exportación")
    sections += _module("dashboards.py", title="Tableros y mapa (20.000 proyectos)")
    return sections


def main():
    call_command("migrate", verbosity=0)
    first = timed(lambda: call_command("load_reference_data", verbosity=0))[0]
    again = timed(lambda: call_command("load_reference_data", verbosity=0), repeat=3)
    client = Client()
    pages = [
        ("Inicio", "/"),
        ("Provincias", "/territorio/"),
        ("Provincia de Guayas (25 cantones)", "/territorio/provincias/09/"),
        ("Cantón Cuenca (parroquias)", "/territorio/cantones/0101/"),
        ("GeoJSON de provincias", "/territorio/provincias.geojson"),
        ("Organizaciones (búsqueda «san»)", "/organizaciones/?q=san"),
        ("Catálogo de sectores CAD", "/codigos/sectores-cad/"),
    ]
    rows = page_rows(client, pages)
    today = timezone.localtime().strftime("%d/%m/%Y %H:%M")
    lines = [
        "# Mediciones de SIOC",
        "",
        f"Generado por `make bench` el {today} (hora de Ecuador continental).",
        "",
        f"Máquina: {machine()}.",
        "",
        "## Carga de datos de referencia (`sioc load_reference_data`)",
        "",
        "| operación | tiempo |",
        "|---|---|",
        f"| primera carga (24 provincias, 221 cantones, 1.259 parroquias, límites, ODS, IATI, 221 GAD) | {first:,.0f} ms |",
        f"| recarga idempotente (mediana de 3) | {statistics.median(again):,.0f} ms |",
        "",
        "## Páginas (cliente de pruebas de Django, sin red; 30 peticiones por página)",
        "",
        "| página | URL | mediana | p95 | consultas SQL |",
        "|---|---|---|---|---|",
    ]
    for label, url, median, pct95, queries in rows:
        lines.append(f"| {label} | `{url}` | {median:,.1f} ms | {pct95:,.1f} ms | {queries} |")
    lines.append("")
    lines += module_sections()
    out = ROOT / "docs" / "benchmarks.md"
    out.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
