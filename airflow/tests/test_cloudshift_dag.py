"""The cloudshift_monthly DAG under real Airflow (the pinned release of airflow/requirements-lock.txt)."""

import copy
import csv
import gzip
import json
import os
import shlex
import shutil
import sqlite3
import stat
import subprocess
import uuid
from decimal import Decimal
from types import SimpleNamespace

import pendulum
import pytest
from airflow.dag_processing.dagbag import DagBag
from airflow.sdk.exceptions import AirflowException, AirflowFailException
from airflow.timetables.interval import CronDataIntervalTimetable
from conftest import BUNDLED_RUN_ID, DAGS, REPOSITORY

SEPTEMBER_RUN_ID = "scheduled__2026-09-01T00:00:00+00:00"


@pytest.fixture(scope="module")
def dag():
    bag = DagBag(dag_folder=str(DAGS))
    assert bag.import_errors == {}
    return bag.get_dag("cloudshift_monthly")


def test_the_dag_folder_imports_without_errors_and_holds_the_monthly_dag():
    bag = DagBag(dag_folder=str(DAGS))
    assert bag.import_errors == {}
    assert list(bag.dag_ids) == ["cloudshift_monthly"]


def test_the_stages_run_in_pipeline_order(dag):
    assert [task.task_id for task in dag.topological_sort()] == ["ingest", "shares", "uplift", "project", "reconcile", "maintain"]
    assert dag.get_task("ingest").upstream_task_ids == set()
    assert dag.get_task("shares").upstream_task_ids == {"ingest"}
    assert dag.get_task("uplift").upstream_task_ids == {"shares"}
    assert dag.get_task("project").upstream_task_ids == {"uplift"}
    assert dag.get_task("reconcile").upstream_task_ids == {"project"}
    assert dag.get_task("maintain").upstream_task_ids == {"reconcile"}


def test_one_run_per_billing_month_caught_up_one_at_a_time_with_retries(dag):
    assert isinstance(dag.timetable, CronDataIntervalTimetable)
    interval = dag.timetable.infer_manual_data_interval(run_after=pendulum.datetime(2026, 10, 1, 6, tz="UTC"))
    assert (interval.start, interval.end) == (pendulum.datetime(2026, 9, 1, tz="UTC"), pendulum.datetime(2026, 10, 1, tz="UTC"))
    assert dag.catchup is True
    assert dag.max_active_runs == 1
    for task in dag.tasks:
        assert task.retries == 3
        assert task.retry_exponential_backoff


def test_the_rendered_spark_submit_of_a_sample_interval(dag):
    task = copy.deepcopy(dag.get_task("shares"))
    task.render_template_fields({"data_interval_start": pendulum.datetime(2026, 9, 1, tz="UTC"), "run_id": SEPTEMBER_RUN_ID})
    assert task._get_hook()._build_spark_submit_command(task.application) == [
        "spark-submit", "--master", "local[2]", "--name", "cloudshift-shares",
        "--class", "io.cloudshift.cli.CloudshiftCli", "--deploy-mode", "client",
        str(REPOSITORY / "target" / "cloudshift.jar"),
        "shares", "--run-id", SEPTEMBER_RUN_ID, "--config", str(REPOSITORY / "conf" / "cloudshift.conf"),
    ]
    ingest = copy.deepcopy(dag.get_task("ingest"))
    ingest.render_template_fields({"data_interval_start": pendulum.datetime(2026, 9, 1, tz="UTC"), "run_id": SEPTEMBER_RUN_ID})
    # September and the two months before it, still open to re-delivery.
    assert ingest.application_args[:5] == ["ingest", "--period", "2026-07:2026-09", "--run-id", SEPTEMBER_RUN_ID]


@pytest.fixture
def spark_submit_exiting_with(tmp_path, monkeypatch):
    """A stand-in spark-submit first on PATH that records its arguments and exits with the code it is given."""

    def install(code):
        fake = tmp_path / "spark-submit"
        fake.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{tmp_path}/arguments'\n"
                        f"echo 'cloudshift: one line saying why' >&2\nexit {code}\n")
        fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
        monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
        return tmp_path / "arguments"

    return install


def september_context(task_id):
    """What a task's execute gets from Airflow, as far as the OpenLineage provider reads it: its task instance."""
    start = pendulum.datetime(2026, 9, 1, tz="UTC")
    dag_run = SimpleNamespace(conf={}, logical_date=start, run_after=start, clear_number=0, run_id=SEPTEMBER_RUN_ID)
    ti = SimpleNamespace(dag_id="cloudshift_monthly", task_id=task_id, try_number=1, map_index=-1, dag_run=dag_run,
                         get_template_context=lambda: {"dag_run": dag_run})
    return {"ti": ti, "task_instance": ti, "dag_run": dag_run}


def test_exit_code_two_fails_the_task_without_retries(dag, spark_submit_exiting_with):
    spark_submit_exiting_with(2)
    with pytest.raises(AirflowFailException, match="exit code 2"):
        copy.deepcopy(dag.get_task("ingest")).execute(september_context("ingest"))


def test_exit_code_one_fails_the_task_for_a_retry(dag, spark_submit_exiting_with):
    spark_submit_exiting_with(1)
    with pytest.raises(AirflowException, match="Error code is: 1") as failure:
        copy.deepcopy(dag.get_task("ingest")).execute(september_context("ingest"))
    assert not isinstance(failure.value, AirflowFailException)


def test_each_task_passes_its_openlineage_run_to_spark_submit_as_the_parent_of_the_stage(dag, spark_submit_exiting_with):
    """The Spark settings cloudshift reads its lineage parent from (docs/operations.md#lineage), with no airflow.cfg setting."""
    from airflow.providers.openlineage.plugins.macros import lineage_root_run_id, lineage_run_id

    arguments = spark_submit_exiting_with(0)
    context = september_context("shares")
    copy.deepcopy(dag.get_task("shares")).execute(context)

    command = arguments.read_text().splitlines()
    conf = dict(command[i + 1].split("=", 1) for i, arg in enumerate(command) if arg == "--conf")
    parent = {key: value for key, value in conf.items() if key.startswith("spark.openlineage.")}
    assert parent == {
        "spark.openlineage.parentJobNamespace": "default",
        "spark.openlineage.parentJobName": "cloudshift_monthly.shares",
        "spark.openlineage.parentRunId": lineage_run_id(context["ti"]),
        "spark.openlineage.rootParentJobNamespace": "default",
        "spark.openlineage.rootParentJobName": "cloudshift_monthly",
        "spark.openlineage.rootParentRunId": lineage_root_run_id(context["ti"]),
    }, shlex.join(command)
    # cloudshift refuses a parent run id that is not a UUID (LineageParent).
    assert uuid.UUID(parent["spark.openlineage.parentRunId"]).version == 7
    assert uuid.UUID(parent["spark.openlineage.rootParentRunId"]).version == 7


def delta_log(warehouse, table):
    """Each commit of a table, oldest first: what its commitInfo says about the run, and its actions (read without Spark)."""
    log = []
    for commit in sorted((warehouse / table / "_delta_log").glob("*.json")):
        actions = [json.loads(line) for line in commit.read_text().splitlines()]
        info = next(action["commitInfo"] for action in actions if "commitInfo" in action)
        log.append((json.loads(info["userMetadata"]), actions))
    return log


def commits(warehouse, table):
    """What each commit of a table says about its run (run id, stage, months covered), oldest first."""
    return [meta for meta, _ in delta_log(warehouse, table)]


def tables(warehouse):
    return sorted(p.name for p in warehouse.iterdir() if (p / "_delta_log").is_dir())


def dag_run_record():
    """The one DAG run in Airflow's database: its run id, data interval, and its tasks in the order they ran
    (task id, state, try number, seconds)."""
    database = os.environ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].removeprefix("sqlite:///")
    with sqlite3.connect(database) as db:
        [(run_id, start, end)] = db.execute(
            "SELECT run_id, data_interval_start, data_interval_end FROM dag_run WHERE dag_id = 'cloudshift_monthly'").fetchall()
        tasks = db.execute("SELECT task_id, state, try_number, duration FROM task_instance WHERE dag_id = 'cloudshift_monthly'"
                           " AND run_id = ? ORDER BY start_date", (run_id,)).fetchall()
    return run_id, (start, end), tasks


def quick_spark_conf(folder):
    """A Spark conf folder for the stages' drivers (SPARK_CONF_DIR), for speed only: each spark-submit is a JVM of 10-60 s
    on two cores, where the C2 compiler competes with the work for the CPU (C1 alone: about half the wall time of a
    small stage under load); Spark and library logs at WARN (conf/log4j2.properties) instead of the many thousand INFO
    lines Airflow would log for each task; no web UI. The DAG and the stages' work are the same."""
    conf = folder / "spark-conf"
    conf.mkdir()
    (conf / "spark-defaults.conf").write_text(
        f"spark.driver.defaultJavaOptions -XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile=file:{REPOSITORY / 'conf' / 'log4j2.properties'}\n"
        "spark.ui.enabled false\n")
    return conf


def redeliver(month_folder, factor):
    """The provider writes the month's export again, every cost multiplied by factor (a later, final delivery)."""
    for export in month_folder.glob("*.csv.gz"):
        with gzip.open(export, "rt", newline="") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        for column in ("BilledCost", "EffectiveCost"):
            i = header.index(column)
            for row in rows[1:]:
                if row[i]:
                    row[i] = format(Decimal(row[i]) * factor, "f")
        with gzip.open(export, "wt", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)


def test_airflow_dags_test_of_one_month_picks_up_a_redelivery_on_the_bundled_data(tmp_path, bundled_warehouse):
    """`airflow dags test` of August 2026 after Azure re-delivered August, on a copy of a complete bundled warehouse.

    The warehouse starts as a copy of a complete run of every stage on the bundled data (run bundled-e2e, the
    bundled_warehouse fixture), as the monthly runs before would have left it. Azure then re-delivers August with every
    cost 10 % higher, and the DAG runs once, for the interval of August (CLOUDSHIFT_RESTATEMENT_MONTHS=0: ingest reads
    that month only), every task spark-submitting the real jar with PySpark's spark-submit against a local[2] Spark
    connection: ingest replaces August's slices and records Azure's in restatements (the other exports delivered the
    same rows: nothing restated), the gold stages recompute, maintain ends the run, each stage's lineage names its
    Airflow task and the DAG run, and `cloudshift changes` from bundled-e2e explains the moved uplift by that slice.
    The run's output is kept in target/airflow-home/dags-test.log.
    """
    inputs = tmp_path / "datasets"
    shutil.copytree(REPOSITORY / "datasets", inputs)
    warehouse = REPOSITORY / "target" / "airflow-it-warehouse"
    shutil.copytree(bundled_warehouse, warehouse)
    layer = tmp_path / "warehouse.conf"
    layer.write_text(json.dumps({"cloudshift": {"warehouse": str(warehouse), "inputs": {"root": str(inputs)}}}))
    # The DAG's run sends its stages' lineage to a file.
    events = tmp_path / "lineage.jsonl"
    lineage = tmp_path / "lineage.conf"
    lineage.write_text(json.dumps({"cloudshift": {"lineage": {"transport": "file", "file": {"location": str(events)}}}}))
    env = dict(os.environ)
    env["CLOUDSHIFT_CDS"] = "off"
    env["CLOUDSHIFT_CONFIG"] = f"{REPOSITORY / 'conf' / 'cloudshift.conf'},{layer},{lineage}"
    env["CLOUDSHIFT_RESTATEMENT_MONTHS"] = "0"
    env["PATH"] = f"{REPOSITORY / '.venv' / 'bin'}{os.pathsep}{env['PATH']}"
    env["SPARK_CONF_DIR"] = str(quick_spark_conf(tmp_path))
    before = {table: commits(warehouse, table) for table in tables(warehouse)}
    assert all(history[-1]["run_id"] == BUNDLED_RUN_ID for history in before.values()), before

    redeliver(inputs / "focus" / "azure-focus" / "billing_period=2026-08", Decimal("1.1"))
    # A manual run at 2026-09-01 covers the interval that ends then: August.
    run = subprocess.run([os.environ["AIRFLOW_BIN"], "dags", "test", "cloudshift_monthly", "2026-09-01"], env=env, cwd=REPOSITORY,
                         capture_output=True, text=True, timeout=1800)
    (REPOSITORY / "target" / "airflow-home" / "dags-test.log").write_text(run.stdout + run.stderr)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]

    # Airflow's own record of the run: August's interval, every task succeeded at its first try.
    august, interval, tasks = dag_run_record()
    assert interval == ("2026-08-01 00:00:00.000000", "2026-09-01 00:00:00.000000")
    assert august.startswith("manual__")
    print("task seconds:", {task: round(seconds) for task, _, _, seconds in tasks})
    assert [(task, state, tries) for task, state, tries, _ in tasks] == [
        (stage, "success", 1) for stage in ["ingest", "shares", "uplift", "project", "reconcile", "maintain"]]

    after = {table: commits(warehouse, table) for table in tables(warehouse)}
    # The tables of the complete run, and restatements, written the first time a slice is restated.
    assert set(after) == {*before, "restatements"}, "the tables after the run differ from the complete run's and restatements"
    # maintain, the last stage, went over every table. No file of this warehouse, minutes old, is older than the
    # retention, so it ran no VACUUM (docs/operations.md#table-maintenance), and it commits only where it compacts.
    log = run.stdout + run.stderr
    assert {table for table in after if f"Table {table}: no data file older than the retention" in log} == set(after)
    # Every table's last commit is this run's, but the quarantine tables' with nothing to change.
    unchanged = {"rejected_partnerships", "rejected_reference"}
    assert {table: history[-1]["run_id"] for table, history in after.items()} == {
        table: BUNDLED_RUN_ID if table in unchanged else august for table in after}
    # Before it, each stage's own commits name the run and the months it covered: ingest August, the gold stages all.
    # Silver and every gold table are recommitted by this run; quarantine tables with nothing to change are not.
    written_by = {"charges": "ingest", "charges_monthly": "ingest", "restatements": "ingest", "lab_provider_monthly": "shares",
                  "lab_concentration_monthly": "shares", "provider_lab_mix_quarterly": "shares", "share_shift_events": "shares",
                  "uplift_monthly": "uplift", "uplift_quarterly": "uplift", "uplift_estimates": "uplift",
                  "uplift_projection": "project",
                  "uplift_projection_sensitivity": "project", "revenue_reconciliation": "reconcile"}
    for table, stage in written_by.items():
        periods = {meta["period"] for meta in after[table] if meta["run_id"] == august and meta["job"] != "maintain"}
        assert periods == {"2026-08" if stage == "ingest" else "all"}, (table, after[table])
        assert {stage} <= {meta["job"] for meta in after[table] if meta["run_id"] == august} <= {stage, "maintain"}, (
            table, after[table])
    assert [meta for table in unchanged for meta in after[table] if meta["run_id"] == august] == []
    # Every stage recorded its row in job_runs.
    assert {meta["job"] for meta in after["job_runs"] if meta["run_id"] == august} == {
        "ingest", "shares", "uplift", "project", "reconcile", "maintain"}

    # The slices this run restated, as its commits of restatements hold them (Delta's statistics keep the first 32
    # characters of a string): Azure's August only; the other exports re-delivered August's rows unchanged.
    stats = [json.loads(action["add"]["stats"]) for meta, actions in delta_log(warehouse, "restatements") if meta["run_id"] == august
             for action in actions if "add" in action and meta["job"] == "ingest"]
    assert [(s["minValues"]["run_id"], s["minValues"]["export_id"], s["maxValues"]["export_id"],
             s["minValues"]["billing_month"], s["maxValues"]["billing_month"]) for s in stats] == [
        (august[:32], "azure-focus", "azure-focus", "2026-08-01", "2026-08-01")]

    # Each stage's lineage (the shaded jar's OpenLineage client under spark-submit) names its Airflow task as the parent
    # run and the DAG run as the root.
    sent = [json.loads(line) for line in events.read_text().splitlines()]
    stages = ["ingest", "shares", "uplift", "project", "reconcile", "maintain"]
    assert [(e["job"]["name"], e["eventType"]) for e in sent] == [(stage, kind) for stage in stages for kind in ["START", "COMPLETE"]]
    for event in sent:
        parent = event["run"]["facets"]["parent"]
        assert parent["job"] == {"namespace": "default", "name": f"cloudshift_monthly.{event['job']['name']}"}
        assert parent["root"]["job"] == {"namespace": "default", "name": "cloudshift_monthly"}
        assert event["run"]["facets"]["cloudshift_run"]["run_id"] == august
    assert len({e["run"]["facets"]["parent"]["run"]["runId"] for e in sent}) == len(stages), "one Airflow task run per stage"
    assert len({e["run"]["facets"]["parent"]["root"]["run"]["runId"] for e in sent}) == 1, "one DAG run"
    ingest = next(e for e in sent if e["job"]["name"] == "ingest" and e["eventType"] == "COMPLETE")
    assert str(inputs / "focus" / "aws-focus") in [i["name"] for i in ingest["inputs"]]

    changes = subprocess.run([str(REPOSITORY / "bin" / "cloudshift"), "changes", "--from", BUNDLED_RUN_ID, "--to", august, "--event", "P13",
                              "--figure", "uplift", "--warehouse", str(warehouse)], env=env, cwd=REPOSITORY, capture_output=True,
                             text=True, timeout=900)
    assert changes.returncode == 0, changes.stderr[-4000:]
    moved = [line for line in changes.stdout.splitlines() if line.startswith("  P13 calendar 2026Q3 compute")]
    assert len(moved) == 3, changes.stdout  # frozen, trend and control
    assert all("restated: azure-focus 2026-08-01 +" in line for line in moved), changes.stdout
