import shutil

import pytest

from sioc.territory import loaders

# Every file load_territory() reads, relative to SIOC_DATA_DIR.
INPUT_FILES = [
    loaders.PROVINCES_FILE,
    loaders.CANTONS_FILE,
    loaders.PARISHES_FILE,
    loaders.ZONES_FILE,
    loaders.POPULATION_FILE,
    loaders.CANTON_SHAPES_FILE,
    loaders.PROVINCE_SHAPES_FILE,
]


@pytest.fixture
def data_copy(tmp_path, settings):
    """A private copy of the territory input files, with settings.DATA_DIR pointing at it."""
    for parts in INPUT_FILES:
        target = tmp_path.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(settings.DATA_DIR.joinpath(*parts), target)
    settings.DATA_DIR = tmp_path
    return tmp_path
