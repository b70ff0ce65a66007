"""``sioc match NEEDS.csv``: formats, and every kind of bad input (listed by row on stderr,
non-zero exit, nothing on stdout)."""

import csv
import io
import json

import pytest
from django.core.management import call_command, load_command_class

from sioc.offers.tests import factories

pytestmark = pytest.mark.django_db

HEADER = "id,canton,titulo,descripcion,modalidades,ods,competencias,monto\n"


@pytest.fixture
def catalogue():
    factories.offer(
        code="AGUA-AT",
        title="Asistencia técnica para estudios de agua potable",
        modalities=("technical_assistance",),
        sdgs=(6,),
        sdg_targets=("6.1",),
        competencies=("d",),
    )
    factories.offer(
        code="AGUA-CREDITO",
        title="Crédito para agua potable",
        modalities=("credit",),
        sdgs=(6,),
        competencies=("d",),
    )
    factories.offer(
        code="TURISMO",
        title="Intercambio sobre turismo comunitario",
        modalities=("exchange",),
        sdgs=(8,),
    )


def write(tmp_path, content, name="necesidades.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
    return str(path)


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("match", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_cli(capsys, *args):
    """Through ``run_from_argv``, as the console runs it: the exit code and both streams."""
    command = load_command_class("sioc.matching", "match")
    with pytest.raises(SystemExit) as exit_info:
        command.run_from_argv(["sioc", "match", *args])
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


GOOD = HEADER + (
    "N1,0104,Estudios de agua potable,Diseños de la red de agua,Asistencia técnica;"
    "financiamiento NO reembolsable,6.1;6,d,120000\n"
    'N2,1101,"Turismo comunitario, rutas y ferias",,,,,\n'
    "N3,0901,Agua potable con crédito,,CREDITO,,,\n"
)


def test_json_output(tmp_path, catalogue):
    out, err = run(write(tmp_path, GOOD))
    data = json.loads(out)
    assert list(data) == ["N1", "N2", "N3"]
    assert [item["oferta"] for item in data["N1"]] == ["AGUA-AT"]  # credit-only is filtered out
    first = data["N1"][0]
    assert set(first) == {"oferta", "puntaje", "razones"}
    assert isinstance(first["puntaje"], float) and 0 < first["puntaje"] <= 1
    assert any(r.startswith("ODS 6 y meta 6.1 en común (+") for r in first["razones"])
    assert [item["oferta"] for item in data["N2"]] == ["TURISMO"]
    assert [item["oferta"] for item in data["N3"]] == ["AGUA-CREDITO"]
    scores = [item["puntaje"] for item in data["N1"]]
    assert scores == sorted(scores, reverse=True)
    assert err == ""


def test_csv_output_and_top(tmp_path, catalogue):
    path = write(tmp_path, HEADER + "N1,0104,Agua potable,,,6,d,\n")
    out, _err = run(path, "--format", "csv", "--top", "1")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["id", "rango", "oferta", "puntaje", "razones"]
    assert len(rows) == 2
    need_id, rank, code, score, reasons = rows[1]
    assert (need_id, rank) == ("N1", "1")
    assert code in {"AGUA-AT", "AGUA-CREDITO"}
    assert 0 < float(score) <= 1 and "." in score  # machine-readable number
    assert "en común" in reasons and " | " in reasons


def test_a_need_with_nothing_that_fits_gets_an_empty_list(tmp_path, catalogue):
    out, _err = run(write(tmp_path, HEADER + "N9,0104,Becas de posgrado en Corea,,Becas,,,\n"))
    assert json.loads(out) == {"N9": []}


def test_byte_order_mark_and_windows_line_ends_are_fine(tmp_path, catalogue):
    content = ("\ufeff" + GOOD).replace("\n", "\r\n")
    out, _err = run(write(tmp_path, content))
    assert list(json.loads(out)) == ["N1", "N2", "N3"]


BAD = {
    "canton desconocido": (
        HEADER + "N1,9999,Agua,,,,,\n",
        "Fila 2, columna canton: «9999» no es un código INEC de cantón",
    ),
    "modalidad desconocida": (
        HEADER + "N1,0104,Agua,,Asistencia técnica;Préstamo blando,,,\n",
        "Fila 2, columna modalidades: «Préstamo blando» no es una modalidad; use: Financiamiento no reembolsable, Asistencia técnica",
    ),
    "encabezado": (
        "id,canton,titulo,descripcion,modalidades,ods,monto\nN1,0104,Agua,,,,\n",
        "Fila 1: el encabezado debe ser exactamente «id,canton,titulo,descripcion,modalidades,ods,competencias,monto»",
    ),
    "codificación": (
        (HEADER + "N1,0104,Agua para Nabón,,,,,\n").encode("latin-1"),
        "El archivo no está en UTF-8",
    ),
    "ods": (HEADER + "N1,0104,Agua,,,6.1;18,,\n", "Fila 2, columna ods: «18» no es un ODS"),
    "competencia": (
        HEADER + "N1,0104,Agua,,,,d;z,\n",
        "Fila 2, columna competencias: «z» no es una competencia COOTAD",
    ),
    "monto": (
        HEADER + 'N1,0104,Agua,,,,,"12.000,50"\n',
        "Fila 2, columna monto: «12.000,50» no es un monto en USD",
    ),
    "sin título": (HEADER + "N1,0104,,,,,,\n", "Fila 2, columna titulo: falta el título."),
    "sin cantón": (
        HEADER + "N1,,Agua,,,,,\n",
        "Fila 2, columna canton: falta el código INEC del cantón.",
    ),
    "id repetido": (
        HEADER + "N1,0104,Agua,,,,,\nN1,0101,Agua,,,,,\n",
        "Fila 3, columna id: el identificador «N1» ya está en la fila 2.",
    ),
    "columnas": (HEADER + "N1,0104,Agua,,,,\n", "Fila 2: tiene 7 columnas y deben ser 8."),
    "punto y coma": (
        HEADER.replace(",", ";") + "N1;0104;Agua;;;;;\n",
        "Fila 1: las columnas están separadas con «;» y deben separarse con comas",
    ),
    "vacío": ("", "El archivo está vacío"),
    "solo encabezado": (HEADER, "El archivo no tiene necesidades: solo el encabezado."),
    "binario": (b"\x00\x01\x02", "El archivo no es un CSV de texto."),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_lists_the_errors_exits_non_zero_and_outputs_nothing(
    tmp_path, capsys, catalogue, case
):
    content, message = BAD[case]
    code, out, err = run_cli(capsys, write(tmp_path, content))
    assert code != 0
    assert out == ""
    assert message in err


def test_every_bad_row_is_listed_and_good_rows_are_not_ranked(tmp_path, capsys, catalogue):
    content = (
        HEADER + "OK,0104,Agua potable,,,6,d,\nB1,9999,Agua,,,,,\nB2,0104,Agua,,Voluntarios x,,,\n"
    )
    code, out, err = run_cli(capsys, write(tmp_path, content), "--format", "csv")
    assert code != 0 and out == ""
    assert "El archivo tiene 2 errores; no se ordenó ninguna necesidad:" in err
    assert "Fila 3, columna canton" in err and "Fila 4, columna modalidades" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--top", "0"], "--top debe estar entre 1 y 100."),
        (["--fecha", "21/11/2026"], "La fecha «21/11/2026» no es válida"),
    ],
)
def test_bad_options(tmp_path, capsys, catalogue, args, message):
    code, out, err = run_cli(capsys, write(tmp_path, GOOD), *args)
    assert code != 0 and out == "" and message in err


def test_missing_file(tmp_path, capsys):
    code, out, err = run_cli(capsys, str(tmp_path / "no-existe.csv"))
    assert code != 0 and out == "" and "no existe" in err


def test_many_needs_in_two_processes_give_the_same_result(tmp_path, catalogue, monkeypatch):
    from sioc.matching import engine, index

    rows = [
        f"N{i},{'0104' if i % 2 else '1101'},Agua potable y turismo {i},,,6,d,\n" for i in range(30)
    ]
    path = write(tmp_path, HEADER + "".join(rows))
    serial, _ = run(path, "--procesos", "1")
    index.clear_cache()
    monkeypatch.setattr(engine, "BATCH_MIN", 10)
    forked, _ = run(path, "--procesos", "2")
    assert json.loads(forked) == json.loads(serial)


def test_the_date_option_decides_which_windows_are_open(tmp_path, catalogue):
    factories.offer(code="AGUA-VENTANA", title="Agua potable", sdgs=(6,), closes_in=3)
    path = write(tmp_path, HEADER + "N1,0104,Agua potable,,,6,,\n")
    now = [i["oferta"] for i in json.loads(run(path)[0])["N1"]]
    later = [i["oferta"] for i in json.loads(run(path, "--fecha", "2999-01-01")[0])["N1"]]
    assert "AGUA-VENTANA" in now and "AGUA-VENTANA" not in later
