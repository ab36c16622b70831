# Two commands for a newcomer: `make book` builds the site, `make test` runs every test.
# Both create the virtual environment .venv on first use (needs only Python 3.11).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BOOK_FLAGS := --all -W -n --keep-going
# Prefer the kernel of .venv over any user-wide "python3" kernel.
export JUPYTER_PREFER_ENV_PATH := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: install book test test-fast lab lint format bench exercises clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

BOOK_URL := file://$(CURDIR)/_build/html/index.html
# Open the built book in a browser only where there is a screen (OPEN=0 never, OPEN=1 always):
# on a headless machine Python's webbrowser could start a text browser and wait for input.
OPEN ?= $(if $(or $(DISPLAY),$(WAYLAND_DISPLAY),$(filter Darwin,$(shell uname -s))),1,0)

book: $(STAMP)  ## Build the website, executing every notebook, and open it.
	$(BIN)/jupyter-book build $(BOOK_FLAGS) .
	@echo ""
	@echo "The book is built. Open this file in your browser:"
	@echo "    $(BOOK_URL)"
	@if [ "$(OPEN)" = 1 ]; then $(BIN)/python -m webbrowser -t "$(BOOK_URL)" >/dev/null || true; fi

# Two pytest-xdist workers (the machine CI runs on has two cores): one builds the book and
# runs the site tests while the other runs the rest (tests/conftest.py groups them).
WORKERS ?= 2

test: $(STAMP)  ## Every test: unit, property, widgets, notebooks (nbval), grading CLI, book build.
	$(BIN)/python -m pytest -n $(WORKERS) --durations=25

test-fast: $(STAMP)  ## The quick inner loop: skips notebooks and everything marked slow.
	$(BIN)/python -m pytest tests -m "not slow and not browser" -n $(WORKERS)

# JupyterLab refuses to run as root (containers, CI machines) unless told it may.
LAB_FLAGS := $(if $(filter 0,$(shell id -u)),--allow-root)

# The server settings Binder reads from .jupyter/ (TCP_NODELAY on kernel websockets).
lab: $(STAMP)  ## JupyterLab on the chapters and exercises, with this project's kernel.
	$(BIN)/jupyter lab --notebook-dir=$(CURDIR) --config=$(CURDIR)/.jupyter/jupyter_server_config.json $(LAB_FLAGS)

LINTED := conftest.py widgets tests benchmarks chapters exercises _ext instructors.ipynb

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

format: $(STAMP)
	$(BIN)/ruff format $(LINTED)
	$(BIN)/ruff check --fix $(LINTED)

bench: $(STAMP)  ## Print speed figures (explorer updates, physics solves, grading a class).
	$(BIN)/python benchmarks/run.py

exercises: $(STAMP)  ## Regenerate learner copies from the solved notebooks.
	for nb in exercises/solutions/*.ipynb; do \
	  $(BIN)/python -m widgets.grading.learner_copy $$nb exercises/$$(basename $$nb); done

clean:
	rm -rf _build .pytest_cache .hypothesis
