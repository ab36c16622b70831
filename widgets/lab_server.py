"""Jupyter server settings that make the explorers respond faster in JupyterLab and Binder.

The servers this project starts use them: ``make lab``, the browser tests and
benchmarks (``tests/browser/harness.py``) and Binder, whose home folder is the
repository, through ``.jupyter/jupyter_server_config.json``.
"""

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection


class NoDelayKernelWebsocketConnection(ZMQChannelsWebsocketConnection):
    """A kernel websocket that sends every message at once (``TCP_NODELAY``).

    jupyter_server leaves Nagle's algorithm on: a small write waits until the browser
    acknowledges the previous one, and browsers delay their acknowledgements. An
    explorer's reply (its new figure) waited about 16 ms for that on this project's
    machine; with ``TCP_NODELAY`` the kernel-to-page leg fell from 20 to 11 ms.
    """

    def connect(self):
        """Turn ``TCP_NODELAY`` on for this websocket, then connect it to the kernel."""
        self.websocket_handler.set_nodelay(True)
        return super().connect()
