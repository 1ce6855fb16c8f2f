"""301 from the addresses of La Base and Les Bases to the imported pages (legacy.redirects).

Acts on 404 answers to GET and HEAD only, like Wagtail's own redirects, so it never hides a
page of this site."""

from django.http import HttpResponsePermanentRedirect

from .redirects import page_stands_at, target


class LegacyRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        path = request.path
        if not path.startswith(("/base/", "/bases/", "/ressource", "/collections/")):
            return response
        url = target(path, request.GET)
        if not url or url.split("?")[0] == path or page_stands_at(request, path):
            return response
        return HttpResponsePermanentRedirect(url)
