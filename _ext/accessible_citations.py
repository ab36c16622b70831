"""Give the bibliography valid ARIA roles.

docutils wraps the entries in ``role="list"`` but gives each entry the deprecated
role ``doc-biblioentry``, which is not a list item: axe-core reports it as
"aria-required-children" (critical). Each entry becomes a ``listitem``.
"""


def _fix_roles(app, pagename, templatename, context, doctree):
    body = context.get("body", "")
    if 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app):
    """Register the page hook with Sphinx."""
    app.connect("html-page-context", _fix_roles)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
