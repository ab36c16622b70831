"""Static figures of the screening chapter: Debye lengths, the membrane's profile, surface charge.

Each function draws a new figure and returns it, so a chapter can show it and a
test can read the drawn data.
"""

import numpy as np

from widgets.constants import BODY_TEMPERATURE, VACUUM_PERMITTIVITY, kelvin_to_celsius
from widgets.figures.agg import new_figure
from widgets.figures.palette import (
    ANION_COLOUR,
    CATION_COLOUR,
    ION_COLOURS,
    MEMBRANE_COLOUR,
    MUTED_COLOUR,
    NEUTRAL_COLOUR,
)
from widgets.figures.screening import E_PER_NM2, NM
from widgets.formatting import MV_PER_V, format_number
from widgets.physics import (
    debye_length,
    gouy_chapman_potential,
    grahame_surface_potential_mixed,
    water_relative_permittivity,
)

DPI = 150  # book figures are drawn once: sharper than an explorer's live image


def plot_debye_lengths(fluids, T=BODY_TEMPERATURE, cell_radius=None):
    """Draw the Debye length against ionic strength, with real fluids marked.

    Parameters
    ----------
    fluids : dict of str to tuple
        Label -> (ionic strength in mol/m^3, temperature in K) of each fluid marked.
    T : float, optional
        Temperature in K of the drawn line (default 310.15 K); the permittivity of
        water follows it.
    cell_radius : float, optional
        A cell radius in m to draw as a horizontal guide.

    Returns
    -------
    matplotlib.figure.Figure
        Log-log axes: the line ``debye`` (mM, nm) and one point per fluid, each
        at its own temperature.
    """
    fig = new_figure(
        figsize=(6.4, 4.0),
        dpi=DPI,
        margins={"left": 0.13, "right": 0.97, "top": 0.96, "bottom": 0.13},
    )
    ax = fig.add_subplot()
    strength = np.logspace(-5, 3, 161)
    ax.loglog(
        strength,
        debye_length(strength, T, water_relative_permittivity(T)) / NM,
        color=NEUTRAL_COLOUR,
        label=f"line: {format_number(kelvin_to_celsius(T), 0)} °C; points: each fluid's own",
        gid="debye",
    )
    for group in _clusters(fluids):
        lines = []
        for label in group:
            ionic, T_fluid = fluids[label]
            length = debye_length(ionic, T_fluid, water_relative_permittivity(T_fluid)) / NM
            ax.plot([ionic], [length], "o", color=ION_COLOURS["K"], markersize=6, gid=label)
            lines.append(f"{label}: {_length_text(length)}")
        ax.annotate(
            "\n".join(lines),
            (ionic, length),
            xytext=(10, 6),
            textcoords="offset points",
            fontsize=8,
            va="bottom",
        )
    if cell_radius is not None:
        ax.axhline(cell_radius / NM, color=MUTED_COLOUR, linestyle="--", linewidth=1.0)
        ax.text(
            1.5e-5,
            cell_radius / NM / 1.6,
            f"radius of a cell body, {format_number(cell_radius * 1e6, 0)} µm",
            fontsize=8,
            color=MUTED_COLOUR,
        )
    ax.set_xlim(3e-6, 2e6)  # room on the right for the labels of the saltiest fluids
    ax.set_xlabel("ionic strength I (mM, log scale)")
    ax.set_ylabel(r"Debye length $\lambda_D$ (nm, log scale)")
    ax.grid(True, which="major", color="#e4e4e4", linewidth=0.6)
    ax.legend(loc="lower left", fontsize=8, frameon=False)
    return fig


def plot_membrane_profile(profile, half_width=5e-9):
    """Draw the potential and the ions' departure from their bulk across a membrane.

    Parameters
    ----------
    profile : widgets.physics.MembraneProfile
        A solution of :func:`widgets.physics.solve_membrane_pb`.
    half_width : float, optional
        Half-width of the view in m (default 5 nm).

    Returns
    -------
    matplotlib.figure.Figure
        Top: phi (mV) against x (nm). Bottom: cation and anion concentrations as
        percent above (or below) their own side's bulk value; lines ``phi``,
        ``cation``, ``anion``.
    """
    fig = new_figure(
        figsize=(6.4, 4.6),
        dpi=DPI,
        margins={"left": 0.14, "right": 0.97, "top": 0.93, "bottom": 0.11, "hspace": 0.12},
    )
    ax_phi, ax_ions = fig.subplots(2, 1, sharex=True)
    x_nm = profile.x / NM
    outer, inner = x_nm[profile.outer_index], x_nm[profile.inner_index]
    for ax in (ax_phi, ax_ions):
        ax.axvspan(outer, inner, color=MEMBRANE_COLOUR, alpha=0.25, lw=0)
        ax.grid(True, color="#e4e4e4", linewidth=0.6)
    ax_phi.plot(x_nm, profile.phi * MV_PER_V, color=NEUTRAL_COLOUR, linewidth=2, gid="phi")
    ax_phi.axhline(0.0, color=MUTED_COLOUR, linewidth=0.8)
    for x_face, length in ((outer, -profile.debye_length_out), (inner, profile.debye_length_in)):
        ax_phi.axvline(x_face + length / NM, color=MUTED_COLOUR, linestyle=":", linewidth=1.2)
    for x_mark, label, align in (
        (outer - profile.debye_length_out / NM, r"$\lambda_D$ ", "right"),
        (inner + profile.debye_length_in / NM, r" $\lambda_D$", "left"),
    ):
        ax_phi.text(x_mark, -10, label, ha=align, fontsize=10)
    bulk = np.where(np.arange(x_nm.size) <= profile.outer_index, profile.cation[0], np.nan)
    bulk[profile.inner_index :] = profile.cation[-1]
    for values, colour, style, name in (
        (profile.cation, CATION_COLOUR, "-", "cation"),
        (profile.anion, ANION_COLOUR, "--", "anion"),
    ):
        ax_ions.plot(
            x_nm,
            100 * (values / bulk - 1),
            color=colour,
            linestyle=style,
            linewidth=2,
            label=f"{name}s",
            gid=name,
        )
    ax_ions.axhline(0.0, color=MUTED_COLOUR, linewidth=0.8)
    ax_ions.legend(loc="upper right", fontsize=8, frameon=False)
    ax_phi.set_ylabel("potential φ (mV)")
    ax_ions.set_ylabel("difference from\nown bulk (%)")
    ax_ions.set_xlabel("position x (nm): bath ← membrane → cytosol")
    ax_ions.set_xlim(-half_width / NM, half_width / NM)
    ax_phi.text(0.0, 1.03, "bath (outside)", transform=ax_phi.transAxes, fontsize=9)
    ax_phi.text(1.0, 1.03, "cytosol (inside)", transform=ax_phi.transAxes, ha="right", fontsize=9)
    return fig


def plot_surface_charge(sigma, salt, calcium, T=BODY_TEMPERATURE, distance=3e-9):
    """Draw the diffuse layer of a charged face and how divalent cations screen it.

    Parameters
    ----------
    sigma : float
        Surface charge density of the face in C/m^2 (negative for anionic lipids).
    salt : float
        Concentration of the 1:1 salt in mol/m^3 (= mM).
    calcium : sequence of float
        Concentrations of a divalent cation (added as its chloride) in mol/m^3 to
        compare in the right panel.
    T : float, optional
        Temperature in K (default 310.15 K).
    distance : float, optional
        Distance from the face shown in the left panel, in m (default 3 nm).

    Returns
    -------
    matplotlib.figure.Figure
        Left: the Gouy-Chapman potential (line ``gouy_chapman``) and the linear
        Debye-Hueckel profile with the same charge (``debye_hueckel``) against
        distance from the face. Right: surface potential against surface charge
        density, one line per calcium concentration (``calcium <c>``), the chosen
        density marked.
    """
    fig = new_figure(
        figsize=(7.2, 3.4),
        dpi=DPI,
        margins={"left": 0.1, "right": 0.98, "top": 0.9, "bottom": 0.16, "wspace": 0.32},
    )
    ax_layer, ax_grahame = fig.subplots(1, 2)
    eps_r = water_relative_permittivity(T)
    lam = debye_length(salt, T, eps_r)
    psi0 = grahame_surface_potential_mixed(sigma, [salt, salt], [1, -1], T, eps_r)
    s = np.linspace(0.0, distance, 121)
    linear0 = sigma * lam / (eps_r * VACUUM_PERMITTIVITY)  # a capacitor one Debye length thick
    ax_layer.plot(
        s / NM,
        gouy_chapman_potential(s, psi0, salt, T, eps_r) * MV_PER_V,
        color=NEUTRAL_COLOUR,
        linewidth=2,
        label="Gouy–Chapman (exact)",
        gid="gouy_chapman",
    )
    ax_layer.plot(
        s / NM,
        linear0 * np.exp(-s / lam) * MV_PER_V,
        color=MUTED_COLOUR,
        linestyle="--",
        label="linear (Debye–Hückel)",
        gid="debye_hueckel",
    )
    ax_layer.axvline(lam / NM, color=MUTED_COLOUR, linestyle=":", linewidth=1.0)
    ax_layer.text(lam / NM, 0.0, r" $\lambda_D$", fontsize=9, va="top")
    ax_layer.set_xlabel("distance from the face (nm)")
    ax_layer.set_ylabel("potential ψ (mV)")
    ax_layer.set_title(f"{format_number(sigma / E_PER_NM2, 2)} e/nm² in {salt:g} mM", fontsize=9)
    ax_layer.legend(loc="lower right", fontsize=8, frameon=False)
    densities = np.linspace(-0.6, 0.0, 61) * E_PER_NM2
    for c_ca, style in zip(calcium, ("-", "--", ":"), strict=False):
        potentials = [
            grahame_surface_potential_mixed(d, [salt, c_ca, salt + 2 * c_ca], [1, 2, -1], T, eps_r)
            for d in densities
        ]
        ax_grahame.plot(
            densities / E_PER_NM2,
            np.array(potentials) * MV_PER_V,
            color=ION_COLOURS["Ca"],
            linestyle=style,
            label=f"{c_ca:g} mM Ca²⁺",
            gid=f"calcium {c_ca:g}",
        )
    ax_grahame.axvline(sigma / E_PER_NM2, color=MUTED_COLOUR, linewidth=0.8)
    ax_grahame.set_xlabel("surface charge density (e/nm²)")
    ax_grahame.set_ylabel("surface potential ψ₀ (mV)")
    ax_grahame.set_title(f"with {salt:g} mM NaCl", fontsize=9)
    ax_grahame.legend(loc="upper left", fontsize=8, frameon=False)
    for ax in (ax_layer, ax_grahame):
        ax.grid(True, color="#e4e4e4", linewidth=0.6)
    return fig


def _clusters(fluids):
    """Group fluid labels whose ionic strengths lie within a factor 2, weakest first."""
    ordered = sorted(fluids, key=lambda label: fluids[label][0])
    groups = [[ordered[0]]]
    for label in ordered[1:]:
        if fluids[label][0] < 2.0 * fluids[groups[-1][-1]][0]:
            groups[-1].append(label)
        else:
            groups.append([label])
    return groups


def _length_text(nm):
    return f"{format_number(nm / 1e3, 2)} µm" if nm >= 1e3 else f"{nm:.3g} nm"
