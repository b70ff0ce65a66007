import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts without cached dashboards (ids repeat after a rolled-back test)."""
    cache.clear()
    yield
    cache.clear()
