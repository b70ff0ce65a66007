import shutil
from pathlib import Path

import pytest
from django.conf import settings as django_settings


@pytest.fixture
def data_dir(tmp_path, settings):
    """A private copy of the files load_codelists() reads, with settings.DATA_DIR pointing at it."""
    real = Path(django_settings.DATA_DIR)
    copy = tmp_path / "data"
    (copy / "ods").mkdir(parents=True)
    for name in ("ods_objetivos_es.csv", "ods_metas_es.csv"):
        shutil.copy(real / "ods" / name, copy / "ods" / name)
    shutil.copytree(real / "iati" / "codelists" / "csv", copy / "iati" / "codelists" / "csv")
    settings.DATA_DIR = copy
    return copy
