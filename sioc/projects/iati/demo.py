"""Demo data of the IATI part: approximate exchange rates and the real IATI files for Ecuador.

- ``data/tipos_de_cambio_aproximados.csv``: monthly rates of EUR, JPY, KRW, GBP, CHF and CAD,
  2015–2026, interpolated from approximate yearly averages. **Approximate demo values**, not
  official rates: load the central bank's series in production (``sioc load_exchange_rates``).
- the real activity files in ``SIOC_DATA_DIR/iati/activities_ec/`` (USAID, CAF, the d-portal
  multi-publisher extract and 12 US agencies). Only CAF's Ecuador extract (``*_solo_EC.xml``)
  is imported, not CAF's full file: the same 71 activities are in both.

Idempotent: a second run updates the same projects (no duplicates).
"""

from pathlib import Path

from django.conf import settings

from sioc.projects.iati.importer import import_file
from sioc.projects.iati.safe import IatiFileError
from sioc.projects.rates import load_exchange_rates

RATES_CSV = Path(__file__).resolve().parent / "data" / "tipos_de_cambio_aproximados.csv"
SKIPPED_FILES = {"CAF-ActivityFile-2025-10-10.xml"}  # its Ecuador part is the _solo_EC file


def activity_files():
    folder = Path(settings.DATA_DIR) / "iati" / "activities_ec"
    return [p for p in sorted(folder.glob("*.xml")) if p.name not in SKIPPED_FILES]


def load(*, actor, stdout):
    rates = load_exchange_rates(RATES_CSV, actor=actor)
    created = updated = skipped = 0
    for path in activity_files():
        try:
            summary = import_file(path, actor=actor)
        except IatiFileError as exc:
            stdout.write(f"  IATI: {exc}")
            continue
        created += summary.created
        updated += summary.updated
        skipped += summary.skipped
    stdout.write(
        f"  IATI: {created} proyectos externos nuevos, {updated} actualizados, "
        f"{skipped} actividades omitidas; tipos de cambio aproximados: "
        f"{rates['tipos_de_cambio_nuevos']} nuevos."
    )
    return {
        "proyectos_iati_nuevos": created,
        "proyectos_iati_actualizados": updated,
        "tipos_de_cambio_nuevos": rates["tipos_de_cambio_nuevos"],
    }
