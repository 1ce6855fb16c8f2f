// The Wagtail admin's edit form remembers the revision it was loaded from (`loaded_revision_id`,
// `loaded_revision_created_at`), and the server refuses a form whose revision is no longer the
// latest (ressources/admin_conflicts.py). Wagtail 8 autosaves the form as a draft revision but
// only remembers that revision for its next autosave; once this editing session has autosaved,
// its own revision is the one it was "loaded from". Without this, every publication after an
// autosave looked like someone else's work and was refused.
document.addEventListener("w-autosave:success", (event) => {
  const data = event.detail && (event.detail.data || event.detail.response);
  const form = event.target.closest ? event.target.closest("form") : null;
  if (!data || !data.revision_id || !form) return;
  const loadedId = form.querySelector("input[name='loaded_revision_id']");
  const loadedAt = form.querySelector("input[name='loaded_revision_created_at']");
  if (loadedId) loadedId.value = `${data.revision_id}`;
  if (loadedAt && data.revision_created_at) loadedAt.value = data.revision_created_at;
});
