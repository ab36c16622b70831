"""What a learner waits for in JupyterLab: slider key press to the new figure on screen.

Starts JupyterLab on a copy of the repository, runs the Nernst chapter in Chromium,
then presses ArrowLeft/ArrowRight on the explorer's "[K+] outside" slider. Each time
is measured in the page, from ``keydown`` to the first frame painted after the new PNG
has loaded: the kernel round trip, the update, the Agg render and the browser's decode.
"""

import sys
import tempfile
from pathlib import Path

import numpy as np
from timing import report

TESTS = Path(__file__).resolve().parents[1] / "tests"
sys.path[:0] = [str(TESTS), str(TESTS / "browser")]
import harness  # noqa: E402 - found through the lines above

PRESSES = 20
WARMUP = 2
TARGET_MS = 100  # a response within about 0.1 s feels immediate


def main():
    reason = harness.chromium_missing_reason()
    if reason:
        print(f"skipped: {reason}")
        return
    with tempfile.TemporaryDirectory(prefix="rp-bench-") as tmp:
        root = harness.copy_repository(Path(tmp))
        with harness.jupyterlab(root) as lab, harness.chromium() as browser:
            durations = _time_key_presses(browser, lab)
    report("JupyterLab: slider key press -> new figure shown", durations, TARGET_MS)


def _time_key_presses(browser, lab):
    context, _ = harness.offline_context(browser, viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        harness.open_notebook(page, lab, harness.NERNST_CHAPTER)
        harness.run_all_cells(page)
        view = harness.ExplorerView(page, harness.NERNST_C_OUT)
        view.box.scroll_into_view_if_needed()
        keys = ["ArrowRight", "ArrowLeft"] * ((WARMUP + PRESSES + 1) // 2)
        durations = [view.press(key) for key in keys[: WARMUP + PRESSES]]
    finally:
        context.close()
    return np.array(durations[WARMUP:])


if __name__ == "__main__":
    main()
