"""What matching remembers: which offers each GAD's e-mail digest already announced, and when
each kind of digest last ran. Scores and explanations are never stored; the engine computes them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DigestKind(models.TextChoices):
    WEEKLY = "weekly", _("Resumen semanal")
    ON_PUBLICATION = "on_publication", _("Aviso al publicarse")


class DigestDelivery(models.Model):
    """An offer announced to a GAD by e-mail. At most one per GAD and offer, so that a digest
    never repeats an offer (whatever the kind of digest that sent it first)."""

    gad = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("GAD"),
        on_delete=models.CASCADE,
        related_name="digest_deliveries",
    )
    offer = models.ForeignKey(
        "offers.Offer",
        verbose_name=_("oferta"),
        on_delete=models.CASCADE,
        related_name="digest_deliveries",
    )
    kind = models.CharField(_("tipo de resumen"), max_length=20, choices=DigestKind.choices)
    sent_at = models.DateTimeField(_("enviada el"), db_index=True)
    recipients = models.TextField(_("destinatarios"), blank=True)

    class Meta:
        verbose_name = _("oferta enviada en un resumen")
        verbose_name_plural = _("ofertas enviadas en resúmenes")
        ordering = ["-sent_at", "gad_id", "offer_id"]
        constraints = [
            models.UniqueConstraint(fields=["gad", "offer"], name="digest_offer_once_per_gad")
        ]

    def __str__(self):
        return f"{self.gad} ← {self.offer}"


class DigestRun(models.Model):
    """One run of ``sioc send_digests`` for one kind: «published since the last run» starts at
    the previous run's start, so an offer published while a run was working is not missed."""

    kind = models.CharField(_("tipo de resumen"), max_length=20, choices=DigestKind.choices)
    started_at = models.DateTimeField(_("inicio"), db_index=True)
    finished_at = models.DateTimeField(_("fin"), null=True, blank=True)
    emails_sent = models.PositiveIntegerField(_("correos enviados"), default=0)
    offers_sent = models.PositiveIntegerField(_("ofertas enviadas"), default=0)
    failures = models.PositiveIntegerField(_("envíos fallidos"), default=0)

    class Meta:
        verbose_name = _("ejecución de resúmenes")
        verbose_name_plural = _("ejecuciones de resúmenes")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.started_at:%d/%m/%Y %H:%M}"
