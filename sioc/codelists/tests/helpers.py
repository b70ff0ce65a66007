"""Helpers for the code-list tests: the models, a snapshot of their rows, CSV edits."""

import csv
from pathlib import Path

from sioc.codelists import models

ALL_MODELS = [
    models.SdgGoal,
    models.SdgTarget,
    models.CootadCompetency,
    models.Modality,
    models.CooperationType,
    models.DacSectorCategory,
    models.DacSector,
    models.IatiOrganisationType,
    models.ActivityStatus,
    models.AidTypeCategory,
    models.AidType,
    models.FinanceTypeCategory,
    models.FinanceType,
    models.FlowType,
    models.Currency,
    models.Country,
]


def iati_csv(data_dir, name) -> Path:
    return data_dir / "iati" / "codelists" / "csv" / f"{name}.csv"


def append_row(path: Path, values: dict) -> int:
    """Append a row (missing columns empty); return its line number."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames
        lines = sum(1 for _row in reader) + 1
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, header, lineterminator="\n").writerow(values)
    return lines + 1


def snapshot():
    """Everything the code lists hold, to prove that a failed load wrote nothing."""
    state = {}
    for model in ALL_MODELS:
        fields = [f.attname for f in model._meta.concrete_fields]
        state[model.__name__] = sorted(model.objects.values_list(*fields))
    return state
