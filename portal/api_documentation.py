"""The French documentation page of the API (/documentation-api/), read from the OpenAPI
description itself (portal.openapi), so that the page and the document say the same thing."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

TYPE_LABELS = {
    "string": "texte",
    "integer": "entier",
    "boolean": "booléen (true ou false)",
    "array": "liste",
    "object": "objet",
    "null": "null",
}
FORMAT_LABELS = {"date": "date AAAA-MM-JJ", "date-time": "date et heure ISO 8601", "uri": "adresse"}


def inline(text):
    """`code` and **bold** of the description's Markdown, the rest escaped."""
    html = escape(text)
    html = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html)
    html = re.sub(r"`(.+?)`", r"<code>\1</code>", html)
    return mark_safe(html)


def blocks(text):
    """Paragraphs and bullet lists of the description's Markdown, as HTML."""
    html = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = chunk.splitlines()
        if lines[0].startswith("- "):
            items = []
            for line in lines:
                if line.startswith("- "):
                    items.append(line[2:])
                else:
                    items[-1] += " " + line.strip()
            html.append("<ul>" + "".join(f"<li>{inline(item)}</li>" for item in items) + "</ul>")
        else:
            html.append(f"<p>{inline(' '.join(line.strip() for line in lines))}</p>")
    return mark_safe("".join(html))


def type_label(schema, schemas):
    """What a value is, in French (« liste de Terme », « texte ou null »)."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    for key in ("allOf", "oneOf"):
        if key in schema:
            return " ou ".join(type_label(part, schemas) for part in schema[key])
    kinds = schema.get("type")
    if kinds is None:
        return "valeur"
    labels = []
    for kind in kinds if isinstance(kinds, list) else [kinds]:
        if kind == "array":
            labels.append(f"liste de {type_label(schema.get('items', {}), schemas)}")
        elif kind == "string" and schema.get("format") in FORMAT_LABELS:
            labels.append(FORMAT_LABELS[schema["format"]])
        else:
            labels.append(TYPE_LABELS.get(kind, kind))
    return " ou ".join(labels)


# Longer lists of values (the 101 departments) are left to the parameter's description.
MAX_LISTED_VALUES = 20


def parameter_type_label(parameter, schemas):
    """A repeatable parameter is « texte, répétable », not « liste de texte »."""
    schema = parameter["schema"]
    if schema.get("type") == "array":
        return type_label(schema["items"], schemas) + ", répétable"
    return type_label(schema, schemas)


def values_label(schema):
    enum = schema.get("enum") or schema.get("items", {}).get("enum")
    if enum and len(enum) <= MAX_LISTED_VALUES:
        return ", ".join(str(value) for value in enum)
    return ""


def _example(example):
    if isinstance(example, list):
        return example[0] if example else None
    return example


def _fields(properties, schemas, prefix=""):
    """Rows of the fields table; the meta object's fields as « meta.html_url »."""
    for name, field in properties.items():
        if name == "meta" and "properties" in field:
            yield from _fields(field["properties"], schemas, prefix="meta.")
            continue
        yield {
            "name": prefix + name,
            "type": type_label(field, schemas),
            "description": inline(field.get("description", "")),
        }


def page_context(document):
    """What the template shows: the introduction, then each endpoint with its parameters,
    the fields of its objects and its two addresses."""
    server = document["servers"][0]["url"]
    schemas = document["components"]["schemas"]
    sections = []
    for tag in document["tags"]:
        operations = [
            (path, operation["get"])
            for path, operation in document["paths"].items()
            if operation["get"]["tags"] == [tag["name"]]
        ]
        (listing_path, listing), (detail_path, _detail) = operations
        schema_name = listing["responses"]["200"]["content"]["application/json"]["schema"][
            "properties"
        ]["items"]["items"]["$ref"].rsplit("/", 1)[-1]
        properties = schemas[schema_name]["properties"]
        sections.append(
            {
                "id": "api-" + listing_path.strip("/"),
                "title": tag["name"],
                "description": inline(listing["description"].split("\n\n")[0]),
                "defaults": inline(listing["description"].split("\n\n")[-1]),
                "listing_url": server + listing_path,
                "detail_url": server + detail_path,
                "example_url": server + listing_path + "?limit=2",
                "parameters": [
                    {
                        "name": parameter["name"],
                        "description": inline(parameter["description"]),
                        "type": parameter_type_label(parameter, schemas),
                        "values": values_label(parameter["schema"]),
                        "example": _example(parameter.get("example")),
                    }
                    for parameter in listing["parameters"]
                ],
                "schema_name": schema_name,
                "fields": list(_fields(properties, schemas)),
            }
        )
    return {
        "info": document["info"],
        "openapi_version": document["openapi"],
        "introduction": blocks(document["info"]["description"]),
        "server": server,
        "sections": sections,
    }
