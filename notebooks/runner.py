"""Prepares a warehouse for the notebooks, executes them with papermill, and renders them.

    python notebooks/runner.py render [--warehouse DIR]

`render` executes the four notebooks into target/notebooks/executed/, writes HTML with their charts
to target/notebooks/html/ and each notebook's README chart (the cell tagged `readme-chart`) to
docs/. Without --warehouse it prepares target/notebooks/warehouse as the tests do (see
`prepare_warehouse`); with it, the notebooks read that warehouse and nothing is written to it.
notebooks/tests use the same functions.
"""
from __future__ import annotations

import argparse
import base64
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import papermill
from deltalake import DeltaTable
from nbconvert import HTMLExporter

NOTEBOOK_DIR = Path(__file__).resolve().parent
REPOSITORY = NOTEBOOK_DIR.parent
TARGET = REPOSITORY / "target"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
OUTPUT = TARGET / "notebooks"
DOCS = REPOSITORY / "docs"

#: The run-all of `mvn verify`'s launcher tests (testing.BundledRunAll), reused when it is fresh.
LAUNCHER_WAREHOUSE = TARGET / "launcher-it-warehouse"
LAUNCHER_RUN_ID = "launcher-it"
STAGES = {"ingest", "shares", "uplift", "project", "reconcile"}
#: Marks a warehouse this module made, and may therefore replace.
OWN_MARK = ".made-by-notebooks-runner"
#: The second run the audit notebook's time travel compares with the first: one month re-ingested.
RERUN_PERIOD = "2026-09"
RERUN_ID = "notebooks-rerun"


def log(message: str) -> None:
    print(f"notebooks: {message}", file=sys.stderr, flush=True)


def cloudshift(*args: str) -> None:
    """bin/cloudshift, as a user runs it (no class-data archive: a one-off run)."""
    started = time.monotonic()
    subprocess.run([str(REPOSITORY / "bin" / "cloudshift"), *args], cwd=REPOSITORY, check=True,
                   env={**os.environ, "CLOUDSHIFT_CDS": "off"})
    log(f"bin/cloudshift {' '.join(args)}: {time.monotonic() - started:.0f} s")


def is_fresh_run_all(warehouse: Path, run_id: str) -> bool:
    """Whether `warehouse` holds a complete run-all (every stage SUCCEEDED under `run_id`) made
    after the current jar was built."""
    jar = TARGET / "cloudshift.jar"
    job_runs = warehouse / "job_runs"
    if not (jar.is_file() and (job_runs / "_delta_log").is_dir()):
        return False
    if (job_runs / "_delta_log").stat().st_mtime < jar.stat().st_mtime:
        return False
    runs = DeltaTable(str(job_runs)).to_pandas(columns=["run_id", "job", "status"])
    succeeded = runs[(runs.run_id == run_id) & (runs.status == "SUCCEEDED")]
    return STAGES <= set(succeeded.job)


def prepare_warehouse(destination: Path = OUTPUT / "warehouse") -> Path:
    """A fresh run-all on the bundled data, then `ingest --period 2026-09` again under another run
    id, so that `charges` has two versions to compare. The run-all is a copy of the launcher tests'
    when it is fresh (same jar, same data), else run here. Only ever replaces its own folder."""
    if destination.exists():
        if not (destination / OWN_MARK).exists():
            raise SystemExit(f"notebooks: {destination} exists and was not made by notebooks/runner.py; "
                             "refusing to replace it (move it away, or pass --warehouse to read it as it is)")
        shutil.rmtree(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    if is_fresh_run_all(LAUNCHER_WAREHOUSE, LAUNCHER_RUN_ID):
        log(f"copying the launcher tests' run-all from {LAUNCHER_WAREHOUSE.relative_to(REPOSITORY)}")
        shutil.copytree(LAUNCHER_WAREHOUSE, destination)
        (destination / OWN_MARK).touch()
    else:
        destination.mkdir()
        (destination / OWN_MARK).touch()
        cloudshift("run-all", "--warehouse", str(destination), "--run-id", "notebooks-run-all")
    cloudshift("ingest", "--period", RERUN_PERIOD, "--warehouse", str(destination), "--run-id", RERUN_ID)
    return destination


def execute(notebook: Path, warehouse: str, output_dir: Path = OUTPUT / "executed") -> Path:
    """Runs `notebook` top to bottom against `warehouse`; a failing cell raises
    papermill.PapermillExecutionError. Returns the executed copy."""
    output_dir.mkdir(parents=True, exist_ok=True)
    executed = output_dir / notebook.name
    started = time.monotonic()
    papermill.execute_notebook(str(notebook), str(executed), parameters={"warehouse": warehouse},
                               cwd=str(NOTEBOOK_DIR), kernel_name="python3", progress_bar=False)
    log(f"{notebook.name}: executed in {time.monotonic() - started:.0f} s")
    return executed


def tagged_image(executed: nbformat.NotebookNode, tag: str) -> bytes | None:
    """The first PNG output of the first cell tagged `tag`."""
    for cell in executed.cells:
        if tag in cell.metadata.get("tags", []):
            for output in cell.get("outputs", []):
                if "image/png" in output.get("data", {}):
                    return base64.b64decode(output["data"]["image/png"])
    return None


def render(executed_path: Path, html_dir: Path = OUTPUT / "html", docs_dir: Path = DOCS) -> None:
    """HTML with the charts, and the README's chart as docs/<notebook>.png."""
    executed = nbformat.read(executed_path, as_version=4)
    html_dir.mkdir(parents=True, exist_ok=True)
    body, _ = HTMLExporter().from_notebook_node(executed)
    (html_dir / f"{executed_path.stem}.html").write_text(body, encoding="utf-8")
    chart = tagged_image(executed, "readme-chart")
    if chart is None:
        raise SystemExit(f"notebooks: {executed_path.name} has no chart in a cell tagged readme-chart")
    docs_dir.mkdir(exist_ok=True)
    (docs_dir / f"{executed_path.stem}.png").write_bytes(chart)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="notebooks/render", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["render"])
    parser.add_argument("--warehouse", help="read this warehouse instead of preparing target/notebooks/warehouse")
    options = parser.parse_args(argv)
    warehouse = str(Path(options.warehouse).resolve()) if options.warehouse else str(prepare_warehouse())
    for notebook in NOTEBOOKS:
        render(execute(notebook, warehouse))
    log(f"HTML in {(OUTPUT / 'html').relative_to(REPOSITORY)}/, charts in docs/")


if __name__ == "__main__":
    main(sys.argv[1:])
