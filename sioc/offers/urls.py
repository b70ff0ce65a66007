from django.urls import path, register_converter

from sioc.offers.views import catalog, editing, transfer


class OfferCodeConverter:
    regex = r"[A-Za-z0-9][A-Za-z0-9._-]*"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(OfferCodeConverter, "offercode")

app_name = "offers"

urlpatterns = [
    # Public catalogue, feeds and the cooperante 360 partial (views/catalog.py)
    path("", catalog.catalog, name="catalog"),
    path("novedades.atom", catalog.atom_feed, name="feed_atom"),
    path("cierres.ics", catalog.ics_feed, name="feed_ics"),
    path("cooperante/<slug:slug>/", catalog.cooperante_offers, name="cooperante_offers"),
    # Import and export (views/transfer.py)
    path("plantilla.xlsx", transfer.template, name="template"),
    path("exportar.<str:fmt>", transfer.export, name="export"),
    path("importar/", transfer.import_upload, name="import"),
    path("importar/confirmar/", transfer.import_confirm, name="import_confirm"),
    # Editing and review (views/editing.py)
    path("nueva/", editing.offer_create, name="create"),
    path("revision/", editing.review_queue, name="review_queue"),
    path("<offercode:code>/", catalog.offer_detail, name="detail"),
    path("<offercode:code>/editar/", editing.offer_edit, name="edit"),
    path("<offercode:code>/estado/", editing.offer_transition, name="transition"),
    path("<offercode:code>/verificar/", editing.offer_verify, name="verify"),
    path("<offercode:code>/adjuntos/", editing.attachment_add, name="attachment_add"),
    path("<offercode:code>/historial/", editing.offer_history, name="history"),
]
