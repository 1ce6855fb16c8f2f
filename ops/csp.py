"""The Content-Security-Policy of CONTENT_SECURITY_POLICY, with one exception: the Wagtail and
Django admins write `style` attributes in their markup, so their pages may use inline styles
(never inline scripts)."""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_UPDATE = {"style-src": ["'unsafe-inline'"]}


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIXES) and parts.update is None:
            parts.update = ADMIN_UPDATE
        return parts
