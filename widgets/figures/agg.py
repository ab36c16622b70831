"""Render matplotlib figures to PNG bytes with Agg, fast enough to follow a slider.

Explorers show their figure as a PNG inside an ``ipywidgets.Image``: it shows on
the static site, leaks nothing into cell outputs and updates quickly
(``TOOLCHAIN.md``, pitfall 7). Figures are built directly from
:class:`matplotlib.figure.Figure` with their own Agg canvas, so pyplot never holds
them: no figure manager, nothing shown twice, nothing to close. Margins are fixed;
a layout engine would cost about 45 ms per draw.

Drawing the axes, ticks and labels costs most of a redraw (about 30 ms for a
log-scaled axes on the reference machine), so :class:`AggRenderer` draws them once
and afterwards only repaints the artists that change ("blitting"), keeping one
background per static state the figure returns to (an ion, a set of axis limits).
"""

import struct
import zlib

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

FIGSIZE = (6.4, 3.6)  # in; at DPI this is 640 x 360 px, one CSS pixel per dot
DPI = 100  # dots per inch
MARGINS = {"left": 0.11, "right": 0.97, "bottom": 0.15, "top": 0.86}  # fractions of the figure
# zlib level 1 encodes about twice as fast as level 6 for ~10 % more bytes. Rows are stored
# unfiltered: a figure is mostly flat colour, which zlib packs as well as PNG's filters let it
# (35 kB a frame either way), and skipping the filter search (Pillow's) halves the time again.
PNG_COMPRESS_LEVEL = 1
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Backgrounds an AggRenderer keeps, one per static state: each is the whole canvas
# (0.9 MB at 640 x 360 px); eight hold every ion of the Nernst explorer and then some.
MAX_BACKGROUNDS = 8


def new_figure(figsize=FIGSIZE, dpi=DPI, margins=None):
    """Return a white Figure with its own Agg canvas and fixed margins, unknown to pyplot.

    Parameters
    ----------
    figsize : tuple of float, optional
        Width and height in inches (default 6.4 x 3.6 in).
    dpi : float, optional
        Resolution in dots per inch (default 100).
    margins : dict, optional
        Keyword arguments of :meth:`~matplotlib.figure.Figure.subplots_adjust`, as
        fractions of the figure (default :data:`MARGINS`).

    Returns
    -------
    matplotlib.figure.Figure
        An empty figure; white, so the PNG stays readable on a dark page.

    Examples
    --------
    >>> fig = new_figure()
    >>> type(fig.canvas).__name__, fig.canvas.get_width_height()
    ('FigureCanvasAgg', (640, 360))
    """
    fig = Figure(figsize=figsize, dpi=dpi, facecolor="white")
    FigureCanvasAgg(fig)  # attaches itself as fig.canvas
    fig.subplots_adjust(**(MARGINS if margins is None else margins))
    return fig


def render_png(fig):
    """Draw every artist of ``fig`` and return the image as PNG bytes.

    For a figure drawn once. A figure redrawn at every slider move should use an
    :class:`AggRenderer`, which skips the unchanged background.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        Any figure; it is drawn at its own dpi.

    Returns
    -------
    bytes
        An RGB PNG image.

    Examples
    --------
    >>> render_png(new_figure())[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)  # e.g. a pyplot figure of another backend
    fig.canvas.draw()  # everything but the animated artists
    animated = fig.findobj(lambda artist: artist.get_animated())
    _paint(fig, animated)
    return _encode(fig.canvas)


class AggRenderer:
    """Render one figure to PNG, redrawing its static part only when it changed.

    The ``dynamic`` artists are marked animated: a full draw leaves them out, the
    result (the background) is kept, and each :meth:`png` call restores it and paints
    the dynamic artists on top. Changing any other artist (data, text, limits,
    visibility) marks the figure stale, and the next call redraws the background.
    Keep dynamic artists above the others (``zorder``), as they are painted last.

    A figure that switches between a few static states (an ion's legend and
    colours, two sets of axis limits) can name them with ``state``: a background is
    then kept per state, and returning to a state seen before restores its
    background instead of drawing it again. At most :data:`MAX_BACKGROUNDS` are
    kept, the least recently used dropped first.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        A figure with an Agg canvas, e.g. from :func:`new_figure`.
    dynamic : sequence of matplotlib.artist.Artist
        The artists that change at every update (curves, markers, readouts).
    state : callable, optional
        Returns a hashable value that determines every static artist: whatever the
        figure changes outside ``dynamic`` must change this value too. Default: one
        state, so a stale figure is always redrawn.

    Notes
    -----
    A stale figure whose state did not change has changed in a way ``state`` does
    not capture: it is redrawn, and every kept background is dropped, as each may
    lack that change.

    Examples
    --------
    >>> fig = new_figure()
    >>> ax = fig.add_subplot()
    >>> (line,) = ax.plot([0, 1], [0, 1])
    >>> renderer = AggRenderer(fig, [line], state=ax.get_ylim)
    >>> first = renderer.png()  # draws and keeps the background
    >>> line.set_ydata([1, 0])  # a dynamic artist: the background is reused
    >>> renderer.png() == render_png(fig)
    True
    >>> first_limits = ax.get_ylim()
    >>> _ = ax.set_ylim(0, 2)  # a new state: drawn, then kept beside the first
    >>> second = renderer.png()
    >>> _ = ax.set_ylim(first_limits)  # back to the first state: its background is restored
    >>> renderer.png() == render_png(fig)
    True
    """

    def __init__(self, fig, dynamic, state=None):
        self.fig = fig
        self.dynamic = tuple(dynamic)
        for artist in self.dynamic:
            artist.set_animated(True)  # changing it no longer marks the figure stale
        self._state = state if state is not None else lambda: None
        self._backgrounds = {}  # key -> background, least recently used first
        self._key = None  # key of the background on the canvas

    def png(self):
        """Return the current figure as PNG bytes (RGB).

        Returns
        -------
        bytes
            The PNG image, identical to a full redraw of the figure.
        """
        canvas = self.fig.canvas
        # The canvas size is part of the key: a background fits only its own size.
        key = (self._state(), canvas.get_width_height(physical=True))
        if self.fig.stale and key == self._key:
            self._backgrounds.clear()  # an uncaptured change: every background may lack it
        background = self._backgrounds.pop(key, None)
        if background is None:
            canvas.draw()  # everything but the animated artists
            background = canvas.copy_from_bbox(self.fig.bbox)
        else:
            canvas.restore_region(background)
            self.fig.stale = False  # the canvas shows this state again
        self._backgrounds[key] = background  # (re)inserted last: the most recently used
        while len(self._backgrounds) > MAX_BACKGROUNDS:
            del self._backgrounds[next(iter(self._backgrounds))]
        self._key = key
        _paint(self.fig, self.dynamic)
        return _encode(canvas)


def _paint(fig, artists):
    # A canvas draw skips animated artists: paint them on top, lowest zorder first.
    for artist in sorted(artists, key=lambda artist: artist.get_zorder()):
        fig.draw_artist(artist)


def _encode(canvas):
    """Return the canvas as an RGB PNG: rows unfiltered, zlib level 1 (PNG_COMPRESS_LEVEL)."""
    rgba = np.asarray(canvas.buffer_rgba())
    height, width = rgba.shape[:2]
    # Each row: filter type 0 (none), then its pixels. The figure is opaque white, so the
    # alpha channel carries nothing: drop it.
    rows = np.zeros((height, 1 + 3 * width), np.uint8)
    rows[:, 1:] = rgba[:, :, :3].reshape(height, 3 * width)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"".join(
        (
            PNG_SIGNATURE,
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", zlib.compress(rows.tobytes(), PNG_COMPRESS_LEVEL)),
            _chunk(b"IEND", b""),
        )
    )


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
