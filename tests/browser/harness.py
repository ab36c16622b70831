"""Machinery shared by the browser tests and ``benchmarks/bench_browser.py``.

Chromium is Debian's (``/usr/bin/chromium``), driven by Playwright; Playwright's own
browser download is never used (shared/TOOLCHAIN.md, pitfall 12). Every browser
context here is offline: requests to any host but this machine are aborted and
recorded, so a page that needs the internet is caught instead of half-working.
"""

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from repo_tools import BIN, JUPYTER_ENV, ROOT, copy_repository  # noqa: F401 - re-exported

CHROMIUM = Path(os.environ.get("RP_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # Chromium refuses to start as root with its sandbox on
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
LOCAL_SCHEMES = {"file", "data", "blob"}

# --- the static site ------------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass  # one line per request would drown pytest's output


@contextmanager
def serve(directory):
    """Serve ``directory`` over HTTP on 127.0.0.1, a free port; yield the base URL."""
    handler = partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


# --- the browser ----------------------------------------------------------------------------


def chromium_missing_reason():
    """Return why Chromium cannot run here, or None if it can."""
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)"
    return None


@contextmanager
def chromium():
    """Yield a Playwright Browser: Debian's Chromium, headless."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


class Offline:
    """A route handler that lets requests to this machine through and aborts the rest.

    Local means a loopback host, or a file, data or blob URL. ``blocked`` lists the URLs
    aborted, in order.
    """

    def __init__(self):
        self.blocked = []

    def __call__(self, route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.hostname in LOCAL_HOSTS or parts.scheme in LOCAL_SCHEMES:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("blockedbyclient")


def offline_context(browser, **options):
    """Return ``(context, offline)``: a new browser context whose outside requests are aborted."""
    context = browser.new_context(**options)
    offline = Offline()
    context.route("**/*", offline)
    return context, offline


def screenshot(page, name):
    """Save a full-page PNG of ``page`` as ``artifacts/screenshots/<name>.png``; return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    # From the top and with nothing focused: a scrolled page paints its sticky header (and a
    # focused "skip to content" link) in the middle of a full-page shot.
    page.evaluate("window.scrollTo(0, 0); document.activeElement?.blur()")
    page.screenshot(path=str(path), full_page=True)
    return path


# --- JupyterLab -----------------------------------------------------------------------------

# Settings every test server starts with. Autosave off: a test must never write outputs back
# into a notebook (TOOLCHAIN pitfall 10). No news or update checks: they reach the internet.
# Windowing off: every cell stays in the DOM, so tests can read cells out of view.
LAB_OVERRIDES = {
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}


# The server settings of `make lab` and Binder (TCP_NODELAY on kernel websockets).
SERVER_CONFIG = ROOT / ".jupyter" / "jupyter_server_config.json"


def free_port():
    """Return a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class JupyterLab:
    """A running JupyterLab server: ``url`` (ends in ``/``), ``token``, ``root_dir``."""

    def __init__(self, url, token, root_dir):
        self.url, self.token, self.root_dir = url, token, root_dir

    def tree_url(self, path):
        """Return the URL that opens ``path`` (relative to the root) alone in JupyterLab.

        ``reset`` starts from an empty workspace, so tabs opened by an earlier page of the
        same server are not restored beside it.
        """
        return f"{self.url}lab/tree/{path}?reset&token={self.token}"

    def api(self, endpoint):
        """Return the decoded JSON of ``GET /api/<endpoint>``."""
        request = urllib.request.Request(
            f"{self.url}api/{endpoint}", headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.load(response)


@contextmanager
def jupyterlab(root_dir, startup_timeout=90, server_config=SERVER_CONFIG):
    """Run JupyterLab on ``root_dir`` (127.0.0.1, a free port, a random token); yield it.

    Its settings, workspaces and config live in a temporary folder, so nothing of the
    user's JupyterLab leaks in and nothing is written outside it, except the project's
    server settings ``server_config`` (None: jupyter_server's defaults). The server is
    stopped with SIGTERM, which also shuts its kernels down.
    """
    with tempfile.TemporaryDirectory(prefix="rp-lab-") as tmp:
        tmp = Path(tmp)
        (tmp / "app-settings").mkdir()
        (tmp / "app-settings" / "overrides.json").write_text(json.dumps(LAB_OVERRIDES))
        port, token = free_port(), secrets.token_hex(16)
        command = [
            str(BIN / "jupyter"),
            "lab",
            "--no-browser",
            "--allow-root",
            "--ip=127.0.0.1",
            f"--port={port}",
            "--port-retries=0",
            f"--IdentityProvider.token={token}",
            "--ServerApp.open_browser=False",
            f"--ServerApp.root_dir={root_dir}",
            f"--LabApp.app_settings_dir={tmp / 'app-settings'}",
            f"--LabApp.user_settings_dir={tmp / 'user-settings'}",
            f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
        ]
        if server_config is not None:
            command.append(f"--config={server_config}")
        env = {**os.environ, **JUPYTER_ENV, "JUPYTER_CONFIG_DIR": str(tmp / "config")}
        with open(tmp / "server.log", "w+") as log:
            process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
            try:
                lab = JupyterLab(f"http://127.0.0.1:{port}/", token, Path(root_dir))
                _wait_until_answering(lab, process, log, startup_timeout)
                yield lab
            finally:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _wait_until_answering(lab, process, log, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            tail = log.read()[-4000:]
            raise RuntimeError(f"JupyterLab exited with {process.returncode}:\n{tail}")
        try:
            lab.api("status")
            return
        except OSError:
            time.sleep(0.25)
    log.seek(0)
    raise RuntimeError(f"JupyterLab did not answer in {timeout} s:\n{log.read()[-4000:]}")


# --- driving a notebook in JupyterLab -------------------------------------------------------

# The kernel status in the status bar, e.g. "Python 3 (ipykernel) | Idle".
IDLE = re.compile(r"\| Idle$")
NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"  # the notebook on show
CODE_PROMPTS = f"{NOTEBOOK} .jp-CodeCell .jp-InputArea-prompt"


def open_notebook(page, lab, path, timeout=60_000):
    """Open ``path`` in JupyterLab and wait until its kernel is idle."""
    page.goto(lab.tree_url(path))
    page.locator(f"{NOTEBOOK} .jp-Cell").first.wait_for(timeout=timeout)
    wait_for_idle_kernel(page, timeout)


def wait_for_idle_kernel(page, timeout=60_000):
    """Wait until the status bar says the kernel is idle."""
    page.locator("#jp-main-statusbar").get_by_text(IDLE).wait_for(timeout=timeout)


def run_all_cells(page, timeout=180_000):
    """Run > Run All Cells, then wait until every code cell has run and the kernel is idle."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    page.wait_for_function(
        """selector => {
            const prompts = [...document.querySelectorAll(selector)];
            const ran = p => /^\\[\\d+\\]:$/.test(p.textContent.trim());
            return prompts.length > 0 && prompts.every(ran);
        }""",
        arg=CODE_PROMPTS,
        timeout=timeout,
    )
    wait_for_idle_kernel(page, timeout)


def code_cell(page, index):
    """Return the locator of the ``index``-th code cell (0-based) of the open notebook."""
    return page.locator(f"{NOTEBOOK} .jp-CodeCell").nth(index)


def prompt_number(cell):
    """Return the execution count shown by a code cell, or None if it has not run."""
    match = re.fullmatch(r"\[(\d+)\]:", cell.locator(".jp-InputArea-prompt").inner_text().strip())
    return int(match[1]) if match else None


def execute_cell(page, cell, timeout=60_000):
    """Select ``cell``, press Shift+Enter and wait until it shows a new execution count."""
    before = prompt_number(cell)
    cell.locator(".jp-InputArea-prompt").click()  # command mode, this cell selected
    page.keyboard.press("Shift+Enter")
    handle = cell.element_handle()
    page.wait_for_function(
        """([cell, before]) => {
            const m = cell.querySelector('.jp-InputArea-prompt').textContent.trim()
                .match(/^\\[(\\d+)\\]:$/);
            return m !== null && Number(m[1]) !== before;
        }""",
        arg=[handle, before],
        timeout=timeout,
    )
    wait_for_idle_kernel(page, timeout)


# --- the explorers' views ------------------------------------------------------------------

NERNST_CHAPTER = "chapters/nernst.ipynb"


class ExplorerView:
    """One explorer's view (``widgets/explorers/view.js``) on a page of the site or in JupyterLab.

    The view is a ``.rp-explorer`` group: native controls (range inputs with
    ``aria-valuetext`` and ``data-value``, selects, number boxes, radio buttons, a Reset
    button), the figure on a ``canvas`` whose ``aria-label`` is the figure's alt text,
    a ``[role=status]`` readout and the description in a ``<details>``.

    Parameters
    ----------
    page : playwright.sync_api.Page
        The page.
    index : int
        Which explorer, in page order.
    scope : str
        A CSS selector the explorers are searched in (e.g. the notebook on show).
    """

    def __init__(self, page, index=0, scope=""):
        self.page = page
        self.root = page.locator(f"{scope} .rp-explorer".strip()).nth(index)
        self.status = self.root.locator(".rp-status")
        self.figure = self.root.locator("canvas.rp-figure")
        self.sliders = self.root.locator("input[type=range]")
        self.focusables = self.root.locator("input, select, button, summary")

    @classmethod
    def in_notebook(cls, page, index=0):
        """Return explorer ``index`` of the notebook on show in JupyterLab, scrolled to."""
        view = cls(page, index, scope=NOTEBOOK)
        view.root.scroll_into_view_if_needed()
        return view

    def readout(self):
        """Return the readout's text with its white space folded."""
        return " ".join(self.status.inner_text().split())

    def slider(self, label):
        """Return the slider whose accessible name is ``label``."""
        return self.root.get_by_role("slider", name=label)

    def slider_value(self, label):
        """Return the value the slider ``label`` holds (its ``data-value``)."""
        return json.loads(self.slider(label).get_attribute("data-value"))

    def wait_until_settled(self, timeout_ms=30_000):
        """Wait until every value sent is answered and its figure painted."""
        self.root.evaluate(
            """(root, timeout) => new Promise((resolve, reject) => {
                const start = performance.now();
                const poll = () => {
                    if (root.rpView && root.rpView.settled) return resolve();
                    if (performance.now() - start > timeout) return reject(new Error('unsettled'));
                    setTimeout(poll, 5);
                };
                poll();
            })""",
            timeout_ms,
        )

    def state(self):
        """Return what the view shows: readout, alt text, figure and each control's value."""
        return self.root.evaluate(
            """root => ({
                status: root.querySelector('.rp-status').textContent,
                alt: root.querySelector('canvas.rp-figure').getAttribute('aria-label'),
                // The frame's URL on the site; in JupyterLab, a count of figures received.
                image: typeof root.rpView.image === 'string' ? root.rpView.image
                    : root.rpView.generation,
                values: Object.fromEntries([...root.querySelectorAll('[data-value]')]
                    .map(e => [e.getAttribute('aria-label')
                        || root.querySelector(`label[for="${e.id}"]`)?.textContent || e.id,
                        JSON.parse(e.dataset.value)])),
            })"""
        )

    def press(self, control, key):
        """Focus ``control``, press ``key``, wait for the new figure; return key-to-paint in ms.

        None if the key changed nothing (e.g. an arrow at the end of a slider).
        """
        control.focus()
        before = self.root.evaluate("root => root.rpView.timings.length")
        control.press(key)
        self.wait_until_settled()
        return self.root.evaluate(
            """(root, before) => {
                const timings = root.rpView.timings;
                return timings.length > before ? timings[timings.length - 1].painted
                    - timings[timings.length - 1].key : null;
            }""",
            before,
        )

    def phases(self):
        """Return the phases of every value answered so far, in ms (see ``PHASES_JS``)."""
        return self.root.evaluate(PHASES_JS)


# Where the time of each answered value went: in the page (key to message sent), the
# trip to the kernel, the kernel's work (applying the values, rendering the PNG), the trip
# back, decoding the PNG and the frame that paints it. Kernel and page clocks are both
# the machine's, in ms since the epoch.
PHASES_JS = """root => root.rpView.timings.map(t => ({
    total: t.painted - t.key,
    page: t.sent - t.key,
    to_kernel: t.ack.received === undefined ? null : t.ack.received - t.sent,
    kernel: t.ack.sent === undefined ? null : t.ack.sent - t.ack.received,
    apply: t.ack.apply_ms ?? null,
    render_png: t.ack.png_ms ?? null,
    to_page: t.ack.sent === undefined ? null : t.answered - t.ack.sent,
    decode: t.decoded - t.answered,
    paint: t.painted - t.decoded,
    sent: t.sent,
}))"""
