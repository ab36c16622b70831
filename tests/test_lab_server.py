"""The Jupyter server settings of `make lab`, the browser tests and Binder."""

import importlib
import json
import re

from repo_tools import ROOT

from widgets.lab_server import NoDelayKernelWebsocketConnection

CONFIG = ROOT / ".jupyter" / "jupyter_server_config.json"


def test_binder_and_make_lab_use_the_no_delay_websocket():
    # Binder's home folder is the repository, so .jupyter/ is its Jupyter config folder.
    name = json.loads(CONFIG.read_text())["ServerApp"]["kernel_websocket_connection_class"]
    module, _, attribute = name.rpartition(".")
    assert getattr(importlib.import_module(module), attribute) is NoDelayKernelWebsocketConnection
    makefile = (ROOT / "Makefile").read_text()
    lab = re.search(r"^lab:.*\n\t(.*)$", makefile, flags=re.M)[1]
    assert "--config=$(CURDIR)/.jupyter/jupyter_server_config.json" in lab


def test_connection_turns_nagle_off_before_connecting(monkeypatch):
    calls = []

    class Handler:
        def set_nodelay(self, value):
            calls.append(("nodelay", value))

    connection = NoDelayKernelWebsocketConnection.__new__(NoDelayKernelWebsocketConnection)
    monkeypatch.setattr(
        NoDelayKernelWebsocketConnection, "websocket_handler", Handler(), raising=False
    )
    monkeypatch.setattr(
        NoDelayKernelWebsocketConnection.__mro__[1], "connect", lambda self: calls.append("connect")
    )
    connection.connect()
    assert calls == [("nodelay", True), "connect"]
