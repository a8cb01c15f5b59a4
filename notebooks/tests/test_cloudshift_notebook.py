"""The notebooks' helper: tables registered in a catalog (bin/cloudshift --register-tables) read
exactly as tables by path, and every table read at the version a stage that succeeded published;
checked against delta-rs and the tables' own history, not against the helper itself. The helper's
session is the one the notebooks get: on the session's Spark Connect server, through SPARK_REMOTE."""
import os
import shutil
import subprocess
import sys

import pytest
from deltalake import DeltaTable
from pyspark.sql.connect.session import SparkSession as ConnectSession

import cloudshift_notebook as cs
import runner


@pytest.fixture(scope="module")
def spark(spark_remote):
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("SPARK_REMOTE", spark_remote)
        session = cs.spark_session("cloudshift · notebook helper test")
        assert isinstance(session, ConnectSession)
        yield session
        session.stop()


def test_without_spark_remote_the_helper_starts_a_local_spark_on_the_jar(tmp_path):
    """An analyst with no server gets a local Spark on target/cloudshift.jar (here: a missing jar
    shows that path was taken, before any JVM starts)."""
    missing = tmp_path / "no-such.jar"
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("SPARK_REMOTE", "SPARK_CONNECT_MODE_ENABLED")}
    started = subprocess.run(
        [sys.executable, "-c", "import cloudshift_notebook as cs; cs.spark_session('no server')"],
        cwd=runner.NOTEBOOK_DIR, env={**environment, "CLOUDSHIFT_JAR": str(missing)},
        capture_output=True, text=True, timeout=120)
    assert started.returncode != 0
    assert f"FileNotFoundError: {missing} does not exist" in started.stderr


def test_tables_registered_in_a_catalog_read_like_tables_by_path(spark, warehouse):
    spark.sql("CREATE DATABASE IF NOT EXISTS notebook_test")
    for table in ("charges", "uplift_quarterly", "job_runs"):
        spark.sql(f"CREATE TABLE IF NOT EXISTS notebook_test.{table} USING DELTA LOCATION '{warehouse / table}'")
    by_catalog = cs.Warehouse(spark, "not-read", catalog_database="notebook_test")

    assert by_catalog.location("charges") == str(warehouse / "charges")
    assert by_catalog.table("uplift_quarterly").count() == len(DeltaTable(str(warehouse / "uplift_quarterly")).to_pandas())
    charges = DeltaTable(str(warehouse / "charges"))
    versions = [commit["version"] for commit in charges.history()]
    assert len(versions) >= 2  # the prepared warehouse re-ingests one month
    assert [row.version for row in by_catalog.history("charges").select("version").collect()] == versions
    charges.load_as_version(versions[-1])
    assert by_catalog.table_as_of("charges", versions[-1]).count() == len(charges.to_pandas(columns=["export_id"]))


def test_a_table_a_stage_committed_without_succeeding_is_read_as_published_with_a_warning(spark, warehouse, tmp_path):
    """Issue 20, item 10: a stage stopped between two tables leaves one of them newer than what it
    published. Here a copy of uplift_quarterly gains a commit no job_runs row names."""
    for table in ("uplift_quarterly", "charges_monthly", "job_runs"):
        shutil.copytree(warehouse / table, tmp_path / table)
    published = DeltaTable(str(tmp_path / "uplift_quarterly"))
    rows = len(published.to_pandas())
    (spark.read.format("delta").load(str(tmp_path / "uplift_quarterly")).limit(1)
     .write.format("delta").mode("overwrite").save(str(tmp_path / "uplift_quarterly")))
    unpublished = published.version() + 1
    assert DeltaTable(str(tmp_path / "uplift_quarterly")).version() == unpublished

    tables = cs.Warehouse(spark, str(tmp_path))
    with pytest.warns(UserWarning, match=f"uplift_quarterly: version {unpublished} was written by a stage that did not succeed"):
        assert tables.table("uplift_quarterly").count() == rows

    # The prepared warehouse re-ingested a month under another run id than its run-all's.
    run_all = runner.run_all_id(warehouse)
    assert run_all not in (None, runner.RERUN_ID)
    assert tables.runs("uplift_quarterly", "charges_monthly") == {"uplift_quarterly": run_all,
                                                                  "charges_monthly": runner.RERUN_ID}
    with pytest.warns(UserWarning, match=f"come from different runs: charges_monthly from {runner.RERUN_ID}, "
                                         f"uplift_quarterly from {run_all}"):
        assert tables.require_one_run("charges_monthly", "uplift_quarterly") is None
