"""Controls that several explorers share: logarithmic sliders and the temperature slider."""

import ipywidgets as widgets

from widgets.constants import kelvin_to_celsius

TEMPERATURE_RANGE = (0.0, 45.0)  # degC: ice water to fever


def log_slider(value, decades, description, tooltip, style, width, readout_format=".4"):
    """Return a base-10 ``FloatLogSlider`` over ``decades`` that keeps the value it is given.

    Parameters
    ----------
    value : float
        Starting value, in the slider's unit.
    decades : tuple of int
        Powers of ten of the ends of the track, e.g. ``(-1, 3)`` for 0.1 to 1000.
    description, tooltip : str
        The label (ending with the unit in parentheses) and the hover text.
    style : dict
        ipywidgets style, e.g. ``{"description_width": "14em"}``.
    width : str
        CSS width of the whole control, e.g. ``"40em"``.
    readout_format : str, optional
        d3 format of the number beside the track (default ``".4"``, whose default type
        trims zeros: "5" and "1000", not "5.00" and "1.00e+3").

    Returns
    -------
    ipywidgets.FloatLogSlider

    Examples
    --------
    >>> log_slider(5.0, (-1, 3), "[K⁺] outside (mM)", "", {}, "40em").value
    5.0
    """
    return widgets.FloatLogSlider(
        value=value,
        base=10.0,
        min=decades[0],
        max=decades[1],
        # No step: the browser snaps a value to the step grid and sends it back, which
        # would turn a preset's 5 mM into 5.01 mM the moment the slider is shown. Arrow
        # keys then move in coarse steps; an exact value is typed into the readout.
        step=None,
        readout_format=readout_format,
        description=description,
        tooltip=tooltip,
        style=style,
        layout=widgets.Layout(width=width, max_width="100%"),  # narrow pages shrink it
    )


def temperature_slider(value, style, width):
    """Return the temperature slider in degC over :data:`TEMPERATURE_RANGE`.

    Parameters
    ----------
    value : float
        Starting temperature in degC.
    style : dict
        ipywidgets style.
    width : str
        CSS width of the control.

    Returns
    -------
    ipywidgets.FloatSlider

    Examples
    --------
    >>> temperature_slider(37.0, {}, "36em").description
    'Temperature (°C)'
    """
    return widgets.FloatSlider(
        value=value,
        min=TEMPERATURE_RANGE[0],
        max=TEMPERATURE_RANGE[1],
        step=0.1,
        readout_format=".1f",
        description="Temperature (°C)",
        tooltip="Temperature in degrees Celsius",
        style=style,
        layout=widgets.Layout(width=width),
    )


def preset_celsius(T):
    """Return a preset's temperature in degC as its slider shows it.

    Parameters
    ----------
    T : float
        Absolute temperature in K.

    Returns
    -------
    float
        Temperature in degC, rounded to 0.01 degC.

    Examples
    --------
    >>> preset_celsius(310.15)  # 310.15 - 273.15 is 36.99999999999997 in floating point
    37.0
    """
    return round(kelvin_to_celsius(T), 2)
