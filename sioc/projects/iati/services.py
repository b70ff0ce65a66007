"""Web imports of IATI files: the upload becomes an IatiImport job run by a background task.

Progress: the data of a file is written in one transaction (all or nothing), so progress rows
written inside it would be invisible to the job page until the end (and on SQLite a second
writer would wait for the import). The task therefore:

1. reads the whole file once **outside** any transaction (safe parse, counts the activities,
   refuses a bad file before writing anything) and saves ``total``;
2. imports it in one transaction; after every chunk of 1,000 activities it writes the counts to a
   small progress file beside the upload (``<upload>.progress.json`` in MEDIA_ROOT, a storage all
   app servers share), which the job page reads while the job runs;
3. after the commit saves the final counts and the summary on the IatiImport row (or the error,
   with nothing imported).
"""

import contextlib
import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sioc.audit.choices import Action
from sioc.audit.services import record
from sioc.projects.choices import ImportStatus
from sioc.projects.iati.importer import finish_job, import_file
from sioc.projects.iati.safe import IatiFileError, count_activities
from sioc.projects.models import IatiImport


@transaction.atomic
def create_import_job(*, actor, uploaded_file) -> IatiImport:
    """Keep the upload and queue its import (the task starts after the commit)."""
    from sioc.projects.tasks import run_iati_import

    job = IatiImport(original_name=uploaded_file.name[-300:], requested_by=actor)
    job.file.save("subida.xml", uploaded_file, save=False)
    job.save()
    record(actor=actor, action=Action.CREATE, obj=job, note=_("Archivo IATI subido"))
    transaction.on_commit(lambda: run_iati_import.enqueue(job.pk))
    return job


def _progress_path(job):
    try:
        return Path(job.file.path + ".progress.json")
    except (NotImplementedError, ValueError):
        return None


def read_progress(job):
    """The live counts of a running job ({} when unknown)."""
    path = _progress_path(job)
    if path is None:
        return {}
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def _write_progress(job, data):
    path = _progress_path(job)
    if path is None:
        return
    with contextlib.suppress(OSError):
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data))
        tmp.replace(path)


def run_import_job(job_id):
    """The body of the background task (also callable directly, e.g. in tests)."""
    job = IatiImport.objects.filter(pk=job_id, status=ImportStatus.QUEUED).first()
    if job is None:
        return
    job.status = ImportStatus.RUNNING
    job.started_at = timezone.now()
    job.save(update_fields=["status", "started_at", "updated_at"])
    actor = job.requested_by
    try:
        path = job.file.path
        _write_progress(job, {"phase": "scan", "processed": 0})
        _facts, total = count_activities(
            path,
            job.original_name,
            progress=lambda n: _write_progress(job, {"phase": "scan", "scanned": n}),
        )
        job.total = total
        job.save(update_fields=["total", "updated_at"])

        def progress(summary, _fraction):
            _write_progress(
                job,
                {
                    "phase": "import",
                    "processed": summary.read,
                    "created": summary.created,
                    "updated": summary.updated,
                    "skipped": summary.skipped,
                },
            )

        summary = import_file(path, actor=actor, name=job.original_name, job=job, progress=progress)
    except IatiFileError as exc:
        finish_job(job, error=str(exc))
    except Exception:  # never leave a job "running" forever; the log has the traceback
        finish_job(
            job,
            error=_("Error inesperado al importar el archivo. No se guardó nada de él."),
        )
        raise
    else:
        finish_job(job, summary=summary)
    finally:
        path = _progress_path(job)
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink()
