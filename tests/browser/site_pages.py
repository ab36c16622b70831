"""Visit one page of the built site in Chromium and record what a reader gets.

A :class:`Visit` holds the observations (requests that failed, console errors, math,
images, links, form controls, accessibility violations, colours in dark mode);
``test_site.py`` asserts on them, one check per test.
"""

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from io import BytesIO
from urllib.parse import unquote, urlsplit

import harness
from axe_playwright_python.sync_playwright import Axe
from explorer_catalog import toc_pages
from PIL import Image

# Sphinx's own pages, built besides the table of contents.
GENERATED_PAGES = ["genindex", "search"]
# Requests allowed to fail: Chromium asks every server for a favicon; the book has none.
ALLOWED_FAILED_REQUESTS = ["/favicon.ico"]
# Console noise that does not change what a reader sees (shared/TOOLCHAIN.md, pitfall 11).
# Entries are substrings of the message.
ALLOWED_CONSOLE_ERRORS = [
    # sphinx-thebe's config script is included twice by Jupyter Book; the second `let` throws.
    "Identifier 'THEBE_JS_URL' has already been declared",
    # pydata-sphinx-theme on a first visit (nothing in localStorage yet) falls back to "auto".
    "Got invalid theme mode",
    # The console echo of a failed request: the request checks judge those, with their URL.
    "Failed to load resource",
]
# Text that only appears when MathJax left TeX unrendered.
RAW_TEX = ["$$", "\\(", "\\)", "\\[", "\\]", "\\begin{", "\\frac"]
DARK_MODE = "localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');"
VIEWPORT = {"width": 1280, "height": 900}

# The page's own content, written ARTICLE in the scripts below: the article of a book page,
# the main area of the search page.
_ARTICLE_JS = "(document.querySelector('.bd-article') || document.querySelector('main'))"

_FACTS_JS = """([rawTex]) => {
    const article = ARTICLE;
    const prose = article.cloneNode(true);
    prose.querySelectorAll('pre, code, script, style, mjx-container').forEach(e => e.remove());
    const maths = [...article.querySelectorAll('.math')];
    return {
        theme: document.documentElement.dataset.theme || null,
        rawTex: rawTex.filter(t => prose.textContent.includes(t)),
        mathCount: maths.length,
        mathUnrendered: maths.filter(m => !m.querySelector('mjx-container'))
            .map(m => m.textContent.slice(0, 80)),
        mathErrors: [...document.querySelectorAll('mjx-merror')].map(e => e.textContent),
        images: [...document.images].map(i => ({
            src: i.currentSrc.slice(0, 80), alt: i.getAttribute('alt'), width: i.naturalWidth})),
        links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
        // Controls of an explorer's view (.rp-explorer) are live: test_site_explorers.py
        // moves each one. Any other control in a cell output would do nothing here.
        controls: [...article.querySelectorAll(
            '.cell_output :is(input, select, textarea, [role=slider]), .jupyter-widgets')]
            .filter(e => !e.closest('.rp-explorer'))
            .map(e => e.outerHTML.slice(0, 120)),
        ids: [...document.querySelectorAll('[id]')].map(e => e.id),
        searchButtons: [...document.querySelectorAll('.search-button__button')]
            .filter(e => e.offsetParent !== null).length,
    };
}""".replace("ARTICLE", _ARTICLE_JS)

# Body text and the background actually behind it: the element's own background colour and
# those of its ancestors, innermost first, composited in Python.
_TEXT_COLOURS_JS = """() => {
    const selector = ':is(p, li, td, th, dt, dd, figcaption, h1, h2, h3)';
    const backgrounds = el => {
        const out = [];
        for (let e = el; e; e = e.parentElement) out.push(getComputedStyle(e).backgroundColor);
        return out;
    };
    return [...ARTICLE.querySelectorAll(selector)]
        .filter(e => e.offsetWidth > 0 && e.innerText.trim())
        .map(e => ({text: e.innerText.trim().slice(0, 50), color: getComputedStyle(e).color,
                    backgrounds: backgrounds(e)}));
}""".replace("ARTICLE", _ARTICLE_JS)

# The box of each figure image's own pixels (inside padding and border).
# Marks each shown figure image with data-rp-figure="<index>" and returns where its picture
# starts inside the element (after padding and border), for an element screenshot.
_FIGURE_BOXES_JS = """() => [...ARTICLE.querySelectorAll('img')]
    .filter(i => i.naturalWidth > 0 && i.offsetWidth > 0)
    .map((i, index) => {
        i.dataset.rpFigure = index;
        const s = getComputedStyle(i), px = name => parseFloat(s[name]) || 0;
        return {alt: (i.alt || '').slice(0, 40), index: index,
                left: px('paddingLeft') + px('borderLeftWidth'),
                top: px('paddingTop') + px('borderTopWidth')};
    })""".replace("ARTICLE", _ARTICLE_JS)


def content_pages():
    """Return every page the site should have, as paths without ``.html``: toc order first."""
    return toc_pages() + GENERATED_PAGES


@dataclass
class Visit:
    """What one page showed in one colour mode."""

    page: str
    dark: bool
    failed_requests: list = field(default_factory=list)  # "404 url" or "url (error)"
    console_errors: list = field(default_factory=list)
    blocked: list = field(default_factory=list)  # requests to other hosts, aborted
    facts: dict = field(default_factory=dict)  # from _FACTS_JS
    axe_violations: list = field(default_factory=list)
    text_colours: list = field(default_factory=list)  # dark mode: from _TEXT_COLOURS_JS
    figure_corners: list = field(default_factory=list)  # dark mode: (alt, (r, g, b))
    screenshot: object = None


def visit(browser, base_url, page, dark=False):
    """Load ``page`` (e.g. ``"chapters/nernst"``) and record a :class:`Visit`."""
    context, offline = harness.offline_context(
        browser, viewport=VIEWPORT, color_scheme="dark" if dark else "light"
    )
    if dark:
        context.add_init_script(DARK_MODE)  # what the theme's switch stores
    record = Visit(page, dark, blocked=offline.blocked)
    tab = context.new_page()
    _listen(tab, record)
    try:
        tab.goto(f"{base_url}{page}.html", wait_until="networkidle")
        _wait_for_mathjax(tab)
        _load_every_image(tab)
        record.facts = tab.evaluate(_FACTS_JS, [RAW_TEX])
        if dark:
            record.text_colours = tab.evaluate(_TEXT_COLOURS_JS)
            record.figure_corners = _figure_corners(tab)
            options = {"runOnly": {"type": "rule", "values": ["color-contrast"]}}
        else:
            options = {}
        # preload=False: axe would re-fetch stylesheets and resolve their @import URLs against
        # the page instead of the sheet, requesting a /basic.css that no reader asks for.
        options.update(preload=False, resultTypes=["violations"])
        record.axe_violations = Axe().run(tab, options=options)
        record.axe_violations = record.axe_violations.response["violations"]
        mode = "dark" if dark else "light"
        record.screenshot = harness.screenshot(tab, f"site-{page.replace('/', '-')}-{mode}")
    finally:
        context.close()
    return record


def _listen(tab, record):
    def on_response(response):
        if response.status >= 400 and not _allowed_request(response.url):
            record.failed_requests.append(f"{response.status} {response.url}")

    def on_failed(request):
        if urlsplit(request.url).hostname in harness.LOCAL_HOSTS:  # others: in `blocked`
            if not _allowed_request(request.url):
                record.failed_requests.append(f"{request.url} ({request.failure})")

    def on_error(text):
        if not allowed_console(text):
            record.console_errors.append(text)

    tab.on("response", on_response)
    tab.on("requestfailed", on_failed)
    tab.on("console", lambda message: message.type == "error" and on_error(message.text))
    tab.on("pageerror", lambda error: on_error(f"uncaught: {error}"))


def _allowed_request(url):
    return urlsplit(url).path in ALLOWED_FAILED_REQUESTS


def allowed_console(text):
    return any(allowed in text for allowed in ALLOWED_CONSOLE_ERRORS)


def _wait_for_mathjax(tab):
    # MathJax 3 loads deferred; startup.promise resolves once the page is typeset.
    tab.evaluate(
        "() => window.MathJax && MathJax.startup && MathJax.startup.promise"
        " ? MathJax.startup.promise.then(() => true) : false"
    )


def _load_every_image(tab):
    # Lazy images below the fold would report naturalWidth 0 without being broken.
    tab.evaluate(
        """() => Promise.all([...document.images].map(i => {
            i.loading = 'eager';
            return i.decode().catch(() => null);
        }))"""
    )


def _figure_corners(tab):
    """Return (alt, RGB) of the top-left pixels of each figure image as painted."""
    corners = []
    for box in tab.evaluate(_FIGURE_BOXES_JS):
        # An element screenshot scrolls the image into view and waits for layout to settle;
        # a clip of the full page measured earlier can land beside a figure that moved.
        png = tab.locator(f'img[data-rp-figure="{box["index"]}"]').screenshot()
        corner = (round(box["left"]) + 2, round(box["top"]) + 2)
        pixel = Image.open(BytesIO(png)).convert("RGB").getpixel(corner)
        corners.append((box["alt"], pixel))
    return corners


# --- checks on recorded facts -----------------------------------------------------------------


def broken_links(site_dir, page, hrefs, page_ids):
    """Return the internal links of ``page`` whose file or anchor does not exist."""
    broken = []
    for href in hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not (parts.path or parts.fragment):
            continue  # external (not followed here), mailto:, javascript:, or a bare "#"
        own_file = f"{page}.html"
        target = own_file
        if parts.path:
            target = posixpath.join(posixpath.dirname(own_file), unquote(parts.path))
            target = posixpath.normpath(target)
        path = site_dir / target
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            broken.append(f"{href}: no file {target}")
            continue
        anchor = unquote(parts.fragment)
        ids = page_ids if target == own_file else _static_ids(path)
        if anchor and anchor not in ids:
            broken.append(f"{href}: no element with id {anchor!r} in {target}")
    return broken


class _IdCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for name, value in attrs if name == "id" and value)


def _static_ids(path):
    collector = _IdCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.ids


def contrast_ratio(foreground, backgrounds):
    """Return the WCAG contrast of CSS colour ``foreground`` over stacked ``backgrounds``.

    Parameters
    ----------
    foreground : str
        Computed ``color``, ``"rgb(...)"`` or ``"rgba(...)"``.
    backgrounds : list of str
        Computed ``background-color`` of the element and its ancestors, innermost
        first; the page is assumed to sit on white where all are transparent.
    """
    base = (255.0, 255.0, 255.0)
    for colour in reversed(backgrounds):
        base = _over(_rgba(colour), base)
    text = _over(_rgba(foreground), base)
    lighter, darker = sorted((_luminance(text), _luminance(base)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _rgba(css):
    if not css.startswith("rgb"):
        raise ValueError(f"cannot read CSS colour {css!r}: expected rgb() or rgba()")
    values = [float(v) for v in css[css.index("(") + 1 : -1].replace("/", ",").split(",")]
    return (*values[:3], values[3] if len(values) == 4 else 1.0)


def _over(rgba, base):
    *rgb, alpha = rgba
    return tuple(alpha * c + (1 - alpha) * b for c, b in zip(rgb, base, strict=True))


def _luminance(rgb):
    def linear(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
