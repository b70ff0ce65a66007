from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "sioc.offers"
    verbose_name = _("Catálogo de ofertas")

    def ready(self):
        from sioc.offers.search import reindex_cooperante
        from sioc.organizations.events import organization_changed

        organization_changed.connect(reindex_cooperante, dispatch_uid="offers-reindex-cooperante")
