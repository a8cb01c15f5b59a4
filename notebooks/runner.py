"""Prepares a warehouse for the notebooks, serves it over Spark Connect, executes the notebooks with
papermill, and renders them.

    python notebooks/runner.py render [--warehouse DIR]

`render` executes the four notebooks into target/notebooks/executed/, writes HTML with their charts
to target/notebooks/html/ and each notebook's README chart (the cell tagged `readme-chart`) to
docs/. Without --warehouse it prepares target/notebooks/warehouse as the tests do (see
`prepare_warehouse`); with it, the notebooks read that warehouse and nothing is written to it.
The four notebooks share one Spark, here as in notebooks/tests: a `bin/cloudshift sql-server` on
127.0.0.1 (`SqlServer`), which their kernels reach through SPARK_REMOTE instead of each starting its
own. notebooks/tests use the same functions.
"""
from __future__ import annotations

import argparse
import base64
import contextlib
import os
import random
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
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

#: A complete run-all of the bundled data (every stage, run id `bundled-e2e`) that `mvn verify`'s
#: Java tests wrote; when set, prepare_warehouse copies it instead of running run-all. Only read.
BUNDLED_WAREHOUSE_ENV = "CLOUDSHIFT_BUNDLED_WAREHOUSE"
STAGES = {"ingest", "shares", "uplift", "project", "reconcile"}
#: The run id of the run-all prepare_warehouse runs itself (when no bundled warehouse is given).
RUN_ALL_ID = "notebooks-run-all"
CLOUDSHIFT = REPOSITORY / "bin" / "cloudshift"
#: Spark Connect's token variable: the server reads it, and so does PySpark's client.
TOKEN_ENV = "SPARK_CONNECT_AUTHENTICATE_TOKEN"
#: What `bin/cloudshift sql-server` prints on stdout once it serves.
SQL_SERVER_READY = "Spark Connect at sc://"
#: Marks a warehouse this module made, and may therefore replace.
OWN_MARK = ".made-by-notebooks-runner"
#: The second run the audit notebook's time travel compares with the first: one month re-ingested.
RERUN_PERIOD = "2026-09"
RERUN_ID = "notebooks-rerun"


#: Every line `log` printed, for notebooks/tests to repeat at the end of the session.
LOGGED: list[str] = []


def log(message: str) -> None:
    LOGGED.append(message)
    print(f"notebooks: {message}", file=sys.stderr, flush=True)


def cloudshift(*args: str) -> None:
    """bin/cloudshift, as a user runs it (no class-data archive: a one-off run)."""
    started = time.monotonic()
    subprocess.run([str(CLOUDSHIFT), *args], cwd=REPOSITORY, check=True,
                   env={**os.environ, "CLOUDSHIFT_CDS": "off"})
    log(f"bin/cloudshift {' '.join(args)}: {time.monotonic() - started:.0f} s")


def run_all_id(warehouse: Path) -> str | None:
    """The run under which every stage of a run-all SUCCEEDED in `warehouse` (read with delta-rs),
    or None when there is none."""
    job_runs = warehouse / "job_runs"
    if not (job_runs / "_delta_log").is_dir():
        return None
    runs = DeltaTable(str(job_runs)).to_pandas(columns=["run_id", "job", "status"])
    succeeded = runs[runs.status == "SUCCEEDED"].groupby("run_id").job.agg(set)
    complete = [run_id for run_id, jobs in succeeded.items() if STAGES <= jobs]
    return complete[0] if len(complete) == 1 else None


def prepare_warehouse(destination: Path = OUTPUT / "warehouse",
                      before_reingest: Callable[[Path], None] | None = None) -> Path:
    """A complete run-all on the bundled data, then `ingest --period 2026-09` again under another run
    id, so that `charges` has two versions to compare. The run-all is a copy of the one named by
    CLOUDSHIFT_BUNDLED_WAREHOUSE (which `mvn verify`'s Java tests wrote; never written to) when that
    is set, else run here. `before_reingest(destination)`, when given, is called once the run-all is
    in place (notebooks/tests start their Spark Connect servers there, so that their start-up
    overlaps the re-ingest, which adds versions to tables but no table). Only ever replaces its own
    folder."""
    bundled = os.environ.get(BUNDLED_WAREHOUSE_ENV)
    if bundled:
        bundled_path = Path(bundled).resolve()
        if run_all_id(bundled_path) is None:
            raise SystemExit(f"notebooks: {BUNDLED_WAREHOUSE_ENV}={bundled} holds no complete run-all (every stage "
                             f"SUCCEEDED under one run id in its job_runs); unset it to run run-all here")
    if destination.exists():
        if not (destination / OWN_MARK).exists():
            raise SystemExit(f"notebooks: {destination} exists and was not made by notebooks/runner.py; "
                             "refusing to replace it (move it away, or pass --warehouse to read it as it is)")
        shutil.rmtree(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    if bundled:
        started = time.monotonic()
        shutil.copytree(bundled_path, destination)
        (destination / OWN_MARK).touch()
        log(f"copied the bundled run-all of {bundled} in {time.monotonic() - started:.0f} s")
    else:
        destination.mkdir()
        (destination / OWN_MARK).touch()
        cloudshift("run-all", "--warehouse", str(destination), "--run-id", RUN_ALL_ID)
    if before_reingest is not None:
        before_reingest(destination)
    cloudshift("ingest", "--period", RERUN_PERIOD, "--warehouse", str(destination), "--run-id", RERUN_ID)
    return destination


def free_port() -> int:
    """A TCP port nothing listens on now, below the kernel's ephemeral range: a server starts seconds
    later, while other JVMs (the re-ingest, the other server) take ephemeral ports of their own, and
    one of those must not be the port chosen here."""
    try:
        ephemeral_low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        ephemeral_low = 32768
    candidates = list(range(20000, max(ephemeral_low, 20001)))
    random.shuffle(candidates)
    for port in candidates[:200]:
        with socket.socket() as probe:
            try:
                probe.bind(("0.0.0.0", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free TCP port between 20000 and {ephemeral_low}")


def environment_without_token() -> dict[str, str]:
    """This process's environment without the Spark Connect token (a server given one requires it
    from every client, and PySpark's client given one insists on TLS to any host but localhost)."""
    return {key: value for key, value in os.environ.items() if key != TOKEN_ENV}


class SqlServer:
    """`bin/cloudshift sql-server` serving a warehouse, started in its own process group (stderr to
    `log_path`) at a free port, on `host`, with `token` (if any) in its environment only. Creating
    one starts it and returns at once; `wait_until_serving` waits for the line announcing its URL;
    `stop` stops the whole group (call it whatever happened)."""

    def __init__(self, warehouse: Path, log_path: Path, host: str = "127.0.0.1", token: str | None = None):
        self.host = host
        self.port = free_port()
        self.log_path = log_path
        self._announced: str | None = None
        self._stopped = False
        self._started = time.monotonic()
        env = environment_without_token() if token is None else {**environment_without_token(), TOKEN_ENV: token}
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with log_path.open("w") as log_file:
            self.process = subprocess.Popen(
                [str(CLOUDSHIFT), "sql-server", "--host", host, "--port", str(self.port), "--warehouse", str(warehouse)],
                cwd=REPOSITORY, env=env, stdout=subprocess.PIPE, stderr=log_file, text=True, start_new_session=True)

    @property
    def url(self) -> str:
        """Its Spark Connect URL (for SPARK_REMOTE; without the token, if it has one)."""
        return f"sc://{self.host}:{self.port}"

    def wait_until_serving(self, timeout_s: float = 300) -> str:
        """The line the server printed once it served; raises (with its log's end) if it ended or
        did not print it in time."""
        if self._announced is not None:
            return self._announced
        waiting = time.monotonic()
        deadline = waiting + timeout_s
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            while time.monotonic() < deadline:
                if selector.select(timeout=1):
                    line = self.process.stdout.readline()
                    if SQL_SERVER_READY in line:
                        self._announced = line.strip()
                        now = time.monotonic()
                        log(f"bin/cloudshift sql-server on {self.host}:{self.port}: serving when first needed, "
                            f"{now - self._started:.0f} s after its start (waited {now - waiting:.0f} s for it)")
                        return self._announced
                    if not line:  # stdout closed: the server ended
                        break
        self.process.poll()
        tail = "\n".join(self.log_path.read_text().splitlines()[-15:])
        raise RuntimeError(f"sql-server did not announce itself (exit code {self.process.returncode}); "
                           f"{self.log_path} ends:\n{tail}")

    def stop(self) -> None:
        """SIGTERM to the whole group (bin/cloudshift, spark-submit's JVM, the stderr filter), then
        SIGKILL; nothing when this already stopped it (its group id may then belong to another)."""
        if self._stopped:
            return
        self._stopped = True
        for sig, grace_s in ((signal.SIGTERM, 60), (signal.SIGKILL, 10)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.process.wait(timeout=grace_s)
                break
            except subprocess.TimeoutExpired:
                continue
        self.process.stdout.close()


@contextlib.contextmanager
def spark_connect_server(warehouse: Path, log_path: Path = OUTPUT / "spark-connect.log") -> Iterator[str]:
    """One Spark for every notebook: a SqlServer on 127.0.0.1 without a token, serving `warehouse`
    (its tables also as cloudshift.<table>); yields its URL, sc://127.0.0.1:PORT, for SPARK_REMOTE,
    and stops it on the way out."""
    server = SqlServer(warehouse, log_path)
    try:
        server.wait_until_serving()
        yield server.url
    finally:
        server.stop()


@contextlib.contextmanager
def _kernel_environment(spark_remote: str | None) -> Iterator[None]:
    """os.environ as the kernel papermill starts inherits it: SPARK_REMOTE set (and no token) when
    the notebook is to use a Spark Connect server; restored afterwards."""
    if spark_remote is None:
        yield
        return
    saved = dict(os.environ)
    os.environ.pop(TOKEN_ENV, None)
    os.environ["SPARK_REMOTE"] = spark_remote
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def execute(notebook: Path, warehouse: str, output_dir: Path = OUTPUT / "executed",
            spark_remote: str | None = None) -> Path:
    """Runs `notebook` top to bottom against `warehouse`, with the Spark Connect server at
    `spark_remote` (sc://…) as its Spark when given, else a local Spark of its own; a failing cell
    raises papermill.PapermillExecutionError. Returns the executed copy."""
    output_dir.mkdir(parents=True, exist_ok=True)
    executed = output_dir / notebook.name
    started = time.monotonic()
    with _kernel_environment(spark_remote):
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
    warehouse = Path(options.warehouse).resolve() if options.warehouse else prepare_warehouse()
    with spark_connect_server(warehouse) as spark_remote:
        for notebook in NOTEBOOKS:
            render(execute(notebook, str(warehouse), spark_remote=spark_remote))
    log(f"HTML in {(OUTPUT / 'html').relative_to(REPOSITORY)}/, charts in docs/")


if __name__ == "__main__":
    main(sys.argv[1:])
