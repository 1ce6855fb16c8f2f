"""The one guard against malformed input: no crafted address, parameter or form answers 5xx.

`RejectControlCharactersMiddleware` turns away, with a French 400 page (JSON under /api/), any
request whose path or query string holds a control character (NUL first: PostgreSQL refuses it in
any text, so it would reach the database as a server error) and any form post holding a NUL. No
person types one: they come from scanners and fuzzers, and refusing them at the door spares every
view, filter and lookup from handling them one by one.

The parameters that are integers wherever they appear (`p`, Wagtail's page number in the admin;
`offset` and `limit`) must be plain integers a database column holds, or the answer is a 400.
Numbers and dates are then parsed with the helpers below (`bounded_int`, `SafeDateField`), which
refuse what a database column or `datetime` cannot hold instead of letting it overflow deep down.

Last, a safety net: an exception that only malformed input raises — an integer too large for
the database, a page number past the end, text where an id is expected (`Field 'id' expected a
number`), from any view, ours or Wagtail's — becomes the same French 400 (and a warning in the
log, with the traceback, so that the view can be fixed) rather than a 500.
"""

import logging
import re
from datetime import date

from django import forms
from django.core.paginator import InvalidPage
from django.http import HttpResponseBadRequest, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# C0 controls and DEL, except tab, line feed and carriage return (which a textarea may send).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What a form post may never hold: PostgreSQL refuses NUL in text.
NUL = "\x00"
# Cookies the site reads from its database or compares: a bad value is dropped, not refused.
GUARDED_COOKIES = ("sessionid", "csrftoken")
# The largest number a database column (signed 64-bit) holds.
BIGINT_MAX = 2**63 - 1
# Dates a person may give: beyond these, datetime arithmetic overflows (9999-12-31 + 1 day).
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2999, 12, 31)
# Parameters that are integers wherever the site or Wagtail reads them.
INTEGER_PARAMETERS = ("p", "offset", "limit")
# Django's message when a lookup on an integer field gets something else (TypeError/ValueError).
NOT_A_NUMBER = re.compile(r"^Field '\w+' expected a number but got ")

logger = logging.getLogger(__name__)

FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def has_control_characters(text):
    return isinstance(text, str) and CONTROL_CHARACTERS.search(text) is not None


def bounded_int(raw, *, default=None, minimum=0, maximum=BIGINT_MAX):
    """An integer from an untrusted string, or `default` when it is not a plain integer within
    [minimum, maximum] (so that it never overflows a database column or a slice)."""
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, str) and re.fullmatch(r"\s*-?[0-9]{1,19}\s*", raw):
        value = int(raw)
    else:
        return default
    return value if minimum <= value <= maximum else default


class SafeDateField(forms.DateField):
    """A date field that refuses, in French, dates a computation on them would overflow."""

    default_error_messages = {
        "out_of_range": gettext_lazy("Saisissez une date entre %(earliest)s et %(latest)s."),
    }

    def validate(self, value):
        super().validate(value)
        if value and not EARLIEST_DATE <= value <= LATEST_DATE:
            raise forms.ValidationError(
                self.error_messages["out_of_range"],
                code="out_of_range",
                params={"earliest": EARLIEST_DATE.year, "latest": LATEST_DATE.year},
            )


def _query_is_clean(request):
    for key, values in request.GET.lists():
        if has_control_characters(key) or any(has_control_characters(v) for v in values):
            return False
    return True


def _integers_are_clean(request):
    for name in INTEGER_PARAMETERS:
        for value in request.GET.getlist(name):
            if bounded_int(value) is None:
                return False
    return True


def caused_by_input(exception):
    """Whether only malformed input raises `exception` (see the module's docstring)."""
    if isinstance(exception, OverflowError | InvalidPage):
        return True
    return isinstance(exception, ValueError | TypeError) and bool(
        NOT_A_NUMBER.match(str(exception))
    )


def _post_is_clean(request):
    content_type = request.META.get("CONTENT_TYPE", "")
    if request.method != "POST" or not content_type.startswith(FORM_CONTENT_TYPES):
        return True
    for key, values in request.POST.lists():
        if NUL in key or any(NUL in value for value in values):
            return False
    return True


def bad_request(request, message):
    """The French 400 answer: JSON for the API, a page for everything else."""
    if request.path_info.startswith("/api/"):
        return JsonResponse({"message": message}, status=400)
    body = loader.render_to_string("400.html", {"message": message})
    return HttpResponseBadRequest(body)


class RejectControlCharactersMiddleware:
    """First in line (before sessions and the database): control characters in the path or the
    query string, a malformed integer parameter, NUL in a form post → 400; a session or CSRF
    cookie holding a control character is ignored; exceptions only bad input raises → 400."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name in GUARDED_COOKIES:
            if has_control_characters(request.COOKIES.get(name)):
                del request.COOKIES[name]
        if has_control_characters(request.path_info) or not _query_is_clean(request):
            return bad_request(
                request,
                _(
                    "Cette adresse contient des caractères de contrôle (invisibles) : "
                    "elle ne correspond à aucune page du site."
                ),
            )
        if not _integers_are_clean(request):
            return bad_request(
                request,
                _(
                    "Un paramètre de cette adresse (%(names)s) doit être un nombre entier "
                    "positif : elle ne correspond à aucune page du site."
                )
                % {"names": ", ".join(INTEGER_PARAMETERS)},
            )
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not caused_by_input(exception):
            return None
        logger.warning(
            "Malformed input answered 400 (%s: %s) at %s",
            type(exception).__name__,
            exception,
            request.path,
            exc_info=exception,
        )
        return bad_request(
            request,
            _(
                "Un paramètre de cette adresse n'est pas valide (un nombre trop grand ou qui "
                "n'en est pas un, une page qui n'existe pas) : vérifiez-la."
            ),
        )

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Form posts (the CSRF check parses them anyway, so the body is read once)."""
        if not _post_is_clean(request):
            return bad_request(
                request,
                _(
                    "Le formulaire envoyé contient un caractère nul, qu'aucun champ ne peut "
                    "contenir : rien n'a été enregistré."
                ),
            )
        return None
