"""The health endpoint (/sante/, django-health-check): database, cache, storage, search engine.

Answers 200 when every part works, 500 otherwise, with one line per part (`?format=json` or
`Accept: application/json` for a monitoring probe) so that an operator sees which one is down."""

import dataclasses

from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


@dataclasses.dataclass
class SearchEngine(HealthCheck):
    """The engine that answers searches (search.engines): Elasticsearch when configured,
    else the database's full-text index. Reads its status, writes nothing."""

    def run(self):
        from django.db import Error as DatabaseError

        from search.engines import get_engine
        from search.engines.base import EngineUnavailable

        engine = get_engine()
        try:
            engine.status()
        except EngineUnavailable as error:
            raise ServiceUnavailable(f"moteur {engine.name} injoignable") from error
        except DatabaseError as error:
            raise ServiceUnavailable(
                f"moteur {engine.name} : base de données injoignable"
            ) from error


class HealthView(HealthCheckView):
    """Operators' page; its HTML form carries an inline stylesheet, allowed here only."""

    checks = (
        "health_check.checks.Database",
        "health_check.checks.Cache",
        "health_check.checks.Storage",
        SearchEngine,
    )

    async def dispatch(self, request, *args, **kwargs):
        response = await super().dispatch(request, *args, **kwargs)
        response._csp_update = {"style-src": ["'unsafe-inline'"]}
        return response
