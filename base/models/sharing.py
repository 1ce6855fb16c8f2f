"""Share links of private bases and resources (see base.sharing)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class ShareLink(models.Model):
    """The secret link (« lien de partage ») that opens a private base or one of its resources
    to whoever holds it, read-only, without an account (see base.sharing).

    A row of its own rather than a page field: page fields travel inside revisions, and
    publishing an old revision would bring a rotated token back to life."""

    page = models.OneToOneField(
        Page, verbose_name=_("page partagée"), on_delete=models.CASCADE, related_name="share_link"
    )
    token = models.CharField(_("jeton"), max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créé le"), auto_now=True)

    class Meta:
        verbose_name = _("lien de partage")
        verbose_name_plural = _("liens de partage")

    def __str__(self):
        # Never the token: this string reaches the admin, logs and error reports.
        return _("Lien de partage de « %(title)s »") % {"title": self.page.title}
