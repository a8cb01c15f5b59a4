"""The cloudshift_monthly DAG under real Airflow (the pinned release of airflow/requirements-lock.txt)."""

import copy
import csv
import gzip
import json
import os
import shlex
import shutil
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
from conftest import DAGS, REPOSITORY

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


def last_commits(warehouse):
    """What each table's last commit says about its run (Delta's log, read without Spark)."""
    last = {}
    for table in sorted(p.name for p in warehouse.iterdir() if (p / "_delta_log").is_dir()):
        commits = sorted((warehouse / table / "_delta_log").glob("*.json"))
        info = next(json.loads(line)["commitInfo"] for line in commits[-1].read_text().splitlines() if "commitInfo" in line)
        last[table] = json.loads(info["userMetadata"])
    return last


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


def test_airflow_dags_test_runs_two_months_and_picks_up_a_redelivery_on_the_bundled_data(tmp_path):
    """`airflow dags test` of September, then of October after August was re-delivered.

    Every stage spark-submits the real jar with PySpark's spark-submit, on a copy of the bundled
    inputs whose earlier months are already ingested. September's run ingests July to September again
    (the months still open to re-delivery): the same deliveries, so nothing is restated. Azure then re-delivers August with every cost 10 % higher, after August's
    run and September's: October's run reads August again, restatements records the slice, the gold
    stages recompute, and `cloudshift changes` explains the moved uplift by that slice.
    """
    inputs = tmp_path / "datasets"
    shutil.copytree(REPOSITORY / "datasets", inputs)
    warehouse = REPOSITORY / "target" / "airflow-it-warehouse"
    layer = tmp_path / "warehouse.conf"
    layer.write_text(json.dumps({"cloudshift": {"warehouse": str(warehouse), "inputs": {"root": str(inputs)}}}))
    # The DAG's runs send their stages' lineage to a file.
    events = tmp_path / "lineage.jsonl"
    lineage = tmp_path / "lineage.conf"
    lineage.write_text(json.dumps({"cloudshift": {"lineage": {"transport": "file", "file": {"location": str(events)}}}}))
    env = dict(os.environ)
    env["CLOUDSHIFT_CDS"] = "off"
    env["CLOUDSHIFT_CONFIG"] = f"{REPOSITORY / 'conf' / 'cloudshift.conf'},{layer},{lineage}"
    env["PATH"] = f"{REPOSITORY / '.venv' / 'bin'}{os.pathsep}{env['PATH']}"
    # Every month before, as earlier monthly runs would have left them: the uplift of P13 needs its baseline.
    earlier = subprocess.run([str(REPOSITORY / "bin" / "cloudshift"), "ingest", "--config", str(REPOSITORY / "conf" / "cloudshift.conf"),
                              "--config", str(layer), "--run-id", "earlier-months"], env=env, cwd=REPOSITORY, capture_output=True,
                             text=True, timeout=900)
    assert earlier.returncode == 0, earlier.stderr[-4000:]

    def dags_test(logical_date):
        run = subprocess.run([os.environ["AIRFLOW_BIN"], "dags", "test", "cloudshift_monthly", logical_date], env=env, cwd=REPOSITORY,
                             capture_output=True, text=True, timeout=1800)
        assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]
        return last_commits(warehouse)

    # A manual run at 2026-10-01 covers the interval that ends then: September.
    last = dags_test("2026-10-01")
    assert len(last) == 21
    september = last["job_runs"]["run_id"]
    assert september.startswith("manual__")
    # Quarantine tables with nothing to change keep the earlier commit; silver and every gold table are this run's.
    assert {meta["run_id"] for meta in last.values()} <= {september, "earlier-months"}
    # Each commit names the stage that wrote it and the months it covered: ingest July to September, the gold stages all,
    # maintain (the last stage) every table it compacted and checkpointed.
    written_by = {"charges": "ingest", "charges_monthly": "ingest", "lab_provider_monthly": "shares",
                  "lab_concentration_monthly": "shares", "provider_lab_mix_quarterly": "shares", "share_shift_events": "shares",
                  "uplift_monthly": "uplift", "uplift_quarterly": "uplift", "uplift_estimates": "uplift",
                  "uplift_projection": "project",
                  "uplift_projection_sensitivity": "project", "revenue_reconciliation": "reconcile", "job_runs": "maintain"}
    for table, stage in written_by.items():
        assert last[table]["job"] in {stage, "maintain"}, table
        if last[table]["job"] == stage:
            assert last[table]["period"] == ("2026-07:2026-09" if stage == "ingest" else "all"), table

    # Each stage's lineage (the shaded jar's OpenLineage client under spark-submit) names its Airflow task as the parent
    # run and the DAG run as the root.
    sent = [json.loads(line) for line in events.read_text().splitlines()]
    stages = ["ingest", "shares", "uplift", "project", "reconcile", "maintain"]
    assert [(e["job"]["name"], e["eventType"]) for e in sent] == [(stage, kind) for stage in stages for kind in ["START", "COMPLETE"]]
    for event in sent:
        parent = event["run"]["facets"]["parent"]
        assert parent["job"] == {"namespace": "default", "name": f"cloudshift_monthly.{event['job']['name']}"}
        assert parent["root"]["job"] == {"namespace": "default", "name": "cloudshift_monthly"}
        assert event["run"]["facets"]["cloudshift_run"]["run_id"] == september
    assert len({e["run"]["facets"]["parent"]["run"]["runId"] for e in sent}) == len(stages), "one Airflow task run per stage"
    assert len({e["run"]["facets"]["parent"]["root"]["run"]["runId"] for e in sent}) == 1, "one DAG run"
    ingest = next(e for e in sent if e["job"]["name"] == "ingest" and e["eventType"] == "COMPLETE")
    assert str(inputs / "focus" / "aws-focus") in [i["name"] for i in ingest["inputs"]]

    redeliver(inputs / "focus" / "azure-focus" / "billing_period=2026-08", Decimal("1.1"))
    last = dags_test("2026-11-01")
    october = last["job_runs"]["run_id"]
    assert october != september
    restated = [json.loads(line) for commit in sorted((warehouse / "restatements" / "_delta_log").glob("*.json"))
                for line in commit.read_text().splitlines()]
    stats = [json.loads(action["add"]["stats"]) for action in restated if "add" in action]
    # Delta's statistics keep the first 32 characters of a string.
    assert [(s["minValues"]["run_id"], s["minValues"]["export_id"], s["maxValues"]["export_id"],
             s["minValues"]["billing_month"], s["maxValues"]["billing_month"]) for s in stats] == [
        (october[:32], "azure-focus", "azure-focus", "2026-08-01", "2026-08-01")]
    assert all(last[table]["run_id"] == october for table in written_by), last

    changes = subprocess.run([str(REPOSITORY / "bin" / "cloudshift"), "changes", "--from", september, "--to", october, "--event", "P13",
                              "--figure", "uplift", "--warehouse", str(warehouse)], env=env, cwd=REPOSITORY, capture_output=True,
                             text=True, timeout=900)
    assert changes.returncode == 0, changes.stderr[-4000:]
    moved = [line for line in changes.stdout.splitlines() if line.startswith("  P13 calendar 2026Q3 compute")]
    assert len(moved) == 3, changes.stdout  # frozen, trend and control
    assert all("restated: azure-focus 2026-08-01 +" in line for line in moved), changes.stdout
