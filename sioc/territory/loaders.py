"""Load INEC's political-administrative division (DPA) from SIOC_DATA_DIR.

Every file is read and validated first; only then is the database written, in one
transaction, with idempotent upserts keyed by INEC code: running the load twice changes
nothing and creates nothing the second time. A missing file, a wrong header, a file not in
UTF-8 or an unknown code raises :class:`DataFileError` (Spanish, naming file and line) and
writes nothing.

Inputs (see shared/data/SOURCES.md §1–3):

- ``ecuador/dpa/provincias.csv`` (24), ``cantones.csv`` (221), ``parroquias.csv`` (1,259),
  ``zonas_no_delimitadas.csv`` (3: 9001, 9003, 9004 — not cantons);
- ``ecuador/poblacion/poblacion_cantonal_proyeccion_2020.csv`` (keyed by the current DPA code,
  so La Concordia is 2302 in Santo Domingo de los Tsáchilas);
- ``ecuador/geo/cantones_inec_simplificado.geojson`` and ``provincias_inec_simplificado.geojson``.
"""

import re
from dataclasses import dataclass, field

from django.db import transaction

from sioc.common.datafiles import DataFileError, data_path, read_csv, read_json, require
from sioc.territory import names
from sioc.territory.models import Canton, Parish, Province, UndelimitedZone

DPA_DIR = ("ecuador", "dpa")
PROVINCES_FILE = (*DPA_DIR, "provincias.csv")
CANTONS_FILE = (*DPA_DIR, "cantones.csv")
PARISHES_FILE = (*DPA_DIR, "parroquias.csv")
ZONES_FILE = (*DPA_DIR, "zonas_no_delimitadas.csv")
POPULATION_FILE = ("ecuador", "poblacion", "poblacion_cantonal_proyeccion_2020.csv")
CANTON_SHAPES_FILE = ("ecuador", "geo", "cantones_inec_simplificado.geojson")
PROVINCE_SHAPES_FILE = ("ecuador", "geo", "provincias_inec_simplificado.geojson")

PROVINCE_COLUMNS = ["codigo_provincia", "nombre_inec", "nombre", "iso_3166_2", "wikidata_id"]
CANTON_COLUMNS = ["codigo_canton", "nombre_inec", "codigo_provincia", "wikidata_id", "nombre_osm"]
PARISH_COLUMNS = ["codigo_parroquia", "nombre_inec", "tipo", "codigo_canton"]
ZONE_COLUMNS = ["codigo", "nombre", "poblacion_proyeccion_2020"]
POPULATION_COLUMNS = ["codigo_canton_dpa_vigente", "poblacion_2020"]

PROVINCES_NAME = "/".join(PROVINCES_FILE)
CANTONS_NAME = "/".join(CANTONS_FILE)
ZONE_PROVINCE_CODE = "90"
GEOMETRY_TYPES = {"Polygon", "MultiPolygon"}

PROVINCE_CODE = re.compile(r"^\d{2}$")
CANTON_CODE = re.compile(r"^\d{4}$")
PARISH_CODE = re.compile(r"^\d{6}$")
ZONE_CODE = re.compile(r"^90\d{2}$")
ISO_CODE = re.compile(r"^EC-[A-Z]{1,2}$")
WIKIDATA_ID = re.compile(r"^Q\d+$")


@dataclass
class TerritoryData:
    """Everything read and validated, keyed by INEC code, ready to write."""

    provinces: dict[str, dict] = field(default_factory=dict)
    cantons: dict[str, dict] = field(default_factory=dict)
    parishes: dict[str, dict] = field(default_factory=dict)
    zones: dict[str, dict] = field(default_factory=dict)


# --- reading and validation ------------------------------------------------------------------


def _check_unique(seen: dict, code: str, path, line, what: str):
    require(
        code not in seen,
        path,
        line,
        "el código {} de {} está repetido (ya aparece en la línea {}).".format(
            code, what, seen.get(code)
        ),
    )
    seen[code] = line


def _optional(pattern, value: str, path, line, column: str) -> str:
    require(
        not value or pattern.match(value),
        path,
        line,
        f"el valor «{value}» de la columna {column} no tiene un formato válido.",
    )
    return value


def _population(value: str, path, line, column: str) -> int | None:
    if value == "":
        return None
    require(
        value.isdigit(),
        path,
        line,
        "la población «{}» (columna {}) debe ser un número entero sin separadores.".format(
            value, column
        ),
    )
    return int(value)


def _read_provinces(data: TerritoryData):
    path = data_path(*PROVINCES_FILE)
    seen = {}
    for row in read_csv(path, PROVINCE_COLUMNS):
        line, code = row["_line"], row["codigo_provincia"]
        require(
            PROVINCE_CODE.match(code) and code != ZONE_PROVINCE_CODE,
            path,
            line,
            f"el código de provincia «{code}» debe tener 2 dígitos (p. ej. 01).",
        )
        _check_unique(seen, code, path, line, "provincia")
        require(
            row["nombre_inec"] and row["nombre"], path, line, "falta el nombre de la provincia."
        )
        data.provinces[code] = {
            "name": row["nombre"],
            "inec_name": row["nombre_inec"],
            "iso_code": _optional(ISO_CODE, row["iso_3166_2"], path, line, "iso_3166_2"),
            "wikidata_id": _optional(WIKIDATA_ID, row["wikidata_id"], path, line, "wikidata_id"),
            "population_2020": None,
            "boundary": None,
        }
    require(data.provinces, path, None, "el archivo no tiene provincias.")


def _read_cantons(data: TerritoryData):
    path = data_path(*CANTONS_FILE)
    seen = {}
    rows = read_csv(path, CANTON_COLUMNS)
    for row in rows:
        line, code, province = row["_line"], row["codigo_canton"], row["codigo_provincia"]
        require(
            CANTON_CODE.match(code),
            path,
            line,
            f"el código de cantón «{code}» debe tener 4 dígitos (p. ej. 0101).",
        )
        require(
            province in data.provinces,
            path,
            line,
            "el cantón {} pertenece a la provincia «{}», que no existe en {}.".format(
                code, province, PROVINCES_NAME
            ),
        )
        require(
            code.startswith(province),
            path,
            line,
            "el código de cantón {} debe empezar por el de su provincia ({}).".format(
                code, province
            ),
        )
        _check_unique(seen, code, path, line, "cantón")
        require(row["nombre_inec"], path, line, "falta el nombre INEC del cantón.")
        data.cantons[code] = {
            "code": code,
            "province": province,
            "inec_name": row["nombre_inec"],
            "osm_name": row["nombre_osm"],
            "wikidata_id": _optional(WIKIDATA_ID, row["wikidata_id"], path, line, "wikidata_id"),
            "population_2020": None,
            "boundary": None,
        }
    require(data.cantons, path, None, "el archivo no tiene cantones.")


def _read_zones(data: TerritoryData):
    path = data_path(*ZONES_FILE)
    seen = {}
    for row in read_csv(path, ZONE_COLUMNS):
        line, code = row["_line"], row["codigo"]
        require(
            ZONE_CODE.match(code),
            path,
            line,
            "el código de zona no delimitada «{}» debe tener 4 dígitos y empezar por 90.".format(
                code
            ),
        )
        _check_unique(seen, code, path, line, "zona no delimitada")
        require(row["nombre"], path, line, "falta el nombre de la zona.")
        data.zones[code] = {
            "inec_name": row["nombre"],
            "population_2020": _population(
                row["poblacion_proyeccion_2020"], path, line, "poblacion_proyeccion_2020"
            ),
            "boundary": None,
        }


def _read_parishes(data: TerritoryData):
    path = data_path(*PARISHES_FILE)
    kinds = set(Parish.Kind.values)
    seen = {}
    for row in read_csv(path, PARISH_COLUMNS):
        line, code, canton = row["_line"], row["codigo_parroquia"], row["codigo_canton"]
        require(
            PARISH_CODE.match(code),
            path,
            line,
            f"el código de parroquia «{code}» debe tener 6 dígitos (p. ej. 010150).",
        )
        require(
            canton in data.cantons,
            path,
            line,
            "la parroquia {} pertenece al cantón «{}», que no existe en {}.".format(
                code, canton, CANTONS_NAME
            ),
        )
        require(
            code.startswith(canton),
            path,
            line,
            f"el código de parroquia {code} debe empezar por el de su cantón ({canton}).",
        )
        _check_unique(seen, code, path, line, "parroquia")
        require(row["nombre_inec"], path, line, "falta el nombre INEC de la parroquia.")
        require(
            row["tipo"] in kinds,
            path,
            line,
            "el tipo de parroquia «{}» no es válido (se espera {}).".format(
                row["tipo"], ", ".join(sorted(kinds))
            ),
        )
        data.parishes[code] = {
            "canton": canton,
            "inec_name": row["nombre_inec"],
            "kind": row["tipo"],
        }


def _read_population(data: TerritoryData):
    path = data_path(*POPULATION_FILE)
    seen = {}
    for row in read_csv(path, POPULATION_COLUMNS):
        line, code = row["_line"], row["codigo_canton_dpa_vigente"]
        require(
            CANTON_CODE.match(code),
            path,
            line,
            f"el código de cantón «{code}» debe tener 4 dígitos.",
        )
        target = data.cantons.get(code) or data.zones.get(code)
        require(
            target is not None,
            path,
            line,
            f"el código {code} no es un cantón ni una zona no delimitada conocidos.",
        )
        _check_unique(seen, code, path, line, "cantón")
        value = _population(row["poblacion_2020"], path, line, "poblacion_2020")
        # A zone's figure comes from zonas_no_delimitadas.csv; this file only fills a gap.
        if code in data.cantons or target["population_2020"] is None:
            target["population_2020"] = value


def _features(path) -> list[dict]:
    collection = read_json(path)
    require(
        isinstance(collection, dict)
        and collection.get("type") == "FeatureCollection"
        and isinstance(collection.get("features"), list),
        path,
        None,
        "se esperaba una FeatureCollection de GeoJSON.",
    )
    return collection["features"]


def _feature_geometry(feature, path, number: int, label: str) -> dict:
    geometry = feature.get("geometry") if isinstance(feature, dict) else None
    require(
        isinstance(geometry, dict)
        and geometry.get("type") in GEOMETRY_TYPES
        and isinstance(geometry.get("coordinates"), list),
        path,
        None,
        f"la entidad n.º {number} ({label}) no tiene una geometría Polygon o MultiPolygon.",
    )
    return {"type": geometry["type"], "coordinates": geometry["coordinates"]}


def _read_canton_shapes(data: TerritoryData) -> int:
    path = data_path(*CANTON_SHAPES_FILE)
    for number, feature in enumerate(_features(path), start=1):
        props = (feature.get("properties") if isinstance(feature, dict) else None) or {}
        code = str(props.get("codigo_canton", ""))
        label = f"codigo_canton={code or '?'}"
        geometry = _feature_geometry(feature, path, number, label)
        if props.get("zona_no_delimitada"):
            require(
                code in data.zones,
                path,
                None,
                f"la entidad n.º {number} es una zona no delimitada desconocida ({label}).",
            )
            data.zones[code]["boundary"] = geometry
            continue
        require(
            code in data.cantons,
            path,
            None,
            f"la entidad n.º {number} tiene un código de cantón desconocido ({label}).",
        )
        require(
            data.cantons[code]["boundary"] is None,
            path,
            None,
            f"la entidad n.º {number} repite el cantón {code}.",
        )
        data.cantons[code]["boundary"] = geometry
    missing = sorted(code for code, canton in data.cantons.items() if canton["boundary"] is None)
    require(not missing, path, None, f"faltan los límites de los cantones {', '.join(missing)}.")
    return len(data.cantons)


def _read_province_shapes(data: TerritoryData) -> int:
    path = data_path(*PROVINCE_SHAPES_FILE)
    for number, feature in enumerate(_features(path), start=1):
        props = (feature.get("properties") if isinstance(feature, dict) else None) or {}
        code = str(props.get("codigo_provincia", ""))
        label = f"codigo_provincia={code or '?'}"
        geometry = _feature_geometry(feature, path, number, label)
        if code == ZONE_PROVINCE_CODE:
            continue  # the dissolved zonas no delimitadas: each zone has its own shape
        require(
            code in data.provinces,
            path,
            None,
            f"la entidad n.º {number} tiene un código de provincia desconocido ({label}).",
        )
        data.provinces[code]["boundary"] = geometry
    missing = sorted(
        code for code, province in data.provinces.items() if province["boundary"] is None
    )
    require(
        not missing,
        path,
        None,
        f"faltan los límites de las provincias {', '.join(missing)}.",
    )
    return len(data.provinces)


def _compute_names(data: TerritoryData):
    """Display names: provinces as given, cantons with OSM accents, parishes by dictionary."""
    for canton in data.cantons.values():
        canton["name"] = names.canton_display_name(
            canton["code"], canton["inec_name"], canton["osm_name"]
        )
    accents = dict(names.DEFAULT_ACCENTS)
    territory_words = names.words_of(
        *(p["name"] for p in data.provinces.values()), *(c["name"] for c in data.cantons.values())
    )
    for key, word in names.accent_map(territory_words).items():
        accents.setdefault(key, word)
    for code, parish in data.parishes.items():
        parish["name"] = names.parish_display_name(code, parish["inec_name"], accents)
    for zone in data.zones.values():
        zone["name"] = names.simple_display_name(zone["inec_name"], accents)


def read_territory() -> tuple[TerritoryData, dict[str, int]]:
    """Read and validate every input file; raises DataFileError on the first problem."""
    data = TerritoryData()
    _read_provinces(data)
    _read_cantons(data)
    _read_zones(data)
    _read_parishes(data)
    _read_population(data)
    canton_shapes = _read_canton_shapes(data)
    province_shapes = _read_province_shapes(data)
    _compute_names(data)
    for code, province in data.provinces.items():
        values = [c["population_2020"] for c in data.cantons.values() if c["province"] == code]
        province["population_2020"] = sum(values) if values and None not in values else None
    counts = {
        "provincias": len(data.provinces),
        "cantones": len(data.cantons),
        "parroquias": len(data.parishes),
        "zonas_no_delimitadas": len(data.zones),
        "limites_cantonales": canton_shapes,
        "limites_provinciales": province_shapes,
    }
    return data, counts


# --- writing ---------------------------------------------------------------------------------


def _upsert(model, rows: dict[str, dict]) -> tuple[int, int]:
    """Create or update ``model`` rows by code; only changed fields are written."""
    existing = {obj.code: obj for obj in model.objects.all()}
    to_create, to_update, changed_fields = [], [], set()
    for code, values in rows.items():
        obj = existing.get(code)
        if obj is None:
            to_create.append(model(code=code, **values))
            continue
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            changed_fields.update(changed)
            to_update.append(obj)
    model.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        model.objects.bulk_update(to_update, sorted(changed_fields), batch_size=100)
    return len(to_create), len(to_update)


def _ids(model) -> dict[str, int]:
    return dict(model.objects.values_list("code", "id"))


@transaction.atomic
def write_territory(data: TerritoryData) -> dict[str, tuple[int, int]]:
    province_fields = [
        "name",
        "inec_name",
        "iso_code",
        "wikidata_id",
        "population_2020",
        "boundary",
    ]
    changes = {
        "provincias": _upsert(
            Province,
            {code: {f: p[f] for f in province_fields} for code, p in data.provinces.items()},
        )
    }
    province_ids = _ids(Province)
    changes["cantones"] = _upsert(
        Canton,
        {
            code: {
                "province_id": province_ids[c["province"]],
                "name": c["name"],
                "inec_name": c["inec_name"],
                "wikidata_id": c["wikidata_id"],
                "population_2020": c["population_2020"],
                "boundary": c["boundary"],
            }
            for code, c in data.cantons.items()
        },
    )
    canton_ids = _ids(Canton)
    changes["parroquias"] = _upsert(
        Parish,
        {
            code: {
                "canton_id": canton_ids[p["canton"]],
                "name": p["name"],
                "inec_name": p["inec_name"],
                "kind": p["kind"],
            }
            for code, p in data.parishes.items()
        },
    )
    zone_fields = ["name", "inec_name", "population_2020", "boundary"]
    changes["zonas_no_delimitadas"] = _upsert(
        UndelimitedZone, {code: {f: z[f] for f in zone_fields} for code, z in data.zones.items()}
    )
    return changes


def load_territory() -> dict[str, int]:
    """Read, validate and upsert the whole DPA; returns the number of records of each kind."""
    data, counts = read_territory()
    write_territory(data)
    return counts


__all__ = ["DataFileError", "load_territory", "read_territory", "write_territory"]
