"""The Content-Security-Policy of CONTENT_SECURITY_POLICY, with one exception: the Wagtail and
Django admins write `style` attributes in their markup, and Wagtail's chooser widgets (licence,
organisation, images, documents, pages) start with an inline `<script>` (wagtail.admin.widgets.
chooser: `new SnippetChooser(…)`), so admin pages may use inline styles and scripts. Without
them « Choisir licence » does nothing (tests/test_admin_editing_browser.py). Public pages keep
the strict policy."""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_UPDATE = {"style-src": ["'unsafe-inline'"], "script-src": ["'unsafe-inline'"]}


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIXES) and parts.update is None:
            parts.update = ADMIN_UPDATE
        return parts
