"""The README and docs stay true: every setting, role and URL a person configures or meets is documented."""

import re
from pathlib import Path

from sioc.common.roles import Role
from tests.full_matrix import MATRIX

ROOT = Path(__file__).resolve().parent.parent


def test_every_environment_variable_is_in_the_readme():
    settings_source = (ROOT / "sioc" / "config" / "settings.py").read_text()
    variables = set(re.findall(r"env(?:_bool|_list)?\(\s*\"(SIOC_[A-Z_]+)\"", settings_source))
    assert len(variables) > 10
    readme = (ROOT / "README.md").read_text()
    missing = sorted(v for v in variables if f"`{v}`" not in readme)
    assert not missing, f"Variables sin documentar en README.md: {missing}"


def test_readme_shows_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make demo" in readme and "make test" in readme


def test_every_role_is_in_the_permissions_doc():
    doc = (ROOT / "docs" / "permisos.md").read_text()
    missing = [str(role.label) for role in Role if str(role.label) not in doc]
    assert not missing, f"Roles sin describir en docs/permisos.md: {missing}"


def test_every_url_of_the_matrix_is_in_the_permissions_doc():
    doc = (ROOT / "docs" / "permisos.md").read_text()
    missing = [name for name in MATRIX if f"`{name}`" not in doc]
    assert not missing, f"URL sin describir en docs/permisos.md: {missing}"
