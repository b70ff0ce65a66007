class ConflictError(Exception):
    """Someone else saved the record after the user opened it; nothing was overwritten."""
