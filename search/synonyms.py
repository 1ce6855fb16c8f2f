"""Synonym groups of the sector: search/synonyms.txt plus those added in the admin."""

from pathlib import Path

from .normalise import normalise

SYNONYMS_FILE = Path(__file__).with_name("synonyms.txt")


def groups():
    """Each group as the list of its members, as written (file first, then the admin's)."""
    from .models import Synonym

    lines = [
        line
        for line in SYNONYMS_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    lines += list(Synonym.objects.values_list("terms", flat=True))
    result = []
    for line in lines:
        members = [member.strip() for member in line.split(",") if member.strip()]
        if len(members) > 1:
            result.append(members)
    return result


def solr_lines():
    """The groups in the format of Elasticsearch's synonym_graph filter."""
    return [", ".join(group) for group in groups()]


def expansions():
    """normalised member → normalised members of its groups (itself included)."""
    table = {}
    for group in groups():
        normalised = [normalise(member) for member in group]
        normalised = [member for member in dict.fromkeys(normalised) if member]
        for member in normalised:
            table.setdefault(member, [])
            for other in normalised:
                if other not in table[member]:
                    table[member].append(other)
    return table
