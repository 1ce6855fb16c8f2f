"""A search read by the pages other than /rechercher/ (feeds, exports): in the engines' reading
transaction (none on SQLite, see engines.reading) and, when the engine cannot answer, a short
French 503 rather than an error page."""

from django.db import DatabaseError
from django.http import HttpResponse
from django.utils.translation import gettext as _

from . import engines
from .engines.base import EngineUnavailable


class SearchUnavailable(Exception):
    """The engine could not answer; `response` is what the visitor gets."""

    def __init__(self):
        super().__init__("search unavailable")
        self.response = HttpResponse(
            _("La recherche est momentanément indisponible. Réessayez dans quelques minutes."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )


def read(query):
    """The engine's results for `query`, or SearchUnavailable."""
    try:
        with engines.reading():
            return engines.search(query)
    except (DatabaseError, EngineUnavailable) as error:
        raise SearchUnavailable() from error
