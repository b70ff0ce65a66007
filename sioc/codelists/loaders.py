"""Load every code list into the database: validated first, then written in one transaction.

Sources (``settings.DATA_DIR``, see ``shared/data/SOURCES.md`` §5 and §8):

- ``ods/ods_objetivos_es.csv`` and ``ods/ods_metas_es.csv``: the 17 SDGs and 169 targets in
  Spanish (open-sdg translations of the UN texts).
- ``iati/codelists/csv/*.csv``: IATI codelists (English and French only).

Project data (this package):

- ``choices.py``: COOTAD art. 55 competencies, modalities and cooperation types.
- ``data/*_es.csv`` (``code,name_es``): SIOC's Spanish translations of the IATI codelists, using
  the OECD's Spanish CRS terminology; ``data/paises_es.csv`` and ``data/monedas_es.csv`` correct
  or complete the Spanish names that pycountry provides for countries and currencies.

Translation policy for IATI codelists: an **active** code without a Spanish translation is an
error (``DataFileError`` naming the IATI file and line, and the translation file to complete), so
that an update of the IATI codelists cannot slip English into the pages unnoticed. A
**withdrawn** code without translation keeps its English name and a warning is logged.
Countries and currencies take their Spanish name from ``data/paises_es.csv`` /
``data/monedas_es.csv`` first, then from pycountry's gettext catalogues (the common name when
ISO has one, e.g. KR "Corea del Sur"); when neither has it the English name is used and
``name_is_english`` is set.

All text is stored in Unicode NFC. The SDG short titles are written in sentence case ("Agua limpia y saneamiento"), as Spanish
orthography asks; the source mostly capitalises every word.

Writes are idempotent upserts keyed on ``code`` (bulk_create for new codes, bulk_update for the
fields that changed). Codes are never deleted: one that disappears from its source is marked
``is_active=False`` so that records pointing at it keep working.
"""

import gettext
import logging
import re
import unicodedata
from pathlib import Path

import pycountry
from django.db import transaction
from django.utils import translation

from sioc.codelists import choices
from sioc.codelists.models import (
    ActivityStatus,
    AidType,
    AidTypeCategory,
    CooperationType,
    CootadCompetency,
    Country,
    Currency,
    DacSector,
    DacSectorCategory,
    FinanceType,
    FinanceTypeCategory,
    FlowType,
    IatiOrganisationType,
    Modality,
    SdgGoal,
    SdgTarget,
)
from sioc.common.datafiles import DataFileError, data_path, read_csv, require
from sioc.common.text import fold

logger = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "data"
IATI_CSV = ("iati", "codelists", "csv")

SDG_TARGET_CODE = re.compile(r"^(\d{1,2})\.(\d{1,2}|[a-z])$")
IATI_STATUSES = {"": True, "active": True, "withdrawn": False}


# --- reading and validation (no database access) ------------------------------------------


def _unique_rows(path, columns, *, code_column="code", pattern=None, what="código"):
    """Rows of a CSV keyed by code; every code present, well formed and not repeated.

    Text is normalised to NFC: the SDG files spell some accents as combining characters, which
    would look the same but not compare equal (or match a search) with what people type.
    """
    rows = {}
    for row in read_csv(path, columns):
        row.update(
            {k: unicodedata.normalize("NFC", v) for k, v in row.items() if isinstance(v, str)}
        )
        code = row[code_column]
        line = row["_line"]
        require(code, path, line, f"falta el {what} (columna {code_column}).")
        if pattern is not None:
            require(
                re.fullmatch(pattern, code),
                path,
                line,
                f"el {what} «{code}» no tiene el formato esperado.",
            )
        if code in rows:
            raise DataFileError(
                path,
                f"el {what} «{code}» está repetido (ya aparece en la línea {rows[code]['_line']}).",
                line,
            )
        rows[code] = row
    return rows


def _require_text(row, column, path):
    require(row[column], path, row["_line"], f"la columna {column} está vacía.")
    return row[column]


def _sort_key(code: str):
    """Numeric codes in numeric order ('2' before '110'), others as text ('B02' < 'B021' < 'B03')."""
    return (0, int(code), "") if code.isdigit() else (1, 0, code)


def _search_text(*parts) -> str:
    return fold(" ".join(str(p) for p in parts if p))


def _sentence_case(value: str) -> str:
    value = value.strip()
    return value[:1].upper() + value[1:].lower()


def _translations(filename):
    """SIOC's Spanish names for one IATI codelist: {code: name_es}."""
    path = TRANSLATIONS_DIR / filename
    rows = _unique_rows(path, ["code", "name_es"])
    return path, {code: _require_text(row, "name_es", path) for code, row in rows.items()}


def _read_iati(source, translation_file, *, pattern, extra_columns=()):
    """One IATI codelist with Spanish names: (path, rows, items) where items are model values."""
    path = data_path(*IATI_CSV, f"{source}.csv")
    rows = _unique_rows(path, ["code", "name_en", *extra_columns], pattern=pattern)
    tr_path, spanish = _translations(translation_file)
    items = {}
    for position, code in enumerate(sorted(rows, key=_sort_key)):
        row = rows[code]
        name_en = _require_text(row, "name_en", path)
        status = row.get("status", "")
        require(
            status in IATI_STATUSES,
            path,
            row["_line"],
            f"estado «{status}» desconocido (se esperaba active o withdrawn).",
        )
        is_active = IATI_STATUSES[status]
        name = spanish.get(code)
        if name is None:
            if is_active:
                raise DataFileError(
                    path,
                    f"el código vigente «{code}» ({name_en}) no tiene traducción al español. "
                    f"Agréguela en {tr_path} (columnas code,name_es).",
                    row["_line"],
                )
            logger.warning(
                "%s: el código retirado «%s» no tiene traducción en %s; se usa el nombre en inglés.",
                path.name,
                code,
                tr_path.name,
            )
            name = name_en
        items[code] = {
            "name": name,
            "name_en": name_en,
            "is_active": is_active,
            "position": position,
            "search_text": _search_text(code, name, name_en),
        }
    unknown = sorted(set(spanish) - set(rows))
    if unknown:
        logger.warning(
            "%s: traducciones de códigos que %s no tiene: %s.",
            tr_path.name,
            path.name,
            ", ".join(unknown),
        )
    return path, rows, items


def _read_sdgs():
    goals_path = data_path("ods", "ods_objetivos_es.csv")
    goal_rows = _unique_rows(
        goals_path,
        ["codigo", "titulo_es", "titulo_corto_es", "titulo_en", "titulo_corto_en"],
        code_column="codigo",
        pattern=r"\d{1,2}",
        what="número de objetivo",
    )
    goals = {}
    for code, row in goal_rows.items():
        number = int(code)
        require(
            number in choices.SDG_COLORS,
            goals_path,
            row["_line"],
            f"«{code}» no es un número de ODS (1 a 17).",
        )
        short_title = _sentence_case(_require_text(row, "titulo_corto_es", goals_path))
        title = _require_text(row, "titulo_es", goals_path)
        goals[number] = {
            "short_title": short_title,
            "title": title,
            "short_title_en": row["titulo_corto_en"],
            "title_en": row["titulo_en"],
            "color": choices.SDG_COLORS[number],
            "is_active": True,
            "search_text": _search_text(number, short_title, title, row["titulo_corto_en"]),
        }

    targets_path = data_path("ods", "ods_metas_es.csv")
    target_rows = _unique_rows(
        targets_path,
        ["codigo", "objetivo", "titulo_es", "titulo_en"],
        code_column="codigo",
        pattern=SDG_TARGET_CODE,
        what="código de meta",
    )

    def target_key(code):
        goal, part = SDG_TARGET_CODE.fullmatch(code).groups()
        return (int(goal), 0, int(part), "") if part.isdigit() else (int(goal), 1, 0, part)

    targets = {}
    for position, code in enumerate(sorted(target_rows, key=target_key)):
        row = target_rows[code]
        line = row["_line"]
        goal = row["objetivo"]
        require(
            goal.isdigit() and int(goal) in goals,
            targets_path,
            line,
            f"la meta «{code}» pertenece al objetivo «{goal}», que no existe en {goals_path.name}.",
        )
        require(
            code.split(".")[0] == goal,
            targets_path,
            line,
            f"el código de meta «{code}» no corresponde al objetivo «{goal}».",
        )
        name = _require_text(row, "titulo_es", targets_path)
        targets[code] = {
            "goal_code": int(goal),
            "name": name,
            "name_en": row["titulo_en"],
            "is_active": True,
            "position": position,
            "search_text": _search_text(code, name),
        }
    return goals, targets


def _own_lists():
    """COOTAD competencies, modalities and cooperation types from ``choices.py`` (Spanish source)."""
    with translation.override(None):  # store the Spanish source strings, whatever the locale
        cootad = {
            member.value: {
                "name": str(choices.COOTAD_COMPETENCY_TEXTS[member]),
                "short_name": str(member.label),
                "is_active": True,
                "position": position,
                "search_text": _search_text(
                    member.value, member.label, choices.COOTAD_COMPETENCY_TEXTS[member]
                ),
            }
            for position, member in enumerate(choices.CootadCompetencyCode)
        }
        modalities = {
            member.value: {
                "name": str(member.label),
                "description": str(choices.MODALITY_DESCRIPTIONS[member]),
                "is_reimbursable": member in choices.REIMBURSABLE_MODALITIES,
                "is_active": True,
                "position": position,
                "search_text": _search_text(member.label, choices.MODALITY_DESCRIPTIONS[member]),
            }
            for position, member in enumerate(choices.ModalityCode)
        }
        cooperation_types = {
            member.value: {
                "name": str(member.label),
                "description": str(choices.COOPERATION_TYPE_DESCRIPTIONS[member]),
                "is_active": True,
                "position": position,
                "search_text": _search_text(
                    member.label, choices.COOPERATION_TYPE_DESCRIPTIONS[member]
                ),
            }
            for position, member in enumerate(choices.CooperationTypeCode)
        }
    return cootad, modalities, cooperation_types


def _read_categorised(source, translation_file, categories, *, pattern, category_path, strict):
    """An IATI list whose rows name a category; ``strict``: withdrawn codes must also resolve it."""
    path, rows, items = _read_iati(
        source, translation_file, pattern=pattern, extra_columns=["category"]
    )
    for code, values in items.items():
        category = rows[code]["category"]
        if category not in categories:
            require(
                not values["is_active"] and not strict,
                path,
                rows[code]["_line"],
                f"la categoría «{category}» del código «{code}» no existe en {category_path.name}.",
            )
            category = None
        values["category_code"] = category
    return items


def _translator(domain):
    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["es"])
    except OSError:
        logger.warning(
            "pycountry no tiene el catálogo en español «%s»; se usarán nombres en inglés.", domain
        )
        return gettext.NullTranslations()


def _spanish(trans, msgid):
    """The Spanish translation of ``msgid``, or None when the catalogue does not have it."""
    result = trans.gettext(msgid)
    if result != msgid or msgid in getattr(trans, "_catalog", {}):
        return result
    return None


def _read_named_by_pycountry(source, override_file, *, pattern, lookup, domain):
    """Countries or currencies: Spanish name from SIOC's file, then pycountry, else English."""
    path = data_path(*IATI_CSV, f"{source}.csv")
    rows = _unique_rows(path, ["code", "name_en"], pattern=pattern)
    _tr_path, overrides = _translations(override_file)
    trans = _translator(domain)
    items = {}
    for code, row in rows.items():
        name_en = _require_text(row, "name_en", path)
        status = row.get("status", "")
        require(
            status in IATI_STATUSES,
            path,
            row["_line"],
            f"estado «{status}» desconocido (se esperaba active o withdrawn).",
        )
        name = overrides.get(code)
        if name is None:
            record = lookup(code)
            if record is not None:
                msgid = getattr(record, "common_name", None) or record.name
                name = _spanish(trans, msgid)
        items[code] = {
            "name": name or name_en,
            "name_en": name_en,
            "name_is_english": name is None,
            "is_active": IATI_STATUSES[status],
            "search_text": _search_text(code, name, name_en),
        }
    return items


def _read_everything():
    """Every list, validated, as {model: {code: values}}; nothing touches the database."""
    goals, targets = _read_sdgs()
    cootad, modalities, cooperation_types = _own_lists()

    _path, _rows, sector_categories = _read_iati(
        "SectorCategory", "sectores_cad_categorias_es.csv", pattern=r"\d{3}"
    )
    sectors = _read_categorised(
        "Sector",
        "sectores_cad_es.csv",
        sector_categories,
        pattern=r"\d{5}",
        category_path=data_path(*IATI_CSV, "SectorCategory.csv"),
        strict=True,
    )
    organisation_types = _read_iati(
        "OrganisationType", "tipos_organizacion_es.csv", pattern=r"\d{1,3}"
    )[2]
    statuses = _read_iati("ActivityStatus", "estados_actividad_es.csv", pattern=r"\d{1,2}")[2]
    aid_categories = _read_iati(
        "AidType-category", "tipos_ayuda_categorias_es.csv", pattern=r"[A-Z]"
    )[2]
    aid_path, aid_rows, aid_types = _read_iati(
        "AidType", "tipos_ayuda_es.csv", pattern=r"[A-Z]\d{2,3}", extra_columns=["category"]
    )
    # AidType's category is either an AidType-category (A…H) or another aid type (B021 → B02).
    for code, values in aid_types.items():
        parent = aid_rows[code]["category"]
        seen = set()
        while parent in aid_types and parent not in seen:
            seen.add(parent)
            values.setdefault("parent_code", parent)
            parent = aid_rows[parent]["category"]
        values.setdefault("parent_code", None)
        require(
            parent in aid_categories,
            aid_path,
            aid_rows[code]["_line"],
            f"la categoría «{aid_rows[code]['category']}» del código «{code}» no existe en "
            "AidType-category.csv ni es otro tipo de ayuda.",
        )
        values["category_code"] = parent
    finance_categories = _read_iati(
        "FinanceType-category", "tipos_financiamiento_categorias_es.csv", pattern=r"\d{1,4}"
    )[2]
    finance_types = _read_categorised(
        "FinanceType",
        "tipos_financiamiento_es.csv",
        finance_categories,
        pattern=r"\d{1,4}",
        category_path=data_path(*IATI_CSV, "FinanceType-category.csv"),
        strict=False,
    )
    flow_types = _read_iati("FlowType", "tipos_flujo_es.csv", pattern=r"\d{2}")[2]
    currencies = _read_named_by_pycountry(
        "Currency",
        "monedas_es.csv",
        pattern=r"[A-Z]{3}",
        lookup=lambda code: pycountry.currencies.get(alpha_3=code),
        domain="iso4217",
    )
    for position, code in enumerate(sorted(currencies)):
        currencies[code]["position"] = position
    countries = _read_named_by_pycountry(
        "Country",
        "paises_es.csv",
        pattern=r"[A-Z]{2}",
        lookup=lambda code: pycountry.countries.get(alpha_2=code),
        domain="iso3166-1",
    )
    # Spanish alphabetical order, independent of the database collation.
    for position, code in enumerate(
        sorted(countries, key=lambda c: (fold(countries[c]["name"]), c))
    ):
        countries[code]["position"] = position

    return {
        "ods": (SdgGoal, goals),
        "metas_ods": (SdgTarget, targets),
        "competencias_cootad": (CootadCompetency, cootad),
        "modalidades": (Modality, modalities),
        "tipos_de_cooperacion": (CooperationType, cooperation_types),
        "categorias_sectores_cad": (DacSectorCategory, sector_categories),
        "sectores_cad": (DacSector, sectors),
        "tipos_de_organizacion": (IatiOrganisationType, organisation_types),
        "estados_de_actividad": (ActivityStatus, statuses),
        "categorias_tipos_de_ayuda": (AidTypeCategory, aid_categories),
        "tipos_de_ayuda": (AidType, aid_types),
        "categorias_tipos_de_financiamiento": (FinanceTypeCategory, finance_categories),
        "tipos_de_financiamiento": (FinanceType, finance_types),
        "tipos_de_flujo": (FlowType, flow_types),
        "monedas": (Currency, currencies),
        "paises": (Country, countries),
    }


# --- writing ----------------------------------------------------------------------------------

# Foreign keys given as codes in the item values: (value key, model field, target key in plan).
FOREIGN_KEYS = {
    SdgTarget: [("goal_code", "goal_id", "ods")],
    DacSector: [("category_code", "category_id", "categorias_sectores_cad")],
    AidType: [("category_code", "category_id", "categorias_tipos_de_ayuda")],
    FinanceType: [("category_code", "category_id", "categorias_tipos_de_financiamiento")],
}


def _sync(model, items) -> None:
    """Upsert ``items`` ({code: field values}) with two bulk queries at most; retire the rest."""
    existing = {obj.code: obj for obj in model.objects.all()}
    to_create, to_update, changed = [], [], set()
    for code, values in items.items():
        obj = existing.pop(code, None)
        if obj is None:
            to_create.append(model(code=code, **values))
            continue
        dirty = [field for field, value in values.items() if getattr(obj, field) != value]
        if dirty:
            for field in dirty:
                setattr(obj, field, values[field])
            to_update.append(obj)
            changed.update(dirty)
    for obj in existing.values():  # no longer in the source: keep, but retire
        if obj.is_active:
            obj.is_active = False
            to_update.append(obj)
            changed.add("is_active")
    if to_create:
        model.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        model.objects.bulk_update(to_update, sorted(changed), batch_size=500)


def _write(plan) -> None:
    ids = {}
    for key, (model, items) in plan.items():
        values_by_code = {}
        for code, values in items.items():
            values = dict(values)
            for code_key, field, target in FOREIGN_KEYS.get(model, ()):
                ref = values.pop(code_key)
                values[field] = None if ref is None else ids[target][ref]
            values.pop("parent_code", None)
            values_by_code[code] = values
        _sync(model, values_by_code)
        ids[key] = dict(model.objects.values_list("code", "pk"))
        if model is AidType:  # self reference: once every aid type has a primary key
            _sync(
                AidType,
                {
                    code: {
                        "parent_id": None
                        if v["parent_code"] is None
                        else ids[key][v["parent_code"]]
                    }
                    for code, v in items.items()
                },
            )


def load_codelists() -> dict[str, int]:
    """Validate every source, then upsert every code list in one transaction.

    Raises DataFileError (Spanish, naming file and line) before writing anything when a file is
    missing or malformed. Returns the number of codes per list, with Spanish keys.
    """
    plan = _read_everything()
    with transaction.atomic():
        _write(plan)
    return {key: len(items) for key, (_model, items) in plan.items()}
