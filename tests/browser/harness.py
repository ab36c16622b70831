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

    ``blocked`` lists the URLs aborted, in order.
    """

    def __init__(self):
        self.blocked = []

    def __call__(self, route):
        url = route.request.url
        if urlsplit(url).hostname in LOCAL_HOSTS:
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
def jupyterlab(root_dir, startup_timeout=90):
    """Run JupyterLab on ``root_dir`` (127.0.0.1, a free port, a random token); yield it.

    Its settings, workspaces and config live in a temporary folder, so nothing of the
    user's JupyterLab leaks in and nothing is written outside it. The server is stopped
    with SIGTERM, which also shuts its kernels down.
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


# --- the explorers' widget views ------------------------------------------------------------

NERNST_CHAPTER = "chapters/nernst.ipynb"
NERNST_C_OUT = "[K⁺] outside (mM)"  # the label of the Nernst explorer's c_out slider


class ExplorerView:
    """Locators of one explorer's widget view in JupyterLab, found by a slider's label.

    ipywidgets 8 draws a slider as ``.widget-slider`` with a ``label.widget-label``, a
    noUiSlider handle (``.noUi-handle``, ``role=slider``, keyboard-operable, its exact
    value in ``aria-valuetext``) and a ``.widget-readout``. The explorer's readout is
    its ``[role=status]`` element, its figure the ``img.widget-image``.
    """

    def __init__(self, page, slider_label):
        label = page.locator("label.widget-label", has_text=slider_label)
        self.slider = page.locator(".widget-slider", has=label).first
        self.box = page.locator(".widget-vbox", has=self.slider).last  # the innermost box
        self.handle = self.slider.locator(".noUi-handle")
        self.readout = self.box.locator("[role=status]").first
        self.image = self.box.locator("img.widget-image")

    def slider_value(self, label):
        """Return the exact value of this explorer's slider ``label`` (log slider: exponent)."""
        label = self.box.page.locator("label", has_text=label)
        slider = self.box.locator(".widget-slider", has=label)
        return float(slider.locator(".noUi-handle").get_attribute("aria-valuetext"))

    def press(self, key, timeout_ms=30_000):
        """Press ``key`` on the focused slider handle; return ms until the new figure is painted.

        The clock starts in the page at the key's ``keydown`` and stops at the first
        animation frame after the image with a new ``src`` has loaded.
        """
        self.handle.focus()
        self.image.evaluate(_ARM_TIMER_JS, timeout_ms)
        self.handle.press(key)
        return self.image.evaluate("img => img._rpFigureShown")


# Stores on the image a promise of the time from the next keydown anywhere in
# the page to the first frame painted after the image's new src has loaded.
_ARM_TIMER_JS = """(img, timeoutMs) => {
    img._rpFigureShown = new Promise((resolve, reject) => {
        setTimeout(() => reject(new Error(`no new figure ${timeoutMs} ms after the key press`)),
                   timeoutMs);
        let pressed;
        document.addEventListener('keydown', () => { pressed = performance.now(); },
                                  {capture: true, once: true});
        const oldSrc = img.src;
        const watcher = new MutationObserver(() => {
            if (img.src === oldSrc) return;
            watcher.disconnect();
            // 'load' fires (as a task) even for an image decoded at once, so it is not missed.
            img.addEventListener('load', () => requestAnimationFrame(
                () => resolve(performance.now() - pressed)), {once: true});
        });
        watcher.observe(img, {attributes: true, attributeFilter: ['src']});
    });
}"""
