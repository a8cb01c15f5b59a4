"""SQL for analysts' tools (docs/operations.md, "SQL for analysts' tools"): `bin/cloudshift sql-server`
serves the prepared warehouse to a real Spark Connect client as cloudshift.<table>; bound off loopback
it refuses a client without the token, and refuses to start when the environment holds none; and
the Spark-less path (delta-rs → Arrow → DuckDB) gives Spark's answer to the cent.

One server for the module (a JVM costs seconds on a shared machine), bound to every interface with a
token, stopped with its whole process group whatever the tests did."""
import os
import secrets
import selectors
import signal
import socket
import subprocess
import time
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from deltalake import DeltaTable
from pyspark.errors.exceptions.connect import SparkConnectGrpcException
from pyspark.sql import SparkSession

import runner

CLOUDSHIFT = runner.REPOSITORY / "bin" / "cloudshift"
TOKEN_ENV = "SPARK_CONNECT_AUTHENTICATE_TOKEN"
TOKEN = secrets.token_urlsafe(24)
READY = "Spark Connect at sc://"
LOG = runner.OUTPUT / "sql-server.log"

# P13's total uplift per counterfactual model, in the basis and currency notebook 02 reports.
P13_UPLIFT_BY_MODEL = """
    SELECT model, SUM(uplift) AS uplift FROM {table}
    WHERE event_id = 'P13' AND reporting_currency = 'USD' AND quarter_basis = 'fiscal'
    GROUP BY model ORDER BY model"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def address_seen_from_the_network() -> str:
    """This machine's address on its default route (a UDP socket sends nothing on connect);
    loopback on a machine without one, where the server on 0.0.0.0 is reached the same way."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def environment_without_token() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key != TOKEN_ENV}


@pytest.fixture(scope="module")
def server(warehouse):
    port = free_port()
    LOG.parent.mkdir(parents=True, exist_ok=True)
    with LOG.open("w") as log:
        process = subprocess.Popen(
            [str(CLOUDSHIFT), "sql-server", "--host", "0.0.0.0", "--port", str(port), "--warehouse", str(warehouse)],
            env={**environment_without_token(), TOKEN_ENV: TOKEN}, stdout=subprocess.PIPE, stderr=log, text=True,
            start_new_session=True)
        try:
            announced = wait_for_ready(process, timeout_s=300)
            yield port, announced
        finally:
            stop(process)
    assert TOKEN not in LOG.read_text(), "the server wrote its token to its log"


def wait_for_ready(process: subprocess.Popen, timeout_s: float) -> str:
    deadline = time.monotonic() + timeout_s
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if selector.select(timeout=1):
                line = process.stdout.readline()
                if READY in line:
                    return line.strip()
                if not line:  # stdout closed: the server ended
                    break
    process.poll()
    tail = "\n".join(LOG.read_text().splitlines()[-15:])
    raise AssertionError(f"sql-server did not announce itself (exit code {process.returncode}); its log ends:\n{tail}")


def stop(process: subprocess.Popen) -> None:
    """SIGTERM to the whole group (bin/cloudshift, spark-submit's JVM, the stderr filter), then SIGKILL."""
    for sig, grace_s in ((signal.SIGTERM, 60), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=grace_s)
            return
        except subprocess.TimeoutExpired:
            continue


def client(url: str) -> SparkSession:
    return SparkSession.builder.remote(url).create()


def test_a_spark_connect_client_queries_the_registered_tables(server, warehouse):
    port, announced = server
    assert f"sc://0.0.0.0:{port}" in announced and TOKEN not in announced
    spark = client(f"sc://localhost:{port}/;token={TOKEN}")
    try:
        tables = {row.tableName for row in spark.sql("SHOW TABLES IN cloudshift").collect()}
        on_disk = {path.name for path in warehouse.iterdir() if (path / "_delta_log").is_dir()}
        assert tables == on_disk

        columns = ["stream", "model", "reporting_currency", "quarter_basis", "quarter_label", "uplift"]
        served = spark.sql(f"SELECT {', '.join(columns)} FROM cloudshift.uplift_quarterly WHERE event_id = 'P13'")
        read = DeltaTable(str(warehouse / "uplift_quarterly")).to_pandas(columns=columns,
                                                                         filters=[("event_id", "=", "P13")])
        served_rows = sorted((tuple(row) for row in served.collect()), key=lambda row: row[:-1])
        read_rows = sorted(read.itertuples(index=False, name=None), key=lambda row: row[:-1])
        assert len(served_rows) > 0 and served_rows == read_rows
    finally:
        spark.stop()


def test_duckdb_over_delta_rs_gives_sparks_answer_without_spark(server, warehouse):
    port, _ = server
    spark = client(f"sc://localhost:{port}/;token={TOKEN}")
    try:
        by_spark = {row.model: row.uplift
                    for row in spark.sql(P13_UPLIFT_BY_MODEL.format(table="cloudshift.uplift_quarterly")).collect()}
    finally:
        spark.stop()

    without_spark = duckdb.connect()
    without_spark.register("uplift_quarterly", DeltaTable(str(warehouse / "uplift_quarterly")).to_pyarrow_dataset())
    by_duckdb = dict(without_spark.sql(P13_UPLIFT_BY_MODEL.format(table="uplift_quarterly")).fetchall())

    assert set(by_spark) == {"control", "frozen", "trend"}
    assert all(isinstance(u, Decimal) for u in [*by_spark.values(), *by_duckdb.values()])
    assert by_duckdb == by_spark


def test_a_client_without_the_token_is_refused(server):
    port, _ = server
    for url, reason in ((f"sc://{address_seen_from_the_network()}:{port}", "No authentication token provided"),
                        (f"sc://localhost:{port}/;token=not-{TOKEN}", "Invalid authentication token")):
        spark = client(url)
        try:
            with pytest.raises(SparkConnectGrpcException, match=reason):
                spark.sql("SELECT COUNT(*) FROM cloudshift.uplift_quarterly").collect()
        finally:
            spark.stop()


def run_refused(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLOUDSHIFT), "sql-server", *args], env={**environment_without_token(), **env},
                          capture_output=True, text=True, timeout=300)


def test_off_loopback_without_a_token_in_the_environment_it_refuses_to_start(warehouse):
    refused = run_refused("--host", "0.0.0.0", "--warehouse", str(warehouse))
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        f"cloudshift sql-server: --host 0.0.0.0 is reachable from other machines: set a token in the environment"
        f" variable {TOKEN_ENV} (clients send it as a bearer token), or leave --host at 127.0.0.1")


def test_a_token_given_as_spark_configuration_is_refused_and_not_printed(warehouse):
    given = secrets.token_urlsafe(24)
    refused = run_refused("--warehouse", str(warehouse),
                          CLOUDSHIFT_SUBMIT_ARGS=f"--conf spark.connect.authenticate.token={given}")
    assert refused.returncode == 2
    assert refused.stderr.strip().startswith(
        "cloudshift sql-server: spark.connect.authenticate.token is set in the Spark or cloudshift configuration")
    assert given not in refused.stdout + refused.stderr
