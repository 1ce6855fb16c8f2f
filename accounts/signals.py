"""Receivers of allauth's signals (connected in AccountsConfig.ready)."""

from allauth.account.signals import email_confirmed, user_logged_in
from django.dispatch import receiver
from django.utils import timezone

from .proconnect.views import ID_TOKEN_KEY, PENDING_ID_TOKEN_KEY


@receiver(email_confirmed)
def record_confirmation(sender, request, email_address, **kwargs):
    """Keep the date the account's address was confirmed (shown in the admin)."""
    user = email_address.user
    if email_address.email.lower() == (user.email or "").lower():
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])


@receiver(user_logged_in)
def remember_proconnect_session(sender, request, user, sociallogin=None, **kwargs):
    """The id_token of a ProConnect log-in stays in the session for the log-out
    (id_token_hint); any other log-in forgets it."""
    pending = request.session.pop(PENDING_ID_TOKEN_KEY, None)
    if sociallogin is not None and sociallogin.account.provider == "proconnect" and pending:
        request.session[ID_TOKEN_KEY] = pending
    else:
        request.session.pop(ID_TOKEN_KEY, None)
