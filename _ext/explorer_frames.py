"""Explorers that respond on the static website: ask for their frames, store them as files.

Before any notebook runs, this sets ``widgets.explorers.site.SITE_FRAMES_ENV``, so
the kernels the build starts (they inherit the environment) display each explorer with
its precomputed frames (:func:`widgets.explorers.site.site_html`). The frames arrive as
data URIs inside the page; this extension writes each to ``_explorer_frames/`` in the
built site, named by its content, and points the page at the file. The page then shows
its first frame (kept inline, as the snapshot) while the others load, and a frame two
pages share is stored once.
"""

import base64
import hashlib
import json
import os
import re
from pathlib import Path

# widgets.explorers.site.SITE_FRAMES_ENV (tests/book checks they agree), written out so the
# build does not import matplotlib and the explorers just to read it.
SITE_FRAMES_ENV = "RESTING_POTENTIAL_SITE_FRAMES"
FRAMES_DIR = "_explorer_frames"
_DATA = re.compile(r'(<script type="application/json" class="rp-explorer-data">)(.*?)(</script>)')
_DATA_URI = re.compile(r"data:image/(\w+);base64,(.*)")


def _store_frames(app, pagename, templatename, context, doctree):
    body = context.get("body", "")
    if "rp-explorer-data" not in body:
        return
    out = Path(app.outdir) / FRAMES_DIR
    out.mkdir(exist_ok=True)
    prefix = "../" * pagename.count("/") + FRAMES_DIR + "/"

    def to_file(src):
        match = _DATA_URI.fullmatch(src)
        if match is None:
            return src
        data = base64.b64decode(match[2])
        name = f"{hashlib.sha256(data).hexdigest()[:20]}.{match[1]}"
        if not (out / name).exists():
            (out / name).write_bytes(data)
        return prefix + name

    def rewrite(match):
        data = json.loads(match[2])
        for frame in data["frames"].values():
            frame["src"] = to_file(frame["src"])
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
        return match[1] + text + match[3]

    context["body"] = _DATA.sub(rewrite, body)


def setup(app):
    """Ask the notebooks' kernels for explorer frames; register the page hook."""
    os.environ[SITE_FRAMES_ENV] = "1"
    app.connect("html-page-context", _store_frames)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
