"""Field shapes that the pages of the bases and of the resources share (one definition each)."""

from django.db import models


def optional_image(verbose_name):
    """A Wagtail image a page may show (logo, cover): removing the image keeps the page."""
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
