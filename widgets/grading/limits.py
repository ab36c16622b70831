"""What a learner's code may use while it is graded: time, memory, output, files, environment.

Grading runs untrusted code. These limits keep one submission from stalling a class's
grading or filling the grader's memory or disk by accident; they are not a security
boundary against a learner who sets out to attack the machine (that needs a container, see
the README). Memory and file size are capped with ``setrlimit`` in the kernel's process
before Python starts, so no code in the notebook can raise them again; time and output are
enforced by the grader, outside the kernel.
"""

import os
from dataclasses import dataclass

try:
    import resource
except ImportError:  # Windows: no setrlimit
    resource = None

MIB = 2**20

# Passed on to the kernel from the grader's environment, when set: what Python, the locale
# and the imports of the exercises need. Everything else (tokens, keys, the grader's own
# settings) stays behind.
PASSED_VARIABLES = ("PATH", "HOME", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TZ", "PYTHONPATH")
# Set for every kernel: one thread per numerical library, so parallel jobs share the cores
# instead of each kernel starting one thread per core.
FIXED_VARIABLES = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
}


@dataclass(frozen=True)
class Limits:
    """The limits one graded notebook runs under.

    Attributes
    ----------
    timeout : int
        Time per cell, s; a cell that runs longer is interrupted and marked as an error.
    memory_mib : int
        Address space of the kernel process, MiB; an allocation beyond it raises
        ``MemoryError`` in the learner's cell. A kernel with the exercises' imports uses
        about 1 GiB of address space (on Linux) before any answer is computed.
    output_bytes : int
        Output (text, images, widget messages) the grader keeps per notebook, bytes;
        later output is dropped and a note says so.
    file_mib : int
        Largest file the kernel may write, MiB.
    """

    timeout: int = 30
    memory_mib: int = 2048
    output_bytes: int = 2_000_000
    file_mib: int = 64

    def __post_init__(self):
        for name in ("timeout", "memory_mib", "output_bytes", "file_mib"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number >= 1; got {value!r}")

    def launch_options(self, ipython_dir):
        """Return the keyword arguments that start a kernel under these limits.

        Parameters
        ----------
        ipython_dir : str
            A fresh folder for IPython's profile, so the grader's own start-up scripts
            and configuration never run in (or get written by) a learner's kernel.

        Returns
        -------
        dict
            ``env``: the variables of :data:`PASSED_VARIABLES` that are set, with
            :data:`FIXED_VARIABLES`; ``preexec_fn`` (where ``setrlimit`` exists): caps
            memory and file size in the kernel's process before it runs Python.
        """
        env = {name: os.environ[name] for name in PASSED_VARIABLES if name in os.environ}
        options = {"env": {**env, **FIXED_VARIABLES, "IPYTHONDIR": ipython_dir}}
        if resource is not None:  # Windows has no setrlimit: use a container there
            options["preexec_fn"] = self._cap_resources
        return options

    def _cap_resources(self):
        # Runs in the forked child before exec; the hard limit stops the notebook raising it.
        caps = ((resource.RLIMIT_AS, self.memory_mib), (resource.RLIMIT_FSIZE, self.file_mib))
        for limit, mib in caps:
            _, hard = resource.getrlimit(limit)
            cap = mib * MIB if hard == resource.RLIM_INFINITY else min(mib * MIB, hard)
            resource.setrlimit(limit, (cap, cap))
