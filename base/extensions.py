"""Extension points of base pages for the apps above `base` (see the layers in the README).

A base page lists its resources (`ressources`, assembled by `portal`) and offers a feed and a
« Suivre » button (`veille`), but `base` may not import those apps. The page model declares its
routes and asks for its context; the apps that own the views register them with Wagtail hooks:

- `base_page_route_views`: a function returning {route name: view(request, page, *args)};
- `<model>_context` (e.g. `base_page_context`): a function (page, request) → dict.
"""

from django.http import Http404
from wagtail import hooks


def serve_route(name, request, page, *args):
    """Serve the sub-page `name` of `page` with the view an upper app registered, else 404."""
    for views in hooks.get_hooks("base_page_route_views"):
        view = views().get(name)
        if view is not None:
            return view(request, page, *args)
    raise Http404


def page_context(hook_name, page, request):
    """The context that the upper apps add to `page` (each registered function's dict)."""
    context = {}
    for provider in hooks.get_hooks(hook_name):
        context.update(provider(page, request))
    return context
