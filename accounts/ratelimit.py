"""A small cache-based limiter for the account forms (log in, sign-up, password reset, resend).

Each action is limited twice: per client IP address and per account identifier (a username or
an e-mail address), so that neither one machine trying many accounts nor many machines trying
one account get far. Counters live in Django's cache, in fixed windows (`cache.add` then
`cache.incr`). With the per-process memory cache of development each worker counts on its own:
production settings use the database cache, shared by all workers, where a burst of
simultaneous requests may count a few attempts once only (`incr` is atomic on Redis or
Memcached, a read then a write on the database).

Limits come from the RATE_LIMITS setting, {action: {"ip": (attempts, seconds),
"account": (attempts, seconds)}}; missing entries take the defaults below.
"""

import hashlib
import math
import time

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.utils.translation import ngettext

DEFAULT_LIMITS = {
    # Failed log-ins only: a person who types their password right is never slowed down.
    "login": {"ip": (30, 15 * 60), "account": (5, 15 * 60)},
    "signup": {"ip": (10, 60 * 60), "account": (3, 60 * 60)},
    "password_reset": {"ip": (10, 60 * 60), "account": (3, 60 * 60)},
    "resend_verification": {"ip": (10, 60 * 60), "account": (3, 60 * 60)},
    "email_change": {"ip": (10, 60 * 60), "account": (3, 60 * 60)},
}


def now():
    """The clock the windows are cut from (tests move it forward)."""
    return time.time()


def limits(action):
    configured = getattr(settings, "RATE_LIMITS", {}).get(action, {})
    return {**DEFAULT_LIMITS[action], **configured}


def client_ip(request):
    """REMOTE_ADDR, or the first address of RATE_LIMIT_IP_HEADER (e.g. HTTP_X_FORWARDED_FOR)
    when a trusted reverse proxy sets it."""
    header = getattr(settings, "RATE_LIMIT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _keys(action, request, identifier):
    """(cache key, attempts, seconds, window end) of each counter that applies."""
    moment = now()
    subjects = {"ip": client_ip(request), "account": (identifier or "").strip().lower()}
    for kind, (attempts, seconds) in limits(action).items():
        subject = subjects.get(kind)
        if not subject:
            continue
        window = int(moment // seconds)
        digest = hashlib.sha256(subject.encode()).hexdigest()[:32]  # no addresses in the cache
        yield (
            f"ratelimit:{action}:{kind}:{digest}:{window}",
            attempts,
            seconds,
            (window + 1) * seconds,
        )


def retry_after(action, request, identifier=""):
    """Seconds until the next attempt is allowed, or 0 if it is allowed now."""
    wait = 0
    for key, attempts, _seconds, window_end in _keys(action, request, identifier):
        if (cache.get(key) or 0) >= attempts:
            wait = max(wait, math.ceil(window_end - now()))
    return wait


def hit(action, request, identifier=""):
    """Count one attempt against every counter of the action."""
    for key, _attempts, seconds, _window_end in _keys(action, request, identifier):
        cache.add(key, 0, timeout=seconds + 1)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=seconds + 1)


def clear(action, request, identifier=""):
    """Forget the account's counter (after a successful log-in); the IP's counter stays."""
    for key, *_rest in _keys(action, request, identifier):
        if ":account:" in key:
            cache.delete(key)


def message(seconds):
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Trop de tentatives. Par sécurité, réessayez dans %(minutes)d minute.",
        "Trop de tentatives. Par sécurité, réessayez dans %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def login_identifier(typed):
    """One counter per account, whether it is typed as a username or as its e-mail address."""
    typed = (typed or "").strip()
    if "@" in typed:
        from accounts.lifecycle import find_by_email

        owner = find_by_email(typed)
        if owner is not None:
            return owner.username
    return typed


class RateLimitedModelBackend(ModelBackend):
    """Django's backend behind the log-in limit, so that every log-in form (the site's, the
    Wagtail admin's, Django's admin) shares the same counters. Past the limit no password is
    checked; failures count, a success forgets the account's failures. Calls without a
    request (tests' `client.login`, scripts) are not limited."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return super().authenticate(request, username=username, password=password, **kwargs)
        identifier = login_identifier(username)
        if retry_after("login", request, identifier):
            return None
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            hit("login", request, identifier)
        else:
            clear("login", request, identifier)
        return user
