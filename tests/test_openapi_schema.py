"""The OpenAPI schema committed in docs/api/openapi.yaml is exactly the one the code generates."""

import difflib
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.management.commands.spectacular import SchemaGenerationError

SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "api" / "openapi.yaml"
REGENERATE = "SIOC_ENV=test .venv/bin/sioc spectacular --file docs/api/openapi.yaml --validate"


def generate(target: Path, *options) -> str:
    GENERATOR_STATS.reset()
    with translation.override(settings.LANGUAGE_CODE):
        call_command("spectacular", "--file", str(target), "--validate", *options)
    return target.read_text(encoding="utf-8")


# Integer bounds that come from the database engine's column ranges (SQLite has none, so
# Django's 64-bit defaults; PostgreSQL's smallint/integer), not from SIOC's code.
DB_BOUNDS = re.compile(
    r"^\s*(maximum|minimum): -?(32767|32768|2147483647|2147483648|9223372036854775807|9223372036854775808)\n",
    re.MULTILINE,
)


DB_FORMATS = re.compile(r"^\s*format: int(32|64)\n", re.MULTILINE)


def without_db_bounds(text: str) -> str:
    return DB_FORMATS.sub("", DB_BOUNDS.sub("", text))


def test_committed_schema_matches_the_code(tmp_path):
    generated = without_db_bounds(generate(tmp_path / "openapi.yaml"))
    committed = without_db_bounds(SCHEMA.read_text(encoding="utf-8") if SCHEMA.exists() else "")

    if generated != committed:
        diff = "".join(
            list(
                difflib.unified_diff(
                    committed.splitlines(keepends=True),
                    generated.splitlines(keepends=True),
                    "docs/api/openapi.yaml (confirmado)",
                    "esquema generado",
                )
            )[:60]
        )
        pytest.fail(
            "El esquema OpenAPI de la API cambió y docs/api/openapi.yaml quedó desactualizado. "
            f"Regenérelo con\n    {REGENERATE}\nrevise el cambio y confírmelo junto con el "
            f"código.\n\n{diff}",
            pytrace=False,
        )


def test_schema_is_generated_without_warnings(tmp_path, capsys):
    try:
        generate(tmp_path / "openapi.yaml", "--fail-on-warn")
    except SchemaGenerationError:
        pytest.fail(
            "drf-spectacular no pudo documentar bien la API (use extend_schema o "
            "extend_schema_field donde haga falta):\n" + capsys.readouterr().err,
            pytrace=False,
        )
