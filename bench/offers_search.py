"""Catalogue search benchmark: text + two facets, through the page and through the API, with
100,000 synthetic offers from 2,000 cooperantes, on SQLite and on PostgreSQL.

Two ways to run it:

- ``python bench/offers_search.py`` — builds a temporary SQLite database and a temporary
  PostgreSQL database (``SIOC_BENCH_PG_URL``, default ``postgres://postgres@127.0.0.1:5432/``;
  skipped with a note when it is unreachable), each in its own process, and prints Markdown.
- From ``bench/run.py``: ``rows = offers_search.run("SQLite")`` in the current process (Django set
  up, database migrated, reference data loaded) and
  ``rows += offers_search.run_in_subprocess("PostgreSQL", url)``; then ``markdown(rows)``.

Timings are wall-clock times of Django's test client (no network), p95 over ``REPEAT`` requests
of each scenario after one warm-up request. The page is measured twice: with new words (the
process's cache of text matches emptied before every request, so the database answers the text
match each time) and with the same words (what happens while the user toggles facets or turns
pages). The test suite never asserts timings.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
REPEAT = 30
TARGET_MS = 50

# (label, GET parameters): text + two facets, the case the target is about.
SCENARIOS = [
    (
        "«agua potable» + Asistencia técnica + ODS 6",
        {"q": "agua potable", "modalidad": "technical_assistance", "ods": "6"},
    ),
    (
        "«capacitaciones» + competencia d + cubre Cuenca",
        {"q": "capacitaciones", "competencia": "d", "canton": "0101"},
    ),
    (
        "«basura» (sinónimos) + Organismo multilateral + ODS 11",
        {"q": "basura", "tipo": "multilateral", "ods": "11"},
    ),
    (
        "«vialidad» + Financiamiento no reembolsable + cierra en 90 días",
        {"q": "vialidad", "modalidad": "non_reimbursable", "cierra": "90"},
    ),
    ("«becas» + Becas + país JP", {"q": "becas", "modalidad": "scholarships", "pais": "JP"}),
]
# Informative: the widest reads (not part of the target).
EXTRA = [
    ("Sin filtros (todas las abiertas)", {}),
    ("Solo texto «agua»", {"q": "agua"}),
]


def p95(samples):
    ordered = sorted(samples)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def _forget_text_matches():
    """Empty this process's cache of text matches: the next request asks the database again,
    as a search with new words does."""
    from sioc.offers import facets

    for index in facets._indexes.values():
        index._matches.clear()


def _measure(client, url, repeat, *, new_words=False):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # warm-up
    assert response.status_code == 200, (url, response.status_code)
    samples = []
    for _ in range(repeat):
        if new_words:
            _forget_text_matches()
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return samples, len(ctx.captured_queries), response


def _page_total(params):
    from django.contrib.auth.models import AnonymousUser
    from django.http import QueryDict

    from sioc.offers import queries

    query = QueryDict(mutable=True)
    for key, value in params.items():
        query[key] = value
    return queries.catalog(AnonymousUser(), query)["total"]


def run(db_label, *, repeat=REPEAT, build=True) -> list[dict]:
    """Build the synthetic catalogue in the current database and measure. Returns rows."""
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    rows = []
    if build:
        from bench.synthetic import build as build_catalogue

        info = build_catalogue()
        rows.append(
            {
                "bd": db_label,
                "via": "carga",
                "escenario": "2.000 cooperantes y 100.000 ofertas (bulk_create + índice)",
                "segundos": info["segundos_total"],
                "segundos_indice": info["segundos_indice"],
            }
        )
    client = Client()
    page_url = reverse("offers:catalog")
    from sioc.offers import facets

    start = time.perf_counter()
    facets._indexes.clear()
    facets.load()
    rows.append(
        {
            "bd": db_label,
            "via": "índice",
            "escenario": "índice de facetas en memoria (primera petición tras un cambio)",
            "segundos": time.perf_counter() - start,
        }
    )
    try:
        api_url = reverse("api:offer-list")
    except NoReverseMatch:
        api_url = None
    routes = [
        ("página, palabras nuevas", page_url, SCENARIOS + EXTRA),
        ("página, mismas palabras", page_url, SCENARIOS + EXTRA),
    ]
    if api_url:
        routes.append(("API", api_url, SCENARIOS))
    else:
        rows.append(
            {
                "bd": db_label,
                "via": "API",
                "escenario": "no medida: «api:offer-list» no existe todavía",
            }
        )
    for via, base, scenarios in routes:
        for label, params in scenarios:
            url = base + ("?" + urlencode(params) if params else "")
            samples, queries, response = _measure(
                client, url, repeat, new_words=via == "página, palabras nuevas"
            )
            found = response.json().get("count") if via == "API" else _page_total(params)
            rows.append(
                {
                    "bd": db_label,
                    "via": via,
                    "escenario": label,
                    "objetivo": any(label == s[0] for s in SCENARIOS),
                    "resultados": found,
                    "mediana_ms": round(statistics.median(samples), 1),
                    "p95_ms": round(p95(samples), 1),
                    "consultas": queries,
                }
            )
    return rows


def markdown(rows) -> str:
    lines = [
        "| base de datos | vía | escenario | resultados | mediana | p95 | consultas SQL |",
        "|---|---|---|---|---|---|---|",
    ]
    notes = []
    for row in rows:
        if row["via"] == "carga":
            notes.append(
                f"- {row['bd']}: {row['escenario']} en {row['segundos']:.0f} s "
                f"(índice de búsqueda: {row['segundos_indice']:.0f} s)."
            )
            continue
        if row["via"] == "índice":
            notes.append(f"- {row['bd']}: {row['escenario']}: {row['segundos']:.1f} s.")
            continue
        if "p95_ms" not in row:
            notes.append(f"- {row['bd']}, {row['via']}: {row['escenario']}.")
            continue
        mark = "" if not row.get("objetivo") else (" ✅" if row["p95_ms"] <= TARGET_MS else " ❌")
        found = "—" if row["resultados"] is None else f"{row['resultados']:,}".replace(",", ".")
        lines.append(
            f"| {row['bd']} | {row['via']} | {row['escenario']} | {found} | "
            f"{row['mediana_ms']:.1f} ms | {row['p95_ms']:.1f} ms{mark} | {row['consultas']} |"
        )
    return "\n".join(lines + ([""] + notes if notes else []))


# --- one process per database --------------------------------------------------------------


def run_in_subprocess(db_label, database_url, *, repeat=REPEAT) -> list[dict]:
    """Run ``run()`` in a fresh process on ``database_url`` (migrated and loaded there)."""
    env = dict(os.environ, SIOC_DATABASE_URL=database_url, SIOC_ENV="test")
    env.setdefault("DJANGO_SETTINGS_MODULE", "sioc.config.settings")
    done = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            db_label,
            "--repeat",
            str(repeat),
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{db_label}: {done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _child(db_label, repeat):
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sioc.config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_reference_data", verbosity=0)
    print(json.dumps(run(db_label, repeat=repeat)))


def _postgres_database(base_url):
    """Create a throw-away database next to ``base_url``; return (url, drop function)."""
    import psycopg

    parts = urlsplit(base_url)
    name = f"sioc_bench_{uuid.uuid4().hex[:8]}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunsplit(parts._replace(path=f"/{name}")), drop


def run_all(repeat=REPEAT) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="sioc-bench-search-") as tmp:
        rows += run_in_subprocess("SQLite", f"sqlite:///{tmp}/bench.sqlite3", repeat=repeat)
    try:
        url, drop = _postgres_database(
            os.environ.get("SIOC_BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/")
        )
    except Exception as exc:  # reported in the table, not fatal
        rows.append({"bd": "PostgreSQL", "via": "todas", "escenario": f"no medida ({exc})"})
        return rows
    try:
        rows += run_in_subprocess("PostgreSQL", url, repeat=repeat)
    finally:
        drop()
    return rows


if __name__ == "__main__":
    args = sys.argv[1:]
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else REPEAT
    if args and args[0] == "--child":
        _child(args[1], repeat)
    else:
        print(markdown(run_all(repeat)))
