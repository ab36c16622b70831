"""Label bibliography entries "Author, Year", matching the author-year citations in the text.

sphinxcontrib-bibtex cites as "[Hille, 2001]" with ``bibtex_reference_style:
author_year`` but labels the list with alpha keys ("[Hil01]") unless the pybtex
style says otherwise; this registers a style, ``authoryear``, that does.
"""

from pybtex.plugin import register_plugin
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle


def _surname(person):
    return " ".join(person.last_names).replace("{", "").replace("}", "")


def _authors(entry):
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [_surname(person) for person in people]
    if not names:
        return entry.key
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} et al."


class AuthorYearLabels(BaseLabelStyle):
    """Labels such as "Hille, 2001"; a suffix a, b, ... separates labels that repeat."""

    def format_labels(self, sorted_entries):
        """Yield one label per entry, in the order given."""
        labels = [f"{_authors(e)}, {e.fields.get('year', 'n.d.')}" for e in sorted_entries]
        repeats = {}
        for label in labels:
            if labels.count(label) > 1:
                repeats[label] = repeats.get(label, 0) + 1
                label += "abcdefghijklmnopqrstuvwxyz"[repeats[label] - 1]
            yield label


class AuthorYearStyle(PlainStyle):
    """The ``plain`` style (sorted by author, year, title) with author-year labels."""

    default_label_style = "authoryear"


register_plugin("pybtex.style.labels", "authoryear", AuthorYearLabels)
register_plugin("pybtex.style.formatting", "authoryear", AuthorYearStyle)


def setup(app):
    """Nothing to connect: importing registers the pybtex plugins."""
    return {"parallel_read_safe": True, "parallel_write_safe": True}
