"""Background tasks of the projects app (django-tasks; run by ``sioc db_worker``)."""

from django_tasks import task


@task()
def run_iati_import(job_id: int):
    """Import the IATI file of an IatiImport job uploaded from the web."""
    from sioc.projects.iati.services import run_import_job

    run_import_job(job_id)
