import datetime
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from sioc.common.datafiles import DataFileError
from sioc.projects.models import ExchangeRate
from sioc.projects.rates import RateTable, load_exchange_rates, to_usd

pytestmark = pytest.mark.django_db


def test_to_usd_uses_latest_rate_on_or_before_the_date():
    ExchangeRate.objects.create(
        currency_id="EUR", date=datetime.date(2024, 1, 1), usd_per_unit=Decimal("1.10")
    )
    ExchangeRate.objects.create(
        currency_id="EUR", date=datetime.date(2024, 2, 1), usd_per_unit=Decimal("1.20")
    )
    assert to_usd(Decimal("100"), "USD", datetime.date(2000, 1, 1)) == Decimal("100.00")
    assert to_usd(Decimal("100"), "EUR", datetime.date(2024, 1, 31)) == Decimal("110.00")
    assert to_usd(Decimal("100"), "EUR", datetime.date(2024, 2, 1)) == Decimal("120.00")
    assert to_usd(Decimal("100"), "EUR", datetime.date(2023, 12, 31)) is None
    assert to_usd(Decimal("100"), "JPY", datetime.date(2024, 2, 1)) is None
    table = RateTable()
    assert table.to_usd(Decimal("100"), "EUR", datetime.date(2024, 1, 31)) == Decimal("110.00")
    assert table.to_usd(Decimal("100"), "EUR", datetime.date(2023, 1, 31)) is None


def test_load_rates_all_or_nothing_with_file_and_line(tmp_path):
    good = tmp_path / "tasas.csv"
    good.write_text("moneda,fecha,usd_por_unidad\nEUR,2024-01-01,1.1\nJPY,2024-01-01,0.0068\n")
    assert load_exchange_rates(good, actor=None)["tipos_de_cambio_nuevos"] == 2
    assert load_exchange_rates(good, actor=None)["tipos_de_cambio_sin_cambios"] == 2
    bad = tmp_path / "malas.csv"
    bad.write_text("moneda,fecha,usd_por_unidad\nGBP,2024-01-01,1.3\nXYZ,2024-01-01,2\n")
    with pytest.raises(DataFileError) as info:
        load_exchange_rates(bad, actor=None)
    assert "malas.csv, línea 3" in str(info.value) and "XYZ" in str(info.value)
    assert not ExchangeRate.objects.filter(currency_id="GBP").exists()
    for row, words in (
        ("EUR,31/01/2024,1.1", "aaaa-mm-dd"),
        ("EUR,2024-01-31,-1", "mayor que cero"),
        ("EUR,2024-01-31,uno", "no es un número"),
    ):
        bad.write_text(f"moneda,fecha,usd_por_unidad\n{row}\n")
        with pytest.raises(DataFileError, match=words):
            load_exchange_rates(bad, actor=None)


def test_command_and_demo_rates(capsys):
    from sioc.projects.iati.demo import RATES_CSV

    call_command("load_exchange_rates", str(RATES_CSV))
    assert "nuevos" in capsys.readouterr().out
    assert ExchangeRate.objects.filter(currency_id="KRW").count() == 144
    with pytest.raises(CommandError):
        call_command("load_exchange_rates", "/no/existe.csv")
