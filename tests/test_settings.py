"""Settings profiles: production refuses unsafe defaults and passes `check --deploy` cleanly."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_sioc(*args, **env):
    full_env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("SIOC_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    full_env["SIOC_DATA_DIR"] = os.environ.get(
        "SIOC_DATA_DIR", str(ROOT.parent / "shared" / "data")
    )
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "sioc", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_passes_check_deploy_without_warnings(tmp_path):
    result = run_sioc(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SIOC_ENV="production",
        SIOC_SECRET_KEY="k" * 20 + "una-clave-larga-y-aleatoria-para-produccion-0123456789",
        SIOC_ALLOWED_HOSTS="sioc.ame.gob.ec",
        SIOC_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_requires_a_secret_key(tmp_path):
    result = run_sioc(
        "check", SIOC_ENV="production", SIOC_ALLOWED_HOSTS="x.ec", SIOC_VAR_DIR=str(tmp_path)
    )
    assert result.returncode != 0
    assert "SIOC_SECRET_KEY" in result.stderr


def test_production_requires_allowed_hosts(tmp_path):
    result = run_sioc(
        "check", SIOC_ENV="production", SIOC_SECRET_KEY="x" * 60, SIOC_VAR_DIR=str(tmp_path)
    )
    assert result.returncode != 0
    assert "SIOC_ALLOWED_HOSTS" in result.stderr


def test_development_generates_and_keeps_a_secret(tmp_path):
    code = "from django.conf import settings; print(settings.SECRET_KEY, settings.DEBUG)"
    first = run_sioc("shell", "-c", code, SIOC_ENV="development", SIOC_VAR_DIR=str(tmp_path))
    second = run_sioc("shell", "-c", code, SIOC_ENV="development", SIOC_VAR_DIR=str(tmp_path))
    assert first.returncode == 0, first.stderr
    key, debug = first.stdout.strip().splitlines()[-1].split()
    assert len(key) >= 50 and debug == "True"
    assert first.stdout == second.stdout


def test_language_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "es-ec"
    assert settings.TIME_ZONE == "America/Guayaquil"
