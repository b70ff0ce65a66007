"""Domain events the organisation services announce, for apps that keep derived data.

Imports flow one way (organizations never import offers), so a later app that keeps something
derived from an organisation (the catalogue's search index holds the cooperante's name, acronym,
kind and country) listens here; the services send the event inside their transaction, so the
derived data commits or rolls back with the change itself.
"""

from django.dispatch import Signal

# Sent with ``organization`` and ``fields`` (names of the changed fields).
organization_changed = Signal()
