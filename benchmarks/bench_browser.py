"""What a learner waits for: a key press or a drag to the new figure on screen.

JupyterLab: starts JupyterLab on a copy of the repository, runs each chapter with
explorers in Chromium, presses ArrowRight/ArrowLeft on each explorer's first slider, then
drags that slider for a few seconds. With the project's server settings (TCP_NODELAY on
kernel websockets, as ``make lab`` and Binder), and the Nernst explorer once more with
jupyter_server's defaults.
The view (``widgets/explorers/view.js``) times every value the kernel answers: key down,
message sent, received and answered by the kernel (which also times applying the values
and rendering the PNG), answer received, PNG decoded, and the first animation frame after
the figure is drawn. Page and kernel share this machine's clock.

Static site: builds the book, then on every page with explorers presses keys on each
explorer's live controls; prints the weight each explorer adds to its page, its number
of frames and the time from key press to the new frame painted.
"""

import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from timing import report

TESTS = Path(__file__).resolve().parents[1] / "tests"
sys.path[:0] = [str(TESTS), str(TESTS / "browser")]
import harness  # noqa: E402 - found through the lines above
from explorer_catalog import notebook_explorers  # noqa: E402
from repo_tools import build_book  # noqa: E402

PRESSES = 20
WARMUP = 2
DRAG_SECONDS = 3.0
DRAG_HZ = 60  # pointer moves per second, as a mouse reports them
LAB_TARGET_MS = 50  # issue 17: key press to painted figure in JupyterLab
DRAG_TARGET_HZ = 30  # issue 17: figures per second while dragging
STATIC_TARGET_MS = 16.7  # issue 14: one 60 Hz frame on the static site
PAGE_BUDGET_MB = 1.0  # issue 14: what one explorer may add to its page
PHASES = ("page", "to_kernel", "apply", "render_png", "kernel", "to_page", "decode", "paint")


def main():
    reason = harness.chromium_missing_reason()
    if reason:
        print(f"skipped: {reason}")
        return
    chapters = [cell for cell in notebook_explorers() if cell.page.startswith("chapters/")]
    with harness.chromium() as browser:
        for label, config, cells in (
            ("TCP_NODELAY", harness.SERVER_CONFIG, chapters),
            ("server defaults", None, [c for c in chapters if c.factory == "nernst_explorer"]),
        ):
            with tempfile.TemporaryDirectory(prefix="rp-bench-") as tmp:
                root = harness.copy_repository(Path(tmp))
                with harness.jupyterlab(root, server_config=config) as lab:
                    for notebook in dict.fromkeys(cell.notebook for cell in cells):
                        _lab_rows(browser, lab, label, notebook, cells)
        _static_rows(browser)


def _lab_rows(browser, lab, label, notebook, cells):
    """Key presses and a drag on the first slider of each explorer of ``notebook``."""
    context, _ = harness.offline_context(browser, viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        harness.open_notebook(page, lab, notebook)
        harness.run_all_cells(page)
        for index, cell in enumerate(c for c in cells if c.notebook == notebook):
            view = harness.ExplorerView(page, index, scope=harness.NOTEBOOK)
            view.root.scroll_into_view_if_needed()
            slider = view.root.locator("input[type=range]:not(:disabled)").first
            name = f"{cell.factory}{cell.args or ''} {slider.get_attribute('aria-label')}"
            print(f"  JupyterLab ({label}), {name}:")
            keys = ["ArrowRight", "ArrowLeft"] * ((WARMUP + PRESSES + 1) // 2)
            durations = [view.press(slider, key) for key in keys[: WARMUP + PRESSES]]
            phases = view.phases()[WARMUP:]
            measured = [d for d in durations[WARMUP:] if d is not None]
            report("    key press -> figure painted", measured, LAB_TARGET_MS)
            _print_phases(phases)
            _drag(page, view, slider)
    finally:
        context.close()


def _print_phases(phases):
    medians = {name: np.median([p[name] for p in phases if p[name] is not None]) for name in PHASES}
    parts = ", ".join(f"{name} {medians[name]:.1f}" for name in PHASES)
    print(f"    phases, median ms: {parts}")
    print("    (kernel = apply + render_png + the widget messages around them)")


def _drag(page, view, slider):
    """Sweep the slider with the mouse at DRAG_HZ; print figures painted per second and lag."""
    box = slider.bounding_box()
    y = box["y"] + box["height"] / 2
    xs = box["x"] + box["width"] * (0.5 + 0.35 * np.sin(np.linspace(0, 4 * np.pi, 400)))
    before = len(view.phases())
    page.mouse.move(xs[0], y)
    page.mouse.down()
    start = time.perf_counter()
    for x in xs:
        if time.perf_counter() - start > DRAG_SECONDS:
            break
        page.mouse.move(float(x), y)
        time.sleep(max(0.0, 1 / DRAG_HZ - 0.002))
    elapsed = time.perf_counter() - start
    page.mouse.up()
    view.wait_until_settled()
    dragged = view.phases()[before:]
    rate = len(dragged) / elapsed
    lags = [p["total"] - p["page"] for p in dragged]  # from the value sent to its figure painted
    print(
        f"{'    drag: figures painted per second':<58s} {rate:8.1f} /s   "
        f"(target >= {DRAG_TARGET_HZ} /s; a slider that simulates sends on release only)"
    )
    report("    drag: value sent -> its figure painted", lags)


def _static_rows(browser):
    with tempfile.TemporaryDirectory(prefix="rp-bench-site-") as tmp:
        build = build_book(Path(tmp))
        if build.returncode != 0:
            print(f"book build failed:\n{build.log[-3000:]}")
            return
        cells = notebook_explorers()
        with harness.serve(build.html) as url:
            for page in dict.fromkeys(cell.page for cell in cells):
                _static_page_rows(browser, url, build.html, page)


def _static_page_rows(browser, url, site, page):
    context, _ = harness.offline_context(browser, viewport={"width": 1280, "height": 900})
    try:
        tab = context.new_page()
        tab.goto(f"{url}{page}.html", wait_until="networkidle")
        html = (site / f"{page}.html").read_text(encoding="utf-8")
        blocks = re.findall(r'<div class="rp-explorer-site".*?</script></div>', html, flags=re.S)
        for index, block in enumerate(blocks):
            view = harness.ExplorerView(tab, index)
            view.root.scroll_into_view_if_needed()
            sources = set(re.findall(r'"src":"([^"]+)"', block))
            weight = len(block.encode()) + sum(
                (site / page).parent.joinpath(s).stat().st_size for s in sources
            )
            durations = []
            for control, keys in (
                ("input[type=range]", ("ArrowRight", "ArrowLeft")),
                ("select", ("ArrowDown", "ArrowUp")),
            ):
                for element in view.root.locator(control).all():
                    presses = [view.press(element, keys[i % 2]) for i in range(PRESSES)]
                    durations += [d for d in presses if d is not None]
            print(
                f"{'site ' + page + f' explorer {index + 1}: weight, frames':<58s} "
                f"{weight / 1e6:8.2f} MB  {len(sources):4d} frames  "
                f"(budget <= {PAGE_BUDGET_MB:g} MB)"
            )
            report(
                f"site {page} explorer {index + 1}: key press -> frame painted",
                durations,
                STATIC_TARGET_MS,
            )
    finally:
        context.close()


if __name__ == "__main__":
    main()
