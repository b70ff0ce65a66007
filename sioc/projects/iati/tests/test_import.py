"""Importing the real IATI files for Ecuador, idempotency, organisations, cantons, bad input."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from sioc.organizations.choices import OrganizationKind
from sioc.organizations.models import Organization
from sioc.projects.choices import Source, Visibility
from sioc.projects.iati.importer import import_file, import_files
from sioc.projects.iati.safe import IatiFileError
from sioc.projects.models import ExchangeRate, IatiImport, Project, Transaction

pytestmark = pytest.mark.django_db

FOLDER = Path(settings.DATA_DIR) / "iati" / "activities_ec"
USAID = FOLDER / "usaid-ec.xml"
CAF_EC = FOLDER / "CAF-ActivityFile-2025-10-10_solo_EC.xml"
CAF_FULL = FOLDER / "CAF-ActivityFile-2025-10-10.xml"


def counts():
    return (
        Project.objects.count(),
        Transaction.objects.count(),
        Project.sectors.through.objects.count(),
        Project.cantons.through.objects.count(),
        Organization.objects.count(),
    )


def test_real_files_import_and_reimport_changes_nothing():
    usaid = import_file(USAID, actor=None)
    caf = import_file(CAF_EC, actor=None)
    assert (usaid.created, usaid.skipped) == (250, 0)
    assert (caf.created, caf.skipped) == (71, 0)
    first = counts()
    project = Project.objects.get(iati_identifier="XM-DAC-46008-cfa011196")
    assert project.source == Source.IATI and project.visibility == Visibility.PUBLISHED
    assert project.title == "Línea emergencia COVID-19"
    assert project.reporting_org.iati_identifier == "XM-DAC-46008"
    assert project.committed_usd == Decimal("50000000.00")
    assert project.disbursed_usd == Decimal("48323671.00")
    assert sorted(project.sdg_shares.values_list("goal__code", flat=True)) == [1, 3, 17]
    assert project.actual_start == datetime.date(2020, 4, 17) and project.year == 2020
    # USAID gives EC and DAC sectors per transaction: sectors come from the transactions
    admin = Project.objects.get(iati_identifier="US-GOV-1-518-13-MIT-LAC")
    assert admin.title == "Costos administrativos"  # Spanish narrative preferred
    assert list(admin.sectors.values_list("code", flat=True)) == ["91010"]

    again = import_file(USAID, actor=None)
    assert (again.created, again.updated) == (0, 250)
    assert import_file(CAF_EC, actor=None).created == 0
    assert counts() == first


def test_full_caf_file_keeps_only_ecuador_and_does_not_duplicate_the_extract():
    import_file(CAF_EC, actor=None)
    summary = import_file(CAF_FULL, actor=None)
    assert (summary.created, summary.updated, summary.skipped) == (0, 71, 407)
    assert "no es para Ecuador" in summary.skipped_by_reason


def test_reporting_org_matched_by_identifier_then_name_else_created():
    usaid = Organization.objects.create(
        slug="usaid",
        kind=OrganizationKind.BILATERAL_AGENCY,
        name="USAID",
        iati_identifier="US-GOV-1",
    )
    caf = Organization.objects.create(
        slug="caf",
        kind=OrganizationKind.DEVELOPMENT_BANK,
        name="CAF DEVELOPMENT BANK of Latin America and the Caribbéan",
    )
    before = Organization.objects.count()
    import_file(USAID, actor=None)
    import_file(CAF_EC, actor=None)
    assert Project.objects.filter(reporting_org=usaid).count() == 250
    assert Project.objects.filter(reporting_org=caf).count() == 71
    assert Organization.objects.count() == before

    summary = import_file(FOLDER / "US-GOV-9_doi_EC.xml", actor=None)
    created = Organization.objects.get(iati_identifier="US-GOV-9")
    assert summary.organizations_created == [created.name]
    assert created.kind == OrganizationKind.BILATERAL_AGENCY and created.country == "US"


def test_cantons_found_in_text_without_false_positives():
    import_file(FOLDER / "US-GOV-9_doi_EC.xml", actor=None)
    import_file(CAF_EC, actor=None)
    loja = Project.objects.get(iati_identifier="XM-DAC-46008-cfa008702")
    assert "Loja" in set(loja.cantons.values_list("name", flat=True))
    palanda = Project.objects.filter(cantons__name="Palanda")
    assert palanda.exists()
    # "Playas" only counts as the canton when it is the place, not "Playas de Cuye" etc.
    for project in Project.objects.filter(cantons__name="Playas"):
        assert "Playas de" not in project.description


def test_transactions_in_other_currencies_get_usd_on_their_date():
    ExchangeRate.objects.create(currency_id="EUR", date=datetime.date(2020, 1, 1), usd_per_unit=2)
    xml = ACTIVITY.format(
        ident="XX-TEST-EUR",
        extra='<transaction><transaction-type code="3"/><transaction-date iso-date="2020-06-01"/>'
        '<value currency="EUR" value-date="2020-06-01">100</value></transaction>'
        '<transaction><transaction-type code="3"/><transaction-date iso-date="2019-06-01"/>'
        '<value currency="EUR" value-date="2019-06-01">100</value></transaction>',
    )
    summary = import_file(write(xml), actor=None)
    project = Project.objects.get(iati_identifier="XX-TEST-EUR")
    values = sorted((t.date.year, t.value_usd) for t in project.transactions.all())
    assert values == [(2019, None), (2020, Decimal("200.00"))]
    assert project.disbursed_usd == Decimal("200.00")
    assert summary.without_rate == 1


ACTIVITY = """<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
 <iati-activity default-currency="USD" xml:lang="es">
  <iati-identifier>{ident}</iati-identifier>
  <reporting-org ref="XX-TEST" type="21"><narrative>Organización de Prueba</narrative></reporting-org>
  <title><narrative>Agua potable en Nabón</narrative></title>
  <activity-status code="2"/>
  <activity-date iso-date="2020-01-01" type="2"/>
  <recipient-country code="EC"/>
  {extra}
 </iati-activity>
</iati-activities>"""


_tmp = {}


def write(text, name="prueba.xml"):
    import tempfile

    folder = _tmp.setdefault("dir", Path(tempfile.mkdtemp(prefix="sioc-iati-")))
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def assert_refused(path, *words):
    before = counts()
    with pytest.raises(IatiFileError) as info:
        import_file(path, actor=None)
    message = str(info.value)
    for word in words:
        assert word in message, message
    assert counts() == before
    return message


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<iati-activities version="2.03"><iati-activity><iati-identifier>&lol4;</iati-identifier>
</iati-activity></iati-activities>"""


def test_billion_laughs_refused():
    assert_refused(write(BILLION_LAUGHS), "DOCTYPE", "billion laughs")


@pytest.mark.parametrize("target", ["file:///etc/passwd", "http://127.0.0.1:9/secreto"])
def test_external_entities_refused(target):
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "{target}">]>'
        '<iati-activities version="2.03"><iati-activity><iati-identifier>A</iati-identifier>'
        "<title><narrative>&xxe;</narrative></title></iati-activity></iati-activities>"
    )
    assert_refused(write(xml), "DOCTYPE", "XXE")


def test_malformed_xml_rolls_back_the_whole_file():
    good = ACTIVITY.format(ident="XX-TEST-1", extra="")
    broken = good.replace("</iati-activities>", "<iati-activity><oops></iati-activities>")
    assert_refused(write(broken), "no es XML bien formado", "línea")
    assert not Project.objects.filter(iati_identifier="XX-TEST-1").exists()


def test_non_iati_root_refused():
    assert_refused(write("<html><body>hola</body></html>"), "no es un archivo de actividades IATI")


def test_version_1_refused():
    assert_refused(
        write('<iati-activities version="1.05"><iati-activity/></iati-activities>'),
        "versión 1.05",
        "2.01, 2.02 y 2.03",
    )


def test_activities_without_identifier_or_in_unknown_currency_are_skipped_with_reason():
    xml = ACTIVITY.format(ident="", extra="").replace(
        "</iati-activities>",
        ACTIVITY.format(
            ident="XX-TEST-ZZZ",
            extra='<transaction><transaction-type code="2"/><transaction-date iso-date="2020-01-01"/>'
            '<value currency="ZZZ">5</value></transaction>',
        ).split('<iati-activities version="2.03">')[1],
    )
    xml = xml.replace("</iati-activities>", "", 1) if xml.count("</iati-activities>") > 1 else xml
    summary = import_file(write(xml), actor=None)
    assert summary.created == 0 and summary.skipped == 2
    reasons = " ".join(reason for _ident, reason in summary.skipped_examples)
    assert "no tiene iati-identifier" in reasons
    assert "moneda «ZZZ»" in reasons
    assert not Project.objects.filter(iati_identifier="XX-TEST-ZZZ").exists()


def test_huge_file_refused_before_reading(monkeypatch):
    from sioc.projects.iati import safe

    monkeypatch.setattr(safe, "MAX_FILE_BYTES", 100)
    assert_refused(write(ACTIVITY.format(ident="XX-BIG", extra="")), "máximo es 500 MB")


def test_command_imports_and_reports(capsys):
    call_command("import_iati", str(CAF_EC), "--sin-progreso")
    out = capsys.readouterr().out
    assert "71 proyectos nuevos" in out
    assert IatiImport.objects.filter(original_name__endswith="solo_EC.xml").exists()
    with pytest.raises(CommandError):
        call_command("import_iati", str(write("<html/>", "mala.xml")), "--sin-progreso")


def test_import_files_keeps_good_files_when_one_fails():
    summaries, errors = import_files([CAF_EC, write("<nada/>", "mal.xml")], actor=None)
    assert len(summaries) == 1 and len(errors) == 1
    assert Project.objects.count() == 71
