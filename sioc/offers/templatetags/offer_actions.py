from django import template
from django.utils.translation import gettext_lazy as _

from sioc.offers.views.editing import offer_actions_context

register = template.Library()

ACTION_LABELS = {
    "submit": (_("Enviar a revisión de AME"), "btn-primary"),
    "publish": (_("Publicar"), "btn-success"),
    "return": (_("Devolver con observaciones"), "btn-outline-warning"),
    "close": (_("Cerrar convocatoria"), "btn-outline-secondary"),
    "reopen": (_("Reabrir"), "btn-outline-success"),
    "archive": (_("Archivar"), "btn-outline-danger"),
}


@register.inclusion_tag("offers/partials/offer_action_bar.html", takes_context=True)
def offer_action_bar(context, offer):
    request = context["request"]
    ctx = offer_actions_context(request.user, offer)
    ctx["transitions"] = [
        {**t, "label": ACTION_LABELS[t["action"]][0], "css": ACTION_LABELS[t["action"]][1]}
        for t in ctx["transitions"]
    ]
    ctx.update(
        offer=offer,
        csrf_token=context.get("csrf_token"),
        review_notes=offer.review_notes.select_related("author"),
    )
    ctx["show"] = any([ctx["can_edit"], ctx["transitions"], ctx["can_verify"], ctx["can_history"]])
    return ctx
