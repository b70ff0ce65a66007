# Placeholder while this module is being written; every view answers 404.
from django.http import Http404


def _missing(request, *args, **kwargs):
    raise Http404


catalog = offer_detail = atom_feed = ics_feed = cooperante_offers = _missing
template = export = import_upload = import_confirm = _missing
