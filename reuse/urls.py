"""Full public addresses of this app (included at the root by config/urls.py)."""

urlpatterns = []
