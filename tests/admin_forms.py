"""Post a Wagtail admin edit form back as the browser would, from its rendered HTML.

Plain fields, inline formsets and choosers are read from the form's inputs (as
`wagtail.test.utils.form_data.querydict_from_html` does, minus the empty-form <template>s and
with multiple selects left empty when nothing is selected). StreamFields are drawn by
JavaScript from the JSON state in `data-w-block-arguments-value`; `stream_post_data` turns that
state into the inputs the JavaScript would have created (`body-count`, `body-0-type`,
`body-0-value-alt_text`…).
"""

import json

from bs4 import BeautifulSoup
from django.http import QueryDict
from wagtail import blocks


def stream_post_data(block, state, prefix, data):
    """Add to `data` what the StreamField widget posts for `state` under `prefix`."""
    if isinstance(block, blocks.StreamBlock):
        data[f"{prefix}-count"] = str(len(state))
        for index, child in enumerate(state):
            data[f"{prefix}-{index}-type"] = child["type"]
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = str(index)
            data[f"{prefix}-{index}-id"] = child.get("id") or ""
            child_block = block.child_blocks[child["type"]]
            stream_post_data(child_block, child["value"], f"{prefix}-{index}-value", data)
    elif isinstance(block, blocks.ListBlock):
        data[f"{prefix}-count"] = str(len(state))
        for index, child in enumerate(state):
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = str(index)
            data[f"{prefix}-{index}-id"] = child.get("id") or ""
            stream_post_data(block.child_block, child["value"], f"{prefix}-{index}-value", data)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            stream_post_data(child_block, state.get(name), f"{prefix}-{name}", data)
    elif isinstance(block, blocks.StaticBlock):
        pass
    elif isinstance(block, blocks.BooleanBlock):
        if state:
            data[prefix] = "on"
    elif isinstance(state, dict):  # choosers: {"id": …, "title": …, "preview": …}
        data[prefix] = "" if state.get("id") is None else str(state["id"])
    elif isinstance(state, list):  # select widgets format their value as a list
        data.setlist(prefix, [str(item) for item in state])
    else:
        data[prefix] = "" if state is None else str(state)


def edit_form_post_data(html, page_class, form_id="page-edit-form"):
    """The POST data of the admin form in `html`, as the browser would send it unchanged."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", attrs={"id": form_id})
    if form is None:
        raise ValueError(f"No form with id {form_id!r}.")
    for template in form.find_all("template"):
        template.decompose()  # InlinePanel's empty form, not posted
    data = QueryDict(mutable=True)
    for field in form.find_all("input"):
        name, kind = field.get("name"), field.get("type", "text")
        if not name or name == "csrfmiddlewaretoken" or kind in ("submit", "button", "file"):
            continue
        if kind in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.appendlist(name, field.get("value", "on"))
        else:
            data.appendlist(name, field.get("value", ""))
    for textarea in form.find_all("textarea"):
        if textarea.get("name"):
            # The HTML parser keeps the newline that follows <textarea>; browsers drop it.
            text = textarea.get_text()
            data[textarea["name"]] = text[1:] if text.startswith("\n") else text
    for select in form.find_all("select"):
        name = select.get("name")
        if not name:
            continue
        chosen = [
            option.get("value", option.get_text())
            for option in select.find_all("option")
            if option.has_attr("selected")
        ]
        if not chosen and not select.has_attr("multiple"):
            first = select.find("option")
            chosen = [first.get("value", first.get_text())] if first else []
        data.setlist(name, chosen)
    for widget in form.find_all("div", attrs={"data-w-block-arguments-value": True}):
        name = widget["id"]
        state = json.loads(widget["data-w-block-arguments-value"])[0]
        block = page_class._meta.get_field(name).stream_block
        stream_post_data(block, state, name, data)
    return data


def form_errors(html):
    """The error messages of a rendered admin form, to say why a save was refused."""
    soup = BeautifulSoup(html, "html.parser")
    messages = [
        " ".join(node.get_text(" ").split())
        for node in soup.select(
            ".error-message, .w-field__errors, .help-critical, .messages .error"
        )
    ]
    for widget in soup.find_all("div", attrs={"data-w-block-arguments-value": True}):
        errors = json.loads(widget["data-w-block-arguments-value"])[1]
        if errors:
            messages.append(f"{widget['id']}: {json.dumps(errors, ensure_ascii=False)}")
    return [message for message in messages if message]
