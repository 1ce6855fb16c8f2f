"""Demo share link: the private base « Espace de travail du Hub du Sud » gets one, created by
its admin, so that the link can be tried from her base page (README, « Espaces privés »)."""

from accounts.models import User
from base.models import BasePage, ShareLink
from base.sharing import create_or_rotate

SHARED_BASES = [("espace-de-travail-du-hub-du-sud", "sarah.hub")]


def load_share_links(step):
    """Create the missing links (never rotates an existing one); `step` reports progress."""
    total = len(SHARED_BASES)
    for index, (slug, username) in enumerate(SHARED_BASES, start=1):
        base = BasePage.objects.filter(slug=slug).first()
        if base is None:
            continue
        exists = ShareLink.objects.filter(page=base).exists()
        if not exists:
            create_or_rotate(base, User.objects.filter(username=username).first())
        step("Partage", index, total, base.title, not exists, ("créé", "déjà présent"))
