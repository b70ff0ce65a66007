"""Who may import IATI files from the web and follow the import jobs: AME administrators only.

Imports create organisations and rewrite every external project of a publisher, so they are an
administration task (the command ``sioc import_iati`` is for the server's operators).
"""

from sioc.common.roles import principal


def can(user, action, obj=None):
    if action in ("import", "view_job"):
        return principal(user).is_ame_admin
    return False
