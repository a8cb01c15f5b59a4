"""The notebooks' folder on sys.path (runner.py), one warehouse for the whole session, and the
session's Spark: one Spark Connect server (bin/cloudshift sql-server on 127.0.0.1, no token) that
the notebooks' kernels, the helper's tests and the SQL tests share instead of each starting a JVM.
A second server, on 0.0.0.0 with a token, is test_sql_server.py's for the token tests. Both start
as soon as the run-all is in place, so that their start-up overlaps the re-ingest."""
import os
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import runner  # noqa: E402


class Prepared(NamedTuple):
    warehouse: Path
    #: 127.0.0.1, no token: the Spark of the notebooks, the helper's tests and the SQL queries.
    server: runner.SqlServer
    #: 0.0.0.0 with `token` in its environment only: the token tests'.
    server_with_token: runner.SqlServer
    token: str


@pytest.fixture(scope="session")
def prepared() -> Iterator[Prepared]:
    """CLOUDSHIFT_NOTEBOOK_WAREHOUSE (read as it is), or a prepared warehouse (runner.prepare_warehouse:
    a copy of CLOUDSHIFT_BUNDLED_WAREHOUSE, or a run-all made here, then one month re-ingested), and
    both servers on it, stopped with their process groups when the session ends whatever happened."""
    token = secrets.token_urlsafe(24)
    servers: list[runner.SqlServer] = []

    def start_servers(warehouse: Path) -> None:
        servers.append(runner.SqlServer(warehouse, runner.OUTPUT / "spark-connect.log"))
        servers.append(runner.SqlServer(warehouse, runner.OUTPUT / "sql-server.log", host="0.0.0.0", token=token))

    try:
        given = os.environ.get("CLOUDSHIFT_NOTEBOOK_WAREHOUSE")
        if given:
            warehouse = Path(given).resolve()
            start_servers(warehouse)
        else:
            warehouse = runner.prepare_warehouse(before_reingest=start_servers)
        yield Prepared(warehouse, *servers, token)
    finally:
        for server in servers:
            server.stop()


@pytest.fixture(scope="session")
def warehouse(prepared) -> Path:
    return prepared.warehouse


@pytest.fixture(scope="session")
def spark_remote(prepared) -> str:
    """The session's Spark Connect server, sc://127.0.0.1:PORT, once it serves."""
    prepared.server.wait_until_serving()
    return prepared.server.url


def pytest_terminal_summary(terminalreporter):
    """What preparing the warehouse, starting the servers and each notebook took (runner's log,
    which pytest captured), in the build log beside --durations."""
    if runner.LOGGED:
        terminalreporter.section("notebooks: steps")
        for line in runner.LOGGED:
            terminalreporter.write_line(line)
