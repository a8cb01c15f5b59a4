"""SQL for analysts' tools (docs/operations.md, "SQL for analysts' tools"): `bin/cloudshift sql-server`
serves the prepared warehouse to a real Spark Connect client as cloudshift.<table>; bound off loopback
it refuses a client without the token, and refuses to start when the environment holds none; and
the Spark-less path (delta-rs → Arrow → DuckDB) gives Spark's answer to the cent.

The queries run on the session's server (conftest.spark_remote: 127.0.0.1, no token), the one the
notebooks use; the token is tested on the session's second server (conftest.prepared), bound to
every interface with a token, stopped with its whole process group after this module's tests,
whatever they did."""
import secrets
import socket
import subprocess
from decimal import Decimal

import duckdb
import pytest
from deltalake import DeltaTable
from pyspark.errors.exceptions.connect import SparkConnectGrpcException
from pyspark.sql import SparkSession

import runner

CLOUDSHIFT = runner.CLOUDSHIFT
TOKEN_ENV = runner.TOKEN_ENV

# P13's total uplift per counterfactual model, in the basis and currency notebook 02 reports.
P13_UPLIFT_BY_MODEL = """
    SELECT model, SUM(uplift) AS uplift FROM {table}
    WHERE event_id = 'P13' AND reporting_currency = 'USD' AND quarter_basis = 'fiscal'
    GROUP BY model ORDER BY model"""


def address_seen_from_the_network() -> str:
    """This machine's address on its default route (a UDP socket sends nothing on connect);
    loopback on a machine without one, where the server on 0.0.0.0 is reached the same way."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


@pytest.fixture(scope="module")
def server_with_token(prepared):
    """The server on 0.0.0.0 with a token in its environment: its port, the line it announced, and
    the token; stopped after this module, when its log must not hold the token."""
    server = prepared.server_with_token
    try:
        yield server.port, server.wait_until_serving(), prepared.token
    finally:
        server.stop()
    assert prepared.token not in server.log_path.read_text(), "the server wrote its token to its log"


def client(url: str) -> SparkSession:
    return SparkSession.builder.remote(url).create()


def test_a_spark_connect_client_queries_the_registered_tables(spark_remote, warehouse):
    spark = client(spark_remote)
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


def test_duckdb_over_delta_rs_gives_sparks_answer_without_spark(spark_remote, warehouse):
    spark = client(spark_remote)
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


def test_off_loopback_a_client_needs_the_token(server_with_token):
    port, announced, token = server_with_token
    assert f"sc://0.0.0.0:{port}" in announced and token not in announced
    spark = client(f"sc://localhost:{port}/;token={token}")
    try:
        assert "uplift_quarterly" in {row.tableName for row in spark.sql("SHOW TABLES IN cloudshift").collect()}
    finally:
        spark.stop()
    for url, reason in ((f"sc://{address_seen_from_the_network()}:{port}", "No authentication token provided"),
                        (f"sc://localhost:{port}/;token=not-{token}", "Invalid authentication token")):
        spark = client(url)
        try:
            with pytest.raises(SparkConnectGrpcException, match=reason):
                spark.sql("SELECT COUNT(*) FROM cloudshift.uplift_quarterly").collect()
        finally:
            spark.stop()


def run_refused(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLOUDSHIFT), "sql-server", *args], env={**runner.environment_without_token(), **env},
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
