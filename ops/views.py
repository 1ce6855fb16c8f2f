"""Error views that must work while the database is down."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

RETRY_AFTER_SECONDS = 30


def database_unavailable(exception):
    """Is this exception (or one it comes from) a lost or refused database connection?"""
    seen = set()
    while exception is not None and id(exception) not in seen:
        if isinstance(exception, OperationalError | InterfaceError):
            return True
        seen.add(id(exception))
        exception = exception.__cause__ or exception.__context__
    return False


def server_error(request, template_name="500.html"):
    """handler500: while the database cannot be reached, a French 503 page with Retry-After
    (a monitoring probe and a person both know to come back); any other error, Django's 500.

    Django calls it inside the `except` block of the failing request, so the exception is in
    `sys.exc_info()`, wherever it was raised (a view, a middleware, a template)."""
    if database_unavailable(sys.exc_info()[1]):
        body = loader.get_template("503.html").render()
        response = HttpResponse(body, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return defaults.server_error(request, template_name)
