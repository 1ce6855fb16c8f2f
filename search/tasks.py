"""Background work of the search index (django-tasks; run at commit with the immediate backend)."""

from django_tasks import task


@task()
def drain_pending_updates():
    """Send the pending index updates to every configured engine (search.lifecycle.drain)."""
    from .lifecycle import drain

    report = drain(after_commit=True)
    return {name: {"sent": r["sent"], "pending": r["pending"]} for name, r in report.items()}
