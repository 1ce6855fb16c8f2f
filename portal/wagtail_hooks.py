"""The bases directory's listing, provided to base.BasesIndexPage (see base.extensions)."""

from wagtail import hooks

from .page_context import bases_index_context


@hooks.register("bases_index_page_context")
def directory_context(page, request):
    return bases_index_context(page, request)
