"""Measured numbers the applications chapter sets its models beside, each with its source.

Values are in the units the sources report (mmol/L = mM for plasma K⁺, percent for
shares); the ``references.bib`` key of each is in the comment.
"""

# Classes of hyperkalaemia by serum K⁺ in mmol/L (= mM), lower bound inclusive, upper
# bound exclusive (lott2021, section on hyperkalaemia): above 5.5 mmol/L is hyperkalaemia.
HYPERKALAEMIA_CLASSES = (
    ("mild", 5.5, 6.0),  # 5.5-5.9 mmol/L
    ("moderate", 6.0, 6.5),  # 6.0-6.4 mmol/L
    ("severe", 6.5, float("inf")),  # 6.5 mmol/L and above
)

# Complete ischaemia of the cat cortex for one hour (hossmann1977, abstract).
ISCHAEMIA_K_OUT = (3.3, 56.0)  # mEq/L = mM, extracellular K⁺ before and during
ISCHAEMIA_NA_OUT = (133.0, 53.0)  # mEq/L = mM, subarachnoid Na⁺ before and during
ISCHAEMIA_ECS_PERCENT = (18.9, 8.5)  # vol %, extracellular space before and during

# Sustained-release fampridine (4-aminopyridine) in multiple sclerosis (goodman2009).
FAMPRIDINE_RESPONDERS = (78, 224)  # timed-walk responders on the drug, of the patients
PLACEBO_RESPONDERS = (6, 72)  # on placebo
RESPONDER_SPEEDUP_PERCENT = 25.2  # faster walking of responders on the drug

# E. coli's machines that the proton-motive force drives.
FLAGELLAR_PROTONS_PER_TURN = 1200  # about 1200 protons per revolution (meister1987)
ATP_SYNTHASE_C_SUBUNITS = 10  # c subunits in the ring, one proton each per turn (jiang2001)


def hyperkalaemia_class(k_plasma):
    """Return the class of a serum K⁺ concentration: "", "mild", "moderate" or "severe".

    Parameters
    ----------
    k_plasma : float
        Serum K⁺ in mmol/L (= mM).

    Returns
    -------
    str
        ``""`` below 5.5 mmol/L, otherwise the class of :data:`HYPERKALAEMIA_CLASSES`.

    Raises
    ------
    ValueError
        If ``k_plasma`` is not a positive number.

    Examples
    --------
    >>> hyperkalaemia_class(5.4), hyperkalaemia_class(6.2), hyperkalaemia_class(8.0)
    ('', 'moderate', 'severe')
    """
    try:
        value = float(k_plasma)
    except (TypeError, ValueError):
        raise ValueError(f"k_plasma must be a number in mmol/L; got {k_plasma!r}") from None
    if not value > 0:
        raise ValueError(f"k_plasma must be positive; got {k_plasma!r}")
    return next((name for name, low, high in HYPERKALAEMIA_CLASSES if low <= value < high), "")
