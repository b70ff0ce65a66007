"""Matching benchmark: quality on the labelled set, speed and memory on 100,000 offers.

- Quality: ``sioc.matching.evaluation`` (45 labelled needs on the demo catalogue) for the engine
  and the BM25 baseline, in a child process on a fresh temporary SQLite database (the demo
  catalogue alone: the synthetic offers must not compete with it).
- Speed, on the current database with the synthetic catalogue of ``bench.synthetic`` (built if
  it is not there): one need against the catalogue, top 10 with explanations (p95 of 200 needs
  with the index in memory, and the first request after a catalogue change, which rebuilds
  it); a national run of 2,000 needs (``rank_many``: read the catalogue, rank, explain), in a
  child process so that its peak memory (VmHWM) is its own, with 2 processes and with 1.

Use from ``bench/run.py``: ``lines = matching.run("SQLite")`` (Django set up, database migrated,
reference data loaded). Alone: ``python bench/matching.py`` builds a temporary SQLite database
and prints the Markdown. The test suite never asserts timings.
"""

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SINGLE_NEEDS = 200
NATIONAL_NEEDS = 2000
SYNTHETIC_OFFERS = 100_000
TARGET_SINGLE_MS = 50
TARGET_NATIONAL_S = 10
TARGET_MEMORY_MIB = 1024


def _setup(database_url=None):
    if database_url:
        os.environ["SIOC_DATABASE_URL"] = database_url
    os.environ.setdefault("SIOC_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sioc.config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def p95(samples):
    ordered = sorted(samples)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


# --- synthetic needs ------------------------------------------------------------------------

TOPICS = (
    (
        "Agua potable para comunidades rurales",
        "Estudios y diseños del sistema de agua potable y la red de distribución.",
    ),
    (
        "Gestión integral de desechos sólidos",
        "Cierre del botadero, relleno sanitario y reciclaje con recicladores de base.",
    ),
    ("Movilidad urbana sostenible", "Plan de movilidad, rutas de transporte público y ciclovías."),
    (
        "Gestión de riesgos de inundaciones",
        "Sistema de alerta temprana y planes de evacuación en barrios ribereños.",
    ),
    (
        "Turismo comunitario",
        "Rutas turísticas, ferias artesanales y promoción del patrimonio cultural.",
    ),
    (
        "Catastro urbano y rural",
        "Actualizar el catastro y los avalúos para mejorar la recaudación.",
    ),
    (
        "Plan de uso y gestión del suelo",
        "Clasificación del suelo e instrumentos de gestión del suelo urbano.",
    ),
    ("Seguridad alimentaria", "Huertos familiares, mercados de productores y nutrición infantil."),
    (
        "Capacitación del personal municipal",
        "Cursos en gestión pública, finanzas municipales y cooperación internacional.",
    ),
    ("Gobierno electrónico", "Trámites municipales en línea y datos abiertos."),
    ("Igualdad de género", "Prevención de la violencia contra las mujeres y servicios de cuidado."),
    ("Energía solar para edificios municipales", "Paneles solares y eficiencia energética."),
)


def bench_needs(n, seed=11):
    """``n`` needs across the 221 cantons, from real vocabularies (deterministic)."""
    from sioc.codelists.models import CootadCompetency, Modality, SdgTarget
    from sioc.matching.engine import NeedSpec
    from sioc.territory.models import Canton

    rng = random.Random(seed)
    cantons = sorted(Canton.objects.values_list("code", flat=True))
    modalities = sorted(Modality.objects.values_list("code", flat=True))
    targets = list(SdgTarget.objects.order_by("code").values_list("code", "name"))
    letters = sorted(CootadCompetency.objects.values_list("code", flat=True))
    specs = []
    for i in range(n):
        title, text = TOPICS[i % len(TOPICS)]
        target, target_text = rng.choice(targets)
        amount = rng.choice((None, 20000, 75000, 250000, 1000000))
        specs.append(
            NeedSpec(
                canton_code=cantons[i % len(cantons)],
                title=title,
                text=f"{text} {target_text}",
                modality_codes=frozenset(rng.sample(modalities, rng.choice((0, 0, 1, 2)))),
                target_codes=frozenset({target}),
                sdg_codes=frozenset({int(target.split(".")[0])}),
                competency_codes=frozenset({rng.choice(letters)}),
                amount=Decimal(amount) if amount else None,
            )
        )
    return specs


# --- child processes ------------------------------------------------------------------------


def _child(args, database_url):
    env = dict(os.environ, SIOC_DATABASE_URL=database_url, SIOC_ENV="test", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench/matching.py {' '.join(args)} falló:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _evaluate_child():
    """In a fresh database: migrate, reference and demo data, evaluate. Prints JSON."""
    from django.core.management import call_command

    from sioc.matching import evaluation

    call_command("migrate", verbosity=0)
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo_data", verbosity=0)
    engine_result, bm25 = evaluation.evaluate()
    print(
        json.dumps(
            {
                "lines": evaluation.report(engine_result, bm25),
                "engine": engine_result.ndcg,
                "bm25": bm25.ndcg,
                "recall": engine_result.recall,
                "violations": engine_result.violations,
            }
        )
    )


def peak_rss_mib() -> float:
    """Peak resident memory of this process (VmHWM). Unlike ``ru_maxrss``, it is not inherited
    from the process that started this one."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _national_child(workers):
    """A national run of NATIONAL_NEEDS needs in a fresh process. Prints JSON."""
    from sioc.matching import engine

    specs = bench_needs(NATIONAL_NEEDS)
    start, cpu = time.perf_counter(), time.process_time()
    results = engine.rank_many(specs, top=10, workers=workers)
    wall = time.perf_counter() - start
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "seconds": wall,
                "cpu_seconds": time.process_time() - cpu + children.ru_utime + children.ru_stime,
                "maxrss_mib": peak_rss_mib(),
                "children_maxrss_mib": children.ru_maxrss / 1024,
                "matches": sum(len(r) for r in results),
                "needs_with_matches": sum(1 for r in results if r),
            }
        )
    )


def _database_url():
    from django.db import connection

    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


# --- the benchmark --------------------------------------------------------------------------


def _ensure_synthetic(build):
    from sioc.offers.models import Offer

    count = Offer.objects.filter(code__startswith="SIN-").count()
    if count < SYNTHETIC_OFFERS and build:
        from bench.synthetic import build as build_catalogue

        build_catalogue()
        count = Offer.objects.filter(code__startswith="SIN-").count()
    return count


def quality_lines():
    with tempfile.TemporaryDirectory(prefix="sioc-bench-eval-") as tmp:
        data = _child(["--evaluar"], f"sqlite:///{tmp}/eval.sqlite3")
    ok = data["violations"] == 0 and data["engine"] >= 0.80 and data["engine"] >= 1.2 * data["bm25"]
    return [
        "### Calidad: conjunto etiquetado (`sioc evaluate_matching`)",
        "",
        *data["lines"],
        "",
        f"Metas: cero violaciones, nDCG@5 ≥ 0.80 y ≥ 1.2× BM25 — {'cumplidas' if ok else 'NO cumplidas'}.",
        "",
    ]


def speed_lines(db_label, *, build=True):
    from sioc.matching import engine, index
    from sioc.offers.models import Offer

    synthetic = _ensure_synthetic(build)
    published = Offer.objects.published().count()
    index.clear_cache()
    tracemalloc.start()
    start = time.perf_counter()
    idx = index.current_index()
    build_s = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    index.clear_cache()
    start = time.perf_counter()
    idx = index.current_index()
    build_s = min(build_s, time.perf_counter() - start)  # without tracemalloc's overhead

    specs = bench_needs(SINGLE_NEEDS, seed=5)
    engine.rank_offers(specs[0])  # warm-up
    samples = []
    for spec in specs:
        start = time.perf_counter()
        engine.rank_offers(spec, top=10)
        samples.append((time.perf_counter() - start) * 1000)

    url = _database_url()
    two = _child(["--nacional", "2"], url)
    one = _child(["--nacional", "1"], url)
    memory = max(two["maxrss_mib"], one["maxrss_mib"])
    return [
        f"### Velocidad y memoria ({db_label}): {synthetic:,} ofertas sintéticas, {published:,} publicadas",
        "",
        "| medición | resultado | meta |",
        "|---|---|---|",
        f"| una necesidad contra el catálogo, 10 mejores con razones (índice en memoria; p95 de {SINGLE_NEEDS}) "
        f"| p95 {p95(samples):.1f} ms · mediana {statistics.median(samples):.1f} ms | ≤ {TARGET_SINGLE_MS} ms |",
        f"| primera consulta tras un cambio del catálogo (lee el catálogo y arma el índice: {idx.size:,} ofertas, "
        f"{len(idx.doc):,} términos) | {build_s:.1f} s | — |",
        f"| corrida nacional: {NATIONAL_NEEDS:,} necesidades, 10 mejores con razones, 2 procesos "
        f"| {two['seconds']:.1f} s (CPU {two['cpu_seconds']:.1f} s) | ≤ {TARGET_NATIONAL_S} s |",
        f"| la misma corrida en 1 proceso | {one['seconds']:.1f} s (CPU {one['cpu_seconds']:.1f} s) | — |",
        f"| memoria máxima de la corrida nacional (proceso principal, VmHWM) | {memory:,.0f} MiB "
        f"| ≤ {TARGET_MEMORY_MIB:,} MiB |",
        f"| cada proceso hijo de la corrida en 2 procesos (comparte el índice con el principal) "
        f"| {two['children_maxrss_mib']:,.0f} MiB | — |",
        f"| memoria asignada al construir el índice completo (tracemalloc, pico) | {peak / 2**20:,.0f} MiB | — |",
        "",
        f"Necesidades con alguna oferta recomendada en la corrida nacional: {two['needs_with_matches']:,} de "
        f"{NATIONAL_NEEDS:,}.",
        "",
    ]


def run(db_label, *, build=True, quality=True) -> list[str]:
    """Markdown lines: quality (fresh demo database) and speed (the current database)."""
    lines = [f"## Coincidencias oferta–demanda ({db_label})", ""]
    if quality:
        lines += quality_lines()
    lines += speed_lines(db_label, build=build)
    return lines


def main():
    args = sys.argv[1:]
    if args[:1] == ["--evaluar"]:
        _setup()
        _evaluate_child()
        return
    if args[:1] == ["--nacional"]:
        _setup()
        _national_child(int(args[1]))
        return
    with tempfile.TemporaryDirectory(prefix="sioc-bench-matching-") as tmp:
        _setup(f"sqlite:///{tmp}/bench.sqlite3")
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("load_reference_data", verbosity=0)
        print("\n".join(run("SQLite")))


if __name__ == "__main__":
    main()
