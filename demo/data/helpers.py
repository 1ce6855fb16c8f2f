"""Small constructors that keep the demo content readable.

Body blocks are written in the StreamField's raw form (`{"type": …, "value": …}`), except images
and files, which carry a `spec` that `load_demo` turns into a Wagtail image or document first.
"""


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def text(html):
    return {"type": "paragraph", "value": html}


def callout(html, title="", kind="info"):
    return {"type": "callout", "value": {"title": title, "text": html, "kind": kind}}


def link(url, title, description=""):
    return {"type": "link", "value": {"url": url, "title": title, "description": description}}


def video(url, title, transcript=""):
    return {"type": "video", "value": {"video": url, "title": title, "transcript": transcript}}


def image(spec, alt, caption="", credit=""):
    """An image block; `spec` says how images.render() draws it (key, title, kind…)."""
    return {"type": "image", "spec": spec, "alt_text": alt, "caption": caption, "credit": credit}


def document(spec, title="", description=""):
    """A download block; `spec` says how documents.render() builds the file."""
    return {"type": "document", "spec": spec, "title": title, "description": description}


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def ol(*items):
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def a(url, label):
    return f'<a href="{url}">{label}</a>'


def org(name, role, slug=None):
    """A credit to an organisation (linked to its record when `slug` is given)."""
    return {"kind": "organisation", "name": name, "role": role, "organisation": slug}


def person(name, role, organisation=None, user=None):
    """A credit to a (pseudonymised) person, optionally linked to their account."""
    return {
        "kind": "person",
        "name": name,
        "role": role,
        "organisation": organisation,
        "user": user,
    }
